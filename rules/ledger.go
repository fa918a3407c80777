package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Ledger says that the sheet holds many rows a person, one a contract or
// an order, and how they make the person's figures. Its Rows is a rule
// set of its own: the sheet's columns and the per-row formulas, each a
// reported metric, scored on every row. Each aggregate sums, counts or
// otherwise gathers a per-row figure over a person's rows; the rest of
// the rules see the person's figures only: the by column and the
// aggregates, which become the Set's columns.
type Ledger struct {
	Pos   Pos
	By    string // the column that names the person, such as 业务员
	ByPos Pos
	Rows  *Set // the ledger's columns and per-row formulas
	// Computed is how many of Rows.Metrics are the per-row formulas
	// written in the file; the ones after them are the arguments of the
	// aggregates.
	Computed int
	Aggs     []*Aggregate
}

// Aggregate is one person's figure gathered over their rows: sum(x),
// count(), min(x), max(x), mean(x), each with an optional condition,
// sum(x, cond), that picks the rows it counts.
type Aggregate struct {
	Pos     Pos
	Name    string
	Func    string   // sum, count, min, max or mean
	Source  string   // as written
	Of      int      // the row metric of the figure gathered; -1 for count
	When    int      // the row metric of the condition; -1 for every row
	OfText  string   // the figure as written, "" for count
	Cond    string   // the condition as written, "" for none
	Column  *Column  // the column the rest of the rules read it by
	formula *Formula // the whole aggregate as parsed
}

// Aggregates lists the functions an aggregate may use.
var Aggregates = []string{"sum", "count", "min", "max", "mean"}

// ledger reads the ledger: section of a rule file whose columns are read.
func (d *decoder) ledger(s *Set, n *yaml.Node) {
	lg := &Ledger{Pos: d.pos(resolve(n))}
	_, f := d.fields(n, "ledger", []string{"by", "rows", "per_person"})
	if x := f["by"]; x != nil {
		lg.By, lg.ByPos = foldWidth(d.text(x, "by")), d.pos(x)
	} else {
		d.errorf(n, "ledger needs by: the column that names the person of each row")
	}
	rows := &Set{File: s.File, Columns: s.Columns, Params: s.Params, Labels: s.Labels, Local: s.Local}
	if x := f["rows"]; x != nil {
		pairs, _ := d.fields(x, "ledger rows", nil)
		for _, p := range pairs {
			// A row figure is a metric of the row: a formula, or a value
			// with a map or bands, whose points others read as
			// name.points, such as a rate chosen by 类型.
			rows.Metrics = append(rows.Metrics, d.metric(p.key, p.value))
		}
	}
	lg.Computed = len(rows.Metrics)
	if x := f["per_person"]; x != nil {
		pairs, _ := d.fields(x, "ledger per_person", nil)
		for _, p := range pairs {
			a := &Aggregate{Pos: d.pos(p.key), Name: foldWidth(p.key.Value), Of: -1, When: -1}
			a.formula = d.formula(p.value, "per_person "+a.Name)
			if a.formula != nil {
				d.aggregate(a, rows)
			}
			lg.Aggs = append(lg.Aggs, a)
		}
	} else {
		d.errorf(n, "ledger needs per_person: the figures gathered over each person's rows, such as 合同数: count()")
	}
	lg.Rows = rows
	s.Ledger = lg
}

// aggregate reads sum(x), sum(x, cond), count() or count(cond), and adds
// its figure and condition to rows as hidden metrics.
func (d *decoder) aggregate(a *Aggregate, rows *Set) {
	a.Source = a.formula.Source
	call, ok := a.formula.Expr.(*Call)
	if !ok || !contains(Aggregates, call.Func) {
		e := d.errs.add(a.formula.Pos, "per_person %s must be one of %s over the rows, such as sum(提成) or count(), not %s", a.Name, strings.Join(Aggregates, ", "), a.Source)
		e.Hint = "a condition picks the rows: sum(提成, 已收齐)"
		return
	}
	a.Func = call.Func
	args := call.Args
	hidden := func(what string, e Expr) int {
		rows.Metrics = append(rows.Metrics, &Metric{Pos: e.Position(), Name: "__" + what + "_" + a.Name,
			Value: &Formula{Pos: e.Position(), Source: Source(e), Expr: e}})
		return len(rows.Metrics) - 1
	}
	switch {
	case a.Func == "count" && len(args) <= 1:
		if len(args) == 1 {
			a.When, a.Cond = hidden("when", args[0]), Source(args[0])
		}
	case a.Func != "count" && (len(args) == 1 || len(args) == 2):
		a.Of, a.OfText = hidden("of", args[0]), Source(args[0])
		if len(args) == 2 {
			a.When, a.Cond = hidden("when", args[1]), Source(args[1])
		}
	case a.Func == "count":
		d.errs.add(call.Pos, "count takes no argument, or a condition: count(已收齐)")
	default:
		d.errs.add(call.Pos, "%s takes a figure of the row, and maybe a condition: %s(提成, 已收齐)", a.Func, a.Func)
	}
}

// checkLedger checks the ledger's row formulas and aggregates against the
// ledger's columns, then makes the person's columns: the by column, then
// one number column an aggregate.
func (c *checker) checkLedger() {
	lg := c.set.Ledger
	if lg == nil {
		return
	}
	rows := lg.Rows
	// A row's formulas look values up in the rules' tables, such as a
	// rate by product.
	rows.Tables = c.set.Tables
	rc := &checker{set: rows, errs: c.errs}
	rc.names()
	rc.types()
	for _, a := range lg.Aggs {
		if a.Of >= 0 {
			if t := rc.metricType(a.Of); t != tyUnknown && t != tyNumber {
				c.errs.add(rows.Metrics[a.Of].Pos, "%s of per_person %s must be a number, but %s is %s", a.Func, a.Name, a.OfText, t)
			}
		}
		if a.When >= 0 {
			if t := rc.metricType(a.When); t != tyUnknown && t != tyBool {
				c.errs.add(rows.Metrics[a.When].Pos, "the condition of per_person %s must be a condition, but %s is %s", a.Name, a.Cond, t)
			}
		}
	}
	rc.divisions()
	rc.order()
	var by *Column
	for _, col := range rows.Columns {
		if col.Name == lg.By {
			by = col
		}
		col.Key = false // many rows a person: the rows have no key
	}
	if by == nil && lg.By != "" {
		c.errs.add(lg.ByPos, "ledger by: no column %q", lg.By)
		return
	}
	person := []*Column{}
	if by != nil {
		p := *by
		p.Key, p.Text, p.Optional = true, true, false
		person = append(person, &p)
	}
	for _, a := range lg.Aggs {
		// A sum or a count always has a value; the min, max or mean of
		// no rows has none.
		a.Column = &Column{Pos: a.Pos, Name: a.Name, Header: a.Name, BlankNone: a.Func != "sum" && a.Func != "count"}
		person = append(person, a.Column)
	}
	c.set.Columns = person
}

// AggregateText describes the aggregate for the detail: "sum of 提成 where 已收齐".
func (a *Aggregate) AggregateText() string {
	s := a.Func
	switch {
	case a.Func == "count":
		s = "count of rows"
	default:
		s = fmt.Sprintf("%s of %s", a.Func, a.OfText)
	}
	if a.Cond != "" {
		s += " where " + a.Cond
	}
	return s
}
