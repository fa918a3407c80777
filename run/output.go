package run

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"appraise/msg"
	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// sink receives scored rows and publishes them only in finish.
type sink interface {
	row(row workbook.Row, res *scoring.Result) error
	finish(sum Summary) error
	abort()
}

// layout is the shape of a results row, worked out once per run.
type layout struct {
	set    *rules.Set
	labels rules.Labels // the labels of the output: set.Local in a workbook, set.Labels in CSV and JSON
	input  []string     // the input header as written
	text   map[int]bool // input cells the rules read as text
	// dates maps the input cells the rules read as dates to their
	// columns, so that the results show each as a date whatever way the
	// workbook wrote it.
	dates  map[int]int
	header []string       // input header + result columns
	keys   []int          // key columns, as indexes into set.Columns
	period string         // the period scored, in a column of its own; "" for none
	scored scoring.Period // the period scored, to date instalments; zero for none
	// calibrated shows the grade before calibration beside the grade.
	calibrated bool

	ledger *ledgerRun // the ledger whose people are scored; nil for none

	grades           []string // the grades, best first
	decimals         []int    // per metric, the decimals its points are written with in the rules
	gradeAt, flagsAt int      // the grade's and the flags' places among the result columns; -1 for none

	said map[string]string // notes said in Chinese, by their English; see say
	// words say the detail's explanations in the labels' language.
	words   scoring.Words
	parts   []decimal.Decimal // a row's instalments, reused
	paySums []decimal.Decimal // per pay line, its instalments so far, for JSON
}

func newLayout(set *rules.Set, t *workbook.Table, period scoring.Period, calibrated bool, format string) *layout {
	labels := set.Labels
	if format == "" || format == "xlsx" {
		labels = set.Local
	}
	l := &layout{set: set, labels: labels, input: t.Header, text: map[int]bool{}, scored: period, paySums: make([]decimal.Decimal, len(set.Pay)),
		calibrated: calibrated && set.Distribution != nil && set.Grades != nil}
	if !period.IsZero() {
		l.period = period.String()
	}
	for i, c := range set.Columns {
		if c.Text && t.Index[i] >= 0 {
			l.text[t.Index[i]] = true
		}
		if c.Date && t.Index[i] >= 0 {
			if l.dates == nil {
				l.dates = map[int]int{}
			}
			l.dates[t.Index[i]] = i
		}
		if c.Key {
			l.keys = append(l.keys, i)
		}
	}
	if labels.Lang == "zh" {
		l.words = func(en string) string {
			if zh, ok := msg.Phrase(en); ok {
				return zh
			}
			return l.say(en)
		}
	}
	l.header = append(append([]string{}, t.Header...), l.results()...)
	l.grades = gradeNames(l)
	l.decimals = make([]int, len(set.Metrics))
	if format == "" || format == "xlsx" {
		for i, m := range set.Metrics {
			l.decimals[i] = pointsDecimals(m)
		}
	}
	l.gradeAt, l.flagsAt = -1, -1
	for i, h := range l.results() {
		switch {
		case set.Grades != nil && h == l.labels.Grade && l.gradeAt < 0:
			l.gradeAt = i
		case h == l.labels.Flags:
			l.flagsAt = i
		}
	}
	return l
}

// results lists the result column headers: each metric's points (or
// value, for a metric that is reported only), each section's score, the
// total, the grade and its coefficient, the flags, each pay line and the
// notes.
func (l *layout) results() []string {
	var h []string
	if l.period != "" {
		h = append(h, l.labels.Period)
	}
	for _, m := range l.set.Metrics {
		if m.Scored() {
			h = append(h, strings.ReplaceAll(l.labels.Points, "{metric}", m.Name))
		} else {
			h = append(h, m.Name)
		}
	}
	for _, sec := range l.set.Sections {
		h = append(h, strings.ReplaceAll(l.labels.Sections, "{section}", sec.Name))
	}
	if !l.set.Total.None {
		h = append(h, l.labels.Total)
	}
	if g := l.set.Grades; g != nil {
		h = append(h, l.labels.Grade)
		if l.calibrated {
			h = append(h, l.labels.Grade+beforeCalibration(l.labels))
		}
		if g.Coefficients() {
			h = append(h, l.labels.Coefficient)
		}
	}
	for _, r := range l.set.Ranks {
		h = append(h, r.Name)
	}
	h = append(h, l.labels.Flags)
	for _, p := range l.set.Pay {
		h = append(h, p.Name)
	}
	for _, p := range l.set.Pools {
		h = append(h, p.Name)
	}
	return append(h, l.labels.Notes)
}

