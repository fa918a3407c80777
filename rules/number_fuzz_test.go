package rules

import (
	"math/big"
	"strings"
	"testing"

	"golang.org/x/text/width"
)

// FuzzParseNumber checks ParseNumber against a slow exact reading with
// math/big: whatever it accepts is the number the text states, to the last
// digit, or rounded at the 19th digit when it has more; a percentage is
// the number over 100; and the full-width form a Chinese input method
// types reads the same.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"35", "0.75", "75%", "1,234.50", "-3", "1.5E-3", "７５％", " 12 ", "1,23", "9999999999999999999", "0.0000000000000000001", "1e19", "--1", ".5", "5.", "1,234,567.8%", "%", "0.12345678901234567891", "1.5e-20", "1.234567890123456789e-5", "+1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseNumber(s)
		if err != nil {
			return
		}
		want, ok := reference(s)
		if !ok {
			t.Fatalf("ParseNumber(%q) = %s, but the text is not a number", s, d)
		}
		got, ok := new(big.Rat).SetString(d.String())
		if !ok {
			t.Fatalf("ParseNumber(%q) = %s, which big.Rat cannot read", s, d)
		}
		if got.Cmp(want) != 0 {
			// A number of more than the 19 digits a decimal holds is
			// rounded, as a cell's double is: by half a unit of its 19th
			// digit at most, or of the 19th decimal place for a number
			// below 1.
			whole := new(big.Int).Quo(new(big.Int).Abs(want.Num()), want.Denom())
			digits := 0
			if whole.Sign() > 0 {
				digits = len(whole.String())
			}
			unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(19), nil))
			unit.Mul(unit, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)))
			diff := new(big.Rat).Abs(new(big.Rat).Sub(got, want))
			if diff.Cmp(unit.Quo(unit, big.NewRat(2, 1))) > 0 {
				t.Fatalf("ParseNumber(%q) = %s, want %s", s, d, want.FloatString(25))
			}
		}
		wide := width.Widen.String(s)
		if w, err := ParseNumber(wide); err != nil || w.Cmp(d) != 0 {
			t.Fatalf("ParseNumber(%q) = %s, %v; the half-width %q gives %s", wide, w, err, s, d)
		}
	})
}

// reference reads s as ParseNumber documents it, slowly: folded to
// half-width and trimmed, an optional % suffix, commas only between groups
// of three digits of the whole part, then a decimal number that big.Rat
// reads exactly.
func reference(s string) (*big.Rat, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	pct := strings.HasSuffix(s, "%")
	if pct {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if strings.Contains(s, ",") {
		whole, frac, dot := strings.Cut(s, ".")
		groups := strings.Split(strings.TrimLeft(whole, "+-"), ",")
		if len(whole)-len(strings.TrimLeft(whole, "+-")) > 1 || len(groups[0]) == 0 || len(groups[0]) > 3 {
			return nil, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return nil, false
			}
		}
		s = strings.ReplaceAll(whole, ",", "")
		if dot {
			s += "." + frac
		}
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789.-+eE", c) {
			return nil, false
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, false
	}
	if pct {
		r.Quo(r, big.NewRat(100, 1))
	}
	return r, true
}
