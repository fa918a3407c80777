package scoring_test

import (
	"strings"
	"testing"

	"github.com/govalues/decimal"
)

// tierRules are §10's over-target bonus in both modes, on the excess of
// collections over the 1,000,000 target, and §7's 年度提成系数 by annual
// net profit.
const tierRules = `columns:
  回款: {}
  利润: {}
params:
  目标: 1000000
tiers:
  超额奖:
    of: max(0, 回款 - 目标)
    mode: whole
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: "> 1000000", rate: 1%}
  超额奖累进:
    of: max(0, 回款 - 目标)
    mode: marginal
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: "> 1000000", rate: 1%}
  年度提成系数:
    of: 利润
    mode: whole
    tiers:
      - {when: "< 500000", rate: 15%}
      - {when: "[500000, 1000000)", rate: 18%}
      - {when: ">= 1000000", rate: 20%}
pay:
  奖金: 超额奖
  累进奖金: 超额奖累进
  年度提成: 利润 * (年度提成系数.rate - 15%)
`

func TestTiers(t *testing.T) {
	s := compile(t, tierRules)
	for _, tc := range []struct {
		回款, 利润                string
		whole, marginal, rate string
		annual                string
	}{
		// Excess 800,000: 800,000 x 0.5% = 4,000 in both modes.
		// 利润 499,999.99 is below 500,000: 15%, so 0 over the base.
		{"1800000", "499999.99", "4000", "4000", "0.15", "0"},
		// Excess exactly 1,000,000, on the edge of the first tier:
		// 1,000,000 x 0.5% = 5,000. 利润 500,000 on the edge of the
		// second: 18%, 500,000 x 3% = 15,000.
		{"2000000", "500000", "5000", "5000", "0.18", "15000"},
		// Excess 1,500,000: whole 1,500,000 x 1% = 15,000; marginal
		// 1,000,000 x 0.5% + 500,000 x 1% = 5,000 + 5,000 = 10,000.
		// 利润 1,000,000: 20%, 1,000,000 x 5% = 50,000.
		{"2500000", "1000000", "15000", "10000", "0.2", "50000"},
		// Below target: excess 0, 0 x 0.5% = 0. 利润 999,999: 18%,
		// 999,999 x 3% = 29,999.97.
		{"900000", "999999", "0", "0", "0.18", "29999.97"},
	} {
		r := score(t, s, tc.回款, tc.利润)
		got := []string{show(r.Pay(0)), show(r.Pay(1)), show(r.Pay(2))}
		rate, _ := r.Tier(2)
		want := []string{tc.whole, tc.marginal, tc.annual}
		for i := range want {
			if d := decimal.MustParse(want[i]); r.Pay(i).Num.Cmp(d) != 0 {
				t.Errorf("回款 %s, 利润 %s: pay %d = %s, want %s", tc.回款, tc.利润, i, got[i], want[i])
			}
		}
		if rate.Num.Cmp(decimal.MustParse(tc.rate)) != 0 {
			t.Errorf("利润 %s: rate %s, want %s", tc.利润, show(rate), tc.rate)
		}
	}
}

// TestTiersMarginalTax is an income-tax table: 3% to 3,000, 10% to
// 12,000, 20% above, and an amount below the lowest tier.
func TestTiersMarginalTax(t *testing.T) {
	s := compile(t, `columns:
  收入: {}
tiers:
  税:
    of: 收入
    mode: marginal
    tiers:
      - {when: "[0, 3000]", rate: 3%}
      - {when: "(3000, 12000]", rate: 10%}
      - {when: "> 12000", rate: 20%}
pay:
  应缴: 税
`)
	// 15,000: 3,000 x 3% + 9,000 x 10% + 3,000 x 20% = 90 + 900 + 600 = 1,590.
	r := score(t, s, "15000")
	if got := show(r.Pay(0)); got != "1590" {
		t.Errorf("税 of 15000 = %s, want 1590", got)
	}
	tr := r.Trace().Tiers[0]
	want := []string{
		"税 (marginal): 收入 = 15000 -> tier > 12000, rate 20%",
		"  slice [0, 3000]: 3000 x 3% = 90",
		"  slice (3000, 12000]: 9000 x 10% = 900",
		"  slice > 12000: 3000 x 20% = 600",
		"  90 + 900 + 600 = 1590",
	}
	if got := strings.Join(tr.Lines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("trace:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	// -5 is below the lowest tier: no amount, and the notes say why.
	r = score(t, s, "-5")
	if got := show(r.Pay(0)); got != "missing: 收入 -5 is in none of the tiers of 税" {
		t.Errorf("税 of -5 = %s", got)
	}
	if got := strings.Join(r.Notes(), "; "); got != "税: 收入 -5 is in none of the tiers of 税" {
		t.Errorf("notes: %s", got)
	}
}

func TestTraceTierWhole(t *testing.T) {
	s := compile(t, tierRules)
	r := score(t, s, "2500000", "0")
	want := []string{
		"超额奖 (whole): max(0, 回款 - 目标) = max(0, 2500000 - 1000000) = 1500000 -> tier > 1000000, rate 1%",
		"  1500000 x 1% = 15000",
	}
	if got := strings.Join(r.Trace().Tiers[0].Lines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("trace:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	tt := s.TraceTier(1, decimal.MustParse("2000000"))
	want = []string{
		"超额奖累进 (marginal): max(0, 回款 - 目标) = 2000000 -> tier > 1000000, rate 1%",
		"  slice <= 1000000: 1000000 x 0.5% = 5000",
		"  slice > 1000000: 1000000 x 1% = 10000",
		"  5000 + 10000 = 15000",
	}
	if got := strings.Join(tt.Lines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("TraceTier:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
