package workbook

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// A CSV file is read as a workbook of one sheet, named after the file as
// Excel names it when it opens one ("march.csv" is sheet "march"). Its
// cells are text, read as a text cell of a workbook is, so "75%" and
// "1,234.50" are the numbers they show. Rows are numbered as Excel numbers
// them, a line break inside a quoted cell staying in its row, so that
// "march.csv: D17" is the cell D17 that Excel shows.

// Encodings of a CSV file, for [OpenOptions.Encoding].
const (
	EncodingAuto    = "auto"    // UTF-8 if the file reads as UTF-8, else GB18030
	EncodingUTF8    = "utf-8"   // with or without a byte-order mark
	EncodingGBK     = "gbk"     // as Chinese Windows writes it (code page 936)
	EncodingGB18030 = "gb18030" // GBK's superset, the national standard
)

// Encodings lists the values --encoding takes.
var Encodings = []string{EncodingAuto, EncodingUTF8, EncodingGBK, EncodingGB18030}

// ParseEncoding reads an encoding's name as a user writes it ("UTF8",
// "GB2312", "cp936") and returns one of [Encodings]; "" is
// [EncodingAuto].
func ParseEncoding(s string) (string, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) {
	case "", "auto":
		return EncodingAuto, nil
	case "utf-8", "utf8", "utf-8-sig":
		return EncodingUTF8, nil
	case "gbk", "gb2312", "cp936", "936", "windows-936":
		// GB2312 is a subset of GBK, and GBK is what programs that say
		// GB2312 write.
		return EncodingGBK, nil
	case "gb18030":
		return EncodingGB18030, nil
	}
	return "", fmt.Errorf("unknown encoding %q: use one of %s", s, strings.Join(Encodings, ", "))
}

// IsCSV reports whether path names a CSV file by its extension.
func IsCSV(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".csv")
}

// csvFile is what [File] keeps of a CSV file.
type csvFile struct {
	enc string // EncodingUTF8, EncodingGBK or EncodingGB18030
}

// csvSample is how much of a CSV file is looked at to tell its encoding:
// the header and the first rows, where the Chinese headers are.
const csvSample = 64 << 10

var utf8BOM = []byte("\xEF\xBB\xBF")

// openCSV opens the CSV file at path as a workbook of one sheet.
func openCSV(path, name, enc string) (*File, error) {
	enc, err := ParseEncoding(enc)
	if err != nil {
		return nil, &fileError{name, err.Error(), err}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, &fileError{name, describeOpen(err), err}
	}
	defer fh.Close()
	head := make([]byte, csvSample)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))) == 0:
		return nil, &fileError{name, "is empty: the CSV file has no header row", nil}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, &fileError{name, `is UTF-16 text: save it from Excel as "CSV UTF-8 (Comma delimited)" or as "Excel Workbook (.xlsx)"`, nil}
	}
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		// The mark says UTF-8 whatever --encoding says: read as GBK, it
		// would start the header with "锘".
		enc = EncodingUTF8
	case enc == EncodingAuto:
		enc = EncodingGB18030
		if validUTF8Prefix(head, n == csvSample) {
			enc = EncodingUTF8
		}
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	return &File{name: name, path: path, sheets: []string{sheetName(base)}, csv: &csvFile{enc: enc}}, nil
}

// validUTF8Prefix reports whether b is UTF-8, allowing a character cut at
// its end when cut says b is the start of a longer file.
func validUTF8Prefix(b []byte, cut bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if !cut {
		return false
	}
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
}

// sheetName makes a sheet name of s as Excel does of a CSV file's name:
// without the characters a sheet name may not hold, and at most 31
// characters long.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = "Sheet1"
	}
	return s
}

// csvRows gives a Table the rows of a CSV file, as [sheetRows] gives
// those of a sheet.
type csvRows struct {
	name  string
	enc   string
	fh    *os.File
	r     *csv.Reader
	limit *lineLimit
	num   int      // the row Next moved to
	extra int      // line breaks inside the cells of the records read
	next  []string // a record read ahead, for the row after blank lines
	at    int      // the row of next
	cells []string
	types []CellType
	err   error
	done  bool
}

// csvRows opens the file for reading from the start.
func (f *File) csvRows() (*csvRows, error) {
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, &fileError{f.name, describeOpen(err), err}
	}
	br := bufio.NewReaderSize(fh, 256<<10)
	var in io.Reader = br
	switch f.csv.enc {
	case EncodingUTF8:
		if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
			_, _ = br.Discard(len(utf8BOM))
		}
	case EncodingGBK:
		in = transform.NewReader(br, simplifiedchinese.GBK.NewDecoder())
	case EncodingGB18030:
		in = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	limit := &lineLimit{r: in, max: maxCSVLine}
	r := csv.NewReader(limit)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvRows{name: f.name, enc: f.csv.enc, fh: fh, r: r, limit: limit}, nil
}