// resultNotes are the notes on the result columns' headers, in the order
// of results: the rule line that makes each figure, and what it is.
func (l *layout) resultNotes() []string {
	set := l.set
	at := func(p rules.Pos) string {
		if p.Line == 0 {
			return set.File
		}
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	var n []string
	if l.period != "" {
		n = append(n, "")
	}
	for _, m := range set.Metrics {
		what := m.Name
		if m.Value != nil {
			what += " = " + m.Value.Source
		}
		switch {
		case m.Bands != nil:
			what += "; " + l.labels.Word("points") + ": bands"
		case m.Map != nil:
			what += "; " + l.labels.Word("points") + ": map"
		case m.Points != nil:
			what += "; " + l.labels.Word("points") + " = " + m.Points.Source
		}
		if m.Weight != nil {
			what += "; " + l.labels.Word("weight") + " " + m.Weight.Value.String()
		}
		n = append(n, at(m.Pos)+"\n"+what)
	}
	for _, sec := range set.Sections {
		n = append(n, at(sec.Pos)+"\n"+sec.Name)
	}
	if !set.Total.None {
		what := l.labels.Total + ": " + l.labels.Word("the sum of the scores")
		if set.Total.Formula != nil {
			what = l.labels.Total + " = " + set.Total.Formula.Source
		}
		n = append(n, at(set.Total.Pos)+"\n"+what)
	}
	if g := set.Grades; g != nil {
		n = append(n, at(g.Pos)+"\n"+l.labels.Grade+": "+g.Graded())
		if l.calibrated {
			n = append(n, at(g.Pos))
		}
		if g.Coefficients() {
			n = append(n, at(g.Pos)+"\n"+l.labels.Coefficient)
		}
	}
	for _, r := range set.Ranks {
		n = append(n, at(r.Pos)+"\n"+r.Name+": "+r.Of.Source)
	}
	var flags []string
	for _, f := range set.Flags {
		flags = append(flags, f.Name+": "+f.When.Source)
	}
	flagPos := rules.Pos{File: set.File, Line: 1}
	if len(set.Flags) > 0 {
		flagPos = set.Flags[0].Pos
	}
	n = append(n, at(flagPos)+"\n"+strings.Join(flags, "\n"))
	for _, p := range set.Pay {
		n = append(n, at(p.Pos)+"\n"+p.Name+" = "+p.Formula.Source)
	}
	for _, p := range set.Pools {
		n = append(n, at(p.Pos)+"\n"+p.Name)
	}
	return append(n, "")
}

// pointsDecimals is the most decimals the points of a metric's bands or
// map are written with, so that a column of 8.5, 10 and 7 shows 8.5, 10.0
// and 7.0; 0 for a metric whose points come from a formula, which may
// have any number of decimals.
func pointsDecimals(m *rules.Metric) int {
	n := 0
	scale := func(d decimal.Decimal) {
		n = max(n, d.Trim(0).Scale())
	}
	for _, b := range m.Bands {
		scale(b.Points.Value)
	}
	for _, e := range m.Map {
		scale(e.Points.Value)
	}
	if m.MapOther != nil {
		scale(m.MapOther.Value)
	}
	if m.Points != nil || m.Cap != nil && m.Cap.Value.Trim(0).Scale() > n || m.Floor != nil && m.Floor.Value.Trim(0).Scale() > n {
		return 0
	}
	return min(n, 4)
}

// colour fills the grade cell of a results row with the grade's colour
// and the flags cell, when a flag is raised, with the flags' colour.
// cells are the row's result cells.
func (l *layout) colour(cells []workbook.Cell, res *scoring.Result) {
	if l.gradeAt >= 0 {
		if g, ok := res.Grade(); ok {
			if i := slices.Index(l.grades, g); i >= 0 {
				cells[l.gradeAt].Fill = gradeFill(i, len(l.grades))
			}
		}
	}
	if c := &cells[l.flagsAt]; c.Text != "" {
		c.Fill = flagFill
	}
}

// BeforeCalibration heads, after the grade's label, the column of the
// grades a calibration changed from.
const BeforeCalibration = " before calibration"

// beforeCalibration is BeforeCalibration in the labels' language.
func beforeCalibration(l rules.Labels) string {
	if l.Lang == "zh" {
		return "(校准前)"
	}
	return BeforeCalibration
}

// field is one result value, rendered for each output format.
type field struct {
	v     scoring.Value
	money bool
	pct   bool
	dec   int    // in a workbook, the decimals shown; 0 for as the number is
	text  string // used when v is not a number
}

func (l *layout) fields(res *scoring.Result, buf []field) []field {
	buf = buf[:0]
	if l.period != "" {
		buf = append(buf, field{text: l.period})
	}
	for i, m := range l.set.Metrics {
		r := res.Metric(i)
		if m.Scored() {
			buf = append(buf, field{v: r.Points, dec: l.decimals[i]})
		} else {
			buf = append(buf, field{v: r.Value, pct: m.Percent})
		}
	}
	for i := range l.set.Sections {
		buf = append(buf, field{v: res.Section(i).Score})
	}
	if !l.set.Total.None {
		buf = append(buf, field{v: res.Total()})
	}
	if g := l.set.Grades; g != nil {
		buf = append(buf, field{v: gradeValue(res)})
		if l.calibrated {
			before, _ := res.GradeBefore()
			buf = append(buf, field{text: before})
		}
		if g.Coefficients() {
			buf = append(buf, field{v: res.Coefficient()})
		}
	}
	for k := range l.set.Ranks {
		place, _ := res.Rank(k)
		buf = append(buf, field{v: place})
	}
	buf = append(buf, field{text: strings.Join(raised(l.set, res), ", ")})
	for i := range l.set.Pay {
		buf = append(buf, field{v: res.Pay(i), money: true})
	}
	for k := range l.set.Pools {
		buf = append(buf, field{v: res.Share(k).Share, money: true})
	}
	notes := l.notes(res)
	if l.labels.Lang == "zh" {
		// The notes are said in the workbook's language, as its sheets
		// and headers are; JSON and CSV keep them in English for scripts.
		said := make([]string, len(notes))
		for i, n := range notes {
			said[i] = l.say(n)
		}
		notes = said
	}
	return append(buf, field{text: strings.Join(notes, "; ")})
}

// within is the column, as an index into the rules' columns, that rank k
// groups by.
func (l *layout) within(k int) int {
	for i, c := range l.set.Columns {
		if c.Name == l.set.Ranks[k].Within {
			return i
		}
	}
	return -1
}

// gradeValue is the grade as a text value, or missing.
func gradeValue(res *scoring.Result) scoring.Value {
	if g, ok := res.Grade(); ok {
		return scoring.Str(g)
	}
	return scoring.Value{}
}

// raised lists the flags raised on a result.
func raised(set *rules.Set, res *scoring.Result) []string {
	var out []string
	for i, f := range set.Flags {
		if v := res.Flag(i); v.Kind == scoring.Bool && v.Bool {
			out = append(out, f.Name)
		}
	}
	return out
}

// plain renders a value for CSV and JSON: numbers exact, money to 0.01.
func (f field) plain() (string, bool) {
	switch f.v.Kind {
	case scoring.Number:
		if f.money {
			return scoring.RoundMoney(f.v.Num).String(), true
		}
		return f.v.String(), true
	case scoring.Text:
		return f.v.Str, true
	case scoring.Bool, scoring.Date:
		return f.v.String(), true
	}
	if f.text != "" || f.v.Str == "" {
		return f.text, f.text != ""
	}
	return "", false
}

func (f field) cell() workbook.Cell {
	switch f.v.Kind {
	case scoring.Number:
		c := workbook.Cell{Kind: workbook.Number, Text: f.v.String()}
		switch {
		case f.money:
			c.Text, c.Format = scoring.RoundMoney(f.v.Num).String(), workbook.Money
		case f.pct:
			c.Format = workbook.Percent
		case f.dec > 0:
			c.Format = workbook.FixedFormat(f.dec)
		}
		return c
	case scoring.Text, scoring.Bool:
		return workbook.Cell{Kind: workbook.Text, Text: f.v.String()}
	case scoring.Date:
		return workbook.DateCell(f.v.Time())
	}
	if f.text != "" {
		return workbook.Cell{Kind: workbook.Text, Text: f.text}
	}
	return workbook.Cell{}
}

// inputCell copies an input cell: numbers as numbers, except in columns
// the rules read as text, so that 工号 "0012" keeps its zeros.
func (l *layout) inputCell(i int, raw string, res *scoring.Result) workbook.Cell {
	if col, ok := l.dates[i]; ok {
		if v := res.Input(col); v.Kind == scoring.Date {
			return workbook.DateCell(v.Time())
		}
	}
	switch {
	case raw == "":
		return workbook.Cell{}
	case !l.text[i] && storedNumber(raw):
		return workbook.Cell{Kind: workbook.Number, Text: raw}
	}
	return workbook.Cell{Kind: workbook.Text, Text: raw}
}

// storedNumber reports whether raw is a number as a workbook stores one
// ("12", "-0.75", "1.5E-3"), not text that looks like one ("0012").
func storedNumber(raw string) bool {
	s := strings.TrimPrefix(raw, "-")
	if len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return false
	}
	_, err := strconv.ParseFloat(raw, 64)
	return err == nil
}

