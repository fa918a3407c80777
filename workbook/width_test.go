package workbook

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetWidths checks that columns are as wide as their header, or as
// the minimum asked for where that is wider, within the limits.
func TestSheetWidths(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// "id": 2 + 2 = 4, raised to the least width 8; "询单人数": 2 + 4x2 = 10;
	// "notes": 7, asked 30; "x": asked 99, held to 60.
	if _, err := w.Sheet("S", []string{"id", "询单人数", "notes", "x"}, 0, 0, 30, 99); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for col, want := range map[string]float64{"A": 8, "B": 10, "C": 30, "D": 60} {
		got, err := f.GetColWidth("S", col)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("column %s: width %v, want %v", col, got, want)
		}
	}
}
