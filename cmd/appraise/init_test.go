package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"appraise/examples"
)

// TestInitFlags checks how the command line fills initOptions, through
// runF.
func TestInitFlags(t *testing.T) {
	tests := []struct {
		args        []string
		scheme, dir string
		quiet       bool
		wantErr     string
	}{
		{args: []string{"ecommerce-cs"}, scheme: "ecommerce-cs", dir: "."},
		{args: []string{"ecommerce-cs", "cs/三月", "-q"}, scheme: "ecommerce-cs", dir: "cs/三月", quiet: true},
		{args: []string{"nope"}, scheme: "nope", dir: "."}, // checked when run
		{args: []string{}, wantErr: "init takes a scheme and optionally a folder, not 0 arguments"},
		{args: []string{"a", "b", "c"}, wantErr: "init takes a scheme and optionally a folder, not 3 arguments"},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdInit, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil || got.Scheme != tt.scheme || got.Dir != tt.dir || got.Quiet != tt.quiet {
			t.Errorf("%q: %v; got %+v", tt.args, err, got)
		}
	}
}

// TestInitRun checks that init writes the embedded rule file byte for
// byte, comments included, and reports exactly what it wrote.
func TestInitRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "cs")
	var out, errb bytes.Buffer
	err := initRun(&initOptions{io: &streams{Out: &out, Err: &errb}, Scheme: "ecommerce-cs", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want, err := examples.Rules("ecommerce-cs")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "rules.yaml"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("rules.yaml differs from the built-in one (%v)", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "template.xlsx")); err != nil || st.Size() == 0 {
		t.Errorf("template.xlsx: %v", err)
	}
	rules, tpl := filepath.Join(dir, "rules.yaml"), filepath.Join(dir, "template.xlsx")
	wantErr := "appraise: wrote " + rules + " and " + tpl + "\n" +
		"appraise: fill in template.xlsx from row 3, then: appraise score " + tpl + "\n"
	if out.Len() != 0 || errb.String() != wantErr {
		t.Errorf("stdout %q, stderr %q; want nothing and %q", out.String(), errb.String(), wantErr)
	}
}
