package workbook

import (
	"archive/zip"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The tests in this file read the same sheets with excelize (Rows, then
// Columns with raw values, as Table read them before the fast reader) and
// with sheetRows, and require the same rows, the same errors, and, where
// the fast reader should cope, no fallback. Where the XML is damaged,
// sheetRows gives excelize's rows up to the damage and then reports it.

// readExcelize reads a sheet with excelize alone: one line per row number,
// the row's cells quoted, and any error.
func readExcelize(t *testing.T, path, sheet string) []string {
	t.Helper()
	x, err := excelize.OpenFile(path, openOptions...)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer x.Close()
	rows, err := x.Rows(sheet)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer rows.Close()
	var out []string
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return append(out, fmt.Sprintf("%d: error: %v", n, err))
		}
		out = append(out, fmt.Sprintf("%d: %q", n, cells))
		if n > 2_000_000 {
			t.Fatal("excelize: too many rows")
		}
	}
	if err := rows.Error(); err != nil {
		out = append(out, "error: "+err.Error())
	}
	return out
}

// readFast reads a sheet as Table does and says why it fell back on
// excelize, if it did.
func readFast(t *testing.T, path, sheet string) (rows []string, fellBack string) {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer f.Close()
	r, err := f.rows(sheet)
	if err != nil {
		// Damaged shared strings refuse every sheet.
		return []string{"error: " + err.Error()}, "refused"
	}
	defer r.Close()
	var out []string
	for n := 1; r.Next(); n++ {
		cells, err := r.Columns()
		if err != nil {
			return append(out, fmt.Sprintf("%d: error: %v", n, err)), r.fellBack
		}
		out = append(out, fmt.Sprintf("%d: %q", n, cells))
		if n > 2_000_000 {
			t.Fatal("fast: too many rows")
		}
	}
	if err := r.Error(); err != nil {
		out = append(out, "error: "+err.Error())
	}
	return out, r.fellBack
}

