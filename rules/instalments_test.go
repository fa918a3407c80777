package rules_test

import "testing"

func TestParseInstalments(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "shares not adding up",
			src: `columns:
  a: {}
pay:
  提成:
    formula: a
    instalments:
      - {share: 80%, paid: 1 month after}
      - {share: 10%, paid: year end}
`,
			want: []string{
				`rules.yaml:7:7: the shares of 提成 add up to 90%, not 100%`,
				`    hint: write share: rest on the last instalment to pay what the others leave`,
			},
		},
		{
			name: "rest not last, and no rest left",
			src: `columns:
  a: {}
pay:
  提成:
    formula: a
    instalments:
      - {share: rest, paid: 1 month after}
      - {share: 0.6, paid: 2 months after}
      - {share: 0.5, paid: 3 months after}
`,
			want: []string{
				`rules.yaml:7:7: the shares of 提成 add up to 110%, not 100%`,
				`    hint: write share: rest on the last instalment to pay what the others leave`,
				`rules.yaml:7:17: only the last instalment of 提成 can be the rest`,
			},
		},
		{
			name: "paid unreadable",
			src: `columns:
  a: {}
pay:
  提成:
    formula: a
    instalments:
      - {share: 0.5, paid: next month}
      - {share: rest, paid: year end}
`,
			want: []string{
				`rules.yaml:7:28: paid "next month": write "1 month after", "2 months after" or "year end"`,
				`    hint: months after the end of the period scored`,
			},
		},
		{
			name: "one instalment",
			src: `columns:
  a: {}
pay:
  提成:
    formula: a
    instalments:
      - {share: 100%, paid: 1 month after}
`,
			want: []string{`rules.yaml:7:7: instalments of 提成 must be a list of two or more, e.g. - {share: 80%, paid: 1 month after}`},
		},
	})
}
