package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// withTables fills the rules' tables for the workbook f, which is being
// scored, and returns opts with a scorer that looks values up in them.
// Every problem in the tables is reported at once.
func withTables(opts Options, f *workbook.File) (Options, error) {
	set := opts.Scorer.Rules()
	for name := range opts.With {
		if set.TableIndex(name) < 0 {
			var names []string
			for _, t := range set.Tables {
				names = append(names, t.Name)
			}
			msg := fmt.Sprintf("--with %s: %s has no table %s", name, set.File, name)
			if len(names) > 0 {
				msg += ": its tables are " + strings.Join(names, ", ")
			}
			return opts, &InputError{Problems: []string{msg}}
		}
	}
	if len(set.Tables) == 0 {
		return opts, nil
	}
	if err := checkChain(opts, set); err != nil {
		return opts, err
	}
	problems := &InputError{}
	data := make([]*scoring.TableData, len(set.Tables))
	for i, t := range set.Tables {
		d, err := readTable(opts, f, i)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				return opts, err
			}
			problems.Problems = append(problems.Problems, ie.Problems...)
			problems.More += ie.More
			continue
		}
		data[i] = d
		tf := tableFile{Name: t.Name, Sheet: d.Sheet, Rows: d.Len()}
		switch {
		case opts.With[t.Name] != "":
			tf.Path = opts.With[t.Name]
		case t.File != "":
			tf.Path = tablePath(opts, set, t.File)
		}
		if t.Results != "" {
			base := opts.RulesFile
			if base == "" {
				base = set.File
			}
			tf.Rules = rules.ResultsPath(base, t.Results)
		}
		opts.tables = append(opts.tables, tf)
	}
	if len(problems.Problems) > 0 {
		return opts, problems
	}
	sc, err := opts.Scorer.WithTables(data)
	if err != nil {
		return opts, err
	}
	opts.Scorer = sc
	return opts, nil
}

// tableFile is a table read, for the audit.
type tableFile struct {
	Name  string
	Path  string // the workbook it was read from; "" for the one scored
	Sheet string
	Rules string // for the results of other rules, their rule file
	Rows  int
}

// auditTables gives the audit's rows for the tables read: where each
// came from, with the SHA-256 of each file besides the input.
func auditTables(opts Options, abs func(string) string) ([][2]string, error) {
	var out [][2]string
	for _, t := range opts.tables {
		where := "sheet " + t.Sheet + " of the input"
		if t.Path != "" {
			where = abs(t.Path) + ", sheet " + t.Sheet
		}
		if t.Rules != "" {
			where = "the results of " + abs(t.Rules) + " on " + where
		}
		out = append(out, [2]string{auditTable + t.Name, fmt.Sprintf("%s, %d rows", where, t.Rows)})
		for _, f := range [][2]string{{auditTableFile, t.Path}, {auditTableRules, t.Rules}} {
			if f[1] == "" {
				continue
			}
			sum, err := FileSHA256(f[1])
			if err != nil {
				return nil, &InputError{Problems: []string{err.Error()}}
			}
			item := auditTable + t.Name + f[0]
			out = append(out, [2]string{item, abs(f[1])}, [2]string{item + auditSHA, sum})
		}
	}
	return out, nil
}

// The audit items of a table's own workbook and of the rules whose
// results it holds, after "table " and its name.
const (
	auditTableFile  = " file"
	auditTableRules = " rules"
)

