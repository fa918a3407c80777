// Command gen writes the twelve monthly workbooks of the cs-kpi example,
// 2026-01.xlsx .. 2026-12.xlsx, four agents, made so that a quarter's
// ratio of sums differs from the mean of its months' ratios, with one
// agent who leaves after March and one who joins in February. The
// quarter's and the year's results are worked by hand in
// ../expected-2026-Q1.yaml and ../expected-2026.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/cs-kpi/months/gen [-o examples/cs-kpi/months]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名", "需要反馈总次数", "标准时间内反馈次数", "需要传递总次数", "标准时间内传递次数",
	"计划回访客户数", "实际回访客户数", "解决投诉总数", "投诉解决总时间(小时)", "总投诉数", "满意投诉数",
	"大客户流失数", "大客户回访次数", "调研客户数", "满意度评分合计", "部门协作满意度",
}

// row is an agent's month: id, name and the fifteen figures, in the
// order of the header.
func row(id, name, figures string) []string {
	return append([]string{id, name}, strings.Fields(figures)...)
}

// The four agents of the year, month by month (index 0 is January); ""
// is a month the agent is not in the workbook.
var year = []struct {
	id, name string
	months   [12]string
}{
	{"K1", "王芳", [12]string{
		"20 18 10 10 10 10 4 8 4 3 0 2 10 85 8",
		"10 10 10 9 30 15 2 10 2 2 1 1 10 90 9",
		"10 8 20 20 20 20 4 6 6 4 0 3 20 170 7",
		steadyK1, steadyK1, steadyK1, steadyK1, steadyK1, steadyK1, steadyK1, steadyK1, steadyK1,
	}},
	{"K2", "李明", [12]string{k2, k2, k2, k2, k2, k2, k2, k2, k2, k2, k2, k2}},
	{"K3", "赵强", [12]string{
		"5 5 5 5 10 5 1 2 1 1 0 0 4 36 9",
		"5 4 5 5 10 10 1 4 1 0 0 1 4 32 8",
		"5 3 5 4 20 20 2 6 2 2 1 0 2 20 10",
	}},
	{"K4", "周丽", [12]string{
		"",
		"10 10 10 10 20 10 0 0 0 0 0 0 0 0 5",
		"10 9 10 10 20 20 2 3 2 2 0 1 4 34 7",
		steadyK4, steadyK4, steadyK4, steadyK4, steadyK4, steadyK4, steadyK4, steadyK4, steadyK4,
	}},
}

const (
	steadyK1 = "10 9 10 9 20 18 2 4 2 2 0 2 10 80 8"
	k2       = "10 9 10 10 10 9 2 6 2 1 0 1 5 40 6"
	steadyK4 = "10 10 10 10 20 20 1 2 1 1 0 1 4 36 8"
)

func main() {
	out := flag.String("o", "examples/cs-kpi/months", "the `folder` to write the workbooks to")
	flag.Parse()
	for m := 1; m <= 12; m++ {
		rows := [][]string{{fmt.Sprintf("客服部关键绩效考核指标表 2026年%d月", m)}, header}
		for _, a := range year {
			if f := a.months[m-1]; f != "" {
				rows = append(rows, row(a.id, a.name, f))
			}
		}
		if err := workbook.WriteTable(filepath.Join(*out, fmt.Sprintf("2026-%02d.xlsx", m)), "客服KPI", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
