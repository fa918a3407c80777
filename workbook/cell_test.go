package workbook

import (
	"path/filepath"
	"testing"
)

// Cell gives what excelize's GetCellValue gives, whether the sheet reader
// answers (text) or excelize does (numbers, which a format may show
// otherwise, and cells past the sheet's end).
func TestCell(t *testing.T) {
	path := filepath.Join(t.TempDir(), "march.xlsx")
	rows := [][]string{
		{"客服部客服指标绩效考核表 2026年3月"},
		{"工号", "得分", "比例"},
		{"'0012", "90", "0.75|pct"},
		{"E2", "", "0.5"},
	}
	if err := WriteTable(path, "考核", rows); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Before excelize loads the sheet, as the first call of a run does.
	if got, ok := f.streamedCell("考核", "A1"); !ok || got != rows[0][0] {
		t.Errorf("streamedCell(A1) = %q, %v: the title should be read without excelize", got, ok)
	}
	if _, ok := f.streamedCell("考核", "C3"); ok {
		t.Error("streamedCell(C3) answered for a number shown as a percentage")
	}
	for _, ref := range []string{"A1", "B1", "A2", "A3", "B3", "C3", "B4", "Z4", "A9"} {
		want, err := f.x.GetCellValue("考核", ref)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Cell("", ref)
		if err != nil {
			t.Fatalf("Cell(%s): %v", ref, err)
		}
		if got != want {
			t.Errorf("Cell(%s) = %q, want %q", ref, got, want)
		}
	}
	if _, err := f.Cell("", "A0"); err == nil {
		t.Error("Cell(A0) gave no error")
	}
}
