package run

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// xlsxSink writes the scored workbook: the results sheet, a detail sheet
// with one row per person and metric, and an audit sheet.
type xlsxSink struct {
	opts    Options
	l       *layout
	t       *workbook.Table
	w       *workbook.Writer
	results *writer
	detail  *writer // nil when there is no detail
	// detailCSV is the detail's file for DetailInCSV.
	detailCSV *textFile
	cells     []workbook.Cell
	fields    []field
	num       int // the number of the row being written

	// payouts writes the payout sheet; nil when the rules pay nothing.
	payouts *payouts

	sum     *summary
	summary *workbook.SheetWriter
	compact bool // the detail is a row a person

	// sheets holds each sheet's table, layout and results, when several
	// sheets are scored into the workbook; the detail then says which
	// sheet each row is of.
	sheets []sheetOut
}

// sheetOut is the results of one of several sheets scored.
type sheetOut struct {
	t       *workbook.Table
	l       *layout
	results *writer
}

// useSheet sends the rows that follow to the results of sheet i.
func (s *xlsxSink) useSheet(i int) {
	if len(s.sheets) == 0 {
		return
	}
	o := s.sheets[i]
	s.t, s.l, s.results = o.t, o.l, o.results
	s.sum.sheet = o.t.Sheet
}

// sheetColumn puts the sheet's column in the detail's header h, after the
// key columns, when several sheets are scored.
func (s *xlsxSink) sheetColumn(h []string) []string {
	if len(s.sheets) == 0 {
		return h
	}
	k := len(s.l.keys)
	return append(h[:k:k], append([]string{s.l.labels.Word("sheet")}, h[k:]...)...)
}

// sheetWidth is sheetColumn for the least widths of the columns.
func (s *xlsxSink) sheetWidth(w []int) []int {
	if len(s.sheets) == 0 {
		return w
	}
	k := len(s.l.keys)
	return append(w[:k:k], append([]int{12}, w[k:]...)...)
}

// detailRow writes one row of the detail, naming the sheet when there
// are several.
func (s *xlsxSink) detailRow(cells []workbook.Cell) {
	if len(s.sheets) > 0 {
		k := len(s.l.keys)
		cells = append(cells[:k], append([]workbook.Cell{{Kind: workbook.Text, Text: s.t.Sheet}}, cells[k:]...)...)
	}
	s.detail.row(cells)
}

// compactHeader is the header of the detail of one row a person, and the
// notes on its columns: the formula of each figure.
func compactHeader(l *layout) ([]string, []string) {
	lab := l.labels
	var h, notes []string
	add := func(head, note string) {
		h = append(h, head)
		notes = append(notes, note)
	}
	for _, k := range l.keys {
		add(l.set.Columns[k].Name, "")
	}
	add(lab.Word("row"), "")
	join := func(name, word string) string {
		if lab.Lang == "zh" {
			return name + lab.Word(word)
		}
		return name + " " + word
	}
	for _, m := range l.set.Metrics {
		if !m.Scored() {
			continue
		}
		at := fmt.Sprintf("%s:%d\n", m.Pos.File, m.Pos.Line)
		if m.Value != nil {
			add(join(m.Name, "value"), at+m.Name+" = "+m.Value.Source)
		}
		if m.Bands != nil || m.Map != nil {
			add(join(m.Name, "band"), at+m.Name)
		}
		if m.Weight != nil {
			add(join(m.Name, "score"), at+lab.Word("points")+" x "+m.Weight.Value.String()+" / 100")
		}
	}
	for _, sec := range l.set.Sections {
		if sec.Weight != nil {
			add(join(sec.Name, "counts"), fmt.Sprintf("%s:%d\n", sec.Pos.File, sec.Pos.Line)+sec.Name+" x "+sec.Weight.Value.String()+" / 100")
		}
	}
	if t := l.set.Total; !t.None && (t.Cap != nil || t.Floor != nil) {
		add(join(lab.Total, "before its cap and floor"), "")
	}
	for _, p := range l.set.Pay {
		add(join(p.Name, "exact"), fmt.Sprintf("%s:%d\n", p.Pos.File, p.Pos.Line)+p.Name+" = "+p.Formula.Source)
	}
	return h, notes
}

