package scoring

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"appraise/rules"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// PastPeriod is one earlier period's results as the history holds them:
// for each person, the figures the rules' history functions read, and
// nothing more.
type PastPeriod struct {
	Label     string // as the period is written: "2026-02"
	InYear    bool   // whether it falls in the year of the period scored
	InQuarter bool   // whether it falls in the quarter of the period scored
	// Source names where the results came from, for traces.
	Source string
	// SHA256 is Source's SHA-256, hex, when it is known already: of the
	// results a batch has just written. "" when the file must be read.
	SHA256 string
	// Figures are, per person, the key and one value per name of
	// [rules.Set.HistoryNames].
	Figures *Figures
}

// History is what the earlier periods recorded, most recent first: the
// period just before the one scored, then the one before that, and so on
// back to the first period the history lacks.
type History struct {
	Periods []PastPeriod
	// Lacks is the period just before the earliest one held, which the
	// history does not have ("2025-12"); "" when not known.
	Lacks string
	// YearBefore and QuarterBefore count the periods of the scored
	// period's year and quarter that come before it: 2 for March, by the
	// month. The year's and quarter's sums need them all.
	YearBefore, QuarterBefore int
}

// historySite is one call of a history function: its slot holds, per
// person, what the earlier periods add to it.
type historySite struct {
	call  *rules.Call
	slot  int
	inner evalFn
	need  int    // how many earlier periods the call needs; -1 for consecutive
	src   string // the call as written, for traces
	cond  string // its first argument as written
}

func (s *Scorer) historyNeed(c *rules.Call) int {
	switch c.Func {
	case "consecutive":
		return -1
	case "count_last", "sum_last":
		n, _, _ := c.Args[1].(*rules.Num).Value.Int64(0)
		return int(n) - 1
	}
	return 0 // year and quarter: known once the period is
}

// compileHistory compiles a call of a history function.
func (c *compiler) history(e *rules.Call, inner evalFn) evalFn {
	k := c.s.siteOf[e]
	site := &c.s.sites[k]
	if site.inner == nil {
		site.inner = inner
	}
	slot := site.slot
	overflow := c.overflow(e)
	fn := e.Func
	return func(env []Value) Value { return combine(fn, inner(env), env[slot], overflow) }
}

// combine is a history call's value: this period's part v of function fn
// joined to what the earlier periods add, past.
func combine(fn string, v, past Value, overflow *Overflow) Value {
	switch fn {
	case "consecutive":
		if v.Kind != Bool {
			return v
		}
		if !v.Bool {
			return Num(decimal.Zero)
		}
		return add(Num(decimal.One), past, overflow)
	case "count_last", "count_year", "count_quarter":
		if v.Kind != Bool {
			return v
		}
		n := Num(decimal.Zero)
		if v.Bool {
			n = Num(decimal.One)
		}
		return add(n, past, overflow)
	}
	if v.Kind != Number {
		return v
	}
	return add(v, past, overflow)
}

// noHistory is what a history call's earlier periods give when there is
// no history at all, as for a case: no earlier run, and no sum.
func noHistory(c *rules.Call, need int) Value {
	if c.Func == "consecutive" || need == 0 && strings.HasSuffix(c.Func, "_last") {
		return Num(decimal.Zero)
	}
	return Absent(fmt.Sprintf("%s needs earlier periods, and there is no history", rules.Source(c)))
}

// Key is the person key of a record: its key columns' values, trimmed,
// with full-width letters and digits folded, joined by "|". History
// matches people by it.
func (s *Scorer) Key(rec []Value) string {
	var b strings.Builder
	for i, c := range s.set.Columns {
		if !c.Key {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(NormalKey(rec[i].String()))
	}
	return b.String()
}

// NormalKey is a key cell as people are matched by it.
func NormalKey(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.TrimSpace(width.Fold.String(s))
		}
	}
	// Folding leaves ASCII as it is.
	return strings.TrimSpace(s)
}

// NewHistory is an empty history of the periods before cur, knowing how
// many of them fall in cur's year and quarter.
func NewHistory(cur Period) *History {
	h := &History{}
	for p := cur.Prev(); cur.SameYear(p); p = p.Prev() {
		h.YearBefore++
		if cur.SameQuarter(p) {
			h.QuarterBefore++
		}
	}
	return h
}

// Past is a [History] made ready for scoring: what the earlier periods
// add to each history call is worked out for each person as the person's
// record is scored.
type Past struct {
	s       *Scorer
	h       *History
	names   []int    // per history name: its slot
	hnames  []string // the history names
	reads   [][]int  // per site, the history names its condition reads, each once
	scratch []Value
}

