// Command gen writes the sample workbook of the ecommerce-cs-deductions
// example (客服绩效考核方案(拟稿), SCHEMES.md §2).
//
// Run it from the repository root:
//
//	go run ./examples/ecommerce-cs-deductions/gen [-o examples/ecommerce-cs-deductions/april.xlsx]
//
// The first rows are designed by hand to sit on the floor of 0 and other
// corner cases; their results are worked out in ../expected.yaml, so
// changing one of them means working that row again by hand. The remaining
// rows are pseudo-random but reproducible: a fixed PCG seed gives the same
// workbook on every run.
package main

import "appraise/examples/internal/sample"

var header = []string{
	"工号", "姓名", "态度违规次数", "回访违规次数", "执行力违规次数", "投诉次数",
	"泄密次数", "迟到早退次数", "严重态度事件",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// K001: a clean month written with zeros: 100.
	{"林晓峰", "0", "0", "0", "0", "0", "0", "否"},
	// K002: a clean month with every count blank: 100.
	{"陈雅婷", "", "", "", "", "", "", "否"},
	// K003: one incident of each kind: 100 - 75 = 25.
	{"王俊凯", "1", "1", "1", "1", "1", "1", "否"},
	// K004: one attitude incident judged 极度恶劣: 80 and the flag.
	{"赵丽颖", "1", "", "", "", "", "", "是"},
	// K005: deductions of exactly 100: 0 without the floor.
	{"刘德明", "2", "1", "", "1", "2", "", "否"},
	// K006: deductions of 105: -5 floors at 0; 极度恶劣 as well.
	{"张美玲", "3", "", "", "", "2", "1", "是"},
	// K007: deductions of 95: 5, just above the floor.
	{"李志远", "", "", "4", "3", "", "5", "否"},
	// K008: late three times, the rest blank: 85.
	{"周晓燕", "", "", "", "", "", "3", "否"},
	// K009: one leak of customer data: 80.
	{"吴天宇", "0", "0", "0", "0", "1", "0", "否"},
	// K010: 投诉次数 stored as the text "2"; two callback lapses: 60.
	{"郑思琪", "0", "2", "0", "'2", "0", "0", "否"},
	// K011: late 20 times, nothing else: exactly 0 from one kind alone.
	{"孙浩然", "0", "0", "0", "0", "0", "20", "否"},
	// K012: ten attitude incidents, not judged 极度恶劣: -100 floors at 0
	// and no flag.
	{"黄婉清", "10", "0", "0", "0", "0", "0", "否"},
}

// names for the generated rows K013 onwards.
var names = []string{
	"何建华", "高子涵", "罗欣怡", "梁家豪", "谢文静", "宋明轩", "唐雨萱", "许嘉诚",
}

func main() {
	sample.Main("examples/ecommerce-cs-deductions/april.xlsx", sample.Sheet{
		Name:     "客服考核",
		Title:    "客服绩效考核表 2026年4月",
		Header:   header,
		IDFormat: "K%03d",
		Designed: designed,
		Total:    20, // agents in the workbook
		Seed:     [2]uint64{20260401, 0x6b6567},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible agent: most months have few incidents, and only
// an agent with an attitude incident can have one judged 极度恶劣.
func random(r *sample.Rand) []string {
	counts := make([]string, 6)
	for i := range counts {
		counts[i] = r.Count(3, 70, 20, 7, 3)
	}
	severe := "否"
	if counts[0] != "" && counts[0] != "0" && r.IntN(4) == 0 {
		severe = "是"
	}
	return append(counts, severe)
}
