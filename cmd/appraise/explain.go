package main

import (
	"fmt"
	"io"
	"strings"

	"appraise/msg"
	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/govalues/decimal"
	"github.com/spf13/cobra"
	"golang.org/x/text/width"
)

// explainOptions is everything `appraise explain` needs.
type explainOptions struct {
	io       *streams
	Rules    string
	Metric   string // "" for the whole file
	Value    string // --value, as typed
	Workbook string
	Row      string // --row, as typed
	Sheet    string
	Period   string   // as --period gives it
	History  []string // folders of earlier results
	Password string   // of a workbook saved with one
	Encoding string   // of a CSV workbook

	value           decimal.Decimal // Value, parsed
	valueErr        error           // why Value is not a number, for a metric that needs one
	rowKey, rowWant string          // Row, split at "="
}

func newCmdExplain(io *streams, runF func(*explainOptions) error) *cobra.Command {
	opts := &explainOptions{io: io}
	cmd := &cobra.Command{
		Use:   "explain <rules> [<metric>] [--value <v> | --workbook <file> --row <column>=<value>]",
		Short: "Show what a rule file does, for a value or for one person",
		Long: `Print a rule file as plain tables: each metric with its formula, bands,
weight and limits, then the total, the flags, the pay lines and the params.

With a metric, print only that metric. With --value, show the path from a
value of the metric to its points and its share of the total. With
--workbook and --row, score one person's row and show every figure: the
inputs read, each metric's value, band, points and score, the total with
its sum written out, the flags and the pay.`,
		Example: `  $ appraise explain rules.yaml
  $ appraise explain rules.yaml 询单转化率
  $ appraise explain rules.yaml 询单转化率 --value 74.5%
  $ appraise explain rules.yaml --workbook march.xlsx --row 工号=E017`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usagef(cmd, "explain takes a rule file and at most one metric, not %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkEncoding(cmd, &opts.Encoding); err != nil {
				return err
			}
			opts.Rules = args[0]
			if len(args) == 2 {
				opts.Metric = args[1]
			}
			flags := cmd.Flags()
			if flags.Changed("value") {
				if opts.Metric == "" {
					return usagef(cmd, "--value needs a metric: appraise explain %s <metric> --value %s", opts.Rules, opts.Value)
				}
				if opts.Workbook != "" {
					return usagef(cmd, "--value and --workbook do not go together: a person's row gives the values")
				}
				v, err := scoring.ParseNumber(opts.Value)
				if err != nil {
					// A metric with a map takes a text; the run knows
					// which metric this is.
					opts.valueErr = usagef(cmd, "--value %q is not a number", opts.Value)
				}
				opts.value = v
			}
			switch {
			case opts.Workbook != "" && opts.Row == "":
				return usagef(cmd, "--workbook needs --row <column>=<value> to pick the person, such as --row 工号=E017")
			case opts.Workbook == "" && (opts.Row != "" || opts.Sheet != ""):
				return usagef(cmd, "--row and --sheet need --workbook <file>")
			case opts.Row != "":
				k, v, ok := strings.Cut(opts.Row, "=")
				k, v = strings.TrimSpace(k), strings.TrimSpace(v)
				if !ok || k == "" || v == "" {
					return usagef(cmd, "--row must be <column>=<value>, such as 工号=E017, not %q", opts.Row)
				}
				opts.rowKey, opts.rowWant = k, v
			}
			if runF != nil {
				return runF(opts)
			}
			return explainRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Value, "value", "", "show what the metric makes of the value `v` (such as 0.745 or 74.5%; a text, such as 良好, for a metric with a map)")
	f.StringVar(&opts.Workbook, "workbook", "", "score one row of the workbook `file` and show every figure")
	f.StringVar(&opts.Row, "row", "", "the row to score: `column=value`, such as 工号=E017")
	f.StringVar(&opts.Sheet, "sheet", "", "the `sheet` to read (default: the rules' sheet, else the first)")
	f.StringVar(&opts.Period, "period", "", "the `period` of the workbook, for rules that look back (default: where the rules' period_from says)")
	f.StringSliceVar(&opts.History, "history", nil, "a `folder` of earlier periods' scored results, for rules that look back (default: as score reads them)")
	f.StringVar(&opts.Password, "password", "", "the `password` of a workbook saved with one; it is decrypted in memory only")
	encodingFlag(f, &opts.Encoding)
	return cmd
}

