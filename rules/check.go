package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// Parse decodes and checks the rule file named file whose text is src.
// The error, if any, is an [ErrorList].
func Parse(file string, src []byte) (*Set, error) {
	d, root, lerr := load(file, src)
	if lerr != nil {
		return nil, ErrorList{lerr}
	}
	if len(root.Content) == 0 {
		return nil, ErrorList{{Pos: Pos{File: file}, Msg: "the rule file is empty"}}
	}
	s := d.set(root)
	c := &checker{set: s, errs: &d.errs}
	c.checkLedger()
	c.names()
	c.sections()
	c.types()
	c.rankTypes()
	c.poolTypes()
	c.distributionTypes()
	c.gradeTypes()
	c.metricBands()
	c.mapValues()
	c.divisions()
	c.unusedIfMissing()
	c.blankNone()
	c.order()
	c.parts()
	c.noTotal()
	errs, warns := d.errs.split()
	if len(errs) > 0 {
		// The warnings go with the errors, in file order, so that a
		// team lead fixing the file sees them all at once.
		d.errs.Sort()
		return nil, d.errs
	}
	s.Warnings = warns
	return s, nil
}

// kind of a declared name
type declKind uint8

const (
	declColumn declKind = iota
	declParam
	declMetric
	declFlag
	declPay
	declTotal
	declSection
	declGrade
	declCoefficient
	declRank
	declTier
	declTable
	declPeriod // period_start and period_end
)

type decl struct {
	kind  declKind
	index int
	pos   Pos
	typ   typ
}

type typ uint8

const (
	tyUnknown typ = iota
	tyNumber
	tyText
	tyBool
	tyDate
)

func (t typ) String() string {
	return [...]string{"unknown", "a number", "text", "a condition", "a date"}[t]
}

type checker struct {
	set   *Set
	errs  *ErrorList
	decls map[string]*decl
	// metric types are inferred lazily, guarding against cycles
	inferring map[int]bool
}

var reserved = []string{"total", "value", "and", "or", "not", "grade", "coefficient", "period_start", "period_end"}

func (c *checker) declare(name string, pos Pos, d *decl) {
	d.pos = pos
	if !isName(name) {
		e := c.errs.add(pos, "%q cannot be used as a name in formulas", name)
		if d.kind == declColumn {
			e.Hint = "give the column a plain name and put the header text under header:"
		} else {
			e.Hint = "use letters, digits and _ only"
		}
	}
	if contains(reserved, name) {
		c.errs.add(pos, "%q is a reserved word: choose another name", name)
		return
	}
	if prev, ok := c.decls[name]; ok {
		c.errs.add(pos, "the name %s is already used at line %d", name, prev.pos.Line)
		return
	}
	c.decls[name] = d
}

