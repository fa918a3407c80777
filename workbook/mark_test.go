package workbook

import (
	"path/filepath"
	"regexp"
	"testing"
)

// A highlighted cell keeps its number format and gains a fill: text and
// a General number take style 5, money style 7, as Highlight makes them
// after the five plain ones.
func TestMarkedCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Highlight(); err != nil {
		t.Fatal(err)
	}
	s, err := w.Sheet("S", []string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row([]Cell{{Kind: Text, Text: "x", Mark: true}, {Kind: Number, Text: "2", Mark: true}, {Kind: Number, Text: "1.50", Format: Money, Mark: true}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	sheet := readPart(t, path, "xl/worksheets/sheet1.xml")
	for _, want := range []string{`<c r="A2" s="5" t="inlineStr">`, `<c r="B2" s="5"><v>2</v>`, `<c r="C2" s="7"><v>1.5</v>`} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(sheet) {
			t.Errorf("sheet1.xml lacks %s:\n%s", want, sheet)
		}
	}
	styles := regexp.MustCompile(`<cellXfs.*</cellXfs>`).FindString(readPart(t, path, "xl/styles.xml"))
	xfs := regexp.MustCompile(`<xf [^>]*fillId="(\d+)"`).FindAllStringSubmatch(styles, -1)
	if len(xfs) != 9 || xfs[5][1] == "0" || xfs[7][1] != xfs[5][1] || xfs[4][1] != "0" {
		t.Errorf("cellXfs %s: want styles 5..8 with a fill, 0..4 without", styles)
	}
}
