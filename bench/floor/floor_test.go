package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestFit(t *testing.T) {
	tests := []struct {
		refs []reference
		rows []int
		head int
		per  int
		err  string
	}{
		// 1 + 14 x 100 and 1 + 14 x 150.
		{refs: []reference{{"a", 100}, {"b", 150}}, rows: []int{1401, 2101}, head: 1, per: 14},
		// An audit sheet: 11 rows whatever the input.
		{refs: []reference{{"a", 100}, {"b", 150}}, rows: []int{11, 11}, head: 11, per: 0},
		// 1 + 1 x 10 or 11 written once: both references are of 10 rows.
		{refs: []reference{{"a", 10}, {"b", 10}}, rows: []int{11, 11},
			err: `the references are all scored from 10 input rows: give one scored from another number`},
		// The larger reference has fewer rows.
		{refs: []reference{{"a", 100}, {"b", 150}}, rows: []int{201, 101},
			err: `sheet "s": 201 rows from 100 input rows and 101 from 150: it does not grow by a whole number of rows per input row`},
		// 1 + 14 x 100 and 1401 + 7: 7 / 50 is not whole.
		{refs: []reference{{"a", 100}, {"b", 150}}, rows: []int{1401, 1408},
			err: `sheet "s": 1401 rows from 100 input rows and 1408 from 150: it does not grow by a whole number of rows per input row`},
		// Two references give 1 + 2n; a third has one row too many.
		{refs: []reference{{"a", 100}, {"b", 110}, {"c", 200}}, rows: []int{201, 222, 401},
			err: `sheet "s" of b: 222 rows, not 1 + 2 x 110: its rows do not grow in step with the input`},
	}
	for _, tt := range tests {
		head, per, err := fit("s", tt.refs, func(i int) int { return tt.rows[i] })
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err || head != tt.head || per != tt.per {
			t.Errorf("fit(%v, %v) = %d, %d, %q; want %d, %d, %q", tt.refs, tt.rows, head, per, got, tt.head, tt.per, tt.err)
		}
	}
}

// makeRef writes a workbook shaped like appraise's output for n input rows
// of the input made by makeInput: sheet S with the input header and two
// result columns, then a row per input row; sheet detail with a header and
// two rows per input row; sheet audit of three rows.
func makeRef(t *testing.T, dir string, n int) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	must(t, x.SetSheetName("Sheet1", "S"))
	must(t, x.SetSheetRow("S", "A1", &[]any{"id", "count", "", "total", "share"}))
	for i := 1; i <= n; i++ {
		row := fmt.Sprint(i + 1)
		must(t, x.SetSheetRow("S", "A"+row, &[]any{fmt.Sprintf("P%d", i), i, nil, 90 + i, 0.25}))
		must(t, x.SetCellStyle("S", "E"+row, "E"+row, pct))
	}
	_, err = x.NewSheet("detail")
	must(t, err)
	must(t, x.SetSheetRow("detail", "A1", &[]any{"id", "what", "value"}))
	for i := 1; i <= n; i++ {
		must(t, x.SetSheetRow("detail", fmt.Sprintf("A%d", 2*i), &[]any{fmt.Sprintf("P%d", i), "count", i}))
		must(t, x.SetSheetRow("detail", fmt.Sprintf("A%d", 2*i+1), &[]any{fmt.Sprintf("P%d", i), "ok", true}))
	}
	_, err = x.NewSheet("audit")
	must(t, err)
	for i, item := range []string{"scheme", "rows", "version"} {
		must(t, x.SetSheetRow("audit", fmt.Sprintf("A%d", i+1), &[]any{item, "x"}))
	}
	path := filepath.Join(dir, fmt.Sprintf("ref%d.xlsx", n))
	must(t, x.SaveAs(path))
	return path
}