func explainRun(opts *explainOptions) error {
	set, _, err := loadRules(opts.Rules)
	if err != nil {
		return err
	}
	metric := -1
	w := opts.io.Out
	lang := opts.io.reportLang(set)
	say := scoring.Words(msg.Words(lang))
	labels := reportLabels(set, lang)
	if opts.Metric != "" {
		if tier := set.TierIndex(strings.TrimSpace(width.Fold.String(opts.Metric))); tier >= 0 && findMetric(set, opts.Metric) < 0 && opts.Workbook == "" {
			return explainTier(w, say, set, tier, opts)
		}
		if metric = findMetric(set, opts.Metric); metric < 0 {
			return noMetric(set, opts.Rules, opts.Metric)
		}
	}
	if opts.Workbook == "" && opts.Value == "" {
		if metric >= 0 {
			writeMetric(w, say, set.Metrics[metric])
			return nil
		}
		writeRules(w, say, labels, set)
		return nil
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		return err
	}
	if opts.Workbook == "" {
		m := set.Metrics[metric]
		if m.Value == nil {
			return &run.InputError{Problems: []string{
				fmt.Sprintf("appraise: %s has no value of its own: its points are %s", m.Name, m.Points.Source),
				"    hint: see a person's points with --workbook <file> --row <column>=<value>",
			}}
		}
		if m.Map != nil {
			for _, l := range sc.TraceText(metric, opts.Value).LinesIn(say) {
				fmt.Fprintln(w, l)
			}
			return nil
		}
		if opts.valueErr != nil {
			return opts.valueErr
		}
		for _, l := range sc.TraceValue(metric, opts.value).LinesIn(say) {
			fmt.Fprintln(w, l)
		}
		return nil
	}
	var period scoring.Period
	if opts.Period != "" {
		if period, err = scoring.ParsePeriod(opts.Period); err != nil {
			return &run.InputError{Problems: []string{"--period: " + err.Error()}}
		}
	}
	found, err := run.Find(run.Options{Input: opts.Workbook, Sheet: opts.Sheet, Scorer: sc, RulesFile: opts.Rules,
		Period: period, History: opts.History, Password: opts.Password, Encoding: opts.Encoding}, opts.rowKey, opts.rowWant)
	if err != nil {
		return err
	}
	sc = found.Scorer
	r := sc.NewResult()
	found.Score(sc, r)
	writeTrace(w, say, labels, set, sc, found, r.Trace(), metric)
	if len(set.Pools) > 0 && metric < 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("pools"))
		var rows [][]string
		for k, p := range set.Pools {
			sh := r.Share(k)
			if sh.Share.Kind != scoring.Number {
				rows = append(rows, []string{p.Name, say.Msg(sh.Share.Str)})
				continue
			}
			how := say.Say("{formula} = {n}; {n2} x {n} / {n3}, shared among {n4}", p.Weight.Source, sh.Weight.String(), sh.Amount.String(), sh.Sum.String(), fmt.Sprint(sh.Among))
			if p.Group != "" {
				how = say.Say("{how} in {col} {group}", how, p.Group, sh.Group)
			}
			if sh.Cent {
				how += say.Say(", and a cent left over")
			}
			rows = append(rows, []string{p.Name, scoring.RoundMoney(sh.Share.Num).String(), how})
		}
		writeTable(w, "  ", rows)
	}
	if looks := r.Lookups(); len(looks) > 0 && metric < 0 {
		// Which row of each table each lookup used.
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("lookups"))
		for _, l := range looks {
			fmt.Fprintf(w, "  %s\n    %s\n", rules.Source(l.Call), l.LineIn(say))
		}
	}
	if calls := sc.HistoryCalls(); len(calls) > 0 && metric < 0 {
		// What each figure that looks back used, period by period.
		head := say.Say("history ({period}, {n} earlier periods)", found.Period.String(), fmt.Sprint(found.History))
		if found.History == 1 {
			head = say.Say("history ({period}, 1 earlier period)", found.Period.String())
		}
		fmt.Fprintf(w, "\n%s\n", head)
		for k, c := range calls {
			fmt.Fprintf(w, "  %s\n", rules.Source(c))
			for _, l := range r.HistoryTraceIn(say, k) {
				fmt.Fprintf(w, "    %s\n", l)
			}
		}
	}
	return nil
}

