package rules

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Table is a further table the rules read by key with lookup(): another
// sheet of the workbook scored (a 目标 sheet of targets, one row per
// department and KPI), a sheet of another workbook, or the results of
// another rule file (a department's 总分 joined to its people).
type Table struct {
	Pos  Pos
	Name string
	// Sheet is the sheet to read; "" for the sheet named like the table
	// (or, for results, the other rules' own sheet).
	Sheet string
	// File is another workbook, as the rule file names it (relative to
	// the rule file's folder); "" for the workbook scored. The command
	// line's --with NAME=FILE gives it too, and comes first.
	File    string
	FilePos Pos
	// Results is another rule file whose results the table holds, as the
	// rule file names it (relative to its folder); "" for a sheet of data.
	// The other rules score their sheet of the same workbook (or File)
	// first, and Keys and Columns then name headers of their results:
	// an input column, a metric, a section, the total's label, a pay line.
	Results    string
	ResultsPos Pos
	// Keys are the columns that find a row: one or several, in the order
	// lookup() gives their values.
	Keys []*Column
	// Columns are the values lookup() reads.
	Columns []*Column
}

// Column returns the value column of t named name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// KeyNames lists the names of t's key columns.
func (t *Table) KeyNames() []string {
	out := make([]string, len(t.Keys))
	for i, k := range t.Keys {
		out[i] = k.Name
	}
	return out
}

// TableIndex returns the index of the table named name, or -1.
func (s *Set) TableIndex(name string) int {
	for i, t := range s.Tables {
		if t.Name == name {
			return i
		}
	}
	return -1
}

var tableFields = []string{"sheet", "file", "results", "keys", "columns", "description"}

func (d *decoder) tables(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "tables", nil)
	for _, p := range pairs {
		t := &Table{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
		_, f := d.fields(p.value, "table "+t.Name, tableFields)
		if x := f["sheet"]; x != nil {
			t.Sheet = d.text(x, "sheet")
		}
		if x := f["file"]; x != nil {
			t.File, t.FilePos = d.text(x, "file"), d.pos(resolve(x))
		}
		if x := f["results"]; x != nil {
			t.Results, t.ResultsPos = d.text(x, "results"), d.pos(resolve(x))
		}
		if x := f["keys"]; x != nil {
			t.Keys = d.tableColumns(x, "keys of table "+t.Name)
		}
		if len(t.Keys) == 0 {
			e := d.errorf(p.key, "table %s has no keys: list the columns that find a row", t.Name)
			e.Hint = "keys: {部门: {type: text}, KPI: {type: text}}"
		}
		if x := f["columns"]; x != nil {
			t.Columns = d.tableColumns(x, "columns of table "+t.Name)
		}
		if len(t.Columns) == 0 {
			d.errorf(p.key, "table %s has no columns: list the values lookup() reads from it", t.Name)
		}
		s.Tables = append(s.Tables, t)
	}
}

// tableColumns reads a table's keys or columns, written as the rules'
// columns are, with default: for what a lookup of a missing row gives.
func (d *decoder) tableColumns(n *yaml.Node, what string) []*Column {
	n = resolve(n)
	if n.Kind == yaml.SequenceNode {
		// A plain list of names: [部门, KPI].
		var out []*Column
		for _, item := range n.Content {
			if name := d.text(item, what); name != "" {
				out = append(out, &Column{Pos: d.pos(item), Name: foldWidth(name), Header: name, untyped: true})
			}
		}
		return out
	}
	holder := &Set{}
	pairs, _ := d.fields(n, what, nil)
	for _, p := range pairs {
		v := resolve(p.value)
		var def *yaml.Node
		if v.Kind == yaml.MappingNode {
			// default: is a table column's own; the rest is read as a column.
			rest := &yaml.Node{Kind: yaml.MappingNode, Line: v.Line, Column: v.Column}
			for i := 0; i+1 < len(v.Content); i += 2 {
				if v.Content[i].Value == "default" {
					def = v.Content[i+1]
					continue
				}
				rest.Content = append(rest.Content, v.Content[i], v.Content[i+1])
			}
			p.value = rest
		}
		one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{p.key, p.value}}
		before := len(holder.Columns)
		d.columns(holder, one)
		if len(holder.Columns) > before {
			c := holder.Columns[len(holder.Columns)-1]
			if c.Key {
				d.errorf(p.key, "%s: %s: key: true is for the rules' own columns; a table's keys are listed under keys:", what, c.Name)
			}
			if def != nil {
				d.tableDefault(c, def)
			}
		}
	}
	return holder.Columns
}

