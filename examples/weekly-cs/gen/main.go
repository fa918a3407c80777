// Command gen writes the sample workbook of the weekly-cs example
// (员工周绩效考核表(客服), SCHEMES.md §17).
//
// Run it from the repository root:
//
//	go run ./examples/weekly-cs/gen [-o examples/weekly-cs/2026-04-w2.xlsx]
//
// The first rows are designed by hand to sit on the targets and other
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
	"工号", "姓名", "售后回访人数", "代理商跟踪人数", "平台数据分析报告(份)", "业务增长(台)",
	"新增用户数", "已录入并加微信人数", "出入库单数", "出入库准确单数",
	"工作质量(审核)", "工作积极性(审核)", "协作(审核)", "创新(审核)", "沟通(审核)", "忠诚度(审核)", "学习(审核)",
	"工作纪律性(违纪次数)", "自评分", "直接领导评分",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// W01: every A target met exactly (150, 3, 1, 1, 20/20, 40/40), B full,
	// no violation: 100.
	{"李娜", "150", "3", "1", "1", "20", "20", "40", "40", "30", "20", "10", "10", "10", "10", "10", "0", "98", "100"},
	// W02: every A target exceeded, so each completion is capped at 100%;
	// 违纪次数 blank.
	{"王芳", "180", "5", "2", "3", "25", "25", "60", "60", "28", "18", "9", "8", "9", "10", "9", "", "95", "92"},
	// W03: just below: 135/150, 2/3, no report, no growth, 19/20, 99/100;
	// one violation.
	{"张伟", "135", "2", "0", "0", "20", "19", "100", "99", "24", "16", "8", "7", "8", "9", "7", "1", "80", "75"},
	// W04: 新增用户数 0 of 0 and 出入库 blank: nothing to divide by.
	{"刘洋", "150", "3", "1", "1", "0", "0", "", "", "27", "17", "8", "9", "7", "10", "8", "0", "96", "94"},
	// W05: a week with nothing done and B rated 0; three violations.
	{"陈静", "0", "0", "0", "0", "10", "0", "50", "0", "0", "0", "0", "0", "0", "0", "0", "3", "40", "10"},
	// W06: twenty violations bring the coefficient to exactly 0.
	{"杨帆", "120", "3", "1", "1", "10", "10", "20", "20", "25", "16", "8", "8", "8", "8", "8", "20", "90", "88"},
	// W07: twenty-two violations: the coefficient stops at 0.
	{"赵敏", "90", "1", "1", "2", "8", "5", "50", "45", "20", "12", "6", "5", "6", "5", "6", "22", "75", "65"},
	// W08: B rated in halves; 1 of 3 agents.
	{"黄磊", "120", "1", "1", "2", "10", "8", "50", "45", "27.5", "18.5", "9.5", "8.5", "9", "9.5", "8.5", "2", "88", "85"},
	// W09: 149 of 150 call-backs (a repeating completion), 4 of 3 agents.
	{"周婷", "149", "4", "1", "1", "15", "15", "30", "30", "30", "20", "10", "10", "10", "10", "10", "0", "100", "99"},
	// W10: everything on target but the data report.
	{"吴昊", "150", "3", "0", "1", "12", "12", "25", "25", "28", "18", "9", "9", "9", "9", "8", "1", "90", "86"},
	// W11: 12 of 16 new users entered; 出入库 blank; 违纪次数 blank.
	{"徐丽", "165", "3", "1", "0", "16", "12", "", "", "25", "15", "8", "8", "8", "9", "7", "", "85", "82"},
	// W12: half the call-backs; 新增用户 blank; four violations.
	{"孙强", "75", "3", "2", "1", "", "", "80", "80", "20", "14", "7", "6", "7", "8", "6", "4", "78", "70"},
}

// names for the generated rows W13 onwards.
var names = []string{
	"马超", "朱琳", "胡斌", "郭悦", "何平", "高洁", "林峰", "罗敏", "郑凯", "梁爽",
}

func main() {
	sample.Main("examples/weekly-cs/2026-04-w2.xlsx", sample.Sheet{
		Name:     "周绩效",
		Title:    "员工周绩效考核表(客服) 2026年04月第Ⅱ周",
		Header:   header,
		IDFormat: "W%03d",
		Designed: designed,
		Total:    22, // people in the workbook
		Seed:     [2]uint64{20260413, 0x77656b},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible week: never more done right than done, and each
// rating within its item's points, in halves.
func random(r *sample.Rand) []string {
	// rating is a rating of at most top points, at least 60% of it.
	rating := func(top int) string { return sample.Halves(r.Between(top*6/5, 2*top)) }
	// share returns a count and the part of it done right.
	share := func(most, lo int) (string, string) {
		n := r.Between(0, most)
		return fmt.Sprint(n), fmt.Sprint(r.Pct(n, lo, 100))
	}
	newUsers, entered := share(30, 70)
	bookings, accurate := share(80, 90)
	violations := r.Count(2, 70, 20, 7, 3)
	return []string{
		fmt.Sprint(r.Between(100, 190)), fmt.Sprint(r.Between(0, 5)),
		fmt.Sprint(r.Between(0, 2)), fmt.Sprint(r.Between(0, 3)),
		newUsers, entered, bookings, accurate,
		rating(30), rating(20), rating(10), rating(10), rating(10), rating(10), rating(10),
		violations, fmt.Sprint(r.Between(70, 100)), fmt.Sprint(r.Between(60, 100)),
	}
}
