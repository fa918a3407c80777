package run

import (
	"fmt"
	"slices"

	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// summary gathers, row by row, what the summary sheet shows: people,
// incomplete rows, the totals' mean, median, min and max, the grades,
// each pay line's total and each flag's count, for the whole sheet and
// for each group of the rules' group column.
type summary struct {
	l      *layout
	grades []string // the grades, best first
	group  int      // the group column, as an index into the rules' columns; -1 for none
	all    *tally
	by     map[string]*tally

	// With --sheet '*': the sheet being scored, each sheet's tally, and
	// the sheets in the order they were scored; bySheet is nil for one.
	sheet   string
	bySheet map[string]*tally
	sheets  []string
}

// tally is the summary of one group, or of everyone.
type tally struct {
	people, incomplete int
	totals             []decimal.Decimal // the totals that have a value
	grades             []int             // people per grade band, by the grade table's order
	noGrade            int
	pay                []decimal.Decimal // per payout column, as paid (to the cent)
	flags              []int
}

func newSummary(l *layout) *summary {
	s := &summary{l: l, group: -1, all: newTally(l), grades: gradeNames(l)}
	if g := l.set.GroupColumn(); g != "" {
		for i, c := range l.set.Columns {
			if c.Name == g {
				s.group = i
				s.by = map[string]*tally{}
			}
		}
	}
	return s
}

func newTally(l *layout) *tally {
	t := &tally{flags: make([]int, len(l.set.Flags)), pay: make([]decimal.Decimal, len(l.set.Pay)+len(l.set.Pools))}
	if g := l.set.Grades; g != nil {
		t.grades = make([]int, len(gradeNames(l)))
	}
	return t
}

// gradeNames lists the grades of the grade table once each, best first.
func gradeNames(l *layout) []string {
	var out []string
	if g := l.set.Grades; g != nil {
		for _, b := range g.Bands {
			if !slices.Contains(out, b.Grade) {
				out = append(out, b.Grade)
			}
		}
	}
	return out
}

func (s *summary) row(res *scoring.Result) error {
	if err := s.all.add(s, res); err != nil {
		return err
	}
	if s.bySheet != nil {
		t := s.bySheet[s.sheet]
		if t == nil {
			t = newTally(s.l)
			s.bySheet[s.sheet] = t
			s.sheets = append(s.sheets, s.sheet)
		}
		if err := t.add(s, res); err != nil {
			return err
		}
	}
	if s.group < 0 {
		return nil
	}
	key := res.Input(s.group).String()
	t := s.by[key]
	if t == nil {
		t = newTally(s.l)
		s.by[key] = t
	}
	return t.add(s, res)
}

func (t *tally) add(s *summary, res *scoring.Result) error {
	l := s.l
	t.people++
	if !res.Complete() {
		t.incomplete++
	}
	if v := res.Total(); !l.set.Total.None && v.Kind == scoring.Number {
		t.totals = append(t.totals, v.Num)
	}
	if t.grades != nil {
		if g, ok := res.Grade(); ok {
			if i := slices.Index(s.grades, g); i >= 0 {
				t.grades[i]++
			}
		} else {
			t.noGrade++
		}
	}
	for i := range l.set.Flags {
		if v := res.Flag(i); v.Kind == scoring.Bool && v.Bool {
			t.flags[i]++
		}
	}
	add := func(j int, v scoring.Value) error {
		if v.Kind != scoring.Number {
			return nil
		}
		var err error
		t.pay[j], err = t.pay[j].Add(scoring.RoundMoney(v.Num))
		return err
	}
	for i := range l.set.Pay {
		if err := add(i, res.Pay(i)); err != nil {
			return fmt.Errorf("%s: %w", l.set.Pay[i].Name, err)
		}
	}
	for k := range l.set.Pools {
		if err := add(len(l.set.Pay)+k, res.Share(k).Share); err != nil {
			return fmt.Errorf("%s: %w", l.set.Pools[k].Name, err)
		}
	}
	return nil
}

// stats are the mean (rounded half-up to 0.01), median, min and max of
// the totals; ok is false when no total has a value.
func (t *tally) stats() (mean, median, lo, hi decimal.Decimal, ok bool) {
	n := len(t.totals)
	if n == 0 {
		return
	}
	slices.SortFunc(t.totals, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	sum := decimal.Zero
	for _, v := range t.totals {
		var err error
		if sum, err = sum.Add(v); err != nil {
			return
		}
	}
	count := decimal.MustNew(int64(n), 0)
	mean, err := sum.Quo(count)
	if err != nil {
		return
	}
	mean = mean.Round(2).Trim(0)
	median = t.totals[n/2]
	if n%2 == 0 {
		m, err := t.totals[n/2-1].Add(t.totals[n/2])
		if err != nil {
			return
		}
		median, _ = m.Quo(decimal.Two)
		median = median.Trim(0)
	}
	return mean, median, t.totals[0], t.totals[n-1], true
}

// gradeFills are the colours of the grades, best first: green to red.
var gradeFills = []string{"C6EFCE", "E2EFDA", "FFF2CC", "FCE4D6", "FFC7CE"}

// flagFill is the colour of a cell with a flag raised.
const flagFill = "F8CBAD"

// gradeFill is the colour of grade i of n, best first: the best green, the
// worst red, those between spread over the colours between.
func gradeFill(i, n int) string {
	if n <= 1 {
		return gradeFills[0]
	}
	return gradeFills[i*(len(gradeFills)-1)/(n-1)]
}

// write writes the summary sheet, whose rows are made here: a title, the
// figures, then a table of grades (with its chart), of pay lines and of
// flags, and a table of groups.
func (s *summary) write(sh *workbook.SheetWriter, title string) error {
	lab := s.l.labels
	w := lab.Word
	text := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t} }
	bold := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t, Bold: true} }
	num := func(d decimal.Decimal) workbook.Cell { return workbook.Cell{Kind: workbook.Number, Text: d.String()} }
	count := func(n int) workbook.Cell {
		return workbook.Cell{Kind: workbook.Number, Text: fmt.Sprint(n), Format: workbook.Integer}
	}
	row := 0
	put := func(cells ...workbook.Cell) error {
		row++
		return sh.Row(cells)
	}
	blank := func() error { return put() }
	// The chart goes under the tables, so that it prints on their page.
	var chart *workbook.Chart
	defer func() {
		if chart != nil {
			chart.Cell = fmt.Sprintf("A%d", row+2)
			sh.AddChart(*chart)
		}
	}()
	t := s.all
	if err := put(bold(title)); err != nil {
		return err
	}
	if err := blank(); err != nil {
		return err
	}
	if err := put(text(w("people scored")), count(t.people)); err != nil {
		return err
	}
	if err := put(text(w("incomplete rows")), count(t.incomplete)); err != nil {
		return err
	}
	if !s.l.set.Total.None {
		mean, median, lo, hi, ok := t.stats()
		for _, p := range []struct {
			name string
			v    decimal.Decimal
		}{{"mean", mean}, {"median", median}, {"min", lo}, {"max", hi}} {
			c := workbook.Cell{}
			if ok {
				c = num(p.v)
			}
			if err := put(text(lab.Total+" "+w(p.name)), c); err != nil {
				return err
			}
		}
	}
	grades := s.grades
	if len(grades) > 0 {
		if err := blank(); err != nil {
			return err
		}
		if err := put(bold(w("grade distribution"))); err != nil {
			return err
		}
		if err := put(bold(lab.Grade), bold(w("people")), bold(w("share of people"))); err != nil {
			return err
		}
		first := row + 1
		for i, g := range grades {
			c := text(g)
			c.Fill = gradeFill(i, len(grades))
			if err := put(c, count(t.grades[i]), share(t.grades[i], t.people)); err != nil {
				return err
			}
		}
		last := row
		if t.noGrade > 0 {
			if err := put(text(w("no grade")), count(t.noGrade), share(t.noGrade, t.people)); err != nil {
				return err
			}
		}
		chart = &workbook.Chart{Width: 300, Height: 200, Title: w("grade distribution"), Name: sh.Range(1, first-1, 1, first-1),
			Categories: sh.Range(0, first, 0, last), Values: sh.Range(1, first, 1, last)}
	}
	cols := s.payHeaders()
	if len(cols) > 0 {
		if err := blank(); err != nil {
			return err
		}
		if err := put(bold(w("pay lines")), bold(w("total"))); err != nil {
			return err
		}
		for j, name := range cols {
			if err := put(text(name), yuan(t.pay[j])); err != nil {
				return err
			}
		}
	}
	if len(s.l.set.Flags) > 0 {
		if err := blank(); err != nil {
			return err
		}
		if err := put(bold(w("flags raised")), bold(w("people with it"))); err != nil {
			return err
		}
		for i, f := range s.l.set.Flags {
			c := text(f.Name)
			c.Fill = flagFill
			if err := put(c, count(t.flags[i])); err != nil {
				return err
			}
		}
	}
	if s.bySheet != nil {
		name := lab.Word("sheet")
		if err := s.writeGroups(put, blank, grades, cols, name, s.sheets, s.bySheet); err != nil {
			return err
		}
	}
	if s.group >= 0 {
		keys := make([]string, 0, len(s.by))
		for k := range s.by {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if err := s.writeGroups(put, blank, grades, cols, s.l.set.Columns[s.group].Name, keys, s.by); err != nil {
			return err
		}
	}
	return nil
}

