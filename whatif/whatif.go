// Package whatif compares two scorings of one workbook, with an old and a
// new rule file: per person, the change in every figure; for the whole
// sheet, who moves from which grade to which, what each pay line costs
// more or less, and how the two rule files differ. It is pure: the run
// layer scores the workbook both ways and hands it the results.
package whatif

import (
	"sort"
	"strings"

	"appraise/rules"
	"appraise/scoring"

	"github.com/govalues/decimal"
)

// Kind says what a [Column] of figures is.
type Kind uint8

// The kinds of figure compared.
const (
	Metric      Kind = iota // a metric's points, or its value when it is only reported
	Section                 // a section's score
	Total                   // the total
	Grade                   // the grade
	Coefficient             // the grade's coefficient
	Pay                     // a pay line, rounded to the cent as it is paid
)

// Column is one figure of a person's results.
type Column struct {
	Kind   Kind
	Name   string // the metric's, section's or pay line's name; "" for the total, grade and coefficient
	Header string // as the results sheet heads it for scripts: JSON's and CSV's labels
	Local  string // as the scored workbook heads it, in the rule file's language
}

// Scored is one scoring of the sheet: the rules and every person's
// figures, in the order of the sheet.
type Scored struct {
	Set     *rules.Set
	Columns []Column
	People  []Person
}

// Person is one row's figures.
type Person struct {
	Row    int      // the row number in the input sheet
	Key    []string // the key columns' values, such as 工号 and 姓名
	Group  string   // the group column's value; "" when there is none
	Values []scoring.Value
}

// Columns lists the figures a scoring with set gives each person.
func Columns(set *rules.Set) []Column {
	var cols []Column
	for _, m := range set.Metrics {
		h, l := m.Name, m.Name
		if m.Scored() {
			h = strings.ReplaceAll(set.Labels.Points, "{metric}", m.Name)
			l = strings.ReplaceAll(set.Local.Points, "{metric}", m.Name)
		}
		cols = append(cols, Column{Kind: Metric, Name: m.Name, Header: h, Local: l})
	}
	for _, s := range set.Sections {
		cols = append(cols, Column{Kind: Section, Name: s.Name, Header: strings.ReplaceAll(set.Labels.Sections, "{section}", s.Name),
			Local: strings.ReplaceAll(set.Local.Sections, "{section}", s.Name)})
	}
	if !set.Total.None {
		cols = append(cols, Column{Kind: Total, Header: set.Labels.Total, Local: set.Local.Total})
	}
	if g := set.Grades; g != nil {
		cols = append(cols, Column{Kind: Grade, Header: set.Labels.Grade, Local: set.Local.Grade})
		if g.Coefficients() {
			cols = append(cols, Column{Kind: Coefficient, Header: set.Labels.Coefficient, Local: set.Local.Coefficient})
		}
	}
	for _, p := range set.Pay {
		cols = append(cols, Column{Kind: Pay, Name: p.Name, Header: p.Name, Local: p.Name})
	}
	// A pool's share is paid as a pay line is, and costs as one does.
	for _, p := range set.Pools {
		cols = append(cols, Column{Kind: Pay, Name: p.Name, Header: p.Name, Local: p.Name})
	}
	return cols
}

// Take reads a person's figures from res, scored with set, for the
// columns [Columns] gives. group is the index of the group column among
// set's columns, or -1.
func Take(set *rules.Set, res *scoring.Result, row, group int) Person {
	p := Person{Row: row}
	for i, c := range set.Columns {
		if c.Key {
			p.Key = append(p.Key, res.Input(i).String())
		}
	}
	if group >= 0 {
		p.Group = res.Input(group).String()
	}
	for i, m := range set.Metrics {
		r := res.Metric(i)
		if m.Scored() {
			p.Values = append(p.Values, r.Points)
		} else {
			p.Values = append(p.Values, r.Value)
		}
	}
	for i := range set.Sections {
		p.Values = append(p.Values, res.Section(i).Score)
	}
	if !set.Total.None {
		p.Values = append(p.Values, res.Total())
	}
	if g := set.Grades; g != nil {
		grade := scoring.Value{}
		if s, ok := res.Grade(); ok {
			grade = scoring.Str(s)
		}
		p.Values = append(p.Values, grade)
		if g.Coefficients() {
			p.Values = append(p.Values, res.Coefficient())
		}
	}
	for i := range set.Pay {
		v := res.Pay(i)
		if v.Kind == scoring.Number {
			v = scoring.Num(scoring.RoundMoney(v.Num))
		}
		p.Values = append(p.Values, v)
	}
	for k := range set.Pools {
		p.Values = append(p.Values, res.Share(k).Share)
	}
	return p
}

