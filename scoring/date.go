package scoring

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// A date is a [Value] of kind [Date] whose Num holds the day as a count
// of days from 1970-01-01, so that dates compare as numbers do.

// ErrNotDate is returned by [ParseDate] for text that is not a date.
var ErrNotDate = errors.New("not a date")

// DateOf returns the date value of t's day.
func DateOf(t time.Time) Value {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return Value{Kind: Date, Num: decimal.MustNew(d.Unix()/86400, 0)}
}

// Time returns the day of a date value, at UTC midnight.
func (v Value) Time() time.Time {
	n, _, _ := v.Num.Int64(0)
	return time.Unix(n*86400, 0).UTC()
}

// ParseDate reads a date as Chinese workbooks write it: 2025-03-01,
// 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301, with full-width digits
// and spaces around it allowed. The day must exist: 2025-02-29 is not a
// date. A time after the date, as a date cell shows one
// ("2025-03-01 09:30"), is not allowed here; see [Scorer.BindCell].
func ParseDate(s string) (Value, error) {
	t := strings.TrimSpace(width.Fold.String(s))
	var y, m, d string
	switch {
	case len(t) == 8 && digits(t):
		y, m, d = t[:4], t[4:6], t[6:]
	case strings.HasSuffix(t, "日") && strings.Contains(t, "年") && strings.Contains(t, "月"):
		var rest string
		y, rest, _ = strings.Cut(strings.TrimSuffix(t, "日"), "年")
		m, d, _ = strings.Cut(rest, "月")
		y, m, d = strings.TrimSpace(y), strings.TrimSpace(m), strings.TrimSpace(d)
	default:
		sep := strings.IndexAny(t, "-/.")
		if sep < 0 {
			return Value{}, ErrNotDate
		}
		parts := strings.Split(t, t[sep:sep+1])
		if len(parts) != 3 {
			return Value{}, ErrNotDate
		}
		y, m, d = parts[0], parts[1], parts[2]
	}
	if len(y) != 4 || !digits(y) || len(m) < 1 || len(m) > 2 || !digits(m) || len(d) < 1 || len(d) > 2 || !digits(d) {
		return Value{}, ErrNotDate
	}
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy < 1900 || mm < 1 || mm > 12 || dd < 1 {
		return Value{}, ErrNotDate
	}
	day := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if day.Day() != dd {
		return Value{}, ErrNotDate
	}
	return DateOf(day), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MonthsBetween counts the whole calendar months from a to b: a month is
// whole when b's day of the month reaches a's, so 2025-01-31 to
// 2025-02-28 is 0 months and to 2025-03-01 is 1. From a later date to an
// earlier one the count is negative, as far as it is the other way.
func MonthsBetween(a, b time.Time) int {
	if b.Before(a) {
		return -MonthsBetween(b, a)
	}
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return n
}

// dateFunc compiles months_between, years_between and days_between.
func (c *compiler) dateFunc(name string, a, b evalFn) evalFn {
	return func(env []Value) Value {
		x, y := a(env), b(env)
		if x.Kind != Date {
			return x
		}
		if y.Kind != Date {
			return y
		}
		var n int64
		switch name {
		case "days_between":
			xn, _, _ := x.Num.Int64(0)
			yn, _, _ := y.Num.Int64(0)
			n = yn - xn
		case "months_between":
			n = int64(MonthsBetween(x.Time(), y.Time()))
		default:
			n = int64(MonthsBetween(x.Time(), y.Time()) / 12)
		}
		return Num(decimal.MustNew(n, 0))
	}
}

// UsePeriod gives the period_start and period_end of the formulas: the
// first and last day of p, or today's date for both when p is no period.
func (r *Result) UsePeriod(p Period, today time.Time) {
	if p.IsZero() {
		r.periodStart, r.periodEnd = DateOf(today), DateOf(today)
		return
	}
	r.periodStart, r.periodEnd = DateOf(p.Start()), DateOf(p.End())
}

// isPeriod reports whether slot holds period_start or period_end, which
// are inputs of the run rather than figures of the row.
func (s *Scorer) isPeriod(slot int) bool { return slot == s.periodStart || slot == s.periodEnd }

// noPeriod is what period_start and period_end are until a run gives
// the period.
var noPeriod = Absent("the period is not known")

func showDate(v Value) string { return v.Time().Format("2006-01-02") }
