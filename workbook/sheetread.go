package workbook

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// This file reads a worksheet's rows the way excelize's Rows and
// Columns(Options{RawCellValue: true}) do, cell for cell, several times
// faster: excelize decodes every token with encoding/xml, which runs at
// about 13 MB/s of sheet XML. The reader handles the XML that spreadsheet
// programs write; on anything else it stops, and [sheetRows] lets excelize
// read the sheet from the same row on, so the rows a Table sees never
// depend on which reader read them.

// sheetReader yields the rows of one worksheet part.
type sheetReader struct {
	sc    *xmlScanner
	sst   []string
	dates []bool // per cell style, whether it shows a date

	inData bool // inside <sheetData>
	done   bool // past </sheetData>
	num    int  // the row Next moved to
	next   int  // the row whose start tag was read and whose cells were not, or 0
	last   int  // the number of the last row start read

	buf   []byte     // the current row's cell text, back to back
	spans []cellSpan // the current row's cells
	cells []string   // returned by Columns, reused
	types []CellType // the type of each of cells, reused
	// The text of each Uncomputed cell's formula, by cell index, and
	// whether the row has one; reused.
	formulas    []string
	hasFormulas bool
	ftext       []byte // the current cell's formula
	si          siText // a cell's inline string
	tmp         []byte

	why string // why the reader gave up; "" while it has not
}

// cellSpan is one cell of the current row: buf[a:b], or a shared string.
type cellSpan struct {
	a, b int32
	sst  int32 // index into the shared strings, or -1
	typ  CellType
}

// fail gives up on the sheet; the caller falls back on excelize.
func (r *sheetReader) fail(why string) bool {
	if why == "" {
		// The scanner gives no reason when the part ends inside an
		// element; giving up must still be seen.
		why = "end of the part inside an element"
	}
	if r.why == "" {
		r.why = why
	}
	return false
}

// Next moves to the next row number, as excelize's Rows.Next does: rows
// absent from the XML come back as rows without cells.
func (r *sheetReader) Next() bool {
	if r.done || r.why != "" {
		return false
	}
	if r.next == 0 && !r.findRow() {
		return false
	}
	r.num++
	return true
}

// findRow reads up to the next row's start tag and sets next to its
// number, or reaches the end of the sheet data.
func (r *sheetReader) findRow() bool {
	sc := r.sc
	for {
		switch sc.next() {
		case tokText:
		case tokStart:
			if !r.inData {
				switch string(sc.local) {
				case "row":
					return r.fail("row outside sheetData")
				case "sheetData":
					r.inData = true
				}
				continue
			}
			if string(sc.local) != "row" {
				return r.fail("element other than row in sheetData")
			}
			return r.rowStart()
		case tokEnd:
			if r.inData {
				// Rows are read to their end, so this ends sheetData.
				r.inData, r.done = false, true
				r.tail()
				return false
			}
		case tokEOF:
			return r.fail("no end of sheetData")
		default:
			return r.fail(sc.why)
		}
	}
}

// rowStart reads the number of the row whose start tag is current.
// excelize numbers a row without r one after the row before; a number
// that does not go up, or that excelize reads another way, is left to
// excelize.
func (r *sheetReader) rowStart() bool {
	n, seen := 0, false
	for _, a := range r.sc.attrs {
		if string(a.local) != "r" {
			continue
		}
		if seen || !a.plain {
			return r.fail("unusual row number")
		}
		seen = true
		v, ok := smallUint(a.value)
		if !ok || v == 0 {
			return r.fail("unusual row number")
		}
		n = v
	}
	if !seen {
		n = r.last + 1
	}
	if n <= r.last || n > excelize.TotalRows {
		return r.fail("row number out of order or too large")
	}
	r.last, r.next = n, n
	return true
}

