package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"appraise/scoring"
	"appraise/workbook"
)

// AllSheets, given as [Options.Sheet], scores every sheet of the workbook
// that holds the columns the rules need, one department a sheet, into one
// output.
const AllSheets = "*"

// AuditSheetPrefix starts the audit item of each sheet scored, when
// several are: "sheet 客服A".
const AuditSheetPrefix = "sheet "

// SheetCount is what was scored of one sheet, when several were.
type SheetCount struct {
	Sheet      string
	HeaderRow  int
	Rows       int
	Incomplete int
}

// Skipped is a sheet of the workbook that --sheet '*' left out, and why.
type Skipped struct {
	Sheet string
	Why   string
}

// scoreSheets scores every sheet of f that holds the rules' columns. Each
// is scored as naming it with --sheet would score it, ranks, pools and
// distributions within the sheet; a person is one person across the
// sheets, so a key on two sheets is refused as one on two rows is. The
// results go to one workbook: a results sheet each, then one detail and
// one audit.
func scoreSheets(opts Options, f *workbook.File) (Summary, error) {
	set := opts.Scorer.Rules()
	if set.Ledger != nil {
		return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: --sheet '*' scores sheets of one row a person, and the ledger of %s is one sheet: name it with --sheet", f.Name(), set.File)}}
	}
	if opts.Format != "" && opts.Format != "xlsx" {
		return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: --sheet '*' writes a workbook, a results sheet a sheet scored: %s holds one table; score one sheet at a time with --sheet NAME", f.Name(), strings.ToUpper(opts.Format))}}
	}
	cols := tableColumns(set)
	var tables []*workbook.Table
	var skipped []Skipped
	var problems []string
	closeAll := func() {
		for _, t := range tables {
			t.Close()
		}
	}
	for _, name := range f.SheetNames() {
		t, err := f.Table(name, cols)
		if errors.Is(err, workbook.ErrNoHeader) {
			// A sheet of notes or totals beside the departments'.
			why := strings.TrimPrefix(strings.TrimPrefix(err.Error(), f.Name()+": "), name+": ")
			skipped = append(skipped, Skipped{Sheet: name, Why: why})
			continue
		}
		if err != nil {
			// A sheet that names some of the columns is a department's
			// with a mistake, not one to leave out.
			problems = append(problems, inputError(err).Problems...)
			continue
		}
		tables = append(tables, t)
	}
	if len(problems) > 0 {
		closeAll()
		return Summary{}, &InputError{Problems: problems}
	}
	if len(tables) == 0 {
		return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: no sheet has a header row naming the columns the rules need (sheets: %s)", f.Name(), strings.Join(f.SheetNames(), ", "))}}
	}
	defer closeAll()
	period, err := findPeriod(opts, f, tables[0].Sheet)
	if err != nil {
		return Summary{}, err
	}
	opts.Period = period
	opts.keys = &crossKeys{seen: map[string]seenAt{}}

	var past *scoring.Past
	if set.NeedsHistory() {
		if past, opts.used, err = readHistoryUsed(opts); err != nil {
			return Summary{}, err
		}
	}
	for _, t := range tables {
		if err := checkWidth(opts, t); err != nil {
			return Summary{}, err
		}
	}
	if opts.Output != "-" {
		if err := os.MkdirAll(filepath.Dir(opts.Output), 0o755); err != nil {
			return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: cannot make its folder: %v", opts.Output, unwrapPath(err))}}
		}
	}
	opts.others = tables[1:]
	out, err := newSink(opts, tables[0])
	if err != nil {
		return Summary{}, err
	}
	xs, _ := out.(*xlsxSink)
	var all Summary
	var pay []PayTotal
	var recs []*recorder
	for i, t := range tables {
		if xs != nil {
			xs.useSheet(i)
		}
		opts.keys.sheet = t.Sheet
		var rec *recorder
		if opts.Record {
			rec = newRecorder(opts, t)
			if len(recs) > 0 {
				// One period's figures, gathered sheet after sheet.
				rec.figs = recs[0].figs
			}
			recs = append(recs, rec)
		}
		name := t.Sheet
		sum, err := score(opts, t, func() (*workbook.Table, error) { return f.Table(name, cols) }, out, past, rec)
		if err != nil {
			out.abort()
			return Summary{}, err
		}
		all.Rows += sum.Rows
		all.Incomplete += sum.Incomplete
		all.Period = sum.Period
		all.Sheets = append(all.Sheets, SheetCount{Sheet: t.Sheet, HeaderRow: t.HeaderRow, Rows: sum.Rows, Incomplete: sum.Incomplete})
		pay = addPay(pay, sum.Pay)
		for _, g := range sum.Fit {
			g.Group = strings.TrimSpace(t.Sheet + " " + g.Group)
			all.Fit = append(all.Fit, g)
		}
		all.Moves = append(all.Moves, sum.Moves...)
		all.Calibrated = all.Calibrated || sum.Calibrated
		for _, u := range sum.Unshared {
			u.Group = strings.TrimSpace(t.Sheet + " " + u.Group)
			all.Unshared = append(all.Unshared, u)
		}
	}
	all.Pay = pay
	all.Skipped = skipped
	all.Sheet = AllSheets
	if err := out.finish(all); err != nil {
		out.abort()
		return Summary{}, err
	}
	all.Output = opts.Output
	all.History = len(opts.used)
	all.Used = opts.used
	all.Past = mergePast(recs)
	return all, nil
}

