package scoring_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"appraise/rules"
	"appraise/scoring"
)

// compile parses and compiles a rule file written in a test.
func compile(t testing.TB, src string) *scoring.Scorer {
	t.Helper()
	set, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("rules.Parse:\n%v", err)
	}
	s, err := scoring.Compile(set)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return s
}

// bind turns raw cells, one per column in the order of the rules, into a
// record.
func bind(t testing.TB, s *scoring.Scorer, raw ...string) []scoring.Value {
	t.Helper()
	if len(raw) != len(s.Rules().Columns) {
		t.Fatalf("%d cells for %d columns", len(raw), len(s.Rules().Columns))
	}
	rec := make([]scoring.Value, len(raw))
	for i, x := range raw {
		v, err := s.Bind(i, x)
		if err != nil {
			t.Fatalf("Bind(%d, %q): %v", i, x, err)
		}
		rec[i] = v
	}
	return rec
}

// score binds raw and scores it in a new Result.
func score(t testing.TB, s *scoring.Scorer, raw ...string) *scoring.Result {
	t.Helper()
	r := s.NewResult()
	s.Score(bind(t, s, raw...), r)
	return r
}

// show renders a value so that a test can compare kind and content at
// once: numbers exactly, text quoted, conditions as yes or no, and a
// missing value with its reason.
func show(v scoring.Value) string {
	switch v.Kind {
	case scoring.Missing:
		return "missing: " + v.Str
	case scoring.Text:
		return strconv.Quote(v.Str)
	}
	return v.String()
}

// indexOf finds the item called name in list, failing the test if there
// is none.
func indexOf[T any](t testing.TB, what string, list []T, name string, nameOf func(T) string) int {
	t.Helper()
	for i, x := range list {
		if nameOf(x) == name {
			return i
		}
	}
	t.Fatalf("no %s %s", what, name)
	return -1
}

func metricIndex(t testing.TB, s *scoring.Scorer, name string) int {
	return indexOf(t, "metric", s.Rules().Metrics, name, func(m *rules.Metric) string { return m.Name })
}

func flagIndex(t testing.TB, s *scoring.Scorer, name string) int {
	return indexOf(t, "flag", s.Rules().Flags, name, func(f *rules.Flag) string { return f.Name })
}

func payIndex(t testing.TB, s *scoring.Scorer, name string) int {
	return indexOf(t, "pay line", s.Rules().Pay, name, func(p *rules.PayLine) string { return p.Name })
}

func columnIndex(t testing.TB, s *scoring.Scorer, name string) int {
	return indexOf(t, "column", s.Rules().Columns, name, func(c *rules.Column) string { return c.Name })
}

// checkMetric compares the points of a metric and, when score is not "",
// its score.
func checkMetric(t *testing.T, r *scoring.Result, s *scoring.Scorer, name, points, score string) {
	t.Helper()
	m := r.Metric(metricIndex(t, s, name))
	if got := show(m.Points); got != points {
		t.Errorf("%s points = %s, want %s", name, got, points)
	}
	if score != "" {
		if got := show(m.Score); got != score {
			t.Errorf("%s score = %s, want %s", name, got, score)
		}
	}
}

const bandRules = `
columns:
  比率: {}
  成交: {}
  询单: {}
metrics:
  直接:
    value: 比率
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "[65%, 75%)", points: 80}
      - {when: "< 65%", points: 0}
  相除:
    value: 成交 / 询单
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "[65%, 75%)", points: 80}
      - {when: "< 65%", points: 0}
`

// TestBandEdge checks that 75% is the same number however it reaches the
// band ">= 75%": a cell 0.75, a cell "75%", or a ratio 3/4 or 75/100.
func TestBandEdge(t *testing.T) {
	s := compile(t, bandRules)
	tests := []struct {
		ratio, won, asked string
		band              int // the same for both metrics
		points            string
	}{
		{"0.75", "3", "4", 0, "100"},      // 0.75 >= 0.75; 3/4 = 0.75
		{"75%", "75", "100", 0, "100"},    // 75/100 = 0.75
		{" ７５％ ", "75", "100", 0, "100"},  // full-width 75% is 0.75
		{"0.7499", "149", "200", 1, "80"}, // 0.7499 < 0.75; 149/200 = 0.745 < 0.75
		{"74.99%", "1499", "2000", 1, "80"},
		// A double one unit below 0.75 is shown, and kept, as 0.75.
		{"0.7499999999999999", "3", "4", 0, "100"},
		{"0.65", "13", "20", 1, "80"},    // 13/20 = 0.65, the lower edge of [65%, 75%)
		{"0.6499", "129", "200", 2, "0"}, // 129/200 = 0.645
		{"1", "4", "4", 0, "100"},
		{"0", "0", "4", 2, "0"},
	}
	for _, tt := range tests {
		r := score(t, s, tt.ratio, tt.won, tt.asked)
		for _, name := range []string{"直接", "相除"} {
			m := r.Metric(metricIndex(t, s, name))
			if m.Band != tt.band || show(m.Points) != tt.points {
				t.Errorf("%s with %s (%s/%s): band %d, points %s; want band %d, points %s",
					name, tt.ratio, tt.won, tt.asked, m.Band, show(m.Points), tt.band, tt.points)
			}
		}
	}
}

