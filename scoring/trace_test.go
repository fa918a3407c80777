package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"appraise/rules"
	"appraise/scoring"

	"github.com/govalues/decimal"
)

// traceRules has a metric of each kind: banded and weighted, points from
// inputs with a floor, points from its own value and a parameter with a
// cap, and one that is only reported.
const traceRules = `
columns:
  工号: {type: text, key: true}
  询单: {min: 0}
  成交: {min: 0}
  迟到: {blank: 0}
  奖金: {optional: true, blank: 0}
params:
  基数: 1000
  扣分: 5
metrics:
  转化率:
    value: 成交 / 询单
    format: percent
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "[50%, 75%)", points: 60, label: 中}
      - {when: "< 50%", points: 0}
    weight: 80
  考勤:
    points: 20 - 扣分 * 迟到
    floor: 0
  成交分:
    value: 成交
    points: value * 扣分 / 10
    cap: 10
    weight: 50
  未成交: 询单 - 成交
total:
  cap: 100
flags:
  迟到多: 迟到 >= 3 or 未成交 < 0
pay:
  绩效: 基数 * total / 300
  合计: 绩效 + 奖金
`

// The trace writes each formula out with the values it used.
func ExampleResult_Trace() {
	set, err := rules.Parse("rules.yaml", []byte(traceRules))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := scoring.Compile(set)
	rec := make([]scoring.Value, len(set.Columns))
	for i, cell := range []string{"E01", "4", "3", "0", ""} {
		rec[i], _ = s.Bind(i, cell)
	}
	rec[4] = s.BindAbsent(4)
	r := s.NewResult()
	s.Score(rec, r)

	t := r.Trace()
	for _, m := range t.Metrics {
		fmt.Println(strings.Join(m.Lines(), "\n"))
	}
	fmt.Println(t.Total.Line())
	for _, st := range append(t.Flags, t.Pay...) {
		fmt.Println(st)
	}

	// 转化率 3/4 = 0.75 is in ">= 75%": 100 points, 100 x 80 / 100 = 80.
	// 考勤 20 - 5 x 0 = 20, unweighted. 成交分 3 x 5 / 10 = 1.5 points,
	// 1.5 x 50 / 100 = 0.75. The sum 80 + 20 + 0.75 = 100.75 is capped at
	// 100, and 绩效 = 1000 x 100 / 300 = 333.33... exactly, to 19 digits.

	// Output:
	// 转化率 = 成交 / 询单 = 3 / 4 = 0.75 (75%)
	//   band >= 75% -> 100 points
	//   weight 80 -> 100 x 80 / 100 = 80 towards the total
	// 考勤 points = 20 - 扣分 * 迟到 = 20 - 5 * 0 = 20
	//   no weight -> 20 towards the total
	// 成交分 = 成交 = 3
	//   points = value * 扣分 / 10 = 3 * 5 / 10 = 1.5
	//   weight 50 -> 1.5 x 50 / 100 = 0.75 towards the total
	// 未成交 = 询单 - 成交 = 4 - 3 = 1
	//   reported only: it earns no points
	// total = 80 + 20 + 0.75 = 100.75, capped at 100
	// 迟到多 = 迟到 >= 3 or 未成交 < 0 = 0 >= 3 or 1 < 0 = no
	// 绩效 = 基数 * total / 300 = 1000 * 100 / 300 = 333.3333333333333333
	// 合计 = 绩效 + 奖金 = 333.3333333333333333 + 0 = 333.3333333333333333
}

