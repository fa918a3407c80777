package workbook

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Template describes a blank input workbook, ready to fill in: one sheet
// with an optional title row, the header row, a note on each header and
// checks on the data cells. It is plain data, so that the rules stay out
// of this package; the command builds it from a rule file.
type Template struct {
	Sheet   string
	Title   string // written in row 1, above the header; "" puts the header in row 1
	Columns []TemplateColumn
	// More are further sheets of the workbook, laid out alike after the
	// first: the tables the rules look values up in.
	More []*Template
}

// TemplateColumn is one column of a [Template].
type TemplateColumn struct {
	Header string
	Note   string // shown as a note on the header cell; "" for none
	Text   bool   // the cells hold text: formatted as text, so Excel keeps "00123" as typed
	Date   bool   // the cells hold dates: formatted as dates
	Check  Check
}

// Check says what the data cells of a column accept. Excel refuses other
// entries as they are typed, with Message.
type Check struct {
	Number   bool     // numbers only
	Min, Max string   // the bounds of a number, as decimal text; "" for none
	Values   []string // the texts accepted, offered in a drop-down list
	Blank    bool     // a blank cell is accepted
	Message  string   // shown when an entry is refused
}

// HeaderRow returns the row number of the header: 2 under a title, else 1.
func (t *Template) HeaderRow() int {
	if t.Title != "" {
		return 2
	}
	return 1
}

// lastRow is Excel's last row: the checks cover every row under the
// header, however many people a sheet lists.
const lastRow = 1048576

// maxListLength is the longest list of texts, joined by commas, that
// Excel takes in a data validation.
const maxListLength = 255

// WriteTemplate writes the workbook t describes to w.
func WriteTemplate(w io.Writer, t *Template) error {
	x, err := buildTemplate(t)
	if err != nil {
		return err
	}
	defer x.Close()
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("cannot write the template: %w", err)
	}
	return nil
}

// SaveTemplate writes the workbook t describes at path; a path ending in
// .csv gets the title and header rows as CSV (see [writeTemplateCSV]). An existing file
// is replaced only when replace is true; otherwise the error wraps
// [fs.ErrExist] and the file is left as it was. The workbook is built
// beside path and moved into place whole, so a failure leaves no partial
// file.
func SaveTemplate(path string, t *Template, replace bool) error {
	name := filepath.Base(path)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &fileError{name, "is a folder", nil}
		}
		if !replace {
			return &fileError{name, "already exists", fs.ErrExist}
		}
	}
	write := func(w io.Writer) error {
		x, err := buildTemplate(t)
		if err != nil {
			return err
		}
		defer x.Close()
		_, err = x.WriteTo(w)
		return err
	}
	if IsCSV(path) {
		write = func(w io.Writer) error { return writeTemplateCSV(w, t) }
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		msg := "cannot create: " + describeCreate(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("no such folder %q", dir)
		}
		return &fileError{name, msg, err}
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	err = write(tmp)
	if err == nil {
		// CreateTemp makes files only the owner can read.
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &fileError{name, "cannot write: " + describeCreate(err), err}
	}
	if replace {
		if err := os.Rename(tmpName, path); err != nil {
			return &fileError{name, "cannot save: " + describeCreate(err), err}
		}
		return nil
	}
	// A hard link fails if path has appeared since the check above, so a
	// file made in the meantime is not replaced either.
	if err := os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fileError{name, "already exists", fs.ErrExist}
		}
		return &fileError{name, "cannot save: " + describeCreate(err), err}
	}
	return nil
}

// buildTemplate makes the workbook in memory; a template is a few rows.
func buildTemplate(t *Template) (*excelize.File, error) {
	if len(t.Columns) == 0 {
		return nil, errors.New("a template needs at least one column")
	}
	x := excelize.NewFile()
	if err := fillTemplate(x, t, true); err != nil {
		_ = x.Close()
		return nil, err
	}
	for _, m := range t.More {
		if len(m.Columns) == 0 {
			continue
		}
		if err := fillTemplate(x, m, false); err != nil {
			_ = x.Close()
			return nil, err
		}
	}
	return x, nil
}

