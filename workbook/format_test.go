package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A workbook saved with a password is decrypted in memory and read by the
// fast reader, as the same workbook without a password is.
func TestOpenWithPassword(t *testing.T) {
	// Enough rows that the encrypted package is not stored as small
	// streams, which excelize cannot read back.
	var rows []string
	for r := 2; r <= 200; r++ {
		rows = append(rows, person(r, fmt.Sprintf("P%03d", r), "10"))
	}
	plain := writeXLSX(t, handSheet(rows...), handSST)
	want, why := readFast(t, plain, "Sheet1")
	if why != "" {
		t.Fatalf("the plain workbook fell back: %s", why)
	}
	x, err := excelize.OpenFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(t.TempDir(), "locked.xlsx")
	if err := x.SaveAs(locked, excelize.Options{Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	x.Close()

	f, err := OpenWith(locked, OpenOptions{Password: "pw"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := f.rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.fast == nil {
		t.Fatal("the decrypted workbook is not read by the fast reader")
	}
	var got []string
	for r.Next() {
		cells, err := r.Columns()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d: %q", len(got)+1, cells))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	for _, tt := range []struct{ password, want string }{
		{"", "locked.xlsx: is protected by a password: give it with --password, or save an unprotected copy"},
		{"PW", "locked.xlsx: is protected by a password, and the one given with --password does not open it"},
	} {
		if _, err := OpenWith(locked, OpenOptions{Password: tt.password}); err == nil || err.Error() != tt.want {
			t.Errorf("password %q: got %v, want %q", tt.password, err, tt.want)
		}
	}
}

// An OLE file that holds no encrypted workbook is an old .xls one.
func TestOpenXLS(t *testing.T) {
	path := filepath.Join(t.TempDir(), "march.xlsx")
	if err := os.WriteFile(path, append(oleMagic, "not a real compound file"...), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = `march.xlsx: is an old Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (.xlsx)"`
	if _, err := Open(path); err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
