package main

import (
	"fmt"
	"os"
	"path/filepath"

	"appraise/examples"
	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/spf13/cobra"
)

// verifyOptions is everything `appraise verify` needs.
type verifyOptions struct {
	io       *streams
	Scored   string
	Input    string
	Rules    string
	Password string
	Quiet    bool
}

func newCmdVerify(io *streams, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{io: io}
	cmd := &cobra.Command{
		Use:   "verify <scored.xlsx> [--input <workbook>] [--rules <rules.yaml>] [flags]",
		Short: "Score a workbook again and check that every figure is as recorded",
		Long: `Read the audit sheet of a workbook that appraise score wrote, score again
the input it records with the rules, period and history files it records,
and compare every cell of the results. --input and --rules check the
results against other files, such as a copy of the input.

Each input whose SHA-256 is not the one recorded is listed, then each
figure that differs: the person, the column, the cell, the figure
recorded and the figure now. The exit code is 0 when every figure is the
same and 1 when one is not.`,
		Example: `  $ appraise verify march.scored.xlsx
  $ appraise verify march.scored.xlsx --input archive/march.xlsx --rules archive/rules.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef(cmd, "verify takes one scored workbook, not %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeWorkbook,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scored = args[0]
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Input, "input", "", "the input `workbook` to score again (default: the one the audit records)")
	f.StringVar(&opts.Rules, "rules", "", "the rule `file` to score with (default: the one the audit records)")
	f.StringVar(&opts.Password, "password", "", "the `password` of an input saved with one")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing when every figure is the same")
	return cmd
}

// notVerified says that scoring again did not give the figures recorded.
type notVerified struct {
	scored string
	n      int
}

func (e *notVerified) Error() string {
	return fmt.Sprintf("%s does not verify: %s", e.scored, plural(e.n, "figure")+" differ")
}

func verifyRun(opts *verifyOptions) error {
	v, err := run.Verify(run.VerifyOptions{
		Scored: opts.Scored, Input: opts.Input, Rules: opts.Rules,
		Load: loadForVerify, Password: opts.Password, Version: appVersion(),
	})
	if err != nil {
		return err
	}
	w := opts.io.Out
	for _, c := range v.Changed {
		fmt.Fprintf(w, "changed: %s %s\n", c.What, c.File)
		fmt.Fprintf(w, "  sha256 recorded %s\n", orNone(c.Recorded, "(none)"))
		fmt.Fprintf(w, "  sha256 now      %s\n", orNone(c.Now, "(not read)"))
	}
	for _, d := range v.Differences {
		fmt.Fprintf(w, "differs: %s, %s (%s): recorded %s, now %s\n", d.Person, d.Column, d.Ref, orNone(d.Recorded, "blank"), orNone(d.Now, "blank"))
	}
	if !v.Same() {
		return &notVerified{scored: opts.Scored, n: len(v.Differences)}
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.io.Err, "appraise: %s verified: %s scored again from %s, every figure the same\n",
			opts.Scored, plural(v.Rows, "row"), filepath.Base(v.Input))
	}
	return nil
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// loadForVerify loads the rule file at path or, when no such file is on
// disk and it is the built-in scheme's, the scheme.
func loadForVerify(path, scheme string) (*scoring.Scorer, string, error) {
	var (
		set *rules.Set
		sha string
		err error
	)
	if _, serr := os.Stat(path); serr != nil && scheme != "" && path == examples.RulesFile(scheme) {
		set, _, sha, err = loadScheme(scheme)
	} else {
		set, sha, err = loadRules(path)
	}
	if err != nil {
		return nil, "", err
	}
	sc, err := scoring.Compile(set)
	return sc, sha, err
}
