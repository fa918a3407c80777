package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Case is a test case for the rules: one person's inputs, written as the
// cells of a workbook row would hold them, and the results expected. Only
// what Expect lists is checked.
type Case struct {
	Pos  Pos // the start of the case, for reports
	Name string
	// Like names an earlier case in the same file whose inputs this case
	// starts from; its own inputs replace those of the same column.
	Like   string
	Inputs []Input // at most one per column, in the order written
	Expect Expect

	// Period is the period the case is scored in, as --period writes it;
	// "" for none. History is what earlier periods recorded for the
	// case's person, most recent first, for rules that look back.
	Period    string
	PeriodPos Pos
	History   []PastCase
	// Tables are the rows the case gives the rules' tables; a table it
	// leaves out has none, so lookups in it have no value.
	Tables []CaseTable
}

// PastCase is what a case says one earlier period's results hold for its
// person.
type PastCase struct {
	Pos    Pos
	Period string
	Absent bool        // the person is not in that period's results
	Values []PastValue // by history name; a name left out has no value
}

// PastValue is one figure of an earlier period in a case's history.
type PastValue struct {
	Pos  Pos
	Name int    // index into Set.HistoryNames()
	Raw  string // as written
}

// Input is a case's cell for one column.
type Input struct {
	Pos    Pos
	Column int    // index into Set.Columns
	Raw    string // the cell's text; "" is a blank cell
}

// Expect is what a case expects of its result.
type Expect struct {
	Points  []Want // points of metrics that earn points
	Values  []Want // values of metrics
	Total   *Want
	Flags   *WantNames // the exact set of flags raised
	Pay     []Want     // pay lines, compared after rounding to 0.01
	Missing *WantNames // the exact set of metrics without a value

	Sections    []Want    // section scores
	Grade       *WantText // the grade
	Coefficient *Want     // the grade's coefficient
}

// WantText is an expected text; a nil Value expects none.
type WantText struct {
	Pos   Pos
	Value *string
}

// Want is one expected figure.
type Want struct {
	Pos   Pos
	Index int              // into Set.Metrics or Set.Pay; unused for the total
	Value *decimal.Decimal // nil when the figure is expected to have no value
}

// WantNames is an expected set of names: flags, or metrics.
type WantNames struct {
	Pos   Pos
	Names []string
}

var (
	caseFields   = []string{"name", "like", "period", "history", "tables", "inputs", "expect"}
	expectFields = []string{"points", "value", "sections", "total", "grade", "coefficient", "flags", "pay", "missing"}
)

// ParseCases decodes a file of test cases for set: a mapping whose one key,
// cases, holds a list of cases as a rule file's cases: does. file names
// the file in messages. The error, if any, is an [ErrorList].
func ParseCases(set *Set, file string, src []byte) ([]*Case, error) {
	d, root, lerr := load(file, src)
	if lerr != nil {
		return nil, ErrorList{lerr}
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	_, f := d.fields(root, "a file of cases", []string{"cases"})
	var cases []*Case
	if n := f["cases"]; n != nil {
		cases = d.cases(set, n)
	} else if len(d.errs) == 0 {
		d.errorf(resolve(root), "no cases: list them under cases:")
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return cases, nil
}

// cases decodes a list of cases. A case's like: must name a case above it,
// so that inputs are always inherited from a case already decoded.
func (d *decoder) cases(set *Set, n *yaml.Node) []*Case {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "cases must be a list of cases, not %s", describe(n))
		return nil
	}
	var out []*Case
	byName := map[string]*Case{}
	for _, item := range n.Content {
		c := d.oneCase(set, resolve(item), byName)
		if c == nil {
			continue
		}
		if prev, ok := byName[c.Name]; ok {
			d.errs.add(c.Pos, "case %q is given twice (first at line %d)", c.Name, prev.Pos.Line)
			continue
		}
		byName[c.Name] = c
		out = append(out, c)
	}
	return out
}

func (d *decoder) oneCase(set *Set, item *yaml.Node, before map[string]*Case) *Case {
	c := &Case{Pos: d.pos(item)}
	if item.Kind != yaml.MappingNode {
		d.errorf(item, "a case must be a mapping with name, inputs and expect, not %s", describe(item))
		return nil
	}
	_, f := d.fields(item, "a case", caseFields)
	if x := f["name"]; x != nil {
		c.Name = d.text(x, "name")
	} else {
		d.errorf(item, "a case needs a name, to report it by")
	}
	what := fmt.Sprintf("case %q", c.Name)
	if x := f["like"]; x != nil {
		c.Like = d.text(x, "like")
		if base, ok := before[c.Like]; ok {
			c.Inputs = append(c.Inputs, base.Inputs...)
			c.Period, c.PeriodPos, c.History = base.Period, base.PeriodPos, base.History
			c.Tables = base.Tables
		} else if c.Like != "" {
			e := d.errorf(x, "like %q: no case of that name above this one", c.Like)
			names := make([]string, 0, len(before))
			for n := range before {
				names = append(names, n)
			}
			sort.Strings(names)
			if s := closest(c.Like, names); s != "" {
				e.Hint = fmt.Sprintf("did you mean %q?", s)
			}
		}
	}
	if x := f["period"]; x != nil {
		c.Period, c.PeriodPos = strings.TrimSpace(d.text(x, "period")), d.pos(resolve(x))
	}
	if x := f["history"]; x != nil {
		c.History = d.caseHistory(set, x, what)
		if c.Period == "" {
			d.errorf(x, "%s gives a history but no period: add period:, such as period: 2026-03, to say which period the history comes before", what)
		}
	}
	if x := f["tables"]; x != nil {
		d.caseTables(set, c, x, what)
	}
	if x := f["inputs"]; x != nil {
		d.inputs(set, c, x, what)
	}
	if x := f["expect"]; x != nil {
		d.expect(set, c, x, what)
	} else {
		d.errorf(item, "%s expects nothing: add expect: with the points, total, flags or pay it should give", what)
	}
	if c.Name == "" {
		return nil
	}
	return c
}

