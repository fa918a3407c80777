package rules

import (
	"fmt"

	"github.com/govalues/decimal"
)

// divisions reports every division whose divisor can be 0 when the rules
// do not say what should happen then. The engine leaves such a value
// blank, with a note; a rule file should say that this is what it wants
// (if_missing), or show that it cannot happen (a column's min, or an if
// that tests the divisor).
func (c *checker) divisions() {
	s := c.set
	dv := &divider{c: c, busy: map[*Metric]bool{}}
	for _, m := range s.Metrics {
		stated := m.IfMissing != nil || m.IfMissingBlank || s.IfMissing != nil || s.IfMissingBlank
		for _, f := range []*Formula{m.Value, m.Points, m.Target} {
			if f == nil {
				continue
			}
			self := m
			if f == m.Value {
				self = nil
			}
			if dv.known(f, self) {
				dv.walk(f.Expr, divContext{self: self, owner: m, stated: stated})
			}
		}
	}
	others := []*Formula{s.Total.Formula}
	for _, f := range s.Flags {
		others = append(others, f.When)
	}
	for _, p := range s.Pay {
		others = append(others, p.Formula)
	}
	for _, r := range s.Ranks {
		others = append(others, r.Of)
	}
	for _, t := range s.Tiers {
		others = append(others, t.Of)
	}
	for _, f := range others {
		if f != nil && dv.known(f, nil) {
			dv.walk(f.Expr, divContext{})
		}
	}
}

// known reports whether every name in f is known. A formula with an
// unknown name is reported for it, and will change: a warning about it
// would only be noise.
func (dv *divider) known(f *Formula, self *Metric) bool {
	ok := true
	Refs(f.Expr, func(r *Ref) {
		ok = ok && (dv.c.decls[r.Name] != nil || r.Name == "value" && self != nil)
	})
	return ok
}

// divider finds divisions that may divide by zero.
type divider struct {
	c    *checker
	busy map[*Metric]bool // metrics whose range is being worked out
}

// divContext is where a part of a formula sits.
type divContext struct {
	self   *Metric         // the metric whose points formula this is, or nil
	owner  *Metric         // the metric the formula belongs to, or nil
	stated bool            // the rules say what a missing value becomes
	guards map[string]bool // names the conditions of the enclosing ifs test
}

func (dv *divider) walk(e Expr, ctx divContext) {
	switch e := e.(type) {
	case *Unary:
		dv.walk(e.X, ctx)
	case *Binary:
		dv.walk(e.X, ctx)
		dv.walk(e.Y, ctx)
		if e.Op == "/" {
			dv.division(e, ctx)
		}
	case *Call:
		if e.Func != "if" || len(e.Args) != 3 {
			for _, a := range e.Args {
				dv.walk(a, ctx)
			}
			return
		}
		dv.walk(e.Args[0], ctx)
		inner := ctx
		inner.guards = map[string]bool{}
		for n := range ctx.guards {
			inner.guards[n] = true
		}
		Refs(e.Args[0], func(r *Ref) { inner.guards[r.Name] = true })
		dv.walk(e.Args[1], inner)
		dv.walk(e.Args[2], inner)
	}
}

func (dv *divider) division(e *Binary, ctx divContext) {
	if ref, ok := e.Y.(*Ref); ok && ref.Field == "" {
		if d := dv.c.decls[ref.Name]; d != nil && (d.typ == tyText || d.typ == tyBool) {
			return // a type error, reported as such
		}
	}
	r := dv.rangeOf(e.Y, ctx.self)
	if !r.holdsZero() {
		return
	}
	names, guarded := 0, true
	Refs(e.Y, func(ref *Ref) {
		names++
		guarded = guarded && ctx.guards[ref.Name]
	})
	if names > 0 && guarded {
		return
	}
	if r.alwaysZero() {
		if _, ok := e.Y.(*Num); ok {
			dv.c.errs.add(e.Pos, "%s divides by zero", Source(e))
		} else {
			dv.c.errs.add(e.Pos, "%s divides by zero: %s is always 0", Source(e), Source(e.Y))
		}
		return
	}
	if ctx.stated {
		return
	}
	w := dv.c.errs.warn(e.Pos, "%s has no value when %s is 0, and the rules do not say what then", Source(e), Source(e.Y))
	switch {
	case ctx.owner != nil && ctx.owner.Scored():
		w.Hint = fmt.Sprintf(`add "if_missing: 0" or "if_missing: blank" to %s`, ctx.owner.Name)
	case ctx.owner != nil:
		w.Hint = fmt.Sprintf(`add "if_missing: blank" to %s`, ctx.owner.Name)
	default:
		w.Hint = fmt.Sprintf("guard it, e.g. if(%s <> 0, %s, 0)", Source(e.Y), Source(e))
	}
	if col := dv.column(e.Y); col != nil && (col.Blank == nil || !col.Blank.Value.IsZero()) {
		w.Hint += fmt.Sprintf(`, or give %s "min: 1"`, col.Name)
	}
}

