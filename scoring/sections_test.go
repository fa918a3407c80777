package scoring_test

import (
	"slices"
	"testing"

	"appraise/rules"
	"appraise/scoring"
)

// deptRules is the dept-service scheme (SCHEMES.md §5) cut down: three
// sections weighted 30/30/20, which add up to 80 as the document says,
// a total multiplied by 重关指标得分 / 100, and a grade table whose
// coefficient scales a bonus.
const deptRules = `
columns:
  部门: {type: text, key: true}
  技术支持: {}        # share of requests answered in time
  紧急投诉: {}        # share of urgent complaints handled in time; target 90%
  培训评分: {}
  计划完成率: {}
  满意度: {}
  重关指标得分: {}
sections:
  部门职责: {weight: 30}
  部门计划: {weight: 30}
  客户评价: {weight: 20}
metrics:
  技术支持咨询:
    section: 部门职责
    value: 技术支持
    points: min(value, 1) * 100
    weight: 50
  紧急投诉处理:
    section: 部门职责
    value: 紧急投诉
    points: if(value >= 90%, 100, value / 90% * 100)
    weight: 30
  用户培训:
    section: 部门职责
    points: 培训评分
    weight: 20
  计划:
    section: 部门计划
    value: 计划完成率
    points: min(value, 1) * 100
    weight: 100
  满意:
    section: 客户评价
    points: 满意度
    max: 100
total:
  formula: (部门职责 * 30% + 部门计划 * 30% + 客户评价 * 20%) * 重关指标得分 / 100
  adds_up_to: 80
grades:
  label: 等级
  bands:
    - {when: ">= 72", grade: 优, coefficient: 1.2}
    - {when: "[60, 72)", grade: 良, coefficient: 1}
    - {when: "[0, 60)", grade: 差, coefficient: 0.5}
flags:
  待改进: grade = "差"
pay:
  奖金: 1000 * coefficient
`

func sectionIndex(t testing.TB, s *scoring.Scorer, name string) int {
	return indexOf(t, "section", s.Rules().Sections, name, func(x *rules.Section) string { return x.Name })
}

func TestSectionsAndGrades(t *testing.T) {
	s := compile(t, deptRules)
	if len(s.Rules().Warnings) > 0 {
		t.Fatalf("warnings:\n%v", s.Rules().Warnings)
	}
	type sec struct{ score, counts string }
	tests := []struct {
		name                             string
		raw                              []string
		duty, plan, review               sec
		total, grade, coefficient, bonus string
		flagged                          bool
	}{
		{
			// 技术支持咨询 min(1, 1) x 100 = 100 -> x 50/100 = 50
			// 紧急投诉处理 0.81 < 90%: 0.81 / 0.9 x 100 = 90 -> x 30/100 = 27
			// 用户培训 80 -> x 20/100 = 16
			// 部门职责 = 50 + 27 + 16 = 93, counting 93 x 30/100 = 27.9
			// 部门计划 = min(0.95, 1) x 100 = 95 x 100/100 = 95 -> 28.5
			// 客户评价 = 90 (no weight) -> 90 x 20/100 = 18
			// total = (93 x 0.3 + 95 x 0.3 + 90 x 0.2) x 100 / 100
			//       = (27.9 + 28.5 + 18) = 74.4 -> >= 72: 优, 1.2; 奖金 1000 x 1.2 = 1200
			name: "优",
			raw:  []string{"D1", "1", "0.81", "80", "0.95", "90", "100"},
			duty: sec{"93", "27.9"}, plan: sec{"95", "28.5"}, review: sec{"90", "18"},
			total: "74.4", grade: `"优"`, coefficient: "1.2", bonus: "1200",
		},
		{
			// The same department with 重关指标得分 90: 74.4 x 90 / 100 = 66.96
			// -> [60, 72): 良, 1; 奖金 1000.
			name: "重关指标 lowers the grade",
			raw:  []string{"D2", "1", "0.81", "80", "0.95", "90", "90"},
			duty: sec{"93", "27.9"}, plan: sec{"95", "28.5"}, review: sec{"90", "18"},
			total: "66.96", grade: `"良"`, coefficient: "1", bonus: "1000",
		},
		{
			// 技术支持咨询 50 x 0.5 = 25; 紧急投诉处理 0.45 / 0.9 x 100 = 50 x 0.3 = 15;
			// 用户培训 60 x 0.2 = 12: 部门职责 = 52 -> 15.6
			// 部门计划 = 60 -> 18; 客户评价 = 70 -> 14
			// total = (15.6 + 18 + 14) x 100 / 100 = 47.6 -> [0, 60): 差, 0.5;
			// 奖金 500; flag 待改进.
			name: "差",
			raw:  []string{"D3", "0.5", "0.45", "60", "0.6", "70", "100"},
			duty: sec{"52", "15.6"}, plan: sec{"60", "18"}, review: sec{"70", "14"},
			total: "47.6", grade: `"差"`, coefficient: "0.5", bonus: "500", flagged: true,
		},
		{
			// 90% exactly meets the target: 100 x 0.3 = 30; 技术支持 1.2 is
			// capped by min at 1: 50; 用户培训 100 -> 20: 部门职责 = 100 -> 30
			// 计划 1 -> 100 -> 30; 满意 100 -> 20; total = 80 x 100 / 100 = 80.
			name: "everything met",
			raw:  []string{"D4", "1.2", "0.9", "100", "1", "100", "100"},
			duty: sec{"100", "30"}, plan: sec{"100", "30"}, review: sec{"100", "20"},
			total: "80", grade: `"优"`, coefficient: "1.2", bonus: "1200",
		},
	}
	duty, plan, review := sectionIndex(t, s, "部门职责"), sectionIndex(t, s, "部门计划"), sectionIndex(t, s, "客户评价")
	flag, bonus := flagIndex(t, s, "待改进"), payIndex(t, s, "奖金")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := score(t, s, tc.raw...)
			for _, c := range []struct {
				name string
				i    int
				want sec
			}{{"部门职责", duty, tc.duty}, {"部门计划", plan, tc.plan}, {"客户评价", review, tc.review}} {
				got := r.Section(c.i)
				if show(got.Score) != c.want.score || show(got.Counts) != c.want.counts {
					t.Errorf("%s = %s counting %s, want %s counting %s", c.name, show(got.Score), show(got.Counts), c.want.score, c.want.counts)
				}
			}
			if got := show(r.Total()); got != tc.total {
				t.Errorf("total = %s, want %s", got, tc.total)
			}
			g, ok := r.Grade()
			if got := show(scoring.Str(g)); !ok || got != tc.grade {
				t.Errorf("Grade() = %s, %v; want %s, true", got, ok, tc.grade)
			}
			if got := show(r.Coefficient()); got != tc.coefficient {
				t.Errorf("coefficient = %s, want %s", got, tc.coefficient)
			}
			if got := show(r.Pay(bonus)); got != tc.bonus {
				t.Errorf("奖金 = %s, want %s", got, tc.bonus)
			}
			if f := r.Flag(flag); f.Kind != scoring.Bool || f.Bool != tc.flagged {
				t.Errorf("待改进 = %s, want %v", show(f), tc.flagged)
			}
			if !r.Complete() || len(r.Notes()) > 0 {
				t.Errorf("Complete() = %v, Notes() = %q; want a complete result", r.Complete(), r.Notes())
			}
		})
	}
}

