package rules

import (
	"fmt"
	"strings"

	"github.com/govalues/decimal"
)

// The history functions look back over earlier periods, as the scored
// results of those periods recorded them (see [Set.HistoryNames]):
//
//	consecutive(cond)    periods in a row, ending with this one, in which cond held
//	count_last(cond, n)  of the last n periods, this one included, those in which cond held
//	sum_last(x, n)       x added up over the last n periods, this one included
//	count_year(cond)     count_last over this period and the earlier ones of its year
//	sum_year(x)          likewise, a sum
//	count_quarter(cond)  over this period and the earlier ones of its quarter
//	sum_quarter(x)       likewise, a sum
var historyFuncs = map[string]struct {
	arity int
	cond  bool // the first argument is a condition; else a number
}{
	"consecutive":   {1, true},
	"count_last":    {2, true},
	"sum_last":      {2, false},
	"count_year":    {1, true},
	"sum_year":      {1, false},
	"count_quarter": {1, true},
	"sum_quarter":   {1, false},
}

// IsHistory reports whether the function named f looks back over
// earlier periods.
func IsHistory(f string) bool {
	_, ok := historyFuncs[f]
	return ok
}

func init() {
	for name, h := range historyFuncs {
		Functions[name] = h.arity
	}
}

// historyCall checks a call of a history function whose arguments'
// types are given.
func (c *checker) historyCall(e *Call, types []typ) {
	h := historyFuncs[e.Func]
	want := tyNumber
	if h.cond {
		want = tyBool
	}
	c.operand(e.Args[0], types[0], want, e.Func)
	walk(e.Args[0], func(x Expr) {
		// Earlier results record figures, not the dates they came from;
		// a figure worked out from dates (司龄月数) can be looked back on.
		if r, ok := x.(*Ref); ok && r.Field == "" && c.isDate(r.Name) {
			c.errs.add(r.Pos, "%s cannot look back on %s, a date: look back on a figure worked out from it, such as a metric months_between(...)", e.Func, r.Name)
		}
		if inner, ok := x.(*Call); ok && IsHistory(inner.Func) {
			c.errs.add(inner.Pos, "%s inside %s: a history function looks back over what earlier periods recorded, which holds no history of its own", inner.Func, e.Func)
		}
	})
	if h.arity == 2 {
		n, ok := e.Args[1].(*Num)
		if !ok || !n.Value.IsInt() || n.Value.Sign() <= 0 || n.Value.Cmp(maxPeriods.Value) > 0 {
			c.errs.add(e.Args[1].Position(), "%s's second argument is how many periods, this one included: a whole number from 1 to %s", e.Func, maxPeriods.Value)
		}
	}
}

// isDate reports whether name is declared as a date: a date column, a
// metric whose value is a date, period_start or period_end.
func (c *checker) isDate(name string) bool {
	d := c.decls[name]
	switch {
	case d == nil:
		return false
	case d.kind == declMetric:
		return c.metricType(d.index) == tyDate
	}
	return d.typ == tyDate
}

// maxPeriods bounds how far back a history function may look: ten years
// of weeks.
var maxPeriods = Number{Value: decimal.MustNew(520, 0)}

// walk calls fn for e and every expression inside it.
func walk(e Expr, fn func(Expr)) {
	fn(e)
	switch e := e.(type) {
	case *Unary:
		walk(e.X, fn)
	case *Binary:
		walk(e.X, fn)
		walk(e.Y, fn)
	case *Call:
		for _, a := range e.Args {
			walk(a, fn)
		}
	}
}

// Formulas lists every formula of the set: the metrics' values and
// points, the total, the grade's figure and vetoes, the flags, the pay
// lines and the ranks.
func (s *Set) Formulas() []*Formula {
	var fs []*Formula
	for _, m := range s.Metrics {
		fs = append(fs, m.Value, m.Points, m.Target)
	}
	fs = append(fs, s.Total.Formula)
	if g := s.Grades; g != nil {
		fs = append(fs, g.Of)
		for _, v := range g.Vetoes {
			fs = append(fs, v.When)
		}
	}
	for _, f := range s.Flags {
		fs = append(fs, f.When)
	}
	for _, p := range s.Pay {
		fs = append(fs, p.Formula)
	}
	for _, r := range s.Ranks {
		fs = append(fs, r.Of)
	}
	for _, p := range s.Pools {
		fs = append(fs, p.Weight)
	}
	if d := s.Distribution; d != nil {
		fs = append(fs, d.By)
	}
	for _, t := range s.Tiers {
		fs = append(fs, t.Of)
	}
	out := fs[:0]
	for _, f := range fs {
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// HistoryCalls lists the calls of history functions in the set's
// formulas, in the order of the file.
func (s *Set) HistoryCalls() []*Call {
	var calls []*Call
	for _, f := range s.Formulas() {
		walk(f.Expr, func(x Expr) {
			if c, ok := x.(*Call); ok && IsHistory(c.Func) {
				calls = append(calls, c)
			}
		})
	}
	return calls
}

// NeedsHistory reports whether the rules look back over earlier periods.
func (s *Set) NeedsHistory() bool { return len(s.HistoryCalls()) > 0 }

// HistoryNames lists what the history functions read from each earlier
// period's results, each once, in the order of the file (params are the
// current rules' own, and not read): a column, a
// reported metric's value, a metric's points as "name.points" (or score,
// "name.score"), a section, total, grade, coefficient, a flag, a pay line
// or a rank.
func (s *Set) HistoryNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, c := range s.HistoryCalls() {
		Refs(c.Args[0], func(r *Ref) {
			n := RefName(r)
			if !seen[n] && !s.isParam(r.Name) {
				seen[n] = true
				names = append(names, n)
			}
		})
	}
	return names
}

func (s *Set) isParam(name string) bool {
	for _, p := range s.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// RefName is how a reference is written: "total", "业绩.points".
func RefName(r *Ref) string {
	if r.Field == "" {
		return r.Name
	}
	return r.Name + "." + r.Field
}

// Describe says what a history call counts or adds up, for traces:
// "periods in a row in which total < 35 held".
func (c *Call) Describe() string {
	arg := Source(c.Args[0])
	switch c.Func {
	case "consecutive":
		return fmt.Sprintf("periods in a row in which %s held", arg)
	case "count_last", "sum_last":
		return fmt.Sprintf("%s over the last %s periods", strings.TrimSuffix(c.Func, "_last"), Source(c.Args[1]))
	}
	what, span := c.Func[:strings.IndexByte(c.Func, '_')], c.Func[strings.IndexByte(c.Func, '_')+1:]
	return fmt.Sprintf("%s over this %s so far", what, span)
}

// ReadsPeriod reports whether a formula reads period_start or
// period_end, so that the period scored must be found even when the
// rules do not look back.
func (s *Set) ReadsPeriod() bool {
	for _, f := range s.Formulas() {
		reads := false
		Refs(f.Expr, func(r *Ref) { reads = reads || r.Name == "period_start" || r.Name == "period_end" })
		if reads {
			return true
		}
	}
	return false
}
