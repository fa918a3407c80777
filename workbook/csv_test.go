package workbook

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gbkBytes(s string) ([]byte, error) {
	return simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
}

func gbk(t *testing.T, s string, enc string) []byte {
	t.Helper()
	e := simplifiedchinese.GBK.NewEncoder()
	if enc == EncodingGB18030 {
		e = simplifiedchinese.GB18030.NewEncoder()
	}
	b, err := e.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// csvTable reads every row under the header of a CSV file as
// "row: cell|cell".
func csvTable(t *testing.T, path, enc string, cols ...string) (string, error) {
	t.Helper()
	f, err := OpenWith(path, OpenOptions{Encoding: enc})
	if err != nil {
		return "", err
	}
	defer f.Close()
	var want []Column
	for _, c := range cols {
		want = append(want, Column{Name: c, Headers: []string{c}})
	}
	tb, err := f.Table("", want)
	if err != nil {
		return "", err
	}
	defer tb.Close()
	var b strings.Builder
	b.WriteString(tb.Sheet + " header " + itoa(tb.HeaderRow) + "\n")
	for tb.Next() {
		r := tb.Row()
		b.WriteString(itoa(r.Num) + ": " + strings.Join(r.Cells, "|") + "\n")
	}
	return b.String(), tb.Err()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestCSVEncodings(t *testing.T) {
	text := "三月考核\r\n工号,姓名,得分\r\nE01,王晓雯,75%\r\nE02,\"李,四\",\"1,234.50\"\r\n"
	want := "三月 header 2\n3: E01|王晓雯|75%\n4: E02|李,四|1,234.50\n"
	for _, c := range []struct {
		name string
		b    []byte
		enc  string
	}{
		{"utf-8", []byte(text), ""},
		{"utf-8 with a byte-order mark", append([]byte("\xEF\xBB\xBF"), text...), ""},
		{"gbk told from the bytes", gbk(t, text, EncodingGBK), ""},
		{"gb18030 told from the bytes", gbk(t, text, EncodingGB18030), ""},
		{"gbk given", gbk(t, text, EncodingGBK), "GBK"},
		{"gb2312 given", gbk(t, text, EncodingGBK), "gb2312"},
		{"utf-8 given", []byte(text), "utf8"},
		{"a byte-order mark over --encoding gbk", append([]byte("\xEF\xBB\xBF"), text...), "gbk"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := csvTable(t, writeFile(t, "三月.csv", c.b), c.enc, "工号", "得分")
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestCSVGB18030Only reads a character GBK lacks, which GB18030 writes
// in four bytes: auto reads the file as GB18030.
func TestCSVGB18030Only(t *testing.T) {
	text := "工号,姓名\nE01,𠀀\n"
	got, err := csvTable(t, writeFile(t, "a.csv", gbk(t, text, EncodingGB18030)), "", "工号")
	if err != nil {
		t.Fatal(err)
	}
	if want := "a header 1\n2: E01|𠀀\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCSVRows numbers rows as Excel shows the file: a blank line is a
// row, a line break inside quotes is not.
func TestCSVRows(t *testing.T) {
	text := "工号,备注\nE01,\"两\n行\"\n\nE02,x\n"
	got, err := csvTable(t, writeFile(t, "a.csv", []byte(text)), "", "工号")
	if err != nil {
		t.Fatal(err)
	}
	if want := "a header 1\n2: E01|两\n行\n4: E02|x\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCSVUTF8LongSample tells UTF-8 from a sample that ends inside a
// character, and stops at the first cell past it that is not UTF-8.
func TestCSVUTF8LongSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("工号,姓名\n")
	for b.Len() < csvSample-100 {
		b.WriteString("E0,x\n")
	}
	// A name whose 王 starts one byte before the end of the sample.
	b.WriteString("E1,")
	b.WriteString(strings.Repeat("a", csvSample-1-b.Len()))
	b.WriteString("王\nE2,y\n")
	text := b.String()
	if text[csvSample-1] != "王"[0] {
		t.Fatal("the sample does not end inside 王")
	}
	if _, err := csvTable(t, writeFile(t, "a.csv", []byte(text)), "", "工号"); err != nil {
		t.Fatalf("a UTF-8 file cut inside a character in its sample: %v", err)
	}
	bad := text + "E9," + string(gbk(t, "王", EncodingGBK)) + "\n"
	_, err := csvTable(t, writeFile(t, "b.csv", []byte(bad)), "", "工号")
	if err == nil || !strings.HasSuffix(err.Error(), "the cell is not UTF-8 text: give the file's encoding with --encoding, such as --encoding gbk") ||
		!strings.HasPrefix(err.Error(), "b.csv: B") {
		t.Errorf("got %v", err)
	}
}

func TestCSVProblems(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"empty", "", "a.csv: is empty: the CSV file has no header row"},
		{"only a byte-order mark", "\xEF\xBB\xBF\r\n", "a.csv: is empty: the CSV file has no header row"},
		{"UTF-16", "\xFF\xFE\x65\x5d", `a.csv: is UTF-16 text: save it from Excel as "CSV UTF-8 (Comma delimited)" or as "Excel Workbook (.xlsx)"`},
		{"a stray quote", "工号\nE\"1\n", `a.csv:2: a cell that does not start with " holds one: put the cell in quotes and double the " inside it ("")`},
		{"a quote not closed", "工号\n\"E1\n", `a.csv:2: a quoted cell does not end with ", or holds a single " inside: double the " inside it ("")`},
		{"no header", "甲,乙\n1,2\n", "a.csv: no header row: none of the first 30 rows names a column the rules need"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := csvTable(t, writeFile(t, "a.csv", []byte(c.text)), "", "工号")
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestCSVCell reads a cell, as period_from: {cell: A1} does.
func TestCSVCell(t *testing.T) {
	f, err := Open(writeFile(t, "a.csv", gbk(t, "客服部考核表 2026年3月\n工号\nE1\n", EncodingGBK)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"A1": "客服部考核表 2026年3月", "A3": "E1", "B1": "", "A9": ""} {
		got, err := f.Cell("", ref)
		if err != nil || got != want {
			t.Errorf("Cell(%s) = %q, %v; want %q", ref, got, err, want)
		}
	}
}

// TestCSVNamedXLSX reads a workbook named .csv as the workbook it is.
func TestCSVNamedXLSX(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "a.xlsx")
	if err := WriteTable(x, "客服KPI", [][]string{{"工号"}, {"E1"}}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(x)
	got, err := csvTable(t, writeFile(t, "a.csv", b), "", "工号")
	if err != nil {
		t.Fatal(err)
	}
	if want := "客服KPI header 1\n2: E1\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCSVSheet reads a CSV file's one sheet whatever sheet is asked for.
func TestCSVSheet(t *testing.T) {
	f, err := Open(writeFile(t, "a.csv", []byte("工号\nE1\n")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := f.Table("客服KPI", []Column{{Name: "工号", Headers: []string{"工号"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if tb.Sheet != "a" || !tb.Next() || tb.Row().Cells[0] != "E1" {
		t.Errorf("sheet %q, row %v", tb.Sheet, tb.Row().Cells)
	}
}

// TestCSVLongLine refuses a line longer than a CSV line may be, rather
// than hold it in memory.
func TestCSVLongLine(t *testing.T) {
	defer func(n int) { maxCSVLine = n }(maxCSVLine)
	maxCSVLine = 100
	text := "工号,备注\nE1,x\nE2," + strings.Repeat("y", 200) + "\n"
	_, err := csvTable(t, writeFile(t, "a.csv", []byte(text)), "", "工号")
	want := "a.csv:3: the line is longer than the 100 bytes a line of a CSV file may be: export the file again from where it came from"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]string{"": EncodingAuto, "AUTO": EncodingAuto, "UTF-8": EncodingUTF8, "utf_8": EncodingUTF8,
		"GBK": EncodingGBK, "cp936": EncodingGBK, "GB2312": EncodingGBK, "GB18030": EncodingGB18030} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseEncoding("latin1"); err == nil || err.Error() != `unknown encoding "latin1": use one of auto, utf-8, gbk, gb18030` {
		t.Errorf("latin1: %v", err)
	}
}