// tail reads what follows </sheetData>: excelize would take any row found
// there as more rows.
func (r *sheetReader) tail() {
	for {
		switch r.sc.next() {
		case tokText, tokEnd:
		case tokStart:
			if string(r.sc.local) == "row" {
				r.fail("row after sheetData")
				return
			}
		case tokEOF:
			return
		default:
			r.fail(r.sc.why)
			return
		}
	}
}

// Columns returns the cells of the row Next moved to, as excelize's
// Columns with raw values does: each cell's value at the index its
// reference gives, empty cells dropped from the end. It also reads the
// next row's start tag. The slice is reused by the next call.
func (r *sheetReader) Columns() []string {
	if r.why != "" || r.num < r.next {
		return nil
	}
	r.next = 0
	r.buf, r.spans, r.hasFormulas = r.buf[:0], r.spans[:0], false
	col := 0
	sc := r.sc
	for done := false; !done; {
		switch sc.next() {
		case tokText:
		case tokEnd:
			done = true
		case tokStart:
			if string(sc.local) != "c" {
				r.fail("element other than c in a row")
				return nil
			}
			if !r.readCell(&col) {
				return nil
			}
		case tokEOF:
			r.fail("no end of row")
			return nil
		default:
			r.fail(sc.why)
			return nil
		}
	}
	// excelize reads on to the next row's start tag and counts anything
	// before it as part of this row, so the next row start must be fine
	// before this row is.
	if !r.findRow() && r.why != "" {
		return nil
	}
	r.cells, r.types = r.cells[:0], r.types[:0]
	s := string(r.buf)
	for _, sp := range r.spans {
		switch {
		case sp.typ == Uncomputed:
			r.cells = append(r.cells, "")
		case sp.sst >= 0:
			r.cells = append(r.cells, r.sst[sp.sst])
		default:
			r.cells = append(r.cells, s[sp.a:sp.b])
		}
		r.types = append(r.types, sp.typ)
	}
	if r.hasFormulas {
		r.formulas = r.formulas[:0]
		for _, sp := range r.spans {
			f := ""
			if sp.typ == Uncomputed {
				f = s[sp.a:sp.b]
			}
			r.formulas = append(r.formulas, f)
		}
	}
	return r.cells
}

// Formulas returns the text of the formula of each [Uncomputed] cell
// Columns last returned, by cell index, or nil when there is none. The
// slice is reused by the next call to Columns.
func (r *sheetReader) Formulas() []string {
	if !r.hasFormulas {
		return nil
	}
	return r.formulas
}

// Types returns the type of each cell Columns last returned. The slice is
// reused by the next call to Columns.
func (r *sheetReader) Types() []CellType { return r.types }

const (
	cellPlain = iota // the value is <v> as written
	cellShared
	cellInline
)

