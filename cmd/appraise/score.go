package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"appraise/rules"
	"appraise/run"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// scoreOptions is everything `appraise score` needs.
type scoreOptions struct {
	io     *streams
	Input  string
	Rules  string
	Scheme string // a built-in scheme, instead of Rules
	Sheet  string
	Output string
	Format string
	Detail string
	BOM    bool
	Quiet  bool

	Password string // of a workbook saved with one
	Encoding string // of a CSV input; "" tells it from the file

	Period  string // as --period gives it
	period  scoring.Period
	History []string // folders of earlier results

	// Calibrate gives the grades by place to fit the rules'
	// distribution, for appraise calibrate.
	Calibrate bool

	With []string // NAME=FILE.xlsx: the workbook of one of the rules' tables
	with map[string]string
}

func newCmdScore(io *streams, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{io: io}
	cmd := &cobra.Command{
		Use:   "score {<workbook> | <folder> --period <quarter or year>} [flags]",
		Short: "Score a workbook and write the results beside it",
		Long: `Score every row of a workbook's sheet with a rule file and write the
results: by default a workbook named <name>.scored.xlsx beside the input,
in the rule file's language: a summary sheet (people, the totals' mean,
median, lowest and highest, the grades as a table and a chart, pay line
totals and flags, per group), the input columns followed by the results,
a payout sheet of a row a person, a detail sheet that explains every
figure of every person in a row of their own, and an audit sheet. With
--detail full the detail has a row per person and figure, going on in
"明细 2" ("detail 2") and so on when a sheet is full; with --detail csv
that goes to a CSV file beside the workbook instead, and with --detail
none the detail is left out.

The rules come from --rules, from a built-in scheme named with --scheme
(see appraise schemes), or else from rules.yaml beside the workbook.
Nothing is written unless every row passes its checks, and the input
workbook is never changed.

A CSV file is read as a workbook of one sheet, in UTF-8 (with or without
a byte-order mark) or GBK/GB18030, told from the file or given with
--encoding; its results are a scored workbook too. --sheet '*' scores
every sheet that holds the rules' columns, one department a sheet, into
one workbook with a results sheet each.

Given a folder instead of a workbook, with --period naming a quarter or a
year, score builds that period from the months' workbooks in the folder,
as the rules' rollup: says (each column summed, averaged, or its last
value), and scores it as it scores a month: the results are written in
the folder as <period>.scored.xlsx.`,
		Example: `  $ appraise score march.xlsx
  $ appraise score march.xlsx --rules ../rules/cs.yaml --sheet 客服KPI
  $ appraise score march.xlsx --scheme ecommerce-cs
  $ appraise score march.csv --encoding gbk
  $ appraise score 三月.xlsx --sheet '*'
  $ appraise score march.xlsx -o results/march.json
  $ appraise score year.xlsx --detail csv
  $ appraise score march.xlsx --format csv -o -
  $ appraise score months --period 2026-Q1
  $ appraise score locked.xlsx --password "$XLSX_PASSWORD"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef(cmd, "score takes one workbook, not %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeWorkbook,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Input = args[0]
			if opts.Scheme != "" && opts.Rules != "" {
				return usagef(cmd, "give --rules or --scheme, not both")
			}
			switch opts.Format {
			case "":
				opts.Format = formatOf(opts.Output)
			case "xlsx", "json", "csv":
			default:
				return usagef(cmd, "--format must be xlsx, json or csv, not %q", opts.Format)
			}
			switch opts.Detail {
			case "":
			case run.DetailInSheet, run.DetailFull, run.DetailInCSV, run.DetailNone:
				if opts.Format != "xlsx" {
					return usagef(cmd, "--detail applies to xlsx output; %s output has no detail", opts.Format)
				}
			default:
				return usagef(cmd, "--detail must be sheet, full, csv or none, not %q", opts.Detail)
			}
			if err := checkEncoding(cmd, &opts.Encoding); err != nil {
				return err
			}
			if opts.Sheet == run.AllSheets && opts.Format != "xlsx" {
				return usagef(cmd, "--sheet '*' writes a workbook with a results sheet a sheet scored; %s output holds one table: give --sheet NAME", opts.Format)
			}
			if opts.Period != "" {
				p, err := scoring.ParsePeriod(opts.Period)
				if err != nil {
					return usagef(cmd, "--period: %v", err)
				}
				opts.period = p
			}
			w, err := parseWith(opts.With)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			opts.with = w
			if opts.Output == "" {
				opts.Output = run.DefaultOutput(opts.Input, opts.Format)
				if fi, err := os.Stat(opts.Input); err == nil && fi.IsDir() && !opts.period.IsZero() {
					// A quarter built from the months in a folder is
					// written among them.
					opts.Output = filepath.Join(opts.Input, opts.period.String()+".scored."+opts.Format)
				}
			}
			if opts.BOM && opts.Format != "csv" && opts.Detail != run.DetailInCSV {
				return usagef(cmd, "--bom applies to CSV files: give --format csv or --detail csv")
			}
			if opts.Detail == run.DetailInCSV && opts.Output == "-" {
				return usagef(cmd, "--detail csv writes a file beside the output, and -o - has none: choose an output file")
			}
			if run.SameFile(opts.Input, opts.Output) {
				return usagef(cmd, "-o %s is the input workbook: appraise never writes over its input", opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Rules, "rules", "", "the rule `file` (default: rules.yaml beside the workbook)")
	f.StringVar(&opts.Scheme, "scheme", "", "use the rules of a built-in `scheme` (see appraise schemes)")
	f.StringVar(&opts.Sheet, "sheet", "", "the `sheet` to score, '*' for every sheet with the rules' columns (default: the rules' sheet, else the first)")
	f.StringVarP(&opts.Output, "output", "o", "", "the `path` to write the results, - for standard output (default: <name>.scored.<format> beside the input)")
	f.StringVar(&opts.Format, "format", "", "the output `format`: xlsx, json or csv (default: from the output's extension, else xlsx)")
	f.StringVar(&opts.Detail, "detail", "", "`where` the detail of an xlsx output goes: sheet (a row a person), full (a row a figure), csv (the full detail in <name>.detail.csv beside it) or none (default: sheet)")
	f.BoolVar(&opts.BOM, "bom", false, "start CSV files with a byte-order mark, so that Excel reads their Chinese right")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on success")
	f.StringVar(&opts.Period, "period", "", "the `period` scored: 2026-03, 2026-Q1, 2026, 2026-W15 or a cycle's first day 2026-03-26 (default: where the rules' period_from says)")
	f.StringVar(&opts.Password, "password", "", "the `password` of a workbook saved with one; it is decrypted in memory only")
	encodingFlag(f, &opts.Encoding)
	f.StringArrayVar(&opts.With, "with", nil, "`NAME=FILE.xlsx`: read the rules' table NAME from that workbook (may be given more than once)")
	f.StringSliceVar(&opts.History, "history", nil, "a `folder` of earlier periods' scored results, for rules that look back (default: the rules' history:)")
	_ = cmd.RegisterFlagCompletionFunc("rules", completeRulesFlag)
	_ = cmd.RegisterFlagCompletionFunc("scheme", completeScheme)
	_ = cmd.RegisterFlagCompletionFunc("sheet", completeSheet)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"xlsx", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// encodingFlag adds --encoding, the encoding of CSV inputs, to a command
// that reads workbooks; [checkEncoding] checks it.
func encodingFlag(f *pflag.FlagSet, p *string) {
	f.StringVar(p, "encoding", "", "the `encoding` of a CSV input: utf-8, gbk or gb18030 (default: told from the file)")
}

// checkEncoding reads --encoding as [workbook.ParseEncoding] does, a
// usage error when it names no encoding known.
func checkEncoding(cmd *cobra.Command, p *string) error {
	enc, err := workbook.ParseEncoding(*p)
	if err != nil {
		return usagef(cmd, "--encoding: %v", err)
	}
	*p = enc
	return nil
}

// formatOf guesses the output format from a file name.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	}
	return "xlsx"
}

func scoreRun(opts *scoreOptions) error {
	var (
		set       *rules.Set
		rulesPath string
		hash      string
		err       error
	)
	if opts.Scheme != "" {
		set, rulesPath, hash, err = loadScheme(opts.Scheme)
	} else if rulesPath, err = findRules(opts.Rules, opts.Input); err == nil {
		set, hash, err = loadRules(rulesPath)
	}
	if err != nil {
		return err
	}
	if !opts.Quiet {
		// Warnings do not stop the run, but the person running it should
		// see what the rules' author was told by appraise validate.
		for _, w := range set.Warnings {
			fmt.Fprintln(opts.io.Err, w.Error())
		}
	}
	if opts.Calibrate {
		if err := needsDistribution(set, rulesPath); err != nil {
			return err
		}
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		return err
	}
	ctx, caught, stop := watchSignals()
	defer stop()
	sum, err := run.Score(run.Options{
		Context:   ctx,
		Calibrate: opts.Calibrate,
		Input:     opts.Input,
		Sheet:     opts.Sheet,
		Scorer:    sc,
		RulesFile: rulesPath,
		RulesHash: hash,
		Output:    opts.Output,
		Stdout:    opts.io.Out,
		Format:    opts.Format,
		Detail:    opts.Detail,
		BOM:       opts.BOM,
		Version:   appVersion(),
		Period:    opts.period,
		History:   opts.History,
		Password:  opts.Password,
		Encoding:  opts.Encoding,
		With:      opts.with,
	})
	if err != nil {
		// A signal that came after the results were written leaves them:
		// they are whole.
		if s := caught(); s != nil {
			return &interrupted{sig: s}
		}
		return err
	}
	if opts.Quiet {
		return nil
	}
	dest := sum.Output
	if dest == "-" {
		dest = "standard output"
	}
	with := rulesPath
	switch {
	case opts.Scheme != "":
		with = "the built-in scheme " + opts.Scheme
	case set.Scheme != "":
		with += " (" + set.Scheme + ")"
	}
	if opts.Detail == run.DetailInCSV {
		dest += " and " + run.DetailFile(sum.Output)
	}
	of := filepath.Base(opts.Input)
	switch {
	case sum.Parts > 0:
		of += fmt.Sprintf(" (%s, from %s)", sum.Period, plural(sum.Parts, set.Rollup.From))
	case sum.Period != "":
		of += " (" + sum.Period + ")"
	}
	verb := "scored"
	if opts.Calibrate {
		verb = "calibrated"
	}
	sheet := ", sheet " + sum.Sheet
	switch {
	case len(sum.Sheets) > 0:
		var each []string
		for _, c := range sum.Sheets {
			each = append(each, fmt.Sprintf("%s (%d)", c.Sheet, c.Rows))
		}
		sheet = ", sheets " + strings.Join(each, ", ")
	case workbook.IsCSV(opts.Input):
		sheet = "" // a CSV file has one
	}
	fmt.Fprintf(opts.io.Err, "appraise: %s %s of %s%s, with %s: wrote %s\n",
		verb, plural(sum.Rows, "row"), of, sheet, with, dest)
	for _, k := range sum.Skipped {
		fmt.Fprintf(opts.io.Err, "appraise: sheet %s not scored: %s\n", k.Sheet, k.Why)
	}
	reportFit(opts, set, sum)
	for _, u := range sum.Unshared {
		where := "the sheet"
		for _, p := range set.Pools {
			if p.Name == u.Pool && p.Group != "" {
				where = p.Group + " " + u.Group
			}
		}
		fmt.Fprintf(opts.io.Err, "appraise: pool %s: no one with a weight in %s, so its %s is not shared\n", u.Pool, where, u.Amount)
	}
	if set.NeedsHistory() {
		if sum.History == 0 {
			fmt.Fprintf(opts.io.Err, "appraise: history: no earlier results of %s found: runs start with this period, and figures that need earlier periods have no value\n", set.Scheme)
		} else {
			fmt.Fprintf(opts.io.Err, "appraise: history: %s of %s found\n", plural(sum.History, "earlier period"), set.Scheme)
		}
	}
	if sum.Incomplete > 0 {
		fmt.Fprintf(opts.io.Err, "appraise: %s could not be fully scored: see the %s column\n",
			plural(sum.Incomplete, "row"), notesLabel(set, opts.Format))
	}
	return nil
}

// parseWith reads --with flags, each NAME=FILE.xlsx.
func parseWith(flags []string) (map[string]string, error) {
	if len(flags) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for _, f := range flags {
		name, file, ok := strings.Cut(f, "=")
		name, file = strings.TrimSpace(name), strings.TrimSpace(file)
		switch {
		case !ok || name == "" || file == "":
			return nil, fmt.Errorf("--with %s: write the table's name and its workbook, as --with 目标=targets.xlsx", f)
		case m[name] != "":
			return nil, fmt.Errorf("--with names table %s twice", name)
		}
		m[name] = file
	}
	return m, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// findRules returns the rule file to use: the one given, or rules.yaml
// beside the workbook; for a folder of months, rules.yaml in it, else
// beside it.
func findRules(given, input string) (string, error) {
	if given != "" {
		return given, nil
	}
	var looked []string
	if fi, err := os.Stat(input); err == nil && fi.IsDir() {
		looked = append(looked, filepath.Join(input, "rules.yaml"))
	}
	looked = append(looked, filepath.Join(filepath.Dir(input), "rules.yaml"))
	for _, p := range looked {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	where := looked[0] + " beside the workbook"
	if len(looked) > 1 {
		where = looked[0] + " and " + looked[1]
	}
	return "", &run.InputError{Problems: []string{
		fmt.Sprintf("appraise: no rule file: looked for %s; name one with --rules FILE", where),
	}}
}

// loadRules reads and checks a rule file, returning it with its SHA-256.
func loadRules(path string) (*rules.Set, string, error) {
	if fi, err := os.Stat(path); err == nil {
		if err := rules.CheckSize(path, fi.Size()); err != nil {
			return nil, "", err
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file"
		} else if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, "", &run.InputError{Problems: []string{path + ": " + msg}}
	}
	sum := sha256.Sum256(src)
	set, err := rules.Parse(path, src)
	if err != nil {
		return nil, "", err
	}
	return set, hex.EncodeToString(sum[:]), nil
}

// reportFit says how the grades fit the rules' distribution: for each
// group that does not, each grade over or under its quota; after a
// calibration, how many people moved.
func reportFit(opts *scoreOptions, set *rules.Set, sum run.Summary) {
	if sum.Fit == nil {
		return
	}
	if sum.Calibrated {
		who := fmt.Sprintf("%d people", len(sum.Moves))
		if len(sum.Moves) == 1 {
			who = "1 person"
		}
		fmt.Fprintf(opts.io.Err, "appraise: distribution: %s moved grade to fit the curve: see the %s sheet\n", who, curveSheet(set, opts.Format))
	}
	for _, f := range sum.Fit {
		if !f.Applies || f.Fits() {
			continue
		}
		var parts []string
		for _, g := range f.Grades {
			if g.Over() != 0 {
				parts = append(parts, fmt.Sprintf("%s %d for %d", g.Grade, g.Count, g.Quota))
			}
		}
		if f.Other > 0 {
			parts = append(parts, fmt.Sprintf("%d with other grades", f.Other))
		}
		where := "the sheet"
		switch {
		case len(sum.Sheets) > 0:
			// With --sheet '*', each sheet is fitted on its own; the
			// group is named after it.
			where = "sheet " + f.Group
		case set.Distribution.Group != "":
			where = set.Distribution.Group + " " + f.Group
		}
		fmt.Fprintf(opts.io.Err, "appraise: distribution: %s does not fit the curve: %s\n", where, strings.Join(parts, ", "))
	}
}

// notesLabel is the header of the notes column in output of format: the
// workbook's, in the rule file's language, or the CSV's.
func notesLabel(set *rules.Set, format string) string {
	if format == "" || format == "xlsx" {
		return set.Local.Notes
	}
	return set.Labels.Notes
}

// curveSheet names the calibration sheet as the output of format does.
func curveSheet(set *rules.Set, format string) string {
	if format == "" || format == "xlsx" {
		return run.CurveSheet(set, run.CalibrationSheet)
	}
	return run.CalibrationSheet
}

// needsDistribution is the problem of calibrating with rules that state
// no curve to fit, or nil.
func needsDistribution(set *rules.Set, rulesPath string) error {
	if set.Distribution != nil && set.Grades != nil {
		return nil
	}
	return &run.InputError{Problems: []string{fmt.Sprintf("%s has no distribution: calibrate gives the grades by place to fit the curve a distribution: block states", rulesPath)}}
}
