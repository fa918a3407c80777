package scoring_test

import (
	"strings"
	"testing"
)

// vetoRules grade x (= a) A >= 91, B [81, 91), C [71, 81), D < 71, with the
// vetoes of SCHEMES.md §12: two complaints in the quarter (n) cap the
// grade at C; more than 6 in the year (年度, blank when not known), or a
// serious incident, make the coefficient 0. A third veto, nine complaints,
// caps at D with coefficient 0.5. 奖金 = 1000 x coefficient.
const vetoRules = `columns:
  id: {type: text, key: true}
  a: {}
  n: {}
  年度: {blank: none}
  严重事件: {values: [是, 否]}
metrics:
  x: {points: a, max: 100}
grades:
  label: 等级
  bands:
    - {when: ">= 91", grade: A, coefficient: 1.2}
    - {when: "[81, 91)", grade: B, coefficient: 1.1}
    - {when: "[71, 81)", grade: C, coefficient: 1.0}
    - {when: "< 71", grade: D, coefficient: 0.6}
  vetoes:
    - {when: n >= 2, at_most: C}
    - {when: 年度 > 6 or 严重事件 = "是", coefficient: 0}
    - {when: n >= 9, at_most: D, coefficient: 0.5}
pay:
  奖金: 1000 * coefficient
`

