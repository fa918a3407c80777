package main

import (
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func appVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// streams are where a command writes: data to Out, status to Err.
type streams struct {
	Out io.Writer
	Err io.Writer
}

// Main runs appraise with args and returns its exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	io := &streams{Out: stdout, Err: stderr}
	root := newCmdRoot(io)
	root.SetArgs(args)
	err := root.Execute()
	return report(io.Err, root, err)
}

func newCmdRoot(io *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "appraise <command> [flags]",
		Short: "Score appraisal workbooks with rules written in YAML",
		Long: `appraise reads a monthly metric workbook, applies the rules in a YAML file
(bands, weights, deductions, ratings, pay) and writes a scored workbook in
which every figure is explained.`,
		Example: `  $ appraise score march.xlsx
  $ appraise score march.xlsx --rules cs-rules.yaml -o scored/march.xlsx
  $ appraise score march.xlsx --format json -o -
  $ appraise validate rules.yaml
  $ appraise explain rules.yaml 询单转化率 --value 74.5%
  $ appraise test rules.yaml
  $ appraise init ecommerce-cs cs
  $ appraise template rules.yaml`,
		Version:       appVersion(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetVersionTemplate("appraise {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{cmd: c, err: err}
	})
	root.AddCommand(newCmdScore(io, nil))
	root.AddCommand(newCmdValidate(io, nil))
	root.AddCommand(newCmdExplain(io, nil))
	root.AddCommand(newCmdTest(io, nil))
	root.AddCommand(newCmdTemplate(io, nil))
	root.AddCommand(newCmdSchemes(io, nil))
	root.AddCommand(newCmdInit(io, nil))
	root.AddCommand(newCmdDiff(io, nil))
	root.AddCommand(newCmdBatch(io, nil))
	root.AddCommand(newCmdCalibrate(io, nil))
	root.AddCommand(newCmdVerify(io, nil))
	return root
}