// readCell reads a <c> element whose start tag is current. col is the
// 1-based column of the cell before; it becomes this cell's.
func (r *sheetReader) readCell(col *int) bool {
	sc := r.sc
	typ := cellPlain
	// A number's style may show it as a date; text's says nothing.
	ctype, style, numeric := Plain, -1, true
	str := false // t="str": a formula's text result, which may be empty
	*col++
	for _, a := range sc.attrs {
		switch string(a.local) {
		case "r":
			v := r.attrValue(a)
			if len(v) == 0 {
				continue // excelize treats r="" as no reference
			}
			c, ok := cellColumn(v)
			if !ok {
				return r.fail("unusual cell reference")
			}
			*col = c
		case "s":
			// excelize parses the style as an integer and, if it cannot,
			// drops the rest of the cell.
			v := r.attrValue(a)
			if n, ok := smallUint(v); ok {
				style = n
			} else if !validStyle(v) {
				return r.fail("unusual cell style")
			}
		case "t":
			v := r.attrValue(a)
			switch string(v) {
			case "s":
				typ = cellShared
			case "inlineStr":
				typ = cellInline
			default:
				typ = cellPlain
			}
			ctype = typeOfAttr(v)
			numeric = len(v) == 0 || string(v) == "n"
			str = string(v) == "str"
		}
	}
	vStart, vEnd := -1, -1
	hasF, hasIS := false, false
	r.si.reset()
	for done := false; !done; {
		switch sc.next() {
		case tokText:
		case tokEnd:
			done = true
		case tokStart:
			switch string(sc.local) {
			case "v":
				// The last <v> wins, as in encoding/xml.
				if vStart >= 0 {
					r.buf = r.buf[:vStart]
				}
				vStart = len(r.buf)
				var ok bool
				if r.buf, ok = readChars(sc, r.buf); !ok {
					return r.fail(sc.why)
				}
				vEnd = len(r.buf)
			case "f":
				if !typedAttrsOK("f", sc.attrs, &r.tmp) {
					return r.fail("unusual formula attribute")
				}
				hasF = true
				var ok bool
				if r.ftext, ok = readChars(sc, r.ftext[:0]); !ok {
					return r.fail(sc.why)
				}
			case "is":
				hasIS = true
				if !readSI(sc, &r.si, &r.tmp) {
					return r.fail("unusual inline string")
				}
			default:
				// excelize looks for v, f and is inside any other element.
				return r.fail("element other than v, f or is in a cell")
			}
		case tokEOF:
			return r.fail("no end of cell")
		default:
			return r.fail(sc.why)
		}
	}
	if numeric && style >= 0 && style < len(r.dates) && r.dates[style] {
		ctype = DateSerial
	}
	sp := cellSpan{sst: -1, typ: ctype}
	if vStart >= 0 {
		sp.a, sp.b = int32(vStart), int32(vEnd)
	}
	empty := sp.a == sp.b
	switch {
	case typ == cellShared && !empty:
		i := sstIndex(r.buf[vStart:vEnd])
		if i < 0 || i >= len(r.sst) {
			return r.fail("shared string index out of range")
		}
		r.buf = r.buf[:vStart]
		sp = cellSpan{sst: int32(i), typ: ctype}
		empty = r.sst[i] == ""
	case typ == cellInline && hasIS:
		if vStart >= 0 {
			r.buf = r.buf[:vStart]
		}
		a := len(r.buf)
		r.buf = r.si.appendValue(r.buf, &r.tmp)
		sp = cellSpan{a: int32(a), b: int32(len(r.buf)), sst: -1, typ: ctype}
		empty = sp.a == sp.b
	}
	if empty && !hasF {
		return true
	}
	if empty && hasF && (vStart < 0 || !str) {
		// A formula without a result: a computed empty text is t="str"
		// with an empty <v>, anything else has a value to show.
		if len(r.ftext) == 0 {
			// A shared formula keeps its text in the first cell of its
			// range; excelize works out this cell's from it.
			return r.fail("shared formula without a result")
		}
		a := len(r.buf)
		r.buf = append(r.buf, r.ftext...)
		sp = cellSpan{a: int32(a), b: int32(len(r.buf)), sst: -1, typ: Uncomputed}
		r.hasFormulas = true
	}
	if len(r.buf) > math.MaxInt32 {
		return r.fail("row too long")
	}
	// excelize pads with empty cells up to this cell's column; a cell whose
	// column is not beyond the last goes at the end all the same.
	for len(r.spans) < *col-1 {
		r.spans = append(r.spans, cellSpan{sst: -1})
	}
	r.spans = append(r.spans, sp)
	return true
}

// attrValue returns an attribute's value, decoded if need be into a
// scratch buffer that the next call reuses.
func (r *sheetReader) attrValue(a xmlAttr) []byte {
	if a.plain {
		return a.value
	}
	r.tmp = appendText(r.tmp[:0], a.value, false)
	return r.tmp
}

// readChars appends the text directly inside the element whose start tag
// is current, skipping child elements as encoding/xml does for a string,
// and reads up to the element's end.
func readChars(sc *xmlScanner, dst []byte) ([]byte, bool) {
	for {
		switch sc.next() {
		case tokText:
			dst = appendText(dst, sc.text, sc.plain)
		case tokEnd:
			return dst, true
		case tokStart:
			if !sc.skip() {
				return dst, false
			}
		default:
			return dst, false
		}
	}
}

