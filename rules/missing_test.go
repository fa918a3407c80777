package rules_test

import (
	"testing"

	"appraise/rules"
)

func TestParseIfMissing(t *testing.T) {
	src := `if_missing: 0
columns:
  a: {}
  b: {}
metrics:
  默认:
    value: a / b
    bands:
      - {when: ">= 0", points: 1}
  留空:
    value: a / b
    bands:
      - {when: ">= 0", points: 1}
    if_missing: blank
  自定:
    value: a / b
    bands:
      - {when: ">= 0", points: 1}
    if_missing: 50
  只报:
    value: a / b
`
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	if s.IfMissing == nil || s.IfMissing.Value.String() != "0" || s.IfMissingBlank {
		t.Errorf("Set.IfMissing = %v, blank %v; want 0, false", s.IfMissing, s.IfMissingBlank)
	}
	want := map[string]string{"默认": "0", "留空": "none", "自定": "50", "只报": "none"}
	for _, m := range s.Metrics {
		got := "none"
		if m.IfMissing != nil {
			got = m.IfMissing.Value.String()
		}
		if got != want[m.Name] {
			t.Errorf("metric %s: if_missing %s, want %s", m.Name, got, want[m.Name])
		}
		if m.IfMissingBlank != (m.Name == "留空") {
			t.Errorf("metric %s: IfMissingBlank %v", m.Name, m.IfMissingBlank)
		}
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings:\n%v", s.Warnings)
	}

	runErrorCases(t, []errorCase{
		{
			name: "not a number or blank",
			src: `if_missing: zero
columns:
  a: {}
metrics:
  m:
    value: a
    if_missing: [0]
`,
			want: []string{
				`rules.yaml:1:13: if_missing must be a number or blank, not "zero"`,
				`    hint: if_missing: 0 scores a value that cannot be computed as 0 points; if_missing: blank leaves it blank, with a note`,
				`rules.yaml:7:17: if_missing must be a number or blank, not a list`,
				`    hint: if_missing: 0 scores a value that cannot be computed as 0 points; if_missing: blank leaves it blank, with a note`,
			},
		},
	})
	runWarnCases(t, []warnCase{
		{
			name: "points for a metric that earns none",
			src: `columns:
  a: {}
  b: {min: 1}
metrics:
  m:
    value: a / b
    if_missing: 0
`,
			want: []string{
				`rules.yaml:7:17: warning: metric m earns no points, so if_missing: 0 gives none`,
				`    hint: write "if_missing: blank" to say that its value is left blank, with a note`,
			},
		},
	})
}
