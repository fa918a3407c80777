// Command gen writes the sample workbook of the presales-cs example
// (售前客服绩效考核表, SCHEMES.md §19).
//
// Run it from the repository root:
//
//	go run ./examples/presales-cs/gen [-o examples/presales-cs/april.xlsx]
//
// The first rows are designed by hand to sit on grade edges and other
// corner cases; their results are worked out in ../expected.yaml, so
// changing one of them means working that row again by hand. The remaining
// rows are pseudo-random but reproducible: a fixed PCG seed gives the same
// workbook on every run.
package main

import "appraise/examples/internal/sample"

var header = []string{
	"工号", "姓名",
	"专业知识", "主动沟通", "语言表达", "耐心友善",
	"销售技巧", "目标达成", "客户满意度",
	"团队协作", "自我提升",
}

// most is the most points each item may get, in header order after 姓名.
var most = []int{10, 10, 10, 10, 15, 15, 10, 10, 10}

// designed holds the hand-made rows, one per edge case, in header order
// after 工号 (which is filled in from the row number). Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// S001: every item at its most: 40 + 40 + 20 = 100 (优秀).
	{"林晓", "10", "10", "10", "10", "15", "15", "10", "10", "10"},
	// S002: 36 + 36 + 18 = 90 exactly (优秀).
	{"陈思远", "9", "9", "9", "9", "14", "13", "9", "9", "9"},
	// S003: as S002 with 耐心友善 8.5: 89.5 (良好, just below 优秀).
	{"王雨萱", "9", "9", "9", "8.5", "14", "13", "9", "9", "9"},
	// S004: 32 + 32 + 16 = 80 exactly (良好); 主动沟通 stored as the text "8".
	{"张浩", "8", "'8", "8", "8", "12", "12", "8", "8", "8"},
	// S005: as S004 with 耐心友善 7.5: 79.5 (一般, just below 良好).
	{"李佳怡", "8", "8", "8", "7.5", "12", "12", "8", "8", "8"},
	// S006: 24 + 24 + 12 = 60 exactly (一般).
	{"刘子轩", "6", "6", "6", "6", "9", "9", "6", "6", "6"},
	// S007: as S006 with 耐心友善 5.5: 59.5 (需要改进, just below 一般).
	{"杨欣然", "6", "6", "6", "5.5", "9", "9", "6", "6", "6"},
	// S008: every item 0: the least total, 0.
	{"赵一鸣", "0", "0", "0", "0", "0", "0", "0", "0", "0"},
	// S009: uneven items: 34 + 31 + 13 = 78 (一般).
	{"黄诗琪", "10", "7", "8", "9", "15", "6", "10", "10", "3"},
	// S010: two sections full, 销售技能与目标 0: 40 + 0 + 20 = 60 (一般).
	{"周俊杰", "10", "10", "10", "10", "0", "0", "0", "10", "10"},
	// S011: only 销售技能与目标, full: 0 + 40 + 0 = 40 (需要改进).
	{"吴婷婷", "0", "0", "0", "0", "15", "15", "10", "0", "0"},
	// S012: as S002 with 耐心友善 8.9: 89.9 (良好).
	{"徐子豪", "9", "9", "9", "8.9", "14", "13", "9", "9", "9"},
	// S013: as S004 with 耐心友善 7.99 stored as text: 79.99 (一般).
	{"孙雅婷", "8", "8", "8", "'7.99", "12", "12", "8", "8", "8"},
}

// names for the generated rows S014 onwards.
var names = []string{"马文静", "胡志明", "郭嘉怡", "何宇航", "高晓燕", "罗嘉伟", "郑可欣"}

func main() {
	sample.Main("examples/presales-cs/april.xlsx", sample.Sheet{
		Name:     "售前客服考核",
		Title:    "售前客服绩效考核表 2026年4月",
		Header:   header,
		IDFormat: "S%03d",
		Designed: designed,
		Total:    20, // agents in the workbook
		Seed:     [2]uint64{20260430, 0x707265},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible agent: each item in halves from half its most
// to its most.
func random(r *sample.Rand) []string {
	var row []string
	for _, m := range most {
		row = append(row, sample.Halves(r.Between(m, 2*m)))
	}
	return row
}
