// Command gen writes the sample workbook of the ecommerce-cs example
// (客服部客服指标绩效考核表, SCHEMES.md §1).
//
// Run it from the repository root:
//
//	go run ./examples/ecommerce-cs/gen [-o examples/ecommerce-cs/march.xlsx]
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
	"工号", "姓名", "询单人数", "最终付款人数", "拍下笔数", "支付宝付款笔数",
	"客服客单价", "店铺客单价", "接待人数", "回复过的客户数", "平均响应时间(秒)",
	"客户退款数", "客服成交数", "工作任务得分", "经验条数", "工作态度得分",
	"迟到早退次数", "有效请假天数",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// E001: X = 3/4; F = 23/25 = 0.92; Y = 224.00/200.00 = 1.12; Z = 99/100;
	// T = 30; 工作任务 8.5; 经验条数 5; full attendance.
	{"王晓雯", "4", "3", "25", "23", "224.00", "200.00", "100", "99", "30", "0", "3", "8.5", "5", "4", "0", "0"},
	// E002: X = 75/100; F = 0.85; Y = 1.08; Z = 0.97; T = 45; 工作态度 3.5;
	// 经验条数 2; one late arrival.
	{"李明杰", "100", "75", "100", "85", "108", "100", "200", "194", "45", "2", "75", "7", "2", "3.5", "1", "0"},
	// E003: X = 149/200 = 0.745 (just below 75%); F = 0.72; Y = 1.06;
	// Z = 247/260 = 0.95; T = 55; 经验条数 1; two days' leave.
	{"张雨桐", "200", "149", "150", "108", "212.00", "200.00", "260", "247", "55", "3", "149", "6", "1", "3", "0", "2"},
	// E004: every ratio just below its lowest edge (0.495, 0.715, 1.059,
	// 0.945); T = 56; 经验条数 0; 考勤 10 - 8 - 3 < 0 floors at 0.
	{"刘志强", "200", "99", "200", "143", "105.90", "100.00", "200", "189", "56", "10", "99", "5", "0", "2", "4", "3"},
	// E005: all bands top, full ratings and attendance, 经验条数 12: 102
	// before the cap of 100.
	{"陈静怡", "200", "180", "200", "190", "240", "200", "250", "250", "20", "1", "180", "10", "12", "5", "0", "0"},
	// E006: 客服客单价 stored as the text "1,234.50"; 店铺客单价 1000.
	{"杨子涵", "120", "84", "90", "81", "'1,234.50", "1000.00", "150", "147", "38", "2", "84", "8", "3", "4", "0", "1"},
	// E007: 询单人数 = 0, so X is missing; 经验条数 9; full attendance.
	{"赵海峰", "0", "0", "40", "38", "180", "150", "60", "60", "25", "0", "38", "7", "9", "4", "0", "0"},
	// E008: T = 29.5; X = 0.55; Y = 0.98; 经验条数 10; 工作态度 4.5.
	{"黄思琪", "200", "110", "200", "176", "196", "200", "250", "245", "29.5", "4", "110", "9", "10", "4.5", "0", "1"},
	// E009: X = 0.65 on the edge; F = 0.845, Y = 1.119, Z = 0.985 and
	// T = 45.5 just past an edge; two late arrivals.
	{"周文博", "200", "130", "200", "169", "223.80", "200.00", "200", "197", "45.5", "5", "130", "8", "3", "4", "2", "0"},
	// E010: X = 0.50 on the edge; F = 0.915, Y = 1.079, Z = 0.965 and
	// T = 30.1 just past an edge; 经验条数 0; 工作任务 7.5.
	{"吴佳慧", "200", "100", "200", "183", "215.80", "200.00", "200", "193", "30.1", "3", "100", "7.5", "0", "3.5", "0", "0"},
	// E011: X = 129/200 = 0.645, just below 65%; F = 0.80; Z = 1.
	{"徐立新", "200", "129", "200", "160", "230", "200", "180", "180", "40", "2", "129", "10", "4", "5", "0", "0"},
	// E012: repeating ratios well inside their bands: X = 2/3, F = 17/18,
	// Y = 25/23, Z = 145/148; late once and one day's leave.
	{"孙梦琪", "300", "200", "180", "170", "250", "230", "296", "290", "33", "7", "200", "6.5", "7", "2.5", "1", "1"},
	// E013: 工作任务 7.35 makes 绩效工资 end in a half cent (655.125), so
	// rounding must be half-up.
	{"马俊豪", "200", "160", "200", "180", "220", "200", "200", "192", "50", "2", "160", "7.35", "8", "4", "0", "0"},
	// E014: a weak month: every metric in its zero band, 考勤 exactly 0
	// (five late arrivals), 经验条数 1.
	{"朱丽娜", "150", "60", "100", "60", "95", "100", "200", "180", "120", "12", "60", "3", "1", "1", "5", "0"},
	// E015: Y = 159/150 = 1.06; Z = 297/300 = 0.99; F = 0.93; 经验条数 9.
	{"胡建国", "300", "210", "300", "279", "159", "150", "300", "297", "35.5", "6", "210", "9.5", "9", "5", "0", "0"},
	// E016: Y = 112/100 = 1.12; total exactly 100 without needing the cap.
	{"郭晓燕", "120", "120", "130", "130", "112", "100", "150", "150", "12", "0", "120", "9", "6", "5", "0", "0"},
}

