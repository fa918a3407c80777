package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// Options says what to score and where the results go.
type Options struct {
	Input     string          // the workbook to score
	Sheet     string          // the sheet; "" for the rules' sheet, else the first
	Scorer    *scoring.Scorer // the compiled rules
	RulesFile string          // the rule file's path, for the audit sheet
	RulesHash string          // its SHA-256, hex
	Output    string          // the destination path, or "-" for Stdout
	Stdout    io.Writer
	Format    string // "xlsx", "json" or "csv"
	Detail    string // for xlsx: DetailInSheet (the default), DetailInCSV or DetailNone
	BOM       bool   // start CSV files with a byte-order mark, for Excel
	Version   string // the tool's version, for the audit record
	Now       func() time.Time
	MaxErrors int // problems shown before "(and N more)"; 0 means 20

	// Period is the period scored, as --period gives it; the zero Period
	// leaves it to the rules' period_from, or to none.
	Period scoring.Period
	// History lists the folders of earlier results that the rules'
	// history functions read; nil for the rules' own history: entry.
	History []string
	// Calibrate gives the grades by place to fit the rules' distribution,
	// instead of reporting how they fit it.
	Calibrate bool
	// Ledger says the sheet may hold many rows a person, so that two rows
	// with the same key are not refused.
	Ledger bool

	// Recent holds earlier periods' results already in memory, by period
	// label, as Summary.Past gave them when those periods were scored.
	// Where the history folders hold the file an entry was written to
	// (its Source), the entry is used instead of reading the file again;
	// the history is otherwise the same as without it.
	Recent map[string]scoring.PastPeriod
	// Record asks for this run's own results as the history of a later
	// period would read them back from the output, in Summary.Past.
	Record bool
	// Context stops the run when it is done: nothing is written, and the
	// error is the context's.
	Context context.Context

	// ledger is the ledger being scored, when the rules' sheet holds
	// many rows a person.
	ledger *ledgerRun

	// built is the table of a period made from its months, when Input
	// is their folder.
	built *built

	// Password opens an input workbook saved with a password; it is
	// decrypted in memory and written nowhere, not even in the audit.
	Password string
	// Encoding is the encoding of a CSV input (see [workbook.Encodings]);
	// "" tells it from the file.
	Encoding string

	// keys, when several sheets are scored, keeps the people of the
	// sheets before, so that no one is scored on two.
	keys *crossKeys
	// others are the sheets scored after the first, when several are.
	others []*workbook.Table

	// With gives the workbook of a table by the table's name, as
	// --with NAME=FILE.xlsx does; it comes before the rule file's file:.
	With map[string]string
	// tables lists the tables read, for the audit.
	tables []tableFile

	// used lists the history files read, for the audit.
	used []HistoryFile
	// each, when set, receives every scored row instead of a sink.
	each func(row workbook.Row, res *scoring.Result) error
}

// Where the detail of an xlsx run goes: the lines that explain every
// figure, several per person.
const (
	// DetailInSheet puts it in the workbook, in a sheet named "detail"
	// (明细), one row a person: each scored metric's value, band and
	// weighted score, and each pay line's exact amount, each in a column
	// of its own; past a sheet's row limit it goes on in "detail 2", ...
	DetailInSheet = "sheet"
	// DetailFull puts it in the workbook as a row per person and figure:
	// the inputs each metric read, its working, and the total's, each
	// section's, grade's, rank's, history figure's and pay line's.
	DetailFull = "full"
	// DetailInCSV writes the full detail beside the workbook, as
	// <name>.detail.csv.
	DetailInCSV = "csv"
	// DetailNone leaves it out.
	DetailNone = "none"
)

// DetailFile is where DetailInCSV writes the detail of output.
func DetailFile(output string) string {
	return strings.TrimSuffix(output, filepath.Ext(output)) + ".detail.csv"
}

