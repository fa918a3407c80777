package run

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"appraise/rules"
	"appraise/scoring"
	"appraise/whatif"
	"appraise/workbook"
)

// Rules is one compiled rule file, as a run names it.
type Rules struct {
	Scorer *scoring.Scorer
	File   string // the rule file's path, or the built-in scheme's name
	SHA256 string // of its text, hex
}

// DiffOptions says which workbook to score both ways and where the
// comparison goes.
type DiffOptions struct {
	Input    string
	Sheet    string
	Old, New Rules
	// Group is the column people are grouped by for the cost per group;
	// "" for the one the rules rank within, if any.
	Group    string
	Output   string // the destination path, or "-" for Stdout
	Stdout   io.Writer
	Format   string // "xlsx" or "json"
	Version  string
	Now      func() time.Time
	Period   scoring.Period
	History  []string
	Password string
	Encoding string // of a CSV input
	// Context stops the scoring when it is done: nothing is written.
	Context context.Context
	// Words say the workbook's sheets, headers and items; nil is
	// English.
	Words scoring.Words
	// Local heads the figures as the scored workbook does, in the rule
	// file's language, rather than with the labels JSON uses.
	Local bool
}

// DefaultDiffOutput is where a comparison goes when no output is named:
// beside the input, "march.xlsx" giving "march.diff.xlsx".
func DefaultDiffOutput(input, format string) string {
	return strings.TrimSuffix(input, filepath.Ext(input)) + ".diff." + format
}

// Diff scores opts.Input with the old rules and with the new, compares
// the two and writes the comparison. Nothing is written unless both
// scorings pass every check.
func Diff(opts DiffOptions) (*whatif.Report, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if SameFile(opts.Input, opts.Output) {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: the output would overwrite the input workbook: choose another output with -o", opts.Output)}}
	}
	group := opts.Group
	if group == "" {
		group = rankedWithin(opts.Old.Scorer.Rules())
	}
	before, sum, err := scoreAll(opts, opts.Old, group)
	if err != nil {
		return nil, err
	}
	after, _, err := scoreAll(opts, opts.New, group)
	if err != nil {
		return nil, err
	}
	rep := whatif.Compare(before, after, group)
	sha, err := FileSHA256(opts.Input)
	if err != nil {
		return nil, inputError(err)
	}
	meta := whatif.Meta{
		OldFile: opts.Old.File, OldSHA256: opts.Old.SHA256,
		NewFile: opts.New.File, NewSHA256: opts.New.SHA256,
		Input: opts.Input, Sheet: sum.Sheet, InputSHA256: sha,
		Period: sum.Period, Version: opts.Version,
	}
	if opts.Output != "-" {
		if err := os.MkdirAll(filepath.Dir(opts.Output), 0o755); err != nil {
			return nil, &InputError{Problems: []string{fmt.Sprintf("%s: cannot make its folder: %v", opts.Output, unwrapPath(err))}}
		}
	}
	if opts.Format == "json" {
		return rep, writeDiffJSON(opts, rep, meta)
	}
	return rep, writeDiffXLSX(opts, rep, meta)
}

// rankedWithin is the column the rules rank people within, such as a
// department, or "".
func rankedWithin(set *rules.Set) string {
	for _, r := range set.Ranks {
		if r.Within != "" {
			return r.Within
		}
	}
	return ""
}

// scoreAll scores the workbook with one rule file and keeps every
// person's figures.
func scoreAll(opts DiffOptions, r Rules, group string) (*whatif.Scored, Summary, error) {
	set := r.Scorer.Rules()
	at := -1
	if group != "" {
		for i, c := range set.Columns {
			if c.Name == group {
				at = i
			}
		}
		if at < 0 {
			return nil, Summary{}, &InputError{Problems: []string{fmt.Sprintf("%s: no column %s to group by", set.File, group)}}
		}
	}
	s := &whatif.Scored{Set: set, Columns: whatif.Columns(set)}
	sum, err := Each(Options{
		Input: opts.Input, Sheet: opts.Sheet, Scorer: r.Scorer,
		RulesFile: r.File, RulesHash: r.SHA256, Version: opts.Version, Now: opts.Now,
		Period: opts.Period, History: opts.History, Password: opts.Password, Encoding: opts.Encoding, Context: opts.Context,
	}, func(row workbook.Row, res *scoring.Result) error {
		s.People = append(s.People, whatif.Take(set, res, row.Num, at))
		return nil
	})
	return s, sum, err
}

