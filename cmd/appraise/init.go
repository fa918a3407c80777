package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"appraise/examples"
	"appraise/rules"
	"appraise/run"

	"github.com/spf13/cobra"
)

// initOptions is everything `appraise init` needs.
type initOptions struct {
	io     *streams
	Scheme string
	Dir    string
	Quiet  bool
}

// The files init writes.
const (
	initRules    = "rules.yaml"
	initTemplate = "template.xlsx"
)

func newCmdInit(io *streams, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{io: io}
	cmd := &cobra.Command{
		Use:   "init <scheme> [<folder>]",
		Short: "Start from a built-in scheme: its rule file and a blank workbook",
		Long: `Write a built-in scheme's rule file, comments included, as rules.yaml
and a blank workbook for it as template.xlsx (see appraise template) into
a folder, by default the current one. A missing folder is made.

init never replaces a file: if either file exists, it writes neither.
Change rules.yaml to suit your company, fill in the workbook, then score it
with appraise score, which finds rules.yaml beside the workbook.`,
		Example: `  $ appraise schemes
  $ appraise init ecommerce-cs cs
  $ appraise score cs/template.xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usagef(cmd, "init takes a scheme and optionally a folder, not %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeInit,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scheme = args[0]
			opts.Dir = "."
			if len(args) == 2 {
				opts.Dir = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on success")
	return cmd
}

func initRun(opts *initOptions) error {
	src, err := examples.Rules(opts.Scheme)
	if err != nil {
		return unknownScheme(opts.Scheme)
	}
	set, _, _, err := loadScheme(opts.Scheme)
	if err != nil {
		return err
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(examples.FS(), name) }
	tpl := templateFor(set)
	if err := addResultSheets(tpl, set, read); err != nil {
		return err
	}
	// The scheme's other rule files go beside rules.yaml, and their
	// sheets into the one template.
	files := []initFile{{filepath.Join(opts.Dir, initRules), src}}
	for _, name := range examples.Companions(opts.Scheme) {
		path := opts.Scheme + "/" + name
		data, err := read(path)
		if err != nil {
			return err
		}
		other, err := rules.Parse(path, data)
		if err != nil {
			return err
		}
		mergeTemplate(tpl, templateFor(other))
		if err := addResultSheets(tpl, other, read); err != nil {
			return err
		}
		files = append(files, initFile{filepath.Join(opts.Dir, name), data})
	}
	tplPath := filepath.Join(opts.Dir, initTemplate)
	var exist []string
	for _, p := range append(initPaths(files), tplPath) {
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, fmt.Sprintf("appraise: %s already exists", p))
		}
	}
	if len(exist) > 0 {
		return &run.InputError{Problems: append(exist,
			"    hint: init never replaces files; give another folder: appraise init "+opts.Scheme+" <folder>")}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return &run.InputError{Problems: []string{fmt.Sprintf("%s: cannot make the folder: %v", opts.Dir, pathCause(err))}}
	}
	// All or nothing: a file that fails takes the ones written before it.
	var written []string
	undo := func() {
		for _, p := range written {
			_ = os.Remove(p)
		}
	}
	for _, f := range files {
		if err := writeNew(f.path, f.data); err != nil {
			undo()
			return err
		}
		written = append(written, f.path)
	}
	if err := saveTemplate(tplPath, tpl, false); err != nil {
		undo()
		return err
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.io.Err, "appraise: wrote %s and %s\n", strings.Join(initPaths(files), ", "), tplPath)
		fmt.Fprintf(opts.io.Err, "appraise: fill in %s from row %d, then: appraise score %s\n",
			initTemplate, tpl.HeaderRow()+1, tplPath)
		for _, f := range files[1:] {
			fmt.Fprintf(opts.io.Err, "appraise: and for the rules of %s: appraise score %s --rules %s\n",
				filepath.Base(f.path), tplPath, f.path)
		}
	}
	return nil
}

// initFile is a file init writes.
type initFile struct {
	path string
	data []byte
}

func initPaths(files []initFile) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.path
	}
	return out
}

// writeNew creates path with data; an existing file is left alone and
// reported.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &run.InputError{Problems: []string{fmt.Sprintf("appraise: %s already exists", path)}}
		}
		return &run.InputError{Problems: []string{fmt.Sprintf("%s: cannot write: %v", path, pathCause(err))}}
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return &run.InputError{Problems: []string{fmt.Sprintf("%s: cannot write: %v", path, pathCause(err))}}
	}
	return nil
}
