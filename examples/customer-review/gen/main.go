// Command gen writes the sample workbook of the customer-review example
// (客户平时考核表, SCHEMES.md §20).
//
// Run it from the repository root:
//
//	go run ./examples/customer-review/gen [-o examples/customer-review/april.xlsx]
//
// The first rows are designed by hand to cover each word in each
// dimension and the corner cases; their results are worked out in
// ../expected.yaml, so changing one of them means working that row again
// by hand. The remaining rows are pseudo-random but reproducible: a fixed
// PCG seed gives the same workbook on every run.
package main

import "appraise/examples/internal/sample"

var header = []string{
	"工号", "姓名",
	"项目合作效果", "问题解决能力", "业务理解和需求分析", "服务满意度", "反馈和改进意见",
}

// designed holds the hand-made rows, one per case, in header order after
// 工号 (which is filled in from the row number). Each word earns 20, 16,
// 12 or 8 of the total (优秀 100, 良好 80, 一般 60, 不足 40, times 20 /
// 100). Keep ../expected.yaml in step with any change here.
var designed = [][]string{
	// R001: every dimension 优秀: 5 x 20 = 100, the most.
	{"林晓", "优秀", "优秀", "优秀", "优秀", "优秀"},
	// R002: every dimension 良好: 5 x 16 = 80.
	{"陈思远", "良好", "良好", "良好", "良好", "良好"},
	// R003: every dimension 一般: 5 x 12 = 60.
	{"王雨萱", "一般", "一般", "一般", "一般", "一般"},
	// R004: every dimension 不足: 5 x 8 = 40, the least.
	{"张浩", "不足", "不足", "不足", "不足", "不足"},
	// R005: each word once, 优秀 twice: 20 + 16 + 12 + 8 + 20 = 76.
	{"李佳怡", "优秀", "良好", "一般", "不足", "优秀"},
	// R006: one 良好 among 优秀: 16 + 4 x 20 = 96.
	{"刘子轩", "良好", "优秀", "优秀", "优秀", "优秀"},
	// R007: the words the other way round: 8 + 12 + 16 + 20 + 16 = 72.
	{"杨欣然", "不足", "一般", "良好", "优秀", "良好"},
	// R008: spaces around a word, as typed: " 良好 " is 良好. 12 + 16 +
	// 12 + 12 + 12 = 64.
	{"赵一鸣", "一般", " 良好 ", "一般", "一般", "一般"},
	// R009: 20 + 20 + 8 + 8 + 12 = 68.
	{"黄诗琪", "优秀", "优秀", "不足", "不足", "一般"},
	// R010: one 一般 among 不足: 12 + 4 x 8 = 44.
	{"周俊杰", "一般", "不足", "不足", "不足", "不足"},
	// R011: 4 x 16 + 12 = 76.
	{"吴婷婷", "良好", "良好", "良好", "良好", "一般"},
	// R012: 20 + 12 + 20 + 12 + 20 = 84.
	{"徐子豪", "优秀", "一般", "优秀", "一般", "优秀"},
}

// names for the generated rows R013 onwards.
var names = []string{"马文静", "胡志明", "郭嘉怡", "何宇航", "高晓燕", "罗嘉伟", "郑可欣", "孙雅婷"}

// words are the ratings, 优秀 first.
var words = []string{"优秀", "良好", "一般", "不足"}

func main() {
	sample.Main("examples/customer-review/april.xlsx", sample.Sheet{
		Name:     "客户平时考核",
		Title:    "客户平时考核表 2026年4月",
		Header:   header,
		IDFormat: "R%03d",
		Designed: designed,
		Total:    20, // people in the workbook
		Seed:     [2]uint64{20260430, 0x637276},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible review: mostly 良好, often 优秀 or 一般,
// seldom 不足.
func random(r *sample.Rand) []string {
	row := make([]string, 5)
	for i := range row {
		row[i] = words[r.Weighted(3, 5, 3, 1)]
	}
	return row
}