func newSink(opts Options, t *workbook.Table) (sink, error) {
	l := newLayout(opts.Scorer.Rules(), t, opts.Period, opts.Calibrate, opts.Format)
	l.ledger = opts.ledger
	if opts.each != nil {
		return eachSink(opts.each), nil
	}
	switch opts.Format {
	case "", "xlsx":
		return newXLSX(opts, l, t)
	case "json", "csv":
		return newText(opts, l, t)
	}
	return nil, fmt.Errorf("%w %q", errUnknownFormat, opts.Format)
}

// bom is the byte-order mark by which Excel knows a CSV file is UTF-8;
// without it Excel on Windows reads Chinese text as another encoding.
const bom = "\ufeff"

// textFile is a JSON or CSV destination written through a temporary file
// in the destination's folder and renamed into place at the end.
type textFile struct {
	path   string    // the destination, or "-" for stdout
	stdout io.Writer // where "-" goes
	tmp    *os.File
	w      *bufio.Writer
}

func createText(path string, stdout io.Writer) (*textFile, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	if path == "-" {
		dir, base = "", "appraise-out"
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: cannot write here: %v", path, unwrapPath(err))}}
	}
	return &textFile{path: path, stdout: stdout, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<16)}, nil
}

func (f *textFile) commit() error {
	if err := f.save(); err != nil {
		f.abort()
		return workbook.NewSaveError(filepath.Base(f.path), "cannot write", err)
	}
	return nil
}