// Summary is what a run did.
type Summary struct {
	Rows       int    // records scored
	Incomplete int    // records with a value that could not be computed
	Sheet      string // the sheet read
	Output     string // where the results went
	Period     string // the period scored; "" when none is known
	History    int    // how many earlier periods the history held
	Parts      int    // for a period built from its months, how many
	Pay        []PayTotal
	// Used lists the earlier results the history read.
	Used []HistoryFile

	// Fit is how the grades fit the rules' distribution, group by group;
	// nil when the rules have none.
	Fit []scoring.GroupFit
	// Moves lists the people whose grade a calibration changed.
	Moves      []scoring.Move
	Calibrated bool
	// Unshared lists the pools' sums that no one was there to share.
	Unshared []scoring.Unshared

	// Sheets lists each sheet scored, when --sheet '*' scored several;
	// Sheet is then "*".
	Sheets []SheetCount
	// Skipped lists the sheets --sheet '*' left out, as they lack the
	// rules' columns.
	Skipped []Skipped

	// Past is what a later period's history reads from the output, when
	// Options.Record asked for it and the output can serve as history
	// (a workbook or JSON that records every figure the history reads).
	Past *scoring.PastPeriod
}

// PayTotal is the sum of one pay line over the rows scored, each amount
// rounded to 0.01 as the results show it.
type PayTotal struct {
	Name    string
	Total   decimal.Decimal
	Missing int // rows with no amount, left out of the total
	// Overflow says the total is too large to hold; Total is then zero.
	Overflow bool
}

// InputError lists problems with the input: the workbook, its cells or
// the paths given. Each problem is one line that names where it is.
type InputError struct {
	Problems []string
	More     int // problems found beyond those listed

	noRow    bool // Find found no row with the value asked for
	noHeader bool // the sheet names none of the rules' columns
}

func (e *InputError) Error() string {
	s := strings.Join(e.Problems, "\n")
	if e.More > 0 {
		s += fmt.Sprintf("\n(and %d more)", e.More)
	}
	return s
}

func inputError(err error) *InputError {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return &InputError{Problems: lines}
}

// DefaultOutput is where results go when no output is named: beside the
// input, "march.xlsx" giving "march.scored.xlsx" (or .json, .csv).
func DefaultOutput(input, format string) string {
	ext := filepath.Ext(input)
	return strings.TrimSuffix(input, ext) + ".scored." + format
}

// SameFile reports whether output would overwrite input.
func SameFile(input, output string) bool {
	if output == "-" {
		return false
	}
	a, err1 := filepath.Abs(input)
	b, err2 := filepath.Abs(output)
	if err1 == nil && err2 == nil && a == b {
		return true
	}
	si, err1 := os.Stat(input)
	so, err2 := os.Stat(output)
	return err1 == nil && err2 == nil && os.SameFile(si, so)
}

// today is the date of the run, which period_start and period_end are
// when the rules need no period.
func (opts Options) today() time.Time {
	if opts.Now == nil {
		return time.Now()
	}
	return opts.Now()
}

