package workbook

import (
	"archive/zip"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits of a sheet, as Excel sets them.
const (
	MaxRows    = 1 << 20 // rows in a sheet, the header included
	MaxColumns = 1 << 14 // columns in a sheet, A to XFD
	maxChars   = 32767   // UTF-16 code units in a cell; excelize cuts longer text
)

// ErrSheetFull is returned, wrapped, by [SheetWriter.Row] for a row past the
// last row a sheet can hold. The row is not written, so a caller can add
// another sheet and write it there.
var ErrSheetFull = errors.New("sheet is full")

// rowLimit is the number of rows a new sheet takes; tests lower it to reach
// the limit without writing a million rows.
var rowLimit = MaxRows

// flushAt is how much sheet XML a SheetWriter gathers before handing it to
// the compressor: large enough that the compressor's call overhead vanishes,
// small enough to stay in cache.
const flushAt = 64 << 10

// SheetWriter streams rows into one sheet of a [Writer]. It encodes each
// row to sheet XML itself and compresses it as it goes, so the work of a
// sheet is done by the goroutine that writes its rows.
//
// A SheetWriter is meant for one goroutine at a time; different
// SheetWriters of the same Writer may be written from different goroutines
// at once. A sheet holds at most [MaxRows] rows, the header included.
type SheetWriter struct {
	w     *Writer
	name  string
	first bool // the first sheet of the workbook, the one shown on opening

	// mu keeps Commit and Abort from finishing the sheet under a Row
	// running on another goroutine. It is never contended when callers
	// keep to one goroutine per sheet.
	mu     sync.Mutex
	row    int // rows written, the header included
	limit  int
	buf    []byte   // sheet XML not yet compressed
	cols   []string // column letters by index, grown as wider rows come
	stream *stream
	err    error // the first failure to write out; every later Row returns it
	closed bool  // finished by Commit or Abort

	opts   SheetOptions
	header []string
	// head is the sheet XML before the column widths, held back while
	// the first rows are measured when opts.Fit; nil once written.
	head   []byte
	widths []float64 // the widest cell of each column so far, when fitting
	ncols  int       // the most cells a row has had
	charts []Chart
}

// errorf makes an error naming the workbook and the sheet.
func (s *SheetWriter) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s: "+format, append([]any{s.w.name, s.name}, args...)...)
}

