// Command gen writes the four monthly workbooks of the sales-performance
// history example (2026-01.xlsx .. 2026-04.xlsx), made to exercise the
// flags that look back over earlier months: 晋升加薪 after 优秀 three
// months running and 人员调整 after 不合格 three months running
// (SCHEMES.md §16). Their results are worked by hand in
// ../expected-2026-01.yaml .. ../expected-2026-04.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/sales-performance/months/gen [-o examples/sales-performance/months]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名", "当月销售额", "计划销售额", "去年同月销售额", "出勤天数",
	"应出勤天数", "工作积极性", "团队合作", "分享与交流", "产品知识", "客户沟通",
}

// The four kinds of month, each worked in the expected files: the cells
// after 工号 and 姓名.
var (
	// top: 120% of the plan, 20% growth, full attendance, every rating 10:
	// total 100, 优秀.
	top = []string{"120000", "100000", "100000", "20", "20", "10", "10", "10", "10", "10"}
	// edge: 90% of the plan, 16% growth, 积极性 8 and the rest 9: total
	// 90 exactly, 优秀.
	edge = []string{"104400", "116000", "90000", "20", "20", "8", "9", "9", "9", "9"}
	// mid: 80% of the plan, no growth, ratings 7: total 73.5, 合格.
	mid = []string{"80000", "100000", "80000", "20", "20", "7", "7", "7", "7", "7"}
	// low: 50% of the plan, -50% growth, 16 of 20 days, ratings 5: total
	// 45.5, 不合格.
	low = []string{"50000", "100000", "100000", "16", "20", "5", "5", "5", "5", "5"}
)

func person(id, name string, month []string) []string {
	return append([]string{id, name}, month...)
}

var months = []struct {
	name, title string
	rows        [][]string
}{
	{"2026-01.xlsx", "(终极版)销售表现考核表 2026年1月", [][]string{
		person("S1", "王一", top), person("S2", "李二", low), person("S3", "张三", top),
		person("S4", "刘四", mid), person("S5", "陈五", low),
	}},
	{"2026-02.xlsx", "(终极版)销售表现考核表 2026年2月", [][]string{
		person("S1", "王一", edge), person("S2", "李二", low), // S3 is away
		person("S4", "刘四", low), person("S5", "陈五", low),
	}},
	{"2026-03.xlsx", "(终极版)销售表现考核表 2026年3月", [][]string{
		person("S1", "王一", top), person("S2", "李二", low), person("S3", "张三", top),
		person("S4", "刘四", low), // S5 is away
	}},
	{"2026-04.xlsx", "(终极版)销售表现考核表 2026年4月", [][]string{
		person("S1", "王一", top), person("S2", "李二", mid), person("S3", "张三", top),
		person("S4", "刘四", low), person("S5", "陈五", low),
	}},
}

func main() {
	out := flag.String("o", "examples/sales-performance/months", "the `folder` to write the workbooks to")
	flag.Parse()
	for _, m := range months {
		rows := append([][]string{{m.title}, header}, m.rows...)
		if err := workbook.WriteTable(filepath.Join(*out, m.name), "销售考核", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
