package scoring

import (
	"math"
	"slices"
	"sync"

	"github.com/govalues/decimal"
)

// Figures holds what an earlier period recorded: for each person, the
// key and one value per history name, in rows of equal width. A year of
// monthly results for a large company stays small: a number takes nine
// bytes, and a text or a missing value's reason is kept once however many
// people share it. The keys are indexed once, when first looked up, for
// every later period that looks back over this one.
type Figures struct {
	width int
	keys  []string
	meta  []uint8  // per value: its kind, sign and scale
	bits  []uint64 // per value: a number's coefficient, a condition, or an index
	strs  []string // texts and reasons, each once
	big   []decimal.Decimal
	index map[string]uint32 // of strs, while adding

	once sync.Once
	rows map[string]int32 // of keys
}

// A figure's meta byte holds its kind in the two low bits; for a number,
// the sign in bit 2 and the scale (at most 19) in the five high bits, or
// figBig there when the coefficient does not fit an int64 and the number
// is kept whole in big.
const (
	figMissing uint8 = iota
	figNumber
	figText
	figBool

	figNeg = 1 << 2
	figBig = 31
)

// NewFigures returns empty figures of width values a row.
func NewFigures(width int) *Figures {
	return &Figures{width: width, index: map[string]uint32{}}
}

// Width is how many values a row holds.
func (f *Figures) Width() int {
	if f == nil {
		return 0
	}
	return f.width
}

// Rows is how many rows have been added.
func (f *Figures) Rows() int {
	if f == nil {
		return 0
	}
	return len(f.keys)
}

// complete reports whether every row has its Width values.
func (f *Figures) complete() bool { return f == nil || len(f.meta) == len(f.keys)*f.width }

// AddKey starts a row: the person's key, as [Scorer.Key] makes it. Width
// calls of Add give its values.
func (f *Figures) AddKey(key string) { f.keys = append(f.keys, key) }

// Key returns row's key.
func (f *Figures) Key(row int) string { return f.keys[row] }

// Find returns the row of the person whose key is key.
func (f *Figures) Find(key string) (int, bool) {
	if f == nil {
		return 0, false
	}
	f.once.Do(func() {
		f.rows = make(map[string]int32, len(f.keys))
		for i, k := range f.keys {
			f.rows[k] = int32(i)
		}
	})
	i, ok := f.rows[key]
	return int(i), ok
}

// Add appends one value to the row begun last.
func (f *Figures) Add(v Value) {
	switch v.Kind {
	case Number:
		c := v.Num.Coef()
		if c > math.MaxInt64 {
			f.meta = append(f.meta, figNumber|figBig<<3)
			f.bits = append(f.bits, uint64(len(f.big)))
			f.big = append(f.big, v.Num)
			return
		}
		m := figNumber | uint8(v.Num.Scale())<<3
		if v.Num.IsNeg() {
			m |= figNeg
		}
		f.meta = append(f.meta, m)
		f.bits = append(f.bits, c)
	case Bool:
		b := uint64(0)
		if v.Bool {
			b = 1
		}
		f.meta = append(f.meta, figBool)
		f.bits = append(f.bits, b)
	case Text:
		f.meta = append(f.meta, figText)
		f.bits = append(f.bits, f.intern(v.Str))
	default:
		f.meta = append(f.meta, figMissing)
		f.bits = append(f.bits, f.intern(v.Str))
	}
}

// AddRow appends a row: its key and values.
func (f *Figures) AddRow(key string, vals []Value) {
	f.AddKey(key)
	for _, v := range vals {
		f.Add(v)
	}
}

func (f *Figures) intern(s string) uint64 {
	i, ok := f.index[s]
	if !ok {
		i = uint32(len(f.strs))
		f.strs = append(f.strs, s)
		f.index[s] = i
	}
	return uint64(i)
}

// At returns the n-th value of row.
func (f *Figures) At(row, n int) Value {
	i := row*f.width + n
	m, b := f.meta[i], f.bits[i]
	switch m & 3 {
	case figNumber:
		if m>>3 == figBig {
			return Num(f.big[b])
		}
		d, err := decimal.New(int64(b), int(m>>3))
		if err != nil {
			// Add stored a coefficient and scale that a decimal held.
			panic(err)
		}
		if m&figNeg != 0 {
			d = d.Neg()
		}
		return Num(d)
	case figText:
		return Value{Kind: Text, Str: f.strs[b]}
	case figBool:
		return Value{Kind: Bool, Bool: b == 1}
	}
	return Absent(f.strs[b])
}

// Done ends the adding: the index of texts is no longer needed, and the
// keys take no more room than they need.
func (f *Figures) Done() {
	f.index = nil
	f.keys = trim(f.keys)
	f.meta = trim(f.meta)
	f.bits = trim(f.bits)
}

// trim returns s in a slice of its own length when appending left much
// room unused.
func trim[S ~[]E, E any](s S) S {
	if cap(s)-len(s) > len(s)/8 {
		return slices.Clone(s)
	}
	return s
}
