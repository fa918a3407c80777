package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"appraise/rules"
	"appraise/run"
	"appraise/workbook"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK       = 0
	exitBadInput = 1 // the rules or the data have problems
	exitUsage    = 2 // the command line is wrong
	exitInternal = 3 // a fault of appraise or the system
)

// maxProblems is how many problems are printed before "(and N more)".
const maxProblems = 20

// usageError is a mistake on the command line.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }

func usagef(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// report prints err, if any, and returns the exit code it calls for. This
// is the one place where errors become exit codes.
func report(w io.Writer, root *cobra.Command, err error) int {
	if err == nil {
		return exitOK
	}
	var (
		intr   *interrupted
		failed *batchFailed
		nv     *notVerified
		usage  *usageError
		list   rules.ErrorList
		input  *run.InputError
		save   *workbook.SaveError
	)
	switch {
	case errors.As(err, &intr):
		fmt.Fprintf(w, "appraise: %v\n", intr)
		return intr.code()
	case errors.As(err, &failed):
		fmt.Fprintf(w, "appraise: %v\n", failed)
		return failed.code
	case errors.As(err, &nv):
		fmt.Fprintf(w, "appraise: %v\n", nv)
		return exitBadInput
	case errors.As(err, &usage):
		fmt.Fprintf(w, "appraise: %v\n", usage.err)
		name := "appraise"
		if usage.cmd != nil {
			name = usage.cmd.CommandPath()
		}
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", name)
		return exitUsage
	case errors.As(err, &list):
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Error()
		}
		printProblems(w, lines, 0)
		return exitBadInput
	case errors.As(err, &input):
		printProblems(w, input.Problems, input.More)
		return exitBadInput
	case errors.As(err, &save):
		fmt.Fprintf(w, "appraise: %v\n", save)
		return exitBadInput
	}
	// cobra reports unknown commands and wrong argument counts as plain
	// errors.
	if msg := err.Error(); strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "arg(s)") {
		fmt.Fprintf(w, "appraise: %s\nRun 'appraise --help' for usage.\n", msg)
		return exitUsage
	}
	fmt.Fprintf(w, "appraise: internal error: %v\n", err)
	return exitInternal
}

func printProblems(w io.Writer, lines []string, more int) {
	if len(lines) > maxProblems {
		more += len(lines) - maxProblems
		lines = lines[:maxProblems]
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if more > 0 {
		fmt.Fprintf(w, "(and %d more)\n", more)
	}
}

// codeOf is the exit code err calls for, as report gives it.
func codeOf(err error) int {
	return report(io.Discard, nil, err)
}

// interrupted is a run or a batch stopped by a signal; of is the number
// of workbooks of a batch, 0 for one run.
type interrupted struct {
	sig      os.Signal
	done, of int
}

func (e *interrupted) Error() string {
	if e.of == 0 {
		return fmt.Sprintf("interrupted (%v): nothing written", e.sig)
	}
	return fmt.Sprintf("interrupted (%v): %d of %d workbooks done, and no partial result written; run again with --skip-existing to go on", e.sig, e.done, e.of)
}

// code is 128 and the signal's number, as a shell reports a process
// stopped by it: 130 for Ctrl-C, 143 for SIGTERM.
func (e *interrupted) code() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// batchFailed is a batch in which some workbooks failed; the summary
// has named them.
type batchFailed struct {
	code       int
	failed, of int
}

func (e *batchFailed) Error() string {
	return fmt.Sprintf("%d of %d workbooks failed: see the summary", e.failed, e.of)
}
