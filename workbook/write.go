package workbook

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Kind says what an output [Cell] holds.
type Kind uint8

// Kinds of output cell.
const (
	Blank  Kind = iota // nothing; Text is ignored
	Text               // Text as a string
	Number             // Text as a decimal number, written as a numeric cell
)

// Format is the number format of a numeric output [Cell].
type Format uint8

// Number formats. They apply to Number cells only.
const (
	General Format = iota // as Excel shows any number
	Percent               // "0.00%"
	Money                 // "#,##0.00"
	Integer               // "0"
)

// builtinNumFmt maps a Format to Excel's built-in number format ID, which
// every spreadsheet program knows without a custom format entry.
var builtinNumFmt = [...]int{
	Percent: 10, // 0.00%
	Money:   4,  // #,##0.00
	Integer: 1,  // 0
}

// Cell is one output cell.
type Cell struct {
	Kind   Kind   // Blank, Text or Number
	Text   string // the text, or the number as an exact decimal string like "0.75", "-12.5", "376.875"
	Format Format // for numbers: General, Percent, Money or Integer
}

// Writer builds an output workbook. Nothing appears at the destination until
// [Writer.Commit], so a run that fails part way leaves no partial file.
type Writer struct {
	name   string    // base name of the destination, for messages
	path   string    // destination, or "" when writing to out
	out    io.Writer // destination stream for CreateTo
	tmp    *os.File  // where the workbook is built
	x      *excelize.File
	sheets []*SheetWriter
	styles [len(builtinNumFmt)]int // style ID per Format; 0 is General
	bold   int                     // style ID of header cells
	done   bool                    // committed or aborted
}

// SheetWriter streams rows into one sheet of a [Writer].
type SheetWriter struct {
	w     *Writer
	name  string
	sw    *excelize.StreamWriter
	row   int // last row written
	vals  []interface{}
	cells []excelize.Cell
}

// Create starts a workbook to be saved at path on [Writer.Commit]. Until then
// it is built in a temporary file "." + base + ".tmp-*" in the same folder,
// so the final rename cannot cross file systems. A path of "-" means
// standard output, as [CreateTo](os.Stdout); commands should prefer CreateTo
// with their own stream.
func Create(path string) (*Writer, error) {
	if path == "-" {
		return CreateTo(os.Stdout)
	}
	name := filepath.Base(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, &fileError{name, "is a folder", nil}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		msg := "cannot create: " + describeCreate(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("no such folder %q", dir)
		}
		return nil, &fileError{name, msg, err}
	}
	return newWriter(name, path, nil, tmp)
}

// CreateTo is [Create] for a destination stream, such as standard output for
// "-o -": the workbook is built in a temporary file and copied to w on
// [Writer.Commit].
func CreateTo(w io.Writer) (*Writer, error) {
	const name = "stdout"
	tmp, err := os.CreateTemp("", "appraise-*.xlsx")
	if err != nil {
		return nil, &fileError{name, "cannot create a temporary file: " + describeCreate(err), err}
	}
	return newWriter(name, "", w, tmp)
}

// describeCreate words an error from creating a file.
func describeCreate(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func newWriter(name, path string, out io.Writer, tmp *os.File) (*Writer, error) {
	w := &Writer{name: name, path: path, out: out, tmp: tmp, x: excelize.NewFile()}
	// Styles are made once here: excelize dedupes them, but only by
	// comparing against every style made so far.
	var err error
	if w.bold, err = w.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		_ = w.Abort()
		return nil, w.errorf("%w", err)
	}
	for f, id := range builtinNumFmt {
		if id == 0 {
			continue
		}
		if w.styles[f], err = w.x.NewStyle(&excelize.Style{NumFmt: id}); err != nil {
			_ = w.Abort()
			return nil, w.errorf("%w", err)
		}
	}
	return w, nil
}

func (w *Writer) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: "+format, append([]any{w.name}, args...)...)
}

