package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Grades is a grade table (评分等级): the first band that holds the graded
// value gives the grade, such as 优, and optionally a coefficient, such as
// 1.3, that pay formulas use. In formulas, grade is the grade (text) and
// coefficient the coefficient (a number).
type Grades struct {
	Pos    Pos
	Of     *Formula // what is graded; nil: the total
	Bands  []*Band  // each with a Grade and, when any has one, a Coefficient
	Vetoes []*Veto  // checked after the bands, in the order written
}

// Veto is a rule that overrides the grade table (否决, 雷区): when its
// condition holds, the grade is capped at AtMost, and the coefficient, if
// Coefficient is set, is that number instead of the grade's. When several
// vetoes hold, the grade listed last and the least coefficient win.
type Veto struct {
	Pos         Pos
	When        *Formula // a condition
	AtMost      int      // index into Grades.Bands of the grade cap, or -1
	Coefficient *Number  // nil: the coefficient of the grade
}

// Describe writes what the veto does: "at most C", "coefficient 0" or
// both.
func (v *Veto) Describe(g *Grades) string {
	var parts []string
	if v.AtMost >= 0 {
		parts = append(parts, "at most "+g.Bands[v.AtMost].Grade)
	}
	if v.Coefficient != nil {
		parts = append(parts, "coefficient "+v.Coefficient.Value.Trim(0).String())
	}
	return strings.Join(parts, ", ")
}

// Coefficients reports whether the grades give coefficients.
func (g *Grades) Coefficients() bool {
	for _, b := range g.Bands {
		if b.Coefficient != nil {
			return true
		}
	}
	return false
}

// Graded describes what is graded, for messages: "total" or the formula.
func (g *Grades) Graded() string {
	if g.Of == nil {
		return "total"
	}
	return g.Of.Source
}

// BandList is one list of bands in a rule set, described for messages,
// so that a check can look at every list alike.
type BandList struct {
	Pos   Pos
	What  string // "metric 询单转化率" or "grades"
	Bands []*Band
	Max   *Number // the most points a band may give; nil when not stated
}

// BandLists returns every list of bands in s: each metric's, then the
// grade table's.
func (s *Set) BandLists() []BandList {
	var out []BandList
	for _, m := range s.Metrics {
		if len(m.Bands) > 0 {
			out = append(out, BandList{Pos: m.Pos, What: "metric " + m.Name, Bands: m.Bands, Max: m.Max})
		}
	}
	if s.Grades != nil && len(s.Grades.Bands) > 0 {
		out = append(out, BandList{Pos: s.Grades.Pos, What: "grades", Bands: s.Grades.Bands})
	}
	return out
}

func (d *decoder) grades(s *Set, n *yaml.Node) {
	n = resolve(n)
	g := &Grades{Pos: d.pos(n)}
	s.Grades = g
	if n.Kind == yaml.SequenceNode {
		// The bands alone: grades of the total, under the default label.
		g.Bands = d.gradeBands(n)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		d.errorf(n, "grades must be a mapping with bands:, or a list of bands, not %s", describe(n))
		return
	}
	_, f := d.fields(n, "grades", []string{"label", "of", "bands", "vetoes"})
	if x := f["label"]; x != nil {
		s.Labels.Grade = d.text(x, "label")
	}
	if x := f["of"]; x != nil {
		g.Of = d.formula(x, "of")
	}
	if x := f["bands"]; x != nil {
		g.Bands = d.gradeBands(x)
	} else if n.Kind == yaml.MappingNode || n.Tag == "!!null" {
		d.errorf(n, "grades needs bands, e.g. - {when: \">= 90\", grade: A, coefficient: 1.2}")
	}
	if x := f["vetoes"]; x != nil {
		g.Vetoes = d.vetoes(g, x)
	}
}

// vetoes reads the vetoes of g, whose bands are read already.
func (d *decoder) vetoes(g *Grades, n *yaml.Node) []*Veto {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "grades: vetoes must be a list, not %s", describe(n))
		return nil
	}
	var names []string
	for _, b := range g.Bands {
		names = append(names, strings.TrimSpace(foldWidth(b.Grade)))
	}
	var out []*Veto
	for _, item := range n.Content {
		_, f := d.fields(item, "a veto", []string{"when", "at_most", "coefficient"})
		v := &Veto{Pos: d.pos(resolve(item)), AtMost: -1}
		if resolve(item).Kind != yaml.MappingNode {
			continue
		}
		if x := f["when"]; x != nil {
			v.When = d.formula(x, "when")
		} else {
			d.errorf(item, "a veto needs when, the condition it applies on, e.g. when: 投诉次数 >= 2")
		}
		if x := f["at_most"]; x != nil {
			if t := d.text(x, "at_most"); t != "" {
				v.AtMost = d.grade(x, t, names)
			}
		}
		if x := f["coefficient"]; x != nil {
			v.Coefficient = d.number(x, "coefficient")
			if !g.Coefficients() && len(g.Bands) > 0 {
				e := d.errorf(x, "a veto cannot set a coefficient: the grades give none")
				e.Hint = "give every grade a coefficient, or leave coefficient: out of the veto"
			}
		}
		if f["at_most"] == nil && f["coefficient"] == nil {
			d.errorf(item, "a veto needs at_most, a grade to cap the grade at, or coefficient, e.g. {when: 投诉次数 >= 2, at_most: C}")
		}
		out = append(out, v)
	}
	return out
}