// isName reports whether s reads as a single name in a formula.
func isName(s string) bool {
	for i, r := range foldWidth(s) {
		if !(unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

func foldWidth(s string) string { return width.Fold.String(s) }

func (c *checker) names() {
	s := c.set
	c.decls = map[string]*decl{}
	c.inferring = map[int]bool{}
	headers := map[string]*Column{}
	for i, col := range s.Columns {
		t := tyNumber
		if col.Date {
			t = tyDate
		}
		if col.Text {
			t = tyText
		}
		c.declare(col.Name, col.Pos, &decl{kind: declColumn, index: i, typ: t})
		for j, h := range append([]string{col.Header}, col.Aliases...) {
			k := strings.TrimSpace(foldWidth(h))
			if prev, ok := headers[k]; ok && prev != col {
				what := "header"
				if j > 0 {
					what = "alias"
				}
				c.errs.add(col.Pos, "column %s: %s %q also names column %s (line %d)", col.Name, what, h, prev.Name, prev.Pos.Line)
				continue
			}
			headers[k] = col
		}
		if col.Min != nil && col.Max != nil && col.Min.Value.Cmp(col.Max.Value) > 0 {
			c.errs.add(col.Max.Pos, "column %s: max %s is below min %s", col.Name, col.Max.Value, col.Min.Value)
		}
	}
	for i, p := range s.Params {
		c.declare(p.Name, p.Pos, &decl{kind: declParam, index: i, typ: tyNumber})
	}
	c.checkTables()
	for i, sec := range s.Sections {
		c.declare(sec.Name, sec.Pos, &decl{kind: declSection, index: i, typ: tyNumber})
	}
	for i, m := range s.Metrics {
		c.declare(m.Name, m.Pos, &decl{kind: declMetric, index: i})
	}
	for i, f := range s.Flags {
		c.declare(f.Name, f.Pos, &decl{kind: declFlag, index: i, typ: tyBool})
	}
	for i, p := range s.Pay {
		c.declare(p.Name, p.Pos, &decl{kind: declPay, index: i, typ: tyNumber})
	}
	for i, r := range s.Ranks {
		c.declare(r.Name, r.Pos, &decl{kind: declRank, index: i, typ: tyNumber})
	}
	for i, t := range s.Tiers {
		c.declare(t.Name, t.Pos, &decl{kind: declTier, index: i, typ: tyNumber})
	}
	c.decls["total"] = &decl{kind: declTotal, typ: tyNumber}
	c.decls["period_start"] = &decl{kind: declPeriod, typ: tyDate}
	c.decls["period_end"] = &decl{kind: declPeriod, typ: tyDate}
	c.declareGrades()
	c.resultHeaders(headers)
}

// resultHeaders checks that no result column would carry the header of an
// input column, which would make the scored sheet ambiguous.
func (c *checker) resultHeaders(inputs map[string]*Column) {
	c.resultHeadersOf(inputs, c.set.Labels, nil)
	c.resultHeadersOf(inputs, c.set.Local, &c.set.Labels)
}

// resultHeadersOf checks the result headers that labels make; those the
// same as the ones of done, already checked, are left out.
func (c *checker) resultHeadersOf(inputs map[string]*Column, labels Labels, done *Labels) {
	s := c.set
	check := func(h string, pos Pos, what, hint string) {
		if done != nil && c.sameHeader(h, what, *done) {
			return
		}
		col, ok := inputs[strings.TrimSpace(foldWidth(h))]
		// A metric named like a column is reported once, as a clash of names.
		if ok && !strings.HasSuffix(what, " "+col.Name) {
			e := c.errs.add(pos, "%s would head a result column %q, the header of input column %s", what, h, col.Name)
			e.Hint = hint
		}
	}
	for _, m := range s.Metrics {
		if m.Scored() {
			check(strings.ReplaceAll(labels.Points, "{metric}", m.Name), m.Pos, "metric "+m.Name, "change labels.points, or rename the metric")
		} else {
			check(m.Name, m.Pos, "metric "+m.Name, "rename the metric")
		}
	}
	for _, sec := range s.Sections {
		check(strings.ReplaceAll(labels.Sections, "{section}", sec.Name), sec.Pos, "section "+sec.Name, "change labels.sections, or rename the section")
	}
	for _, p := range s.Pay {
		check(p.Name, p.Pos, "pay line "+p.Name, "rename the pay line")
	}
	for _, r := range s.Ranks {
		check(r.Name, r.Pos, "rank "+r.Name, "rename the rank")
	}
	for _, l := range []struct{ label, key string }{{labels.Total, "total"}, {labels.Flags, "flags"}, {labels.Notes, "notes"}} {
		check(l.label, labels.Pos, "the "+l.key+" label", "change labels."+l.key)
	}
	if g := s.Grades; g != nil {
		check(labels.Grade, g.Pos, "the grade label", "change the grades' label")
		if g.Coefficients() {
			check(labels.Coefficient, g.Pos, "the coefficient label", "change labels.coefficient")
		}
	}
}

// sameHeader reports whether what gets the header h under labels too.
func (c *checker) sameHeader(h, what string, labels Labels) bool {
	s := c.set
	for _, m := range s.Metrics {
		if what == "metric "+m.Name {
			return !m.Scored() || strings.ReplaceAll(labels.Points, "{metric}", m.Name) == h
		}
	}
	for _, sec := range s.Sections {
		if what == "section "+sec.Name {
			return strings.ReplaceAll(labels.Sections, "{section}", sec.Name) == h
		}
	}
	switch what {
	case "the total label":
		return labels.Total == h
	case "the flags label":
		return labels.Flags == h
	case "the notes label":
		return labels.Notes == h
	case "the grade label":
		return labels.Grade == h
	case "the coefficient label":
		return labels.Coefficient == h
	}
	return true // pay lines and ranks are named as they are
}

// lookup resolves a reference inside a formula; self is the metric whose
// points formula is being read, or nil.
func (c *checker) lookup(r *Ref, self *Metric) (*decl, bool) {
	if r.Name == "value" && self != nil && r.Field == "" {
		if self.Value == nil {
			c.errs.add(r.Pos, "metric %s has no value for its points to use", self.Name)
			return nil, false
		}
		return &decl{kind: declMetric, index: c.metricIndex(self), typ: tyNumber}, true
	}
	d, ok := c.decls[r.Name]
	if !ok {
		e := c.errs.add(r.Pos, "unknown name %q", r.Name)
		names := make([]string, 0, len(c.decls))
		for n := range c.decls {
			names = append(names, n)
		}
		sort.Strings(names)
		if h := c.unknownHint(r.Name); h != "" {
			e.Hint = h
		} else if s := closest(r.Name, names); s != "" {
			e.Hint = fmt.Sprintf("did you mean %q?", s)
		} else if r.Name == "value" {
			e.Hint = "value names a metric's own value, inside its points formula"
		}
		return nil, false
	}
	if d.kind == declTable {
		e := c.errs.add(r.Pos, "%s is a table: read a value of it with lookup", r.Name)
		t := c.set.Tables[d.index]
		e.Hint = fmt.Sprintf("lookup(%s.%s, %s) gives the %s of the row with those keys", t.Name, t.Columns[0].Name, strings.Join(t.KeyNames(), ", "), t.Columns[0].Name)
		return nil, false
	}
	if r.Field != "" && d.kind == declSection {
		c.errs.add(r.Pos, "%s.%s: a section's name is its score: write %s", r.Name, r.Field, r.Name)
		return nil, false
	}
	if r.Field != "" && d.kind == declTier {
		if r.Field != "rate" {
			c.errs.add(r.Pos, "%s.%s: a tier table has .rate, not .%s", r.Name, r.Field, r.Field)
			return nil, false
		}
		return d, true
	}
	if r.Field != "" {
		if r.Field != "points" && r.Field != "score" {
			c.errs.add(r.Pos, "%s.%s: a metric has .points and .score, not .%s", r.Name, r.Field, r.Field)
			return nil, false
		}
		if d.kind != declMetric || !c.set.Metrics[d.index].Scored() {
			c.errs.add(r.Pos, "%s.%s: %s earns no points", r.Name, r.Field, r.Name)
			return nil, false
		}
	}
	return d, true
}

func (c *checker) metricIndex(m *Metric) int {
	for i, x := range c.set.Metrics {
		if x == m {
			return i
		}
	}
	return -1
}

func (c *checker) types() {
	s := c.set
	for _, m := range s.Metrics {
		c.metricType(c.metricIndex(m))
		if m.Points != nil {
			c.want(m.Points, m, tyNumber, "points")
		}
		if m.Target != nil {
			c.want(m.Target, nil, tyNumber, "the target of "+m.Name)
		}
		if len(m.Bands) == 0 && m.Bands != nil {
			c.errs.add(m.Pos, "metric %s has an empty list of bands", m.Name)
		}
	}
	if s.Total.Formula != nil {
		c.want(s.Total.Formula, nil, tyNumber, "the total")
	}
	for _, f := range s.Flags {
		if f.When != nil {
			c.want(f.When, nil, tyBool, "flag "+f.Name)
		}
	}
	for _, p := range s.Pay {
		if p.Formula != nil {
			c.want(p.Formula, nil, tyNumber, "pay line "+p.Name)
		}
	}
	for _, t := range s.Tiers {
		if t.Of != nil {
			c.want(t.Of, nil, tyNumber, "the amount of tier table "+t.Name)
		}
	}
}

func (c *checker) want(f *Formula, self *Metric, want typ, what string) {
	if got := c.typeOf(f.Expr, self); got != tyUnknown && got != want {
		c.errs.add(f.Pos, "%s must be %s, but %s is %s", what, want, f.Source, got)
	}
}

func (c *checker) metricType(i int) typ {
	d := c.decls[c.set.Metrics[i].Name]
	if d == nil || d.kind != declMetric {
		return tyUnknown
	}
	if d.typ != tyUnknown || c.inferring[i] {
		return d.typ
	}
	c.inferring[i] = true
	m := c.set.Metrics[i]
	if m.Value != nil {
		d.typ = c.typeOf(m.Value.Expr, nil)
		if m.Bands != nil && d.typ != tyNumber && d.typ != tyUnknown {
			c.errs.add(m.Value.Pos, "metric %s has bands, so its value must be a number, but %s is %s", m.Name, m.Value.Source, d.typ)
		}
		if m.Target != nil && d.typ != tyNumber && d.typ != tyUnknown {
			c.errs.add(m.Value.Pos, "metric %s has a target, so its value must be a number, but %s is %s", m.Name, m.Value.Source, d.typ)
		}
		if m.Map != nil && d.typ != tyText && d.typ != tyUnknown {
			c.errs.add(m.Value.Pos, "metric %s has a map, so its value must be text, but %s is %s", m.Name, m.Value.Source, d.typ)
		}
	} else {
		d.typ = tyNumber
	}
	return d.typ
}

func (c *checker) typeOf(e Expr, self *Metric) typ {
	switch e := e.(type) {
	case *Num:
		return tyNumber
	case *Str:
		return tyText
	case *Ref:
		d, ok := c.lookup(e, self)
		if !ok {
			return tyUnknown
		}
		if e.Field != "" {
			return tyNumber
		}
		if d.kind == declMetric {
			return c.metricType(d.index)
		}
		return d.typ
	case *Unary:
		x := c.typeOf(e.X, self)
		want := tyNumber
		if e.Op == "not" {
			want = tyBool
		}
		c.operand(e.X, x, want, e.Op)
		return want
	case *Binary:
		x, y := c.typeOf(e.X, self), c.typeOf(e.Y, self)
		switch e.Op {
		case "+", "-", "*", "/":
			c.operand(e.X, x, tyNumber, e.Op)
			c.operand(e.Y, y, tyNumber, e.Op)
			return tyNumber
		case "and", "or":
			c.operand(e.X, x, tyBool, e.Op)
			c.operand(e.Y, y, tyBool, e.Op)
			return tyBool
		case "=", "<>":
			if x != tyUnknown && y != tyUnknown && x != y {
				c.errs.add(e.Pos, "cannot compare %s with %s: %s is %s, %s is %s", Source(e.X), Source(e.Y), Source(e.X), x, Source(e.Y), y)
			}
			return tyBool
		default:
			if x == tyDate || y == tyDate {
				// Dates compare with dates: 入职日期 < period_start.
				c.operand(e.X, x, tyDate, e.Op)
				c.operand(e.Y, y, tyDate, e.Op)
				return tyBool
			}
			c.operand(e.X, x, tyNumber, e.Op)
			c.operand(e.Y, y, tyNumber, e.Op)
			return tyBool
		}
	case *Call:
		return c.call(e, self)
	}
	return tyUnknown
}

func (c *checker) operand(e Expr, got, want typ, op string) {
	if got != tyUnknown && got != want {
		c.errs.add(e.Position(), "%s needs %s, but %s is %s", op, want, Source(e), got)
	}
}

// Functions lists the functions formulas may call, with their arity
// (-1: one or more).
var Functions = map[string]int{
	"min": -1, "max": -1, "floor": 1, "ceil": 1, "round": 2, "abs": 1, "if": 3,
	"mean": -1, "wmean": -1, "lookup": -1,
	"months_between": 2, "years_between": 2, "days_between": 2,
}

func (c *checker) call(e *Call, self *Metric) typ {
	if IsLookup(e.Func) {
		return c.lookupCall(e, self)
	}
	n, ok := Functions[e.Func]
	if !ok {
		names := make([]string, 0, len(Functions))
		for k := range Functions {
			names = append(names, k)
		}
		sort.Strings(names)
		er := c.errs.add(e.Pos, "unknown function %q", e.Func)
		if s := closest(e.Func, names); s != "" {
			er.Hint = fmt.Sprintf("did you mean %q?", s)
		} else {
			er.Hint = "the functions are " + strings.Join(names, ", ")
		}
		return tyUnknown
	}
	if n == -1 && len(e.Args) == 0 || n >= 0 && len(e.Args) != n {
		want := fmt.Sprintf("%d arguments", n)
		switch n {
		case 1:
			want = "one argument"
		case -1:
			want = "at least one argument"
		}
		c.errs.add(e.Pos, "%s takes %s, not %d", e.Func, want, len(e.Args))
		return tyUnknown
	}
	if e.Func == "wmean" && !c.wmeanArgs(e) {
		return tyUnknown
	}
	types := make([]typ, len(e.Args))
	for i, a := range e.Args {
		types[i] = c.typeOf(a, self)
	}
	if IsHistory(e.Func) {
		c.historyCall(e, types)
		return tyNumber
	}
	if e.Func == "if" {
		c.operand(e.Args[0], types[0], tyBool, "if")
		if types[1] != tyUnknown && types[2] != tyUnknown && types[1] != types[2] {
			c.errs.add(e.Pos, "if gives %s one way and %s the other", types[1], types[2])
		}
		return types[1]
	}
	want := tyNumber
	if strings.HasSuffix(e.Func, "_between") {
		want = tyDate
	}
	if (e.Func == "min" || e.Func == "max") && types[0] == tyDate {
		// The earlier or later of dates: max(入职日期, period_start).
		for i, a := range e.Args {
			c.operand(a, types[i], tyDate, e.Func)
		}
		return tyDate
	}
	for i, a := range e.Args {
		c.operand(a, types[i], want, e.Func)
	}
	if e.Func == "round" {
		if num, ok := e.Args[1].(*Num); !ok || !num.Value.IsInt() || num.Value.Sign() < 0 || num.Value.Cmp(decimal.MustNew(18, 0)) > 0 {
			c.errs.add(e.Args[1].Position(), "round's second argument is the number of decimal places, a whole number from 0 to 18")
		}
	}
	return tyNumber
}

// order sorts the computed items so that each comes after what it needs,
// and reports circular references.
func (c *checker) order() {
	s := c.set
	var nodes []Node
	deps := map[Node][]Node{}
	at := map[Node]Pos{}
	name := map[Node]string{}
	refNode := func(r *Ref) (Node, bool) {
		d := c.decls[r.Name]
		if d == nil {
			return Node{}, false
		}
		switch d.kind {
		case declMetric:
			return Node{NodeMetric, d.index}, true
		case declFlag:
			return Node{NodeFlag, d.index}, true
		case declPay:
			return Node{NodePay, d.index}, true
		case declTotal:
			return Node{Kind: NodeTotal}, true
		case declSection:
			return Node{NodeSection, d.index}, true
		case declGrade, declCoefficient:
			return Node{Kind: NodeGrade}, true
		case declRank:
			return Node{NodeRank, d.index}, true
		case declTier:
			return Node{NodeTier, d.index}, true
		}
		return Node{}, false
	}
	add := func(n Node, pos Pos, label string, fs ...*Formula) {
		nodes = append(nodes, n)
		at[n], name[n] = pos, label
		for _, f := range fs {
			if f == nil {
				continue
			}
			Refs(f.Expr, func(r *Ref) {
				if r.Name == "value" && n.Kind == NodeMetric && r.Field == "" {
					return
				}
				if dep, ok := refNode(r); ok {
					deps[n] = append(deps[n], dep)
				}
			})
		}
	}
	for i, m := range s.Metrics {
		add(Node{NodeMetric, i}, m.Pos, m.Name, m.Value, m.Points, m.Target)
	}
	for i, sec := range s.Sections {
		n := Node{NodeSection, i}
		add(n, sec.Pos, sec.Name)
		for j, m := range s.Metrics {
			if m.Scored() && m.Section == sec.Name {
				deps[n] = append(deps[n], Node{NodeMetric, j})
			}
		}
	}
	total := Node{Kind: NodeTotal}
	add(total, s.Total.Pos, "total", s.Total.Formula)
	if s.Total.Formula == nil {
		for i, m := range s.Metrics {
			if m.Scored() {
				deps[total] = append(deps[total], Node{NodeMetric, i})
			}
		}
		for i := range s.Sections {
			deps[total] = append(deps[total], Node{NodeSection, i})
		}
	}
	if g := s.Grades; g != nil {
		n := Node{Kind: NodeGrade}
		fs := []*Formula{g.Of}
		for _, v := range g.Vetoes {
			fs = append(fs, v.When)
		}
		add(n, g.Pos, "grade", fs...)
		if g.Of == nil {
			deps[n] = append(deps[n], total)
		}
	}
	for i, f := range s.Flags {
		add(Node{NodeFlag, i}, f.Pos, f.Name, f.When)
	}
	for i, p := range s.Pay {
		add(Node{NodePay, i}, p.Pos, p.Name, p.Formula)
	}
	for i, t := range s.Tiers {
		add(Node{NodeTier, i}, t.Pos, t.Name, t.Of)
	}
	for i, r := range s.Ranks {
		add(Node{NodeRank, i}, r.Pos, r.Name, r.Of)
	}
	defer c.rankedByRank(deps)

	const (
		unseen = iota
		active
		done
	)
	state := map[Node]int{}
	var stack []Node
	var visit func(n Node)
	visit = func(n Node) {
		switch state[n] {
		case done:
			return
		case active:
			// Report the cycle once, at its first member in the file.
			start := 0
			for stack[start] != n {
				start++
			}
			cycle := append([]Node{}, stack[start:]...)
			first := 0
			for i, x := range cycle {
				if less(at[x], at[cycle[first]]) {
					first = i
				}
			}
			cycle = append(cycle[first:], cycle[:first]...)
			path := make([]string, 0, len(cycle)+1)
			for _, x := range cycle {
				path = append(path, name[x])
			}
			path = append(path, name[cycle[0]])
			c.errs.add(at[cycle[0]], "%s depends on itself: %s", name[cycle[0]], strings.Join(path, " -> "))
			return
		}
		state[n] = active
		stack = append(stack, n)
		for _, d := range deps[n] {
			visit(d)
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		s.Order = append(s.Order, n)
	}
	for _, n := range nodes {
		visit(n)
	}
}

// less orders positions, an unknown one (an implicit total) last.
func less(a, b Pos) bool {
	if (a.Line == 0) != (b.Line == 0) {
		return b.Line == 0
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// closest returns the candidate nearest to s by edit distance, if near
// enough to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := distance(s, c)
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len([]rune(s))/3 + 1
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
