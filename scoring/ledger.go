package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// Ledger gathers the rows of a ledger (one a contract) into each person's
// figures, as the rules' ledger: says. It keeps a few numbers a person and
// aggregate, never the rows, so memory grows with the people, not the
// rows. Add the rows in sheet order, then read the people in the order
// they first appear.
type Ledger struct {
	lg     *rules.Ledger
	rows   *Scorer
	res    *Result
	by     int // the by column among the row columns
	index  map[string]int
	People []*Person
}

// maxTerms is how many rows the detail names for each figure of a
// person; the rest are counted.
const maxTerms = 20

// Person is one person's figures gathered over their rows.
type Person struct {
	Key   string // the key as first written, trimmed and folded
	Rows  int
	Notes []string // spellings of the key that were matched as this one
	aggs  []acc
}

type acc struct {
	sum, min, max decimal.Decimal
	n             int
	missing       string // why the figure has no value, once a row lacks one
	terms         []rowTerm
}

type rowTerm struct {
	row int
	v   decimal.Decimal
}

// NewLedger compiles the ledger of the rules s scores, which must have
// one.
func NewLedger(s *Scorer) (*Ledger, error) {
	lg := s.set.Ledger
	// The rows read the rules' tables with the data s was given.
	rs, err := compile(lg.Rows, s.tableData)
	if err != nil {
		return nil, err
	}
	l := &Ledger{lg: lg, rows: rs, res: rs.NewResult(), by: -1, index: map[string]int{}}
	for i, c := range lg.Rows.Columns {
		if c.Name == lg.By {
			l.by = i
		}
	}
	return l, nil
}

// Rows returns the scorer of the ledger's rows: its columns are the
// sheet's, its metrics the per-row formulas.
func (l *Ledger) Rows() *Scorer { return l.rows }

// Computed is how many of the row scorer's metrics are per-row formulas
// of the file, shown beside each row.
func (l *Ledger) Computed() int { return l.lg.Computed }

// Add scores one ledger row, rec bound by [Ledger.Rows], and adds it to
// its person. row is its number in the sheet, for the detail. It returns
// the row's result, valid until the next call. spelled is the by cell as
// the sheet writes it, before any trimming, so that a key written two
// ways is reported; "" takes it from rec.
func (l *Ledger) Add(rec []Value, row int, spelled string) (*Result, error) {
	l.rows.Score(rec, l.res)
	raw := rec[l.by]
	if raw.Kind != Text || strings.TrimSpace(raw.Str) == "" {
		return l.res, fmt.Errorf("%s is blank: the ledger groups its rows by it", l.lg.By)
	}
	// A key as written that was seen before needs no folding, which
	// allocates: most rows take this way.
	key := raw.Str
	k, ok := l.index[key]
	if !ok {
		key = NormalKey(raw.Str)
		k, ok = l.index[key]
		if ok {
			l.index[raw.Str] = k
		}
	} else {
		key = l.People[k].Key
	}
	if !ok {
		k = len(l.People)
		l.index[key] = k
		l.People = append(l.People, &Person{Key: key, aggs: make([]acc, len(l.lg.Aggs))})
	}
	p := l.People[k]
	p.Rows++
	if spelled == "" {
		spelled = raw.Str
	}
	if spelled != key && len(p.Notes) < maxTerms {
		p.Notes = append(p.Notes, fmt.Sprintf("%s %q (row %d) is read as %q", l.lg.By, spelled, row, key))
	}
	for j, a := range l.lg.Aggs {
		ac := &p.aggs[j]
		if ac.missing != "" {
			continue
		}
		if a.When >= 0 {
			c := l.res.Metric(a.When).Value
			if c.Kind != Bool {
				ac.missing = fmt.Sprintf("row %d: %s: %s", row, a.Cond, reason(c))
				continue
			}
			if !c.Bool {
				continue
			}
		}
		v := decimal.One
		if a.Of >= 0 {
			x := l.res.Metric(a.Of).Value
			if x.Kind != Number {
				ac.missing = fmt.Sprintf("row %d: %s: %s", row, a.OfText, reason(x))
				continue
			}
			v = x.Num
		}
		var err error
		if ac.sum, err = ac.sum.Add(v); err != nil {
			ac.missing = "overflow in " + a.Name
			continue
		}
		if ac.n == 0 || v.Cmp(ac.min) < 0 {
			ac.min = v
		}
		if ac.n == 0 || v.Cmp(ac.max) > 0 {
			ac.max = v
		}
		ac.n++
		if len(ac.terms) < maxTerms {
			ac.terms = append(ac.terms, rowTerm{row, v})
		}
	}
	return l.res, nil
}

