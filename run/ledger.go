package run

import (
	"fmt"

	"appraise/scoring"
	"appraise/workbook"
)

// ledgerRun is a ledger being scored: its rows gathered into people, and
// what is needed to write the ledger again with each row's computed
// columns.
type ledgerRun struct {
	l       *scoring.Ledger
	f       *workbook.File
	sheet   string
	cols    []workbook.Column
	rowOpts Options
}

// LedgerSheet names the sheet of a ledger's people: "per 业务员".
func LedgerSheet(by string) string { return "per " + by }

// scoreLedger scores a sheet of many rows a person: a first pass scores
// each row's formulas and gathers each person's figures, keeping a few
// numbers a person; the people are then scored as a sheet of their own.
// The scored workbook holds the people's results, the ledger again with
// each row's computed columns (read a second time), the detail and the
// audit.
func scoreLedger(opts Options, f *workbook.File, sheet string) (Summary, error) {
	lr, people, err := gatherLedger(&opts, f, sheet)
	if err != nil {
		return Summary{}, err
	}
	opts.ledger = lr
	return scoreTable(opts, people(), func() (*workbook.Table, error) { return people(), nil })
}

// gatherLedger reads the ledger's rows once, gathering each person's
// figures, and returns a maker of the table of the people, one row a
// person with the person's columns. It sets opts.Period.
func gatherLedger(opts *Options, f *workbook.File, sheet string) (*ledgerRun, func() *workbook.Table, error) {
	set := opts.Scorer.Rules()
	l, err := scoring.NewLedger(opts.Scorer)
	if err != nil {
		return nil, nil, err
	}
	rowOpts := *opts
	rowOpts.Scorer = l.Rows()
	cols := tableColumns(l.Rows().Rules())
	table, err := f.Table(sheet, cols)
	if err != nil {
		return nil, nil, inputError(err)
	}
	period, err := findPeriod(*opts, f, table.Sheet)
	if err != nil {
		table.Close()
		return nil, nil, err
	}
	opts.Period = period
	rowOpts.Period = period
	by := -1
	for i, c := range l.Rows().Rules().Columns {
		if c.Name == set.Ledger.By {
			by = table.Index[i]
		}
	}
	err = eachRecord(rowOpts, table, func(row workbook.Row, rec []scoring.Value) error {
		spelled := ""
		if by >= 0 && by < len(row.Cells) {
			spelled = row.Cells[by]
		}
		res, err := l.Add(rec, row.Num, spelled)
		if err != nil {
			return &InputError{Problems: []string{fmt.Sprintf("%s: %v", table.Ref(by, row.Num), err)}}
		}
		if o := res.Overflow(); o != nil {
			// A figure too large, or a row a lookup did not find.
			return overflowProblem(l.Rows().Rules(), table, row, res, o)
		}
		return nil
	})
	table.Close()
	if err != nil {
		return nil, nil, err
	}
	pcols := tableColumns(set)
	rows := make([][]string, 0, len(l.People))
	var rec []scoring.Value
	for _, p := range l.People {
		rec = l.Record(p, rec)
		cells := make([]string, len(rec))
		for i, v := range rec {
			cells[i] = v.String()
		}
		rows = append(rows, cells)
	}
	people := func() *workbook.Table {
		return workbook.NewTable(table.File, LedgerSheet(set.Ledger.By), pcols, nil, rows)
	}
	return &ledgerRun{l: l, f: f, sheet: table.Sheet, cols: cols, rowOpts: rowOpts}, people, nil
}

// findLedger is [Find] for rules whose sheet is a ledger: the person
// whose by cell is value, their figures gathered over their rows.
func findLedger(opts Options, f *workbook.File, sheet, column, value string) (*Found, error) {
	set := opts.Scorer.Rules()
	by := set.Ledger.By
	if workbook.Normalize(column) != workbook.Normalize(by) && workbook.Normalize(column) != workbook.Normalize(set.Columns[0].Header) {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: the rules' sheet is a ledger of many rows a person: pick the person with --row %s=<value>", opts.Input, by)}}
	}
	lr, people, err := gatherLedger(&opts, f, sheet)
	if err != nil {
		return nil, err
	}
	key := workbook.Normalize(value)
	for i, p := range lr.l.People {
		if workbook.Normalize(p.Key) != key {
			continue
		}
		t := people()
		found := &Found{File: t.File, Sheet: t.Sheet, Where: t.Where(), Row: i + 2, Index: t.Index, Period: opts.Period}
		// The figures have no cell of their own: the ledger section says
		// where they came from.
		found.cell = func(col, row int) string { return found.File + ": " + found.Sheet + "!" + "gathered" }
		found.Record = lr.l.Record(p, nil)
		for _, v := range found.Record {
			found.Cells = append(found.Cells, v.String())
		}
		for j, a := range set.Ledger.Aggs {
			found.Ledger = append(found.Ledger, fmt.Sprintf("%s = %s", a.Name, p.Explain(a, j)))
		}
		found.Ledger = append(found.Ledger, p.Notes...)
		return found, nil
	}
	return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s: no row has %s %q", opts.Input, lr.sheet, by, value)}}
}

// writeLedger writes the ledger again, as it was, with each row's
// computed columns after its own.
func (lr *ledgerRun) writeLedger(w *workbook.Writer) error {
	table, err := lr.f.Table(lr.sheet, lr.cols)
	if err != nil {
		return inputError(err)
	}
	defer table.Close()
	rs := lr.l.Rows()
	set := rs.Rules()
	header := append([]string{}, table.Header...)
	for _, m := range set.Metrics[:lr.l.Computed()] {
		header = append(header, m.Name)
	}
	sheet, err := w.Sheet(lr.sheet, header)
	if err != nil {
		return err
	}
	res := rs.NewResult()
	var cells []workbook.Cell
	return eachRecord(lr.rowOpts, table, func(row workbook.Row, rec []scoring.Value) error {
		rs.Score(rec, res)
		cells = cells[:0]
		for k := range table.Header {
			c := workbook.Cell{Kind: workbook.Text}
			if k < len(row.Cells) {
				c.Text = row.Cells[k]
				if _, err := scoring.ParseNumber(c.Text); err == nil && c.Text != "" {
					c.Kind = workbook.Number
				}
			}
			cells = append(cells, c)
		}
		for i := range lr.l.Computed() {
			v := res.Metric(i).Value
			if set.Metrics[i].Scored() {
				v = res.Metric(i).Points
			}
			cells = append(cells, field{v: v, text: v.Str}.cell())
		}
		return sheet.Row(cells)
	})
}
