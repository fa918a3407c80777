package whatif

import (
	"fmt"
	"strings"

	"github.com/govalues/decimal"

	"appraise/rules"
)

// RuleChange is one difference between two rule files: an item, such as
// "metrics.询单转化率.bands[0]" or "params.绩效工资基数", as each file
// writes it and where. An item one file lacks is "" there, with no
// position.
type RuleChange struct {
	Item         string
	Old, New     string
	OldAt, NewAt rules.Pos
}

// ruleItem is one item of a rule file as written.
type ruleItem struct {
	name string
	text string
	at   rules.Pos
}

// DiffRules lists what differs between two rule files, item by item:
// params, columns' limits, metrics (their formulas, band edges and
// points, map entries, weights, limits), sections, the total, the grade
// table and its vetoes, flags and pay lines. Items come in the order of
// the old file, then those only the new one has.
func DiffRules(old, new *rules.Set) []RuleChange {
	a, b := items(old), items(new)
	inB := map[string]ruleItem{}
	for _, it := range b {
		inB[it.name] = it
	}
	inA := map[string]bool{}
	var out []RuleChange
	for _, x := range a {
		inA[x.name] = true
		y, ok := inB[x.name]
		switch {
		case !ok:
			out = append(out, RuleChange{Item: x.name, Old: x.text, OldAt: x.at})
		case x.text != y.text:
			out = append(out, RuleChange{Item: x.name, Old: x.text, New: y.text, OldAt: x.at, NewAt: y.at})
		}
	}
	for _, y := range b {
		if !inA[y.name] {
			out = append(out, RuleChange{Item: y.name, New: y.text, NewAt: y.at})
		}
	}
	return out
}

