package rules_test

import "testing"

func TestParseLedger(t *testing.T) {
	const cols = `columns:
  业务员: {type: text}
  类型: {type: text}
  金额: {}
`
	runErrorCases(t, []errorCase{
		{
			name: "a ledger column read per person",
			src: cols + `ledger:
  by: 业务员
  per_person:
    合计: sum(金额)
pay:
  提成: 金额 * 1%
`,
			want: []string{
				`rules.yaml:10:7: unknown name "金额"`,
				`    hint: 金额 is a column of the ledger's rows: per person, read a per_person figure such as sum(金额)`,
			},
		},
		{
			name: "not an aggregate",
			src: cols + `ledger:
  by: 业务员
  per_person:
    合计: 金额 * 2
`,
			want: []string{
				`rules.yaml:8:9: per_person 合计 must be one of sum, count, min, max, mean over the rows, such as sum(提成) or count(), not 金额 * 2`,
				`    hint: a condition picks the rows: sum(提成, 已收齐)`,
			},
		},
		{
			name: "a condition that is not one, and an unknown by",
			src: cols + `ledger:
  by: 销售员
  rows:
    提成: 金额 * 1%
  per_person:
    合计: sum(提成, 类型)
    最多: max(类型)
`,
			want: []string{
				`rules.yaml:6:7: ledger by: no column "销售员"`,
				`rules.yaml:10:17: the condition of per_person 合计 must be a condition, but 类型 is text`,
				`rules.yaml:11:13: max of per_person 最多 must be a number, but 类型 is text`,
			},
		},
		{
			name: "count with a figure",
			src: cols + `ledger:
  by: 业务员
  per_person:
    合同数: count(金额, 类型 = "外贸")
`,
			want: []string{`rules.yaml:8:10: count takes no argument, or a condition: count(已收齐)`},
		},
	})
}
