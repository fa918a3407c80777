// Command gen writes the sample workbook of the trade-dept-quarterly
// example (外贸部绩效考核方案, SCHEMES.md §6).
//
// Run it from the repository root:
//
//	go run ./examples/trade-dept-quarterly/gen [-o examples/trade-dept-quarterly/2026-q1.xlsx]
//
// The first rows are designed by hand to sit on grade edges and other
// corner cases; their results are worked out in ../expected.yaml, so
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
	"部门净利润目标", "部门净利润实际", "个人销售净利润目标", "个人销售净利润实际",
	"应收款/赊销目标", "应收款/赊销实际",
	"销售计划与组织评分", "顾客满意度评分", "品牌传播评分", "信息管理/反馈评分", "遗留问题处理评分",
	"员工满意度评分", "对下属培训/指导评分", "团队协作配合评分", "组织纪律性评分",
	"责任坏账损失额", "不可抗力", "季度绩效奖金基数",
}

// designed holds the hand-made rows, one per edge case, in header order
// after 工号 (which is filled in from the row number). D, P and R are the
// completions of 部门净利润, 个人销售净利润 and 应收款. Keep
// ../expected.yaml in step with any change here.
var designed = [][]string{
	// W001: D = P = R = 1; ratings all 4: total exactly 91 (优); 责任坏账损失额
	// left blank.
	{"王建国", "1200000", "1200000", "500000", "500000", "300000", "300000",
		"4", "4", "4", "4", "4", "4", "4", "4", "4", "", "否", "20000"},
	// W002: as W001 but R = 299400/300000 = 0.998: total 90.99 (良).
	{"李海燕", "1200000", "1200000", "500000", "500000", "299400", "300000",
		"4", "4", "4", "4", "4", "4", "4", "4", "4", "0", "否", "20000"},
	// W003: D = 1.25 and R = 1.2 capped at 100 points; P = 0.9; a 3.5
	// rating: total exactly 81 (良); a bonus base whose x 1.1 ends in half
	// a cent.
	{"张志刚", "1200000", "1500000", "500000", "450000", "300000", "250000",
		"3", "3", "3", "3", "3.5", "3", "3", "3", "3", "0", "否", "15432.15"},
	// W004: R = 0.99: total 80.95 (中, just below 良); 部门净利润目标 stored
	// as the text "1,000,000".
	{"陈丽华", "'1,000,000", "1000000", "500000", "400000", "297000", "300000",
		"3", "3", "3", "3", "3", "4", "3", "4", "3", "0", "否", "16000"},
	// W005: nothing outstanding (应收款实际 0) scores R in full: total
	// exactly 71 (中); a bad debt from force majeure: no penalty.
	{"刘强", "1000000", "800000", "500000", "300000", "200000", "0",
		"3", "3", "3", "3", "3", "4", "3", "4", "3", "50000", "是", "16000"},
	// W006: R = 249500/250000 = 0.998: total 70.99 (基本合格); a bad debt
	// whose 30% ends in half a cent (370.245).
	{"赵敏", "1000000", "800000", "500000", "300000", "249500", "250000",
		"3", "3", "3", "3", "3", "4", "3", "4", "3", "1234.15", "否", "15000"},
	// W007: D = 0.6, P = R = 0.5: total exactly 61 (基本合格).
	{"孙涛", "1000000", "600000", "500000", "250000", "150000", "300000",
		"3", "3", "3", "3", "3", "4", "4", "3", "4", "0", "否", "15000"},
	// W008: R = 0.498: total 60.99 (不合格, just below 61).
	{"周婷", "1000000", "600000", "500000", "250000", "149400", "300000",
		"3", "3", "3", "3", "3", "4", "4", "3", "4", "0", "否", "15000"},
	// W009: R = 0.4: total 60.5, in the [60, 61) the document leaves
	// without a grade: 不合格.
	{"吴磊", "1000000", "600000", "500000", "250000", "120000", "300000",
		"3", "3", "3", "3", "3", "4", "4", "3", "4", "0", "否", "15000"},
	// W010: a department loss (D = -0.2) floors at 0 points; a bad debt
	// whose penalty is more than the bonus.
	{"郑雪", "1000000", "-200000", "500000", "200000", "240000", "300000",
		"2", "2", "2", "2", "2", "2", "3", "2", "3", "80000", "否", "15000"},
	// W011: 部门净利润目标 0, so D cannot be computed (division by zero);
	// a penalty that does not depend on the total.
	{"王芳", "0", "50000", "500000", "500000", "300000", "300000",
		"4", "4", "4", "4", "4", "4", "4", "4", "4", "10000", "否", "20000"},
	// W012: D = 1.1, P = 1.3 and R = 300000/280000 all capped; every
	// rating 5: total 100.
	{"林峰", "1200000", "1320000", "500000", "650000", "300000", "280000",
		"5", "5", "5", "5", "5", "5", "5", "5", "5", "0", "否", "25000"},
	// W013: nothing achieved, R = 0.25, every rating 1: the lowest
	// ratings allowed; a large bad debt from force majeure.
	{"黄敏", "1000000", "0", "500000", "0", "100000", "400000",
		"1", "1", "1", "1", "1", "1", "1", "1", "1", "200000", "是", "12000"},
	// W014: a personal loss (P = -0.1) floors at 0; 应收款目标 0 with
	// 50000 outstanding scores R 0.
	{"何军", "1000000", "950000", "500000", "-50000", "0", "50000",
		"5", "4", "5", "4", "5", "5", "5", "4", "5", "0", "否", "18000"},
}

// names for the generated rows W015 onwards.
var names = []string{
	"马晓东", "朱静", "胡斌", "郭红", "高翔", "罗琳", "梁伟", "宋佳", "谢涛", "韩雪",
}

func main() {
	sample.Main("examples/trade-dept-quarterly/2026-q1.xlsx", sample.Sheet{
		Name:     "季度综合考核",
		Title:    "外贸业务经理(主管)季度综合考核表 2026年第一季度",
		Header:   header,
		IDFormat: "W%03d",
		Designed: designed,
		Total:    24, // people in the workbook
		Seed:     [2]uint64{20260331, 0x77616d},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible manager: every target is positive.
func random(r *sample.Rand) []string {
	dept := 10000 * r.Between(80, 200)
	own := 10000 * r.Between(30, 80)
	credit := 10000 * r.Between(15, 40)
	outstanding := r.Pct(credit, 60, 160)
	if r.IntN(8) == 0 {
		outstanding = 0
	}
	row := []string{
		fmt.Sprint(dept), fmt.Sprint(r.Pct(dept, 50, 130)),
		fmt.Sprint(own), fmt.Sprint(r.Pct(own, 40, 130)),
		fmt.Sprint(credit), fmt.Sprint(outstanding),
	}
	for range 9 {
		row = append(row, fmt.Sprint(2+r.Weighted(15, 40, 35, 10))) // ratings 2..5
	}
	loss, majeure := "", "否"
	if r.IntN(4) == 0 {
		loss = fmt.Sprintf("%d.%02d", r.Between(1000, 60000), r.IntN(100))
		if r.IntN(3) == 0 {
			majeure = "是"
		}
	}
	return append(row, loss, majeure, fmt.Sprint(500*r.Between(24, 50)))
}
