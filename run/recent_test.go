package run

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// recentRules read back every kind of figure a history can hold: an
// input column kept as text and one read as a number, a metric's points
// and a reported metric's value, a section, the total, the grade, a flag
// (raised or not), a pay line (as paid, rounded) and a rank.
const recentRules = `scheme: recent
period: month
period_from: "{yyyy}-{mm}"
columns:
  工号: {type: text, key: true}
  组: {type: text}
  得分: {}
  件数: {min: 0}
metrics:
  业绩: {points: 得分, section: 考核}
  件: {value: 件数 / 3}
sections:
  考核: {points: 100}
grades:
  - {when: ">= 60", grade: A}
  - {when: "< 60", grade: B}
ranks:
  名次: total
flags:
  低: total < 35
  连低: consecutive(低) >= 2
  常A: count_last(grade = "A", 3) >= 2
  同组: consecutive(组 = "甲") >= 2
  头名: consecutive(名次 = 1) >= 2
pay:
  奖金: total / 3
  累计: sum_last(奖金, 3) + sum_last(件数, 2) + sum_last(业绩.points, 2) + sum_last(考核, 2) + sum_last(件, 2)
`

var recentMonths = map[string][][]string{
	"2026-01": {{"工号", "组", "得分", "件数"}, {"A", " 甲", "90", "1"}, {"B", "乙", "30", "2.50"}, {"C", "甲", "20", "7"}, {"D ", "乙", "61", "0"}},
	"2026-02": {{"工号", "组", "得分", "件数"}, {"A", "甲", "95", "1"}, {"B", "乙", "32.5", "4"}, {"D", "甲", "40", "1"}},
	"2026-03": {{"工号", "组", "得分", "件数"}, {"A", "甲", "99", "3"}, {"B", "乙", "30", "1"}, {"C", "甲", "15", "2"}, {"D", "甲", "70", "5"}},
}

func compileRules(t *testing.T, file, src string) *scoring.Scorer {
	t.Helper()
	set, err := rules.Parse(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestRecentSameAsFiles scores three months twice: once reading each
// month's history from the files written before it, once handing each
// month the results of the months before as Summary.Past recorded them.
// The outputs are the same, byte for byte, in both formats that serve as
// history, and what was recorded is what reading the file gives.
func TestRecentSameAsFiles(t *testing.T) {
	srcs := map[string]string{"recent": recentRules}
	if src, err := os.ReadFile("../examples/ecommerce-cs/rules.yaml"); err == nil {
		srcs["ecommerce-cs"] = string(src)
	} else {
		t.Fatal(err)
	}
	for name, src := range srcs {
		for _, format := range []string{"xlsx", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				sc := compileRules(t, "rules.yaml", src)
				in := t.TempDir()
				var inputs []string
				if name == "recent" {
					for _, m := range []string{"2026-01", "2026-02", "2026-03"} {
						p := filepath.Join(in, m+".xlsx")
						if err := workbook.WriteTable(p, "Sheet1", recentMonths[m]); err != nil {
							t.Fatal(err)
						}
						inputs = append(inputs, p)
					}
				} else {
					inputs, _ = filepath.Glob("../examples/ecommerce-cs/months/*.xlsx")
					if len(inputs) != 3 {
						t.Fatalf("examples/ecommerce-cs/months: %d workbooks, want 3", len(inputs))
					}
				}
				// Both runs write to the same file, one after the other, so
				// that the history files their audits record are the same:
				// the run with the history in memory goes second, and the
				// next month's run from the files reads what it wrote.
				dir := t.TempDir()
				recent := map[string]scoring.PastPeriod{}
				for _, input := range inputs {
					base := strings.TrimSuffix(filepath.Base(input), ".xlsx") + ".scored." + format
					opts := Options{Input: input, Scorer: sc, RulesFile: "rules.yaml", Format: format,
						Version: "test", Now: func() time.Time { return time.Unix(0, 0) }}
					a := opts
					a.Output, a.History = filepath.Join(dir, base), []string{dir}
					sumA, err := Score(a)
					if err != nil {
						t.Fatal(err)
					}
					want, _ := os.ReadFile(a.Output)
					f, err := readPast(a.Output, sc)
					if err != nil {
						t.Fatal(err)
					}
					b := opts
					b.Output, b.History, b.Recent, b.Record = a.Output, []string{dir}, recent, true
					sumB, err := Score(b)
					if err != nil {
						t.Fatal(err)
					}
					if sumA.History != sumB.History {
						t.Errorf("%s: %d earlier periods from the files, %d in memory", base, sumA.History, sumB.History)
					}
					got, _ := os.ReadFile(b.Output)
					if !bytes.Equal(got, want) {
						t.Errorf("%s: the output scored with the history in memory differs from the one scored from the files", base)
					}
					if sumB.Past == nil {
						t.Fatalf("%s: no Past recorded", base)
					}
					if sumB.Past.Label != sumB.Period || sumB.Past.Source != b.Output {
						t.Errorf("%s: Past is %s from %s", base, sumB.Past.Label, sumB.Past.Source)
					}
					rec, file := sumB.Past.Figures, f.figures
					if rec.Rows() != file.Rows() || rec.Width() != file.Width() {
						t.Fatalf("%s: recorded %d rows of %d, the file gives %d of %d", base, rec.Rows(), rec.Width(), file.Rows(), file.Width())
					}
					for i := 0; i < file.Rows(); i++ {
						if rec.Key(i) != file.Key(i) {
							t.Errorf("%s: row %d: recorded key %q, the file gives %q", base, i+1, rec.Key(i), file.Key(i))
						}
						for j := 0; j < file.Width(); j++ {
							if g, w := rec.At(i, j), file.At(i, j); !reflect.DeepEqual(g, w) {
								t.Errorf("%s: row %d, %s: recorded %#v, the file gives %#v", base, i+1, sc.Rules().HistoryNames()[j], g, w)
							}
						}
					}
					recent[sumB.Past.Label] = *sumB.Past
				}
				if len(recent) != 3 {
					t.Errorf("%d periods recorded, want 3", len(recent))
				}
			})
		}
	}
}