// findMetric returns the index of the metric named name, or -1.
func findMetric(set *rules.Set, name string) int {
	name = strings.TrimSpace(width.Fold.String(name))
	for i, m := range set.Metrics {
		if m.Name == name {
			return i
		}
	}
	return -1
}

func noMetric(set *rules.Set, file, name string) error {
	names := make([]string, len(set.Metrics))
	for i, m := range set.Metrics {
		names[i] = m.Name
	}
	problems := []string{fmt.Sprintf("appraise: %s has no metric %q", file, name)}
	if s := rules.Closest(name, names); s != "" {
		problems = append(problems, fmt.Sprintf("    hint: did you mean %q?", s))
	} else if len(names) > 0 {
		problems = append(problems, "    hint: the metrics are "+strings.Join(names, ", "))
	}
	return &run.InputError{Problems: problems}
}

// reportLabels are the labels a report in lang names the total and the
// grade by: the scored workbook's, or for a report in another language
// than the rule file's, the labels it gives and that language's for the
// rest.
func reportLabels(set *rules.Set, lang msg.Lang) rules.Labels {
	l := set.Labels
	if set.Local.Lang == string(lang) {
		return set.Local
	}
	if lang == msg.Chinese {
		l.Lang = "zh"
		if l.Total == rules.English.Total {
			l.Total = rules.Chinese.Total
		}
		if l.Grade == rules.English.Grade {
			l.Grade = rules.Chinese.Grade
		}
	}
	return l
}

