package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Run with
//
//	go test -run XXX -bench Read -benchtime 1x ./workbook
//
// Each benchmark reads every row of the same generated 100,000-row sheet.

const benchRows = 100_000

// benchWorkbook writes a workbook laid out as Excel saves an ecommerce-cs
// export: a title row, the 18-column header, then benchRows agents, text in
// the shared string table, numbers styled. It returns the path and the size
// of the sheet's XML.
func benchWorkbook(b *testing.B, dir string, rows int) (string, int) {
	b.Helper()
	rng := rand.New(rand.NewPCG(2026, 3))
	var sst []string
	index := map[string]int{}
	str := func(s string) int {
		i, ok := index[s]
		if !ok {
			i = len(sst)
			index[s] = i
			sst = append(sst, s)
		}
		return i
	}
	header := []string{
		"工号", "姓名", "询单人数", "最终付款人数", "拍下笔数", "支付宝付款笔数",
		"客服客单价", "店铺客单价", "接待人数", "回复过的客户数", "平均响应时间(秒)",
		"客户退款数", "客服成交数", "工作任务得分", "经验条数", "工作态度得分",
		"迟到早退次数", "有效请假天数",
	}
	surnames := []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽")
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n")
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`)
	fmt.Fprintf(&sheet, `<dimension ref="A1:R%d"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="18" width="12.7109375" customWidth="1"/></cols><sheetData>`, rows+2)
	fmt.Fprintf(&sheet, `<row r="1" spans="1:18" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>%d</v></c></row>`, str("客服部客服指标绩效考核表 2026年3月"))
	sheet.WriteString(`<row r="2" spans="1:18" x14ac:dyDescent="0.25">`)
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		fmt.Fprintf(&sheet, `<c r="%s2" s="2" t="s"><v>%d</v></c>`, col, str(h))
	}
	sheet.WriteString(`</row>`)
	for r := 3; r < rows+3; r++ {
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:18" x14ac:dyDescent="0.25">`, r)
		name := string(surnames[rng.IntN(len(surnames))]) + string(given[rng.IntN(len(given))])
		if rng.IntN(2) == 0 {
			name += string(given[rng.IntN(len(given))])
		}
		inquiries := rng.IntN(400)
		paid := inquiries * (40 + rng.IntN(50)) / 100
		values := []string{
			fmt.Sprint(inquiries), fmt.Sprint(paid), fmt.Sprint(50 + rng.IntN(300)), fmt.Sprint(40 + rng.IntN(280)),
			fmt.Sprintf("%d.%d", 80+rng.IntN(200), rng.IntN(100)), fmt.Sprintf("%d.%02d", 80+rng.IntN(150), rng.IntN(100)),
			fmt.Sprint(100 + rng.IntN(300)), fmt.Sprint(90 + rng.IntN(300)), fmt.Sprintf("%d.%d", 15+rng.IntN(60), rng.IntN(10)),
			fmt.Sprint(rng.IntN(20)), fmt.Sprint(paid), fmt.Sprintf("%d.%d", 3+rng.IntN(7), rng.IntN(10)),
			fmt.Sprint(rng.IntN(15)), fmt.Sprintf("%d.5", rng.IntN(5)), fmt.Sprint(rng.IntN(6)), fmt.Sprint(rng.IntN(4)),
		}
		fmt.Fprintf(&sheet, `<c r="A%d" s="3" t="s"><v>%d</v></c><c r="B%d" s="3" t="s"><v>%d</v></c>`, r, str(fmt.Sprintf("E%06d", r-2)), r, str(name))
		for i, v := range values {
			col, _ := excelize.ColumnNumberToName(i + 3)
			fmt.Fprintf(&sheet, `<c r="%s%d" s="4"><v>%s</v></c>`, col, r, v)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)

	var table bytes.Buffer
	fmt.Fprintf(&table, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\r\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, 2*rows+19, len(sst))
	for _, s := range sst {
		fmt.Fprintf(&table, `<si><t>%s</t></si>`, s)
	}
	table.WriteString(`</sst>`)

	path := filepath.Join(dir, "march.xlsx")
	writeZip(b, path, map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
		"_rels/.rels":         []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		"xl/workbook.xml":     []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客服KPI" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		"xl/_rels/workbook.xml.rels": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
		"xl/worksheets/sheet1.xml": sheet.Bytes(),
		"xl/sharedStrings.xml":     table.Bytes(),
	})
	return path, sheet.Len()
}

