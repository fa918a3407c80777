package scoring

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// BindCase makes the record of case c, reading each input as
// [Scorer.Bind] reads a cell. A column the case leaves out is a blank
// cell, or, for an optional column, one the workbook lacks. Problems are
// located at the inputs in the file the case came from.
func (s *Scorer) BindCase(c *rules.Case) ([]Value, rules.ErrorList) {
	set := s.set
	rec := make([]Value, len(set.Columns))
	given := make([]bool, len(set.Columns))
	var errs rules.ErrorList
	for _, in := range c.Inputs {
		given[in.Column] = true
		v, err := s.Bind(in.Column, in.Raw)
		if err != nil {
			errs = append(errs, &rules.Error{Pos: in.Pos, Msg: err.Error()})
			continue
		}
		rec[in.Column] = v
	}
	for i, col := range set.Columns {
		switch {
		case given[i]:
		case col.Optional:
			rec[i] = s.BindAbsent(i)
		case col.Text || col.Blank != nil || col.BlankNone:
			rec[i], _ = s.Bind(i, "")
		default:
			errs = append(errs, &rules.Error{Pos: c.Pos, Msg: fmt.Sprintf("case %q gives no %s: %s is needed", c.Name, col.Name, holds(col))})
		}
	}
	_, e := s.casePast(c, rec)
	errs = append(errs, e...)
	_, e = s.caseTables(c)
	errs = append(errs, e...)
	errs.Sort()
	return rec, errs
}

