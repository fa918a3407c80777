package workbook

import (
	"compress/flate"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// benchHeader is the results sheet of the benchmarks: 30 columns, as the
// scorer writes them, inputs first and then what it worked out.
var benchHeader = []string{
	"工号", "姓名", "组别", "月份",
	"询单人数", "最终付款人数", "询单转化率", "平均响应时间(秒)", "首次响应时间(秒)", "回复率",
	"销售额", "客单价", "退款率", "好评率", "差评数", "在线时长(小时)", "接待量", "满意度",
	"转化率得分", "响应得分", "回复率得分", "销售额得分", "退款得分", "好评得分", "满意度得分",
	"总分", "等级", "绩效系数", "提成", "说明",
}

// benchPool makes n distinct rows of the benchmark's sheet, cycled through
// by the benchmarks: mixed text and numbers, the numbers as the engine
// gives them (exact decimals, some with more places than they need).
func benchPool(n int) [][]Cell {
	rng := rand.New(rand.NewSource(1))
	names := []string{"张三", "李四", "王五", "赵六", "钱七七", "孙八", "周九", "吴十一", "郑小红", "欧阳明"}
	groups := []string{"售前一组", "售前二组", "售后组", "夜班"}
	grades := []string{"优秀", "良好", "合格", "待改进"}
	rows := make([][]Cell, n)
	for i := range rows {
		dec := func(whole, places int) string {
			s := strconv.Itoa(rng.Intn(whole))
			if places > 0 {
				s += "." + fmt.Sprintf("%0*d", places, rng.Intn(pow10(places)))
			}
			return s
		}
		inquiries := 200 + rng.Intn(3000)
		paid := rng.Intn(inquiries)
		row := []Cell{
			txt(fmt.Sprintf("E%06d", rng.Intn(1000000))),
			txt(names[rng.Intn(len(names))]),
			txt(groups[rng.Intn(len(groups))]),
			txt("2024-03"),
			num(strconv.Itoa(inquiries), Integer),
			num(strconv.Itoa(paid), Integer),
			num(dec(1, 4), Percent),
			num(dec(120, 1), General),
			num(dec(60, 2), General),
			num(dec(1, 4), Percent),
			num(dec(500000, 2), Money),
			num(dec(800, 2), Money),
			num(dec(1, 4), Percent),
			num(dec(1, 4), Percent),
			num(strconv.Itoa(rng.Intn(20)), Integer),
			num(dec(240, 1), General),
			num(strconv.Itoa(rng.Intn(5000)), Integer),
			num(dec(1, 3), Percent),
		}
		for j := 0; j < 7; j++ {
			row = append(row, num(dec(40, 2), General))
		}
		row = append(row,
			num(dec(100, 2)+"00", General),
			txt(grades[rng.Intn(len(grades))]),
			num("1."+strconv.Itoa(rng.Intn(10)), General),
			num(dec(20000, 3), Money),
		)
		if rng.Intn(4) == 0 {
			row = append(row, txt(fmt.Sprintf("询单转化率 %s 落在 %d%%–%d%% 档，得 %d 分；退款率超过 5%% 扣 %d 分",
				dec(1, 4), rng.Intn(100), rng.Intn(100), rng.Intn(40), rng.Intn(10))))
		} else {
			row = append(row, Cell{})
		}
		rows[i] = row
	}
	return rows
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// writeNew writes the benchmark's sheet through Writer and returns the size
// of the sheet's XML.
func writeNew(b *testing.B, path string, pool [][]Cell) int64 {
	w, err := Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("客服KPI", benchHeader)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < benchRows; i++ {
		if err := s.Row(pool[i%len(pool)]); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		b.Fatal(err)
	}
	return s.stream.size
}

// writeExcelize writes the benchmark's sheet the way this package did
// before it encoded sheets itself, through excelize's StreamWriter: the
// baseline a scored workbook must beat.
func writeExcelize(b *testing.B, path string, pool [][]Cell) {
	x := excelize.NewFile()
	defer x.Close()
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	var styles [len(builtinNumFmt)]int
	for f, id := range builtinNumFmt {
		if id != 0 {
			styles[f], _ = x.NewStyle(&excelize.Style{NumFmt: id})
		}
	}
	if err := x.SetSheetName("Sheet1", "客服KPI"); err != nil {
		b.Fatal(err)
	}
	sw, err := x.NewStreamWriter("客服KPI")
	if err != nil {
		b.Fatal(err)
	}
	for i, h := range benchHeader {
		if err := sw.SetColWidth(i+1, i+1, fitWidth(h)); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		b.Fatal(err)
	}
	cells := make([]excelize.Cell, len(benchHeader))
	vals := make([]interface{}, 0, len(benchHeader))
	for i, h := range benchHeader {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
		vals = append(vals, &cells[i])
	}
	if err := sw.SetRow("A1", vals); err != nil {
		b.Fatal(err)
	}
	for r := 0; r < benchRows; r++ {
		row := pool[r%len(pool)]
		vals = vals[:0]
		for i, c := range row {
			var v interface{}
			switch c.Kind {
			case Text:
				if c.Text != "" {
					cells[i] = excelize.Cell{Value: c.Text}
					v = &cells[i]
				}
			case Number:
				f, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64)
				if err != nil {
					b.Fatal(err)
				}
				f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
				cells[i] = excelize.Cell{StyleID: styles[c.Format], Value: f}
				v = &cells[i]
			}
			vals = append(vals, v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := x.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkWrite writes a 100,000-row, 30-column results sheet to a file,
// through excelize's StreamWriter and through Writer at two deflate levels.
// MB/s is of sheet XML (the same for all); allocs/row and the file's size
// in MB are reported besides.
//
//	go test ./workbook -run '^$' -bench Write -benchtime 3x
func BenchmarkWrite(b *testing.B) {
	pool := benchPool(4096)
	dir := b.TempDir()
	xmlSize := writeNew(b, filepath.Join(dir, "size.xlsx"), pool)

	run := func(b *testing.B, write func(path string)) {
		path := filepath.Join(dir, "bench.xlsx")
		b.SetBytes(xmlSize)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			write(path)
		}
		b.StopTimer()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*benchRows), "allocs/row")
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Size())/1e6, "MB-file")
	}
	b.Run("excelize", func(b *testing.B) {
		run(b, func(path string) { writeExcelize(b, path, pool) })
	})
	for _, level := range []int{kflate.BestSpeed, 5} {
		b.Run(fmt.Sprintf("sheetwriter/level=%d", level), func(b *testing.B) {
			defer func(l int) { deflateLevel = l }(deflateLevel)
			deflateLevel = level
			run(b, func(path string) { writeNew(b, path, pool) })
		})
	}
}

