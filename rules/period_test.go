package rules_test

import (
	"testing"

	"appraise/rules"
)

func TestParsePeriodFrom(t *testing.T) {
	src := "period: month\nperiod_from: \"客服{yyyy}年{m}月\"\ncolumns:\n  a: {}\n"
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	m := s.PeriodFrom.Match.FindStringSubmatch("客服2026年3月.xlsx")
	if m == nil || m[1] != "2026" || m[2] != "3" {
		t.Errorf("pattern %s on 客服2026年3月.xlsx: %q", s.PeriodFrom.Match, m)
	}
	src = "period: month\nperiod_from: {cell: 说明!B2}\ncolumns:\n  a: {}\n"
	if s, err = rules.Parse("rules.yaml", []byte(src)); err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	if pf := s.PeriodFrom; pf.Sheet != "说明" || pf.Cell != "B2" || pf.Match != nil {
		t.Errorf("cell: got %+v", pf)
	}
}

func TestParsePeriodFromErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown token", "period: month\nperiod_from: \"{yyyy}-{month}\"\n",
			"rules.yaml:2:14: period_from: unknown token {month}\n    hint: the tokens are {yyyy}, {mm} or {m} (month), {q} (quarter), {ww} (ISO week), {dd} or {d} (day)"},
		{"month twice", "period: month\nperiod_from: \"{yyyy}-{mm}-{m}\"\n",
			`rules.yaml:2:14: period_from: "{yyyy}-{mm}-{m}" gives the month twice`},
		{"no month", "period: month\nperiod_from: \"{yyyy}\"\n",
			`rules.yaml:2:14: period_from: "{yyyy}" does not say the month of a month period`},
		{"quarter in a month", "period: month\nperiod_from: \"{yyyy}-{mm}-{q}\"\n",
			`rules.yaml:2:14: period_from: "{yyyy}-{mm}-{q}" gives a quarter, which a month period does not have`},
		{"no kind", "period: 月度\nperiod_from: \"{yyyy}-{mm}\"\n",
			`rules.yaml:2:14: period_from needs period: to be month, quarter, year, week or cycle, not "月度"`},
		{"bad cell", "period: month\nperiod_from: {cell: 第一行}\n",
			`rules.yaml:2:21: period_from: cell "第一行" is not a cell such as A1 or 说明!B2`},
		{"cycle start", "period: cycle\ncycle_start: 31\n",
			"rules.yaml:2:14: cycle_start is the day of the month a cycle starts on, a whole number from 1 to 28, not 31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("rules.yaml", []byte(tt.src+"columns:\n  a: {}\n"))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