// TestBandLowerIsBetter checks half-open intervals on a metric where less
// is better, such as a response time in seconds.
func TestBandLowerIsBetter(t *testing.T) {
	s := compile(t, `
columns:
  响应时间: {min: 0}
metrics:
  响应:
    value: 响应时间
    bands:
      - {when: "<= 30", points: 100}
      - {when: "(30, 45]", points: 80}
      - {when: "(45, 55]", points: 60}
      - {when: "> 55", points: 0}
`)
	tests := []struct {
		in     string
		band   int
		points string
	}{
		{"0", 0, "100"},
		{"30", 0, "100"},   // <= 30 includes 30; (30, 45] does not
		{"30.01", 1, "80"}, // just above 30
		{"45", 1, "80"},    // (30, 45] includes 45
		{"45.5", 2, "60"},  // (45, 55]
		{"55", 2, "60"},    // (45, 55] includes 55
		{"55.001", 3, "0"}, // > 55
		{"600", 3, "0"},
	}
	for _, tt := range tests {
		m := score(t, s, tt.in).Metric(0)
		if m.Band != tt.band || show(m.Points) != tt.points {
			t.Errorf("响应时间 %s: band %d, points %s; want band %d, points %s", tt.in, m.Band, show(m.Points), tt.band, tt.points)
		}
		if show(m.Value) != show(bind(t, s, tt.in)[0]) {
			t.Errorf("响应时间 %s: value %s", tt.in, show(m.Value))
		}
	}
}

// TestBandGap checks that a value outside every band has no points, and
// says so. (A gap between two bands is an error in the rule file.)
func TestBandGap(t *testing.T) {
	s := compile(t, `
columns:
  x: {}
metrics:
  m:
    value: x
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "[50%, 75%)", points: 50}
`)
	r := score(t, s, "0.4")
	m := r.Metric(0)
	if m.Band != -1 || show(m.Points) != "missing: m falls in none of its bands" {
		t.Errorf("band %d, points %s", m.Band, show(m.Points))
	}
	if got, want := r.Notes(), []string{"m: m falls in none of its bands"}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}
}

// TestBandDoubleEquals checks that "== 0" is the band "= 0", as "==" is
// "=" in formulas, and not a band that holds every value.
func TestBandDoubleEquals(t *testing.T) {
	s := compile(t, `
columns:
  x: {}
metrics:
  m:
    value: x
    bands:
      - {when: "== 0", points: 100}
      - {when: "> 0", points: 50}
`)
	for _, tt := range []struct {
		in     string
		band   int
		points string
	}{
		{"0", 0, "100"},
		{"5", 1, "50"},
	} {
		m := score(t, s, tt.in).Metric(0)
		if m.Band != tt.band || show(m.Points) != tt.points {
			t.Errorf("x = %s: band %d, points %s; want band %d, points %s", tt.in, m.Band, show(m.Points), tt.band, tt.points)
		}
	}
}

// TestWeights checks that a weighted metric contributes
// points x weight / 100 and an unweighted one its points as they are.
func TestWeights(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  b: {}
metrics:
  甲:
    value: a
    bands:
      - {when: ">= 90", points: 100}
      - {when: "< 90", points: 60}
    weight: 35
  乙:
    points: b
    weight: 20
  丙:
    points: b / 2
`)
	tests := []struct {
		a, b                           string
		甲, 甲score, 乙, 乙score, 丙, total string
	}{
		// 甲: 95 >= 90, 100 points, 100 x 35 / 100 = 35
		// 乙: 7.5 x 20 / 100 = 1.5
		// 丙: 7.5 / 2 = 3.75, unweighted
		// total: 35 + 1.5 + 3.75 = 40.25
		{"95", "7.5", "100", "35", "7.5", "1.5", "3.75", "40.25"},
		// 甲: 80 < 90, 60 points, 60 x 35 / 100 = 21
		// 乙: 3 x 20 / 100 = 0.6
		// 丙: 3 / 2 = 1.5
		// total: 21 + 0.6 + 1.5 = 23.1
		{"80", "3", "60", "21", "3", "0.6", "1.5", "23.1"},
	}
	for _, tt := range tests {
		r := score(t, s, tt.a, tt.b)
		checkMetric(t, r, s, "甲", tt.甲, tt.甲score)
		checkMetric(t, r, s, "乙", tt.乙, tt.乙score)
		checkMetric(t, r, s, "丙", tt.丙, tt.丙)
		if got := show(r.Total()); got != tt.total {
			t.Errorf("a=%s b=%s: total %s, want %s", tt.a, tt.b, got, tt.total)
		}
	}
}

// TestFloorCap checks the limits on a metric's points.
func TestFloorCap(t *testing.T) {
	s := compile(t, `
columns:
  迟到: {}
  经验: {}
metrics:
  考勤:
    points: 10 - 2 * 迟到
    floor: 0
  奖励:
    points: 经验 / 5
    cap: 3
  两头:
    points: 经验 - 迟到
    floor: -2
    cap: 2
    weight: 50
`)
	tests := []struct {
		late, notes         string
		考勤, 奖励, 两头, 两头score string
	}{
		// 考勤: 10 - 2 x 2 = 6; 奖励: 10 / 5 = 2; 两头: 10 - 2 = 8, capped at 2, x 50 / 100 = 1
		{"2", "10", "6", "2", "2", "1"},
		// 考勤: 10 - 2 x 7 = -4, floored at 0; 奖励: 20 / 5 = 4, capped at 3;
		// 两头: 20 - 7 = 13, capped at 2, score 1
		{"7", "20", "0", "3", "2", "1"},
		// 考勤: 10 - 2 x 5 = 0, at the floor; 奖励: 0 / 5 = 0;
		// 两头: 0 - 5 = -5, floored at -2, x 50 / 100 = -1
		{"5", "0", "0", "0", "-2", "-1"},
		// 两头: 1 - 0 = 1, within the limits, score 0.5
		{"0", "1", "10", "0.2", "1", "0.5"},
	}
	for _, tt := range tests {
		r := score(t, s, tt.late, tt.notes)
		checkMetric(t, r, s, "考勤", tt.考勤, tt.考勤)
		checkMetric(t, r, s, "奖励", tt.奖励, tt.奖励)
		checkMetric(t, r, s, "两头", tt.两头, tt.两头score)
	}
}

// TestTotalCap checks Total against Subtotal when the total is limited.
func TestTotalCap(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  b: {}
metrics:
  甲: {points: a}
  乙: {points: b}
total:
  cap: 100
  floor: 0
`)
	tests := []struct{ a, b, subtotal, total string }{
		{"70", "45", "115", "100"}, // 70 + 45 = 115, capped at 100
		{"60", "30", "90", "90"},   // 60 + 30 = 90, within the limits
		{"60", "40", "100", "100"}, // exactly the cap
		{"-20", "5", "-15", "0"},   // -20 + 5 = -15, floored at 0
	}
	for _, tt := range tests {
		r := score(t, s, tt.a, tt.b)
		if got := show(r.Subtotal()); got != tt.subtotal {
			t.Errorf("a=%s b=%s: subtotal %s, want %s", tt.a, tt.b, got, tt.subtotal)
		}
		if got := show(r.Total()); got != tt.total {
			t.Errorf("a=%s b=%s: total %s, want %s", tt.a, tt.b, got, tt.total)
		}
	}
}