// siText gathers a string item (<si>, or <is> in a cell) as excelize's
// xlsxSI.String does: the last <t> directly in the item, then the last <t>
// of each run <r>, with _xHHHH_ escapes decoded. Phonetic runs are not
// part of the value.
type siText struct {
	t    []byte
	runs []byte
}

func (st *siText) reset() {
	st.t, st.runs = st.t[:0], st.runs[:0]
}

// appendValue appends the item's value; tmp is scratch space.
func (st *siText) appendValue(dst []byte, tmp *[]byte) []byte {
	if len(st.runs) == 0 {
		return appendUnescaped(dst, st.t)
	}
	*tmp = append(append((*tmp)[:0], st.t...), st.runs...)
	return appendUnescaped(dst, *tmp)
}

// readSI reads a string item whose start tag is current into st. It
// refuses attributes that encoding/xml could not unmarshal into excelize's
// types, since excelize then keeps part of the item.
func readSI(sc *xmlScanner, st *siText, tmp *[]byte) bool {
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			return true
		case tokStart:
			var ok bool
			switch string(sc.local) {
			case "t":
				st.t, ok = readChars(sc, st.t[:0])
			case "r":
				ok = readRun(sc, st, tmp)
			case "rPh", "phoneticPr":
				ok = typedAttrsOK(string(sc.local), sc.attrs, tmp) && sc.skip()
			default:
				ok = sc.skip()
			}
			if !ok {
				return false
			}
		default:
			return false
		}
	}
}

// readRun reads a rich-text run <r> and adds the text of its last <t>.
func readRun(sc *xmlScanner, st *siText, tmp *[]byte) bool {
	start := len(st.runs)
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			return true
		case tokStart:
			var ok bool
			switch string(sc.local) {
			case "t":
				st.runs, ok = readChars(sc, st.runs[:start])
			case "rPr":
				ok = readRunProps(sc, tmp)
			default:
				ok = sc.skip()
			}
			if !ok {
				return false
			}
		default:
			return false
		}
	}
}

// readRunProps checks the run properties <rPr>, whose attributes excelize
// unmarshals into numbers and booleans.
func readRunProps(sc *xmlScanner, tmp *[]byte) bool {
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			return true
		case tokStart:
			if !typedAttrsOK(string(sc.local), sc.attrs, tmp) || !sc.skip() {
				return false
			}
		default:
			return false
		}
	}
}

// Kinds of attribute value that encoding/xml must parse for excelize.
const (
	kindString = iota
	kindBool
	kindInt
	kindUint32
	kindFloat
)

// attrKind gives the kind of attribute attr of element elem in excelize's
// types for string items, run properties, formulas and the shared string
// table.
func attrKind(elem, attr string) int {
	switch elem {
	case "b", "i", "strike", "outline", "shadow", "condense", "extend":
		if attr == "val" {
			return kindBool
		}
	case "charset", "family":
		if attr == "val" {
			return kindInt
		}
	case "sz":
		if attr == "val" {
			return kindFloat
		}
	case "color":
		switch attr {
		case "auto":
			return kindBool
		case "indexed", "theme":
			return kindInt
		case "tint":
			return kindFloat
		}
	case "rPh":
		if attr == "sb" || attr == "eb" {
			return kindUint32
		}
	case "phoneticPr":
		if attr == "fontId" {
			return kindInt
		}
	case "f":
		switch attr {
		case "aca", "dt2D", "dtr", "del1", "del2", "ca", "bx":
			return kindBool
		case "si":
			return kindInt
		}
	case "sst":
		if attr == "count" || attr == "uniqueCount" {
			return kindInt
		}
	}
	return kindString
}

