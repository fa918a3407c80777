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

// Files that are not .xlsx workbooks but are often named as one are
// named for what they are.
func TestOpenNotXLSX(t *testing.T) {
	const save = `, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (.xlsx)"`
	const textFile = `is a text file (CSV or the like), not an .xlsx workbook: if it is CSV, name it .csv and score that; else open it in Excel and save it as "Excel Workbook (.xlsx)"`
	tests := []struct {
		name, content, want string
	}{
		{"empty", "", "is empty, not a workbook"},
		{"csv", "工号,询单人数\nE01,40\n", textFile},
		{"csv with BOM", "\xEF\xBB\xBF工号,询单人数\r\nE01,40\r\n", textFile},
		{"tab separated", "工号\t询单人数\nE01\t40\n", textFile},
		{"UTF-16", "\xFF\xFE\x65\x5de\x00", textFile},
		{"html", "<html><body><table><tr><td>工号</td></tr></table></body></html>", "is a web page (HTML)" + save},
		{"html table", "  <table border=1><tr><td>1</td></tr></table>", "is a web page (HTML)" + save},
		{"xml 2003", `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`,
			"is an Excel 2003 XML spreadsheet" + save},
		{"xls", string(oleMagic) + "not a real compound file",
			`is an old Excel 97-2003 workbook (.xls) or another Office file` + save},
		{"binary", "\x00\x01\x02\x03garbage", "not an .xlsx workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "march.xlsx")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			if want := "march.xlsx: " + tt.want; err == nil || err.Error() != want {
				t.Errorf("got %v\nwant %s", err, want)
			}
		})
	}
}