func TestVetoes(t *testing.T) {
	s := compile(t, vetoRules)
	bonus := payIndex(t, s, "奖金")
	tests := []struct {
		name                    string
		raw                     []string
		grade, coefficient, pay string
		notes                   string
		line                    string
	}{
		{
			// 95 >= 91: A, 1.2; no veto holds (0 < 2, 0 <= 6, 否); 1000 x 1.2.
			name: "no veto", raw: []string{"1", "95", "0", "0", "否"},
			grade: `"A"`, coefficient: "1.2", pay: "1200",
			line: "等级: total 95 -> A, coefficient 1.2",
		},
		{
			// One complaint is below 2: A stays.
			name: "one complaint", raw: []string{"2", "95", "1", "1", "否"},
			grade: `"A"`, coefficient: "1.2", pay: "1200",
			line: "等级: total 95 -> A, coefficient 1.2",
		},
		{
			// 2 >= 2: A is capped at C, and the coefficient is C's, 1.0.
			name: "two complaints cap A at C", raw: []string{"3", "95", "2", "2", "否"},
			grade: `"C"`, coefficient: "1", pay: "1000",
			notes: "等级: veto n >= 2: at most C",
			line:  "等级: total 95 -> A; veto n >= 2 (2 >= 2): at most C -> C, coefficient 1",
		},
		{
			// 75 is C already: the cap changes nothing.
			name: "cap on C", raw: []string{"4", "75", "3", "3", "否"},
			grade: `"C"`, coefficient: "1", pay: "1000",
			notes: "等级: veto n >= 2: at most C",
			line:  "等级: total 75 -> C; veto n >= 2 (3 >= 2): at most C -> C, coefficient 1",
		},
		{
			// 60 < 71 is D, worse than C: a cap never raises a grade.
			name: "cap on D", raw: []string{"5", "60", "2", "2", "否"},
			grade: `"D"`, coefficient: "0.6", pay: "600",
			notes: "等级: veto n >= 2: at most C",
			line:  "等级: total 60 -> D; veto n >= 2 (2 >= 2): at most C -> D, coefficient 0.6",
		},
		{
			// 85 is B; 7 > 6 in the year: coefficient 0, the grade stays B.
			name: "seven in the year", raw: []string{"6", "85", "0", "7", "否"},
			grade: `"B"`, coefficient: "0", pay: "0",
			notes: `等级: veto 年度 > 6 or 严重事件 = "是": coefficient 0`,
			line:  `等级: total 85 -> B; veto 年度 > 6 or 严重事件 = "是" (7 > 6 or "否" = "是"): coefficient 0 -> B, coefficient 0`,
		},
		{
			// 6 in the year is not more than 6: B, 1.1.
			name: "six in the year", raw: []string{"7", "85", "0", "6", "否"},
			grade: `"B"`, coefficient: "1.1", pay: "1100",
			line: "等级: total 85 -> B, coefficient 1.1",
		},
		{
			// Both: A capped at C, and 严重事件 = 是 makes the coefficient 0.
			name: "both", raw: []string{"8", "95", "2", "2", "是"},
			grade: `"C"`, coefficient: "0", pay: "0",
			notes: `等级: veto n >= 2: at most C; 等级: veto 年度 > 6 or 严重事件 = "是": coefficient 0`,
			line:  `等级: total 95 -> A; veto n >= 2 (2 >= 2): at most C; veto 年度 > 6 or 严重事件 = "是" (2 > 6 or "是" = "是"): coefficient 0 -> C, coefficient 0`,
		},
		{
			// 9 complaints, 2 in the year so far (the year's veto does not
			// hold): capped at C and at D, D wins; D's 0.6 and the
			// veto's 0.5: the lower, 0.5. 1000 x 0.5 = 500.
			name: "the lower grade and coefficient win", raw: []string{"9", "95", "9", "2", "否"},
			grade: `"D"`, coefficient: "0.5", pay: "500",
			notes: "等级: veto n >= 2: at most C; 等级: veto n >= 9: at most D, coefficient 0.5",
			line:  "等级: total 95 -> A; veto n >= 2 (9 >= 2): at most C; veto n >= 9 (9 >= 9): at most D, coefficient 0.5 -> D, coefficient 0.5",
		},
		{
			// The year's count is blank and there was no serious incident:
			// the second veto cannot be decided, and so neither can the
			// grade, its coefficient or the pay.
			name: "veto undecided", raw: []string{"10", "95", "0", "", "否"},
			grade: "missing: 年度 is blank", coefficient: "missing: 年度 is blank", pay: "missing: 年度 is blank",
			notes: `等级: veto 年度 > 6 or 严重事件 = "是" cannot be decided: 年度 is blank`,
			line:  `等级: total 95 -> A, but veto 年度 > 6 or 严重事件 = "是" cannot be decided: 年度 is blank`,
		},
		{
			// A blank year with a serious incident is decided: true or
			// anything is true. 95 is A, coefficient 0.
			name: "veto decided despite a blank", raw: []string{"11", "95", "0", "", "是"},
			grade: `"A"`, coefficient: "0", pay: "0",
			notes: `等级: veto 年度 > 6 or 严重事件 = "是": coefficient 0`,
			line:  `等级: total 95 -> A; veto 年度 > 6 or 严重事件 = "是" (? > 6 or "是" = "是"): coefficient 0 -> A, coefficient 0`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := score(t, s, tc.raw...)
			grade := r.Trace().Grade
			if got := show(grade.Coefficient); got != tc.coefficient {
				t.Errorf("coefficient = %s, want %s", got, tc.coefficient)
			}
			if got := show(r.Coefficient()); got != tc.coefficient {
				t.Errorf("Coefficient() = %s, want %s", got, tc.coefficient)
			}
			g, ok := r.Grade()
			if want := strings.Trim(tc.grade, `"`); ok != (want != tc.grade) || ok && g != want {
				t.Errorf("Grade() = %q, %v; want %s", g, ok, tc.grade)
			}
			if got := show(r.Pay(bonus)); got != tc.pay {
				t.Errorf("奖金 = %s, want %s", got, tc.pay)
			}
			if got := strings.Join(r.Notes(), "; "); got != tc.notes {
				t.Errorf("notes:\n got %s\nwant %s", got, tc.notes)
			}
			if got := grade.Line(); got != tc.line {
				t.Errorf("trace:\n got %s\nwant %s", got, tc.line)
			}
			if r.Complete() != !strings.HasPrefix(tc.grade, "missing") {
				t.Errorf("Complete() = %v", r.Complete())
			}
		})
	}
}

// TestScoreAllocsVetoes checks that vetoes keep scoring free of
// allocations, whether they hold, do not, or cannot be decided.
func TestScoreAllocsVetoes(t *testing.T) {
	s := compile(t, vetoRules)
	for _, cells := range [][]string{{"1", "95", "0", "0", "否"}, {"2", "95", "9", "9", "是"}, {"3", "95", "0", "", "否"}} {
		rec := bind(t, s, cells...)
		r := s.NewResult()
		if n := testing.AllocsPerRun(100, func() { s.Score(rec, r) }); n != 0 {
			t.Errorf("Score of %q allocates %v times a record, want 0", cells, n)
		}
	}
}
