package run

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// Found is one person's row of a workbook, bound to the rules' columns.
type Found struct {
	File   string              // base name of the workbook
	Sheet  string              // the sheet read
	Where  string              // the sheet as messages name it: "march.xlsx: 客服KPI", or "march.csv"
	Row    int                 // 1-based row number
	Cells  []string            // the row's raw cells, padded to the header's length
	Types  []workbook.CellType // the type of each of Cells
	Index  []int               // per column of the rules: its cell index, or -1 when the sheet lacks it
	Record []scoring.Value     // the row bound as [scoring.Scorer.Bind] binds it, ready to score
	cell   func(col, row int) string

	// For rules with ranks: the sheet's ranking, and the row's place in it.
	ranking *scoring.Ranking
	at      int
	// For rules with pools: the sheet's shares.
	pooling *scoring.Pooling
	// For rules that look back: the earlier periods, and the period of
	// the workbook.
	past   *scoring.Past
	Period scoring.Period
	today  time.Time // the day period_start and period_end are without a period
	// History is how many earlier periods the history held.
	History int
	// Ledger explains, for rules whose sheet is a ledger, each of the
	// person's figures from the rows it came from.
	Ledger []string
	// Scorer is the scorer to score and trace the row with: the one
	// given, with the rules' tables filled when they have any.
	Scorer *scoring.Scorer
}

// Score scores the row found into r, with its ranks when the rules have
// any.
func (f *Found) Score(sc *scoring.Scorer, r *scoring.Result) {
	r.UsePeriod(f.Period, f.today)
	if f.past != nil {
		r.UsePast(f.past)
	}
	if f.ranking != nil {
		f.ranking.Score(f.at, f.Record, r)
		if f.pooling != nil {
			f.pooling.Fill(f.at, r)
		}
		return
	}
	sc.Score(f.Record, r)
}

// Ref names the cell of the rules' column i in the row found, as messages
// do: "march.xlsx: 客服KPI!C19"; "" when the sheet lacks the column.
func (f *Found) Ref(i int) string {
	if f.Index[i] < 0 {
		return ""
	}
	return f.cell(f.Index[i], f.Row)
}