// start writes the sheet XML up to the first row: the view with the header
// frozen (and opts.Freeze columns) and the column widths when styled.
func (s *SheetWriter) start(header []string, styled bool) error {
	s.header = header
	b := append(s.buf, xmlHeader...)
	b = append(b, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`+
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheetViews><sheetView`...)
	if s.first {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"`...)
	styled = styled && len(header) > 0
	switch {
	case styled && s.opts.NoHeader:
		b = append(b, `/>`...)
	case styled && s.opts.Freeze > 0:
		top := s.col(s.opts.Freeze) + "2"
		b = append(b, `><pane xSplit="`...)
		b = strconv.AppendInt(b, int64(s.opts.Freeze), 10)
		b = append(b, `" ySplit="1" topLeftCell="`+top+`" activePane="bottomRight" state="frozen"/>`+
			`<selection pane="topRight"/><selection pane="bottomLeft"/>`+
			`<selection pane="bottomRight" activeCell="`+top+`" sqref="`+top+`"/></sheetView>`...)
	case styled:
		b = append(b, `><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
			`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>`...)
	default:
		b = append(b, `/>`...)
	}
	b = append(b, `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`...)
	if styled && s.opts.Fit {
		// The widths are written once the first rows are measured.
		s.head = b
		s.widths = make([]float64, len(header))
		for i, h := range header {
			s.widths[i] = fitWidth(h)
		}
		b = nil
	} else if styled {
		b = appendCols(b, header, s.opts.Widths)
	}
	s.buf = append(b, `<sheetData>`...)
	if !styled || s.opts.NoHeader {
		return nil
	}
	cells := make([]Cell, len(header))
	for i, h := range header {
		cells[i] = Cell{Kind: Text, Text: h}
	}
	return s.writeRow(cells, s.w.bold)
}

// measure widens the columns to the cells of a row, while fitting.
func (s *SheetWriter) measure(cells []Cell) {
	for i := range cells {
		c := &cells[i]
		if c.Kind == Blank || c.Text == "" {
			continue
		}
		for len(s.widths) <= i {
			s.widths = append(s.widths, 8)
		}
		w := fitWidth(c.Text)
		if c.Kind == Number {
			w = float64(len(c.Text) + 2)
			switch c.Format {
			case Percent:
				w += 3
			case Money, Yuan:
				w += float64(len(c.Text)/3 + 3)
			}
		}
		s.widths[i] = max(s.widths[i], min(w, maxWidth))
	}
}

// writeHead writes the XML held back while fitting: the view, then the
// widths measured, before the rows.
func (s *SheetWriter) writeHead() {
	head := s.head
	s.head = nil
	widths := make([]int, len(s.widths))
	for i, w := range s.widths {
		widths[i] = int(w + 0.5)
	}
	for i, w := range s.opts.Widths {
		if i < len(widths) {
			widths[i] = max(widths[i], min(w, maxWidth))
		}
	}
	hdr := make([]string, len(widths))
	head = appendCols(head, hdr, widths)
	s.buf = append(head, s.buf...)
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// appendCols appends the column widths, one <col> for each run of columns
// of the same width, in column order as the schema asks.
func appendCols(b []byte, header []string, minWidths []int) []byte {
	widths := make([]float64, len(header))
	for i, h := range header {
		widths[i] = fitWidth(h)
		if i < len(minWidths) {
			widths[i] = max(widths[i], float64(min(minWidths[i], maxWidth)))
		}
	}
	b = append(b, `<cols>`...)
	for i := 0; i < len(widths); {
		j := i + 1
		for j < len(widths) && widths[j] == widths[i] {
			j++
		}
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(j), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, widths[i], 'f', -1, 64)
		b = append(b, `" customWidth="1"/>`...)
		i = j
	}
	return append(b, `</cols>`...)
}

// Row writes the next row. A Number cell whose Text is not a finite decimal
// number is an error, and so is a row past the sheet's last row (an error
// wrapping [ErrSheetFull]); then nothing of the row is written, and the
// next call writes the same row number.
func (s *SheetWriter) Row(cells []Cell) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.errorf("row written after the workbook was finished")
	}
	if s.err != nil {
		return s.err
	}
	return s.writeRow(cells, 0)
}

// writeRow encodes cells as the next row, text cells in textStyle, and
// compresses the XML gathered so far once there is enough of it.
func (s *SheetWriter) writeRow(cells []Cell, textStyle int) error {
	if s.row >= s.limit {
		return fmt.Errorf("%s: %s: %w: it holds %d rows", s.w.name, s.name, ErrSheetFull, s.limit)
	}
	if s.head != nil {
		s.measure(cells)
	}
	s.ncols = max(s.ncols, len(cells))
	num := s.row + 1
	if len(cells) > MaxColumns {
		return s.errorf("row %d has %d cells, more than the %d columns a sheet holds", num, len(cells), MaxColumns)
	}
	var digits [20]byte
	r := strconv.AppendInt(digits[:0], int64(num), 10)
	mark := len(s.buf)
	b := s.buf
	open := false // a row with nothing in it is left out; r= numbers the next
	for i := range cells {
		c := &cells[i]
		switch c.Kind {
		case Blank:
			continue
		case Text:
			if c.Text == "" {
				continue
			}
		case Number:
		default:
			s.buf = b[:mark]
			return fmt.Errorf("%s: %s!%s: unknown cell kind %d", s.w.name, s.name, cellName(i, num), c.Kind)
		}
		if !open {
			b = append(b, `<row r="`...)
			b = append(b, r...)
			b = append(b, `">`...)
			open = true
		}
		b = append(b, `<c r="`...)
		b = append(b, s.col(i)...)
		b = append(b, r...)
		b = append(b, '"')
		if c.Bold || c.Fill != "" || c.Kind == Number && c.Format >= Yuan {
			f := c.Format
			if c.Kind == Text || int(f) >= len(builtinNumFmt) {
				f = General
			}
			style, err := s.w.extraStyle(styleKey{format: f, bold: c.Bold, mark: c.Mark && s.w.marked[General] != 0, fill: c.Fill})
			if err != nil {
				s.buf = b[:mark]
				return err
			}
			b = appendStyle(b, style)
			if c.Kind == Text {
				b = appendInlineStr(b, c.Text)
				continue
			}
		} else if c.Kind == Text {
			if c.Mark && s.w.marked[General] != 0 {
				b = appendStyle(b, s.w.marked[General])
			} else {
				b = appendStyle(b, textStyle)
			}
			b = appendInlineStr(b, c.Text)
			continue
		} else {
			style := 0
			if int(c.Format) < len(s.w.styles) {
				style = s.w.styles[c.Format]
				if c.Mark && s.w.marked[c.Format] != 0 {
					style = s.w.marked[c.Format]
				}
			}
			b = appendStyle(b, style)
		}
		b = append(b, `><v>`...)
		var ok bool
		if b, ok = appendNumber(b, c.Text); !ok {
			s.buf = b[:mark]
			return fmt.Errorf("%s: %s!%s: not a number: %q", s.w.name, s.name, cellName(i, num), c.Text)
		}
		b = append(b, `</v></c>`...)
	}
	if open {
		b = append(b, `</row>`...)
	}
	s.buf = b
	s.row = num
	if len(s.buf) >= flushAt {
		return s.flush()
	}
	return nil
}

