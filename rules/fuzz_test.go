package rules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormula checks that no formula makes the parser panic, and that a
// formula it refuses is refused at a place on the formula's line.
func FuzzFormula(f *testing.F) {
	for _, s := range []string{"a + b * c", "(a or b) and not c", `if(a > 0, "是", '否')`, "m.points * 2", "（a＋b）", "75% - -1", "min()", "a < b < c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		at := Pos{File: "f", Line: 3, Col: 10}
		e, err := ParseFormula(src, at)
		if err != nil {
			if err.Pos.File != "f" || err.Pos.Line != 3 || err.Pos.Col < 10 {
				t.Fatalf("ParseFormula(%q): error at %v: %s", src, err.Pos, err.Msg)
			}
			return
		}
		Source(e)
	})
}

// FuzzParse checks that no rule file makes Parse panic, and that every
// problem it reports names the file and a line in it, or the file alone.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../examples/*/rules.yaml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && len(b) < 4000 {
			f.Add(b)
		}
	}
	f.Add([]byte("columns:\n  a: {}\nmetrics:\n  m: {value: a, bands: [{when: '>= 1', points: 1}]}\n"))
	f.Add([]byte("a: &a [1, 2]\nb: &b [*a, *a]\ncolumns: *b\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse("rules.yaml", src)
		if err == nil {
			return
		}
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("Parse error is %T: %v", err, err)
		}
		for _, e := range list {
			if e.Pos.File != "rules.yaml" || e.Pos.Line < 0 || e.Pos.Col < 0 {
				t.Fatalf("error at %v: %s", e.Pos, e.Msg)
			}
		}
	})
}
