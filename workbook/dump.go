package workbook

import (
	"fmt"
	"strings"
	"time"
)

// WriteTable writes a one-sheet workbook at path from rows of text cells,
// row 1 first. It builds test inputs and example workbooks from tables that
// can live in text files, so each cell says what to write:
//
//   - a plain decimal number ("12", "-0.5") is a numeric cell;
//   - a number ending in "|pct" ("0.75|pct") is that number formatted as a
//     percentage;
//   - a date ending in "|date" ("2025-03-01|date") is that day's serial
//     number formatted as a date; a number before "|date" ("45717|date")
//     is the serial as it is, for a workbook of the 1904 date system;
//   - a cell starting with "'" is text without the quote, so "'0.75" stays
//     the text "0.75";
//   - "" is blank;
//   - anything else is text ("75%", "1,234.50", "abc").
//
// The sheet is called "Sheet1" when sheet is "".
func WriteTable(path, sheet string, rows [][]string) error {
	if sheet == "" {
		sheet = "Sheet1"
	}
	return WriteTables(path, SheetRows{Name: sheet, Rows: rows})
}

// SheetRows is one sheet for [WriteTables]: its name and its rows.
type SheetRows struct {
	Name string
	Rows [][]string
}

// WriteTables writes a workbook of several sheets, in order, each as
// [WriteTable] writes its one.
func WriteTables(path string, sheets ...SheetRows) error {
	w, err := Create(path)
	if err != nil {
		return err
	}
	defer w.Abort()
	for _, sh := range sheets {
		s, err := w.sheet(sh.Name, nil, false, SheetOptions{})
		if err != nil {
			return err
		}
		var cells []Cell
		for r, row := range sh.Rows {
			cells = cells[:0]
			for c, text := range row {
				cell, err := tableCell(text)
				if err != nil {
					return fmt.Errorf("%s: %s!%s: %w", w.name, sh.Name, cellName(c, r+1), err)
				}
				cells = append(cells, cell)
			}
			if err := s.Row(cells); err != nil {
				return err
			}
		}
	}
	return w.Commit()
}

// tableCell reads one cell of WriteTable's notation.
func tableCell(s string) (Cell, error) {
	switch {
	case s == "":
		return Cell{}, nil
	case strings.HasPrefix(s, "'"):
		return Cell{Kind: Text, Text: s[1:]}, nil
	case strings.HasSuffix(s, "|pct"):
		n := strings.TrimSuffix(s, "|pct")
		if !isDecimal(n) {
			return Cell{}, fmt.Errorf("%q: a percentage must be a decimal number before |pct", s)
		}
		return Cell{Kind: Number, Text: n, Format: Percent}, nil
	case strings.HasSuffix(s, "|date"):
		d := strings.TrimSuffix(s, "|date")
		if isDecimal(d) {
			return Cell{Kind: Number, Text: d, Format: Date}, nil
		}
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return Cell{}, fmt.Errorf("%q: a date must be written 2006-01-02 or as a serial number before |date", s)
		}
		return DateCell(t), nil
	case isDecimal(s):
		return Cell{Kind: Number, Text: s}, nil
	}
	return Cell{Kind: Text, Text: s}, nil
}

// isDecimal reports whether s is a plain decimal number: an optional minus,
// digits, and optionally a point and more digits.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	return allDigits(intPart) && (!hasPoint || allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Dump renders a sheet (the first when sheet is "") of the workbook at path
// as text for golden files: one line per row from row 1 to the last
// non-empty row, each the cells' raw values joined by "|" with trailing
// empty cells dropped. Raw values are what [Table] reads: "0.75" for a cell
// shown as 75%.
func Dump(path, sheet string) (string, error) {
	f, err := Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	name, err := f.sheet(sheet)
	if err != nil {
		return "", err
	}
	rows, err := f.x.Rows(name)
	if err != nil {
		return "", fmt.Errorf("%s: %s: %w", f.name, name, err)
	}
	defer rows.Close()
	var b strings.Builder
	empty, num := 0, 0 // empty rows not yet written, as a later row may need them
	for rows.Next() {
		num++
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return "", fmt.Errorf("%s: %s: row %d: %w", f.name, name, num, err)
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) == 0 {
			empty++
			continue
		}
		for ; empty > 0; empty-- {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Join(cells, "|"))
		b.WriteByte('\n')
	}
	if err := rows.Error(); err != nil {
		return "", fmt.Errorf("%s: %s: %w", f.name, name, err)
	}
	return b.String(), nil
}

// DumpSheets lists the sheet names of the workbook at path, one per line,
// for golden files.
func DumpSheets(path string) (string, error) {
	names, err := SheetNames(path)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// SheetNames returns the sheet names of the workbook at path in workbook
// order.
func SheetNames(path string) ([]string, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.SheetNames(), nil
}