// flush hands the gathered XML to the compressor. A failure sticks: the
// sheet cannot be finished without the XML it lost.
func (s *SheetWriter) flush() error {
	if s.head != nil {
		s.writeHead()
	}
	if len(s.buf) == 0 {
		return nil
	}
	if err := s.stream.write(s.buf); err != nil {
		s.err = NewSaveError(s.w.name+": "+s.name, "cannot write", err)
		return s.err
	}
	s.buf = s.buf[:0]
	return nil
}

// finish writes the end of the sheet data and the autofilter; the rest,
// which excelize's part of the sheet decides, comes in finishTail.
func (s *SheetWriter) finish() error {
	s.buf = append(s.buf, `</sheetData>`...)
	if s.opts.Filter && s.row > 0 && len(s.header) > 0 {
		s.buf = append(s.buf, `<autoFilter ref="`...)
		s.buf = append(s.buf, s.filterRef(false)...)
		s.buf = append(s.buf, `"/>`...)
	}
	return s.flush()
}

// filterRef is the range of the autofilter: A1 to the last column and row,
// absolute ($A$1:$K$41) for a defined name.
func (s *SheetWriter) filterRef(abs bool) string {
	last := s.col(max(len(s.header), s.ncols) - 1)
	row := strconv.Itoa(s.row)
	if abs {
		return "$A$1:$" + last + "$" + row
	}
	return "A1:" + last + row
}

// finishTail ends the sheet XML with what excelize's own part of the
// sheet, f, holds after sheetData that links it to other parts: the
// drawing of its charts and the legacy drawing of its notes. Then the
// stream is closed.
func (s *SheetWriter) finishTail(f *zip.File) error {
	if len(s.charts) > 0 || len(s.opts.Notes) > 0 {
		tail, err := sheetLinks(f)
		if err != nil {
			return s.errorf("cannot write: %v", err)
		}
		s.buf = append(s.buf, tail...)
	}
	s.buf = append(s.buf, `</worksheet>`...)
	if err := s.flush(); err != nil {
		return err
	}
	if err := s.stream.close(); err != nil {
		s.err = NewSaveError(s.w.name+": "+s.name, "cannot write", err)
		return s.err
	}
	return nil
}

// col returns the letters of column i (from 0), making them the first time
// a row reaches that column.
func (s *SheetWriter) col(i int) string {
	for len(s.cols) <= i {
		name, _ := excelize.ColumnNumberToName(len(s.cols) + 1)
		s.cols = append(s.cols, name)
	}
	return s.cols[i]
}

// appendStyle appends a cell's style attribute; style 0 is the default and
// needs none.
func appendStyle(b []byte, style int) []byte {
	if style == 0 {
		return b
	}
	b = append(b, ` s="`...)
	b = strconv.AppendInt(b, int64(style), 10)
	return append(b, '"')
}