// recordedTables gives, from an audit, the workbook each table was read
// from when it was not the input, as --with would name it again, and
// the changes to those files and to the rules whose results a table
// held.
func recordedTables(audit map[string]string) (map[string]string, []Changed, error) {
	with := map[string]string{}
	var changed []Changed
	for item, path := range audit {
		rest, ok := strings.CutPrefix(item, auditTable)
		if !ok || strings.HasSuffix(rest, auditSHA) {
			continue
		}
		for _, kind := range []string{auditTableFile, auditTableRules} {
			name, ok := strings.CutSuffix(rest, kind)
			if !ok {
				continue
			}
			if kind == auditTableFile {
				with[name] = path
			}
			now, err := FileSHA256(path)
			if err != nil {
				return nil, nil, &InputError{Problems: []string{err.Error()}}
			}
			if rec := audit[item+auditSHA]; rec != now {
				changed = append(changed, Changed{What: item, File: path, Recorded: rec, Now: now})
			}
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].What < changed[j].What })
	return with, changed, nil
}

// auditTable starts the audit items of a table read: + its name.
const auditTable = "table "

// checkChain refuses rules whose results tables go round in a circle, or
// read rules that do not parse, before anything is scored.
func checkChain(opts Options, set *rules.Set) error {
	base := opts.RulesFile
	if base == "" {
		base = set.File
	}
	top := *set
	top.File = base
	_, errs := rules.Chain(&top, os.ReadFile)
	if len(errs) == 0 {
		return nil
	}
	ie := &InputError{}
	for _, e := range errs {
		ie.Problems = append(ie.Problems, strings.Split(e.Error(), "\n")...)
	}
	return ie
}

// tablePath is where a path the rule file names is: beside the rule file.
func tablePath(opts Options, set *rules.Set, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	base := opts.RulesFile
	if base == "" {
		base = set.File
	}
	return filepath.Join(filepath.Dir(base), p)
}

// readTable reads table i of the rules: a sheet of f or of another
// workbook, or the results of other rules.
func readTable(opts Options, f *workbook.File, i int) (*scoring.TableData, error) {
	set := opts.Scorer.Rules()
	t := set.Tables[i]
	file := ""
	switch {
	case opts.With[t.Name] != "":
		file = opts.With[t.Name]
	case t.File != "":
		file = tablePath(opts, set, t.File)
	}
	if f == nil && file == "" {
		// A period built from its months has no workbook of its own.
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: table %s (%s) is read from the workbook scored, and a period built from its months has none: give its workbook with --with %s=FILE.xlsx, or file: in the rules",
			opts.Input, t.Name, t.Pos, t.Name)}}
	}
	if t.Results != "" {
		return readResultsTable(opts, f, i, file)
	}
	src := f
	if file != "" {
		g, err := workbook.OpenWith(file, workbook.OpenOptions{})
		if err != nil {
			return nil, inputError(err)
		}
		defer g.Close()
		src = g
	}
	sheet := t.Sheet
	if sheet == "" {
		sheet = t.Name
		if file != "" && !contains(src.SheetNames(), sheet) {
			// A workbook of its own: its first sheet, unless one is
			// named like the table.
			sheet = src.SheetNames()[0]
		}
	}
	if !contains(src.SheetNames(), sheet) {
		hint := fmt.Sprintf("add it, or give the table's workbook with --with %s=FILE.xlsx", t.Name)
		if file != "" {
			hint = "its sheets are " + strings.Join(src.SheetNames(), ", ")
		}
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: no sheet %s for table %s (%s): %s", src.Name(), sheet, t.Name, t.Pos, hint)}}
	}
	all := append(append([]*rules.Column{}, t.Keys...), t.Columns...)
	cols := make([]workbook.Column, len(all))
	for k, c := range all {
		cols[k] = workbook.Column{Name: c.Name, Headers: append([]string{c.Header}, c.Aliases...), Optional: c.Optional}
	}
	table, err := src.Table(sheet, cols)
	if err != nil {
		return nil, inputError(err)
	}
	defer table.Close()
	data := opts.Scorer.NewTableData(i, table.File, table.Sheet)
	problems := &InputError{}
	report := func(msg string) {
		if len(problems.Problems) < 20 {
			problems.Problems = append(problems.Problems, msg)
		} else {
			problems.More++
		}
	}
	nkeys := len(t.Keys)
	vals := make([]scoring.Value, len(all))
	for table.Next() {
		row := table.Row()
		bad := false
		for k, c := range all {
			idx := table.Index[k]
			if idx < 0 {
				vals[k] = scoring.Absent(fmt.Sprintf("%s has no column %s", t.Name, c.Header))
				if c.Blank != nil {
					vals[k] = scoring.Num(c.Blank.Value)
				}
				continue
			}
			if msg := uncomputed(table, row, idx, c.Header); msg != "" {
				report(msg)
				bad = true
				continue
			}
			raw, kind, shown := cellAt(table, row, idx)
			if k < nkeys && strings.TrimSpace(raw) == "" {
				report(fmt.Sprintf("%s: %s is blank: it is a key of table %s", table.Ref(idx, row.Num), headerOr(table, idx, c.Header), t.Name))
				bad = true
				continue
			}
			v, err := scoring.BindColumn(c, t.Name+"."+c.Name+" is blank", raw, kind, shown)
			if err != nil {
				report(cellProblem(table, idx, row.Num, err))
				bad = true
				continue
			}
			vals[k] = v
		}
		if bad {
			continue
		}
		where := fmt.Sprintf("%s row %d", table.Sheet, row.Num)
		if earlier, ok := data.Add(vals[:nkeys], vals[nkeys:], where); !ok {
			report(fmt.Sprintf("%s: %s %s already on row %s", table.Ref(table.Index[0], row.Num),
				keyPhrase(t, vals[:nkeys]), verbFor(nkeys), strings.TrimPrefix(earlier, table.Sheet+" row ")))
		}
	}
	if err := table.Err(); err != nil {
		ie := inputError(err)
		ie.Problems = append(problems.Problems, ie.Problems...)
		return nil, ie
	}
	if len(problems.Problems) > 0 {
		return nil, problems
	}
	return data, nil
}

