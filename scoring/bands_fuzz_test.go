package scoring_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/govalues/decimal"
)

// FuzzBandEdges checks band lookup at and around its edges against a slow
// exact reference in math/big: the bands ">= hi", "[lo, hi)" and "< lo"
// give the band the value falls in, whether the cell holds the number, the
// number as a percentage, or a ratio of two cells that is the number.
// Edges have at most 6 decimals and ratios a denominator of at most 10^6,
// so a ratio that does not end is never within a 19-digit rounding of an
// edge: the band is exact.
func FuzzBandEdges(f *testing.F) {
	f.Add(int64(65), int64(75), uint8(2), true, int64(3), int64(4))        // 3/4 on the edge 75%
	f.Add(int64(65), int64(75), uint8(2), false, int64(13), int64(20))     // 13/20 on the edge 0.65
	f.Add(int64(65), int64(75), uint8(2), false, int64(2), int64(3))       // 2/3 between
	f.Add(int64(-5), int64(0), uint8(0), false, int64(-1), int64(1000000)) // just below 0
	f.Fuzz(func(t *testing.T, lo, hi int64, scale uint8, pct bool, a, b int64) {
		scale %= 7
		if lo >= hi || lo < -1e12 || hi > 1e12 || b <= 0 || b > 1e6 || a < -1e12 || a > 1e12 {
			return
		}
		edge := func(n int64) string {
			d, err := decimal.New(n, int(scale))
			if err != nil {
				t.Skip()
			}
			if pct {
				return d.String() + "%"
			}
			return d.String()
		}
		src := fmt.Sprintf(`
columns:
  x: {}
  a: {}
  b: {}
metrics:
  直接:
    value: x
    bands:
      - {when: ">= %[1]s", points: 3}
      - {when: "[%[2]s, %[1]s)", points: 2}
      - {when: "< %[2]s", points: 1}
  相除:
    value: a / b
    bands:
      - {when: ">= %[1]s", points: 3}
      - {when: "[%[2]s, %[1]s)", points: 2}
      - {when: "< %[2]s", points: 1}
`, edge(hi), edge(lo))
		s := compile(t, src)

		// The reference: the value a/b and the edges, exactly.
		unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
		if pct {
			unit.Quo(unit, big.NewRat(100, 1))
		}
		loR := new(big.Rat).Mul(big.NewRat(lo, 1), unit)
		hiR := new(big.Rat).Mul(big.NewRat(hi, 1), unit)
		v := big.NewRat(a, b)
		want := "1"
		switch {
		case v.Cmp(hiR) >= 0:
			want = "3"
		case v.Cmp(loR) >= 0:
			want = "2"
		}

		bs := fmt.Sprint(b)
		r := score(t, s, "0", fmt.Sprint(a), bs)
		if got := show(r.Metric(metricIndex(t, s, "相除")).Points); got != want {
			t.Fatalf("%d/%d with edges %s and %s: points %s, want %s", a, b, edge(lo), edge(hi), got, want)
		}
		// The same number typed into the cell, where it ends within the
		// 19 digits a cell's number holds.
		if x, exact := v.FloatPrec(); exact && x <= 12 {
			cell := v.FloatString(x)
			r := score(t, s, cell, "0", "1")
			if got := show(r.Metric(metricIndex(t, s, "直接")).Points); got != want {
				t.Fatalf("cell %s with edges %s and %s: points %s, want %s", cell, edge(lo), edge(hi), got, want)
			}
			p := new(big.Rat).Mul(v, big.NewRat(100, 1))
			px, _ := p.FloatPrec()
			cell = p.FloatString(px) + "%"
			r = score(t, s, cell, "0", "1")
			if got := show(r.Metric(metricIndex(t, s, "直接")).Points); got != want {
				t.Fatalf("cell %s with edges %s and %s: points %s, want %s", cell, edge(lo), edge(hi), got, want)
			}
		}
	})
}