func writeDiffJSON(opts DiffOptions, rep *whatif.Report, meta whatif.Meta) error {
	doc, err := rep.JSON(meta)
	if err != nil {
		return err
	}
	f, err := createText(opts.Output, opts.Stdout)
	if err != nil {
		return err
	}
	if _, err := f.w.Write(doc); err != nil {
		f.abort()
		return err
	}
	if err := f.commit(); err != nil {
		f.abort()
		return err
	}
	return nil
}

// Sheet names of a comparison workbook.
const (
	DiffSummarySheet = "summary"
	DiffPeopleSheet  = "people"
)

func writeDiffXLSX(opts DiffOptions, rep *whatif.Report, meta whatif.Meta) error {
	var w *workbook.Writer
	var err error
	if opts.Output == "-" {
		w, err = workbook.CreateTo(opts.Stdout)
	} else {
		w, err = workbook.Create(opts.Output)
	}
	if err != nil {
		return &InputError{Problems: []string{fmt.Sprintf("%s: cannot write here: %v", opts.Output, unwrapPath(err))}}
	}
	if err := w.Highlight(); err != nil {
		w.Abort()
		return err
	}
	if err := fillDiff(w, rep, meta, opts); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

func text(s string) workbook.Cell {
	if s == "" {
		return workbook.Cell{}
	}
	return workbook.Cell{Kind: workbook.Text, Text: s}
}

func number(s string, f workbook.Format) workbook.Cell {
	return workbook.Cell{Kind: workbook.Number, Text: s, Format: f}
}

// figure is a person's figure as a cell.
func figure(c whatif.Column, v scoring.Value) workbook.Cell {
	switch {
	case v.Kind == scoring.Number && c.Kind == whatif.Pay:
		return number(v.Num.Pad(2).String(), workbook.Money)
	case v.Kind == scoring.Number:
		return number(v.String(), workbook.General)
	}
	return text(v.String())
}

// fillDiff writes the sheets of a comparison: the summary first, then
// every person's figures both ways, largest change first, with the
// figures that changed highlighted, then the audit.
func fillDiff(w *workbook.Writer, rep *whatif.Report, meta whatif.Meta, opts DiffOptions) error {
	say := opts.Words
	words := func(en ...string) []string {
		out := make([]string, len(en))
		for i, e := range en {
			out[i] = say.Say(e)
		}
		return out
	}
	sum, err := w.Sheet(say.Say(DiffSummarySheet), words("item", "old", "new", "change", "old at", "new at"), 28, 14, 14, 14, 20, 20)
	if err != nil {
		return err
	}
	row := func(cells ...workbook.Cell) error { return sum.Row(cells) }
	count := func(n int) workbook.Cell { return number(fmt.Sprint(n), workbook.Integer) }
	if err := row(text(say.Say("people")), count(len(rep.People)), count(len(rep.People))); err != nil {
		return err
	}
	if err := row(text(say.Say("people with a changed figure")), workbook.Cell{}, workbook.Cell{}, count(rep.Changed)); err != nil {
		return err
	}
	if len(rep.OldGrades) > 0 {
		if err := row(text(say.Say("people who change grade")), workbook.Cell{}, workbook.Cell{}, count(rep.Moved)); err != nil {
			return err
		}
		if err := row(); err != nil {
			return err
		}
		head := []workbook.Cell{text(say.Say("grade: old \\ new"))}
		for _, g := range rep.NewGrades {
			head = append(head, text(say.Say(whatif.GradeName(g))))
		}
		if err := row(head...); err != nil {
			return err
		}
		for _, from := range rep.OldGrades {
			cells := []workbook.Cell{text(say.Say(whatif.GradeName(from)))}
			for _, to := range rep.NewGrades {
				c := count(rep.Moves[[2]string{from, to}])
				c.Mark = from != to && rep.Moves[[2]string{from, to}] > 0
				cells = append(cells, c)
			}
			if err := row(cells...); err != nil {
				return err
			}
		}
	}
	if len(rep.Cost) > 0 {
		if err := row(); err != nil {
			return err
		}
		if err := row(text(say.Say("pay line")), text(say.Say("old")), text(say.Say("new")), text(say.Say("change"))); err != nil {
			return err
		}
		costRow := func(name string, c whatif.Cost) error {
			d := number(c.Delta.String(), workbook.Money)
			d.Mark = !c.Delta.IsZero()
			return row(text(name), number(c.Old.String(), workbook.Money), number(c.New.String(), workbook.Money), d)
		}
		for _, c := range rep.Cost {
			if err := costRow(c.Name, c); err != nil {
				return err
			}
		}
		for _, g := range rep.Groups {
			for _, c := range g.Cost {
				if err := costRow(rep.GroupColumn+" "+g.Group+": "+c.Name, c); err != nil {
					return err
				}
			}
		}
	}
	if err := row(); err != nil {
		return err
	}
	if err := row(text(say.Say("rule")), text(say.Say("old")), text(say.Say("new")), workbook.Cell{}, text(say.Say("old at")), text(say.Say("new at"))); err != nil {
		return err
	}
	if len(rep.Rules) == 0 {
		if err := row(text(say.Say("(the same)"))); err != nil {
			return err
		}
	}
	for _, c := range rep.Rules {
		if err := row(text(c.Item), text(c.Old), text(c.New), workbook.Cell{}, text(whereOr(c.OldAt)), text(whereOr(c.NewAt))); err != nil {
			return err
		}
	}

	// The people: key, row, group, then each figure old, new and change.
	keys := rep.KeyNames()
	header := append([]string{}, keys...)
	header = append(header, say.Say("row"))
	if rep.GroupColumn != "" {
		header = append(header, rep.GroupColumn)
	}
	for _, c := range rep.Columns {
		h := c.Header
		if opts.Local {
			h = c.Local
		}
		header = append(header, say.Say("{col} old", h), say.Say("{col} new", h))
		if c.Kind != whatif.Grade {
			header = append(header, say.Say("{col} change", h))
		}
	}
	people, err := w.Sheet(say.Say(DiffPeopleSheet), header)
	if err != nil {
		return err
	}
	for i := range rep.People {
		p := &rep.People[i]
		var cells []workbook.Cell
		for k := range keys {
			v := ""
			if k < len(p.Key) {
				v = p.Key[k]
			}
			cells = append(cells, text(v))
		}
		cells = append(cells, number(fmt.Sprint(p.Row), workbook.Integer))
		if rep.GroupColumn != "" {
			cells = append(cells, text(p.Group))
		}
		for j, c := range rep.Columns {
			o, n := figure(c, p.Old[j]), figure(c, p.New[j])
			n.Mark = p.Changed[j]
			cells = append(cells, o, n)
			if c.Kind == whatif.Grade {
				continue
			}
			d := workbook.Cell{}
			if delta, ok := p.Delta(j); ok {
				if c.Kind == whatif.Pay {
					d = number(delta.Pad(2).String(), workbook.Money)
				} else {
					d = number(delta.Trim(0).String(), workbook.General)
				}
				d.Mark = p.Changed[j]
			}
			cells = append(cells, d)
		}
		if err := people.Row(cells); err != nil {
			return err
		}
	}

	// The audit's items keep their English names, as a scored workbook's
	// do.
	audit, err := w.Sheet(say.Say(AuditSheet), words("item", "value"), 18, 60)
	if err != nil {
		return err
	}
	items := [][2]string{
		{"old rules file", absOr(meta.OldFile)},
		{"old rules sha256", meta.OldSHA256},
		{"new rules file", absOr(meta.NewFile)},
		{"new rules sha256", meta.NewSHA256},
		{"input file", absOr(meta.Input)},
		{AuditInputSHA, meta.InputSHA256},
		{"sheet", meta.Sheet},
		{"period", meta.Period},
		{"compared at", opts.Now().UTC().Format("2006-01-02T15:04:05Z")},
		{"appraise version", meta.Version},
	}
	for _, it := range items {
		if it[1] == "" {
			continue
		}
		if err := audit.Row([]workbook.Cell{text(it[0]), text(it[1])}); err != nil {
			return err
		}
	}
	return nil
}

func whereOr(p rules.Pos) string {
	if p.Line == 0 {
		return ""
	}
	return whatif.Where(p)
}

// absOr is path made absolute when it is a file on disk; a built-in
// scheme's rules are named as they are.
func absOr(p string) string {
	if _, err := os.Stat(p); err != nil {
		return p
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
