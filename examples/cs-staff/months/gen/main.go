// Command gen writes the three monthly workbooks of the cs-staff month-end
// example (2026-01.xlsx .. 2026-03.xlsx, a quarter), made to exercise the
// ranking of each month: 需整改 on the three lowest totals, ties by
// standard competition ranking (SCHEMES.md §4). Their results are worked
// by hand in ../expected-2026-01.yaml .. ../expected-2026-03.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/cs-staff/months/gen [-o examples/cs-staff/months]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名", "抽查不合格次数", "投诉数", "服务客户数", "实际回访条数",
	"实际在岗人数", "当月应出勤天数", "回访不实条数", "客户满意度",
	"管理类-自评", "管理类-上级", "管理类-小组",
}

// staff is a person with no complaint, every callback due made and true,
// full satisfaction, and the three raters agreeing on rating: 总分 =
// (30 - 2 x failed) + 20 + 10 + 10 + 10 + rating = 80 - 2 x failed + rating.
func staff(id, name, failed, rating string) []string {
	return []string{id, name, failed, "0", "500", "4400", "1", "22", "0", "1", rating, rating, rating}
}

var months = []struct {
	name, title string
	rows        [][]string
}{
	{"2026-01.xlsx", "客户服务人员绩效考核表 2026年1月", [][]string{
		staff("C1", "林一", "0", "20"), // 100
		staff("C2", "陈二", "0", "10"), // 90
		staff("C3", "王三", "5", "10"), // 80
		staff("C4", "赵四", "5", "10"), // 80
		staff("C5", "孙五", "5", "0"),  // 70
		staff("C6", "周六", "0", "5"),  // 85
	}},
	{"2026-02.xlsx", "客户服务人员绩效考核表 2026年2月", [][]string{
		staff("C1", "林一", "0", "20"), // 100
		staff("C2", "陈二", "5", "0"),  // 70
		staff("C3", "王三", "5", "5"),  // 75
		staff("C4", "赵四", "5", "10"), // 80
		staff("C5", "孙五", "5", "10"), // 80
		staff("C6", "周六", "0", "10"), // 90
	}},
	{"2026-03.xlsx", "客户服务人员绩效考核表 2026年3月", [][]string{
		staff("C1", "林一", "0", "20"), // 100
		staff("C2", "陈二", "0", "10"), // 90
		// C3 served no customer: no complaint rate, no total.
		{"C3", "王三", "0", "0", "0", "4400", "1", "22", "0", "1", "10", "10", "10"},
		staff("C4", "赵四", "10", "0"), // 60
		staff("C5", "孙五", "0", "15"), // 95
		// C6 is away; C7 joins.
		staff("C7", "吴七", "10", "0"), // 60
	}},
}

func main() {
	out := flag.String("o", "examples/cs-staff/months", "the `folder` to write the workbooks to")
	flag.Parse()
	for _, m := range months {
		rows := append([][]string{{m.title}, header}, m.rows...)
		if err := workbook.WriteTable(filepath.Join(*out, m.name), "客服人员考核", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
