package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"appraise/msg"
	"appraise/rules"

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
	// Lang is the language of the messages; what goes to Err is said in
	// it as it is written, and a command that writes messages to Out
	// (validate's problems) says them with [msg.SayAll].
	Lang msg.Lang
	// Given is the language --lang names, "" when it is not given. The
	// reports (explain, diff) speak the rule file's language unless
	// --lang says otherwise.
	Given msg.Lang
}

// reportLang is the language of a report on the rules set: --lang when
// given, else the rule file's own.
func (s *streams) reportLang(set *rules.Set) msg.Lang {
	if s.Given != "" {
		return s.Given
	}
	if set.Local.Lang == "zh" {
		return msg.Chinese
	}
	return msg.English
}

// Main runs appraise with args and returns its exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	lang, bad := langOf(args, os.Getenv)
	var tr *msg.Writer
	if lang != msg.English {
		tr = msg.NewWriter(stderr, lang)
		stderr = tr
	}
	io := &streams{Out: stdout, Err: stderr, Lang: lang}
	if v, ok := langFlag(args); ok {
		io.Given, _ = msg.Parse(v)
	}
	root := newCmdRoot(io)
	root.SetArgs(args)
	var err error
	if bad != "" {
		err = &usageError{cmd: root, err: fmt.Errorf("--lang must be en or zh, not %q", bad)}
	} else {
		err = root.Execute()
	}
	code := report(io.Err, root, err)
	if tr != nil {
		_ = tr.Flush()
	}
	return code
}

// langOf is the language of the messages: --lang, else the locale
// (LC_ALL, LC_MESSAGES, LANG). It is read before the command line is
// parsed, so that mistakes on the command line are said in it too; bad
// is a --lang value that names no language.
func langOf(args []string, getenv func(string) string) (lang msg.Lang, bad string) {
	if v, ok := langFlag(args); ok {
		if l, known := msg.Parse(v); known {
			return l, ""
		}
		return msg.FromEnv(getenv), v
	}
	return msg.FromEnv(getenv), ""
}

// langFlag is the value of --lang on the command line, if it is there.
func langFlag(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			return v, true
		}
	}
	return "", false
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
	// Read by langOf before the command line is parsed; declared here so
	// that every command accepts it and its help lists it.
	root.PersistentFlags().String("lang", "", "the `language` of messages: en or zh (default: from LC_ALL, LC_MESSAGES or LANG)")
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
