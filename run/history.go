package run

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"appraise/scoring"
)

// loadHistory finds, among the scored results in dirs, those of the same
// scheme for the periods just before current, and reads from them what
// the rules' history functions need. Two results for one period are an
// error naming both; results for current itself are left out, since the
// run replaces them. A period of recent whose Source the folders hold is
// taken from recent instead of being read from its file.
func loadHistory(dirs []string, sc *scoring.Scorer, cur scoring.Period, recent map[string]scoring.PastPeriod) (*scoring.History, error) {
	current := cur.String()
	set := sc.Rules()
	known := map[string]string{} // the file of each recent period -> the period
	for label, r := range recent {
		known[filepath.Clean(r.Source)] = label
	}
	byPeriod := map[string][]string{}
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
			if label, ok := known[filepath.Clean(path)]; ok {
				if label != current {
					byPeriod[label] = append(byPeriod[label], path)
				}
				continue
			}
			scheme, period, err := pastMeta(path)
			if err != nil {
				problems = append(problems, "history: "+err.Error())
				continue
			}
			if scheme != set.Scheme || period == "" || period == current {
				continue
			}
			byPeriod[period] = append(byPeriod[period], path)
		}
	}
	if problems != nil {
		sort.Strings(problems)
		return nil, &InputError{Problems: problems}
	}
	h := scoring.NewHistory(cur)
	need := sc.HistoryDepth(h)
	p := cur.Prev()
	for len(h.Periods) < need {
		paths := byPeriod[p.String()]
		if len(paths) == 0 {
			break
		}
		if len(paths) > 1 {
			return nil, &InputError{Problems: []string{fmt.Sprintf("history: %s both hold the %s results of %s: keep one", strings.Join(paths, " and "), set.Scheme, p)}}
		}
		path := paths[0]
		var figures *scoring.Figures
		sha := ""
		if r, ok := recent[p.String()]; ok && filepath.Clean(r.Source) == filepath.Clean(path) {
			figures, sha = r.Figures, r.SHA256
		} else {
			f, err := readPast(path, sc)
			if err != nil {
				return nil, inputError(fmt.Errorf("history: %w", err))
			}
			figures = f.figures
		}
		h.Periods = append(h.Periods, scoring.PastPeriod{
			Label: p.String(), InYear: cur.SameYear(p), InQuarter: cur.SameQuarter(p),
			Source: path, Figures: figures, SHA256: sha,
		})
		p = p.Prev()
	}
	if len(h.Periods) < need {
		h.Lacks = p.String()
	}
	return h, nil
}
