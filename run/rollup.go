package run

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// built is the table of a longer period made from its parts, with how
// each of its cells was made, for the detail.
type built struct {
	from  []string         // the parts' files, in period order
	parts []scoring.Period // the periods they hold
	how   map[int][]string // per row number, per column: how its cell was made
	table func() *workbook.Table
}

// explain says how column col of the row numbered num was made; "" for
// a cell copied as it was.
func (b *built) explain(num, col int) string {
	if b == nil {
		return ""
	}
	return b.how[num][col]
}

// monthFile is one part's workbook in the folder a rollup reads.
type monthFile struct {
	path   string
	result bool // appraise's scored results, not an input workbook
}

// buildRollup builds the rows of opts.Period from the workbooks of its
// months (or weeks) in the folder opts.Input, as the rules' rollup says:
// one row a person, matched by the key columns, each column combined
// over the months. Every month of the period must be there; a person
// need not be in every one.
func buildRollup(opts Options) (*built, error) {
	sc := opts.Scorer
	set := sc.Rules()
	r := set.Rollup
	dir := opts.Input
	from, _ := scoring.ParseKind(r.From)
	example := map[scoring.PeriodKind]string{scoring.Month: "2026-Q1 or 2026", scoring.Week: "2026-03, 2026-Q1 or 2026"}[from]
	if opts.Period.IsZero() {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s is a folder: give the period to build from its %ss with --period %s", dir, r.From, example)}}
	}
	parts := opts.Period.Parts(from)
	if parts == nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("--period %s is a %s, which is not made of %ss: give %s", opts.Period, opts.Period.Kind, r.From, example)}}
	}
	want := map[string]bool{}
	for _, p := range parts {
		want[p.String()] = true
	}
	files, err := findParts(opts, dir, want)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, p := range parts {
		if len(files[p.String()]) == 0 {
			missing = append(missing, p.String())
		}
	}
	if len(missing) > 0 {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s is built from its %ss, and the folder has no workbook for %s: add it, so that no %s is left out",
			dir, opts.Period, r.From, strings.Join(missing, ", "), r.From)}}
	}
	for _, p := range parts {
		if fs := files[p.String()]; len(fs) > 1 {
			var names []string
			for _, f := range fs {
				names = append(names, f.path)
			}
			return nil, &InputError{Problems: []string{fmt.Sprintf("%s both hold %s: keep one", strings.Join(names, " and "), p)}}
		}
	}

	ncols := len(set.Columns)
	type person struct {
		keys   []string        // the key cells, as the latest part writes them
		values []scoring.Value // per part, per column
		in     []bool          // per part: whether the person is in it
	}
	var people []*person
	index := map[string]*person{}
	b := &built{how: map[int][]string{}}
	sheet := "" // the months' sheet, as the last workbook of them names it
	for pi, p := range parts {
		mf := files[p.String()][0]
		b.from = append(b.from, mf.path)
		b.parts = append(b.parts, p)
		read, err := readPart(opts, mf.path, func(rec []scoring.Value) {
			key := sc.Key(rec)
			who := index[key]
			if who == nil {
				who = &person{values: make([]scoring.Value, len(parts)*ncols), in: make([]bool, len(parts))}
				index[key] = who
				people = append(people, who)
			}
			who.keys = who.keys[:0]
			for i, c := range set.Columns {
				if c.Key {
					who.keys = append(who.keys, rec[i].String())
				}
			}
			copy(who.values[pi*ncols:], rec)
			who.in[pi] = true
		})
		if err != nil {
			return nil, err
		}
		if !workbook.IsCSV(mf.path) {
			// A CSV file's sheet is named after the file, the month.
			sheet = read
		}
	}
	if sheet == "" {
		// Every month is a CSV file: the rules' sheet, else the period.
		sheet = set.Sheet
		if sheet == "" {
			sheet = opts.Period.String()
		}
	}

	cols := tableColumns(set)
	rows := make([][]string, len(people))
	partsOf := make([]scoring.Part, len(parts))
	for n, who := range people {
		row := make([]string, ncols+1)
		how := make([]string, ncols)
		k := 0
		var in []scoring.Period
		for pi, p := range parts {
			if who.in[pi] {
				in = append(in, p)
			}
		}
		for i, c := range set.Columns {
			if c.Key {
				row[i] = who.keys[k]
				k++
				continue
			}
			for pi, p := range parts {
				v := who.values[pi*ncols+i]
				if !who.in[pi] {
					v = scoring.Value{}
				}
				partsOf[pi] = scoring.Part{Period: p, Value: v}
			}
			v, h := scoring.Combine(r.How[i], partsOf)
			if v.Kind == scoring.Missing && v.Str != "" && h == "" && !strings.HasPrefix(v.Str, "no value in") {
				return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s of %s: %s", dir, c.Name, strings.Join(who.keys, " "), v.Str)}}
			}
			row[i] = v.String()
			how[i] = h
		}
		row[ncols] = scoring.Spans(in)
		rows[n] = row
		b.how[n+2] = how
	}
	name := fmt.Sprintf("%s (%s)", filepath.Base(filepath.Clean(dir)), opts.Period)
	extra := []string{r.From + "s"}
	b.table = func() *workbook.Table { return workbook.NewTable(name, sheet, cols, extra, rows) }
	return b, nil
}