// A period held in memory is not read from its file again: with the
// file spoilt, the next month still scores from the copy in memory, and
// without that copy the spoilt file is an error.
func TestRecentNotReadAgain(t *testing.T) {
	sc := compileRules(t, "rules.yaml", recentRules)
	dir := t.TempDir()
	for _, m := range []string{"2026-01", "2026-02"} {
		if err := workbook.WriteTable(filepath.Join(dir, m+".xlsx"), "Sheet1", recentMonths[m]); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := Options{Scorer: sc, RulesFile: "rules.yaml", Format: "xlsx", History: []string{out}, Record: true}
	jan := opts
	jan.Input, jan.Output = filepath.Join(dir, "2026-01.xlsx"), filepath.Join(out, "2026-01.scored.xlsx")
	sum, err := Score(jan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jan.Output, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	feb := opts
	feb.Input, feb.Output = filepath.Join(dir, "2026-02.xlsx"), filepath.Join(out, "2026-02.scored.xlsx")
	feb.Recent = map[string]scoring.PastPeriod{"2026-01": *sum.Past}
	if sum, err := Score(feb); err != nil || sum.History != 1 {
		t.Fatalf("with January in memory: %d earlier periods, %v", sum.History, err)
	}
	feb.Recent = nil
	if _, err := Score(feb); err == nil || !strings.Contains(err.Error(), "2026-01.scored.xlsx: is a text file") {
		t.Fatalf("without January in memory: %v, want the spoilt file named", err)
	}
}

// The pay lines are added up as the results show them, to the cent:
// 奖金 = total / 3 is 30, 10 and 6.67 (20 / 3 = 6.666..., rounded
// half-up) for A 90, B 30 and C 20, and D 61 / 3 = 20.333... is 20.33:
// 30 + 10 + 6.67 + 20.33 = 67.
func TestPayTotals(t *testing.T) {
	sc := compileRules(t, "rules.yaml", recentRules)
	dir := t.TempDir()
	in := filepath.Join(dir, "2026-01.xlsx")
	if err := workbook.WriteTable(in, "Sheet1", recentMonths["2026-01"]); err != nil {
		t.Fatal(err)
	}
	sum, err := Score(Options{Input: in, Scorer: sc, RulesFile: "rules.yaml", Format: "json", Output: filepath.Join(dir, "out.json"), History: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Pay) != 2 || sum.Pay[0].Name != "奖金" || sum.Pay[0].Total.String() != "67.00" || sum.Pay[0].Missing != 0 {
		t.Errorf("pay totals %+v, want 奖金 67.00", sum.Pay)
	}
}

// PeriodOf finds the period as Score does, from the file name or from a
// cell, without scoring.
func TestPeriodOf(t *testing.T) {
	sc := compileRules(t, "rules.yaml", recentRules)
	p, err := PeriodOf(Options{Input: "no/such/folder/客服-2026-03.xlsx", Scorer: sc})
	if err != nil || p.String() != "2026-03" {
		t.Errorf("from the name: %v, %v", p, err)
	}
	_, err = PeriodOf(Options{Input: "march.xlsx", Scorer: sc})
	if err == nil || err.Error() != `march.xlsx: no month in the file name, "march.xlsx": period_from "{yyyy}-{mm}" does not match; give it with --period 2026-03` {
		t.Errorf("no period: %v", err)
	}
	cell := compileRules(t, "rules.yaml", strings.Replace(recentRules, `period_from: "{yyyy}-{mm}"`, `period_from: {cell: A1}`, 1))
	in := filepath.Join(t.TempDir(), "march.xlsx")
	rows := append([][]string{{"考核表 2026年3月"}}, recentMonths["2026-03"]...)
	if err := workbook.WriteTable(in, "考核", rows); err != nil {
		t.Fatal(err)
	}
	if p, err := PeriodOf(Options{Input: in, Scorer: cell}); err != nil || p.String() != "2026-03" {
		t.Errorf("from A1: %v, %v", p, err)
	}
}