// typedAttrsOK reports whether encoding/xml would parse every typed
// attribute of elem.
func typedAttrsOK(elem string, attrs []xmlAttr, tmp *[]byte) bool {
	for _, a := range attrs {
		k := attrKind(elem, string(a.local))
		if k == kindString {
			continue
		}
		v := a.value
		if !a.plain {
			*tmp = appendText((*tmp)[:0], v, false)
			v = *tmp
		}
		if !typedValueOK(k, v) {
			return false
		}
	}
	return true
}

// typedValueOK reports whether encoding/xml would parse v as kind k: an
// empty value is zero, anything else is trimmed and parsed by strconv.
func typedValueOK(k int, v []byte) bool {
	if len(v) == 0 {
		return true
	}
	switch k {
	case kindBool:
		switch string(v) {
		case "0", "1", "true", "false":
			return true
		}
		_, err := strconv.ParseBool(strings.TrimSpace(string(v)))
		return err == nil
	case kindInt:
		if _, ok := smallUint(bytes.TrimPrefix(v, minus)); ok {
			return true
		}
		_, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, 64)
		return err == nil
	case kindUint32:
		if n, ok := smallUint(v); ok && n <= 1<<32-1 {
			return true
		}
		_, err := strconv.ParseUint(strings.TrimSpace(string(v)), 10, 32)
		return err == nil
	case kindFloat:
		if plainDecimal(v) {
			return true
		}
		_, err := strconv.ParseFloat(strings.TrimSpace(string(v)), 64)
		return err == nil
	}
	return true
}

// validStyle reports whether excelize parses a cell's s attribute:
// strconv.ParseInt without trimming.
func validStyle(v []byte) bool {
	if _, ok := smallUint(v); ok {
		return true
	}
	_, err := strconv.ParseInt(string(v), 10, 64)
	return err == nil
}

var minus = []byte("-")

// smallUint parses 1 to 18 ASCII digits, which cannot overflow.
func smallUint(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// plainDecimal reports whether v is digits with at most one point among
// them, which strconv.ParseFloat always accepts.
func plainDecimal(v []byte) bool {
	digits, point := 0, false
	for _, c := range v {
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}

// sstIndex reads a shared string index as excelize does, with
// strconv.Atoi after trimming: what Atoi refuses reads as 0, or as the
// nearest int when it overflows.
func sstIndex(v []byte) int {
	if n, ok := smallUint(v); ok {
		return n
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(v)))
	return n
}

// cellColumn returns the 1-based column of a cell reference as excelize's
// CellNameToCoordinates does, or false where that returns an error.
func cellColumn(v []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(v) && i < 3 && 'A' <= v[i] && v[i] <= 'Z'; i++ {
		col = col*26 + int(v[i]-'A'+1)
	}
	if row, ok := smallUint(v[i:]); ok && i > 0 && row > 0 && row <= excelize.TotalRows && col <= excelize.MaxColumns {
		return col, true
	}
	// Lower case, $ signs and the like: rare enough to ask excelize.
	col, _, err := excelize.CellNameToCoordinates(string(v))
	return col, err == nil
}

// appendUnescaped appends s with the _xHHHH_ escapes of OOXML strings
// decoded as excelize's bstrUnmarshal does: each match of _x[0-9A-Fa-f]{4}_,
// left to right, becomes the character it names, and one that names a
// surrogate becomes nothing.
func appendUnescaped(dst, s []byte) []byte {
	for {
		i := indexEscape(s)
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		var r rune
		for _, c := range s[i+2 : i+6] {
			r = r<<4 | rune(hexVal(c))
		}
		if r < 0xD800 || r > 0xDFFF {
			dst = utf8.AppendRune(dst, r)
		}
		s = s[i+7:]
	}
}

var escapeStart = []byte("_x")

// indexEscape returns the index of the first _xHHHH_ in s, or -1.
func indexEscape(s []byte) int {
	for off := 0; ; {
		j := bytes.Index(s[off:], escapeStart)
		if j < 0 {
			return -1
		}
		i := off + j
		if i+7 <= len(s) && s[i+6] == '_' && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]) {
			return i
		}
		off = i + 1
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
