package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Section is a group of metrics that counts as one part of the total,
// such as 部门职责 or 客户.
//
// A section's score is the sum of its metrics' scores. A weighted section
// is scored on 100 and adds score x weight / 100 to the total; a points
// section is worth its points and adds its score as it is. In formulas a
// section's name stands for its score.
type Section struct {
	Pos         Pos
	Name        string
	Description string
	Weight      *Number // scored on 100, counting weight / 100 of it in the total
	Points      *Number // worth this many points, added as they are
	AddsUpTo    *Number // what its parts should add up to; nil: 100, or Points
}

// Size is what the section is worth among the parts of the total: its
// weight, or its points.
func (s *Section) Size() decimal.Decimal {
	if s.Weight != nil {
		return s.Weight.Value
	}
	if s.Points != nil {
		return s.Points.Value
	}
	return decimal.Zero
}

// SectionIndex returns the index in s.Sections of the section called
// name, or -1.
func (s *Set) SectionIndex(name string) int {
	for i, sec := range s.Sections {
		if sec.Name == name {
			return i
		}
	}
	return -1
}

var sectionFields = []string{"weight", "points", "adds_up_to", "description"}

func (d *decoder) sections(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "sections", nil)
	for _, p := range pairs {
		sec := &Section{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
		v := resolve(p.value)
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			e := d.errorf(v, "section %s must be a mapping, not %s", sec.Name, describe(v))
			e.Hint = fmt.Sprintf("write %s: {weight: %s} to score it on 100, or %s: {points: %s} to add its points", p.key.Value, v.Value, p.key.Value, v.Value)
			s.Sections = append(s.Sections, sec)
			continue
		}
		_, f := d.fields(v, "section "+sec.Name, sectionFields)
		if x := f["weight"]; x != nil {
			sec.Weight = d.weight(x, "counts "+weightText(x)+"/100 of the section's score in the total")
		}
		if x := f["points"]; x != nil {
			sec.Points = d.number(x, "points")
		}
		if x := f["adds_up_to"]; x != nil {
			sec.AddsUpTo = d.number(x, "adds_up_to")
		}
		if x := f["description"]; x != nil {
			sec.Description = d.text(x, "description")
		}
		switch {
		case f["weight"] != nil && f["points"] != nil:
			d.errorf(f["points"], "section %s has both a weight and points: keep one", sec.Name)
		case f["weight"] == nil && f["points"] == nil && (v.Kind == yaml.MappingNode || v.Tag == "!!null"):
			e := d.errorf(p.key, "section %s needs a weight or points", sec.Name)
			e.Hint = "weight: 30 scores it on 100 and counts 30/100 of it in the total; points: 60 adds its points as they are"
		}
		s.Sections = append(s.Sections, sec)
	}
}

// keys records where the metrics: and total: keys are, for warnings
// about the total as a whole.
func (d *decoder) keys(s *Set, top []field) {
	for _, p := range top {
		switch p.key.Value {
		case "metrics":
			s.metricsKey = d.pos(p.key)
		case "total":
			s.totalKey = d.pos(p.key)
		}
	}
}

// weight reads a weight, refusing one written as a percentage: 35% would
// read as 0.35 and make the part count almost nothing.
func (d *decoder) weight(n *yaml.Node, means string) *Number {
	if v := resolve(n); v.Kind == yaml.ScalarNode && strings.HasSuffix(strings.TrimSpace(v.Value), "%") {
		e := d.errorf(n, "weight %s: write the weight without %%", v.Value)
		e.Hint = fmt.Sprintf("weight: %s %s", weightText(n), means)
		return nil
	}
	return d.number(n, "weight")
}

func weightText(n *yaml.Node) string {
	return strings.TrimSuffix(strings.TrimSpace(resolve(n).Value), "%")
}

