package run

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"appraise/scoring"
)

// calendar is what the history needs to know of periods, by their labels.
type calendar struct {
	prev        func(label string) string // the period just before
	sameYear    func(a, b string) bool
	sameQuarter func(a, b string) bool
}


// loadHistory finds, among the scored results in dirs, those of the same
// scheme for the periods just before current, and reads from them what
// the rules' history functions need. Two results for one period are an
// error naming both; results for current itself are left out, since the
// run replaces them.
func loadHistory(dirs []string, sc *scoring.Scorer, current string, cal calendar) (*scoring.History, error) {
	set := sc.Rules()
	byPeriod := map[string]string{}
	var problems []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, &InputError{Problems: []string{fmt.Sprintf("%s: the history folder cannot be read: %v", dir, unwrapPath(err))}}
		}
		for _, e := range entries {
			name := e.Name()
			ext := strings.ToLower(filepath.Ext(name))
			if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || ext != ".xlsx" && ext != ".json" {
				continue
			}
			path := filepath.Join(dir, name)
			scheme, period, err := pastMeta(path)
			if err != nil {
				problems = append(problems, "history: "+err.Error())
				continue
			}
			if scheme != set.Scheme || period == "" || period == current {
				continue
			}
			if prev, ok := byPeriod[period]; ok && prev != path {
				problems = append(problems, fmt.Sprintf("history: %s and %s both hold the %s results of %s: keep one", prev, path, set.Scheme, period))
				continue
			}
			byPeriod[period] = path
		}
	}
	if problems != nil {
		sort.Strings(problems)
		return nil, &InputError{Problems: problems}
	}
	h := &scoring.History{}
	for p := cal.prev(current); cal.sameYear(current, p); p = cal.prev(p) {
		h.YearBefore++
		if cal.sameQuarter(current, p) {
			h.QuarterBefore++
		}
	}
	need := sc.HistoryDepth(h)
	p := cal.prev(current)
	for len(h.Periods) < need {
		path, ok := byPeriod[p]
		if !ok {
			break
		}
		f, err := readPast(path, sc)
		if err != nil {
			return nil, inputError(fmt.Errorf("history: %w", err))
		}
		h.Periods = append(h.Periods, scoring.PastPeriod{
			Label: p, InYear: cal.sameYear(current, p), InQuarter: cal.sameQuarter(current, p),
			Source: path, Keys: f.keys, Values: f.values,
		})
		p = cal.prev(p)
	}
	if len(h.Periods) < need {
		h.Lacks = p
	}
	return h, nil
}
