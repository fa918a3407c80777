package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// decoder turns yaml.Node trees into a Set, collecting every problem.
type decoder struct {
	file  string
	lines []string // the source, to find where a block scalar's text starts
	errs  ErrorList
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) *Error {
	return d.errs.add(d.pos(n), format, args...)
}

func (d *decoder) warnf(n *yaml.Node, format string, args ...any) *Error {
	return d.errs.warn(d.pos(n), format, args...)
}

// field is one key: value pair of a mapping.
type field struct {
	key   *yaml.Node
	value *yaml.Node
}

// fields checks that n is a mapping with no repeated or unknown keys and
// returns its pairs by key. known lists the keys allowed, in the order a
// hint should prefer them; nil allows any key.
func (d *decoder) fields(n *yaml.Node, what string, known []string) ([]field, map[string]*yaml.Node) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, map[string]*yaml.Node{}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of names to values, not %s", what, describe(n))
		return nil, map[string]*yaml.Node{}
	}
	var list []field
	byKey := map[string]*yaml.Node{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: a key must be plain text", what)
			continue
		}
		if prev, ok := seen[k.Value]; ok {
			d.errorf(k, "%q is given twice in %s (first at line %d)", k.Value, what, prev.Line)
			continue
		}
		seen[k.Value] = k
		if known != nil && !contains(known, k.Value) {
			e := d.errorf(k, "unknown field %q in %s", k.Value, what)
			if s := closest(k.Value, known); s != "" {
				e.Hint = fmt.Sprintf("did you mean %q?", s)
			} else {
				e.Hint = "the fields are " + strings.Join(known, ", ")
			}
			continue
		}
		list = append(list, field{k, v})
		byKey[k.Value] = v
	}
	return list, byKey
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.DocumentNode && len(n.Content) == 1 || n.Kind == yaml.AliasNode && n.Alias != nil {
		if n.Kind == yaml.DocumentNode {
			n = n.Content[0]
		} else {
			n = n.Alias
		}
	}
	return n
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return fmt.Sprintf("%q", n.Value)
}

func (d *decoder) text(n *yaml.Node, what string) string {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s must be text, not %s", what, describe(n))
		return ""
	}
	return n.Value
}

func (d *decoder) boolean(n *yaml.Node, what string) bool {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "是":
			return true
		case "false", "no", "否":
			return false
		}
	}
	d.errorf(n, "%s must be true or false, not %s", what, describe(n))
	return false
}

// number reads a number such as 35, 0.75, 75% or 1,000,000.
func (d *decoder) number(n *yaml.Node, what string) *Number {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		if v, err := ParseNumber(n.Value); err == nil {
			return &Number{Pos: d.pos(n), Value: v}
		}
	}
	d.errorf(n, "%s must be a number, not %s", what, describe(n))
	return nil
}

// choice reads one of two words; anything else is reported and read as the
// first.
func (d *decoder) choice(n *yaml.Node, what, first, second string) string {
	switch t := d.text(n, what); t {
	case first, second:
		return t
	case "":
	default:
		d.errorf(n, "%s must be %s or %s, not %q", what, first, second, t)
	}
	return first
}

func (d *decoder) textList(n *yaml.Node, what string) []string {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list of texts, not %s", what, describe(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if s := d.text(c, what); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) formula(n *yaml.Node, what string) *Formula {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s must be a formula, not %s", what, describe(n))
		return nil
	}
	at := d.pos(n)
	switch n.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		at = at.shift(1)
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// The text starts on the next line, indented; positions past its
		// first line are not mapped.
		at = Pos{File: d.file, Line: n.Line + 1}
		if n.Line < len(d.lines) {
			first := []rune(d.lines[n.Line])
			indent := 0
			for indent < len(first) && first[indent] == ' ' {
				indent++
			}
			at.Col = indent + 1
		}
	}
	e, err := ParseFormula(n.Value, at)
	if err != nil {
		err.Msg = what + ": " + err.Msg
		d.errs = append(d.errs, err)
		return nil
	}
	return &Formula{Pos: at, Source: strings.TrimSpace(n.Value), Expr: e}
}

var topFields = []string{"scheme", "title", "period", "period_from", "cycle_start", "history", "sheet", "if_missing", "columns", "ledger", "tables", "params", "sections", "metrics", "total", "grades", "tiers", "flags", "pay", "ranks", "pool", "distribution", "rollup", "labels", "cases"}

