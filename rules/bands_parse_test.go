package rules_test

import "testing"

func TestParseBandChecks(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			// The grade table of the trade department copied literally
			// leaves [60, 61) without a grade. The message points at the
			// text of the range after the gap, inside its quotes.
			name: "gap",
			src: `columns:
  得分: {min: 0, max: 100}
metrics:
  等级分:
    value: 得分
    bands:
      - {when: "[91, 100]", points: 130}
      - {when: "[81, 91)", points: 110}
      - {when: "[71, 81)", points: 100}
      - {when: "[61, 71)", points: 80}
      - {when: "< 60", points: 40}
`,
			want: []string{
				`rules.yaml:11:17: no band holds values in [60, 61)`,
				`    hint: make the bands meet, e.g. when: "< 61"`,
			},
		},
		{
			name: "overlap",
			src: `columns:
  a: {min: 0, max: 1}
metrics:
  m:
    value: a
    bands:
      - when: ">= 75%"
        points: 100
      - when: "[65%, 80%)"
        points: 80
      - when: < 65%
        points: 0
`,
			want: []string{
				`rules.yaml:9:16: band [65%, 80%) overlaps the band >= 75% (line 7) on [75%, 80%)`,
				`    hint: the first band that holds a value wins; to make the bands meet, write when: "[65%, 75%)"`,
			},
		},
		{
			name: "empty and hidden",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: "[5, 5)", points: 1}
      - {when: ">= 0", points: 2}
      - {when: "= 5", points: 3}
      - {when: "< 0", points: 4}
`,
			want: []string{
				`rules.yaml:7:17: band [5, 5) holds no value`,
				`    hint: write "= 5" for 5 alone`,
				`rules.yaml:9:17: band = 5 can never match: the band >= 0 (line 8) comes first and holds all its values`,
				`    hint: the first band that holds a value wins`,
			},
		},
	})
}
