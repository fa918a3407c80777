package scoring

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/govalues/decimal"
)

func decs(t *testing.T, ss ...string) []decimal.Decimal {
	t.Helper()
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.MustParse(s)
	}
	return out
}

func TestShare(t *testing.T) {
	tests := []struct {
		name    string
		amount  string
		weights []string
		keys    []string
		want    []string
	}{
		{
			// 100,000.00 = 10,000,000 cents over weights 1..7 (sum 28):
			// 10,000,000 x i / 28 rounded down: 357142 r24, 714285 r20,
			// 1071428 r16, 1428571 r12, 1785714 r8, 2142857 r4, 2500000 r0;
			// these add up to 9,999,997, so the 3 cents left go to the
			// remainders 24, 20 and 16.
			name:    "seven people",
			amount:  "100000.00",
			weights: []string{"1", "2", "3", "4", "5", "6", "7"},
			keys:    []string{"E1", "E2", "E3", "E4", "E5", "E6", "E7"},
			want:    []string{"3571.43", "7142.86", "10714.29", "14285.71", "17857.14", "21428.57", "25000.00"},
		},
		{
			// 100.00 over three equal weights: 3333 cents each, remainder 1
			// each; the one cent left goes to the lowest key, A.
			name:    "a tie goes to the lower key",
			amount:  "100",
			weights: []string{"2.5", "2.5", "2.5"},
			keys:    []string{"C", "A", "B"},
			want:    []string{"33.33", "33.34", "33.33"},
		},
		{
			// Weights 0.5 and 0.25 are 50 and 25 in hundredths: 1.00 x 50/75
			// = 66.67 cents -> 66 r50, 33 r25: the cent goes to the first.
			name:    "weights with decimals and a zero",
			amount:  "1.00",
			weights: []string{"0.5", "0.25", "0"},
			keys:    []string{"X", "Y", "Z"},
			want:    []string{"0.67", "0.33", "0.00"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Share(decimal.MustParse(tt.amount), decs(t, tt.weights...), tt.keys)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if got[i].String() != tt.want[i] {
					t.Errorf("share %d = %s, want %s", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestShareErrors(t *testing.T) {
	tests := []struct {
		amount  string
		weights []string
		want    string
	}{
		{"10", []string{"0", "0"}, "the weights add up to 0"},
		{"10", []string{"1", "-1"}, "K1 has a weight below 0: -1"},
		{"10.001", []string{"1"}, "the pool 10.001 is not a sum to the cent"},
	}
	for _, tt := range tests {
		keys := []string{"K0", "K1"}
		_, err := Share(decimal.MustParse(tt.amount), decs(t, tt.weights...), keys[:len(tt.weights)])
		if err == nil || err.Error() != tt.want {
			t.Errorf("Share(%s, %v) = %v, want %q", tt.amount, tt.weights, err, tt.want)
		}
	}
}

// TestShareAddsUp checks over many generated pools that the shares add up
// to the pool exactly, each is within a cent above its exact share
// rounded down, and the cents go to the largest remainders.
func TestShareAddsUp(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	for n := 0; n < 5000; n++ {
		people := 1 + rng.Intn(60)
		amount := decimal.MustNew(rng.Int63n(10_000_000_000), 2) // up to 100,000,000.00
		ws := make([]decimal.Decimal, people)
		keys := make([]string, people)
		for i := range ws {
			ws[i] = decimal.MustNew(rng.Int63n(1_000_000), rng.Intn(4))
			if rng.Intn(10) == 0 {
				ws[i] = ws[(i+1)%people] // ties
			}
			keys[i] = fmt.Sprintf("P%03d", rng.Intn(1000))
		}
		ws[0], _ = ws[0].Add(decimal.One) // not all zero
		shares, err := Share(amount, ws, keys)
		if err != nil {
			t.Fatalf("case %d: %v", n, err)
		}
		sum := decimal.Zero
		var total decimal.Decimal
		for _, w := range ws {
			total, _ = total.Add(w)
		}
		for i, s := range shares {
			sum, _ = sum.Add(s)
			// floor(amount x w / total) <= s <= that + 0.01, worked in
			// cents with exact integers by Share's own arithmetic would be
			// circular, so check with decimals to 19 digits, allowing for
			// their rounding.
			exact, _ := amount.Mul(ws[i])
			exact, _ = exact.Quo(total)
			lo, _ := exact.Sub(decimal.MustNew(1, 2))
			hi, _ := exact.Add(decimal.MustNew(1, 2))
			if s.Cmp(lo) < 0 || s.Cmp(hi) > 0 || s.Sign() < 0 {
				t.Fatalf("case %d: share %d = %s, exact %s", n, i, s, exact)
			}
		}
		if sum.Cmp(amount) != 0 {
			t.Fatalf("case %d: shares add up to %s, not %s", n, sum, amount)
		}
	}
}
