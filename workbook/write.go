package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

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
	Yuan                  // "¥#,##0.00", money as finance pays it
	Fixed1                // "0.0": points with one decimal
	Fixed2                // "0.00"
	Fixed3                // "0.000"
	Fixed4                // "0.0000"
	Date                  // a day, as Excel's built-in short date shows it
)

// builtinNumFmt maps a Format to Excel's built-in number format ID, which
// every spreadsheet program knows without a custom format entry; the
// formats it has none for are in customNumFmt.
var builtinNumFmt = [...]int{
	Percent: 10, // 0.00%
	Money:   4,  // #,##0.00
	Integer: 1,  // 0
	Fixed2:  2,  // 0.00
	Fixed4:  0,
	Date:    14, // the short date of the reader's locale, such as 2025/3/1
}

// DateCell is the cell of day t: its serial number in the 1900 date
// system that the workbooks written here use, formatted as a date.
func DateCell(t time.Time) Cell {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	serial := day.Unix()/86400 + 25569 // 1970-01-01 is day 25569
	return Cell{Kind: Number, Text: strconv.FormatInt(serial, 10), Format: Date}
}

var customNumFmt = [len(builtinNumFmt)]string{
	Yuan:   "¥#,##0.00",
	Fixed1: "0.0",
	Fixed3: "0.000",
	Fixed4: "0.0000",
}

// FixedFormat is the format that shows a number with n decimals, for
// n from 1 to 4, else General.
func FixedFormat(n int) Format {
	if n < 1 || n > 4 {
		return General
	}
	return Fixed1 + Format(n-1)
}

// numFmtStyle is the excelize style of number format f.
func numFmtStyle(f Format) *excelize.Style {
	st := &excelize.Style{NumFmt: builtinNumFmt[f]}
	if c := customNumFmt[f]; c != "" {
		st = &excelize.Style{CustomNumFmt: &c}
	}
	return st
}

// Cell is one output cell.
type Cell struct {
	Kind   Kind   // Blank, Text or Number
	Text   string // the text, or the number as an exact decimal string like "0.75", "-12.5", "376.875"
	Format Format // for numbers: General, Percent, Money, Integer or Date
	Mark   bool   // highlighted, as a figure that changed
	Bold   bool
	Fill   string // a background colour as RGB hex, "C6EFCE"; "" for none
}

// Writer builds an output workbook. Nothing appears at the destination until
// [Writer.Commit], so a run that fails part way leaves no partial file.
//
// Each sheet is written through its own [SheetWriter], which encodes and
// compresses its rows as they come; Commit then puts the compressed sheets
// into the workbook that excelize makes around them (workbook part, styles,
// content types), without touching a row again. The SheetWriters of one
// Writer may be written from different goroutines at the same time, one
// goroutine per SheetWriter, and [Writer.Sheet] may be called while other
// sheets already hold rows, from any of those goroutines. Commit and Abort
// must wait until every goroutine writing rows is done.
type Writer struct {
	name    string    // base name of the destination, for messages
	path    string    // destination, or "" when writing to out
	out     io.Writer // destination stream for CreateTo
	tmp     *os.File  // where the workbook is built for Create
	tmpDir  string    // where sheets spill, as for os.CreateTemp
	pattern string    // name pattern of spilled sheets, as for os.CreateTemp
	styles  [Yuan]int // style ID per Format up to Integer; 0 is General. Later ones are made as they come
	bold    int       // style ID of header cells
	marked  [Yuan]int // style ID per Format up to Integer of a highlighted cell

	mu     sync.Mutex       // guards the fields below against Sheet on several goroutines
	extra  map[styleKey]int // styles of bold or filled cells, made as they come
	x      *excelize.File
	sheets []*SheetWriter
	done   bool // committed or aborted
}