// findInSheets finds the one row of the sheets, of those that hold the
// rules' columns, whose cell in column is value, as [Find] finds it in
// one sheet.
func findInSheets(opts Options, sheets []string, column, value string) (*Found, error) {
	var found *Found
	var where []string
	var none []string
	for _, name := range sheets {
		o := opts
		o.Sheet = name
		fd, err := Find(o, column, value)
		var ie *InputError
		switch {
		case errors.As(err, &ie) && ie.noHeader:
			continue
		case errors.As(err, &ie) && ie.noRow:
			none = append(none, ie.Problems...)
			continue
		case err != nil:
			return nil, err
		}
		found = fd
		where = append(where, name)
	}
	switch {
	case len(where) > 1:
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s is %q on %d sheets, %s: give the sheet with --sheet",
			filepath.Base(opts.Input), column, value, len(where), strings.Join(where, ", "))}}
	case found == nil && len(none) > 0:
		return nil, &InputError{Problems: none}
	case found == nil:
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: no sheet has a header row naming the columns the rules need", filepath.Base(opts.Input))}}
	}
	return found, nil
}

// auditSheets lists the results sheets of a scored workbook by its
// audit: the one sheet, or for --sheet '*' each sheet scored.
func auditSheets(audit map[string]string) []string {
	if audit["sheet"] != AllSheets {
		return []string{audit["sheet"]}
	}
	var sheets []string
	for item := range audit {
		if name, ok := strings.CutPrefix(item, AuditSheetPrefix); ok {
			sheets = append(sheets, name)
		}
	}
	slices.Sort(sheets)
	return sheets
}

// addPay adds one sheet's pay totals to those of the sheets before it.
func addPay(into, more []PayTotal) []PayTotal {
	if into == nil {
		return append([]PayTotal(nil), more...)
	}
	for i := range into {
		m := more[i]
		into[i].Missing += m.Missing
		if into[i].Overflow || m.Overflow {
			into[i].Overflow = true
			continue
		}
		sum, err := into[i].Total.Add(m.Total)
		if err != nil {
			into[i].Overflow = true
			continue
		}
		into[i].Total = sum
	}
	return into
}

// mergePast gives the figures the sheets' recorders gathered together,
// in the order of the sheets, as the history reads the sheets back; nil
// when one sheet's output cannot serve as history.
func mergePast(recs []*recorder) *scoring.PastPeriod {
	if len(recs) == 0 {
		return nil
	}
	for _, r := range recs {
		if r.failed {
			return nil
		}
	}
	return recs[len(recs)-1].past()
}

// crossKeys keeps the people of the sheets scored so far, so that a
// person listed on two sheets, who would be paid twice, is refused.
type crossKeys struct {
	sheet string            // the sheet being read
	seen  map[string]seenAt // key -> where it was first
}

type seenAt struct{ sheet, ref string }

// check returns the problem with a key first read at ref of the current
// sheet, or "" when no other sheet has it.
func (c *crossKeys) check(key, ref, what string) string {
	if c == nil {
		return ""
	}
	prev, ok := c.seen[key]
	if !ok {
		c.seen[key] = seenAt{c.sheet, ref}
		return ""
	}
	if prev.sheet == c.sheet {
		// The same sheet, read again for its ranks.
		return ""
	}
	return fmt.Sprintf("%s already on sheet %s, at %s", what, prev.sheet, prev.ref)
}