func (f *textFile) save() error {
	if err := f.w.Flush(); err != nil {
		return err
	}
	if f.path == "-" {
		if _, err := f.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(f.stdout, f.tmp); err != nil {
			return err
		}
		name := f.tmp.Name()
		f.tmp.Close()
		return os.Remove(name)
	}
	if err := f.tmp.Sync(); err != nil {
		return err
	}
	if err := f.tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.tmp.Name(), f.path)
}

func (f *textFile) abort() {
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if ok := asPathError(err, &pe); ok {
		return pe.Err
	}
	return err
}

// textSink writes JSON or CSV.
type textSink struct {
	*textFile
	opts   Options
	l      *layout
	t      *workbook.Table
	csv    *csv.Writer
	fields []field
	first  bool
	line   []string
}

func newText(opts Options, l *layout, t *workbook.Table) (sink, error) {
	f, err := createText(opts.Output, opts.Stdout)
	if err != nil {
		return nil, err
	}
	s := &textSink{textFile: f, opts: opts, l: l, t: t, first: true}
	if opts.Format == "csv" {
		if opts.BOM {
			f.w.WriteString(bom)
		}
		s.csv = csv.NewWriter(f.w)
		if err := s.csv.Write(l.header); err != nil {
			return nil, err
		}
		return s, nil
	}
	set := l.set
	period := "null"
	if !opts.Period.IsZero() {
		period = jstr(opts.Period.String())
	}
	sha, history, err := jsonInputs(opts)
	if err != nil {
		f.abort()
		return nil, inputError(err)
	}
	fmt.Fprintf(f.w, "{\n  \"scheme\": %s,\n  \"period\": %s,\n  \"rules\": {\"file\": %s, \"sha256\": %s},\n  \"input\": {\"file\": %s, \"sheet\": %s, \"sha256\": %s},\n  \"history\": %s,\n  \"version\": %s,\n  \"rows\": [",
		jstr(set.Scheme), period, jstr(opts.RulesFile), jstr(opts.RulesHash), jstr(t.File), jstr(t.Sheet), sha, history, jstr(opts.Version))
	return s, nil
}

