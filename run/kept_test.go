package run

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"appraise/scoring"
	"appraise/workbook"
)

// TestRanksKeptOrReadAgain ranks 600 people, over three chunks of rows,
// three ways: the passes after the first replay the rows the first kept;
// the rows outgrow what may be kept after the first chunk, so the later
// passes read the sheet again; and nothing fits at all. All three give
// the same ranks.
func TestRanksKeptOrReadAgain(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "2026-03.xlsx")
	rows := [][]string{{"工号", "a"}}
	for i := 1; i <= 600; i++ {
		// a = ceil(i/2): 1, 1, 2, 2, ..., 300, 300.
		rows = append(rows, []string{fmt.Sprintf("E%03d", i), strconv.Itoa((i + 1) / 2)})
	}
	if err := workbook.WriteTable(in, "Sheet1", rows); err != nil {
		t.Fatal(err)
	}
	sc := compileRules(t, "rules.yaml", `columns:
  工号: {type: text, key: true}
  a: {}
ranks:
  名次: a
  倒数名次: {of: a, order: lowest first}
`)
	period, _ := scoring.ParsePeriod("2026-03")
	old := keptBytes
	defer func() { keptBytes = old }()
	// A chunk of 256 rows of two short cells takes about 256 * (2 * 17 +
	// 16 + 6) = 14,336 bytes of keptBytes: 20,000 keeps one chunk, not two.
	for _, budget := range []int{old, 20_000, 1} {
		t.Run(strconv.Itoa(budget), func(t *testing.T) {
			keptBytes = budget
			out := filepath.Join(t.TempDir(), "out.csv")
			opts := Options{Input: in, Scorer: sc, RulesFile: "rules.yaml", Output: out,
				Format: "csv", Detail: DetailNone, Period: period, Now: func() time.Time { return time.Unix(0, 0) }}
			if _, err := Score(opts); err != nil {
				t.Fatal(err)
			}
			fh, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			recs, err := csv.NewReader(fh).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range recs[0] {
				col[h] = i
			}
			if len(recs) != 601 {
				t.Fatalf("%d rows, want 600", len(recs)-1)
			}
			for i, r := range recs[1:] {
				// Row i+1 has a = v = ceil((i+1)/2). Two people share each
				// value, so 2 * (300 - v) people are above them (名次
				// 2 * (300 - v) + 1) and 2 * (v - 1) below (倒数名次
				// 2 * (v - 1) + 1): E599 and E600 are both 1st, E001 and
				// E002 both 599th.
				v := (i + 2) / 2
				want := []string{strconv.Itoa(2*(300-v) + 1), strconv.Itoa(2*(v-1) + 1)}
				got := []string{r[col["名次"]], r[col["倒数名次"]]}
				if got[0] != want[0] || got[1] != want[1] || r[col["工号"]] != fmt.Sprintf("E%03d", i+1) {
					t.Fatalf("row %d: %s 名次 %s 倒数名次 %s, want %s and %s", i+2, r[col["工号"]], got[0], got[1], want[0], want[1])
				}
			}
		})
	}
}
