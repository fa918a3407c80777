package workbook

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// lowerLimits sets the limits for one test.
func lowerLimits(t *testing.T, sheet, other, total, ratio, grace uint64) {
	old := []uint64{maxSheetPart, maxOtherPart, maxInflated, maxRatio, ratioGrace}
	t.Cleanup(func() {
		maxSheetPart, maxOtherPart, maxInflated, maxRatio, ratioGrace = old[0], old[1], old[2], old[3], old[4]
	})
	maxSheetPart, maxOtherPart, maxInflated, maxRatio, ratioGrace = sheet, other, total, ratio, grace
}

// Each limit is checked from the zip directory's sizes, and the message
// names the part, by its sheet where it holds one.
func TestOpenPastLimits(t *testing.T) {
	// 3,000 rows of 张三 and 10. The sheet's XML is 428 bytes around its
	// rows, and each row 87 bytes and three times its number: 8 rows of
	// 90, 90 of 93, 900 of 96 and 2,002 of 99 bytes make 293,688, so
	// 294,116 bytes in all, 287.2 KB. The shared strings are 209 bytes.
	var rows []string
	for r := 2; r <= 3001; r++ {
		rows = append(rows, person(r, "张三", "10"))
	}
	long := writeXLSX(t, handSheet(rows...), handSST)
	// The other way round: a sheet of two rows, and shared strings of 165
	// bytes around the items, 22 and 28 for the header's and 44 each for
	// 3,000 more: 132,215 bytes, 129.1 KB. [Content_Types].xml is 693
	// bytes.
	items := []string{`<si><t>姓名</t></si>`, `<si><t>询单人数</t></si>`}
	for i := range 3000 {
		items = append(items, fmt.Sprintf(`<si><t>person number %06d of many</t></si>`, i))
	}
	text := writeXLSX(t, handSheet(`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c></row>`), sstXML(items...))
	tests := []struct {
		name                              string
		path                              string
		sheet, other, total, ratio, grace uint64
		want                              string
	}{
		{"sheet", long, 100 << 10, 1 << 20, 1 << 30, 1000, 1 << 30,
			`^hand.xlsx: the sheet Sheet1 \(xl/worksheets/sheet1.xml\) would inflate to 288 KB, past the 100 KB allowed for one part\n`},
		{"sheet within", long, 1 << 20, 50 << 10, 1 << 30, 1000, 1 << 30, ""},
		{"shared text", text, 50 << 10, 1 << 20, 1 << 30, 1000, 1 << 30,
			`^hand.xlsx: the workbook's shared text \(xl/sharedStrings.xml\) would inflate to 130 KB, past the 50 KB allowed for one part\n`},
		{"shared text within", text, 1 << 20, 50 << 10, 1 << 30, 1000, 1 << 30, ""},
		{"other part", text, 1 << 20, 500, 1 << 30, 1000, 1 << 30,
			`^hand.xlsx: the part \[Content_Types\].xml would inflate to 693 bytes, past the 500 bytes allowed for one part\n`},
		{"ratio", long, 1 << 30, 1 << 30, 1 << 30, 2, 1 << 10,
			// Deflate's size is its own; the sheet's XML, a row much like the
			// next, compresses more than twice.
			`^hand.xlsx: the sheet Sheet1 \(xl/worksheets/sheet1.xml\) would inflate from [0-9]+ KB to 288 KB, [0-9]+ times its size, where workbooks inflate less than 2 times\n`},
		{"ratio within", long, 1 << 30, 1 << 30, 1 << 30, 1000, 1 << 10, ""},
		{"ratio below the grace", long, 1 << 30, 1 << 30, 1 << 30, 2, 1 << 20, ""},
		{"total", long, 1 << 30, 1 << 30, 100 << 10, 1000, 1 << 30,
			// 294,116 + 209 + the 693, 295, 283 and 437 bytes of the
			// other parts: 296,033 bytes, 289.1 KB.
			`^hand.xlsx: its parts would inflate to 290 KB in all, past the 100 KB allowed for a workbook\n`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lowerLimits(t, tt.sheet, tt.other, tt.total, tt.ratio, tt.grace)
			f, err := Open(tt.path)
			if f != nil {
				f.Close()
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			switch {
			case tt.want == "" && got != "":
				t.Errorf("got %q, want no error", got)
			case tt.want != "" && (!regexp.MustCompile(tt.want).MatchString(got) || !strings.HasSuffix(got, "\n"+bombHint)):
				t.Errorf("got:\n%s\nwant:\n%s%s", got, tt.want, bombHint)
			}
		})
	}
}

// A token longer than any cell, such as megabytes of spaces between two
// rows, stops the reading with an error, rather than growing the buffer
// or being handed to excelize, which would hold it whole.
func TestTableLongRun(t *testing.T) {
	defer func(o []excelize.Options, n int) { openOptions, maxRun = o, n }(openOptions, maxRun)
	openOptions = []excelize.Options{{UnzipXMLSizeLimit: 1}}
	maxRun = 1 << 20
	// Spaces compress a thousand times; that is checked on its own.
	lowerLimits(t, maxSheetPart, maxOtherPart, maxInflated, 1<<20, ratioGrace)
	spaces := strings.Repeat(" ", 3<<20)
	sheet := handSheet(person(2, "张三", "10") + spaces + person(3, "李四", "20"))
	got, msg := readTable(t, writeXLSX(t, sheet, handSST))
	// Row 2 is not given either: the reader gives a row once it has read
	// up to the next one.
	if len(got) != 0 {
		t.Errorf("rows %q, want none", got)
	}
	const want = "hand.xlsx: Sheet1: the sheet's XML near row 2 runs on for more than 1 MB in one piece, longer than any cell\n" + bombHint
	if msg != want {
		t.Errorf("got:\n%s\nwant:\n%s", msg, want)
	}

	sst := sstXML(`<si><t>姓名</t></si>`, `<si><t>询单人数</t></si>`, `<si><t>`+spaces+`</t></si>`)
	_, msg = readTable(t, writeXLSX(t, handSheet(person(2, "张三", "10")), sst))
	const wantSST = "Table: hand.xlsx: the workbook's shared text (xl/sharedStrings.xml) runs on for more than 1 MB in one piece, longer than any cell\n" + bombHint
	if msg != wantSST {
		t.Errorf("got:\n%s\nwant:\n%s", msg, wantSST)
	}
}
