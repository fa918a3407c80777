package workbook

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetOptions writes a sheet with widths fitted to its cells, two
// columns frozen, an autofilter and a note, plus a bold, filled and yuan
// cell, and reads them back through excelize.
func TestSheetOptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.SheetWith("结果", []string{"工号", "姓名", "n"}, SheetOptions{Fit: true, Freeze: 2, Filter: true, Notes: []string{"", "", "rules.yaml:3\nn"}})
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]Cell{
		{{Kind: Text, Text: "E1"}, {Kind: Text, Text: "欧阳娜娜娜娜"}, {Kind: Number, Text: "1234.5", Format: Yuan, Bold: true}},
		{{Kind: Text, Text: "E2"}, {Kind: Text, Text: "王"}, {Kind: Number, Text: "7", Fill: "C6EFCE"}},
	}
	for _, r := range rows {
		if err := s.Row(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// Widths: 工号 is 2 + 2 x 2 = 6, under the least of 8; 欧阳娜娜娜娜 is
	// 2 + 6 x 2 = 14 against 姓名's 6; n holds 1234.5 as money: 6 digits
	// + 2, + 6/3 + 3 for the yuan sign, separators and cents = 13.
	for col, want := range map[string]float64{"A": 8, "B": 14, "C": 13} {
		if got, _ := x.GetColWidth("结果", col); got != want {
			t.Errorf("width of %s: %v, want %v", col, got, want)
		}
	}
	p, err := x.GetPanes("结果")
	if err != nil || !p.Freeze || p.XSplit != 2 || p.YSplit != 1 || p.TopLeftCell != "C2" {
		t.Errorf("panes: %+v, %v; want 2 columns and 1 row frozen from C2", p, err)
	}
	c, err := x.GetComments("结果")
	if err != nil || len(c) != 1 || c[0].Cell != "C1" {
		t.Fatalf("notes: %+v, %v; want one on C1", c, err)
	}
	text := c[0].Text
	for _, r := range c[0].Paragraph {
		text += r.Text
	}
	if text != "rules.yaml:3\nn" {
		t.Errorf("note: %q", text)
	}
	style := func(cell string) *excelize.Style {
		id, err := x.GetCellStyle("结果", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := style("C2"); st.CustomNumFmt == nil || *st.CustomNumFmt != "¥#,##0.00" || st.Font == nil || !st.Font.Bold {
		t.Errorf("C2: %+v, want bold ¥#,##0.00", st)
	}
	if st := style("C3"); len(st.Fill.Color) != 1 || st.Fill.Color[0] != "C6EFCE" {
		t.Errorf("C3 fill: %+v, want C6EFCE", st.Fill)
	}
}
