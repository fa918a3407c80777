package workbook

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// damageLine is how readFast shows a sheetRows error for damaged XML.
var damageLine = regexp.MustCompile(`^(?:\d+: )?error: the sheet's XML is damaged at row (\d+): `)

// agreeWithExcelize reports whether the fast reader's rows, got, agree with
// excelize's, want. Where encoding/xml finds the sheet's XML damaged before
// the end of its rows, excelize quietly drops the rest, so the fast reader
// must instead give the same rows up to the damage and then report it;
// where the shared strings are damaged it must refuse the sheet. Anywhere
// else the rows must be the same.
func agreeWithExcelize(t *testing.T, path, sheet string, got, want []string) bool {
	t.Helper()
	part, why := open(t, path).sheetPart(sheet)
	if why != "" {
		t.Fatalf("no part for %s: %s", sheet, why)
	}
	switch {
	case xmlBreaks(t, path, "xl/sharedStrings.xml", func(_ xml.Name, depth int) bool { return depth == 0 }):
		return len(got) == 1 && strings.HasPrefix(got[0], "error: the workbook's shared text (xl/sharedStrings.xml) is damaged, ")
	case xmlBreaks(t, path, part, func(n xml.Name, _ int) bool { return n.Local == "sheetData" }):
		if len(got) == 0 {
			return false
		}
		m := damageLine.FindStringSubmatch(got[len(got)-1])
		if m == nil {
			return false
		}
		rows := got[:len(got)-1]
		row, _ := strconv.Atoi(m[1])
		return row == len(rows)+1 && len(rows) <= len(want) && slices.Equal(rows, want[:len(rows)])
	}
	return slices.Equal(got, want)
}

// xmlBreaks reports whether encoding/xml, reading the zip entry part as
// excelize does, meets an error before stop is true of an end element and
// the depth after it. A missing part does not break.
func xmlBreaks(t *testing.T, path, part string, stop func(name xml.Name, depth int) bool) bool {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, e := range z.File {
		if e.Name != part {
			continue
		}
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		d := xml.NewDecoder(r)
		d.CharsetReader = excelize.NewFile().CharsetReader
		depth := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return false
			}
			if err != nil {
				return true
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				depth++
			case xml.EndElement:
				depth--
				if stop(tok.Name, depth) {
					return false
				}
			}
		}
	}
	return false
}

