package workbook

import (
	"errors"
	"fmt"
	"slices"
)

// headerScan is how many rows Table searches for the header: enough for a
// title, a date line and a few notes above it, few enough that a sheet with
// no header at all fails fast.
const headerScan = 30

// ErrNoHeader is why [File.Table] fails on a sheet none of whose first
// rows names any column asked for: a sheet of notes, say, beside the
// sheets of data.
var ErrNoHeader = errors.New("no header row")

// Column is an input column the rules ask for.
type Column struct {
	Name     string   // the rule's name for it
	Headers  []string // header text first, then aliases, in order of preference
	Optional bool     // the sheet may lack it
}

// display is how messages name the column: by its header text, which is what
// the user sees in the sheet.
func (c Column) display() string {
	if len(c.Headers) > 0 {
		return c.Headers[0]
	}
	return c.Name
}

// Table streams the data rows under a header row.
type Table struct {
	File      string   // base name of the workbook
	Sheet     string   // name of the sheet
	HeaderRow int      // 1-based row number
	Header    []string // header cells as written, trailing blank cells dropped
	Index     []int    // per Column passed to Table: 0-based cell index, or -1 when an optional column is absent

	rows     rowSource
	plain    bool       // the file is one sheet without a name of its own, as a CSV file is
	mem      [][]string // the rows of a table held in memory, for NewTable
	num      int        // number of the row rows is on
	buf      []string   // reused by Next for the current row's cells
	types    []CellType // reused by Next for the current row's cell types
	formulas []string   // reused by Next for the current row's formulas
	row      Row
	date1904 bool // the workbook counts dates from 1904
	err      error
	done     bool
}

// Row is one data row of a [Table].
type Row struct {
	Num   int        // 1-based row number in the sheet
	Cells []string   // raw cell values, padded with "" to at least the header's length
	Types []CellType // the type of each of Cells
	// Formulas holds, by cell index, the formula of each Uncomputed cell,
	// as written ("B7/C7", without "="); nil when the row has none.
	Formulas []string
}

// Table finds the header row of the named sheet (the first sheet when name
// is "") and maps cols onto it.
//
// The header row is the first row among the first 30 in which every
// non-optional column is found, that is a cell equal, after [Normalize], to
// one of the column's Headers; title rows above it are skipped. Every problem
// found is reported, one per line.
func (f *File) Table(sheet string, cols []Column) (*Table, error) {
	name, err := f.sheet(sheet)
	if err != nil {
		return nil, err
	}
	if f.csv != nil {
		rows, err := f.csvRows()
		if err != nil {
			return nil, err
		}
		t := &Table{File: f.name, Sheet: name, rows: rows, plain: true}
		if err := t.findHeader(cols); err != nil {
			_ = rows.Close()
			return nil, err
		}
		return t, nil
	}
	rows, err := f.rows(name)
	if err != nil {
		var sd *sstDamageError
		if errors.As(err, &sd) {
			// The shared text belongs to the workbook, not to the sheet.
			return nil, fmt.Errorf("%s: %w\n%s", f.name, err, damageHint)
		}
		var lr *longRunError
		if errors.As(err, &lr) {
			return nil, fmt.Errorf("%s: %w\n%s", f.name, err, bombHint)
		}
		return nil, fmt.Errorf("%s: %s: %w", f.name, name, err)
	}
	t := &Table{File: f.name, Sheet: name, rows: rows, date1904: f.date1904()}
	if err := t.findHeader(cols); err != nil {
		_ = rows.Close()
		return nil, err
	}
	return t, nil
}

// findHeader reads rows until the header row and fills in HeaderRow, Header
// and Index.
func (t *Table) findHeader(cols []Column) error {
	// lookup maps a normalized header to the columns that accept it; two
	// columns may share an alias.
	lookup := make(map[string][]int)
	for i, c := range cols {
		for _, h := range c.Headers {
			n := Normalize(h)
			if !slices.Contains(lookup[n], i) {
				lookup[n] = append(lookup[n], i)
			}
		}
		if len(c.Headers) == 0 {
			n := Normalize(c.Name)
			lookup[n] = append(lookup[n], i)
		}
	}

	// best is the row that came closest, for saying what is missing.
	var best struct {
		row   int
		count int
		hits  [][]int
	}
	hits := make([][]int, len(cols))
	for t.num < headerScan && t.rows.Next() {
		t.num++
		cells, err := t.rows.Columns()
		if err != nil {
			return t.readErr(err, t.num)
		}
		for i := range hits {
			hits[i] = hits[i][:0]
		}
		for j, cell := range cells {
			for _, i := range lookup[Normalize(cell)] {
				hits[i] = append(hits[i], j)
			}
		}
		count, complete := 0, true
		for i, h := range hits {
			if len(h) > 0 {
				count++
			} else if !cols[i].Optional {
				complete = false
			}
		}
		if complete && (count > 0 || len(cols) == 0 && !allBlank(cells)) {
			return t.useHeader(cols, cells, hits)
		}
		if count > best.count {
			best.row, best.count = t.num, count
			best.hits = make([][]int, len(hits))
			for i, h := range hits {
				best.hits[i] = slices.Clone(h)
			}
		}
	}
	if err := t.rows.Error(); err != nil {
		return t.readErr(err, 0)
	}
	if best.count == 0 {
		return fmt.Errorf("%s: %w: none of the first %d rows names a column the rules need", t.Where(), ErrNoHeader, headerScan)
	}
	var errs []error
	for i, c := range cols {
		if c.Optional || len(best.hits[i]) > 0 {
			continue
		}
		msg := fmt.Sprintf("%s: no column %q in the header row", t.Ref(0, best.row), c.display())
		if len(c.Headers) > 1 {
			msg += " (nor " + quoteList(c.Headers[1:]) + ")"
		}
		errs = append(errs, errors.New(msg))
	}
	return errors.Join(errs...)
}