// TestSectionsSummed checks the total without a formula: top-level scores
// as they are, weighted sections x weight / 100, points sections as they
// are.
func TestSectionsSummed(t *testing.T) {
	s := compile(t, `
columns:
  x: {}
  y: {}
  z: {}
  w: {}
  d: {}
  e: {}
sections:
  A: {weight: 70}
  B: {points: 20}
metrics:
  a1: {section: A, points: x, weight: 60}
  a2: {section: A, points: y, weight: 40}
  b1: {section: B, points: z, max: 10}
  b2: {section: B, points: w, max: 10}
  d1: {points: d, weight: 10}
  bonus: {points: e}
pay:
  p: A + B
`)
	if len(s.Rules().Warnings) > 0 {
		t.Fatalf("warnings:\n%v", s.Rules().Warnings)
	}
	// a1 80 x 60/100 = 48, a2 90 x 40/100 = 36: A = 84, counting 84 x 70/100 = 58.8
	// b1 7 + b2 9: B = 16, counting 16
	// d1 50 x 10/100 = 5; bonus 2
	// total = 5 + 2 + 58.8 + 16 = 81.8; p = 84 + 16 = 100
	r := score(t, s, "80", "90", "7", "9", "50", "2")
	a, b := r.Section(sectionIndex(t, s, "A")), r.Section(sectionIndex(t, s, "B"))
	if show(a.Score) != "84" || show(a.Counts) != "58.8" {
		t.Errorf("A = %s counting %s, want 84 counting 58.8", show(a.Score), show(a.Counts))
	}
	if show(b.Score) != "16" || show(b.Counts) != "16" {
		t.Errorf("B = %s counting %s, want 16 counting 16", show(b.Score), show(b.Counts))
	}
	if got := show(r.Total()); got != "81.8" {
		t.Errorf("total = %s, want 81.8", got)
	}
	if got := show(r.Pay(payIndex(t, s, "p"))); got != "100" {
		t.Errorf("p = %s, want 100", got)
	}
	if _, ok := r.Grade(); ok {
		t.Error("Grade() is ok for rules without grades")
	}
	if v := r.Coefficient(); v.Kind != scoring.Missing {
		t.Errorf("Coefficient() = %s for rules without grades", show(v))
	}
}

