package run

import (
	"fmt"
	"path/filepath"

	"appraise/scoring"
	"appraise/workbook"
)

// findPeriod tells the period of the workbook being scored: the one the
// command line gives, else where the rules' period_from says it is
// written. Where the rules need a period and none can be told, the
// error says how to give it; the period is never guessed.
func findPeriod(opts Options, f cellSource, sheet string) (scoring.Period, error) {
	set := opts.Scorer.Rules()
	kind, isKind := scoring.ParseKind(set.Period)
	example := map[scoring.PeriodKind]string{scoring.Month: "2026-03", scoring.Quarter: "2026-Q1", scoring.Year: "2026", scoring.Week: "2026-W15", scoring.Cycle: "2026-03-26"}[kind]
	if example == "" {
		example = "2026-03"
	}
	if p := opts.Period; !p.IsZero() {
		if isKind && p.Kind != kind && set.Rollup != nil && len(p.Parts(kind)) > 0 {
			return p, &InputError{Problems: []string{fmt.Sprintf("--period %s is a %s, but %s holds a %s: to build the %s from its %ss, give the folder that holds them: appraise score %s --period %s",
				p, p.Kind, f.Name(), kind, p.Kind, kind, filepath.Dir(opts.Input), p)}}
		}
		if isKind && p.Kind != kind {
			return p, &InputError{Problems: []string{fmt.Sprintf("--period %s is a %s, but %s scores a %s: give it as %s", p, p.Kind, set.File, kind, example)}}
		}
		return p, nil
	}
	pf := set.PeriodFrom
	if pf == nil {
		if set.NeedsHistory() {
			return scoring.Period{}, &InputError{Problems: []string{fmt.Sprintf("%s: %s looks back over earlier periods, so the period of this workbook is needed: give it with --period %s, or say in the rules where it is written (period_from)", f.Name(), set.File, example)}}
		}
		return scoring.Period{}, nil
	}
	text, where := filepath.Base(opts.Input), "the file name"
	if pf.Cell != "" {
		s := pf.Sheet
		if s == "" {
			s = sheet
		}
		v, err := f.Cell(s, pf.Cell)
		if err != nil {
			return scoring.Period{}, inputError(err)
		}
		text, where = v, fmt.Sprintf("%s!%s", s, pf.Cell)
	}
	p, ok := scoring.FindPeriod(text, kind, set.CycleStart, pf.Match)
	if !ok {
		what := fmt.Sprintf("%q", text)
		if pf.Pattern != "" {
			what += fmt.Sprintf(": period_from %q does not match", pf.Pattern)
		}
		return p, &InputError{Problems: []string{fmt.Sprintf("%s: no %s in %s, %s; give it with --period %s", f.Name(), kind, where, what, example)}}
	}
	return p, nil
}

// cellSource is where findPeriod reads a cell: the workbook, open.
type cellSource interface {
	Name() string
	Cell(sheet, ref string) (string, error)
}

var _ cellSource = (*workbook.File)(nil)

// readHistory reads the earlier periods' results that the rules look
// back over, from the folders the command line names, else from the
// rules' history: folder (beside the rule file), else from the
// workbook's own folder, where each month's scored results are written
// by default.
func readHistory(opts Options) (*scoring.Past, int, error) {
	past, used, err := readHistoryUsed(opts)
	return past, len(used), err
}

// readHistoryUsed is readHistory that also says which files it read,
// with their SHA-256, for the audit.
func readHistoryUsed(opts Options) (*scoring.Past, []HistoryFile, error) {
	sc := opts.Scorer
	set := sc.Rules()
	dirs := opts.History
	if dirs == nil && set.History != "" {
		dir := set.History
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(opts.RulesFile), dir)
		}
		dirs = []string{dir}
	}
	if len(dirs) == 0 {
		dirs = []string{filepath.Dir(opts.Input)}
	}
	h, err := loadHistory(dirs, sc, opts.Period, opts.Recent)
	if err != nil {
		return nil, nil, err
	}
	past, err := sc.Past(h)
	if err != nil {
		return nil, nil, err
	}
	used, err := historyFiles(h)
	if err != nil {
		return nil, nil, err
	}
	return past, used, nil
}
