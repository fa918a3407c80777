package scoring_test

import (
	"fmt"
	"testing"
)

// TestOverflow checks that a figure past the 19 digits of a number is
// never a wrong figure: the result says where it overflowed, and which
// columns the formula read.
func TestOverflow(t *testing.T) {
	s := compile(t, `columns:
  工号: {type: text, key: true}
  金额:
  数量:
metrics:
  m: {value: 金额}
pay:
  提成: 金额 * 数量
  合计: 提成 + 1
`)
	tests := []struct {
		name, amount, count string
		want                string // where it overflowed, or the pay
	}{
		// 9000000000000000000 x 2 has 20 digits.
		{"product", "9000000000000000000", "2", "rules.yaml:8:10 金额 * 数量 [1 2]"},
		// 9999999999999999999 x 1 fits; adding 1 does not.
		{"sum after", "9999999999999999999", "1", "rules.yaml:9:10 提成 + 1 []"},
		{"fits", "4000000000000000000", "2", "8000000000000000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.NewResult()
			s.Score(bind(t, s, "E01", tt.amount, tt.count), r)
			got := r.Pay(0).String()
			if o := r.Overflow(); o != nil {
				got = o.Pos.String() + " " + o.Source + " " + fmt.Sprint(o.Columns)
				if r.Pay(1).Over == nil {
					t.Errorf("合计 is %v, not missing for the overflow", r.Pay(1))
				}
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