// compactRow is a person's row of the detail of one row a person, in the
// order of compactHeader.
func (s *xlsxSink) compactRow(cells []workbook.Cell, num workbook.Cell, res *scoring.Result) []workbook.Cell {
	set := s.l.set
	for _, k := range s.l.keys {
		cells = append(cells, field{v: res.Input(k)}.cell())
	}
	cells = append(cells, num)
	for i, m := range set.Metrics {
		if !m.Scored() {
			continue
		}
		r := res.Metric(i)
		if m.Value != nil {
			value := field{v: r.Value, pct: m.Percent}.cell()
			if r.Value.Kind == scoring.Missing && r.Value.Str != "" {
				value = workbook.Cell{Kind: workbook.Text, Text: s.l.words.Say("missing: {why}", r.Value.Str)}
			}
			cells = append(cells, value)
		}
		if m.Bands != nil || m.Map != nil {
			band := workbook.Cell{}
			if r.Band >= 0 {
				band = workbook.Cell{Kind: workbook.Text, Text: m.Entry(r.Band)}
			}
			cells = append(cells, band)
		}
		if m.Weight != nil {
			cells = append(cells, field{v: r.Score}.cell())
		}
	}
	for i, sec := range set.Sections {
		if sec.Weight != nil {
			cells = append(cells, field{v: res.Section(i).Counts}.cell())
		}
	}
	if t := set.Total; !t.None && (t.Cap != nil || t.Floor != nil) {
		cells = append(cells, field{v: res.Subtotal()}.cell())
	}
	for i := range set.Pay {
		cells = append(cells, field{v: res.Pay(i)}.cell())
	}
	return cells
}

// AuditSheet is the English name of the audit sheet; the workbook of a
// rule file in Chinese names it 说明, and labels.audit another way.
const AuditSheet = "audit"

