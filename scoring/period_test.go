package scoring_test

import (
	"strings"
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

func TestPeriods(t *testing.T) {
	tests := []struct {
		in, prev, next, start, end string
		year, quarter              int
	}{
		// A month; January's previous month is last year's December.
		{"2026-03", "2026-02", "2026-04", "2026-03-01", "2026-03-31", 2026, 1},
		{"2026-01", "2025-12", "2026-02", "2026-01-01", "2026-01-31", 2026, 1},
		{"2024-02", "2024-01", "2024-03", "2024-02-01", "2024-02-29", 2024, 1}, // a leap year
		{"2026-Q1", "2025-Q4", "2026-Q2", "2026-01-01", "2026-03-31", 2026, 1},
		{"2026-Q4", "2026-Q3", "2027-Q1", "2026-10-01", "2026-12-31", 2026, 4},
		{"2026", "2025", "2027", "2026-01-01", "2026-12-31", 2026, 1},
		// ISO weeks: 2026-01-01 is a Thursday, so week 1 starts on Monday
		// 2025-12-29; 2026 has 53 weeks (it starts on a Thursday).
		{"2026-W01", "2025-W52", "2026-W02", "2025-12-29", "2026-01-04", 2026, 1},
		{"2026-W53", "2026-W52", "2027-W01", "2026-12-28", "2027-01-03", 2026, 4},
		{"2026-W15", "2026-W14", "2026-W16", "2026-04-06", "2026-04-12", 2026, 2},
		// A cycle from the 26th to the 25th.
		{"2026-03-26", "2026-02-26", "2026-04-26", "2026-03-26", "2026-04-25", 2026, 1},
		{"2025-12-26", "2025-11-26", "2026-01-26", "2025-12-26", "2026-01-25", 2025, 4},
	}
	for _, tt := range tests {
		p, err := scoring.ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		got := []string{p.String(), p.Prev().String(), p.Next().String(), p.Start().Format("2006-01-02"), p.End().Format("2006-01-02")}
		want := []string{tt.in, tt.prev, tt.next, tt.start, tt.end}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: string, prev, next, start, end = %q, want %q", tt.in, got, want)
				break
			}
		}
		if p.Year() != tt.year || p.Quarter() != tt.quarter {
			t.Errorf("%s: year %d quarter %d, want %d %d", tt.in, p.Year(), p.Quarter(), tt.year, tt.quarter)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for in, want := range map[string]string{
		"2026-13":    `"2026-13" is not a period: write 2026-03 (a month), 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26`,
		"2026-3":     `"2026-3" is not a period: write 2026-03 (a month), 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26`,
		"2026-Q5":    `"2026-Q5" is not a period: write 2026-03 (a month), 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26`,
		"2025-W53":   `"2025-W53" is not a period: 2025 has no week 53`,
		"2026-02-30": `"2026-02-30" is not a period: 2026-02 has no day 30`,
		"三月":         `"三月" is not a period: write 2026-03 (a month), 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26`,
	} {
		if _, err := scoring.ParsePeriod(in); err == nil || err.Error() != want {
			t.Errorf("ParsePeriod(%q): %v, want %s", in, err, want)
		}
	}
}

// A week counts in the year and quarter of its Thursday.
func TestPeriodSameYear(t *testing.T) {
	w1, _ := scoring.ParsePeriod("2026-W01")
	w52, _ := scoring.ParsePeriod("2025-W52")
	mar, _ := scoring.ParsePeriod("2026-03")
	jan, _ := scoring.ParsePeriod("2026-01")
	apr, _ := scoring.ParsePeriod("2026-04")
	if w1.SameYear(w52) || !mar.SameQuarter(jan) || mar.SameQuarter(apr) || !mar.SameYear(apr) {
		t.Error("SameYear/SameQuarter wrong")
	}
}

func TestFindPeriod(t *testing.T) {
	tests := []struct {
		text string
		kind scoring.PeriodKind
		want string // "" when none is found
	}{
		{"客服部客服指标绩效考核表 2026年3月", scoring.Month, "2026-03"},
		{"２０２６年１２月考核", scoring.Month, "2026-12"},
		{"march-2026-03.xlsx", scoring.Month, "2026-03"},
		{"2026年13月", scoring.Month, ""},
		{"部门绩效考核表 2026年第1季度", scoring.Quarter, "2026-Q1"},
		{"森泰公司 2026年第一季度", scoring.Quarter, "2026-Q1"},
		{"2026-Q4.xlsx", scoring.Quarter, "2026-Q4"},
		{"大客户服务部客户名单 2026年", scoring.Year, "2026"},
		{"week 2026-W15", scoring.Week, "2026-W15"},
		// A cycle from the 26th: the 26th starts one, the 25th ends the
		// one before.
		{"客服部组员绩效 2026-03-26 至 2026-04-25", scoring.Cycle, "2026-03-26"},
		{"2026年4月25日", scoring.Cycle, "2026-03-26"},
		{"no period here", scoring.Month, ""},
	}
	for _, tt := range tests {
		p, ok := scoring.FindPeriod(tt.text, tt.kind, 26, nil)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tt.want {
			t.Errorf("FindPeriod(%q, %s): %q, want %q", tt.text, tt.kind, got, tt.want)
		}
	}
}

func TestPeriodParts(t *testing.T) {
	tests := []struct {
		p    string
		k    scoring.PeriodKind
		want string
	}{
		{"2026-Q1", scoring.Month, "2026-01 2026-02 2026-03"},
		{"2026-Q4", scoring.Month, "2026-10 2026-11 2026-12"},
		{"2026", scoring.Month, "2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12"},
		// 2026-01-01 is a Thursday, so W01 (Mon 2025-12-29) counts in
		// January; January's last Thursday is the 29th, in W05 (Mon
		// 26th), and W06's Thursday is 5 February.
		{"2026-01", scoring.Week, "2026-W01 2026-W02 2026-W03 2026-W04 2026-W05"},
		// March 2026: the 1st is a Sunday, the first Thursday the 5th
		// (W10, Mon 2nd); the last Thursday is the 26th (W13).
		{"2026-03", scoring.Week, "2026-W10 2026-W11 2026-W12 2026-W13"},
		{"2026-03", scoring.Month, ""},
		{"2026-Q1", scoring.Quarter, ""},
	}
	for _, tt := range tests {
		p, err := scoring.ParsePeriod(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range p.Parts(tt.k) {
			got = append(got, q.String())
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s.Parts(%s) = %q, want %q", tt.p, tt.k, s, tt.want)
		}
	}
}

func TestCombine(t *testing.T) {
	month := func(s string) scoring.Period {
		p, err := scoring.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	num := func(s string) scoring.Value { return scoring.Num(decimal.MustParse(s)) }
	// Four months: 40, 38, none, 37 (a person away in March).
	parts := []scoring.Part{
		{Period: month("2026-01"), Value: num("40")},
		{Period: month("2026-02"), Value: num("38")},
		{Period: month("2026-03")},
		{Period: month("2026-04"), Value: num("37")},
	}
	tests := []struct{ way, value, how string }{
		// 40 + 38 + 37 = 115
		{"sum", "115", "40 + 38 + 37 (2026-01, 2026-02, 2026-04; none in 2026-03)"},
		// 115 / 3 = 38.333..., kept to 15 significant digits
		{"mean", "38.3333333333333", "(40 + 38 + 37) / 3 (2026-01, 2026-02, 2026-04; none in 2026-03)"},
		{"last", "37", "37, of 2026-04 (none in 2026-03)"},
		{"first", "40", "40, of 2026-01 (none in 2026-03)"},
		{"max", "40", "the largest of 40, 38, 37 (2026-01, 2026-02, 2026-04; none in 2026-03)"},
		{"min", "37", "the smallest of 40, 38, 37 (2026-01, 2026-02, 2026-04; none in 2026-03)"},
	}
	for _, tt := range tests {
		v, how := scoring.Combine(tt.way, parts)
		if v.String() != tt.value || how != tt.how {
			t.Errorf("%s: got %s, %q; want %s, %q", tt.way, v, how, tt.value, tt.how)
		}
	}
	v, _ := scoring.Combine("sum", parts[2:3])
	if v.Kind != scoring.Missing || v.Str != "no value in 2026-03" {
		t.Errorf("sum of no value: got %+v", v)
	}
	// A run of three or more months is written as its first and last.
	var year []scoring.Period
	for p := month("2026-01"); p.Year() == 2026; p = p.Next() {
		if p.String() != "2026-06" {
			year = append(year, p)
		}
	}
	if got, want := scoring.Spans(year), "2026-01 to 2026-05, 2026-07 to 2026-12"; got != want {
		t.Errorf("Spans: got %q, want %q", got, want)
	}
	if got, want := scoring.Spans(year[3:6]), "2026-04, 2026-05, 2026-07"; got != want {
		t.Errorf("Spans: got %q, want %q", got, want)
	}
}
