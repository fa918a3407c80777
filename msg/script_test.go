package msg

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reports are end-to-end scripts whose standard error holds a report
// rather than messages alone: appraise diff's tables of figures, and
// cobra's line for shell completion.
var reports = map[string]bool{
	"diff_grades.txtar":         true,
	"completion_complete.txtar": true,
	"explain_row_chinese.txtar": true,
}

// TestScriptMessages checks that every message the end-to-end scripts
// expect on standard error, as appraise prints it in English, is in the
// catalogue: each line of a file compared with cmp stderr, but for the
// files of what is said in Chinese (named with zh), and each line a
// script matches whole with stderr '^...$'.
func TestScriptMessages(t *testing.T) {
	files, err := filepath.Glob("../cmd/appraise/testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	cmpStderr := regexp.MustCompile(`(?m)^!? ?cmp stderr (\S+)`)
	section := regexp.MustCompile(`(?m)^-- (\S+) --\n`)
	checked := 0
	for _, f := range files {
		if reports[filepath.Base(f)] {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		parts := map[string]string{}
		idx := section.FindAllStringSubmatchIndex(s, -1)
		for i, m := range idx {
			end := len(s)
			if i+1 < len(idx) {
				end = idx[i+1][0]
			}
			parts[s[m[2]:m[3]]] = s[m[1]:end]
		}
		for _, c := range cmpStderr.FindAllStringSubmatch(s, -1) {
			if strings.Contains(c[1], "zh") {
				continue // already in Chinese: want-zh.txt
			}
			for _, l := range strings.Split(parts[c[1]], "\n") {
				if l == "" {
					continue
				}
				checked++
				if Say(Chinese, l) == l {
					t.Errorf("%s: not in the catalogue: %s", filepath.Base(f), l)
				}
			}
		}
	}
	// Lines a script matches whole with stderr '^...$', where they are
	// plain text: every message but what appraise diff reports (indented
	// items, and table rows, which hold no English word).
	whole := regexp.MustCompile(`(?m)^!? ?stderr '\^(.*)\$'$`)
	unquote := strings.NewReplacer(`\(`, "(", `\)`, ")", `\.`, ".", `\[`, "[", `\]`, "]", `\*`, "*", `\+`, "+", `\?`, "?", `\\`, `\`, `''`, `'`)
	word := regexp.MustCompile(`[a-z]{3,}`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range whole.FindAllStringSubmatch(string(b), -1) {
			l := unquote.Replace(m[1])
			escaped := strings.NewReplacer(`\(`, "", `\)`, "", `\.`, "", `\[`, "", `\]`, "", `\*`, "", `\+`, "", `\?`, "", `\\`, "")
			if strings.ContainsAny(escaped.Replace(m[1]), `()[]*+?\`) {
				continue // a pattern, not a line
			}
			if strings.HasPrefix(l, "  ") || !word.MatchString(l) || strings.Contains(l, "：") {
				continue
			}
			checked++
			if Say(Chinese, l) == l {
				t.Errorf("%s: not in the catalogue: %s", filepath.Base(f), l)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked %d lines; the scripts are not read right", checked)
	}
}
