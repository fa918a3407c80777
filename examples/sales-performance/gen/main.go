// Command gen writes the sample workbook of the sales-performance example
// ((终极版)销售表现考核表, SCHEMES.md §16).
//
// Run it from the repository root:
//
//	go run ./examples/sales-performance/gen [-o examples/sales-performance/may.xlsx]
//
// The first rows are designed by hand to sit on band and grade edges and
// other corner cases; their results are worked out in ../expected.yaml, so
// changing one of them means working that row again by hand. The remaining
// rows are pseudo-random but reproducible: a fixed PCG seed gives the same
// workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "当月销售额", "计划销售额", "去年同月销售额", "出勤天数", "应出勤天数",
	"工作积极性", "团队合作", "分享与交流", "产品知识", "客户沟通",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// S01: 完成率 120% and growth 33% both capped at 100; every rating 10:
	// total 100, 优秀.
	{"王建华", "120000", "100000", "90000", "20", "20", "10", "10", "10", "10", "10"},
	// S02: 完成率 exactly 100%; growth exactly -20% (0 points); total
	// exactly 75, the lower edge of 良好.
	{"李秀英", "100000", "100000", "125000", "19", "20", "8", "7", "9", "8", "6"},
	// S03: growth -19.9%, just above -20%; 完成率 80.1%; 合格.
	{"张伟", "80100", "100000", "100000", "20", "20", "5", "6", "6", "6", "6"},
	// S04: growth -50% floors at 0; a weak month: 不合格.
	{"刘洋", "50000", "100000", "100000", "15", "20", "1", "1", "2", "3", "2"},
	// S05: growth 50% capped at 100; 完成率 75%.
	{"陈静", "150000", "200000", "100000", "20", "20", "9", "9", "9", "9", "10"},
	// S06: growth exactly 20% (full); total exactly 90, the lower edge of
	// 优秀.
	{"杨帆", "96000", "120000", "80000", "20", "20", "10", "9", "9", "9", "9"},
	// S07: S06 with 客户沟通 8: total just below 90, 良好.
	{"赵敏", "96000", "120000", "80000", "20", "20", "10", "9", "9", "9", "8"},
	// S08: growth exactly 0 (50 points); total exactly 60, the lower edge
	// of 合格.
	{"黄磊", "60000", "120000", "60000", "16", "20", "6", "7", "7", "7", "7"},
	// S09: S08 with 分享与交流 6.5: total just below 60, 不合格.
	{"周婷", "60000", "120000", "60000", "16", "20", "6", "7", "6.5", "7", "7"},
	// S10: 计划销售额 0: 完成率 cannot be computed; 业绩, the total and the
	// grade are blank.
	{"吴刚", "50000", "0", "40000", "20", "20", "7", "7", "7", "7", "7"},
	// S11: no figure for last year (a newcomer): 同比增长率 cannot be
	// computed.
	{"徐丽", "70000", "80000", "", "18", "20", "7", "8", "7", "6", "8"},
	// S12: 完成率 99.99%, just below 100%; 22 days worked of 20 due: 出勤率
	// 110% capped at 100.
	{"孙强", "99990", "100000", "99990", "22", "20", "7", "8", "8", "8", "7"},
	// S13: 应出勤天数 0: 出勤率 cannot be computed; 工作态度 is blank.
	{"马丽娟", "60000", "50000", "40000", "0", "0", "8", "8", "8", "8", "8"},
}

// names for the generated rows S14 onwards.
var names = []string{
	"朱晓东", "胡佳琪", "郭志明", "何慧敏", "高俊杰", "林雅婷", "罗振宇", "郑晓燕",
	"梁家豪", "谢雨涵", "宋志刚",
}

func main() {
	sample.Main("examples/sales-performance/may.xlsx", sample.Sheet{
		Name:     "销售考核",
		Title:    "(终极版)销售表现考核表 2026年5月",
		Header:   header,
		IDFormat: "S%02d",
		Designed: designed,
		Total:    24, // salespeople in the workbook
		Seed:     [2]uint64{20260501, 0x73616c},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible salesperson: a plan above 0 and days due; one
// in ten has no figure for last year.
func random(r *sample.Rand) []string {
	plan := r.Between(50, 200) * 1000
	sales := r.Pct(plan, 60, 130)
	lastYear := ""
	if r.IntN(10) != 0 {
		lastYear = fmt.Sprint(r.Pct(sales, 70, 140))
	}
	due := r.Between(20, 23)
	worked := due - r.Weighted(70, 20, 7, 3)
	return []string{
		fmt.Sprint(sales), fmt.Sprint(plan), lastYear,
		fmt.Sprint(worked), fmt.Sprint(due),
		sample.Halves(r.Between(8, 20)), // 工作积极性 4..10
		sample.Halves(r.Between(8, 20)), // 团队合作
		sample.Halves(r.Between(8, 20)), // 分享与交流
		sample.Halves(r.Between(8, 20)), // 产品知识
		sample.Halves(r.Between(8, 20)), // 客户沟通
	}
}
