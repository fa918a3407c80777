// Package workbook reads the monthly metric workbook and writes the scored
// one.
//
// It is the only package that knows about excelize: rules and scoring see
// plain strings and numbers, and every message this package produces names
// the file, sheet and cell ("march.xlsx: 客服KPI!D14: ...") so a user can go
// straight to the problem in Excel. Both directions stream, because monthly
// exports run to a million rows: reading goes row by row through
// [File.Table], and writing goes through excelize's stream writer into a
// temporary file that only [Writer.Commit] puts in place.
//
// Reading scans the sheet's XML with a scanner of its own, ten times faster
// than excelize, and gives the cells excelize would give; a sheet written in
// a way the scanner does not follow is read by excelize instead.
package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// rawValues asks excelize for cell values as stored, so that a cell shown as
// "75%" reads "0.75" and no number format can change what the rules see.
var rawValues = excelize.Options{RawCellValue: true}

// openOptions are excelize's options for opening input workbooks; tests
// lower the size above which excelize keeps a part in a temporary file
// instead of memory, which the sheet reader then reads from the zip.
var openOptions []excelize.Options

// excelizeOptions gives excelize the workbook limit of [checkSizes] too.
func excelizeOptions() excelize.Options {
	var o excelize.Options
	if len(openOptions) > 0 {
		o = openOptions[len(openOptions)-1]
	}
	if o.UnzipSizeLimit == 0 {
		o.UnzipSizeLimit = int64(maxInflated)
	}
	return o
}

// Normalize folds a header or cell label for matching: it trims white space
// (including the ideographic space U+3000), folds full-width forms to
// half-width with [width.Fold], and collapses runs of inner white space to
// one space. Headers typed on a Chinese keyboard ("平均响应时间（秒）") then
// match the rules' spelling ("平均响应时间(秒)"). A line break typed into a
// header with Alt+Enter is taken out as [OneLine] takes it out.
func Normalize(s string) string {
	s = width.Fold.String(s)
	if strings.ContainsAny(s, "\r\n") {
		s = joinLines(s)
	}
	if isNormal(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// OneLine puts text typed on several lines of a cell (Alt+Enter in Excel)
// on one, trimmed: in text with a wide character, as Chinese is, which has
// no spaces between words, each line break goes with the spaces around it
// ("平均响应时间\n(秒)" is "平均响应时间(秒)"); in other text it becomes a
// space ("Total\nscore" is "Total score").
func OneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return joinLines(s)
}

func joinLines(s string) string {
	sep := " "
	if strings.IndexFunc(s, isWide) >= 0 {
		sep = ""
	}
	var b strings.Builder
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(line)
	}
	return b.String()
}

// isWide reports whether r is a character of a script written without
// spaces between words, as Chinese is.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// isNormal reports whether s has no leading, trailing or doubled white space,
// so Normalize can skip the allocation that strings.Fields costs on every
// header cell.
func isNormal(s string) bool {
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			return false
		}
		prevSpace = sp
	}
	return !prevSpace || s == ""
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// fileError is a problem with a whole file. It keeps the cause for
// errors.Is while showing only a plain message.
type fileError struct {
	name string // base name of the file
	msg  string
	err  error
}

func (e *fileError) Error() string { return e.name + ": " + e.msg }
func (e *fileError) Unwrap() error { return e.err }

// File is an open input workbook.
type File struct {
	name   string
	path   string
	x      *excelize.File
	sheets []string
	pkg    []byte   // the package decrypted from a workbook saved with a password, or nil
	csv    *csvFile // for a CSV file, which x is nil for
	// lazy is set while x was opened without the large sheets; see
	// [OpenOptions.Lazy] and [File.whole].
	lazy bool

	// The shared strings, read by the first Table that needs them, or why
	// they could not be read and excelize reads the sheets instead.
	sst     []string
	sstWhy  string
	sstRead bool

	// Per cell style, whether it shows a date; see [File.dateStyles].
	dates     []bool
	datesRead bool
}

// Open opens path for reading. Errors read "<base name of path>: <problem>",
// for example "march.xlsx: no such file".
func Open(path string) (*File, error) {
	return OpenWith(path, OpenOptions{})
}

// OpenWith is [Open] with options, such as the password of a workbook
// saved with one. Such a workbook is decrypted in memory: no decrypted copy
// is ever written to disk.
func OpenWith(path string, o OpenOptions) (*File, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, &fileError{name, describeOpen(err), err}
	}
	if st.IsDir() {
		return nil, &fileError{name, "is a folder, not a workbook", nil}
	}
	if IsCSV(path) && !isZipOrOLE(path) {
		return openCSV(path, name, o.Encoding)
	}
	if err := notXLSX(path); err != nil {
		return nil, &fileError{name, err.Error(), err}
	}
	f := &File{name: name, path: path}
	if isOLE(path) {
		b, err := openOLE(path, o.Password)
		if err != nil {
			return nil, &fileError{name, err.Error(), err}
		}
		f.pkg = b
	}
	if z, closer, err := f.zip(); err == nil {
		err = checkSizes(name, z)
		closer.Close()
		if err != nil {
			return nil, err
		}
	}
	var x *excelize.File
	switch {
	case f.pkg != nil:
		x, err = excelize.OpenReader(bytes.NewReader(f.pkg), excelizeOptions())
	case o.Lazy:
		var slim []byte
		if slim, f.lazy = slimPackage(path); f.lazy {
			x, err = excelize.OpenReader(bytes.NewReader(slim), excelizeOptions())
		} else {
			x, err = excelize.OpenFile(path, excelizeOptions())
		}
	default:
		x, err = excelize.OpenFile(path, excelizeOptions())
	}
	if err != nil {
		if x != nil {
			_ = x.Close()
		}
		return nil, &fileError{name, describeOpen(err), err}
	}
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		// A zip that is not a spreadsheet (a .docx, say) opens without error.
		_ = x.Close()
		return nil, &fileError{name, "not an .xlsx workbook", nil}
	}
	f.x, f.sheets = x, sheets
	return f, nil
}

