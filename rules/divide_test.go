package rules_test

import (
	"strings"
	"testing"

	"appraise/rules"
)

// warnCase is a rule file that parses, and the exact text of its
// warnings, one line per element of want.
type warnCase struct {
	name string
	src  string
	want []string
}

func runWarnCases(t *testing.T, cases []warnCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := rules.Parse("rules.yaml", []byte(tc.src))
			if err != nil {
				t.Fatalf("Parse:\n%v", err)
			}
			if got, want := s.Warnings.Error(), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("warnings:\ngot:\n%s\nwant:\n%s", got, want)
			}
			for _, w := range s.Warnings {
				if !w.Warning {
					t.Errorf("%v is not marked as a warning", w)
				}
			}
		})
	}
}

func TestParseDivisions(t *testing.T) {
	const cols = `columns:
  a: {}
  b: {min: 0}
  c: {min: 1}
  d: {max: -1}
  e: {min: 1, blank: 0}
  h: {min: 0.4}
  t: {type: text}
params:
  二: 2
  零: 0
`
	runWarnCases(t, []warnCase{
		{
			name: "column that may be 0",
			src: cols + `metrics:
  m:
    value: a / b
    bands:
      - {when: ">= 1", points: 10}
      - {when: "< 1", points: 0}
`,
			want: []string{
				`rules.yaml:14:14: warning: a / b has no value when b is 0, and the rules do not say what then`,
				`    hint: add "if_missing: 0" or "if_missing: blank" to m, or give b "min: 1"`,
			},
		},
		{
			// c >= 1, d <= -1, 二 = 2; c + b >= 1; c * c >= 1;
			// max(b, 1) >= 1; abs(d) >= 1.
			name: "divisors that cannot be 0",
			src: cols + `metrics:
  m1: a / c
  m2: a / d
  m3: a / 二
  m4: a / 2%
  m5: a / (c + b)
  m6: a / (c * c)
  m7: a / max(b, 1)
  m8: a / abs(d)
  m9: a / -d
`,
		},
		{
			// e >= 1, but a blank cell is 0. c - 1 >= 0 may be 0.
			// round(h, 0) and floor(h) may be 0 for h = 0.4. c * b may
			// be 0 as b may.
			name: "divisors that may be 0",
			src: cols + `metrics:
  m1: a / e
  m2: a / (c - 1)
  m3: a / round(h, 0)
  m4: a / floor(h)
  m5: a / (c * b)
`,
			want: []string{
				`rules.yaml:13:9: warning: a / e has no value when e is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m1`,
				`rules.yaml:14:9: warning: a / (c - 1) has no value when c - 1 is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m2`,
				`rules.yaml:15:9: warning: a / round(h, 0) has no value when round(h, 0) is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m3`,
				`rules.yaml:16:9: warning: a / floor(h) has no value when floor(h) is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m4`,
				`rules.yaml:17:9: warning: a / (c * b) has no value when c * b is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m5`,
			},
		},
		{
			// r is b, which may be 0; q is c, which may not.
			name: "metric as divisor",
			src: cols + `metrics:
  r: b
  q: c
  m1: a / r
  m2: a / q
`,
			want: []string{
				`rules.yaml:15:9: warning: a / r has no value when r is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m1`,
			},
		},
		{
			name: "guarded by if",
			src: cols + `metrics:
  m1: if(b > 0, a / b, 0)
  m2: if(b = 0, 0, a / b)
  m3: if(b > 0 and a > 0, min(a / b, 1), 0)
  m4: if(a > 0, a / b, 0)
`,
			want: []string{
				`rules.yaml:16:19: warning: a / b has no value when b is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to m4, or give b "min: 1"`,
			},
		},
		{
			name: "own value in points",
			src: cols + `metrics:
  m:
    value: b
    points: 100 / value
`,
			want: []string{
				`rules.yaml:15:17: warning: 100 / value has no value when value is 0, and the rules do not say what then`,
				`    hint: add "if_missing: 0" or "if_missing: blank" to m`,
			},
		},
		{
			name: "pay line and flag",
			src: cols + `metrics:
  m: a
pay:
  p: a / b * 10
flags:
  f: a / b > 1
`,
			want: []string{
				`rules.yaml:15:8: warning: a / b has no value when b is 0, and the rules do not say what then`,
				`    hint: guard it, e.g. if(b <> 0, a / b, 0), or give b "min: 1"`,
				`rules.yaml:17:8: warning: a / b has no value when b is 0, and the rules do not say what then`,
				`    hint: guard it, e.g. if(b <> 0, a / b, 0), or give b "min: 1"`,
			},
		},
		{
			name: "policy on the metric",
			src: cols + `metrics:
  m1:
    value: a / b
    if_missing: blank
  m2:
    value: a / b
    bands:
      - {when: ">= 0", points: 1}
    if_missing: 0
`,
		},
		{
			// The file's if_missing covers every metric, not pay lines.
			name: "policy for the file",
			src: "if_missing: blank\n" + cols + `metrics:
  m1: a / b
  m2:
    points: a / b
pay:
  p: a / b
`,
			want: []string{
				`rules.yaml:18:8: warning: a / b has no value when b is 0, and the rules do not say what then`,
				`    hint: guard it, e.g. if(b <> 0, a / b, 0), or give b "min: 1"`,
			},
		},
	})
	runErrorCases(t, []errorCase{
		{
			name: "divisor always 0",
			src: cols + `metrics:
  m1: a / 0
  m2: a / 零
  m3: if(零 <> 0, a / 零, 0)
`,
			want: []string{
				`rules.yaml:13:9: a / 0 divides by zero`,
				`rules.yaml:14:9: a / 零 divides by zero: 零 is always 0`,
			},
		},
		{
			// A formula with an unknown name earns no warning: it will
			// change anyway.
			name: "unknown name",
			src: cols + `metrics:
  m: x / b
`,
			want: []string{
				`rules.yaml:13:6: unknown name "x"`,
				`    hint: did you mean "a"?`,
			},
		},
		{
			name: "text divisor",
			src: cols + `metrics:
  m: a / t
`,
			want: []string{`rules.yaml:13:10: / needs a number, but t is text`},
		},
	})
}
