package main

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// shape is the layout of a scored workbook: its sheets in order, each with
// the rows written once and the rows written for every input row.
type shape struct {
	sheets []*sheetShape
}

// sheetShape is one sheet of a [shape]. Its rows are head first, then block
// once per input row. When the rows outgrow a sheet, they go on in sheets
// named "name 2", "name 3", ..., each starting with head again.
type sheetShape struct {
	name  string
	head  [][]cell
	block [][]cell
}

// cell is a constant cell of a reference, kept with its style.
type cell struct {
	value any             // nil for no cell, else string, float64 or bool
	style *excelize.Style // nil for the default style
}

// reference is a workbook scored by appraise from n input rows.
type reference struct {
	path string
	n    int
}

// refList is the value of the -ref flags, each FILE=N.
type refList []reference

func (r *refList) String() string { return fmt.Sprint(*r) }

// Set adds a reference given as FILE=N.

func (r *refList) Set(s string) error {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '=' {
			n, err := strconv.Atoi(s[i+1:])
			if err != nil || n < 1 {
				break
			}
			*r = append(*r, reference{path: s[:i], n: n})
			return nil
		}
	}
	return fmt.Errorf("%q is not FILE=N, N the number of input rows FILE was scored from", s)
}

// learn works out the shape of appraise's output from references scored
// from different numbers of input rows: a sheet of R rows in a reference of
// n input rows has R = head + per x n, and two references give head and
// per (one could not tell 1 + 1 x 10 rows from 11 written once). The cells
// themselves are taken from the first reference: its head rows and the
// rows of its first input row.
func learn(refs []reference) (*shape, error) {
	if len(refs) < 2 {
		return nil, fmt.Errorf("give two references, -ref FILE=N, scored by appraise from different numbers N of input rows")
	}
	type counted struct {
		names []string
		rows  map[string]int
	}
	var all []counted
	var first map[string][][]string // the first reference's raw cells, by sheet
	for i, r := range refs {
		names, rows, raw, err := countRows(r.path, i == 0)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = raw
		} else if !slices.Equal(names, all[0].names) {
			return nil, fmt.Errorf("%s: sheets %q differ from those of %s, %q", r.path, names, refs[0].path, all[0].names)
		}
		all = append(all, counted{names, rows})
	}

	x, err := excelize.OpenFile(refs[0].path)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	styles := map[int]*excelize.Style{}
	sh := &shape{}
	for _, name := range all[0].names {
		head, per, err := fit(name, refs, func(i int) int { return all[i].rows[name] })
		if err != nil {
			return nil, err
		}
		raw := first[name]
		s := &sheetShape{name: name}
		if s.head, err = cells(x, name, raw, 0, head, styles); err != nil {
			return nil, err
		}
		if s.block, err = cells(x, name, raw, head, head+per, styles); err != nil {
			return nil, err
		}
		sh.sheets = append(sh.sheets, s)
	}
	return sh, nil
}

// fit finds head and per such that every reference's sheet has
// head + per x n rows.
func fit(name string, refs []reference, rows func(i int) int) (head, per int, err error) {
	a, b := 0, -1 // b: the reference whose n is furthest from a's
	for i := range refs {
		if refs[i].n != refs[a].n && (b < 0 || abs(refs[i].n-refs[a].n) > abs(refs[b].n-refs[a].n)) {
			b = i
		}
	}
	if b < 0 {
		return 0, 0, fmt.Errorf("the references are all scored from %d input rows: give one scored from another number", refs[a].n)
	}
	dr, dn := rows(b)-rows(a), refs[b].n-refs[a].n
	if dr%dn != 0 || dr/dn < 0 {
		return 0, 0, fmt.Errorf("sheet %q: %d rows from %d input rows and %d from %d: it does not grow by a whole number of rows per input row", name, rows(a), refs[a].n, rows(b), refs[b].n)
	}
	per = dr / dn
	head = rows(a) - per*refs[a].n
	for i, r := range refs {
		if head < 0 || rows(i) != head+per*r.n {
			return 0, 0, fmt.Errorf("sheet %q of %s: %d rows, not %d + %d x %d: its rows do not grow in step with the input",
				name, r.path, rows(i), head, per, r.n)
		}
	}
	return head, per, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// countRows counts the rows of each sheet of a workbook, and with keep
// returns their raw cells too.
func countRows(path string, keep bool) (names []string, rows map[string]int, raw map[string][][]string, err error) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, nil, nil, err
	}
	defer x.Close()
	rows, raw = map[string]int{}, map[string][][]string{}
	names = x.GetSheetList()
	for _, name := range names {
		it, err := x.Rows(name)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		n := 0
		for it.Next() {
			n++
			if !keep {
				continue
			}
			c, err := it.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				it.Close()
				return nil, nil, nil, fmt.Errorf("%s: %s: %w", path, name, err)
			}
			raw[name] = append(raw[name], c)
		}
		if err := it.Close(); err != nil {
			return nil, nil, nil, err
		}
		// Rows may report a row number past the last row that has cells;
		// what counts is the number of rows written.
		rows[name] = n
	}
	return names, rows, raw, nil
}

// cells returns rows [from, to) of a sheet as constant cells of the types
// and styles the reference gave them.
func cells(x *excelize.File, sheet string, raw [][]string, from, to int, styles map[int]*excelize.Style) ([][]cell, error) {
	var out [][]cell
	for r := from; r < to; r++ {
		row := make([]cell, len(raw[r]))
		for c, v := range raw[r] {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, err := x.GetCellType(sheet, ref)
			if err != nil {
				return nil, err
			}
			row[c].value = typed(typ, v)
			id, err := x.GetCellStyle(sheet, ref)
			if err != nil {
				return nil, err
			}
			if id != 0 {
				if styles[id] == nil {
					if styles[id], err = x.GetStyle(id); err != nil {
						return nil, err
					}
				}
				row[c].style = styles[id]
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// typed gives a raw cell value the Go type a StreamWriter writes back as
// the same kind of cell.
func typed(t excelize.CellType, v string) any {
	switch t {
	case excelize.CellTypeBool:
		return v == "1" || v == "TRUE" || v == "true"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	}
	return v
}