func (d *decoder) set(root *yaml.Node) *Set {
	// Labels holds only those the file gives until the end, where each
	// left out is filled in, in English and in the file's language.
	s := &Set{File: d.file}
	top, f := d.fields(root, "the rule file", topFields)
	if n := f["scheme"]; n != nil {
		s.Scheme = d.text(n, "scheme")
	}
	if n := f["title"]; n != nil {
		s.Title = d.text(n, "title")
	}
	if n := f["period"]; n != nil {
		s.Period = d.text(n, "period")
	}
	if n := f["period_from"]; n != nil {
		d.periodFrom(s, n)
	}
	if n := f["cycle_start"]; n != nil {
		d.cycleStart(s, n)
	} else if s.Period == "cycle" {
		d.errs.add(Pos{File: d.file, Line: 1, Col: 1}, "period: cycle needs cycle_start: the day of the month a cycle starts on")
	}
	if n := f["history"]; n != nil {
		s.History, s.HistoryPos = d.text(n, "history"), d.pos(resolve(n))
	}
	if n := f["sheet"]; n != nil {
		s.Sheet = d.text(n, "sheet")
	}
	if n := f["columns"]; n != nil {
		d.columns(s, n)
	} else {
		d.errs.add(Pos{File: d.file, Line: 1, Col: 1}, "the rule file has no columns: list the workbook columns the rules read")
	}
	if n := f["rollup"]; n != nil {
		d.rollup(s, n)
	}
	if n := f["params"]; n != nil {
		pairs, _ := d.fields(n, "params", nil)
		for _, p := range pairs {
			if v := d.number(p.value, "param "+p.key.Value); v != nil {
				s.Params = append(s.Params, &Param{Pos: d.pos(p.key), Name: foldWidth(p.key.Value), Value: v.Value})
			}
		}
	}
	if n := f["ledger"]; n != nil {
		d.ledger(s, n)
	}
	if n := f["tables"]; n != nil {
		d.tables(s, n)
	}
	if n := f["sections"]; n != nil {
		d.sections(s, n)
	}
	d.keys(s, top)
	if n := f["if_missing"]; n != nil {
		s.IfMissing, s.IfMissingBlank = d.ifMissing(n)
	}
	if n := f["metrics"]; n != nil {
		pairs, _ := d.fields(n, "metrics", nil)
		for _, p := range pairs {
			s.Metrics = append(s.Metrics, d.metric(p.key, p.value))
		}
	}
	defaultIfMissing(s)
	if n := f["total"]; n != nil {
		d.total(s, n)
	}
	if n := f["grades"]; n != nil {
		d.grades(s, n)
	}
	if n := f["tiers"]; n != nil {
		d.tiers(s, n)
	}
	if n := f["flags"]; n != nil {
		pairs, _ := d.fields(n, "flags", nil)
		for _, p := range pairs {
			fl := &Flag{Pos: d.pos(p.key), Name: foldWidth(p.key.Value)}
			if v := resolve(p.value); v.Kind == yaml.MappingNode {
				_, ff := d.fields(v, "flag "+fl.Name, []string{"when", "description"})
				if w := ff["when"]; w != nil {
					fl.When = d.formula(w, "when")
				} else {
					d.errorf(p.key, "flag %s has no when: give the condition that raises it", fl.Name)
				}
				if w := ff["description"]; w != nil {
					fl.Description = d.text(w, "description")
				}
			} else {
				fl.When = d.formula(p.value, "flag "+fl.Name)
			}
			s.Flags = append(s.Flags, fl)
		}
	}
	if n := f["ranks"]; n != nil {
		d.ranks(s, n)
	}
	if n := f["pool"]; n != nil {
		d.pools(s, n)
	}
	if n := f["distribution"]; n != nil {
		d.distribution(s, n)
	}
	if n := f["pay"]; n != nil {
		pairs, _ := d.fields(n, "pay", nil)
		for _, p := range pairs {
			s.Pay = append(s.Pay, d.pay(p.key, p.value))
		}
	}
	s.Labels.Pos = Pos{File: d.file, Line: 1, Col: 1}
	if n := f["total"]; n != nil {
		s.Labels.Pos = d.pos(resolve(n))
	}
	if n := f["labels"]; n != nil {
		s.Labels.Pos = d.pos(resolve(n))
		d.labels(s, n)
	}
	fillLabels(s)
	if n := f["cases"]; n != nil {
		s.Cases = d.cases(s, n)
	}
	return s
}