func newXLSX(opts Options, l *layout, t *workbook.Table) (sink, error) {
	lab := l.labels
	for _, in := range append([]*workbook.Table{t}, opts.others...) {
		for _, p := range [][2]string{{lab.Summary, "summary"}, {lab.Payouts, "payouts"}, {lab.Detail, "detail"}, {lab.Audit, "audit"}} {
			if strings.EqualFold(strings.TrimSpace(in.Sheet), p[0]) {
				return nil, &InputError{Problems: []string{fmt.Sprintf(
					"%s: sheet %s has the name of the scored workbook's %s sheet: rename the sheet, or name that sheet otherwise with labels.%s in %s",
					filepath.Base(in.File), in.Sheet, p[1], p[1], l.set.File)}}
			}
		}
	}
	var w *workbook.Writer
	var err error
	if opts.Output == "-" {
		w, err = workbook.CreateTo(opts.Stdout)
	} else {
		w, err = workbook.Create(opts.Output)
	}
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: cannot write here: %v", opts.Output, unwrapPath(err))}}
	}
	s := &xlsxSink{opts: opts, l: l, t: t, w: w, sum: newSummary(l)}
	if err := w.Prepare(styles(l)...); err != nil {
		w.Abort()
		return nil, err
	}
	// The summary comes first, though written last, when every row is in.
	// Its columns: the items' names, then figures (the groups' table
	// has a column a figure, grade, pay line and flag).
	cols := make([]string, 8+len(l.grades)+len(l.set.Pay)+len(l.set.Pools)+len(l.set.Flags))
	widths := []int{24}
	for range cols[1:] {
		widths = append(widths, 12)
	}
	if s.summary, err = w.SheetWith(l.labels.Summary, cols, workbook.SheetOptions{NoHeader: true, Widths: widths}); err != nil {
		w.Abort()
		return nil, err
	}
	// resultsSheet makes the results sheet of t; with --sheet '*', each
	// sheet scored has its own.
	resultsSheet := func(t *workbook.Table, l *layout) (*writer, error) {
		// The notes column is made wide enough to read a reason.
		widths := make([]int, len(l.header))
		widths[len(widths)-1] = 50
		freeze := 0
		for _, k := range l.keys {
			if i := t.Index[k]; i >= 0 {
				freeze = max(freeze, i+1)
			}
		}
		results, err := w.SheetWith(t.Sheet, l.header, workbook.SheetOptions{Widths: widths, Fit: true, Freeze: freeze, Filter: true,
			Notes: append(make([]string, len(l.input)), l.resultNotes()...)})
		if err != nil {
			return nil, err
		}
		return startWriter(results.Row), nil
	}
	if s.results, err = resultsSheet(t, l); err != nil {
		w.Abort()
		return nil, err
	}
	if len(opts.others) > 0 {
		s.sheets = append(s.sheets, sheetOut{t, l, s.results})
		for _, o := range opts.others {
			ol := newLayout(opts.Scorer.Rules(), o, opts.Period, opts.Calibrate, opts.Format)
			r, err := resultsSheet(o, ol)
			if err != nil {
				s.abort()
				return nil, err
			}
			s.sheets = append(s.sheets, sheetOut{o, ol, r})
		}
		s.sum.bySheet = map[string]*tally{}
		s.sum.sheet = t.Sheet
	}
	if opts.ledger != nil {
		if err := opts.ledger.writeLedger(w); err != nil {
			w.Abort()
			return nil, err
		}
	}
	if p := newPayouts(l, opts.Period); p != nil {
		rows, err := s.payoutSheets(p)
		if err != nil {
			w.Abort()
			return nil, err
		}
		p.out = startWriter(rows)
		s.payouts = p
	}
	switch opts.Detail {
	case DetailInSheet:
		s.compact = true
		h, notes := compactHeader(l)
		h, notes = s.sheetColumn(h), s.sheetColumn(notes)
		if len(s.sheets) > 0 {
			notes[len(l.keys)] = ""
		}
		s.detail = startWriter(s.detailSheets(h, workbook.SheetOptions{Fit: true, Freeze: len(l.keys) + 1, Filter: true, Notes: notes}))
	case DetailFull:
		h, widths := detailHeader(l)
		s.detail = startWriter(s.detailSheets(s.sheetColumn(h), workbook.SheetOptions{Widths: s.sheetWidth(widths), Freeze: len(l.keys)}))
	case DetailInCSV:
		f, err := createText(DetailFile(opts.Output), nil)
		if err != nil {
			w.Abort()
			return nil, err
		}
		s.detailCSV = f
		if opts.BOM {
			f.w.WriteString(bom)
		}
		h, _ := detailHeader(l)
		h = s.sheetColumn(h)
		s.detail = startWriter(csvRows(f.w, h))
	}
	return s, nil
}

// styles lists cells of every style the workbook uses besides the plain
// number formats, so that they are made in one order whatever order the
// sheets' goroutines reach them.
func styles(l *layout) []workbook.Cell {
	num := func(f workbook.Format, bold bool) workbook.Cell {
		return workbook.Cell{Kind: workbook.Number, Format: f, Bold: bold}
	}
	out := []workbook.Cell{{Kind: workbook.Text, Bold: true}, num(workbook.Yuan, false), num(workbook.Yuan, true),
		{Kind: workbook.Text, Fill: flagFill}}
	for i := range l.grades {
		fill := gradeFill(i, len(l.grades))
		out = append(out, workbook.Cell{Kind: workbook.Text, Fill: fill}, workbook.Cell{Kind: workbook.Text, Fill: fill, Bold: true})
	}
	for n := 1; n <= 4; n++ {
		out = append(out, num(workbook.FixedFormat(n), false))
	}
	return out
}

// detailRows is how many rows a detail sheet holds under its header; a
// variable so that a test can fill a sheet without a million rows.
var detailRows = workbook.MaxRows - 1

// detailSheets returns a row writer that fills the detail sheet and, when
// it is full, goes on in "detail 2", "detail 3" and so on.
func (s *xlsxSink) detailSheets(h []string, o workbook.SheetOptions) func([]workbook.Cell) error {
	var sheet *workbook.SheetWriter
	n, rows := 0, 0
	return func(cells []workbook.Cell) error {
		if sheet == nil || rows == detailRows {
			n++
			name := s.l.labels.Detail
			if n > 1 {
				name = fmt.Sprintf("%s %d", s.l.labels.Detail, n)
			}
			var err error
			if sheet, err = s.w.SheetWith(name, h, o); err != nil {
				return err
			}
			rows = 0
		}
		rows++
		return sheet.Row(cells)
	}
}

