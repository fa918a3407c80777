// Command gen writes the sample ledger of the trade-agent-annual example
// (外贸部业务员绩效考核办法, SCHEMES.md §10): one row a contract.
//
// Run it from the repository root:
//
//	go run ./examples/trade-agent-annual/gen [-o examples/trade-agent-annual/2026.xlsx]
//
// The first rows are designed by hand; each person's results are worked
// out in ../expected.yaml, so changing a row means working its person
// again by hand. The remaining rows are pseudo-random contracts of other
// people, reproducible from a fixed seed.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{"合同编号", "业务员", "类型", "合同总金额", "客户返回款", "运费", "回款金额", "第二次回款", "回款日期"}

// designed holds the hand-made contracts in header order after 合同编号.
// Keep ../expected.yaml in step with any change here.
var designed = [][]string{
	// 陈一: two 外贸 contracts, 2,100,000 collected: over the target by
	// 1,100,000, past the 1,000,000 tier.
	{"陈一", "外贸", "1500000", "", "", "1500000", "", "2026-05-10"},
	{"陈一", "外贸", "600000", "", "", "600000", "", "2026-09-01"},
	// 林二: over the target by exactly 1,000,000, the tier edge.
	{"林二", "外贸", "2000000", "", "", "2000000", "", "2026-11-30"},
	// 黄三: a 外贸 contract net of a 20,000 rebate collected in two payments;
	// a 内贸 contract half collected.
	{"黄三", "外贸", "300000", "20000", "", "200000", "80000", "2026-07-15"},
	{"黄三", "内贸", "100000", "", "2000", "50000", "", "2026-08-01"},
	// 周四: a 内贸 commission of 1,000.01, which 80% does not divide evenly.
	{"周四", "内贸", "125001.25", "", "", "125001.25", "", "2026-03-03"},
	// 吴五: a contract and a credit note (negative amounts) against it.
	{"吴五", "外贸", "1200000", "", "", "1200000", "", "2026-06-18"},
	{"吴五", "外贸", "-20000", "", "", "-20000", "", "2026-10-09"},
	// 郑六: his name written with a trailing ideographic space once.
	{"郑六", "外贸", "500000", "", "", "500000", "", "2026-04-21"},
	{"郑六\u3000", "内贸", "300000", "", "10000", "300000", "", "2026-12-02"},
	// 王七: one cent short of collected in full: no commission.
	{"王七", "外贸", "400000", "", "", "399999.99", "", ""},
	// 冯八: 内贸 only: large collections, but no over-target bonus.
	{"冯八", "内贸", "2500000", "", "50000", "2500000", "", "2026-12-20"},
	// 何九: a rebate, and 2,050,000 of 外贸 collections.
	{"何九", "外贸", "1000000", "50000", "", "950000", "", "2026-02-27"},
	{"何九", "外贸", "1100000", "", "", "1100000", "", "2026-08-08"},
	// 孔十: over the target by 1,000,000.01, a cent past the tier edge.
	{"孔十", "外贸", "2000000.01", "", "", "2000000.01", "", "2026-12-31"},
}

// names of the salespeople of the random contracts, none of them above.
var names = []string{"甲", "乙", "丙", "丁"}

func main() {
	sample.Main("examples/trade-agent-annual/2026.xlsx", sample.Sheet{
		Name:     "合同台账",
		Title:    "外贸部合同台账 2026年",
		Header:   header,
		IDFormat: "H%03d",
		Designed: designed,
		Total:    30,
		Seed:     [2]uint64{2026, 0x6c6564},
		Names:    names,
		Random:   random,
	})
}

// random makes a contract: 外贸 more often than 内贸, most collected.
func random(r *sample.Rand) []string {
	kind := []string{"外贸", "外贸", "内贸"}[r.IntN(3)]
	total := 1000 * r.Between(50, 900)
	rebate := ""
	if r.IntN(4) == 0 {
		rebate = fmt.Sprint(1000 * r.Between(1, 20))
	}
	freight := ""
	if kind == "内贸" {
		freight = fmt.Sprint(100 * r.Between(5, 80))
	}
	paid := fmt.Sprint(total)
	if r.IntN(3) == 0 {
		paid = fmt.Sprint(r.Pct(total, 30, 95))
	}
	return []string{kind, fmt.Sprint(total), rebate, freight, paid, "", fmt.Sprintf("2026-%02d-%02d", r.Between(1, 12), r.Between(1, 28))}
}