// tableColumns are the rules' columns as the workbook package looks
// for them.
func tableColumns(set *rules.Set) []workbook.Column {
	cols := make([]workbook.Column, len(set.Columns))
	for i, c := range set.Columns {
		cols[i] = workbook.Column{Name: c.Name, Headers: append([]string{c.Header}, c.Aliases...), Optional: c.Optional}
	}
	return cols
}

// findParts lists the workbooks in dir that hold one of the periods
// wanted: input workbooks whose period the rules' period_from tells, and
// appraise's scored results of the same scheme, used when the month's
// input workbook is not there.
func findParts(opts Options, dir string, want map[string]bool) (map[string][]monthFile, error) {
	set := opts.Scorer.Rules()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: the folder cannot be read: %v", dir, unwrapPath(err))}}
	}
	inputs := map[string][]monthFile{}
	results := map[string][]monthFile{}
	var problems []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || !isMonthFile(name) {
			continue
		}
		path := filepath.Join(dir, name)
		scheme, period, err := pastMeta(path)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if period != "" {
			// appraise's own results: of this scheme and one of the
			// months wanted, they stand in for a missing input.
			if scheme == set.Scheme && want[period] {
				results[period] = append(results[period], monthFile{path: path, result: true})
			}
			continue
		}
		p, err := partPeriod(opts, path)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if want[p.String()] {
			inputs[p.String()] = append(inputs[p.String()], monthFile{path: path})
		}
	}
	if problems != nil {
		sort.Strings(problems)
		return nil, &InputError{Problems: problems}
	}
	for p, rs := range results {
		if len(inputs[p]) == 0 {
			inputs[p] = rs
		}
	}
	return inputs, nil
}

// partPeriod tells the period of one part's input workbook, as the
// rules' period_from says; the command line's --period is the longer
// period's, not this one's.
func partPeriod(opts Options, path string) (scoring.Period, error) {
	f, err := workbook.OpenWith(path, workbook.OpenOptions{Password: opts.Password, Encoding: opts.Encoding})
	if err != nil {
		return scoring.Period{}, err
	}
	defer f.Close()
	set := opts.Scorer.Rules()
	sheet := ""
	if set.Sheet != "" && contains(f.SheetNames(), set.Sheet) {
		sheet = set.Sheet
	} else {
		sheet = resultsSheet(f)
	}
	one := opts
	one.Input, one.Period = path, scoring.Period{}
	if set.PeriodFrom == nil {
		return scoring.Period{}, fmt.Errorf("%s: the rules do not say where a %s's period is written: add period_from, such as period_from: \"{yyyy}-{mm}\" for files named 2026-03.xlsx", filepath.Base(path), set.Rollup.From)
	}
	return findPeriod(one, f, sheet)
}

// readPart reads one part's workbook, checking its cells as a run does,
// and hands fn each person's record.
func readPart(opts Options, path string, fn func([]scoring.Value)) (sheet string, err error) {
	f, err := workbook.OpenWith(path, workbook.OpenOptions{Password: opts.Password, Encoding: opts.Encoding})
	if err != nil {
		return "", inputError(err)
	}
	defer f.Close()
	set := opts.Scorer.Rules()
	if set.Sheet != "" && contains(f.SheetNames(), set.Sheet) {
		sheet = set.Sheet
	} else {
		sheet = resultsSheet(f)
	}
	table, err := f.Table(sheet, tableColumns(set))
	if err != nil {
		return "", inputError(err)
	}
	defer table.Close()
	return table.Sheet, eachRecord(opts, table, func(_ workbook.Row, rec []scoring.Value) error {
		fn(rec)
		return nil
	})
}

// isMonthFile reports whether a file in a folder of months may be a
// month's workbook: an .xlsx, or a CSV file that is not appraise's own
// (--format csv results, --detail csv).
func isMonthFile(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".xlsx"):
		return true
	case strings.HasSuffix(lower, ".csv"):
		return !strings.HasSuffix(lower, ".scored.csv") && !strings.HasSuffix(lower, ".detail.csv")
	}
	return false
}