// fillTemplate lays t out on the first sheet of the new workbook x, or
// on a new sheet after the others.
func fillTemplate(x *excelize.File, t *Template, first bool) error {
	sheet := t.Sheet
	if sheet == "" {
		sheet = "Sheet1"
	}
	if first {
		if err := x.SetSheetName(x.GetSheetName(0), sheet); err != nil {
			return fmt.Errorf("bad sheet name %q: %w", sheet, err)
		}
	} else if _, err := x.NewSheet(sheet); err != nil {
		return fmt.Errorf("bad sheet name %q: %w", sheet, err)
	}
	last := cellName(len(t.Columns)-1, 1)
	head := t.HeaderRow()
	if t.Title != "" {
		title, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
		if err != nil {
			return err
		}
		if err := x.SetCellStr(sheet, "A1", t.Title); err != nil {
			return err
		}
		if err := x.SetCellStyle(sheet, "A1", "A1", title); err != nil {
			return err
		}
		if len(t.Columns) > 1 {
			if err := x.MergeCell(sheet, "A1", last); err != nil {
				return err
			}
		}
	}
	header, err := x.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	})
	if err != nil {
		return err
	}
	date, err := x.NewStyle(&excelize.Style{NumFmt: 14}) // the locale's short date
	if err != nil {
		return err
	}
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text as typed
	if err != nil {
		return err
	}
	for i, c := range t.Columns {
		col := strings.TrimSuffix(cellName(i, 1), "1")
		ref := cellName(i, head)
		if err := x.SetColWidth(sheet, col, col, fitWidth(c.Header)); err != nil {
			return err
		}
		if c.Text {
			if err := x.SetColStyle(sheet, col, text); err != nil {
				return err
			}
		}
		if c.Date {
			if err := x.SetColStyle(sheet, col, date); err != nil {
				return err
			}
		}
		if err := x.SetCellStr(sheet, ref, c.Header); err != nil {
			return err
		}
		if c.Note != "" {
			if err := x.AddComment(sheet, noteFor(ref, c)); err != nil {
				return fmt.Errorf("note on %s: %w", ref, err)
			}
		}
		dv, err := validation(c)
		if err != nil {
			return fmt.Errorf("check on %s: %w", c.Header, err)
		}
		if dv != nil {
			dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, head+1, col, lastRow)
			if err := x.AddDataValidation(sheet, dv); err != nil {
				return fmt.Errorf("check on %s: %w", c.Header, err)
			}
		}
	}
	if err := x.SetCellStyle(sheet, cellName(0, head), cellName(len(t.Columns)-1, head), header); err != nil {
		return err
	}
	if err := x.SetRowHeight(sheet, head, 20); err != nil {
		return err
	}
	top := cellName(0, head+1)
	err = x.SetPanes(sheet, &excelize.Panes{
		Freeze:      true,
		YSplit:      head,
		TopLeftCell: top,
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	return nil
}

// noteFor makes the note on a header cell, sized to show its text.
func noteFor(ref string, c TemplateColumn) excelize.Comment {
	const widthPx, charsPerLine, lineHeightPx = 320, 52, 15
	lines := 1 // the header, in bold
	for _, l := range strings.Split(c.Note, "\n") {
		n := 0
		for _, r := range l {
			n++
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
				n++
			}
		}
		lines += max(1, (n+charsPerLine-1)/charsPerLine)
	}
	return excelize.Comment{
		Cell:   ref,
		Author: "appraise",
		Paragraph: []excelize.RichTextRun{
			{Text: c.Header + "\n", Font: &excelize.Font{Bold: true, Size: 9}},
			{Text: c.Note, Font: &excelize.Font{Size: 9}},
		},
		Width:  widthPx,
		Height: uint(lines*lineHeightPx + 10),
	}
}

// validation makes the data validation of a column, or nil when its cells
// take anything.
func validation(c TemplateColumn) (*excelize.DataValidation, error) {
	ch := c.Check
	dv := excelize.NewDataValidation(ch.Blank)
	switch {
	case ch.Values != nil:
		if !listFits(ch.Values) {
			// Excel cannot hold such a list in a validation; the note
			// still names the texts.
			return nil, nil
		}
		if err := dv.SetDropList(ch.Values); err != nil {
			return nil, err
		}
	case ch.Number:
		lo, hi := ch.Min, ch.Max
		op := excelize.DataValidationOperatorBetween
		switch {
		case lo != "" && hi == "":
			op, hi = excelize.DataValidationOperatorGreaterThanOrEqual, ""
		case lo == "" && hi != "":
			op, lo, hi = excelize.DataValidationOperatorLessThanOrEqual, hi, ""
		case lo == "" && hi == "":
			// Any number: the widest range Excel holds.
			lo, hi = "-9.99E+307", "9.99E+307"
		}
		if err := dv.SetRange(lo, hi, excelize.DataValidationTypeDecimal, op); err != nil {
			return nil, err
		}
	default:
		return nil, nil
	}
	if ch.Message != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Header, ch.Message)
	}
	return dv, nil
}

// listFits reports whether texts can be a list in a data validation:
// Excel separates the items with commas and takes at most 255 characters.
func listFits(texts []string) bool {
	n := len(texts) - 1
	for _, t := range texts {
		if strings.Contains(t, ",") {
			return false
		}
		n += len([]rune(t))
	}
	return n <= maxListLength
}

// writeTemplateCSV writes the title and header rows of t as a CSV file
// in UTF-8 with a byte-order mark, which Excel and WPS open with the
// Chinese right and appraise reads back. A CSV file holds no notes nor
// checks: those are the .xlsx template's.
func writeTemplateCSV(w io.Writer, t *Template) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	if t.Title != "" {
		_ = cw.Write([]string{t.Title})
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Header
	}
	_ = cw.Write(header)
	cw.Flush()
	return cw.Error()
}
