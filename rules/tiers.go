package rules

import (
	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Tiers is a tier table (阶梯): a rate for each range of an amount, such
// as an over-target bonus of 0.5% up to 1,000,000 and 1% above. In
// formulas its name is the amount it pays and name.rate the rate of the
// tier the amount reached.
//
// The mode says how the rates apply, and a rule file must name it:
// [TierWhole] pays the whole amount at the rate of the tier reached;
// [TierMarginal] pays each slice of the amount, from 0 up, at the rate of
// the tier it lies in, as income tax is reckoned.
type Tiers struct {
	Pos         Pos
	Name        string
	Description string
	Of          *Formula // the amount the tiers rate
	Mode        string   // TierWhole or TierMarginal
	Bands       []*Band  // each with a Rate; the first that holds the amount wins
}

// The modes of a tier table.
const (
	TierWhole    = "whole"
	TierMarginal = "marginal"
)

var tierFields = []string{"of", "mode", "tiers", "description"}

func (d *decoder) tiers(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "tiers", nil)
	for _, p := range pairs {
		t := &Tiers{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
		s.Tiers = append(s.Tiers, t)
		_, f := d.fields(p.value, "tier table "+t.Name, tierFields)
		if x := f["of"]; x != nil {
			t.Of = d.formula(x, "of")
		} else {
			d.errorf(p.key, "tier table %s has no of: give the amount its tiers rate", t.Name)
		}
		if x := f["mode"]; x != nil {
			switch m := d.text(x, "mode"); m {
			case TierWhole, TierMarginal:
				t.Mode = m
			case "":
			default:
				e := d.errorf(x, "mode of tier table %s must be whole or marginal, not %q", t.Name, m)
				e.Hint = "whole pays the whole amount at the rate of the tier reached; marginal pays each slice at its own rate"
			}
		} else {
			e := d.errorf(p.key, "tier table %s has no mode: say whole or marginal", t.Name)
			e.Hint = "whole pays the whole amount at the rate of the tier reached; marginal pays each slice at its own rate"
		}
		if x := f["description"]; x != nil {
			t.Description = d.text(x, "description")
		}
		if x := f["tiers"]; x != nil {
			t.Bands = d.tierBands(t, x)
		} else {
			d.errorf(p.key, "tier table %s has no tiers, e.g. - {when: \"<= 1000000\", rate: 0.5%%}", t.Name)
		}
	}
}

func (d *decoder) tierBands(t *Tiers, n *yaml.Node) []*Band {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "tiers of %s must be a list, not %s", t.Name, describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "tier table %s: the list of tiers is empty", t.Name)
		return nil
	}
	var out []*Band
	for _, item := range n.Content {
		_, f := d.fields(item, "a tier", []string{"when", "rate"})
		b := &Band{Pos: d.pos(resolve(item))}
		if x := f["when"]; x != nil {
			d.when(b, x)
		} else {
			d.errorf(item, "a tier needs when, the range of amounts it covers, e.g. when: \"[500000, 1000000)\"")
		}
		if x := f["rate"]; x != nil {
			b.Rate = d.number(x, "rate")
		} else {
			d.errorf(item, "a tier needs a rate, e.g. rate: 18%%")
		}
		out = append(out, b)
	}
	return out
}

// TierIndex returns the index of the tier table named name, or -1.
func (s *Set) TierIndex(name string) int {
	for i, t := range s.Tiers {
		if t.Name == name {
			return i
		}
	}
	return -1
}

// Find returns the index of the tier that holds v, or -1.
func (t *Tiers) Find(v decimal.Decimal) int {
	for i, b := range t.Bands {
		if b.Contains(v) {
			return i
		}
	}
	return -1
}

// Slice is the part of an amount that one tier rates in marginal mode.
type Slice struct {
	Tier   int
	Amount decimal.Decimal // the length of the slice; negative below 0
}

// Slices cuts v into the parts that lie in each tier, from 0 to v, in the
// order of the amounts (for a negative v, from 0 down). Values between 0
// and v that no tier holds are left out: they earn nothing.
func (t *Tiers) Slices(v decimal.Decimal) ([]Slice, error) {
	lo, hi, sign := decimal.Zero, v, decimal.One
	if v.Sign() < 0 {
		lo, hi, sign = v, decimal.Zero, decimal.NegOne
	}
	type part struct {
		tier   int
		lo, hi decimal.Decimal
	}
	var parts []part
	for i, b := range t.Bands {
		a, z := lo, hi
		if b.Lo != nil && b.Lo.Cmp(a) > 0 {
			a = *b.Lo
		}
		if b.Hi != nil && b.Hi.Cmp(z) < 0 {
			z = *b.Hi
		}
		if a.Cmp(z) >= 0 {
			continue
		}
		parts = append(parts, part{i, a, z})
	}
	// Sort by lower edge, nearest to 0 first.
	for i := 1; i < len(parts); i++ {
		for j := i; j > 0; j-- {
			c := parts[j].lo.Cmp(parts[j-1].lo)
			if sign.Sign() < 0 {
				c = -c
			}
			if c >= 0 {
				break
			}
			parts[j], parts[j-1] = parts[j-1], parts[j]
		}
	}
	out := make([]Slice, 0, len(parts))
	for _, p := range parts {
		n, err := p.hi.Sub(p.lo)
		if err != nil {
			return nil, err
		}
		if sign.Sign() < 0 {
			n = n.Neg()
		}
		out = append(out, Slice{Tier: p.tier, Amount: n})
	}
	return out, nil
}