// writeRules prints the whole rule file as tables.
func writeRules(w io.Writer, say scoring.Words, labels rules.Labels, set *rules.Set) {
	head := set.File
	switch {
	case set.Title != "" && set.Scheme != "":
		head += ": " + set.Title + " (" + set.Scheme + ")"
	case set.Title != "" || set.Scheme != "":
		head += ": " + set.Title + set.Scheme
	}
	fmt.Fprintln(w, head)
	var about []string
	if set.Period != "" {
		about = append(about, say.Say("period {period}", set.Period))
	}
	if set.Sheet != "" {
		about = append(about, say.Say("sheet {sheet}", set.Sheet))
	}
	if len(about) > 0 {
		fmt.Fprintln(w, strings.Join(about, say.Say(", ")))
	}
	for _, m := range set.Metrics {
		fmt.Fprintln(w)
		writeMetric(w, say, m)
	}
	var rows [][]string
	if len(set.Sections) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("sections (each the sum of its metrics' scores)"))
		for _, sec := range set.Sections {
			var parts []string
			for _, m := range set.Metrics {
				if m.Section == sec.Name {
					parts = append(parts, m.Name)
				}
			}
			counts := say.Say("counts as it is")
			if sec.Weight != nil {
				counts = say.Say("counts x {n} / 100", show(sec.Weight.Value))
			} else if sec.Points != nil {
				counts = say.Say("worth {n} points, counts as it is", show(sec.Points.Value))
			}
			rows = append(rows, []string{sec.Name, counts, strings.Join(parts, ", ")})
		}
		writeTable(w, "  ", rows)
	}

	fmt.Fprintln(w)
	rows = nil
	formula := say.Say("formula")
	switch {
	case set.Total.None:
		fmt.Fprintln(w, say.Say("total: none, since nothing is scored"))
	case set.Total.Formula != nil:
		rows = append(rows, []string{formula, set.Total.Formula.Source})
	case len(set.Sections) > 0:
		rows = append(rows, []string{formula, say.Say("the sum of the scores of the metrics outside sections and of what each section counts")})
	default:
		rows = append(rows, []string{formula, say.Say("the sum of the metrics' scores")})
	}
	if !set.Total.None {
		fmt.Fprintln(w, say.Say("total ({label})", labels.Total))
	}
	if set.Total.Floor != nil {
		rows = append(rows, []string{say.Say("floor"), show(set.Total.Floor.Value)})
	}
	if set.Total.Cap != nil {
		rows = append(rows, []string{say.Say("cap"), show(set.Total.Cap.Value)})
	}
	if set.Total.AddsUpTo != nil {
		rows = append(rows, []string{"adds_up_to", show(set.Total.AddsUpTo.Value)})
	}
	writeTable(w, "  ", rows)

	for _, t := range set.Tiers {
		fmt.Fprintln(w)
		writeTier(w, say, t)
	}
	if g := set.Grades; g != nil {
		fmt.Fprintln(w)
		of := say.Say("the total")
		if g.Of != nil {
			of = g.Of.Source
		}
		fmt.Fprintln(w, say.Say("grades ({label}) of {of}", labels.Grade, of))
		rows = nil
		for _, b := range g.Bands {
			row := []string{b.When, b.Grade}
			if b.Coefficient != nil {
				row = append(row, say.Say("coefficient {n}", show(b.Coefficient.Value)))
			}
			rows = append(rows, row)
		}
		writeTable(w, "  ", rows)
		if len(g.Vetoes) > 0 {
			fmt.Fprintln(w, "  "+say.Say("vetoes, checked after the bands"))
			rows = nil
			for _, v := range g.Vetoes {
				rows = append(rows, []string{say.Say("when {cond}", v.When.Source), scoring.DescribeVeto(say, v, g)})
			}
			writeTable(w, "    ", rows)
		}
	}

	if len(set.Flags) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("flags"))
		rows = nil
		for _, f := range set.Flags {
			row := []string{f.Name, f.When.Source}
			if f.Description != "" {
				row = append(row, f.Description)
			}
			rows = append(rows, row)
		}
		writeTable(w, "  ", rows)
	}
	if len(set.Ranks) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("ranks (places in the sheet, 1 first)"))
		rows = nil
		for _, r := range set.Ranks {
			how := say.Say("by {formula}, {order}, ties: {ties}", labels.Named(r.Of.Source), say.Say(r.Order()), r.Ties())
			if r.Within != "" {
				how += say.Say(", within each {col}", r.Within)
			}
			rows = append(rows, []string{r.Name, how})
		}
		writeTable(w, "  ", rows)
	}
	if len(set.Pay) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("pay (exact; rounded half-up to 0.01 when paid)"))
		rows = nil
		for _, p := range set.Pay {
			rows = append(rows, []string{p.Name, p.Formula.Source})
		}
		writeTable(w, "  ", rows)
	}
	if len(set.Pools) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("pools (shared to the cent; the cents left over to the largest remainders, ties to the lower key)"))
		rows = nil
		for _, p := range set.Pools {
			var amount []string
			if p.Amount != nil {
				amount = append(amount, p.Amount.Value.String())
			}
			for _, a := range p.Amounts {
				amount = append(amount, a.Group+" "+a.Amount.String())
			}
			how := say.Say("{amounts} by {weight}", strings.Join(amount, ", "), p.Weight.Source)
			if p.Group != "" {
				how += say.Say(", within each {col}", p.Group)
			}
			rows = append(rows, []string{p.Name, how})
		}
		writeTable(w, "  ", rows)
	}
	if ds := set.Distribution; ds != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("distribution (quotas rounded by {rounding})", say.Say(rules.Rounding)))
		rows = nil
		for _, c := range ds.Curve {
			pct, _ := c.Share.Mul(decimal.Hundred)
			rows = append(rows, []string{c.Grade, pct.Trim(0).String() + "%"})
		}
		writeTable(w, "  ", rows)
		how := say.Say("placed by {formula}, highest first", labels.Named(ds.Placed(set.Grades)))
		if ds.TieBy != "" {
			how += say.Say("; ties by {col}, {order}, then the key", ds.TieBy, say.Say(ds.TieOrder()))
		} else {
			how += say.Say("; ties by the key")
		}
		fmt.Fprintln(w, "  "+how)
		scope := say.Say("the whole sheet")
		if ds.Group != "" {
			scope = say.Say("within each {col}", ds.Group)
		}
		fmt.Fprintln(w, "  "+say.Say("{scope}, when it has at least {n} people", scope, fmt.Sprint(ds.MinGroup)))
	}
	if len(set.Params) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("params"))
		rows = nil
		for _, p := range set.Params {
			rows = append(rows, []string{p.Name, show(p.Value)})
		}
		writeTable(w, "  ", rows)
	}
	if len(set.Tables) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("tables (read with lookup)"))
		rows = nil
		for _, t := range set.Tables {
			sheet := t.Sheet
			if sheet == "" {
				sheet = t.Name
			}
			from := say.Say("sheet {sheet} of the workbook scored", sheet)
			switch {
			case t.Results != "" && t.Sheet != "":
				from = say.Say("the results of {file} on sheet {sheet}", t.Results, t.Sheet)
			case t.Results != "":
				from = say.Say("the results of {file}", t.Results)
			case t.File != "":
				from = say.Say("{file}, sheet {sheet}", t.File, sheet)
			}
			var cols []string
			for _, c := range t.Columns {
				cols = append(cols, c.Name)
			}
			rows = append(rows, []string{t.Name, from, say.Say("by {keys}", strings.Join(t.KeyNames(), ", ")), strings.Join(cols, ", ")})
		}
		writeTable(w, "  ", rows)
	}
}

