package rules_test

import (
	"testing"

	"appraise/rules"
)

func TestParseBlankNone(t *testing.T) {
	s, err := rules.Parse("rules.yaml", []byte(`columns:
  同事1: {blank: none}
  同事2: {blank: NONE}
  上级: {blank: 0}
metrics:
  评分: mean(同事1, 同事2, 上级)
`))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, true, false} {
		if c := s.Columns[i]; c.BlankNone != want || (c.Blank == nil) != want {
			t.Errorf("column %s: BlankNone %v, Blank %v; want BlankNone %v", c.Name, c.BlankNone, c.Blank, want)
		}
	}
	if len(s.Warnings) > 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
}

func TestParseMeanErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "blank neither number nor none",
			src: `columns:
  a: {blank: nothing}
`,
			want: []string{
				`rules.yaml:2:14: blank must be a number or none, not "nothing"`,
				`    hint: blank: 0 reads a blank cell as 0; blank: none reads it as no value, which mean() leaves out`,
			},
		},
		{
			name: "mean without arguments",
			src: `columns:
  a: {}
pay:
  p: mean()
`,
			want: []string{`rules.yaml:4:6: mean takes at least one argument, not 0`},
		},
		{
			name: "mean of text",
			src: `columns:
  a: {}
  b: {type: text}
pay:
  p: mean(a, b)
`,
			want: []string{`rules.yaml:5:14: mean needs a number, but b is text`},
		},
		{
			name: "wmean with an odd number of arguments",
			src: `columns:
  a: {}
  b: {}
pay:
  p: wmean(a, 60%, b)
`,
			want: []string{
				`rules.yaml:5:6: wmean takes values and their weights in pairs, not 3 arguments`,
				`    hint: write each value followed by its weight: wmean(上级评分, 60%, 小组评分, 30%, 自我评分, 10%)`,
			},
		},
		{
			name: "wmean with a negative weight",
			src: `columns:
  a: {}
  b: {}
pay:
  p: wmean(a, 60%, b, -10%)
`,
			want: []string{`rules.yaml:5:23: the weight of b in wmean is negative: -0.1`},
		},
	})
}

func TestParseBlankNoneWarnings(t *testing.T) {
	const cols = `columns:
  自评: {}
  同事1: {blank: none}
  同事2: {blank: none}
  上级: {}
`
	runWarnCases(t, []warnCase{
		{
			name: "inside mean",
			src: cols + `metrics:
  评分: (自评 + mean(同事1, 同事2) + 上级) / 3
pay:
  p: wmean(上级, 60%, 同事1 * 2, 30%)
`,
		},
		{
			name: "outside mean in a metric",
			src: cols + `metrics:
  评分: (自评 + 同事1 + 上级) / 3
`,
			// 同事1 starts at column 13 of line 7: "  评分: (自评 + " is 12 runes.
			want: []string{
				`rules.yaml:7:13: warning: 同事1 may be blank, and then 评分 has no value`,
				`    hint: read it inside mean() or wmean(), which leave out a blank, or add if_missing to 评分`,
			},
		},
		{
			name: "read twice in one formula: one warning",
			src: cols + `metrics:
  评分: if(同事1 > 5, 同事1, 5)
`,
			// The first 同事1 starts at column 10 of line 7: "  评分: if(" is 9 runes.
			want: []string{
				`rules.yaml:7:10: warning: 同事1 may be blank, and then 评分 has no value`,
				`    hint: read it inside mean() or wmean(), which leave out a blank, or add if_missing to 评分`,
			},
		},
		{
			name: "the file says what then",
			src: cols + `if_missing: blank
metrics:
  评分: (自评 + 同事1 + 上级) / 3
`,
		},
		{
			name: "outside mean in a metric that says what then",
			src: cols + `metrics:
  评分: {value: (自评 + 同事1 + 上级) / 3, points: value, if_missing: 0}
`,
		},
		{
			name: "as a weight of wmean in a pay line",
			src: cols + `pay:
  p: wmean(上级, 同事2)
`,
			// 同事2 starts at column 16 of line 7: "  p: wmean(上级, " is 15 runes.
			want: []string{
				`rules.yaml:7:16: warning: 同事2 may be blank, and then wmean(上级, 同事2) has no value`,
				`    hint: read it inside mean() or wmean(), which leave out a blank`,
			},
		},
	})
}

// TestParseMeanDivisor checks that a mean is known to lie between its
// arguments, so that dividing by one whose arguments cannot be 0 is not
// warned of.
func TestParseMeanDivisor(t *testing.T) {
	runWarnCases(t, []warnCase{
		{
			name: "arguments above 0",
			src: `columns:
  a: {}
  b: {min: 1}
  c: {min: 2}
pay:
  p: a / mean(b, c)
`,
		},
		{
			name: "an argument that may be 0",
			src: `columns:
  a: {}
  b: {min: 1}
  c: {min: 0}
pay:
  p: a / mean(b, c)
`,
			// The / is at column 8 of line 6: "  p: a " is 7 characters.
			want: []string{
				`rules.yaml:6:8: warning: a / mean(b, c) has no value when mean(b, c) is 0, and the rules do not say what then`,
				`    hint: guard it, e.g. if(mean(b, c) <> 0, a / mean(b, c), 0)`,
			},
		},
	})
}
