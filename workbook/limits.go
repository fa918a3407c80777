package workbook

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what a workbook may inflate to, checked from the sizes its zip
// directory declares before a byte is inflated. archive/zip refuses to
// give more bytes than an entry declares, so a workbook within them cannot
// inflate past them however its entries lie.
//
// They are sized from Excel's own limits. A sheet holds at most 1,048,576
// rows; at 4 KB of XML a row, about 100 filled columns, that is 4 GB, so a
// sheet or the shared text may inflate to maxSheetPart. Every other part
// (styles, the workbook part, relationships, pictures) excelize holds in
// memory whole, and no spreadsheet program writes one of more than
// maxOtherPart. All the parts together may inflate to maxInflated.
// Spreadsheet programs compress XML 5 to 20 times (the most repetitive
// sheets excelize writes, the same cell a million times, 17 times), so a
// part of more than ratioGrace that inflates more than maxRatio times its
// stored size is a zip bomb, not a workbook.
var (
	maxSheetPart uint64 = 4 << 30
	maxOtherPart uint64 = 256 << 20
	maxInflated  uint64 = 8 << 30
	maxRatio     uint64 = 100
	ratioGrace   uint64 = 1 << 20
)

// bombHint follows every message about a workbook past the limits.
const bombHint = "    hint: no spreadsheet program writes such a file; export the workbook again from where it came from"

// checkSizes refuses a workbook whose parts would inflate past the limits,
// naming the first part that does.
func checkSizes(name string, z *zip.Reader) error {
	var total uint64
	var sheets map[string]string
	for _, e := range z.File {
		size := e.UncompressedSize64
		total += size
		part := strings.ReplaceAll(e.Name, "\\", "/")
		limit, big := maxOtherPart, isBigPart(part)
		if big {
			limit = maxSheetPart
		}
		tooBig := size > limit
		tooDense := size > ratioGrace && (e.CompressedSize64 == 0 || size/maxRatio > e.CompressedSize64)
		if !tooBig && !tooDense {
			continue
		}
		if sheets == nil {
			sheets = sheetsByPart(z)
		}
		what := describePart(part, sheets)
		var msg string
		if tooBig {
			msg = fmt.Sprintf("%s would inflate to %s, past the %s allowed for one part", what, sizeText(size), sizeText(limit))
		} else {
			msg = fmt.Sprintf("%s would inflate from %s to %s, %d times its size, where workbooks inflate less than %d times",
				what, sizeText(e.CompressedSize64), sizeText(size), ratio(size, e.CompressedSize64), maxRatio)
		}
		return &fileError{name, msg + "\n" + bombHint, nil}
	}
	if total > maxInflated {
		msg := fmt.Sprintf("its parts would inflate to %s in all, past the %s allowed for a workbook", sizeText(total), sizeText(maxInflated))
		return &fileError{name, msg + "\n" + bombHint, nil}
	}
	return nil
}

// isBigPart reports whether a part may be as large as a sheet: a worksheet
// or the shared string table.
func isBigPart(part string) bool {
	p := strings.ToLower(part)
	return strings.HasPrefix(p, "xl/worksheets/") || p == "xl/sharedstrings.xml"
}

func ratio(size, stored uint64) uint64 {
	if stored == 0 {
		stored = 1
	}
	return size / stored
}

// describePart names a part as messages show it: by the sheet it holds
// where it holds one.
func describePart(part string, sheets map[string]string) string {
	if s, ok := sheets[part]; ok {
		return fmt.Sprintf("the sheet %s (%s)", s, part)
	}
	if strings.EqualFold(part, "xl/sharedStrings.xml") {
		return "the workbook's shared text (" + part + ")"
	}
	return "the part " + part
}

// sizeText shows a size in bytes, in KB below a megabyte and in MB above
// it, rounded up, so that a size past a limit never reads as the limit.
func sizeText(n uint64) string {
	const kb, mb = 1 << 10, 1 << 20
	switch {
	case n < kb:
		return fmt.Sprintf("%d bytes", n)
	case n < mb:
		return fmt.Sprintf("%d KB", (n+kb-1)/kb)
	}
	return fmt.Sprintf("%d MB", (n+mb-1)/mb)
}

// sheetsByPart maps worksheet parts to their sheets' names, as far as the
// workbook part and its relationships, if small, say. It is for messages
// only, so anything unusual leaves a part unnamed.
func sheetsByPart(z *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:",attr"`
		} `xml:"Relationship"`
	}
	if !readSmall(z, "xl/workbook.xml", &wb) || !readSmall(z, "xl/_rels/workbook.xml.rels", &rels) {
		return map[string]string{}
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			t = path.Clean("xl/" + t)
		}
		targets[r.ID] = t
	}
	m := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			m[t] = s.Name
		}
	}
	return m
}

// readSmall decodes the zip entry name into v when it is small enough to
// read for a message.
func readSmall(z *zip.Reader, name string, v any) bool {
	for _, e := range z.File {
		if !strings.EqualFold(strings.ReplaceAll(e.Name, "\\", "/"), name) {
			continue
		}
		if e.UncompressedSize64 > 16<<20 {
			return false
		}
		r, err := e.Open()
		if err != nil {
			return false
		}
		defer r.Close()
		return xml.NewDecoder(io.LimitReader(r, 16<<20)).Decode(v) == nil
	}
	return false
}

// longRunError says that a sheet's XML, or the shared text's, holds a
// token longer than [maxRun].
type longRunError struct {
	sheet bool // in the sheet; else in the shared text
	row   int  // the row being read when it was met, or 0
}

func (e *longRunError) Error() string {
	where := "the workbook's shared text (xl/sharedStrings.xml)"
	if e.sheet {
		where = "the sheet's XML"
		if e.row > 0 {
			where += fmt.Sprintf(" near row %d", e.row)
		}
	}
	return fmt.Sprintf("%s runs on for more than %s in one piece, longer than any cell", where, sizeText(uint64(maxRun)))
}
