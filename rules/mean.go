package rules

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// blankNumber reads the blank: of a number column: the number a blank
// cell stands for, or the word none, for a cell whose blank means no
// value (a rater who gave no score).
func (d *decoder) blankNumber(n *yaml.Node) (*Number, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		if strings.EqualFold(strings.TrimSpace(n.Value), "none") {
			return nil, true
		}
		if v, err := ParseNumber(n.Value); err == nil {
			return &Number{Pos: d.pos(n), Value: v}, false
		}
	}
	e := d.errorf(n, "blank must be a number or none, not %s", describe(n))
	e.Hint = "blank: 0 reads a blank cell as 0; blank: none reads it as no value, which mean() leaves out"
	return nil, false
}

// wmeanArgs checks that wmean's arguments come in pairs of a value and
// its weight, and that no weight written as a number is negative.
func (c *checker) wmeanArgs(e *Call) bool {
	if len(e.Args)%2 != 0 {
		er := c.errs.add(e.Pos, "wmean takes values and their weights in pairs, not %d arguments", len(e.Args))
		er.Hint = "write each value followed by its weight: wmean(上级评分, 60%, 小组评分, 30%, 自我评分, 10%)"
		return false
	}
	for i := 1; i < len(e.Args); i += 2 {
		w := e.Args[i]
		if u, ok := w.(*Unary); ok && u.Op == "-" {
			if _, ok := u.X.(*Num); ok {
				c.errs.add(w.Position(), "the weight of %s in wmean is negative: %s", Source(e.Args[i-1]), Source(w))
			}
		}
		if n, ok := w.(*Num); ok && n.Value.IsNeg() {
			c.errs.add(w.Position(), "the weight of %s in wmean is negative: %s", Source(e.Args[i-1]), Source(w))
		}
	}
	return true
}

// blankNone warns of a column whose blank means no value ("blank: none")
// read outside mean() or wmean(): a blank cell leaves that formula, and
// what depends on it, without a value, and the rules do not say what
// then.
func (c *checker) blankNone() {
	s := c.set
	none := map[string]bool{}
	for _, col := range s.Columns {
		if col.BlankNone {
			none[col.Name] = true
		}
	}
	if len(none) == 0 {
		return
	}
	check := func(f *Formula, m *Metric) {
		if f == nil {
			return
		}
		warned := map[string]bool{} // once a column in a formula
		outsideMean(f.Expr, func(r *Ref) {
			if !none[r.Name] || r.Field != "" || c.decls[r.Name] == nil || c.decls[r.Name].kind != declColumn || warned[r.Name] {
				return
			}
			warned[r.Name] = true
			if m != nil {
				e := c.errs.warn(r.Pos, "%s may be blank, and then %s has no value", r.Name, m.Name)
				e.Hint = "read it inside mean() or wmean(), which leave out a blank, or add if_missing to " + m.Name
				return
			}
			e := c.errs.warn(r.Pos, "%s may be blank, and then %s has no value", r.Name, Source(f.Expr))
			e.Hint = "read it inside mean() or wmean(), which leave out a blank"
		})
	}
	for _, m := range s.Metrics {
		// What is stated for a value that cannot be computed, as for a
		// division that can hit zero.
		if m.IfMissing != nil || m.IfMissingBlank || s.IfMissing != nil || s.IfMissingBlank {
			continue
		}
		check(m.Value, m)
		check(m.Points, m)
	}
	check(s.Total.Formula, nil)
	for _, f := range s.Flags {
		check(f.When, nil)
	}
	for _, p := range s.Pay {
		check(p.Formula, nil)
	}
	for _, r := range s.Ranks {
		check(r.Of, nil)
	}
	for _, t := range s.Tiers {
		check(t.Of, nil)
	}
}

// outsideMean calls fn for every name in e that is not in a value averaged
// by mean() or wmean(). The weights of wmean count: a weight without a
// value leaves the mean without one.
func outsideMean(e Expr, fn func(*Ref)) {
	switch e := e.(type) {
	case *Ref:
		fn(e)
	case *Unary:
		outsideMean(e.X, fn)
	case *Binary:
		outsideMean(e.X, fn)
		outsideMean(e.Y, fn)
	case *Call:
		for i, a := range e.Args {
			// A value of a mean that has none is left out, whatever
			// made it so.
			if e.Func == "mean" || e.Func == "wmean" && i%2 == 0 {
				continue
			}
			outsideMean(a, fn)
		}
	}
}
