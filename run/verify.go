package run

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// VerifyOptions says which scored workbook to check and, when they are
// not the files it records, which input and rules to check it against.
type VerifyOptions struct {
	Scored string // the scored workbook, as appraise score wrote it
	Input  string // the input workbook; "" for the one the audit records
	Rules  string // the rule file; "" for the one the audit records
	// Load reads and compiles a rule file, or a built-in scheme the
	// audit names, giving its SHA-256.
	Load     func(path, scheme string) (*scoring.Scorer, string, error)
	Password string
	Version  string
}

// Verdict is what verifying a scored workbook found.
type Verdict struct {
	Rules, Input string // the files scored again
	Period       string
	Rows         int       // people in the recorded results
	Changed      []Changed // inputs whose SHA-256 is not the one recorded
	Differences  []Difference
}

// Same reports whether scoring again gave every figure as recorded.
func (v *Verdict) Same() bool { return len(v.Differences) == 0 }

// Changed is an input of the run whose SHA-256 differs from the one the
// audit recorded.
type Changed struct {
	What     string // "rules", "input", "history 2026-02"
	File     string
	Recorded string // the SHA-256 recorded, hex; "" when none was
	Now      string // the file's SHA-256 now; "" when it is not read now
}

// Difference is one figure that scoring again gives otherwise.
type Difference struct {
	Person   string // the key cells, as the results show them
	Column   string // the results' header
	Ref      string // the cell in the scored workbook, such as 考核!F4
	Recorded string
	Now      string
}

// Verify scores again the input that opts.Scored records, with the rules,
// period and history files it records, and compares every cell of the
// results sheet. A scored workbook that cannot be read, or an input or
// rules that cannot be scored, is an error; figures that differ are not.
func Verify(opts VerifyOptions) (*Verdict, error) {
	if strings.EqualFold(filepath.Ext(opts.Scored), ".json") {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: verify checks a scored workbook (.xlsx), not JSON results: score to a workbook to keep results that can be verified", filepath.Base(opts.Scored))}}
	}
	f, err := workbook.Open(opts.Scored)
	if err != nil {
		return nil, inputError(err)
	}
	defer f.Close()
	auditName := auditSheet(f)
	if auditName == "" {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: no %s sheet: verify checks a workbook that appraise score wrote", filepath.Base(opts.Scored), AuditSheet)}}
	}
	audit, err := readAudit(f, auditName)
	if err != nil {
		return nil, inputError(err)
	}
	name := filepath.Base(opts.Scored)
	need := func(item string) (string, error) {
		v := audit[item]
		if v == "" {
			return "", &InputError{Problems: []string{fmt.Sprintf("%s: %s!: the audit records no %q", name, auditName, item)}}
		}
		return v, nil
	}
	v := &Verdict{Rules: opts.Rules, Input: opts.Input, Period: audit["period"]}
	if v.Rules == "" {
		if v.Rules, err = need("rules file"); err != nil {
			return nil, err
		}
	}
	if v.Input == "" {
		if v.Input, err = need("input file"); err != nil {
			return nil, err
		}
	}
	sc, rulesSHA, err := opts.Load(v.Rules, audit["scheme"])
	if err != nil {
		return nil, err
	}
	if rulesSHA != audit["rules sha256"] {
		v.Changed = append(v.Changed, Changed{What: "rules", File: v.Rules, Recorded: audit["rules sha256"], Now: rulesSHA})
	}
	if rec := audit[AuditInputSHA]; rec != "" {
		now, err := FileSHA256(v.Input)
		if err != nil {
			return nil, inputError(err)
		}
		if now != rec {
			v.Changed = append(v.Changed, Changed{What: "input", File: v.Input, Recorded: rec, Now: now})
		}
	}
	var period scoring.Period
	if v.Period != "" {
		if period, err = scoring.ParsePeriod(v.Period); err != nil {
			return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %s!: period %q: %v", name, auditName, v.Period, err)}}
		}
	}
	history, recorded := recordedHistory(audit)
	tmp, err := os.MkdirTemp("", "appraise-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if len(history) == 0 && sc.Rules().NeedsHistory() {
		// No history was read then: none is read now, whatever the
		// rules' history: entry finds today.
		history = []string{filepath.Join(tmp, "no-history")}
		if err := os.Mkdir(history[0], 0o755); err != nil {
			return nil, err
		}
	}
	with, tableChanges, err := recordedTables(audit)
	if err != nil {
		return nil, err
	}
	v.Changed = append(v.Changed, tableChanges...)
	again := filepath.Join(tmp, "again.xlsx")
	sum, err := Score(Options{
		Input: v.Input, Sheet: audit["sheet"], Scorer: sc,
		RulesFile: v.Rules, RulesHash: rulesSHA,
		Output: again, Format: "xlsx", Detail: DetailNone,
		Version: opts.Version, Now: time.Now,
		Period: period, History: history, Password: opts.Password,
		Calibrate: audit[AuditCalibrated] == "yes", With: with,
	})
	if err != nil {
		return nil, err
	}
	v.Changed = append(v.Changed, historyChanges(recorded, sum.Used)...)
	g, err := workbook.Open(again)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	for _, sheet := range auditSheets(audit) {
		was, err := readResults(f, sheet, sc.Rules())
		if err != nil {
			return nil, inputError(err)
		}
		if len(sum.Sheets) == 0 {
			sheet = sum.Sheet
		}
		now, err := readResults(g, sheet, sc.Rules())
		if err != nil {
			return nil, err
		}
		v.Rows += len(was.rows)
		v.Differences = append(v.Differences, compareResults(was, now)...)
	}
	return v, nil
}

