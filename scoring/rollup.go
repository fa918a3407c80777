package scoring

import (
	"fmt"
	"strings"

	"github.com/govalues/decimal"
)

// Part is one shorter period's cell of a column, for [Combine]: a month's
// value when a quarter is built from its months. A missing Value is a
// period in which the person has no value: absent from its workbook, or
// with the cell blank.
type Part struct {
	Period Period
	Value  Value
}

// Combine combines one column's cells over the periods that make up a
// longer one, given in the periods' order, the way a rule file's rollup
// names ([rules.RollupWays]): "sum", "mean", "last", "first", "max" or
// "min". Periods with no value are left out, and a mean is over the
// periods that have one. It returns the value and how it was made, for
// the detail: "40 + 38 + 37 (2026-01, 2026-02, 2026-03)". With no value
// in any period, the value is missing.
func Combine(way string, parts []Part) (Value, string) {
	var have []Part
	var none, periods []Period
	for _, p := range parts {
		if p.Value.Kind == Missing {
			none = append(none, p.Period)
			continue
		}
		have = append(have, p)
		periods = append(periods, p.Period)
	}
	if len(have) == 0 {
		return Absent("no value in " + Spans(none)), ""
	}
	terms := make([]string, len(have))
	for i, p := range have {
		terms[i] = p.Value.String()
	}
	of := " (" + Spans(periods)
	if len(none) > 0 {
		of += "; none in " + Spans(none)
	}
	of += ")"
	switch way {
	case "last", "first":
		p := have[len(have)-1]
		if way == "first" {
			p = have[0]
		}
		how := p.Value.String() + ", of " + p.Period.String()
		if len(none) > 0 {
			how += " (none in " + Spans(none) + ")"
		}
		return p.Value, how
	}
	for _, p := range have {
		if p.Value.Kind != Number {
			return Absent(fmt.Sprintf("%s of %s is %q, not a number", way, p.Period, p.Value.String())), ""
		}
	}
	overflow := &Overflow{Source: "the " + way, reason: "the " + way + " is too large"}
	switch way {
	case "max", "min":
		best := have[0].Value
		for _, p := range have[1:] {
			if c := p.Value.Num.Cmp(best.Num); way == "max" && c > 0 || way == "min" && c < 0 {
				best = p.Value
			}
		}
		word := map[string]string{"max": "the largest of ", "min": "the smallest of "}[way]
		return best, word + strings.Join(terms, ", ") + of
	}
	sum := Num(decimal.Zero)
	for _, p := range have {
		sum = add(sum, p.Value, overflow)
	}
	if sum.Kind != Number {
		return sum, ""
	}
	if way == "sum" {
		return sum, strings.Join(terms, " + ") + of
	}
	n := decimal.MustNew(int64(len(have)), 0)
	mean, err := sum.Num.Quo(n)
	if err != nil {
		return overflow.absent(), ""
	}
	// Kept, as a cell keeps it, to 15 significant digits.
	mean = roundSignificant(mean, excelDigits)
	how := strings.Join(terms, " + ")
	if len(have) > 1 {
		how = "(" + how + ")"
	}
	return Num(mean), fmt.Sprintf("%s / %d%s", how, len(have), of)
}

// Spans writes periods, given in order, for a trace: each run of three
// or more that follow one another as its first and last, "2026-01 to
// 2026-12", and the others one by one: "2026-01, 2026-02, 2026-05".
func Spans(periods []Period) string {
	var out []string
	for i := 0; i < len(periods); {
		j := i
		for j+1 < len(periods) && periods[j].Next() == periods[j+1] {
			j++
		}
		if j-i >= 2 {
			out = append(out, periods[i].String()+" to "+periods[j].String())
		} else {
			for k := i; k <= j; k++ {
				out = append(out, periods[k].String())
			}
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}
