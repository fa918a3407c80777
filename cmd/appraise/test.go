package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"appraise/rules"
	"appraise/run"
	"appraise/scoring"

	"github.com/spf13/cobra"
)

// testOptions is everything `appraise test` needs.
type testOptions struct {
	io    *streams
	Files []string
}

func newCmdTest(io *streams, runF func(*testOptions) error) *cobra.Command {
	opts := &testOptions{io: io}
	cmd := &cobra.Command{
		Use:   "test <rules>...",
		Short: "Run the test cases of rule files",
		Long: `Run the test cases of each rule file, like unit tests: score each case's
inputs and compare the results with what the case expects.

The cases are listed under cases: in the rule file, or in a file beside
it named like it with .cases before the extension (rules.cases.yaml for
rules.yaml), or both. Each failing case is shown with what differs; a
rule file without cases counts as failing, so that a misnamed cases file
is not mistaken for a pass. The exit code is 0 when every case passes
and 1 otherwise.`,
		Example: `  $ appraise test rules.yaml
  $ appraise test examples/*/rules.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd, "test needs one or more rule files")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return testRun(opts)
		},
	}
	return cmd
}

// casesFile is where the cases of a rule file may sit beside it:
// rules.yaml gives rules.cases.yaml.
func casesFile(rulesFile string) string {
	ext := filepath.Ext(rulesFile)
	if ext == "" {
		return rulesFile + ".cases.yaml"
	}
	return strings.TrimSuffix(rulesFile, ext) + ".cases" + ext
}

func testRun(opts *testOptions) error {
	out := opts.io.Out
	var problems []string
	total, failed, bad := 0, 0, 0
	for _, file := range opts.Files {
		cases, sc, err := loadCases(file)
		if err != nil {
			lines, ok := errorLines(err)
			if !ok {
				return err
			}
			problems = append(problems, lines...)
			fmt.Fprintf(out, "FAIL %s  not run: see the errors\n", file)
			bad++
			continue
		}
		if len(cases) == 0 {
			fmt.Fprintf(out, "FAIL %s  no cases: add cases: to it, or write %s\n", file, casesFile(file))
			bad++
			continue
		}
		// Every input is bound before any case runs, so that all problems
		// show at once and no result depends on a half-read file.
		recs := make([][]scoring.Value, len(cases))
		var errs rules.ErrorList
		for i, c := range cases {
			rec, e := sc.BindCase(c)
			recs[i] = rec
			errs = append(errs, e...)
		}
		if len(errs) > 0 {
			errs.Sort()
			lines, _ := errorLines(errs)
			problems = append(problems, lines...)
			fmt.Fprintf(out, "FAIL %s  not run: see the errors\n", file)
			bad++
			continue
		}
		r := sc.NewResult()
		n := 0
		for i, c := range cases {
			diffs := sc.CheckCase(c, recs[i], r)
			if len(diffs) == 0 {
				continue
			}
			n++
			fmt.Fprintf(out, "--- FAIL: %s (%s)\n", c.Name, c.Pos)
			for _, d := range diffs {
				fmt.Fprintln(out, "    "+d)
			}
		}
		total += len(cases)
		failed += n
		if n > 0 {
			fmt.Fprintf(out, "FAIL %s  %s, %d failed\n", file, plural(len(cases), "case"), n)
		} else {
			fmt.Fprintf(out, "ok   %s  %s\n", file, plural(len(cases), "case"))
		}
	}
	if len(problems) == 0 && failed == 0 && bad == 0 {
		return nil
	}
	var status []string
	if failed > 0 {
		status = append(status, fmt.Sprintf("%d of %s failed", failed, plural(total, "case")))
	}
	if bad > 0 {
		status = append(status, fmt.Sprintf("%d of %s not tested", bad, plural(len(opts.Files), "rule file")))
	}
	problems = append(problems, "appraise: "+strings.Join(status, "; "))
	return &run.InputError{Problems: problems}
}

// loadCases reads a rule file and its cases, from the file itself and
// from the cases file beside it, and compiles the rules.
func loadCases(file string) ([]*rules.Case, *scoring.Scorer, error) {
	set, _, err := loadRules(file)
	if err != nil {
		return nil, nil, err
	}
	cases := set.Cases
	side := casesFile(file)
	src, err := os.ReadFile(side)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		msg := err.Error()
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, nil, &run.InputError{Problems: []string{side + ": " + msg}}
	default:
		more, err := rules.ParseCases(set, side, src)
		if err != nil {
			return nil, nil, err
		}
		cases = append(cases, more...)
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		return nil, nil, err
	}
	return cases, sc, nil
}

// errorLines renders a problem with the rules or the input as the lines
// report prints; ok is false for any other error, a fault of the program
// or the system.
func errorLines(err error) (lines []string, ok bool) {
	var list rules.ErrorList
	var input *run.InputError
	switch {
	case errors.As(err, &list):
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Error()
		}
		return lines, true
	case errors.As(err, &input):
		return input.Problems, true
	}
	return nil, false
}
