package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// Trace explains a result figure by figure: each formula with the values
// it used written in, the band each value fell in, the points, weights
// and scores, the sum that makes the total, the flags and the pay.
// Building one allocates; it is meant for one person, not for a batch.
type Trace struct {
	Inputs   []int // the input columns some formula reads, as indexes into Rules().Columns
	Metrics  []MetricTrace
	Sections []SectionTrace
	Total    TotalTrace
	Grade    *GradeTrace // nil when the rules have no grades
	Flags    []Step
	Pay      []Step
	Ranks    []RankTrace
	Tiers    []TierTrace
}

// RankTrace explains one rank: the figure ranked, the place it earned and
// how many were ranked.
type RankTrace struct {
	Rank  *rules.Rank
	Of    Step  // the figure ranked
	Place Value // missing outside a [Ranking]
	Among Value
}

// Step is one computed figure and how it came about.
type Step struct {
	Name    string
	Formula string // the formula as written; "" when there is none
	Working string // the formula with each name replaced by its value: "750 * 69 / 100"
	Value   Value
}

// MetricTrace explains one metric.
type MetricTrace struct {
	Metric  *rules.Metric
	Value   Step  // the value; its Formula is "" for a metric defined by its points
	Band    int   // the band the value fell in, or -1
	Points  Step  // from the points formula; Formula is "" when bands give the points
	Raw     Value // the points before floor, cap or if_missing
	Limit   string
	Score   Value
	Summed  bool     // the score is a term of the total's sum
	Needs   []string // for [Scorer.TraceValue]: names besides the value that the points formula reads
	Percent bool
	// Target, for a metric scored against a target, is how: "target 100,
	// proportional: 90 / 100 = 90% -> 90 points".
	Target string
	// targetOf holds the value, target and points Target is made of, to
	// say it in another language.
	targetOf [3]Value
}

// TotalTrace explains the total.
type TotalTrace struct {
	Step            // Formula is "" for the sum of the scores, which Working writes out
	Label    string // the total's column header
	Subtotal Value  // before floor and cap
	Limit    string // "capped at 100", "raised to the floor 0", or ""
}

// SectionTrace explains a section: its score, the sum of its metrics'
// scores written out in Working, and what it counts in the total.
type SectionTrace struct {
	Step
	Section *rules.Section
	Counts  Value
	Summed  bool // what it counts is a term of the total's sum
}

// GradeTrace explains the grade.
type GradeTrace struct {
	Label       string // the grade's column header
	Of          string // what is graded: "total" or the formula
	Graded      Value
	Band        int    // the band the graded value fell in, or -1
	Banded      string // the grade of that band, before any veto
	Vetoes      []VetoTrace
	Grade       string // the grade given, after the vetoes
	Coefficient Value
	grades      *rules.Grades
}

// DescribeVeto says what veto v of g does when it holds, as
// [rules.Veto.Describe] does, by w: "at most C", "coefficient 0".
func DescribeVeto(w Words, v *rules.Veto, g *rules.Grades) string {
	if w == nil || g == nil {
		return v.Describe(g)
	}
	var parts []string
	if v.AtMost >= 0 {
		parts = append(parts, w.Say("at most {grade}", g.Bands[v.AtMost].Grade))
	}
	if v.Coefficient != nil {
		parts = append(parts, w.Say("coefficient {n}", show(v.Coefficient.Value)))
	}
	return strings.Join(parts, w.Say(", "))
}

// VetoTrace explains one veto of the grades: its condition, written out
// in Working, and whether it held (Value is true), did not, or could not
// be decided (Value is missing).
type VetoTrace struct {
	Step
	Veto *rules.Veto
	Does string // what it does when it holds: "at most C", "coefficient 0"
}

// Held reports whether the veto's condition held.
func (v VetoTrace) Held() bool { return v.Value.Kind == Bool && v.Value.Bool }

