package rules_test

import (
	"testing"

	"appraise/rules"

	"github.com/govalues/decimal"
)

func TestParseTiers(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			// §7's 年度提成系数 with a gap: 500000 itself is in no tier.
			name: "gap",
			src: `columns:
  利润: {}
tiers:
  年度提成系数:
    of: 利润
    mode: whole
    tiers:
      - {when: "< 500000", rate: 15%}
      - {when: "(500000, 1000000)", rate: 18%}
      - {when: ">= 1000000", rate: 20%}
pay:
  年度提成: 利润 * 年度提成系数.rate
`,
			want: []string{
				`rules.yaml:9:17: no tier holds the value 500000`,
				`    hint: make the tiers meet, e.g. when: "[500000, 1000000)"`,
			},
		},
		{
			name: "overlap",
			src: `columns:
  超额: {}
tiers:
  超额奖:
    of: 超额
    mode: marginal
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: ">= 1000000", rate: 1%}
`,
			want: []string{
				`rules.yaml:9:17: tier >= 1000000 overlaps the tier <= 1000000 (line 8) on the value 1000000`,
				`    hint: the first tier that holds a value wins; to make the tiers meet, write when: "> 1000000"`,
			},
		},
		{
			name: "no mode",
			src: `columns:
  超额: {}
tiers:
  超额奖:
    of: 超额
    tiers:
      - {when: ">= 0", rate: 1%}
`,
			want: []string{
				`rules.yaml:4:3: tier table 超额奖 has no mode: say whole or marginal`,
				`    hint: whole pays the whole amount at the rate of the tier reached; marginal pays each slice at its own rate`,
			},
		},
		{
			name: "unknown mode and a tier without a rate",
			src: `columns:
  超额: {}
tiers:
  超额奖:
    of: 超额
    mode: progressive
    tiers:
      - {when: ">= 0"}
`,
			want: []string{
				`rules.yaml:6:11: mode of tier table 超额奖 must be whole or marginal, not "progressive"`,
				`    hint: whole pays the whole amount at the rate of the tier reached; marginal pays each slice at its own rate`,
				`rules.yaml:8:9: a tier needs a rate, e.g. rate: 18%`,
			},
		},
		{
			name: "a field other than rate",
			src: `columns:
  超额: {}
tiers:
  超额奖:
    of: 超额
    mode: whole
    tiers:
      - {when: ">= 0", rate: 1%}
pay:
  奖金: 超额奖.points
`,
			want: []string{`rules.yaml:10:7: 超额奖.points: a tier table has .rate, not .points`},
		},
		{
			name: "text amount",
			src: `columns:
  类型: {type: text}
tiers:
  超额奖:
    of: 类型
    mode: whole
    tiers:
      - {when: ">= 0", rate: 1%}
`,
			want: []string{`rules.yaml:5:9: the amount of tier table 超额奖 must be a number, but 类型 is text`},
		},
		{
			name: "circular",
			src: `columns:
  a: {}
tiers:
  超额奖:
    of: a + 奖金
    mode: whole
    tiers:
      - {when: ">= 0", rate: 1%}
pay:
  奖金: 超额奖
`,
			want: []string{`rules.yaml:4:3: 超额奖 depends on itself: 超额奖 -> 奖金 -> 超额奖`},
		},
	})
}

// TestTierSlices cuts amounts into the slices of the over-target tiers
// of §10 read as marginal: up to 1,000,000 at 0.5%, above at 1%.
func TestTierSlices(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(`columns:
  超额: {}
tiers:
  超额奖:
    of: 超额
    mode: marginal
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: "> 1000000", rate: 1%}
`))
	if err != nil {
		t.Fatal(err)
	}
	tt := set.Tiers[0]
	for _, tc := range []struct {
		v    string
		want string // tier:amount, ...
	}{
		{"1500000", "0:1000000 1:500000"},
		{"1000000", "0:1000000"},
		{"250", "0:250"},
		{"0", ""},
		{"-300", "0:-300"},
	} {
		v := decimal.MustParse(tc.v)
		got := ""
		sl, err := tt.Slices(v)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range sl {
			if i > 0 {
				got += " "
			}
			got += string(rune('0'+s.Tier)) + ":" + s.Amount.Trim(0).String()
		}
		if got != tc.want {
			t.Errorf("Slices(%s) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