// zeroRules is a small part of the ecommerce-cs rules; {if_missing} is
// replaced by an if_missing line for 询单转化率, or by nothing.
const zeroRules = `
columns:
  询单人数: {min: 0}
  最终付款人数: {min: 0}
  工作任务得分: {min: 0, max: 10}
params:
  绩效工资基数: 750
  底薪: 800
metrics:
  询单转化率:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    weight: 35
{if_missing}
  工作任务:
    points: 工作任务得分
total:
  cap: 100
pay:
  绩效工资: 绩效工资基数 * total / 100
  月工资: 底薪 + 绩效工资
`

func zeroSet(ifMissing string) string {
	line := ""
	if ifMissing != "" {
		line = "    if_missing: " + ifMissing
	}
	return strings.Replace(zeroRules, "{if_missing}", line, 1)
}

// TestDivisionByZero checks that x / 0 is a missing value that names the
// denominator, that it empties the total and the pay that depends on it,
// and that the notes explain it.
func TestDivisionByZero(t *testing.T) {
	s := compile(t, zeroSet(""))
	const why = "询单人数 is 0, so 最终付款人数 / 询单人数 has no value"

	// 询单人数 = 0: no 询单转化率.
	r := score(t, s, "0", "0", "8")
	m := r.Metric(metricIndex(t, s, "询单转化率"))
	for what, v := range map[string]scoring.Value{"value": m.Value, "points": m.Points, "score": m.Score} {
		if got := show(v); got != "missing: "+why {
			t.Errorf("询单转化率 %s = %s, want missing: %s", what, got, why)
		}
	}
	if m.Band != -1 {
		t.Errorf("询单转化率 band = %d, want -1", m.Band)
	}
	checkMetric(t, r, s, "工作任务", "8", "8")
	for what, v := range map[string]scoring.Value{
		"subtotal": r.Subtotal(),
		"total":    r.Total(),
		"绩效工资":     r.Pay(payIndex(t, s, "绩效工资")),
		"月工资":      r.Pay(payIndex(t, s, "月工资")),
	} {
		if got := show(v); got != "missing: "+why {
			t.Errorf("%s = %s, want missing: %s", what, got, why)
		}
	}
	if got, want := r.Notes(), []string{"询单转化率: " + why}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}

	// The same Result scores the next record afresh: 30/40 = 0.75, 100
	// points, 100 x 35 / 100 = 35; total 35 + 8 = 43; 绩效工资
	// 750 x 43 / 100 = 322.5; 月工资 800 + 322.5 = 1122.5.
	s.Score(bind(t, s, "40", "30", "8"), r)
	checkMetric(t, r, s, "询单转化率", "100", "35")
	if got := show(r.Total()); got != "43" {
		t.Errorf("total = %s, want 43", got)
	}
	if got := show(r.Pay(payIndex(t, s, "绩效工资"))); got != "322.5" {
		t.Errorf("绩效工资 = %s, want 322.5", got)
	}
	if got := show(r.Pay(payIndex(t, s, "月工资"))); got != "1122.5" {
		t.Errorf("月工资 = %s, want 1122.5", got)
	}
	if got := r.Notes(); len(got) != 0 {
		t.Errorf("Notes() = %q, want none", got)
	}
}

// TestIfMissing checks that if_missing gives points to a metric whose
// value cannot be computed.
func TestIfMissing(t *testing.T) {
	s := compile(t, zeroSet("0"))
	const why = "询单人数 is 0, so 最终付款人数 / 询单人数 has no value"
	r := score(t, s, "0", "0", "8")
	m := r.Metric(metricIndex(t, s, "询单转化率"))
	if show(m.Value) != "missing: "+why {
		t.Errorf("询单转化率 value = %s", show(m.Value))
	}
	if m.Band != -1 {
		t.Errorf("询单转化率 band = %d, want -1", m.Band)
	}
	// points 0, score 0 x 35 / 100 = 0; total 0 + 8 = 8;
	// 绩效工资 750 x 8 / 100 = 60; 月工资 800 + 60 = 860.
	checkMetric(t, r, s, "询单转化率", "0", "0")
	if got := show(r.Total()); got != "8" {
		t.Errorf("total = %s, want 8", got)
	}
	if got := show(r.Pay(payIndex(t, s, "绩效工资"))); got != "60" {
		t.Errorf("绩效工资 = %s, want 60", got)
	}
	if got := show(r.Pay(payIndex(t, s, "月工资"))); got != "860" {
		t.Errorf("月工资 = %s, want 860", got)
	}
	// The value is still missing, so its blank cell is still explained,
	// with where its points came from; the row counts as scored.
	if !r.Complete() {
		t.Error("Complete() = false, want true: if_missing gave the points")
	}
	if got, want := r.Notes(), []string{"询单转化率: " + why + "; if_missing gives 0 points"}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}

	// if_missing also applies to a value that falls in no band, and the
	// floor and cap still apply to it.
	s = compile(t, `
columns:
  x: {}
metrics:
  m:
    value: x
    bands:
      - {when: ">= 10", points: 100}
    if_missing: 20
    cap: 15
`)
	// 5 is in no band: 20 points, capped at 15.
	checkMetric(t, score(t, s, "5"), s, "m", "15", "15")
}

