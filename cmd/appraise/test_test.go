package main

import (
	"bytes"
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
		var got *testOptions
		io := &streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
		cmd := newCmdTest(io, func(o *testOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.Err)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.wantErr)
			} else if _, ok := err.(*usageError); !ok {
				t.Errorf("%q: %T is not a usage error", tt.args, err)
			}
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
