package main

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// output streams a workbook of a [shape]: the sheets that grow with the
// input are opened at the start and written as input rows come; the sheets
// written once are added at the end, as appraise adds its audit sheet.
type output struct {
	x       *excelize.File
	limit   int // rows a sheet may hold
	copyTo  *sheetShape
	width   int // input cells copied into copyTo's first block row
	growing []*grower
	rows    map[string]int // rows written, by sheet
	styles  map[*excelize.Style]int
	named   bool // the default sheet has been renamed
}

// grower writes one growing sheet, going on in "name 2", "name 3", ...
// when a sheet is full.
type grower struct {
	s     *sheetShape
	part  int
	name  string
	sw    *excelize.StreamWriter
	row   int               // rows written to the current part
	cells [][]excelize.Cell // the block rows, ready to write
	vals  [][]any           // pointers into cells; nil leaves a cell out
}

func newOutput(sh *shape, copyTo *sheetShape, width, limit int) (*output, error) {
	o := &output{x: excelize.NewFile(), limit: limit, copyTo: copyTo, width: width, styles: map[*excelize.Style]int{}, rows: map[string]int{}}
	if err := o.start(sh); err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

// start opens the sheets that grow with the input.
func (o *output) start(sh *shape) error {
	for _, s := range sh.sheets {
		if len(s.block) == 0 {
			continue
		}
		if len(s.head) >= o.limit {
			return fmt.Errorf("sheet %q: %d rows written once leave no room in a sheet of %d rows", s.name, len(s.head), o.limit)
		}
		g := &grower{s: s}
		for i, r := range s.block {
			n := len(r)
			if s == o.copyTo && i == 0 {
				n = max(n, o.width)
			}
			cells := make([]excelize.Cell, n)
			vals := make([]any, n)
			for j, c := range r {
				if c.value == nil {
					continue
				}
				id, err := o.style(c.style)
				if err != nil {
					return err
				}
				cells[j] = excelize.Cell{StyleID: id, Value: c.value}
				vals[j] = &cells[j]
			}
			g.cells, g.vals = append(g.cells, cells), append(g.vals, vals)
		}
		if err := o.open(g, 1); err != nil {
			return err
		}
		o.growing = append(o.growing, g)
	}
	return nil
}

// style returns the output's style ID for a reference style.
func (o *output) style(s *excelize.Style) (int, error) {
	if s == nil {
		return 0, nil
	}
	if id, ok := o.styles[s]; ok {
		return id, nil
	}
	id, err := o.x.NewStyle(s)
	o.styles[s] = id
	return id, err
}

// sheet adds a sheet; the first takes over the default one.
func (o *output) sheet(name string) (*excelize.StreamWriter, error) {
	var err error
	if !o.named {
		err = o.x.SetSheetName(o.x.GetSheetName(0), name)
		o.named = true
	} else {
		_, err = o.x.NewSheet(name)
	}
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", name, err)
	}
	return o.x.NewStreamWriter(name)
}

// open starts part k of a growing sheet with its head rows.
func (o *output) open(g *grower, k int) error {
	if g.sw != nil {
		if err := g.sw.Flush(); err != nil {
			return err
		}
		o.rows[g.name] = g.row
	}
	g.part, g.name, g.row = k, g.s.name, 0
	if k > 1 {
		g.name += " " + strconv.Itoa(k)
	}
	var err error
	if g.sw, err = o.sheet(g.name); err != nil {
		return err
	}
	return o.writeAll(g.sw, &g.row, g.s.head)
}

// writeAll writes constant rows after row *n.
func (o *output) writeAll(sw *excelize.StreamWriter, n *int, rows [][]cell) error {
	for _, r := range rows {
		vals := make([]any, len(r))
		for j, c := range r {
			if c.value == nil {
				continue
			}
			id, err := o.style(c.style)
			if err != nil {
				return err
			}
			vals[j] = excelize.Cell{StyleID: id, Value: c.value}
		}
		*n++
		if err := sw.SetRow(cellName(*n), vals); err != nil {
			return err
		}
	}
	return nil
}

// row writes what one input row gives: its cells copied, then the constant
// block rows of every growing sheet.
func (o *output) row(in []string) error {
	for _, g := range o.growing {
		for i, vals := range g.vals {
			if g.row == o.limit {
				if err := o.open(g, g.part+1); err != nil {
					return err
				}
			}
			if g.s == o.copyTo && i == 0 {
				cells := g.cells[0]
				for j := 0; j < o.width; j++ {
					vals[j] = nil
					if j < len(in) && in[j] != "" {
						cells[j].Value = value(in[j])
						vals[j] = &cells[j]
					}
				}
			}
			g.row++
			if err := g.sw.SetRow(cellName(g.row), vals); err != nil {
				return err
			}
		}
	}
	return nil
}

// value writes a raw input value back as a number when it reads as one.
func value(raw string) any {
	if f, err := strconv.ParseFloat(raw, 64); err == nil {
		return f
	}
	return raw
}

// finish adds the sheets written once and saves the workbook at path, through
// a temporary file beside it that is synced and renamed into place, as
// appraise saves its output. It returns the sheets written, in order, with
// their numbers of rows.
func (o *output) finish(sh *shape, path string) ([]string, error) {
	for _, g := range o.growing {
		if err := g.sw.Flush(); err != nil {
			return nil, err
		}
		o.rows[g.name] = g.row
	}
	for _, s := range sh.sheets {
		if len(s.block) > 0 {
			continue
		}
		sw, err := o.sheet(s.name)
		if err != nil {
			return nil, err
		}
		n := 0
		if err := o.writeAll(sw, &n, s.head); err != nil {
			return nil, err
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
		o.rows[s.name] = n
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	// Write would build the whole zip in memory; a zip writer on the file
	// streams it to disk.
	o.x.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(tmp) })
	if err := o.x.Write(io.Discard); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, err
	}
	return o.sheets(), nil
}

// close removes the temporary files the stream writers spill into.
func (o *output) close() { o.x.Close() }

// sheets lists the sheets written, in workbook order, with their rows.
func (o *output) sheets() []string {
	var out []string
	for _, name := range o.x.GetSheetList() {
		out = append(out, fmt.Sprintf("%s %d rows", name, o.rows[name]))
	}
	return out
}

func cellName(row int) string {
	return "A" + strconv.Itoa(row)
}