// TestFlags checks conditions, and "and" and "or" with a side that cannot
// be decided: false and anything is false, true or anything is true.
func TestFlags(t *testing.T) {
	s := compile(t, `
columns:
  经验条数: {}
  询单人数: {}
  最终付款人数: {}
metrics:
  转化率: 最终付款人数 / 询单人数
flags:
  经验不足: 经验条数 < 2
  左与: 经验条数 >= 2 and 转化率 >= 80%
  右与: 转化率 >= 80% and 经验条数 >= 2
  左或: 经验条数 < 2 or 转化率 < 50%
  右或: 转化率 < 50% or 经验条数 < 2
  非: not 转化率 < 50%
`)
	const why = "missing: 询单人数 is 0, so 最终付款人数 / 询单人数 has no value"
	names := []string{"经验不足", "左与", "右与", "左或", "右或", "非"}
	tests := []struct {
		exp, asked, won string
		want            []string // per flag, in the order of names
	}{
		// 转化率 missing; 经验条数 1 < 2:
		// 左与: false and missing = false; 右与: missing and false = false;
		// 左或: true or missing = true; 右或: missing or true = true.
		{"1", "0", "0", []string{"yes", "no", "no", "yes", "yes", why}},
		// 转化率 missing; 经验条数 5 >= 2:
		// 左与: true and missing = missing; 右与: missing and true = missing;
		// 左或: false or missing = missing; 右或: missing or false = missing.
		{"5", "0", "0", []string{"no", why, why, why, why, why}},
		// 转化率 45/50 = 0.9 >= 0.8; 经验条数 5:
		// 左与, 右与: true and true; 左或, 右或: false or false; 非: not false.
		{"5", "50", "45", []string{"no", "yes", "yes", "no", "no", "yes"}},
		// 转化率 20/50 = 0.4 < 0.5; 经验条数 1:
		// 左与: false and false; 左或: true or true; 非: not true.
		{"1", "50", "20", []string{"yes", "no", "no", "yes", "yes", "no"}},
	}
	for _, tt := range tests {
		r := score(t, s, tt.exp, tt.asked, tt.won)
		for i, name := range names {
			if got := show(r.Flag(flagIndex(t, s, name))); got != tt.want[i] {
				t.Errorf("经验条数=%s 询单人数=%s 最终付款人数=%s: %s = %s, want %s", tt.exp, tt.asked, tt.won, name, got, tt.want[i])
			}
		}
	}

	// Notes: the metric first, then each undecided flag.
	r := score(t, s, "5", "0", "0")
	const reason = "询单人数 is 0, so 最终付款人数 / 询单人数 has no value"
	want := []string{
		"转化率: " + reason,
		"左与: not decided: " + reason,
		"右与: not decided: " + reason,
		"左或: not decided: " + reason,
		"右或: not decided: " + reason,
		"非: not decided: " + reason,
	}
	if got := r.Notes(); !slices.Equal(got, want) {
		t.Errorf("Notes() =\n%q\nwant\n%q", got, want)
	}
}

// TestIf checks if(), and that the branch not taken is not computed.
func TestIf(t *testing.T) {
	s := compile(t, `
columns:
  迟到: {}
  请假: {}
  询单人数: {}
  最终付款人数: {}
params:
  全勤奖金额: 50
metrics:
  转化率: if(询单人数 = 0, 0, 最终付款人数 / 询单人数)
  无条件: if(最终付款人数 / 询单人数 > 50%, 1, 2)
pay:
  全勤奖: if(迟到 = 0 and 请假 = 0, 全勤奖金额, 0)
`)
	tests := []struct {
		late, leave, asked, won string
		转化率, 无条件, 全勤奖           string
	}{
		// 询单人数 0: 转化率 takes the 0 branch and never divides;
		// 无条件 cannot decide its condition, so it is missing.
		{"0", "0", "0", "0", "0", "missing: 询单人数 is 0, so 最终付款人数 / 询单人数 has no value", "50"},
		// 30/40 = 0.75 > 0.5: 1; 迟到 1: no 全勤奖.
		{"1", "0", "40", "30", "0.75", "1", "0"},
		// 10/40 = 0.25: 2; 请假 0.5: no 全勤奖.
		{"0", "0.5", "40", "10", "0.25", "2", "0"},
	}
	for _, tt := range tests {
		r := score(t, s, tt.late, tt.leave, tt.asked, tt.won)
		if got := show(r.Metric(metricIndex(t, s, "转化率")).Value); got != tt.转化率 {
			t.Errorf("%v: 转化率 = %s, want %s", tt, got, tt.转化率)
		}
		if got := show(r.Metric(metricIndex(t, s, "无条件")).Value); got != tt.无条件 {
			t.Errorf("%v: 无条件 = %s, want %s", tt, got, tt.无条件)
		}
		if got := show(r.Pay(0)); got != tt.全勤奖 {
			t.Errorf("%v: 全勤奖 = %s, want %s", tt, got, tt.全勤奖)
		}
	}
}

