package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize reads sheets and shared strings with encoding/xml and, where
// the XML is not well-formed, ends quietly: the rest of the row and every
// row after it are dropped without an error. So whenever excelize is to
// read a part, the part is first read through with encoding/xml (streaming,
// in the same decoder settings) to find where, if anywhere, it breaks.

// damageError says where a worksheet's XML stops being well-formed, so
// that excelize would read nothing from there on.
type damageError struct {
	row int    // the first row that cannot be read whole
	in  bool   // the damage is inside that row's element, not before it
	col int    // 1-based column of the cell the damage is in, or 0
	msg string // what encoding/xml says, without its line number
}

func (d *damageError) Error() string {
	return fmt.Sprintf("the sheet's XML is damaged at row %d: %s", d.row, d.msg)
}

// sstDamageError says that the shared string table is not well-formed.
type sstDamageError struct {
	msg string
}

func (d *sstDamageError) Error() string {
	return "the workbook's shared text (xl/sharedStrings.xml) is damaged, so its text cells cannot be read: " + d.msg
}

// sheetDamage finds where the sheet's part stops being well-formed, if it
// does before its rows end. It returns nil when excelize reads every row,
// and when the part cannot be found the way excelize finds it.
func (f *File) sheetDamage(sheet string) *damageError {
	path, why := f.sheetPart(sheet)
	if why != "" {
		return nil
	}
	if _, loaded := f.x.Sheet.Load(path); loaded {
		// excelize reads its own copy, written out from what it parsed.
		return nil
	}
	r, closer, why := f.openPartReader(path, func(name string) bool {
		return strings.ReplaceAll(name, "\\", "/") == path
	})
	if why != "" || r == nil {
		return nil
	}
	if closer != nil {
		defer closer.Close()
	}
	return findSheetDamage(r, f.x.CharsetReader)
}

// sstDamage reports whether the shared string table breaks off before its
// end, where excelize would lose items or refuse every cell.
func (f *File) sstDamage() *sstDamageError {
	const key = "xl/sharedStrings.xml"
	r, closer, why := f.openPartReader(key, func(name string) bool {
		return strings.EqualFold(strings.ReplaceAll(name, "\\", "/"), key)
	})
	if why != "" || r == nil {
		return nil
	}
	if closer != nil {
		defer closer.Close()
	}
	d := xml.NewDecoder(r)
	d.CharsetReader = f.x.CharsetReader
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &sstDamageError{msg: xmlProblem(err)}
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				// excelize reads no further than the table's end.
				return nil
			}
		}
	}
}

// findSheetDamage reads a worksheet part as excelize's Rows does, with
// encoding/xml and the same charset reader, numbering rows as it numbers
// them, and returns where the part stops being well-formed. Damage after
// the sheet data, with no row after it, loses nothing and is not reported.
func findSheetDamage(r io.Reader, charset func(string, io.Reader) (io.Reader, error)) *damageError {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset
	var (
		row       int // excelize's number for the last row started
		col       int // column of the last cell started in the row; -1 if unknown
		depth     int
		rowDepth  int // depth of the open row element, or 0
		cellDepth int // depth of the open cell element, or 0
		afterData bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if afterData {
				return nil
			}
			dmg := &damageError{row: row + 1, msg: xmlProblem(err)}
			if rowDepth > 0 {
				dmg.row, dmg.in = row, true
				if cellDepth > 0 && col > 0 {
					dmg.col = col
				}
			}
			return dmg
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case t.Name.Local == "row":
				// As excelize: one after the row before, unless r says.
				row++
				if n := attrInt(t.Attr, "r"); n != 0 {
					row = n
				}
				rowDepth, cellDepth, col, afterData = depth, 0, 0, false
			case t.Name.Local == "c" && rowDepth > 0 && depth == rowDepth+1:
				cellDepth = depth
				if col >= 0 {
					col++
				}
				if ref := attrString(t.Attr, "r"); ref != "" {
					c, _, err := excelize.CellNameToCoordinates(ref)
					if err != nil {
						c = -1
					}
					col = c
				}
			}
		case xml.EndElement:
			switch depth {
			case cellDepth:
				cellDepth = 0
			case rowDepth:
				rowDepth = 0
			}
			if t.Name.Local == "sheetData" {
				afterData = true
			}
			depth--
		}
	}
}

// attrInt reads an attribute as excelize's attrValToInt does, with
// strconv.Atoi: 0 when it is absent or not a number.
func attrInt(attrs []xml.Attr, local string) int {
	n := 0
	for _, a := range attrs {
		if a.Name.Local == local {
			var err error
			if n, err = strconv.Atoi(a.Value); err != nil {
				return n
			}
		}
	}
	return n
}

// attrString returns the last attribute named local, as excelize keeps it.
func attrString(attrs []xml.Attr, local string) string {
	v := ""
	for _, a := range attrs {
		if a.Name.Local == local {
			v = a.Value
		}
	}
	return v
}

// xmlProblem gives what encoding/xml says about damage, without the line
// number, which means nothing to someone looking at the sheet in Excel.
func xmlProblem(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return strings.TrimPrefix(err.Error(), "xml: ")
}

// openPartReader returns a reader over the part excelize keeps under key,
// as [File.openPart] finds it, for encoding/xml. A nil reader without a
// reason means the part is absent or empty.
func (f *File) openPartReader(key string, match func(name string) bool) (io.Reader, io.Closer, string) {
	b, rc, closer, why := f.partSource(key, match)
	switch {
	case why != "":
		return nil, nil, why
	case b != nil:
		return bytes.NewReader(b), nil, ""
	case rc != nil:
		return rc, closer, ""
	}
	return nil, nil, ""
}
