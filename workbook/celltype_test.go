package workbook

import (
	"fmt"
	"slices"
	"testing"
)

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"yyyy/m/d", true},
		{"YYYY-MM-DD", true},
		{`yyyy"年"m"月"d"日";@`, true},
		{"h:mm:ss", true},
		{"[h]:mm", true},
		{"[ss]", true},
		{"[$-F800]dddd, mmmm dd, yyyy", true},
		{"AM/PM", true},
		{"General", false},
		{"0.00%", false},
		{"#,##0.00;[Red]-#,##0.00", false},
		{`0.0"m"`, false},           // quoted
		{`0 \d`, false},             // escaped
		{`#,##0_);(#,##0)`, false},  // padding
		{"[$¥-804]#,##0.00", false}, // currency in brackets
		{"0.00E+00", false},
		{"@", false},
		{`0"`, false}, // unterminated quote
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.code); got != tt.want {
			t.Errorf("isDateFormat(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
	for id, want := range map[int]bool{0: false, 1: false, 10: false, 13: false, 14: true, 22: true, 23: false,
		31: true, 37: false, 45: true, 47: true, 49: false, 57: true, 81: true, 82: false} {
		if got := isDateFormatID(id); got != want {
			t.Errorf("isDateFormatID(%d) = %v, want %v", id, got, want)
		}
	}
}

// stylesXML has five cell styles: 0 general, 1 built-in date 14, 2
// built-in percent 10, 3 custom date 176, 4 custom number 177.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ` + nsMain + `><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.0&quot;d&quot;"/></numFmts>` +
	`<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="176" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`

// The reader reports dates (numbers with a date style), error values and
// booleans, and only those: text with a date style is text. It does so
// whether the fast reader or excelize reads the sheet.
func TestCellTypes(t *testing.T) {
	row := `<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>45352.5</v></c>` +
		`<c r="D1" s="4"><v>7</v></c><c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="b"><v>1</v></c>` +
		`<c r="G1" t="s" s="1"><v>0</v></c><c r="H1" t="n" s="1"><v>1.25</v></c><c r="I1" s="9"><v>3</v></c><c r="J1" t="str" s="1"><f>A1</f><v>x</v></c></row>`
	want := []CellType{DateSerial, Plain, DateSerial, Plain, ErrorValue, Boolean, Plain, DateSerial, Plain, Plain}
	for _, fallback := range []bool{false, true} {
		t.Run(fmt.Sprintf("fallback=%v", fallback), func(t *testing.T) {
			rows := row
			if fallback {
				rows += "<!-- the fast reader stops here -->"
			}
			path := writeXLSXStyles(t, sheetXML(rows), sstXML(`<si><t>text</t></si>`), stylesXML)
			f := open(t, path)
			r, err := f.rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if !r.Next() {
				t.Fatal("no row")
			}
			cells, err := r.Columns()
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Types(); !slices.Equal(got, want) {
				t.Errorf("types of %q:\n got %v\nwant %v", cells, got, want)
			}
			if (r.fellBack != "") != fallback {
				t.Errorf("fell back: %q", r.fellBack)
			}
		})
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		raw   string
		v1904 bool
		want  string
	}{
		{"45352", false, "2024-03-01"},
		{"45352.5", false, "2024-03-01 12:00"},
		{"45352.500011574", false, "2024-03-01 12:00:01"},
		{"0.75", false, "18:00:00"},
		{"43890", true, "2024-03-01"}, // 1462 days fewer from 1904
		{"abc", false, "abc"},
		{"-1", false, "-1"},
	}
	for _, tt := range tests {
		tb := &Table{date1904: tt.v1904}
		if got := tb.DateText(tt.raw); got != tt.want {
			t.Errorf("DateText(%q, 1904 %v) = %q, want %q", tt.raw, tt.v1904, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"平均响应时间\n(秒)", "平均响应时间(秒)"},
		{"平均响应时间 \r\n （秒）", "平均响应时间（秒）"},
		{"Total\nscore", "Total score"},
		{"Total \n\n score", "Total score"},
		{"GMV\n(元)", "GMV(元)"},
		{" 询单人数 ", "询单人数"},
		{"\n", ""},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A formula without a result is Uncomputed, with its text, whichever
// reader reads it; a formula with a result, even an empty text, is not.
func TestUncomputedFormulas(t *testing.T) {
	row := `<row r="1"><c r="A1"><f>B1/C1</f></c><c r="B1"><f>1+1</f><v></v></c><c r="C1" t="str"><f>""</f><v></v></c>` +
		`<c r="D1"><f>A1</f><v>3</v></c><c r="E1"><v>5</v></c><c r="F1"><f>IF(E1&gt;1,1,0)</f></c>` +
		`<c r="G1"><f t="shared" ref="G1:H1" si="0">E1*2</f></c>`
	wantTypes := []CellType{Uncomputed, Uncomputed, Plain, Plain, Plain, Uncomputed, Uncomputed}
	wantCells := []string{"", "", "", "3", "5", "", ""}
	wantFormulas := []string{"B1/C1", "1+1", "", "", "", "IF(E1>1,1,0)", "E1*2"}
	tests := []struct {
		name     string
		rest     string // more cells
		fallback bool
		types    []CellType
		cells    []string
		formulas []string
	}{
		{"fast", `<c r="I1"><v>6</v></c>`, false,
			append(wantTypes, Plain, Plain), append(wantCells, "", "6"), append(wantFormulas, "", "")},
		// H1 has only the shared formula's number: the sheet goes to
		// excelize, which moves G1's formula one column.
		{"shared", `<c r="H1"><f t="shared" si="0"/></c><c r="I1"><v>6</v></c>`, true,
			append(wantTypes, Uncomputed, Plain), append(wantCells, "", "6"), append(wantFormulas, "F1*2", "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, writeXLSX(t, sheetXML(row+tt.rest+"</row>"), ""))
			rs, err := f.rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer rs.Close()
			if !rs.Next() {
				t.Fatal("no row")
			}
			cells, err := rs.Columns()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(cells, tt.cells) {
				t.Errorf("cells %q, want %q", cells, tt.cells)
			}
			if got := rs.Types(); !slices.Equal(got, tt.types) {
				t.Errorf("types %v, want %v", got, tt.types)
			}
			if got := rs.Formulas(); !slices.Equal(got, tt.formulas) {
				t.Errorf("formulas %q, want %q", got, tt.formulas)
			}
			if (rs.fellBack != "") != tt.fallback {
				t.Errorf("fell back: %q", rs.fellBack)
			}
		})
	}
}