// Trace explains r. It must be called before r scores another record.
func (r *Result) Trace() Trace {
	s, set := r.s, r.s.set
	t := Trace{Inputs: s.readColumns()}
	for i := range set.Metrics {
		t.Metrics = append(t.Metrics, s.traceMetric(i, r.env, r.bands[i]))
	}
	for i := range set.Sections {
		t.Sections = append(t.Sections, s.traceSection(i, r.env))
	}
	t.Total = s.traceTotal(r.env)
	if g := set.Grades; g != nil {
		gt := &GradeTrace{grades: g, Label: set.Labels.Grade, Of: "total", Graded: r.Graded(), Band: r.GradeBand(), Coefficient: r.Coefficient()}
		if g.Of != nil {
			gt.Of = g.Of.Source
		}
		gt.Grade, _ = r.Grade()
		if gt.Band >= 0 {
			gt.Banded = g.Bands[gt.Band].Grade
		}
		for k, v := range g.Vetoes {
			st := s.step("veto", v.When, r.env, -1, r.Veto(k))
			gt.Vetoes = append(gt.Vetoes, VetoTrace{Step: st, Veto: v, Does: v.Describe(g)})
		}
		t.Grade = gt
	}
	for i, f := range set.Flags {
		t.Flags = append(t.Flags, s.step(f.Name, f.When, r.env, -1, r.Flag(i)))
	}
	for i, p := range set.Pay {
		t.Pay = append(t.Pay, s.step(p.Name, p.Formula, r.env, -1, r.Pay(i)))
	}
	for i := range set.Tiers {
		t.Tiers = append(t.Tiers, s.traceTier(i, r.env, r.bands))
	}
	for k, rk := range set.Ranks {
		place, among := r.Rank(k)
		t.Ranks = append(t.Ranks, RankTrace{Rank: rk, Of: s.step(rk.Name, rk.Of, r.env, -1, r.RankOf(k)), Place: place, Among: among})
	}
	return t
}