// labelFields are the keys of labels:, each with the label it sets.
var labelFields = []string{"language", "points", "total", "flags", "notes", "sections", "grade", "coefficient", "period", "summary", "detail", "audit", "payouts"}

func (d *decoder) labels(s *Set, n *yaml.Node) {
	_, lf := d.fields(n, "labels", labelFields)
	l := &s.Labels
	for key, dst := range map[string]*string{"points": &l.Points, "total": &l.Total, "flags": &l.Flags, "notes": &l.Notes,
		"sections": &l.Sections, "grade": &l.Grade, "coefficient": &l.Coefficient, "period": &l.Period,
		"summary": &l.Summary, "detail": &l.Detail, "audit": &l.Audit, "payouts": &l.Payouts} {
		v := lf[key]
		if v == nil {
			continue
		}
		*dst = d.text(v, "labels."+key)
		if *dst == "" {
			d.errorf(v, "labels.%s is empty: give the text, or leave the key out", key)
			continue
		}
		switch key {
		case "summary", "detail", "audit", "payouts":
			if msg := sheetNameProblem(*dst); msg != "" {
				d.errorf(v, "labels.%s: %q %s", key, *dst, msg)
			}
		}
	}
	if v := lf["language"]; v != nil {
		switch lang := d.text(v, "labels.language"); lang {
		case "zh", "en":
			l.Lang = lang
		case "":
		default:
			e := d.errorf(v, "labels.language is %q, not zh or en", lang)
			e.Hint = "write zh for Chinese sheet names and headers, en for English"
		}
	}
	sheets := map[string]string{}
	for _, p := range [][2]string{{"summary", l.Summary}, {"detail", l.Detail}, {"audit", l.Audit}, {"payouts", l.Payouts}} {
		if p[1] == "" {
			continue
		}
		if other, ok := sheets[strings.ToLower(p[1])]; ok {
			d.errorf(lf[p[0]], "labels.%s names the sheet %q, as labels.%s does", p[0], p[1], other)
			continue
		}
		sheets[strings.ToLower(p[1])] = p[0]
	}
}