// Create starts a workbook to be saved at path on [Writer.Commit]. Until then
// it is built in a temporary file "." + base + ".tmp-*" in the same folder,
// so the final rename cannot cross file systems; sheets too large to keep in
// memory wait in more files of that name until Commit. A path of "-" means
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
	pattern := "." + name + ".tmp-*"
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		msg := "cannot create: " + describeCreate(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("no such folder %q", dir)
		}
		return nil, &fileError{name, msg, err}
	}
	w, err := newWriter(name, dir, pattern)
	if err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return nil, err
	}
	w.path, w.tmp = path, tmp
	return w, nil
}

// CreateTo is [Create] for a destination stream, such as standard output for
// "-o -": the workbook is written to w on [Writer.Commit], and sheets too
// large to keep in memory wait in temporary files until then.
func CreateTo(w io.Writer) (*Writer, error) {
	wr, err := newWriter("stdout", "", "appraise-*.sheet")
	if err != nil {
		return nil, err
	}
	wr.out = w
	return wr, nil
}

// SaveError is an output file that could not be written or saved, such
// as on a full disk: nothing was wrong with the data, but the destination
// could not take them. The destination is left as it was.
type SaveError struct {
	msg string
	err error
}

func (e *SaveError) Error() string { return e.msg }
func (e *SaveError) Unwrap() error { return e.err }

// NewSaveError is the [SaveError] of the file called name: "march.scored.xlsx:
// cannot write: no space left on device", with what naming the step that
// failed ("cannot write", "cannot save").
func NewSaveError(name, what string, err error) error {
	msg := name + ": " + describeCreate(err)
	if what != "" {
		msg = name + ": " + what + ": " + describeCreate(err)
	}
	return &SaveError{msg: msg, err: err}
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

func newWriter(name, tmpDir, pattern string) (*Writer, error) {
	w := &Writer{name: name, tmpDir: tmpDir, pattern: pattern, x: excelize.NewFile()}
	// Styles are made once here: excelize dedupes them, but only by
	// comparing against every style made so far.
	var err error
	if w.bold, err = w.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		_ = w.x.Close()
		return nil, w.errorf("%w", err)
	}
	for f := range Yuan {
		if f == General {
			continue
		}
		if w.styles[f], err = w.x.NewStyle(numFmtStyle(f)); err != nil {
			_ = w.x.Close()
			return nil, w.errorf("%w", err)
		}
	}
	return w, nil
}

// styleKey is what makes the style of a bold or filled cell.
type styleKey struct {
	format     Format
	bold, mark bool
	fill       string
}

// Prepare makes the styles of cells like these (bold, filled, or of a
// format past Integer) at once, in order, so that a workbook whose sheets
// are written side by side numbers its styles the same way every time.
// A style not prepared is made when a cell first needs it.
func (w *Writer) Prepare(cells ...Cell) error {
	for _, c := range cells {
		f := c.Format
		if c.Kind == Text {
			f = General
		}
		if _, err := w.extraStyle(styleKey{format: f, bold: c.Bold, mark: c.Mark && w.marked[General] != 0, fill: c.Fill}); err != nil {
			return err
		}
	}
	return nil
}

// extraStyle returns the style of a bold or filled cell, making it the
// first time. Such cells are few (headers of a summary, a grade a row),
// so a lock is cheap here.
func (w *Writer) extraStyle(k styleKey) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if id, ok := w.extra[k]; ok {
		return id, nil
	}
	st := numFmtStyle(k.format)
	st.Font = &excelize.Font{Bold: k.bold}
	fill := k.fill
	if k.mark && fill == "" {
		fill = "FFEB9C"
	}
	if fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
	}
	id, err := w.x.NewStyle(st)
	if err != nil {
		return 0, w.errorf("%w", err)
	}
	if w.extra == nil {
		w.extra = map[styleKey]int{}
	}
	w.extra[k] = id
	return id, nil
}

// Highlight makes the styles of highlighted cells ([Cell.Mark]), which
// keep their number format and gain a fill. Without it a marked cell is
// written as any other. Call it before the first sheet.
func (w *Writer) Highlight() error {
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}
	for f := range Yuan {
		st := numFmtStyle(f)
		st.Fill = fill
		var err error
		if w.marked[f], err = w.x.NewStyle(st); err != nil {
			return w.errorf("%w", err)
		}
	}
	return nil
}

