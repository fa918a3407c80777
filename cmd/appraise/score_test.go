package main

import (
	"testing"
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