// payoutSheets returns a row writer that fills the payouts sheet and,
// when it is full, goes on in "payouts 2" and so on, as the detail does.
// The first sheet is made at once, so that it comes before the detail.
func (s *xlsxSink) payoutSheets(p *payouts) (func([]workbook.Cell) error, error) {
	opts := workbook.SheetOptions{Widths: p.widths(), Freeze: len(s.l.keys), Fit: true}
	sheet, err := s.w.SheetWith(s.l.labels.Payouts, p.header(), opts)
	if err != nil {
		return nil, err
	}
	n, rows := 1, 0
	return func(cells []workbook.Cell) error {
		if rows == detailRows {
			n++
			name := fmt.Sprintf("%s %d", s.l.labels.Payouts, n)
			var err error
			if sheet, err = s.w.SheetWith(name, p.header(), opts); err != nil {
				return err
			}
			rows = 0
		}
		rows++
		return sheet.Row(cells)
	}, nil
}

// detailHeader is the header of the detail rows and the least widths of
// their columns.
func detailHeader(l *layout) ([]string, []int) {
	var h []string
	for _, k := range l.keys {
		h = append(h, l.set.Columns[k].Name)
	}
	for _, w := range []string{"row", "metric", "inputs", "value", "band", "points", "weight", "score"} {
		h = append(h, l.labels.Word(w))
	}
	widths := make([]int, len(h))
	copy(widths[len(l.keys):], []int{0, 16, 48, 12, 16})
	return h, widths
}

func (s *xlsxSink) row(row workbook.Row, res *scoring.Result) error {
	s.num = row.Num
	cells := s.cells[:0]
	for i := range s.l.input {
		cells = append(cells, s.l.inputCell(i, row.Cells[i], res))
	}
	s.fields = s.l.fields(res, s.fields)
	for _, f := range s.fields {
		cells = append(cells, f.cell())
	}
	s.l.colour(cells[len(s.l.input):], res)
	s.cells = cells
	s.results.row(cells)
	if err := s.sum.row(res); err != nil {
		return err
	}
	if s.payouts != nil {
		if err := s.payouts.row(res); err != nil {
			return err
		}
	}
	if s.detail == nil {
		return nil
	}
	set := s.l.set
	num := workbook.Cell{Kind: workbook.Number, Text: strconv.Itoa(row.Num), Format: workbook.Integer}
	if s.compact {
		s.cells = s.compactRow(s.cells[:0], num, res)
		s.detailRow(s.cells)
		return nil
	}
	if lr := s.opts.ledger; lr != nil {
		cells = s.ledgerDetail(lr, num, res, cells)
	}
	for i, m := range set.Metrics {
		r := res.Metric(i)
		cells = cells[:0]
		for _, k := range s.l.keys {
			cells = append(cells, field{v: res.Input(k)}.cell())
		}
		band := workbook.Cell{}
		if r.Band >= 0 {
			band = workbook.Cell{Kind: workbook.Text, Text: m.Entry(r.Band)}
		}
		if m.Target != nil {
			band = workbook.Cell{Kind: workbook.Text, Text: res.TargetWorkingIn(s.l.words, i)}
		}
		value := field{v: r.Value, pct: m.Percent}.cell()
		if r.Value.Kind == scoring.Missing && r.Value.Str != "" {
			value = workbook.Cell{Kind: workbook.Text, Text: s.l.words.Say("missing: {why}", r.Value.Str)}
		}
		weight := workbook.Cell{}
		if m.Weight != nil {
			weight = workbook.Cell{Kind: workbook.Number, Text: m.Weight.Value.String()}
		}
		cells = append(cells, num,
			workbook.Cell{Kind: workbook.Text, Text: m.Name},
			workbook.Cell{Kind: workbook.Text, Text: s.inputs(i, res)},
			value, band, field{v: r.Points}.cell(), weight, field{v: r.Score}.cell())
		s.detailRow(cells)
	}
	s.cells = cells
	return s.explain(num, res)
}

