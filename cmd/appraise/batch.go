package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"appraise/batch"
	"appraise/msg"
	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/govalues/decimal"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// batchOptions is everything `appraise batch` needs.
type batchOptions struct {
	io           *streams
	Paths        []string
	Rules        string
	Scheme       string
	Sheet        string
	Out          string
	Format       string // of the summary: text or json
	Detail       string
	Jobs         int
	SkipExisting bool
	Calibrate    bool // grade by place to fit the rules' distribution, as calibrate does
	Quiet        bool
	Password     string
	Encoding     string
	With         []string // NAME=FILE.xlsx: the workbook of a table, for every workbook
	with         map[string]string
	History      []string
}

func newCmdBatch(io *streams, runF func(*batchOptions) error) *cobra.Command {
	opts := &batchOptions{io: io}
	cmd := &cobra.Command{
		Use:   "batch <workbook | folder | pattern>... [flags]",
		Short: "Score many workbooks: a month-end run over a folder",
		Long: `Score many workbooks, each as appraise score would, and print a summary.

Each argument is a workbook, a folder (its .xlsx files, leaving out
scored results, templates and Excel's ~$ lock files) or a pattern such
as 'months/2026-*.xlsx'. Each workbook is scored with --rules or
--scheme, else with rules.yaml beside it. The results of each go to
--out, named <name>.scored.xlsx, else beside the workbook. With
--calibrate each is calibrated as appraise calibrate does, into
<name>.calibrated.xlsx; its rules need a distribution.

Workbooks whose rules look back over earlier periods are scored in
period order, so that March sees February's results written in the same
batch; the others are scored side by side, --jobs at a time. One bad
workbook does not stop the others: it is named in the summary with its
problems, and nothing is written for it. A period whose workbook fails
leaves the later periods of its rules unscored, since their history
would lack it.

Outputs appear whole or not at all: an interrupted batch (Ctrl-C,
SIGTERM) leaves only complete results and no temporary files. Run it
again with --skip-existing to go on where it stopped.

The summary goes to standard output (--format json for scripts); a
progress bar goes to standard error when it is a terminal, else a line
per workbook. The exit code is 0 when every workbook was scored (or
skipped), 1 when any had problems, 3 on a fault of appraise or the
system, and 130 (Ctrl-C) or 143 (SIGTERM) when interrupted.`,
		Example: `  $ appraise batch months --out scored
  $ appraise batch 'months/2026-*.xlsx' --rules rules.yaml --out scored
  $ appraise batch east west --scheme ecommerce-cs --jobs 4 --out scored
  $ appraise batch months --out scored --skip-existing --format json
  $ appraise batch year-end --calibrate --out calibrated`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd, "batch takes the workbooks or folders to score")
			}
			return nil
		},
		ValidArgsFunction: completeWorkbook,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkEncoding(cmd, &opts.Encoding); err != nil {
				return err
			}
			opts.Paths = args
			if opts.Scheme != "" && opts.Rules != "" {
				return usagef(cmd, "give --rules or --scheme, not both")
			}
			w, err := parseWith(opts.With)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			opts.with = w
			switch opts.Format {
			case "", "text", "json":
			default:
				return usagef(cmd, "--format must be text or json, not %q", opts.Format)
			}
			switch opts.Detail {
			case "", run.DetailInSheet, run.DetailFull, run.DetailInCSV, run.DetailNone:
			default:
				return usagef(cmd, "--detail must be sheet, full, csv or none, not %q", opts.Detail)
			}
			if opts.Jobs < 1 {
				return usagef(cmd, "--jobs must be 1 or more, not %d", opts.Jobs)
			}
			if runF != nil {
				return runF(opts)
			}
			return batchRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Rules, "rules", "", "the rule `file` for every workbook (default: rules.yaml beside each)")
	f.StringVar(&opts.Scheme, "scheme", "", "use the rules of a built-in `scheme` for every workbook")
	f.StringVar(&opts.Sheet, "sheet", "", "the `sheet` to score (default: the rules' sheet, else the first)")
	f.StringVar(&opts.Out, "out", "", "the `folder` for the results (default: beside each workbook)")
	f.StringVar(&opts.Format, "format", "text", "the summary's `format`: text or json")
	f.StringVar(&opts.Detail, "detail", "", "`where` the detail goes: sheet, full, csv or none (default: sheet)")
	f.IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "how many workbooks to score at once")
	f.BoolVar(&opts.SkipExisting, "skip-existing", false, "leave a workbook whose results exist as they are")
	f.BoolVar(&opts.Calibrate, "calibrate", false, "give the grades by place to fit the rules' distribution, as appraise calibrate does, into <name>.calibrated.xlsx")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress on standard error; the summary is still printed")
	f.StringVar(&opts.Password, "password", "", "the `password` of workbooks saved with one")
	encodingFlag(f, &opts.Encoding)
	f.StringArrayVar(&opts.With, "with", nil, "`NAME=FILE.xlsx`: read the rules' table NAME from that workbook, for every workbook (may be given more than once)")
	f.StringSliceVar(&opts.History, "history", nil, "a `folder` of earlier periods' results, for rules that look back (default: the rules' history:, and --out)")
	_ = cmd.RegisterFlagCompletionFunc("rules", completeRulesFlag)
	_ = cmd.RegisterFlagCompletionFunc("scheme", completeScheme)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func batchRun(opts *batchOptions) error {
	inputs, err := batchInputs(opts.Paths)
	if err != nil {
		return err
	}
	jobs := batchJobs(opts, inputs)

	ctx, caught, stop := watchSignals()
	defer stop()

	prog := newProgress(opts, len(jobs))
	outs := batch.Run(jobs, batch.Options{
		Base: run.Options{
			Sheet:     opts.Sheet,
			Detail:    opts.Detail,
			Version:   appVersion(),
			Password:  opts.Password,
			Encoding:  opts.Encoding,
			Stdout:    opts.io.Out,
			With:      opts.with,
			Calibrate: opts.Calibrate,
		},
		Jobs:         opts.Jobs,
		SkipExisting: opts.SkipExisting,
		Context:      ctx,
		Done:         prog.done,
	})
	prog.finish()

	sum := summarize(outs)
	if opts.Format == "json" {
		b, err := json.MarshalIndent(sum, "", "  ")
		if err != nil {
			return err
		}
		opts.io.Out.Write(append(b, '\n'))
	} else {
		printSummary(opts.io, sum)
	}
	switch s := caught(); {
	case s != nil:
		return &interrupted{sig: s, done: sum.Scored + sum.Skipped, of: sum.Files}
	case sum.Failed > 0:
		code := exitBadInput
		for _, o := range outs {
			if o.Status == batch.Failed && codeOf(o.Err) == exitInternal {
				code = exitInternal
			}
		}
		return &batchFailed{code: code, failed: sum.Failed, of: sum.Files}
	}
	return nil
}

