// Command gen writes the sample workbook of the year-end-bonus example: a
// year's appraisal of 23 people, graded to a forced distribution and
// sharing a bonus pool.
//
// Run it from the repository root:
//
//	go run ./examples/year-end-bonus/gen [-o examples/year-end-bonus/2026.xlsx]
//
// Every row is designed by hand; the results are worked out in
// ../expected.yaml and ../expected.calibrated.yaml, so changing a row
// means working the grades, places and shares again by hand.
package main

import "appraise/examples/internal/sample"

// designed holds the rows in header order after 工号: 姓名, 部门, 司龄,
// 年度得分. Two pairs tie on 年度得分 across a boundary of the curve:
// P02 and P03 at 93 (A/B, settled by 司龄), P16 and P17 at 70 (C/D, equal
// 司龄, settled by 工号).
var designed = [][]string{
	{"李娜", "销售部", "5", "98"},
	{"王芳", "销售部", "3", "93"},
	{"张伟", "销售部", "7", "93"},
	{"刘洋", "销售部", "2", "91"},
	{"陈静", "销售部", "4", "88"},
	{"杨帆", "销售部", "6", "85"},
	{"赵敏", "销售部", "1", "84"},
	{"黄磊", "销售部", "3", "82"},
	{"周婷", "销售部", "2", "80"},
	{"吴昊", "客服部", "8", "79"},
	{"徐丽", "客服部", "4", "78"},
	{"孙强", "客服部", "5", "76"},
	{"马超", "客服部", "3", "75"},
	{"朱琳", "客服部", "6", "73"},
	{"胡斌", "客服部", "2", "72"},
	{"郭悦", "客服部", "4", "70"},
	{"何平", "客服部", "4", "70"},
	{"高洁", "行政部", "5", "68"},
	{"林峰", "行政部", "3", "66"},
	{"罗敏", "行政部", "2", "65"},
	{"郑凯", "行政部", "6", "62"},
	{"梁爽", "行政部", "1", "58"},
	{"宋佳", "行政部", "2", "50"},
}

func main() {
	sample.Main("examples/year-end-bonus/2026.xlsx", sample.Sheet{
		Name:     "年度考核",
		Title:    "2026年度绩效考核及年终奖",
		Header:   []string{"工号", "姓名", "部门", "司龄", "年度得分"},
		IDFormat: "P%02d",
		Designed: designed,
		Total:    len(designed),
	})
}