// column returns the number column e names, or nil.
func (dv *divider) column(e Expr) *Column {
	r, ok := e.(*Ref)
	if !ok || r.Field != "" {
		return nil
	}
	d := dv.c.decls[r.Name]
	if d == nil || d.kind != declColumn || dv.c.set.Columns[d.index].Text {
		return nil
	}
	return dv.c.set.Columns[d.index]
}

// rangeOf works out the values e may take, as far as the rules tell: a
// column's min and max, a param's value, the arithmetic around them.
// Anything else may be any number.
func (dv *divider) rangeOf(e Expr, self *Metric) interval {
	switch e := e.(type) {
	case *Num:
		return exactly(e.Value)
	case *Ref:
		return dv.refRange(e, self)
	case *Unary:
		if e.Op == "-" {
			return dv.rangeOf(e.X, self).neg()
		}
	case *Binary:
		x, y := dv.rangeOf(e.X, self), dv.rangeOf(e.Y, self)
		switch e.Op {
		case "+":
			return interval{addB(x.lo, y.lo, -1), addB(x.hi, y.hi, 1)}
		case "-":
			return interval{addB(x.lo, y.hi.neg(), -1), addB(x.hi, y.lo.neg(), 1)}
		case "*":
			return x.mul(y)
		}
	case *Call:
		return dv.callRange(e, self)
	}
	return anyValue
}

func (dv *divider) refRange(r *Ref, self *Metric) interval {
	if r.Field != "" {
		return anyValue
	}
	if r.Name == "value" && self != nil {
		if self.Value == nil {
			return anyValue
		}
		return dv.rangeOf(self.Value.Expr, nil)
	}
	d := dv.c.decls[r.Name]
	if d == nil {
		return anyValue
	}
	s := dv.c.set
	switch d.kind {
	case declParam:
		return exactly(s.Params[d.index].Value)
	case declColumn:
		col := s.Columns[d.index]
		if col.Text {
			return anyValue
		}
		out := anyValue
		if col.Min != nil {
			out.lo = bound{v: col.Min.Value}
		}
		if col.Max != nil {
			out.hi = bound{v: col.Max.Value}
		}
		if col.Blank != nil {
			out = out.union(exactly(col.Blank.Value))
		}
		return out
	case declMetric:
		return dv.metricRange(s.Metrics[d.index])
	}
	return anyValue
}

// metricRange is the range of a metric's value, which for a metric with
// points alone is its points after floor and cap.
func (dv *divider) metricRange(m *Metric) interval {
	if dv.busy[m] {
		return anyValue // a circular reference, reported elsewhere
	}
	dv.busy[m] = true
	defer delete(dv.busy, m)
	if m.Value != nil {
		return dv.rangeOf(m.Value.Expr, nil)
	}
	if m.Points == nil {
		return anyValue
	}
	out := dv.rangeOf(m.Points.Expr, m)
	if m.Floor != nil {
		f := bound{v: m.Floor.Value}
		out = interval{maxB(out.lo, f), maxB(out.hi, f)}
	}
	if m.Cap != nil {
		c := bound{v: m.Cap.Value}
		out = interval{minB(out.lo, c), minB(out.hi, c)}
	}
	if m.IfMissing != nil {
		out = out.union(exactly(m.IfMissing.Value))
	}
	return out
}

