package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/xuri/excelize/v2"
)

// march is the title of a workbook of March 2026.
const march = "客服部客服指标绩效考核表 2026年3月"

// readAll returns every row of the generated sheet, raw.
func readAll(t *testing.T, path string) [][]string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("sheets %q, want [%q]", got, sheet)
	}
	rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func generate(t *testing.T, name string, n int, seed uint64, title bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	heading := ""
	if title {
		heading = march
	}
	if err := write(path, n, seed, heading, agentShape); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSameSeedSameCells(t *testing.T) {
	a := readAll(t, generate(t, "a.xlsx", 300, 7, true))
	b := readAll(t, generate(t, "b.xlsx", 300, 7, true))
	c := readAll(t, generate(t, "c.xlsx", 300, 8, true))
	// A title row, the header row and 300 agents.
	if len(a) != 302 {
		t.Fatalf("%d rows, want 302", len(a))
	}
	if !slices.Equal(a[0], []string{march}) || !slices.Equal(a[1], header) {
		t.Fatalf("top rows %q, %q", a[0], a[1])
	}
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			t.Fatalf("row %d differs with the same seed:\n%q\n%q", i+1, a[i], b[i])
		}
	}
	same := 0
	for i := 2; i < len(a); i++ {
		if slices.Equal(a[i], c[i]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 300 rows are the same with seeds 7 and 8", same)
	}
	if a[2][0] != "E0000001" || a[301][0] != "E0000300" {
		t.Errorf("工号 %q .. %q, want E0000001 .. E0000300", a[2][0], a[301][0])
	}
}

func TestNoTitle(t *testing.T) {
	rows := readAll(t, generate(t, "a.xlsx", 3, 1, false))
	if len(rows) != 4 || !slices.Equal(rows[0], header) {
		t.Fatalf("rows %q, want the header and 3 agents", rows)
	}
}

func TestTooManyRows(t *testing.T) {
	// 1,048,576 rows a sheet, less a title row and a header row.
	err := write(filepath.Join(t.TempDir(), "a.xlsx"), 1048575, 1, march, agentShape)
	want := "-n 1048575: a sheet holds 1048574 agents under its 2 top rows\n    hint: -title=false leaves room for one more row"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
}

// TestPassesRules scores a generated workbook with the ecommerce-cs rules:
// every cell must pass the rules' checks, and only the agents with no
// enquiries (询单人数 = 0, so no 询单转化率) are incomplete.
func TestPassesRules(t *testing.T) {
	const n = 2000
	path := generate(t, "a.xlsx", n, 3, true)
	rows := readAll(t, path)
	zero, text, decimals := 0, 0, 0
	for _, r := range rows[2:] {
		if r[2] == "0" {
			zero++
		}
		if strings.Contains(r[6], ",") {
			text++
		}
		if strings.Contains(r[7], ".") {
			decimals++
		}
	}
	// About 1 in 200 and 1 in 500 of 2000 rows: 10 and 4 expected.
	if zero == 0 || text == 0 || decimals == 0 {
		t.Errorf("%d rows with 询单人数 = 0, %d prices as text, %d decimal prices: want some of each", zero, text, decimals)
	}

	src, err := os.ReadFile("../../examples/ecommerce-cs/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Parse("rules.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := run.Score(run.Options{
		Input:  path,
		Scorer: sc,
		Output: filepath.Join(t.TempDir(), "out.json"),
		Format: "json",
		Now:    func() time.Time { return time.Time{} },
	})
	if err != nil {
		t.Fatalf("the rules refuse the generated workbook:\n%v", err)
	}
	if sum.Rows != n || sum.Incomplete != zero || sum.Sheet != sheet {
		t.Errorf("scored %d rows of %s, %d incomplete; want %d of %s, %d incomplete", sum.Rows, sum.Sheet, sum.Incomplete, n, sheet, zero)
	}
}
