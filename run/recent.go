package run

import (
	"fmt"
	"path/filepath"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// recorder keeps, for each person scored, what a later period's history
// will read back from the output: the same keys and values, digit for
// digit, as reading the written workbook or JSON gives, so that a history
// handed over in memory scores exactly as one read from the files.
type recorder struct {
	opts  Options
	t     *workbook.Table
	l     *layout
	json  bool
	heads []pastHeader // for a workbook: the history names' columns
	at    []int        // for a workbook: each name's index in the output row
	keys  []int        // the key columns' cell indexes in the input row
	names []string     // the rules' history names

	failed bool // the output cannot serve as history; no Past is given
	out    scoring.PastPeriod
	figs   *scoring.Figures
	fields []field
	parts  []string
}

func newRecorder(opts Options, t *workbook.Table) *recorder {
	set := opts.Scorer.Rules()
	r := &recorder{opts: opts, t: t, l: newLayout(set, t, opts.Period, opts.Calibrate, opts.Format), names: set.HistoryNames()}
	r.figs = scoring.NewFigures(len(r.names))
	switch opts.Format {
	case "json":
		r.json = true
	case "", "xlsx":
		heads, err := pastHeaders(set)
		if err != nil {
			r.failed = true
			break
		}
		r.heads = heads
		for _, h := range heads {
			j := headerIndex(r.l.header, h.headers)
			if j < 0 {
				r.failed = true
			}
			r.at = append(r.at, j)
		}
	default:
		// CSV is no history: loadHistory reads workbooks and JSON only.
		r.failed = true
	}
	if opts.Output == "-" {
		r.failed = true
	}
	for i, c := range set.Columns {
		if c.Key {
			r.keys = append(r.keys, t.Index[i])
		}
	}
	return r
}

// headerIndex is where a results sheet's header has one of headers, as
// a table finds it: the first cell equal to any of them after
// [workbook.Normalize]; -1 for none.
func headerIndex(header []string, headers []string) int {
	for j, h := range header {
		n := workbook.Normalize(h)
		for _, want := range headers {
			if n == workbook.Normalize(want) {
				return j
			}
		}
	}
	return -1
}

func (r *recorder) add(row workbook.Row, res *scoring.Result) {
	if r.failed {
		return
	}
	set := r.l.set
	r.parts = r.parts[:0]
	if r.json {
		for i, c := range set.Columns {
			if c.Key {
				s, _ := field{v: res.Input(i)}.plain()
				if res.Input(i).Kind == scoring.Missing {
					s = ""
				}
				r.parts = append(r.parts, scoring.NormalKey(s))
			}
		}
	} else {
		for _, idx := range r.keys {
			cell := ""
			if idx >= 0 && idx < len(row.Cells) {
				cell = writtenText(r.l.inputCell(idx, row.Cells[idx], res))
			}
			r.parts = append(r.parts, scoring.NormalKey(cell))
		}
	}
	// The key is copied: a cell's text may share the memory of the row
	// it was read from, which a year of history must not keep.
	key := strings.Join(r.parts, "|")
	if len(r.parts) == 1 {
		key = strings.Clone(key)
	}
	r.figs.AddKey(key)
	if r.json {
		for _, n := range r.names {
			name, fld, _ := strings.Cut(n, ".")
			raw, found, text := resultFigure(set, name, fld, res)
			v, err := jsonPastValue(set, n, name, raw, found, text)
			if err != nil {
				r.failed = true
				return
			}
			r.figs.Add(v)
		}
		return
	}
	r.fields = r.l.fields(res, r.fields)
	for k, h := range r.heads {
		j := r.at[k]
		var c workbook.Cell
		if j < len(r.l.input) {
			if j < len(row.Cells) {
				c = r.l.inputCell(j, row.Cells[j], res)
			}
		} else {
			c = r.fields[j-len(r.l.input)].cell()
		}
		v, err := pastValue(h, writtenText(c))
		if err != nil {
			r.failed = true
			return
		}
		r.figs.Add(v)
	}
}

// writtenText is the text reading cell c back from the workbook gives.
func writtenText(c workbook.Cell) string {
	if c.Kind == workbook.Number {
		if s, ok := workbook.NumberText(c.Text); ok {
			return s
		}
	}
	return c.Text
}

// past returns what was recorded, or nil when the output cannot serve as
// history.
func (r *recorder) past() *scoring.PastPeriod {
	if r.failed || r.opts.Period.IsZero() {
		return nil
	}
	p := r.out
	p.Label = r.opts.Period.String()
	p.Source = r.opts.Output
	r.figs.Done()
	p.Figures = r.figs
	return &p
}

// resultFigure is what the JSON results write for a history name: its
// text (nil for null), whether the row records it, and whether it is
// text, as [jsonFigure] reads it back.
func resultFigure(set *rules.Set, name, fld string, res *scoring.Result) (*string, bool, bool) {
	str := func(f field) *string {
		if f.v.Kind == scoring.Missing {
			return nil
		}
		s, _ := f.plain()
		return &s
	}
	for i, c := range set.Columns {
		if c.Name == name {
			return str(field{v: res.Input(i)}), true, c.Text
		}
	}
	for i, m := range set.Metrics {
		if m.Name == name {
			r := res.Metric(i)
			switch fld {
			case "points":
				return str(field{v: r.Points}), true, false
			case "score":
				return str(field{v: r.Score}), true, false
			}
			return str(field{v: r.Value}), true, false
		}
	}
	for i, sec := range set.Sections {
		if sec.Name == name {
			return str(field{v: res.Section(i).Score}), true, false
		}
	}
	for i, f := range set.Flags {
		if f.Name == name {
			if v := res.Flag(i); v.Kind == scoring.Bool && v.Bool {
				return &f.Name, true, false
			}
			return nil, true, false
		}
	}
	for i, p := range set.Pay {
		if p.Name == name {
			return str(field{v: res.Pay(i), money: true}), true, false
		}
	}
	for k, r := range set.Ranks {
		if r.Name == name {
			place, _ := res.Rank(k)
			return str(field{v: place}), true, false
		}
	}
	switch name {
	case "total":
		return str(field{v: total(set, res.Total())}), true, false
	case "grade":
		return str(field{v: gradeValue(res)}), true, true
	case "coefficient":
		return str(field{v: res.Coefficient()}), true, false
	}
	return nil, false, false
}

// payTotals adds up the pay lines of the rows scored.
type payTotals struct {
	set  *rules.Set
	sums []PayTotal
}

func newPayTotals(set *rules.Set) *payTotals {
	p := &payTotals{set: set, sums: make([]PayTotal, len(set.Pay))}
	for i, l := range set.Pay {
		p.sums[i].Name = l.Name
	}
	return p
}

func (p *payTotals) add(res *scoring.Result) {
	for i := range p.sums {
		t := &p.sums[i]
		v := res.Pay(i)
		if v.Kind != scoring.Number {
			t.Missing++
			continue
		}
		if t.Overflow {
			continue
		}
		sum, err := t.Total.Add(scoring.RoundMoney(v.Num))
		if err != nil {
			t.Total, t.Overflow = decimal.Zero, true
			continue
		}
		t.Total = sum
	}
}

func (p *payTotals) totals() []PayTotal { return p.sums }

// PeriodOf tells the period of opts.Input as [Score] would, without
// scoring it: from opts.Period, else where the rules' period_from says.
// It is the zero Period when the rules neither need nor say one.
func PeriodOf(opts Options) (scoring.Period, error) {
	set := opts.Scorer.Rules()
	if !opts.Period.IsZero() || set.PeriodFrom == nil || set.PeriodFrom.Cell == "" {
		// Neither the workbook nor its sheet is needed, only its name.
		return findPeriod(opts, nameOnly(filepath.Base(opts.Input)), "")
	}
	f, err := workbook.OpenWith(opts.Input, workbook.OpenOptions{Password: opts.Password, Encoding: opts.Encoding, Lazy: true})
	if err != nil {
		return scoring.Period{}, inputError(err)
	}
	defer f.Close()
	sheet := opts.Sheet
	if sheet == "" && set.Sheet != "" && contains(f.SheetNames(), set.Sheet) {
		sheet = set.Sheet
	}
	// The sheet as a table resolves it, for the messages.
	names := f.SheetNames()
	switch {
	case sheet == "":
		sheet = names[0]
	case !contains(names, sheet):
		for _, n := range names {
			if strings.EqualFold(n, sheet) {
				sheet = n
				break
			}
		}
	}
	return findPeriod(opts, f, sheet)
}

// nameOnly stands for a workbook whose name is all that is read.
type nameOnly string

func (n nameOnly) Name() string { return string(n) }
func (n nameOnly) Cell(sheet, ref string) (string, error) {
	return "", fmt.Errorf("%s: %s!%s: the workbook is not open", string(n), sheet, ref)
}
