// Command gen writes the sample workbook of the trade-commission example
// (外贸业务人员绩效考核方案, SCHEMES.md §7).
//
// Run it from the repository root:
//
//	go run ./examples/trade-commission/gen [-o examples/trade-commission/2026-q4.xlsx]
//
// The first rows are designed by hand; their results are worked out in
// ../expected.yaml, so changing one of them means working that row again
// by hand. The remaining rows are pseudo-random but reproducible.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "该季回收业务款项", "该季贷项通知", "该季发生成本",
	"季度考核得分", "年度业务净利润", "年度考核系数",
}

// designed holds the hand-made rows in header order after 工号. Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// C001: score 91 exactly (优 1.3); a year exactly on the 1,000,000 tier edge.
	{"李明", "1200000", "", "800000", "91", "1000000", "1.1"},
	// C002: a commission of 1,000.011 -> 1,000.01, which 0.33 does not divide;
	// a year just below 500,000.
	{"王芳", "86666.74", "0", "80000", "75", "499999.99", "1.0"},
	// C003: a negative quarter (a loss of 50,000); a year exactly on 500,000.
	{"张伟", "300000", "0", "350000", "85", "500000", "1.1"},
	// C004: a credit note of 20,000 taken off the collections; score 61 exactly.
	{"刘洋", "500000", "20000", "280000", "61", "750000", "0.8"},
	// C005: score 60.5, in the [60, 61) read as 不合格; a year above 1,000,000.
	{"陈静", "250000", "0", "150000", "60.5", "1200000", "0.4"},
	// C006: a commission ending in a fraction of a cent; a year just below
	// 1,000,000.
	{"赵磊", "333333.33", "0", "0", "100", "999999.99", "1.3"},
	// C007: a quarter that breaks even; a year with a loss.
	{"孙丽", "100000", "0", "100000", "90.99", "-100000", "1.1"},
	// C008: score 81 exactly (良); a credit note; a year of 0.
	{"吴静", "150000", "5000", "45000", "81", "0", "1.0"},
	// C009: score 71 exactly (中); a commission just under a cent below
	// 5,000; a year far above 1,000,000.
	{"郑浩", "33333.33", "0", "0", "71", "2000000", "1.0"},
	// C010: score 70.99 (基本合格, just below 中); 1,200.01 over 0.33, 0.33
	// and the rest; a year just above 500,000.
	{"冯雪", "10000.05", "0", "0", "70.99", "500000.01", "0.8"},
}

var names = []string{"周杰", "蒋涛", "韩梅", "杨帆", "许晴"}

func main() {
	sample.Main("examples/trade-commission/2026-q4.xlsx", sample.Sheet{
		Name:     "季度提成",
		Title:    "外贸业务人员季度提成表 2026年第四季度",
		Header:   header,
		IDFormat: "C%03d",
		Designed: designed,
		Total:    15,
		Seed:     [2]uint64{20261231, 0x7463},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible salesperson: collections above costs most of
// the time.
func random(r *sample.Rand) []string {
	in := 10000 * r.Between(20, 150)
	credit := "0"
	if r.IntN(4) == 0 {
		credit = fmt.Sprint(1000 * r.Between(1, 30))
	}
	cost := r.Pct(in, 40, 110)
	score := fmt.Sprint(r.Between(55, 100))
	year := 10000 * r.Between(-10, 150)
	coef := []string{"1.3", "1.1", "1.0", "0.8", "0.4"}[r.IntN(5)]
	return []string{fmt.Sprint(in), credit, fmt.Sprint(cost), score, fmt.Sprint(year), coef}
}
