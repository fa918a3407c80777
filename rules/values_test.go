package rules_test

import (
	"slices"
	"testing"

	"appraise/rules"
)

func TestParseValues(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "type number",
			// "  评价: {type: number, values: [优秀]}": the list opens at
			// column 30 (2 spaces, 评价, ": {", "type: number, ", "values: ").
			src: `columns:
  评价: {type: number, values: [优秀]}
`,
			want: []string{
				`rules.yaml:2:30: column 评价 has values but is of type number`,
				`    hint: values lists the texts a text column allows; remove type: number`,
			},
		},
		{
			name: "blank not a value",
			// "  不可抗力: {" is 9 characters, "values: [是, 否], " 16 and
			// "blank: " 7: 无 is at column 9 + 16 + 7 + 1 = 33.
			src: `columns:
  不可抗力: {values: [是, 否], blank: 无}
`,
			want: []string{
				`rules.yaml:2:33: blank of column 不可抗力 is "无", not one of its values`,
				`    hint: the values are 是, 否`,
			},
		},
		{
			name: "blank text empty",
			// "  备注: {" is 7 characters, "type: text, " 12 and
			// "blank: " 7: the quote is at column 27.
			src: `columns:
  备注: {type: text, blank: ""}
`,
			want: []string{`rules.yaml:2:27: blank of column 备注 is empty: a blank cell is blank already`},
		},
		{
			name: "empty list",
			src: `columns:
  评价:
    values: []
`,
			want: []string{`rules.yaml:3:13: values of column 评价 is empty: list the texts the column allows`},
		},
		{
			name: "repeated",
			// The second 良好 starts at column 26: "    values: [" is 13
			// characters, then "优秀, ", "良好, " and "一般, " are 4 each.
			src: `columns:
  评价:
    values: [优秀, 良好, 一般, 良好]
`,
			want: []string{`rules.yaml:3:26: value "良好" is given twice in column 评价`},
		},
		{
			name: "blank text",
			// "    values: [" is 13 characters and "优秀, " 4: the quote
			// is at column 18.
			src: `columns:
  评价:
    values: [优秀, " "]
`,
			want: []string{`rules.yaml:3:18: values of column 评价: a blank text cannot be one of them`},
		},
		{
			name: "not texts",
			// As above: the mapping opens at column 18.
			src: `columns:
  评价:
    values: [优秀, {a: 1}]
`,
			want: []string{`rules.yaml:3:18: values must be text, not a mapping`},
		},
		{
			name: "mapping",
			src: `columns:
  评价:
    values: {a: 1}
`,
			want: []string{`rules.yaml:3:13: values must be text, not a mapping`},
		},
	})
}

// TestValuesMakeText checks that values makes a column a text column and
// keeps the texts in their order, trimmed.
func TestValuesMakeText(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(`columns:
  评价: {values: [优秀, " 良好 ", 一般, 不足]}
  等级: {type: text, values: A+}
  得分: {}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		col    int
		text   bool
		values []string
	}{
		{0, true, []string{"优秀", "良好", "一般", "不足"}},
		{1, true, []string{"A+"}},
		{2, false, nil},
	}
	for _, tt := range tests {
		c := set.Columns[tt.col]
		if c.Text != tt.text || !slices.Equal(c.Values, tt.values) {
			t.Errorf("column %s: text %v values %q; want %v %q", c.Name, c.Text, c.Values, tt.text, tt.values)
		}
	}
}
