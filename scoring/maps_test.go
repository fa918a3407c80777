package scoring_test

import (
	"strings"
	"testing"
)

// mapRules maps the letters of SCHEMES.md §20 and the channel levels of
// §21 to points.
const mapRules = `
columns:
  工号: {type: text, key: true}
  合作效果: {values: [优秀, 良好, 一般, 不足]}
  培训: {type: text}
  渠道: {type: text}
metrics:
  合作:
    value: 合作效果
    map: {优秀: 100, 良好: 80, 一般: 60, 不足: 40}
    weight: 20
  培训分:
    value: 培训
    map: {A+: 100, A: 90, B: 80, C: 70, D: 60}
    weight: 50
  渠道分:
    value: 渠道
    map: {品牌供应商: 3, 全国总代理: 2, 地方代理商及以下: 1}
    map_other: 0
`

func TestMap(t *testing.T) {
	s := compile(t, mapRules)
	tests := []struct {
		name                string
		cells               []string
		合作, 培训分, 渠道分, total string // the scores
		notes               string
	}{
		{
			// 良好 80 x 20 / 100 = 16; A+ 100 x 50 / 100 = 50; 品牌供应商 3
			// unweighted. 16 + 50 + 3 = 69.
			name: "every text held", cells: []string{"E1", "良好", "A+", "品牌供应商"},
			合作: "16", 培训分: "50", 渠道分: "3", total: "69",
		},
		{
			// 不足 40 x 20 / 100 = 8; D 60 x 50 / 100 = 30; a channel the
			// map does not hold takes map_other 0. 8 + 30 + 0 = 38.
			name: "map_other", cells: []string{"E2", "不足", "D", "个人"},
			合作: "8", 培训分: "30", 渠道分: "0", total: "38",
		},
		{
			// Spaces around the text do not count: " B " is B, 80 x 50 /
			// 100 = 40. "很好" is not in 培训分's map and there is no
			// map_other, so 培训分 has no points and there is no total.
			name: "text not in the map", cells: []string{"E3", "一般", "很好", " 全国总代理 "},
			合作: "12", 培训分: `missing: 培训 is "很好", which the map of 培训分 does not hold (A+, A, B, C, D)`, 渠道分: "2",
			total: `missing: 培训 is "很好", which the map of 培训分 does not hold (A+, A, B, C, D)`,
			notes: `培训分: 培训 is "很好", which the map of 培训分 does not hold (A+, A, B, C, D)`,
		},
		{
			// "a" is not "A": the map is exact about letters.
			name: "case counts", cells: []string{"E4", "优秀", "a", "地方代理商及以下"},
			合作: "20", 培训分: `missing: 培训 is "a", which the map of 培训分 does not hold (A+, A, B, C, D)`, 渠道分: "1",
			total: `missing: 培训 is "a", which the map of 培训分 does not hold (A+, A, B, C, D)`,
			notes: `培训分: 培训 is "a", which the map of 培训分 does not hold (A+, A, B, C, D)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := score(t, s, tt.cells...)
			for _, m := range []struct{ name, want string }{{"合作", tt.合作}, {"培训分", tt.培训分}, {"渠道分", tt.渠道分}} {
				if got := show(r.Metric(metricIndex(t, s, m.name)).Score); got != m.want {
					t.Errorf("%s score = %s, want %s", m.name, got, m.want)
				}
			}
			if got := show(r.Total()); got != tt.total {
				t.Errorf("total = %s, want %s", got, tt.total)
			}
			if got := strings.Join(r.Notes(), "\n"); got != tt.notes {
				t.Errorf("notes:\n%s\nwant:\n%s", got, tt.notes)
			}
		})
	}
}

func TestMapTrace(t *testing.T) {
	s := compile(t, mapRules)
	// 一般 60 x 20 / 100 = 12; "E" is not in 培训分's map; 个人 takes
	// 渠道分's map_other 0.
	r := score(t, s, "E5", "一般", "E", "个人")
	var got []string
	for _, m := range r.Trace().Metrics {
		got = append(got, m.Lines()...)
	}
	want := `合作 = 合作效果 = "一般"
  map 一般 -> 60 points
  weight 20 -> 60 x 20 / 100 = 12 towards the total
培训分 = 培训 = "E"
  not in the map -> no points
  no points, so no score
渠道分 = 渠道 = "个人"
  not in the map: map_other -> 0 points
  no weight -> 0 towards the total`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("trace:\n%s\nwant:\n%s", g, want)
	}

	// TraceText explains a text as a row would give it: C is 70,
	// 70 x 50 / 100 = 35.
	lines := s.TraceText(metricIndex(t, s, "培训分"), "C").Lines()
	want = `培训分 = "C"
  map C -> 70 points
  weight 50 -> 70 x 50 / 100 = 35 towards the total`
	if g := strings.Join(lines, "\n"); g != want {
		t.Errorf("TraceText:\n%s\nwant:\n%s", g, want)
	}
}

func TestMapIfMissing(t *testing.T) {
	s := compile(t, `
columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    map: {优秀: 100}
    if_missing: 10
`)
	// 很好 is not in the map: if_missing gives 10 points, unweighted.
	r := score(t, s, "很好")
	if got := show(r.Total()); got != "10" {
		t.Errorf("total = %s, want 10", got)
	}
	want := `合作: 评价 is "很好", which the map of 合作 does not hold (优秀); if_missing gives 10 points`
	if got := strings.Join(r.Notes(), "\n"); got != want {
		t.Errorf("notes:\n%s\nwant:\n%s", got, want)
	}
}

func TestMapAllocs(t *testing.T) {
	s := compile(t, mapRules)
	rec := bind(t, s, "E1", "良好", "A", "个人")
	r := s.NewResult()
	if n := testing.AllocsPerRun(100, func() { s.Score(rec, r) }); n != 0 {
		t.Errorf("Score allocates %v times a record, want 0", n)
	}
}
