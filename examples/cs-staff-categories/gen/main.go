// Command gen writes the sample workbook of the cs-staff-categories example
// (客服人员工作绩效考核表, SCHEMES.md §18).
//
// Run it from the repository root:
//
//	go run ./examples/cs-staff-categories/gen [-o examples/cs-staff-categories/june.xlsx]
//
// The first rows are designed by hand for the edge cases; their results are
// worked out in ../expected.yaml, so changing one of them means working that
// row again by hand. The remaining rows are pseudo-random but reproducible:
// a fixed PCG seed gives the same workbook on every run.
package main

import (
	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名",
	// 客户 (60)
	"客户回访评分", "厂家资料评分", "投诉处理评分", "企业服务评分", "出勤评分",
	"续费评分", "客户档案评分", "责任心评分",
	// 学习/成长 (10)
	"授课能力评分", "业务技能评分", "授课技巧评分",
	// 潜能 (10)
	"主动改进评分", "主动学习评分",
	// 工作质量管理 (20; its named items add up to 10)
	"流程执行评分", "总结及时性评分",
}

// maxes holds each rating's highest value, in header order after 姓名.
var maxes = []int{10, 10, 5, 5, 5, 10, 10, 5, 5, 3, 2, 5, 5, 5, 5}

// designed holds the hand-made rows in header order after 工号 (which is
// filled in from the row number). Keep ../expected.yaml in step with any
// change here.
var designed = [][]string{
	// K001: every item at its points: 60 + 10 + 10 + 10 = 90, the most
	// while 工作质量管理 lacks its lost item.
	{"林晓", "10", "10", "5", "5", "5", "10", "10", "5", "5", "3", "2", "5", "5", "5", "5"},
	// K002: every item rated 0.
	{"陈浩", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"},
	// K003: halves everywhere.
	{"王蕾", "9.5", "8", "4.5", "5", "4", "7.5", "9", "4", "4", "2.5", "1.5", "3.5", "4", "4.5", "3"},
	// K004: 责任心 not rated: 客户 and the total have no value.
	{"赵敏", "8", "9", "5", "4", "5", "8", "9", "", "5", "3", "2", "4", "4", "5", "4"},
	// K005: 总结及时性 not rated: 工作质量管理 and the total have no value.
	{"孙鹏", "10", "10", "5", "5", "5", "10", "10", "5", "4", "3", "1", "5", "3", "4", ""},
	// K006: 客户 full, every other category 0.
	{"周婷", "10", "10", "5", "5", "5", "10", "10", "5", "0", "0", "0", "0", "0", "0", "0"},
	// K007: 客户 0, every other category full.
	{"吴刚", "0", "0", "0", "0", "0", "0", "0", "0", "5", "3", "2", "5", "5", "5", "5"},
	// K008: every item 0.1 below its points.
	{"郑洁", "9.9", "9.9", "4.9", "4.9", "4.9", "9.9", "9.9", "4.9", "4.9", "2.9", "1.9", "4.9", "4.9", "4.9", "4.9"},
	// K009: nobody rated anything.
	{"冯磊", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""},
	// K010: an ordinary month.
	{"褚佳", "7", "6", "3", "4", "5", "6", "8", "3", "3", "2", "1", "3", "2", "4", "4"},
	// K011: hundredths, to show no rounding: 0.01 in three categories.
	{"卫东", "0.01", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0.01", "0", "0", "0", "0.01"},
	// K012: 授课技巧 and 主动学习 not rated: two categories without value.
	{"蒋琳", "10", "9", "5", "5", "5", "9", "10", "5", "5", "3", "", "5", "", "5", "5"},
}

// names for the generated rows K013 onwards.
var names = []string{
	"沈涛", "韩雪", "杨帆", "朱琳", "秦勇", "尤佳",
	"许诺", "何静", "吕强", "施雨", "张宁", "孔亮",
}

func main() {
	sample.Main("examples/cs-staff-categories/june.xlsx", sample.Sheet{
		Name:     "客服人员考核",
		Title:    "客服人员工作绩效考核表 2026年6月",
		Header:   header,
		IDFormat: "K%03d",
		Designed: designed,
		Total:    24, // people in the workbook
		Seed:     [2]uint64{20260601, 0x6b18},
		Names:    names,
		Random:   random,
	})
}

// random rates each item in halves from half its points to all of them,
// leaving one rating in forty blank (not rated).
func random(r *sample.Rand) []string {
	row := make([]string, len(maxes))
	for i, m := range maxes {
		if r.IntN(40) == 0 {
			continue
		}
		row[i] = sample.Halves(r.Between(m, 2*m))
	}
	return row
}
