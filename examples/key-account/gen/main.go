// Command gen writes the sample workbook of the key-account example
// (大客户服务部客户分类, SCHEMES.md §15): one row per customer, with its
// largest single contract of 2026 in 方.
//
// Run it from the repository root:
//
//	go run ./examples/key-account/gen [-o examples/key-account/2026.xlsx]
//
// The first rows are designed by hand to sit on the cut-offs and other
// corner cases; their classes are worked out in ../expected.yaml, so changing
// one of them means working that row again by hand. The remaining rows are
// pseudo-random but reproducible: a fixed PCG seed gives the same workbook on
// every run.
package main

import (
	"appraise/examples/internal/sample"
	"fmt"
)

var header = []string{
	"客户编号", "客户名称", "单一合同方量", "付款信誉", "购买次数", "介绍成交数", "隶属集团", "统一采购",
}

// designed holds the hand-made rows, one per edge case, in header order after
// 客户编号 (which is filled in from the row number). Keep ../expected.yaml in
// step with any change here.
var designed = [][]string{
	// K001: 5,000 方 exactly, not more than 5,000: 潜在 though 良好; one
	// purchase; no group, 统一采购 blank.
	{"宏远建设工程", "5000", "良好", "1", "0", "", ""},
	// K002: 5,001 方 and 良好: 高值, so not 潜在; 购买次数 exactly 2;
	// a group that buys centrally.
	{"中建三局二公司", "5001", "良好", "2", "0", "中建集团", "是"},
	// K003: 4,000 方 exactly: 潜在; five purchases but 一般, no referral;
	// a group that does not buy centrally.
	{"中铁十二局物资", "4000", "一般", "5", "0", "中铁集团", "否"},
	// K004: 3,999 方, just short of 潜在; one purchase but one referral;
	// 统一采购 是 with no group.
	{"恒信混凝土构件", "3999", "良好", "1", "1", "", "是"},
	// K005: 8,000 方 but 较差: not 高值, so 潜在; three purchases, 较差.
	{"华润置地南区项目", "8000", "较差", "3", "0", "华润集团", "是"},
	// K006: 5,000.5 方, just over: 高值; 介绍成交数 and 统一采购 blank.
	{"润城市政工程", "5000.5", "良好", "1", "", "华润集团", ""},
	// K007: 较差 and small, but two referrals: 忠诚 all the same.
	{"鑫达装饰工程", "1200", "较差", "6", "2", "", ""},
	// K008: 购买次数 exactly 2 and 良好: 忠诚 and nothing else.
	{"安居房屋修缮", "2500", "良好", "2", "0", "", "否"},
	// K009: as K008 with one purchase: no class at all.
	{"绿洲园林绿化", "2500", "良好", "1", "0", "", "否"},
	// K010: 4,500 方, 一般, two purchases: 潜在 and 集团, not 忠诚.
	{"海螺建材华东", "4500", "一般", "2", "0", "海螺集团", "是"},
	// K011: every class a 高值客户 can carry: 高值, 忠诚 both ways, 集团.
	{"中建八局一公司", "12000", "良好", "4", "3", "中建集团", "是"},
	// K012: 3,999.9 方, 一般, blank referrals, 统一采购 是 without a group:
	// no class.
	{"金桥路桥养护", "3999.9", "一般", "1", "", "", "是"},
	// K013: 0 方 (no contract yet this year) and 良好 with four purchases:
	// 忠诚 only.
	{"城东水务工程", "0", "良好", "4", "0", "", ""},
}

// names for the generated rows K014 onwards.
var names = []string{
	"华辰置业", "远大住工", "新城基建", "东方管桩", "天元建设", "万通市政", "长江路桥",
	"银河地产", "顺发建材", "金地物业工程", "中天钢构", "北辰实业", "明珠港务",
}

var groups = []string{"中建集团", "中铁集团", "华润集团", "海螺集团", "保利集团"}

func main() {
	sample.Main("examples/key-account/2026.xlsx", sample.Sheet{
		Name:     "客户名单",
		Title:    "大客户服务部客户名单 2026年",
		Header:   header,
		IDFormat: "K%03d",
		Designed: designed,
		Total:    26, // customers in the workbook
		Seed:     [2]uint64{20261231, 0x6b6579},
		Names:    names,
		Random:   random,
	})
}

// random makes a plausible customer: most are small and independent.
func random(r *sample.Rand) []string {
	volume := r.Between(5, 180) * 50 // 250..9000 方 in steps of 50
	credit := []string{"良好", "一般", "较差"}[r.Weighted(60, 30, 10)]
	purchases := 1 + r.Weighted(40, 30, 15, 10, 5)
	referrals := r.Count(3, 70, 20, 10)
	group, central := "", ""
	if r.IntN(5) < 2 {
		group = groups[r.IntN(len(groups))]
		central = []string{"是", "否", ""}[r.Weighted(50, 30, 20)]
	}
	return []string{
		fmt.Sprint(volume), credit, fmt.Sprint(purchases), referrals, group, central,
	}
}
