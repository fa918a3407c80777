package rules_test

import (
	"testing"

	"appraise/rules"
)

// vetoGrades is a grade table of four grades, best first, for the vetoes
// to cap; columns n, 年度 and 严重事件 are what the vetoes read.
const vetoGrades = `columns:
  a: {}
  n: {}
  年度: {}
  严重事件: {values: [是, 否]}
metrics:
  x: {points: a, max: 100}
grades:
  bands:
    - {when: ">= 91", grade: A, coefficient: 1.2}
    - {when: "[81, 91)", grade: B, coefficient: 1.1}
    - {when: "[71, 81)", grade: C, coefficient: 1.0}
    - {when: "< 71", grade: D, coefficient: 0.6}
`

func TestParseVetoes(t *testing.T) {
	src := vetoGrades + `  vetoes:
    - {when: n >= 2, at_most: C}
    - {when: 年度 > 6 or 严重事件 = "是", coefficient: 0}
    - {when: n >= 9, at_most: Ｄ, coefficient: 0.5}
`
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	g := s.Grades
	if len(g.Vetoes) != 3 {
		t.Fatalf("%d vetoes, want 3", len(g.Vetoes))
	}
	for i, want := range []struct {
		when  string
		line  int
		at    int
		does  string
		coeff string
	}{
		{"n >= 2", 15, 2, "at most C", ""},
		{`年度 > 6 or 严重事件 = "是"`, 16, -1, "coefficient 0", "0"},
		// A full-width Ｄ is the D of the table.
		{"n >= 9", 17, 3, "at most D, coefficient 0.5", "0.5"},
	} {
		v := g.Vetoes[i]
		if v.When.Source != want.when || v.Pos.Line != want.line || v.Pos.Col != 7 || v.AtMost != want.at {
			t.Errorf("veto %d = %q at %d:%d, at most %d; want %q at %d:7, at most %d", i, v.When.Source, v.Pos.Line, v.Pos.Col, v.AtMost, want.when, want.line, want.at)
		}
		if got := v.Describe(g); got != want.does {
			t.Errorf("veto %d does %q, want %q", i, got, want.does)
		}
		got := ""
		if v.Coefficient != nil {
			got = v.Coefficient.Value.String()
		}
		if got != want.coeff {
			t.Errorf("veto %d coefficient %q, want %q", i, got, want.coeff)
		}
	}
}

func TestParseVetoErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "unknown grade, another case",
			src:  vetoGrades + "  vetoes:\n    - {when: n >= 2, at_most: c}\n",
			want: []string{
				`rules.yaml:15:31: at_most: unknown grade "c"`,
				`    hint: did you mean "C"?`,
			},
		},
		{
			name: "unknown grade, nothing near",
			src:  vetoGrades + "  vetoes:\n    - {when: n >= 2, at_most: 合格}\n",
			want: []string{
				`rules.yaml:15:31: at_most: unknown grade "合格"`,
				`    hint: the grades are A, B, C, D`,
			},
		},
		{
			name: "when is a number",
			src:  vetoGrades + "  vetoes:\n    - {when: n + 1, at_most: C}\n",
			want: []string{`rules.yaml:15:14: a veto's when must be a condition, but n + 1 is a number`},
		},
		{
			name: "when compares text with a number",
			src:  vetoGrades + "  vetoes:\n    - {when: 严重事件, coefficient: 0}\n",
			want: []string{`rules.yaml:15:14: a veto's when must be a condition, but 严重事件 is text`},
		},
		{
			name: "unknown name in when",
			src:  vetoGrades + "  vetoes:\n    - {when: 投诉 >= 2, at_most: C}\n",
			want: []string{`rules.yaml:15:14: unknown name "投诉"`},
		},
		{
			name: "veto without when",
			src:  vetoGrades + "  vetoes:\n    - {at_most: C}\n",
			want: []string{`rules.yaml:15:7: a veto needs when, the condition it applies on, e.g. when: 投诉次数 >= 2`},
		},
		{
			name: "veto that does nothing",
			src:  vetoGrades + "  vetoes:\n    - {when: n >= 2}\n",
			want: []string{`rules.yaml:15:7: a veto needs at_most, a grade to cap the grade at, or coefficient, e.g. {when: 投诉次数 >= 2, at_most: C}`},
		},
		{
			name: "coefficient not a number",
			src:  vetoGrades + "  vetoes:\n    - {when: n >= 2, coefficient: 零}\n",
			want: []string{`rules.yaml:15:35: coefficient must be a number, not "零"`},
		},
		{
			name: "unknown field",
			src:  vetoGrades + "  vetoes:\n    - {when: n >= 2, at_least: C}\n",
			want: []string{
				`rules.yaml:15:7: a veto needs at_most, a grade to cap the grade at, or coefficient, e.g. {when: 投诉次数 >= 2, at_most: C}`,
				`rules.yaml:15:22: unknown field "at_least" in a veto`,
				`    hint: did you mean "at_most"?`,
			},
		},
		{
			name: "vetoes not a list",
			src:  vetoGrades + "  vetoes: {when: n >= 2, at_most: C}\n",
			want: []string{`rules.yaml:14:11: grades: vetoes must be a list, not a mapping`},
		},
		{
			name: "the grade in a veto",
			src:  vetoGrades + "  vetoes:\n    - {when: grade = \"A\", at_most: B}\n",
			// The grades' mapping starts on line 9.
			want: []string{`rules.yaml:9:3: grade depends on itself: grade -> grade`},
		},
		{
			name: "coefficient without coefficients",
			src: `columns:
  a: {}
metrics:
  x: {points: a, max: 100}
grades:
  bands:
    - {when: ">= 60", grade: 合格}
    - {when: "< 60", grade: 不合格}
  vetoes:
    - {when: a < 10, coefficient: 0}
`,
			want: []string{
				`rules.yaml:10:35: a veto cannot set a coefficient: the grades give none`,
				`    hint: give every grade a coefficient, or leave coefficient: out of the veto`,
			},
		},
	})
}
