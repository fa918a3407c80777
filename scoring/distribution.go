package scoring

import (
	"fmt"
	"slices"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// Quotas splits n people among a curve's shares, best grade first: each
// quota is n x share rounded down, and the places left over go one each
// to the largest remainders, a tie to the better grade. The quotas add
// up to n when the shares add up to 1.
func Quotas(n int, shares []decimal.Decimal) []int {
	out := make([]int, len(shares))
	rem := make([]decimal.Decimal, len(shares))
	left := n
	nd := intValue(n)
	for i, s := range shares {
		q, _ := nd.Mul(s)
		f := q.Floor(0)
		rem[i], _ = q.Sub(f)
		v, _, _ := f.Int64(0)
		out[i] = int(v)
		left -= out[i]
	}
	order := make([]int, len(shares))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	for j := 0; j < left && j < len(order); j++ {
		out[order[j]]++
	}
	return out
}

// GroupFit is how one group's grades fit the curve.
type GroupFit struct {
	Group   string // "" for the whole sheet
	People  int    // people with a grade
	Applies bool   // false when the group is smaller than min_group
	Grades  []GradeFit
	Other   int // people with a grade the curve does not list
}

// Fits reports whether every grade holds its quota.
func (g GroupFit) Fits() bool {
	if !g.Applies {
		return true
	}
	for _, x := range g.Grades {
		if x.Count != x.Quota {
			return false
		}
	}
	return g.Other == 0
}

// GradeFit is one grade of a [GroupFit].
type GradeFit struct {
	Grade string
	Share decimal.Decimal // as the curve gives it
	Count int             // people who have the grade
	Quota int             // people the curve gives it
}

// Over is how many more people have the grade than its quota; below 0,
// how many fewer.
func (g GradeFit) Over() int { return g.Count - g.Quota }

// Move is one person whose grade calibration changed.
type Move struct {
	Row      int // the person's row, in the order added
	Key      string
	Group    string
	From, To string // "" for no grade
	Why      string
}

// Curve gathers what a forced distribution is fitted from: each person's
// place figure, group, tie-break and grade, from the results of a pass
// over the sheet, in order.
type Curve struct {
	s      *Scorer
	people []candidate
	force  []int // per person, the band calibration gives, or -1
	before []string
}

type candidate struct {
	key, group string
	by, tie    Value
	grade      string
	graded     bool
}

// curveSlots is how a distribution's figures are found in a result.
type curveSlots struct {
	by         evalFn
	group, tie int // columns, or -1
}

// NewCurve returns an empty Curve for s's rules, which have a
// distribution.
func (s *Scorer) NewCurve() *Curve { return &Curve{s: s} }

// Add keeps what the curve needs of the row r has just scored.
func (c *Curve) Add(r *Result) {
	cs := c.s.curve
	var key []string
	for i, col := range c.s.set.Columns {
		if col.Key {
			key = append(key, strings.TrimSpace(r.env[i].String()))
		}
	}
	p := candidate{key: strings.Join(key, " "), by: cs.by(r.env)}
	if cs.group >= 0 {
		p.group = strings.TrimSpace(r.env[cs.group].String())
	}
	if cs.tie >= 0 {
		p.tie = r.env[cs.tie]
	}
	p.grade, p.graded = r.Grade()
	c.people = append(c.people, p)
}

// groups lists the groups in the order they first appear, with their
// people.
func (c *Curve) groups() ([]string, map[string][]int) {
	var names []string
	rows := map[string][]int{}
	for i, p := range c.people {
		if _, ok := rows[p.group]; !ok {
			names = append(names, p.group)
		}
		rows[p.group] = append(rows[p.group], i)
	}
	return names, rows
}

// Fit reports how the grades added fit the curve, group by group.
func (c *Curve) Fit() []GroupFit {
	ds := c.s.set.Distribution
	shares := make([]decimal.Decimal, len(ds.Curve))
	for i, cg := range ds.Curve {
		shares[i] = cg.Share
	}
	names, rows := c.groups()
	var out []GroupFit
	for _, g := range names {
		f := GroupFit{Group: g}
		counts := make([]int, len(ds.Curve))
		for _, i := range rows[g] {
			p := c.people[i]
			if !p.graded {
				continue
			}
			f.People++
			k := slices.IndexFunc(ds.Curve, func(cg rules.CurveGrade) bool { return cg.Grade == p.grade })
			if k < 0 {
				f.Other++
				continue
			}
			counts[k]++
		}
		f.Applies = f.People >= ds.MinGroup
		q := Quotas(f.People, shares)
		for k, cg := range ds.Curve {
			f.Grades = append(f.Grades, GradeFit{Grade: cg.Grade, Share: cg.Share, Count: counts[k], Quota: q[k]})
		}
		out = append(out, f)
	}
	return out
}

// compareTie orders two tie-break values, best first.
func compareTie(a, b Value, lowestFirst bool) int {
	switch {
	case a.Kind == Missing && b.Kind == Missing:
		return 0
	case a.Kind == Missing:
		return 1
	case b.Kind == Missing:
		return -1
	}
	var c int
	if a.Kind == Number && b.Kind == Number {
		c = a.Num.Cmp(b.Num)
	} else {
		c = strings.Compare(a.String(), b.String())
	}
	if !lowestFirst {
		c = -c
	}
	return c
}

// Calibrate gives the people added their grades by place, group by
// group: best first by the distribution's figure, then its tie-break
// column, then the key; the first quota of the best grade get it, and
// so on. People with no figure, and groups smaller than min_group, keep
// their grades. It returns the people whose grade changed, in order.
func (c *Curve) Calibrate() []Move {
	ds := c.s.set.Distribution
	shares := make([]decimal.Decimal, len(ds.Curve))
	for i, cg := range ds.Curve {
		shares[i] = cg.Share
	}
	c.force = make([]int, len(c.people))
	c.before = make([]string, len(c.people))
	for i, p := range c.people {
		c.force[i] = -1
		c.before[i] = p.grade
	}
	placed := ds.Placed(c.s.set.Grades)
	names, rows := c.groups()
	var moves []Move
	for _, g := range names {
		var in []int
		for _, i := range rows[g] {
			if c.people[i].by.Kind == Number {
				in = append(in, i)
			}
		}
		if len(in) < ds.MinGroup || len(in) == 0 {
			continue
		}
		slices.SortStableFunc(in, func(a, b int) int {
			pa, pb := c.people[a], c.people[b]
			if x := pb.by.Num.Cmp(pa.by.Num); x != 0 {
				return x
			}
			if ds.TieBy != "" {
				if x := compareTie(pa.tie, pb.tie, ds.TieLowestFirst); x != 0 {
					return x
				}
			}
			return strings.Compare(pa.key, pb.key)
		})
		q := Quotas(len(in), shares)
		where := ""
		if ds.Group != "" {
			where = fmt.Sprintf(" in %s %s", ds.Group, g)
		}
		place := 0
		for k, cg := range ds.Curve {
			first := place + 1
			for n := 0; n < q[k]; n++ {
				i := in[place]
				place++
				c.force[i] = cg.Band
				p := c.people[i]
				if p.graded && p.grade == cg.Grade {
					continue
				}
				exact, _ := intValue(len(in)).Mul(cg.Share)
				pct, _ := cg.Share.Mul(decimal.Hundred)
				why := fmt.Sprintf("place %d of %d%s by %s (%s)", place, len(in), where, placed, p.by.Num.Trim(0))
				if tie := c.tiedWith(in, place-1); tie != "" {
					why += tie
				}
				why += fmt.Sprintf("; %s takes places %d to %d, a quota of %d (%d x %s%% = %s, %s)",
					cg.Grade, first, first+q[k]-1, q[k], len(in), pct.Trim(0), exact.Trim(0), rules.Rounding)
				if q[k] == 1 {
					why = strings.Replace(why, fmt.Sprintf("places %d to %d", first, first), fmt.Sprintf("place %d", first), 1)
				}
				from := p.grade
				if !p.graded {
					from = ""
				}
				moves = append(moves, Move{Row: i, Key: p.key, Group: g, From: from, To: cg.Grade, Why: why})
			}
		}
	}
	return moves
}

// tiedWith says how the person at place j of in was placed among those
// with the same figure, or "" when no one has it.
func (c *Curve) tiedWith(in []int, j int) string {
	ds := c.s.set.Distribution
	p := c.people[in[j]]
	var others []string
	for _, i := range in {
		if i != in[j] && c.people[i].by.Num.Cmp(p.by.Num) == 0 {
			others = append(others, c.people[i].key)
		}
	}
	if len(others) == 0 {
		return ""
	}
	s := ", tied with " + strings.Join(others, ", ") + ": placed by "
	if ds.TieBy != "" {
		s += fmt.Sprintf("%s %s (%s), then ", ds.TieBy, orBlank(p.tie), ds.TieOrder())
	}
	return s + "the key"
}

func orBlank(v Value) string {
	if v.Kind == Missing {
		return "blank"
	}
	return v.String()
}

// Force has r, the result of row i as it was added, scored with the grade
// calibration gave it; call it before scoring the row again.
func (c *Curve) Force(i int, r *Result) {
	r.force = -1
	r.before, r.calibrated = "", false
	if c.force == nil {
		return
	}
	r.force = c.force[i]
	r.before, r.calibrated = c.before[i], true
}

// GradeBefore returns the grade the result had before calibration, and
// whether it was calibrated.
func (r *Result) GradeBefore() (string, bool) { return r.before, r.calibrated }

// compileCurve compiles what a distribution places people by.
func (c *compiler) compileCurve() error {
	ds := c.s.set.Distribution
	if ds == nil {
		return nil
	}
	cs := curveSlots{group: -1, tie: -1}
	switch {
	case ds.By != nil:
		f, err := c.formula(ds.By)
		if err != nil {
			return fmt.Errorf("distribution: %w", err)
		}
		cs.by = f
	default:
		of := c.s.grade.of
		cs.by = func(env []Value) Value { return env[of] }
	}
	if ds.Group != "" {
		cs.group = c.column(ds.Group)
	}
	if ds.TieBy != "" {
		cs.tie = c.column(ds.TieBy)
	}
	c.s.curve = cs
	return nil
}
