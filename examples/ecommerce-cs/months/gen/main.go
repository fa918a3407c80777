// Command gen writes the three monthly workbooks of the ecommerce-cs
// history example (2026-01.xlsx .. 2026-03.xlsx), five agents a month,
// made to exercise the rules that look back over earlier months: 淘汰 and
// 额外奖金 (SCHEMES.md §1). Their results are worked by hand in
// ../expected-2026-02.yaml and ../expected-2026-03.yaml.
//
// Run it from the repository root:
//
//	go run ./examples/ecommerce-cs/months/gen [-o examples/ecommerce-cs/months]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"appraise/workbook"
)

var header = []string{
	"工号", "姓名", "询单人数", "最终付款人数", "拍下笔数", "支付宝付款笔数",
	"客服客单价", "店铺客单价", "接待人数", "回复过的客户数", "平均响应时间(秒)",
	"客户退款数", "客服成交数", "工作任务得分", "经验条数", "工作态度得分",
	"迟到早退次数", "有效请假天数",
}

// top puts every ratio in its best band: X = 80/100, F = 95/100,
// Y = 120/100, Z = 100/100, T = 20: 35 + 20 + 10 + 5 + 5 = 75 points.
var top = []string{"100", "80", "100", "95", "120", "100", "100", "100", "20", "0", "80"}

// bottom puts every ratio below its lowest band: X = 40/100, F = 70/100,
// Y = 100/100, Z = 90/100, T = 60: 0 points.
var bottom = []string{"100", "40", "100", "70", "100", "100", "100", "90", "60", "0", "40"}

// agent is a row: id, name, the ratios, then 工作任务得分, 经验条数,
// 工作态度得分, 迟到早退次数, 有效请假天数.
func agent(id, name string, ratios []string, rest ...string) []string {
	return append(append([]string{id, name}, ratios...), rest...)
}

var (
	// E1: 75 + 10 + 5 + 10 (attendance) + 10/5 = 102, capped at 100: first every month.
	e1 = agent("E1", "王一", top, "10", "10", "5", "0", "0")
	// E2: 75 + 8 + 4 + 10 + 0 = 97.
	e2 = agent("E2", "李二", top, "8", "2", "4", "0", "0")
	// E3: 0 + 10 + 5 + 10 + 0 = 25, below 35 every month.
	e3 = agent("E3", "张三", bottom, "10", "0", "5", "0", "0")
	// E4: 0 + 2 + 1 + max(0, 10 - 2 x 5) + 0 = 3: last every month.
	e4 = agent("E4", "刘四", bottom, "2", "0", "1", "5", "0")
	// E5: as E3, 25; away in February.
	e5 = agent("E5", "陈五", bottom, "10", "0", "5", "0", "0")
)

var months = []struct {
	name, title string
	rows        [][]string
}{
	{"2026-01.xlsx", "客服部客服指标绩效考核表 2026年1月", [][]string{e1, e2, e3, e4, e5}},
	{"2026-02.xlsx", "客服部客服指标绩效考核表 2026年2月", [][]string{e1, e2, e3, e4}},
	{"2026-03.xlsx", "客服部客服指标绩效考核表 2026年3月", [][]string{e1, e2, e3, e4, e5}},
}

func main() {
	out := flag.String("o", "examples/ecommerce-cs/months", "the `folder` to write the workbooks to")
	flag.Parse()
	for _, m := range months {
		rows := append([][]string{{m.title}, header}, m.rows...)
		if err := workbook.WriteTable(filepath.Join(*out, m.name), "客服KPI", rows); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
