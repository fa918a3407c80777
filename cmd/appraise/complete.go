package main

import (
	"appraise/examples"
	"appraise/workbook"

	"github.com/spf13/cobra"
)

// Shell completion. Each function here fails quietly: a completion that
// cannot be worked out offers nothing rather than printing an error into
// the user's command line.

// completeScheme offers the built-in schemes, each with its title.
func completeScheme(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, name := range examples.Names() {
		if set, _, _, err := loadScheme(name); err == nil && set.Title != "" {
			name += "\t" + set.Title
		}
		out = append(out, name)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeRuleFile offers .yaml files for the one rule file argument.
func completeRuleFile(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeRulesFlag offers .yaml files for --rules.
func completeRulesFlag(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeWorkbook offers .xlsx and .csv files for the one workbook
// argument.
func completeWorkbook(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"xlsx", "csv"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeSheet offers the sheets of the workbook named as the first
// argument.
func completeSheet(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names, err := workbook.SheetNames(args[0])
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeInit offers a scheme for the first argument of init and folders
// for the second.
func completeInit(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return completeScheme(cmd, args, toComplete)
	case 1:
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}