// inputs decodes a case's cells. A column may be named as formulas name
// it or by its header text or an alias, as the workbook heads it.
func (d *decoder) inputs(set *Set, c *Case, n *yaml.Node, what string) {
	pairs, _ := d.fields(n, "the inputs of "+what, nil)
	given := map[int]*yaml.Node{}
	for _, p := range pairs {
		col := findColumn(set, p.key.Value)
		if col < 0 {
			names := make([]string, len(set.Columns))
			for i, c := range set.Columns {
				names[i] = c.Name
			}
			e := d.errorf(p.key, "unknown column %q in the inputs of %s", p.key.Value, what)
			if s := closest(foldWidth(p.key.Value), names); s != "" {
				e.Hint = fmt.Sprintf("did you mean %q?", s)
			}
			continue
		}
		if prev, ok := given[col]; ok {
			d.errorf(p.key, "%q and %q (line %d) are the same column, %s", p.key.Value, prev.Value, prev.Line, set.Columns[col].Name)
			continue
		}
		given[col] = p.key
		v := resolve(p.value)
		if v.Kind != yaml.ScalarNode {
			d.errorf(v, "input %s must be a number or text, not %s", p.key.Value, describe(v))
			continue
		}
		raw := v.Value
		if v.Tag == "!!null" {
			raw = ""
		}
		in := Input{Pos: d.pos(v), Column: col, Raw: raw}
		if v.Tag == "!!null" && v.Line == 0 {
			in.Pos = d.pos(p.key)
		}
		replaced := false
		for i := range c.Inputs {
			if c.Inputs[i].Column == col {
				c.Inputs[i], replaced = in, true
			}
		}
		if !replaced {
			c.Inputs = append(c.Inputs, in)
		}
	}
}

// caseHistory decodes a case's history: a mapping of earlier periods,
// each to the figures its results hold for the person, by the names the
// rules' history functions read, or to absent for a person not in that
// period's results.
func (d *decoder) caseHistory(set *Set, n *yaml.Node, what string) []PastCase {
	names := set.HistoryNames()
	if len(names) == 0 {
		d.errorf(n, "%s gives a history, but the rules look back over no earlier periods", what)
		return nil
	}
	pairs, _ := d.fields(n, "the history of "+what, nil)
	var out []PastCase
	for _, p := range pairs {
		pc := PastCase{Pos: d.pos(p.key), Period: strings.TrimSpace(p.key.Value)}
		v := resolve(p.value)
		switch {
		case v.Kind == yaml.ScalarNode && v.Value == "absent":
			pc.Absent = true
		case v.Kind == yaml.MappingNode:
			figs, _ := d.fields(v, "the history "+pc.Period+" of "+what, nil)
			for _, fig := range figs {
				i := d.known(fig.key, fig.key.Value, "history figure", names)
				if i < 0 {
					continue
				}
				x := resolve(fig.value)
				if x.Kind != yaml.ScalarNode {
					d.errorf(x, "history %s %s must be a number or text, not %s", pc.Period, names[i], describe(x))
					continue
				}
				raw := x.Value
				if x.Tag == "!!null" {
					raw = ""
				}
				pc.Values = append(pc.Values, PastValue{Pos: d.pos(x), Name: i, Raw: raw})
			}
		default:
			d.errorf(v, "history %s must be the figures of that period, such as {%s: 30}, or absent, not %s", pc.Period, names[0], describe(v))
			continue
		}
		out = append(out, pc)
	}
	return out
}

// findColumn returns the index of the column named s, by its name, its
// header or an alias, or -1.
func findColumn(set *Set, s string) int {
	k := strings.TrimSpace(foldWidth(s))
	for i, c := range set.Columns {
		if c.Name == k {
			return i
		}
	}
	for i, c := range set.Columns {
		for _, h := range append([]string{c.Header}, c.Aliases...) {
			if strings.TrimSpace(foldWidth(h)) == k {
				return i
			}
		}
	}
	return -1
}

