package main

import (
	"fmt"
	"math/rand/v2"
)

const (
	ledgerSheet = "合同台账"
	ledgerTitle = "外贸部业务员合同台账"
)

// ledgerHeader is the header of examples/trade-agent-annual/2026.xlsx.
var ledgerHeader = []string{"合同编号", "业务员", "类型", "合同总金额", "客户返回款", "运费", "回款金额", "第二次回款", "回款日期"}

// contracts makes contract rows spread over a number of agents: most
// fully collected, some partly, about one in 50 a credit note (a negative
// amount), 内贸 contracts with freight.
type contracts struct {
	r      *rand.Rand
	agents int
}

func newContracts(seed uint64, agents int) *contracts {
	return &contracts{r: rand.New(rand.NewPCG(seed, 0x6c6564676572)), agents: agents}
}

func (g *contracts) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// row fills vals with contract i, in header order; money in yuan with
// cents, as float64.
func (g *contracts) row(i int, vals []any) []any {
	yuan := func(cents int) float64 { return float64(cents) / 100 }
	total := g.between(500000, 50000000) // cents
	back := 0
	if g.r.IntN(10) == 0 {
		back = g.between(0, total/20)
	}
	kind, freight := "外贸", 0
	if g.r.IntN(3) == 0 {
		kind, freight = "内贸", g.between(0, total/50)
	}
	due := total - back
	paid := due
	switch g.r.IntN(10) {
	case 0:
		paid = due * g.between(10, 90) / 100 // partly collected
	case 1:
		paid = 0
	}
	second := 0
	if paid == due && g.r.IntN(8) == 0 {
		second = due / 3
		paid = due - second
	}
	if g.r.IntN(50) == 0 {
		// A credit note: the contract and its collection negative.
		total, due, paid, second = -total, -due, -paid, -second
		back = 0
	}
	vals[0] = fmt.Sprintf("HT%07d", i)
	vals[1] = fmt.Sprintf("Y%05d", g.r.IntN(g.agents)+1)
	vals[2] = kind
	vals[3] = yuan(total)
	vals[4] = yuan(back)
	vals[5] = yuan(freight)
	vals[6] = yuan(paid)
	vals[7] = yuan(second)
	vals[8] = fmt.Sprintf("2026-%02d-%02d", g.between(1, 12), g.between(1, 28))
	return vals
}