// Score scores opts.Input. A problem with the input is an *InputError;
// any other error is a fault of the program or the system.
func Score(opts Options) (Summary, error) {
	if opts.MaxErrors == 0 {
		opts.MaxErrors = 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Detail == "" {
		opts.Detail = DetailInSheet
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	set := opts.Scorer.Rules()
	if SameFile(opts.Input, opts.Output) {
		return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: the output would overwrite the input workbook: choose another output with -o", opts.Output)}}
	}
	if fi, err := os.Stat(opts.Input); err == nil && fi.IsDir() {
		if set.Rollup == nil {
			return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s is a folder, and %s has no rollup: to build a quarter or a year from the months in it: give a workbook", opts.Input, set.File)}}
		}
		if opts, err = withTables(opts, nil); err != nil {
			return Summary{}, err
		}
		b, err := buildRollup(opts)
		if err != nil {
			return Summary{}, err
		}
		opts.built = b
		sum, err := scoreTable(opts, b.table(), func() (*workbook.Table, error) { return b.table(), nil })
		sum.Parts = len(b.parts)
		return sum, err
	}
	f, err := workbook.OpenWith(opts.Input, workbook.OpenOptions{Password: opts.Password, Encoding: opts.Encoding})
	if err != nil {
		return Summary{}, inputError(err)
	}
	defer f.Close()

	if opts.Sheet == AllSheets {
		return scoreSheets(opts, f)
	}
	sheet := opts.Sheet
	if sheet == "" && set.Sheet != "" && contains(f.SheetNames(), set.Sheet) {
		sheet = set.Sheet
	}
	if opts, err = withTables(opts, f); err != nil {
		return Summary{}, err
	}
	if set.Ledger != nil {
		return scoreLedger(opts, f, sheet)
	}
	cols := tableColumns(set)
	table, err := f.Table(sheet, cols)
	if err != nil {
		return Summary{}, inputError(err)
	}
	period, err := findPeriod(opts, f, table.Sheet)
	if err != nil {
		table.Close()
		return Summary{}, err
	}
	opts.Period = period
	return scoreTable(opts, table, func() (*workbook.Table, error) { return f.Table(sheet, cols) })
}

// scoreTable scores the rows of table, which reopen reads again from the
// start, and writes the results.
func scoreTable(opts Options, table *workbook.Table, reopen func() (*workbook.Table, error)) (Summary, error) {
	defer table.Close()
	set := opts.Scorer.Rules()
	var past *scoring.Past
	var err error
	if set.NeedsHistory() {
		if past, opts.used, err = readHistoryUsed(opts); err != nil {
			return Summary{}, err
		}
	}
	held := len(opts.used)

	if err := checkWidth(opts, table); err != nil {
		return Summary{}, err
	}
	if opts.Output != "-" {
		// A new folder for the results is made, as "-o scored/march.xlsx"
		// asks.
		if err := os.MkdirAll(filepath.Dir(opts.Output), 0o755); err != nil {
			return Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: cannot make its folder: %v", opts.Output, unwrapPath(err))}}
		}
	}
	out, err := newSink(opts, table)
	if err != nil {
		return Summary{}, err
	}
	var rec *recorder
	if opts.Record {
		rec = newRecorder(opts, table)
	}
	sum, err := score(opts, table, reopen, out, past, rec)
	if err != nil {
		out.abort()
		return Summary{}, err
	}
	sum.Sheet = table.Sheet
	if err := out.finish(sum); err != nil {
		out.abort()
		return Summary{}, err
	}
	sum.Output = opts.Output
	sum.History = held
	if rec != nil {
		sum.Past = rec.past()
	}
	if sum.Past != nil {
		// The next periods of a batch record this file in their audits:
		// hashed once here, not again by every one of them. A file that
		// cannot be read back is hashed, or named, when one needs it.
		if h, err := FileSHA256(opts.Output); err == nil {
			sum.Past.SHA256 = h
		}
	}
	sum.Used = opts.used
	return sum, nil
}

func score(opts Options, table *workbook.Table, reopen func() (*workbook.Table, error), out sink, past *scoring.Past, rc *recorder) (sum Summary, err error) {
	sc := opts.Scorer
	res := sc.NewResult()
	res.UsePeriod(opts.Period, opts.today())
	if past != nil {
		res.UsePast(past)
	}
	if !opts.Period.IsZero() {
		sum.Period = opts.Period.String()
	}
	pay := newPayTotals(sc.Rules())
	var fit *scoring.Curve
	if sc.Rules().Distribution != nil && sc.Rules().Grades != nil {
		fit = sc.NewCurve()
	}
	done := func(row workbook.Row, res *scoring.Result) error {
		if o := res.Overflow(); o != nil {
			return overflowProblem(sc.Rules(), table, row, res, o)
		}
		if fit != nil {
			fit.Add(res)
		}
		pay.add(res)
		if rc != nil {
			rc.add(row, res)
		}
		return sum.add(out, row, res)
	}
	defer func() {
		sum.Pay = pay.totals()
		if fit != nil && err == nil {
			sum.Fit = fit.Fit()
		}
	}()
	// check scores a row only to find a figure too large, once a problem
	// means nothing is written.
	check := func(row workbook.Row, rec []scoring.Value) error {
		sc.Score(rec, res)
		if o := res.Overflow(); o != nil {
			return overflowProblem(sc.Rules(), table, row, res, o)
		}
		return nil
	}
	calibrate := opts.Calibrate && fit != nil
	if !sc.Rules().NeedsSheet() && !calibrate {
		err := eachKept(opts, table, nil, func(row workbook.Row, rec []scoring.Value) error {
			sc.Score(rec, res)
			return done(row, res)
		}, check)
		return sum, err
	}
	// Ranks need every row: a first pass checks the cells and keeps what
	// the ranks are computed from, a second scores and writes.
	ranking := sc.NewRanking()
	kept := &tape{}
	err = eachKept(opts, table, kept, func(row workbook.Row, rec []scoring.Value) error {
		if err := check(row, rec); err != nil {
			return err
		}
		ranking.Add(res)
		return nil
	}, check)
	if err != nil {
		return sum, err
	}
	ranking.Done()
	kept.end()
	// pass goes over the sheet again from the start, handing fn each row
	// with its place in the first pass: the rows the first pass kept, or
	// else the sheet read again.
	pass := func(fn func(i int, row workbook.Row, rec []scoring.Value) error) error {
		t := table
		if !kept.full() {
			var err error
			if t, err = reopen(); err != nil {
				return inputError(err)
			}
			defer t.Close()
		}
		i := 0
		return eachKept(opts, t, kept, func(row workbook.Row, rec []scoring.Value) error {
			if i >= ranking.Len() {
				return fmt.Errorf("%s: the sheet changed while it was read", table.Where())
			}
			i++
			return fn(i-1, row, rec)
		}, nil)
	}
	var cal *scoring.Curve
	if calibrate {
		// The grades by place need everyone's figures, ranks included:
		// one more pass gathers them.
		cal = sc.NewCurve()
		err := pass(func(i int, _ workbook.Row, rec []scoring.Value) error {
			ranking.Score(i, rec, res)
			cal.Add(res)
			return nil
		})
		if err != nil {
			return sum, err
		}
		sum.Moves, sum.Calibrated = cal.Calibrate(), true
		if len(sc.Rules().Ranks) > 0 {
			// Ranks by figures the grade gives (the coefficient, pay)
			// are ranked again with the calibrated grades.
			again := sc.NewRanking()
			err := pass(func(i int, _ workbook.Row, rec []scoring.Value) error {
				cal.Force(i, res)
				sc.Score(rec, res)
				again.Add(res)
				return nil
			})
			if err != nil {
				return sum, err
			}
			again.Done()
			ranking = again
		}
	}
	var pooling *scoring.Pooling
	if len(sc.Rules().Pools) > 0 {
		// A pool shares its sum by everyone's final figures, ranks
		// included: one more pass gathers the weights.
		pooling = sc.NewPooling()
		err := pass(func(i int, _ workbook.Row, rec []scoring.Value) error {
			if cal != nil {
				cal.Force(i, res)
			}
			ranking.Score(i, rec, res)
			pooling.Add(res)
			return nil
		})
		if err != nil {
			return sum, err
		}
		pooling.Done()
		sum.Unshared = pooling.Unshared()
	}
	err = pass(func(i int, row workbook.Row, rec []scoring.Value) error {
		if cal != nil {
			cal.Force(i, res)
		}
		ranking.Score(i, rec, res)
		if pooling != nil {
			pooling.Fill(i, res)
		}
		return done(row, res)
	})
	return sum, err
}

// add counts a scored row and writes it.
func (sum *Summary) add(out sink, row workbook.Row, res *scoring.Result) error {
	sum.Rows++
	if !res.Complete() {
		sum.Incomplete++
	}
	return out.row(row, res)
}

// eachRecord reads the table, binds each row's cells to the rules' columns
// and hands fn each row that binds. Every problem in the cells is reported
// at once; after the first, no more rows are handed on.
func eachRecord(opts Options, table *workbook.Table, fn func(workbook.Row, []scoring.Value) error) error {
	return eachKept(opts, table, nil, fn, nil)
}

// eachKept is eachRecord that reads the rows from kept when it holds them
// all, and otherwise from table, keeping them in kept as it goes while
// they fit. kept may be nil. check, if not nil, is handed each row that
// binds once a problem is found, in place of fn, so that the problems
// only scoring finds (a figure too large) are reported in every row too.
func eachKept(opts Options, table *workbook.Table, kept *tape, fn, check func(workbook.Row, []scoring.Value) error) error {
	sc := opts.Scorer
	ncols := len(sc.Rules().Columns)
	rec := make([]scoring.Value, ncols)
	problems := &InputError{}
	report := func(msg string) {
		if len(problems.Problems) < opts.MaxErrors {
			problems.Problems = append(problems.Problems, msg)
		} else {
			problems.More++
		}
	}
	rows := 0
	keys := newKeyCheck(opts, table)
	var chunks <-chan *chunk
	recycle := func(*chunk) {}
	if kept.full() {
		chunks = kept.replay()
	} else {
		rd := startReader(table)
		defer rd.close()
		chunks, recycle = rd.out, rd.recycle
		if kept != nil {
			recycle = func(c *chunk) {
				if !kept.keep(c) {
					rd.recycle(c)
				}
			}
		}
	}
	for c := range chunks {
		if opts.Context != nil && opts.Context.Err() != nil {
			return opts.Context.Err()
		}
		for j := 0; j < c.len(); j++ {
			row := c.row(j)
			bad := false
			for k := 0; k < len(table.Header) && k < len(row.Cells); k++ {
				if n := cellChars(row.Cells[k]); n > maxCellChars {
					report(fmt.Sprintf("%s: %s holds %d characters, more than the %d Excel allows in a cell",
						table.Ref(k, row.Num), headerOr(table, k, "the cell"), n, maxCellChars))
					bad = true
				}
			}
			keysBound := true
			for i := 0; i < ncols; i++ {
				idx := table.Index[i]
				if idx < 0 {
					rec[i] = sc.BindAbsent(i)
					continue
				}
				if msg := uncomputed(table, row, idx, sc.Rules().Columns[i].Header); msg != "" {
					report(msg)
					bad = true
					if sc.Rules().Columns[i].Key {
						keysBound = false
					}
					continue
				}
				raw, kind, shown := cellAt(table, row, idx)
				v, err := sc.BindCell(i, raw, kind, shown)
				if err != nil {
					report(cellProblem(table, idx, row.Num, err))
					bad = true
					if sc.Rules().Columns[i].Key {
						keysBound = false
					}
					continue
				}
				rec[i] = v
			}
			if keysBound {
				if msg := keys.check(row); msg != "" {
					report(msg)
					bad = true
				}
			}
			if bad {
				continue
			}
			next := fn
			if len(problems.Problems) > 0 {
				// Keep reading to report every problem, but write no more.
				if next = check; next == nil {
					continue
				}
			} else {
				rows++
			}
			if err := next(row, rec); err != nil {
				var rp rowProblem
				if !errors.As(err, &rp) {
					return err
				}
				report(string(rp))
			}
		}
		recycle(c)
	}
	if err := table.Err(); err != nil {
		// What stopped the reading comes after the problems found in
		// the rows above it, in the order of the sheet.
		ie := inputError(err)
		ie.Problems = append(problems.Problems, ie.Problems...)
		ie.More = problems.More
		return ie
	}
	if len(problems.Problems) > 0 {
		return problems
	}
	if rows == 0 {
		return &InputError{Problems: []string{fmt.Sprintf("%s: no data rows under the header (row %d)", table.Where(), table.HeaderRow)}}
	}
	return nil
}

// rowProblem is a problem of one row found in scoring it, reported with
// the problems of the cells.
type rowProblem string

func (p rowProblem) Error() string { return string(p) }

// overflowProblem names the cells a formula that went past the 19 digits
// of a number read, with their values, and the formula.
func overflowProblem(set *rules.Set, table *workbook.Table, row workbook.Row, res *scoring.Result, o *scoring.Overflow) error {
	if o.Lookup != "" {
		return lookupProblem(set, table, row, res, o)
	}
	where := table.RowRef(row.Num)
	var values []string
	for _, i := range o.Columns {
		idx := table.Index[i]
		if idx < 0 {
			continue
		}
		if len(values) == 0 {
			where = table.Ref(idx, row.Num)
		}
		values = append(values, fmt.Sprintf("%s is %s", headerOr(table, idx, set.Columns[i].Header), res.Input(i)))
	}
	msg := where + ": "
	if len(values) > 0 {
		msg += strings.Join(values, ", ") + ": "
	}
	if o.Pos.Line > 0 {
		msg += o.Pos.String() + ": "
	}
	return rowProblem(msg + o.Source + " comes to more than the 19 digits a number may have")
}

// checkWidth refuses, before anything is written, a workbook of results
// wider than a sheet holds: the input's columns and the results' side by
// side. CSV and JSON have no such limit.
func checkWidth(opts Options, t *workbook.Table) error {
	if opts.Format != "" && opts.Format != "xlsx" {
		return nil
	}
	l := newLayout(opts.Scorer.Rules(), t, opts.Period, opts.Calibrate, opts.Format)
	if len(l.header) <= workbook.MaxColumns {
		return nil
	}
	return &InputError{Problems: []string{fmt.Sprintf(
		"%s: the results would need %d columns, the sheet's %d and %d of results, more than the %d Excel allows in a sheet: "+
			"delete the columns the rules do not read, or write CSV with --format csv",
		t.Where(), len(l.header), len(t.Header), len(l.header)-len(t.Header), workbook.MaxColumns)}}
}

// maxCellChars is the most characters Excel holds in a cell; a workbook
// with more is one it refuses to open.
const maxCellChars = 32767

// cellChars counts the characters of s as Excel does, in UTF-16 units,
// counting only when s may be too long.
func cellChars(s string) int {
	if len(s) <= maxCellChars {
		return 0 // no more units than bytes
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// uncomputed returns the problem with cell idx of row when it holds a
// formula without its result, or "". Read as it is, the cell would be
// blank, which is not what the formula gives.
func uncomputed(t *workbook.Table, row workbook.Row, idx int, name string) string {
	if idx < 0 || idx >= len(row.Types) || row.Types[idx] != workbook.Uncomputed {
		return ""
	}
	what := "a formula"
	if idx < len(row.Formulas) && row.Formulas[idx] != "" {
		what = "the formula =" + workbook.OneLine(row.Formulas[idx])
	}
	return fmt.Sprintf("%s: %s holds %s with no computed value: open the workbook in Excel and save it, so that the value is stored",
		t.Ref(idx, row.Num), headerOr(t, idx, name), what)
}

// headerOr names column idx as the sheet heads it, or by name when its
// header cell is blank.
func headerOr(t *workbook.Table, idx int, name string) string {
	if h := t.HeaderText(idx); h != "" {
		return h
	}
	return name
}

// cellProblem names the cell in column idx of row num with err, a cell
// that does not bind; the column is named as the sheet heads it, which
// may be an alias of the rules' header.
func cellProblem(table *workbook.Table, idx, num int, err error) string {
	var ce *scoring.CellError
	if errors.As(err, &ce) {
		ce.Header = headerOr(table, idx, ce.Header)
	}
	return table.Ref(idx, num) + ": " + err.Error()
}

// cellAt is the cell of row in column idx: its text, and how it is
// typed with what the sheet shows of it.
func cellAt(t *workbook.Table, row workbook.Row, idx int) (string, scoring.CellKind, string) {
	raw, kind, shown := "", scoring.PlainCell, ""
	if idx < len(row.Cells) {
		raw = row.Cells[idx]
	}
	if idx < len(row.Types) {
		kind, shown = cellKind(t, raw, row.Types[idx])
	}
	return raw, kind, shown
}

// cellKind tells the scorer what the workbook says a cell holds.
func cellKind(t *workbook.Table, raw string, typ workbook.CellType) (scoring.CellKind, string) {
	switch typ {
	case workbook.DateSerial:
		return scoring.DateCell, t.DateText(raw)
	case workbook.ErrorValue:
		return scoring.ErrorCell, ""
	case workbook.Boolean:
		return scoring.BoolCell, ""
	}
	return scoring.PlainCell, ""
}

// keyCheck makes sure every row names its person in the rules' key
// columns (工号, 姓名), and names a person no row above has named, since
// scoring one person twice would pay them twice.
type keyCheck struct {
	t      *workbook.Table
	cols   []int // cell indexes of the key columns the sheet has
	names  []string
	unique bool
	seen   map[string]int // the key, folded, -> the row that has it
	cross  *crossKeys     // the people of other sheets, or nil
	parts  []string
}

func newKeyCheck(opts Options, t *workbook.Table) *keyCheck {
	k := &keyCheck{t: t, unique: !opts.Ledger, seen: map[string]int{}, cross: opts.keys}
	for i, c := range opts.Scorer.Rules().Columns {
		if c.Key && t.Index[i] >= 0 {
			k.cols = append(k.cols, t.Index[i])
			k.names = append(k.names, headerOr(t, t.Index[i], c.Header))
		}
	}
	return k
}

// check returns the problem with row's key, or "".
func (k *keyCheck) check(row workbook.Row) string {
	if len(k.cols) == 0 {
		return ""
	}
	k.parts = k.parts[:0]
	for n, idx := range k.cols {
		raw := ""
		if idx < len(row.Cells) {
			raw = row.Cells[idx]
		}
		if strings.TrimSpace(raw) == "" {
			return fmt.Sprintf("%s: %s is blank: the rules name each person by it", k.t.Ref(idx, row.Num), k.names[n])
		}
		k.parts = append(k.parts, workbook.Normalize(raw))
	}
	if !k.unique {
		return ""
	}
	key := strings.Clone(k.parts[0])
	if len(k.parts) > 1 {
		key = strings.Join(k.parts, "\x00")
	}
	prev, ok := k.seen[key]
	if !ok {
		k.seen[key] = row.Num
		if k.cross != nil {
			ref := k.t.Ref(k.cols[0], row.Num)
			cell := strings.TrimPrefix(ref, k.t.File+": "+k.t.Sheet+"!")
			if msg := k.cross.check(key, cell, k.describe(row)+" "+k.verb()); msg != "" {
				return ref + ": " + msg
			}
		}
		return ""
	}
	return fmt.Sprintf("%s: %s %s already on row %d", k.t.Ref(k.cols[0], row.Num), k.describe(row), k.verb(), prev)
}

// describe names the key of row, as `工号 "E01"` or `工号 "E01" and 姓名
// "张三"`.
func (k *keyCheck) describe(row workbook.Row) string {
	var b strings.Builder
	for n, idx := range k.cols {
		switch {
		case n == 0:
		case n == len(k.cols)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %q", k.names[n], workbook.OneLine(row.Cells[idx]))
	}
	return b.String()
}

// verb agrees with the key's columns: "is" for one, "are" for several.
func (k *keyCheck) verb() string {
	if len(k.cols) > 1 {
		return "are"
	}
	return "is"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var errUnknownFormat = errors.New("unknown format")

// lookupProblem names the table, the keys it has no row for, and the
// cell of the row that asked, with the person's key:
// "march.xlsx: 目标 has no row for 部门 财务部, KPI 预算达到率 (needed by
// 销售中心!B7, 工号 E07)".
func lookupProblem(set *rules.Set, table *workbook.Table, row workbook.Row, res *scoring.Result, o *scoring.Overflow) error {
	where := fmt.Sprintf("%s row %d", table.Sheet, row.Num)
	for _, i := range o.Columns {
		if idx := table.Index[i]; idx >= 0 {
			where = table.Sheet + "!" + strings.TrimPrefix(table.Ref(idx, row.Num), table.File+": "+table.Sheet+"!")
			break
		}
	}
	var who []string
	for i, c := range set.Columns {
		if c.Key {
			who = append(who, c.Name+" "+res.Input(i).String())
		}
	}
	if len(who) > 0 {
		where += ", " + strings.Join(who, ", ")
	}
	return rowProblem(fmt.Sprintf("%s (needed by %s)", o.Lookup, where))
}
