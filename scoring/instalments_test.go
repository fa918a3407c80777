package scoring_test

import (
	"math/rand/v2"
	"testing"

	"appraise/rules"
	"appraise/scoring"

	"github.com/govalues/decimal"
)

const splitRules = `columns:
  净利润: {}
pay:
  季度提成:
    formula: 净利润 * 15%
    instalments:
      - {share: 0.33, paid: 1 month after}
      - {share: 0.33, paid: 2 months after}
      - {share: rest, paid: 3 months after}
  业务提成:
    formula: 净利润 * 1.2%
    instalments:
      - {share: 80%, paid: 1 month after}
      - {share: 20%, paid: year end}
`

func TestSplit(t *testing.T) {
	s := compile(t, splitRules)
	quarter := s.Rules().Pay[0].Instalments
	annual := s.Rules().Pay[1].Instalments
	for _, tc := range []struct {
		amount string
		three  []string // over 0.33, 0.33 and the rest
		two    []string // 80% and the rest of 20%
	}{
		// 1000.01 x 0.33 = 330.0033 -> 330.00, twice; 1000.01 - 660.00 = 340.01.
		// 1000.01 x 80% = 800.008 -> 800.01; 1000.01 - 800.01 = 200.00.
		{"1000.01", []string{"330.00", "330.00", "340.01"}, []string{"800.01", "200.00"}},
		// 100 x 0.33 = 33.00; 100 - 66 = 34.00.
		{"100", []string{"33.00", "33.00", "34.00"}, []string{"80.00", "20.00"}},
		// 0.015 rounds half-up to 0.02: 0.02 x 0.33 = 0.0066 -> 0.01,
		// twice; 0.02 - 0.02 = 0.00. 0.02 x 80% = 0.016 -> 0.02; 0.00.
		{"0.015", []string{"0.01", "0.01", "0.00"}, []string{"0.02", "0.00"}},
		// A negative quarter, -1000.01: -330.00, -330.00, -340.01.
		{"-1000.01", []string{"-330.00", "-330.00", "-340.01"}, []string{"-800.01", "-200.00"}},
	} {
		for _, c := range []struct {
			ins  int
			want []string
		}{{0, tc.three}, {1, tc.two}} {
			ins := quarter
			if c.ins == 1 {
				ins = annual
			}
			got, err := scoring.Split(decimal.MustParse(tc.amount), ins, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("Split(%s) = %v, want %v", tc.amount, got, c.want)
			}
			for k := range got {
				if got[k].String() != c.want[k] {
					t.Errorf("Split(%s)[%d] = %s, want %s", tc.amount, k, got[k], c.want[k])
				}
			}
		}
	}
}

func TestPaidIn(t *testing.T) {
	s := compile(t, splitRules)
	q := s.Rules().Pay[0].Instalments
	a := s.Rules().Pay[1].Instalments
	for _, tc := range []struct {
		period string
		want   []string
	}{
		// §7: Q1's commission is paid in April, May and June.
		{"2026-Q1", []string{"2026-04", "2026-05", "2026-06", "2026-04", "2026-12"}},
		// Q4 runs into the next year.
		{"2026-Q4", []string{"2027-01", "2027-02", "2027-03", "2027-01", "2026-12"}},
		{"2026-03", []string{"2026-04", "2026-05", "2026-06", "2026-04", "2026-12"}},
		{"2026", []string{"2027-01", "2027-02", "2027-03", "2027-01", "2026-12"}},
	} {
		p, err := scoring.ParsePeriod(tc.period)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, in := range append(append([]*rules.Instalment{}, q...), a...) {
			got = append(got, scoring.PaidIn(p, in))
		}
		for k := range tc.want {
			if got[k] != tc.want[k] {
				t.Errorf("%s: instalment %d paid in %s, want %s", tc.period, k, got[k], tc.want[k])
			}
		}
	}
}

// TestSplitProperty splits many generated amounts, over many people and
// both pay lines, and checks that each person's instalments add up to
// the rounded amount exactly and that the totals of a payouts sheet (the
// sum per pay line of the rounded amounts) equal the sum of its rows.
func TestSplitProperty(t *testing.T) {
	s := compile(t, splitRules)
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []decimal.Decimal
	for ledger := 0; ledger < 200; ledger++ {
		people := 1 + rng.IntN(50)
		for line, p := range s.Rules().Pay {
			rowsSum, lineSum := decimal.Zero, decimal.Zero
			for range people {
				// Amounts to 4 decimals, as exact products leave them,
				// up to 10 million either way.
				amount := decimal.MustNew(rng.Int64N(200_000_000_000)-100_000_000_000, 4)
				var err error
				if buf, err = scoring.Split(amount, p.Instalments, buf); err != nil {
					t.Fatal(err)
				}
				sum := decimal.Zero
				for _, x := range buf {
					sum, _ = sum.Add(x)
					rowsSum, _ = rowsSum.Add(x)
					if x.Scale() != 2 {
						t.Fatalf("instalment %s is not to the cent", x)
					}
				}
				if sum.Cmp(scoring.RoundMoney(amount)) != 0 {
					t.Fatalf("line %d: %s splits into %v, adding up to %s", line, amount, buf, sum)
				}
				lineSum, _ = lineSum.Add(scoring.RoundMoney(amount))
			}
			if rowsSum.Cmp(lineSum) != 0 {
				t.Fatalf("ledger %d line %d: rows add up to %s, the line's total is %s", ledger, line, rowsSum, lineSum)
			}
		}
	}
}