// writeMetric prints one metric as a table of its fields.
func writeMetric(w io.Writer, say scoring.Words, m *rules.Metric) {
	fmt.Fprintln(w, say.Say("metric {name}", m.Name))
	var rows [][]string
	if m.Description != "" {
		rows = append(rows, []string{say.Say("about"), m.Description})
	}
	if m.Section != "" {
		rows = append(rows, []string{say.Say("section"), m.Section})
	}
	if m.Value != nil {
		v := m.Value.Source
		if m.Percent {
			v += say.Say(", shown as a percentage")
		}
		rows = append(rows, []string{say.Say("value"), v})
	}
	if m.Target != nil {
		rows = append(rows, []string{say.Say("target"), m.Target.Source})
		how := say.Say("100 points when the value is at least the target, else 0")
		if m.Lower {
			how = say.Say("100 points when the value is at most the target, else 0")
		}
		if m.Mode == rules.TargetProportional {
			lo, hi := "0", "100"
			if m.Floor != nil {
				lo = show(m.Floor.Value)
			}
			if m.Cap != nil {
				hi = show(m.Cap.Value)
			}
			how = say.Say("100 x value / target, from {n} to {n2}", lo, hi)
			if m.Lower {
				how = say.Say("100 x target / value, from {n} to {n2}: the full points at or below the target", lo, hi)
			}
		}
		rows = append(rows, []string{say.Say("mode"), say.Say("{mode}: {how}", say.Say(m.Mode), how)})
	}
	if m.Bands != nil {
		var bands [][]string
		for _, b := range m.Bands {
			row := []string{b.When, show(b.Points.Value)}
			if b.Label != "" {
				row = append(row, b.Label)
			}
			bands = append(bands, row)
		}
		for i, line := range tableLines(bands) {
			key := ""
			if i == 0 {
				key = say.Say("bands")
			}
			rows = append(rows, []string{key, line})
		}
	}
	if m.Map != nil {
		var entries [][]string
		for _, e := range m.Map {
			entries = append(entries, []string{e.Text, show(e.Points.Value)})
		}
		if m.MapOther != nil {
			entries = append(entries, []string{say.Say("any other"), show(m.MapOther.Value)})
		}
		for i, line := range tableLines(entries) {
			key := ""
			if i == 0 {
				key = say.Say("map")
			}
			rows = append(rows, []string{key, line})
		}
	}
	if m.Points != nil {
		rows = append(rows, []string{say.Say("points"), m.Points.Source})
	}
	if !m.Scored() {
		rows = append(rows, []string{say.Say("points"), say.Say("none: reported only")})
		writeTable(w, "  ", rows)
		return
	}
	for _, l := range []struct {
		key string
		n   *rules.Number
	}{{"max", m.Max}, {"floor", m.Floor}, {"cap", m.Cap}, {"if_missing", m.IfMissing}} {
		if l.n != nil {
			rows = append(rows, []string{say.Say(l.key), show(l.n.Value)})
		}
	}
	if m.Weight != nil {
		wt := show(m.Weight.Value)
		rows = append(rows, []string{say.Say("weight"), say.Say("{n}: its score is points x {n} / 100", wt)})
	} else {
		rows = append(rows, []string{say.Say("weight"), say.Say("none: its score is its points")})
	}
	writeTable(w, "  ", rows)
}

