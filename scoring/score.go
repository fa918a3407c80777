package scoring

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// Result is one record's result. A Result is reused from record to
// record: [Scorer.Score] overwrites it, so copy what must outlive the
// next call.
type Result struct {
	s     *Scorer
	env   []Value
	bands []int

	past   *Past  // the history, when the rules look back
	person string // the record's person key, when past is set

	shares []PoolShare // per pool, once a Pooling fills them

	// periodStart and periodEnd are the dates of the period scored, as
	// UsePeriod gives them.
	periodStart, periodEnd Value

	force      int    // the grade band calibration gives, or -1
	before     string // the grade before calibration
	calibrated bool
}

// NewResult returns an empty Result to pass to [Scorer.Score].
func (s *Scorer) NewResult() *Result {
	// One band index per metric, one for the grade and one per tier table.
	return &Result{s: s, env: make([]Value, s.nslots), bands: make([]int, len(s.set.Metrics)+1+len(s.set.Tiers)), force: -1,
		periodStart: noPeriod, periodEnd: noPeriod}
}

// Score scores one record: rec holds a value per column of the rules, in
// their order, as [Scorer.Bind] makes them.
func (s *Scorer) Score(rec []Value, r *Result) {
	copy(r.env, s.consts)
	copy(r.env, rec)
	r.env[s.periodStart], r.env[s.periodEnd] = r.periodStart, r.periodEnd
	r.forceGrade()
	if r.past != nil {
		r.past.fill(rec, r)
	}
	for _, step := range s.steps {
		step(r.env, r.bands)
	}
}

// MetricResult is the trace of one metric.
type MetricResult struct {
	Value  Value // the computed value
	Band   int   // the index of the band matched, or -1
	Points Value // the points earned; missing for a metric that is reported only
	Score  Value // points x weight / 100, or the points when unweighted
	// Target is the target of a metric scored against one; missing for
	// any other.
	Target Value
}

// Metric returns the trace of metric i.
func (r *Result) Metric(i int) MetricResult {
	ms := r.s.metrics[i]
	mr := MetricResult{Value: r.env[ms.value], Band: r.bands[i], Points: r.env[ms.points], Score: r.env[ms.score]}
	if ms.target >= 0 {
		mr.Target = r.env[ms.target]
	}
	return mr
}

// Input returns the value of input column i.
func (r *Result) Input(i int) Value { return r.env[i] }

// Total returns the total after its floor and cap.
func (r *Result) Total() Value { return r.env[r.s.total] }

// Subtotal returns the total before its floor and cap.
func (r *Result) Subtotal() Value { return r.env[r.s.raw] }

// Flag returns the condition of flag i: a Bool, or missing when it could
// not be decided.
func (r *Result) Flag(i int) Value { return r.env[r.s.flags[i]] }

// Pay returns pay line i, exact. Report it rounded with [RoundMoney].
func (r *Result) Pay(i int) Value { return r.env[r.s.pay[i]] }

// Complete reports whether every figure of the result could be computed:
// a metric without a value whose points if_missing gives counts as
// computed, though [Result.Notes] still says why it has no value; any
// other figure missing is in the notes. Unlike Notes it allocates nothing.
func (r *Result) Complete() bool {
	// A value that could not be computed carries its reason; the empty
	// slots of a metric that earns no points carry none.
	cols := len(r.s.set.Columns)
	for k, v := range r.env[cols:] {
		if v.Kind == Missing && v.Str != "" && !r.settled(cols+k) && !r.s.isPeriod(cols+k) {
			return false
		}
	}
	return true
}

// settled reports whether slot is the value of a metric whose points were
// given all the same, by if_missing: the row is scored, as [Result.Notes]
// sees it.
func (r *Result) settled(slot int) bool {
	for i, m := range r.s.set.Metrics {
		if ms := r.s.metrics[i]; ms.value == slot {
			return m.Scored() && r.env[ms.points].Kind == Number
		}
	}
	return false
}

