package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"appraise/msg"
	"appraise/rules"
	"appraise/run"

	"github.com/spf13/cobra"
)

// validateOptions is everything `appraise validate` needs.
type validateOptions struct {
	io       *streams
	Files    []string
	Strict   bool
	Format   string
	ReadFile func(name string) ([]byte, error)
}

func newCmdValidate(io *streams, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{io: io, ReadFile: os.ReadFile}
	cmd := &cobra.Command{
		Use:   "validate <rules.yaml>... [flags]",
		Short: "Check rule files and report every problem in them",
		Long: `Check one or more rule files without scoring anything, and report every
problem in every file at once: one line each, as file:line:col: message,
sometimes followed by a hint, sorted by file and position.

Errors stop a rule file from being used: unknown names and fields, wrong
types, formulas that do not parse, bands with gaps or overlaps, points
above a metric's max. Warnings do not, but point at something the rules
leave unsaid, such as a division that can hit zero with no if_missing to
say what then; they are marked "warning:".

The problems go to standard output, a summary to standard error. The exit
code is 0 when no file has an error (warnings allowed; with --strict,
none either), 1 otherwise.`,
		Example: `  $ appraise validate rules.yaml
  $ appraise validate rules/*.yaml --strict
  $ appraise validate rules.yaml --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd, "validate takes one or more rule files")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			switch opts.Format {
			case "text", "json":
			default:
				return usagef(cmd, "--format must be text or json, not %q", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Strict, "strict", false, "count warnings as errors")
	f.StringVar(&opts.Format, "format", "text", "the output `format`: text or json")
	return cmd
}

// fileCount is how many problems of each kind one file has.
type fileCount struct {
	File     string `json:"file"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

func validateRun(opts *validateOptions) error {
	var files []string
	seen := map[string]bool{}
	for _, f := range opts.Files {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	sort.Strings(files)
	var all rules.ErrorList
	for _, f := range files {
		problems, err := check(f, opts.ReadFile)
		if err != nil {
			return err
		}
		all = append(all, problems...)
	}
	all.Sort()

	counts := make([]fileCount, len(files))
	byFile := map[string]*fileCount{}
	for i, f := range files {
		counts[i].File = f
		byFile[f] = &counts[i]
	}
	var errs, warns, withProblems int
	for _, e := range all {
		c := byFile[e.Pos.File]
		if c.Errors+c.Warnings == 0 {
			withProblems++
		}
		if e.Warning {
			c.Warnings++
			warns++
		} else {
			c.Errors++
			errs++
		}
	}

	if opts.Format == "json" {
		if err := writeValidateJSON(opts, counts, all); err != nil {
			return err
		}
	} else {
		for _, e := range all {
			fmt.Fprintln(opts.io.Out, msg.SayAll(opts.io.Lang, e.Error()))
		}
	}

	summary := "appraise: "
	switch {
	case errs+warns == 0 && len(files) == 1:
		summary += files[0] + ": no problems"
	case errs+warns == 0:
		summary += fmt.Sprintf("%d files, no problems", len(files))
	case len(files) == 1:
		summary += files[0] + ": " + countProblems(errs, warns)
	case withProblems == len(files):
		summary += fmt.Sprintf("%s in %d files", countProblems(errs, warns), len(files))
	default:
		summary += fmt.Sprintf("%s in %d of %d files", countProblems(errs, warns), withProblems, len(files))
	}
	if opts.Strict && warns > 0 {
		summary += "; --strict counts warnings as errors"
	}
	if errs > 0 || opts.Strict && warns > 0 {
		// Reported as bad input: the summary on standard error, exit 1.
		return &run.InputError{Problems: []string{summary}}
	}
	fmt.Fprintln(opts.io.Err, summary)
	return nil
}

// check reads and parses one rule file and returns its problems. A file
// that cannot be read is a problem of that file.
func check(file string, read func(string) ([]byte, error)) (rules.ErrorList, error) {
	src, err := read(file)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file"
		} else if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return rules.ErrorList{{Pos: rules.Pos{File: file}, Msg: msg}}, nil
	}
	set, err := rules.Parse(file, src)
	if err != nil {
		var list rules.ErrorList
		if !errors.As(err, &list) {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return list, nil
	}
	// Results tables read other rule files, which must check out too
	// and must not read these rules' results in turn.
	_, chain := rules.Chain(set, func(path string) ([]byte, error) {
		b, err := read(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("no such file")
		}
		return b, err
	})
	problems := set.Warnings
	others := map[string]int{}
	for _, e := range chain {
		if e.Pos.File == file {
			problems = append(problems, e)
		} else if !e.Warning {
			others[e.Pos.File]++
		}
	}
	// A problem of a rule file these rules read is that file's: it is
	// named here at the table that reads it.
	for _, t := range set.Tables {
		if t.Results == "" {
			continue
		}
		path := rules.ResultsPath(file, t.Results)
		if n := others[path]; n > 0 {
			problems = append(problems, &rules.Error{Pos: t.ResultsPos,
				Msg: fmt.Sprintf("table %s: the rule file %s has %s: run appraise validate %s", t.Name, path, plural(n, "error"), path)})
			delete(others, path)
		}
	}
	return problems, nil
}

// countProblems says "2 errors and 1 warning", leaving out a kind there
// are none of.
func countProblems(errs, warns int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	return strings.Join(parts, " and ")
}

// validateProblem is one problem in the JSON report. Line, Col and Hint
// are null when not known or not given.
type validateProblem struct {
	File     string  `json:"file"`
	Line     *int    `json:"line"`
	Col      *int    `json:"col"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Hint     *string `json:"hint"`
}

func writeValidateJSON(opts *validateOptions, counts []fileCount, all rules.ErrorList) error {
	report := struct {
		Files    []fileCount       `json:"files"`
		Problems []validateProblem `json:"problems"`
	}{Files: counts, Problems: []validateProblem{}}
	for _, e := range all {
		p := validateProblem{File: e.Pos.File, Severity: "error", Message: e.Msg}
		if e.Warning {
			p.Severity = "warning"
		}
		if e.Pos.Line != 0 {
			line := e.Pos.Line
			p.Line = &line
		}
		if e.Pos.Col != 0 {
			col := e.Pos.Col
			p.Col = &col
		}
		if e.Hint != "" {
			hint := e.Hint
			p.Hint = &hint
		}
		report.Problems = append(report.Problems, p)
	}
	enc := json.NewEncoder(opts.io.Out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(report)
}
