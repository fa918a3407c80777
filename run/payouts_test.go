package run

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise/scoring"
	"appraise/workbook"
)

// TestPayoutsSplit fills payout sheets of two rows: three people, a row
// each, and the totals row go 2 and 2 into 发放 and 发放 2, each under its
// own header, the pay line then a column per instalment.
func TestPayoutsSplit(t *testing.T) {
	old := detailRows
	detailRows = 2
	defer func() { detailRows = old }()
	dir := t.TempDir()
	in := filepath.Join(dir, "2026-03.xlsx")
	if err := workbook.WriteTable(in, "Sheet1", [][]string{
		{"工号", "a"}, {"E1", "100"}, {"E2", "0.05"}, {"E3", "1000.01"},
	}); err != nil {
		t.Fatal(err)
	}
	sc := compileRules(t, "rules.yaml", `columns:
  工号: {type: text, key: true}
  a: {}
pay:
  奖金:
    formula: a
    instalments:
      - {share: 80%, paid: 1 month after}
      - {share: rest, paid: year end}
`)
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
	if got, want := strings.Join(names, ","), "汇总,Sheet1,发放,发放 2,说明"; got != want {
		t.Fatalf("sheets: got %s, want %s", got, want)
	}
	// E1 100: 80.00 in 2026-04, 20.00 in 2026-12. E2 0.05: 0.04, 0.01.
	// E3 1000.01: 800.008 -> 800.01, 200.00. Totals: 100 + 0.05 + 1000.01
	// = 1100.06; 80 + 0.04 + 800.01 = 880.05; 20 + 0.01 + 200 = 220.01.
	head := "工号|奖金|奖金 1/2 2026-04 (80%)|奖金 2/2 2026-12 (余额)\n"
	want := map[string]string{
		"发放":   head + "E1|100|80|20\nE2|0.05|0.04|0.01",
		"发放 2": head + "E3|1000.01|800.01|200\n合计|1100.06|880.05|220.01",
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
