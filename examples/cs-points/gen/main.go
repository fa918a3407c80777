// Command gen writes the sample workbook of the cs-points example
// (客服部考核标准, SCHEMES.md §11).
//
// Run it from the repository root:
//
//	go run ./examples/cs-points/gen [-o examples/cs-points/may.xlsx]
//
// The first rows are designed by hand to sit on the grade edges, the cap and
// the steps of the shift-swap deduction; their results are worked out in
// ../expected.yaml, so changing one of them means working that row again by
// hand. The remaining rows are pseudo-random but reproducible: a fixed PCG
// seed gives the same workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"工号", "姓名", "日常扣分", "效率分", "换班次数", "工作量质量第一", "违规次数",
	"客服考试分数", "主动顶班次数", "额外工作次数", "建议采纳次数",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 工号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// P001: every bonus once, full marks: 125 before the cap of 100.
	{"张伟", "0", "30", "0", "是", "0", "100", "1", "1", "1"},
	// P002: exactly 90 (B, not A); three swaps, all free.
	{"王芳", "5", "25", "3", "否", "0", "95", "0", "0", "0"},
	// P003: 90.5 (A); blank swaps, violations, exam and bonus counts.
	{"李娜", "0", "15.5", "", "否", "", "", "1", "", ""},
	// P004: exactly 80 (B); the fourth swap costs 5.
	{"刘洋", "10", "25", "4", "否", "0", "80", "0", "0", "0"},
	// P005: 79.5 (C); five swaps cost 5 + 10.
	{"陈静", "0", "24.5", "5", "否", "0", "90", "0", "0", "0"},
	// P006: exactly 70 (C); six swaps cost 30, the document's example.
	{"杨磊", "0", "30", "6", "否", "0", "0", "0", "0", "0"},
	// P007: 69.5 (D); marked first but with a violation: no bonus.
	{"赵敏", "10", "9.5", "0", "是", "1", "60", "0", "0", "0"},
	// P008: exam 99.5, just short of full marks: no bonus; two extra jobs.
	{"黄强", "2", "20", "1", "否", "0", "99.5", "0", "2", "0"},
	// P009: eight swaps cost 75: the total falls below 0 (no floor).
	{"周丽", "20", "10", "8", "否", "2", "70", "0", "0", "0"},
	// P010: all 70 base points deducted, no efficiency points; two
	// suggestions adopted.
	{"吴军", "70", "0", "0", "否", "0", "", "0", "0", "2"},
	// P011: 效率分 stored as the text "26.5"; exactly 100 without the cap.
	{"徐婷", "1.5", "'26.5", "2", "否", "0", "100", "0", "0", "0"},
	// P012: 105 with the swap deduction counted, so capped at 100 (the
	// bonus alone capped first would give 85).
	{"孙涛", "0", "30", "5", "否", "0", "85", "4", "0", "0"},
	// P013: first of all agents with a blank violation count: bonus.
	{"马超", "", "22", "", "是", "", "88", "", "", ""},
	// P014: seven swaps cost 50, against three bonuses: 59.
	{"朱琳", "3", "27", "7", "否", "0", "100", "1", "0", "1"},
}

// names for the generated rows P015 onwards.
var names = []string{
	"胡斌", "郭玲", "何鑫", "高洁", "林峰", "罗丹", "郑凯", "梁爽", "谢鹏", "宋雪",
}

func main() {
	sample.Main("examples/cs-points/may.xlsx", sample.Sheet{
		Name:     "客服考核",
		Title:    "客服部月度考核 2026年5月",
		Header:   header,
		IDFormat: "P%03d",
		Designed: designed,
		Total:    24, // agents in the workbook
		Seed:     [2]uint64{20260501, 0x637370},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible agent. None of them is marked first: that is
// one agent a month, and the designed rows have it.
func random(r *sample.Rand) []string {
	exam := fmt.Sprint(r.Between(60, 100))
	if r.IntN(4) == 0 {
		exam = "100"
	}
	return []string{
		sample.Halves(r.Between(0, 30)),  // 日常扣分 0..15
		sample.Halves(r.Between(30, 60)), // 效率分 15..30
		r.Count(3, 40, 20, 15, 10, 8, 5, 2),
		"否",
		r.Count(3, 75, 20, 5),
		exam,
		r.Count(3, 70, 20, 10),
		r.Count(3, 70, 20, 10),
		r.Count(3, 85, 15),
	}
}