// useHeader takes the current row as the header row, refusing it when a
// wanted column is named twice, since either cell might be the one meant,
// and when one cell names two wanted columns, since it cannot be both.
func (t *Table) useHeader(cols []Column, cells []string, hits [][]int) error {
	type clash struct {
		at  int
		msg string
	}
	var clashes []clash
	owner := make(map[int]int) // cell index -> the first column it names
	t.Index = make([]int, len(cols))
	for i, h := range hits {
		t.Index[i] = -1
		if len(h) == 0 {
			continue
		}
		t.Index[i] = h[0]
		for _, at := range h[1:] {
			clashes = append(clashes, clash{at, fmt.Sprintf("%s: column %s is named twice: %q here and %q at %s",
				t.Ref(at, t.num), cols[i].display(), OneLine(cells[at]), OneLine(cells[h[0]]), cellName(h[0], t.num))})
		}
		for _, at := range h {
			if k, ok := owner[at]; ok {
				clashes = append(clashes, clash{at, fmt.Sprintf("%s: header %q names two columns of the rules, %s and %s",
					t.Ref(at, t.num), OneLine(cells[at]), cols[k].display(), cols[i].display())})
				continue
			}
			owner[at] = i
		}
	}
	if len(clashes) > 0 {
		// Sorted by position, as the user reads the row.
		slices.SortStableFunc(clashes, func(a, b clash) int { return a.at - b.at })
		errs := make([]error, len(clashes))
		for i, c := range clashes {
			errs[i] = errors.New(c.msg)
		}
		return errors.Join(errs...)
	}
	end := len(cells)
	for end > 0 && isBlank(cells[end-1]) {
		end--
	}
	t.HeaderRow = t.num
	t.Header = slices.Clone(cells[:end])
	return nil
}