// explain adds the detail rows for each section, the total, the grade
// and each pay line, so that every figure of the results sheet has its
// line in the detail sheet.
func (s *xlsxSink) explain(num workbook.Cell, res *scoring.Result) error {
	set := s.l.set
	say := s.l.words
	text := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t} }
	line := func(name, how string, value workbook.Cell, note string, result workbook.Cell) error {
		cells := s.cells[:0]
		for _, k := range s.l.keys {
			cells = append(cells, field{v: res.Input(k)}.cell())
		}
		cells = append(cells, num, text(name), text(how), value, text(note), workbook.Cell{}, workbook.Cell{}, result)
		s.cells = cells
		s.detailRow(cells)
		return nil
	}
	missing := func(v scoring.Value) string {
		if v.Kind == scoring.Missing && v.Str != "" {
			return say.Say("missing: {why}", v.Str)
		}
		return ""
	}
	for i, sec := range set.Sections {
		var terms []string
		for j, m := range set.Metrics {
			if m.Scored() && m.Section == sec.Name {
				terms = append(terms, sumTerm(res.Metric(j).Score))
			}
		}
		r := res.Section(i)
		weight := workbook.Cell{}
		if sec.Weight != nil {
			weight = workbook.Cell{Kind: workbook.Number, Text: sec.Weight.Value.String()}
		}
		cells := s.cells[:0]
		for _, k := range s.l.keys {
			cells = append(cells, field{v: res.Input(k)}.cell())
		}
		cells = append(cells, num, text(sec.Name), text(say.Say("the sum of the scores: {terms}", strings.Join(terms, " + "))),
			field{v: r.Score}.cell(), text(missing(r.Score)), workbook.Cell{}, weight, field{v: r.Counts}.cell())
		s.cells = cells
		s.detailRow(cells)
	}
	if !set.Total.None {
		if err := s.explainTotal(line, res); err != nil {
			return err
		}
	}
	if g := set.Grades; g != nil {
		of := res.Graded()
		band := missing(of)
		if b := res.GradeBand(); b >= 0 {
			band = g.Bands[b].When
		} else if of.Kind == scoring.Number {
			band = say.Say("in none of the grades")
		}
		vetoed := false
		for k := range g.Vetoes {
			if c := res.Veto(k); c.Kind == scoring.Bool && c.Bool {
				vetoed = true
			}
		}
		if b := res.GradeBand(); b >= 0 && vetoed {
			band = say.Say("{band} gives {grade}; vetoed", band, g.Bands[b].Grade)
		}
		if before, ok := res.GradeBefore(); ok && res.GradeBand() >= 0 {
			grade, _ := res.Grade()
			if grade != before {
				band = say.Say("calibrated to the curve from {grade}: see the {sheet} sheet", before, CurveSheet(set, CalibrationSheet))
			} else {
				band = say.Say("calibrated to the curve: {band}", band)
			}
		}
		if err := line(s.l.labels.Grade, say.Say("the grade of {of}", s.l.labels.Named(g.Graded())), field{v: of}.cell(), band, field{v: gradeValue(res)}.cell()); err != nil {
			return err
		}
		// One line a veto, held or not, so that the grade's line is
		// explained whichever way it went.
		for k, v := range g.Vetoes {
			c := res.Veto(k)
			note := say.Say("does not hold")
			switch {
			case c.Kind == scoring.Missing:
				note = missing(c)
			case c.Bool:
				note = say.Say("holds: {does}", scoring.DescribeVeto(say, v, g))
			}
			if err := line(say.Say("{label} veto", s.l.labels.Grade), v.When.Source, field{v: c}.cell(), note, workbook.Cell{}); err != nil {
				return err
			}
		}
		if g.Coefficients() {
			c := res.Coefficient()
			how := say.Say("the coefficient of the grade")
			if grade, ok := res.Grade(); ok {
				how = say.Say("the coefficient of grade {grade}", grade)
			}
			for k, v := range g.Vetoes {
				if c := res.Veto(k); c.Kind == scoring.Bool && c.Bool && v.Coefficient != nil {
					how += say.Say(", or of a veto when lower")
				}
			}
			if err := line(s.l.labels.Coefficient, how, field{v: c}.cell(), missing(c), field{v: c}.cell()); err != nil {
				return err
			}
		}
	}
	for k, r := range set.Ranks {
		place, among := res.Rank(k)
		how := say.Say("the place by {formula}, {order}", s.l.labels.Named(r.Of.Source), say.Say(r.Order()))
		if r.Within != "" {
			how += say.Say(", within {col} {value}", r.Within, res.Input(s.l.within(k)).String())
		}
		note := missing(place)
		if place.Kind == scoring.Number {
			note = say.Say("of {n}; ties: {ties}", among.String(), r.Ties())
		}
		if err := line(r.Name, how, field{v: res.RankOf(k)}.cell(), note, field{v: place}.cell()); err != nil {
			return err
		}
	}
	// One line a history figure: the periods it looked back over, and
	// what each gave.
	for k, c := range s.opts.Scorer.HistoryCalls() {
		trace := strings.Join(res.HistoryTraceIn(say, k), say.Say("; "))
		if err := line(say.Say("history"), rules.Source(c), workbook.Cell{}, trace, workbook.Cell{}); err != nil {
			return err
		}
	}
	// One line a lookup: the row of the table it found, named by its
	// keys and where it is, so that a figure taken from another sheet or
	// from other rules' results says which.
	for _, lt := range res.Lookups() {
		if err := line(say.Say("lookup"), rules.Source(lt.Call), field{v: lt.Value}.cell(), lt.LineIn(say), field{v: lt.Value}.cell()); err != nil {
			return err
		}
	}
	for i, t := range set.Tiers {
		tt := res.TierTrace(i)
		how := say.Say("{mode} tiers of {of}", say.Say(t.Mode), t.Of.Source)
		if err := line(t.Name, how, field{v: tt.Of.Value}.cell(), tt.WorkingIn(say), field{v: tt.Amount}.cell()); err != nil {
			return err
		}
	}
	for i, p := range set.Pay {
		v := res.Pay(i)
		note := ""
		if v.Kind == scoring.Missing {
			note = say.Say("missing: {why}", v.Str)
		} else if len(p.Instalments) > 0 {
			note = s.instalmentNote(p, v)
		}
		if err := line(p.Name, p.Formula.Source, field{v: v}.cell(), note, field{v: v, money: true}.cell()); err != nil {
			return err
		}
	}
	for k, p := range set.Pools {
		sh := res.Share(k)
		how := say.Say("{amount} x weight / the weights added up", sh.Amount.String())
		if p.Group != "" {
			how += say.Say(", within {col} {value}", p.Group, sh.Group)
		}
		note := missing(sh.Share)
		if sh.Share.Kind == scoring.Number {
			note = say.Say("weight {formula} = {n}; {n2} x {n} / {n3}, rounded down to the cent", p.Weight.Source, sh.Weight.String(), sh.Amount.String(), sh.Sum.String())
			if sh.Cent {
				note += say.Say(", and a cent left over (largest remainder)")
			}
			note += say.Say("; shared among {n}", fmt.Sprint(sh.Among))
		}
		if err := line(p.Name, how, field{v: sh.Weight}.cell(), note, field{v: sh.Share, money: true}.cell()); err != nil {
			return err
		}
	}
	return nil
}

