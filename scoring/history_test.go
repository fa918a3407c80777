package scoring_test

import (
	"strings"
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

// historyRules look back over earlier months (SCHEMES.md §1 and §11):
// 淘汰 when the total is below 35 two months running, 可解聘 when it was
// below 60 in at least two of the last three months, and 累计 adds the
// totals of the year so far.
const historyRules = `columns:
  工号: {type: text, key: true}
  得分: {}
metrics:
  业绩: {points: 得分}
flags:
  淘汰: consecutive(total < 35) >= 2
  可解聘: count_last(total < 60, 3) >= 2
pay:
  累计: sum_year(total)
`

func past(label string, rows map[string]string) scoring.PastPeriod {
	p := scoring.PastPeriod{Label: label, InYear: true, Source: label + ".scored.xlsx", Figures: scoring.NewFigures(1)}
	for k, v := range rows {
		p.Figures.AddRow(k, []scoring.Value{scoring.Num(decimal.MustParse(v))})
	}
	return p
}

func TestHistory(t *testing.T) {
	s := compile(t, historyRules)
	if got := strings.Join(s.Rules().HistoryNames(), ","); got != "total" {
		t.Fatalf("HistoryNames: %s, want total", got)
	}
	// March is scored; the history holds February and January, and not
	// December.
	h := &scoring.History{
		Periods: []scoring.PastPeriod{
			past("2026-02", map[string]string{"A": "20", "C": "30"}),
			past("2026-01", map[string]string{"A": "50", "B": "10", "C": "30"}),
		},
		Lacks: "2025-12", YearBefore: 2,
	}
	p, err := s.Past(h)
	if err != nil {
		t.Fatal(err)
	}
	r := s.NewResult()
	r.UsePast(p)
	tests := []struct {
		key, score string
		flags      string // 淘汰, 可解聘
		sum        string
		note       string
		trace      string // of consecutive(total < 35): this period, then back
	}{
		// A: 30 < 35 in March and 20 in February; 50 in January stops the
		// run: 2 >= 2. Below 60 in all three: 3 >= 2. 30 + 20 + 50 = 100.
		{"A", "30", "yes,yes", "100", "",
			"this period: held (total 30) | 2026-02: held (total 20) | 2026-01: total < 35 did not hold (total 50): the run stops | consecutive(total < 35) = 2"},
		// B is not in February: the run is March alone, 1. Below 60 in
		// March and January (absent in February): 2 >= 2. 30 + 10 = 40.
		{"B", "30", "no,yes", "40", "",
			"this period: held (total 30) | 2026-02: not in the results: the run stops | consecutive(total < 35) = 1"},
		// C: below 35 in all three months, as far back as the history
		// goes: 3, and a note says the history ends there. 30 x 3 = 90.
		{"C", "30", "yes,yes", "90",
			"consecutive(total < 35) is 3: the history goes back 2 earlier periods, to 2026-01; it has no 2025-12",
			"this period: held (total 30) | 2026-02: held (total 30) | 2026-01: held (total 30) | the history goes back 2 earlier periods, to 2026-01; it has no 2025-12 | consecutive(total < 35) = 3"},
		// D is new: 80 is not below 35 or 60; the year is March alone. The
		// run stops at March, so the trace does not go back.
		{"D", "80", "no,no", "80", "", "this period: total < 35 did not hold (total 80): the run stops | consecutive(total < 35) = 0"},
	}
	for _, tt := range tests {
		s.Score(bind(t, s, tt.key, tt.score), r)
		got := r.Flag(0).String() + "," + r.Flag(1).String()
		if got != tt.flags {
			t.Errorf("%s: flags %s, want %s", tt.key, got, tt.flags)
		}
		if got := r.Pay(0).String(); got != tt.sum {
			t.Errorf("%s: 累计 %s, want %s", tt.key, got, tt.sum)
		}
		if got := strings.Join(r.Notes(), "; "); got != tt.note {
			t.Errorf("%s: notes %q, want %q", tt.key, got, tt.note)
		}
		if got := strings.Join(r.HistoryTrace(0), " | "); got != tt.trace {
			t.Errorf("%s: trace\n%s\nwant\n%s", tt.key, got, tt.trace)
		}
	}
	// A's year: March 30, February 20, January 50.
	want := "this period: 30 (total 30) | 2026-02: 20 (total 20) | 2026-01: 50 (total 50) | sum_year(total) = 100"
	s.Score(bind(t, s, "A", "30"), r)
	if got := strings.Join(r.HistoryTrace(2), " | "); got != want {
		t.Errorf("A: trace of sum_year\n%s\nwant\n%s", got, want)
	}
}

// A history too short to decide leaves the figures that need it without a
// value, and so the flag undecided, with a note that says how far the
// history goes.
func TestHistoryTooShort(t *testing.T) {
	s := compile(t, historyRules)
	h := &scoring.History{
		Periods: []scoring.PastPeriod{past("2026-02", map[string]string{"A": "20"})},
		Lacks:   "2026-01", YearBefore: 2,
	}
	p, err := s.Past(h)
	if err != nil {
		t.Fatal(err)
	}
	r := s.NewResult()
	r.UsePast(p)
	s.Score(bind(t, s, "A", "30"), r)
	// 淘汰 is decided: 30 and 20 are below 35, 2 in a row. 可解聘 needs
	// the last three months and 累计 the whole year: January is lacking.
	if got := r.Flag(0).String(); got != "yes" {
		t.Errorf("淘汰: %s, want yes", got)
	}
	want := "可解聘: not decided: count_last(total < 60, 3) needs 2 earlier periods; the history goes back 1 earlier period, to 2026-02; it has no 2026-01" +
		"; consecutive(total < 35) is 2: the history goes back 1 earlier period, to 2026-02; it has no 2026-01" +
		"; 累计: sum_year(total) needs 2 earlier periods; the history goes back 1 earlier period, to 2026-02; it has no 2026-01"
	if got := strings.Join(r.Notes(), "; "); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
	if r.Complete() {
		t.Error("Complete: true, with two figures undecided")
	}
	// The trace of the year's sum says what this period gives and why
	// the sum has none.
	want = "this period: 30 (total 30) | no value: sum_year(total) needs 2 earlier periods; the history goes back 1 earlier period, to 2026-02; it has no 2026-01"
	if got := strings.Join(r.HistoryTrace(2), " | "); got != want {
		t.Errorf("trace of sum_year\n%s\nwant\n%s", got, want)
	}
}

// TestNormalKey folds what people type differently into one key: spaces
// around it, full-width letters and digits, and the full-width space.
func TestNormalKey(t *testing.T) {
	for in, want := range map[string]string{
		"A001":       "A001",
		"  A001 \t":  "A001",
		"Ａ００１":       "A001",
		"\u3000A001": "A001",
		"张三 ":        "张三",
		"":           "",
	} {
		if got := scoring.NormalKey(in); got != want {
			t.Errorf("NormalKey(%q) = %q, want %q", in, got, want)
		}
	}
}