func writeZip(b *testing.B, path string, parts map[string][]byte) {
	b.Helper()
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	z := zip.NewWriter(out)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		w, err := z.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Write(parts[name]); err != nil {
			b.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

var bench struct {
	once sync.Once
	dir  string
	path string
	size int
}

// benchFile generates the benchmark workbook once per run of the test
// binary, for all benchmarks to share; TestMain removes it.
func benchFile(b *testing.B) (string, int) {
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "appraise-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bench.dir = dir
		bench.path, bench.size = benchWorkbook(b, dir, benchRows)
	})
	if bench.path == "" {
		b.Fatal("no benchmark workbook")
	}
	return bench.path, bench.size
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// measure runs read b.N times and reports throughput over the sheet's XML,
// time, allocations and peak heap per row.
func measure(b *testing.B, size int, read func() int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := samplePeakHeap()
	b.ResetTimer()
	start := time.Now()
	rows := 0
	for i := 0; i < b.N; i++ {
		rows += read()
	}
	elapsed := time.Since(start)
	b.StopTimer()
	peak := stop()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(rows), "ns/row")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(rows), "allocs/row")
	b.ReportMetric(float64(peak-before.HeapAlloc)/(1<<20), "peak-heap-MB")
}

// samplePeakHeap watches the live heap until the returned function is
// called, which returns the most it saw.
func samplePeakHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkReadExcelize reads the sheet as Table used to: excelize's Rows
// and Columns with raw values.
func BenchmarkReadExcelize(b *testing.B) {
	path, size := benchFile(b)
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	measure(b, size, func() int {
		rows, err := f.x.Rows("客服KPI")
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		n, cells := 0, 0
		for rows.Next() {
			c, err := rows.Columns(rawValues)
			if err != nil {
				b.Fatal(err)
			}
			n++
			cells += len(c)
		}
		if n != benchRows+2 || cells != 18*benchRows+19 {
			b.Fatalf("read %d rows, %d cells", n, cells)
		}
		return n
	})
}

// BenchmarkReadFast reads the sheet with the fast reader, through the
// same calls.
func BenchmarkReadFast(b *testing.B) {
	path, size := benchFile(b)
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	measure(b, size, func() int {
		rows, err := f.rows("客服KPI")
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		n, cells := 0, 0
		for rows.Next() {
			c, err := rows.Columns()
			if err != nil {
				b.Fatal(err)
			}
			n++
			cells += len(c)
		}
		if rows.fellBack != "" || n != benchRows+2 || cells != 18*benchRows+19 {
			b.Fatalf("read %d rows, %d cells (fallback %q)", n, cells, rows.fellBack)
		}
		return n
	})
}

// BenchmarkReadTable reads the sheet as a command does: Table finds the
// header, then Next and Row for every agent.
func BenchmarkReadTable(b *testing.B) {
	path, size := benchFile(b)
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	cols := []Column{{Name: "id", Headers: []string{"工号"}}, {Name: "inquiries", Headers: []string{"询单人数"}}}
	measure(b, size, func() int {
		t, err := f.Table("", cols)
		if err != nil {
			b.Fatal(err)
		}
		defer t.Close()
		n := 0
		for t.Next() {
			if !strings.HasPrefix(t.Row().Cells[0], "E") {
				b.Fatalf("row %d: %q", t.Row().Num, t.Row().Cells)
			}
			n++
		}
		if t.Err() != nil || n != benchRows {
			b.Fatalf("read %d rows: %v", n, t.Err())
		}
		return n
	})
}

// BenchmarkReadOpen opens the workbook, which both readers need first:
// excelize unzips every part, and keeps those over 16 MB in temporary
// files.
func BenchmarkReadOpen(b *testing.B) {
	path, size := benchFile(b)
	measure(b, size, func() int {
		f, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
		return benchRows + 2
	})
}
