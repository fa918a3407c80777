package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRows(t *testing.T) {
	s := Sheet{
		Name:     "考核",
		Title:    "考核表",
		Header:   []string{"工号", "姓名", "分数"},
		IDFormat: "X%02d",
		Designed: [][]string{{"张三", "90"}},
		Total:    5,
		Seed:     [2]uint64{1, 2},
		Names:    []string{"甲", "乙"},
		// A range of one gives the same cell whatever the seed.
		Random: func(r *Rand) []string { return []string{fmt.Sprint(r.Between(7, 7))} },
	}
	// One designed row, then four random ones (Total 5) taking the two
	// names in turn.
	want := [][]string{
		{"考核表"},
		{"工号", "姓名", "分数"},
		{"X01", "张三", "90"},
		{"X02", "甲", "7"},
		{"X03", "乙", "7"},
		{"X04", "甲", "7"},
		{"X05", "乙", "7"},
	}
	got := s.Rows()
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Rows() = %q, want %q", got, want)
	}
	if !slices.Equal(s.Designed[0], []string{"张三", "90"}) {
		t.Errorf("Rows() changed Designed: %q", s.Designed)
	}
}

func TestRowsReproducible(t *testing.T) {
	s := Sheet{
		IDFormat: "X%d",
		Total:    30,
		Seed:     [2]uint64{20260301, 0x6b6566},
		Names:    []string{"甲"},
		Random:   func(r *Rand) []string { return []string{fmt.Sprint(r.IntN(1000))} },
	}
	a, b := s.Rows(), s.Rows()
	if !slices.EqualFunc(a, b, slices.Equal) {
		t.Errorf("two runs differ:\n%q\n%q", a, b)
	}
	s.Seed[1]++
	// 30 draws from 1000 agreeing under another seed is all but impossible.
	if c := s.Rows(); slices.EqualFunc(a, c, slices.Equal) {
		t.Errorf("another seed gives the same rows %q", c)
	}
}

func TestDraws(t *testing.T) {
	r := &Rand{rand.New(rand.NewPCG(1, 2))}
	for range 1000 {
		if n := r.Between(3, 5); n < 3 || n > 5 {
			t.Fatalf("Between(3, 5) = %d", n)
		}
		// 200 x [50, 60]% is 100 to 120.
		if n := r.Pct(200, 50, 60); n < 100 || n > 120 {
			t.Fatalf("Pct(200, 50, 60) = %d", n)
		}
		// Only index 1 has weight.
		if n := r.Weighted(0, 4, 0); n != 1 {
			t.Fatalf("Weighted(0, 4, 0) = %d", n)
		}
		// A count that is always 0, left blank one time in one.
		if c := r.Count(1, 5); c != "" {
			t.Fatalf("Count(1, 5) = %q, want blank", c)
		}
		if c := r.Count(1, 0, 0, 5); c != "2" {
			t.Fatalf("Count(1, 0, 0, 5) = %q, want 2", c)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Tenths(0), "0"},
		{Tenths(150), "15"},
		{Tenths(155), "15.5"},
		{Tenths(301), "30.1"},
		{Halves(0), "0"},
		{Halves(1), "0.5"},
		{Halves(20), "10"},
		{Halves(29), "14.5"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
