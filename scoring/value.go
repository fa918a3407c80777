package scoring

import (
	"errors"
	"strings"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// Kind is what a [Value] holds.
type Kind uint8

// The kinds of value. The zero Value is missing.
const (
	Missing Kind = iota
	Number
	Text
	Bool
)

// Value is a number, a text, a condition, or a missing value with the
// reason it is missing.
type Value struct {
	Kind Kind
	Num  decimal.Decimal
	Str  string // the text, or why the value is missing
	Bool bool
}

// Num returns a number value.
func Num(d decimal.Decimal) Value { return Value{Kind: Number, Num: d} }

// Str returns a text value.
func Str(s string) Value { return Value{Kind: Text, Str: s} }

// Absent returns a missing value with its reason.
func Absent(reason string) Value { return Value{Str: reason} }

func boolean(b bool) Value { return Value{Kind: Bool, Bool: b} }

// String renders v for traces and messages: a number exactly, with
// trailing zeros dropped.
func (v Value) String() string {
	switch v.Kind {
	case Number:
		return v.Num.Trim(0).String()
	case Text:
		return v.Str
	case Bool:
		if v.Bool {
			return "yes"
		}
		return "no"
	}
	return ""
}

// ErrNotNumber is returned by [ParseNumber] for text that is not a number.
var ErrNotNumber = errors.New("not a number")

// excelDigits is how many significant digits Excel keeps: a stored
// 0.30000000000000004 is the 0.3 the user sees.
const excelDigits = 15

// ParseNumber reads a number as a workbook cell may hold it: "0.75",
// "75%", "1,234.50", "-3", "1.5E-3", " ７５％ " (full-width). Numbers
// stored in binary floating point come back with up to 17 significant
// digits; they are rounded to Excel's 15, so the value is the one shown.
func ParseNumber(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" {
		return decimal.Decimal{}, ErrNotNumber
	}
	pct := strings.HasSuffix(s, "%")
	if pct {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	if strings.Contains(s, ",") {
		s = stripThousands(s)
		if s == "" {
			return decimal.Decimal{}, ErrNotNumber
		}
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

// parseDecimal parses plain and scientific notation, rounding to Excel's
// precision.
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
	if strings.HasPrefix(mant, "+") {
		mant = mant[1:]
	}
	d, err := decimal.Parse(mant)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if exp != 0 {
		p, err := decimal.Ten.PowInt(exp)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if d, err = d.Mul(p); err != nil {
			return decimal.Decimal{}, err
		}
	}
	return roundSignificant(d, excelDigits), nil
}

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

// roundSignificant rounds d half-even to n significant digits, as Excel
// does when it shows a stored double.
func roundSignificant(d decimal.Decimal, n int) decimal.Decimal {
	if d.Prec() <= n {
		return d
	}
	intDigits := d.Prec() - d.Scale()
	return d.Round(n - intDigits).Trim(0)
}

// RoundMoney rounds half-up (四舍五入) to 0.01: 0.125 becomes 0.13 and
// -0.125 becomes -0.13.
func RoundMoney(d decimal.Decimal) decimal.Decimal { return roundHalfUp(d, 2).Pad(2) }
