package workbook

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// CellType says what a cell holds where its raw value alone would mislead:
// a date is stored as a number of days, TRUE as 1, #DIV/0! as text. The
// reader only reports it; what a column may hold is for the caller to
// decide.
type CellType uint8

// Types of cell.
const (
	Plain      CellType = iota // a number or text, as the raw value says, or nothing
	DateSerial                 // a number shown as a date or time: days since 1900 (see [Table.DateText])
	ErrorValue                 // an Excel error value such as #DIV/0! or #N/A, which is the raw value
	Boolean                    // TRUE or FALSE, stored as 1 or 0
	// Uncomputed is a formula whose result the workbook does not hold, as
	// programs that write formulas without computing them leave it: the
	// raw value is "", which is not what the formula gives.
	// [Row.Formulas] holds its text.
	Uncomputed
)

// typeOfAttr gives the type of a cell from its t attribute, before its
// style is looked at.
func typeOfAttr(t []byte) CellType {
	switch string(t) {
	case "e":
		return ErrorValue
	case "b":
		return Boolean
	case "d":
		return DateSerial
	}
	return Plain
}

// dateStyles returns, per cell style index, whether the style's number
// format shows a date or a time. It is worked out once per workbook.
func (f *File) dateStyles() []bool {
	if f.datesRead {
		return f.dates
	}
	f.datesRead = true
	ss := f.x.Styles
	if ss == nil || ss.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if ss.NumFmts != nil {
		for _, nf := range ss.NumFmts.NumFmt {
			custom[nf.NumFmtID] = nf.FormatCode
		}
	}
	dates := make([]bool, len(ss.CellXfs.Xf))
	for i, xf := range ss.CellXfs.Xf {
		if xf.NumFmtID == nil {
			continue
		}
		id := *xf.NumFmtID
		if code, ok := custom[id]; ok {
			dates[i] = isDateFormat(code)
		} else {
			dates[i] = isDateFormatID(id)
		}
	}
	f.dates = dates
	return dates
}

// isDateFormatID reports whether a built-in number format shows a date or
// a time: 14-22 and 45-47 everywhere, and 27-36, 50-58 and 71-81, which
// the Chinese, Japanese, Korean and Thai versions of Excel define as dates.
func isDateFormatID(id int) bool {
	return 14 <= id && id <= 22 || 27 <= id && id <= 36 || 45 <= id && id <= 47 ||
		50 <= id && id <= 58 || 71 <= id && id <= 81
}

// isDateFormat reports whether a custom number format shows a date or a
// time: whether it has a y, m, d, h or s outside quoted text, escapes and
// brackets, or an elapsed-time bracket such as [h].
func isDateFormat(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is shown, padded or repeated, not read
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return false
			}
			in := strings.ToLower(code[i+1 : i+1+j])
			if in != "" && strings.Trim(in, "hms") == "" && strings.Trim(in, in[:1]) == "" {
				return true // [h], [mm], [ss]: elapsed time
			}
			i += j + 1
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return true
		}
	}
	return false
}

// DateText shows the raw value of a [DateSerial] cell as a date,
// "2024-03-01", a date and time, "2024-03-01 09:30", or a time of day,
// "09:30:15", minding whether the workbook counts its days from 1904. A
// value that is not a serial number comes back as it is.
func (t *Table) DateText(raw string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v < 0 {
		return raw
	}
	tm, err := excelize.ExcelDateToTime(v, t.date1904)
	if err != nil {
		return raw
	}
	// Round to the second: serials carry float noise.
	tm = tm.Round(1e9)
	switch {
	case v < 1:
		return tm.Format("15:04:05")
	case v == math.Trunc(v):
		return tm.Format("2006-01-02")
	case tm.Second() == 0:
		return tm.Format("2006-01-02 15:04")
	}
	return tm.Format("2006-01-02 15:04:05")
}

// date1904 reports whether the workbook counts dates from 1904, as old
// Mac workbooks do.
func (f *File) date1904() bool {
	if f.x == nil {
		return false
	}
	p, err := f.x.GetWorkbookProps()
	return err == nil && p.Date1904 != nil && *p.Date1904
}

// fallbackTypes gives the types of a row's cells read by excelize, which
// says nothing of them: it asks excelize cell by cell. It also gives the
// formulas of the Uncomputed cells, by cell index, or nil for none.
func (f *File) fallbackTypes(sheet string, row int, cells []string, dst []CellType, fdst []string) ([]CellType, []string) {
	dst = dst[:0]
	fdst = fdst[:0]
	found := false
	dates := f.dateStyles()
	for j, c := range cells {
		typ := Plain
		formula := ""
		ref := cellName(j, row)
		if c != "" {
			ct, err := f.x.GetCellType(sheet, ref)
			if err == nil {
				switch ct {
				case excelize.CellTypeError:
					typ = ErrorValue
				case excelize.CellTypeBool:
					typ = Boolean
				case excelize.CellTypeDate:
					typ = DateSerial
				case excelize.CellTypeNumber, excelize.CellTypeUnset:
					if s, err := f.x.GetCellStyle(sheet, ref); err == nil && s >= 0 && s < len(dates) && dates[s] {
						typ = DateSerial
					}
				}
			}
		} else if fm, err := f.x.GetCellFormula(sheet, ref); err == nil && fm != "" {
			// t="str" is a formula whose text result is empty; excelize
			// cannot say whether the <v> is there, so that one counts as
			// computed.
			if ct, err := f.x.GetCellType(sheet, ref); err == nil && ct != excelize.CellTypeFormula {
				typ, formula, found = Uncomputed, fm, true
			}
		}
		dst = append(dst, typ)
		fdst = append(fdst, formula)
	}
	if !found {
		fdst = nil
	}
	return dst, fdst
}
