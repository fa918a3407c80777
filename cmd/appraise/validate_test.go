package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestValidateFlags checks how the command line fills validateOptions,
// through runF, without reading anything.
func TestValidateFlags(t *testing.T) {
	tests := []struct {
		args    []string
		files   []string
		strict  bool
		format  string
		wantErr string
	}{
		{args: []string{"rules.yaml"}, files: []string{"rules.yaml"}, format: "text"},
		{args: []string{"a.yaml", "b.yaml", "--strict"}, files: []string{"a.yaml", "b.yaml"}, strict: true, format: "text"},
		{args: []string{"--format", "json", "a.yaml"}, files: []string{"a.yaml"}, format: "json"},
		{args: []string{"a.yaml", "--format", "text"}, files: []string{"a.yaml"}, format: "text"},
		{args: []string{}, wantErr: "validate takes one or more rule files"},
		{args: []string{"--strict"}, wantErr: "validate takes one or more rule files"},
		{args: []string{"a.yaml", "--format", "xml"}, wantErr: `--format must be text or json, not "xml"`},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdValidate, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if !slices.Equal(got.Files, tt.files) || got.Strict != tt.strict || got.Format != tt.format {
			t.Errorf("%q: got files %q strict %v format %q; want %q %v %q",
				tt.args, got.Files, got.Strict, got.Format, tt.files, tt.strict, tt.format)
		}
	}
}

// runValidate runs validateRun on files read from the map src (a missing
// name is a missing file, a name mapped to "!perm" cannot be read) and
// returns stdout, stderr and the exit code.
func runValidate(t *testing.T, src map[string]string, strict bool, files ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	opts := &validateOptions{
		io:     &streams{Out: &out, Err: &errOut},
		Files:  files,
		Strict: strict,
		Format: "text",
		ReadFile: func(name string) ([]byte, error) {
			s, ok := src[name]
			switch {
			case !ok:
				return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
			case s == "!perm":
				return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
			}
			return []byte(s), nil
		},
	}
	code := report(&errOut, nil, validateRun(opts))
	return out.String(), errOut.String(), code
}

func TestValidateRun(t *testing.T) {
	src := map[string]string{
		"good.yaml":   "columns:\n  a: {min: 1}\nmetrics:\n  m: 10 / a\n",
		"warn.yaml":   "columns:\n  a: {}\nmetrics:\n  m: 10 / a\n",
		"locked.yaml": "!perm",
		"bad.yaml":    "columns:\n  a: {}\nmetrics:\n  m: 询单数\n",
	}
	// warn.yaml line 4, "  m: 10 / a": the / is the 9th character.
	const warning = "warn.yaml:4:9: warning: 10 / a has no value when a is 0, and the rules do not say what then\n" +
		"    hint: add \"if_missing: blank\" to m, or give a \"min: 1\"\n"
	tests := []struct {
		name     string
		files    []string
		strict   bool
		out, err string
		code     int
	}{
		{name: "clean", files: []string{"good.yaml"},
			err: "appraise: good.yaml: no problems\n"},
		{name: "clean files", files: []string{"good.yaml", "good.yaml"},
			err: "appraise: good.yaml: no problems\n"},
		{name: "warning", files: []string{"warn.yaml", "good.yaml"},
			out: warning, err: "appraise: 1 warning in 1 of 2 files\n"},
		{name: "strict", files: []string{"warn.yaml"}, strict: true, code: 1,
			out: warning, err: "appraise: warn.yaml: 1 warning; --strict counts warnings as errors\n"},
		{name: "all kinds", files: []string{"warn.yaml", "locked.yaml", "bad.yaml", "nosuch.yaml"}, code: 1,
			out: "bad.yaml:4:6: unknown name \"询单数\"\n" +
				"locked.yaml: permission denied\n" +
				"nosuch.yaml: no such file\n" +
				warning,
			err: "appraise: 3 errors and 1 warning in 4 files\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runValidate(t, src, tt.strict, tt.files...)
			if out != tt.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.out)
			}
			if errOut != tt.err {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, tt.err)
			}
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
		})
	}
}

// TestValidateExample checks the ecommerce-cs rules as they are, and a
// copy with the source document's typo put back: 800 points for the
// 旺旺回复率 band [97%, 99%), above the metric's max of 100.
func TestValidateExample(t *testing.T) {
	const path = "../../examples/ecommerce-cs/rules.yaml"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runValidate(t, map[string]string{path: string(b)}, true, path)
	if out != "" || errOut != "appraise: "+path+": no problems\n" || code != 0 {
		t.Errorf("the example: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}

	const band = `- {when: "[97%, 99%)", points: 80}`
	if strings.Count(string(b), band) != 1 {
		t.Fatalf("the example has no band %s", band)
	}
	typo := strings.Replace(string(b), band, `- {when: "[97%, 99%)", points: 800}`, 1)
	// The band's line starts "      - {when: "[97%, 99%)", points: ", 37
	// characters, so the 800 is at column 38.
	line := strings.Count(typo[:strings.Index(typo, band[:20])], "\n") + 1
	out, errOut, code = runValidate(t, map[string]string{"rules.yaml": typo}, false, "rules.yaml")
	want := "rules.yaml:" + strconv.Itoa(line) + ":38: points 800 are above the metric's max of 100\n"
	if out != want || errOut != "appraise: rules.yaml: 1 error\n" || code != 1 {
		t.Errorf("the typo: exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out, want, errOut)
	}
}

// TestValidateReadError checks that any error reading a file is a problem
// of that file, not a crash.
func TestValidateReadError(t *testing.T) {
	opts := &validateOptions{
		io:       &streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}},
		Files:    []string{"x.yaml"},
		Format:   "text",
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("disk on fire") },
	}
	var errOut bytes.Buffer
	if code := report(&errOut, nil, validateRun(opts)); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if got := opts.io.Out.(*bytes.Buffer).String(); got != "x.yaml: disk on fire\n" {
		t.Errorf("stdout %q", got)
	}
	if got := errOut.String(); got != "appraise: x.yaml: 1 error\n" {
		t.Errorf("stderr %q", got)
	}
}
