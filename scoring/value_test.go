package scoring_test

import (
	"errors"
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" wants ErrNotNumber
	}{
		{"0.75", "0.75"},
		{"75%", "0.75"},
		{"75 %", "0.75"},
		{" ７５％ ", "0.75"},           // full-width digits and percent sign
		{"\u3000７５％\u3000", "0.75"}, // ideographic spaces around it
		{"1,234.50", "1234.5"},
		{"1,234,567.8", "1234567.8"},
		{"-1,234", "-1234"},
		{"+1,234", "1234"},
		{"-3", "-3"},
		{"+3", "3"},
		{"1.5E-3", "0.0015"},
		{"1.5e3", "1500"},
		{"1E+05", "100000"},
		// A double stored with 17 digits is the 15-digit value Excel shows.
		{"0.30000000000000004", "0.3"},
		{"0.7499999999999999", "0.75"},
		{"2.675", "2.675"},
		{"-12.5%", "-0.125"},

		{"12,34", ""}, // a comma that is not a thousands separator
		{"1,23,456", ""},
		{"1234,567", ""},
		{",123", ""},
		{"12,,345", ""},
		{"abc", ""},
		{"", ""},
		{"   ", ""},
		{"%", ""},
		{"1.5E", ""},
		{"E5", ""},
		{"1-2", ""},
		{"n/a", ""},
		{"++0", ""}, // one sign at most
		{"+-5", ""},
		{"-+5", ""},
		{"--5", ""},
		{"1.5e-20", "0"}, // past the 19th decimal place: rounded
	}
	for _, tt := range tests {
		got, err := scoring.ParseNumber(tt.in)
		if tt.want == "" {
			if !errors.Is(err, scoring.ErrNotNumber) {
				t.Errorf("ParseNumber(%q) = %s, %v; want ErrNotNumber", tt.in, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if want := decimal.MustParse(tt.want); got.Cmp(want) != 0 {
			t.Errorf("ParseNumber(%q) = %s, want %s", tt.in, got, want)
		}
	}
}

// TestParseNumberKeepsScale checks that trailing zeros the cell shows are
// kept: 1,234.50 is 1234.50, not 1234.5.
func TestParseNumberKeepsScale(t *testing.T) {
	got, err := scoring.ParseNumber("1,234.50")
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != "1234.50" {
		t.Errorf("ParseNumber(%q) = %s, want 1234.50", "1,234.50", got)
	}
}

func TestRoundMoney(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0.125", "0.13"}, // half-up, not half-even (0.12)
		{"-0.125", "-0.13"},
		{"376.875", "376.88"},
		{"655.125", "655.13"},
		{"2.5", "2.50"},
		{"2", "2.00"},
		{"1.994", "1.99"},
		{"1.995", "2.00"},
		{"-1.994", "-1.99"},
		{"0.005", "0.01"},
		{"0.0049999", "0.00"},
		{"99.9999999", "100.00"},
		{"0.12", "0.12"},
		{"1234.5678", "1234.57"},
	}
	for _, tt := range tests {
		got := scoring.RoundMoney(decimal.MustParse(tt.in))
		if got.String() != tt.want {
			t.Errorf("RoundMoney(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestValueString(t *testing.T) {
	tests := []struct {
		v    scoring.Value
		want string
	}{
		{scoring.Num(decimal.MustParse("2.50")), "2.5"},
		{scoring.Num(decimal.MustParse("100")), "100"},
		{scoring.Num(decimal.MustParse("100.00")), "100"},
		{scoring.Num(decimal.MustParse("-0.750")), "-0.75"},
		{scoring.Num(decimal.MustParse("0.000")), "0"},
		{scoring.Num(decimal.MustParse("0.0015")), "0.0015"},
		{scoring.Str("是"), "是"},
		{scoring.Str(""), ""},
		{scoring.Value{Kind: scoring.Bool, Bool: true}, "yes"},
		{scoring.Value{Kind: scoring.Bool}, "no"},
		{scoring.Absent("询单人数 is 0"), ""}, // a missing value shows blank
		{scoring.Value{}, ""},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestAbsent(t *testing.T) {
	v := scoring.Absent("the workbook has no column 奖金")
	if v.Kind != scoring.Missing || v.Str != "the workbook has no column 奖金" {
		t.Errorf("Absent = %#v", v)
	}
	if (scoring.Value{}).Kind != scoring.Missing {
		t.Error("the zero Value is not missing")
	}
}