// writeTrace prints one person's scored row figure by figure; metric >= 0
// limits it to that metric and the inputs it reads.
func writeTrace(w io.Writer, say scoring.Words, labels rules.Labels, set *rules.Set, sc *scoring.Scorer, found *run.Found, t scoring.Trace, metric int) {
	head := say.Say("{where} row {n}", found.Where, fmt.Sprint(found.Row))
	if found.Where == found.File {
		head = say.Say("{file}: row {n}", found.File, fmt.Sprint(found.Row)) // a CSV file
	}
	var keys []string
	for i, c := range set.Columns {
		if c.Key {
			keys = append(keys, c.Name+" "+found.Record[i].String())
		}
	}
	if len(keys) > 0 {
		head += ": " + strings.Join(keys, ", ")
	}
	fmt.Fprintln(w, head)

	if len(found.Ledger) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("ledger"))
		for _, l := range found.Ledger {
			fmt.Fprintln(w, "  "+l)
		}
	}
	inputs := t.Inputs
	if metric >= 0 {
		inputs = sc.MetricInputs(metric)
	}
	if len(inputs) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("inputs"))
		var rows [][]string
		for _, i := range inputs {
			ref := strings.TrimPrefix(strings.TrimPrefix(found.Ref(i), found.File+": "), found.Sheet+"!")
			if ref == "" {
				ref = say.Say("(no column)")
			}
			v := found.Record[i]
			text := v.String()
			if v.Kind == scoring.Missing {
				text = say.Msg(v.Str)
			} else if j := found.Index[i]; j >= 0 && strings.TrimSpace(found.Cells[j]) == "" {
				// What the column says a blank cell means.
				text = say.Say("{value} (blank)", text)
			}
			rows = append(rows, []string{set.Columns[i].Name, ref, text})
		}
		writeTable(w, "  ", rows)
	}
	fmt.Fprintln(w)
	for i, m := range t.Metrics {
		if metric < 0 || i == metric {
			for _, l := range m.LinesIn(say) {
				fmt.Fprintln(w, l)
			}
		}
	}
	if metric >= 0 {
		return
	}
	for _, sec := range t.Sections {
		fmt.Fprintln(w, sec.LineIn(say))
	}
	if !set.Total.None {
		t.Total.Label = labels.Total
		fmt.Fprintln(w, t.Total.LineIn(say))
	}
	if t.Grade != nil {
		g := *t.Grade
		g.Label, g.Of = labels.Grade, labels.Named(g.Of)
		fmt.Fprintln(w, g.LineIn(say))
	}
	if len(t.Ranks) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("ranks"))
		var rows [][]string
		for _, r := range t.Ranks {
			place := say.Msg(r.Place.Str)
			if r.Place.Kind == scoring.Number {
				place = say.Say("{n} of {n2}", r.Place.String(), r.Among.String())
			}
			rows = append(rows, []string{r.Rank.Name, place, say.Say("by {formula} = {value}, {order}", labels.Named(r.Of.Formula), r.Of.Value.String(), say.Say(r.Rank.Order()))})
		}
		writeTable(w, "  ", rows)
	}
	if len(t.Flags) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("flags"))
		var rows [][]string
		for _, f := range t.Flags {
			state, how := say.Say("not raised"), f.Formula+" ("+f.Working+")"
			switch {
			case f.Value.Kind == scoring.Missing:
				state, how = say.Say("not decided"), how+say.Say(": {why}", f.Value.Str)
			case f.Value.Bool:
				state = say.Say("raised")
			}
			rows = append(rows, []string{f.Name, state, how})
		}
		writeTable(w, "  ", rows)
	}
	if len(t.Tiers) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("tiers"))
		for _, tt := range t.Tiers {
			for _, l := range tt.LinesIn(say) {
				fmt.Fprintln(w, "  "+l)
			}
		}
	}
	if len(t.Pay) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, say.Say("pay"))
		for _, p := range t.Pay {
			line := p.StringIn(say)
			if p.Value.Kind == scoring.Number {
				line += " -> " + scoring.RoundMoney(p.Value.Num).String()
			}
			fmt.Fprintln(w, "  "+line)
		}
	}
}

