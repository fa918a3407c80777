package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/govalues/decimal"
)

// metricBands checks the bands of every metric.
func (c *checker) metricBands() {
	for _, m := range c.set.Metrics {
		checkBands(c.errs, "the metric", m.Bands, m.Max)
	}
	if g := c.set.Grades; g != nil {
		checkBands(c.errs, "the grades", g.Bands, nil)
	}
	for _, t := range c.set.Tiers {
		checkBandsOf(c.errs, "tier", "the tier table", t.Bands, nil)
	}
}

// checkBands checks a list of bands of which the first that holds a value
// wins. No band may hold no value at all, be hidden by the bands before
// it, or overlap one of them; no value between the lowest band and the
// highest may fall in none; and no band may give more points than max,
// when max is given. what names the owner of the bands in messages, as in
// "the metric". Bands whose range did not parse (neither edge is set)
// were reported when they were decoded and are skipped here.
func checkBands(errs *ErrorList, what string, bands []*Band, max *Number) {
	checkBandsOf(errs, "band", what, bands, max)
}

// checkBandsOf is [checkBands] for lists whose items messages call noun,
// such as "tier".
func checkBandsOf(errs *ErrorList, noun, what string, bands []*Band, max *Number) {
	spans := make([]span, len(bands))
	valid := make([]bool, len(bands))
	for i, b := range bands {
		if max != nil && b.Points.Pos.Line != 0 && b.Points.Value.Cmp(max.Value) > 0 {
			errs.add(b.Points.Pos, "points %s are above %s's max of %s", b.Points.Value, what, max.Value)
		}
		s, ok := bandSpan(b)
		if !ok {
			continue
		}
		if s.empty() {
			e := errs.add(b.WhenPos, "%s %s holds no value", noun, bandName(b))
			e.Hint = fmt.Sprintf("write \"= %s\" for %s alone", s.lo.text, s.lo.text)
			continue
		}
		rest := []span{s}
		var hits []int // earlier bands that hold some of its values
		for j := 0; j < i; j++ {
			if !valid[j] || s.intersect(spans[j]).empty() {
				continue
			}
			hits = append(hits, j)
			var next []span
			for _, r := range rest {
				next = append(next, r.minus(spans[j])...)
			}
			rest = next
		}
		spans[i], valid[i] = s, true
		switch {
		case len(hits) == 0:
		case len(rest) == 0:
			var e *Error
			if len(hits) == 1 {
				h := bands[hits[0]]
				e = errs.add(b.WhenPos, "%s %s can never match: the %s %s (line %d) comes first and holds all its values", noun, bandName(b), noun, bandName(h), h.WhenPos.Line)
			} else {
				lines := make([]string, len(hits))
				for k, j := range hits {
					lines[k] = strconv.Itoa(bands[j].WhenPos.Line)
				}
				e = errs.add(b.WhenPos, "%s %s can never match: the %ss on lines %s come first and hold all its values", noun, bandName(b), noun, joinAnd(lines))
			}
			e.Hint = "the first " + noun + " that holds a value wins"
		default:
			// The nearest band before it is the one a reader compares it with.
			j := hits[len(hits)-1]
			e := errs.add(b.WhenPos, "%s %s overlaps the %s %s (line %d) on %s", noun, bandName(b), noun, bandName(bands[j]), bands[j].WhenPos.Line, s.intersect(spans[j]).on())
			e.Hint = "the first " + noun + " that holds a value wins"
			if len(rest) == 1 {
				e.Hint += fmt.Sprintf("; to make the %ss meet, write when: %q", noun, rest[0].String())
			}
		}
	}
	gaps(errs, noun, bands, spans, valid)
}

// gaps reports the values between the lowest band and the highest that no
// band holds, each at the later in the file of the two bands around it.
func gaps(errs *ErrorList, noun string, bands []*Band, spans []span, valid []bool) {
	var order []int
	for i := range bands {
		if valid[i] {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return lowerLo(spans[order[a]].lo, spans[order[b]].lo)
	})
	if len(order) == 0 {
		return
	}
	hi, owner := spans[order[0]].hi, order[0]
	for _, i := range order[1:] {
		s := spans[i]
		if !meets(hi, s.lo) {
			gap := span{lo: hi.flip(), hi: s.lo.flip()}
			at := max(owner, i)
			ext := span{lo: gap.lo, hi: s.hi}
			if at == owner {
				ext = span{lo: spans[owner].lo, hi: gap.hi}
			}
			e := errs.add(bands[at].WhenPos, "no %s holds %s", noun, gap.values())
			e.Hint = fmt.Sprintf("make the %ss meet, e.g. when: %q", noun, ext.String())
		}
		if hi != nil && (s.hi == nil || s.hi.v.Cmp(hi.v) > 0 || s.hi.v.Cmp(hi.v) == 0 && s.hi.incl) {
			hi, owner = s.hi, i
		}
	}
}

