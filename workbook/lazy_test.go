package workbook

import (
	"fmt"
	"path/filepath"
	"testing"
)

// lazyBook writes a workbook of a sheet 大 of 40,000 rows, whose XML is
// past lazyAbove, and a sheet 小 of two.
func lazyBook(t *testing.T) string {
	t.Helper()
	big := [][]string{{"工号", "a"}}
	for i := 1; i <= 40000; i++ {
		big = append(big, []string{fmt.Sprintf("E%05d", i), fmt.Sprint(i)})
	}
	path := filepath.Join(t.TempDir(), "lazy.xlsx")
	if err := WriteTables(path, SheetRows{Name: "大", Rows: big}, SheetRows{Name: "小", Rows: [][]string{{"工号", "a"}, {"S1", "7"}}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// readLazy reads sheet of f through a Table and checks that row i+1
// holds E<i> and i, so that the last of 40,000 is E40000 and 40000.
func readLazy(t *testing.T, f *File, sheet string, want int) {
	t.Helper()
	tb, err := f.Table(sheet, []Column{{Name: "工号", Headers: []string{"工号"}}, {Name: "a", Headers: []string{"a"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	n := 0
	for tb.Next() {
		n++
		r := tb.Row()
		if id, a := r.Cells[tb.Index[0]], r.Cells[tb.Index[1]]; id != fmt.Sprintf("E%05d", n) || a != fmt.Sprint(n) {
			t.Fatalf("%s row %d: %s|%s", sheet, r.Num, id, a)
		}
	}
	if err := tb.Err(); err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Fatalf("%s: %d rows, want %d", sheet, n, want)
	}
}

// openLazy opens path lazily and checks that a sheet was left out of
// excelize's copy.
func openLazy(t *testing.T, path string) *File {
	t.Helper()
	f, err := OpenWith(path, OpenOptions{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if !f.lazy {
		t.Fatal("the large sheet was not left out")
	}
	return f
}

// A lazy open leaves the large sheet out of excelize's copy, and reads it
// from the file all the same.
func TestLazyOpen(t *testing.T) {
	path := lazyBook(t)
	f := openLazy(t, path)
	if got := f.SheetNames(); len(got) != 2 || got[0] != "大" || got[1] != "小" {
		t.Fatalf("sheets %v", got)
	}
	small, err := f.Table("小", []Column{{Name: "工号", Headers: []string{"工号"}}, {Name: "a", Headers: []string{"a"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !small.Next() || small.Row().Cells[0] != "S1" || small.Row().Cells[1] != "7" || small.Next() {
		t.Fatal("小 is not S1|7 alone")
	}
	small.Close()
	readLazy(t, f, "大", 40000)
	if !f.lazy {
		t.Error("reading the large sheet opened the whole workbook")
	}
	if v, err := f.Cell("大", "A40001"); err != nil || v != "E40000" {
		t.Errorf("大!A40001: %q, %v", v, err)
	}
}

// A large sheet the fast reader gives up on goes to excelize, which a
// lazy open first gives the whole workbook: every row is read.
func TestLazyOpenFallsBack(t *testing.T) {
	path := lazyBook(t)
	rewritePart(t, path, "xl/worksheets/sheet1.xml", `<row r="20000">`, `<?pi between rows?><row r="20000">`)
	f := openLazy(t, path)
	readLazy(t, f, "大", 40000)
	if f.lazy {
		t.Error("excelize read the sheet without the whole workbook")
	}
}