func TestTrace(t *testing.T) {
	s := compile(t, traceRules)
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{
			// 0/0 has no value, so 转化率 has no points and there is no
			// total; 考勤 20 - 5 x 5 = -5 is raised to its floor 0.
			name:  "missing value and floor",
			cells: []string{"E02", "0", "0", "5"},
			want: `转化率 = 成交 / 询单 = 0 / 0: 询单 is 0, so 成交 / 询单 has no value
  no points, so no score
考勤 points = 20 - 扣分 * 迟到 = 20 - 5 * 5 = -5
  floor 0 -> 0 points
  no weight -> 0 towards the total
成交分 = 成交 = 0
  points = value * 扣分 / 10 = 0 * 5 / 10 = 0
  weight 50 -> 0 x 50 / 100 = 0 towards the total
未成交 = 询单 - 成交 = 0 - 0 = 0
  reported only: it earns no points
total = ? + 0 + 0: 询单 is 0, so 成交 / 询单 has no value
迟到多 = 迟到 >= 3 or 未成交 < 0 = 5 >= 3 or 0 < 0 = yes
绩效 = 基数 * total / 300 = 1000 * ? / 300: 询单 is 0, so 成交 / 询单 has no value
合计 = 绩效 + 奖金 = ? + 0: 询单 is 0, so 成交 / 询单 has no value`,
		},
		{
			// 30/10 = 3 is in ">= 75%": 80. 考勤 20 - 5 = 15. 成交分
			// 30 x 5 / 10 = 15 is capped at 10, 10 x 50 / 100 = 5. The
			// total 80 + 15 + 5 = 100 reaches the cap without passing it.
			// 未成交 10 - 30 = -20 is bracketed where it is an operand.
			name:  "cap on points and a negative operand",
			cells: []string{"E03", "10", "30", "1"},
			want: `转化率 = 成交 / 询单 = 30 / 10 = 3 (300%)
  band >= 75% -> 100 points
  weight 80 -> 100 x 80 / 100 = 80 towards the total
考勤 points = 20 - 扣分 * 迟到 = 20 - 5 * 1 = 15
  no weight -> 15 towards the total
成交分 = 成交 = 30
  points = value * 扣分 / 10 = 30 * 5 / 10 = 15
  cap 10 -> 10 points
  weight 50 -> 10 x 50 / 100 = 5 towards the total
未成交 = 询单 - 成交 = 10 - 30 = -20
  reported only: it earns no points
total = 80 + 15 + 5 = 100
迟到多 = 迟到 >= 3 or 未成交 < 0 = 1 >= 3 or (-20) < 0 = yes
绩效 = 基数 * total / 300 = 1000 * 100 / 300 = 333.3333333333333333
合计 = 绩效 + 奖金 = 333.3333333333333333 + 0 = 333.3333333333333333`,
		},
		{
			// 149/200 = 0.745 is in "[50%, 75%)", labelled 中: 60 x 0.8 = 48.
			name:  "band label",
			cells: []string{"E04", "200", "149", ""},
			want: `转化率 = 成交 / 询单 = 149 / 200 = 0.745 (74.5%)
  band [50%, 75%) (中) -> 60 points
  weight 80 -> 60 x 80 / 100 = 48 towards the total`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cells := append(tt.cells, "")
			rec := bind(t, s, cells...)
			rec[4] = s.BindAbsent(4)
			r := s.NewResult()
			s.Score(rec, r)
			tr := r.Trace()
			var lines []string
			for _, m := range tr.Metrics {
				lines = append(lines, m.Lines()...)
			}
			lines = append(lines, tr.Total.Line())
			for _, st := range append(tr.Flags, tr.Pay...) {
				lines = append(lines, st.String())
			}
			got := strings.Join(lines, "\n")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("trace:\n%s\nwant it to start:\n%s", got, tt.want)
			}
			if g := fmt.Sprint(tr.Inputs); g != "[1 2 3 4]" {
				t.Errorf("inputs read: %s, want [1 2 3 4] (all but 工号)", g)
			}
		})
	}
}

func TestTraceValue(t *testing.T) {
	s := compile(t, traceRules)
	tests := []struct {
		metric int
		value  string
		want   string
	}{
		// On the edge, just below it, and far below.
		{0, "0.75", "转化率 = 0.75 (75%)\n  band >= 75% -> 100 points\n  weight 80 -> 100 x 80 / 100 = 80 towards the total"},
		{0, "0.7499", "转化率 = 0.7499 (74.99%)\n  band [50%, 75%) (中) -> 60 points\n  weight 80 -> 60 x 80 / 100 = 48 towards the total"},
		{0, "-1", "转化率 = -1 (-100%)\n  band < 50% -> 0 points\n  weight 80 -> 0 x 80 / 100 = 0 towards the total"},
		// The points formula reads the value and a parameter only:
		// 12 x 5 / 10 = 6; 40 x 5 / 10 = 20 is capped at 10.
		{2, "12", "成交分 = 12\n  points = value * 扣分 / 10 = 12 * 5 / 10 = 6\n  weight 50 -> 6 x 50 / 100 = 3 towards the total"},
		{2, "40", "成交分 = 40\n  points = value * 扣分 / 10 = 40 * 5 / 10 = 20\n  cap 10 -> 10 points\n  weight 50 -> 10 x 50 / 100 = 5 towards the total"},
		{3, "7", "未成交 = 7\n  reported only: it earns no points"},
	}
	for _, tt := range tests {
		got := strings.Join(s.TraceValue(tt.metric, decimal.MustParse(tt.value)).Lines(), "\n")
		if got != tt.want {
			t.Errorf("TraceValue(%d, %s):\n%s\nwant:\n%s", tt.metric, tt.value, got, tt.want)
		}
	}

	// A points formula that reads an input cannot be worked from the value.
	s = compile(t, `
columns:
  a: {}
  b: {}
metrics:
  m:
    value: a
    points: value + b * 2
    weight: 10
`)
	got := strings.Join(s.TraceValue(0, decimal.MustParse("3")).Lines(), "\n")
	if want := "m = 3\n  points = value + b * 2: needs b"; got != want {
		t.Errorf("TraceValue with an input:\n%s\nwant:\n%s", got, want)
	}
}

func TestTraceNoBand(t *testing.T) {
	// 5 is in no band. Without if_missing the metric has no points; with
	// if_missing: 2 it has 2, and 2 x 10 / 100 = 0.2 towards the total.
	s := compile(t, `
columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 10", points: 100}
    weight: 10
  n:
    value: a
    bands:
      - {when: ">= 10", points: 100}
    if_missing: 2
    weight: 10
`)
	tr := score(t, s, "5").Trace()
	for i, want := range []string{
		"m = a = 5\n  in none of the bands -> no points\n  no points, so no score",
		"n = a = 5\n  in none of the bands -> no points\n  if_missing 2 -> 2 points\n  weight 10 -> 2 x 10 / 100 = 0.2 towards the total",
	} {
		if got := strings.Join(tr.Metrics[i].Lines(), "\n"); got != want {
			t.Errorf("metric %d:\n%s\nwant:\n%s", i, got, want)
		}
	}
	if got, want := tr.Total.Line(), "total = ? + 0.2: m falls in none of its bands"; got != want {
		t.Errorf("total: %s, want %s", got, want)
	}
}
