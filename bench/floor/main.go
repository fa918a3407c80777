// Command floor measures the copy floor of appraise score: the cost of
// reading a workbook and writing one of the same shape as appraise's output
// with excelize alone, computing nothing.
//
//	go run ./bench/floor -ref ref10.xlsx=10 -ref ref20.xlsx=20 -o out.xlsx in.xlsx
//
// It stream-reads the input sheet with excelize's Rows (every cell, raw
// values), then stream-writes a workbook with the sheets, rows and cells of
// appraise's output: the results sheet holds each input row's cells followed
// by constant result cells; the other sheets hold constant rows. One step
// follows the other; nothing runs concurrently.
//
// The shape is learned, not built in, so it follows appraise as its output
// changes: each -ref is a workbook appraise scored from a known number of
// input rows (FILE=N). A sheet of R rows from N input rows is taken as
// head + per x N rows: head rows written once at the top (the header, or
// the whole audit sheet), then per rows for every input row; two references
// from different N give head and per. The cells, their types (text,
// number, boolean) and styles come from the first reference: its head rows
// and the rows of its first input row, written again for every input row.
// The results sheet is the one named like the input sheet; its first
// columns, as many as the input's header row has cells, take the input's
// cells. Column widths and frozen panes are left out: they cost nothing per
// row.
//
// A sheet that grows past the 1,048,576 rows a sheet can hold goes on in
// "detail 2", "detail 3", ..., each starting with the head rows again. The
// sheets that grow are opened first and the sheets written once are added
// at the end, as appraise adds its audit sheet.
//
// By default each input row is written as soon as it is read; with -hold
// every row is read into memory first and written afterwards. The time spent
// reading and writing is printed on standard error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// headerScan is how many rows are searched for the input's header row, as
// appraise does.
const headerScan = 30

type options struct {
	refs  refList
	sheet string
	out   string
	in    string
	hold  bool
	limit int       // rows a sheet may hold
	log   io.Writer // where the timings go
}

func main() {
	var o options
	flag.Var(&o.refs, "ref", "a workbook appraise scored from N input rows, as `FILE=N`; give two, with different N")
	flag.StringVar(&o.sheet, "sheet", "", "the input `sheet` (default: the first)")
	flag.StringVar(&o.out, "o", "", "the workbook `path` to write (required)")
	flag.BoolVar(&o.hold, "hold", false, "read every row into memory before writing")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: floor -ref FILE=N -ref FILE=N [-sheet NAME] [-hold] -o OUT INPUT\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if o.out == "" || flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	o.in = flag.Arg(0)
	o.limit, o.log = excelize.TotalRows, os.Stderr
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	start := time.Now()
	sh, err := learn(o.refs)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.log, "floor: learned the output's shape in %.2fs\n", time.Since(start).Seconds())
	start = time.Now()
	x, err := excelize.OpenFile(o.in)
	if err != nil {
		return err
	}
	defer x.Close()
	if o.sheet == "" {
		o.sheet = x.GetSheetName(0)
	}
	var copyTo *sheetShape
	for _, s := range sh.sheets {
		if s.name == o.sheet {
			copyTo = s
		}
	}
	if copyTo == nil || len(copyTo.head) == 0 || len(copyTo.block) == 0 {
		return fmt.Errorf("%s: the reference has no results sheet %q with a header row and a row per input row", o.refs[0].path, o.sheet)
	}

	read, write := time.Since(start), time.Duration(0)
	rows, err := x.Rows(o.sheet)
	if err != nil {
		return fmt.Errorf("%s: %w", o.in, err)
	}
	defer rows.Close()
	width, err := findHeader(rows, copyTo.head[len(copyTo.head)-1])
	if err != nil {
		return fmt.Errorf("%s: %s: %w", o.in, o.sheet, err)
	}
	out, err := newOutput(sh, copyTo, width, o.limit)
	if err != nil {
		return err
	}
	defer out.close()
	var held [][]string
	n := 0
	for {
		t := time.Now()
		if !rows.Next() {
			read += time.Since(t)
			break
		}
		in, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("%s: %s: %w", o.in, o.sheet, err)
		}
		t2 := time.Now()
		read += t2.Sub(t)
		if blank(in) {
			continue // appraise skips rows with no cells
		}
		n++
		if o.hold {
			held = append(held, in)
			continue
		}
		if err := out.row(in); err != nil {
			return err
		}
		write += time.Since(t2)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	t := time.Now()
	for _, in := range held {
		if err := out.row(in); err != nil {
			return err
		}
	}
	sheets, err := out.finish(sh, o.out)
	if err != nil {
		return fmt.Errorf("%s: %w", o.out, err)
	}
	write += time.Since(t)

	how := "writing each as it came"
	if o.hold {
		how = "holding them in memory"
	}
	fmt.Fprintf(o.log, "floor: read %d rows of %s, sheet %s, in %.2fs, %s\n", n, filepath.Base(o.in), o.sheet, read.Seconds(), how)
	fmt.Fprintf(o.log, "floor: wrote %s in %.2fs: %s\n", filepath.Base(o.out), write.Seconds(), strings.Join(sheets, ", "))
	fmt.Fprintf(o.log, "floor: %.2fs reading and writing\n", time.Since(start).Seconds())
	return nil
}

// findHeader reads rows up to the input's header row, the first row whose
// cells begin the results sheet's header, and returns its number of cells.
func findHeader(rows *excelize.Rows, want []cell) (int, error) {
	for i := 0; i < headerScan && rows.Next(); i++ {
		got, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		if len(got) > 0 && len(got) <= len(want) && begins(want, got) {
			return len(got), nil
		}
	}
	return 0, fmt.Errorf("none of the first %d rows begins like the header of the reference's results sheet", headerScan)
}

func begins(want []cell, got []string) bool {
	for i, g := range got {
		if w, _ := want[i].value.(string); w != g {
			return false
		}
	}
	return true
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