func items(s *rules.Set) []ruleItem {
	var out []ruleItem
	add := func(name, text string, at rules.Pos) {
		out = append(out, ruleItem{name, text, at})
	}
	num := func(name string, n *rules.Number, or rules.Pos) {
		if n == nil {
			return
		}
		at := n.Pos
		if at.Line == 0 {
			at = or
		}
		add(name, n.Value.Trim(0).String(), at)
	}
	formula := func(name string, f *rules.Formula) {
		if f != nil {
			add(name, f.Source, f.Pos)
		}
	}
	for _, p := range s.Params {
		add("params."+p.Name, p.Value.Trim(0).String(), p.Pos)
	}
	for _, c := range s.Columns {
		num("columns."+c.Name+".min", c.Min, c.Pos)
		num("columns."+c.Name+".max", c.Max, c.Pos)
		num("columns."+c.Name+".blank", c.Blank, c.Pos)
	}
	for _, m := range s.Metrics {
		pre := "metrics." + m.Name
		formula(pre+".value", m.Value)
		formula(pre+".points", m.Points)
		if m.Target != nil {
			better := "higher"
			if m.Lower {
				better = "lower"
			}
			add(pre+".target", m.Target.Source+", "+m.Mode+", "+better+" is better", m.Target.Pos)
		}
		for i, b := range m.Bands {
			add(fmt.Sprintf("%s.bands[%d]", pre, i), fmt.Sprintf("%s: %s", b.When, b.Points.Value.Trim(0)), b.Pos)
		}
		for _, e := range m.Map {
			add(fmt.Sprintf("%s.map.%s", pre, e.Text), e.Points.Value.Trim(0).String(), e.Pos)
		}
		num(pre+".map_other", m.MapOther, m.Pos)
		num(pre+".weight", m.Weight, m.Pos)
		num(pre+".max", m.Max, m.Pos)
		num(pre+".floor", m.Floor, m.Pos)
		num(pre+".cap", m.Cap, m.Pos)
		num(pre+".if_missing", m.IfMissing, m.Pos)
		if m.Section != "" {
			add(pre+".section", m.Section, m.SectionPos)
		}
	}
	for _, t := range s.Tables {
		pre := "tables." + t.Name
		from := "sheet " + t.Sheet
		switch {
		case t.Results != "":
			from = "results " + t.Results
		case t.File != "":
			from = "file " + t.File + ", " + from
		}
		add(pre, from+"; keys "+strings.Join(t.KeyNames(), ", "), t.Pos)
		for _, c := range t.Columns {
			if c.DefaultText != nil {
				add(pre+"."+c.Name+".default", *c.DefaultText, c.Pos)
			} else {
				num(pre+"."+c.Name+".default", c.Default, c.Pos)
			}
		}
	}
	for _, sec := range s.Sections {
		num("sections."+sec.Name+".weight", sec.Weight, sec.Pos)
		num("sections."+sec.Name+".points", sec.Points, sec.Pos)
	}
	formula("total.formula", s.Total.Formula)
	num("total.floor", s.Total.Floor, s.Total.Pos)
	num("total.cap", s.Total.Cap, s.Total.Pos)
	if g := s.Grades; g != nil {
		formula("grades.of", g.Of)
		for i, b := range g.Bands {
			text := b.When + ": " + b.Grade
			if b.Coefficient != nil {
				text += fmt.Sprintf(", coefficient %s", b.Coefficient.Value.Trim(0))
			}
			add(fmt.Sprintf("grades.bands[%d]", i), text, b.Pos)
		}
		for i, v := range g.Vetoes {
			add(fmt.Sprintf("grades.vetoes[%d]", i), v.When.Source+": "+v.Describe(g), v.Pos)
		}
	}
	for _, f := range s.Flags {
		formula("flags."+f.Name, f.When)
	}
	for _, p := range s.Pay {
		formula("pay."+p.Name, p.Formula)
		for i, in := range p.Instalments {
			share := "rest"
			if in.Share != nil {
				share = in.Share.Value.Trim(0).String()
			}
			add(fmt.Sprintf("pay.%s.instalments[%d]", p.Name, i), share+", "+in.Paid, in.Pos)
		}
	}
	for _, t := range s.Tiers {
		pre := "tiers." + t.Name
		formula(pre+".of", t.Of)
		add(pre+".mode", t.Mode, t.Pos)
		for i, b := range t.Bands {
			rate := ""
			if b.Rate != nil {
				rate = b.Rate.Value.Trim(0).String()
			}
			add(fmt.Sprintf("%s.tiers[%d]", pre, i), b.When+": "+rate, b.Pos)
		}
	}
	if lg := s.Ledger; lg != nil && lg.Rows != nil {
		add("ledger.by", lg.By, lg.ByPos)
		for _, m := range lg.Rows.Metrics[:lg.Computed] {
			formula("ledger.rows."+m.Name, m.Value)
		}
		for _, a := range lg.Aggs {
			add("ledger.per_person."+a.Name, a.Source, a.Pos)
		}
	}
	for _, p := range s.Pools {
		pre := "pool." + p.Name
		num(pre+".amount", p.Amount, p.Pos)
		for _, a := range p.Amounts {
			add(pre+".amounts."+a.Group, a.Amount.Trim(0).String(), a.Pos)
		}
		formula(pre+".weight", p.Weight)
		if p.Group != "" {
			add(pre+".group", p.Group, p.GroupPos)
		}
	}
	if d := s.Distribution; d != nil {
		for _, c := range d.Curve {
			pct, _ := c.Share.Mul(decimal.Hundred)
			add("distribution.curve."+c.Grade, pct.Trim(0).String()+"%", c.Pos)
		}
		add("distribution.min_group", fmt.Sprint(d.MinGroup), d.Pos)
		if d.Group != "" {
			add("distribution.group", d.Group, d.GroupPos)
		}
		formula("distribution.by", d.By)
		if d.TieBy != "" {
			add("distribution.ties", d.TieBy+", "+d.TieOrder(), d.TiePos)
		}
	}
	return out
}
