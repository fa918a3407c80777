// Command gen writes the sample workbook of the cs-levels example
// (客服中心KPI考核制度, SCHEMES.md §22): one row per agent, for February
// 2025, whose last day is 2025-02-28.
//
// Run it from the repository root:
//
//	go run ./examples/cs-levels/gen [-o examples/cs-levels/2025-02.xlsx]
//
// Every row is designed by hand to sit on a threshold or another corner
// case; their results are worked out in ../expected.yaml, so changing one
// means working that row again by hand. Dates are written as Excel dates
// ("2024-11-28|date") or as text in the forms Chinese workbooks use
// (2024/11/29, 2024年11月30日); one is a number typed as 20240601.
package main

import "appraise/examples/internal/sample"

var header = []string{"工号", "姓名", "入职日期", "当前级别", "定级日期"}

// designed holds the rows in header order after 工号. Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// C001: 初级 since 2024-11-28: exactly 3 months on 2025-02-28: 中级.
	{"张敏", "2024-11-28|date", "初级", "2024-11-28|date"},
	// C002: 初级 since 2024/11/29 (text): one day short: 初级.
	{"李娜", "2024/11/29", "初级", "2024/11/29"},
	// C003: 初级 since 2024年11月30日 (text), a month end to a month end:
	// February has no 30th, so 2 months: 初级.
	{"王芳", "2024年11月30日", "初级", "2024年11月30日"},
	// C004: 中级, joined 2024-02-28: exactly a year: 高级.
	{"陈静", "2024-02-28|date", "中级", "2024-06-01|date"},
	// C005: 中级, joined on the leap day 2024/2/29: 2025 has no 29
	// February, so 11 months, one day short of the year: 中级.
	{"刘洋", "2024/2/29", "中级", "20240601"},
	// C006: 高级: stays 高级 whatever the dates.
	{"孙丽", "2022-05-10|date", "高级", "2023-07-01|date"},
	// C007: 资深: stays 资深.
	{"周强", "2019-03-15|date", "资深", "2022-03-15|date"},
	// C008: 初级 since 2024年10月15日: 4 months: 中级.
	{"吴婷", "2024年10月15日", "初级", "2024年10月15日"},
	// C009: 中级, joined 2023-12-31, a month end: 13 months, 1 year: 高级.
	{"郑浩", "2023-12-31|date", "中级", "2024-03-31|date"},
	// C010: joined this month, on 2025-02-10: 初级, 本月入职.
	{"黄丹", "2025-02-10|date", "初级", "2025-02-10|date"},
	// C011: 定级日期 typed a year early, before 入职日期: 日期有误.
	{"林峰", "2024-09-01|date", "中级", "2023-12-01|date"},
}

func main() {
	sample.Main("examples/cs-levels/2025-02.xlsx", sample.Sheet{
		Name:     "客服级别",
		Title:    "客服中心客服级别评定 2025年2月",
		Header:   header,
		IDFormat: "C%03d",
		Designed: designed,
		Total:    len(designed), // every row is designed
	})
}