// Notes explains every value that could not be computed, one line each:
// the metrics first, then the grade and the vetoes that changed it,
// undecided flags, pay lines whose
// reason is not already given, and the total.
func (r *Result) Notes() []string {
	set := r.s.set
	var notes []string
	for i, m := range set.Metrics {
		v := r.env[r.s.metrics[i].value]
		p := r.env[r.s.metrics[i].points]
		switch {
		case m.Scored() && v.Kind == Missing && v.Str != "" && p.Kind == Number:
			notes = append(notes, fmt.Sprintf("%s: %s; if_missing gives %s points", m.Name, v.Str, p))
		case m.Map != nil && v.Kind == Text && p.Kind == Missing:
			notes = append(notes, fmt.Sprintf("%s: %s", m.Name, p.Str))
		case m.Map != nil && v.Kind == Text && r.bands[i] < 0 && p.Kind == Number:
			notes = append(notes, fmt.Sprintf("%s: %s; if_missing gives %s points", m.Name, notInMap(m, v.Str), p))
		case m.Scored() && v.Kind == Number:
			if p.Kind == Missing {
				notes = append(notes, fmt.Sprintf("%s: %s", m.Name, p.Str))
			}
		case v.Kind == Missing:
			notes = append(notes, fmt.Sprintf("%s: %s", m.Name, v.Str))
		}
	}
	t := r.Total()
	// A value that missed every grade is named in the grade's note; pay
	// that depends on the grade gives no note of its own.
	var ungraded string
	given := func(reason string) bool {
		if ungraded != "" && reason == ungraded {
			return true
		}
		for _, n := range notes {
			if strings.HasSuffix(n, ": "+reason) {
				return true
			}
		}
		return false
	}
	if g := set.Grades; g != nil {
		v := r.env[r.s.grade.grade]
		switch of := r.Graded(); {
		case v.Kind != Missing:
		case r.GradeBand() >= 0:
			// In a band, yet without a grade: a veto could not be decided.
			for k, veto := range g.Vetoes {
				if c := r.Veto(k); c.Kind == Missing {
					notes = append(notes, fmt.Sprintf("%s: veto %s cannot be decided: %s", set.Labels.Grade, veto.When.Source, c.Str))
					ungraded = c.Str
					break
				}
			}
		case of.Kind == Number:
			ungraded = v.Str
			notes = append(notes, fmt.Sprintf("%s: %s is %s, in none of the grades", set.Labels.Grade, g.Graded(), of))
		case !given(v.Str) && v.Str != t.Str:
			notes = append(notes, fmt.Sprintf("%s: %s", set.Labels.Grade, v.Str))
		}
		if v.Kind == Text {
			for k, veto := range g.Vetoes {
				if c := r.Veto(k); c.Kind == Bool && c.Bool {
					notes = append(notes, fmt.Sprintf("%s: veto %s: %s", set.Labels.Grade, veto.When.Source, veto.Describe(g)))
				}
			}
		}
	}
	for i, f := range set.Flags {
		if v := r.Flag(i); v.Kind == Missing {
			notes = append(notes, fmt.Sprintf("%s: not decided: %s", f.Name, v.Str))
		}
	}
	for i, tt := range set.Tiers {
		if _, v := r.Tier(i); v.Kind == Missing && v.Str != "" && !given(v.Str) {
			notes = append(notes, tt.Name+": "+v.Str)
		}
	}
	notes = append(notes, r.historyNotes()...)
	for k := range set.Ranks {
		// A figure that has no value says why already: its rank is
		// blank for that reason.
		if place, _ := r.Rank(k); place.Kind == Missing && place.Str != "" && !given(r.RankOf(k).Str) {
			notes = append(notes, place.Str)
		}
	}
	for i, p := range set.Pay {
		if v := r.Pay(i); v.Kind == Missing && !given(v.Str) && v.Str != t.Str {
			notes = append(notes, fmt.Sprintf("%s: %s", p.Name, v.Str))
		}
	}
	for k := range r.shares {
		if v := r.shares[k].Share; v.Kind == Missing && v.Str != "" {
			notes = append(notes, v.Str)
		}
	}
	if t.Kind == Missing && !given(t.Str) {
		notes = append(notes, "total: "+t.Str)
	}
	return notes
}

// Bind turns the raw text of a cell in input column i into a value,
// applying the column's rules: blank cells, numbers and their range, the
// texts a text column allows. The error, a [*CellError], names the
// column but not the cell, which the caller knows.
func (s *Scorer) Bind(i int, raw string) (Value, error) {
	return s.BindCell(i, raw, PlainCell, "")
}

// CellKind says what a cell holds where its raw text alone would
// mislead.
type CellKind uint8

// Kinds of cell.
const (
	PlainCell CellKind = iota // a number or text, as the raw text says
	DateCell                  // a date or time, stored as a number of days
	ErrorCell                 // an error value such as #DIV/0!, which is the raw text
	BoolCell                  // TRUE or FALSE, stored as 1 or 0
)

// BindCell is [Scorer.Bind] for a cell whose kind the workbook knows;
// shown is how a DateCell reads as a date ("2024-03-01") or a time
// ("09:30:00"). A number column takes none but a PlainCell: a date read
// as a number is a count of days, and TRUE is not a count. A text column
// takes a date as shown and TRUE and FALSE as words; an error value is
// never a value, in either.
func (s *Scorer) BindCell(i int, raw string, kind CellKind, shown string) (Value, error) {
	return BindColumn(s.set.Columns[i], s.blanks[i], raw, kind, shown)
}

