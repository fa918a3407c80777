package rules_test

import (
	"strings"
	"testing"
	"time"
)

func TestParseLimits(t *testing.T) {
	// Each anchor repeats the one before it nine times: &e stands for
	// 66430 values and the first *e on line 6 brings what aliases have
	// repeated to 90 + 819 + 7380 + 66429 + 66430 = 141148, past 100000.
	bomb := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = n
	}
	runErrorCases(t, []errorCase{
		{
			name: "alias bomb",
			src:  bomb + "columns:\n  x:\n    aliases: *i\n",
			want: []string{
				`rules.yaml:6:8: the alias *e takes what aliases repeat in the file past 100000 values`,
				`    hint: an alias (*name) repeats all of the value its anchor (&name) names; write the values out, or repeat less`,
			},
		},
		{
			name: "alias inside its anchor",
			src:  "columns: &c\n  x: *c\n",
			want: []string{`rules.yaml:2:6: the alias *c is inside &c, the value it repeats`},
		},
		{
			name: "nested too deep",
			src:  "columns:\n  x: {}\nmetrics: " + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n",
			want: []string{`rules.yaml:3:1: not valid YAML: lists and mappings are nested more than 10000 deep`},
		},
		{
			name: "too large",
			src:  "columns: {x: x}\n" + strings.Repeat("#", 11<<20),
			want: []string{`rules.yaml: the file is 11.0 MB, more than the 10 MB a rule file may be`},
		},
	})
}

// TestParseAliasesQuick checks that a small file whose aliases repeat a
// mapping of inputs in every one of its cases is refused at once: walked,
// it took 30 seconds for 44 KB.
func TestParseAliasesQuick(t *testing.T) {
	var b strings.Builder
	b.WriteString("columns: {x: {key: true}, y: y}\nmetrics: {m: y}\ninputs: &i\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("  y" + strings.Repeat("1", i%9+1) + ": 1\n")
	}
	b.WriteString("c: &c {name: a, inputs: *i, expect: {total: 1}}\ncases: [" + strings.Repeat("*c, ", 3000) + "*c]\n")
	start := time.Now()
	got := parseError(t, b.String())
	if !strings.Contains(got, "past 100000 values") {
		t.Errorf("Parse error:\n%s\nwant the aliases refused", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Parse took %v", d)
	}
}