func (s *textSink) row(row workbook.Row, res *scoring.Result) error {
	s.fields = s.l.fields(res, s.fields)
	if s.csv != nil {
		s.line = s.line[:0]
		for i := range s.l.input {
			cell := row.Cells[i]
			if col, ok := s.l.dates[i]; ok && res.Input(col).Kind == scoring.Date {
				cell = res.Input(col).String() // as 2025-03-01, however the cell wrote it
			}
			s.line = append(s.line, cell)
		}
		for _, f := range s.fields {
			v, _ := f.plain()
			s.line = append(s.line, v)
		}
		return s.csv.Write(s.line)
	}
	w := s.w
	if !s.first {
		w.WriteByte(',')
	}
	s.first = false
	set := s.l.set
	fmt.Fprintf(w, "\n    {\"row\": %d, \"key\": {", row.Num)
	for i, k := range s.l.keys {
		if i > 0 {
			w.WriteString(", ")
		}
		fmt.Fprintf(w, "%s: %s", jstr(set.Columns[k].Name), jvalue(field{v: res.Input(k)}))
	}
	w.WriteString("},\n     \"inputs\": {")
	for i, c := range set.Columns {
		if i > 0 {
			w.WriteString(", ")
		}
		fmt.Fprintf(w, "%s: %s", jstr(c.Name), jvalue(field{v: res.Input(i)}))
	}
	w.WriteString("},\n     \"metrics\": [")
	for i, m := range set.Metrics {
		r := res.Metric(i)
		if i > 0 {
			w.WriteString(",")
		}
		band := "null"
		if r.Band >= 0 {
			band = jstr(m.Entry(r.Band))
		}
		weight := "null"
		if m.Weight != nil {
			weight = jstr(m.Weight.Value.Trim(0).String())
		}
		fmt.Fprintf(w, "\n       {\"name\": %s, \"value\": %s, \"band\": %s, \"points\": %s, \"weight\": %s, \"score\": %s",
			jstr(m.Name), jvalue(field{v: r.Value}), band, jvalue(field{v: r.Points}), weight, jvalue(field{v: r.Score}))
		if m.Target != nil {
			fmt.Fprintf(w, ", \"target\": %s, \"mode\": %s", jvalue(field{v: r.Target}), jstr(m.Mode))
		}
		if r.Value.Kind == scoring.Missing && r.Value.Str != "" {
			fmt.Fprintf(w, ", \"missing\": %s", jstr(r.Value.Str))
		}
		w.WriteString("}")
	}
	w.WriteString("],\n     \"sections\": [")
	for i, sec := range set.Sections {
		r := res.Section(i)
		if i > 0 {
			w.WriteString(", ")
		}
		weight := "null"
		if sec.Weight != nil {
			weight = jstr(sec.Weight.Value.Trim(0).String())
		}
		fmt.Fprintf(w, "{\"name\": %s, \"score\": %s, \"weight\": %s, \"counts\": %s}",
			jstr(sec.Name), jvalue(field{v: r.Score}), weight, jvalue(field{v: r.Counts}))
	}
	fmt.Fprintf(w, "],\n     \"total\": %s, \"subtotal\": %s, \"grade\": %s, \"coefficient\": %s,\n     \"flags\": %s,\n     \"pay\": [",
		jvalue(field{v: total(set, res.Total())}), jvalue(field{v: total(set, res.Subtotal())}), jvalue(field{v: gradeValue(res)}), jvalue(field{v: res.Coefficient()}), jlist(raised(set, res)))
	for i, p := range set.Pay {
		if i > 0 {
			w.WriteString(", ")
		}
		fmt.Fprintf(w, "{\"name\": %s, \"amount\": %s", jstr(p.Name), jvalue(field{v: res.Pay(i), money: true}))
		if len(p.Instalments) > 0 {
			if err := s.instalments(i, res); err != nil {
				return err
			}
		}
		w.WriteString("}")
	}
	w.WriteString("],\n     \"ranks\": [")
	for k, r := range set.Ranks {
		if k > 0 {
			w.WriteString(", ")
		}
		place, among := res.Rank(k)
		fmt.Fprintf(w, "{\"name\": %s, \"rank\": %s, \"among\": %s, \"of\": %s}", jstr(r.Name), jvalue(field{v: place}), jvalue(field{v: among}), jvalue(field{v: res.RankOf(k)}))
	}
	w.WriteString("]")
	if before, ok := res.GradeBefore(); ok {
		fmt.Fprintf(w, ",\n     \"grade_before_calibration\": %s", jstr(before))
	}
	if len(set.Tables) > 0 {
		w.WriteString(",\n     \"lookups\": [")
		for k, l := range res.Lookups() {
			if k > 0 {
				w.WriteString(", ")
			}
			row, keys := "null", "null"
			if l.Where != "" {
				row, keys = jstr(l.Where), jstr(l.Keys)
			}
			fmt.Fprintf(w, "{\"lookup\": %s, \"table\": %s, \"column\": %s, \"keys\": %s, \"row\": %s, \"value\": %s}",
				jstr(rules.Source(l.Call)), jstr(l.Table), jstr(l.Column), keys, row, jvalue(field{v: l.Value}))
		}
		w.WriteString("]")
	}
	if len(set.Pools) > 0 {
		w.WriteString(",\n     \"pools\": [")
		for k, p := range set.Pools {
			if k > 0 {
				w.WriteString(", ")
			}
			sh := res.Share(k)
			fmt.Fprintf(w, "{\"name\": %s, \"share\": %s, \"weight\": %s, \"group\": %s, \"amount\": %s, \"weights\": %s, \"among\": %d}",
				jstr(p.Name), jvalue(field{v: sh.Share, money: true}), jvalue(field{v: sh.Weight}), jstr(sh.Group),
				jvalue(field{v: scoring.Num(sh.Amount), money: true}), jvalue(field{v: scoring.Num(sh.Sum)}), sh.Among)
		}
		w.WriteString("]")
	}
	fmt.Fprintf(w, ",\n     \"notes\": %s}", jlist(s.l.notes(res)))
	return nil
}

