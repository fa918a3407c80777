package rules_test

import "testing"

func TestParseSyntaxPositions(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			// The tab is the third character of line 3.
			name: "tab after spaces",
			src:  "columns:\n  a: {}\n  \tb: {}\n",
			want: []string{
				`rules.yaml:3:3: not valid YAML: a tab indents this line`,
				`    hint: indent with spaces: YAML does not allow tabs there`,
			},
		},
		{
			// The quote opens at column 12 of line 5 and nothing closes
			// it.
			name: "unclosed double quote",
			src: `columns:
  a: {}
metrics:
  m:
    value: "a / b
    weight: 3
`,
			want: []string{
				`rules.yaml:5:12: not valid YAML: the text that starts with " is not closed`,
				`    hint: end it with "`,
			},
		},
		{
			name: "unclosed single quote",
			src: `columns:
  a: {header: 'x}
  b: {}
`,
			want: []string{
				`rules.yaml:2:15: not valid YAML: the text that starts with ' is not closed`,
				`    hint: end it with '`,
			},
		},
		{
			// yaml.v3 says "line 1" here, counting from 0; the { is at
			// column 6 of line 2.
			name: "unclosed flow mapping",
			src: `columns:
  a: {min: 0
metrics:
  m: a
`,
			want: []string{
				`rules.yaml:2:6: not valid YAML: { is not closed`,
				`    hint: end it with }, and separate its items with commas`,
			},
		},
		{
			// The [ at column 16 is closed by a }.
			name: "unclosed flow list",
			src: `columns:
  a: {aliases: [x, y}
`,
			want: []string{
				`rules.yaml:2:16: not valid YAML: [ is not closed`,
				`    hint: end it with ], and separate its items with commas`,
			},
		},
		{
			// yaml.v3 gives no line for a parser error on the first
			// line.
			name: "stray brace on line 1",
			src:  "columns: {a: 1}}\n",
			want: []string{`rules.yaml:1:1: not valid YAML: did not find expected key`},
		},
		{
			name: "at sign",
			src:  "columns:\n  a: @x\n",
			want: []string{
				`rules.yaml:2:6: not valid YAML: found character that cannot start any token`,
				`    hint: put text that starts with @ in quotes`,
			},
		},
		{
			name: "unknown anchor",
			src:  "columns:\n  a: {}\n  b: *nope\n",
			want: []string{`rules.yaml:3:6: not valid YAML: *nope refers to no anchor &nope`},
		},
	})
}
