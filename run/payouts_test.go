package run

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// TestPayoutsSplit fills payouts sheets of four rows: three people, two
// instalments each, and the totals row make 7 rows, which go 4 and 3
// into payouts and payouts 2, each under its own header.
func TestPayoutsSplit(t *testing.T) {
	old := detailRows
	detailRows = 4
	defer func() { detailRows = old }()
	dir := t.TempDir()
	in := filepath.Join(dir, "2026-03.xlsx")
	if err := workbook.WriteTable(in, "Sheet1", [][]string{
		{"工号", "a"}, {"E1", "100"}, {"E2", "0.05"}, {"E3", "1000.01"},
	}); err != nil {
		t.Fatal(err)
	}
	set, err := rules.Parse("rules.yaml", []byte(`columns:
  工号: {type: text, key: true}
  a: {}
pay:
  奖金:
    formula: a
    instalments:
      - {share: 80%, paid: 1 month after}
      - {share: rest, paid: year end}
`))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	period, _ := scoring.ParsePeriod("2026-03")
	opts := Options{Input: in, Scorer: sc, RulesFile: "rules.yaml", Output: filepath.Join(dir, "out.xlsx"),
		Format: "xlsx", Detail: DetailNone, Period: period, Now: func() time.Time { return time.Unix(0, 0) }}
	if _, err := Score(opts); err != nil {
		t.Fatal(err)
	}
	names, err := workbook.SheetNames(opts.Output)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(names, ","), "Sheet1,payouts,payouts 2,audit"; got != want {
		t.Fatalf("sheets: got %s, want %s", got, want)
	}
	// E1 100: 80.00 in 2026-04, 20.00 in 2026-12. E2 0.05: 0.04, 0.01.
	// E3 1000.01: 800.008 -> 800.01, 200.00. Total 100 + 0.05 + 1000.01 = 1100.06.
	want := map[string]string{
		"payouts":   "工号|pay line|instalment|share|paid in|amount\nE1|奖金|1 of 2|80%|2026-04|80\nE1|奖金|2 of 2|rest|2026-12|20\nE2|奖金|1 of 2|80%|2026-04|0.04\nE2|奖金|2 of 2|rest|2026-12|0.01",
		"payouts 2": "工号|pay line|instalment|share|paid in|amount\nE3|奖金|1 of 2|80%|2026-04|800.01\nE3|奖金|2 of 2|rest|2026-12|200\ntotal|奖金||||1100.06",
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
