// Command gen writes 2026-03.xlsx, the sample month of the cs-kpi
// example: ten agents, the first four as in months/2026-03.xlsx, then six
// edge cases. Their results are worked by hand in ../expected.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/cs-kpi/gen [-o examples/cs-kpi/2026-03.xlsx]
package main

import (
	"flag"
	"fmt"
	"os"
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

var agents = [][]string{
	row("K1", "王芳", "10 8 20 20 20 20 4 6 6 4 0 3 20 170 7"),
	row("K2", "李明", "10 9 10 10 10 9 2 6 2 1 0 1 5 40 6"),
	row("K3", "赵强", "5 3 5 4 20 20 2 6 2 2 1 0 2 20 10"),
	row("K4", "周丽", "10 9 10 10 20 20 2 3 2 2 0 1 4 34 7"),
	row("K5", "孙伟", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 5"), // every ratio divides by 0
	row("K6", "吴静", "8 8 4 4 16 16 5 10 5 5 2 4 8 72 10"),
	row("K7", "郑浩", "3 1 3 2 9 3 3 1 3 0 0 0 3 10 1"),
	row("K8", "冯雪", "4 4 8 6 5 4 4 9 5 4 1 2 5 47 9"),
	row("K9", "陈刚", "10 0 10 0 10 0 1 24 1 0 3 0 1 1 2"),
	row("K10", "褚红", "25 20 40 30 50 45 8 20 10 9 0 5 20 190 8"),
}

func main() {
	out := flag.String("o", "examples/cs-kpi/2026-03.xlsx", "the `workbook` to write")
	flag.Parse()
	rows := append([][]string{{"客服部关键绩效考核指标表 2026年3月"}, header}, agents...)
	if err := workbook.WriteTable(*out, "客服KPI", rows); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
