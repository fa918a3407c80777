// Command gen writes the sample workbook of the trade-group-2010 example
// (外贸组绩效考核方案(2010), SCHEMES.md §8).
//
// Run it from the repository root:
//
//	go run ./examples/trade-group-2010/gen [-o examples/trade-group-2010/april.xlsx]
//
// The first rows are designed by hand to sit on the attendance gate's edges
// and on the raters' blanks; their results are worked out in
// ../expected.yaml, so changing one of them means working that row again by
// hand. The remaining rows are pseudo-random but reproducible: a fixed PCG
// seed gives the same workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "基本工资", "浮动工资", "业务津贴", "业务提成",
	"部门关键绩效指标达成率", "当月出勤天数", "自评", "上级评分", "经理评分",
}

// designed holds the hand-made rows in header order after 工号 (which is
// filled in from the row number). Keep ../expected.yaml in step with any
// change here.
var designed = [][]string{
	// G001: 22 days, full gate; 业务提成 stored as the text "1,200".
	{"张伟", "3000", "2000", "500", "'1,200", "0.95", "22", "90", "85", "80"},
	// G002: exactly 20 days: half of 浮动工资 and 业务津贴.
	{"王芳", "2800", "1800", "400", "800", "1", "20", "80", "80", "80"},
	// G003: 20.5 days, just over 20: in full; 业务提成 blank (none).
	{"李娜", "2800", "1800", "400", "", "0.875", "20.5", "70", "75", "72"},
	// G004: exactly 10 days: no 浮动工资 and no 业务津贴.
	{"刘洋", "3000", "2000", "500", "300", "0.95", "10", "60", "65", "70"},
	// G005: 10.5 days, just over 10: half; 业务提成 with cents.
	{"陈静", "2500", "1500", "300", "450.50", "0.9", "10.5", "85", "88", "90"},
	// G006: no attendance and no rater: the rating has no value, the pay
	// does not need it.
	{"杨洋", "2500", "1500", "300", "", "0.9", "0", "", "", ""},
	// G007: no 自评: 上级 and 经理 share the weight; KPI rate above 100%.
	{"赵磊", "3200", "2500", "600", "2345.67", "1.2", "21.5", "", "80", "90"},
	// G008: only 经理 rated; 15 days; 浮动工资 ends in half a cent.
	{"黄敏", "2600", "1700", "350", "100", "0.8333", "15", "", "", "75"},
	// G009: no 上级; the most days a month can have; KPI rate 0.
	{"周杰", "3000", "2000", "500", "0", "0", "31", "90", "", "83"},
	// G010: every rating 100.
	{"吴霞", "3500", "2500", "800", "5000", "1", "23", "100", "100", "100"},
	// G011: every rating 0 (a rating, not a blank); 19.5 days.
	{"徐强", "2000", "1000", "200", "0", "0.955", "19.5", "0", "0", "0"},
	// G012: 11 days; only 自评 rated.
	{"孙丽", "2700", "1600", "450", "888.88", "0.97", "11", "88", "", ""},
}

// names for the generated rows G013 onwards.
var names = []string{
	"何雪梅", "高鹏飞", "林诗涵", "罗天宇", "郑雅琴", "梁浩然",
	"谢婉婷", "宋嘉伟", "唐晓敏", "许志远", "韩冰洁", "冯子豪",
}

func main() {
	sample.Main("examples/trade-group-2010/april.xlsx", sample.Sheet{
		Name:     "外贸组考核",
		Title:    "外贸组绩效考核表 2026年4月",
		Header:   header,
		IDFormat: "G%03d",
		Designed: designed,
		Total:    24, // people in the workbook
		Seed:     [2]uint64{20260401, 0x7467},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible person: most attend the whole month, a few
// rater cells are left blank.
func random(r *sample.Rand) []string {
	base := r.Between(20, 40) * 100
	float := r.Between(10, 30) * 100
	allowance := r.Between(2, 8) * 50
	commission := r.Between(0, 600000) // in cents
	kpi := r.Between(70, 115)          // percent
	days := []int{8, 15, 40, 42, 44, 45}[r.Weighted(5, 10, 20, 25, 25, 15)]
	return []string{
		fmt.Sprint(base), fmt.Sprint(float), fmt.Sprint(allowance),
		fmt.Sprintf("%d.%02d", commission/100, commission%100),
		fmt.Sprintf("%d.%02d", kpi/100, kpi%100),
		sample.Halves(days),
		rating(r), rating(r), rating(r),
	}
}

// rating is a rating from 60 to 100, blank one time in eight.
func rating(r *sample.Rand) string {
	if r.IntN(8) == 0 {
		return ""
	}
	return fmt.Sprint(r.Between(60, 100))
}
