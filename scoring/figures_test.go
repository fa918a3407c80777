package scoring_test

import (
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

// TestFiguresRoundTrip stores each kind of value, and the numbers at the
// edges of a decimal, and reads back exactly what was stored: the same
// digits and scale, sign, text and reason.
func TestFiguresRoundTrip(t *testing.T) {
	num := func(s string) scoring.Value { return scoring.Num(decimal.MustParse(s)) }
	vals := []scoring.Value{
		num("35"), num("-35.5"), num("0.00"), num("-0.0000000000000000001"),
		num("9223372036854775807"),   // the largest coefficient an int64 holds
		num("9999999999999999999"),   // past it: kept whole
		num("-999999999999999999.9"), // past it, negative, with a scale
		{Kind: scoring.Text, Str: "优秀"}, {Kind: scoring.Text, Str: "优秀"}, {Kind: scoring.Text, Str: ""},
		{Kind: scoring.Bool, Bool: true}, {Kind: scoring.Bool},
		scoring.Absent("blank 询单人数"), scoring.Absent("blank 询单人数"), {},
	}
	f := scoring.NewFigures(3)
	keys := []string{"A01", "A02", "张三", "A04", "A05"}
	for i, k := range keys {
		f.AddRow(k, vals[3*i:3*i+3])
	}
	f.Done()
	if f.Rows() != 5 {
		t.Fatalf("%d rows, want 15 values / 3 = 5", f.Rows())
	}
	for i, k := range keys {
		if row, ok := f.Find(k); !ok || row != i || f.Key(row) != k {
			t.Errorf("Find(%q) = %d, %v; want row %d", k, row, ok, i)
		}
	}
	if row, ok := f.Find("A03"); ok {
		t.Errorf("Find(A03) = row %d, want none", row)
	}
	for i, want := range vals {
		got := f.At(i/3, i%3)
		if got.Kind != want.Kind || got.Str != want.Str || got.Bool != want.Bool ||
			got.Num.String() != want.Num.String() || got.Num.Scale() != want.Num.Scale() {
			t.Errorf("value %d: got %#v (%s), want %#v (%s)", i, got, got.Num, want, want.Num)
		}
	}
}
