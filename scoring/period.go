package scoring

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// PeriodKind is the length of an appraisal period.
type PeriodKind uint8

// The kinds of period. A cycle runs from a day of one month to the day
// before it in the next, as a pay period from the 26th to the 25th.
const (
	Month PeriodKind = iota + 1
	Quarter
	Year
	Week
	Cycle
)

var kindNames = map[string]PeriodKind{"month": Month, "quarter": Quarter, "year": Year, "week": Week, "cycle": Cycle}

// ParseKind reads a rule file's period: month, quarter, year, week or
// cycle; any other text is no kind (0), and false.
func ParseKind(s string) (PeriodKind, bool) {
	k, ok := kindNames[strings.TrimSpace(s)]
	return k, ok
}

func (k PeriodKind) String() string {
	for n, x := range kindNames {
		if x == k {
			return n
		}
	}
	return "period"
}

// Period is one appraisal period: a month (2026-03), a quarter (2026-Q1),
// a year (2026), an ISO week (2026-W15) or a cycle that starts on a given
// day (2026-03-26).
type Period struct {
	Kind  PeriodKind
	start time.Time // the first day, at UTC midnight
}

// ParsePeriod reads a period as it is written: 2026-03, 2026-Q1, 2026,
// 2026-W15, or a cycle's first day 2026-03-26.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a period: write 2026-03 (a month), 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26", s)
	num := func(x string, lo, hi int) (int, bool) {
		n, err := strconv.Atoi(x)
		return n, err == nil && n >= lo && n <= hi && len(x) > 0 && x[0] != '+' && x[0] != '-'
	}
	parts := strings.Split(t, "-")
	y, ok := num(parts[0], 1000, 9999)
	if !ok || len(parts[0]) != 4 {
		return Period{}, bad
	}
	switch {
	case len(parts) == 1:
		return Period{Year, date(y, 1, 1)}, nil
	case len(parts) == 2 && strings.HasPrefix(parts[1], "Q"):
		q, ok := num(parts[1][1:], 1, 4)
		if !ok || len(parts[1]) != 2 {
			return Period{}, bad
		}
		return Period{Quarter, date(y, time.Month(3*q-2), 1)}, nil
	case len(parts) == 2 && strings.HasPrefix(parts[1], "W"):
		w, ok := num(parts[1][1:], 1, 53)
		if !ok || len(parts[1]) != 3 {
			return Period{}, bad
		}
		p := Period{Week, isoWeekStart(y, w)}
		if p.String() != t {
			return Period{}, fmt.Errorf("%q is not a period: %d has no week %d", s, y, w)
		}
		return p, nil
	case len(parts) == 2:
		m, ok := num(parts[1], 1, 12)
		if !ok || len(parts[1]) != 2 {
			return Period{}, bad
		}
		return Period{Month, date(y, time.Month(m), 1)}, nil
	case len(parts) == 3:
		m, ok1 := num(parts[1], 1, 12)
		d, ok2 := num(parts[2], 1, 31)
		if !ok1 || !ok2 || len(parts[1]) != 2 || len(parts[2]) != 2 {
			return Period{}, bad
		}
		start := date(y, time.Month(m), d)
		if start.Day() != d {
			return Period{}, fmt.Errorf("%q is not a period: %d-%02d has no day %d", s, y, m, d)
		}
		return Period{Cycle, start}, nil
	}
	return Period{}, bad
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// isoWeekStart is the Monday of ISO week w of year y: week 1 holds the
// year's first Thursday.
func isoWeekStart(y, w int) time.Time {
	jan4 := date(y, 1, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1))
}

// String writes p as [ParsePeriod] reads it.
func (p Period) String() string {
	s := p.start
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%04d-%02d", s.Year(), s.Month())
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", s.Year(), (int(s.Month())+2)/3)
	case Year:
		return fmt.Sprintf("%04d", s.Year())
	case Week:
		y, w := s.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Cycle:
		return s.Format("2006-01-02")
	}
	return ""
}

// IsZero reports whether p is no period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// Start is the period's first day, at UTC midnight.
func (p Period) Start() time.Time { return p.start }

// End is the period's last day, at UTC midnight.
func (p Period) End() time.Time { return p.Next().start.AddDate(0, 0, -1) }

// Next is the period just after p.
func (p Period) Next() Period { return p.shift(1) }

// Prev is the period just before p.
func (p Period) Prev() Period { return p.shift(-1) }

func (p Period) shift(n int) Period {
	s := p.start
	switch p.Kind {
	case Month, Cycle:
		// A cycle keeps its first day: 2026-01-31 is followed by a cycle
		// that AddDate would move into March; clamp it to the month's end.
		t := date(s.Year(), s.Month()+time.Month(n), 1)
		d := min(s.Day(), t.AddDate(0, 1, -1).Day())
		return Period{p.Kind, date(t.Year(), t.Month(), d)}
	case Quarter:
		return Period{p.Kind, s.AddDate(0, 3*n, 0)}
	case Year:
		return Period{p.Kind, s.AddDate(n, 0, 0)}
	case Week:
		return Period{p.Kind, s.AddDate(0, 0, 7*n)}
	}
	return p
}

