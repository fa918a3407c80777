package run

import (
	"slices"
	"sync"

	"appraise/workbook"
)

// The run is a pipeline: one goroutine reads the sheet, the caller's
// goroutine binds and scores, and each output sheet has a goroutine of its
// own that encodes and compresses its rows. The stages hand each other
// batches through channels of a few slots, so memory stays flat however
// long the sheet is, and every batch is reused once its stage is done.

// chunkRows is how many rows travel together between stages: enough to
// make a channel operation rare, few enough to keep batches small.
const chunkRows = 256

// chunk is a batch of rows read from the sheet. The cells are copies, so
// the reader can go on while the rows are being scored.
type chunk struct {
	nums  []int               // each row's number in the sheet
	ends  []int               // where each row's cells end in cells
	cells []string            // the cells of every row, one after the other
	types []workbook.CellType // the type of each of cells
	// formulas holds the formulas of the rows that have Uncomputed cells,
	// by row index; nil until one has.
	formulas map[int][]string
}

func (c *chunk) len() int { return len(c.nums) }

// row returns row i; its Cells stay valid until the chunk is recycled.
func (c *chunk) row(i int) workbook.Row {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	end := c.ends[i]
	return workbook.Row{Num: c.nums[i], Cells: c.cells[start:end:end], Types: c.types[start:end:end], Formulas: c.formulas[i]}
}

// reader reads a table in its own goroutine.
type reader struct {
	out  chan *chunk
	free chan *chunk
	stop chan struct{}
	done chan struct{}
}

func startReader(t *workbook.Table) *reader {
	r := &reader{
		out:  make(chan *chunk, 4),
		free: make(chan *chunk, 6),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	go r.run(t)
	return r
}

func (r *reader) run(t *workbook.Table) {
	defer close(r.done)
	defer close(r.out)
	for {
		var c *chunk
		select {
		case c = <-r.free:
			c.nums, c.ends, c.cells, c.types, c.formulas = c.nums[:0], c.ends[:0], c.cells[:0], c.types[:0], nil
		default:
			c = &chunk{}
		}
		for c.len() < chunkRows && t.Next() {
			row := t.Row()
			c.cells = append(c.cells, row.Cells...)
			c.types = append(c.types, row.Types...)
			if row.Formulas != nil {
				if c.formulas == nil {
					c.formulas = map[int][]string{}
				}
				c.formulas[c.len()] = slices.Clone(row.Formulas)
			}
			c.nums = append(c.nums, row.Num)
			c.ends = append(c.ends, len(c.cells))
		}
		if c.len() > 0 {
			select {
			case r.out <- c:
			case <-r.stop:
				return
			}
		}
		if c.len() < chunkRows {
			return
		}
	}
}

// recycle hands a chunk back to the reader.
func (r *reader) recycle(c *chunk) {
	select {
	case r.free <- c:
	default:
	}
}

// close stops the reader and waits for it, so that the table can be closed.
func (r *reader) close() {
	close(r.stop)
	<-r.done
}

// page is a batch of output rows for one sheet.
type page struct {
	cells []workbook.Cell
	ends  []int // where each row's cells end
}

func (p *page) add(cells []workbook.Cell) {
	p.cells = append(p.cells, cells...)
	p.ends = append(p.ends, len(p.cells))
}

// pageRows is how many output rows fill a page.
const pageRows = 1024

// writer writes pages of rows in its own goroutine with write, which is
// called once a row, in order.
type writer struct {
	write func(cells []workbook.Cell) error
	cur   *page
	out   chan *page
	free  chan *page
	wg    sync.WaitGroup
	err   error // set by the goroutine; read after wait
}

func startWriter(write func([]workbook.Cell) error) *writer {
	w := &writer{write: write, out: make(chan *page, 4), free: make(chan *page, 6), cur: &page{}}
	w.wg.Add(1)
	go w.run(w.out)
	return w
}

func (w *writer) run(pages <-chan *page) {
	defer w.wg.Done()
	for p := range pages {
		if w.err == nil {
			start := 0
			for _, end := range p.ends {
				if err := w.write(p.cells[start:end]); err != nil {
					w.err = err
					break
				}
				start = end
			}
		}
		p.cells, p.ends = p.cells[:0], p.ends[:0]
		select {
		case w.free <- p:
		default:
		}
	}
}

// row queues one row. The cells are copied.
func (w *writer) row(cells []workbook.Cell) {
	w.cur.add(cells)
	if len(w.cur.ends) >= pageRows {
		w.flush()
	}
}

func (w *writer) flush() {
	if len(w.cur.ends) == 0 {
		return
	}
	w.out <- w.cur
	select {
	case w.cur = <-w.free:
	default:
		w.cur = &page{}
	}
}

// wait writes what is queued, stops the goroutine and returns its first
// error.
func (w *writer) wait() error {
	if w.out == nil {
		return w.err
	}
	w.flush()
	close(w.out)
	w.out = nil
	w.wg.Wait()
	return w.err
}

// keptBytes is how much of a sheet's cells a run keeps from its first
// pass so that the passes after it need not read the sheet again: about
// 60,000 rows of 20 short cells. A longer sheet is read again each pass,
// so memory stays flat however long it is.
var keptBytes = 32 << 20

// tape keeps the chunks a first pass read, while they fit in keptBytes.
type tape struct {
	chunks []*chunk
	bytes  int
	over   bool // the sheet did not fit: nothing is kept
	done   bool // the pass that kept the chunks has ended
}

// keep takes c into the tape, or reports false when the sheet has
// outgrown it and c is to be recycled.
func (t *tape) keep(c *chunk) bool {
	if t.over || t.done {
		return false
	}
	n := len(c.cells)*(16+1) + len(c.nums)*16
	for _, s := range c.cells {
		n += len(s)
	}
	if t.bytes+n > keptBytes {
		t.over, t.chunks = true, nil
		return false
	}
	t.bytes += n
	t.chunks = append(t.chunks, c)
	return true
}

// end marks the pass that keeps the chunks as ended.
func (t *tape) end() {
	if t != nil {
		t.done = true
	}
}

// full reports whether the tape holds the whole sheet.
func (t *tape) full() bool { return t != nil && t.done && !t.over }

// replay hands out the kept chunks again, in order.
func (t *tape) replay() <-chan *chunk {
	out := make(chan *chunk, len(t.chunks))
	for _, c := range t.chunks {
		out <- c
	}
	close(out)
	return out
}