// batchInputs expands the paths given into the workbooks to score, each
// once, in the order given; a folder's workbooks and a pattern's matches
// in name order.
func batchInputs(paths []string) ([]string, error) {
	var out, problems []string
	seen := map[string]bool{}
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			entries, err := os.ReadDir(p)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: the folder cannot be read: %v", p, err))
				continue
			}
			n := 0
			for _, e := range entries {
				if !e.IsDir() && isWorkbook(e.Name()) {
					add(filepath.Join(p, e.Name()))
					n++
				}
			}
			if n == 0 {
				problems = append(problems, fmt.Sprintf("%s: the folder holds no workbook to score", p))
			}
		case err == nil:
			add(p)
		case strings.ContainsAny(p, "*?["):
			matches, err := filepath.Glob(p)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: not a pattern: %v", p, err))
				continue
			}
			n := 0
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && !fi.IsDir() && isWorkbook(filepath.Base(m)) {
					add(m)
					n++
				}
			}
			if n == 0 {
				problems = append(problems, fmt.Sprintf("%s: no workbook matches", p))
			}
		default:
			problems = append(problems, p+": no such file or folder")
		}
	}
	if problems != nil {
		return nil, &run.InputError{Problems: problems}
	}
	return out, nil
}

// isWorkbook reports whether a file in a folder is an input to score:
// an .xlsx or .csv that is not appraise's own output nor Excel's lock
// file.
func isWorkbook(name string) bool {
	lower := strings.ToLower(name)
	if !strings.HasSuffix(lower, ".xlsx") && !strings.HasSuffix(lower, ".csv") || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
		return false
	}
	// A CSV in a folder of results is appraise's own output (--format
	// csv, --detail csv), not an input.
	for _, own := range []string{".scored.xlsx", ".calibrated.xlsx", ".diff.xlsx", ".template.xlsx", ".scored.csv", ".calibrated.csv", ".detail.csv", ".diff.csv"} {
		if strings.HasSuffix(lower, own) {
			return false
		}
	}
	return true
}

