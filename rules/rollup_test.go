package rules_test

import (
	"testing"

	"appraise/rules"
)

const rollupBase = `period: month
columns:
  工号: {type: text, key: true}
  部门: {type: text}
  实际回访: {}
  计划回访: {min: 1}
  评分: {}
metrics:
  回访率: {value: 实际回访 / 计划回访}
`

func TestParseRollup(t *testing.T) {
	src := rollupBase + `rollup:
  sum: [实际回访, 计划回访]
  mean: [评分]
  last: [部门]
`
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	r := s.Rollup
	if r == nil || r.From != "month" || r.Pos.Line != 11 {
		t.Fatalf("Rollup: got %+v", r)
	}
	// In the order of columns: 工号 (a key), 部门, 实际回访, 计划回访, 评分.
	want := []string{"", "last", "sum", "sum", "mean"}
	for i, w := range want {
		if r.How[i] != w {
			t.Errorf("How[%d] (%s) = %q, want %q", i, s.Columns[i].Name, r.How[i], w)
		}
	}
}

func TestParseRollupErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"column left out", `rollup:
  sum: [实际回访, 计划回访]
`, "rules.yaml:11:3: rollup does not say how 部门, 评分 combine over the months\n    hint: list each column under one of sum, mean, last, first, max or min"},
		{"unknown column", `rollup:
  sum: [实际回访, 计划回访, 回访]
  mean: [评分]
  last: [部门]
`, "rules.yaml:11:21: rollup sum: 回访 is not a column of the rules"},
		{"twice", `rollup:
  sum: [实际回访, 计划回访, 评分]
  mean: [评分]
  last: [部门]
`, "rules.yaml:12:10: rollup: 评分 is listed twice, under sum and mean"},
		{"key", `rollup:
  sum: [实际回访, 计划回访]
  mean: [评分]
  last: [部门, 工号]
`, "rules.yaml:13:14: rollup: 工号 is a key column: people are matched by it across the months, not combined"},
		{"text summed", `rollup:
  sum: [实际回访, 计划回访, 部门]
  mean: [评分]
`, "rules.yaml:11:21: rollup sum: 部门 holds text, which only last or first can combine"},
		{"from", `rollup:
  from: day
  sum: [实际回访, 计划回访]
  mean: [评分]
  last: [部门]
`, `rules.yaml:11:9: rollup from must be month or week, not "day"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("rules.yaml", []byte(rollupBase+tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseRollupPeriod(t *testing.T) {
	src := `period: quarter
columns:
  工号: {type: text, key: true}
  得分: {}
rollup:
  sum: [得分]
`
	_, err := rules.Parse("rules.yaml", []byte(src))
	want := "rules.yaml:6:3: rollup builds longer periods from months, but the rules' workbooks hold a quarter (period: quarter)\n    hint: give period: month: the rules score a month's workbook, and build quarters and years from them"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
