package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func txt(s string) Cell           { return Cell{Kind: Text, Text: s} }
func num(s string, f Format) Cell { return Cell{Kind: Number, Text: s, Format: f} }

// listDir returns the names in dir, to check for leftover temporary files.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func dump(t *testing.T, path, sheet string) string {
	t.Helper()
	s, err := Dump(path, sheet)
	if err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return s
}

func TestWriterRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scored.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	summary, err := w.Sheet("汇总", []string{"姓名", "得分", "提成"})
	if err != nil {
		t.Fatal(err)
	}
	detail, err := w.Sheet("明细", []string{"姓名", "指标", "指标值（本月）", "得分"})
	if err != nil {
		t.Fatal(err)
	}
	// Interleaved, as the scorer writes a summary row after each person's
	// detail rows.
	steps := []struct {
		s     *SheetWriter
		cells []Cell
	}{
		{detail, []Cell{txt("张三"), txt("询单转化率"), num("0.75", Percent), num("40", Integer)}},
		{detail, []Cell{txt("张三"), txt("平均响应时间(秒)"), num("35.5", General), num("-12.5", General)}},
		{summary, []Cell{txt("张三"), num("92.5", General), num("376.875", Money)}},
		{detail, []Cell{txt("李四"), {}, {Kind: Text}, num("0.1", General)}},
		{summary, []Cell{txt("李四"), num("0.30000000000000004", General), {}, txt("=1+1")}},
		{summary, nil},
		{summary, []Cell{txt(" 空格 "), num("1234567.891", Money)}},
	}
	for i, st := range steps {
		if err := st.s.Row(st.cells); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("%s exists before Commit (err %v)", path, err)
	}
	if err := w.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if got := listDir(t, dir); !reflect.DeepEqual(got, []string{"scored.xlsx"}) {
		t.Errorf("folder holds %q after Commit, want only scored.xlsx", got)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Abort after Commit removed the workbook: %v", err)
	}

	if got, err := DumpSheets(path); err != nil || got != "汇总\n明细\n" {
		t.Errorf("DumpSheets = %q, %v", got, err)
	}
	if got, want := dump(t, path, "汇总"), "姓名|得分|提成\n"+
		"张三|92.5|376.875\n"+
		"李四|0.3||=1+1\n"+
		"\n"+
		" 空格 |1234567.891\n"; got != want {
		t.Errorf("汇总:\n%s\nwant:\n%s", got, want)
	}
	if got, want := dump(t, path, "明细"), "姓名|指标|指标值（本月）|得分\n"+
		"张三|询单转化率|0.75|40\n"+
		"张三|平均响应时间(秒)|35.5|-12.5\n"+
		"李四|||0.1\n"; got != want {
		t.Errorf("明细:\n%s\nwant:\n%s", got, want)
	}

	// Formats, header style, panes and widths, looked at through excelize.
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	numFmt := func(sheet, cell string) int {
		t.Helper()
		id, err := x.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.NumFmt
	}
	for _, c := range []struct {
		sheet, cell string
		want        int
	}{
		{"明细", "C2", 10}, {"明细", "D2", 1}, {"明细", "C3", 0}, {"汇总", "C2", 4}, {"汇总", "B2", 0},
	} {
		if got := numFmt(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s number format = %d, want %d", c.sheet, c.cell, got, c.want)
		}
	}
	if typ, _ := x.GetCellType("汇总", "D3"); typ == excelize.CellTypeFormula {
		t.Errorf("text %q was written as a formula", "=1+1")
	}
	id, _ := x.GetCellStyle("汇总", "B1")
	if st, _ := x.GetStyle(id); st.Font == nil || !st.Font.Bold {
		t.Errorf("header cell is not bold")
	}
	panes, err := x.GetPanes("明细")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
		t.Errorf("panes = %+v, %v, want the header row frozen", panes, err)
	}
	for _, c := range []struct {
		col  string
		want float64
	}{{"A", 8}, {"B", 8}, {"C", 16}, {"D", 8}} {
		if got, _ := x.GetColWidth("明细", c.col); got != c.want {
			t.Errorf("明细 column %s width = %v, want %v", c.col, got, c.want)
		}
	}
}

