// Command gen writes the sample workbook of the cs-staff example
// (客户服务人员绩效考核方案, SCHEMES.md §4).
//
// Run it from the repository root:
//
//	go run ./examples/cs-staff/gen [-o examples/cs-staff/may.xlsx]
//
// The first rows are designed by hand to sit on band edges and other corner
// cases; their results are worked out in ../expected.yaml, so changing one of
// them means working that row again by hand. The remaining rows are
// pseudo-random but reproducible: a fixed PCG seed gives the same workbook on
// every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "抽查不合格次数", "投诉数", "服务客户数", "实际回访条数",
	"实际在岗人数", "当月应出勤天数", "回访不实条数", "客户满意度",
	"管理类-自评", "管理类-上级", "管理类-小组",
}

// designed holds the hand-made rows in header order after 工号 (which is
// filled in from the row number). Keep ../expected.yaml in step with any
// change here.
var designed = [][]string{
	// C001: nothing deducted anywhere: 100. 回访 4400/(200 x 1 x 22) = 100%.
	{"林晓", "0", "0", "500", "4400", "1", "22", "0", "1", "20", "20", "20"},
	// C002: 投诉 2/500 = 0.4% and 回访 95%, 满意 95% exactly on their edges.
	{"陈浩", "1", "2", "500", "4180", "1", "22", "1", "0.95", "18", "16", "15"},
	// C003: 投诉 0.5%; 回访 4179/4400 and 满意 0.9499 just below 95%;
	// no 小组 rating.
	{"王蕾", "2", "3", "600", "4179", "1", "22", "2", "0.9499", "11", "18", ""},
	// C004: 投诉 5/500 = 1% and 回访, 满意 80% exactly; 3 untrue callbacks;
	// no 上级 rating.
	{"赵敏", "3", "5", "500", "3520", "1", "22", "3", "0.8", "20", "", "14"},
	// C005: 投诉 1.2%; 15 failed checks take 专业技能 to 0 exactly;
	// 回访 6399/8000 just below 80%; 5 untrue; 满意 75%; only 上级.
	{"孙鹏", "15", "6", "500", "6399", "2", "20", "5", "0.75", "", "12", ""},
	// C006: 投诉 9/600 = 1.5%; 16 failed checks floor at 0; 回访 75%
	// exactly; 6 untrue; 满意 just below 75%; ratings all 0.
	{"周婷", "16", "9", "600", "6000", "2", "20", "6", "0.7499", "0", "0", "0"},
	// C007: 投诉 2%; 回访 5999/8000 just below 75%; blank counts; no 自评.
	{"吴刚", "", "10", "500", "5999", "2", "20", "", "0.99", "", "20", "17"},
	// C008: 服务客户数 0: the complaint rate cannot be computed; 回访 above
	// 100%.
	{"郑洁", "0", "0", "0", "4500", "1", "22", "0", "0.96", "15", "15", "15"},
	// C009: 实际在岗人数 0: 回访完成率 cannot be computed; 投诉 0.1%.
	{"冯磊", "1", "1", "1000", "4000", "0", "22", "4", "1", "16", "16", "16"},
	// C010: no rater rated 管理类.
	{"褚佳", "0", "0", "450", "4400", "1", "22", "0", "1", "", "", ""},
	// C011: 投诉 201/50000 = 0.402%, just over 0.4%; blank counts.
	{"卫东", "", "201", "50000", "4200", "1", "21", "", "0.8", "20", "10", "12"},
	// C012: 投诉 1/300 inside (0, 0.4%]; 回访 8399/8400 just below 100%.
	{"蒋琳", "4", "1", "300", "8399", "2", "21", "2", "0.9", "15", "19", "17"},
}

// names for the generated rows C013 onwards.
var names = []string{
	"沈涛", "韩雪", "杨帆", "朱琳", "秦勇", "尤佳",
	"许诺", "何静", "吕强", "施雨", "张宁", "孔亮",
}

func main() {
	sample.Main("examples/cs-staff/may.xlsx", sample.Sheet{
		Name:     "客服人员考核",
		Title:    "客户服务人员绩效考核表 2026年5月",
		Header:   header,
		IDFormat: "C%03d",
		Designed: designed,
		Total:    24, // people in the workbook
		Seed:     [2]uint64{20260501, 0x6373},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible person: one on duty, every denominator positive.
func random(r *sample.Rand) []string {
	days := r.Between(20, 23)
	due := 200 * days
	served := r.Between(300, 800)
	return []string{
		r.Count(4, 50, 25, 15, 10),                      // 抽查不合格次数 0..3
		fmt.Sprint(r.Weighted(40, 25, 15, 10, 5, 3, 2)), // 投诉数 0..6
		fmt.Sprint(served),                              // 服务客户数
		fmt.Sprint(r.Pct(due, 70, 105)),                 // 实际回访条数
		"1",                                             // 实际在岗人数
		fmt.Sprint(days),                                // 当月应出勤天数
		r.Count(4, 50, 20, 10, 8, 5, 4, 2, 1),           // 回访不实条数 0..7
		fmt.Sprintf("0.%02d", r.Between(70, 99)),        // 客户满意度
		rating(r), rating(r), rating(r),
	}
}

// rating is a 管理类 rating from 10 to 20, blank one time in eight.
func rating(r *sample.Rand) string {
	if r.IntN(8) == 0 {
		return ""
	}
	return fmt.Sprint(r.Between(10, 20))
}