// Past prepares h for scoring. Its periods' figures must follow
// Rules().HistoryNames().
func (s *Scorer) Past(h *History) (*Past, error) {
	names := s.set.HistoryNames()
	// The scratch record starts as the constants: a history call's
	// condition reads the params and the history names, and record
	// overwrites every name for each period it looks at.
	p := &Past{s: s, h: h, scratch: slices.Clone(s.consts), hnames: names}
	c := &compiler{s: s, params: s.params, self: -1}
	for _, n := range names {
		name, field, _ := strings.Cut(n, ".")
		slot, err := c.slotOf(&rules.Ref{Name: name, Field: field})
		if err != nil {
			return nil, err
		}
		p.names = append(p.names, slot)
	}
	for _, site := range s.sites {
		var reads []int
		seen := map[string]bool{}
		rules.Refs(site.call.Args[0], func(r *rules.Ref) {
			n := rules.RefName(r)
			if seen[n] {
				return
			}
			seen[n] = true
			for j, name := range names {
				if name == n {
					reads = append(reads, j)
				}
			}
		})
		p.reads = append(p.reads, reads)
	}
	for _, per := range h.Periods {
		f := per.Figures
		if f.Rows() > 0 && f.Width() != len(names) || !f.complete() {
			return nil, fmt.Errorf("history %s: %d figures a person, want %d", per.Label, f.Width(), len(names))
		}
	}
	return p, nil
}

// record fills the scratch slots with the figures of the person whose
// key is key in period at; it reports false when the person is not in
// that period.
func (p *Past) record(at int, key string) bool {
	f := p.h.Periods[at].Figures
	row, ok := f.Find(key)
	if !ok {
		return false
	}
	for n, slot := range p.names {
		p.scratch[slot] = f.At(row, n)
	}
	return true
}

// need is how many earlier periods site k looks back over; -1 for a run.
func (p *Past) need(k int) int { return p.s.need(k, p.h) }

func (s *Scorer) need(k int, h *History) int {
	site := s.sites[k]
	switch site.call.Func {
	case "count_year", "sum_year":
		return h.YearBefore
	case "count_quarter", "sum_quarter":
		return h.QuarterBefore
	}
	return site.need
}

// maxRun bounds how far back a run of periods is followed: ten years of
// weeks.
const maxRun = 520

// HistoryDepth is how many earlier periods the rules can use, given how
// many of them h's year and quarter have: a run of periods may go back
// as far as the history goes, up to ten years of weeks.
func (s *Scorer) HistoryDepth(h *History) int {
	depth := 0
	for k := range s.sites {
		n := s.need(k, h)
		if n < 0 {
			n = maxRun
		}
		depth = max(depth, n)
	}
	return depth
}

// walk works out what the earlier periods add to site k for the person
// whose key is key. With say, it also tells each period's part, for a
// trace.
func (p *Past) walk(k int, key string, w Words, say func(period int, line string)) Value {
	site := p.s.sites[k]
	need := p.need(k)
	if need < 0 {
		run := 0
		for at := range p.h.Periods {
			label := p.h.Periods[at].Label
			if !p.record(at, key) {
				if say != nil {
					say(at, w.Say("{period}: not in the results: the run stops", label))
				}
				return Num(intValue(run))
			}
			v := site.inner(p.scratch)
			if v.Kind != Bool || !v.Bool {
				if say != nil {
					if v.Kind != Bool {
						say(at, w.Say("{period}: {cond} cannot be decided: {why} ({values}): the run stops", label, site.cond, v.Str, p.valuesIn(w, k, p.scratch)))
					} else {
						say(at, w.Say("{period}: {cond} did not hold ({values}): the run stops", label, site.cond, p.valuesIn(w, k, p.scratch)))
					}
				}
				return Num(intValue(run))
			}
			run++
			if say != nil {
				say(at, w.Say("{period}: held ({values})", label, p.valuesIn(w, k, p.scratch)))
			}
		}
		if say != nil {
			say(len(p.h.Periods), p.startIn(w))
		}
		return Num(intValue(run))
	}
	if need > len(p.h.Periods) {
		return Absent(fmt.Sprintf("%s needs %s; %s", site.src, periods(need), p.start()))
	}
	acc := Num(decimal.Zero)
	overflow := overflowIn(site.call.Pos, site.src, nil)
	for at := 0; at < need; at++ {
		label := p.h.Periods[at].Label
		if !p.record(at, key) {
			if say != nil {
				say(at, w.Say("{period}: not in the results: adds nothing", label))
			}
			continue
		}
		v := site.inner(p.scratch)
		switch {
		case v.Kind == Bool && v.Bool:
			acc = add(acc, Num(decimal.One), overflow)
		case v.Kind == Bool:
		case v.Kind == Number:
			acc = add(acc, v, overflow)
		default:
			return Absent(fmt.Sprintf("%s: in %s, %s", site.src, label, v.Str))
		}
		if say != nil {
			say(at, w.Say("{period}: {value} ({values})", label, v.String(), p.valuesIn(w, k, p.scratch)))
		}
	}
	return acc
}

