package main

import (
	"path/filepath"
	"strings"

	"appraise/run"

	"github.com/spf13/cobra"
)

// newCmdCalibrate builds appraise calibrate: appraise score, with the
// grades given by place to fit the rules' distribution.
func newCmdCalibrate(io *streams, runF func(*scoreOptions) error) *cobra.Command {
	var cmd *cobra.Command
	cmd = newCmdScore(io, func(opts *scoreOptions) error {
		opts.Calibrate = true
		if !cmd.Flags().Changed("output") {
			opts.Output = calibratedOutput(opts.Output)
		}
		if run.SameFile(opts.Input, opts.Output) {
			return usagef(cmd, "-o %s is the input workbook: appraise never writes over its input", opts.Output)
		}
		if runF != nil {
			return runF(opts)
		}
		return scoreRun(opts)
	})
	cmd.Use = "calibrate <workbook> [flags]"
	cmd.Short = "Score a workbook with its grades fitted to the rules' distribution"
	cmd.Long = `Score a workbook as appraise score does, then give the grades by place so
that they fit the curve of the rules' distribution: block, group by group.
People are placed by the distribution's figure (by default what the grades
grade), highest first; a tie goes by the distribution's ties column, then
by the key. The first places, as many as the best grade's quota, get the
best grade, and so on. A group smaller than min_group keeps its grades.

The calibrated grade gives the coefficient and the pay. The results keep
the grade before calibration in a column of its own; a calibration sheet
lists each person who moved, from which grade to which and why, and a
distribution sheet each group's count and quota of each grade. The
results go by default to <name>.calibrated.xlsx beside the input.`
	cmd.Example = `  $ appraise calibrate march.xlsx
  $ appraise calibrate march.xlsx --rules rules.yaml -o march.calibrated.xlsx
  $ appraise calibrate march.xlsx --format json -o -`
	cmd.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usagef(cmd, "calibrate takes one workbook, not %d arguments", len(args))
		}
		return nil
	}
	cmd.Flags().Lookup("output").Usage = "the `path` to write the results, - for standard output (default: <name>.calibrated.<format> beside the input)"
	return cmd
}

// calibratedOutput turns score's default output, march.scored.xlsx, into
// calibrate's, march.calibrated.xlsx.
func calibratedOutput(scored string) string {
	dir, base := filepath.Split(scored)
	if i := strings.LastIndex(base, ".scored."); i >= 0 {
		base = base[:i] + ".calibrated." + base[i+len(".scored."):]
	}
	return dir + base
}
