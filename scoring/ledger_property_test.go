package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

// TestLedgerPayoutsProperty scores many generated ledgers (random
// contracts, amounts to the cent, some credit notes, some not collected,
// keys with stray spaces) and checks, for every person and both pay
// lines paid in instalments, that the instalments add up exactly to the
// rounded pay, and for every ledger that the payouts' totals row of each
// line, the sum of the people's rounded pay, equals the sum of its rows.
func TestLedgerPayoutsProperty(t *testing.T) {
	src := strings.Replace(ledgerRules, `pay:
  提成发放: 已收齐提成
  超额奖金: 超额奖
`, `pay:
  提成发放:
    formula: 已收齐提成
    instalments:
      - {share: 0.33, paid: 1 month after}
      - {share: 0.33, paid: 2 months after}
      - {share: rest, paid: 3 months after}
  超额奖金:
    formula: 超额奖
    instalments:
      - {share: 80%, paid: 1 month after}
      - {share: rest, paid: year end}
`, 1)
	s := compile(t, src)
	rng := rand.New(rand.NewPCG(10, 20))
	kinds := []string{"外贸", "内贸"}
	var parts []decimal.Decimal
	for ledger := 0; ledger < 100; ledger++ {
		l, err := scoring.NewLedger(s)
		if err != nil {
			t.Fatal(err)
		}
		people := 1 + rng.IntN(12)
		for n := range 1 + rng.IntN(200) {
			who := fmt.Sprintf("P%02d", rng.IntN(people))
			if rng.IntN(10) == 0 {
				who += " "
			}
			total := rng.Int64N(300_000_000) // cents, up to 3,000,000
			if rng.IntN(15) == 0 {
				total = -total / 50 // a credit note
			}
			paid := total
			if rng.IntN(4) == 0 {
				paid = total * int64(rng.IntN(100)) / 100
			}
			rebate := int64(0)
			if total > 0 {
				rebate = rng.Int64N(total/10 + 1)
			}
			raw := []string{fmt.Sprintf("H%d", n), who, kinds[rng.IntN(2)], cents(total), cents(rebate), cents(rng.Int64N(100_000)), cents(paid)}
			if _, err := l.Add(bind(t, l.Rows(), raw...), n+2, raw[1]); err != nil {
				t.Fatal(err)
			}
		}
		r := s.NewResult()
		var rec []scoring.Value
		rows := make([]decimal.Decimal, 2)
		totals := make([]decimal.Decimal, 2)
		for _, p := range l.People {
			rec = l.Record(p, rec)
			s.Score(rec, r)
			for i, line := range s.Rules().Pay {
				v := r.Pay(i)
				if v.Kind != scoring.Number {
					t.Fatalf("ledger %d, %s: %s has no value: %s", ledger, p.Key, line.Name, v.Str)
				}
				if parts, err = scoring.Split(v.Num, line.Instalments, parts); err != nil {
					t.Fatal(err)
				}
				sum := decimal.Zero
				for _, x := range parts {
					sum, _ = sum.Add(x)
					rows[i], _ = rows[i].Add(x)
				}
				if want := scoring.RoundMoney(v.Num); sum.Cmp(want) != 0 {
					t.Fatalf("ledger %d, %s: %s %s splits into %v, adding up to %s", ledger, p.Key, line.Name, want, parts, sum)
				}
				totals[i], _ = totals[i].Add(scoring.RoundMoney(v.Num))
			}
		}
		for i := range rows {
			if rows[i].Cmp(totals[i]) != 0 {
				t.Fatalf("ledger %d: line %d rows add up to %s, its total is %s", ledger, i, rows[i], totals[i])
			}
		}
	}
}

func cents(c int64) string { return decimal.MustNew(c, 2).String() }
