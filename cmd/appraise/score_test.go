package main

import (
	"testing"

	"appraise/msg"
)

// TestScoreFlags checks how the command line fills scoreOptions, through
// runF, without scoring anything.
func TestScoreFlags(t *testing.T) {
	tests := []struct {
		args           []string
		output, format string
		rules, sheet   string
		detail         string
		quiet          bool
		wantErr        string
	}{
		{args: []string{"march.xlsx"}, output: "march.scored.xlsx", format: "xlsx"},
		{args: []string{"data/march.xlsx", "--format", "json"}, output: "data/march.scored.json", format: "json"},
		{args: []string{"march.xlsx", "-o", "out/r.csv"}, output: "out/r.csv", format: "csv"},
		{args: []string{"march.xlsx", "-o", "R.JSON"}, output: "R.JSON", format: "json"},
		{args: []string{"march.xlsx", "-o", "-"}, output: "-", format: "xlsx"},
		{args: []string{"march.xlsx", "-o", "-", "--format", "csv"}, output: "-", format: "csv"},
		{args: []string{"march.xlsx", "--rules", "r.yaml", "--sheet", "客服KPI", "-q"}, output: "march.scored.xlsx", format: "xlsx", rules: "r.yaml", sheet: "客服KPI", quiet: true},
		{args: []string{"march.xlsx", "--detail", "csv"}, output: "march.scored.xlsx", format: "xlsx", detail: "csv"},
		{args: []string{"march.xlsx", "--detail=none", "-o", "-"}, output: "-", format: "xlsx", detail: "none"},
		{args: []string{"march.xlsx", "--bom"}, wantErr: "--bom applies to CSV files: give --format csv or --detail csv"},
		{args: []string{"march.xlsx", "--detail", "pdf"}, wantErr: `--detail must be sheet, full, csv or none, not "pdf"`},
		{args: []string{"march.xlsx", "--detail", "csv", "-o", "-"}, wantErr: "--detail csv writes a file beside the output, and -o - has none: choose an output file"},
		{args: []string{"march.xlsx", "--detail", "sheet", "-o", "r.json"}, wantErr: "--detail applies to xlsx output; json output has no detail"},
		{args: []string{"march.xlsx", "--format", "pdf"}, wantErr: `--format must be xlsx, json or csv, not "pdf"`},
		{args: []string{"march.xlsx", "-o", "march.xlsx"}, wantErr: "-o march.xlsx is the input workbook: appraise never writes over its input"},
		{args: []string{}, wantErr: "score takes one workbook, not 0 arguments"},
		{args: []string{"a.xlsx", "b.xlsx"}, wantErr: "score takes one workbook, not 2 arguments"},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdScore, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if got.Output != tt.output || got.Format != tt.format || got.Rules != tt.rules || got.Sheet != tt.sheet || got.Detail != tt.detail || got.Quiet != tt.quiet {
			t.Errorf("%q: got output %q format %q rules %q sheet %q detail %q quiet %v; want %q %q %q %q %q %v",
				tt.args, got.Output, got.Format, got.Rules, got.Sheet, got.Detail, got.Quiet, tt.output, tt.format, tt.rules, tt.sheet, tt.detail, tt.quiet)
		}
	}
}

// TestScoreInputFlags checks --encoding and --sheet '*': a CSV input's
// encoding is read as a user writes it, and --sheet '*' needs a
// workbook output.
func TestScoreInputFlags(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		encoding string
		sheet    string
		output   string
		wantErr  string
	}{
		{args: []string{"march.csv"}, encoding: "auto", output: "march.scored.xlsx"},
		{args: []string{"march.csv", "--encoding", "GBK"}, encoding: "gbk", output: "march.scored.xlsx"},
		{args: []string{"march.csv", "--encoding=UTF8"}, encoding: "utf-8", output: "march.scored.xlsx"},
		{args: []string{"march.csv", "--encoding", "cp936"}, encoding: "gbk", output: "march.scored.xlsx"},
		{args: []string{"march.xlsx", "--sheet", "*"}, encoding: "auto", sheet: "*", output: "march.scored.xlsx"},
		{args: []string{"march.csv", "--encoding", "big5"}, wantErr: `--encoding: unknown encoding "big5": use one of auto, utf-8, gbk, gb18030`},
		{args: []string{"march.xlsx", "--sheet", "*", "--format", "csv"},
			wantErr: "--sheet '*' writes a workbook with a results sheet a sheet scored; csv output holds one table: give --sheet NAME"},
		{args: []string{"march.xlsx", "--sheet", "*", "-o", "r.json"},
			wantErr: "--sheet '*' writes a workbook with a results sheet a sheet scored; json output holds one table: give --sheet NAME"},
	} {
		got, err := parseFlags(newCmdScore, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if got.Encoding != tt.encoding || got.Sheet != tt.sheet || got.Output != tt.output {
			t.Errorf("%q: got encoding %q sheet %q output %q; want %q %q %q", tt.args, got.Encoding, got.Sheet, got.Output, tt.encoding, tt.sheet, tt.output)
		}
	}
}

// TestLangOf checks how the language of the messages is chosen: --lang
// first, then the locale as POSIX orders it.
func TestLangOf(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tt := range []struct {
		args []string
		env  func(string) string
		want msg.Lang
		bad  string
	}{
		{[]string{"score", "m.xlsx"}, env(), msg.English, ""},
		{[]string{"score", "m.xlsx"}, env("LANG", "zh_CN.UTF-8"), msg.Chinese, ""},
		{[]string{"score", "m.xlsx", "--lang", "zh"}, env(), msg.Chinese, ""},
		{[]string{"score", "--lang=zh_CN", "m.xlsx"}, env(), msg.Chinese, ""},
		{[]string{"score", "m.xlsx", "--lang", "en"}, env("LANG", "zh_CN.UTF-8"), msg.English, ""},
		{[]string{"score", "m.xlsx", "--lang", "fr"}, env(), msg.English, "fr"},
		// After "--" every argument is a file, even one named --lang.
		{[]string{"score", "--", "--lang", "zh"}, env(), msg.English, ""},
	} {
		got, bad := langOf(tt.args, tt.env)
		if got != tt.want || bad != tt.bad {
			t.Errorf("langOf(%q) = %s, %q; want %s, %q", tt.args, got, bad, tt.want, tt.bad)
		}
	}
}