// batchJobs finds each workbook's rules and output. A rule file is read
// and compiled once however many workbooks use it.
func batchJobs(opts *batchOptions, inputs []string) []batch.Job {
	type loaded struct {
		sc   *scoring.Scorer
		set  *rules.Set
		file string
		hash string
		err  error
	}
	cache := map[string]*loaded{}
	load := func(input string) *loaded {
		key := "scheme:" + opts.Scheme
		var path string
		if opts.Scheme == "" {
			var err error
			if path, err = findRules(opts.Rules, input); err != nil {
				return &loaded{err: err}
			}
			key = filepath.Clean(path)
		}
		if l, ok := cache[key]; ok {
			return l
		}
		l := &loaded{file: path}
		if opts.Scheme != "" {
			l.set, l.file, l.hash, l.err = loadScheme(opts.Scheme)
		} else {
			l.set, l.hash, l.err = loadRules(path)
		}
		if l.err == nil {
			l.sc, l.err = scoring.Compile(l.set)
		}
		if l.err == nil && !opts.Quiet {
			for _, w := range l.set.Warnings {
				fmt.Fprintln(opts.io.Err, w.Error())
			}
		}
		cache[key] = l
		return l
	}

	jobs := make([]batch.Job, len(inputs))
	byOutput := map[string][]int{}
	for i, in := range inputs {
		j := batch.Job{Input: in, Output: run.DefaultOutput(in, "xlsx")}
		if opts.Calibrate {
			j.Output = calibratedOutput(j.Output)
		}
		if opts.Out != "" {
			// Only the base name is kept, so that no input's name, however
			// it is written, puts its results outside --out.
			base := filepath.Base(j.Output)
			j.Output = filepath.Join(opts.Out, base)
		}
		l := load(in)
		j.Scorer, j.RulesFile, j.RulesHash, j.Err = l.sc, l.file, l.hash, l.err
		if j.Err == nil && opts.Calibrate {
			j.Err = needsDistribution(l.set, l.file)
		}
		if j.Err == nil {
			j.History = historyFor(opts, l.set, l.file)
		}
		jobs[i] = j
		key, err := filepath.Abs(j.Output)
		if err != nil {
			key = j.Output
		}
		byOutput[key] = append(byOutput[key], i)
	}
	for _, idx := range byOutput {
		if len(idx) < 2 {
			continue
		}
		var names []string
		for _, i := range idx {
			names = append(names, jobs[i].Input)
		}
		for _, i := range idx {
			jobs[i].Err = &run.InputError{Problems: []string{fmt.Sprintf("%s: %s would all write %s: score them in separate batches or rename one",
				jobs[i].Input, strings.Join(names, ", "), jobs[i].Output)}}
		}
	}
	return jobs
}

// historyFor is where a workbook's history is read: the folders given
// with --history, else the rules' own history: folder; and with --out,
// that folder too, where this batch writes the periods before.
func historyFor(opts *batchOptions, set *rules.Set, rulesFile string) []string {
	dirs := append([]string(nil), opts.History...)
	if len(dirs) == 0 && set.History != "" {
		dir := set.History
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(rulesFile), dir)
		}
		dirs = append(dirs, dir)
	}
	if opts.Out == "" {
		if len(dirs) == 0 {
			return nil // beside each workbook, as score reads it
		}
		return dirs
	}
	for _, d := range dirs {
		if filepath.Clean(d) == filepath.Clean(opts.Out) {
			return dirs
		}
	}
	return append(dirs, opts.Out)
}

// progress shows the batch going: a bar when standard error is a
// terminal, else a line per workbook.
type progress struct {
	io   *streams
	bar  *progressbar.ProgressBar
	n    int
	of   int
	off  bool
	line bool
}

func newProgress(opts *batchOptions, n int) *progress {
	p := &progress{io: opts.io, of: n, off: opts.Quiet}
	if p.off {
		return p
	}
	errw := opts.io.Err
	if t, ok := errw.(*msg.Writer); ok {
		// The bar draws itself on the terminal, in place.
		errw = t.Underlying()
	}
	if f, ok := errw.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("scoring"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
		return p
	}
	p.line = true
	return p
}

