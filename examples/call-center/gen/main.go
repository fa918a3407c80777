// Command gen writes the sample workbook of the call-center example
// (400呼叫中心关键绩效考核指标, SCHEMES.md §14): one row per team for June
// 2026.
//
// Run it from the repository root:
//
//	go run ./examples/call-center/gen [-o examples/call-center/june.xlsx]
//
// The first rows are designed by hand to sit on the flags' edges and on
// divisions by zero; their results are worked out in ../expected.yaml and
// ../rules.cases.yaml, so changing one of them means working that row again
// by hand. The remaining rows are pseudo-random but reproducible: a fixed
// PCG seed gives the same workbook on every run.
package main

import (
	"fmt"

	"appraise/examples/internal/sample"
)

var header = []string{
	"班组编号", "班组", "业务计划完成量", "业务计划实际完成量", "服务费用预算额", "服务费用开支额",
	"客户调研计划完成量", "客户调研计划实际完成量", "改进目标计划完成量", "改进目标实际完成量",
	"调研客户数", "满意度评分合计", "全部接通电话数", "转接电话数", "放弃电话数", "阻塞电话数",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 班组编号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// T01: plan and budget met exactly (100%): no flag.
	{"售前一组", "1000", "1000", "50000", "50000", "20", "20", "4", "4", "50", "450", "4000", "200", "120", "30"},
	// T02: plan missed by one (99.9%) and budget overspent by one (100.002%):
	// both flags; no transfers, abandoned or blocked calls.
	{"售前二组", "1000", "999", "50000", "50001", "20", "25", "5", "3", "40", "342", "3000", "0", "0", "0"},
	// T03: no research and no improvement target planned, no one surveyed:
	// three indicators divide by 0.
	{"售后一组", "800", "1200", "40000", "30000", "0", "0", "0", "1", "0", "0", "2500", "125", "250", "50"},
	// T04: no call answered: 转接率 and 呼叫放弃率 divide by 0; nothing done
	// of the plan (0%) and nothing spent.
	{"夜班组", "100", "0", "8000", "0", "2", "1", "1", "1", "3", "13.5", "0", "0", "12", "3"},
	// T05: more calls abandoned than answered (呼叫放弃率 150%, as the
	// document defines it); spending just under budget (19999.99 of 20000).
	{"投诉处理组", "200", "210", "20000", "19999.99", "10", "9", "3", "2", "7", "60", "100", "33", "150", "20"},
	// T06: a third of the plan and half as much again as the budget.
	{"大客户组", "3", "1", "12000", "18000", "6", "6", "2", "2", "1", "10", "1500", "45", "30", "0"},
	// T07: plan missed by one in 2400; budget under by one.
	{"回访组", "2400", "2399", "30000", "29999", "30", "31", "2", "0", "120", "1068", "6000", "60", "60", "15"},
	// T08: plan beaten by one; budget overspent by a cent.
	{"技术支持组", "600", "601", "25000", "25000.01", "8", "8", "3", "3", "25", "200", "1800", "360", "90", "10"},
	// T09: everything met exactly, a budget in cents; blocked calls only.
	{"客服一组", "1500", "1500", "36000.50", "36000.50", "12", "12", "2", "2", "60", "516", "2000", "0", "0", "5"},
	// T10: a single answered call, transferred, and one abandoned: both
	// rates 100%; plan missed (98%) and budget overspent (102%).
	{"客服二组", "50", "49", "5000", "5100", "1", "0", "1", "1", "2", "19", "1", "1", "1", "0"},
}

// names for the generated rows T11 onwards.
var names = []string{
	"售前三组", "售前四组", "售后二组", "售后三组", "会员服务组", "订单跟进组",
}

func main() {
	sample.Main("examples/call-center/june.xlsx", sample.Sheet{
		Name:     "呼叫中心KPI",
		Title:    "400呼叫中心关键绩效考核指标 2026年6月",
		Header:   header,
		IDFormat: "T%02d",
		Designed: designed,
		Total:    16, // teams in the workbook
		Seed:     [2]uint64{20260630, 0x343030},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible team: every divisor is positive.
func random(r *sample.Rand) []string {
	plan := r.Between(300, 3000)
	done := r.Pct(plan, 80, 115)
	budget := r.Between(100, 600) * 100
	spent := r.Pct(budget, 85, 110)
	research := r.Between(5, 30)
	researched := r.Pct(research, 70, 110)
	targets := r.Between(1, 5)
	met := r.Between(0, targets)
	surveyed := r.Between(10, 150)
	tenths := surveyed * r.Between(70, 95) // the sum of scores of 7.0..9.5, in tenths
	answered := r.Between(1000, 6000)
	return []string{
		fmt.Sprint(plan), fmt.Sprint(done), fmt.Sprint(budget), fmt.Sprint(spent),
		fmt.Sprint(research), fmt.Sprint(researched), fmt.Sprint(targets), fmt.Sprint(met),
		fmt.Sprint(surveyed), sample.Tenths(tenths),
		fmt.Sprint(answered), fmt.Sprint(r.Pct(answered, 1, 15)),
		fmt.Sprint(r.Pct(answered, 1, 12)), fmt.Sprint(r.Pct(answered, 0, 3)),
	}
}