func bandName(b *Band) string { return strings.TrimSpace(b.When) }

// joinAnd joins "7", "8", "9" as "7, 8 and 9".
func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// edge is one end of a range of values.
type edge struct {
	v    decimal.Decimal
	incl bool
	text string // the number as the user wrote it, e.g. "75%"
}

// flip returns the same number as the other kind of edge: the end of the
// values below a band that starts at e.
func (e *edge) flip() *edge {
	f := *e
	f.incl = !f.incl
	return &f
}

// span is a range of values; a nil edge means no end on that side.
type span struct {
	lo, hi *edge
}

// bandSpan returns the values band b holds; false when its range did not
// parse.
func bandSpan(b *Band) (span, bool) {
	var s span
	if b.Lo != nil {
		s.lo = &edge{v: *b.Lo, incl: b.LoIncl, text: b.LoText}
	}
	if b.Hi != nil {
		s.hi = &edge{v: *b.Hi, incl: b.HiIncl, text: b.HiText}
	}
	return s, s.lo != nil || s.hi != nil
}

func (s span) empty() bool {
	if s.lo == nil || s.hi == nil {
		return false
	}
	c := s.lo.v.Cmp(s.hi.v)
	return c > 0 || c == 0 && !(s.lo.incl && s.hi.incl)
}

func (s span) point() bool {
	return s.lo != nil && s.hi != nil && s.lo.v.Cmp(s.hi.v) == 0 && s.lo.incl && s.hi.incl
}

func (s span) intersect(t span) span {
	lo, hi := s.lo, s.hi
	if lowerLo(lo, t.lo) {
		lo = t.lo
	}
	if higherHi(hi, t.hi) {
		hi = t.hi
	}
	return span{lo, hi}
}

// minus returns the parts of s that t does not hold.
func (s span) minus(t span) []span {
	var out []span
	if t.lo != nil {
		if p := s.intersect(span{hi: t.lo.flip()}); !p.empty() {
			out = append(out, p)
		}
	}
	if t.hi != nil {
		if p := s.intersect(span{lo: t.hi.flip()}); !p.empty() {
			out = append(out, p)
		}
	}
	return out
}

// lowerLo reports whether lower edge a lets in values that b does not.
func lowerLo(a, b *edge) bool {
	switch {
	case a == nil:
		return b != nil
	case b == nil:
		return false
	}
	c := a.v.Cmp(b.v)
	return c < 0 || c == 0 && a.incl && !b.incl
}

// higherHi reports whether upper edge a lets in values that b does not.
func higherHi(a, b *edge) bool {
	switch {
	case a == nil:
		return b != nil
	case b == nil:
		return false
	}
	c := a.v.Cmp(b.v)
	return c > 0 || c == 0 && a.incl && !b.incl
}

// meets reports whether the values up to hi and those from lo leave
// nothing between them.
func meets(hi, lo *edge) bool {
	if hi == nil || lo == nil {
		return true
	}
	c := lo.v.Cmp(hi.v)
	return c < 0 || c == 0 && (hi.incl || lo.incl)
}

// String writes s as a band's range: "[65%, 75%)", ">= 75%" or "= 0".
func (s span) String() string {
	switch {
	case s.lo == nil && s.hi == nil:
		return "any value"
	case s.point():
		return "= " + s.lo.text
	case s.lo == nil && s.hi.incl:
		return "<= " + s.hi.text
	case s.lo == nil:
		return "< " + s.hi.text
	case s.hi == nil && s.lo.incl:
		return ">= " + s.lo.text
	case s.hi == nil:
		return "> " + s.lo.text
	}
	open, closing := "(", ")"
	if s.lo.incl {
		open = "["
	}
	if s.hi.incl {
		closing = "]"
	}
	return open + s.lo.text + ", " + s.hi.text + closing
}

// values describes the values s holds: "values in [60, 61)", "the value
// 60", "values >= 90".
func (s span) values() string {
	switch {
	case s.point():
		return "the value " + s.lo.text
	case s.lo != nil && s.hi != nil:
		return "values in " + s.String()
	case s.lo == nil && s.hi == nil:
		return "every value"
	}
	return "values " + s.String()
}

// on is what follows "overlaps ... on": "[75%, 80%)", "values >= 90".
func (s span) on() string {
	if s.lo != nil && s.hi != nil && !s.point() {
		return s.String()
	}
	return s.values()
}