func (dv *divider) callRange(e *Call, self *Metric) interval {
	args := make([]interval, len(e.Args))
	for i, a := range e.Args {
		args[i] = dv.rangeOf(a, self)
	}
	switch {
	case (e.Func == "min" || e.Func == "max") && len(args) > 0:
		out := args[0]
		for _, a := range args[1:] {
			if e.Func == "min" {
				out = interval{minB(out.lo, a.lo), minB(out.hi, a.hi)}
			} else {
				out = interval{maxB(out.lo, a.lo), maxB(out.hi, a.hi)}
			}
		}
		return out
	case e.Func == "abs" && len(args) == 1:
		a := args[0]
		switch {
		case a.lo.inf == 0 && a.lo.v.Sign() >= 0:
			return a
		case a.hi.inf == 0 && a.hi.v.Sign() <= 0:
			return a.neg()
		}
		return interval{bound{}, maxB(a.lo.neg(), a.hi)}
	case (e.Func == "floor" || e.Func == "ceil") && len(args) == 1:
		return args[0].rounded(0)
	case e.Func == "round" && len(args) == 2:
		if n, ok := e.Args[1].(*Num); ok && n.Value.IsInt() && n.Value.Sign() >= 0 && n.Value.Cmp(decimal.MustNew(18, 0)) <= 0 {
			places, _, _ := n.Value.Int64(0)
			return args[0].rounded(int(places))
		}
	case e.Func == "if" && len(args) == 3:
		return args[1].union(args[2])
	case e.Func == "mean" && len(args) > 0:
		// An average lies between the least and the greatest value.
		out := args[0]
		for _, a := range args[1:] {
			out = out.union(a)
		}
		return out
	}
	return anyValue
}

// bound is one end of an interval; inf is -1 or 1 when there is no end
// on that side, and then v is unused.
type bound struct {
	v   decimal.Decimal
	inf int
}

func (b bound) neg() bound { return bound{v: b.v.Neg(), inf: -b.inf} }

// cmpB orders bounds, -inf first.
func cmpB(a, b bound) int {
	if a.inf != 0 || b.inf != 0 {
		return a.inf - b.inf
	}
	return a.v.Cmp(b.v)
}

func minB(a, b bound) bound {
	if cmpB(a, b) <= 0 {
		return a
	}
	return b
}

func maxB(a, b bound) bound {
	if cmpB(a, b) >= 0 {
		return a
	}
	return b
}

// addB adds two bounds; dir is where the sum goes when it has no end:
// -1 for a lower bound, 1 for an upper one.
func addB(a, b bound, dir int) bound {
	if a.inf != 0 || b.inf != 0 {
		return bound{inf: dir}
	}
	v, err := a.v.Add(b.v)
	if err != nil {
		return bound{inf: dir}
	}
	return bound{v: v}
}

// mulB multiplies two bounds of which at least one is finite or both
// infinite; 0 times no end is 0, since an interval never reaches its
// missing end.
func mulB(a, b bound) bound {
	sign := func(x bound) int {
		if x.inf != 0 {
			return x.inf
		}
		return x.v.Sign()
	}
	sa, sb := sign(a), sign(b)
	if sa == 0 || sb == 0 {
		return bound{}
	}
	if a.inf != 0 || b.inf != 0 {
		return bound{inf: sa * sb}
	}
	v, err := a.v.Mul(b.v)
	if err != nil {
		return bound{inf: sa * sb}
	}
	return bound{v: v}
}

// interval is the closed range of values an expression may take.
type interval struct{ lo, hi bound }

var anyValue = interval{bound{inf: -1}, bound{inf: 1}}

func exactly(v decimal.Decimal) interval { return interval{bound{v: v}, bound{v: v}} }

func (r interval) neg() interval { return interval{r.hi.neg(), r.lo.neg()} }

func (r interval) union(s interval) interval {
	return interval{minB(r.lo, s.lo), maxB(r.hi, s.hi)}
}

func (r interval) mul(s interval) interval {
	ps := []bound{mulB(r.lo, s.lo), mulB(r.lo, s.hi), mulB(r.hi, s.lo), mulB(r.hi, s.hi)}
	out := interval{ps[0], ps[0]}
	for _, p := range ps[1:] {
		out.lo, out.hi = minB(out.lo, p), maxB(out.hi, p)
	}
	return out
}

// rounded is the range of the values of r rounded to places decimals,
// whichever way: rounding never moves a value past the next step.
func (r interval) rounded(places int) interval {
	out := r
	if out.lo.inf == 0 {
		out.lo.v = out.lo.v.Floor(places)
	}
	if out.hi.inf == 0 {
		out.hi.v = out.hi.v.Ceil(places)
	}
	return out
}

func (r interval) holdsZero() bool {
	return (r.lo.inf < 0 || r.lo.inf == 0 && r.lo.v.Sign() <= 0) &&
		(r.hi.inf > 0 || r.hi.inf == 0 && r.hi.v.Sign() >= 0)
}

func (r interval) alwaysZero() bool {
	return r.lo.inf == 0 && r.hi.inf == 0 && r.lo.v.IsZero() && r.hi.v.IsZero()
}
