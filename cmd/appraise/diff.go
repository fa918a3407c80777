package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"appraise/examples"
	"appraise/msg"
	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/spf13/cobra"
)

// diffOptions is everything `appraise diff` needs.
type diffOptions struct {
	io       *streams
	Old      string // the old rule file; "" with Scheme
	New      string // the new rule file; "" with Params
	Input    string
	Scheme   string   // a built-in scheme as the old rules
	Params   []string // NAME=VALUE: the new rules are the old with these
	Sheet    string
	Output   string
	Format   string
	Group    string
	Quiet    bool
	Password string
	Encoding string
	Period   string
	period   scoring.Period
	History  []string
}

func newCmdDiff(io *streams, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{io: io}
	cmd := &cobra.Command{
		Use:   "diff {<old.yaml> | --scheme <name>} {<new.yaml> | --param <name>=<value>...} <workbook> [flags]",
		Short: "Score a workbook with two rule files and show what changes",
		Long: `Score a workbook with an old rule file and a new one and compare: for each
person the change in each metric's points, the total, the grade, the
coefficient and every pay line; for the sheet, how many people move
grade and between which grades, what each pay line costs more or less
(and per group, by the column the rules rank within or --group), and
which items of the rule files differ, with file:line on both sides.

The comparison is written as a workbook, by default <name>.diff.xlsx
beside the input: a summary sheet first, then the people, the largest
change first, the figures that changed highlighted, then an audit sheet.
--format json writes it for scripts. A short report goes to standard
error.

--scheme names a built-in scheme as the old rules. --param NAME=VALUE
makes the new rules from the old with that param changed, the quickest
what-if; it may be given more than once.`,
		Example: `  $ appraise diff rules.yaml new.yaml march.xlsx
  $ appraise diff rules.yaml --param 绩效工资基数=800 march.xlsx
  $ appraise diff --scheme ecommerce-cs new.yaml march.xlsx
  $ appraise diff rules.yaml new.yaml march.xlsx --format json -o -`,
		ValidArgsFunction: completeWorkbook,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkEncoding(cmd, &opts.Encoding); err != nil {
				return err
			}
			want := 3
			if opts.Scheme != "" {
				want--
			}
			if len(opts.Params) > 0 {
				want--
			}
			if len(args) != want {
				return usagef(cmd, "diff takes %s, not %d arguments", diffArgs(opts), len(args))
			}
			if opts.Scheme == "" {
				opts.Old, args = args[0], args[1:]
			}
			if len(opts.Params) == 0 {
				opts.New, args = args[0], args[1:]
			}
			opts.Input = args[0]
			for _, p := range opts.Params {
				name, value, ok := strings.Cut(p, "=")
				if !ok || strings.TrimSpace(name) == "" {
					return usagef(cmd, "--param %q: give it as NAME=VALUE", p)
				}
				if _, err := scoring.ParseNumber(value); err != nil {
					return usagef(cmd, "--param %s: %q is not a number", name, value)
				}
			}
			switch opts.Format {
			case "":
				opts.Format = formatOf(opts.Output)
			case "xlsx", "json":
			default:
				return usagef(cmd, "--format must be xlsx or json, not %q", opts.Format)
			}
			if opts.Format == "csv" {
				return usagef(cmd, "diff writes xlsx or json, not csv")
			}
			if opts.Period != "" {
				p, err := scoring.ParsePeriod(opts.Period)
				if err != nil {
					return usagef(cmd, "--period: %v", err)
				}
				opts.period = p
			}
			if opts.Output == "" {
				opts.Output = run.DefaultDiffOutput(opts.Input, opts.Format)
			}
			if run.SameFile(opts.Input, opts.Output) {
				return usagef(cmd, "-o %s is the input workbook: appraise never writes over its input", opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Scheme, "scheme", "", "use the rules of a built-in `scheme` as the old rules")
	f.StringArrayVar(&opts.Params, "param", nil, "make the new rules from the old with `name=value` changed")
	f.StringVar(&opts.Sheet, "sheet", "", "the `sheet` to score (default: the rules' sheet, else the first)")
	f.StringVarP(&opts.Output, "output", "o", "", "the `path` to write the comparison, - for standard output (default: <name>.diff.<format> beside the input)")
	f.StringVar(&opts.Format, "format", "", "the output `format`: xlsx or json (default: from the output's extension, else xlsx)")
	f.StringVar(&opts.Group, "group", "", "the `column` to add up the cost by (default: the one the rules rank within)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on success")
	f.StringVar(&opts.Period, "period", "", "the `period` scored (default: where the rules' period_from says)")
	f.StringVar(&opts.Password, "password", "", "the `password` of a workbook saved with one")
	encodingFlag(f, &opts.Encoding)
	f.StringSliceVar(&opts.History, "history", nil, "a `folder` of earlier periods' scored results (default: the rules' history:)")
	_ = cmd.RegisterFlagCompletionFunc("scheme", completeScheme)
	_ = cmd.RegisterFlagCompletionFunc("sheet", completeSheet)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"xlsx", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func diffArgs(opts *diffOptions) string {
	var parts []string
	if opts.Scheme == "" {
		parts = append(parts, "the old rule file")
	}
	if len(opts.Params) == 0 {
		parts = append(parts, "the new rule file")
	}
	parts = append(parts, "the workbook")
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func diffRun(opts *diffOptions) error {
	var (
		oldSet  *rules.Set
		oldFile string
		oldSHA  string
		oldSrc  []byte
		err     error
	)
	if opts.Scheme != "" {
		if oldSet, oldFile, oldSHA, err = loadScheme(opts.Scheme); err != nil {
			return err
		}
		oldSrc, _ = examples.Rules(opts.Scheme)
	} else {
		if oldSet, oldSHA, err = loadRules(opts.Old); err != nil {
			return err
		}
		oldFile = opts.Old
		oldSrc, _ = os.ReadFile(opts.Old)
	}
	var newSet *rules.Set
	newFile, newSHA, newName := opts.New, "", opts.New
	if len(opts.Params) > 0 {
		src := oldSrc
		for _, p := range opts.Params {
			name, value, _ := strings.Cut(p, "=")
			if src, err = rules.SetParam(oldFile, src, strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
				return &run.InputError{Problems: []string{err.Error()}}
			}
		}
		if newSet, err = rules.Parse(oldFile, src); err != nil {
			return err
		}
		sum := sha256.Sum256(src)
		newFile, newSHA = oldFile, hex.EncodeToString(sum[:])
		newName = oldFile + " with " + strings.Join(opts.Params, ", ")
	} else if newSet, newSHA, err = loadRules(opts.New); err != nil {
		return err
	}
	oldSc, err := scoring.Compile(oldSet)
	if err != nil {
		return err
	}
	newSc, err := scoring.Compile(newSet)
	if err != nil {
		return err
	}
	lang := opts.io.reportLang(oldSet)
	say := scoring.Words(msg.Words(lang))
	// In the rule file's own language, the figures are headed as its
	// scored workbook heads them.
	local := oldSet.Local.Lang == string(lang)
	ctx, caught, stop := watchSignals()
	defer stop()
	rep, err := run.Diff(run.DiffOptions{
		Context: ctx,
		Input:   opts.Input, Sheet: opts.Sheet,
		Old:      run.Rules{Scorer: oldSc, File: oldFile, SHA256: oldSHA},
		New:      run.Rules{Scorer: newSc, File: newFile, SHA256: newSHA},
		Group:    opts.Group,
		Output:   opts.Output,
		Stdout:   opts.io.Out,
		Format:   opts.Format,
		Version:  appVersion(),
		Period:   opts.period,
		History:  opts.History,
		Password: opts.Password,
		Encoding: opts.Encoding,
		Words:    say,
		Local:    local,
	})
	if err != nil {
		if s := caught(); s != nil {
			return &interrupted{sig: s}
		}
		return err
	}
	if opts.Quiet {
		return nil
	}
	dest := opts.Output
	if dest == "-" {
		dest = "standard output"
	}
	fmt.Fprintf(opts.io.Err, "appraise: compared %s and %s on %s: wrote %s\n", oldFile, newName, opts.Input, dest)
	// The report speaks the rules' language, as explain does.
	fmt.Fprint(opts.io.Err, rep.TextIn(say, local, 5))
	return nil
}
