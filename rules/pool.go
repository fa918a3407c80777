package rules

import (
	"strings"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Pool is a fixed sum shared among the people of a sheet (or of each
// group, with Group) in proportion to a weight each has. Shares are in
// cents and always add up to the sum exactly: each person first gets
// their share rounded down to the cent, and the cents left over go one
// each to the largest remainders, ties to the lower key.
type Pool struct {
	Pos         Pos
	Name        string
	Description string
	// Amount is the sum shared, for a pool over the whole sheet, or for
	// each group that Amounts does not name; nil when Amounts names
	// every group.
	Amount *Number
	// Weight is each person's weight, a number >= 0, computed after
	// every other figure, so it may use the total, the coefficient, pay
	// lines and ranks.
	Weight *Formula
	// Group names the column that splits the sheet into groups, each
	// with a pool of its own; "" shares one pool over the whole sheet.
	Group    string
	GroupPos Pos
	// Amounts gives each group's sum, by the group's value.
	Amounts []GroupAmount
}

// GroupAmount is the sum of one group's pool.
type GroupAmount struct {
	Pos    Pos
	Group  string
	Amount decimal.Decimal
}

// AmountFor returns the sum the group shares, and false when the rules
// give it none.
func (p *Pool) AmountFor(group string) (decimal.Decimal, bool) {
	for _, a := range p.Amounts {
		if a.Group == group {
			return a.Amount, true
		}
	}
	if p.Amount != nil {
		return p.Amount.Value, true
	}
	return decimal.Zero, false
}

// Remainder names how the cents left over are given, as a rule file
// writes it; it is the only rule there is.
const Remainder = "largest remainder"

var poolFields = []string{"amount", "weight", "group", "amounts", "remainder", "description"}

func (d *decoder) pools(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "pool", nil)
	for _, p := range pairs {
		pl := &Pool{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
		what := "pool " + pl.Name
		_, f := d.fields(p.value, what, poolFields)
		if x := f["weight"]; x != nil {
			pl.Weight = d.formula(x, what+": weight")
		} else {
			e := d.errorf(p.key, "%s has no weight: give the formula each person's share is in proportion to", what)
			e.Hint = "for example weight: total * coefficient"
		}
		if x := f["amount"]; x != nil {
			pl.Amount = d.money(x, what+": amount")
		}
		if x := f["group"]; x != nil {
			pl.Group, pl.GroupPos = foldWidth(strings.TrimSpace(d.text(x, what+": group"))), d.pos(resolve(x))
		}
		if x := f["amounts"]; x != nil {
			if pl.Group == "" {
				d.errorf(x, "%s: amounts are given by group, but the pool has no group: name the column with group:", what)
			}
			gp, _ := d.fields(x, what+": amounts", nil)
			for _, g := range gp {
				if m := d.money(g.value, what+": amounts: "+g.key.Value); m != nil {
					pl.Amounts = append(pl.Amounts, GroupAmount{Pos: d.pos(g.key), Group: strings.TrimSpace(g.key.Value), Amount: m.Value})
				}
			}
		}
		if x := f["remainder"]; x != nil {
			if t := d.text(x, what+": remainder"); t != "" && t != Remainder {
				e := d.errorf(x, "%s: remainder must be %q, not %q", what, Remainder, t)
				e.Hint = "the cents left over go one each to the largest remainders, ties to the lower key"
			}
		}
		if x := f["description"]; x != nil {
			pl.Description = d.text(x, "description")
		}
		if pl.Amount == nil && pl.Amounts == nil && f["amount"] == nil {
			d.errorf(p.key, "%s has no amount: give the sum it shares with amount:, or each group's with amounts:", what)
		}
		s.Pools = append(s.Pools, pl)
	}
}

// money reads a sum of money: a number >= 0 with at most two decimals.
func (d *decoder) money(n *yaml.Node, what string) *Number {
	m := d.number(n, what)
	if m == nil {
		return nil
	}
	if m.Value.Sign() < 0 || m.Value.Trim(0).Scale() > 2 {
		d.errorf(n, "%s must be a sum of money, >= 0 and to the cent, not %s", what, m.Value)
		return nil
	}
	return m
}

// poolTypes checks each pool's weight and group.
func (c *checker) poolTypes() {
	seen := map[string]Pos{}
	for _, p := range c.set.Pools {
		if d, ok := c.decls[p.Name]; ok {
			c.errs.add(p.Pos, "the name %s is already used at line %d: a pool's share is a column of the results of its own", p.Name, d.pos.Line)
		} else if at, ok := seen[p.Name]; ok {
			c.errs.add(p.Pos, "pool %s is given twice (first at line %d)", p.Name, at.Line)
		}
		seen[p.Name] = p.Pos
		if p.Weight != nil {
			c.want(p.Weight, nil, tyNumber, "pool "+p.Name+": weight")
		}
		if p.Group == "" {
			continue
		}
		if d, ok := c.decls[p.Group]; !ok || d.kind != declColumn {
			e := c.errs.add(p.GroupPos, "pool %s: group names %q, which is not a column", p.Name, p.Group)
			e.Hint = "group takes the column whose values split the sheet into groups, such as 部门"
		}
	}
}
