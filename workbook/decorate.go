package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Chart is a column chart of one series, placed on a sheet: the
// categories and values are ranges of cells, as [SheetWriter.Range] gives
// them.
type Chart struct {
	Cell       string // where its top left corner is, "E2"
	Title      string
	Name       string // the series' name
	Categories string
	Values     string
	Width      uint // in pixels; 0 for 480
	Height     uint // in pixels; 0 for 290
}

// AddChart puts a native column chart on the sheet, which Excel, WPS and
// LibreOffice draw from the cells it names. It is made when the workbook
// is committed, so the cells may be written after it.
func (s *SheetWriter) AddChart(c Chart) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.charts = append(s.charts, c)
}

// Range is the absolute reference of cells of this sheet, columns from 0
// and rows from 1, as a chart names them: 'summary'!$A$5:$A$9.
func (s *SheetWriter) Range(col1, row1, col2, row2 int) string {
	return "'" + s.name + "'!$" + s.col(col1) + "$" + strconv.Itoa(row1) + ":$" + s.col(col2) + "$" + strconv.Itoa(row2)
}

// decorate adds to excelize's part of the sheet what lives in parts of
// their own: the notes on the header and the charts.
func (s *SheetWriter) decorate() error {
	x := s.w.x
	for i, n := range s.opts.Notes {
		if n == "" {
			continue
		}
		// A note is sized to its text, as Excel sizes one typed in.
		lines := 1
		for _, r := range n {
			if r == '\n' {
				lines++
			}
		}
		err := x.AddComment(s.name, excelize.Comment{Cell: s.col(i) + "1", Author: "appraise",
			Paragraph: []excelize.RichTextRun{{Text: n}}, Width: 240, Height: uint(min(40+18*lines, 300))})
		if err != nil {
			return s.errorf("cannot write a note: %v", err)
		}
	}
	for _, c := range s.charts {
		w, h := c.Width, c.Height
		if w == 0 {
			w = 480
		}
		if h == 0 {
			h = 290
		}
		err := x.AddChart(s.name, c.Cell, &excelize.Chart{
			Type:      excelize.Col,
			Series:    []excelize.ChartSeries{{Name: c.Name, Categories: c.Categories, Values: c.Values}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: w, Height: h},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		})
		if err != nil {
			return s.errorf("cannot write a chart: %v", err)
		}
	}
	return nil
}

// links finds, in a sheet part excelize wrote, the elements that tie it
// to its drawing and its notes.
var links = regexp.MustCompile(`<(drawing|legacyDrawing) [^>]*?(/>|></(drawing|legacyDrawing)>)`)

// sheetLinks reads them from excelize's part f, in their order.
func sheetLinks(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, m := range links.FindAll(b, -1) {
		out = append(out, m...)
	}
	return out, nil
}

var defaults = regexp.MustCompile(`<Default [^>]*?(/>|></Default>)`)

// copySorted copies the content types part f with its Default entries in
// order: excelize writes those of a workbook with charts or notes in the
// order of a map, which would make two runs write different files.
func copySorted(zw *zip.Writer, f *zip.File) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	at := defaults.FindAllIndex(b, -1)
	sorted := make([][]byte, len(at))
	for i, m := range at {
		sorted[i] = b[m[0]:m[1]]
	}
	slices.SortFunc(sorted, bytes.Compare)
	var out []byte
	last := 0
	for i, m := range at {
		out = append(out, b[last:m[0]]...)
		out = append(out, sorted[i]...)
		last = m[1]
	}
	out = append(out, b[last:]...)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