// rewritePart rewrites the workbook at path with old replaced by new in
// its zip entry part; old must be there exactly once.
func rewritePart(t *testing.T, path, part, old, new string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		name string
		body []byte
	}
	var entries []entry
	found := false
	for _, e := range z.File {
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if e.Name == part {
			if n := strings.Count(string(b), old); n != 1 {
				t.Fatalf("%s holds %q %d times:\n%s", part, old, n, b)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
			found = true
		}
		entries = append(entries, entry{e.Name, b})
	}
	z.Close()
	if !found {
		t.Fatalf("no part %s", part)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(out)
	for _, e := range entries {
		f, err := w.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// staff is the sheet the damage tests start from: a header and five
// people, in rows 1 to 6, written by WriteTable with inline strings.
var staff = [][]string{
	{"姓名", "询单人数"},
	{"张三", "10"},
	{"李四", "20"},
	{"王五", "30"},
	{"赵六", "40"},
	{"钱七", "50"},
}

var staffCols = []Column{
	{Name: "name", Headers: []string{"姓名"}},
	{Name: "inquiries", Headers: []string{"询单人数"}},
}

const sheet1 = "xl/worksheets/sheet1.xml"

// The hint that follows every message about damaged XML.
const hint = "\n    hint: export the workbook again from where it came from"

func TestTableDamagedSheet(t *testing.T) {
	tests := []struct {
		name     string
		old, new string   // the damage, made in the sheet's XML
		rows     []string // the rows Next gives before it stops
		err      string   // what Err says then
	}{
		{
			name: "control character in a cell's text",
			old:  `<t>赵六</t>`,
			new:  "<t>赵\x01六</t>",
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI!A5: the sheet's XML is damaged in this cell, so row 5 and the rows below it cannot be read: illegal character code U+0001" + hint,
		},
		{
			name: "control character in a number",
			old:  `<v>40</v>`,
			new:  "<v>4\x010</v>",
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI!B5: the sheet's XML is damaged in this cell, so row 5 and the rows below it cannot be read: illegal character code U+0001" + hint,
		},
		{
			name: "unclosed cell",
			old:  `<v>40</v></c>`,
			new:  `<v>40</v>`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI!B5: the sheet's XML is damaged in this cell, so row 5 and the rows below it cannot be read: element <c> closed by </row>" + hint,
		},
		{
			name: "unclosed element in a row, outside its cells",
			old:  `<row r="5">`,
			new:  `<row r="5"><extLst>`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI: row 5: the sheet's XML is damaged in this row, so it and the rows below it cannot be read: element <extLst> closed by </row>" + hint,
		},
		{
			name: "unknown entity between rows",
			old:  `<row r="5">`,
			new:  `&nbsp;<row r="5">`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI: the sheet's XML is damaged after row 4, so the rows below it cannot be read: invalid character entity &nbsp;" + hint,
		},
		{
			name: "broken start tag of a row",
			old:  `<row r="5">`,
			new:  `<row r="5>`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			// The quote runs on into the next tag.
			err: "march.xlsx: 客服KPI: the sheet's XML is damaged after row 4, so the rows below it cannot be read: unescaped < inside quoted string" + hint,
		},
		{
			name: "invalid UTF-8 in the last row",
			old:  `<t>钱七</t>`,
			new:  "<t>钱\xff</t>",
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30", "05:|赵六|40"},
			err:  "march.xlsx: 客服KPI!A6: the sheet's XML is damaged in this cell, so row 6 and the rows below it cannot be read: invalid UTF-8" + hint,
		},
		{
			name: "cut off in row 5",
			old:  `<v>40</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>钱七</t></is></c><c r="B6"><v>50</v></c></row></sheetData></worksheet>`,
			new:  `<v>4`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30"},
			err:  "march.xlsx: 客服KPI!B5: the sheet's XML is damaged in this cell, so row 5 and the rows below it cannot be read: unexpected EOF" + hint,
		},
		{
			// The sheet's data is whole, so nothing is lost.
			name: "damage after the sheet data",
			old:  `</worksheet>`,
			new:  "<extLst>\x01</extLst></worksheet>",
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30", "05:|赵六|40", "06:|钱七|50"},
		},
		{
			// The rows end up inside the open element, and encoding/xml
			// only objects at the end of the part, after every row.
			name: "element left open above the data",
			old:  `<sheetFormatPr defaultRowHeight="15"/>`,
			new:  `<sheetFormatPr defaultRowHeight="15">`,
			rows: []string{"02:|张三|10", "03:|李四|20", "04:|王五|30", "05:|赵六|40", "06:|钱七|50"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := input(t, staff)
			rewritePart(t, path, sheet1, tt.old, tt.new)
			inBothModes(t, func(t *testing.T) {
				tb, err := open(t, path).Table("", staffCols)
				if err != nil {
					t.Fatalf("Table: %v", err)
				}
				defer tb.Close()
				var got []string
				for tb.Next() {
					r := tb.Row()
					got = append(got, strings.Join(append([]string{fmt.Sprintf("%02d:", r.Num)}, r.Cells...), "|"))
				}
				if !slices.Equal(got, tt.rows) {
					t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.rows, "\n"))
				}
				gotErr := ""
				if err := tb.Err(); err != nil {
					gotErr = err.Error()
				}
				if gotErr != tt.err {
					t.Errorf("Err:\n%s\nwant:\n%s", gotErr, tt.err)
				}
				if tb.Next() {
					t.Errorf("Next after the end gave row %d", tb.Row().Num)
				}
			})
		})
	}
}

// Damage in or above the header row stops Table itself.
func TestTableDamagedHeader(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		err      string
	}{
		{
			name: "in the header row",
			old:  `<t>询单人数</t>`,
			new:  "<t>询单\x01人数</t>",
			err:  "march.xlsx: 客服KPI!B1: the sheet's XML is damaged in this cell, so row 1 and the rows below it cannot be read: illegal character code U+0001" + hint,
		},
		{
			name: "before the first row",
			old:  `<sheetFormatPr defaultRowHeight="15"/>`,
			new:  "<sheetFormatPr defaultRowHeight=\"1\x015\"/>",
			err:  "march.xlsx: 客服KPI: the sheet's XML is damaged before its first row, so none of its rows can be read: illegal character code U+0001" + hint,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := input(t, staff)
			rewritePart(t, path, sheet1, tt.old, tt.new)
			inBothModes(t, func(t *testing.T) {
				tb, err := open(t, path).Table("", staffCols)
				if err == nil {
					tb.Close()
					t.Fatalf("Table succeeded, want error:\n%s", tt.err)
				}
				if err.Error() != tt.err {
					t.Errorf("error:\n%s\nwant:\n%s", err, tt.err)
				}
			})
		})
	}
}

