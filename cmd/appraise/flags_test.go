package main

import (
	"bytes"
	"testing"

	"github.com/spf13/cobra"
)

// parseFlags builds a command with newCmd, runs it on args with a runF that
// only keeps the options it is given, and returns them with the command's
// error.
func parseFlags[O any](newCmd func(*streams, func(*O) error) *cobra.Command, args []string) (*O, error) {
	var got *O
	io := &streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	cmd := newCmd(io, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.Err)
	return got, cmd.Execute()
}

// checkUsageError fails t unless err is a usage error saying want.
func checkUsageError(t *testing.T, args []string, err error, want string) {
	t.Helper()
	if err == nil || err.Error() != want {
		t.Errorf("%q: error %v, want %q", args, err, want)
		return
	}
	if _, ok := err.(*usageError); !ok {
		t.Errorf("%q: %T is not a usage error", args, err)
	}
}
