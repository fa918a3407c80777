package rules

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Rank is a place in the period: where a person's figure stands among
// everyone's in the same sheet (or the same group, with Within).
// Ranks are numbers that formulas, flags and pay can use, like metrics;
// they are computed once every row of the sheet has been read.
type Rank struct {
	Pos         Pos
	Name        string
	Description string
	Of          *Formula // the figure ranked, a number
	// LowestFirst gives rank 1 to the lowest figure; by default the
	// highest is first.
	LowestFirst bool
	// Dense ranks ties 1, 1, 2; by default they are ranked as in sport
	// (standard competition ranking): 1, 1, 3.
	Dense bool
	// Within names the column that splits the sheet into groups, such as
	// 部门, each ranked on its own; "" ranks the whole sheet.
	Within    string
	WithinPos Pos
}

// Ties names the way r ranks ties, as a rule file writes it.
func (r *Rank) Ties() string {
	if r.Dense {
		return "dense"
	}
	return "competition"
}

// Order names r's order, as a rule file writes it.
func (r *Rank) Order() string {
	if r.LowestFirst {
		return "lowest first"
	}
	return "highest first"
}

var rankFields = []string{"of", "order", "ties", "within", "description"}

func (d *decoder) ranks(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "ranks", nil)
	for _, p := range pairs {
		r := &Rank{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
		v := resolve(p.value)
		if v.Kind != yaml.MappingNode {
			// 名次: total
			r.Of = d.formula(p.value, "rank "+r.Name)
			s.Ranks = append(s.Ranks, r)
			continue
		}
		_, f := d.fields(v, "rank "+r.Name, rankFields)
		if x := f["of"]; x != nil {
			r.Of = d.formula(x, "rank "+r.Name)
		} else {
			e := d.errorf(p.key, "rank %s has no of: give the figure it ranks", r.Name)
			e.Hint = "for example of: total"
		}
		if x := f["order"]; x != nil {
			r.LowestFirst = d.choice(x, "order", "highest first", "lowest first") == "lowest first"
		}
		if x := f["ties"]; x != nil {
			r.Dense = d.choice(x, "ties", "competition", "dense") == "dense"
		}
		if x := f["within"]; x != nil {
			r.Within, r.WithinPos = foldWidth(strings.TrimSpace(d.text(x, "within"))), d.pos(resolve(x))
		}
		if x := f["description"]; x != nil {
			r.Description = d.text(x, "description")
		}
		s.Ranks = append(s.Ranks, r)
	}
}

// rankTypes checks what each rank ranks and groups by.
func (c *checker) rankTypes() {
	for _, r := range c.set.Ranks {
		if r.Of != nil {
			c.want(r.Of, nil, tyNumber, "rank "+r.Name)
		}
		if r.Within == "" {
			continue
		}
		if d, ok := c.decls[r.Within]; !ok || d.kind != declColumn {
			e := c.errs.add(r.WithinPos, "rank %s: within names %q, which is not a column", r.Name, r.Within)
			e.Hint = "within takes the column whose values split the sheet into groups, such as 部门"
		}
	}
}

// rankedByRank reports a rank whose figure needs a rank itself: ranks are
// computed in one pass over the sheet, from figures that need none.
func (c *checker) rankedByRank(deps map[Node][]Node) {
	for i, r := range c.set.Ranks {
		seen := map[Node]bool{}
		var needs func(n Node) *Rank
		needs = func(n Node) *Rank {
			if seen[n] {
				return nil
			}
			seen[n] = true
			for _, d := range deps[n] {
				if d.Kind == NodeRank {
					return c.set.Ranks[d.Index]
				}
				if x := needs(d); x != nil {
					return x
				}
			}
			return nil
		}
		if x := needs(Node{NodeRank, i}); x != nil && x != r && r.Of != nil {
			e := c.errs.add(r.Of.Pos, "rank %s ranks by %s, which needs rank %s", r.Name, r.Of.Source, x.Name)
			e.Hint = "a rank is computed from figures that need no rank"
		}
	}
}
