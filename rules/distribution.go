package rules

import (
	"strings"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Distribution is a forced distribution (强制分布): the share of people
// each grade should hold, in the whole sheet or in each group. Scoring
// reports how the grades fit it; calibrating gives the grades by place,
// best first, so that they do.
type Distribution struct {
	Pos   Pos
	Curve []CurveGrade // best first, as written
	// MinGroup is the fewest people a group needs for the curve to
	// apply; a smaller group keeps its grades.
	MinGroup int
	// Group names the column that splits the sheet into groups, each
	// fitted on its own; "" fits the whole sheet.
	Group    string
	GroupPos Pos
	// By is the figure people are placed by, highest first; nil for what
	// the grades grade.
	By *Formula
	// TieBy names the column that places people with the same figure,
	// then the key does, lowest first; "" for the key alone.
	TieBy          string
	TiePos         Pos
	TieLowestFirst bool

	badShare bool // a share was refused: the sum says nothing more
}

// CurveGrade is one grade's share of a [Distribution].
type CurveGrade struct {
	Pos   Pos
	Grade string
	Share decimal.Decimal // a fraction: 10% is 0.1
	Band  int             // the first band of Grades with the grade
}

// Rounding names how a group's quotas are made whole, as a rule file
// writes it; it is the only rule there is.
const Rounding = "largest remainder"

// TieOrder names how TieBy places people, as a rule file writes it.
func (d *Distribution) TieOrder() string {
	if d.TieLowestFirst {
		return "lowest first"
	}
	return "highest first"
}

// Placed describes what people are placed by, for messages.
func (d *Distribution) Placed(g *Grades) string {
	if d.By != nil {
		return d.By.Source
	}
	if g != nil {
		return g.Graded()
	}
	return "total"
}

var distributionFields = []string{"curve", "rounding", "min_group", "group", "by", "ties"}

func (d *decoder) distribution(s *Set, n *yaml.Node) {
	n = resolve(n)
	ds := &Distribution{Pos: d.pos(n), MinGroup: 1}
	_, f := d.fields(n, "distribution", distributionFields)
	if x := f["curve"]; x != nil {
		pairs, _ := d.fields(x, "distribution: curve", nil)
		for _, p := range pairs {
			num := d.number(p.value, "distribution: curve: "+p.key.Value)
			if num == nil {
				ds.badShare = true
				continue
			}
			if num.Value.Sign() < 0 || num.Value.Cmp(decimal.One) > 0 {
				d.errorf(p.value, "distribution: curve: %s must be a share from 0%% to 100%%, not %s", p.key.Value, p.value.Value)
				ds.badShare = true
				continue
			}
			ds.Curve = append(ds.Curve, CurveGrade{Pos: d.pos(p.key), Grade: strings.TrimSpace(p.key.Value), Share: num.Value, Band: -1})
		}
	} else {
		e := d.errorf(n, "distribution has no curve: give each grade's share, best first")
		e.Hint = "for example curve: {A: 10%, B: 20%, C: 40%, D: 20%, E: 10%}"
	}
	if x := f["rounding"]; x != nil {
		if t := d.text(x, "distribution: rounding"); t != "" && t != Rounding {
			e := d.errorf(x, "distribution: rounding must be %q, not %q", Rounding, t)
			e.Hint = "each grade's quota is rounded down, and the places left go to the largest remainders, ties to the better grade"
		}
	}
	if x := f["min_group"]; x != nil {
		if num := d.number(x, "distribution: min_group"); num != nil {
			if v, _, ok := num.Value.Int64(0); !ok || !num.Value.IsInt() || v < 1 || v > 1_000_000 {
				d.errorf(x, "distribution: min_group must be a whole number of people, at least 1, not %s", resolve(x).Value)
			} else {
				ds.MinGroup = int(v)
			}
		}
	}
	if x := f["group"]; x != nil {
		ds.Group, ds.GroupPos = foldWidth(strings.TrimSpace(d.text(x, "distribution: group"))), d.pos(resolve(x))
	}
	if x := f["by"]; x != nil {
		ds.By = d.formula(x, "distribution: by")
	}
	if x := f["ties"]; x != nil {
		_, tf := d.fields(x, "distribution: ties", []string{"by", "order"})
		if y := tf["by"]; y != nil {
			ds.TieBy, ds.TiePos = foldWidth(strings.TrimSpace(d.text(y, "distribution: ties: by"))), d.pos(resolve(y))
		} else {
			d.errorf(x, "distribution: ties has no by: give the column that places people with the same figure")
		}
		if y := tf["order"]; y != nil {
			ds.TieLowestFirst = d.choice(y, "distribution: ties: order", "highest first", "lowest first") == "lowest first"
		}
	}
	s.Distribution = ds
}

// distributionTypes checks the curve against the grades, and the columns
// a distribution names.
func (c *checker) distributionTypes() {
	ds := c.set.Distribution
	if ds == nil {
		return
	}
	g := c.set.Grades
	if g == nil {
		c.errs.add(ds.Pos, "distribution: the rules have no grades to fit to the curve")
		return
	}
	sum := decimal.Zero
	for i := range ds.Curve {
		cg := &ds.Curve[i]
		for b, band := range g.Bands {
			if band.Grade == cg.Grade {
				cg.Band = b
				break
			}
		}
		if cg.Band < 0 {
			var names []string
			for _, band := range g.Bands {
				if !contains(names, band.Grade) {
					names = append(names, band.Grade)
				}
			}
			e := c.errs.add(cg.Pos, "distribution: curve: %q is not a grade", cg.Grade)
			e.Hint = "the grades are " + strings.Join(names, ", ")
		}
		for j := 0; j < i; j++ {
			if ds.Curve[j].Band > cg.Band && cg.Band >= 0 {
				c.errs.add(cg.Pos, "distribution: curve: %s comes after %s, but the grades list it before: list the curve best first, as the grades are", cg.Grade, ds.Curve[j].Grade)
				break
			}
		}
		sum, _ = sum.Add(cg.Share)
	}
	if len(ds.Curve) > 0 && !ds.badShare && sum.Cmp(decimal.One) != 0 {
		pct, _ := sum.Mul(decimal.Hundred)
		c.errs.add(ds.Curve[0].Pos, "distribution: curve: the shares add up to %s%%, not 100%%", pct.Trim(0))
	}
	if ds.By != nil {
		c.want(ds.By, nil, tyNumber, "distribution: by")
	}
	for _, col := range []struct {
		name, what string
		pos        Pos
	}{{ds.Group, "group", ds.GroupPos}, {ds.TieBy, "ties: by", ds.TiePos}} {
		if col.name == "" {
			continue
		}
		if d, ok := c.decls[col.name]; !ok || d.kind != declColumn {
			c.errs.add(col.pos, "distribution: %s names %q, which is not a column", col.what, col.name)
		}
	}
}
