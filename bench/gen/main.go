// Command gen writes ecommerce-cs workbooks of any size for benchmarks.
//
//	go run ./bench/gen -n 100000 -seed 1 -o bench/data/ecs-100000-1.xlsx
//
// The workbook has the shape of examples/ecommerce-cs/march.xlsx: sheet
// 客服KPI, a title row, the header row and one row per agent in the 18
// columns the ecommerce-cs rules read. Values are plausible and pass the
// rules' checks: counts are whole and non-negative, 工作任务得分 lies in
// 0..10 and 工作态度得分 in 0..5. Prices and times are decimals, about one
// agent in 200 has 询单人数 = 0 (so 询单转化率 cannot be computed), and about
// one in 500 has 客服客单价 stored as text with a thousands separator.
//
// The same seed gives the same cells on every run. Rows are streamed with
// excelize's StreamWriter and the zip is written straight to disk, so a
// sheet of 1,048,574 agents is written in bounded memory. The workbook is
// built in a temporary file beside the output and renamed into place, so
// the output never exists half written.
package main

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

const (
	sheet = "客服KPI"
	// title is the title row; the month goes after it.
	title = "客服部客服指标绩效考核表"

	// maxRows is the number of rows a sheet can hold.
	maxRows = excelize.TotalRows
)

// header is the header row of examples/ecommerce-cs/march.xlsx.
var header = []string{
	"工号", "姓名", "询单人数", "最终付款人数", "拍下笔数", "支付宝付款笔数",
	"客服客单价", "店铺客单价", "接待人数", "回复过的客户数", "平均响应时间(秒)",
	"客户退款数", "客服成交数", "工作任务得分", "经验条数", "工作态度得分",
	"迟到早退次数", "有效请假天数",
}