func (d *decoder) expect(set *Set, c *Case, n *yaml.Node, what string) {
	_, f := d.fields(n, "the expect of "+what, expectFields)
	e := &c.Expect
	metrics := make([]string, len(set.Metrics))
	for i, m := range set.Metrics {
		metrics[i] = m.Name
	}
	if x := f["points"]; x != nil {
		e.Points = d.wants(x, "points", "metric", metrics, func(i int, key *yaml.Node) bool {
			if !set.Metrics[i].Scored() {
				d.errorf(key, "metric %s earns no points: expect its value instead", set.Metrics[i].Name)
				return false
			}
			return true
		})
	}
	if x := f["value"]; x != nil {
		e.Values = d.wants(x, "value", "metric", metrics, nil)
	}
	if x := f["total"]; x != nil {
		if v, ok := d.wantNumber(x, "total"); ok {
			e.Total = &Want{Pos: d.pos(resolve(x)), Value: v}
		}
	}
	if x := f["sections"]; x != nil {
		names := make([]string, len(set.Sections))
		for i, sec := range set.Sections {
			names[i] = sec.Name
		}
		e.Sections = d.wants(x, "sections", "section", names, nil)
	}
	if x := f["grade"]; x != nil {
		if set.Grades == nil {
			d.errorf(x, "the rules have no grades to expect one of")
		} else if v := resolve(x); v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			e.Grade = &WantText{Pos: d.pos(v)}
		} else {
			g := strings.TrimSpace(foldWidth(d.text(x, "grade")))
			e.Grade = &WantText{Pos: d.pos(v), Value: &g}
		}
	}
	if x := f["coefficient"]; x != nil {
		if set.Grades == nil || !set.Grades.Coefficients() {
			d.errorf(x, "the rules' grades have no coefficients to expect one of")
		} else if v, ok := d.wantNumber(x, "coefficient"); ok {
			e.Coefficient = &Want{Pos: d.pos(resolve(x)), Value: v}
		}
	}
	if x := f["flags"]; x != nil {
		names := make([]string, len(set.Flags))
		for i, fl := range set.Flags {
			names[i] = fl.Name
		}
		e.Flags = d.wantNames(x, "flag", names)
	}
	if x := f["pay"]; x != nil {
		names := make([]string, len(set.Pay))
		for i, p := range set.Pay {
			names[i] = p.Name
		}
		e.Pay = d.wants(x, "pay", "pay line", names, nil)
		for _, w := range e.Pay {
			if w.Value != nil && w.Value.Trim(2).Scale() > 2 {
				d.errs.add(w.Pos, "pay %s: %s has more than two decimals, but pay is compared after rounding to 0.01", names[w.Index], w.Value)
			}
		}
	}
	if x := f["missing"]; x != nil {
		e.Missing = d.wantNames(x, "metric", metrics)
	}
}

// wants decodes the mapping under field, of names of a kind to expected
// numbers; null expects no value. ok, when not nil, vets each name found.
func (d *decoder) wants(n *yaml.Node, field, kind string, names []string, ok func(i int, key *yaml.Node) bool) []Want {
	pairs, _ := d.fields(n, "expect."+field, nil)
	var out []Want
	for _, p := range pairs {
		i := d.known(p.key, p.key.Value, kind, names)
		if i < 0 || ok != nil && !ok(i, p.key) {
			continue
		}
		if v, good := d.wantNumber(p.value, field+" "+names[i]); good {
			out = append(out, Want{Pos: d.pos(resolve(p.value)), Index: i, Value: v})
		}
	}
	return out
}

// wantNumber reads an expected number, or null for no value.
func (d *decoder) wantNumber(n *yaml.Node, what string) (*decimal.Decimal, bool) {
	if v := resolve(n); v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, true
	}
	num := d.number(n, what)
	if num == nil {
		return nil, false
	}
	return &num.Value, true
}

// wantNames decodes a list of names, each one of names.
func (d *decoder) wantNames(n *yaml.Node, what string, names []string) *WantNames {
	n = resolve(n)
	w := &WantNames{Pos: d.pos(n), Names: []string{}}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return w
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "expected %ss must be a list, such as [%s], not %s", what, example(names), describe(n))
		return nil
	}
	seen := map[string]bool{}
	for _, item := range n.Content {
		s := d.text(item, what)
		if s == "" {
			continue
		}
		i := d.known(item, s, what, names)
		if i < 0 {
			continue
		}
		if seen[names[i]] {
			d.errorf(item, "%s %s is listed twice", what, names[i])
			continue
		}
		seen[names[i]] = true
		w.Names = append(w.Names, names[i])
	}
	return w
}

func example(names []string) string {
	if len(names) == 0 {
		return "a, b"
	}
	return names[0]
}

// known returns the index of s among names, reporting an unknown name at
// n with a hint.
func (d *decoder) known(n *yaml.Node, s, what string, names []string) int {
	k := strings.TrimSpace(foldWidth(s))
	for i, x := range names {
		if x == k {
			return i
		}
	}
	e := d.errorf(n, "unknown %s %q", what, s)
	if c := closest(k, names); c != "" {
		e.Hint = fmt.Sprintf("did you mean %q?", c)
	} else if len(names) == 0 {
		e.Hint = fmt.Sprintf("the rules have no %ss", what)
	}
	return -1
}