func reason(v Value) string {
	if v.Kind == Missing {
		if v.Str == "" {
			return "no value"
		}
		return v.Str
	}
	return "not " + map[bool]string{true: "a condition", false: "a number"}[v.Kind == Number]
}

// Record fills rec, bound for the person's scorer (the by column, then
// one column an aggregate), with person p's figures.
func (l *Ledger) Record(p *Person, rec []Value) []Value {
	rec = append(rec[:0], Str(p.Key))
	for j, a := range l.lg.Aggs {
		rec = append(rec, p.Figure(a, j))
	}
	return rec
}

// Figure returns person p's aggregate j, a.
func (p *Person) Figure(a *rules.Aggregate, j int) Value {
	ac := &p.aggs[j]
	if ac.missing != "" {
		return Absent(ac.missing)
	}
	switch a.Func {
	case "sum":
		return Num(ac.sum)
	case "count":
		return Num(decimal.MustNew(int64(ac.n), 0))
	}
	if ac.n == 0 {
		return Absent(fmt.Sprintf("no row of %s counts for %s", p.Key, a.Name))
	}
	switch a.Func {
	case "min":
		return Num(ac.min)
	case "max":
		return Num(ac.max)
	}
	m, err := ac.sum.Quo(decimal.MustNew(int64(ac.n), 0))
	if err != nil {
		return Absent("overflow in " + a.Name)
	}
	return Num(m)
}

// Explain writes how person p's aggregate j came from the rows: "sum of
// 提成 where 已收齐: rows 3, 5 = 120 + 80 = 200".
func (p *Person) Explain(a *rules.Aggregate, j int) string { return p.ExplainIn(nil, a, j) }

// ExplainIn is [Person.Explain] said by w.
func (p *Person) ExplainIn(w Words, a *rules.Aggregate, j int) string {
	ac := &p.aggs[j]
	head := a.AggregateText()
	if w != nil {
		if a.Func == "count" {
			head = w.Say("count of rows")
		} else {
			head = w.Say(a.Func+" of {of}", a.OfText)
		}
		if a.Cond != "" {
			head = w.Say("{what} where {cond}", head, a.Cond)
		}
	}
	v := p.Figure(a, j)
	if v.Kind != Number {
		return head + w.Say(": {why}", v.Str)
	}
	if ac.n == 0 {
		return w.Say("{what}: none of {key}'s {n} rows = {value}", head, p.Key, fmt.Sprint(p.Rows), v.String())
	}
	rows := make([]string, len(ac.terms))
	vals := make([]string, len(ac.terms))
	for i, t := range ac.terms {
		rows[i] = fmt.Sprint(t.row)
		vals[i] = t.v.Trim(0).String()
	}
	more := ""
	if ac.n > len(ac.terms) {
		more = w.Say(" and {n} more", fmt.Sprint(ac.n-len(ac.terms)))
	}
	if a.Func == "count" {
		return w.Say("{what}: rows {rows}{more} = {value}", head, strings.Join(rows, ", "), more, v.String())
	}
	if a.Func == "sum" {
		return w.Say("{what}: rows {rows}{more}: {terms}{more} = {value}", head, strings.Join(rows, ", "), more, strings.Join(vals, " + "), v.String())
	}
	return w.Say("{what}: rows {rows}{more}: values {terms}{more} -> {value}", head, strings.Join(rows, ", "), more, strings.Join(vals, ", "), v.String())
}

// Person returns the person whose key is key, as [Person.Key] writes it,
// or nil.
func (l *Ledger) Person(key string) *Person {
	if k, ok := l.index[key]; ok {
		return l.People[k]
	}
	return nil
}