// appendInlineStr appends the rest of a text cell after its attributes:
// the type and the text as an inline string, so no shared string table has
// to be held in memory. Text longer than a cell holds is cut, as excelize
// does; leading or trailing white space is kept with xml:space.
func appendInlineStr(b []byte, s string) []byte {
	s = cutText(s)
	b = append(b, ` t="inlineStr"><is><t`...)
	if first, last := s[0], s[len(s)-1]; isXMLSpace(first) || isXMLSpace(last) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

// isXMLSpace reports whether c is white space that an XML reader may drop at
// the ends of an element's text.
func isXMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// cutText cuts s to the number of UTF-16 code units a cell holds, at a
// character boundary.
func cutText(s string) string {
	if len(s) <= maxChars {
		return s // a UTF-8 byte never makes more than one UTF-16 unit
	}
	units := 0
	for i, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > maxChars {
			return s[:i]
		}
		units += n
	}
	return s
}

// appendEscaped appends s as XML character data, escaped the way excelize
// escapes cell text, so a workbook reads back the same through it:
//
//   - & < > as entities, and a carriage return as &#xD; so that readers do
//     not turn it into a line feed; tab and line feed as they are;
//   - characters XML 1.0 does not allow (control characters, U+FFFE,
//     U+FFFF, bytes that are not UTF-8) as U+FFFD;
//   - the "_" starting a "_xHHHH_" sequence as "_x005F_", since Excel reads
//     such a sequence as an escaped character.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		n := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '\r':
				esc = "&#xD;"
			case c == '\t' || c == '\n':
			case c < 0x20:
				esc = "\uFFFD"
			case c == '_' && isEscapeSeq(s[i:]):
				esc = "_x005F_"
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + n
		}
		i += n
	}
	return append(b, s[start:]...)
}

// isEscapeSeq reports whether s starts with an escaped character of the
// form "_xHHHH_".
func isEscapeSeq(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for i := 2; i < 6; i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// maxDigits is the number of significant digits Excel keeps.
const maxDigits = 15

// appendNumber appends the decimal text s as a cell value. A plain decimal
// of at most 15 digits is written as given, less the zeros that do not
// count ("075.50" as "75.5"), which is the same number a float would give.
// Anything else goes through a float rounded to 15 significant digits, as
// Excel would keep it ("0.30000000000000004" is written as "0.3"), and is
// written in its shortest form. It reports false when s is not a finite
// number.
func appendNumber(b []byte, s string) ([]byte, bool) {
	s = strings.TrimSpace(s)
	if b, ok := appendPlain(b, s); ok {
		return b, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	var tmp [32]byte
	f, _ = strconv.ParseFloat(string(strconv.AppendFloat(tmp[:0], f, 'g', maxDigits, 64)), 64)
	if f == 0 {
		f = 0 // not -0
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64), true
}

// appendPlain appends s in its shortest form when it is a plain decimal, an
// optional minus, digits and an optional point and digits, of at most
// maxDigits digits once leading zeros of the whole part and trailing zeros
// of the fraction are dropped. That bounds it between 1e-15 and 1e15, so a
// float holds it exactly to 15 digits and Excel reads the same number.
func appendPlain(b []byte, s string) ([]byte, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i+1:]
	}
	if whole == "" && frac == "" || !isDigits(whole) || !isDigits(frac) {
		return b, false
	}
	whole = strings.TrimLeft(whole, "0")
	frac = strings.TrimRight(frac, "0")
	if len(whole)+len(frac) > maxDigits {
		return b, false
	}
	if whole == "" && frac == "" {
		return append(b, '0'), true // also for "-0"
	}
	if neg {
		b = append(b, '-')
	}
	if whole == "" {
		b = append(b, '0')
	}
	b = append(b, whole...)
	if frac != "" {
		b = append(b, '.')
		b = append(b, frac...)
	}
	return b, true
}

// isDigits reports whether s holds only the digits 0 to 9; "" does.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NumberText is the value a Number cell of text s is written with, and
// so the text reading the cell back gives; false when s is not a finite
// number.
func NumberText(s string) (string, bool) {
	b, ok := appendNumber(nil, s)
	return string(b), ok
}