// TestSectionMissing checks that a metric that cannot be computed leaves
// its section, the total and the grade missing, with one note.
func TestSectionMissing(t *testing.T) {
	s := compile(t, `
columns:
  won: {}
  asked: {}
sections:
  A: {weight: 100}
metrics:
  rate:
    section: A
    value: won / asked
    bands:
      - {when: ">= 50%", points: 100}
      - {when: "< 50%", points: 0}
    weight: 100
grades:
  - {when: ">= 60", grade: 合格, coefficient: 1}
  - {when: "< 60", grade: 不合格, coefficient: 0}
pay:
  p: 100 * coefficient
`)
	r := score(t, s, "0", "0")
	reason := "missing: asked is 0, so won / asked has no value"
	if got := show(r.Section(0).Score); got != reason {
		t.Errorf("A = %s, want %s", got, reason)
	}
	if got := show(r.Total()); got != reason {
		t.Errorf("total = %s, want %s", got, reason)
	}
	if g, ok := r.Grade(); ok {
		t.Errorf("Grade() = %q, true; want no grade", g)
	}
	if got := show(r.Coefficient()); got != reason {
		t.Errorf("coefficient = %s, want %s", got, reason)
	}
	want := []string{"rate: asked is 0, so won / asked has no value"}
	if got := r.Notes(); !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}
}

// TestGradeNoBand checks a graded value that no band holds: the grade and
// what uses it are missing, and one note names the value.
func TestGradeNoBand(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
metrics:
  m: {points: a, max: 100}
grades:
  label: 等级
  of: m.points
  bands:
    - {when: ">= 80", grade: 优, coefficient: 1.5}
    - {when: "[60, 80)", grade: 合格, coefficient: 1}
flags:
  不合格: grade = "不合格"
pay:
  奖金: 200 * coefficient
`)
	tests := []struct {
		a, grade, coefficient, bonus string
		notes                        []string
	}{
		// 80 is in ">= 80": 优, 1.5; 200 x 1.5 = 300.
		{"80", "优", "1.5", "300", nil},
		// 79.99 is in [60, 80): 合格, 1; 200.
		{"79.99", "合格", "1", "200", nil},
		// 59.5 is below every band: no grade, no coefficient, no 奖金.
		{"59.5", "", "missing: m.points falls in none of the grades", "missing: m.points falls in none of the grades",
			[]string{
				"等级: m.points is 59.5, in none of the grades",
				"不合格: not decided: m.points falls in none of the grades",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.a, func(t *testing.T) {
			r := score(t, s, tc.a)
			if g, ok := r.Grade(); g != tc.grade || ok != (tc.grade != "") {
				t.Errorf("Grade() = %q, %v; want %q", g, ok, tc.grade)
			}
			if got := show(r.Coefficient()); got != tc.coefficient {
				t.Errorf("coefficient = %s, want %s", got, tc.coefficient)
			}
			if got := show(r.Pay(0)); got != tc.bonus {
				t.Errorf("奖金 = %s, want %s", got, tc.bonus)
			}
			if got := r.Notes(); !slices.Equal(got, tc.notes) {
				t.Errorf("Notes() = %q, want %q", got, tc.notes)
			}
			if r.Complete() != (tc.notes == nil) {
				t.Errorf("Complete() = %v with notes %q", r.Complete(), tc.notes)
			}
		})
	}
}

// TestGradesWithoutCoefficients checks grades that give no coefficient:
// the result is complete and has no coefficient.
func TestGradesWithoutCoefficients(t *testing.T) {
	s := compile(t, `
columns:
  a: {}
metrics:
  m: {points: a, max: 100}
grades:
  - {when: "> 90", grade: A}
  - {when: "[80, 90]", grade: B}
  - {when: "< 80", grade: C}
`)
	// 90 is in [80, 90], not in "> 90": B.
	r := score(t, s, "90")
	if g, ok := r.Grade(); !ok || g != "B" {
		t.Errorf("Grade() = %q, %v; want B, true", g, ok)
	}
	if r.GradeBand() != 1 {
		t.Errorf("GradeBand() = %d, want 1", r.GradeBand())
	}
	if v := r.Coefficient(); v.Kind != scoring.Missing || v.Str != "" {
		t.Errorf("Coefficient() = %s, want none", show(v))
	}
	if !r.Complete() {
		t.Errorf("incomplete: %q", r.Notes())
	}
}

// TestScoreAllocsSections checks that sections and grades keep scoring a
// record free of allocations.
func TestScoreAllocsSections(t *testing.T) {
	s := compile(t, deptRules)
	rec := bind(t, s, "D1", "1", "0.81", "80", "0.95", "90", "100")
	r := s.NewResult()
	if n := testing.AllocsPerRun(100, func() { s.Score(rec, r) }); n != 0 {
		t.Errorf("Score allocates %v times a record, want 0", n)
	}
}