func (w *Writer) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: "+format, append([]any{w.name}, args...)...)
}

// Sheet adds a sheet with a bold header row, the header frozen, and columns
// as wide as their header text, or as minWidths[i] characters where that is
// wider (for columns whose contents outgrow their header). The first call
// takes over the default sheet. Several sheets may be open at once and
// written interleaved, or from different goroutines; a sheet may be added
// while others already hold rows, such as "detail 2" once "detail" is full.
func (w *Writer) Sheet(name string, header []string, minWidths ...int) (*SheetWriter, error) {
	return w.sheet(name, header, true, SheetOptions{Widths: minWidths})
}

// SheetOptions say how a sheet of [Writer.SheetWith] looks besides its
// bold, frozen header.
type SheetOptions struct {
	// Widths are the least widths of the columns, in characters.
	Widths []int
	// Fit makes each column as wide as its header and the cells of the
	// first rows need (as many as the first 64 KB of the sheet hold),
	// Chinese characters counting two, up to 60 characters.
	Fit bool
	// Freeze is the number of columns kept in view at the left, beside
	// the header row.
	Freeze int
	// Filter puts an autofilter on the header row over every row.
	Filter bool
	// Notes are notes (comments) on the header cells, by column; "" for
	// none.
	Notes []string
	// NoHeader writes no header row: the sheet's rows are its own, as a
	// summary's are. The header then only gives the column widths.
	NoHeader bool
}

// SheetWith is [Writer.Sheet] with the options o.
func (w *Writer) SheetWith(name string, header []string, o SheetOptions) (*SheetWriter, error) {
	return w.sheet(name, header, true, o)
}

// sheet adds a sheet; a plain one has no header row, panes or widths, for
// WriteTable's inputs, whose first row may be a title.
func (w *Writer) sheet(name string, header []string, styled bool, o SheetOptions) (*SheetWriter, error) {
	s, err := w.addSheet(name)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, w.errorf("sheet %q added after the workbook was finished", name)
	}
	s.opts = o
	if err := s.start(header, styled); err != nil {
		return nil, err
	}
	return s, nil
}

// addSheet adds a sheet of that name to the workbook excelize makes, where
// it stays empty: its rows go into the SheetWriter's own stream.
func (w *Writer) addSheet(name string) (*SheetWriter, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
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
	st, err := newStream(w.tmpDir, w.pattern)
	if err != nil {
		return nil, w.errorf("%s: %w", name, err)
	}
	s := &SheetWriter{w: w, name: name, first: len(w.sheets) == 0, limit: rowLimit, stream: st}
	w.sheets = append(w.sheets, s)
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

// Commit finishes the workbook and puts it at its destination: renamed onto
// the path given to [Create], or written to the stream given to [CreateTo].
// The temporary files are gone afterwards either way. Call it once every
// goroutine writing rows is done.
func (w *Writer) Commit() error {
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return w.errorf("workbook already finished")
	}
	w.done = true
	w.mu.Unlock()
	err := w.build()
	if err == nil && w.path != "" {
		err = w.rename()
	}
	if cerr := w.cleanup(); err == nil {
		err = cerr
	}
	return err
}

