package rules

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Rollup says how a longer period, a quarter or a year, is built from the
// shorter ones it is made of: which periods (months, or weeks) and how
// each column of theirs combines into the longer period's column. The
// rules then score the longer period as they score one of its months, so
// a ratio of two summed columns is the ratio of the sums.
type Rollup struct {
	Pos  Pos
	From string // the periods combined: "month" or "week"
	// How says, per column of the rules (by index into Set.Columns), how
	// the periods' cells combine: one of RollupWays; "" for a key column,
	// which matches people across the periods.
	How []string
}

// RollupWays are the ways a column's cells combine over the periods, as a
// rule file names them: the sum; the mean of the periods a person has a
// value in; the value of the last, or the first, such period; the
// largest; the smallest.
var RollupWays = []string{"sum", "mean", "last", "first", "max", "min"}

func (d *decoder) rollup(s *Set, n *yaml.Node) {
	r := &Rollup{Pos: d.pos(resolve(n)), From: "month", How: make([]string, len(s.Columns))}
	known := append([]string{"from"}, RollupWays...)
	_, f := d.fields(n, "rollup", known)
	if x := f["from"]; x != nil {
		r.From = d.choice(x, "rollup from", "month", "week")
	}
	if s.Period != "" && s.Period != r.From {
		e := d.errorf(n, "rollup builds longer periods from %ss, but the rules' workbooks hold a %s (period: %s)", r.From, s.Period, s.Period)
		e.Hint = "give period: " + r.From + ": the rules score a " + r.From + "'s workbook, and build quarters and years from them"
	}
	index := map[string]int{}
	for i, c := range s.Columns {
		index[c.Name] = i
	}
	given := map[string]*yaml.Node{}
	for _, way := range RollupWays {
		x := f[way]
		if x == nil {
			continue
		}
		for _, item := range resolve(x).Content {
			name := foldWidth(strings.TrimSpace(d.text(item, "rollup "+way)))
			if name == "" {
				continue
			}
			i, ok := index[name]
			switch {
			case !ok:
				d.errorf(item, "rollup %s: %s is not a column of the rules", way, name)
			case given[name] != nil:
				d.errorf(item, "rollup: %s is listed twice, under %s and %s", name, r.How[i], way)
			case s.Columns[i].Key:
				given[name] = item
				d.errorf(item, "rollup: %s is a key column: people are matched by it across the %ss, not combined", name, r.From)
			case s.Columns[i].Text && way != "last" && way != "first":
				given[name] = item
				d.errorf(item, "rollup %s: %s holds text, which only last or first can combine", way, name)
			case s.Columns[i].Date && way != "last" && way != "first":
				given[name] = item
				d.errorf(item, "rollup %s: %s holds dates, which only last or first can combine", way, name)
			default:
				given[name] = item
				r.How[i] = way
			}
		}
		if k := resolve(x).Kind; k != yaml.SequenceNode {
			d.errorf(x, "rollup %s must be a list of columns, as %s: [实际回访客户数, 计划回访客户数]", way, way)
		}
	}
	var missing []string
	for i, c := range s.Columns {
		if !c.Key && r.How[i] == "" && given[c.Name] == nil {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		e := d.errorf(n, "rollup does not say how %s combine over the %ss", strings.Join(missing, ", "), r.From)
		e.Hint = "list each column under one of sum, mean, last, first, max or min"
	}
	s.Rollup = r
}
