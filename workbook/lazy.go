package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// lazyAbove is the size of a sheet's XML past which a lazy open leaves it
// out of excelize's copy of the workbook.
const lazyAbove = 1 << 20

// slimPackage copies the workbook at path into a package without its
// worksheets of more than lazyAbove bytes, entry by entry as they are
// compressed, so that nothing is inflated. It reports false when no sheet
// is left out, or the file cannot be copied: then the whole file is
// opened as it is.
func slimPackage(path string) ([]byte, bool) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, false
	}
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	left := false
	for _, e := range z.File {
		if isWorksheetPart(e.Name) && e.UncompressedSize64 > lazyAbove {
			left = true
			continue
		}
		r, err := e.OpenRaw()
		if err != nil {
			return nil, false
		}
		h := e.FileHeader
		dst, err := w.CreateRaw(&h)
		if err != nil {
			return nil, false
		}
		if _, err := io.Copy(dst, r); err != nil {
			return nil, false
		}
	}
	if err := w.Close(); err != nil || !left {
		return nil, false
	}
	return buf.Bytes(), true
}

// isWorksheetPart reports whether a zip entry is a worksheet's XML, as
// excelize tells them.
func isWorksheetPart(name string) bool {
	return strings.HasPrefix(strings.ToLower(strings.ReplaceAll(name, "\\", "/")), "xl/worksheets/sheet")
}

// whole makes excelize's copy of a lazily opened workbook whole before
// excelize reads a sheet itself: the sheets a lazy open left out are
// only ever read by the fast reader, straight from the file.
func (f *File) whole() error {
	if !f.lazy {
		return nil
	}
	x, err := excelize.OpenFile(f.path, excelizeOptions())
	if err != nil {
		return &fileError{f.name, describeOpen(err), err}
	}
	_ = f.x.Close()
	f.x, f.lazy = x, false
	return nil
}