// isOLE reports whether the file at path is an OLE compound file.
func isOLE(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, len(oleMagic))
	_, err = io.ReadFull(fh, head)
	return err == nil && bytes.Equal(head, oleMagic)
}

// zip opens the workbook's package: the file, or the package decrypted
// from it.
func (f *File) zip() (*zip.Reader, io.Closer, error) {
	if f.pkg != nil {
		z, err := zip.NewReader(bytes.NewReader(f.pkg), int64(len(f.pkg)))
		return z, io.NopCloser(nil), err
	}
	z, err := zip.OpenReader(f.path)
	if err != nil {
		return nil, nil, err
	}
	return &z.Reader, z, nil
}

// describeOpen turns an error from opening a workbook into words a user of
// Excel understands.
func describeOpen(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "not an .xlsx workbook"
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		// excelize says this for any OLE file, which Open has looked into
		// first.
		return "not an .xlsx workbook"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return "not a readable .xlsx workbook: " + err.Error()
}

// Name returns the base name of the workbook's path, which prefixes every
// message about it.
func (f *File) Name() string { return f.name }

// SheetNames returns the names of the workbook's sheets in workbook order.
func (f *File) SheetNames() []string {
	return append([]string(nil), f.sheets...)
}

// Close releases the workbook and the temporary files excelize made for it.
func (f *File) Close() error {
	if f.x == nil {
		return nil
	}
	return f.x.Close()
}

// sheet resolves a sheet name the user gave: "" is the first sheet, and case
// is ignored as Excel ignores it.
func (f *File) sheet(name string) (string, error) {
	if name == "" || f.csv != nil {
		// A CSV file's one sheet is read whatever sheet is named, so that
		// a batch's --sheet for its workbooks leaves its CSV files be.
		return f.sheets[0], nil
	}
	for _, s := range f.sheets {
		if s == name {
			return s, nil
		}
	}
	for _, s := range f.sheets {
		if strings.EqualFold(s, name) {
			return s, nil
		}
	}
	return "", fmt.Errorf("%s: no sheet %q (sheets: %s)", f.name, name, quoteList(f.sheets))
}

// quoteList renders names as `"A", "B"`.
func quoteList(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", n)
	}
	return b.String()
}

// cellName gives the A1-style name of a 0-based column and 1-based row.
func cellName(col, row int) string {
	c, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		c = "?"
	}
	return fmt.Sprintf("%s%d", c, row)
}

// Cell returns the text of one cell as Excel shows it, such as a title
// that names the period; sheet "" is the first sheet.
func (f *File) Cell(sheet, ref string) (string, error) {
	name, err := f.sheet(sheet)
	if err != nil {
		return "", err
	}
	if f.csv != nil {
		return f.csvCell(ref)
	}
	if v, ok := f.streamedCell(name, ref); ok {
		return v, nil
	}
	if err := f.whole(); err != nil {
		return "", err
	}
	v, err := f.x.GetCellValue(name, ref)
	if err != nil {
		return "", fmt.Errorf("%s: %s!%s: %v", f.name, name, ref, err)
	}
	return v, nil
}

// streamedCell reads a text cell near the top of a sheet, such as a title,
// with the sheet reader: excelize's GetCellValue would load the whole
// sheet into memory first, a gigabyte for a month of 100,000 rows. It
// reports false where Excel's display may differ from the stored value (a
// number, which a format may show otherwise) or the reader cannot tell,
// and GetCellValue is left to answer.
func (f *File) streamedCell(sheet, ref string) (string, bool) {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return "", false
	}
	rows, err := f.rows(sheet)
	if err != nil {
		return "", false
	}
	defer rows.Close()
	if rows.fast == nil {
		return "", false
	}
	for n := 1; n < row; n++ {
		if !rows.Next() {
			return "", false
		}
		if _, err := rows.Columns(); err != nil || rows.fast == nil {
			return "", false
		}
	}
	if !rows.Next() {
		return "", false
	}
	cells, err := rows.Columns()
	if err != nil || rows.fast == nil {
		return "", false
	}
	if col > len(cells) {
		return "", true
	}
	v := cells[col-1]
	if types := rows.Types(); col <= len(types) && types[col-1] != Plain {
		return "", false
	}
	if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
		return "", false
	}
	return v, true
}