// explainTotal adds the detail row of the total: the sum or formula it
// came from, and any cap or floor applied.
func (s *xlsxSink) explainTotal(line func(name, how string, value workbook.Cell, note string, result workbook.Cell) error, res *scoring.Result) error {
	set := s.l.set
	var how string
	if set.Total.Formula != nil {
		how = set.Total.Formula.Source
	} else {
		var terms []string
		for i, m := range set.Metrics {
			if m.Scored() && m.Section == "" {
				terms = append(terms, sumTerm(res.Metric(i).Score))
			}
		}
		for i := range set.Sections {
			terms = append(terms, sumTerm(res.Section(i).Counts))
		}
		how = s.l.words.Say("the sum of the scores: {terms}", strings.Join(terms, " + "))
	}
	sub, total := res.Subtotal(), res.Total()
	note := ""
	if sub.Kind == scoring.Number && total.Kind == scoring.Number && sub.Num.Cmp(total.Num) != 0 {
		note = s.l.words.Say("capped at {n}", total.String())
		if sub.Num.Cmp(total.Num) < 0 {
			note = s.l.words.Say("raised to the floor {n}", total.String())
		}
	}
	if sub.Kind == scoring.Missing {
		note = s.l.words.Say("missing: {why}", sub.Str)
	}
	if err := line(s.l.labels.Total, how, field{v: sub}.cell(), note, field{v: total}.cell()); err != nil {
		return err
	}
	return nil
}