// Sheet adds a sheet with a bold header row, the header frozen, and columns
// as wide as their header text, or as minWidths[i] characters where that is
// wider (for columns whose contents outgrow their header). The first call
// takes over the default sheet. Several sheets may be open at once and
// written interleaved.
func (w *Writer) Sheet(name string, header []string, minWidths ...int) (*SheetWriter, error) {
	return w.sheet(name, header, true, minWidths)
}

// sheet adds a sheet; a plain one has no header row, panes or widths, for
// WriteTable's inputs, whose first row may be a title.
func (w *Writer) sheet(name string, header []string, styled bool, minWidths []int) (*SheetWriter, error) {
	if w.done {
		return nil, w.errorf("sheet %q added after the workbook was finished", name)
	}
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			// Excel compares sheet names without case.
			return nil, w.errorf("sheet %q added twice", name)
		}
	}
	var err error
	if len(w.sheets) == 0 {
		err = w.x.SetSheetName(w.x.GetSheetName(0), name)
	} else {
		_, err = w.x.NewSheet(name)
	}
	if err != nil {
		return nil, w.errorf("bad sheet name %q: %w", name, err)
	}
	sw, err := w.x.NewStreamWriter(name)
	if err != nil {
		return nil, w.errorf("%s: %w", name, err)
	}
	s := &SheetWriter{w: w, name: name, sw: sw}
	w.sheets = append(w.sheets, s)
	if !styled || len(header) == 0 {
		return s, nil
	}
	// Widths and panes must be set before the first row is streamed.
	for i, h := range header {
		width := fitWidth(h)
		if i < len(minWidths) {
			width = max(width, float64(min(minWidths[i], maxWidth)))
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, s.errorf("%w", err)
		}
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return nil, s.errorf("%w", err)
	}
	s.vals = s.vals[:0]
	s.cells = growCells(s.cells, len(header))
	for i, h := range header {
		s.cells[i] = excelize.Cell{StyleID: w.bold, Value: h}
		s.vals = append(s.vals, &s.cells[i])
	}
	if err := s.setRow(); err != nil {
		return nil, err
	}
	return s, nil
}

// fitWidth gives a column width that shows header text in full: Chinese
// characters take two character widths, and the result is kept between a
// width that fits a number and one that leaves room for other columns.
func fitWidth(h string) float64 {
	n := 2 // padding, so text does not touch the grid lines
	for _, r := range h {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return float64(min(max(n, 8), 40))
}

// maxWidth is the widest a column is made, in characters.
const maxWidth = 60

func growCells(c []excelize.Cell, n int) []excelize.Cell {
	if cap(c) < n {
		return make([]excelize.Cell, n)
	}
	return c[:n]
}

func (s *SheetWriter) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s: "+format, append([]any{s.w.name, s.name}, args...)...)
}

// Row writes the next row. A Number cell whose Text is not a finite decimal
// number is an error.
func (s *SheetWriter) Row(cells []Cell) error {
	if s.w.done {
		return s.errorf("row written after the workbook was finished")
	}
	s.vals = s.vals[:0]
	s.cells = growCells(s.cells, len(cells))
	for i, c := range cells {
		// Pointers into s.cells keep excelize.Cell values from being boxed
		// one by one; a nil value leaves the cell out.
		var v interface{}
		switch c.Kind {
		case Blank:
		case Text:
			if c.Text != "" {
				s.cells[i] = excelize.Cell{Value: c.Text}
				v = &s.cells[i]
			}
		case Number:
			f, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64)
			if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return fmt.Errorf("%s: %s!%s: not a number: %q", s.w.name, s.name, cellName(i, s.row+1), c.Text)
			}
			// Excel keeps 15 significant digits. Rounding here rather than
			// leaving it to excelize, which truncates and keeps the zeros
			// ("0.30000000000000004" would be stored as "0.300000000000000").
			f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
			style := 0
			if int(c.Format) < len(s.w.styles) {
				style = s.w.styles[c.Format]
			}
			s.cells[i] = excelize.Cell{StyleID: style, Value: f}
			v = &s.cells[i]
		default:
			return fmt.Errorf("%s: %s!%s: unknown cell kind %d", s.w.name, s.name, cellName(i, s.row+1), c.Kind)
		}
		s.vals = append(s.vals, v)
	}
	return s.setRow()
}