// readColumns lists the columns read by any formula, in the rules' order.
func (s *Scorer) readColumns() []int {
	set := s.set
	read := make([]bool, len(set.Columns))
	mark := func(f *rules.Formula) {
		if f == nil {
			return
		}
		rules.Refs(f.Expr, func(r *rules.Ref) {
			for i, c := range set.Columns {
				if c.Name == r.Name {
					read[i] = true
				}
			}
		})
	}
	for _, m := range set.Metrics {
		mark(m.Value)
		mark(m.Points)
	}
	mark(set.Total.Formula)
	for _, f := range set.Flags {
		mark(f.When)
	}
	for _, p := range set.Pay {
		mark(p.Formula)
	}
	for _, t := range set.Tiers {
		mark(t.Of)
	}
	for _, r := range set.Ranks {
		mark(r.Of)
		if r.Within != "" {
			for i, c := range set.Columns {
				if c.Name == r.Within {
					read[i] = true
				}
			}
		}
	}
	var out []int
	for i, ok := range read {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

func (s *Scorer) traceMetric(i int, env []Value, band int) MetricTrace {
	m, ms := s.set.Metrics[i], s.metrics[i]
	t := MetricTrace{Metric: m, Band: band, Percent: m.Percent, Score: env[ms.score], Summed: s.set.Total.Formula == nil && m.Scored()}
	t.Value = s.step(m.Name, m.Value, env, -1, env[ms.value])
	if m.Value == nil {
		t.Value = Step{Name: m.Name}
	}
	if !m.Scored() {
		return t
	}
	switch {
	case m.Target != nil:
		t.Raw = env[ms.points]
		t.targetOf = [3]Value{env[ms.value], env[ms.target], env[ms.points]}
		t.Target = targetWorking(nil, m, env[ms.value], env[ms.target], env[ms.points])
	case m.Points != nil:
		f, err := s.compilerFor(i).expr(m.Points.Expr)
		if err == nil {
			t.Raw = f(env)
		}
		t.Points = s.step(m.Name, m.Points, env, i, t.Raw)
	case band >= 0:
		t.Raw = Num(m.EntryPoints(band).Value)
	default:
		// No band or map entry: the value is missing, or none holds it.
		t.Raw = env[ms.value]
		switch {
		case m.Map != nil && t.Raw.Kind == Text:
			t.Raw = Absent(notInMap(m, t.Raw.Str))
		case m.Map == nil && t.Raw.Kind == Number:
			t.Raw = Absent(fmt.Sprintf("%s falls in none of its bands", m.Name))
		}
	}
	t.Points.Value = env[ms.points]
	t.Limit = limit(m, t.Raw, t.Points.Value)
	return t
}

// limit says how floor, cap or if_missing turned raw points into p.
func limit(m *rules.Metric, raw, p Value) string {
	switch {
	case raw.Kind != Number && p.Kind == Number && m.IfMissing != nil:
		return "if_missing " + show(m.IfMissing.Value)
	case raw.Kind != Number || p.Kind != Number || raw.Num.Cmp(p.Num) == 0:
		return ""
	case m.Floor != nil && p.Num.Cmp(m.Floor.Value) == 0:
		return "floor " + show(m.Floor.Value)
	case m.Cap != nil && p.Num.Cmp(m.Cap.Value) == 0:
		return "cap " + show(m.Cap.Value)
	}
	return ""
}

func (s *Scorer) traceSection(i int, env []Value) SectionTrace {
	set := s.set
	sec := set.Sections[i]
	var terms []string
	for j, m := range set.Metrics {
		if m.Scored() && m.Section == sec.Name {
			terms = append(terms, term(env[s.metrics[j].score], len(terms) > 0))
		}
	}
	working := strings.Join(terms, " + ")
	if len(terms) == 0 {
		working = "0"
	}
	return SectionTrace{
		Step:    Step{Name: sec.Name, Working: working, Value: env[s.sections[i].score]},
		Section: sec,
		Counts:  env[s.sections[i].counts],
		Summed:  set.Total.Formula == nil,
	}
}

// Line writes the section as "部门职责 = 95 + 20 = 115, counts 115 x 30 /
// 100 = 34.5 towards the total".
func (t SectionTrace) Line() string { return t.LineIn(nil) }

// LineIn is [SectionTrace.Line] said by w.
func (t SectionTrace) LineIn(w Words) string {
	st := t.Step
	st.Formula, st.Working = st.Working, ""
	line := chain(w, st, false)
	if t.Value.Kind != Number || t.Section.Weight == nil && !t.Summed {
		return line
	}
	if wt := t.Section.Weight; wt != nil {
		if t.Summed {
			return w.Say("{line}, counts {n} x {n2} / 100 = {n3} towards the total", line, t.Value.String(), show(wt.Value), t.Counts.String())
		}
		return w.Say("{line}, counts {n} x {n2} / 100 = {n3}", line, t.Value.String(), show(wt.Value), t.Counts.String())
	}
	return w.Say("{line}, counts as it is towards the total", line)
}

// Line writes the grade as "等级: total 77 -> 中, coefficient 1", with
// the vetoes that held: "等级: total 95 -> A; veto 投诉 >= 2 (2 >= 2): at
// most C -> C, coefficient 1".
func (t GradeTrace) Line() string { return t.LineIn(nil) }

// LineIn is [GradeTrace.Line] said by w.
func (t GradeTrace) LineIn(w Words) string {
	if t.Graded.Kind != Number {
		return w.Say("{label}: {of} has no value, so no grade", t.Label, t.Of)
	}
	if t.Banded != "" && t.Grade == "" {
		for _, v := range t.Vetoes {
			if v.Value.Kind == Missing {
				return w.Say("{label}: {of} {n} -> {grade}, but veto {cond} cannot be decided: {why}", t.Label, t.Of, t.Graded.String(), t.Banded, v.Formula, v.Value.Str)
			}
		}
	}
	if t.Grade == "" {
		return w.Say("{label}: {of} {n} is in none of the grades", t.Label, t.Of, t.Graded.String())
	}
	line := w.Say("{label}: {of} {n} -> {grade}", t.Label, t.Of, t.Graded.String(), t.Banded)
	vetoed := false
	for _, v := range t.Vetoes {
		if v.Held() {
			line += w.Say("; veto {cond} ({working}): {does}", v.Formula, v.Working, DescribeVeto(w, v.Veto, t.grades))
			vetoed = true
		}
	}
	if vetoed {
		line += " -> " + t.Grade
	}
	if t.Coefficient.Kind == Number {
		line += w.Say(", coefficient {n}", t.Coefficient.String())
	}
	return line
}

func (s *Scorer) traceTotal(env []Value) TotalTrace {
	set := s.set
	t := TotalTrace{Label: set.Labels.Total, Subtotal: env[s.raw]}
	if set.Total.Formula != nil {
		t.Step = s.step("total", set.Total.Formula, env, -1, env[s.total])
	} else {
		var terms []string
		for i, m := range set.Metrics {
			if m.Scored() && m.Section == "" {
				terms = append(terms, term(env[s.metrics[i].score], len(terms) > 0))
			}
		}
		for i := range set.Sections {
			terms = append(terms, term(env[s.sections[i].counts], len(terms) > 0))
		}
		t.Step = Step{Name: "total", Working: strings.Join(terms, " + "), Value: env[s.total]}
		if len(terms) == 0 {
			t.Working = "0"
		}
	}
	if sub, tot := t.Subtotal, t.Value; sub.Kind == Number && tot.Kind == Number && sub.Num.Cmp(tot.Num) != 0 {
		t.Limit = totalLimit(nil, sub, tot)
	}
	return t
}

// totalLimit says, by w, what the cap or the floor made of the total
// sub: "capped at 100", "raised to the floor 60".
func totalLimit(w Words, sub, tot Value) string {
	if sub.Num.Cmp(tot.Num) < 0 {
		return w.Say("raised to the floor {n}", tot.String())
	}
	return w.Say("capped at {n}", tot.String())
}

func (s *Scorer) step(name string, f *rules.Formula, env []Value, self int, v Value) Step {
	st := Step{Name: name, Value: v}
	if f != nil {
		st.Formula = f.Source
		st.Working = s.working(f.Expr, env, self)
	}
	return st
}

// compilerFor returns a compiler whose formulas read the slots of this
// scorer, for a trace to evaluate or write out one formula again. self is
// the metric whose value "value" names, or -1.
func (s *Scorer) compilerFor(self int) *compiler {
	// The parameters hold the only numbers among the initial slots, in the
	// order of the rules.
	var params []int
	for j, v := range s.consts {
		if v.Kind == Number {
			params = append(params, j)
		}
	}
	return &compiler{s: s, params: params, self: self, tables: s.tableData}
}

// working writes e out with each name replaced by its value in env: the
// arithmetic a person would check by hand.
func (s *Scorer) working(e rules.Expr, env []Value, self int) string {
	var b strings.Builder
	s.writeWorking(&b, e, env, s.compilerFor(self), 0)
	return b.String()
}

// precedence of the binary operators, as the formula parser reads them.
var precedence = map[string]int{
	"or": 1, "and": 2,
	"=": 3, "<>": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
	"+": 4, "-": 4,
	"*": 5, "/": 5,
}

const precUnary = 6

func (s *Scorer) writeWorking(b *strings.Builder, e rules.Expr, env []Value, c *compiler, outer int) {
	switch e := e.(type) {
	case *rules.Ref:
		slot, err := c.slotOf(e)
		if err != nil {
			b.WriteString(rules.Source(e))
			return
		}
		b.WriteString(term(env[slot], outer > 0))
	case *rules.Unary:
		if e.Op == "not" {
			b.WriteString("not ")
		} else {
			b.WriteString(e.Op)
		}
		s.writeWorking(b, e.X, env, c, precUnary)
	case *rules.Binary:
		p := precedence[e.Op]
		if p < outer {
			b.WriteByte('(')
		}
		s.writeWorking(b, e.X, env, c, p)
		b.WriteString(" " + e.Op + " ")
		s.writeWorking(b, e.Y, env, c, p+1)
		if p < outer {
			b.WriteByte(')')
		}
	case *rules.Call:
		if k, ok := s.siteOfLookup[e]; ok {
			// A lookup is written as the value it found; the detail says
			// in which row.
			b.WriteString(term(s.lookupValue(k, env), outer > 0))
			return
		}
		if k, ok := s.siteOf[e]; ok && s.sites[k].inner != nil {
			// A history call is written as its value: what it counted or
			// added up over the periods, which the history trace lists.
			site := s.sites[k]
			v := combine(e.Func, site.inner(env), env[site.slot], overflowIn(e.Pos, rules.Source(e), nil))
			b.WriteString(term(v, outer > 0))
			return
		}
		b.WriteString(e.Func + "(")
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			s.writeWorking(b, a, env, c, 0)
		}
		b.WriteByte(')')
	default:
		b.WriteString(rules.Source(e))
	}
}

// term renders a value inside a formula: "?" when missing, text quoted,
// and a negative number in brackets when it is an operand.
func term(v Value, operand bool) string {
	switch v.Kind {
	case Missing:
		return "?"
	case Text:
		return fmt.Sprintf("%q", v.Str)
	case Number:
		if operand && v.Num.IsNeg() {
			return "(" + v.String() + ")"
		}
	}
	return v.String()
}

// TraceValue explains what metric i makes of the value v, as if a
// record's formulas had given it: the band it falls in and the points,
// or the points formula written out when it reads only the value and
// parameters; otherwise Needs lists the other names it reads.
func (s *Scorer) TraceValue(i int, v decimal.Decimal) MetricTrace {
	set := s.set
	m := set.Metrics[i]
	var needs []string
	if m.Points != nil {
		seen := map[string]bool{}
		rules.Refs(m.Points.Expr, func(r *rules.Ref) {
			if r.Name == "value" && r.Field == "" || seen[r.Name] || s.isParam(r.Name) {
				return
			}
			seen[r.Name] = true
			needs = append(needs, rules.Source(r))
		})
	}
	// Score a copy of the metric whose value is the number v, with the
	// engine's own step, so that bands, floor, cap and weight apply exactly
	// as they do to a record.
	alt := *m
	alt.Value = &rules.Formula{Source: show(v), Expr: &rules.Num{Value: v}}
	altSet := *set
	altSet.Metrics = append([]*rules.Metric(nil), set.Metrics...)
	altSet.Metrics[i] = &alt
	altScorer := *s
	altScorer.set = &altSet
	env := make([]Value, s.nslots)
	copy(env, s.consts)
	bands := make([]int, len(set.Metrics))
	if len(needs) == 0 {
		c := altScorer.compilerFor(-1)
		if step, err := c.metric(i); err == nil {
			step(env, bands)
		}
	} else {
		env[s.metrics[i].value] = Num(v)
		bands[i] = -1
	}
	t := altScorer.traceMetric(i, env, bands[i])
	t.Metric = m
	t.Value = Step{Name: m.Name, Value: Num(v)}
	t.Needs = needs
	if len(needs) > 0 {
		t.Points = Step{Name: m.Name, Formula: m.Points.Source}
		t.Score, t.Raw, t.Limit = Value{}, Value{}, ""
	}
	return t
}

func (s *Scorer) isParam(name string) bool {
	for _, p := range s.set.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// Lines explains the metric in words, one line each: its value and how
// it was computed, the band or points formula, then the weight and score.
// Lines after the first are indented by two spaces.
func (t MetricTrace) Lines() []string { return t.LinesIn(nil) }

// LinesIn is [MetricTrace.Lines] said by w.
func (t MetricTrace) LinesIn(w Words) []string {
	m := t.Metric
	var lines []string
	add := func(en string, args ...string) { lines = append(lines, "  "+w.Say(en, args...)) }
	if m.Value != nil {
		lines = append(lines, chain(w, t.Value, t.Percent))
	}
	if !m.Scored() {
		add("reported only: it earns no points")
		return lines
	}
	raw := t.Points
	raw.Value = t.Raw
	switch {
	case len(t.Needs) > 0:
		add("points = {formula}: needs {names}", t.Points.Formula, strings.Join(t.Needs, ", "))
		return lines
	case m.Target != nil:
		target := t.Target
		if w != nil {
			target = targetWorking(w, m, t.targetOf[0], t.targetOf[1], t.targetOf[2])
		}
		lines = append(lines, "  "+target)
	case m.Points != nil && m.Value == nil:
		raw.Name = w.Say("{metric} points", m.Name)
		lines = append(lines, chain(w, raw, false))
	case m.Points != nil:
		raw.Name = w.Say("points")
		lines = append(lines, "  "+chain(w, raw, false))
	case m.Map != nil && t.Band == len(m.Map):
		add("not in the map: map_other -> {n} points", show(m.MapOther.Value))
	case m.Map != nil && t.Band >= 0:
		add("map {text} -> {n} points", m.Map[t.Band].Text, show(m.Map[t.Band].Points.Value))
	case m.Map != nil && t.Value.Value.Kind == Text:
		add("not in the map -> no points")
	case t.Band >= 0:
		b := m.Bands[t.Band]
		if b.Label != "" {
			add("band {when} ({label}) -> {n} points", b.When, b.Label, show(b.Points.Value))
		} else {
			add("band {when} -> {n} points", b.When, show(b.Points.Value))
		}
	case t.Value.Value.Kind == Number:
		add("in none of the bands -> no points")
	}
	p := t.Points.Value
	if t.Limit != "" {
		add("{limit} -> {n} points", t.Limit, p.String())
	}
	if p.Kind != Number {
		add("no points, so no score")
		return lines
	}
	switch {
	case m.Weight != nil && m.Section != "":
		add("weight {n} -> {n2} x {n} / 100 = {n3} towards {section}", show(m.Weight.Value), p.String(), t.Score.String(), m.Section)
	case m.Weight != nil && t.Summed:
		add("weight {n} -> {n2} x {n} / 100 = {n3} towards the total", show(m.Weight.Value), p.String(), t.Score.String())
	case m.Weight != nil:
		add("weight {n} -> {n2} x {n} / 100 = {n3}", show(m.Weight.Value), p.String(), t.Score.String())
	case m.Section != "":
		add("no weight -> {n} towards {section}", t.Score.String(), m.Section)
	case t.Summed:
		add("no weight -> {n} towards the total", t.Score.String())
	default:
		add("no weight -> {n}", t.Score.String())
	}
	return lines
}

// String writes the step as "name = formula = working = value", leaving
// out a part that repeats the one before: "绩效工资 = 绩效工资基数 * total /
// 100 = 750 * 69 / 100 = 517.5". A missing value gives its reason instead.
func (st Step) String() string { return chain(nil, st, false) }

// StringIn is [Step.String] said by w.
func (st Step) StringIn(w Words) string { return chain(w, st, false) }

// chain writes a step as "name = formula = working = value", leaving out
// a part that repeats the one before, and giving the reason when the
// value is missing.
func chain(w Words, st Step, percent bool) string {
	parts := []string{st.Name}
	for _, p := range []string{st.Formula, st.Working} {
		if p != "" && p != parts[len(parts)-1] {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, " = ")
	if st.Value.Kind == Missing {
		if st.Value.Str == "" {
			return s + w.Say(": no value")
		}
		return s + w.Say(": {why}", st.Value.Str)
	}
	v := st.Value.String()
	if st.Value.Kind == Text {
		// Quoted, as the working shows it: 评价 = "良好".
		v = fmt.Sprintf("%q", st.Value.Str)
	}
	if percent && st.Value.Kind == Number {
		v += " (" + percentOf(st.Value.Num) + ")"
	}
	if v != parts[len(parts)-1] {
		s += " = " + v
	}
	return s
}

// percentOf renders d as a percentage, exactly: 0.745 is "74.5%".
func percentOf(d decimal.Decimal) string {
	p, err := d.Mul(decimal.Hundred)
	if err != nil {
		return d.String()
	}
	return show(p) + "%"
}

// Line explains the total: "total = 35 + 20 + ... = 102, capped at 100".
func (t TotalTrace) Line() string { return t.LineIn(nil) }

// LineIn is [TotalTrace.Line] said by w.
func (t TotalTrace) LineIn(w Words) string {
	st := t.Step
	st.Name = t.Label
	if st.Formula == "" {
		st.Formula = st.Working
		st.Working = ""
	}
	if t.Limit != "" {
		st.Value = t.Subtotal
		return chain(w, st, false) + w.Say(", ") + totalLimit(w, t.Subtotal, t.Value)
	}
	return chain(w, st, false)
}