// CheckCase scores rec, the record of case c, into r, with the history
// the case states, and compares the result with what c expects. It
// returns one line per difference, in the order the expectations are
// written, with what the figure came from; none when the case passes. Pay is compared after rounding half-up to
// 0.01, as it is paid.
func (s *Scorer) CheckCase(c *rules.Case, rec []Value, r *Result) []string {
	if len(c.Tables) > 0 {
		// The case's own rows of the tables: a scorer that reads them.
		if ws, errs := s.caseTables(c); len(errs) == 0 {
			s, r = ws, ws.NewResult()
		}
	}
	past, _ := s.casePast(c, rec)
	r.UsePast(past)
	// A case is scored in its period; without one, period_start and
	// period_end have no value, so that a case never depends on the day
	// it runs.
	r.periodStart, r.periodEnd = noCasePeriod, noCasePeriod
	if p, err := ParsePeriod(c.Period); err == nil {
		r.UsePeriod(p, time.Time{})
	}
	s.Score(rec, r)
	set := s.set
	t := r.Trace()
	type diff struct {
		pos  rules.Pos
		line string
	}
	var diffs []diff
	add := func(pos rules.Pos, format string, args ...any) {
		diffs = append(diffs, diff{pos, fmt.Sprintf(format, args...)})
	}
	e := c.Expect
	for _, w := range e.Values {
		m := t.Metrics[w.Index]
		if got, ok := compare(w.Value, m.Value.Value); !ok {
			add(w.Pos, "value %s: want %s, got %s%s", m.Metric.Name, wantText(w.Value), got, from(m.Value, m.Value.Value))
		}
	}
	for _, w := range e.Points {
		m := t.Metrics[w.Index]
		if got, ok := compare(w.Value, m.Points.Value); !ok {
			add(w.Pos, "points %s: want %s, got %s%s", m.Metric.Name, wantText(w.Value), got, pointsNote(m))
		}
	}
	if w := e.Total; w != nil && set.Total.None {
		add(w.Pos, "total: the rules score nothing, so there is no total to expect")
	} else if w != nil {
		if got, ok := compare(w.Value, t.Total.Value); !ok {
			note := ""
			if tt := t.Total; tt.Value.Kind == Number && tt.Working != "" {
				note = " (" + tt.Working
				if tt.Limit != "" {
					note += " = " + tt.Subtotal.String() + ", " + tt.Limit
				}
				note += ")"
			}
			add(w.Pos, "total: want %s, got %s%s", wantText(w.Value), got, note)
		}
	}
	for _, w := range e.Sections {
		if got, ok := compare(w.Value, r.Section(w.Index).Score); !ok {
			add(w.Pos, "section %s: want %s, got %s", set.Sections[w.Index].Name, wantText(w.Value), got)
		}
	}
	if w := e.Grade; w != nil {
		g, ok := r.Grade()
		got, want := "none", "none"
		if ok {
			got = g
		}
		if w.Value != nil {
			want = *w.Value
		}
		if ok != (w.Value != nil) || ok && g != *w.Value {
			add(w.Pos, "grade: want %s, got %s (graded %s%s)", want, got, r.Graded(), r.vetoed())
		}
	}
	if w := e.Coefficient; w != nil {
		if got, ok := compare(w.Value, r.Coefficient()); !ok {
			add(w.Pos, "coefficient: want %s, got %s", wantText(w.Value), got)
		}
	}
	if w := e.Flags; w != nil {
		var got []string
		for i, f := range set.Flags {
			if v := r.Flag(i); v.Kind == Bool && v.Bool {
				got = append(got, f.Name)
			}
		}
		if !sameSet(w.Names, got) {
			add(w.Pos, "flags: want %s, got %s", list(w.Names), list(got))
		}
	}
	for _, w := range e.Pay {
		p := t.Pay[w.Index]
		v := p.Value
		if v.Kind == Number {
			v = Num(RoundMoney(v.Num))
		}
		if got, ok := compare(w.Value, v); !ok {
			if v.Kind == Number {
				got = v.Num.String()
			}
			add(w.Pos, "pay %s: want %s, got %s%s", p.Name, wantText(w.Value), got, from(p, v))
		}
	}
	if w := e.Missing; w != nil {
		var got []string
		for _, m := range t.Metrics {
			v := m.Value.Value
			if m.Metric.Value == nil {
				v = m.Points.Value
			}
			if v.Kind == Missing {
				got = append(got, m.Metric.Name)
			}
		}
		if !sameSet(w.Names, got) {
			add(w.Pos, "missing: want %s, got %s", list(w.Names), list(got))
		}
	}
	sort.SliceStable(diffs, func(i, j int) bool {
		a, b := diffs[i].pos, diffs[j].pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	lines := make([]string, len(diffs))
	for i, d := range diffs {
		lines[i] = d.line
	}
	return lines
}

// compare reports whether got is the figure wanted (nil wants none),
// and renders got for the report.
func compare(want *decimal.Decimal, got Value) (string, bool) {
	switch {
	case got.Kind == Missing && got.Str != "":
		return "none (" + got.Str + ")", want == nil
	case got.Kind == Missing:
		return "none", want == nil
	case want == nil:
		return got.String(), false
	}
	return got.String(), got.Kind == Number && got.Num.Cmp(*want) == 0
}

func wantText(w *decimal.Decimal) string {
	if w == nil {
		return "none"
	}
	return w.String()
}

// from notes the working behind a number got: " (149 / 200)", with the
// exact value when got is rounded, as a pay line is. It notes nothing
// when got is missing, since its reason is given, or when the working
// says no more than got.
func from(st Step, got Value) string {
	if got.Kind != Number || st.Working == "" || st.Working == got.String() {
		return ""
	}
	if st.Value.Kind == Number && st.Value.Num.Cmp(got.Num) != 0 {
		return " (" + st.Working + " = " + st.Value.String() + ")"
	}
	return " (" + st.Working + ")"
}

// pointsNote says where a metric's points came from: the band its value
// fell in, or the points formula written out.
func pointsNote(m MetricTrace) string {
	if m.Points.Value.Kind != Number {
		return ""
	}
	var why string
	switch {
	case m.Metric.Points != nil:
		why = m.Points.Working
		if m.Limit != "" {
			why += " = " + m.Raw.String() + ", " + m.Limit
		}
	case m.Band >= 0 && m.Metric.Map != nil:
		why = fmt.Sprintf("value %q, map entry %s", m.Value.Value.Str, m.Metric.Entry(m.Band))
	case m.Band >= 0:
		why = fmt.Sprintf("value %s fell in %s", m.Value.Value, m.Metric.Entry(m.Band))
	case m.Limit != "":
		why = m.Limit
	}
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func list(names []string) string { return "[" + strings.Join(names, ", ") + "]" }

// vetoed describes the vetoes that held, for a case's failure: ", vetoed
// by n >= 2", or "" when none did.
func (r *Result) vetoed() string {
	g := r.s.set.Grades
	var held []string
	for k, v := range g.Vetoes {
		if c := r.Veto(k); c.Kind == Bool && c.Bool {
			held = append(held, v.When.Source)
		}
	}
	if len(held) == 0 {
		return ""
	}
	return ", vetoed by " + strings.Join(held, "; ")
}

var noCasePeriod = Absent("the case gives no period")

// casePast is the history case c states for its person, whose record is
// rec: the periods before c's period, most recent first, as far as the
// case lists them. It is nil when c states neither a period nor a
// history, and the rules then see no history at all.
func (s *Scorer) casePast(c *rules.Case, rec []Value) (*Past, rules.ErrorList) {
	if c.Period == "" {
		return nil, nil
	}
	var errs rules.ErrorList
	cur, err := ParsePeriod(c.Period)
	if err != nil {
		return nil, rules.ErrorList{{Pos: c.PeriodPos, Msg: "period: " + err.Error()}}
	}
	kind, isKind := ParseKind(s.set.Period)
	if isKind && cur.Kind != kind {
		return nil, rules.ErrorList{{Pos: c.PeriodPos, Msg: fmt.Sprintf("period %s is a %s, but the rules score a %s", cur, cur.Kind, kind)}}
	}
	names := s.set.HistoryNames()
	key := s.Key(rec)
	given := map[string]*rules.PastCase{}
	for i := range c.History {
		pc := &c.History[i]
		p, err := ParsePeriod(pc.Period)
		switch {
		case err != nil:
			errs = append(errs, &rules.Error{Pos: pc.Pos, Msg: "history: " + err.Error()})
			continue
		case p.Kind != cur.Kind:
			errs = append(errs, &rules.Error{Pos: pc.Pos, Msg: fmt.Sprintf("history %s is a %s, but the case's period %s is a %s", pc.Period, p.Kind, cur, cur.Kind)})
			continue
		case !p.Start().Before(cur.Start()):
			errs = append(errs, &rules.Error{Pos: pc.Pos, Msg: fmt.Sprintf("history %s does not come before the case's period %s", p, cur)})
			continue
		}
		if prev, ok := given[p.String()]; ok {
			errs = append(errs, &rules.Error{Pos: pc.Pos, Msg: fmt.Sprintf("history %s is the same period as %s (line %d)", pc.Period, prev.Period, prev.Pos.Line)})
			continue
		}
		given[p.String()] = pc
	}
	h := NewHistory(cur)
	need := s.HistoryDepth(h)
	p := cur.Prev()
	for len(h.Periods) < need && len(given) > 0 {
		pc, ok := given[p.String()]
		if !ok {
			break
		}
		delete(given, p.String())
		per := PastPeriod{Label: p.String(), InYear: cur.SameYear(p), InQuarter: cur.SameQuarter(p), Source: "the case's history"}
		if !pc.Absent {
			vals := make([]Value, len(names))
			for j := range vals {
				vals[j] = Absent("not given in the case's history")
			}
			for _, v := range pc.Values {
				x, err := s.pastCaseValue(names[v.Name], v.Raw)
				if err != nil {
					errs = append(errs, &rules.Error{Pos: v.Pos, Msg: fmt.Sprintf("history %s %s: %v", pc.Period, names[v.Name], err)})
					continue
				}
				vals[v.Name] = x
			}
			per.Figures = NewFigures(len(names))
			per.Figures.AddRow(key, vals)
		}
		h.Periods = append(h.Periods, per)
		p = p.Prev()
	}
	if len(h.Periods) < need {
		h.Lacks = p.String()
	}
	for _, pc := range given {
		if len(h.Periods) < need {
			errs = append(errs, &rules.Error{Pos: pc.Pos, Msg: fmt.Sprintf("history %s is never reached: the case's history has no %s, which comes between it and %s; list %s, as absent if the person was not in its results", pc.Period, p, cur, p)})
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	past, err := s.Past(h)
	if err != nil {
		return nil, rules.ErrorList{{Pos: c.Pos, Msg: err.Error()}}
	}
	return past, nil
}

// pastCaseValue reads a figure of a case's history: a flag as raised or
// not, a text column or the grade as text, anything else as a number.
func (s *Scorer) pastCaseValue(name, raw string) (Value, error) {
	raw = strings.TrimSpace(raw)
	for _, f := range s.set.Flags {
		if f.Name != name {
			continue
		}
		switch strings.ToLower(raw) {
		case "true", "yes", "raised", "是":
			return Value{Kind: Bool, Bool: true}, nil
		case "false", "no", "", "否":
			return Value{Kind: Bool}, nil
		}
		return Value{}, fmt.Errorf("%q is not raised or not: write true or false", raw)
	}
	if raw == "" {
		return Absent("blank in the case's history"), nil
	}
	text := name == "grade"
	for _, c := range s.set.Columns {
		if c.Name == name {
			text = c.Text
		}
	}
	if text {
		return Str(raw), nil
	}
	d, err := ParseNumber(raw)
	if err != nil {
		return Value{}, fmt.Errorf("%q is not a number", raw)
	}
	return Num(d), nil
}