// TestFunctions checks min, max, floor, ceil, abs and round.
func TestFunctions(t *testing.T) {
	s := compile(t, `
columns:
  x: {}
  y: {}
metrics:
  最小: min(x, y, 3)
  最大: max(x, y, 3)
  下取整: floor(x)
  上取整: ceil(x)
  绝对值: abs(x)
  两位: round(x, 2)
  整数: round(x, 0)
  负数: -x
  缺失: min(x, 1 / y)
`)
	names := []string{"最小", "最大", "下取整", "上取整", "绝对值", "两位", "整数", "负数", "缺失"}
	tests := []struct {
		x, y string
		want []string
	}{
		// round half-up: 2.345 -> 2.35 (half-even would give 2.34), 2.345 -> 2;
		// 缺失: min(2.345, 1 / -1.5 = -0.666...) = -0.666...
		{"2.345", "-1.5", []string{"-1.5", "3", "2", "3", "2.345", "2.35", "2", "-2.345", "-0.6666666666666666667"}},
		// negatives round away from zero: -2.345 -> -2.35; floor -3, ceil -2;
		// 缺失: min(-2.345, 1 / 7 = 0.142857...) = -2.345
		{"-2.345", "7", []string{"-2.345", "7", "-3", "-2", "2.345", "-2.35", "-2", "2.345", "-2.345"}},
		// 2.5 -> 3 and -2.5 -> -3 at 0 places; 2.5 is already at 2 places.
		// 缺失: 1 / 0 has no value, so neither has min.
		{"2.5", "0", []string{"0", "3", "2", "3", "2.5", "2.5", "3", "-2.5", "missing: y is 0, so 1 / y has no value"}},
		{"-2.5", "4", []string{"-2.5", "4", "-3", "-2", "2.5", "-2.5", "-3", "2.5", "-2.5"}},
		// 2.344999 -> 2.34: only the next digit decides.
		{"2.344999", "2", []string{"2", "3", "2", "3", "2.344999", "2.34", "2", "-2.344999", "0.5"}},
		{"7", "2", []string{"2", "7", "7", "7", "7", "7", "7", "-7", "0.5"}},
	}
	for _, tt := range tests {
		r := score(t, s, tt.x, tt.y)
		for i, name := range names {
			if got := show(r.Metric(metricIndex(t, s, name)).Value); got != tt.want[i] {
				t.Errorf("x=%s y=%s: %s = %s, want %s", tt.x, tt.y, name, got, tt.want[i])
			}
		}
	}
}

// TestTextComparison checks comparisons of a text column with a text in
// the formula; the cell is trimmed first.
func TestTextComparison(t *testing.T) {
	s := compile(t, `
columns:
  严重态度事件: {type: text}
  等级: {type: text}
flags:
  态度问题: 严重态度事件 = "是"
  非A: 等级 <> 'A'
  中文引号: 等级 = “B”
`)
	tests := []struct {
		event, grade   string
		态度问题, 非A, 中文引号 string
	}{
		{"是", "A", "yes", "no", "no"},
		{" 是\t", "B", "yes", "yes", "yes"}, // trimmed
		{"否", " A ", "no", "no", "no"},
		{"", "", "no", "yes", "no"},
		{"是的", "b", "no", "yes", "no"}, // whole text, case kept
	}
	for _, tt := range tests {
		r := score(t, s, tt.event, tt.grade)
		for _, c := range []struct{ name, want string }{{"态度问题", tt.态度问题}, {"非A", tt.非A}, {"中文引号", tt.中文引号}} {
			if got := show(r.Flag(flagIndex(t, s, c.name))); got != c.want {
				t.Errorf("严重态度事件=%q 等级=%q: %s = %s, want %s", tt.event, tt.grade, c.name, got, c.want)
			}
		}
	}
}

// TestParams checks that parameters reach formulas, percentages included.
func TestParams(t *testing.T) {
	s := compile(t, `
columns:
  天数: {}
params:
  底薪: 800
  比例: 12.5%
  日补贴: "1,000"
metrics:
  提成: 底薪 * 比例
pay:
  补贴: 日补贴 / 100 * 天数
  合计: 底薪 + 提成 + 补贴
`)
	// 提成 800 x 0.125 = 100; 补贴 1000 / 100 x 22 = 220; 合计 800 + 100 + 220 = 1120
	r := score(t, s, "22")
	if got := show(r.Metric(0).Value); got != "100" {
		t.Errorf("提成 = %s, want 100", got)
	}
	if got := show(r.Pay(payIndex(t, s, "补贴"))); got != "220" {
		t.Errorf("补贴 = %s, want 220", got)
	}
	if got := show(r.Pay(payIndex(t, s, "合计"))); got != "1120" {
		t.Errorf("合计 = %s, want 1120", got)
	}
}

