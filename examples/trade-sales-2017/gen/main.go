// Command gen writes the sample workbook of the trade-sales-2017 example
// (销售部绩效考核方案(2017), SCHEMES.md §3).
//
// Run it from the repository root:
//
//	go run ./examples/trade-sales-2017/gen [-o examples/trade-sales-2017/march.xlsx]
//
// The first rows are designed by hand to hit the targets, the caps, the
// floor of 0, the 10% rule, blank colleague ratings and the grade edges;
// their results are worked out in ../expected.yaml, so changing one of
// them means working that row again by hand. The remaining rows are
// pseudo-random but reproducible: a fixed PCG seed gives the same workbook
// on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "岗位", "工资", "新开发客户数", "开发信数", "寄样数",
	"功能质量问题", "外观问题", "错寄", "表中问题数", "业绩完成率",
	"月报未按时", "月报内容雷同", "月报未反映本月工作", "月报未反映下月计划",
	"工作态度-自评", "工作态度-同事1", "工作态度-同事2", "工作态度-上级",
	"团队协作-自评", "团队协作-同事1", "团队协作-同事2", "团队协作-上级",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// S001: every target met, every rater: 97.
	{"周建国", "资深业务员", "8000", "9", "50", "2", "0", "0", "0", "0", "100%", "否", "否", "否", "否", "9", "9", "9", "9", "8", "8", "8", "8"},
	// S002: whole groups short (5 -> 1, 6 -> 1); one colleague rated 工作态度,
	// none rated 团队协作: 78.
	{"陈晓敏", "资深业务员", "6000", "4", "44", "1", "1", "0", "0", "1", "90%", "是", "否", "否", "否", "8", "7", "", "9", "9", "", "", "7"},
	// S003: every deduction past the floor, completion below 10%: 27.33.
	{"林志强", "资深业务员", "5000", "3", "40", "0", "1", "1", "1", "4", "5%", "是", "是", "是", "是", "5", "4", "6", "5", "6", "3", "", "4"},
	// S004: above the targets (capped at 10), a 新业务员 with no sample,
	// completion above 100%, blank counts and reports: 94.67.
	{"黄丽", "新业务员", "4000", "12", "60", "0", "", "", "", "", "120%", "", "", "", "", "10", "10", "10", "10", "10", "", "9", "10"},
	// S005: short by less than a group, a 新业务员 who sent one sample,
	// completion exactly 10%: 66.33, pay 298.485 -> 298.49.
	{"吴海", "新业务员", "4500", "8", "46", "1", "0", "1", "0", "0", "10%", "否", "是", "否", "否", "7", "8", "6", "7", "7", "7", "7", "8"},
	// S006: exactly one group short, completion just below 10%, no
	// colleague for 工作态度: 62.
	{"郑凯", "资深业务员", "7000", "6", "45", "2", "0", "0", "1", "2", "9.9%", "否", "否", "是", "是", "8", "", "", "8", "9", "9", "9", "9"},
	// S007: no new customer and no letter, more samples than the target: 63.5.
	{"孙雪", "资深业务员", "6500", "0", "0", "5", "2", "0", "0", "3", "95%", "否", "否", "否", "否", "6", "5", "8", "7", "7", "6", "", "5"},
	// S008: a total of exactly 90, grade A.
	{"何伟", "资深业务员", "9000", "10", "50", "2", "0", "0", "0", "0", "90%", "否", "否", "否", "否", "6", "6", "6", "6", "6", "", "", "6"},
	// S009: a total of 79.83, just below B; pay 439.065 -> 439.07.
	{"马丽娟", "资深业务员", "5500", "9", "50", "2", "0", "0", "0", "1", "85%", "是", "否", "否", "否", "4", "5", "4", "5", "5", "4", "4", "4"},
	// S010: completion stored as the text "55%": 64.17.
	{"梁宇", "新业务员", "3800", "2", "30", "0", "0", "2", "0", "0", "'55%", "是", "是", "否", "否", "7", "8", "9", "6", "8", "10", "", "6"},
	// S011: short by less than a group on both counts: 93.5.
	{"谢婷", "资深业务员", "6000", "7", "49", "1", "0", "0", "0", "0", "100%", "否", "否", "否", "否", "10", "9", "10", "10", "9", "8", "8", "9"},
	// S012: a total of exactly 50, grade E.
	{"罗晨", "资深业务员", "5000", "3", "35", "1", "1", "0", "0", "2", "40%", "是", "否", "否", "否", "2", "2", "2", "2", "2", "", "", "2"},
}

// names for the generated rows S013 onwards.
var names = []string{
	"冯建军", "蔡晓丽", "邓志明", "曹雅琴", "彭浩", "曾静", "萧文杰", "田甜",
}

func main() {
	sample.Main("examples/trade-sales-2017/march.xlsx", sample.Sheet{
		Name:     "销售部考核",
		Title:    "销售部绩效考核表 2017年3月",
		Header:   header,
		IDFormat: "S%03d",
		Designed: designed,
		Total:    20, // people in the workbook
		Seed:     [2]uint64{20170301, 0x747261},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible salesperson: counts around the targets, few
// problems (a blank count is none), and now and then a colleague who rated
// no one.
func random(r *sample.Rand) []string {
	role := "资深业务员"
	if r.IntN(4) == 0 {
		role = "新业务员"
	}
	row := []string{
		role,
		fmt.Sprint(100 * r.Between(35, 90)),
		fmt.Sprint(r.Between(2, 12)),
		fmt.Sprint(r.Between(20, 70)),
		fmt.Sprint(r.Weighted(20, 30, 40, 10)),
		r.Count(3, 80, 15, 5),
		r.Count(3, 85, 10, 5),
		r.Count(3, 90, 10),
		r.Count(3, 70, 20, 10),
		fmt.Sprint(r.Between(20, 120)) + "%",
	}
	for range 4 {
		fault := "否"
		if r.IntN(6) == 0 {
			fault = "是"
		}
		row = append(row, fault)
	}
	for range 2 {
		rating := func() string { return sample.Halves(2 * r.Between(4, 10)) }
		colleague := func() string {
			if r.IntN(3) == 0 {
				return ""
			}
			return rating()
		}
		row = append(row, rating(), colleague(), colleague(), rating())
	}
	return row
}
