package rules_test

import "testing"

func TestParsePoolErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "no weight, no amount",
			src: `columns:
  工号: {type: text, key: true}
  得分:
pool:
  奖金: {description: 年终}
`,
			want: []string{
				`rules.yaml:5:3: pool 奖金 has no weight: give the formula each person's share is in proportion to`,
				`    hint: for example weight: total * coefficient`,
				`rules.yaml:5:3: pool 奖金 has no amount: give the sum it shares with amount:, or each group's with amounts:`,
			},
		},
		{
			name: "amounts without a group, a weight of text",
			src: `columns:
  工号: {type: text, key: true}
pool:
  奖金:
    weight: 工号
    amounts: {销售: -5}
    amount: 10
`,
			want: []string{
				`rules.yaml:5:13: pool 奖金: weight must be a number, but 工号 is text`,
				`rules.yaml:6:14: pool 奖金: amounts are given by group, but the pool has no group: name the column with group:`,
				`rules.yaml:6:19: pool 奖金: amounts: 销售 must be a sum of money, >= 0 and to the cent, not -5`,
			},
		},
		{
			name: "a name already used",
			src: `columns:
  工号: {type: text, key: true}
  得分:
pay:
  奖金: 100
pool:
  奖金: {amount: 10, weight: 得分}
  得分: {amount: 10, weight: 得分}
`,
			want: []string{
				`rules.yaml:7:3: the name 奖金 is already used at line 5: a pool's share is a column of the results of its own`,
				`rules.yaml:8:3: the name 得分 is already used at line 3: a pool's share is a column of the results of its own`,
			},
		},
	})
}
