// Command gen writes the sample workbook of the gs-team-bonus example
// (客服部绩效考核标准 (1.3), SCHEMES.md §9).
//
// Run it from the repository root:
//
//	go run ./examples/gs-team-bonus/gen [-o examples/gs-team-bonus/april.xlsx]
//
// The workbook holds the period 2026-03-26 to 2026-04-25. The first rows are
// designed by hand to sit on the QC edges, on the clamp of the bonus and on
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
	"工号", "姓名", "实际上班天数", "邮件处理量", "电话处理量", "在线处理量",
	"论坛处理量", "QC得分", "贡献度", "其他附加",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here. 工作量 = 邮件 + 1.2 电话 + 0.8 在线 + 1.5 论坛;
// 工作量基准 = 60 x days.
var designed = [][]string{
	// G001: 22 days (1320); 500 + 360 + 320 + 150 = 1330, 10 over;
	// QC 80% on the upper edge keeps 1.
	{"王晓雯", "22", "500", "300", "400", "100", "80%", "0", "0"},
	// G002: 21 days (1260); 600 + 300 + 240 + 120 = 1260 exactly; QC 70% on
	// the lower edge keeps 1; one proposal adopted (50).
	{"李明杰", "21", "600", "250", "300", "80", "70%", "50", ""},
	// G003: 22 days (1320); 400 + 240 + 400 + 180 = 1220, 100 short; QC 69%
	// just below the lower edge.
	{"张雨桐", "22", "400", "200", "500", "120", "69%", "", "0"},
	// G004: 20 days (1200); 700 + 240 + 200 + 60 = 1200; QC 81% just above
	// the upper edge; 贡献度 200 takes the bonus past 500.
	{"刘志强", "20", "700", "200", "250", "40", "81%", "200", "0"},
	// G005: 22 days (1320); 800 + 300 + 260 + 60 = 1420, 100 over; QC 100%
	// doubles: the base bonus alone passes 500.
	{"陈静怡", "22", "800", "250", "325", "40", "100%", "0", "0"},
	// G006: 22 days, workload on the 基准; QC 50% makes the ratio 0.
	{"杨子涵", "22", "520", "300", "400", "80", "50%", "100", "0"},
	// G007: 22 days (1320); 400 + 240 + 160 + 120 = 920, 400 short; QC 40%:
	// both factors negative.
	{"赵海峰", "22", "400", "200", "200", "80", "40%", "0", "0"},
	// G008: no day worked, nothing handled, no QC result: no bonus.
	{"黄思琪", "0", "0", "0", "0", "0", "", "0", "0"},
	// G009: 22 days (1320); 300 + 240 + 240 + 120 = 900, 420 short; QC 75%;
	// the bonus falls below 0 even with 贡献度 50.
	{"周文博", "22", "300", "200", "300", "80", "75%", "50", "0"},
	// G010: 21 days (1260); 700 + 135.6 + 266.4 + 159 = 1261; QC 80.1%: the
	// bonus is 302.505, which rounds half-up to 302.51.
	{"吴佳慧", "21", "700", "113", "333", "106", "80.1%", "0", "0"},
	// G011: 22 days (1320); 520 + 360 + 280 + 150 = 1310; QC 78%; 贡献度 150
	// and 其他附加 30.
	{"徐立新", "22", "520", "300", "350", "100", "78%", "150", "30"},
	// G012: 22 days, workload on the 基准, QC 80%, 贡献度 200: exactly 500.
	{"孙梦琪", "22", "520", "300", "400", "80", "80%", "200", "0"},
	// G013: 20 days (1200); 410 + 150 + 200 + 90 = 850, 350 short; QC 75%;
	// 贡献度 50 brings the bonus to exactly 0.
	{"马俊豪", "20", "410", "125", "250", "60", "75%", "50", "0"},
	// G014: 22 days, workload on the 基准; QC 0%: the ratio is -2.5.
	{"朱丽娜", "22", "520", "300", "400", "80", "0%", "0", "0"},
}

// names for the generated rows G015 onwards.
var names = []string{
	"胡建国", "郭晓燕", "何雪梅", "高鹏飞", "林诗涵", "罗天宇", "郑雅琴", "梁浩然",
	"谢婉婷", "宋嘉伟",
}

func main() {
	sample.Main("examples/gs-team-bonus/april.xlsx", sample.Sheet{
		Name:     "组员绩效",
		Title:    "客服部组员绩效 2026-03-26 至 2026-04-25",
		Header:   header,
		IDFormat: "G%03d",
		Designed: designed,
		Total:    24, // members in the workbook
		Seed:     [2]uint64{20260425, 0x6773},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible member: 18 to 23 days, around 60 items a day
// across the channels, a QC of 60% to 95%.
func random(r *sample.Rand) []string {
	days := r.Between(18, 23)
	mail := r.Between(20, 30) * days
	phone := r.Between(5, 12) * days
	online := r.Between(8, 20) * days
	forum := r.Between(0, 5) * days
	qc := r.Between(600, 950) // tenths of a percent
	contribution := []string{"0", "50", "100", "200"}[r.Weighted(70, 15, 10, 5)]
	extra := []string{"", "0", "20"}[r.Weighted(60, 30, 10)]
	return []string{
		fmt.Sprint(days), fmt.Sprint(mail), fmt.Sprint(phone), fmt.Sprint(online),
		fmt.Sprint(forum), sample.Tenths(qc) + "%", contribution, extra,
	}
}