// setRow streams s.vals as the next row.
func (s *SheetWriter) setRow() error {
	s.row++
	if err := s.sw.SetRow(cellName(0, s.row), s.vals); err != nil {
		return fmt.Errorf("%s: %s!%s: %w", s.w.name, s.name, cellName(0, s.row), err)
	}
	return nil
}

// Commit finishes the workbook and puts it at its destination: renamed onto
// the path given to [Create], or copied to the stream given to [CreateTo].
// The temporary file is gone afterwards either way.
func (w *Writer) Commit() error {
	if w.done {
		return w.errorf("workbook already finished")
	}
	err := w.build()
	if err == nil && w.out != nil {
		err = w.copyOut()
	}
	if err == nil && w.out == nil {
		err = w.rename()
	}
	if err != nil {
		_ = w.Abort()
		return err
	}
	w.done = true
	return w.closeExcelize()
}

// build writes the finished workbook into the temporary file and closes it.
func (w *Writer) build() error {
	for _, s := range w.sheets {
		if err := s.sw.Flush(); err != nil {
			return s.errorf("%w", err)
		}
	}
	// excelize's Write zips the whole workbook into a bytes.Buffer before
	// copying it out; handing it a zip writer on the temporary file instead
	// streams the zip to disk, and the buffer stays empty.
	w.x.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w.tmp) })
	if err := w.x.Write(io.Discard); err != nil {
		return w.errorf("cannot write workbook: %w", err)
	}
	if w.path != "" {
		// CreateTemp makes files only the owner can read; a saved workbook
		// should look like any other file the user saves.
		if err := w.tmp.Chmod(0o644); err != nil {
			return w.errorf("%s", describeCreate(err))
		}
		if err := w.tmp.Sync(); err != nil {
			return w.errorf("%s", describeCreate(err))
		}
	}
	return nil
}

func (w *Writer) copyOut() error {
	if _, err := w.tmp.Seek(0, io.SeekStart); err != nil {
		return w.errorf("%w", err)
	}
	if _, err := io.Copy(w.out, w.tmp); err != nil {
		return w.errorf("%w", err)
	}
	name := w.tmp.Name()
	err := w.tmp.Close()
	w.tmp = nil
	_ = os.Remove(name)
	if err != nil {
		return w.errorf("%w", err)
	}
	return nil
}

func (w *Writer) rename() error {
	name := w.tmp.Name()
	if err := w.tmp.Close(); err != nil {
		return w.errorf("%s", describeCreate(err))
	}
	w.tmp = nil
	if err := os.Rename(name, w.path); err != nil {
		_ = os.Remove(name)
		return w.errorf("cannot save: %s", describeCreate(err))
	}
	return nil
}

// closeExcelize removes the temporary files excelize's stream writers spill
// large sheets into.
func (w *Writer) closeExcelize() error {
	if w.x == nil {
		return nil
	}
	err := w.x.Close()
	w.x = nil
	if err != nil {
		return w.errorf("%w", err)
	}
	return nil
}

// Abort discards the workbook and its temporary file. It does nothing after
// [Writer.Commit], so callers can defer it right after [Create].
func (w *Writer) Abort() error {
	if w.done && w.tmp == nil && w.x == nil {
		return nil
	}
	w.done = true
	var errs []error
	if w.tmp != nil {
		name := w.tmp.Name()
		_ = w.tmp.Close()
		w.tmp = nil
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, w.errorf("%w", err))
		}
	}
	if err := w.closeExcelize(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
