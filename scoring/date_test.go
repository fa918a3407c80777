package scoring_test

import (
	"testing"
	"time"

	"appraise/scoring"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestParseDate: the forms Chinese workbooks write dates in, and text
// that only looks like a date.
func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2025-03-01":     "2025-03-01",
		"2025/3/1":       "2025-03-01",
		"2025.3.1":       "2025-03-01",
		"2025年3月1日":      "2025-03-01",
		"2025年03月01日":    "2025-03-01",
		"20250301":       "2025-03-01",
		" 2024-2-29 ":    "2024-02-29", // a leap day
		"２０２５／３／１":       "2025-03-01", // full-width
		"2025 年 3 月 1 日": "2025-03-01",
		"1900-01-01":     "1900-01-01",
	}
	for in, want := range good {
		v, err := scoring.ParseDate(in)
		if err != nil || v.Kind != scoring.Date || v.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, v, err, want)
		}
	}
	for _, in := range []string{
		"", "2025-13-01", "2025-02-29", "2025-04-31", "2025-00-10", "2025-1-0",
		"25-03-01", "2025-03", "2025/03-01", "2025-03-01-02", "20251301", "2025030",
		"2025年3月", "3月1日", "2025-03-01 09:30", "45717", "1899-12-31", "abc", "2025-+3-01",
	} {
		if v, err := scoring.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, v)
		}
	}
}

