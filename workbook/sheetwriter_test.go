package workbook

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readPart returns the text of one part of the workbook at path.
func readPart(t *testing.T, path, part string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wellFormed fails the test unless doc parses as XML.
func wellFormed(t *testing.T, name, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// rawRows reads every row of a sheet as excelize reads it for the scorer:
// raw values, trailing blanks dropped.
func rawRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(sheet, rawValues)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestSheetXML pins down the sheet part, so that a change in what Excel and
// LibreOffice are given is a deliberate one: the view with the header
// frozen on the first sheet only, columns of one width in one <col>, rows
// with nothing in them left out, numbers without a type and text inline.
func TestSheetXML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	// Widths: "id" 8 (the least), "name" 2+4 = 6 raised to 8, "得分" 2+2x2 = 6
	// raised to 8 too, "notes" asked 30.
	s, err := w.Sheet("S", []string{"id", "name", "得分", "notes"}, 0, 0, 0, 30)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]Cell{
		{txt("E1"), txt(" 张三"), num("0.750", Percent), txt("a<b")},
		{},
		{{}, {Kind: Text}, num("-12", Integer)},
	} {
		if err := s.Row(row); err != nil {
			t.Fatal(err)
		}
	}
	plain, err := w.sheet("P", nil, false, SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := plain.Row([]Cell{num("1", Money)}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	// Style IDs as newWriter makes them: 1 bold, then 2 Percent, 3 Money,
	// 4 Integer.
	want := xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/>` +
		`<cols><col min="1" max="3" width="8" customWidth="1"/><col min="4" max="4" width="30" customWidth="1"/></cols>` +
		`<sheetData>` +
		`<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>id</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>name</t></is></c>` +
		`<c r="C1" s="1" t="inlineStr"><is><t>得分</t></is></c><c r="D1" s="1" t="inlineStr"><is><t>notes</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2" t="inlineStr"><is><t xml:space="preserve"> 张三</t></is></c>` +
		`<c r="C2" s="2"><v>0.75</v></c><c r="D2" t="inlineStr"><is><t>a&lt;b</t></is></c></row>` +
		`<row r="4"><c r="C4" s="4"><v>-12</v></c></row>` +
		`</sheetData></worksheet>`
	if got := readPart(t, path, "xl/worksheets/sheet1.xml"); got != want {
		t.Errorf("sheet1.xml:\n%s\nwant:\n%s", got, want)
	}
	want = xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
		`<sheetData><row r="1"><c r="A1" s="3"><v>1</v></c></row></sheetData></worksheet>`
	if got := readPart(t, path, "xl/worksheets/sheet2.xml"); got != want {
		t.Errorf("sheet2.xml:\n%s\nwant:\n%s", got, want)
	}
	// The style IDs the sheets use are the ones excelize wrote: 0 the
	// default, 1 bold (font 1), then the built-in formats 10, 4 and 1.
	styles := regexp.MustCompile(`<cellXfs.*</cellXfs>`).FindString(readPart(t, path, "xl/styles.xml"))
	var xfs []string
	for _, m := range regexp.MustCompile(`<xf numFmtId="(\d+)" fontId="(\d+)"`).FindAllStringSubmatch(styles, -1) {
		xfs = append(xfs, m[1]+"/"+m[2])
	}
	if want := []string{"0/0", "0/1", "10/0", "4/0", "1/0"}; !reflect.DeepEqual(xfs, want) {
		t.Errorf("styles.xml has xf numFmtId/fontId %q, want %q", xfs, want)
	}
}

func TestAppendText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a&b<c>d"e'f`, `a&amp;b&lt;c&gt;d"e'f`},
		{"tab\tline\nend", "tab\tline\nend"},
		{"cr\r\nlf", "cr&#xD;\nlf"},
		{"nul\x00bell\x07esc\x1b", "nul\uFFFDbell\uFFFDesc\uFFFD"},
		{"\uFFFE\uFFFF\uFFFD", "\uFFFD\uFFFD\uFFFD"},
		{"bad\xff\xfeutf8", "bad\uFFFD\uFFFDutf8"},
		{"客服KPI（本月）", "客服KPI（本月）"},
		{"👍🏽 done", "👍🏽 done"},
		{"_x0041_", "_x005F_x0041_"},
		{"_x005F_", "_x005F_x005F_"},
		// Both underscores start a sequence, so both are escaped.
		{"_x005F_x0041_", "_x005F_x005F_x005F_x0041_"},
		{"_xABCG_ _x12_ x0041_", "_xABCG_ _x12_ x0041_"},
		{"a_x00e9_", "a_x005F_x00e9_"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(appendEscaped(nil, tt.in)); got != tt.want {
			t.Errorf("appendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWriteText writes every awkward string and reads it back through
// excelize, as the next run of appraise or a user's script would.
func TestWriteText(t *testing.T) {
	long := strings.Repeat("长", 40000)
	emoji := strings.Repeat("😀", 20000) // 40000 UTF-16 units
	tests := []struct{ in, want string }{
		{`a&b<c>d"e'f`, `a&b<c>d"e'f`},
		{" lead", " lead"},
		{"trail ", "trail "},
		{"  both  ", "  both  "},
		{"   ", "   "},
		{"\tindented", "\tindented"},
		{"line1\nline2\n", "line1\nline2\n"},
		{"cr\r\nlf", "cr\r\nlf"},
		{"nul\x00bell\x07", "nul\uFFFDbell\uFFFD"},
		{"\uFFFE", "\uFFFD"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"客服KPI（本月）", "客服KPI（本月）"},
		{"👍🏽 done 🇨🇳", "👍🏽 done 🇨🇳"},
		{"_x0041_", "_x0041_"},
		{"_x005F_x0041_", "_x005F_x0041_"},
		{"=1+1", "=1+1"},
		{"]]>", "]]>"},
		// A cell holds 32767 UTF-16 units: as many 长, and half as many
		// emoji, each a surrogate pair.
		{long, long[:32767*len("长")]},
		{emoji, emoji[:16383*len("😀")]},
	}
	path := filepath.Join(t.TempDir(), "text.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("文本", []string{"text"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if err := s.Row([]Cell{txt(tt.in)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, "sheet1.xml", readPart(t, path, "xl/worksheets/sheet1.xml"))
	rows := rawRows(t, path, "文本")
	if len(rows) != len(tests)+1 {
		t.Fatalf("read %d rows, want %d", len(rows), len(tests)+1)
	}
	for i, tt := range tests {
		if got := rows[i+1][0]; got != tt.want {
			if len(got) > 40 || len(tt.want) > 40 {
				t.Errorf("row %d: read %d bytes, want %d", i+2, len(got), len(tt.want))
			} else {
				t.Errorf("row %d: read %q, want %q", i+2, got, tt.want)
			}
		}
	}
}

var numberTests = []struct{ in, want string }{
	// Plain decimals of up to 15 digits, as given less the zeros that do
	// not count.
	{"0.75", "0.75"},
	{"075.50", "75.5"},
	{"-12.500", "-12.5"},
	{"376.875", "376.875"},
	{"40.00", "40"},
	{"-0", "0"},
	{"-0.000", "0"},
	{"0", "0"},
	{".5", "0.5"},
	{"5.", "5"},
	{" 42 ", "42"},
	{"123456789012345", "123456789012345"},
	{"-0.12345678901234", "-0.12345678901234"},
	{"0.000000000000001", "0.000000000000001"}, // 1e-15, 15 digits after the point
	// Past 15 digits, rounded to 15 significant digits through a float.
	{"1234567890123456", "1234567890123460"},             // ...3456 rounds up to ...346, then a 0
	{"123456789012345678", "123456789012346000"},         // 1.23456789012345678e17 to 1.23456789012346e17
	{"0.30000000000000004", "0.3"},                       // 0.300000000000000 at 15 digits
	{"0.1234567890123456789", "0.123456789012346"},       // the 16th digit 6 rounds 5 up
	{"-2.00000000000000049", "-2"},                       // 2.00000000000000 at 15 digits
	{"99999999999999999999", "100000000000000000000"},    // 15 nines round up to 1e20
	{"0.0000000000000001", "0.0000000000000001"},         // 1e-16, 16 places: through the float, same number
	{"1000000000000000", "1000000000000000"},             // 16 digits, 1e15 either way
	{"0.00000000000000012345", "0.00000000000000012345"}, // 1.2345e-16
	// Not plain decimals, through the float.
	{"1E-7", "0.0000001"},
	{"1e3", "1000"},
	{"-2.5E+2", "-250"},
	{"+5", "5"},
	{"-0e5", "0"},
}

func TestAppendNumber(t *testing.T) {
	for _, tt := range numberTests {
		got, ok := appendNumber([]byte("x"), tt.in)
		if !ok || string(got) != "x"+tt.want {
			t.Errorf("appendNumber(%q) = %q, %v, want %q", tt.in, got[1:], ok, tt.want)
		}
	}
	for _, in := range []string{"", " ", "-", ".", "-.", "n/a", "1,234", "1.2.3", "--1", "Inf", "-Inf", "NaN", "1e400", "0x"} {
		if got, ok := appendNumber([]byte("x"), in); ok || string(got) != "x" {
			t.Errorf("appendNumber(%q) = %q, %v, want not a number and nothing appended", in, got, ok)
		}
	}
}

// TestAppendPlainAsFloat checks the claim that writing a short plain decimal
// as given stores the same number the float path would: for random decimals
// of up to 15 digits, the text must equal the float's shortest form.
func TestAppendPlainAsFloat(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		whole := rng.Intn(16)
		frac := rng.Intn(16 - whole)
		var b strings.Builder
		if rng.Intn(2) == 0 {
			b.WriteByte('-')
		}
		for j := 0; j < whole; j++ {
			b.WriteByte(byte('0' + rng.Intn(10)))
		}
		if whole == 0 {
			b.WriteByte('0')
		}
		if frac > 0 {
			b.WriteByte('.')
			for j := 0; j < frac; j++ {
				b.WriteByte(byte('0' + rng.Intn(10)))
			}
		}
		s := b.String()
		got, ok := appendPlain(nil, s)
		if !ok {
			t.Fatalf("appendPlain(%q) refused a decimal of %d digits", s, whole+frac)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		if f == 0 {
			f = 0
		}
		if want := strconv.FormatFloat(f, 'f', -1, 64); string(got) != want {
			t.Fatalf("appendPlain(%q) = %q, but the float reads %q", s, got, want)
		}
	}
}

// TestWriteNumbers writes the number table and reads the raw values back.
func TestWriteNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("n", []string{"in", "number"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range numberTests {
		if err := s.Row([]Cell{txt(tt.in), num(tt.in, General)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	rows := rawRows(t, path, "n")
	for i, tt := range numberTests {
		if got := rows[i+1][1]; got != tt.want {
			t.Errorf("%q reads back %q, want %q", tt.in, got, tt.want)
		}
	}
}

// manyRow is row i of the tests with many rows; its values follow from i
// alone, so the reader can check each one.
func manyRow(i int, cells []Cell) []Cell {
	return append(cells[:0],
		txt(fmt.Sprintf("员工%06d", i)),
		num(strconv.Itoa(i), Integer),
		num(fmt.Sprintf("%d.%02d", i/100, i%100), Money),
		txt(strings.Repeat("x", i%7)), // blank when i%7 == 0
		num(fmt.Sprintf("-0.%04d", i%9999+1), Percent),
	)
}

// checkMany checks the rows manyRow wrote into a sheet with header h.
func checkMany(t *testing.T, path, sheet string, from, n int) {
	t.Helper()
	rows := rawRows(t, path, sheet)
	if len(rows) != n+1 {
		t.Fatalf("%s: %d rows, want %d", sheet, len(rows), n+1)
	}
	for r := 1; r <= n; r++ {
		i := from + r - 1
		// Money is i/100 with two places; trailing zeros go, so 1200 reads
		// "12" and 1210 reads "12.1". The percentage is -(i%9999+1)/10000.
		money := strconv.FormatFloat(float64(i)/100, 'f', -1, 64)
		pct := strconv.FormatFloat(-float64(i%9999+1)/10000, 'f', -1, 64)
		want := []string{fmt.Sprintf("员工%06d", i), strconv.Itoa(i), money, strings.Repeat("x", i%7), pct}
		if got := rows[r]; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("%s row %d = %q, want %q", sheet, r+1, got, want)
		}
	}
}

// TestWriteManyRows writes enough rows to go through the compressor many
// times and, with a small spill size, through temporary files, which are
// in the destination's folder while writing and gone after Commit.
func TestWriteManyRows(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 32 << 10
	dir := t.TempDir()
	path := filepath.Join(dir, "many.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("many", []string{"name", "i", "money", "x", "pct"})
	if err != nil {
		t.Fatal(err)
	}
	const n = 50000
	var cells []Cell
	for i := 1; i <= n; i++ {
		cells = manyRow(i, cells)
		if err := s.Row(cells); err != nil {
			t.Fatal(err)
		}
	}
	got := listDir(t, dir)
	if len(got) != 2 || !strings.HasPrefix(got[0], ".many.xlsx.tmp-") || !strings.HasPrefix(got[1], ".many.xlsx.tmp-") {
		t.Errorf("folder holds %q while writing, want the workbook's and the sheet's .many.xlsx.tmp-* files", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); len(got) != 1 || got[0] != "many.xlsx" {
		t.Errorf("folder holds %q after Commit, want only many.xlsx", got)
	}
	checkMany(t, path, "many", 1, n)
}

// TestWriteConcurrent writes two sheets from two goroutines at once, one of
// them adding a third sheet part way, as the scorer does when the detail
// sheet fills up. Run with -race.
func TestWriteConcurrent(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 64 << 10
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out strings.Builder
	w, err := CreateTo(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	header := []string{"name", "i", "money", "x", "pct"}
	a, err := w.Sheet("a", header)
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.Sheet("b", header)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		var cells []Cell
		for i := 1; i <= n; i++ {
			if err := a.Row(manyRow(i, cells)); err != nil {
				errs[0] = err
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		var cells []Cell
		s := b
		for i := 1; i <= n; i++ {
			if i == n/2+1 {
				var err error
				if s, err = w.Sheet("b 2", header); err != nil {
					errs[1] = err
					return
				}
			}
			if err := s.Row(manyRow(i, cells)); err != nil {
				errs[1] = err
				return
			}
		}
	}()
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, tmp); len(got) != 0 {
		t.Errorf("temporary folder holds %q after Commit", got)
	}
	path := filepath.Join(t.TempDir(), "c.xlsx")
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := DumpSheets(path); err != nil || got != "a\nb\nb 2\n" {
		t.Errorf("DumpSheets = %q, %v", got, err)
	}
	checkMany(t, path, "a", 1, n)
	checkMany(t, path, "b", 1, n/2)
	checkMany(t, path, "b 2", n/2+1, n/2)
}

func TestRowLimit(t *testing.T) {
	defer func(n int) { rowLimit = n }(rowLimit)
	rowLimit = 3 // the header and two rows
	path := filepath.Join(t.TempDir(), "scored.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("明细", []string{"n"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"1", "2"} {
		if err := s.Row([]Cell{num(n, General)}); err != nil {
			t.Fatal(err)
		}
	}
	err = s.Row([]Cell{num("3", General)})
	if want := "scored.xlsx: 明细: sheet is full: it holds 3 rows"; err == nil || err.Error() != want {
		t.Fatalf("Row past the limit: %v, want %s", err, want)
	}
	if !errors.Is(err, ErrSheetFull) {
		t.Errorf("Row past the limit: %v is not ErrSheetFull", err)
	}
	// The refused row goes on the next sheet; a blank row counts too.
	s2, err := w.Sheet("明细 2", []string{"n"})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]Cell{{num("3", General)}, nil} {
		if err := s2.Row(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := s2.Row(nil); err == nil || !errors.Is(err, ErrSheetFull) {
		t.Errorf("blank Row past the limit: %v", err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, path, "明细"); got != "n\n1\n2\n" {
		t.Errorf("明细 = %q", got)
	}
	if got := dump(t, path, "明细 2"); got != "n\n3\n" {
		t.Errorf("明细 2 = %q", got)
	}
}

func TestRowTooWide(t *testing.T) {
	w, err := Create(filepath.Join(t.TempDir(), "scored.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("S", []string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Row(make([]Cell, MaxColumns+1))
	if want := "scored.xlsx: S: row 2 has 16385 cells, more than the 16384 columns a sheet holds"; err == nil || err.Error() != want {
		t.Errorf("Row of 16385 cells: %v, want %s", err, want)
	}
	// The last column is XFD.
	row := make([]Cell, MaxColumns)
	row[MaxColumns-1] = txt("last")
	if err := s.Row(row); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(s.buf), `<c r="XFD2" t="inlineStr"><is><t>last</t></is></c>`) {
		t.Errorf("the last cell is not XFD2")
	}
}

// TestAbortSpilled aborts a workbook whose sheets went to temporary files,
// both beside the destination and, for CreateTo, in the temporary folder.
func TestAbortSpilled(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 16 << 10
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	w1, err := Create(filepath.Join(dir, "scored.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	w2, err := CreateTo(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var cells []Cell
	for _, w := range []*Writer{w1, w2} {
		for _, name := range []string{"a", "b"} {
			s, err := w.Sheet(name, []string{"name", "i", "money", "x", "pct"})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 20000; i++ {
				if err := s.Row(manyRow(i, cells)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if got := listDir(t, dir); len(got) != 3 {
		t.Errorf("folder holds %q, want the workbook's and two sheets' temporary files", got)
	}
	if got := listDir(t, tmp); len(got) != 2 {
		t.Errorf("temporary folder holds %q, want two sheets' temporary files", got)
	}
	for _, w := range []*Writer{w1, w2} {
		if err := w.Abort(); err != nil {
			t.Errorf("Abort: %v", err)
		}
	}
	if got := listDir(t, dir); len(got) != 0 {
		t.Errorf("folder holds %q after Abort", got)
	}
	if got := listDir(t, tmp); len(got) != 0 {
		t.Errorf("temporary folder holds %q after Abort", got)
	}
}

// TestRowAllocs checks that writing a row allocates nothing once the sheet
// has seen a row as wide, compressing included.
func TestRowAllocs(t *testing.T) {
	w, err := CreateTo(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("S", []string{"name", "i", "money", "x", "pct"})
	if err != nil {
		t.Fatal(err)
	}
	row := []Cell{
		txt("客服 张三"), num("1234", Integer), num("376.875", Money), txt("a&b <c> "),
		num("0.30000000000000004", Percent), {}, num("1E-7", General), txt("_x0041_"),
	}
	if err := s.Row(row); err != nil {
		t.Fatal(err)
	}
	// 1000 rows of about 300 bytes pass flushAt several times.
	allocs := testing.AllocsPerRun(10, func() {
		for i := 0; i < 1000; i++ {
			if err := s.Row(row); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("1000 rows allocate %v times, want 0", allocs)
	}
}

func TestAfterCommit(t *testing.T) {
	w, err := CreateTo(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Sheet("S", []string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Sheet("T", nil); err == nil || err.Error() != `stdout: sheet "T" added after the workbook was finished` {
		t.Errorf("Sheet after Commit: %v", err)
	}
	if err := s.Row([]Cell{txt("x")}); err == nil || err.Error() != "stdout: S: row written after the workbook was finished" {
		t.Errorf("Row after Commit: %v", err)
	}
}
