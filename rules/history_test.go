package rules_test

import (
	"strings"
	"testing"

	"appraise/rules"
)

const historyBase = `columns:
  工号: {type: text, key: true}
  得分: {}
  曝光: {}
params:
  线: 35
metrics:
  业绩: {points: 得分}
`

func TestHistoryNames(t *testing.T) {
	src := historyBase + `flags:
  淘汰: consecutive(total < 线) >= 2
  曝光过多: sum_year(曝光) > 6 or count_last(业绩.points < 60 and 曝光 > 0, 3) >= 2
`
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	// The param 线 is the current rules' own: not read from the history.
	if got := strings.Join(s.HistoryNames(), ","); got != "total,曝光,业绩.points" {
		t.Errorf("HistoryNames: %s", got)
	}
	if !s.NeedsHistory() {
		t.Error("NeedsHistory: false")
	}
}

func TestHistoryErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"condition wanted", "flags:\n  淘汰: consecutive(total) >= 2\n",
			"rules.yaml:10:19: consecutive needs a condition, but total is a number"},
		{"number wanted", "pay:\n  累计: sum_year(total < 35)\n",
			"rules.yaml:10:22: sum_year needs a number, but total < 35 is a condition"},
		{"periods", "flags:\n  淘汰: count_last(total < 35, 0) >= 2\n",
			"rules.yaml:10:30: count_last's second argument is how many periods, this one included: a whole number from 1 to 520"},
		{"nested", "flags:\n  淘汰: consecutive(sum_last(total, 2) < 70) >= 2\n",
			"rules.yaml:10:19: sum_last inside consecutive: a history function looks back over what earlier periods recorded, which holds no history of its own"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("rules.yaml", []byte(historyBase+tt.src))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