// Find reads the workbook opts.Input (opts.Sheet "" as for [Score]) and returns
// the one data row whose cell in column equals value, bound to the
// scorer's columns. column is a header of the sheet or a column name of
// the rules; cells and value are compared after [workbook.Normalize].
// A problem is an *InputError naming the cells: an unknown column, no
// row or several rows with the value, or a cell of the row that does not
// bind. For rules that look back, the history is read as [Score] reads
// it, from opts.History (else the rules' history:, else the workbook's
// folder), for the period opts.Period or the one the rules' period_from
// tells.
func Find(opts Options, column, value string) (*Found, error) {
	path, sheet, sc := opts.Input, opts.Sheet, opts.Scorer
	set := sc.Rules()
	f, err := workbook.OpenWith(path, workbook.OpenOptions{Password: opts.Password, Encoding: opts.Encoding})
	if err != nil {
		return nil, inputError(err)
	}
	defer f.Close()
	if sheet == "" && set.Sheet != "" && contains(f.SheetNames(), set.Sheet) {
		sheet = set.Sheet
	}
	if sheet == AllSheets && set.Ledger == nil {
		return findInSheets(opts, f.SheetNames(), column, value)
	}
	if opts, err = withTables(opts, f); err != nil {
		return nil, err
	}
	sc = opts.Scorer
	if set.Ledger != nil {
		found, err := findLedger(opts, f, sheet, column, value)
		if found != nil {
			found.Scorer = sc
		}
		return found, err
	}
	cols := make([]workbook.Column, len(set.Columns))
	for i, c := range set.Columns {
		cols[i] = workbook.Column{Name: c.Name, Headers: append([]string{c.Header}, c.Aliases...), Optional: c.Optional}
	}
	table, err := f.Table(sheet, cols)
	if err != nil {
		ie := inputError(err)
		ie.noHeader = errors.Is(err, workbook.ErrNoHeader)
		return nil, ie
	}
	defer table.Close()

	at := keyColumn(set, table, column)
	if at < 0 {
		msg := fmt.Sprintf("%s: no column %q in the header row", table.Ref(0, table.HeaderRow), column)
		problems := []string{msg}
		names := slices.Clone(table.Header)
		for _, c := range set.Columns {
			names = append(names, c.Name)
		}
		if s := rules.Closest(workbook.Normalize(column), names); s != "" {
			problems = append(problems, fmt.Sprintf("    hint: did you mean %q?", s))
		}
		return nil, &InputError{Problems: problems}
	}
	want := workbook.Normalize(value)
	var found *Found
	var uncomputedCells []string // the problems of found's formulas without results
	var rows []int
	first, last := 0, 0
	for table.Next() {
		row := table.Row()
		if first == 0 {
			first = row.Num
		}
		last = row.Num
		if workbook.Normalize(row.Cells[at]) != want {
			continue
		}
		rows = append(rows, row.Num)
		if found == nil {
			found = &Found{File: table.File, Sheet: table.Sheet, Where: table.Where(), Row: row.Num, Cells: slices.Clone(row.Cells), Types: slices.Clone(row.Types), Index: table.Index, cell: table.Ref, Scorer: sc}
			for i, c := range set.Columns {
				if msg := uncomputed(table, row, table.Index[i], c.Header); msg != "" {
					uncomputedCells = append(uncomputedCells, msg)
				}
			}
		}
	}
	if err := table.Err(); err != nil {
		return nil, inputError(err)
	}
	name := table.Header[at]
	switch {
	case len(rows) > 1:
		// Ten cells are enough to see the column is not unique.
		var refs []string
		for _, r := range rows[:min(len(rows), 10)] {
			refs = append(refs, strings.TrimPrefix(strings.TrimPrefix(table.Ref(at, r), table.File+": "), table.Sheet+"!"))
		}
		if len(rows) > 10 {
			refs = append(refs, fmt.Sprintf("and %d more", len(rows)-10))
		}
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s is %q in %d rows: %s",
			table.Where(), name, value, len(rows), strings.Join(refs, ", "))}}
	case found == nil && first == 0:
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: no data rows under the header (row %d)", table.Where(), table.HeaderRow)}}
	case found == nil:
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: no row has %s %q (rows %d to %d)",
			table.Where(), name, value, first, last)}, noRow: true}
	}

	if len(uncomputedCells) > 0 {
		return nil, &InputError{Problems: uncomputedCells}
	}
	found.Record = make([]scoring.Value, len(set.Columns))
	problems := &InputError{}
	for i := range set.Columns {
		idx := found.Index[i]
		if idx < 0 {
			found.Record[i] = sc.BindAbsent(i)
			continue
		}
		raw, kind, shown := found.Cells[idx], scoring.PlainCell, ""
		if idx < len(found.Types) {
			kind, shown = cellKind(table, raw, found.Types[idx])
		}
		v, err := sc.BindCell(i, raw, kind, shown)
		if err != nil {
			problems.Problems = append(problems.Problems, found.Ref(i)+": "+err.Error())
			continue
		}
		found.Record[i] = v
	}
	if len(problems.Problems) > 0 {
		return nil, problems
	}
	if set.NeedsHistory() || set.ReadsPeriod() {
		if opts.Period, err = findPeriod(opts, f, table.Sheet); err != nil {
			return nil, err
		}
		found.Period = opts.Period
	}
	found.today = opts.today()
	if set.NeedsHistory() {
		if found.past, found.History, err = readHistory(opts); err != nil {
			return nil, err
		}
	}
	if set.NeedsSheet() {
		if err := found.rank(sc, f, sheet, cols); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// rank ranks the whole sheet, as scoring it does, and notes where the
// row found stands in the ranking.
func (found *Found) rank(sc *scoring.Scorer, f *workbook.File, sheet string, cols []workbook.Column) error {
	table, err := f.Table(sheet, cols)
	if err != nil {
		return inputError(err)
	}
	defer table.Close()
	found.ranking = sc.NewRanking()
	res := sc.NewResult()
	res.UsePeriod(found.Period, found.today)
	if found.past != nil {
		res.UsePast(found.past)
	}
	var recs [][]scoring.Value
	pools := len(sc.Rules().Pools) > 0
	err = eachRecord(Options{Scorer: sc, MaxErrors: 20}, table, func(row workbook.Row, rec []scoring.Value) error {
		if row.Num == found.Row {
			found.at = found.ranking.Len()
		}
		sc.Score(rec, res)
		found.ranking.Add(res)
		if pools {
			recs = append(recs, slices.Clone(rec))
		}
		return nil
	})
	if err != nil {
		return err
	}
	found.ranking.Done()
	if pools {
		// The shares need everyone's final figures, ranks included.
		found.pooling = sc.NewPooling()
		for i, rec := range recs {
			found.ranking.Score(i, rec, res)
			found.pooling.Add(res)
		}
		found.pooling.Done()
	}
	return nil
}

// keyColumn returns the cell index of column in the table: a column of
// the rules by name, else a header cell; -1 when there is none.
func keyColumn(set *rules.Set, t *workbook.Table, column string) int {
	for i, c := range set.Columns {
		if c.Name == column && t.Index[i] >= 0 {
			return t.Index[i]
		}
	}
	want := workbook.Normalize(column)
	for j, h := range t.Header {
		if workbook.Normalize(h) == want {
			return j
		}
	}
	return -1
}