// Report is what changes from the old scoring to the new.
type Report struct {
	Old, New *rules.Set
	Columns  []Column // the figures of either scoring, the old's first
	People   []Change // every person, the largest change first
	Changed  int      // people with any figure changed
	Moved    int      // people whose grade changed
	// OldGrades and NewGrades are the grades of each table, best first,
	// and "" for no grade when anyone has none: the rows and columns of
	// Moves.
	OldGrades, NewGrades []string
	Moves                map[[2]string]int // old grade, new grade -> people
	Cost                 []Cost            // per pay line of either scoring
	GroupColumn          string            // the column people are grouped by; "" for none
	Groups               []GroupCost       // per group, in the order first met
	Rules                []RuleChange      // the rule files' differences, in the order of the old file
}

// Change is one person's figures both ways.
type Change struct {
	Row      int
	Key      []string
	Group    string
	Old, New []scoring.Value // by Report.Columns; missing where a scoring lacks the figure
	Changed  []bool          // by Report.Columns
}

// Delta is new minus old for column i, when both are numbers.
func (c *Change) Delta(i int) (decimal.Decimal, bool) {
	o, n := c.Old[i], c.New[i]
	if o.Kind != scoring.Number || n.Kind != scoring.Number {
		return decimal.Decimal{}, false
	}
	d, err := n.Num.Sub(o.Num)
	return d, err == nil
}

// Cost is what a pay line adds up to over the people, both ways.
type Cost struct {
	Name     string
	Old, New decimal.Decimal // the sum of the amounts paid; one with no value counts as 0
	Delta    decimal.Decimal
}

// GroupCost is the cost of each pay line within one group.
type GroupCost struct {
	Group string
	Cost  []Cost
}

// Compare compares two scorings of the same sheet, person by person in
// the order of the sheet. Both must hold the same rows, as two scorings
// of one workbook do.
func Compare(old, new *Scored, groupColumn string) *Report {
	r := &Report{Old: old.Set, New: new.Set, GroupColumn: groupColumn, Moves: map[[2]string]int{}}
	oldAt, newAt := map[colID]int{}, map[colID]int{}
	for i, c := range old.Columns {
		oldAt[id(c)] = i
		r.Columns = append(r.Columns, c)
	}
	for i, c := range new.Columns {
		newAt[id(c)] = i
		if _, ok := oldAt[id(c)]; !ok {
			r.Columns = append(r.Columns, c)
		}
	}
	pick := func(vals []scoring.Value, at map[colID]int, c Column) scoring.Value {
		if i, ok := at[id(c)]; ok {
			return vals[i]
		}
		return scoring.Value{}
	}
	gradeAt := -1
	for i, c := range r.Columns {
		if c.Kind == Grade {
			gradeAt = i
		}
	}
	byRow := map[int]*Person{}
	for i := range new.People {
		byRow[new.People[i].Row] = &new.People[i]
	}
	noGrade := false
	for _, op := range old.People {
		np := byRow[op.Row]
		if np == nil {
			np = &Person{Row: op.Row}
		}
		ch := Change{Row: op.Row, Key: op.Key, Group: op.Group}
		any := false
		for _, c := range r.Columns {
			o, n := pick(op.Values, oldAt, c), pick(np.Values, newAt, c)
			if np.Values == nil {
				n = scoring.Value{}
			}
			changed := !same(o, n)
			any = any || changed
			ch.Old, ch.New, ch.Changed = append(ch.Old, o), append(ch.New, n), append(ch.Changed, changed)
		}
		if any {
			r.Changed++
		}
		if gradeAt >= 0 {
			from, to := ch.Old[gradeAt].Str, ch.New[gradeAt].Str
			if ch.Old[gradeAt].Kind != scoring.Text {
				from = ""
			}
			if ch.New[gradeAt].Kind != scoring.Text {
				to = ""
			}
			noGrade = noGrade || from == "" || to == ""
			r.Moves[[2]string{from, to}]++
			if from != to {
				r.Moved++
			}
		}
		r.People = append(r.People, ch)
	}
	if gradeAt >= 0 {
		r.OldGrades = grades(old.Set, noGrade)
		r.NewGrades = grades(new.Set, noGrade)
	}
	r.Cost = costs(r.Columns, r.People, func(*Change) bool { return true })
	if groupColumn != "" {
		seen := map[string]bool{}
		for _, p := range r.People {
			if seen[p.Group] {
				continue
			}
			seen[p.Group] = true
			g := p.Group
			r.Groups = append(r.Groups, GroupCost{Group: g, Cost: costs(r.Columns, r.People, func(c *Change) bool { return c.Group == g })})
		}
	}
	sortPeople(r, gradeAt)
	r.Rules = DiffRules(old.Set, new.Set)
	return r
}