// start says how far back the history goes.
func (p *Past) start() string { return p.startIn(nil) }

// startIn is start said by w.
func (p *Past) startIn(w Words) string {
	n := len(p.h.Periods)
	switch {
	case n == 0 && p.h.Lacks != "":
		return w.Say("the history has no earlier period (not {period})", p.h.Lacks)
	case n == 0:
		return w.Say("the history has no earlier period")
	}
	var s string
	if n == 1 {
		s = w.Say("the history goes back 1 earlier period, to {period}", p.h.Periods[0].Label)
	} else {
		s = w.Say("the history goes back {n} earlier periods, to {period}", fmt.Sprint(n), p.h.Periods[n-1].Label)
	}
	if p.h.Lacks != "" {
		s += w.Say("; it has no {period}", p.h.Lacks)
	}
	return s
}

func periods(n int) string {
	if n == 1 {
		return "1 earlier period"
	}
	return fmt.Sprintf("%d earlier periods", n)
}

// valuesIn shows the figures site k read in env, said by w: "total 30".
func (p *Past) valuesIn(w Words, k int, env []Value) string {
	var b strings.Builder
	for _, j := range p.reads[k] {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		v := env[p.names[j]]
		b.WriteString(p.hnames[j])
		b.WriteByte(' ')
		if v.Kind == Missing {
			b.WriteString(w.Say("no value"))
		} else {
			b.WriteString(v.String())
		}
	}
	return b.String()
}

// fill puts the person's history parts into env, before a record is
// scored.
func (p *Past) fill(rec []Value, r *Result) {
	r.person = p.s.Key(rec)
	for k, site := range p.s.sites {
		r.env[site.slot] = p.walk(k, r.person, nil, nil)
	}
}

// UsePast makes r score with the history p: every record scored into r
// from now on finds its person's earlier periods there.
func (r *Result) UsePast(p *Past) { r.past = p }

// HistoryTrace explains a history call of r's record: what this period
// gave, then the periods it looked back over and what each gave, most
// recent first, and last the call's value.
func (r *Result) HistoryTrace(k int) []string { return r.HistoryTraceIn(nil, k) }

// HistoryTraceIn is [Result.HistoryTrace] said by w.
func (r *Result) HistoryTraceIn(w Words, k int) []string {
	site := r.s.sites[k]
	if r.past == nil {
		return []string{site.src + ": " + w.Msg(noHistory(site.call, r.s.historyNeed(site.call)).Str)}
	}
	cond := site.cond
	v := site.inner(r.env)
	run := site.call.Func == "consecutive"
	var now string
	switch {
	case v.Kind == Missing:
		now = w.Say("this period: {cond} cannot be decided: {why}", cond, v.Str)
	case run && v.Bool:
		now = w.Say("this period: held ({values})", r.past.valuesIn(w, k, r.env))
	case run:
		now = w.Say("this period: {cond} did not hold ({values}): the run stops", cond, r.past.valuesIn(w, k, r.env))
	default:
		now = w.Say("this period: {value} ({values})", v.String(), r.past.valuesIn(w, k, r.env))
	}
	lines := []string{now}
	if v.Kind != Missing && (!run || v.Bool) {
		r.past.walk(k, r.person, w, func(_ int, line string) { lines = append(lines, line) })
	}
	got := combine(site.call.Func, v, r.env[site.slot], overflowIn(site.call.Pos, site.src, nil))
	if got.Kind == Missing {
		return append(lines, w.Say("no value: {why}", got.Str))
	}
	return append(lines, fmt.Sprintf("%s = %s", site.src, got))
}

// HistoryCalls lists the history calls of the rules, as [Result.HistoryTrace]
// numbers them.
func (s *Scorer) HistoryCalls() []*rules.Call {
	calls := make([]*rules.Call, len(s.sites))
	for k, site := range s.sites {
		calls[k] = site.call
	}
	return calls
}

// historyNotes says where a run of periods was cut short by the start of
// the history rather than by a period that broke it: the run may be
// longer than the history can tell.
func (r *Result) historyNotes() []string {
	if r.past == nil || len(r.past.h.Periods) == 0 {
		// With no earlier period at all every run starts here; the
		// command says so once, not on every row.
		return nil
	}
	var notes []string
	held := intValue(len(r.past.h.Periods))
	for _, site := range r.s.sites {
		if site.call.Func != "consecutive" {
			continue
		}
		if past := r.env[site.slot]; past.Kind != Number || past.Num.Cmp(held) != 0 {
			continue
		}
		if v := site.inner(r.env); v.Kind == Bool && v.Bool {
			run, _ := held.Add(decimal.One)
			notes = append(notes, fmt.Sprintf("%s is %s: %s", site.src, run, r.past.start()))
		}
	}
	return notes
}