// recordedHistory lists the folders of the history files the audit
// records, each once, and the files by period.
func recordedHistory(audit map[string]string) ([]string, map[string]HistoryFile) {
	files := map[string]HistoryFile{}
	var dirs []string
	seen := map[string]bool{}
	for item, path := range audit {
		p, ok := strings.CutPrefix(item, auditHistory)
		if !ok || strings.HasSuffix(p, auditSHA) {
			continue
		}
		files[p] = HistoryFile{Period: p, File: path, SHA256: audit[item+auditSHA]}
		if d := filepath.Dir(path); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	return dirs, files
}

// historyChanges compares the history files recorded with those read now.
func historyChanges(recorded map[string]HistoryFile, used []HistoryFile) []Changed {
	var out []Changed
	now := map[string]HistoryFile{}
	for _, h := range used {
		now[h.Period] = h
		r, ok := recorded[h.Period]
		if !ok || r.SHA256 != h.SHA256 {
			out = append(out, Changed{What: auditHistory + h.Period, File: h.File, Recorded: r.SHA256, Now: h.SHA256})
		}
	}
	for p, r := range recorded {
		if _, ok := now[p]; !ok {
			out = append(out, Changed{What: auditHistory + p, File: r.File, Recorded: r.SHA256})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].What < out[j].What })
	return out
}

// results is a results sheet read whole: each person's cells by key.
type results struct {
	sheet  string
	header []string
	keys   []string // in the sheet's order
	rows   map[string][]string
	nums   map[string]int // the row each person is on
}

func readResults(f *workbook.File, sheet string, set *rules.Set) (*results, error) {
	var cols []workbook.Column
	for _, c := range set.Columns {
		if c.Key {
			cols = append(cols, workbook.Column{Name: c.Name, Headers: append([]string{c.Header}, c.Aliases...)})
		}
	}
	t, err := f.Table(sheet, cols)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	r := &results{sheet: t.Sheet, header: append([]string(nil), t.Header...), rows: map[string][]string{}, nums: map[string]int{}}
	for t.Next() {
		row := t.Row()
		var key []string
		for _, i := range t.Index {
			if i >= 0 {
				key = append(key, strings.TrimSpace(row.Cells[i]))
			}
		}
		k := strings.Join(key, " ")
		if _, dup := r.rows[k]; dup {
			// A ledger's many rows a person are told apart by their place.
			k += fmt.Sprintf(" (row %d)", row.Num)
		}
		r.keys = append(r.keys, k)
		r.rows[k] = append([]string(nil), row.Cells...)
		r.nums[k] = row.Num
	}
	return r, t.Err()
}

// compareResults lists every cell of was that now differs, by person in
// the order of was, then the people only one of them has.
func compareResults(was, now *results) []Difference {
	at, had := map[string]int{}, map[string]int{}
	for i, h := range now.header {
		at[h] = i
	}
	for i, h := range was.header {
		had[h] = i
	}
	cell := func(cells []string, i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	var out []Difference
	for _, k := range was.keys {
		a := was.rows[k]
		b, ok := now.rows[k]
		if !ok {
			out = append(out, Difference{Person: k, Column: "(the person)", Ref: fmt.Sprintf("%s row %d", was.sheet, was.nums[k]), Recorded: "in the results", Now: "not in the results"})
			continue
		}
		for i, h := range was.header {
			j, ok := at[h]
			if !ok {
				j = -1
			}
			if x, y := cell(a, i), cell(b, j); x != y {
				out = append(out, Difference{Person: k, Column: h, Ref: was.sheet + "!" + cellRef(i, was.nums[k]), Recorded: x, Now: y})
			}
		}
		// Results the rules give now that the workbook has no column for.
		for j, h := range now.header {
			if _, ok := had[h]; !ok && cell(b, j) != "" {
				out = append(out, Difference{Person: k, Column: h, Ref: was.sheet + " row " + fmt.Sprint(was.nums[k]), Now: cell(b, j)})
			}
		}
	}
	for _, k := range now.keys {
		if _, ok := was.rows[k]; !ok {
			out = append(out, Difference{Person: k, Column: "(the person)", Recorded: "not in the results", Now: "in the results"})
		}
	}
	return out
}

// cellRef names the cell of 0-based column col on row, as B7.
func cellRef(col, row int) string {
	s := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return fmt.Sprintf("%s%d", s, row)
}