func main() {
	n := flag.Int("n", 1000, "the `number` of agents (data rows)")
	seed := flag.Uint64("seed", 1, "the random `seed`: the same seed gives the same cells")
	out := flag.String("o", "", "the workbook `path` to write (required)")
	withTitle := flag.Bool("title", true, "write a title row above the header row")
	month := flag.String("month", "2026-03", "the `month` the title names, as 2026-03")
	ledger := flag.Int("ledger", 0, "write a trade-agent-annual contract ledger of n rows among this `number` of agents instead")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gen -n N -seed S -o FILE [-month 2026-03] [-title=false] [-ledger AGENTS]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	var y, m int
	if _, err := fmt.Sscanf(*month, "%4d-%2d", &y, &m); err != nil || m < 1 || m > 12 {
		fmt.Fprintf(os.Stderr, "gen: -month %q: give it as 2026-03\n", *month)
		os.Exit(2)
	}
	heading := ""
	if *withTitle {
		heading = fmt.Sprintf("%s %d年%d月", title, y, m)
	}
	sh := agentShape
	if *ledger > 0 {
		if *withTitle {
			heading = fmt.Sprintf("%s %d年", ledgerTitle, y)
		}
		sh = shape{sheet: ledgerSheet, header: ledgerHeader, rows: func(seed uint64) func(int, []any) []any {
			return newContracts(seed, *ledger).row
		}}
	}
	if err := write(*out, *n, *seed, heading, sh); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

// shape is what a workbook's sheet holds: its name, header, and how its
// rows are made from a seed.
type shape struct {
	sheet  string
	header []string
	rows   func(seed uint64) func(i int, vals []any) []any
}

// agentShape is the ecommerce-cs sheet of agents.
var agentShape = shape{sheet: sheet, header: header, rows: func(seed uint64) func(int, []any) []any { return newAgents(seed).row }}

// write generates n rows from seed into a workbook at path, under the
// title heading when it is not "".
func write(path string, n int, seed uint64, heading string, sh shape) error {
	withTitle := heading != ""
	top := 1 // the header row
	if withTitle {
		top++
	}
	if n < 0 || n > maxRows-top {
		hint := ""
		if withTitle && n == maxRows-1 {
			hint = "\n    hint: -title=false leaves room for one more row"
		}
		return fmt.Errorf("-n %d: a sheet holds %d agents under its %d top rows%s", n, maxRows-top, top, hint)
	}
	f := excelize.NewFile()
	defer f.Close() // removes the stream writer's spill files
	if err := f.SetSheetName(f.GetSheetName(0), sh.sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.sheet)
	if err != nil {
		return err
	}
	num := 0
	next := func(vals []any) error {
		num++
		cell, _ := excelize.CoordinatesToCellName(1, num)
		return sw.SetRow(cell, vals)
	}
	if withTitle {
		if err := next([]any{heading}); err != nil {
			return err
		}
	}
	if err := next(anys(sh.header)); err != nil {
		return err
	}
	row := sh.rows(seed)
	vals := make([]any, len(sh.header))
	for i := 1; i <= n; i++ {
		if err := next(row(i, vals)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return save(f, path)
}

// save writes f through a temporary file renamed onto path. excelize's Write
// builds the whole zip in a bytes.Buffer; giving it a zip writer on the file
// streams the zip to disk instead, and the buffer stays empty.
func save(f *excelize.File, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(tmp) })
	if err := f.Write(io.Discard); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func anys(s []string) []any {
	v := make([]any, len(s))
	for i, x := range s {
		v[i] = x
	}
	return v
}

// agents makes agent rows from one random stream, so row i depends on the
// seed and on the rows before it.
type agents struct {
	r *rand.Rand
}

func newAgents(seed uint64) *agents {
	return &agents{r: rand.New(rand.NewPCG(seed, 0x62656e6368))}
}

// between returns a whole number in [lo, hi].
func (g *agents) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// pct returns n x [lo, hi]%, rounded down.
func (g *agents) pct(n, lo, hi int) int { return n * g.between(lo, hi) / 100 }

// chance reports true once in every n calls on average.
func (g *agents) chance(n int) bool { return g.r.IntN(n) == 0 }

// row fills vals with agent i, in header order: whole numbers as int,
// decimals as float64, text as string.
func (g *agents) row(i int, vals []any) []any {
	inquiries := g.between(80, 400)
	paid := max(1, g.pct(inquiries, 45, 90))
	if g.chance(200) {
		// A new agent who took no enquiries but closed deals handed over.
		inquiries, paid = 0, 0
	}
	deals := paid
	if paid == 0 {
		deals = g.between(10, 60)
	}
	orders := deals + g.pct(deals, 0, 30)
	alipay := min(orders, g.pct(orders, 68, 100))
	shop := g.between(8000, 30000) // 店铺客单价 in cents
	agent := g.pct(shop, 95, 125)  // 客服客单价 in cents
	received := max(inquiries, 20) + g.between(0, 150)
	replied := min(received, g.pct(received, 92, 100))
	response := g.between(150, 700) // tenths of a second
	refunds := g.pct(deals, 0, 8)
	task := float64(5*g.between(10, 20)) / 10 // 5..10 in halves
	if g.chance(20) {
		task = float64(g.between(0, 1000)) / 100 // 0..10 to the cent
	}
	attitude := float64(5*g.between(0, 10)) / 10 // 0..5 in halves
	var agentPrice any = float64(agent) / 100
	if g.chance(500) {
		agentPrice = thousands(agent + 100000*g.between(0, 3))
	}
	vals = append(vals[:0],
		fmt.Sprintf("E%07d", i), g.name(),
		inquiries, paid, orders, alipay,
		agentPrice, float64(shop)/100,
		received, replied, float64(response)/10,
		refunds, deals,
		task, g.between(0, 14), attitude,
		g.weighted(60, 25, 10, 5), g.weighted(65, 20, 10, 5),
	)
	return vals
}

// thousands writes cents as text like "1,234.50".
func thousands(cents int) string {
	units := cents / 100
	s := fmt.Sprintf("%d.%02d", units%1000, cents%100)
	if units >= 1000 {
		s = fmt.Sprintf("%d,%03d.%02d", units/1000, units%1000, cents%100)
	}
	return s
}

var (
	surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂文华建国红玉梅志宇浩然婷雪琳晓欣怡嘉俊博思雨涵子轩梦琪佳慧海峰天")
)

// name makes a two- or three-character Chinese name.
func (g *agents) name() string {
	s := []rune{surnames[g.r.IntN(len(surnames))], given[g.r.IntN(len(given))]}
	if !g.chance(4) {
		s = append(s, given[g.r.IntN(len(given))])
	}
	return string(s)
}

// weighted picks an index with the given relative weights.
func (g *agents) weighted(w ...int) int {
	sum := 0
	for _, x := range w {
		sum += x
	}
	n := g.r.IntN(sum)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}
