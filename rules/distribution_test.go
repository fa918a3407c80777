package rules_test

import "testing"

func TestParseDistributionErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "no grades, no curve",
			src: `columns:
  工号: {type: text, key: true}
  得分:
metrics:
  绩效: {points: 得分}
distribution:
  min_group: 0
`,
			want: []string{
				`rules.yaml:7:3: distribution has no curve: give each grade's share, best first`,
				`    hint: for example curve: {A: 10%, B: 20%, C: 40%, D: 20%, E: 10%}`,
				`rules.yaml:7:3: distribution: the rules have no grades to fit to the curve`,
				`rules.yaml:7:14: distribution: min_group must be a whole number of people, at least 1, not 0`,
			},
		},
		{
			name: "a share over 100%, ties without by, by of text",
			src: `columns:
  工号: {type: text, key: true}
  得分:
metrics:
  绩效: {points: 得分}
grades:
  bands:
    - {when: ">= 60", grade: 合格}
    - {when: "< 60", grade: 不合格}
distribution:
  curve: {合格: 120%, 不合格: 0%}
  ties: {order: lowest first}
  by: 工号
`,
			want: []string{
				`rules.yaml:11:15: distribution: curve: 合格 must be a share from 0% to 100%, not 120%`,
				`rules.yaml:12:9: distribution: ties has no by: give the column that places people with the same figure`,
				`rules.yaml:13:7: distribution: by must be a number, but 工号 is text`,
			},
		},
	})
}