// TestFieldReferences checks .points and .score, a metric's own value in
// its points formula, and a total formula.
func TestFieldReferences(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
metrics:
  乙:
    points: 甲.points / 10
  甲:
    value: a
    bands:
      - {when: ">= 90", points: 100}
      - {when: "< 90", points: 50}
    weight: 40
  丙: 甲.score + 1
  丁: 甲 * 2
  戊:
    value: a / 10
    points: value * 3
total:
  formula: 甲.score + 乙.points
`)
	tests := []struct {
		a                            string
		甲, 甲score, 乙, 丙, 丁, 戊, total string
	}{
		// 甲: 95 >= 90, 100 points, 100 x 40 / 100 = 40; 乙: 100 / 10 = 10;
		// 丙: 40 + 1 = 41; 丁: 95 x 2 = 190; 戊: 95 / 10 x 3 = 28.5;
		// total: 40 + 10 = 50 (戊 is left out by the formula).
		{"95", "100", "40", "10", "41", "190", "28.5", "50"},
		// 甲: 80 < 90, 50 points, 50 x 40 / 100 = 20; 乙: 5; 丙: 21; 丁: 160;
		// 戊: 8 x 3 = 24; total: 20 + 5 = 25.
		{"80", "50", "20", "5", "21", "160", "24", "25"},
	}
	for _, tt := range tests {
		r := score(t, s, tt.a)
		checkMetric(t, r, s, "甲", tt.甲, tt.甲score)
		checkMetric(t, r, s, "乙", tt.乙, tt.乙)
		checkMetric(t, r, s, "戊", tt.戊, tt.戊)
		for _, c := range []struct{ name, want string }{{"丙", tt.丙}, {"丁", tt.丁}} {
			if got := show(r.Metric(metricIndex(t, s, c.name)).Value); got != c.want {
				t.Errorf("a=%s: %s = %s, want %s", tt.a, c.name, got, c.want)
			}
		}
		// A metric defined by points alone has its points as its value.
		if got := show(r.Metric(metricIndex(t, s, "乙")).Value); got != tt.乙 {
			t.Errorf("a=%s: 乙 value = %s, want %s", tt.a, got, tt.乙)
		}
		if got := show(r.Total()); got != tt.total {
			t.Errorf("a=%s: total = %s, want %s", tt.a, got, tt.total)
		}
	}
	// A metric reported only earns nothing.
	r := score(t, s, "95")
	if m := r.Metric(metricIndex(t, s, "丙")); m.Points.Kind != scoring.Missing || m.Score.Kind != scoring.Missing || m.Band != -1 {
		t.Errorf("丙 = %+v, want no points, score or band", m)
	}
}

const bindRules = `
columns:
  工号: {type: text, key: true}
  询单人数: {min: 0}
  工作任务得分: {min: 0, max: 10}
  奖金: {optional: true, blank: 0}
  津贴: {optional: true}
  响应时间: {header: 平均响应时间(秒), min: 0}
  补贴: {header: 月度补贴, optional: true}
  扣款: {blank: 5}
metrics:
  工作任务:
    points: 工作任务得分
`

func TestBind(t *testing.T) {
	s := compile(t, bindRules)
	tests := []struct {
		col, raw string
		want     string // the value, shown
		err      string
	}{
		{"询单人数", "", "", "询单人数 is blank: a number is needed"},
		{"询单人数", "  \t", "", "询单人数 is blank: a number is needed"},
		{"询单人数", "abc", "", `询单人数 is not a number: "abc"`},
		{"询单人数", " n/a ", "", `询单人数 is not a number: " n/a "`},
		{"询单人数", "12,34", "", `询单人数 is not a number: "12,34"`},
		{"询单人数", "-1", "", "询单人数 is -1, below the least allowed, 0"},
		{"询单人数", "-0.50", "", "询单人数 is -0.5, below the least allowed, 0"},
		{"询单人数", "0", "0", ""},
		{"询单人数", " ４０ ", "40", ""},
		{"询单人数", "1,234", "1234", ""},
		{"工作任务得分", "12.50", "", "工作任务得分 is 12.5, above the most allowed, 10"},
		{"工作任务得分", "1,000", "", "工作任务得分 is 1000, above the most allowed, 10"},
		{"工作任务得分", "1000%", "10", ""}, // 1000 / 100 = 10, the most allowed
		{"工作任务得分", "1001%", "", "工作任务得分 is 10.01, above the most allowed, 10"},
		{"工作任务得分", "10", "10", ""},
		{"工作任务得分", "10.0", "10", ""},
		{"奖金", "", "0", ""},
		{"奖金", " ", "0", ""},
		{"奖金", "300", "300", ""},
		{"津贴", "", "", "津贴 is blank: a number is needed"},
		{"响应时间", "n/a", "", `平均响应时间(秒) is not a number: "n/a"`}, // the header the user sees
		{"扣款", "", "5", ""},
		{"工号", "  E001 \t", `"E001"`, ""},
		{"工号", "", `""`, ""},
		{"工号", "00123", `"00123"`, ""}, // text stays text
	}
	for _, tt := range tests {
		v, err := s.Bind(columnIndex(t, s, tt.col), tt.raw)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Bind(%s, %q) = %s, %v; want error %q", tt.col, tt.raw, show(v), err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Bind(%s, %q): %v", tt.col, tt.raw, err)
			continue
		}
		if got := show(v); got != tt.want {
			t.Errorf("Bind(%s, %q) = %s, want %s", tt.col, tt.raw, got, tt.want)
		}
	}
}

// A cell the workbook says is a date, an error value or TRUE or FALSE is
// never a number, whatever its raw text; a text column reads a date and a
// logical value as the sheet shows them.
func TestBindCell(t *testing.T) {
	s := compile(t, strings.Replace(bindRules, "columns:\n", "columns:\n  等级: {type: text, values: [TRUE, FALSE]}\n", 1))
	tests := []struct {
		col, raw string
		kind     scoring.CellKind
		shown    string
		want     string
		err      string
	}{
		{"询单人数", "45352", scoring.DateCell, "2024-03-01", "", "询单人数 holds a date (2024-03-01), not a number"},
		{"询单人数", "0.75", scoring.DateCell, "18:00:00", "", "询单人数 holds a time (18:00:00), not a number"},
		{"询单人数", "#DIV/0!", scoring.ErrorCell, "", "", "询单人数 is an Excel error, #DIV/0!, not a number"},
		{"扣款", "#N/A", scoring.ErrorCell, "", "", "扣款 is an Excel error, #N/A, not a number"},
		{"询单人数", "1", scoring.BoolCell, "", "", "询单人数 is a logical value, TRUE, not a number"},
		{"询单人数", "0", scoring.BoolCell, "", "", "询单人数 is a logical value, FALSE, not a number"},
		{"询单人数", "45352", scoring.PlainCell, "", "45352", ""},
		{"工号", "#REF!", scoring.ErrorCell, "", "", "工号 is an Excel error, #REF!, not text"},
		{"工号", "45352", scoring.DateCell, "2024-03-01", `"2024-03-01"`, ""},
		{"工号", "1", scoring.BoolCell, "", `"TRUE"`, ""},
		{"等级", "0", scoring.BoolCell, "", `"FALSE"`, ""},
	}
	for _, tt := range tests {
		v, err := s.BindCell(columnIndex(t, s, tt.col), tt.raw, tt.kind, tt.shown)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("BindCell(%s, %q, %d) = %s, %v; want error %q", tt.col, tt.raw, tt.kind, show(v), err, tt.err)
			}
		case err != nil:
			t.Errorf("BindCell(%s, %q, %d): %v", tt.col, tt.raw, tt.kind, err)
		case show(v) != tt.want:
			t.Errorf("BindCell(%s, %q, %d) = %s, want %s", tt.col, tt.raw, tt.kind, show(v), tt.want)
		}
	}
}

func TestBindAbsent(t *testing.T) {
	s := compile(t, bindRules)
	tests := []struct{ col, want string }{
		{"奖金", "0"},
		{"津贴", "missing: the workbook has no column 津贴"},
		{"补贴", "missing: the workbook has no column 月度补贴"}, // the header, as the user knows it
	}
	for _, tt := range tests {
		if got := show(s.BindAbsent(columnIndex(t, s, tt.col))); got != tt.want {
			t.Errorf("BindAbsent(%s) = %s, want %s", tt.col, got, tt.want)
		}
	}
}

// TestAbsentColumnInPay follows a missing optional column into a pay
// line.
func TestAbsentColumnInPay(t *testing.T) {
	s := compile(t, `
columns:
  得分: {}
  津贴: {optional: true}
  奖金: {optional: true, blank: 0}
params:
  底薪: 800
metrics:
  工作:
    points: 得分
pay:
  月工资: 底薪 + 奖金 + 津贴
  基本: 底薪 + 奖金
`)
	rec := []scoring.Value{bind(t, s, "8", "0", "0")[0], s.BindAbsent(1), s.BindAbsent(2)}
	r := s.NewResult()
	s.Score(rec, r)
	// 月工资 needs 津贴, which the workbook lacks; 基本 800 + 0 = 800.
	if got, want := show(r.Pay(0)), "missing: the workbook has no column 津贴"; got != want {
		t.Errorf("月工资 = %s, want %s", got, want)
	}
	if got := show(r.Pay(1)); got != "800" {
		t.Errorf("基本 = %s, want 800", got)
	}
	if got := show(r.Total()); got != "8" {
		t.Errorf("total = %s, want 8", got)
	}
	// Notes explain every value that could not be computed.
	if got, want := r.Notes(), []string{"月工资: the workbook has no column 津贴"}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}
}

// TestNotesPayLine checks that a pay line that cannot be computed for a
// reason of its own is explained.
func TestNotesPayLine(t *testing.T) {
	s := compile(t, `
columns:
  月薪: {}
  出勤天数: {}
pay:
  日薪: 月薪 / 出勤天数
`)
	r := score(t, s, "3000", "0")
	if got, want := show(r.Pay(0)), "missing: 出勤天数 is 0, so 月薪 / 出勤天数 has no value"; got != want {
		t.Errorf("日薪 = %s, want %s", got, want)
	}
	if got, want := r.Notes(), []string{"日薪: 出勤天数 is 0, so 月薪 / 出勤天数 has no value"}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}
}

// TestNotesTotal checks that a total that cannot be computed for a reason
// of its own is explained.
func TestNotesTotal(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  人数: {}
metrics:
  m:
    points: a
    weight: 50
total:
  formula: m.score / 人数
`)
	// m: 8 x 50 / 100 = 4; total 4 / 0 has no value.
	r := score(t, s, "8", "0")
	checkMetric(t, r, s, "m", "8", "4")
	const why = "人数 is 0, so m.score / 人数 has no value"
	if got := show(r.Total()); got != "missing: "+why {
		t.Errorf("total = %s, want missing: %s", got, why)
	}
	if got, want := r.Notes(), []string{"total: " + why}; !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}
	// 4 / 2 = 2
	r = score(t, s, "8", "2")
	if got := show(r.Total()); got != "2" {
		t.Errorf("total = %s, want 2", got)
	}
}