// build finishes every sheet and writes the workbook: each part excelize
// made as it is, but for the sheets, whose compressed XML goes in place of
// excelize's empty ones.
func (w *Writer) build() error {
	for _, s := range w.sheets {
		s.mu.Lock()
		s.closed = true
		err := s.err
		if err == nil {
			err = s.finish()
		}
		s.mu.Unlock()
		if err != nil {
			return err
		}
		if err := s.decorate(); err != nil {
			return err
		}
	}
	buf, err := w.x.WriteToBuffer()
	if err != nil {
		return w.errorf("cannot write workbook: %w", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return w.errorf("cannot write workbook: %w", err)
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return w.errorf("cannot write workbook: %w", err)
	}
	byPart := make(map[string]*SheetWriter, len(w.sheets))
	for _, s := range w.sheets {
		part, ok := parts[s.name]
		if !ok {
			return w.errorf("cannot write workbook: no part for sheet %q", s.name)
		}
		byPart[part] = s
	}

	out := w.out
	if out == nil {
		out = w.tmp
	}
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		s, ok := byPart[f.Name]
		if !ok && f.Name == "[Content_Types].xml" {
			if err := copySorted(zw, f); err != nil {
				return w.errorf("cannot write workbook: %s", describeCreate(err))
			}
			continue
		}
		if !ok {
			if err := zw.Copy(f); err != nil {
				return NewSaveError(w.name, "cannot write workbook", err)
			}
			continue
		}
		delete(byPart, f.Name)
		if err := s.finishTail(f); err != nil {
			return err
		}
		if err := s.copyTo(zw, f.Name); err != nil {
			return err
		}
	}
	if len(byPart) > 0 {
		return w.errorf("cannot write workbook: excelize left out sheets")
	}
	if err := zw.Close(); err != nil {
		return NewSaveError(w.name, "cannot write workbook", err)
	}
	if w.path != "" {
		// CreateTemp makes files only the owner can read; a saved workbook
		// should look like any other file the user saves.
		if err := w.tmp.Chmod(0o644); err != nil {
			return NewSaveError(w.name, "cannot save", err)
		}
		if err := w.tmp.Sync(); err != nil {
			return NewSaveError(w.name, "cannot save", err)
		}
	}
	return nil
}

// copyTo adds the sheet's compressed XML to zw as the part called name.
func (s *SheetWriter) copyTo(zw *zip.Writer, name string) error {
	st := s.stream
	fw, err := zw.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CRC32:              st.crc,
		CompressedSize64:   uint64(st.out.n),
		UncompressedSize64: uint64(st.size),
	})
	if err == nil {
		var r io.Reader
		if r, err = st.out.reader(); err == nil {
			_, err = io.Copy(fw, r)
		}
	}
	if err != nil {
		return NewSaveError(s.w.name+": "+s.name, "cannot write", err)
	}
	return nil
}

// sheetParts maps each sheet name of a workbook excelize wrote to the zip
// entry holding that sheet, through the workbook part and its relations.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := make(map[string]string, len(rels.Rels))
	for _, r := range rels.Rels {
		// Targets are relative to xl/ unless they start at the root.
		if t, ok := strings.CutPrefix(r.Target, "/"); ok {
			targets[r.ID] = t
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	parts := make(map[string]string, len(wb.Sheets))
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			parts[s.Name] = t
		}
	}
	return parts, nil
}

func readXML(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := xml.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (w *Writer) rename() error {
	name := w.tmp.Name()
	if err := w.tmp.Close(); err != nil {
		return NewSaveError(w.name, "cannot save", err)
	}
	w.tmp = nil
	if err := os.Rename(name, w.path); err != nil {
		_ = os.Remove(name)
		return NewSaveError(w.name, "cannot save", err)
	}
	return nil
}

// cleanup closes every sheet and removes every temporary file left:
// everything after a failure, the spilled sheets after success.
func (w *Writer) cleanup() error {
	w.mu.Lock()
	sheets, x := w.sheets, w.x
	w.x = nil
	w.mu.Unlock()
	var errs []error
	for _, s := range sheets {
		s.mu.Lock()
		s.closed = true
		if err := s.stream.out.remove(); err != nil {
			errs = append(errs, s.errorf("%w", err))
		}
		s.mu.Unlock()
	}
	if w.tmp != nil {
		name := w.tmp.Name()
		_ = w.tmp.Close()
		w.tmp = nil
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, w.errorf("%w", err))
		}
	}
	if x != nil {
		if err := x.Close(); err != nil {
			errs = append(errs, w.errorf("%w", err))
		}
	}
	return errors.Join(errs...)
}

// Abort discards the workbook and its temporary files. It does nothing after
// [Writer.Commit], so callers can defer it right after [Create]. Call it
// once every goroutine writing rows is done.
func (w *Writer) Abort() error {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
	return w.cleanup()
}