func show(d decimal.Decimal) string { return d.Trim(0).String() }

// writeTable prints rows with their columns aligned, each line after
// indent.
func writeTable(w io.Writer, indent string, rows [][]string) {
	for _, l := range tableLines(rows) {
		fmt.Fprintln(w, indent+l)
	}
}

// tableLines aligns the columns of rows by display width, in which a
// Chinese character takes two cells, as a terminal shows it. Columns are
// two spaces apart and lines carry no trailing spaces.
func tableLines(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		for j, c := range r {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], displayWidth(c))
		}
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		var b strings.Builder
		for j, c := range r {
			b.WriteString(c)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-displayWidth(c)+2))
			}
		}
		lines[i] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// displayWidth is how many terminal cells s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// explainTier prints tier table i, or with --value what it makes of the
// amount.
func explainTier(w io.Writer, say scoring.Words, set *rules.Set, i int, opts *explainOptions) error {
	if opts.Value == "" {
		writeTier(w, say, set.Tiers[i])
		return nil
	}
	if opts.valueErr != nil {
		return opts.valueErr
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		return err
	}
	for _, l := range sc.TraceTier(i, opts.value).LinesIn(say) {
		fmt.Fprintln(w, l)
	}
	return nil
}

// writeTier prints a tier table: its amount, its mode and each tier.
func writeTier(w io.Writer, say scoring.Words, t *rules.Tiers) {
	how := say.Say("the whole amount at the rate of the tier it reaches")
	if t.Mode == rules.TierMarginal {
		how = say.Say("each slice of the amount, from 0, at the rate of its tier")
	}
	of := ""
	if t.Of != nil {
		of = t.Of.Source
	}
	fmt.Fprintln(w, say.Say("tiers {name} of {of} ({mode}): pays {how}", t.Name, of, say.Say(t.Mode), how))
	var rows [][]string
	for _, b := range t.Bands {
		rate := ""
		if b.Rate != nil {
			rate = say.Say("rate {rate}", percent(b.Rate.Value))
		}
		rows = append(rows, []string{b.When, rate})
	}
	writeTable(w, "  ", rows)
}

// percent writes d as a percentage: 0.005 is "0.5%".
func percent(d decimal.Decimal) string {
	p, err := d.Mul(decimal.Hundred)
	if err != nil {
		return show(d)
	}
	return show(p) + "%"
}