// TestMetricInputs checks that each metric lists the columns its formulas
// read, once each, value formula first, in the order they are named.
func TestMetricInputs(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  b: {}
  c: {}
  d: {}
params:
  p: 2
metrics:
  m1:
    value: c / a
    bands:
      - {when: ">= 1", points: 10}
      - {when: "< 1", points: 0}
  m2:
    value: d
    points: value * b + d + p
  m3: m1 * 2
  m4:
    points: min(b, a, b, c)
`)
	tests := []struct {
		metric string
		want   []string
	}{
		{"m1", []string{"c", "a"}},
		{"m2", []string{"d", "b"}}, // value and p are not columns; d once
		{"m3", nil},                // reads a metric, not a column
		{"m4", []string{"b", "a", "c"}},
	}
	cols := s.Rules().Columns
	for _, tt := range tests {
		var got []string
		for _, i := range s.MetricInputs(metricIndex(t, s, tt.metric)) {
			got = append(got, cols[i].Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("MetricInputs(%s) = %q, want %q", tt.metric, got, tt.want)
		}
	}
}

// TestEcommerceRecord scores one agent with the ecommerce-cs example
// rules, worked out by hand.
func TestEcommerceRecord(t *testing.T) {
	s := ecommerce(t)
	r := score(t, s, ecommerceRaw(t, s)...)
	want := []struct{ metric, points, score string }{
		{"询单转化率", "100", "35"}, // 150/200 = 0.75, >= 75%: 100 x 35 / 100 = 35
		{"支付率", "80", "16"},    // 90/100 = 0.9, [85%, 92%): 80 x 20 / 100 = 16
		{"落实客单价", "100", "10"}, // 112/100 = 1.12, >= 1.12: 100 x 10 / 100 = 10
		{"旺旺回复率", "80", "4"},   // 294/300 = 0.98, [97%, 99%): 80 x 5 / 100 = 4
		{"旺旺响应率", "80", "4"},   // 45 s, (30, 45]: 80 x 5 / 100 = 4
		{"工作任务", "9", "9"},
		{"工作态度", "4", "4"},
		{"考勤", "8", "8"},     // 10 - 2 x 1 - 0 = 8
		{"客户关系管理", "2", "2"}, // floor(12 / 5) = floor(2.4) = 2
	}
	for _, w := range want {
		checkMetric(t, r, s, w.metric, w.points, w.score)
	}
	// 3/150 = 0.02, shown, not scored.
	if m := r.Metric(metricIndex(t, s, "客户退款率")); show(m.Value) != "0.02" || m.Points.Kind != scoring.Missing {
		t.Errorf("客户退款率 = %+v, want the value 0.02 and no points", m)
	}
	// 35 + 16 + 10 + 4 + 4 + 9 + 4 + 8 + 2 = 92, under the cap of 100.
	if got := show(r.Total()); got != "92" {
		t.Errorf("total = %s, want 92", got)
	}
	if got := show(r.Flag(0)); got != "no" { // 12 notes, not < 2
		t.Errorf("经验不足 = %s, want no", got)
	}
	// 绩效工资 750 x 92 / 100 = 690; 全勤奖 0 (one late arrival);
	// 月工资 800 + 200 + 200 + 690 + 0 + 0 = 1890.
	for _, p := range []struct{ line, want string }{{"绩效工资", "690"}, {"全勤奖", "0"}, {"月工资", "1890"}} {
		if got := show(r.Pay(payIndex(t, s, p.line))); got != p.want {
			t.Errorf("%s = %s, want %s", p.line, got, p.want)
		}
	}
	// Scored alone, the agent has no place in the sheet: the flags that
	// need one are undecided, and the notes say so; nothing else is noted.
	want1 := []string{"淘汰: not decided: 倒数名次 ranks the whole sheet, not one row", "额外奖金: not decided: 名次 ranks the whole sheet, not one row",
		"名次 ranks the whole sheet, not one row", "倒数名次 ranks the whole sheet, not one row"}
	if got := r.Notes(); strings.Join(got, "\n") != strings.Join(want1, "\n") {
		t.Errorf("Notes() = %q, want %q", got, want1)
	}
	// 考勤 reads 迟到早退次数 then 有效请假天数.
	var got []string
	for _, i := range s.MetricInputs(metricIndex(t, s, "考勤")) {
		got = append(got, s.Rules().Columns[i].Name)
	}
	if want := []string{"迟到早退次数", "有效请假天数"}; !slices.Equal(got, want) {
		t.Errorf("MetricInputs(考勤) = %q, want %q", got, want)
	}
}

// TestScoreAllocs checks the promise of expr.go that scoring a record
// allocates nothing.
func TestScoreAllocs(t *testing.T) {
	s := ecommerce(t)
	rec := bind(t, s, ecommerceRaw(t, s)...)
	r := s.NewResult()
	if n := testing.AllocsPerRun(100, func() { s.Score(rec, r) }); n != 0 {
		t.Errorf("Score allocates %v times a record, want 0", n)
	}
}

// ecommerceRecord is one agent's row for the ecommerce-cs rules.
var ecommerceRecord = map[string]string{
	"工号":      "E001",
	"姓名":      "张三",
	"询单人数":    "200",
	"最终付款人数":  "150",
	"拍下笔数":    "100",
	"支付宝付款笔数": "90",
	"客服客单价":   "112",
	"店铺客单价":   "100",
	"接待人数":    "300",
	"回复过的客户数": "294",
	"响应时间":    "45",
	"客户退款数":   "3",
	"客服成交数":   "150",
	"工作任务得分":  "9",
	"经验条数":    "12",
	"工作态度得分":  "4",
	"迟到早退次数":  "1",
	"有效请假天数":  "0",
	"奖金":      "",
}

// ecommerce compiles the rules of the ecommerce-cs example.
func ecommerce(t testing.TB) *scoring.Scorer {
	t.Helper()
	src, err := os.ReadFile("../examples/ecommerce-cs/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return compile(t, string(src))
}

// ecommerceRaw lays ecommerceRecord out in the order of the columns.
func ecommerceRaw(t testing.TB, s *scoring.Scorer) []string {
	t.Helper()
	cols := s.Rules().Columns
	if len(cols) != len(ecommerceRecord) {
		t.Fatalf("the ecommerce-cs rules have %d columns; the test record has %d", len(cols), len(ecommerceRecord))
	}
	raw := make([]string, len(cols))
	for i, c := range cols {
		x, ok := ecommerceRecord[c.Name]
		if !ok {
			t.Fatalf("the test record has no column %s", c.Name)
		}
		raw[i] = x
	}
	return raw
}

// TestComplete checks that Complete agrees with Notes: a metric that is
// only reported leaves no gap, a zero denominator does.
func TestComplete(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  b: {}
metrics:
  shown: a / b
  scored:
    points: a
`)
	// 6 / 3 = 2 is shown, 6 points: nothing missing.
	if r := score(t, s, "6", "3"); !r.Complete() || len(r.Notes()) != 0 {
		t.Errorf("6, 3: Complete() = %v, Notes() = %q; want true and none", r.Complete(), r.Notes())
	}
	// 6 / 0 has no value: one note.
	if r := score(t, s, "6", "0"); r.Complete() || len(r.Notes()) != 1 {
		t.Errorf("6, 0: Complete() = %v, Notes() = %q; want false and one", r.Complete(), r.Notes())
	}
}

// TestCompleteIfMissing: a metric without a value whose points if_missing
// gives leaves the row scored; the note says why the points are what they
// are.
func TestCompleteIfMissing(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
  b: {}
metrics:
  rate:
    value: a / b
    bands:
      - {when: ">= 1", points: 100}
      - {when: "< 1", points: 0}
    if_missing: 100
`)
	// 6 / 0 has no value; if_missing gives 100 points, so the total is 100.
	r := score(t, s, "6", "0")
	want := "rate: b is 0, so a / b has no value; if_missing gives 100 points"
	if !r.Complete() || strings.Join(r.Notes(), "|") != want || show(r.Total()) != "100" {
		t.Errorf("6, 0: Complete() = %v, Notes() = %q, total %s; want true, %q and 100", r.Complete(), r.Notes(), show(r.Total()), want)
	}
}