// names for the generated rows E017 onwards.
var names = []string{
	"何雪梅", "高鹏飞", "林诗涵", "罗天宇", "郑雅琴", "梁浩然", "谢婉婷", "宋嘉伟",
	"唐晓敏", "许志远", "韩冰洁", "冯子豪", "邓丽君", "曹文静", "彭宇航", "曾晓彤",
	"肖博文", "田欣怡", "董建平", "袁梦瑶", "潘俊杰", "于海燕", "蒋一鸣", "蔡雨欣",
}

func main() {
	sample.Main("examples/ecommerce-cs/march.xlsx", sample.Sheet{
		Name:     "客服KPI",
		Title:    "客服部客服指标绩效考核表 2026年3月",
		Header:   header,
		IDFormat: "E%03d",
		Designed: designed,
		Total:    40, // agents in the workbook
		Seed:     [2]uint64{20260301, 0x6b6566},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible agent: every denominator is positive.
func random(r *sample.Rand) []string {
	inquiries := r.Between(80, 400)
	paid := max(1, r.Pct(inquiries, 45, 90))
	orders := paid + r.Pct(paid, 0, 30)
	alipay := min(orders, r.Pct(orders, 68, 100))
	shop := r.Between(8000, 30000) // 店铺客单价 in cents
	agent := r.Pct(shop, 95, 125)  // 客服客单价 in cents
	received := inquiries + r.Between(0, 150)
	replied := min(received, r.Pct(received, 92, 100))
	response := r.Between(150, 700) // tenths of a second
	deals := paid
	refunds := r.Pct(deals, 0, 8)
	late := r.Weighted(60, 25, 10, 5)
	leave := r.Weighted(65, 20, 10, 5)

	return []string{
		fmt.Sprint(inquiries), fmt.Sprint(paid), fmt.Sprint(orders), fmt.Sprint(alipay),
		cents(agent), cents(shop),
		fmt.Sprint(received), fmt.Sprint(replied), sample.Tenths(response),
		fmt.Sprint(refunds), fmt.Sprint(deals),
		sample.Halves(r.Between(10, 20)), // 工作任务得分 5..10
		fmt.Sprint(r.Between(0, 14)),     // 经验条数
		sample.Halves(r.Between(4, 10)),  // 工作态度得分 2..5
		fmt.Sprint(late), fmt.Sprint(leave),
	}
}

func cents(c int) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