// makeInput writes a title row, a header row whose third cell is blank, and
// rows P1..Pn, with a blank row after P2.
func makeInput(t *testing.T, dir string, n int) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	must(t, x.SetSheetName("Sheet1", "S"))
	must(t, x.SetSheetRow("S", "A1", &[]any{"a title"}))
	must(t, x.SetSheetRow("S", "A2", &[]any{"id", "count"}))
	r := 3
	for i := 1; i <= n; i++ {
		must(t, x.SetSheetRow("S", fmt.Sprintf("A%d", r), &[]any{fmt.Sprintf("P%d", i), 10 * i, "extra"}))
		r++
		if i == 2 {
			r++
		}
	}
	path := filepath.Join(dir, "in.xlsx")
	must(t, x.SaveAs(path))
	return path
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestFloor copies 4 input rows into the shape of the references, in
// sheets of at most 4 rows. S, a header and a row per input row, takes
// P1..P3 and goes on in "S 2" with P4. detail's 4 x 2 = 8 rows go 3, 3 and
// 2 under a header each; its continuations are added when needed, between
// the others, and audit comes last.
func TestFloor(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.xlsx")
	var log bytes.Buffer
	err := run(options{
		refs:  refList{{makeRef(t, dir, 2), 2}, {makeRef(t, dir, 3), 3}},
		in:    makeInput(t, dir, 4),
		out:   out,
		limit: 4,
		log:   &log,
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, want := x.GetSheetList(), []string{"S", "detail", "detail 2", "S 2", "detail 3", "audit"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	// The input's id and count, then the constant results of the first
	// reference's first row (P1: total 90 + 1, share 25%). The input's
	// third cell lies outside its header and is left out, as appraise does.
	head := []string{"id", "count", "", "total", "share"}
	checkRows(t, x, "S", [][]string{
		head,
		{"P1", "10", "", "91", "25.00%"},
		{"P2", "20", "", "91", "25.00%"},
		{"P3", "30", "", "91", "25.00%"},
	})
	checkRows(t, x, "S 2", [][]string{head, {"P4", "40", "", "91", "25.00%"}})
	a, b := []string{"P1", "count", "1"}, []string{"P1", "ok", "TRUE"}
	head = []string{"id", "what", "value"}
	checkRows(t, x, "detail", [][]string{head, a, b, a})
	checkRows(t, x, "detail 2", [][]string{head, b, a, b})
	checkRows(t, x, "detail 3", [][]string{head, a, b})
	checkRows(t, x, "audit", [][]string{{"scheme", "x"}, {"rows", "x"}, {"version", "x"}})
	for _, want := range []string{
		"floor: read 4 rows of in.xlsx, sheet S,",
		": S 4 rows, detail 4 rows, detail 2 4 rows, S 2 2 rows, detail 3 3 rows, audit 3 rows\n",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

// TestHold gives the same rows when every input row is read first.
func TestHold(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.xlsx")
	err := run(options{
		refs:  refList{{makeRef(t, dir, 2), 2}, {makeRef(t, dir, 3), 3}},
		in:    makeInput(t, dir, 3),
		out:   out,
		hold:  true,
		limit: excelize.TotalRows,
		log:   &bytes.Buffer{},
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	checkRows(t, x, "S", [][]string{
		{"id", "count", "", "total", "share"},
		{"P1", "10", "", "91", "25.00%"},
		{"P2", "20", "", "91", "25.00%"},
		{"P3", "30", "", "91", "25.00%"},
	})
	a, b := []string{"P1", "count", "1"}, []string{"P1", "ok", "TRUE"}
	checkRows(t, x, "detail", [][]string{{"id", "what", "value"}, a, b, a, b, a, b})
}

// TestNoResultsSheet refuses an input whose sheet the references lack.
func TestNoResultsSheet(t *testing.T) {
	dir := t.TempDir()
	ref := makeRef(t, dir, 2)
	err := run(options{
		refs:  refList{{ref, 2}, {makeRef(t, dir, 3), 3}},
		in:    makeInput(t, dir, 1),
		sheet: "detail 9",
		out:   filepath.Join(dir, "out.xlsx"),
		limit: excelize.TotalRows,
		log:   &bytes.Buffer{},
	})
	want := ref + `: the reference has no results sheet "detail 9" with a header row and a row per input row`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
}

func checkRows(t *testing.T, x *excelize.File, sheet string, want [][]string) {
	t.Helper()
	got, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("sheet %s:\n got %q\nwant %q", sheet, got, want)
	}
}