func (s *textSink) finish(sum Summary) error {
	if s.csv != nil {
		s.csv.Flush()
		if err := s.csv.Error(); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(s.w, "\n  ]%s,\n  \"summary\": {\"rows\": %d, \"incomplete\": %d", jsonCurve(s.opts, sum), sum.Rows, sum.Incomplete)
		if pay := s.payoutTotals(); pay != "" {
			s.w.WriteString(",\n    \"payouts\": [" + pay + "]")
		}
		s.w.WriteString("}\n}\n")
	}
	return s.commit()
}

// jstr quotes s for JSON, leaving <, > and & as they are: a band reads
// ">= 75%", not "\u003e= 75%".
func jstr(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func jvalue(f field) string {
	if f.v.Kind == scoring.Missing {
		return "null"
	}
	s, _ := f.plain()
	return jstr(s)
}

func jlist(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = jstr(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// total is v, or no value when the rules have no total.
func total(set *rules.Set, v scoring.Value) scoring.Value {
	if set.Total.None {
		return scoring.Value{}
	}
	return v
}

// instalments writes the instalments of pay line i, in JSON, after its
// amount: ", "instalments": [{"share": "0.33", "paid": "2026-04", "amount": "330.00"}, ...]".
func (s *textSink) instalments(i int, res *scoring.Result) error {
	p := s.l.set.Pay[i]
	s.w.WriteString(", \"instalments\": [")
	if v := res.Pay(i); v.Kind == scoring.Number {
		var err error
		if s.l.parts, err = scoring.Split(v.Num, p.Instalments, s.l.parts); err != nil {
			return fmt.Errorf("%s: %w", p.Name, err)
		}
		for k, in := range p.Instalments {
			if k > 0 {
				s.w.WriteString(", ")
			}
			paid := scoring.PaidIn(s.l.scored, in)
			if paid == "" {
				paid = in.Paid
			}
			sh := "\"rest\""
			if in.Share != nil {
				sh = jstr(in.Share.Value.Trim(0).String())
			}
			fmt.Fprintf(s.w, "{\"share\": %s, \"paid\": %s, \"amount\": %s}", sh, jstr(paid), jstr(s.l.parts[k].String()))
			if s.l.paySums[i], err = s.l.paySums[i].Add(s.l.parts[k]); err != nil {
				return fmt.Errorf("%s: %w", p.Name, err)
			}
		}
	}
	s.w.WriteString("]")
	return nil
}

// payoutTotals writes the sum of the instalments of each pay line paid in
// instalments, or "" when none is.
func (s *textSink) payoutTotals() string {
	var out []string
	for i, p := range s.l.set.Pay {
		if len(p.Instalments) > 0 {
			out = append(out, fmt.Sprintf("{\"name\": %s, \"amount\": %s}", jstr(p.Name), jstr(s.l.paySums[i].Pad(2).String())))
		}
	}
	return strings.Join(out, ", ")
}

// maxSaid bounds how many notes a layout keeps said in Chinese: the same
// reasons come back row after row, and matching one against the
// catalogue costs far more than the rest of the row.
const maxSaid = 4096

// say gives note in Chinese, each part of it ("; ") on its own, from
// what was said before when the same note came before.
func (l *layout) say(note string) string {
	if z, ok := l.said[note]; ok {
		return z
	}
	parts := strings.Split(note, "; ")
	for j, p := range parts {
		parts[j] = msg.Say(msg.Chinese, p)
	}
	z := strings.Join(parts, "; ")
	if l.said == nil {
		l.said = map[string]string{}
	}
	if len(l.said) < maxSaid {
		l.said[note] = z
	}
	return z
}

// notes are the result's notes, after those of a ledger's person: each
// other spelling of their key read as theirs.
func (l *layout) notes(res *scoring.Result) []string {
	notes := res.Notes()
	if l.ledger == nil {
		return notes
	}
	if p := l.ledger.l.Person(res.Input(0).Str); p != nil && len(p.Notes) > 0 {
		return append(append([]string{}, p.Notes...), notes...)
	}
	return notes
}