// allBlank reports whether every cell is blank after trimming spaces.
func allBlank(cells []string) bool {
	for _, c := range cells {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

// Next advances to the next data row, skipping rows whose cells are all
// blank (after trimming spaces). It returns false at the end or on error;
// see [Table.Err].
func (t *Table) Next() bool {
	if t.err != nil || t.done {
		return false
	}
	if t.rows == nil {
		return t.nextInMemory()
	}
	// Next counts every row number, as excelize's does, including rows
	// absent from the sheet's XML, so t.num stays the real row number.
	for t.rows.Next() {
		t.num++
		cells, err := t.rows.Columns()
		if err != nil {
			t.err = t.readErr(err, t.num)
			return false
		}
		if allBlank(cells) {
			continue
		}
		t.buf = append(t.buf[:0], cells...)
		t.types = append(t.types[:0], t.rows.Types()...)
		for len(t.buf) < len(t.Header) {
			t.buf = append(t.buf, "")
		}
		for len(t.types) < len(t.buf) {
			t.types = append(t.types, Plain)
		}
		t.row = Row{Num: t.num, Cells: t.buf, Types: t.types}
		if f := t.rows.Formulas(); f != nil {
			t.formulas = append(t.formulas[:0], f...)
			t.row.Formulas = t.formulas
		}
		return true
	}
	if err := t.rows.Error(); err != nil {
		t.err = t.readErr(err, 0)
	}
	t.done = true
	return false
}

// Row returns the current row. Cells holds the raw cell values (numbers as
// stored in the XML, e.g. "0.75" for a cell shown as 75%; shared and inline
// strings as text), padded with "" to at least len(Header), and Types says
// which of them are dates, error values or TRUE and FALSE. The slices may
// be reused by the next call to Next: callers copy what they keep.
func (t *Table) Row() Row { return t.row }

// Err returns the error that stopped Next, if any. Where the sheet's XML
// is damaged, Next stops before the first row that cannot be read whole,
// and Err names the cell or row where the damage is.
func (t *Table) Err() error { return t.err }

// Close releases the sheet. It does not close the [File].
func (t *Table) Close() error {
	t.done = true
	if t.rows == nil {
		return nil
	}
	if err := t.rows.Close(); err != nil {
		return fmt.Errorf("%s: %w", t.Where(), err)
	}
	return nil
}

// HeaderText returns header cell col as the sheet writes it, trimmed and
// on one line (see [OneLine]), for messages that name the column as the
// user sees it; "" when the header row has no such cell.
func (t *Table) HeaderText(col int) string {
	if col < 0 || col >= len(t.Header) {
		return ""
	}
	return OneLine(t.Header[col])
}

// Ref names a cell for messages: t.Ref(3, 17) is "march.xlsx: 客服KPI!D17".
// col is 0-based and row 1-based, as in [Table.Index] and [Row.Num].
//
// A CSV file's cells are named without a sheet, "march.csv: D17", as
// Excel shows the file.
func (t *Table) Ref(col, row int) string {
	if t.plain {
		return t.File + ": " + cellName(col, row)
	}
	return t.File + ": " + t.Sheet + "!" + cellName(col, row)
}

// Where names the sheet for messages about all of it: "march.xlsx:
// 客服KPI", or "march.csv" for a CSV file, which has one.
func (t *Table) Where() string {
	if t.plain {
		return t.File
	}
	return t.File + ": " + t.Sheet
}

// RowRef names a whole row for messages about it: "march.xlsx: 客服KPI:
// row 5".
func (t *Table) RowRef(row int) string {
	return fmt.Sprintf("%s: row %d", t.Where(), row)
}

// readErr says what stopped the reading in row, or, for 0, after the last
// row read.
func (t *Table) readErr(err error, row int) error {
	if t.plain {
		// A CSV file's problems name their line or cell.
		return err
	}
	var d *damageError
	if errors.As(err, &d) {
		return t.damaged(d)
	}
	var lr *longRunError
	if errors.As(err, &lr) {
		return fmt.Errorf("%s: %w\n%s", t.Where(), err, bombHint)
	}
	if row > 0 {
		return fmt.Errorf("%s: %w", t.RowRef(row), err)
	}
	return fmt.Errorf("%s: %w", t.Where(), err)
}

// damageHint follows every message about damaged XML: the file itself is
// broken, so no change to the rules or the cells as Excel shows them helps.
const damageHint = "    hint: export the workbook again from where it came from"

// damaged says where the sheet's XML is damaged and which rows are lost,
// naming the cell when the damage is inside one.
func (t *Table) damaged(d *damageError) error {
	var msg string
	switch {
	case d.in && d.col > 0:
		msg = fmt.Sprintf("%s: the sheet's XML is damaged in this cell, so row %d and the rows below it cannot be read",
			t.Ref(d.col-1, d.row), d.row)
	case d.in:
		msg = fmt.Sprintf("%s: the sheet's XML is damaged in this row, so it and the rows below it cannot be read", t.RowRef(d.row))
	case d.row <= 1:
		msg = fmt.Sprintf("%s: %s: the sheet's XML is damaged before its first row, so none of its rows can be read", t.File, t.Sheet)
	default:
		msg = fmt.Sprintf("%s: %s: the sheet's XML is damaged after row %d, so the rows below it cannot be read", t.File, t.Sheet, d.row-1)
	}
	return fmt.Errorf("%s: %s\n%s", msg, d.msg, damageHint)
}

// NewTable makes a table of rows held in memory, with the header on row
// 1 and the rows under it, as a run builds a quarter's rows from its
// months. Column i of the header is the cell index of cols[i], whose
// first header it is.
func NewTable(file, sheet string, cols []Column, extra []string, rows [][]string) *Table {
	t := &Table{File: file, Sheet: sheet, HeaderRow: 1, mem: rows}
	for i, c := range cols {
		t.Header = append(t.Header, c.Headers[0])
		t.Index = append(t.Index, i)
	}
	t.Header = append(t.Header, extra...)
	t.num = 1
	return t
}

func (t *Table) nextInMemory() bool {
	i := t.num - 1
	if i >= len(t.mem) {
		t.done = true
		return false
	}
	t.num++
	t.buf = append(t.buf[:0], t.mem[i]...)
	for len(t.buf) < len(t.Header) {
		t.buf = append(t.buf, "")
	}
	t.types = t.types[:0]
	for range t.buf {
		t.types = append(t.types, Plain)
	}
	t.row = Row{Num: t.num, Cells: t.buf, Types: t.types}
	return true
}