// sections checks that every metric's section exists and every section
// holds a metric.
func (c *checker) sections() {
	s := c.set
	used := make([]bool, len(s.Sections))
	names := make([]string, len(s.Sections))
	for i, sec := range s.Sections {
		names[i] = sec.Name
	}
	for _, m := range s.Metrics {
		if m.Section == "" {
			continue
		}
		if i := s.SectionIndex(m.Section); i >= 0 {
			used[i] = true
			continue
		}
		e := c.errs.add(m.SectionPos, "metric %s: unknown section %q", m.Name, m.Section)
		switch {
		case len(names) == 0:
			e.Hint = fmt.Sprintf("declare it under sections:, e.g. sections: {%s: {weight: 30}}", m.Section)
		case closest(m.Section, names) != "":
			e.Hint = fmt.Sprintf("did you mean %q?", closest(m.Section, names))
		default:
			e.Hint = "the sections are " + strings.Join(names, ", ")
		}
	}
	for i, sec := range s.Sections {
		if !used[i] {
			e := c.errs.add(sec.Pos, "section %s holds no metric", sec.Name)
			e.Hint = fmt.Sprintf("write section: %s under each metric it holds, or remove it", sec.Name)
		}
	}
}

// part is one item that a section or the total is made of, with what it
// is worth.
type part struct {
	pos  Pos
	name string
	size decimal.Decimal
}

// partSize is what a metric is worth in its container: its weight, else
// its max. A metric with neither gives bonus points and is not counted.
func partSize(m *Metric) (decimal.Decimal, bool) {
	switch {
	case !m.Scored():
		return decimal.Zero, false
	case m.Weight != nil:
		return m.Weight.Value, true
	case m.Max != nil:
		return m.Max.Value, true
	}
	return decimal.Zero, false
}

// parts warns when the parts of a section or of the total do not add up
// to what they should: 100 for a weighted section and the total, the
// points of a points section, or what adds_up_to says.
func (c *checker) parts() {
	s := c.set
	inside := make([][]part, len(s.Sections))
	var top []part
	for _, m := range s.Metrics {
		size, ok := partSize(m)
		if !ok {
			continue
		}
		p := part{m.Pos, m.Name, size}
		switch i := s.SectionIndex(m.Section); {
		case m.Section == "":
			top = append(top, p)
		case i >= 0:
			inside[i] = append(inside[i], p)
		}
	}
	for i, sec := range s.Sections {
		if (sec.Weight == nil) == (sec.Points == nil) {
			continue // reported as an error
		}
		top = append(top, part{sec.Pos, sec.Name, sec.Size()})
		want := decimal.Hundred
		if sec.Weight == nil {
			want = sec.Points.Value
		}
		c.addsUp(sec.Name, sec.Name, sec.Pos, inside[i], want, sec.AddsUpTo)
	}
	sort.SliceStable(top, func(i, j int) bool { return less(top[i].pos, top[j].pos) })
	at := s.totalKey
	if at.Line == 0 {
		at = s.metricsKey
	}
	c.addsUp("the total", "total:", at, top, decimal.Hundred, s.Total.AddsUpTo)
}

// addsUp compares the sum of parts with want, or with stated when the
// rule file states the sum. what names the container in the message,
// where names the place adds_up_to goes.
func (c *checker) addsUp(what, where string, at Pos, parts []part, want decimal.Decimal, stated *Number) {
	if len(parts) == 0 {
		return
	}
	sum := decimal.Zero
	terms := make([]string, len(parts))
	for i, p := range parts {
		if next, err := sum.Add(p.size); err == nil {
			sum = next
		}
		terms[i] = p.name + " " + show(p.size)
	}
	list := strings.Join(terms, " + ")
	if stated != nil {
		if sum.Cmp(stated.Value) != 0 {
			e := c.errs.warn(stated.Pos, "the parts of %s add up to %s, not %s as adds_up_to says", what, show(sum), show(stated.Value))
			e.Hint = list
		}
		return
	}
	if sum.Cmp(want) != 0 {
		e := c.errs.warn(at, "the parts of %s add up to %s, not %s", what, show(sum), show(want))
		e.Hint = fmt.Sprintf("%s; if %s is meant, write adds_up_to: %s under %s", list, show(sum), show(sum), where)
	}
}

// show writes a number as the user would: 35, 0.5, never 35.00.
func show(d decimal.Decimal) string { return d.Trim(0).String() }