// BenchmarkRow measures encoding alone, without compression or files: the
// part of Row that is this package's own.
func BenchmarkRow(b *testing.B) {
	pool := benchPool(4096)
	w, err := CreateTo(io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("S", benchHeader)
	if err != nil {
		b.Fatal(err)
	}
	s.limit = 1 << 62
	b.ReportAllocs()
	b.ResetTimer()
	var n int64
	for i := 0; i < b.N; i++ {
		s.buf = s.buf[:0]
		if err := s.writeRow(pool[i%len(pool)], 0); err != nil {
			b.Fatal(err)
		}
		n += int64(len(s.buf))
	}
	b.SetBytes(n / int64(b.N))
}

// BenchmarkDeflate compresses 20,000 rows of the benchmark's sheet XML,
// handed over as Row hands it, with the standard library's flate and with
// klauspost/compress's at several levels; "%size" is the compressed size as
// a share of the XML. It chose deflateLevel.
func BenchmarkDeflate(b *testing.B) {
	pool := benchPool(4096)
	w, err := CreateTo(io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Abort()
	s, err := w.Sheet("S", benchHeader)
	if err != nil {
		b.Fatal(err)
	}
	var doc []byte
	for i := 0; i < 20000; i++ {
		s.buf = s.buf[:0]
		if err := s.writeRow(pool[i%len(pool)], 0); err != nil {
			b.Fatal(err)
		}
		doc = append(doc, s.buf...)
	}
	run := func(b *testing.B, newWriter func(io.Writer) io.WriteCloser) {
		b.SetBytes(int64(len(doc)))
		var out countWriter
		for i := 0; i < b.N; i++ {
			out = 0
			fw := newWriter(&out)
			for p := doc; len(p) > 0; {
				n := min(len(p), flushAt)
				if _, err := fw.Write(p[:n]); err != nil {
					b.Fatal(err)
				}
				p = p[n:]
			}
			if err := fw.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(out)/float64(len(doc))*100, "%size")
	}
	for _, level := range []int{flate.BestSpeed, flate.DefaultCompression} {
		b.Run(fmt.Sprintf("std/level=%d", level), func(b *testing.B) {
			run(b, func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, level); return fw })
		})
	}
	for _, level := range []int{1, 3, 5, 6} {
		b.Run(fmt.Sprintf("klauspost/level=%d", level), func(b *testing.B) {
			run(b, func(w io.Writer) io.WriteCloser { fw, _ := kflate.NewWriter(w, level); return fw })
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
