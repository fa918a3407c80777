package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"text/tabwriter"

	"appraise/examples"
	"appraise/rules"
	"appraise/run"

	"github.com/spf13/cobra"
)

// schemesOptions is everything `appraise schemes` needs.
type schemesOptions struct {
	io *streams
}

func newCmdSchemes(io *streams, runF func(*schemesOptions) error) *cobra.Command {
	opts := &schemesOptions{io: io}
	return &cobra.Command{
		Use:   "schemes",
		Short: "List the built-in appraisal schemes",
		Long: `List the appraisal schemes built into appraise, one a line: the name, the
period it is scored over and its title.

A scheme's name can be given to init, which writes its rule file and a
blank workbook into a folder, to score --scheme and to template --scheme.`,
		Example: `  $ appraise schemes
  $ appraise init ecommerce-cs cs
  $ appraise score march.xlsx --scheme ecommerce-cs`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(cmd, "schemes takes no arguments")
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return schemesRun(opts)
		},
	}
}

func schemesRun(opts *schemesOptions) error {
	tw := tabwriter.NewWriter(opts.io.Out, 0, 0, 2, ' ', 0)
	for _, name := range examples.Names() {
		set, _, _, err := loadScheme(name)
		if err != nil {
			return err
		}
		period := set.Period
		if period == "" {
			period = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, period, set.Title)
	}
	return tw.Flush()
}

// loadScheme parses a built-in scheme's rules. It returns them with the
// name messages give the rule file and the file's SHA-256.
func loadScheme(name string) (*rules.Set, string, string, error) {
	src, err := examples.Rules(name)
	if err != nil {
		return nil, "", "", unknownScheme(name)
	}
	file := examples.RulesFile(name)
	set, err := rules.Parse(file, src)
	if err != nil {
		return nil, "", "", err
	}
	sum := sha256.Sum256(src)
	return set, file, hex.EncodeToString(sum[:]), nil
}

// unknownScheme is the error for a scheme name that is not built in.
func unknownScheme(name string) error {
	hint := "run 'appraise schemes' to list the schemes"
	if s := closestName(name, examples.Names()); s != "" {
		hint = fmt.Sprintf("did you mean %q? %s", s, hint)
	}
	return &run.InputError{Problems: []string{
		fmt.Sprintf("appraise: no built-in scheme %q", name),
		"    hint: " + hint,
	}}
}

// closestName returns the candidate a mistyped name most likely meant: one
// that starts with it or is a few edits away, or "".
func closestName(name string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		d := rules.EditDistance(name, c)
		if len(name) >= 3 && len(c) > len(name) && c[:len(name)] == name {
			d = 1
		}
		if d <= max(1, len([]rune(c))/3) && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}