func TestFitWidth(t *testing.T) {
	tests := []struct {
		header string
		want   float64
	}{
		{"", 8},
		{"ID", 8},
		{"平均响应时间(秒)", 2 + 7*2 + 2},
		{"conversion rate", 17},
		{strings.Repeat("长", 30), 40},
		{"ＧＭＶ", 8},
	}
	for _, tt := range tests {
		if got := fitWidth(tt.header); got != tt.want {
			t.Errorf("fitWidth(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestWriterAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scored.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Sheet("汇总", []string{"姓名"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row([]Cell{txt("张三")}); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); len(got) != 1 || !strings.HasPrefix(got[0], ".scored.xlsx.tmp-") {
		t.Errorf("folder holds %q while writing, want one .scored.xlsx.tmp-* file", got)
	}
	if err := w.Abort(); err != nil {
		t.Fatalf("Abort: %v", err)
	}
	if got := listDir(t, dir); len(got) != 0 {
		t.Errorf("folder holds %q after Abort, want nothing", got)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
	if err := w.Commit(); err == nil || err.Error() != "scored.xlsx: workbook already finished" {
		t.Errorf("Commit after Abort = %v", err)
	}
	if err := s.Row([]Cell{txt("李四")}); err == nil {
		t.Errorf("Row after Abort succeeded")
	}
}

// An existing file at the destination stays as it was until Commit, and a
// failed run never touches it.
func TestWriterReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scored.xlsx")
	if err := WriteTable(path, "old", [][]string{{"old"}}); err != nil {
		t.Fatal(err)
	}
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Sheet("new", []string{"new"}); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, path, ""); got != "old\n" {
		t.Errorf("before Commit the destination reads %q", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, path, ""); got != "new\n" {
		t.Errorf("after Commit the destination reads %q", got)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o644 {
		t.Errorf("saved workbook has mode %v, want 0644", perm)
	}
}

func TestCreateTo(t *testing.T) {
	// CreateTemp("") follows TMPDIR, which shows whether anything is left.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var buf bytes.Buffer
	w, err := CreateTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Sheet("汇总", []string{"姓名", "得分"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row([]Cell{txt("张三"), num("0.75", Percent)}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before Commit", buf.Len())
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, tmp); len(got) != 0 {
		t.Errorf("temporary folder holds %q after Commit", got)
	}
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, path, ""), "姓名|得分\n张三|0.75\n"; got != want {
		t.Errorf("Dump = %q, want %q", got, want)
	}
}

func TestWriterErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(filepath.Join(dir, "no", "scored.xlsx")); err == nil ||
		err.Error() != `scored.xlsx: no such folder "`+filepath.Join(dir, "no")+`"` {
		t.Errorf("Create in a missing folder: %v", err)
	}
	if _, err := Create(dir); err == nil || err.Error() != filepath.Base(dir)+": is a folder" {
		t.Errorf("Create on a folder: %v", err)
	}

	w, err := Create(filepath.Join(dir, "scored.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("汇总", []string{"姓名", "得分"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		do   func() error
		want string
	}{
		{"sheet twice", func() error { _, err := w.Sheet("汇总", nil); return err }, `scored.xlsx: sheet "汇总" added twice`},
		{"sheet twice, other case", func() error {
			if _, err := w.Sheet("Detail", nil); err != nil {
				return err
			}
			_, err := w.Sheet("detail", nil)
			return err
		}, `scored.xlsx: sheet "detail" added twice`},
		{"bad sheet name", func() error { _, err := w.Sheet("a/b", nil); return err },
			`scored.xlsx: bad sheet name "a/b": the sheet can not contain any of the characters :\/?*[or]`},
		{"not a number", func() error { return s.Row([]Cell{txt("张三"), num("n/a", General)}) },
			`scored.xlsx: 汇总!B2: not a number: "n/a"`},
		{"infinite", func() error { return s.Row([]Cell{txt("张三"), num("Inf", General)}) },
			`scored.xlsx: 汇总!B2: not a number: "Inf"`},
		{"unknown kind", func() error { return s.Row([]Cell{{Kind: 9}}) },
			`scored.xlsx: 汇总!A2: unknown cell kind 9`},
	}
	for _, tt := range tests {
		err := tt.do()
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error = %v, want %s", tt.name, err, tt.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.xlsx")
	rows := [][]string{
		{"标题"},
		{},
		{"12", "-0.5", "0.75|pct", "'0.75", "75%", "1,234.50", "abc", "", "1e3", "-", "1.", ".5", "007"},
	}
	if err := WriteTable(path, "", rows); err != nil {
		t.Fatal(err)
	}
	want := "标题\n\n12|-0.5|0.75|0.75|75%|1,234.50|abc||1e3|-|1.|.5|7\n"
	if got := dump(t, path, ""); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
	if got, _ := SheetNames(path); !reflect.DeepEqual(got, []string{"Sheet1"}) {
		t.Errorf("SheetNames = %q", got)
	}

	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, want := range map[string]excelize.CellType{
		"A3": excelize.CellTypeUnset, // numbers carry no type attribute
		"C3": excelize.CellTypeUnset,
		"D3": excelize.CellTypeInlineString,
		"E3": excelize.CellTypeInlineString,
		"I3": excelize.CellTypeInlineString,
	} {
		if got, _ := x.GetCellType("Sheet1", cell); got != want {
			t.Errorf("%s type = %v, want %v", cell, got, want)
		}
	}
	if got, _ := x.GetCellValue("Sheet1", "C3"); got != "75.00%" {
		t.Errorf("C3 shows %q, want 75.00%%", got)
	}

	err = WriteTable(filepath.Join(t.TempDir(), "bad.xlsx"), "s", [][]string{{"x", "abc|pct"}})
	if want := `bad.xlsx: s!B1: "abc|pct": a percentage must be a decimal number before |pct`; err == nil || err.Error() != want {
		t.Errorf("bad |pct: %v, want %s", err, want)
	}
}

func TestDump(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.xlsx")
	if err := WriteTable(path, "s", [][]string{{}, {"a", "", "b", "", ""}, {}, {"", "c"}, {}, {""}}); err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, path, "s"), "\na||b\n\n|c\n"; got != want {
		t.Errorf("Dump = %q, want %q", got, want)
	}
	if _, err := Dump(path, "t"); err == nil || err.Error() != `d.xlsx: no sheet "t" (sheets: "s")` {
		t.Errorf("Dump of a missing sheet: %v", err)
	}
	empty := filepath.Join(t.TempDir(), "e.xlsx")
	if err := WriteTable(empty, "s", nil); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, empty, ""); got != "" {
		t.Errorf("Dump of an empty sheet = %q", got)
	}
}
