package rules

import (
	"errors"
	"strings"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// ErrNotNumber is returned by [ParseNumber] for text that is not a number.
var ErrNotNumber = errors.New("not a number")

// ParseNumber reads a number as people write one, in a rule file or a
// cell: "35", "0.75", "75%" (0.75 exactly), "1,234.50" (commas only
// between groups of three digits), "-3", "1.5E-3", and the full-width
// forms a Chinese input method types ("７５％").
func ParseNumber(s string) (decimal.Decimal, error) {
	if plain(s) {
		// What nearly every cell holds. The steps below would leave it
		// as it is and hand it to decimal.Parse; going there at once
		// spares a copy of the text per cell.
		d, err := decimal.Parse(s)
		if err != nil {
			return decimal.Decimal{}, ErrNotNumber
		}
		return d, nil
	}
	s = strings.TrimSpace(width.Fold.String(s))
	pct := strings.HasSuffix(s, "%")
	if pct {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	if strings.Contains(s, ",") {
		s = stripThousands(s)
	}
	if s == "" {
		return decimal.Decimal{}, ErrNotNumber
	}
	d, err := parseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, ErrNotNumber
	}
	if pct {
		if d, err = d.Quo(decimal.Hundred); err != nil {
			return decimal.Decimal{}, ErrNotNumber
		}
	}
	return d, nil
}

// plain reports whether s holds only ASCII digits, dots and minus signs.
func plain(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// stripThousands removes thousands separators, accepting only well-placed
// ones ("1,234.5" but not "1,23" or "12,,3"); it returns "" otherwise.
func stripThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	sign := ""
	if intPart != "" && (intPart[0] == '-' || intPart[0] == '+') {
		sign, intPart = intPart[:1], intPart[1:]
	}
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return ""
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return ""
		}
	}
	out := sign + strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out
}

// parseDecimal parses plain and scientific notation.
func parseDecimal(s string) (decimal.Decimal, error) {
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		e, ok := atoi(s[i+1:])
		if !ok {
			return decimal.Decimal{}, ErrNotNumber
		}
		exp = e
	}
	if m, ok := strings.CutPrefix(mant, "+"); ok {
		// decimal.Parse takes a sign of its own: "++0" or "+-5" would
		// pass as numbers.
		if strings.HasPrefix(m, "+") || strings.HasPrefix(m, "-") {
			return decimal.Decimal{}, ErrNotNumber
		}
		mant = m
	}
	d, err := decimal.Parse(mant)
	if err != nil {
		return decimal.Decimal{}, err
	}
	// The exponent is applied in steps of powers of ten that a decimal
	// holds, so that a number past the 19 digits is rounded at its last
	// digit, as a division rounds, and not lost to a power that rounds
	// to 0 ("1.5e-20").
	for exp != 0 {
		k := min(max(exp, -18), 18)
		p, err := decimal.Ten.PowInt(abs(k))
		if err != nil {
			return decimal.Decimal{}, err
		}
		if k < 0 {
			d, err = d.Quo(p)
		} else {
			d, err = d.Mul(p)
		}
		if err != nil {
			return decimal.Decimal{}, err
		}
		exp -= k
	}
	return d, nil
}

// atoi reads a short exponent such as "-3" or "+05".
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
