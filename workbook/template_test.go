package workbook

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testTemplate has a column of each kind a rule file can make.
var testTemplate = &Template{
	Sheet: "客户评价",
	Title: "客户平时考核表",
	Columns: []TemplateColumn{
		{Header: "工号", Note: "text; identifies the person", Text: true},
		{Header: "询单人数", Note: "a number, 0 or more", Check: Check{Number: true, Min: "0", Message: "a number, 0 or more"}},
		{Header: "工作任务得分", Check: Check{Number: true, Min: "0", Max: "10", Blank: true, Message: "a number from 0 to 10"}},
		{Header: "扣分", Check: Check{Number: true, Max: "5.5"}},
		{Header: "奖金", Check: Check{Number: true, Blank: true}},
		{Header: "评价", Note: "one of 优秀, 良好, 一般, 不足", Text: true, Check: Check{Values: []string{"优秀", "良好", "一般", "不足"}, Message: "one of 优秀, 良好, 一般, 不足"}},
	},
}

func openX(t *testing.T, path string) *excelize.File {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestSaveTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "blank.xlsx")
	if err := SaveTemplate(path, testTemplate, false); err != nil {
		t.Fatal(err)
	}
	// The title in row 1, the headers in row 2, no data rows.
	want := "客户平时考核表\n工号|询单人数|工作任务得分|扣分|奖金|评价\n"
	if got := dump(t, path, ""); got != want {
		t.Errorf("cells:\n%s\nwant:\n%s", got, want)
	}
	if got := listDir(t, filepath.Dir(path)); !slices.Equal(got, []string{"blank.xlsx"}) {
		t.Errorf("folder holds %q, want only blank.xlsx", got)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want -rw-r--r--", st.Mode(), err)
	}

	x := openX(t, path)
	if got := x.GetSheetList(); !slices.Equal(got, []string{"客户评价"}) {
		t.Errorf("sheets %q, want [客户评价]", got)
	}
	if cells, err := x.GetMergeCells("客户评价"); err != nil || len(cells) != 1 || cells[0].GetStartAxis() != "A1" || cells[0].GetEndAxis() != "F1" {
		t.Errorf("merged cells %v, %v; want the title over A1:F1", cells, err)
	}

	comments, err := x.GetComments("客户评价")
	if err != nil {
		t.Fatal(err)
	}
	gotNotes := map[string]string{}
	for _, c := range comments {
		var b strings.Builder
		for _, r := range c.Paragraph {
			b.WriteString(r.Text)
		}
		gotNotes[c.Cell] = b.String()
		if c.Author != "appraise" {
			t.Errorf("note on %s by %q, want appraise", c.Cell, c.Author)
		}
	}
	wantNotes := map[string]string{
		"A2": "工号\ntext; identifies the person",
		"B2": "询单人数\na number, 0 or more",
		"F2": "评价\none of 优秀, 良好, 一般, 不足",
	}
	if !reflect.DeepEqual(gotNotes, wantNotes) {
		t.Errorf("notes %q, want %q", gotNotes, wantNotes)
	}

	dvs, err := x.GetDataValidations("客户评价")
	if err != nil {
		t.Fatal(err)
	}
	type check struct {
		sqref, typ, op, f1, f2 string
		blank                  bool
		msg                    string
	}
	var got []check
	for _, dv := range dvs {
		c := check{sqref: dv.Sqref, typ: dv.Type, op: dv.Operator, f1: dv.Formula1, f2: dv.Formula2, blank: dv.AllowBlank}
		if dv.Error != nil {
			c.msg = *dv.ErrorTitle + ": " + *dv.Error
		}
		got = append(got, c)
	}
	wantChecks := []check{
		{"B3:B1048576", "decimal", "greaterThanOrEqual", "0", "", false, "询单人数: a number, 0 or more"},
		{"C3:C1048576", "decimal", "between", "0", "10", true, "工作任务得分: a number from 0 to 10"},
		{"D3:D1048576", "decimal", "lessThanOrEqual", "5.5", "", false, ""},
		{"E3:E1048576", "decimal", "between", "-9.99E+307", "9.99E+307", true, ""},
		{"F3:F1048576", "list", "", `"优秀,良好,一般,不足"`, "", false, "评价: one of 优秀, 良好, 一般, 不足"},
	}
	if !reflect.DeepEqual(got, wantChecks) {
		t.Errorf("checks:\n%+v\nwant:\n%+v", got, wantChecks)
	}

	panes, err := x.GetPanes("客户评价")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
		t.Errorf("panes %+v, want frozen above A3", panes)
	}
	// Text columns keep what is typed: "00123" stays text.
	for col, want := range map[string]int{"A": 49, "B": 0, "F": 49} {
		id, err := x.GetColStyle("客户评价", col)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NumFmt != want {
			t.Errorf("column %s number format %d, want %d", col, st.NumFmt, want)
		}
	}
	// 工作任务得分 is 6 Chinese characters: 2 + 6 x 2 = 14 wide.
	if w, err := x.GetColWidth("客户评价", "C"); err != nil || w != 14 {
		t.Errorf("column C width %v, %v; want 14", w, err)
	}

	// The reader finds the header under the title.
	f := open(t, path)
	tb, err := f.Table("", []Column{{Name: "工号", Headers: []string{"工号"}}, {Name: "评价", Headers: []string{"评价"}}})
	if err != nil {
		t.Fatal(err)
	}
	if tb.HeaderRow != 2 || tb.Sheet != "客户评价" {
		t.Errorf("header row %d of %s, want 2 of 客户评价", tb.HeaderRow, tb.Sheet)
	}
	if rows := readAll(t, tb); len(rows) != 0 {
		t.Errorf("data rows %q, want none", rows)
	}
}

func TestSaveTemplateKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "blank.xlsx")
	if err := os.WriteFile(path, []byte("filled in"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := SaveTemplate(path, testTemplate, false)
	if err == nil || err.Error() != "blank.xlsx: already exists" || !errors.Is(err, fs.ErrExist) {
		t.Errorf("error %v, want blank.xlsx: already exists wrapping fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "filled in" {
		t.Errorf("the file now holds %q", b)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"blank.xlsx"}) {
		t.Errorf("folder holds %q, want only blank.xlsx", got)
	}

	// Asked to, it replaces the file.
	if err := SaveTemplate(path, testTemplate, true); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, path, "客户评价"); !strings.HasPrefix(got, "客户平时考核表\n") {
		t.Errorf("replaced file holds:\n%s", got)
	}

	tests := []struct{ path, want string }{
		{dir, filepath.Base(dir) + ": is a folder"},
		{filepath.Join(dir, "no", "blank.xlsx"), `blank.xlsx: no such folder "` + filepath.Join(dir, "no") + `"`},
	}
	for _, tt := range tests {
		if err := SaveTemplate(tt.path, testTemplate, true); err == nil || err.Error() != tt.want {
			t.Errorf("SaveTemplate(%s): %v, want %s", tt.path, err, tt.want)
		}
	}
}

func TestWriteTemplate(t *testing.T) {
	// No title: the header is row 1 and the checks start at row 2.
	tpl := &Template{Sheet: "Sheet1", Columns: []TemplateColumn{
		{Header: "得分", Check: Check{Number: true, Min: "0", Max: "100"}},
		// 86 texts of "选项NN": 86 x 4 + 85 commas = 429 characters,
		// more than Excel's 255, so no list.
		{Header: "选项", Check: Check{Values: manyTexts(86)}},
		// A comma would split a text in two.
		{Header: "备注", Check: Check{Values: []string{"a,b", "c"}}},
	}}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, tpl); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Sheet1")
	if err != nil || len(rows) != 1 || !slices.Equal(rows[0], []string{"得分", "选项", "备注"}) {
		t.Errorf("rows %q, %v; want the header alone", rows, err)
	}
	dvs, err := x.GetDataValidations("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 1 || dvs[0].Sqref != "A2:A1048576" || dvs[0].Operator != "between" {
		for _, dv := range dvs {
			t.Logf("%+v", dv)
		}
		t.Errorf("%d checks, want one on A2:A1048576", len(dvs))
	}
	if panes, err := x.GetPanes("Sheet1"); err != nil || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v; want frozen above A2", panes, err)
	}

	if err := WriteTemplate(&buf, &Template{Sheet: "x"}); err == nil {
		t.Error("a template without columns was written")
	}
	if err := WriteTemplate(&buf, &Template{Sheet: "a/b", Columns: tpl.Columns}); err == nil || !strings.HasPrefix(err.Error(), `bad sheet name "a/b"`) {
		t.Errorf("sheet a/b: %v", err)
	}
}

func manyTexts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "选项" + string(rune('0'+i/10)) + string(rune('0'+i%10))
	}
	return out
}