// inputs renders the inputs of metric i as "最终付款人数 = 3, 询单人数 = 4".
func (s *xlsxSink) inputs(i int, res *scoring.Result) string {
	cols := s.opts.Scorer.MetricInputs(i)
	parts := make([]string, len(cols))
	for j, c := range cols {
		parts[j] = s.l.set.Columns[c].Name + " = " + res.Input(c).String()
		if how := s.opts.built.explain(s.num, c); how != "" {
			// A quarter's cell, made from its months.
			parts[j] += " = " + how
		}
	}
	return strings.Join(parts, ", ")
}

// wait waits for the sheets' goroutines to write every row queued.
func (s *xlsxSink) wait() error {
	err := s.results.wait()
	for _, o := range s.sheets {
		if oerr := o.results.wait(); err == nil {
			err = oerr
		}
	}
	if s.detail != nil {
		if derr := s.detail.wait(); err == nil {
			err = derr
		}
	}
	if s.payouts != nil {
		if perr := s.payouts.wait(); err == nil {
			err = perr
		}
	}
	return err
}

func (s *xlsxSink) finish(sum Summary) error {
	if s.payouts != nil {
		s.payouts.totals()
	}
	if err := s.wait(); err != nil {
		return err
	}
	title := s.l.set.Title
	if title == "" {
		title = s.l.set.Scheme
	}
	if s.l.period != "" {
		title += " " + s.l.period
	}
	if err := s.sum.write(s.summary, strings.TrimSpace(title+" "+s.l.labels.Summary)); err != nil {
		return err
	}
	if err := writeCurveSheets(s.w, s.opts, sum); err != nil {
		return err
	}
	lab := s.l.labels
	audit, err := s.w.Sheet(lab.Audit, []string{lab.Word("item"), lab.Word("value")}, 18, 60)
	if err != nil {
		return err
	}
	set := s.l.set
	abs := func(p string) string {
		// A built-in scheme's rules are named but are no file on disk.
		if _, err := os.Stat(p); err != nil {
			return p
		}
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	rows := [][2]string{
		{"scheme", set.Scheme},
		{"rules file", abs(s.opts.RulesFile)},
		{"rules sha256", s.opts.RulesHash},
		{"input file", abs(s.opts.Input)},
		{"sheet", s.t.Sheet},
		{"header row", fmt.Sprint(s.t.HeaderRow)},
		{"rows scored", fmt.Sprint(sum.Rows)},
		{"rows incomplete", fmt.Sprint(sum.Incomplete)},
		{"scored at", s.opts.Now().UTC().Format("2006-01-02T15:04:05Z")},
		{"appraise version", s.opts.Version},
	}
	if len(sum.Sheets) > 0 {
		// Several sheets: "sheet" is "*", as --sheet gave it, so that
		// the file is scored again the same way, and each sheet has an
		// item of its own.
		each := [][2]string{{"sheet", AllSheets}}
		for _, c := range sum.Sheets {
			each = append(each, [2]string{AuditSheetPrefix + c.Sheet,
				fmt.Sprintf("header row %d, rows scored %d, rows incomplete %d", c.HeaderRow, c.Rows, c.Incomplete)})
		}
		for _, k := range sum.Skipped {
			each = append(each, [2]string{"not scored " + k.Sheet, k.Why})
		}
		rows = append(rows[:4], append(each, rows[6:]...)...)
	}
	if s.detailCSV != nil {
		rows = append(rows, [2]string{"detail", abs(s.detailCSV.path)})
	}
	if sum.Calibrated {
		// So that verify scores it again as it was: calibrated.
		rows = append(rows, [2]string{AuditCalibrated, "yes"})
	}
	if b := s.opts.built; b != nil {
		for i, p := range b.parts {
			rows = append(rows, [2]string{"from " + p.String(), abs(b.from[i])})
		}
	}
	if s.l.period != "" {
		// Where the history finds the period: the file's name need not say.
		rows = append(rows[:1], append([][2]string{{"period", s.l.period}}, rows[1:]...)...)
	}
	if rows, err = auditInputs(rows, s.opts, abs); err != nil {
		return err
	}
	for _, r := range rows {
		if err := audit.Row([]workbook.Cell{{Kind: workbook.Text, Text: r[0]}, {Kind: workbook.Text, Text: r[1]}}); err != nil {
			return err
		}
	}
	if s.detailCSV != nil {
		if err := s.detailCSV.commit(); err != nil {
			return err
		}
	}
	if err := s.w.Commit(); err != nil {
		if s.detailCSV != nil {
			os.Remove(s.detailCSV.path)
		}
		return err
	}
	return nil
}

func (s *xlsxSink) abort() {
	s.wait()
	if s.detailCSV != nil {
		s.detailCSV.abort()
	}
	s.w.Abort()
}

// csvRows returns a row writer that writes the header, then each row, as
// CSV: numbers as their exact text, blank cells empty.
func csvRows(w io.Writer, header []string) func([]workbook.Cell) error {
	cw := csv.NewWriter(w)
	var line []string
	started := false
	return func(cells []workbook.Cell) error {
		if !started {
			started = true
			if err := cw.Write(header); err != nil {
				return err
			}
		}
		line = line[:0]
		for _, c := range cells {
			line = append(line, c.Text)
		}
		if err := cw.Write(line); err != nil {
			return err
		}
		// The writer buffers; its errors surface on the next write.
		cw.Flush()
		return cw.Error()
	}
}

func asPathError(err error, target **os.PathError) bool { return errors.As(err, target) }

// sumTerm writes a term of a sum in the detail: the number, or "?" for
// one that has no value.
func sumTerm(v scoring.Value) string {
	if v.Kind != scoring.Number {
		return "?"
	}
	return v.String()
}

// ledgerDetail adds the detail rows of a ledger's person: each figure
// gathered over their rows, with the rows it came from, and each other
// spelling of their key that was read as theirs.
func (s *xlsxSink) ledgerDetail(lr *ledgerRun, num workbook.Cell, res *scoring.Result, cells []workbook.Cell) []workbook.Cell {
	set := s.l.set
	p := lr.l.Person(res.Input(0).Str)
	if p == nil {
		return cells
	}
	text := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t} }
	line := func(name, how string, v scoring.Value, note string) {
		cells = cells[:0]
		for _, k := range s.l.keys {
			cells = append(cells, field{v: res.Input(k)}.cell())
		}
		cells = append(cells, num, text(name), text(how), field{v: v}.cell(), text(note), workbook.Cell{}, workbook.Cell{}, field{v: v}.cell())
		s.detailRow(cells)
	}
	for j, a := range set.Ledger.Aggs {
		line(a.Name, p.ExplainIn(s.l.words, a, j), p.Figure(a, j), s.l.words.Say("over the rows of {key} in {sheet}", p.Key, lr.sheet))
	}
	for _, n := range p.Notes {
		line(set.Ledger.By, s.l.words.Msg(n), scoring.Str(p.Key), s.l.words.Say("matched as one person"))
	}
	return cells
}

// instalmentNote writes how a pay line is paid: "paid 330.00 in 2027-01,
// 330.00 in 2027-02 and 340.01 in 2027-03".
func (s *xlsxSink) instalmentNote(p *rules.PayLine, v scoring.Value) string {
	parts, err := scoring.Split(v.Num, p.Instalments, nil)
	if err != nil {
		return ""
	}
	out := make([]string, len(parts))
	for k, in := range p.Instalments {
		paid := scoring.PaidIn(s.opts.Period, in)
		if paid == "" {
			paid = in.Paid
		}
		out[k] = s.l.words.Say("{amount} in {period}", parts[k].String(), paid)
	}
	return s.l.words.Say("paid {list}", joinAnd(s.l.words, out))
}

func joinAnd(w scoring.Words, s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return w.Say("{list} and {last}", strings.Join(s[:len(s)-1], w.Say(", ")), s[len(s)-1])
}