// BindColumn is [Scorer.BindCell] for any column, such as one of a
// table's: blank is why a blank cell of a "blank: none" column has no
// value.
func BindColumn(col *rules.Column, blank string, raw string, kind CellKind, shown string) (Value, error) {
	switch kind {
	case ErrorCell:
		return Value{}, cellError(col, "is an Excel error, %s, not %s", strings.TrimSpace(raw), holds(col))
	case BoolCell:
		b := "FALSE"
		if t := strings.TrimSpace(raw); t == "1" || strings.EqualFold(t, "true") {
			b = "TRUE"
		}
		if !col.Text {
			return Value{}, cellError(col, "is a logical value, %s, not %s", b, holds(col))
		}
		raw = b
	case DateCell:
		if col.Date {
			// A date and time counts as its day.
			day, _, _ := strings.Cut(shown, " ")
			if !strings.Contains(day, "-") {
				return Value{}, cellError(col, "holds a time (%s), not a date", shown)
			}
			v, err := ParseDate(day)
			if err != nil {
				return Value{}, cellError(col, "is not a date: %q", shown)
			}
			return v, nil
		}
		if !col.Text {
			what := "a date"
			if !strings.Contains(shown, "-") {
				what = "a time"
			}
			return Value{}, cellError(col, "holds %s (%s), not a number", what, shown)
		}
		raw = shown
	}
	if col.Text {
		t := strings.TrimSpace(raw)
		if t == "" && col.BlankText != nil {
			t = *col.BlankText
		}
		return bindText(col, t)
	}
	if col.Date {
		return bindDate(col, raw, blank)
	}
	if strings.TrimSpace(raw) == "" {
		if col.Blank != nil {
			return Num(col.Blank.Value), nil
		}
		if col.BlankNone {
			return Absent(blank), nil
		}
		return Value{}, cellError(col, "is blank: a number is needed")
	}
	d, err := ParseNumber(raw)
	if err != nil {
		if f, ferr := strconv.ParseFloat(strings.TrimSpace(raw), 64); ferr == nil && math.Abs(f) >= 1e19 {
			return Value{}, cellError(col, "is %s, more than the 19 digits a number may have", strings.TrimSpace(raw))
		}
		return Value{}, cellError(col, "is not a number: %q", raw)
	}
	if col.Min != nil && d.Cmp(col.Min.Value) < 0 {
		return Value{}, cellError(col, "is %s, below the least allowed, %s", show(d), show(col.Min.Value))
	}
	if col.Max != nil && d.Cmp(col.Max.Value) > 0 {
		return Value{}, cellError(col, "is %s, above the most allowed, %s", show(d), show(col.Max.Value))
	}
	return Num(d), nil
}

// holds says what a column's cells hold: text, a number or a date.
func holds(col *rules.Column) string {
	switch {
	case col.Text:
		return "text"
	case col.Date:
		return "a date"
	}
	return "a number"
}

// bindDate reads a cell of a date column that the workbook does not
// store as a date: text such as 2025/3/1, or a number written as
// 20250301. A number of days that the cell does not show as a date is
// not taken for one: Excel shows it as the number.
func bindDate(col *rules.Column, raw, blank string) (Value, error) {
	t := strings.TrimSpace(raw)
	if t == "" {
		if col.BlankNone {
			return Absent(blank), nil
		}
		return Value{}, cellError(col, "is blank: a date is needed")
	}
	v, err := ParseDate(t)
	if err != nil {
		return Value{}, cellError(col, "is not a date: %q", t)
	}
	return v, nil
}

// bindText checks a text cell against the texts its column allows.
func bindText(col *rules.Column, t string) (Value, error) {
	if col.Values == nil {
		return Str(t), nil
	}
	for _, v := range col.Values {
		if t == v {
			// The rules' own string, so that every cell of a value shares
			// one.
			return Str(v), nil
		}
	}
	if t == "" {
		return Value{}, cellError(col, "is blank: one of %s is needed", strings.Join(col.Values, ", "))
	}
	return Value{}, cellError(col, "is %q, not one of %s", t, strings.Join(col.Values, ", "))
}

// BindAbsent gives the value of input column i for a workbook that lacks
// the column, which the rules allow only for an optional column: its blank
// value, or a missing value that says why.
func (s *Scorer) BindAbsent(i int) Value {
	col := s.set.Columns[i]
	if col.Blank != nil {
		return Num(col.Blank.Value)
	}
	return Absent(fmt.Sprintf("the workbook has no column %s", col.Header))
}

func show(d decimal.Decimal) string { return d.Trim(0).String() }

// CellError is a cell that does not hold what its column needs, as
// [Scorer.Bind] finds it: "询单人数 is not a number: \"abc\"".
type CellError struct {
	// Header names the column: its header in the rules, which a caller
	// that knows the header the sheet has (an alias, say) may put
	// instead, so that the message says what the user sees.
	Header  string
	Problem string // what is wrong, after the header
}

func (e *CellError) Error() string { return e.Header + " " + e.Problem }

func cellError(col *rules.Column, format string, args ...any) *CellError {
	return &CellError{Header: col.Header, Problem: fmt.Sprintf(format, args...)}
}

// Overflow returns where scoring the row went past the 19 digits a
// number holds, or nil. Such a row has no right figures: its input is
// wrong.
func (r *Result) Overflow() *Overflow {
	for _, v := range r.env {
		if v.Over != nil {
			return v.Over
		}
	}
	return nil
}

// forceGrade puts the grade calibration gives where the grade step finds
// it.
func (r *Result) forceGrade() {
	if r.force >= 0 && r.s.set.Grades != nil {
		r.env[r.s.grade.forced] = Num(intValue(r.force))
	}
}
