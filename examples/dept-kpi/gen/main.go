// Command gen writes the sample workbook of the dept-kpi example
// (KPI考核表 of the sales center, finance and admin, SCHEMES.md §21b): the
// sheet KPI考核, one row per branch, and the sheet 目标, one row per
// branch, department and KPI.
//
// Run it from the repository root:
//
//	go run ./examples/dept-kpi/gen [-o examples/dept-kpi/2026-q1.xlsx]
//
// Every row is designed by hand; the results are worked out in
// ../expected.yaml, so changing a row means working it again by hand.
package main

import (
	"appraise/examples/internal/sample"
	"appraise/workbook"
)

var header = []string{
	"分公司编号", "分公司", "销售收入(万元)", "已回收款额", "总合同款额", "客户投诉数",
	"培训计划完成率", "员工流失率", "员工满意度", "净资产收益率", "预算达到率",
	"行政后勤费用(万元)", "制度督导评分",
}

// designed holds the branches in header order after 分公司编号. Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// B01: every target met, some passed: the best there is, 95.
	{"北京", "1200", "900", "1000", "0", "100%", "5%", "90%", "12%", "95%", "50", "100"},
	// B02: every target just missed.
	{"上海", "800", "810", "1000", "1", "90%", "6%", "90%", "8%", "94.9%", "62.5", "80"},
	// B03: 满意度 one point short of its target; costs under budget.
	{"广州", "600", "450", "500", "0", "95%", "4%", "89%", "10%", "100%", "40", "90"},
	// B04: nothing achieved, a negative 净资产收益率.
	{"深圳", "0", "0", "100", "3", "0%", "10%", "50%", "-5%", "50%", "100", "0"},
	// B05: 回款率 72% of a 90% target.
	{"成都", "1000", "720", "1000", "0", "100%", "3%", "95%", "15%", "96%", "80", "95"},
	// B06: every target met exactly.
	{"武汉", "450", "945", "1050", "0", "80%", "5%", "90%", "9%", "95%", "50", "70"},
	// B07: 员工流失率 5.1%, just over 5%.
	{"西安", "700", "855", "1000", "2", "100%", "5.1%", "92%", "5%", "99%", "25", "85"},
	// B08: past every target; no admin costs at all.
	{"南京", "1500", "1000", "1000", "0", "50%", "2%", "100%", "10%", "95%", "0", "100"},
	// B09: a quarter of the sales target.
	{"杭州", "300", "90", "100", "0", "100%", "0%", "90%", "0%", "95%", "50", "60"},
	// B10: 预算达到率 90%, short of 95%.
	{"重庆", "900", "630", "1000", "0", "100%", "5%", "91%", "11%", "90%", "40", "75"},
}

// salesTarget is each branch's 销售收入 target in 万元; the other targets
// are the same for every branch.
var salesTarget = []string{"1000", "1000", "800", "900", "1000", "600", "700", "1200", "1200", "900"}

// targets builds the 目标 sheet.
func targets() [][]string {
	rows := [][]string{{"分公司", "部门", "KPI", "目标值"}}
	for i, d := range designed {
		b := d[0]
		rows = append(rows,
			[]string{b, "销售中心", "销售收入", salesTarget[i]},
			[]string{b, "销售中心", "回款率", "90%"},
			[]string{b, "销售中心", "员工流失率", "5%"},
			[]string{b, "销售中心", "员工满意度", "90%"},
			[]string{b, "财务部", "净资产收益率", "10%"},
			[]string{b, "财务部", "预算达到率", "95%"},
			[]string{b, "行政后勤部", "费用预算", "50"},
		)
	}
	return rows
}

func main() {
	sample.Main("examples/dept-kpi/2026-q1.xlsx", sample.Sheet{
		Name:     "KPI考核",
		Title:    "KPI考核表 2026年第1季度",
		Header:   header,
		IDFormat: "B%02d",
		Designed: designed,
		Total:    len(designed),
	}, workbook.SheetRows{Name: "目标", Rows: targets()})
}