// keyPhrase names keys as a duplicate's message does: 部门 "销售中心" and
// KPI "销售收入".
func keyPhrase(t *rules.Table, keys []scoring.Value) string {
	var b strings.Builder
	for n, k := range keys {
		switch {
		case n == 0:
		case n == len(keys)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %q", t.Keys[n].Name, k.String())
	}
	return b.String()
}

func verbFor(n int) string {
	if n > 1 {
		return "are"
	}
	return "is"
}

// readResultsTable scores the other rules a results table names on their sheet
// of the workbook (f, or file when given), in memory, and keeps the
// figures the table names, row by row.
func readResultsTable(opts Options, f *workbook.File, i int, file string) (*scoring.TableData, error) {
	set := opts.Scorer.Rules()
	t := set.Tables[i]
	base := opts.RulesFile
	if base == "" {
		base = set.File
	}
	path := rules.ResultsPath(base, t.Results)
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: table %s: cannot read %s: %v", t.ResultsPos, t.Name, path, unwrapPath(err))}}
	}
	other, err := rules.Parse(path, src)
	if err != nil {
		return nil, inputError(err)
	}
	sc, err := scoring.Compile(other)
	if err != nil {
		return nil, err
	}
	input := opts.Input
	if file != "" {
		input = file
	}
	sheet := t.Sheet
	sub := Options{Input: input, Sheet: sheet, Scorer: sc, RulesFile: path, Period: opts.Period,
		History: opts.History, Password: opts.Password, With: opts.With, Context: opts.Context, Version: opts.Version, Now: opts.Now}
	if file != "" {
		sub.Password = ""
	}
	all := append(append([]*rules.Column{}, t.Keys...), t.Columns...)
	var getters []resultGetter
	for _, c := range all {
		g, ok := tableFigure(other, c)
		if !ok {
			return nil, &InputError{Problems: []string{fmt.Sprintf("%s: table %s: the results of %s have no column %q", c.Pos, t.Name, path, c.Header)}}
		}
		getters = append(getters, g)
	}
	resultsSheet := sheet
	if resultsSheet == "" {
		resultsSheet = other.Sheet
	}
	var data *scoring.TableData
	nkeys := len(t.Keys)
	vals := make([]scoring.Value, len(all))
	var dup []string
	sum, err := Each(sub, func(row workbook.Row, res *scoring.Result) error {
		if data == nil {
			data = opts.Scorer.NewTableData(i, filepath.Base(input), "")
		}
		for k, g := range getters {
			vals[k] = g(res)
		}
		where := fmt.Sprintf("%s row %d as %s scores it", resultsSheet, row.Num, filepath.Base(path))
		if earlier, ok := data.Add(vals[:nkeys], vals[nkeys:], where); !ok {
			dup = append(dup, fmt.Sprintf("%s: table %s: %s %s in two rows of the results of %s: row %d and %s",
				t.Pos, t.Name, keyPhrase(t, vals[:nkeys]), verbFor(nkeys), path, row.Num, earlier))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if data == nil {
		data = opts.Scorer.NewTableData(i, filepath.Base(input), sum.Sheet)
	}
	data.Sheet = sum.Sheet
	if len(dup) > 0 {
		return nil, &InputError{Problems: dup}
	}
	return data, nil
}

// resultGetter reads one resultGetter of a result.
type resultGetter func(res *scoring.Result) scoring.Value

// tableFigure finds the resultGetter of set's results that column c of a
// results table names by its header (or an alias): as
// [rules.Set.ResultHeaders] lists them.
func tableFigure(set *rules.Set, c *rules.Column) (resultGetter, bool) {
	for _, h := range append([]string{c.Header}, c.Aliases...) {
		if g, ok := tableFigureNamed(set, workbook.Normalize(h)); ok {
			return g, true
		}
	}
	return nil, false
}

func tableFigureNamed(set *rules.Set, h string) (resultGetter, bool) {
	is := func(x string) bool { return workbook.Normalize(x) == h }
	for i, c := range set.Columns {
		if is(c.Header) || is(c.Name) {
			return func(res *scoring.Result) scoring.Value { return res.Input(i) }, true
		}
	}
	if !set.Total.None && (is(set.Labels.Total) || h == "total") {
		return func(res *scoring.Result) scoring.Value { return res.Total() }, true
	}
	for i, sec := range set.Sections {
		if is(strings.ReplaceAll(set.Labels.Sections, "{section}", sec.Name)) || is(sec.Name) {
			return func(res *scoring.Result) scoring.Value { return res.Section(i).Score }, true
		}
	}
	for i, m := range set.Metrics {
		if m.Scored() && is(strings.ReplaceAll(set.Labels.Points, "{metric}", m.Name)) {
			return func(res *scoring.Result) scoring.Value { return res.Metric(i).Points }, true
		}
		if is(m.Name) {
			return func(res *scoring.Result) scoring.Value { return res.Metric(i).Value }, true
		}
	}
	if set.Grades != nil {
		if is(set.Labels.Grade) {
			return func(res *scoring.Result) scoring.Value {
				if g, ok := res.Grade(); ok {
					return scoring.Str(g)
				}
				return scoring.Absent("no grade")
			}, true
		}
		if is(set.Labels.Coefficient) {
			return func(res *scoring.Result) scoring.Value { return res.Coefficient() }, true
		}
	}
	for i, p := range set.Pay {
		if is(p.Name) {
			return func(res *scoring.Result) scoring.Value {
				v := res.Pay(i)
				if v.Kind == scoring.Number {
					v = scoring.Num(scoring.RoundMoney(v.Num))
				}
				return v
			}, true
		}
	}
	for i, fl := range set.Flags {
		if is(fl.Name) {
			return func(res *scoring.Result) scoring.Value { return res.Flag(i) }, true
		}
	}
	for i, r := range set.Ranks {
		if is(r.Name) {
			return func(res *scoring.Result) scoring.Value { place, _ := res.Rank(i); return place }, true
		}
	}
	return nil, false
}