func (d *decoder) gradeBands(n *yaml.Node) []*Band {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "grades: bands must be a list, not %s", describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "grades: the list of bands is empty")
		return nil
	}
	var out []*Band
	var lacking []*Band
	some := false
	for _, item := range n.Content {
		_, f := d.fields(item, "a grade band", []string{"when", "grade", "coefficient"})
		b := &Band{Pos: d.pos(resolve(item))}
		if x := f["when"]; x != nil {
			d.when(b, x)
		} else {
			d.errorf(item, "a grade band needs when, the range it covers, e.g. when: \"[81, 91)\"")
		}
		if x := f["grade"]; x != nil {
			b.Grade = d.text(x, "grade")
		} else {
			d.errorf(item, "a grade band needs a grade, e.g. grade: 良")
		}
		if x := f["coefficient"]; x != nil {
			some = true
			b.Coefficient = d.number(x, "coefficient")
		} else if resolve(item).Kind == yaml.MappingNode && b.Grade != "" {
			lacking = append(lacking, b)
		}
		out = append(out, b)
	}
	// Either every grade has a coefficient or none does, so that a pay
	// line using it has one whatever the grade.
	if some {
		for _, b := range lacking {
			e := d.errs.add(b.Pos, "grade %s has no coefficient, but other grades have one", b.Grade)
			e.Hint = "give every grade a coefficient, or none"
		}
	}
	return out
}

// when reads a band's range into b.
func (d *decoder) when(b *Band, x *yaml.Node) {
	b.When = d.text(x, "when")
	b.WhenPos = d.pos(x)
	if x.Style == yaml.DoubleQuotedStyle || x.Style == yaml.SingleQuotedStyle {
		b.WhenPos = b.WhenPos.shift(1)
	}
	v := resolve(x)
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return
	}
	if err := parseRange(b, b.When); err != "" {
		e := d.errs.add(b.WhenPos, "when %q: %s", b.When, err)
		if err == msgEdgesReversed {
			e.Hint = fmt.Sprintf("write the lower edge first: %q", swapEdges(b.When))
		}
	}
}

// grade returns the index of grade t among names, the grades of the
// table, or reports it at n.
func (d *decoder) grade(n *yaml.Node, t string, names []string) int {
	k := strings.TrimSpace(foldWidth(t))
	for i, x := range names {
		if x == k {
			return i
		}
	}
	e := d.errorf(n, "at_most: unknown grade %q", t)
	hint := ""
	for _, x := range names {
		if strings.EqualFold(x, k) {
			hint = x
		}
	}
	if hint == "" {
		hint = closest(k, names)
	}
	if hint != "" {
		e.Hint = fmt.Sprintf("did you mean %q?", hint)
	} else {
		e.Hint = "the grades are " + strings.Join(names, ", ")
	}
	return -1
}

// declareGrades makes grade and coefficient names formulas can use.
func (c *checker) declareGrades() {
	g := c.set.Grades
	if g == nil {
		return
	}
	c.decls["grade"] = &decl{kind: declGrade, pos: g.Pos, typ: tyText}
	if g.Coefficients() {
		c.decls["coefficient"] = &decl{kind: declCoefficient, pos: g.Pos, typ: tyNumber}
	}
}

// gradeTypes checks that what is graded is a number.
func (c *checker) gradeTypes() {
	g := c.set.Grades
	if g == nil {
		return
	}
	if g.Of != nil {
		c.want(g.Of, nil, tyNumber, "grades of")
	}
	for _, v := range g.Vetoes {
		if v.When != nil {
			c.want(v.When, nil, tyBool, "a veto's when")
		}
	}
}

// unknownHint explains an unknown name that belongs to grades: grade or
// coefficient in rules without them, or a grade written without quotes.
func (c *checker) unknownHint(name string) string {
	if lg := c.set.Ledger; lg != nil && lg.Rows != nil {
		for _, col := range lg.Rows.Columns {
			if col.Name == name {
				return fmt.Sprintf("%s is a column of the ledger's rows: per person, read a per_person figure such as sum(%s)", name, name)
			}
		}
		for _, m := range lg.Rows.Metrics[:lg.Computed] {
			if m.Name == name {
				return fmt.Sprintf("%s is worked out on each ledger row: per person, read a per_person figure such as sum(%s)", name, name)
			}
		}
	}
	switch name {
	case "grade", "coefficient":
		if c.set.Grades == nil {
			return fmt.Sprintf("%s comes from a grades table, and these rules have none", name)
		}
		return "coefficient comes from the grades table, whose bands give none: add coefficient: to each"
	}
	if g := c.set.Grades; g != nil {
		for _, b := range g.Bands {
			if b.Grade == name {
				return fmt.Sprintf("a grade is text: write it in quotes, grade = %q", name)
			}
		}
	}
	return ""
}