// excelize alone, on the sheet of the first case above, gives row 5 without
// the damaged cell and no rows after it, and no error: the silent wrong
// answer Table now refuses.
func TestExcelizeDropsDamagedRows(t *testing.T) {
	path := input(t, staff)
	rewritePart(t, path, sheet1, `<t>赵六</t>`, "<t>赵\x01六</t>")
	inBothModes(t, func(t *testing.T) {
		got := readExcelize(t, path, "客服KPI")
		want := []string{`1: ["姓名" "询单人数"]`, `2: ["张三" "10"]`, `3: ["李四" "20"]`, `4: ["王五" "30"]`, `5: []`}
		if !slices.Equal(got, want) {
			t.Errorf("excelize read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// handSheet is a sheet whose header is in the shared strings and whose
// people are inline strings, for workbooks made by writeXLSX.
func handSheet(rows ...string) string {
	return sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` + strings.Join(rows, ""))
}

func person(row int, name, inquiries string) string {
	return fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>%s</v></c></row>`, row, row, name, row, inquiries)
}

var handSST = sstXML(`<si><t>姓名</t></si>`, `<si><t>询单人数</t></si>`)

// readTable reads every row of the first sheet as "num:|a|b" lines and
// returns them with what Err says.
func readTable(t *testing.T, path string) ([]string, string) {
	t.Helper()
	tb, err := open(t, path).Table("", staffCols)
	if err != nil {
		return nil, "Table: " + err.Error()
	}
	defer tb.Close()
	var got []string
	for tb.Next() {
		r := tb.Row()
		got = append(got, strings.Join(append([]string{fmt.Sprintf("%02d:", r.Num)}, r.Cells...), "|"))
	}
	if err := tb.Err(); err != nil {
		return got, err.Error()
	}
	return got, ""
}

// A sheet excelize reads from its first row, because the shared strings
// are unusual, is checked for damage before that first row.
func TestTableDamagedFromTheStart(t *testing.T) {
	sst := strings.Replace(handSST, `<si>`, `<!-- made by hand --><si>`, 1)
	path := writeXLSX(t, handSheet(person(2, "张三", "10"), person(3, "李四", "20"), person(4, "王五", "3\x010"), person(5, "赵六", "40")), sst)
	inBothModes(t, func(t *testing.T) {
		r, err := open(t, path).rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if r.fast != nil || r.damage == nil {
			t.Fatalf("the sheet went to excelize from the start: %v; damage found there: %v", r.fast == nil, r.damage)
		}

		rows, msg := readTable(t, path)
		want := []string{"02:|张三|10", "03:|李四|20"}
		if !slices.Equal(rows, want) {
			t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
		if wantMsg := "hand.xlsx: Sheet1!B4: the sheet's XML is damaged in this cell, so row 4 and the rows below it cannot be read: illegal character code U+0001" + hint; msg != wantMsg {
			t.Errorf("Err:\n%s\nwant:\n%s", msg, wantMsg)
		}
	})
}

// A cell without a reference takes the column after the one before, as
// excelize numbers it, and the message names it so.
func TestTableDamagedCellWithoutReference(t *testing.T) {
	path := writeXLSX(t, handSheet(person(2, "张三", "10"), "<row r=\"3\"><c t=\"inlineStr\"><is><t>李四</t></is></c><c><v>2\x010</v></c></row>"), handSST)
	inBothModes(t, func(t *testing.T) {
		rows, msg := readTable(t, path)
		if want := []string{"02:|张三|10"}; !slices.Equal(rows, want) {
			t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
		if want := "hand.xlsx: Sheet1!B3: the sheet's XML is damaged in this cell, so row 3 and the rows below it cannot be read: illegal character code U+0001" + hint; msg != want {
			t.Errorf("Err:\n%s\nwant:\n%s", msg, want)
		}
	})
}

// XML that is unusual but well-formed still goes to excelize, which reads
// every row.
func TestTableUnusualSheetReadsWhole(t *testing.T) {
	path := writeXLSX(t, handSheet(
		person(2, "张三", "10"),
		`<!-- a comment between rows -->`,
		person(3, "李四", "20"),
		`<row r="4"><c r="A4" t="str"><v><![CDATA[王五]]></v></c><c r="B4"><v>30</v></c></row>`,
		`<?pi between rows?>`,
		person(5, "赵六", "40"),
	), handSST)
	inBothModes(t, func(t *testing.T) {
		rows, msg := readTable(t, path)
		want := []string{"02:|张三|10", "03:|李四|20", "04:|王五|30", "05:|赵六|40"}
		if !slices.Equal(rows, want) || msg != "" {
			t.Errorf("rows:\n%s\nerror: %s\nwant:\n%s", strings.Join(rows, "\n"), msg, strings.Join(want, "\n"))
		}
		r, err := open(t, path).rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			if _, err := r.Columns(); err != nil {
				t.Fatal(err)
			}
		}
		if r.fellBack == "" {
			t.Error("the fast reader read the sheet itself")
		}
	})
}

// Damaged shared strings: excelize refuses every row when it holds them in
// memory, and when they are too large for that it quietly reads the items
// before the damage only, so a cell naming the damaged item or a later one
// comes back empty.
// Table refuses the workbook either way.
func TestTableDamagedSharedStrings(t *testing.T) {
	sst := sstXML(`<si><t>姓名</t></si>`, `<si><t>询单人数</t></si>`, "<si><t>张\x01三</t></si>", `<si><t>李四</t></si>`)
	sheet := handSheet(`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c></row>`,
		`<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>20</v></c></row>`)
	path := writeXLSX(t, sheet, sst)
	const want = "hand.xlsx: the workbook's shared text (xl/sharedStrings.xml) is damaged, so its text cells cannot be read: illegal character code U+0001" + hint

	t.Run("memory", func(t *testing.T) {
		got := readExcelize(t, path, "Sheet1")
		if len(got) != 1 || got[0] != "1: error: XML syntax error on line 2: illegal character code U+0001" {
			t.Errorf("excelize read:\n%s", strings.Join(got, "\n"))
		}
		if _, msg := readTable(t, path); msg != "Table: "+want {
			t.Errorf("got:\n%s\nwant:\n%s", msg, "Table: "+want)
		}
	})
	t.Run("stream", func(t *testing.T) {
		defer func(o []excelize.Options) { openOptions = o }(openOptions)
		openOptions = []excelize.Options{{UnzipXMLSizeLimit: 1}}
		got := readExcelize(t, path, "Sheet1")
		// 张三's item reads as empty, since the damage stops it being
		// decoded, and 李四's, after it, is never read.
		wantExcelize := []string{`1: ["姓名" "询单人数"]`, `2: ["" "10"]`, `3: ["" "20"]`}
		if !slices.Equal(got, wantExcelize) {
			t.Errorf("excelize read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantExcelize, "\n"))
		}
		if _, msg := readTable(t, path); msg != "Table: "+want {
			t.Errorf("got:\n%s\nwant:\n%s", msg, "Table: "+want)
		}
	})
}

// Damage after the end of the shared string table loses no item.
func TestTableSharedStringsDamagedAfterTheirEnd(t *testing.T) {
	sst := sstXML(`<si><t>姓名</t></si>`, `<si><t>询单人数</t></si>`, `<si><t>张三</t></si>`) + "\x01"
	path := writeXLSX(t, handSheet(`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c></row>`), sst)
	inBothModes(t, func(t *testing.T) {
		rows, msg := readTable(t, path)
		if want := []string{"02:|张三|10"}; !slices.Equal(rows, want) || msg != "" {
			t.Errorf("rows:\n%s\nerror: %s\nwant:\n%s", strings.Join(rows, "\n"), msg, strings.Join(want, "\n"))
		}
	})
}
