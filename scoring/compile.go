package scoring

import (
	"fmt"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// evalFn computes one value from the slots of a record being scored.
type evalFn func(env []Value) Value

// Scorer scores records against one compiled rule set. It is safe for
// concurrent use; each goroutine needs its own [Result].
type Scorer struct {
	set *rules.Set

	nslots  int
	consts  []Value // the initial slots: parameters filled in, the rest missing
	steps   []func(env []Value, bands []int)
	metrics []metricSlots
	total   int // slot of the total
	raw     int // slot of the total before floor and cap
	// periodStart and periodEnd are the slots of period_start and
	// period_end.
	periodStart, periodEnd int
	flags                  []int
	pay                    []int
	inputs                 [][]int // per metric, the input columns its formulas read

	sections []sectionSlots
	grade    gradeSlots
	ranks    []rankSlots
	pools    []poolSlots
	curve    curveSlots
	tiers    []tierSlots
	sites    []historySite
	siteOf   map[*rules.Call]int
	params   []int    // per param, its slot
	blanks   []string // per column, why a blank cell has no value; see [blankReasons]

	lookups      []lookupSite
	siteOfLookup map[*rules.Call]int
	tableData    []*TableData // the tables lookups read; nil until WithTables
}

type metricSlots struct {
	value, points, score int
	target               int              // the target of a metric scored against one, else -1
	weight               *decimal.Decimal // weight / 100, nil when unweighted
}

// Compile prepares set for scoring. It fails only on a set that did not
// come from [rules.Parse].
func Compile(set *rules.Set) (*Scorer, error) { return compile(set, nil) }

func compile(set *rules.Set, tables []*TableData) (*Scorer, error) {
	s := &Scorer{set: set, blanks: blankReasons(set), tableData: tables}
	slot := func() int { s.nslots++; return s.nslots - 1 }
	for range set.Columns {
		slot()
	}
	params := make([]int, len(set.Params))
	for i := range set.Params {
		params[i] = slot()
	}
	s.metrics = make([]metricSlots, len(set.Metrics))
	for i, m := range set.Metrics {
		ms := &s.metrics[i]
		ms.value, ms.points, ms.score, ms.target = slot(), slot(), slot(), -1
		if m.Target != nil {
			ms.target = slot()
		}
		if m.Weight != nil {
			w, err := m.Weight.Value.Quo(decimal.Hundred)
			if err != nil {
				return nil, fmt.Errorf("metric %s: weight %s: %w", m.Name, m.Weight.Value, err)
			}
			ms.weight = &w
		}
	}
	s.sections = make([]sectionSlots, len(set.Sections))
	for i, sec := range set.Sections {
		ss := &s.sections[i]
		ss.score, ss.counts = slot(), slot()
		if sec.Weight != nil {
			w, err := sec.Weight.Value.Quo(decimal.Hundred)
			if err != nil {
				return nil, fmt.Errorf("section %s: weight %s: %w", sec.Name, sec.Weight.Value, err)
			}
			ss.weight = &w
		}
	}
	s.total, s.raw = slot(), slot()
	s.periodStart, s.periodEnd = slot(), slot()
	if set.Grades != nil {
		s.grade = gradeSlots{of: slot(), grade: slot(), coefficient: slot(), forced: slot()}
		for range set.Grades.Vetoes {
			s.grade.vetoes = append(s.grade.vetoes, slot())
		}
	}
	s.flags = make([]int, len(set.Flags))
	for i := range set.Flags {
		s.flags[i] = slot()
	}
	s.pay = make([]int, len(set.Pay))
	for i := range set.Pay {
		s.pay[i] = slot()
	}
	s.ranks = make([]rankSlots, len(set.Ranks))
	for i := range set.Ranks {
		s.ranks[i] = rankSlots{of: slot(), rank: slot(), among: slot(), within: -1}
	}
	s.tiers = make([]tierSlots, len(set.Tiers))
	for i := range set.Tiers {
		s.tiers[i] = tierSlots{of: slot(), rate: slot(), amount: slot()}
	}
	s.siteOf = map[*rules.Call]int{}
	for _, call := range set.HistoryCalls() {
		s.siteOf[call] = len(s.sites)
		s.sites = append(s.sites, historySite{call: call, slot: slot(), need: s.historyNeed(call),
			src: rules.Source(call), cond: rules.Source(call.Args[0])})
	}
	s.siteOfLookup = map[*rules.Call]int{}
	for _, call := range set.LookupCalls() {
		ref, _ := call.Args[0].(*rules.Ref)
		site := lookupSite{call: call, table: -1, col: -1, slot: slot()}
		if ref != nil {
			if site.table = set.TableIndex(ref.Name); site.table >= 0 {
				for j, col := range set.Tables[site.table].Columns {
					if col.Name == ref.Field {
						site.col = j
					}
				}
			}
		}
		if site.table < 0 || site.col < 0 {
			return nil, fmt.Errorf("%s: lookup of an unknown table or column", call.Pos)
		}
		s.siteOfLookup[call] = len(s.lookups)
		s.lookups = append(s.lookups, site)
	}
	s.params = params
	s.consts = make([]Value, s.nslots)
	for _, site := range s.sites {
		s.consts[site.slot] = noHistory(site.call, site.need)
	}
	for _, site := range s.lookups {
		// What a lookup holds when its formula is decided without it:
		// the second half of an "and" whose first half is false.
		s.consts[site.slot] = Absent(notLookedUp)
	}
	for i, p := range set.Params {
		s.consts[params[i]] = Num(p.Value)
	}
	for i, r := range set.Ranks {
		// Until a Ranking gives it, a rank has no value: scoring one
		// row, as a case does, cannot rank it.
		s.consts[s.ranks[i].rank] = Absent(fmt.Sprintf("%s ranks the whole sheet, not one row", r.Name))
	}

	c := &compiler{s: s, params: params, tables: tables}
	for i, r := range set.Ranks {
		if r.Within != "" {
			s.ranks[i].within = c.column(r.Within)
		}
	}
	s.inputs = make([][]int, len(set.Metrics))
	for i, m := range set.Metrics {
		seen := map[int]bool{}
		for _, f := range []*rules.Formula{m.Value, m.Points, m.Target} {
			if f == nil {
				continue
			}
			rules.Refs(f.Expr, func(r *rules.Ref) {
				if col := c.column(r.Name); col >= 0 && !seen[col] {
					seen[col] = true
					s.inputs[i] = append(s.inputs[i], col)
				}
			})
		}
	}
	for _, n := range set.Order {
		step, err := c.node(n)
		if err != nil {
			return nil, err
		}
		s.steps = append(s.steps, step)
	}
	if err := c.compilePools(); err != nil {
		return nil, err
	}
	if err := c.compileCurve(); err != nil {
		return nil, err
	}
	return s, nil
}

// Rules returns the rule set the scorer was compiled from.
func (s *Scorer) Rules() *rules.Set { return s.set }

// MetricInputs lists the input columns (indexes into Rules().Columns)
// that metric i reads, in the order its formulas name them.
func (s *Scorer) MetricInputs(i int) []int { return s.inputs[i] }

type compiler struct {
	s      *Scorer
	params []int
	tables []*TableData // nil: lookups have no value
	self   int          // the metric whose points are compiled, or -1
}

func (c *compiler) column(name string) int {
	for i, col := range c.s.set.Columns {
		if col.Name == name {
			return i
		}
	}
	return -1
}

func (c *compiler) slotOf(r *rules.Ref) (int, error) {
	set := c.s.set
	if r.Name == "value" && r.Field == "" && c.self >= 0 {
		return c.s.metrics[c.self].value, nil
	}
	if r.Name == "total" {
		return c.s.total, nil
	}
	switch r.Name {
	case "period_start":
		return c.s.periodStart, nil
	case "period_end":
		return c.s.periodEnd, nil
	}
	if set.Grades != nil {
		switch r.Name {
		case "grade":
			return c.s.grade.grade, nil
		case "coefficient":
			return c.s.grade.coefficient, nil
		}
	}
	if i := set.SectionIndex(r.Name); i >= 0 {
		return c.s.sections[i].score, nil
	}
	if i := c.column(r.Name); i >= 0 {
		return i, nil
	}
	for i, p := range set.Params {
		if p.Name == r.Name {
			return c.params[i], nil
		}
	}
	for i, m := range set.Metrics {
		if m.Name == r.Name {
			switch r.Field {
			case "points":
				return c.s.metrics[i].points, nil
			case "score":
				return c.s.metrics[i].score, nil
			}
			return c.s.metrics[i].value, nil
		}
	}
	for i, f := range set.Flags {
		if f.Name == r.Name {
			return c.s.flags[i], nil
		}
	}
	for i, p := range set.Pay {
		if p.Name == r.Name {
			return c.s.pay[i], nil
		}
	}
	for i, rk := range set.Ranks {
		if rk.Name == r.Name {
			return c.s.ranks[i].rank, nil
		}
	}
	if i := set.TierIndex(r.Name); i >= 0 {
		if r.Field == "rate" {
			return c.s.tiers[i].rate, nil
		}
		return c.s.tiers[i].amount, nil
	}
	return 0, fmt.Errorf("%s: unknown name %q", r.Pos, r.Name)
}

func (c *compiler) node(n rules.Node) (func([]Value, []int), error) {
	set := c.s.set
	c.self = -1
	switch n.Kind {
	case rules.NodeMetric:
		return c.metric(n.Index)
	case rules.NodeTotal:
		return c.totalStep()
	case rules.NodeSection:
		return c.section(n.Index)
	case rules.NodeGrade:
		return c.gradeStep()
	case rules.NodeFlag:
		f, err := c.formula(set.Flags[n.Index].When)
		slot := c.s.flags[n.Index]
		return func(env []Value, _ []int) { env[slot] = f(env) }, err
	case rules.NodeTier:
		return c.tierStep(n.Index)
	case rules.NodeRank:
		f, err := c.formula(set.Ranks[n.Index].Of)
		slot := c.s.ranks[n.Index].of
		return func(env []Value, _ []int) { env[slot] = f(env) }, err
	case rules.NodePay:
		pl := set.Pay[n.Index]
		f, err := c.formula(pl.Formula)
		slot := c.s.pay[n.Index]
		// Pay is shown rounded to cents; a figure so near the 19 digits
		// that rounding it overflows would be shown wrong.
		var cents *Overflow
		if pl.Formula != nil {
			cents = c.overflow(pl.Formula.Expr)
		}
		return func(env []Value, _ []int) {
			v := f(env)
			if v.Kind == Number {
				if _, ok := roundHalfUp(v.Num, 2); !ok {
					v = cents.absent()
				}
			}
			env[slot] = v
		}, err
	}
	return nil, fmt.Errorf("unknown node kind %d", n.Kind)
}

func (c *compiler) formula(f *rules.Formula) (evalFn, error) {
	if f == nil {
		return func([]Value) Value { return Absent("no formula") }, nil
	}
	return c.expr(f.Expr)
}

func (c *compiler) metric(i int) (func([]Value, []int), error) {
	m := c.s.set.Metrics[i]
	ms := c.s.metrics[i]
	value, err := c.formula(m.Value)
	if err != nil {
		return nil, err
	}
	if m.Value == nil {
		value = nil
	}
	c.self = i
	var points evalFn
	if m.Points != nil {
		if points, err = c.expr(m.Points.Expr); err != nil {
			return nil, err
		}
	}
	var target evalFn
	if m.Target != nil {
		if target, err = c.expr(m.Target.Expr); err != nil {
			return nil, err
		}
	}
	bands := m.Bands
	lookup := compileMap(m)
	var floor, capv, ifMissing *decimal.Decimal
	if m.Floor != nil {
		floor = &m.Floor.Value
	}
	if m.Cap != nil {
		capv = &m.Cap.Value
	}
	if m.Mode == rules.TargetProportional {
		// The share of the target reached earns its points up to the
		// full 100, and never fewer than none, unless the rule says.
		if capv == nil {
			capv = &hundred
		}
		if floor == nil {
			floor = &zero
		}
	}
	if m.IfMissing != nil {
		ifMissing = &m.IfMissing.Value
	}
	scored := m.Scored()
	noBand := fmt.Sprintf("%s falls in none of its bands", m.Name)
	overflow := overflowIn(m.Pos, m.Name, nil)
	return func(env []Value, bandOf []int) {
		var v Value
		if value != nil {
			v = value(env)
			env[ms.value] = v
		}
		bandOf[i] = -1
		if !scored {
			return
		}
		var p Value
		switch {
		case bands != nil:
			p = v
			if v.Kind == Number {
				p = Absent(noBand)
				for j, b := range bands {
					if b.Contains(v.Num) {
						p = Num(b.Points.Value)
						bandOf[i] = j
						break
					}
				}
			}
		case target != nil:
			t := target(env)
			env[ms.target] = t
			p = againstTarget(m, v, t, overflow)
		case lookup != nil:
			p, bandOf[i] = lookup.find(v)
		default:
			p = points(env)
		}
		if p.Kind != Number && ifMissing != nil {
			p = Num(*ifMissing)
		}
		if p.Kind == Number {
			if floor != nil && p.Num.Cmp(*floor) < 0 {
				p.Num = *floor
			}
			if capv != nil && p.Num.Cmp(*capv) > 0 {
				p.Num = *capv
			}
		}
		env[ms.points] = p
		if value == nil {
			env[ms.value] = p
		}
		sc := p
		if p.Kind == Number && ms.weight != nil {
			sc = mul(p, Num(*ms.weight), overflow)
		}
		env[ms.score] = sc
	}, nil
}

func (c *compiler) totalStep() (func([]Value, []int), error) {
	set := c.s.set
	t := set.Total
	var sum evalFn
	if t.Formula != nil {
		f, err := c.formula(t.Formula)
		if err != nil {
			return nil, err
		}
		sum = f
	} else {
		var scores []int
		for i, m := range set.Metrics {
			if m.Scored() && m.Section == "" {
				scores = append(scores, c.s.metrics[i].score)
			}
		}
		for _, ss := range c.s.sections {
			scores = append(scores, ss.counts)
		}
		totalOverflow := overflowIn(t.Pos, "the total", nil)
		sum = func(env []Value) Value {
			acc := Num(decimal.Zero)
			for _, sl := range scores {
				if env[sl].Kind != Number {
					return env[sl]
				}
				acc = add(acc, env[sl], totalOverflow)
			}
			return acc
		}
	}
	var floor, capv *decimal.Decimal
	if t.Floor != nil {
		floor = &t.Floor.Value
	}
	if t.Cap != nil {
		capv = &t.Cap.Value
	}
	total, raw := c.s.total, c.s.raw
	return func(env []Value, _ []int) {
		v := sum(env)
		env[raw] = v
		if v.Kind == Number {
			if floor != nil && v.Num.Cmp(*floor) < 0 {
				v.Num = *floor
			}
			if capv != nil && v.Num.Cmp(*capv) > 0 {
				v.Num = *capv
			}
		}
		env[total] = v
	}, nil
}

var (
	hundred = decimal.Hundred
	zero    = decimal.Zero
)

// againstTarget gives the points of a value v against its target t: all or
// nothing, 100 when the target is met (v >= t, or v <= t when lower is
// better) and 0 otherwise; proportional, 100 x the completion, v / t (or
// t / v when lower is better), before the cap. A target of 0, or a value of
// 0 when lower is better, leaves no share to take: met, it earns 100.
func againstTarget(m *rules.Metric, v, t Value, overflow *Overflow) Value {
	if v.Kind != Number {
		return v
	}
	if t.Kind != Number {
		return t
	}
	c := v.Num.Cmp(t.Num)
	met := c >= 0
	if m.Lower {
		met = c <= 0
	}
	if m.Mode == rules.TargetAll {
		if met {
			return Num(hundred)
		}
		return Num(zero)
	}
	num, den := v, t
	if m.Lower {
		num, den = t, v
	}
	if den.Num.IsZero() {
		if met {
			return Num(hundred)
		}
		return Num(zero)
	}
	return mul(Num(hundred), arith(num, den, decimal.Decimal.Quo, overflow), overflow)
}