func (d *decoder) tableDefault(c *Column, x *yaml.Node) {
	if c.Text {
		t := d.text(x, "default")
		c.Default = &Number{Pos: d.pos(resolve(x))}
		c.DefaultText = &t
		return
	}
	c.Default = d.number(x, "default")
}

// IsLookup reports whether f is the lookup function.
func IsLookup(f string) bool { return f == "lookup" }

// lookupCall checks lookup(table.column, key, ...): the table and column
// must be declared, with one key value for each of the table's keys.
func (c *checker) lookupCall(e *Call, self *Metric) typ {
	if len(e.Args) == 0 {
		c.errs.add(e.Pos, "lookup takes the table's column, then a value for each of its keys: lookup(目标.目标值, 部门, \"销售收入\")")
		return tyUnknown
	}
	r, ok := e.Args[0].(*Ref)
	if !ok || r.Field == "" {
		e := c.errs.add(e.Args[0].Position(), "lookup's first argument names a table and its column, as 目标.目标值, not %s", Source(e.Args[0]))
		if len(c.set.Tables) > 0 {
			t := c.set.Tables[0]
			e.Hint = fmt.Sprintf("for example %s.%s", t.Name, t.Columns[0].Name)
		}
		return tyUnknown
	}
	i := c.set.TableIndex(r.Name)
	if i < 0 {
		er := c.errs.add(r.Pos, "lookup: no table %q", r.Name)
		var names []string
		for _, t := range c.set.Tables {
			names = append(names, t.Name)
		}
		if s := closest(r.Name, names); s != "" {
			er.Hint = fmt.Sprintf("did you mean %q?", s)
		} else if len(names) == 0 {
			er.Hint = "declare it under tables:"
		} else {
			er.Hint = "the tables are " + strings.Join(names, ", ")
		}
		return tyUnknown
	}
	t := c.set.Tables[i]
	col := t.Column(r.Field)
	if col == nil {
		at := r.Pos.shift(len([]rune(r.Name)) + 1)
		var names []string
		for _, x := range t.Columns {
			names = append(names, x.Name)
		}
		er := c.errs.add(at, "lookup: table %s has no column %q", t.Name, r.Field)
		for _, k := range t.Keys {
			if k.Name == r.Field {
				er.Hint = fmt.Sprintf("%s is a key of %s: it finds the row, and is given, not looked up", k.Name, t.Name)
			}
		}
		if er.Hint == "" {
			if s := closest(r.Field, names); s != "" {
				er.Hint = fmt.Sprintf("did you mean %q?", s)
			} else {
				er.Hint = "its columns are " + strings.Join(names, ", ")
			}
		}
		return tyUnknown
	}
	keys := e.Args[1:]
	if len(keys) != len(t.Keys) {
		c.errs.add(e.Pos, "lookup of %s.%s takes %s after the column (%s), not %d", t.Name, col.Name,
			plural(len(t.Keys), "key value"), strings.Join(t.KeyNames(), ", "), len(keys))
		return tyUnknown
	}
	for k, a := range keys {
		got := c.typeOf(a, self)
		want := tyNumber
		if t.Keys[k].Text {
			want = tyText
		}
		if t.Keys[k].Date {
			want = tyDate
		}
		if got != tyUnknown && got != want && !t.Keys[k].untyped {
			c.errs.add(a.Position(), "lookup: key %s of table %s is %s, but %s is %s", t.Keys[k].Name, t.Name, want, Source(a), got)
		}
	}
	switch {
	case col.untyped:
		return tyUnknown
	case col.Text:
		return tyText
	case col.Date:
		return tyDate
	}
	return tyNumber
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// LookupCalls lists every call of lookup() in the rules, in the order of
// [Set.Formulas].
func (s *Set) LookupCalls() []*Call {
	var calls []*Call
	for _, f := range s.Formulas() {
		walk(f.Expr, func(x Expr) {
			if c, ok := x.(*Call); ok && IsLookup(c.Func) {
				calls = append(calls, c)
			}
		})
	}
	return calls
}

// checkTables checks the tables' names and their columns.
func (c *checker) checkTables() {
	for i, t := range c.set.Tables {
		c.declare(t.Name, t.Pos, &decl{kind: declTable, index: i})
		seen := map[string]*Column{}
		for _, col := range append(append([]*Column{}, t.Keys...), t.Columns...) {
			if prev, ok := seen[col.Name]; ok {
				c.errs.add(col.Pos, "table %s: %s is named twice (first at line %d)", t.Name, col.Name, prev.Pos.Line)
				continue
			}
			seen[col.Name] = col
		}
	}
}

// Chain follows the rules' results tables to the rule files they read,
// and those files' own, checking each. read returns a rule file's text
// by path; paths are relative to the folder of the file that names them.
// It returns every file read, by path, and the problems found: a file
// that cannot be read or has errors, a column its results do not have,
// and a cycle (rules whose results, through others, need their own).
func Chain(set *Set, read func(path string) ([]byte, error)) (map[string]*Set, ErrorList) {
	ch := &chain{read: read, sets: map[string]*Set{}, state: map[string]int{}}
	ch.visit(set.File, set)
	ch.errs.Sort()
	return ch.sets, ch.errs
}

type chain struct {
	read  func(string) ([]byte, error)
	sets  map[string]*Set
	state map[string]int // 1 while its results tables are followed, 2 when done
	stack []link
	errs  ErrorList
}

// link is one results table on the way: the file that has it and where.
type link struct {
	file string
	at   Pos
}

// ResultsPath is the path of the rule file a results table of the rules
// in file names.
func ResultsPath(file, results string) string {
	if isAbs(results) {
		return results
	}
	dir := file
	if i := strings.LastIndexAny(dir, `/\`); i >= 0 {
		dir = dir[:i+1]
	} else {
		dir = ""
	}
	return cleanPath(dir + results)
}

func isAbs(p string) bool { return strings.HasPrefix(p, "/") || len(p) > 2 && p[1] == ':' }

// cleanPath removes "./" and "dir/../" from a slash-separated path.
func cleanPath(p string) string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		switch {
		case part == "." || part == "" && len(out) > 0:
		case part == ".." && len(out) > 0 && out[len(out)-1] != "..":
			out = out[:len(out)-1]
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, "/")
}

func (ch *chain) visit(file string, set *Set) {
	switch ch.state[file] {
	case 2:
		return
	case 1:
		// A cycle: from the first time file was reached back to here.
		start := 0
		for start < len(ch.stack) && ch.stack[start].file != file {
			start++
		}
		loop := ch.stack[start:]
		var parts []string
		for _, l := range loop {
			parts = append(parts, fmt.Sprintf("%s:%d reads the results of %s", l.file, l.at.Line, nextFile(loop, l, file)))
		}
		e := ch.errs.add(loop[0].at, "the results tables go round in a circle: %s", strings.Join(parts, ", "))
		e.Hint = "a results table reads rules that are scored first; two rule files cannot each be scored first"
		return
	}
	ch.state[file] = 1
	ch.sets[file] = set
	for _, t := range set.Tables {
		if t.Results == "" {
			continue
		}
		path := ResultsPath(file, t.Results)
		l := link{file: file, at: t.ResultsPos}
		other := ch.sets[path]
		if other == nil && ch.state[path] == 0 {
			src, err := ch.read(path)
			if err != nil {
				ch.errs.add(t.ResultsPos, "table %s: cannot read the rule file %s: %v", t.Name, path, err)
				continue
			}
			o, perr := Parse(path, src)
			if perr != nil {
				n := 1
				if list, ok := perr.(ErrorList); ok {
					errs, _ := list.split()
					n = len(errs)
				}
				ch.errs.add(t.ResultsPos, "table %s: the rule file %s has %s: run appraise validate %s", t.Name, path, plural(n, "error"), path)
				continue
			}
			other = o
		}
		if other != nil {
			ch.checkResults(t, path, other)
		}
		ch.stack = append(ch.stack, l)
		if other != nil {
			ch.visit(path, other)
		}
		ch.stack = ch.stack[:len(ch.stack)-1]
	}
	ch.state[file] = 2
}

// nextFile is the file the link l of loop reads: the next link's file,
// or, for the last, the file the loop started from.
func nextFile(loop []link, l link, first string) string {
	for i := range loop {
		if loop[i] == l && i+1 < len(loop) {
			return loop[i+1].file
		}
	}
	return first
}

// checkResults checks that the results of other have every column table
// t names.
func (ch *chain) checkResults(t *Table, path string, other *Set) {
	heads := other.ResultHeaders()
	for _, col := range append(append([]*Column{}, t.Keys...), t.Columns...) {
		found := false
		for _, h := range append([]string{col.Header}, col.Aliases...) {
			if heads[strings.TrimSpace(foldWidth(h))] {
				found = true
			}
		}
		if !found {
			names := make([]string, 0, len(heads))
			for h := range heads {
				names = append(names, h)
			}
			sort.Strings(names)
			e := ch.errs.add(col.Pos, "table %s: the results of %s have no column %q", t.Name, path, col.Header)
			if s := closest(col.Header, names); s != "" {
				e.Hint = fmt.Sprintf("did you mean %q?", s)
			}
		}
	}
}

// ResultHeaders lists the headers of the figures the rules' results hold,
// as a results table may name them: the input columns (header and name),
// each metric (its name for its value; a scored metric's points under
// labels.points), section, the total, grade and coefficient labels, each
// flag, pay line and rank.
func (s *Set) ResultHeaders() map[string]bool {
	h := map[string]bool{}
	add := func(x string) { h[strings.TrimSpace(foldWidth(x))] = true }
	for _, c := range s.Columns {
		add(c.Header)
		add(c.Name)
	}
	for _, m := range s.Metrics {
		add(m.Name)
		if m.Scored() {
			add(strings.ReplaceAll(s.Labels.Points, "{metric}", m.Name))
		}
	}
	for _, sec := range s.Sections {
		add(strings.ReplaceAll(s.Labels.Sections, "{section}", sec.Name))
	}
	if !s.Total.None {
		add(s.Labels.Total)
	}
	if s.Grades != nil {
		add(s.Labels.Grade)
		add(s.Labels.Coefficient)
	}
	for _, f := range s.Flags {
		add(f.Name)
	}
	for _, p := range s.Pay {
		add(p.Name)
	}
	for _, r := range s.Ranks {
		add(r.Name)
	}
	return h
}

// metricTarget reads a metric scored against a target: target:, mode:
// and better:.
func (d *decoder) metricTarget(m *Metric, key *yaml.Node, f map[string]*yaml.Node) {
	x := f["target"]
	if x == nil {
		for _, k := range []string{"mode", "better"} {
			if f[k] != nil {
				d.errorf(f[k], "metric %s has %s but no target: it says how a value is scored against its target", m.Name, k)
			}
		}
		return
	}
	m.Target = d.formula(x, "target")
	for _, k := range []string{"bands", "points", "map"} {
		if f[k] != nil {
			d.errorf(f[k], "metric %s has both a target and %s: keep one", m.Name, k)
		}
	}
	if f["value"] == nil {
		d.errorf(key, "metric %s has a target but no value to compare with it", m.Name)
	}
	if y := f["mode"]; y != nil {
		switch t := d.text(y, "mode"); t {
		case TargetAll, TargetProportional:
			m.Mode = t
		case "":
		default:
			e := d.errorf(y, "mode of metric %s must be %q or %q, not %q", m.Name, TargetAll, TargetProportional, t)
			e.Hint = "all or nothing: the target met earns 100 points, else 0; proportional: 100 x the share of the target reached"
		}
	} else {
		e := d.errorf(key, "metric %s has a target but no mode: say how it is scored", m.Name)
		e.Hint = fmt.Sprintf("mode: %s (the target met earns 100 points, else 0), or mode: %s (100 x the share of the target reached)", TargetAll, TargetProportional)
	}
	if y := f["better"]; y != nil {
		m.Lower = d.choice(y, "better", "higher", "lower") == "lower"
	}
}

// CaseTable is the rows a case gives one of the rules' tables, so that
// its lookups have rows to find, as the workbook's sheet would give them.
type CaseTable struct {
	Pos   Pos
	Table int // index into Set.Tables
	Rows  []CaseRow
}

// CaseRow is one row of a [CaseTable]: a cell per key and column of the
// table, in the table's order (keys first); a cell left out is blank.
type CaseRow struct {
	Pos   Pos
	Cells []Input // Input.Column indexes the table's keys, then its columns
}

// caseTables decodes a case's tables: each table by name, a list of rows,
// each a mapping of the table's keys and columns to cells.
func (d *decoder) caseTables(set *Set, c *Case, n *yaml.Node, what string) {
	pairs, _ := d.fields(n, "the tables of "+what, nil)
	var out []CaseTable
	for _, p := range pairs {
		ti := set.TableIndex(foldWidth(p.key.Value))
		if ti < 0 {
			var names []string
			for _, t := range set.Tables {
				names = append(names, t.Name)
			}
			e := d.errorf(p.key, "%s: no table %q", what, p.key.Value)
			if s := closest(foldWidth(p.key.Value), names); s != "" {
				e.Hint = fmt.Sprintf("did you mean %q?", s)
			}
			continue
		}
		t := set.Tables[ti]
		all := append(append([]*Column{}, t.Keys...), t.Columns...)
		ct := CaseTable{Pos: d.pos(p.key), Table: ti}
		list := resolve(p.value)
		if list.Kind != yaml.SequenceNode {
			d.errorf(list, "%s: table %s must be a list of rows, not %s", what, t.Name, describe(list))
			continue
		}
		for _, item := range list.Content {
			row := CaseRow{Pos: d.pos(resolve(item))}
			cells, _ := d.fields(item, "a row of table "+t.Name, nil)
			for _, cell := range cells {
				col := -1
				for k, x := range all {
					if x.Name == foldWidth(cell.key.Value) || x.Header == cell.key.Value {
						col = k
					}
				}
				if col < 0 {
					var names []string
					for _, x := range all {
						names = append(names, x.Name)
					}
					e := d.errorf(cell.key, "%s: table %s has no column %q", what, t.Name, cell.key.Value)
					if s := closest(foldWidth(cell.key.Value), names); s != "" {
						e.Hint = fmt.Sprintf("did you mean %q?", s)
					}
					continue
				}
				v := resolve(cell.value)
				if v.Kind != yaml.ScalarNode {
					d.errorf(v, "%s: %s must be a number or text, not %s", what, cell.key.Value, describe(v))
					continue
				}
				raw := v.Value
				if v.Tag == "!!null" {
					raw = ""
				}
				row.Cells = append(row.Cells, Input{Pos: d.pos(v), Column: col, Raw: raw})
			}
			ct.Rows = append(ct.Rows, row)
		}
		out = append(out, ct)
	}
	c.Tables = out
}

// Untyped reports whether c is a column of a results table listed by name
// only, which takes the type of the figure it reads.
func (c *Column) Untyped() bool { return c.untyped }