// sheetNameProblem says what makes name no sheet name Excel takes, or ""
// when it is one.
func sheetNameProblem(name string) string {
	if utf8.RuneCountInString(name) > 31 {
		return "is longer than the 31 characters of a sheet name"
	}
	if i := strings.IndexAny(name, `[]:*?/\`); i >= 0 {
		return fmt.Sprintf("holds %q, which a sheet name may not", name[i:i+1])
	}
	if strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		return "starts or ends with ', which a sheet name may not"
	}
	return ""
}

// fillLabels fills in the labels the file leaves out: Labels in English,
// Local in the file's language.
func fillLabels(s *Set) {
	given := s.Labels
	if given.Lang == "" {
		given.Lang = language(s)
	}
	local := English
	if given.Lang == "zh" {
		local = Chinese
	}
	inputs := map[string]bool{}
	for _, c := range s.Columns {
		inputs[foldWidth(c.Header)] = true
		for _, a := range c.Aliases {
			inputs[foldWidth(a)] = true
		}
	}
	fill := func(def Labels) Labels {
		out := given
		for _, p := range []struct {
			dst *string
			def string
		}{
			{&out.Points, def.Points}, {&out.Total, def.Total}, {&out.Flags, def.Flags}, {&out.Notes, def.Notes},
			{&out.Sections, def.Sections}, {&out.Grade, def.Grade}, {&out.Coefficient, def.Coefficient}, {&out.Period, def.Period},
			{&out.Summary, def.Summary}, {&out.Detail, def.Detail}, {&out.Audit, def.Audit}, {&out.Payouts, def.Payouts},
		} {
			if *p.dst == "" {
				*p.dst = p.def
				if inputs[p.def] && def.Lang != "en" {
					// An input column has the header already (备注, often):
					// the English one, which the checks hold to, is used.
					*p.dst = English.fieldLike(p.def, def)
				}
			}
		}
		return out
	}
	s.Labels, s.Local = fill(English), fill(local)
	if given.Points == "" && s.Local.Points != English.Points {
		// 工作任务得分 may be an input column beside the metric 工作任务:
		// the first template that heads no input column is used.
		for _, p := range []string{Chinese.Points, "{metric}分数", "{metric}评分", English.Points} {
			s.Local.Points = p
			clash := false
			for _, m := range s.Metrics {
				if m.Scored() && inputs[foldWidth(strings.ReplaceAll(p, "{metric}", m.Name))] {
					clash = true
				}
			}
			if !clash {
				break
			}
		}
	}
	s.Labels.Lang = "en"
}

var columnFields = []string{"header", "aliases", "type", "key", "group", "optional", "blank", "min", "max", "values"}

func (d *decoder) columns(s *Set, n *yaml.Node) {
	pairs, _ := d.fields(n, "columns", nil)
	for _, p := range pairs {
		c := &Column{Pos: d.pos(p.key), Name: foldWidth(p.key.Value), Header: p.key.Value}
		v := resolve(p.value)
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			c.Header = v.Value
			s.Columns = append(s.Columns, c)
			continue
		}
		_, f := d.fields(v, "column "+c.Name, columnFields)
		if x := f["header"]; x != nil {
			c.Header = d.text(x, "header")
		}
		if x := f["aliases"]; x != nil {
			c.Aliases = d.textList(x, "aliases")
		}
		if x := f["type"]; x != nil {
			switch t := d.text(x, "type"); t {
			case "number", "":
			case "text":
				c.Text = true
			case "date":
				c.Date = true
			default:
				d.errorf(x, "type must be number, text or date, not %q", t)
			}
		}
		if x := f["key"]; x != nil {
			c.Key = d.boolean(x, "key")
		}
		if x := f["optional"]; x != nil {
			c.Optional = d.boolean(x, "optional")
		}
		if x := f["group"]; x != nil {
			if c.Group = d.boolean(x, "group"); c.Group {
				for _, o := range s.Columns {
					if o.Group {
						d.errorf(x, "column %s is a group column, as %s (line %d) is: the summary is made per one column", c.Name, o.Name, o.Pos.Line)
					}
				}
			}
		}
		if x := f["min"]; x != nil {
			c.Min = d.number(x, "min")
		}
		if x := f["max"]; x != nil {
			c.Max = d.number(x, "max")
		}
		if x := f["values"]; x != nil {
			d.values(c, x, f["type"])
		}
		if c.Date {
			for _, k := range []string{"min", "max", "values"} {
				if x := f[k]; x != nil {
					d.errorf(x, "column %s is a date: it cannot have %s", c.Name, k)
				}
			}
			c.Text = false
		}
		if x := f["blank"]; x != nil {
			d.blank(c, x)
		}
		s.Columns = append(s.Columns, c)
	}
}

// blank reads what a blank cell of column c means: a number, none (no
// value), or for a text column a text, which must be one of the column's
// values when it lists them.
func (d *decoder) blank(c *Column, x *yaml.Node) {
	if c.Date {
		if t := strings.TrimSpace(d.text(x, "blank")); t != "none" {
			e := d.errorf(x, "blank of date column %s is %q: a blank date can only mean none, no date", c.Name, t)
			e.Hint = "write blank: none, or leave blank out so that a blank date is an error"
			return
		}
		c.BlankNone = true
		return
	}
	if !c.Text {
		c.Blank, c.BlankNone = d.blankNumber(x)
		return
	}
	t := strings.TrimSpace(d.text(x, "blank"))
	switch {
	case t == "":
		d.errorf(x, "blank of column %s is empty: a blank cell is blank already", c.Name)
	case c.Values != nil && !slices.Contains(c.Values, t):
		e := d.errorf(x, "blank of column %s is %q, not one of its values", c.Name, t)
		e.Hint = "the values are " + strings.Join(c.Values, ", ")
	default:
		c.BlankText = &t
	}
}

// values reads the texts a column allows. A list of texts makes the
// column a text column, unless its type says number.
func (d *decoder) values(c *Column, n, typ *yaml.Node) {
	if typ != nil && resolve(typ).Kind == yaml.ScalarNode && resolve(typ).Value == "number" {
		e := d.errorf(n, "column %s has values but is of type number", c.Name)
		e.Hint = "values lists the texts a text column allows; remove type: number"
		return
	}
	items := []*yaml.Node{resolve(n)}
	if items[0].Kind == yaml.SequenceNode {
		items = items[0].Content
		if len(items) == 0 {
			d.errorf(n, "values of column %s is empty: list the texts the column allows", c.Name)
			return
		}
	}
	seen := map[string]bool{}
	for _, item := range items {
		v := strings.TrimSpace(d.text(item, "values"))
		switch {
		case v == "" && resolve(item).Kind == yaml.ScalarNode && resolve(item).Tag != "!!null":
			d.errorf(item, "values of column %s: a blank text cannot be one of them", c.Name)
		case v == "":
		case seen[v]:
			d.errorf(item, "value %q is given twice in column %s", v, c.Name)
		default:
			seen[v] = true
			c.Values = append(c.Values, v)
		}
	}
	c.Text = true
}

var metricFields = []string{"value", "bands", "points", "weight", "max", "floor", "cap", "if_missing", "format", "description", "section", "map", "map_other", "target", "mode", "better"}

func (d *decoder) metric(key, n *yaml.Node) *Metric {
	m := &Metric{Pos: d.pos(key), Name: foldWidth(key.Value)}
	v := resolve(n)
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		// A bare formula: a value shown, not scored.
		m.Value = d.formula(v, "metric "+m.Name)
		return m
	}
	_, f := d.fields(v, "metric "+m.Name, metricFields)
	if x := f["value"]; x != nil {
		m.Value = d.formula(x, "value")
	}
	if x := f["points"]; x != nil {
		m.Points = d.formula(x, "points")
	}
	if x := f["bands"]; x != nil {
		m.Bands = d.bands(x)
	}
	if x := f["weight"]; x != nil {
		if v := resolve(x); v.Kind == yaml.ScalarNode && strings.HasSuffix(strings.TrimSpace(v.Value), "%") {
			e := d.errorf(x, "weight %s: write the weight without %%", v.Value)
			e.Hint = fmt.Sprintf("weight: %s adds points x %s / 100 to the total", strings.TrimSuffix(strings.TrimSpace(v.Value), "%"), strings.TrimSuffix(strings.TrimSpace(v.Value), "%"))
		} else {
			m.Weight = d.number(x, "weight")
		}
	}
	if x := f["max"]; x != nil {
		m.Max = d.number(x, "max")
	}
	if x := f["floor"]; x != nil {
		m.Floor = d.number(x, "floor")
	}
	if x := f["cap"]; x != nil {
		m.Cap = d.number(x, "cap")
	}
	if x := f["if_missing"]; x != nil {
		m.IfMissing, m.IfMissingBlank = d.ifMissing(x)
	}
	if x := f["description"]; x != nil {
		m.Description = d.text(x, "description")
	}
	if x := f["format"]; x != nil {
		m.Percent = d.choice(x, "format", "number", "percent") == "percent"
	}
	if x := f["section"]; x != nil {
		m.Section, m.SectionPos = foldWidth(d.text(x, "section")), d.pos(x)
	}
	d.metricMap(m, f)
	d.metricTarget(m, key, f)
	// These checks look at which fields are given, not at what parsed, so
	// that one mistake gives one message.
	has := func(k string) bool { return f[k] != nil }
	if has("bands") && has("points") {
		d.errorf(f["points"], "metric %s has both bands and points: keep one", m.Name)
	}
	if !has("value") && !has("points") {
		d.errorf(key, "metric %s needs a value or points", m.Name)
	}
	if has("bands") && !has("value") {
		d.errorf(f["bands"], "metric %s has bands but no value for them to sort", m.Name)
	}
	if has("weight") && !has("bands") && !has("points") && !has("map") && !has("target") {
		d.errorf(f["weight"], "metric %s has a weight but earns no points: add bands or points", m.Name)
	}
	return m
}

func (d *decoder) bands(n *yaml.Node) []*Band {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "bands must be a list, not %s", describe(n))
		return nil
	}
	out := []*Band{}
	for _, item := range n.Content {
		_, f := d.fields(item, "a band", []string{"when", "points", "label"})
		b := &Band{Pos: d.pos(resolve(item))}
		if x := f["when"]; x != nil {
			d.when(b, x)
		} else {
			d.errorf(item, "a band needs when, the range it covers, e.g. when: \"[65%%, 75%%)\"")
		}
		if x := f["points"]; x != nil {
			if p := d.number(x, "points"); p != nil {
				b.Points = *p
			}
		} else {
			d.errorf(item, "a band needs points")
		}
		if x := f["label"]; x != nil {
			b.Label = d.text(x, "label")
		}
		out = append(out, b)
	}
	return out
}

// msgEdgesReversed is what parseRange says of an interval written high
// edge first.
const msgEdgesReversed = "the lower edge is above the upper edge"

// swapEdges writes the interval s with its edges the other way round,
// keeping its brackets where they are: "[75%, 65%)" gives "[65%, 75%)".
func swapEdges(s string) string {
	t := strings.TrimSpace(foldWidth(s))
	lo, hi, _ := strings.Cut(t[1:len(t)-1], ",")
	return t[:1] + strings.TrimSpace(hi) + ", " + strings.TrimSpace(lo) + t[len(t)-1:]
}

// parseRange reads a band's range: a comparison such as ">= 75%", "< 50%"
// or "= 0", or an interval such as "[65%, 75%)" or "(30, 45]". It returns
// a description of the problem, or "".
func parseRange(b *Band, s string) string {
	t := strings.TrimSpace(foldWidth(s))
	if t == "" {
		return "the range is empty"
	}
	if t[0] == '[' || t[0] == '(' {
		last := t[len(t)-1]
		if last != ']' && last != ')' {
			return "an interval ends with ] or )"
		}
		parts := strings.Split(t[1:len(t)-1], ",")
		if len(parts) != 2 {
			return "an interval has two edges separated by a comma, e.g. [65%, 75%)"
		}
		lo, err1 := ParseNumber(parts[0])
		hi, err2 := ParseNumber(parts[1])
		if err1 != nil {
			return fmt.Sprintf("%q is not a number", strings.TrimSpace(parts[0]))
		}
		if err2 != nil {
			return fmt.Sprintf("%q is not a number", strings.TrimSpace(parts[1]))
		}
		if lo.Cmp(hi) > 0 {
			return msgEdgesReversed
		}
		b.Lo, b.Hi = &lo, &hi
		b.LoIncl, b.HiIncl = t[0] == '[', last == ']'
		b.LoText, b.HiText = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		return ""
	}
	for _, op := range []string{">=", "<=", ">", "<", "=="} {
		if !strings.HasPrefix(t, op) {
			continue
		}
		text := strings.TrimSpace(t[len(op):])
		v, err := ParseNumber(text)
		if err != nil {
			return fmt.Sprintf("%q is not a number", text)
		}
		switch op {
		case "==":
			b.Lo, b.Hi, b.LoIncl, b.HiIncl = &v, &v, true, true
			b.LoText, b.HiText = text, text
		case ">=", ">":
			b.Lo, b.LoIncl, b.LoText = &v, op == ">=", text
		case "<=", "<":
			b.Hi, b.HiIncl, b.HiText = &v, op == "<=", text
		}
		return ""
	}
	if t[0] == '=' {
		text := strings.TrimSpace(t[1:])
		v, err := ParseNumber(text)
		if err != nil {
			return fmt.Sprintf("%q is not a number", text)
		}
		b.Lo, b.Hi, b.LoIncl, b.HiIncl = &v, &v, true, true
		b.LoText, b.HiText = text, text
		return ""
	}
	return "write a comparison such as \">= 75%\" or an interval such as \"[65%, 75%)\""
}

func (d *decoder) total(s *Set, n *yaml.Node) {
	s.Total.Pos = d.pos(resolve(n))
	_, f := d.fields(n, "total", []string{"formula", "floor", "cap", "label", "adds_up_to"})
	if x := f["formula"]; x != nil {
		s.Total.Formula = d.formula(x, "total formula")
	}
	if x := f["floor"]; x != nil {
		s.Total.Floor = d.number(x, "floor")
	}
	if x := f["cap"]; x != nil {
		s.Total.Cap = d.number(x, "cap")
	}
	if x := f["label"]; x != nil {
		s.Labels.Total = d.text(x, "label")
	}
	if x := f["adds_up_to"]; x != nil {
		s.Total.AddsUpTo = d.number(x, "adds_up_to")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
