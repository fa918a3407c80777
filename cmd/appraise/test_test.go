package main

import (
	"strings"
	"testing"
)

// TestTestFlags checks how the command line fills testOptions, through
// runF.
func TestTestFlags(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		files   string
		wantErr string
	}{
		{args: []string{"rules.yaml"}, files: "rules.yaml"},
		{args: []string{"a/rules.yaml", "b/rules.yaml"}, files: "a/rules.yaml b/rules.yaml"},
		{args: []string{}, wantErr: "test needs one or more rule files"},
	} {
		got, err := parseFlags(newCmdTest, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
		} else if g := strings.Join(got.Files, " "); g != tt.files {
			t.Errorf("%q: files %q, want %q", tt.args, g, tt.files)
		}
	}
}

func TestCasesFile(t *testing.T) {
	for in, want := range map[string]string{
		"rules.yaml":        "rules.cases.yaml",
		"dir/cs.yml":        "dir/cs.cases.yml",
		"rules":             "rules.cases.yaml",
		"a.b/rules.v2.yaml": "a.b/rules.v2.cases.yaml",
	} {
		if got := casesFile(in); got != want {
			t.Errorf("casesFile(%q) = %q, want %q", in, got, want)
		}
	}
}