// Next moves to the next row. A blank line is a row without cells, as
// Excel shows it.
func (s *csvRows) Next() bool {
	if s.err != nil || s.done {
		return false
	}
	if s.next == nil {
		rec, err := s.r.Read()
		if err == io.EOF {
			s.done = true
			return false
		}
		if err != nil {
			s.err = s.parseError(err)
			return false
		}
		line, _ := s.r.FieldPos(0)
		s.at = line - s.extra
		for _, c := range rec {
			s.extra += strings.Count(c, "\n")
		}
		s.next = rec
	}
	s.num++
	if s.num < s.at {
		s.cells = s.cells[:0]
		return true
	}
	s.cells = append(s.cells[:0], s.next...)
	s.next = nil
	for i, c := range s.cells {
		bad, other := false, EncodingGBK
		if s.enc == EncodingUTF8 {
			bad = !utf8.ValidString(c)
		} else {
			// The decoders put U+FFFD for bytes they cannot read.
			bad, other = strings.ContainsRune(c, utf8.RuneError), EncodingUTF8
		}
		if bad {
			s.err = fmt.Errorf("%s: %s: the cell is not %s text: give the file's encoding with --encoding, such as --encoding %s",
				s.name, cellName(i, s.num), strings.ToUpper(s.enc), other)
			return false
		}
	}
	return true
}

// parseError says where a CSV file cannot be read, by its line.
func (s *csvRows) parseError(err error) error {
	if errors.Is(err, errLongLine) {
		return fmt.Errorf("%s:%d: the line is longer than the %s a line of a CSV file may be: export the file again from where it came from",
			s.name, s.limit.line, sizeText(uint64(s.limit.max)))
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", s.name, err)
	}
	var what string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		what = `a cell that does not start with " holds one: put the cell in quotes and double the " inside it ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		what = `a quoted cell does not end with ", or holds a single " inside: double the " inside it ("")`
	default:
		what = pe.Err.Error()
	}
	return fmt.Errorf("%s:%d: %s", s.name, pe.Line, what)
}

// Columns returns the current row's cells. The slice may be reused by the
// next call.
func (s *csvRows) Columns() ([]string, error) {
	if s.err != nil {
		return nil, s.err
	}
	s.types = s.types[:0]
	for range s.cells {
		s.types = append(s.types, Plain)
	}
	return s.cells, nil
}

// Types returns the type of each cell: a CSV file holds only text.
func (s *csvRows) Types() []CellType { return s.types }

// Formulas returns nil: a CSV file holds values only.
func (s *csvRows) Formulas() []string { return nil }

// Error returns what stopped Next.
func (s *csvRows) Error() error { return s.err }

// Close closes the file.
func (s *csvRows) Close() error { return s.fh.Close() }

// isZipOrOLE reports whether the file at path is a workbook whatever its
// name: an .xlsx (a zip) or an .xls or protected .xlsx (an OLE file),
// which a CSV file saved under the wrong extension may be.
func isZipOrOLE(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, len(oleMagic))
	n, _ := io.ReadFull(fh, head)
	return bytes.HasPrefix(head[:n], []byte("PK\x03\x04")) || bytes.Equal(head[:n], oleMagic)
}

// csvCell returns the text of one cell of a CSV file, such as a title that
// names the period.
func (f *File) csvCell(ref string) (string, error) {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return "", fmt.Errorf("%s: %s: %v", f.name, ref, err)
	}
	rows, err := f.csvRows()
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for n := 1; n <= row; n++ {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return "", err
			}
			return "", nil
		}
	}
	if col > len(rows.cells) {
		return "", nil
	}
	return rows.cells[col-1], nil
}

// maxCSVLine is the longest line of a CSV file that is read: far more
// than any sheet's row, a few cells of which would already pass the
// 32767 characters Excel holds in a cell; a variable for tests. Without
// it one line without a break, a damaged or hostile file, would be held
// in memory whole.
var maxCSVLine = 64 << 20

var errLongLine = errors.New("line too long")

// lineLimit passes on what r reads, failing once a line grows past max
// bytes.
type lineLimit struct {
	r    io.Reader
	max  int
	n    int // bytes since the last line break
	line int // the line being read, from 1, when it is past max
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.n = 0
			l.line++
			continue
		}
		l.n++
		if l.n > l.max {
			l.line++
			return 0, errLongLine
		}
	}
	return n, err
}