// writeGroups writes a table of groups by name: a row a group, in the
// order of keys, then one for everyone. The groups are those of the
// rules' group column, or with --sheet '*' the sheets.
func (s *summary) writeGroups(put func(...workbook.Cell) error, blank func() error, grades, pay []string, name string, keys []string, by map[string]*tally) error {
	lab := s.l.labels
	w := lab.Word
	text := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t} }
	bold := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t, Bold: true} }
	if err := blank(); err != nil {
		return err
	}
	if err := put(bold(w("by") + " " + name)); err != nil {
		return err
	}
	h := []workbook.Cell{bold(name), bold(w("people")), bold(w("incomplete rows"))}
	if !s.l.set.Total.None {
		for _, p := range []string{"mean", "median", "min", "max"} {
			h = append(h, bold(lab.Total+" "+w(p)))
		}
	}
	for i, g := range grades {
		c := bold(g)
		c.Fill = gradeFill(i, len(grades))
		h = append(h, c)
	}
	for _, p := range pay {
		h = append(h, bold(p))
	}
	for _, f := range s.l.set.Flags {
		h = append(h, bold(f.Name))
	}
	if err := put(h...); err != nil {
		return err
	}
	line := func(label workbook.Cell, t *tally) error {
		count := func(n int) workbook.Cell {
			return workbook.Cell{Kind: workbook.Number, Text: fmt.Sprint(n), Format: workbook.Integer}
		}
		cells := []workbook.Cell{label, count(t.people), count(t.incomplete)}
		if !s.l.set.Total.None {
			mean, median, lo, hi, ok := t.stats()
			for _, v := range []decimal.Decimal{mean, median, lo, hi} {
				if ok {
					cells = append(cells, workbook.Cell{Kind: workbook.Number, Text: v.String()})
				} else {
					cells = append(cells, workbook.Cell{})
				}
			}
		}
		for i := range grades {
			cells = append(cells, count(t.grades[i]))
		}
		for j := range pay {
			cells = append(cells, yuan(t.pay[j]))
		}
		for i := range s.l.set.Flags {
			cells = append(cells, count(t.flags[i]))
		}
		return put(cells...)
	}
	for _, k := range keys {
		if err := line(text(k), by[k]); err != nil {
			return err
		}
	}
	return line(bold(w("all")), s.all)
}

// payHeaders names the pay lines and pools, in the order of tally.pay.
func (s *summary) payHeaders() []string {
	var out []string
	for _, p := range s.l.set.Pay {
		out = append(out, p.Name)
	}
	for _, p := range s.l.set.Pools {
		out = append(out, p.Name)
	}
	return out
}

// share is n of all as a percentage cell; blank when all is 0.
func share(n, all int) workbook.Cell {
	if all == 0 {
		return workbook.Cell{}
	}
	d, err := decimal.MustNew(int64(n), 0).Quo(decimal.MustNew(int64(all), 0))
	if err != nil {
		return workbook.Cell{}
	}
	return workbook.Cell{Kind: workbook.Number, Text: d.Round(4).Trim(0).String(), Format: workbook.Percent}
}