// TestMonthsBetween: whole calendar months, a month being whole when the
// day of the month is reached again.
func TestMonthsBetween(t *testing.T) {
	tests := []struct {
		a, b   string
		months int
	}{
		{"2025-01-31", "2025-02-28", 0}, // the 31st is not reached in February
		{"2025-01-31", "2025-03-01", 1}, // March 1st is past January 31st by one whole month
		{"2025-01-31", "2025-03-31", 2},
		{"2024-11-28", "2025-02-28", 3},  // Nov 28 -> Feb 28: 3 months exactly
		{"2024-11-29", "2025-02-28", 2},  // one day short of 3
		{"2024-11-30", "2025-02-28", 2},  // both month ends: the 30th is not reached
		{"2024-02-29", "2025-02-28", 11}, // a leap day: 12 months only on 2025-03-01
		{"2024-02-29", "2025-03-01", 12},
		{"2025-03-01", "2025-03-01", 0},
		{"2025-03-01", "2025-01-31", -1}, // backwards: as far as forwards, negative
	}
	for _, tt := range tests {
		if got := scoring.MonthsBetween(day(tt.a), day(tt.b)); got != tt.months {
			t.Errorf("MonthsBetween(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.months)
		}
	}
}

// TestDateFormulas scores the date functions and period_start and
// period_end over one row.
func TestDateFormulas(t *testing.T) {
	s := compile(t, `columns:
  入职日期: {type: date}
  转正日期: {type: date, blank: none}
metrics:
  月数: months_between(入职日期, period_end)
  年数: years_between(入职日期, period_end)
  天数: days_between(入职日期, period_end)
  本期天数: days_between(period_start, period_end) + 1
  转正月数: months_between(转正日期, period_end)
  起: period_end
  本期在职天数: days_between(max(入职日期, period_start), period_end) + 1
flags:
  本期入职: 入职日期 >= period_start
  满一年: years_between(入职日期, period_end) >= 1
`)
	p, err := scoring.ParsePeriod("2025-02")
	if err != nil {
		t.Fatal(err)
	}
	bind := func(col int, raw string) scoring.Value {
		v, err := s.Bind(col, raw)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		入职, 转正 string
		want   map[string]string
		flags  [2]string
	}{
		// 2024-02-28 -> 2025-02-28: 12 months, 1 year; 366 days (2024
		// is a leap year: 29 Feb 2024 lies between). February 2025 has 28
		// days. 转正 blank: no value.
		// Joined before the month: all of its 28 days.
		{"2024-02-28", "", map[string]string{"月数": "12", "年数": "1", "天数": "366", "本期天数": "28", "转正月数": "missing: 转正日期 is blank", "起": "2025-02-28", "本期在职天数": "28"}, [2]string{"no", "yes"}},
		// 2024-02-29 -> 2025-02-28: 11 months (the 29th is not reached),
		// 0 years; 365 days. 转正 2024年12月1日 -> 2 months (Dec 1 -> Feb 1).
		{"2024/2/29", "2024年12月1日", map[string]string{"月数": "11", "年数": "0", "天数": "365", "转正月数": "2"}, [2]string{"no", "no"}},
		// 2025-02-01 is the period's first day: joined in it; 27 days to the 28th.
		{"20250201", "20250201", map[string]string{"月数": "0", "天数": "27", "转正月数": "0", "本期在职天数": "28"}, [2]string{"yes", "no"}},
		// Joined 2025-02-20: max(2025-02-20, 2025-02-01) is the 20th; 8 + 1
		// = 9 days of the month (20th to 28th).
		{"2025年2月20日", "", map[string]string{"月数": "0", "天数": "8", "本期在职天数": "9"}, [2]string{"yes", "no"}},
	}
	for _, tt := range tests {
		r := s.NewResult()
		r.UsePeriod(p, time.Time{})
		s.Score([]scoring.Value{bind(0, tt.入职), bind(1, tt.转正)}, r)
		for name, want := range tt.want {
			if got := show(r.Metric(metricIndex(t, s, name)).Value); got != want {
				t.Errorf("入职 %s: %s = %s, want %s", tt.入职, name, got, want)
			}
		}
		for i, want := range tt.flags {
			if got := show(r.Flag(i)); got != want {
				t.Errorf("入职 %s: flag %d = %s, want %s", tt.入职, i, got, want)
			}
		}
	}

	// Without a period, period_start and period_end are today.
	r := s.NewResult()
	r.UsePeriod(scoring.Period{}, day("2026-12-07"))
	s.Score([]scoring.Value{bind(0, "2026-12-01"), bind(1, "")}, r)
	if got := show(r.Metric(metricIndex(t, s, "天数")).Value); got != "6" {
		t.Errorf("no period: 天数 = %s, want 6 (2026-12-01 to today, 2026-12-07)", got)
	}
	if got := show(r.Metric(metricIndex(t, s, "本期天数")).Value); got != "1" {
		t.Errorf("no period: 本期天数 = %s, want 1", got)
	}
}

// TestBindDate: what a date column takes from a cell.
func TestBindDate(t *testing.T) {
	s := compile(t, "columns:\n  入职日期: {type: date}\n")
	tests := []struct {
		raw   string
		kind  scoring.CellKind
		shown string
		want  string
		err   string
	}{
		{"45717", scoring.DateCell, "2025-03-01", "2025-03-01", ""},
		{"45717.5", scoring.DateCell, "2025-03-01 12:00", "2025-03-01", ""}, // a date and time is its day
		{"0.5", scoring.DateCell, "12:00:00", "", "入职日期 holds a time (12:00:00), not a date"},
		{"2025年3月1日", scoring.PlainCell, "", "2025-03-01", ""},
		{"20250301", scoring.PlainCell, "", "2025-03-01", ""}, // typed as a number
		{"45717", scoring.PlainCell, "", "", `入职日期 is not a date: "45717"`},
		{"2025-13-01", scoring.PlainCell, "", "", `入职日期 is not a date: "2025-13-01"`},
		{"", scoring.PlainCell, "", "", "入职日期 is blank: a date is needed"},
		{"#VALUE!", scoring.ErrorCell, "", "", "入职日期 is an Excel error, #VALUE!, not a date"},
		{"1", scoring.BoolCell, "", "", "入职日期 is a logical value, TRUE, not a date"},
	}
	for _, tt := range tests {
		v, err := s.BindCell(0, tt.raw, tt.kind, tt.shown)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("BindCell(%q, %d) = %s, %v; want error %q", tt.raw, tt.kind, show(v), err, tt.err)
			}
		case err != nil:
			t.Errorf("BindCell(%q, %d): %v", tt.raw, tt.kind, err)
		case v.Kind != scoring.Date || v.String() != tt.want:
			t.Errorf("BindCell(%q, %d) = %s, want the date %s", tt.raw, tt.kind, show(v), tt.want)
		}
	}
}

// FuzzParseDate: any text either is no date or reads as a date that
// reads back the same when written out.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-01", "2025/3/1", "2025年3月1日", "20250301", "2024-02-29", "2025-13-01", "２０２５／３／１", "9999-12-31", "2025年3月1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := scoring.ParseDate(s)
		if err != nil {
			return
		}
		if v.Kind != scoring.Date {
			t.Fatalf("ParseDate(%q) gave a %v", s, v.Kind)
		}
		back, err := scoring.ParseDate(v.String())
		if err != nil || back != v {
			t.Fatalf("ParseDate(%q) = %s, which reads back as %v, %v", s, v, back, err)
		}
		if y := v.Time().Year(); y < 1900 || y > 9999 {
			t.Fatalf("ParseDate(%q) = %s, out of range", s, v)
		}
	})
}
