// Command gen writes the sample workbook of the credit-rating example
// (客户信用评级指标体系及评价打分表, SCHEMES.md §21): one row per customer,
// with the figures of its 2025 statements in 万元.
//
// Run it from the repository root:
//
//	go run ./examples/credit-rating/gen [-o examples/credit-rating/2025.xlsx]
//
// The first rows are designed by hand to sit on band edges and other corner
// cases; their results are worked out in ../expected.yaml, so changing one of
// them means working that row again by hand. The remaining rows are
// pseudo-random but reproducible: a fixed PCG seed gives the same workbook on
// every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"客户编号", "客户名称", "总资产", "总负债", "期初流动资产", "期末流动资产", "流动负债",
	"期初存货", "期末存货", "期初应收账款", "期末应收账款", "主营业务收入", "主营业务成本",
	"净利润", "上年主营业务收入", "上年净利润", "个人银行信用记录", "从业年限", "商品渠道级别",
	"产品分类",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 客户编号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// C001: every item in its top band and the categories at their best:
	// the highest total there is, 48.
	{"华信电器商贸", "1000", "400", "100", "150", "50", "30", "30", "100", "100", "1600", "1200", "300", "1300", "200", "4", "8", "品牌供应商", "家用电器"},
	// C002: every ratio exactly on its level-5 cut-off (2, 1, 12, 50%, 15%),
	// which the level-4 band holds; 从业年限 exactly 5.
	{"鼎盛数码科技", "13800", "6900", "1150", "1150", "575", "575", "575", "1725", "575", "13800", "6900", "2070", "12000", "1800", "3", "5", "全国总代理", "数码产品及配件"},
	// C003: every ratio exactly on its level-4 cut-off (1.6, 0.75, 10, 60%,
	// 10%): level 3; 从业年限 exactly 3; a product class the map does not
	// name.
	{"永泰贸易", "11000", "6600", "920", "1280", "800", "520", "680", "1600", "600", "11000", "6000", "1100", "10000", "1000", "2", "3", "地方代理商及以下", "服装"},
	// C004: every ratio exactly on its level-3 cut-off (1.2, 0.5, 8, 70%, 5%,
	// 7%): level 2; 从业年限 2.9, just below 3.
	{"恒通家电", "6000", "4200", "900", "1200", "1000", "500", "700", "1600", "500", "8400", "4800", "420", "8000", "400", "1", "2.9", "品牌供应商", "家用电器"},
	// C005: every ratio exactly on its level-2 cut-off (1.0, 0.25, 6, 80%, 3%):
	// level 1; 个人银行信用记录 and 从业年限 0.
	{"金桥数码", "61800", "49440", "10600", "10000", "10000", "8500", "7500", "18100", "2500", "61800", "48000", "1854", "60000", "1800", "0", "0", "全国总代理", "数码产品及配件"},
	// C006: every ratio exactly on its level-1 cut-off (0.8, 0.1, 4, 90%, 0):
	// outside every band, 0; 上年净利润 = 0, so 净利润增长率 divides by 0.
	{"广源家居", "5000", "4500", "1200", "800", "1000", "500", "700", "1900", "100", "4000", "2400", "0", "4000", "0", "4", "4.5", "地方代理商及以下", "家具"},
	// C007: ratios just past a cut-off (79.99%, 1.2001, 0.2501, 4.001,
	// 6.0006, 8.00008), a profit of 1, and a loss last year: 净利润 up from
	// -100 to 1 reads as growth of -101%.
	{"新纪元商贸", "20000", "15998", "12001", "12001", "10000", "10500", "9500", "29500", "2500", "96009", "40010", "1", "96008", "-100", "3", "4.99", "全国总代理", "家用电器"},
	// C008: 流动负债 = 0, so 流动比率 and 速动比率 cannot be computed.
	{"东方电子", "1000", "300", "400", "500", "0", "200", "200", "150", "250", "3000", "2400", "150", "2500", "120", "2", "10", "品牌供应商", "数码产品及配件"},
	// C009: a new customer without last year's figures; every ratio just
	// short of its level-5 cut-off.
	{"远航办公", "10000", "5001", "2001", "1999", "1000", "1000", "1000", "3001", "999", "23998", "11999", "3599", "", "", "4", "5", "地方代理商及以下", "办公用品"},
	// C010: liabilities above assets, a loss, falling sales: everything 0
	// but 应收账款周转率.
	{"隆兴电器", "1000", "1200", "600", "400", "800", "440", "360", "40", "40", "1500", "1200", "-200", "2000", "100", "0", "1", "地方代理商及以下", "家用电器"},
}

// names for the generated rows C011 onwards.
var names = []string{
	"瑞丰电器", "佳美数码", "宏达商贸", "天成家电", "博远科技", "益华贸易", "安泰数码",
	"和顺电器", "盛世通讯", "嘉禾商行", "中联电子", "百川家电", "富源贸易", "星海数码",
}

var (
	channels = []string{"品牌供应商", "全国总代理", "地方代理商及以下"}
	products = []string{"家用电器", "数码产品及配件", "家具", "服装", "食品"}
)

func main() {
	sample.Main("examples/credit-rating/2025.xlsx", sample.Sheet{
		Name:     "客户信用",
		Title:    "客户信用评级指标体系及评价打分表 2025年度(金额:万元)",
		Header:   header,
		IDFormat: "C%03d",
		Designed: designed,
		Total:    24, // customers in the workbook
		Seed:     [2]uint64{20251231, 0x637264},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible distributor: every amount a divisor can be is
// positive, and last year's figures are there.
func random(r *sample.Rand) []string {
	revenue := r.Between(2000, 60000)
	cost := r.Pct(revenue, 70, 92)
	margin := r.Between(-3, 12) // net margin in percent
	profit := revenue * margin / 100
	lastRevenue := max(1, r.Pct(revenue, 80, 125))
	lastProfit := r.Pct(lastRevenue, 1, 10)
	inventory := max(1, r.Pct(cost, 5, 25))
	inventory0 := max(1, r.Pct(inventory, 70, 130))
	receivable := max(1, r.Pct(revenue, 5, 25))
	receivable0 := max(1, r.Pct(receivable, 70, 130))
	current := inventory + receivable + r.Pct(revenue, 2, 15)
	current0 := max(1, r.Pct(current, 75, 125))
	liabilities := max(1, r.Pct(current, 45, 130))
	assets := current + r.Pct(current, 10, 80)
	debt := r.Pct(assets, 35, 95)

	return []string{
		fmt.Sprint(assets), fmt.Sprint(debt), fmt.Sprint(current0), fmt.Sprint(current),
		fmt.Sprint(liabilities), fmt.Sprint(inventory0), fmt.Sprint(inventory),
		fmt.Sprint(receivable0), fmt.Sprint(receivable), fmt.Sprint(revenue), fmt.Sprint(cost),
		fmt.Sprint(profit), fmt.Sprint(lastRevenue), fmt.Sprint(lastProfit),
		fmt.Sprint(r.Between(0, 4)), fmt.Sprint(r.Between(1, 20)),
		channels[r.Weighted(20, 30, 50)], products[r.Weighted(35, 30, 15, 10, 10)],
	}
}