func (p *progress) done(o batch.Outcome) {
	p.n++
	switch {
	case p.off:
	case p.bar != nil:
		p.bar.Describe(filepath.Base(o.Job.Input))
		_ = p.bar.Add(1)
	case p.line:
		what := o.Status.String()
		switch o.Status {
		case batch.Scored:
			what = "wrote " + o.Summary.Output
		case batch.Skipped:
			what = "skipped: " + o.Job.Output + " exists"
		case batch.Failed:
			what = "failed: see the summary"
		}
		fmt.Fprintf(p.io.Err, "appraise: %d/%d %s: %s\n", p.n, p.of, o.Job.Input, what)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// The summary of a batch, as --format json writes it.
type (
	batchSummary struct {
		Files   int           `json:"files"`
		Scored  int           `json:"scored"`
		Skipped int           `json:"skipped"`
		Failed  int           `json:"failed"`
		NotRun  int           `json:"not_run"`
		People  int           `json:"people"`
		Pay     []batchPay    `json:"pay"`
		Results []batchResult `json:"results"`
	}
	batchPay struct {
		Scheme string `json:"scheme"`
		Name   string `json:"name"`
		Total  string `json:"total"`
		Files  int    `json:"files"`
	}
	batchResult struct {
		Input      string   `json:"input"`
		Status     string   `json:"status"`
		Output     *string  `json:"output"`
		Rules      string   `json:"rules"`
		Scheme     string   `json:"scheme"`
		Period     *string  `json:"period"`
		People     int      `json:"people"`
		Incomplete int      `json:"incomplete"`
		Moved      *int     `json:"moved"` // how many grades a calibration changed; null when not calibrated
		Problems   []string `json:"problems"`
	}
)

func summarize(outs []batch.Outcome) batchSummary {
	s := batchSummary{Files: len(outs), Pay: []batchPay{}, Results: []batchResult{}}
	type payKey struct{ scheme, name string }
	pay := map[payKey]*batchPay{}
	var totals []payKey
	sums := map[payKey]decimal.Decimal{}
	for _, o := range outs {
		r := batchResult{Input: o.Job.Input, Status: strings.ReplaceAll(o.Status.String(), " ", "_"), Rules: o.Job.RulesFile, Problems: []string{}}
		if o.Job.Scorer != nil {
			r.Scheme = o.Job.Scorer.Rules().Scheme
		}
		if o.Period != "" {
			p := o.Period
			r.Period = &p
		}
		switch o.Status {
		case batch.Scored:
			s.Scored++
			out := o.Summary.Output
			r.Output = &out
			r.People, r.Incomplete = o.Summary.Rows, o.Summary.Incomplete
			if o.Summary.Calibrated {
				n := len(o.Summary.Moves)
				r.Moved = &n
			}
			s.People += o.Summary.Rows
			for _, t := range o.Summary.Pay {
				k := payKey{r.Scheme, t.Name}
				if pay[k] == nil {
					pay[k] = &batchPay{Scheme: r.Scheme, Name: t.Name}
					totals = append(totals, k)
				}
				pay[k].Files++
				sum, err := sums[k].Add(t.Total)
				if err != nil || t.Overflow {
					pay[k].Total = "too large to add up"
					continue
				}
				sums[k] = sum
			}
		case batch.Skipped:
			s.Skipped++
			out := o.Job.Output
			r.Output = &out
		case batch.Failed:
			s.Failed++
			r.Problems = problemLines(o.Err)
		case batch.NotRun:
			s.NotRun++
		}
		s.Results = append(s.Results, r)
	}
	for _, k := range totals {
		p := pay[k]
		if p.Total == "" {
			p.Total = sums[k].Trim(2).Pad(2).String()
		}
		s.Pay = append(s.Pay, *p)
	}
	return s
}

// problemLines are the lines of err as the command prints them.
func problemLines(err error) []string {
	var b strings.Builder
	report(&b, nil, err)
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

func printSummary(io *streams, s batchSummary) {
	w := io.Out
	people := fmt.Sprintf("%d people", s.People)
	if s.People == 1 {
		people = "1 person"
	}
	line := fmt.Sprintf("scored %d of %s, %s", s.Scored, plural(s.Files, "workbook"), people)
	for _, part := range []struct {
		n    int
		word string
	}{{s.Skipped, "skipped"}, {s.Failed, "failed"}, {s.NotRun, "not run"}} {
		if part.n > 0 {
			line += fmt.Sprintf("; %d %s", part.n, part.word)
		}
	}
	fmt.Fprintln(w, msg.Say(io.Lang, line))
	rows := [][]string{{"workbook", "period", "people", "result"}}
	for _, r := range s.Results {
		period, people, result := "-", "-", r.Status
		if r.Period != nil {
			period = *r.Period
		}
		switch r.Status {
		case "scored":
			people = fmt.Sprint(r.People)
			result = "wrote " + *r.Output
			if r.Moved != nil {
				result += fmt.Sprintf(" (%s moved)", plural(*r.Moved, "grade"))
			}
		case "skipped":
			result = "skipped: " + *r.Output + " exists"
		}
		rows = append(rows, []string{r.Input, period, people, result})
	}
	writeTable(w, "  ", rows)
	if len(s.Pay) > 0 {
		schemes := map[string]bool{}
		for _, p := range s.Pay {
			schemes[p.Scheme] = true
		}
		rows := [][]string{{"pay line", "total"}}
		if len(schemes) > 1 {
			rows[0] = []string{"scheme", "pay line", "total"}
		}
		for _, p := range s.Pay {
			row := []string{p.Name, p.Total}
			if len(schemes) > 1 {
				row = append([]string{p.Scheme}, row...)
			}
			rows = append(rows, row)
		}
		writeTable(w, "  ", rows)
	}
	var failed []batchResult
	for _, r := range s.Results {
		if r.Status == "failed" {
			failed = append(failed, r)
		}
	}
	for _, r := range failed {
		fmt.Fprintln(w, msg.Say(io.Lang, r.Input+" failed:"))
		for _, l := range r.Problems {
			fmt.Fprintln(w, msg.Say(io.Lang, "  "+l))
		}
	}
}
