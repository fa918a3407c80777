// Command gen writes the sample workbook of the dept-service example
// (部门绩效考核表, 用户服务部, SCHEMES.md §5).
//
// Run it from the repository root:
//
//	go run ./examples/dept-service/gen [-o examples/dept-service/2026-q1.xlsx]
//
// The first rows are designed by hand to sit on the complaint targets and
// other corner cases; their results are worked out in ../expected.yaml, so
// changing one of them means working that row again by hand. The remaining
// rows are pseudo-random but reproducible: a fixed PCG seed gives the same
// workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
	"appraise/workbook"
)

var header = []string{
	"部门编号", "部门", "技术支持咨询评分", "安装调试验收评分",
	"特别紧急投诉数", "特别紧急达标数", "紧急投诉数", "紧急达标数", "一般投诉数", "一般达标数",
	"质量信息反馈评分", "用户培训评分", "档案标准化评分", "档案及时更新评分",
	"部门计划得分", "客户评价(满意度调查)", "重关指标得分",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 部门编号 (which is filled in from the row number). The complaint columns
// come in pairs: complaints, then those that met both time limits. Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// D01: every 评分 100, no complaints at all (blank cells), 重关指标 100:
	// the best a department can score, 80.
	{"华北服务部", "100", "100", "", "", "", "", "", "", "100", "100", "100", "100", "100", "100", "100"},
	// D02: each complaint level exactly on its target: 4/4, 9/10, 8/10.
	{"华东服务部", "90", "80", "4", "4", "10", "9", "10", "8", "100", "90", "100", "80", "85", "92", "100"},
	// D03: each level just below its target: 99/100, 171/200 = 0.855,
	// 79/100; every 评分 100.
	{"华南服务部", "100", "100", "100", "99", "200", "171", "100", "79", "100", "100", "100", "100", "100", "100", "100"},
	// D04: no complaint handled in time; 重关指标 0 makes the total 0.
	{"西南服务部", "60", "50", "2", "0", "5", "0", "3", "0", "0", "40", "0", "0", "30", "45", "0"},
	// D05: the document's own example (部门职责 100, 部门计划 96, 客户评价 100),
	// 特别紧急 written as 0 of 0 (division by zero), 一般 123/125 = 98.4%;
	// 重关指标 96.
	{"西北服务部", "100", "100", "0", "0", "12", "12", "125", "123", "100", "100", "100", "100", "96", "100", "96"},
	// D06: attainment 1/2, 81/100 and 2/5, below target on every level.
	{"东北服务部", "95", "100", "2", "1", "100", "81", "5", "2", "80", "85", "90", "70", "78", "88.5", "90"},
	// D07: fractional 评分; 紧急 27/30 and 一般 17/20 on or above target.
	{"华中服务部", "87.5", "92.5", "", "", "30", "27", "20", "17", "95.5", "88", "100", "97.5", "91.5", "89.25", "98.5"},
	// D08: repeating attainments 2/3, 5/6 and 1/3.
	{"京津服务部", "100", "100", "3", "2", "6", "5", "3", "1", "100", "100", "100", "100", "80", "80", "100"},
	// D09: 重关指标 50 halves the total; 紧急 18/25 = 72%, 一般 3/5.
	{"重庆服务部", "80", "80", "", "", "25", "18", "5", "3", "80", "80", "80", "80", "70", "60", "50"},
	// D10: 部门职责 0 (every 评分 0, every complaint late), the other parts
	// full: 30 + 20 = 50.
	{"山东服务部", "0", "0", "1", "0", "1", "0", "1", "0", "0", "0", "0", "0", "100", "100", "100"},
	// D11: every level above its target; 重关指标 99.5.
	{"河南服务部", "100", "100", "5", "5", "100", "95", "100", "90", "100", "100", "100", "100", "100", "100", "99.5"},
	// D12: 特别紧急 and 紧急 blank, 一般 7/10 = 70%.
	{"广东服务部", "98", "96", "", "", "", "", "10", "7", "100", "94", "100", "100", "88", "95", "100"},
}

// names for the generated rows D13 onwards.
var names = []string{
	"江苏服务部", "浙江服务部", "四川服务部", "湖北服务部", "福建服务部", "陕西服务部",
	"辽宁服务部", "安徽服务部",
}

func main() {
	sample.Main("examples/dept-service/2026-q1.xlsx", sample.Sheet{
		Name:     "部门绩效",
		Title:    "部门绩效考核表(用户服务部) 2026年第1季度",
		Header:   header,
		IDFormat: "D%02d",
		Designed: designed,
		Total:    18, // departments in the workbook
		Seed:     [2]uint64{20260331, 0x646570},
		Names:    names,
		Random:   random,
	}, workbook.SheetRows{Name: "人员", Rows: people})
}

// people is the sheet 人员 that ../people.yaml scores: a manager and staff
// in two departments, D01 华北服务部 (总分 80) and D02 华东服务部 (总分
// 72.1). Keep ../expected-people.yaml in step with any change here.
var people = [][]string{
	{"人员季度考核 2026年第1季度"},
	{"工号", "姓名", "部门", "岗位", "个人考核得分"},
	{"P01", "张伟", "华北服务部", "经理", "90"},
	{"P02", "李娜", "华北服务部", "员工", "85"},
	{"P03", "王强", "华北服务部", "员工", "70"},
	{"P04", "刘洋", "华东服务部", "经理", "88"},
	{"P05", "陈静", "华东服务部", "员工", "95"},
	{"P06", "赵磊", "华东服务部", "员工", "60"},
}

// random makes a plausible department: ratings in halves, and never more
// complaints met than made.
func random(r *sample.Rand) []string {
	rating := func(lo int) string { return sample.Halves(r.Between(2*lo, 200)) }
	// complaints returns a level's count and those met, blank for none.
	complaints := func(most, lo int) (string, string) {
		n := r.Between(0, most)
		if n == 0 {
			return "", ""
		}
		return fmt.Sprint(n), fmt.Sprint(r.Pct(n, lo, 100))
	}
	row := []string{rating(70), rating(70)}
	for _, level := range [][2]int{{3, 60}, {12, 70}, {40, 70}} {
		n, met := complaints(level[0], level[1])
		row = append(row, n, met)
	}
	return append(row,
		rating(60), rating(60), rating(70), rating(70),
		rating(60), rating(65), fmt.Sprint(r.Between(85, 100)),
	)
}
