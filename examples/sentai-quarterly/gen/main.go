// Command gen writes the sample workbook of the sentai-quarterly example
// (森泰公司外贸业务人员绩效考核方案, SCHEMES.md §12).
//
// Run it from the repository root:
//
//	go run ./examples/sentai-quarterly/gen [-o examples/sentai-quarterly/2026-q1.xlsx]
//
// The first rows are designed by hand to sit on grade edges and to trip
// each veto; their results are worked out in ../expected.yaml, so
// changing one of them means working that row again by hand. The remaining
// rows are pseudo-random but reproducible: a fixed PCG seed gives the same
// workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名",
	"毛利润目标", "毛利润实际", "新增客户毛利润目标", "新增客户毛利润实际",
	"应收款/赊销目标", "应收款/赊销实际",
	"工作态度评分", "团队协作评分", "组织纪律性评分", "信息反馈评分",
	"投诉曝光次数", "严重事件",
}

// designed holds the hand-made rows, one per edge case, in header order
// after 工号 (which is filled in from the row number). G, N and R are the
// completions of 毛利润, 新增客户毛利润 and 应收款. Keep ../expected.yaml
// in step with any change here.
var designed = [][]string{
	// S001: G = N = R = 1, ratings 3 3 3 2: total exactly 91 (A).
	{"王建国", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"3", "3", "3", "2", "0", "否"},
	// S002: as S001 but R = 199800/200000 = 0.999: total 90.99 (B).
	{"李海燕", "1000000", "1000000", "400000", "400000", "199800", "200000",
		"3", "3", "3", "2", "0", "否"},
	// S003: G = 0.75: total exactly 81 (B).
	{"张志刚", "1000000", "750000", "400000", "400000", "200000", "200000",
		"3", "3", "3", "2", "0", "否"},
	// S004: as S003 with R = 0.999: total 80.99 (C).
	{"陈丽华", "1000000", "750000", "400000", "400000", "199800", "200000",
		"3", "3", "3", "2", "0", "否"},
	// S005: G = 0.5: total exactly 71 (C).
	{"刘强", "1000000", "500000", "400000", "400000", "200000", "200000",
		"3", "3", "3", "2", "1", "否"},
	// S006: as S005 with R = 0.999: total 70.99 (D).
	{"赵敏", "1000000", "500000", "400000", "400000", "199800", "200000",
		"3", "3", "3", "2", "0", "否"},
	// S007: every completion above 100%, capped; ratings 5: total 100,
	// but 2 complaints this quarter cap A at C.
	{"孙涛", "1000000", "1200000", "400000", "600000", "200000", "150000",
		"5", "5", "5", "5", "2", "否"},
	// S008: 1 complaint this quarter, one below the quarter's veto: total
	// 95, A.
	{"周婷", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"4", "4", "4", "3", "1", "否"},
	// S009: 6 complaints, the first quarter's and so the year's: B capped
	// at C, and 6 is not more than 6: total 85, C, 1.0.
	{"吴磊", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"2", "1", "1", "1", "6", "否"},
	// S010: a serious incident: total 95, A, coefficient 0.
	{"郑雪", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"4", "4", "4", "3", "0", "是"},
	// S011: 7 complaints, more than 6 in the year: total 100, capped at
	// C, coefficient 0.
	{"王芳", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"5", "5", "5", "5", "7", "否"},
	// S012: 2 complaints on a D: the cap does not raise it.
	{"林峰", "1000000", "500000", "400000", "120000", "100000", "200000",
		"4", "4", "4", "4", "2", "否"},
	// S013: a loss (G = -0.1) floors at 0 points; nothing outstanding
	// scores R in full: total 60, D.
	{"黄敏", "1000000", "-100000", "400000", "400000", "200000", "0",
		"5", "5", "5", "5", "0", "否"},
	// S014: 新增客户毛利润目标 0, so N cannot be computed: no total, no
	// grade.
	{"何军", "1000000", "1000000", "0", "50000", "200000", "200000",
		"4", "4", "4", "4", "0", "否"},
	// S015: the complaint counts left blank, read as none: total 92, A.
	{"马晓东", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"3", "3", "3", "3", "", "否"},
	// S016: total 91, exactly A's edge, and 2 complaints cap it at C.
	{"朱静", "1000000", "1000000", "400000", "400000", "200000", "200000",
		"3", "3", "3", "2", "2", "否"},
}

// names for the generated rows S017 onwards.
var names = []string{
	"胡斌", "郭红", "高翔", "罗琳", "梁伟", "宋佳", "谢涛", "韩雪",
}

func main() {
	sample.Main("examples/sentai-quarterly/2026-q1.xlsx", sample.Sheet{
		Name:     "季度考核",
		Title:    "森泰公司外贸业务人员季度绩效考核表 2026年第一季度",
		Header:   header,
		IDFormat: "S%03d",
		Designed: designed,
		Total:    24, // people in the workbook
		Seed:     [2]uint64{20260331, 0x73656e},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible salesperson: every target is positive, and
// complaints are rare.
func random(r *sample.Rand) []string {
	gross := 10000 * r.Between(50, 150)
	fresh := 10000 * r.Between(10, 50)
	credit := 10000 * r.Between(10, 30)
	outstanding := r.Pct(credit, 60, 160)
	if r.IntN(8) == 0 {
		outstanding = 0
	}
	row := []string{
		fmt.Sprint(gross), fmt.Sprint(r.Pct(gross, 50, 130)),
		fmt.Sprint(fresh), fmt.Sprint(r.Pct(fresh, 30, 140)),
		fmt.Sprint(credit), fmt.Sprint(outstanding),
	}
	for range 4 {
		row = append(row, fmt.Sprint(2+r.Weighted(15, 40, 35, 10))) // ratings 2..5
	}
	quarter := r.Weighted(70, 20, 8, 2)
	serious := "否"
	if r.IntN(12) == 0 {
		serious = "是"
	}
	return append(row, fmt.Sprint(quarter), serious)
}