// Year is the year p counts in: a week's ISO year, a cycle's by its
// first day.
func (p Period) Year() int {
	if p.Kind == Week {
		y, _ := p.start.ISOWeek()
		return y
	}
	return p.start.Year()
}

// Quarter is the quarter of its year p counts in, 1 to 4: a week's by its
// Thursday.
func (p Period) Quarter() int {
	s := p.start
	if p.Kind == Week {
		s = s.AddDate(0, 0, 3)
	}
	return (int(s.Month()) + 2) / 3
}

// SameYear reports whether q counts in p's year; SameQuarter, in its
// quarter.
func (p Period) SameYear(q Period) bool { return p.Year() == q.Year() }

// SameQuarter reports whether q counts in p's quarter of p's year.
func (p Period) SameQuarter(q Period) bool { return p.SameYear(q) && p.Quarter() == q.Quarter() }

// plainForms are the ways a period is written in a title or a cell when
// the rules give no pattern, for each kind; the first found in the text
// wins.
var plainForms = map[PeriodKind][]*regexp.Regexp{
	Month: {
		regexp.MustCompile(`(?P<yyyy>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月`),
		regexp.MustCompile(`(?P<yyyy>\d{4})[-/.](?P<m>\d{1,2})(?:[^\d]|$)`),
	},
	Quarter: {
		regexp.MustCompile(`(?P<yyyy>\d{4})\s*年\s*第?\s*(?P<q>[1-4一二三四])\s*季度?`),
		regexp.MustCompile(`(?P<yyyy>\d{4})\s*-?\s*Q(?P<q>[1-4])`),
	},
	Year:  {regexp.MustCompile(`(?P<yyyy>\d{4})\s*年?`)},
	Week:  {regexp.MustCompile(`(?P<yyyy>\d{4})-W(?P<w>\d{2})`)},
	Cycle: {regexp.MustCompile(`(?P<yyyy>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})`)},
}

// FindPeriod finds a period of the kind in text: with match (a rule
// file's pattern, compiled), where it matches; else in one of the plain
// ways a title writes it (2026年3月, 2026-03, 2026年第一季度, 2026-Q1, …).
// cycleStart is the day cycles start on. It reports false when text
// holds no such period.
func FindPeriod(text string, kind PeriodKind, cycleStart int, match *regexp.Regexp) (Period, bool) {
	text = width.Fold.String(text)
	forms := plainForms[kind]
	if match != nil {
		forms = []*regexp.Regexp{match}
	}
	for _, re := range forms {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		get := func(name string) int {
			i := re.SubexpIndex(name)
			if i < 0 {
				return 0
			}
			if n, ok := chineseDigits[m[i]]; ok {
				return n
			}
			n, _ := strconv.Atoi(m[i])
			return n
		}
		y := get("yyyy")
		switch kind {
		case Month:
			if mo := get("m"); mo >= 1 && mo <= 12 {
				return Period{Month, date(y, time.Month(mo), 1)}, true
			}
		case Quarter:
			if q := get("q"); q >= 1 && q <= 4 {
				return Period{Quarter, date(y, time.Month(3*q-2), 1)}, true
			}
		case Year:
			return Period{Year, date(y, 1, 1)}, true
		case Week:
			if w := get("w"); w >= 1 && w <= 53 {
				p := Period{Week, isoWeekStart(y, w)}
				if _, pw := p.start.ISOWeek(); pw == w {
					return p, true
				}
			}
		case Cycle:
			mo, d := get("m"), get("d")
			day := date(y, time.Month(mo), d)
			if mo < 1 || mo > 12 || day.Day() != d || cycleStart < 1 {
				continue
			}
			// The cycle that holds the day.
			start := date(y, time.Month(mo), cycleStart)
			if d < cycleStart {
				start = start.AddDate(0, -1, 0)
			}
			return Period{Cycle, start}, true
		}
	}
	return Period{}, false
}

var chineseDigits = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4}

// Parts lists, in order, the periods of kind k that make up p: the three
// months of a quarter, the twelve of a year, or the weeks of a month,
// quarter or year, a week counting in the month of its Thursday, as ISO
// weeks count in the year of theirs. It is nil when periods of kind k do
// not make up p: a month has no quarters, and months no weeks' worth.
func (p Period) Parts(k PeriodKind) []Period {
	longer := map[PeriodKind][]PeriodKind{Month: {Quarter, Year}, Week: {Month, Quarter, Year}}
	if !containsKind(longer[k], p.Kind) {
		return nil
	}
	var first Period
	switch k {
	case Month:
		first = Period{Month, p.start}
	case Week:
		// The week whose Thursday is the first Thursday on or after p's
		// first day.
		thu := p.start.AddDate(0, 0, (int(time.Thursday)-int(p.start.Weekday())+7)%7)
		first = Period{Week, thu.AddDate(0, 0, -3)}
	}
	end := p.Next().start
	var parts []Period
	for q := first; ; q = q.Next() {
		at := q.start
		if k == Week {
			at = at.AddDate(0, 0, 3)
		}
		if !at.Before(end) {
			break
		}
		parts = append(parts, q)
	}
	return parts
}

func containsKind(list []PeriodKind, k PeriodKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}
