package run

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise/workbook"
)

// detailRules give each person four detail rows: two metrics, the total
// and one pay line.
const detailRules = `columns:
  工号: {type: text, key: true}
  a: {min: 0, max: 60}
  b: {min: 0, max: 40}
metrics:
  甲: {points: a, max: 60}
  乙: {points: b, max: 40}
pay:
  奖金: 10 * total
`

func detailRun(t *testing.T, detail string) (dir string, opts Options, err error) {
	t.Helper()
	dir = t.TempDir()
	in := filepath.Join(dir, "march.xlsx")
	if err := workbook.WriteTable(in, "Sheet1", [][]string{
		{"工号", "a", "b"}, {"E1", "60", "40"}, {"E2", "30", "20"}, {"E3", "0", "1"},
	}); err != nil {
		t.Fatal(err)
	}
	sc := compileRules(t, "rules.yaml", detailRules)
	opts = Options{
		Input: in, Scorer: sc, RulesFile: "rules.yaml", Output: filepath.Join(dir, "march.scored.xlsx"),
		Format: "xlsx", Detail: detail, Now: func() time.Time { return time.Unix(0, 0) },
	}
	_, err = Score(opts)
	return dir, opts, err
}

// TestDetailSplit fills full detail sheets of five rows: the 3 x 4 = 12 detail
// rows go 5, 5 and 2 into detail, detail 2 and detail 3, each under its
// own header, in order.
func TestDetailSplit(t *testing.T) {
	old := detailRows
	detailRows = 5
	defer func() { detailRows = old }()
	_, opts, err := detailRun(t, DetailFull)
	if err != nil {
		t.Fatal(err)
	}
	names, err := workbook.SheetNames(opts.Output)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(names, ","), "汇总,Sheet1,发放,明细,明细 2,明细 3,说明"; got != want {
		t.Fatalf("sheets: got %s, want %s", got, want)
	}
	var metrics []string
	for i, name := range []string{"明细", "明细 2", "明细 3"} {
		dump, err := workbook.Dump(opts.Output, name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(dump), "\n")
		if !strings.HasPrefix(lines[0], "工号|行|指标|") {
			t.Errorf("%s: header %q", name, lines[0])
		}
		if want := []int{5, 5, 2}[i]; len(lines)-1 != want {
			t.Errorf("%s: %d rows, want %d", name, len(lines)-1, want)
		}
		for _, l := range lines[1:] {
			cells := strings.Split(l, "|")
			metrics = append(metrics, cells[0]+" "+cells[2])
		}
	}
	want := "E1 甲,E1 乙,E1 总分,E1 奖金,E2 甲,E2 乙,E2 总分,E2 奖金,E3 甲,E3 乙,E3 总分,E3 奖金"
	if got := strings.Join(metrics, ","); got != want {
		t.Errorf("detail rows:\ngot  %s\nwant %s", got, want)
	}
}

// TestDetailCSV writes the detail beside the workbook and no detail sheet.
func TestDetailCSV(t *testing.T) {
	dir, opts, err := detailRun(t, DetailInCSV)
	if err != nil {
		t.Fatal(err)
	}
	names, err := workbook.SheetNames(opts.Output)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, ","); got != "汇总,Sheet1,发放,说明" {
		t.Errorf("sheets: got %s, want 汇总,Sheet1,发放,说明", got)
	}
	b, err := os.ReadFile(filepath.Join(dir, "march.scored.detail.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 13 {
		t.Fatalf("%d lines, want a header and 12 rows:\n%s", len(lines), b)
	}
	// E2 (row 3): 甲 is a = 30 points, its value too, unweighted; the
	// total 30 + 20 = 50; 奖金 10 x 50 = 500, paid as 500.00.
	for _, want := range []string{
		"工号,行,指标,输入,值,档位,得分,权重,加权得分",
		"E2,3,甲,a = 30,30,,30,,30",
		"E2,3,总分,各指标得分之和：30 + 20,50,,,,50",
		"E2,3,奖金,10 * total,500,,,,500.00",
	} {
		if !strings.Contains(string(b), want+"\n") {
			t.Errorf("no line %q in:\n%s", want, b)
		}
	}
}

// TestDetailNone leaves the detail out.
func TestDetailNone(t *testing.T) {
	dir, opts, err := detailRun(t, DetailNone)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := workbook.SheetNames(opts.Output)
	if got := strings.Join(names, ","); got != "汇总,Sheet1,发放,说明" {
		t.Errorf("sheets: got %s, want 汇总,Sheet1,发放,说明", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "march.scored.detail.csv")); err == nil {
		t.Error("a detail file was written")
	}
}

// TestDetailCompactSplit fills detail sheets of a row a person, two rows
// each: E1 and E2 in 明细, E3 in 明细 2. 甲 and 乙 have points only, so
// the row holds the pay line's exact amount: 10 x (60 + 40) = 1000,
// 10 x (30 + 20) = 500, 10 x (0 + 1) = 10.
func TestDetailCompactSplit(t *testing.T) {
	old := detailRows
	detailRows = 2
	defer func() { detailRows = old }()
	_, opts, err := detailRun(t, DetailInSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"明细":   "工号|行|奖金精确值\nE1|2|1000\nE2|3|500",
		"明细 2": "工号|行|奖金精确值\nE3|4|10",
	}
	for name, w := range want {
		got, err := workbook.Dump(opts.Output, name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(got) != w {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, w)
		}
	}
}
