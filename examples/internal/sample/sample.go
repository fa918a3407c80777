// Package sample writes the sample workbooks of the examples. Each sheet is
// a title row, a header, rows designed by hand to sit on edge cases, then
// pseudo-random rows from a fixed PCG seed, so that every run of a
// generator writes the same workbook.
package sample

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"appraise/workbook"
)

// Sheet describes one sample worksheet.
type Sheet struct {
	Name     string   // the worksheet's name
	Title    string   // the only cell of the first row
	Header   []string // the column names, the ID's first
	IDFormat string   // how a row number becomes an ID, such as "E%03d"

	// Designed holds the hand-made rows in header order after the ID,
	// which is filled in from the row number.
	Designed [][]string
	// Total is the number of rows after the header, designed and random.
	Total int
	// Seed holds the two seeds of the PCG source of the random rows.
	Seed [2]uint64
	// Names are the names of the random rows, taken in turn.
	Names []string
	// Random makes the cells of a random row after its ID and name.
	Random func(r *Rand) []string
}

// Rows returns the whole sheet: the title, the header, the designed rows,
// then random rows up to Total. The same Sheet always gives the same rows.
func (s Sheet) Rows() [][]string {
	all := [][]string{{s.Title}, s.Header}
	for i, d := range s.Designed {
		all = append(all, append([]string{s.id(i + 1)}, d...))
	}
	r := &Rand{rand.New(rand.NewPCG(s.Seed[0], s.Seed[1]))}
	for n := len(s.Designed) + 1; n <= s.Total; n++ {
		name := s.Names[(n-len(s.Designed)-1)%len(s.Names)]
		all = append(all, append([]string{s.id(n), name}, s.Random(r)...))
	}
	return all
}

func (s Sheet) id(n int) string { return fmt.Sprintf(s.IDFormat, n) }

// Main is the whole of a generator's main function: it writes s, then the
// sheets more, to the workbook named by the -o flag, defaultOut when there
// is none, and exits with status 1 when it cannot.
func Main(defaultOut string, s Sheet, more ...workbook.SheetRows) {
	out := flag.String("o", defaultOut, "output workbook `path`")
	flag.Parse()
	sheets := append([]workbook.SheetRows{{Name: s.Name, Rows: s.Rows()}}, more...)
	if err := workbook.WriteTables(*out, sheets...); err != nil {
		fmt.Fprintf(os.Stderr, "gen: error: %v\n", err)
		os.Exit(1)
	}
}

// Rand is the source of the random rows, with the draws they share.
type Rand struct {
	*rand.Rand
}

// Between returns a number from lo to hi, both included.
func (r *Rand) Between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// Pct returns n times a percentage from lo to hi, rounded down.
func (r *Rand) Pct(n, lo, hi int) int { return n * r.Between(lo, hi) / 100 }

// Weighted returns an index of w picked with the relative weights in w.
func (r *Rand) Weighted(w ...int) int {
	sum := 0
	for _, x := range w {
		sum += x
	}
	n := r.IntN(sum)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// Count returns a count picked by [Rand.Weighted] as a cell; a count of 0
// is left blank one time in blank, as people write none either way.
func (r *Rand) Count(blank int, w ...int) string {
	n := r.Weighted(w...)
	if n == 0 && r.IntN(blank) == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// Tenths prints a value held in tenths, without a trailing ".0".
func Tenths(t int) string {
	if t%10 == 0 {
		return fmt.Sprint(t / 10)
	}
	return fmt.Sprintf("%d.%d", t/10, t%10)
}

// Halves prints a value held in halves, without a trailing ".0".
func Halves(h int) string {
	if h%2 == 0 {
		return fmt.Sprint(h / 2)
	}
	return fmt.Sprintf("%d.5", h/2)
}
