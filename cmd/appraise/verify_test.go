package main

import "testing"

func TestVerifyFlags(t *testing.T) {
	got, err := parseFlags(newCmdVerify, []string{"march.scored.xlsx", "--input", "copy.xlsx", "--rules", "r.yaml", "-q"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Scored != "march.scored.xlsx" || got.Input != "copy.xlsx" || got.Rules != "r.yaml" || !got.Quiet {
		t.Errorf("options %+v", got)
	}
	args := []string{"a.xlsx", "b.xlsx"}
	_, err = parseFlags(newCmdVerify, args)
	checkUsageError(t, args, err, "verify takes one scored workbook, not 2 arguments")
}

func TestCalibrateFlags(t *testing.T) {
	got, err := parseFlags(newCmdCalibrate, []string{"data/march.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Calibrate || got.Output != "data/march.calibrated.xlsx" {
		t.Errorf("options %+v", got)
	}
	got, err = parseFlags(newCmdCalibrate, []string{"march.xlsx", "--format", "json"})
	if err != nil || got.Output != "march.calibrated.json" {
		t.Errorf("--format json: output %q, %v", got.Output, err)
	}
	got, err = parseFlags(newCmdCalibrate, []string{"march.xlsx", "-o", "out/x.scored.xlsx"})
	if err != nil || got.Output != "out/x.scored.xlsx" {
		t.Errorf("-o: output %q, %v", got.Output, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "calibrate takes one workbook, not 0 arguments"},
		{[]string{"march.xlsx", "-o", "march.xlsx"}, "-o march.xlsx is the input workbook: appraise never writes over its input"},
	} {
		_, err := parseFlags(newCmdCalibrate, tc.args)
		checkUsageError(t, tc.args, err, tc.want)
	}
}
