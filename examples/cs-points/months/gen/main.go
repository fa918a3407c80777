// Command gen writes the four monthly workbooks of the cs-points history
// example (2026-01.xlsx .. 2026-04.xlsx), made to exercise the flag that
// looks back over earlier months: 可解聘, a 考核分 below 60 two months
// running (SCHEMES.md §11). Their results are worked by hand in
// ../expected-2026-01.yaml .. ../expected-2026-04.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/cs-points/months/gen [-o examples/cs-points/months]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名", "日常扣分", "效率分", "换班次数", "工作量质量第一", "违规次数",
	"客服考试分数", "主动顶班次数", "额外工作次数", "建议采纳次数",
}

// agent is a row with no bonus: 考核分 = 70 - 扣分 + 效率分, less the swaps
// beyond three.
func agent(id, name, deducted, efficiency, swaps string) []string {
	return []string{id, name, deducted, efficiency, swaps, "否", "0", "", "", "", ""}
}

// best is P4's row every month: 70 + 30 + 5 (first, no violation) + 5
// (full marks) = 110, capped at 100.
var best = []string{"P4", "刘四", "0", "30", "0", "是", "0", "100", "", "", ""}

var months = []struct {
	name, title string
	rows        [][]string
}{
	{"2026-01.xlsx", "客服部月度考核 2026年1月", [][]string{
		agent("P1", "王一", "25", "10", "0"), // 55
		agent("P2", "李二", "10", "0", "0"),  // 60
		agent("P3", "张三", "30", "10", "0"), // 50
		best,
		agent("P5", "陈五", "5", "20", "0"), // 85
	}},
	{"2026-02.xlsx", "客服部月度考核 2026年2月", [][]string{
		agent("P1", "王一", "20", "20", "6"), // 70 - 20 + 20 - 30 = 40
		agent("P2", "李二", "10", "0", "3"),  // 60: three swaps are free
		best,                               // P3 is away
		agent("P5", "陈五", "18", "10", "4"), // 70 - 18 + 10 - 5 = 57
	}},
	{"2026-03.xlsx", "客服部月度考核 2026年3月", [][]string{
		agent("P1", "王一", "10", "5", "0"),  // 65
		agent("P2", "李二", "10", "0", "0"),  // 60
		agent("P3", "张三", "28", "10", "0"), // 52
		best,
		agent("P5", "陈五", "12", "0", "0"), // 58
	}},
	{"2026-04.xlsx", "客服部月度考核 2026年4月", [][]string{
		agent("P1", "王一", "15", "4.5", "0"), // 59.5
		agent("P2", "李二", "10", "0", "0"),   // 60
		agent("P3", "张三", "35", "10", "0"),  // 45
		best,
		agent("P5", "陈五", "0", "20", "0"), // 90
	}},
}

func main() {
	out := flag.String("o", "examples/cs-points/months", "the `folder` to write the workbooks to")
	flag.Parse()
	for _, m := range months {
		rows := append([][]string{{m.title}, header}, m.rows...)
		if err := workbook.WriteTable(filepath.Join(*out, m.name), "客服考核", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