// colID names a figure the same way in both scorings, whatever its header.
type colID struct {
	kind Kind
	name string
}

func id(c Column) colID { return colID{c.Kind, c.Name} }

// same reports whether two figures are equal: numbers by value, so that
// 98.5 is 98.50.
func same(a, b scoring.Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case scoring.Number, scoring.Date:
		return a.Num.Cmp(b.Num) == 0
	case scoring.Text:
		return a.Str == b.Str
	case scoring.Bool:
		return a.Bool == b.Bool
	}
	return true // both missing, whatever the reason
}

// grades lists a grade table's grades, best first, with "" for no grade
// at the end when anyone has none.
func grades(set *rules.Set, none bool) []string {
	var out []string
	if set.Grades != nil {
		for _, b := range set.Grades.Bands {
			dup := false
			for _, g := range out {
				dup = dup || g == b.Grade
			}
			if !dup {
				out = append(out, b.Grade)
			}
		}
	}
	if none {
		out = append(out, "")
	}
	return out
}

func costs(cols []Column, people []Change, in func(*Change) bool) []Cost {
	var out []Cost
	for i, c := range cols {
		if c.Kind != Pay {
			continue
		}
		k := Cost{Name: c.Name}
		for j := range people {
			p := &people[j]
			if !in(p) {
				continue
			}
			if v := p.Old[i]; v.Kind == scoring.Number {
				k.Old, _ = k.Old.Add(v.Num)
			}
			if v := p.New[i]; v.Kind == scoring.Number {
				k.New, _ = k.New.Add(v.Num)
			}
		}
		k.Old, k.New = k.Old.Pad(2), k.New.Pad(2)
		k.Delta, _ = k.New.Sub(k.Old)
		k.Delta = k.Delta.Pad(2)
		out = append(out, k)
	}
	return out
}

// sortPeople puts the largest changes first: those whose grade moved,
// then by the change in the total, then by the largest change in a pay
// line, both regardless of sign; ties keep the order of the sheet.
func sortPeople(r *Report, gradeAt int) {
	type size struct {
		moved        bool
		total, money decimal.Decimal
	}
	sizes := make(map[int]size, len(r.People))
	for j := range r.People {
		p := &r.People[j]
		var s size
		if gradeAt >= 0 {
			s.moved = p.Changed[gradeAt]
		}
		for i, c := range r.Columns {
			d, ok := p.Delta(i)
			if !ok {
				if p.Changed[i] && c.Kind == Total {
					s.total = decimal.MustNew(1, 18) // a total that came or went: some change
				}
				continue
			}
			d = d.Abs()
			switch c.Kind {
			case Total:
				s.total = d
			case Pay:
				if d.Cmp(s.money) > 0 {
					s.money = d
				}
			}
		}
		sizes[p.Row] = s
	}
	sort.SliceStable(r.People, func(a, b int) bool {
		x, y := sizes[r.People[a].Row], sizes[r.People[b].Row]
		if x.moved != y.moved {
			return x.moved
		}
		if c := x.total.Cmp(y.total); c != 0 {
			return c > 0
		}
		return x.money.Cmp(y.money) > 0
	})
}
