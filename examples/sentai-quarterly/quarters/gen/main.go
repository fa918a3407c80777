// Command gen writes the four quarterly workbooks of the sentai-quarterly
// history example (2025-q4.xlsx, 2026-q1.xlsx .. 2026-q3.xlsx), made to
// exercise the veto that adds up a year's quarters: more than 6
// customer-complaint exposures in a year make the coefficient 0
// (SCHEMES.md §12). Their results are worked by hand in
// ../expected-2025-q4.yaml .. ../expected-2026-q3.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/sentai-quarterly/quarters/gen [-o examples/sentai-quarterly/quarters]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名",
	"毛利润目标", "毛利润实际", "新增客户毛利润目标", "新增客户毛利润实际",
	"应收款/赊销目标", "应收款/赊销实际",
	"工作态度评分", "团队协作评分", "组织纪律性评分", "信息反馈评分",
	"投诉曝光次数", "严重事件",
}

// person is a row with every target met (财务业绩 40 + 30 + 10 = 80) but
// for 毛利润实际, the four ratings, the quarter's complaint exposures and
// 严重事件.
func person(id, name, gross string, ratings [4]string, exposures, serious string) []string {
	return []string{id, name, "1000000", gross, "400000", "400000", "200000", "200000",
		ratings[0], ratings[1], ratings[2], ratings[3], exposures, serious}
}

// The people, each with the same targets, completions and ratings every
// quarter: only the exposures and 严重事件 change.
func t1(exposures string) []string { // 80 + 11 = 91: A
	return person("T1", "王一", "1000000", [4]string{"3", "3", "3", "2"}, exposures, "否")
}

func t2(exposures string) []string { // 80 + 15 = 95: A
	return person("T2", "李二", "1000000", [4]string{"4", "4", "4", "3"}, exposures, "否")
}

func t3() []string { // 80 + 5 = 85: B, never exposed
	return person("T3", "张三", "1000000", [4]string{"2", "1", "1", "1"}, "0", "否")
}

func t4(serious string) []string { // 80 + 20 = 100: A, never exposed
	return person("T4", "刘四", "1000000", [4]string{"5", "5", "5", "5"}, "0", serious)
}

func t5(exposures string) []string { // 80 + 4 = 84: B
	return person("T5", "陈五", "1000000", [4]string{"1", "1", "1", "1"}, exposures, "否")
}

func t6(exposures string) []string { // G = 0.5: 20 + 30 + 10 + 4 = 64: D
	return person("T6", "赵六", "500000", [4]string{"1", "1", "1", "1"}, exposures, "否")
}

var quarters = []struct {
	name, title string
	rows        [][]string
}{
	{"2025-q4.xlsx", "森泰公司外贸业务人员季度绩效考核表 2025年第四季度", [][]string{
		t1("5"), t2("0"), t3(), t4("是"), t6("1"),
	}},
	{"2026-q1.xlsx", "森泰公司外贸业务人员季度绩效考核表 2026年第一季度", [][]string{
		t1("3"), t2("4"), t3(), t4("否"), t6("2"),
	}},
	{"2026-q2.xlsx", "森泰公司外贸业务人员季度绩效考核表 2026年第二季度", [][]string{
		t1("3"), t3(), t4("是"), t6("2"), // T2 is away
	}},
	{"2026-q3.xlsx", "森泰公司外贸业务人员季度绩效考核表 2026年第三季度", [][]string{
		t1("1"), t2("3"), t3(), t4("否"), t5("2"), t6("2"), // T5 joins
	}},
}

func main() {
	out := flag.String("o", "examples/sentai-quarterly/quarters", "the `folder` to write the workbooks to")
	flag.Parse()
	for _, q := range quarters {
		rows := append([][]string{{q.title}, header}, q.rows...)
		if err := workbook.WriteTable(filepath.Join(*out, q.name), "季度考核", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
