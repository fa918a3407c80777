package rules

import (
	"strings"
	"testing"

	"github.com/govalues/decimal"
)

func TestFormulaSource(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"precedence", "a + b * c", "a + b * c"},
		{"brackets kept", "(a + b) * c", "(a + b) * c"},
		{"brackets dropped", "(a * b) + c", "a * b + c"},
		{"left to right", "(a - b) - c", "a - b - c"},
		{"right operand", "a - (b - c)", "a - (b - c)"},
		{"division", "a / (b * c)", "a / (b * c)"},
		{"negation", "-(a + b)", "-(a + b)"},
		{"unary plus", "+a", "a"},
		{"not binds loosely", "not a = b", "not (a = b)"},
		{"not before and", "not a and b", "not a and b"},
		{"and before or", "a or b and c", "a or b and c"},
		{"or in brackets", "(a or b) and c", "(a or b) and c"},
		{"percent", "75%", "0.75"},
		{"percent fraction", "12.5%", "0.125"},
		{"whole percent", "100%", "1"},
		{"percent in comparison", "最终付款人数 / 询单人数 >= 75%", "最终付款人数 / 询单人数 >= 0.75"},
		{"full-width", "（a＋b）＊c", "(a + b) * c"},
		{"full-width call", "ｍａｘ（a，b）", "max(a, b)"},
		{"double equals", "a == b", "a = b"},
		{"not equals", "a != b", "a <> b"},
		{"symbols for and, or", "a && b || c", "a and b or c"},
		{"and, or and not in capitals, as in Excel", "NOT a AND b OR c", "not a and b or c"},
		{"bang", "!a", "not a"},
		{"function case", "MAX(a, 1)", "max(a, 1)"},
		{"no arguments", "min()", "min()"},
		{"texts", `if(a > 0, "是", '否')`, `if(a > 0, "是", "否")`},
		{"metric fields", "m.points * 2 + m.score", "m.points * 2 + m.score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ParseFormula(tt.src, Pos{File: "f", Line: 1, Col: 1})
			if err != nil {
				t.Fatalf("ParseFormula(%q): %v", tt.src, err)
			}
			if got := Source(e); got != tt.want {
				t.Errorf("Source(ParseFormula(%q)) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestFormulaPercentExact(t *testing.T) {
	e, err := ParseFormula("75%", Pos{})
	if err != nil {
		t.Fatal(err)
	}
	n, ok := e.(*Num)
	if !ok {
		t.Fatalf("75%% parsed as %T", e)
	}
	if want := decimal.MustParse("0.75"); n.Value != want {
		t.Errorf("75%% = %v (scale %d), want 0.75 exactly", n.Value, n.Value.Scale())
	}
}

func TestFormulaErrors(t *testing.T) {
	// The formula starts at line 3, column 10.
	tests := []struct {
		name, src, want string
	}{
		{"chained comparison", "a < b < c", `f:3:16: comparisons do not chain: use "and" before "<"`},
		{"chained equality", "a = b = c", `f:3:16: comparisons do not chain: use "and" before "="`},
		{"ends too soon", "a +", "f:3:13: the formula ends too soon"},
		{"empty", "", "f:3:10: the formula ends too soon"},
		{"bracket not closed", "(a", `f:3:12: expected ")"`},
		{"two names", "a b", `f:3:12: unexpected "b"`},
		{"missing comma", "max(a b)", `f:3:16: expected "," or ")" in the call to max`},
		{"unknown character", "a ^ 2", `f:3:12: unexpected "^"`},
		{"text not closed", `"abc`, `f:3:10: text is not closed: missing "`},
		{"two points", "1.2.3", `f:3:10: "1.2.3" is not a number`},
		{"field missing", "m.", `f:3:12: expected points or score after "m."`},
		{"full-width columns", "（a＋b", `f:3:14: expected ")"`},
		// The 201st bracket is the formula's 201st character, at column
		// 10 + 200.
		{"brackets too deep", strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000), "f:3:210: the formula is nested deeper than 200"},
		{"signs too deep", strings.Repeat("-", 10000) + "1", "f:3:210: the formula is nested deeper than 200"},
		// Each "1+(" adds two, the + and the bracket: after 100 of them
		// the next 1, at character 300, column 310, is the 201st level.
		{"sums too deep", strings.Repeat("1+(", 10000) + "1" + strings.Repeat(")", 10000), "f:3:310: the formula is nested deeper than 200"},
		// Each +1 adds one: the 1 after the 200th +, at character 400,
		// is the 201st level.
		{"chain too long", "1" + strings.Repeat("+1", 10000), "f:3:410: the formula is nested deeper than 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFormula(tt.src, Pos{File: "f", Line: 3, Col: 10})
			if err == nil {
				t.Fatalf("ParseFormula(%q) succeeded", tt.src)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("ParseFormula(%q):\ngot  %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestBandContains(t *testing.T) {
	tests := []struct {
		when  string
		value string
		want  bool
	}{
		{when: ">= 75%", value: "0.7499", want: false},
		{when: ">= 75%", value: "0.75", want: true},
		{when: ">= 75%", value: "0.750", want: true},
		{when: ">= 75%", value: "1", want: true},

		{when: "[65%, 75%)", value: "0.6499", want: false},
		{when: "[65%, 75%)", value: "0.65", want: true},
		{when: "[65%, 75%)", value: "0.7499", want: true},
		{when: "[65%, 75%)", value: "0.75", want: false},

		{when: "(30, 45]", value: "30", want: false},
		{when: "(30, 45]", value: "30.01", want: true},
		{when: "(30, 45]", value: "45", want: true},
		{when: "(30, 45]", value: "45.01", want: false},

		{when: "< 50%", value: "0.4999", want: true},
		{when: "< 50%", value: "0.5", want: false},
		{when: "< 50%", value: "0.50", want: false},

		{when: "<= 30", value: "30", want: true},
		{when: "<= 30", value: "30.01", want: false},

		{when: "= 0", value: "-0.01", want: false},
		{when: "= 0", value: "0", want: true},
		{when: "= 0", value: "0.00", want: true},
		{when: "= 0", value: "0.01", want: false},

		{when: "＞＝ 75％", value: "0.75", want: true},
		{when: "＞＝ 75％", value: "0.74", want: false},

		{when: "== 0", value: "0", want: true},
		{when: "== 0", value: "1", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.when+" "+tt.value, func(t *testing.T) {
			b := &Band{}
			if msg := parseRange(b, tt.when); msg != "" {
				t.Fatalf("parseRange(%q): %s", tt.when, msg)
			}
			got := b.Contains(decimal.MustParse(tt.value))
			if got != tt.want {
				t.Errorf("%q contains %s = %v, want %v", tt.when, tt.value, got, tt.want)
			}
		})
	}
}
