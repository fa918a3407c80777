package scoring

import (
	"appraise/rules"

	"github.com/govalues/decimal"
)

// Kind is what a [Value] holds.
type Kind uint8

// The kinds of value. The zero Value is missing.
const (
	Missing Kind = iota
	Number
	Text
	Bool
	Date // a day, in Num as days from 1970-01-01
)

// Value is a number, a text, a condition, or a missing value with the
// reason it is missing.
type Value struct {
	Kind Kind
	Num  decimal.Decimal
	Str  string // the text, or why the value is missing
	Bool bool
	// Over is set on a value missing because a number went past the 19
	// digits a decimal holds: the input is wrong, and the run refuses
	// it rather than leaving the figure blank.
	Over *Overflow
}

// Overflow is where a computation went past the 19 digits of a number.
type Overflow struct {
	Pos     rules.Pos // the formula, or the metric, section or total
	Source  string    // the formula, or the name of what overflowed
	Columns []int     // the columns the formula reads, by index
	// Lookup, when not "", says that the value is missing because a
	// lookup found no row, which is an error of the input as an overflow
	// is: "march.xlsx: 目标 has no row for 部门 财务部, KPI 预算达到率".
	Lookup string
	reason string
}

// absent is the missing value an overflow gives.
func (o *Overflow) absent() Value { return Value{Str: o.reason, Over: o} }

func overflowIn(pos rules.Pos, source string, cols []int) *Overflow {
	return &Overflow{Pos: pos, Source: source, Columns: cols, reason: "overflow in " + source}
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
	case Date:
		return showDate(v)
	case Bool:
		if v.Bool {
			return "yes"
		}
		return "no"
	}
	return ""
}

// ErrNotNumber is returned by [ParseNumber] for text that is not a number.
var ErrNotNumber = rules.ErrNotNumber

// excelDigits is how many significant digits Excel keeps: a stored
// 0.30000000000000004 is the 0.3 the user sees.
const excelDigits = 15

// ParseNumber reads a number as a workbook cell may hold it: "0.75",
// "75%", "1,234.50", "-3", "1.5E-3", " ７５％ " (full-width); the grammar
// is [rules.ParseNumber]'s. Numbers stored in binary floating point come
// back with up to 17 significant digits; they are rounded to Excel's 15,
// so the value is the one shown.
func ParseNumber(s string) (decimal.Decimal, error) {
	d, err := rules.ParseNumber(s)
	if err != nil {
		return d, err
	}
	return roundSignificant(d, excelDigits), nil
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
// A pay line that cannot be rounded is refused when it is scored.
func RoundMoney(d decimal.Decimal) decimal.Decimal {
	r, _ := roundHalfUp(d, 2)
	return r.Pad(2)
}
