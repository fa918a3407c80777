package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"appraise/examples"
	"appraise/rules"
	"appraise/run"
	"appraise/workbook"

	"github.com/spf13/cobra"
)

// templateOptions is everything `appraise template` needs.
type templateOptions struct {
	io     *streams
	Rules  string // the rule file, or "" with Scheme
	Scheme string // a built-in scheme
	Output string
	Force  bool
	Quiet  bool
}

func newCmdTemplate(io *streams, runF func(*templateOptions) error) *cobra.Command {
	opts := &templateOptions{io: io}
	cmd := &cobra.Command{
		Use:   "template {<rules.yaml> | --scheme <name>} [flags]",
		Short: "Write a blank workbook to fill in for a rule file",
		Long: `Write the input workbook a rule file reads, ready to fill in: a sheet
named as the rules' sheet, the rules' title in row 1 and the column
headers in row 2, in the order of the rule file.

Each header carries a note that says what the column holds, its allowed
range, what a blank cell means, the other headers accepted for it and which
metrics, flags and pay lines use it. The cells under the headers refuse
entries the rules would refuse: text in a number column, a number outside
its min and max, a text not among a column's values.

The workbook is written to <name>.template.xlsx beside the rule file, or
<scheme>.template.xlsx for --scheme. An existing file is never replaced
unless --force is given, so a filled-in workbook cannot be lost.`,
		Example: `  $ appraise template rules.yaml
  $ appraise template cs-rules.yaml -o 三月/考核表.xlsx
  $ appraise template --scheme ecommerce-cs -o march.xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef(cmd, "template takes one rule file, not %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeRuleFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 1 && opts.Scheme != "":
				return usagef(cmd, "give a rule file or --scheme, not both")
			case len(args) == 1:
				opts.Rules = args[0]
			case opts.Scheme == "":
				return usagef(cmd, "template needs a rule file, or --scheme with a built-in scheme")
			}
			if opts.Output == "" {
				opts.Output = defaultTemplateOutput(opts.Rules, opts.Scheme)
			}
			if opts.Rules != "" && run.SameFile(opts.Rules, opts.Output) {
				return usagef(cmd, "-o %s is the rule file", opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return templateRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Scheme, "scheme", "", "use the rules of a built-in `scheme` (see appraise schemes)")
	f.StringVarP(&opts.Output, "output", "o", "", "the `path` to write, - for standard output (default: <name>.template.xlsx beside the rule file)")
	f.BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on success")
	_ = cmd.RegisterFlagCompletionFunc("scheme", completeScheme)
	return cmd
}

// defaultTemplateOutput is rules.yaml -> rules.template.xlsx beside it, or
// <scheme>.template.xlsx in the current folder.
func defaultTemplateOutput(rulesPath, scheme string) string {
	if rulesPath == "" {
		return scheme + ".template.xlsx"
	}
	return strings.TrimSuffix(rulesPath, filepath.Ext(rulesPath)) + ".template.xlsx"
}

func templateRun(opts *templateOptions) error {
	var set *rules.Set
	var err error
	if opts.Scheme != "" {
		set, _, _, err = loadScheme(opts.Scheme)
	} else {
		set, _, err = loadRules(opts.Rules)
	}
	if err != nil {
		return err
	}
	read := os.ReadFile
	if opts.Scheme != "" {
		read = func(name string) ([]byte, error) { return fs.ReadFile(examples.FS(), name) }
	}
	tpl := templateFor(set)
	if err := addResultSheets(tpl, set, read); err != nil {
		return err
	}
	if opts.Output == "-" {
		return workbook.WriteTemplate(opts.io.Out, tpl)
	}
	if err := saveTemplate(opts.Output, tpl, opts.Force); err != nil {
		return err
	}
	if !opts.Quiet {
		sheet := "sheet " + tpl.Sheet + ", "
		if workbook.IsCSV(opts.Output) {
			sheet = "" // a CSV file has one, named after the file
		}
		fmt.Fprintf(opts.io.Err, "appraise: wrote %s: %s%s, headers in row %d\n",
			opts.Output, sheet, plural(len(tpl.Columns), "column"), tpl.HeaderRow())
		for _, m := range tpl.More {
			fmt.Fprintf(opts.io.Err, "appraise: and sheet %s, %s, headers in row %d\n", m.Sheet, plural(len(m.Columns), "column"), m.HeaderRow())
		}
	}
	return nil
}

// saveTemplate writes tpl at path, making its folder if need be; an
// existing file is a problem with the input unless replace is true.
func saveTemplate(path string, tpl *workbook.Template, replace bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &run.InputError{Problems: []string{fmt.Sprintf("%s: cannot make its folder: %v", path, pathCause(err))}}
	}
	err := workbook.SaveTemplate(path, tpl, replace)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return &run.InputError{Problems: []string{
			fmt.Sprintf("appraise: %s already exists", path),
			"    hint: name another file with -o, or replace it with --force",
		}}
	}
	return &run.InputError{Problems: []string{err.Error()}}
}

// pathCause drops the path and operation from a file system error, which
// the message already names.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// templateFor describes the input workbook of set: its sheet, title and
// columns, each with a note and the check that mirrors the rules'.
func templateFor(set *rules.Set) *workbook.Template {
	t := &workbook.Template{Sheet: set.Sheet, Title: set.Title}
	if t.Sheet == "" {
		t.Sheet = set.Scheme
	}
	if t.Sheet == "" {
		t.Sheet = "Sheet1"
	}
	// A ledger's sheet holds its rows' columns, not the person's figures.
	cols, of := set.Columns, set
	if set.Ledger != nil {
		cols, of = set.Ledger.Rows.Columns, set.Ledger.Rows
	}
	t.More = tableTemplates(set)
	users := columnUsers(of)
	for _, c := range cols {
		holds, check := columnCheck(c)
		lines := []string{holds}
		if c.Key {
			lines = append(lines, "identifies the person")
		}
		if set.Ledger != nil && c.Name == set.Ledger.By {
			lines = append(lines, "names the person: each person's rows are added up")
		}
		switch {
		case c.Blank != nil:
			lines = append(lines, "a blank cell means "+show(c.Blank.Value))
		case c.BlankText != nil:
			lines = append(lines, "a blank cell means "+*c.BlankText)
		case c.BlankNone:
			lines = append(lines, "may be blank: no value, which mean() leaves out")
		case !c.Text || c.Values != nil:
			lines = append(lines, "may not be blank")
		default:
			lines = append(lines, "may be blank")
		}
		if c.Optional {
			lines = append(lines, "optional: the sheet may leave this column out")
		}
		if c.Name != c.Header {
			lines = append(lines, "called "+c.Name+" in the rules")
		}
		if len(c.Aliases) > 0 {
			lines = append(lines, "also accepted as the header: "+strings.Join(c.Aliases, ", "))
		}
		if u := visible(users[c.Name]); len(u) > 0 {
			lines = append(lines, "used by "+strings.Join(u, ", "))
		} else if !c.Key {
			lines = append(lines, "used by no rule: shown in the results only")
		}
		t.Columns = append(t.Columns, workbook.TemplateColumn{
			Header: c.Header,
			Note:   strings.Join(lines, "\n"),
			Text:   c.Text,
			Date:   c.Date,
			Check:  check,
		})
	}
	return t
}

// tableTemplates describes the sheets of the scored workbook that the
// rules' tables read: each table without a workbook or rules of its own,
// its keys first.
func tableTemplates(set *rules.Set) []*workbook.Template {
	var out []*workbook.Template
	for _, t := range set.Tables {
		if t.File != "" || t.Results != "" {
			continue
		}
		sheet := t.Sheet
		if sheet == "" {
			sheet = t.Name
		}
		tpl := &workbook.Template{Sheet: sheet}
		for k, c := range append(append([]*rules.Column{}, t.Keys...), t.Columns...) {
			holds, check := columnCheck(c)
			lines := []string{holds}
			if k < len(t.Keys) {
				lines = append(lines, fmt.Sprintf("a key of table %s: %s together find the row, once each", t.Name, strings.Join(t.KeyNames(), ", ")), "may not be blank")
				check.Blank = false
			} else {
				switch {
				case c.Blank != nil:
					lines = append(lines, "a blank cell means "+show(c.Blank.Value))
				case c.BlankNone:
					lines = append(lines, "may be blank: no value")
				case !c.Text || c.Values != nil:
					lines = append(lines, "may not be blank")
				}
				switch {
				case c.DefaultText != nil:
					lines = append(lines, "a row left out gives "+*c.DefaultText)
				case c.Default != nil:
					lines = append(lines, "a row left out gives "+show(c.Default.Value))
				default:
					lines = append(lines, "a row the rules need may not be left out")
				}
			}
			if c.Name != c.Header {
				lines = append(lines, "called "+c.Name+" in the rules")
			}
			if len(c.Aliases) > 0 {
				lines = append(lines, "also accepted as the header: "+strings.Join(c.Aliases, ", "))
			}
			tpl.Columns = append(tpl.Columns, workbook.TemplateColumn{Header: c.Header, Note: strings.Join(lines, "\n"), Text: c.Text, Check: check})
		}
		out = append(out, tpl)
	}
	return out
}

// columnCheck says in words what column c holds, and gives the check on
// its cells that refuses what the rules refuse.
func columnCheck(c *rules.Column) (string, workbook.Check) {
	ch := workbook.Check{Blank: c.Blank != nil || c.BlankText != nil || c.BlankNone || c.Text && c.Values == nil}
	var holds string
	switch {
	case c.Values != nil:
		holds = "one of " + strings.Join(c.Values, ", ")
		ch.Values = c.Values
	case c.Text:
		return "text", ch
	case c.Date:
		// Dates typed as text (2025年3月1日) are read too, so the cells
		// are not limited to Excel's dates.
		return "a date, such as 2025-03-01, 2025/3/1, 2025年3月1日 or 20250301", ch
	default:
		ch.Number = true
		holds = "a number"
		if c.Min != nil {
			ch.Min = show(c.Min.Value)
		}
		if c.Max != nil {
			ch.Max = show(c.Max.Value)
		}
		switch {
		case c.Min != nil && c.Max != nil:
			holds = fmt.Sprintf("a number from %s to %s", ch.Min, ch.Max)
		case c.Min != nil:
			holds = fmt.Sprintf("a number, %s or more", ch.Min)
		case c.Max != nil:
			holds = fmt.Sprintf("a number, %s or less", ch.Max)
		}
	}
	ch.Message = holds
	return holds, ch
}

// columnUsers lists, for each column name, the metrics, flags, pay lines
// and total whose formulas read it, in the order of the rule file.
func columnUsers(set *rules.Set) map[string][]string {
	users := map[string][]string{}
	add := func(what string, fs ...*rules.Formula) {
		seen := map[string]bool{}
		for _, f := range fs {
			if f == nil {
				continue
			}
			rules.Refs(f.Expr, func(r *rules.Ref) {
				if !seen[r.Name] {
					seen[r.Name] = true
					users[r.Name] = append(users[r.Name], what)
				}
			})
		}
	}
	for _, m := range set.Metrics {
		add("metric "+m.Name, m.Value, m.Points, m.Target)
	}
	add(set.Labels.Total, set.Total.Formula)
	for _, f := range set.Flags {
		add("flag "+f.Name, f.When)
	}
	for _, p := range set.Pay {
		add("pay "+p.Name, p.Formula)
	}
	for _, r := range set.Ranks {
		add("rank "+r.Name, r.Of)
	}
	return users
}

// visible leaves out the hidden figures a ledger's aggregates are made
// of, which the rule file does not name.
func visible(users []string) []string {
	var out []string
	for _, u := range users {
		if !strings.Contains(u, "__of_") && !strings.Contains(u, "__when_") {
			out = append(out, u)
		}
	}
	return out
}

// addResultSheets adds to tpl the sheet of each rule file whose results
// the tables of set read from the same workbook, and the sheets those
// rules read in turn, so that the one template holds every sheet a score
// reads. A sheet is added once, however many rule files read it. read
// gives a rule file's text by its path.
func addResultSheets(tpl *workbook.Template, set *rules.Set, read func(string) ([]byte, error)) error {
	seen := map[string]bool{set.File: true}
	var visit func(set *rules.Set) error
	visit = func(set *rules.Set) error {
		for _, t := range set.Tables {
			if t.Results == "" || t.File != "" {
				continue
			}
			path := rules.ResultsPath(set.File, t.Results)
			if seen[path] {
				continue
			}
			seen[path] = true
			src, err := read(path)
			if err != nil {
				return &run.InputError{Problems: []string{fmt.Sprintf("%s: table %s: cannot read the rule file %s: %v", t.ResultsPos, t.Name, path, pathCause(err))}}
			}
			other, err := rules.Parse(path, src)
			if err != nil {
				return err
			}
			o := templateFor(other)
			if t.Sheet != "" {
				// The table names the sheet the other rules score.
				o.Sheet = t.Sheet
			}
			mergeTemplate(tpl, o)
			if err := visit(other); err != nil {
				return err
			}
		}
		return nil
	}
	return visit(set)
}

// mergeTemplate adds to tpl the sheets of o that tpl does not have yet,
// by name.
func mergeTemplate(tpl, o *workbook.Template) {
	have := map[string]bool{workbook.Normalize(tpl.Sheet): true}
	for _, m := range tpl.More {
		have[workbook.Normalize(m.Sheet)] = true
	}
	for _, m := range append([]*workbook.Template{o}, o.More...) {
		if k := workbook.Normalize(m.Sheet); !have[k] {
			have[k] = true
			c := *m
			c.More = nil
			tpl.More = append(tpl.More, &c)
		}
	}
}
