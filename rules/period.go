package rules

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// PeriodFrom says where a workbook's period is written when the command
// line does not give it: in the file's name, or in a cell, matched
// against a pattern such as "{yyyy}年{m}月".
type PeriodFrom struct {
	Pos     Pos
	Pattern string
	Cell    string // "" for the file name; else a cell such as A1
	Sheet   string // the cell's sheet; "" for the sheet scored
	// Match is Pattern as a regular expression, with a named group per
	// token: yyyy, mm (m), q, ww, dd (d).
	Match *regexp.Regexp
}

var periodTokens = map[string]string{
	"yyyy": `(?P<yyyy>\d{4})`,
	"mm":   `(?P<m>\d{2})`,
	"m":    `(?P<m>\d{1,2})`,
	"q":    `(?P<q>[1-4])`,
	"ww":   `(?P<w>\d{2})`,
	"dd":   `(?P<d>\d{2})`,
	"d":    `(?P<d>\d{1,2})`,
}

// unitOf names what a token's group of periodTokens gives.
var unitOf = map[string]string{"yyyy": "year", "m": "month", "q": "quarter", "w": "week", "d": "day"}

// tokensFor lists the tokens a pattern needs for each kind of period.
var tokensFor = map[string][]string{
	"month": {"yyyy", "m"}, "quarter": {"yyyy", "q"}, "year": {"yyyy"}, "week": {"yyyy", "w"}, "cycle": {"yyyy", "m", "d"},
}

func (d *decoder) periodFrom(s *Set, n *yaml.Node) {
	pf := &PeriodFrom{Pos: d.pos(resolve(n))}
	v := resolve(n)
	if v.Kind == yaml.MappingNode {
		_, f := d.fields(v, "period_from", []string{"cell", "pattern"})
		if x := f["cell"]; x != nil {
			ref := strings.TrimSpace(d.text(x, "cell"))
			if sheet, cell, ok := strings.Cut(ref, "!"); ok {
				pf.Sheet, ref = strings.Trim(sheet, "'"), cell
			}
			if !regexp.MustCompile(`^[A-Z]{1,3}[1-9][0-9]*$`).MatchString(ref) {
				d.errorf(x, "period_from: cell %q is not a cell such as A1 or 说明!B2", d.text(x, "cell"))
			}
			pf.Cell = ref
		} else {
			d.errorf(v, "period_from: give the cell that holds the period, as cell: A1, or a pattern for the file name")
		}
		if x := f["pattern"]; x != nil {
			pf.Pattern = d.text(x, "pattern")
			pf.Pos = d.pos(resolve(x))
		}
	} else {
		pf.Pattern = d.text(n, "period_from")
	}
	if pf.Pattern == "" && pf.Cell != "" {
		// A cell alone holds the period written plainly: 2026-03,
		// 2026年3月 and the like.
		s.PeriodFrom = pf
		return
	}
	pf.Match = d.periodPattern(pf, s.Period)
	s.PeriodFrom = pf
}

var tokenRE = regexp.MustCompile(`\{([^{}]*)\}`)

// periodPattern compiles a period pattern, reporting an unknown token or
// one that the period kind has no use for.
func (d *decoder) periodPattern(pf *PeriodFrom, kind string) *regexp.Regexp {
	var b strings.Builder
	seen := map[string]bool{}
	last := 0
	ok := true
	for _, m := range tokenRE.FindAllStringSubmatchIndex(pf.Pattern, -1) {
		b.WriteString(regexp.QuoteMeta(pf.Pattern[last:m[0]]))
		tok := pf.Pattern[m[2]:m[3]]
		re, known := periodTokens[tok]
		if !known {
			e := d.errs.add(pf.Pos, "period_from: unknown token {%s}", tok)
			e.Hint = "the tokens are {yyyy}, {mm} or {m} (month), {q} (quarter), {ww} (ISO week), {dd} or {d} (day)"
			ok = false
			last = m[1]
			continue
		}
		group := re[4:strings.IndexByte(re, '>')]
		if seen[group] {
			d.errs.add(pf.Pos, "period_from: %q gives the %s twice", pf.Pattern, unitOf[group])
			ok = false
		}
		seen[group] = true
		b.WriteString(re)
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(pf.Pattern[last:]))
	if !ok {
		return nil
	}
	if need, known := tokensFor[kind]; known {
		for _, t := range need {
			if !seen[t] {
				d.errs.add(pf.Pos, "period_from: %q does not say the %s of a %s period", pf.Pattern, map[string]string{"yyyy": "year", "m": "month", "q": "quarter", "w": "week", "d": "day"}[t], kind)
				ok = false
			}
		}
		for t := range seen {
			if !contains(need, t) {
				d.errs.add(pf.Pos, "period_from: %q gives a %s, which a %s period does not have", pf.Pattern, map[string]string{"yyyy": "year", "m": "month", "q": "quarter", "w": "week", "d": "day"}[t], kind)
				ok = false
			}
		}
	} else {
		d.errs.add(pf.Pos, "period_from needs period: to be month, quarter, year, week or cycle, not %q", kind)
		ok = false
	}
	if !ok {
		return nil
	}
	return regexp.MustCompile(b.String())
}

func (d *decoder) cycleStart(s *Set, n *yaml.Node) {
	v := d.number(n, "cycle_start")
	if v == nil {
		return
	}
	day, err := strconv.Atoi(v.Value.String())
	if err != nil || day < 1 || day > 28 {
		d.errorf(n, "cycle_start is the day of the month a cycle starts on, a whole number from 1 to 28, not %s", v.Value)
		return
	}
	s.CycleStart = day
}