// compareReaders checks that both readers read the same rows from the sheet
// (up to damage in its XML, see [agreeWithExcelize]) and that the fast one
// falls back on excelize exactly when fast is false. It returns the rows.
func compareReaders(t *testing.T, path, sheet string, fast bool) []string {
	t.Helper()
	want := readExcelize(t, path, sheet)
	got, why := readFast(t, path, sheet)
	if !agreeWithExcelize(t, path, sheet, got, want) {
		t.Errorf("fast reader (fallback %q):\n%s\nexcelize:\n%s", why, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	switch {
	case fast && why != "":
		t.Errorf("fell back on excelize: %s", why)
	case !fast && why == "":
		t.Errorf("did not fall back on excelize")
	}
	return got
}

// inBothModes runs test with excelize keeping parts in memory, where the
// fast reader reads excelize's copy, and again with every sheet and the
// shared strings too large for memory, where the fast reader reads the zip
// a few bytes at a time.
func inBothModes(t *testing.T, test func(t *testing.T)) {
	t.Run("memory", test)
	t.Run("stream", func(t *testing.T) {
		defer func(o []excelize.Options, n int) { openOptions, readSize = o, n }(openOptions, readSize)
		openOptions = []excelize.Options{{UnzipXMLSizeLimit: 1}}
		readSize = 7
		test(t)
	})
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRels = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
)

// sheetXML wraps rows in a worksheet.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + nsMain + ` xmlns:r="` + nsRels + `"><dimension ref="A1"/>` +
		`<sheetData>` + rows + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

// sstXML wraps string items in a shared string table.
func sstXML(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		fmt.Sprintf(`<sst %s count="%d" uniqueCount="%d">`, nsMain, len(items), len(items)) +
		strings.Join(items, "") + `</sst>`
}

// writeXLSX writes a one-sheet workbook from the XML of its sheet and of its
// shared strings ("" for none), and returns its path.
func writeXLSX(t testing.TB, sheet, sst string) string {
	t.Helper()
	return writeXLSXStyles(t, sheet, sst, "")
}

// writeXLSXStyles is writeXLSX with a style sheet ("" for none).
func writeXLSXStyles(t testing.TB, sheet, sst, styles string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hand.xlsx")
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + nsRels + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<workbook ` + nsMain + ` xmlns:r="` + nsRels + `"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + nsRels + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + nsRels + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	if sst != "" {
		parts = append(parts, struct{ name, body string }{"xl/sharedStrings.xml", sst})
	}
	if styles != "" {
		parts = append(parts, struct{ name, body string }{"xl/styles.xml", styles})
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(out)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// commonSST has an item of each shape: plain, rich text, phonetic, with
// escapes, empty.
var commonSST = sstXML(
	`<si><t>姓名</t></si>`,
	`<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>rich </t></r><r><rPr><i val="1"/><color rgb="FFFF0000" tint="-0.5"/><charset val="134"/></rPr><t xml:space="preserve"> text </t></r></si>`,
	`<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`,
	`<si><t>a_x000D_b_x005F_x0041_c_xD800_d_x00e9_e_x12_</t></si>`,
	`<si/>`,
	`<si><t/></si>`,
	`<si><t xml:space="preserve">  spaced  </t></si>`,
	`<si><t>first</t><t>second</t></si>`,
	`<si><r><t>x</t><t>y</t></r><t>t-first</t><r><t>z</t></r><r><rPr/></r></si>`,
	`<si><t>line1&#13;&#10;line2&#10;line3`+"\r\nline4\rline5"+`</t></si>`,
	`<si><t>&lt;&gt;&amp;&apos;&quot;&#65;&#x4e2d;&#xD800;&#x1F600;</t></si>`,
	`<si><t>a<b>skipped</b>c</t><unknown><t>no</t></unknown></si>`,
	`<si><r><rPr><sz val=" 11 "/><b val="TRUE"/><u/><vertAlign val="superscript"/><extra val="anything"/></rPr><t>props</t></r></si>`,
)

func TestSheetRowsHandWritten(t *testing.T) {
	tests := []struct {
		name  string
		sheet string // the worksheet, or rows to wrap with sheetXML
		sst   string
		fast  bool // the fast reader should cope
	}{
		{name: "shared strings", sst: commonSST, fast: true, sheet: `<row r="1">` +
			`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
			`<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c>` +
			`<c r="I1" t="s"><v>8</v></c><c r="J1" t="s"><v>9</v></c><c r="K1" t="s"><v>10</v></c><c r="L1" t="s"><v>11</v></c>` +
			`<c r="M1" t="s"><v>12</v></c><c r="N1" t="s"><v>4</v></c></row>`},
		{name: "shared string indexes excelize trims or reads as 0", sst: commonSST, fast: true, sheet: `<row r="1">` +
			`<c t="s"><v> 3 </v></c><c t="s"><v>abc</v></c><c t="s"><v>+1</v></c><c t="s"><v>007</v></c><c t="s"><v></v></c><c t="s"/></row>`},
		{name: "shared string index out of range", sst: commonSST, sheet: `<row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>13</v></c></row>`},
		{name: "shared string index negative", sst: commonSST, sheet: `<row r="1"><c t="s"><v>-1</v></c></row>`},
		{name: "shared string index with no table", sheet: `<row r="1"><c t="s"><v>0</v></c></row>`},
		{name: "no shared strings at all", fast: true, sheet: `<row r="1"><c><v>1</v></c></row>`},
		{name: "inline strings", fast: true, sheet: `<row r="1">` +
			`<c r="A1" t="inlineStr"><is><t>plain</t></is></c>` +
			`<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>run1</t></r><r><t>run2</t></r></is></c>` +
			`<c r="C1" t="inlineStr"><is><t>漢</t><rPh sb="0" eb="1"><t>カン</t></rPh></is></c>` +
			`<c r="D1" t="inlineStr"><v>from v</v></c>` +
			`<c r="E1" t="inlineStr"><v>v loses</v><is><t>is wins</t></is></c>` +
			`<c r="F1"><is><t>ignored</t></is><v>7</v></c>` +
			`<c r="G1" t="inlineStr"><is><t>one</t></is><is><r><t>two</t></r></is></c>` +
			`<c r="H1" t="inlineStr"><is/></c>` +
			`<c r="I1" t="inlineStr"><is><t>_x0041__x005f_</t></is></c>` +
			`<c r="J1" t="inlineStr"><is><t xml:space="preserve"> a&#9;b </t></is></c></row>`},
		{name: "formulas", fast: true, sheet: `<row r="1">` +
			`<c r="A1"><f>1+1</f><v>2</v></c>` +
			`<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
			`<c r="C1" t="str"><f>""</f><v></v></c>` +
			`<c r="D1"><f t="shared" ref="D1:D3" si="0">A1*2</f><v>4</v></c>` +
			`<c r="E1"><f>NOW()</f></c>` +
			`<c r="F1"><f ca="1" aca="false" bx="0">RAND()</f><v>0.5</v></c>` +
			`<c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
			`<row r="2"><c r="D2"><f t="shared" si="0"/><v>6</v></c></row>`},
		{name: "formula attribute excelize cannot parse", sheet: `<row r="1"><c r="A1"><f si="x">A2</f><v>1</v></c><c r="B1"><v>2</v></c></row>`},
		{name: "numbers, booleans, errors, dates as stored", fast: true, sheet: `<row r="1">` +
			`<c r="A1"><v>0.75</v></c><c r="B1"><v>1E-3</v></c><c r="C1" t="n"><v>45</v></c><c r="D1"><v> 12 </v></c>` +
			`<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c>` +
			`<c r="H1" t="d"><v>2024-03-01T00:00:00Z</v></c><c r="I1" s="3"><v>45352</v></c><c r="J1" t="x"><v>odd type</v></c>` +
			`<c r="K1" t="S"><v>1</v></c><c r="L1"><v>-0</v></c><c r="M1"><v>1.2345678901234567890</v></c></row>`},
		{name: "empty cells and gaps", fast: true, sheet: `<row r="1" spans="1:6"><c r="A1"><v>a</v></c><c r="B1" s="2"/><c r="C1"><v></v></c>` +
			`<c r="D1" t="s"/><c r="F1"><v>f</v></c><c r="H1"/><c r="I1" t="inlineStr"/></row>` +
			`<row r="3"><c r="C3"><v>c</v></c></row><row r="7"><c r="B7"><v>b</v></c></row>`},
		{name: "first row far down", fast: true, sheet: `<row r="5"><c r="E5"><v>x</v></c></row>`},
		{name: "no r attributes", fast: true, sheet: `<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>r2</v></c></row>` +
			`<row r="5"><c r="C5"><v>c</v></c><c><v>after C</v></c></row><row><c><v>r6</v></c></row>`},
		{name: "cells out of order go at the end", fast: true, sheet: `<row r="1"><c r="C1"><v>c</v></c><c r="A1"><v>a</v></c><c r="C1"><v>c again</v></c><c r="B1"/><c><v>after B</v></c></row>`},
		{name: "references excelize reads its own way", fast: true, sst: commonSST, sheet: `<row r="1"><c r="b1"><v>lower</v></c><c r="$D$1"><v>dollar</v></c><c r="" t="s"><v>x</v></c><c r="F9"><v>other row</v></c><c r="XFD1"><v>last</v></c></row>`},
		{name: "bad cell reference", sheet: `<row r="1"><c r="A1"><v>ok</v></c></row><row r="2"><c r="1A"><v>x</v></c></row>`},
		{name: "column past XFD", sheet: `<row r="1"><c r="XFE1"><v>x</v></c></row>`},
		{name: "cell reference row 0", sheet: `<row r="1"><c r="A0"><v>x</v></c></row>`},
		{name: "entities and line ends", fast: true, sheet: `<row r="1"><c t="str"><v>&lt;&gt;&amp;&apos;&quot;&#65;&#x4E2D;&#xD800;&#13;&#10;</v></c>` +
			"<c t=\"str\"><v>a\r\nb\rc\nd\r\r\ne</v></c><c t=\"str\"><v>]]&gt; ]]</v></c><c t=\"str\"><v>tab\there</v></c></row>"},
		{name: "references in attributes", fast: true, sheet: `<row r="1"><c r="&#66;1" t="&#115;"><v>0</v></c><c r="C1" t='str' s = '0'><v>q</v></c></row>`, sst: commonSST},
		{name: "prefixed elements", fast: true, sheet: `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<x:sheetData><x:row r="1"><x:c r="A1" x:t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`, sst: commonSST},
		{name: "pretty printed with a byte order mark", fast: true, sheet: "\ufeff<?xml version='1.0'?>\r\n<worksheet " + nsMain + ">\n  <sheetData>\n    <row r=\"1\">\n      <c r=\"A1\">\n        <v>1</v>\n      </c>\n    </row>\n  </sheetData>\n</worksheet>\n"},
		{name: "self-closing rows and sheet data", fast: true, sheet: `<row r="1"/><row r="2"><c r="A2"><v>x</v></c></row><row r="3" spans="1:2" ht="20" customHeight="1" x14ac:dyDescent="0.25"/>`},
		{name: "empty sheet data", fast: true, sheet: `<worksheet ` + nsMain + `><sheetData/></worksheet>`},
		{name: "no sheet data", sheet: `<worksheet ` + nsMain + `></worksheet>`},
		{name: "value with child elements", fast: true, sheet: `<row r="1"><c t="str"><v>a<x>b</x>c</v></c><c><v>1</v><v>2</v></c><c><v>3</v><v/></c></row>`},
		{name: "very long row", fast: true, sheet: longRow(2000)},
		{name: "long text", fast: true, sheet: `<row r="1"><c t="inlineStr"><is><t>` + strings.Repeat("长文本 &amp; more ", 20000) + `</t></is></c></row>`},
		{name: "elements after sheet data", fast: true, sheet: `<worksheet ` + nsMain + `><sheetData><row r="1"><c><v>1</v></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting></worksheet>`},
		{name: "cell attributes excelize ignores", fast: true, sheet: `<row r="1"><c r="A1" cm="1" vm="2" ph="1" foo:bar="x"><v>1</v></c></row>`},

		// What the fast reader leaves to excelize; excelize's answer, even
		// when odd, is what Table has always read.
		{name: "comment", sheet: `<row r="1"><c><v>1</v></c></row><!-- note --><row r="2"><c><v>2</v></c></row>`},
		{name: "CDATA", sheet: `<row r="1"><c t="str"><v><![CDATA[<raw>]]></v></c></row>`},
		{name: "DOCTYPE", sheet: `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet ` + nsMain + `><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>`},
		{name: "processing instruction", sheet: `<row r="1"><c><v>1</v></c></row><?pi data?>`},
		{name: "declared in another encoding", sheet: `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet ` + nsMain + `><sheetData><row r="1"><c t="str"><v>caf` + "\xe9" + `</v></c></row></sheetData></worksheet>`},
		{name: "control character stops excelize", sheet: `<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c><c t="str"><v>a` + "\x01" + `b</v></c></row><row r="3"><c><v>3</v></c></row>`},
		{name: "NUL character reference", sheet: `<row r="1"><c><v>1</v></c></row><row r="2"><c t="str"><v>&#0;</v></c></row>`},
		{name: "unknown entity", sheet: `<row r="1"><c><v>1</v></c></row><row r="2"><c t="str"><v>&nbsp;</v></c></row>`},
		{name: "invalid UTF-8", sheet: `<row r="1"><c t="str"><v>` + "\xff" + `</v></c></row>`},
		{name: "mismatched end tag", sheet: `<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</x></c></row>`},
		{name: "truncated", sheet: sheetXML(`<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c>`)[:len(sheetXML(`<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c>`))-120]},
		{name: "rows going back", sheet: `<row r="3"><c><v>3</v></c></row><row r="2"><c><v>2</v></c></row><row r="4"><c><v>4</v></c></row>`},
		{name: "row repeated", sheet: `<row r="1"><c><v>1</v></c></row><row r="1"><c r="B1"><v>again</v></c></row>`},
		{name: "row zero", sheet: `<row r="0"><c><v>0</v></c></row><row r="2"><c><v>2</v></c></row>`},
		{name: "row number not a number", sheet: `<row r="one"><c><v>1</v></c></row>`},
		{name: "row past the last Excel row", sheet: `<row r="1"><c><v>1</v></c></row><row r="1048577"><c><v>x</v></c></row>`},
		{name: "element in a row", sheet: `<row r="1"><c><v>1</v></c><extLst><c><v>hidden</v></c></extLst></row>`},
		{name: "element in a cell", sheet: `<row r="1"><c><extLst><v>hidden</v></extLst></c></row>`},
		{name: "element between rows", sheet: `<row r="1"><c><v>1</v></c></row><c><v>stray</v></c><row r="2"><c><v>2</v></c></row>`},
		{name: "row outside sheet data", sheet: `<worksheet ` + nsMain + `><sheetPr><row r="1"/></sheetPr><sheetData><row r="2"><c><v>2</v></c></row></sheetData></worksheet>`},
		{name: "row after sheet data", sheet: `<worksheet ` + nsMain + `><sheetData><row r="1"><c><v>1</v></c></row></sheetData><extLst><row r="3"><c><v>3</v></c></row></extLst></worksheet>`},
		{name: "style excelize cannot parse", sheet: `<row r="1"><c r="A1" s="x"><v>1</v></c><c r="B1" s=" 1"><v>2</v></c></row>`},
		{name: "non-ASCII element name", sheet: `<row r="1"><c><v>1</v></c><名/></row>`},
		{name: "run property excelize cannot parse", sst: sstXML(`<si><r><rPr><sz val="big"/></rPr><t>x</t></r></si>`, `<si><t>y</t></si>`), sheet: `<row r="1"><c><v>1</v></c><c t="s"><v>1</v></c></row>`},
		{name: "phonetic run excelize cannot parse", sst: sstXML(`<si><t>x</t><rPh sb="-1" eb="1"><t>y</t></rPh></si>`), sheet: `<row r="1"><c t="s"><v>0</v></c></row>`},
		{name: "inline string excelize cannot parse", sheet: `<row r="1"><c t="inlineStr"><is><r><rPr><b val="maybe"/></rPr><t>x</t></r></is></c><c><v>2</v></c></row>`},
		{name: "shared strings without namespace", sst: `<sst><si><t>x</t></si></sst>`, sheet: `<row r="1"><c t="s"><v>0</v></c></row>`},
		{name: "shared strings in the strict namespace", sst: `<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><si><t>x</t></si></sst>`, sheet: `<row r="1"><c t="s"><v>0</v></c></row>`},
		{name: "shared strings nested", sst: sstXML(`<si><t>x</t></si>`, `<extLst><si><t>y</t></si></extLst>`), sheet: `<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>`},
		{name: "shared strings malformed", sst: `<sst ` + nsMain + `><si><t>x</t></si>`, sheet: `<row r="1"><c t="s"><v>0</v></c></row>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := tt.sheet
			if !strings.Contains(sheet, "<worksheet") && !strings.Contains(sheet, ":worksheet") {
				sheet = sheetXML(sheet)
			}
			path := writeXLSX(t, sheet, tt.sst)
			inBothModes(t, func(t *testing.T) {
				compareReaders(t, path, "Sheet1", tt.fast)
			})
		})
	}
}

// longRow is a row of n cells of each kind in turn, spread over columns up
// to XFD.
func longRow(n int) string {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for i := 1; i <= n; i++ {
		col, _ := excelize.ColumnNumberToName(i * excelize.MaxColumns / n)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `<c r="%s1"><v>%d</v></c>`, col, i)
		case 1:
			fmt.Fprintf(&b, `<c r="%s1" t="inlineStr"><is><t>s%d</t></is></c>`, col, i)
		default:
			fmt.Fprintf(&b, `<c r="%s1" t="str"><f>X</f><v></v></c>`, col)
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}

// The example workbook, written by Writer, reads the same through the fast
// reader.
func TestSheetRowsExample(t *testing.T) {
	inBothModes(t, func(t *testing.T) {
		rows := compareReaders(t, filepath.Join("..", "examples", "ecommerce-cs", "march.xlsx"), "客服KPI", true)
		// 1 title row, 1 header row, 40 agents (see examples/ecommerce-cs/gen).
		if len(rows) != 42 {
			t.Errorf("read %d rows, want 42", len(rows))
		}
	})
}

// trickyText is text that XML, excelize or Excel treat specially.
var trickyText = []string{
	"", " ", "  lead and trail  ", "\t", "a\nb", "a\r\nb", "a\rb", "<&>\"'", "]]>",
	"_x000D_", "_x005F_x0041_", "_x0041_", "漢字 カンジ", "😀", "\u3000全角\u3000", "0.75", "1E-3",
	"=1+1", "'quoted", "\x01ctl", "a\x0bb", "\ufffe", "\u2028",
}

func TestSheetRowsWriters(t *testing.T) {
	dir := t.TempDir()

	// Our own writer: inline strings and numbers.
	var table [][]string
	for i, s := range trickyText {
		table = append(table, []string{"'" + s, fmt.Sprint(i), "0.5|pct", "", "'" + s})
	}
	ours := filepath.Join(dir, "ours.xlsx")
	if err := WriteTable(ours, "客服KPI", table); err != nil {
		t.Fatal(err)
	}

	// excelize with shared strings, rich text, formulas and every value
	// type, with gaps between rows and cells.
	x := excelize.NewFile()
	set := func(cell string, v any) {
		t.Helper()
		if err := x.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range trickyText {
		set(fmt.Sprintf("A%d", 2*i+1), s)
		set(fmt.Sprintf("C%d", 2*i+1), i)
	}
	set("D1", 0.1+0.2)
	set("D2", -1e-30)
	set("D3", true)
	set("D4", false)
	set("D5", nil)
	set("D6", int64(1)<<60)
	set("D7", float32(1.5))
	set("D8", time.Date(2026, 3, 31, 12, 30, 0, 0, time.UTC))
	set("D9", time.Duration(90)*time.Minute)
	set("D10", []byte("bytes"))
	if err := x.SetCellFormula("Sheet1", "E1", "C1+C3"); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellFormula("Sheet1", "E2", `"a"&"b"`); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellRichText("Sheet1", "F1", []excelize.RichTextRun{
		{Text: "bold ", Font: &excelize.Font{Bold: true, Size: 12, Color: "FF0000", Family: "宋体"}},
		{Text: "italic_x0041_", Font: &excelize.Font{Italic: true, VertAlign: "superscript"}},
		{Text: "plain"},
	}); err != nil {
		t.Fatal(err)
	}
	style, err := x.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellStyle("Sheet1", "G1", "G9", style); err != nil {
		t.Fatal(err)
	}
	if err := x.SetRowHeight("Sheet1", 30, 40); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(dir, "theirs.xlsx")
	if err := x.SaveAs(theirs); err != nil {
		t.Fatal(err)
	}
	x.Close()

	// excelize's stream writer: inline strings, typed cells, formulas.
	x = excelize.NewFile()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range trickyText {
		row := []any{s, i, float64(i) / 7, i%2 == 0, nil, excelize.Cell{Formula: "A1", Value: s},
			excelize.Cell{Value: 0.25, StyleID: style}, time.Date(2026, 3, i+1, 0, 0, 0, 0, time.UTC)}
		if err := sw.SetRow(fmt.Sprintf("B%d", 3*i+2), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	streamed := filepath.Join(dir, "streamed.xlsx")
	if err := x.SaveAs(streamed); err != nil {
		t.Fatal(err)
	}
	x.Close()

	for _, w := range []struct{ name, path, sheet string }{
		{"Writer", ours, "客服KPI"},
		{"excelize", theirs, "Sheet1"},
		{"excelize stream writer", streamed, "Sheet1"},
	} {
		t.Run(w.name, func(t *testing.T) {
			inBothModes(t, func(t *testing.T) {
				compareReaders(t, w.path, w.sheet, true)
			})
		})
	}
}

// TestSheetRowsRandom writes sheets of random cells with excelize, through
// the shared string table and through the stream writer, and reads them
// both ways.
func TestSheetRowsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := append([]string{"a", "Z", "9", ".", "-", "e", " ", "中", "文", "&", "<", "_x", "000D_", "\n"}, trickyText...)
	value := func() any {
		switch rng.IntN(6) {
		case 0:
			return rng.IntN(1_000_000) - 500_000
		case 1:
			return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
		case 2:
			return rng.IntN(2) == 0
		case 3:
			return nil
		}
		var b strings.Builder
		for n := rng.IntN(6); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for round := 0; round < 6; round++ {
		x := excelize.NewFile()
		sw, err := x.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.NewSheet("Shared"); err != nil {
			t.Fatal(err)
		}
		row := 1
		for n := 0; n < 200; n++ {
			row += 1 + rng.IntN(3) // some rows left out
			cells := make([]any, rng.IntN(30))
			for i := range cells {
				cells[i] = value()
			}
			col := 1 + rng.IntN(3)
			cell, _ := excelize.CoordinatesToCellName(col, row)
			if err := sw.SetRow(cell, cells); err != nil {
				t.Fatal(err)
			}
			if err := x.SetSheetRow("Shared", cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "random.xlsx")
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		x.Close()
		for _, sheet := range []string{"Sheet1", "Shared"} {
			t.Run(fmt.Sprintf("%d/%s", round, sheet), func(t *testing.T) {
				inBothModes(t, func(t *testing.T) {
					compareReaders(t, path, sheet, true)
				})
			})
		}
	}
}

// FuzzSheetRows checks that both readers agree on any sheet data and any
// string item. Run it with
//
//	go test -run XXX -fuzz FuzzSheetRows ./workbook
func FuzzSheetRows(f *testing.F) {
	f.Add(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>13</v></c><c t="inlineStr"><is><t>x</t></is></c></row>`, `<si><t>y</t></si>`)
	f.Add(longRow(30), `<si><r><rPr><b/></rPr><t>r</t></r><rPh sb="0" eb="1"><t>p</t></rPh></si>`)
	f.Add(`<row><c><v>1</v></c></row><row r="3"><c r="C3" t="str"><f>A1</f><v>&amp;</v></c></row>`, `<si/>`)
	f.Fuzz(func(t *testing.T, rows, item string) {
		sst := strings.Replace(commonSST, `<si/>`, item, 1)
		path := writeXLSX(t, sheetXML(rows+`<row r="60"><c t="s"><v>4</v></c></row>`), sst)
		inBothModes(t, func(t *testing.T) {
			want := readExcelize(t, path, "Sheet1")
			got, why := readFast(t, path, "Sheet1")
			if !agreeWithExcelize(t, path, "Sheet1", got, want) {
				t.Errorf("fast reader (fallback %q):\n%s\nexcelize:\n%s", why, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	})
}

// randomSheet builds sheet data and a shared string table from a grammar
// of what spreadsheet programs write, with now and then something odd.
type randomSheet struct {
	rng  *rand.Rand
	b    strings.Builder
	calm bool // nothing odd
}

func (g *randomSheet) pick(options ...string) string { return options[g.rng.IntN(len(options))] }

// rare is true once in n times.
func (g *randomSheet) rare(n int) bool { return g.rng.IntN(n) == 0 }

// odd is true once in n times, unless the generator is calm.
func (g *randomSheet) odd(n int) bool { return g.rare(n) && !g.calm }

func (g *randomSheet) text() string {
	var b strings.Builder
	for n := g.rng.IntN(4); n > 0; n-- {
		b.WriteString(g.pick("1", "0.75", "-3", "1E-3", " ", "abc", "中文", "&amp;", "&lt;", "&#13;", "&#x4e2d;",
			"\r\n", "\r", "\t", "_x000D_", "_x005F_x0041_", "&#xD800;", "😀", "]]&gt;", "&quot;'"))
	}
	if g.odd(150) {
		b.WriteString(g.pick("&nbsp;", "\x01", "]]>", "<!-- c -->", "<![CDATA[x]]>", "<b>nested</b>", "\xff"))
	}
	return b.String()
}

func (g *randomSheet) typedAttr(valid ...string) string {
	if g.odd(120) {
		return g.pick("x", "-1", "1.5", " 2", "99999999999999999999")
	}
	return g.pick(valid...)
}

// item writes the content of a string item (<si> or <is>).
func (g *randomSheet) item() string {
	var b strings.Builder
	for n := g.rng.IntN(4); n > 0; n-- {
		switch g.rng.IntN(6) {
		case 0, 1:
			fmt.Fprintf(&b, `<t%s>%s</t>`, g.pick("", ` xml:space="preserve"`), g.text())
		case 2, 3:
			b.WriteString(`<r>`)
			if g.rng.IntN(2) == 0 {
				fmt.Fprintf(&b, `<rPr><b/><sz val="%s"/><color theme="%s" tint="%s"/><rFont val="Calibri"/><family val="%s"/></rPr>`,
					g.typedAttr("11", "10.5"), g.typedAttr("1", "0"), g.typedAttr("-0.5", "0"), g.typedAttr("2", "3"))
			}
			fmt.Fprintf(&b, `<t>%s</t>`, g.text())
			if g.rare(10) {
				fmt.Fprintf(&b, `<t>%s</t>`, g.text())
			}
			b.WriteString(`</r>`)
		case 4:
			fmt.Fprintf(&b, `<rPh sb="%s" eb="%s"><t>%s</t></rPh>`, g.typedAttr("0", "1"), g.typedAttr("1", "2"), g.text())
		case 5:
			fmt.Fprintf(&b, `<phoneticPr fontId="%s" type="noConversion"/>`, g.typedAttr("1", "2"))
		}
	}
	return b.String()
}

func (g *randomSheet) cell(row, col int) string {
	var b strings.Builder
	b.WriteString("<c")
	name, _ := excelize.CoordinatesToCellName(col, row)
	switch g.rng.IntN(12) {
	case 0:
		// no reference
	case 1:
		fmt.Fprintf(&b, ` r="%s"`, strings.ToLower(name))
	case 2:
		if g.odd(15) {
			b.WriteString(g.pick(` r=""`, ` r="1A"`, ` r="A0"`, ` r="$B$2"`))
		}
	default:
		fmt.Fprintf(&b, ` r="%s"`, name)
	}
	if g.rng.IntN(3) == 0 {
		fmt.Fprintf(&b, ` s="%s"`, g.typedAttr("1", "12"))
	}
	typ := g.pick("", "", "", "s", "s", "inlineStr", "str", "b", "e", "n", "d", "weird")
	if typ != "" {
		fmt.Fprintf(&b, ` t="%s"`, typ)
	}
	if g.rare(6) {
		b.WriteString("/>")
		return b.String()
	}
	b.WriteString(">")
	if g.rare(5) {
		fmt.Fprintf(&b, `<f%s>A1&amp;"x"</f>`, g.pick("", ` t="shared" si="`+g.typedAttr("0", "3")+`" ref="A1:A3"`, ` ca="`+g.typedAttr("1", "true")+`"`))
	}
	switch {
	case typ == "s":
		index := g.pick("0", "1", "2", "3", "4", "5", " 2 ", "x", "")
		if g.odd(30) {
			index = g.pick("40", "-1")
		}
		fmt.Fprintf(&b, `<v>%s</v>`, index)
	case typ == "inlineStr" && g.rng.IntN(4) > 0:
		fmt.Fprintf(&b, `<is>%s</is>`, g.item())
	default:
		for n := g.rng.IntN(3); n > 0; n-- {
			fmt.Fprintf(&b, `<v>%s</v>`, g.text())
		}
	}
	if g.odd(100) {
		b.WriteString(g.pick(`<extLst/>`, `<!-- c -->`))
	}
	b.WriteString("</c>")
	return b.String()
}

func (g *randomSheet) rows() string {
	row := 0
	for n := g.rng.IntN(8); n > 0; n-- {
		row += 1 + g.rng.IntN(3)
		if g.odd(60) {
			row -= 2
		}
		switch {
		case g.rare(8):
			g.b.WriteString("<row>")
		default:
			fmt.Fprintf(&g.b, `<row r="%d"%s>`, row, g.pick("", ` spans="1:5"`, ` ht="20" customHeight="1"`))
		}
		col := 0
		for m := g.rng.IntN(7); m > 0; m-- {
			col += 1 + g.rng.IntN(2)
			if g.rare(15) {
				col -= 2
			}
			g.b.WriteString(g.cell(row, max(col, 1)))
			if g.rare(10) {
				g.b.WriteString("\n  ")
			}
		}
		g.b.WriteString("</row>")
		if g.odd(100) {
			g.b.WriteString(g.pick(`<c><v>stray</v></c>`, `<!-- c -->`, `<row r="1"/>`))
		}
	}
	return g.b.String()
}

func TestSheetRowsRandomXML(t *testing.T) {
	fast, total := 0, 0
	for seed := uint64(0); seed < 150; seed++ {
		g := &randomSheet{rng: rand.New(rand.NewPCG(seed, 2026))}
		// One odd string item sends the whole sheet to excelize.
		g.calm = seed%4 != 0
		var items []string
		for n := 6; n > 0; n-- {
			items = append(items, "<si>"+g.item()+"</si>")
		}
		g.calm = false
		path := writeXLSX(t, sheetXML(g.rows()), sstXML(items...))
		inBothModes(t, func(t *testing.T) {
			want := readExcelize(t, path, "Sheet1")
			got, why := readFast(t, path, "Sheet1")
			if !agreeWithExcelize(t, path, "Sheet1", got, want) {
				t.Errorf("seed %d: fast reader (fallback %q):\n%s\nexcelize:\n%s", seed, why, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			total++
			if why == "" {
				fast++
			}
		})
	}
	// The grammar is mostly plain, so the fast reader should read most
	// sheets itself; otherwise this test compares excelize with itself.
	if fast < total/2 {
		t.Errorf("the fast reader read only %d of %d sheets", fast, total)
	}
	t.Logf("the fast reader read %d of %d sheets", fast, total)
}

// Reading a row allocates once, for one string that holds the text of all
// its cells; shared strings are allocated once per workbook.
func TestSheetRowsAllocs(t *testing.T) {
	allocs := func(rows int) float64 {
		var b strings.Builder
		for r := 1; r <= rows; r++ {
			fmt.Fprintf(&b, `<row r="%d" spans="1:5"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>名%d</t></is></c>`+
				`<c r="C%d" s="1"><v>%d.5</v></c><c r="D%d" t="str"><f>C%d*2</f><v>x&amp;y</v></c><c r="F%d"><v>0.75</v></c></row>`,
				r, r, r%6, r, r, r, r, r, r, r)
		}
		path := writeXLSX(t, sheetXML(b.String()), commonSST)
		f := open(t, path)
		return testing.AllocsPerRun(5, func() {
			r, err := f.rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			n := 0
			for r.Next() {
				if _, err := r.Columns(); err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n != rows || r.fellBack != "" {
				t.Fatalf("read %d rows (fallback %q)", n, r.fellBack)
			}
		})
	}
	few, many := allocs(100), allocs(2100)
	if perRow := (many - few) / 2000; perRow > 1 {
		t.Errorf("%.2f allocations a row (%v for 100 rows, %v for 2100)", perRow, few, many)
	}
}
