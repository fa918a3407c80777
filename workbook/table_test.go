package workbook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// input writes rows with WriteTable to march.xlsx in a fresh folder, on a
// sheet called 客服KPI, and returns its path.
func input(t *testing.T, rows [][]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "march.xlsx")
	if err := WriteTable(path, "客服KPI", rows); err != nil {
		t.Fatalf("WriteTable: %v", err)
	}
	return path
}

func open(t *testing.T, path string) *File {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readAll returns the rows of a table as "num: a|b|c" lines.
func readAll(t *testing.T, tb *Table) []string {
	t.Helper()
	var got []string
	for tb.Next() {
		r := tb.Row()
		got = append(got, strings.Join(append([]string{fmt.Sprintf("%02d:", r.Num)}, r.Cells...), "|"))
	}
	if err := tb.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	if err := tb.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return got
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"询单人数", "询单人数"},
		{"　询单人数 ", "询单人数"},
		{"平均响应时间（秒）", "平均响应时间(秒)"},
		{"平均响应时间(秒)", "平均响应时间(秒)"},
		{"ＧＭＶ　（元）", "GMV (元)"},
		{"  a \t\n b  ", "a b"},
		{"a\u00a0\u00a0b", "a b"},
		{"", ""},
		{"　 ", ""},
		{"a b", "a b"},
		{"平均响应时间\n（秒）", "平均响应时间(秒)"},
		{"Total\r\nscore", "Total score"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var kpiCols = []Column{
	{Name: "name", Headers: []string{"姓名"}},
	{Name: "inquiries", Headers: []string{"询单人数", "询单数", "询单量"}},
	{Name: "response", Headers: []string{"平均响应时间(秒)"}},
	{Name: "conversion", Headers: []string{"询单转化率", "转化率"}},
	{Name: "note", Headers: []string{"备注"}, Optional: true},
}

func TestTable(t *testing.T) {
	path := input(t, [][]string{
		{"2024年3月 客服KPI"},
		{},
		{"部门：客服一部", "", "制表：人事部"},
		{"姓名", "　询单人数 ", "平均响应时间（秒）", "转化率", "", " "},
		{"张三", "120", "35.5", "0.75|pct"},
		{},
		{"李四", "'80", "", "75%"},
		{"  ", "　", ""},
		{"王五", "1,234.50", "-0.5", "abc", "", "", "extra"},
	})
	f := open(t, path)
	tb, err := f.Table("", kpiCols)
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	if tb.File != "march.xlsx" || tb.Sheet != "客服KPI" || tb.HeaderRow != 4 {
		t.Errorf("File, Sheet, HeaderRow = %q, %q, %d, want march.xlsx, 客服KPI, 4", tb.File, tb.Sheet, tb.HeaderRow)
	}
	if want := []string{"姓名", "　询单人数 ", "平均响应时间（秒）", "转化率"}; !reflect.DeepEqual(tb.Header, want) {
		t.Errorf("Header = %q, want %q", tb.Header, want)
	}
	if want := []int{0, 1, 2, 3, -1}; !reflect.DeepEqual(tb.Index, want) {
		t.Errorf("Index = %v, want %v", tb.Index, want)
	}
	got := readAll(t, tb)
	want := []string{
		"05:|张三|120|35.5|0.75",
		"07:|李四|80||75%",
		"09:|王五|1,234.50|-0.5|abc|||extra",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTableHeaderOnFirstRow(t *testing.T) {
	path := input(t, [][]string{
		{"姓名", "询单量"},
		{"张三", "3"},
	})
	tb, err := open(t, path).Table("", []Column{
		{Name: "name", Headers: []string{"姓名"}},
		{Name: "inquiries", Headers: []string{"询单人数", "询单数", "询单量"}},
		{Name: "note", Headers: []string{"备注"}, Optional: true},
	})
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	if tb.HeaderRow != 1 || !reflect.DeepEqual(tb.Index, []int{0, 1, -1}) {
		t.Errorf("HeaderRow, Index = %d, %v, want 1, [0 1 -1]", tb.HeaderRow, tb.Index)
	}
	if got, want := readAll(t, tb), []string{"02:|张三|3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
}

// A row that names only some columns is a title or a note, not the header:
// the search goes on to the first row that names all that are needed.
func TestTableFirstCompleteRow(t *testing.T) {
	path := input(t, [][]string{
		{"姓名"},
		{"姓名", "询单人数"},
		{"1", "2"},
	})
	tb, err := open(t, path).Table("", []Column{
		{Name: "name", Headers: []string{"姓名"}},
		{Name: "inquiries", Headers: []string{"询单人数"}},
	})
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	if tb.HeaderRow != 2 {
		t.Errorf("HeaderRow = %d, want 2", tb.HeaderRow)
	}
	tb.Close()
}

// The short row pads to the header's width, so callers can index by
// Table.Index without checking lengths.
func TestTablePadsRows(t *testing.T) {
	path := input(t, [][]string{
		{"姓名", "询单人数", "备注"},
		{"张三"},
	})
	tb, err := open(t, path).Table("", []Column{{Name: "note", Headers: []string{"备注"}}})
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	if !tb.Next() {
		t.Fatalf("Next = false, err %v", tb.Err())
	}
	if got := tb.Row().Cells; !reflect.DeepEqual(got, []string{"张三", "", ""}) {
		t.Errorf("Cells = %q, want [张三  ]", got)
	}
	if tb.Next() {
		t.Errorf("Next = true after the last row")
	}
	tb.Close()
}

func TestTableErrors(t *testing.T) {
	header := [][]string{
		{"2024年3月 客服KPI"},
		{"姓名", "询单数", "平均响应时间(秒)", "备注"},
		{"张三", "1", "2"},
	}
	tests := []struct {
		name  string
		rows  [][]string
		sheet string
		cols  []Column
		want  string
	}{
		{
			name:  "unknown sheet",
			rows:  header,
			sheet: "Sheet9",
			cols:  kpiCols,
			want:  `march.xlsx: no sheet "Sheet9" (sheets: "客服KPI")`,
		},
		{
			name: "missing columns against the closest row",
			rows: [][]string{
				{"姓名", "title"},
				{"姓名", "平均响应时间(秒)", "备注"},
				{"张三", "1", "2"},
			},
			cols: kpiCols,
			want: "march.xlsx: 客服KPI!A2: no column \"询单人数\" in the header row (nor \"询单数\", \"询单量\")\n" +
				"march.xlsx: 客服KPI!A2: no column \"询单转化率\" in the header row (nor \"转化率\")",
		},
		{
			name: "missing column without aliases",
			rows: header,
			cols: []Column{
				{Name: "name", Headers: []string{"姓名"}},
				{Name: "gmv", Headers: []string{"销售额"}},
			},
			want: `march.xlsx: 客服KPI!A2: no column "销售额" in the header row`,
		},
		{
			name: "ties go to the first row",
			rows: [][]string{
				{"姓名"},
				{"询单人数"},
			},
			cols: []Column{
				{Name: "name", Headers: []string{"姓名"}},
				{Name: "inquiries", Headers: []string{"询单人数"}},
			},
			want: `march.xlsx: 客服KPI!A1: no column "询单人数" in the header row`,
		},
		{
			name: "no header row",
			rows: [][]string{{"a", "b"}, {"1", "2"}},
			cols: kpiCols,
			want: "march.xlsx: 客服KPI: no header row: none of the first 30 rows names a column the rules need",
		},
		{
			name: "header below row 30",
			rows: append(make([][]string, 30), []string{"姓名", "询单人数"}),
			cols: []Column{{Name: "name", Headers: []string{"姓名"}}},
			want: "march.xlsx: 客服KPI: no header row: none of the first 30 rows names a column the rules need",
		},
		{
			name: "empty sheet",
			rows: nil,
			cols: kpiCols,
			want: "march.xlsx: 客服KPI: no header row: none of the first 30 rows names a column the rules need",
		},
		{
			name: "column named twice",
			rows: [][]string{
				{"title"},
				{"姓名", "x", "询单人数", "y", "z", "　询单人数"},
			},
			cols: []Column{
				{Name: "name", Headers: []string{"姓名"}},
				{Name: "inquiries", Headers: []string{"询单人数", "询单数"}},
			},
			want: `march.xlsx: 客服KPI!F2: column 询单人数 is named twice: "询单人数" here and "询单人数" at C2`,
		},
		{
			name: "column named twice by aliases, optional too, sorted by position",
			rows: [][]string{
				{"备注", "询单数", "姓名", "备注", "询单量", "询单人数"},
			},
			cols: []Column{
				{Name: "name", Headers: []string{"姓名"}},
				{Name: "inquiries", Headers: []string{"询单人数", "询单数", "询单量"}},
				{Name: "note", Headers: []string{"备注"}, Optional: true},
			},
			want: "march.xlsx: 客服KPI!D1: column 备注 is named twice: \"备注\" here and \"备注\" at A1\n" +
				"march.xlsx: 客服KPI!E1: column 询单人数 is named twice: \"询单量\" here and \"询单数\" at B1\n" +
				"march.xlsx: 客服KPI!F1: column 询单人数 is named twice: \"询单人数\" here and \"询单数\" at B1",
		},
		{
			// The rules' check keeps one header from naming two columns, but
			// not two headers that fold to one here.
			name: "one header cell names two columns",
			rows: [][]string{
				{"姓名", "平均 响应", "x"},
			},
			cols: []Column{
				{Name: "name", Headers: []string{"姓名"}},
				{Name: "resp", Headers: []string{"平均 响应"}},
				{Name: "resp2", Headers: []string{"平均  响应"}},
			},
			want: `march.xlsx: 客服KPI!B1: header "平均 响应" names two columns of the rules, 平均 响应 and 平均  响应`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := input(t, tt.rows)
			tb, err := open(t, path).Table(tt.sheet, tt.cols)
			if err == nil {
				tb.Close()
				t.Fatalf("Table succeeded, want error:\n%s", tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Duplicate headers the rules do not ask for are none of our business.
func TestTableIgnoresOtherDuplicates(t *testing.T) {
	path := input(t, [][]string{{"姓名", "x", "x"}})
	tb, err := open(t, path).Table("", []Column{{Name: "name", Headers: []string{"姓名"}}})
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	tb.Close()
}

func TestTableSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "march.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ name, header string }{{"说明", "readme"}, {"客服KPI", "姓名"}} {
		if _, err := w.Sheet(s.name, []string{s.header}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	if got := f.SheetNames(); !reflect.DeepEqual(got, []string{"说明", "客服KPI"}) {
		t.Errorf("SheetNames = %q", got)
	}
	if f.Name() != "march.xlsx" {
		t.Errorf("Name = %q", f.Name())
	}
	cols := []Column{{Name: "x", Headers: []string{"readme"}}}
	tb, err := f.Table("", cols)
	if err != nil {
		t.Fatalf("first sheet: %v", err)
	}
	if tb.Sheet != "说明" {
		t.Errorf("Sheet = %q, want 说明", tb.Sheet)
	}
	tb.Close()
	// Excel ignores case in sheet names, so a user's -sheet flag may too.
	w2 := filepath.Join(t.TempDir(), "b.xlsx")
	if err := WriteTable(w2, "Data", [][]string{{"readme"}}); err != nil {
		t.Fatal(err)
	}
	tb, err = open(t, w2).Table("data", cols)
	if err != nil {
		t.Fatalf("case-insensitive sheet: %v", err)
	}
	if tb.Sheet != "Data" {
		t.Errorf("Sheet = %q, want Data", tb.Sheet)
	}
	tb.Close()
}

func TestRef(t *testing.T) {
	tb := &Table{File: "march.xlsx", Sheet: "客服KPI"}
	tests := []struct {
		col, row int
		want     string
	}{
		{3, 17, "march.xlsx: 客服KPI!D17"},
		{0, 1, "march.xlsx: 客服KPI!A1"},
		{25, 2, "march.xlsx: 客服KPI!Z2"},
		{26, 2, "march.xlsx: 客服KPI!AA2"},
	}
	for _, tt := range tests {
		if got := tb.Ref(tt.col, tt.row); got != tt.want {
			t.Errorf("Ref(%d, %d) = %q, want %q", tt.col, tt.row, got, tt.want)
		}
	}
}

// Workbooks saved by Excel keep text in the shared string table and show
// numbers through formats; the table must see the stored values.
func TestTableRawValues(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	pct, _ := x.NewStyle(&excelize.Style{NumFmt: 10})
	money, _ := x.NewStyle(&excelize.Style{NumFmt: 4})
	set := func(cell string, v any, style int) {
		t.Helper()
		if err := x.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
		if style != 0 {
			if err := x.SetCellStyle("Sheet1", cell, cell, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	set("A1", "姓名", 0)
	set("B1", "转化率", 0)
	set("C1", "销售额", 0)
	set("D1", "在职", 0)
	set("A2", "张三", 0)
	set("B2", 0.75, pct)
	set("C2", 1234.5, money)
	set("D2", true, 0)
	set("A4", "李四", 0) // row 3 absent from the XML
	set("C4", "1,234.50", 0)
	path := filepath.Join(t.TempDir(), "raw.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	tb, err := open(t, path).Table("Sheet1", []Column{{Name: "c", Headers: []string{"转化率"}}})
	if err != nil {
		t.Fatal(err)
	}
	got := readAll(t, tb)
	want := []string{"02:|张三|0.75|1234.5|1", "04:|李四||1,234.50|"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "march.xlsx")
	if err := os.WriteFile(text, []byte("姓名,询单人数\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.xlsx")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.xlsx"), "missing.xlsx: no such file"},
		{text, `march.xlsx: is a text file (CSV or the like), not an .xlsx workbook: if it is CSV, name it .csv and score that; else open it in Excel and save it as "Excel Workbook (.xlsx)"`},
		{empty, "empty.xlsx: is empty, not a workbook"},
		{folder, "folder.xlsx: is a folder, not a workbook"},
	}
	for _, tt := range tests {
		f, err := Open(tt.path)
		if err == nil {
			f.Close()
			t.Errorf("Open(%q) succeeded, want %q", tt.path, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Open(%q) error = %q, want %q", tt.path, err, tt.want)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.xlsx")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file error %v does not unwrap to fs.ErrNotExist", err)
	}
}
