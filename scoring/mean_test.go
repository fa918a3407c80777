package scoring_test

import (
	"testing"
)

// raterRules averages a self rating, two colleagues' (blank when a
// colleague rated no one) and a superior's, as SCHEMES.md §3 reads, and
// weighs 上级 60%, 小组 30%, 自评 10% as §8 does.
const raterRules = `columns:
  自评: {blank: none}
  同事1: {blank: none}
  同事2: {blank: none}
  上级: {blank: none}
metrics:
  同事平均: mean(同事1, 同事2)
  综合评分: mean(自评, 同事平均, 上级)
  加权评分: wmean(上级, 60%, 同事平均, 30%, 自评, 10%)
  简单平均: (自评 + 上级) / 2
`

func TestScoreMean(t *testing.T) {
	s := compile(t, raterRules)
	colleagues := metricIndex(t, s, "同事平均")
	overall := metricIndex(t, s, "综合评分")
	weighted := metricIndex(t, s, "加权评分")
	plain := metricIndex(t, s, "简单平均")
	tests := []struct {
		name                                     string
		cells                                    []string
		colleagues, overall, weighted, plainWant string
	}{
		{
			name:  "every rater",
			cells: []string{"80", "70", "90", "86"},
			// 同事平均 = (70 + 90) / 2 = 80
			// 综合评分 = (80 + 80 + 86) / 3 = 246 / 3 = 82
			// 加权评分 = (86 x 0.6 + 80 x 0.3 + 80 x 0.1) / 1 = 51.6 + 24 + 8 = 83.6
			// 简单平均 = (80 + 86) / 2 = 83
			colleagues: "80", overall: "82", weighted: "83.6", plainWant: "83",
		},
		{
			name:  "one colleague blank",
			cells: []string{"80", "", "91", "86"},
			// 同事平均 = 91, the blank left out
			// 综合评分 = (80 + 91 + 86) / 3 = 257 / 3 = 85.666…
			// 加权评分 = 86 x 0.6 + 91 x 0.3 + 80 x 0.1 = 51.6 + 27.3 + 8 = 86.9
			colleagues: "91", overall: "85.66666666666666667", weighted: "86.9", plainWant: "83",
		},
		{
			name:  "no colleague marked",
			cells: []string{"80", "", "", "86"},
			// 同事平均 has no value; 综合评分 = (80 + 86) / 2 = 83
			// 加权评分 = (86 x 0.6 + 80 x 0.1) / (0.6 + 0.1) = 59.6 / 0.7 = 85.142857…
			colleagues: "missing: none of 同事1, 同事2 has a value", overall: "83",
			weighted: "85.14285714285714286", plainWant: "83",
		},
		{
			name:  "no self rating",
			cells: []string{"", "70", "90", "86"},
			// 综合评分 = (80 + 86) / 2 = 83; 加权评分 = (51.6 + 24) / 0.9 = 84;
			// the plain formula has no value, as a blank has none.
			colleagues: "80", overall: "83", weighted: "84", plainWant: "missing: 自评 is blank",
		},
		{
			name:       "no one rated",
			cells:      []string{"", "", "", ""},
			colleagues: "missing: none of 同事1, 同事2 has a value",
			overall:    "missing: none of 自评, 同事平均, 上级 has a value",
			weighted:   "missing: none of 上级, 同事平均, 自评 has a value",
			plainWant:  "missing: 自评 is blank",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := score(t, s, tc.cells...)
			for _, c := range []struct {
				i    int
				want string
			}{{colleagues, tc.colleagues}, {overall, tc.overall}, {weighted, tc.weighted}, {plain, tc.plainWant}} {
				if got := show(r.Metric(c.i).Value); got != c.want {
					t.Errorf("%s = %s, want %s", s.Rules().Metrics[c.i].Name, got, c.want)
				}
			}
		})
	}
}

func TestScoreWmeanZeroWeights(t *testing.T) {
	s := compile(t, `columns:
  a: {blank: none}
  b: {blank: none}
  wa: {}
metrics:
  m: wmean(a, wa, b, 0)
`)
	// Only a has a value, and its weight is 0: 0 / 0 has no value.
	r := score(t, s, "5", "", "0")
	if got, want := show(r.Metric(0).Value), "missing: the weights of the values present in wmean(a, wa, b, 0) add up to 0"; got != want {
		t.Errorf("m = %s, want %s", got, want)
	}
	// With a weight of 2 for a and none for the blank b: 5 x 2 / 2 = 5.
	r = score(t, s, "5", "", "2")
	if got, want := show(r.Metric(0).Value), "5"; got != want {
		t.Errorf("m = %s, want %s", got, want)
	}
}

func TestScoreAllocsMean(t *testing.T) {
	s := compile(t, raterRules)
	for _, cells := range [][]string{{"80", "", "91", "86"}, {"", "", "", ""}} {
		rec := bind(t, s, cells...)
		r := s.NewResult()
		if n := testing.AllocsPerRun(100, func() { s.Score(rec, r) }); n != 0 {
			t.Errorf("Score of %q allocates %v times a record, want 0", cells, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = s.Bind(1, "") }); n != 0 {
		t.Errorf("Bind of a blank cell allocates %v times, want 0", n)
	}
}
