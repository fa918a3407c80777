package rules_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/govalues/decimal"

	"appraise/rules"
)

// errorCase is a rule file and the exact error text Parse returns for it,
// one line per element of want.
type errorCase struct {
	name string
	src  string
	want []string
}

func runErrorCases(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := strings.Join(tc.want, "\n")
			got := parseError(t, tc.src)
			if got != want {
				t.Errorf("Parse error:\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// parseError parses src as rules.yaml and returns the error text, or ""
// when it parses.
func parseError(t *testing.T, src string) string {
	t.Helper()
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err == nil {
		if s == nil {
			t.Fatal("Parse returned neither a set nor an error")
		}
		return ""
	}
	if s != nil {
		t.Errorf("Parse returned a set along with an error")
	}
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse error is %T, not rules.ErrorList: %v", err, err)
	}
	return err.Error()
}

func TestParseFile(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "yaml syntax",
			src: `columns:
  a: {}
metrics:
  m:
    value: a / b: c
`,
			// The second colon on line 5 is at column 17.
			want: []string{
				`rules.yaml:5:17: not valid YAML: mapping values are not allowed in this context`,
				`    hint: put text that holds ": " in quotes, and check the indentation`,
			},
		},
		{
			name: "tab indent",
			src:  "columns:\n\ta: {}\n",
			want: []string{
				`rules.yaml:2:1: not valid YAML: a tab indents this line`,
				`    hint: indent with spaces: YAML does not allow tabs there`,
			},
		},
		{
			name: "empty",
			src:  "",
			want: []string{`rules.yaml: the rule file is empty`},
		},
		{
			name: "only a comment",
			src:  "# nothing yet\n",
			want: []string{`rules.yaml: the rule file is empty`},
		},
		{
			name: "not a mapping",
			src: `- a
- b
`,
			want: []string{
				`rules.yaml:1:1: the rule file must be a mapping of names to values, not a list`,
				`rules.yaml:1:1: the rule file has no columns: list the workbook columns the rules read`,
			},
		},
		{
			name: "no columns",
			src: `metrics:
  m: 1
`,
			want: []string{`rules.yaml:1:1: the rule file has no columns: list the workbook columns the rules read`},
		},
		{
			name: "columns not a mapping",
			src: `columns: [a, b]
`,
			want: []string{`rules.yaml:1:10: columns must be a mapping of names to values, not a list`},
		},
	})
}

func TestParseFields(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "weight as a percentage",
			src: `columns:
  a: {}
metrics:
  m:
    points: a
    weight: 35%
`,
			want: []string{
				`rules.yaml:6:13: weight 35%: write the weight without %`,
				`    hint: weight: 35 adds points x 35 / 100 to the total`,
			},
		},
		{
			name: "comma not between thousands",
			src: `columns:
  a: {max: "1,5"}
`,
			want: []string{`rules.yaml:2:12: max must be a number, not "1,5"`},
		},
		{
			name: "thousands separators",
			src: `columns:
  a: {max: "1,000,000.5"}
`,
		},
		{
			name: "unknown top-level field",
			src: `columns:
  a: {}
metrcs:
  m: a
`,
			want: []string{
				`rules.yaml:3:1: unknown field "metrcs" in the rule file`,
				`    hint: did you mean "metrics"?`,
			},
		},
		{
			name: "unknown top-level field far from any",
			src: `columns:
  a: {}
author: HR
`,
			want: []string{
				`rules.yaml:3:1: unknown field "author" in the rule file`,
				`    hint: the fields are scheme, title, period, period_from, cycle_start, history, sheet, if_missing, columns, ledger, tables, params, sections, metrics, total, grades, tiers, flags, pay, ranks, pool, distribution, rollup, labels, cases`,
			},
		},
		{
			name: "unknown metric field",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 1", points: 100}
      - {when: "< 1", points: 0}
    wieght: 35
`,
			want: []string{
				`rules.yaml:9:5: unknown field "wieght" in metric m`,
				`    hint: did you mean "weight"?`,
			},
		},
		{
			name: "unknown column field",
			src: `columns:
  a: {alias: [x]}
`,
			want: []string{
				`rules.yaml:2:7: unknown field "alias" in column a`,
				`    hint: did you mean "aliases"?`,
			},
		},
		{
			name: "unknown band field",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 1", point: 100}
`,
			want: []string{
				`rules.yaml:7:9: a band needs points`,
				`rules.yaml:7:24: unknown field "point" in a band`,
				`    hint: did you mean "points"?`,
			},
		},
		{
			name: "weight not a number",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 1", points: 100}
      - {when: "< 1", points: 0}
    weight: abc
`,
			want: []string{`rules.yaml:9:13: weight must be a number, not "abc"`},
		},
		{
			name: "column type",
			src: `columns:
  a: {type: datum}
`,
			want: []string{`rules.yaml:2:13: type must be number, text or date, not "datum"`},
		},
		{
			name: "column key not a boolean",
			src: `columns:
  a: {key: maybe}
`,
			want: []string{`rules.yaml:2:12: key must be true or false, not "maybe"`},
		},
		{
			name: "metric format",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    format: pct
`,
			want: []string{`rules.yaml:6:13: format must be number or percent, not "pct"`},
		},
		{
			name: "metric without value or points",
			src: `columns:
  a: {}
metrics:
  m:
    weight: 10
`,
			want: []string{
				`rules.yaml:4:3: metric m needs a value or points`,
				`rules.yaml:5:13: metric m has a weight but earns no points: add bands or points`,
			},
		},
		{
			name: "bands not a list",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands: 5
`,
			want: []string{`rules.yaml:6:12: bands must be a list, not "5"`},
		},
		{
			name: "duplicate key",
			src: `columns:
  a: {}
  a: {min: 0}
`,
			want: []string{`rules.yaml:3:3: "a" is given twice in columns (first at line 2)`},
		},
		{
			name: "duplicate key in flow mapping",
			src: `columns:
  a: {min: 0, min: 1}
`,
			want: []string{`rules.yaml:2:15: "min" is given twice in column a (first at line 2)`},
		},
	})
}

func TestParseNames(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "metric named like a column",
			src: `columns:
  a: {}
metrics:
  a: a * 2
`,
			want: []string{
				`rules.yaml:4:3: the name a is already used at line 2`,
			},
		},
		{
			name: "param named like a column",
			src: `columns:
  底薪: {}
params:
  底薪: 800
`,
			want: []string{`rules.yaml:4:3: the name 底薪 is already used at line 2`},
		},
		{
			name: "column name with brackets",
			src: `columns:
  平均响应时间(秒): {min: 0}
`,
			want: []string{
				`rules.yaml:2:3: "平均响应时间(秒)" cannot be used as a name in formulas`,
				`    hint: give the column a plain name and put the header text under header:`,
			},
		},
		{
			name: "param name with a space",
			src: `columns:
  a: {}
params:
  base pay: 800
`,
			want: []string{
				`rules.yaml:4:3: "base pay" cannot be used as a name in formulas`,
				`    hint: use letters, digits and _ only`,
			},
		},
		{
			// Formulas fold full-width letters; the name must match.
			name: "full-width name",
			src: `columns:
  ＫＰＩ: {}
pay:
  p: ＫＰＩ * 2
`,
			want: nil,
		},
		{
			name: "reserved word",
			src: `columns:
  a: {}
params:
  value: 1
`,
			want: []string{`rules.yaml:4:3: "value" is a reserved word: choose another name`},
		},
		{
			name: "result header is an input header",
			src: `columns:
  询单转化率分: {}
  a: {}
metrics:
  询单转化率:
    value: a
    bands:
      - {when: ">= 0", points: 100}
labels:
  points: "{metric}分"
`,
			want: []string{
				`rules.yaml:5:3: metric 询单转化率 would head a result column "询单转化率分", the header of input column 询单转化率分`,
				`    hint: change labels.points, or rename the metric`,
			},
		},
		{
			name: "header shared by two columns",
			src: `columns:
  a: {header: 销售额}
  b: {aliases: [销售额]}
`,
			want: []string{`rules.yaml:3:3: column b: alias "销售额" also names column a (line 2)`},
		},
		{
			name: "column max below min",
			src: `columns:
  a: {min: 10, max: 5}
`,
			want: []string{`rules.yaml:2:21: column a: max 5 is below min 10`},
		},
	})
}

// TestParseFormulaPositions checks that a formula's error points at the
// right column of the file, however the formula is written.
func TestParseFormulaPositions(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "plain",
			src: `columns:
  a: {}
  b: {}
pay:
  p: a / * b
`,
			want: []string{`rules.yaml:5:10: pay line p: unexpected "*"`},
		},
		{
			name: "double-quoted",
			src: `columns:
  a: {}
  b: {}
pay:
  p: "a / * b"
`,
			want: []string{`rules.yaml:5:11: pay line p: unexpected "*"`},
		},
		{
			name: "single-quoted",
			src: `columns:
  a: {}
  b: {}
pay:
  p: 'a / * b'
`,
			want: []string{`rules.yaml:5:11: pay line p: unexpected "*"`},
		},
		{
			name: "metric value",
			src: `columns:
  a: {}
  b: {}
metrics:
  m:
    value: a / * b
`,
			want: []string{`rules.yaml:6:16: value: unexpected "*"`},
		},
		{
			name: "bare metric",
			src: `columns:
  a: {}
  b: {}
metrics:
  m: a / * b
`,
			want: []string{`rules.yaml:5:10: metric m: unexpected "*"`},
		},
		{
			name: "flag when",
			src: `columns:
  a: {}
flags:
  f: {when: "0 < a < 10"}
`,
			want: []string{`rules.yaml:4:20: when: comparisons do not chain: use "and" before "<"`},
		},
		{
			name: "ends too soon",
			src: `columns:
  a: {}
pay:
  p: a *
`,
			want: []string{`rules.yaml:4:9: pay line p: the formula ends too soon`},
		},
		{
			name: "full-width",
			src: `columns:
  a: {}
  b: {}
pay:
  p: （a＋b）＊＊2
`,
			want: []string{`rules.yaml:5:12: pay line p: unexpected "*"`},
		},
		{
			name: "after chinese names",
			src: `columns:
  询单人数: {}
  最终付款人数: {}
pay:
  p: 最终付款人数 / 询单人数 %
`,
			want: []string{`rules.yaml:5:20: pay line p: unexpected "%"`},
		},
		{
			name: "literal block",
			src: `columns:
  a: {}
  b: {}
pay:
  p: |
    a / * b
`,
			want: []string{`rules.yaml:6:9: pay line p: unexpected "*"`},
		},
		{
			name: "unknown name",
			src: `columns:
  询单人数: {}
  最终付款人数: {}
metrics:
  询单转化率: 最终付款人数 / 询单数
`,
			want: []string{
				`rules.yaml:5:19: unknown name "询单数"`,
				`    hint: did you mean "询单人数"?`,
			},
		},
		{
			name: "unknown name quoted",
			src: `columns:
  询单人数: {}
  最终付款人数: {}
metrics:
  询单转化率: "最终付款人数 / 询单数"
`,
			want: []string{
				`rules.yaml:5:20: unknown name "询单数"`,
				`    hint: did you mean "询单人数"?`,
			},
		},
		{
			name: "value outside points",
			src: `columns:
  a: {}
pay:
  p: value * 2
`,
			want: []string{
				`rules.yaml:4:6: unknown name "value"`,
				`    hint: value names a metric's own value, inside its points formula`,
			},
		},
		{
			name: "value without a value",
			src: `columns:
  a: {}
metrics:
  m:
    points: value * 2
`,
			want: []string{`rules.yaml:5:13: metric m has no value for its points to use`},
		},
		{
			name: "unknown field of a metric",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 0", points: 100}
pay:
  p: m.pts
`,
			want: []string{`rules.yaml:9:6: m.pts: a metric has .points and .score, not .pts`},
		},
		{
			name: "points of an unscored metric",
			src: `columns:
  a: {}
metrics:
  m: a
pay:
  p: m.points
`,
			want: []string{`rules.yaml:6:6: m.points: m earns no points`},
		},
	})
}

func TestParseTypes(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "text in arithmetic",
			src: `columns:
  姓名: {type: text}
metrics:
  m: 姓名 * 2
`,
			want: []string{`rules.yaml:4:6: * needs a number, but 姓名 is text`},
		},
		{
			name: "text compared with a number",
			src: `columns:
  姓名: {type: text}
flags:
  f: 姓名 = 1
`,
			want: []string{`rules.yaml:4:9: cannot compare 姓名 with 1: 姓名 is text, 1 is a number`},
		},
		{
			name: "text ordered",
			src: `columns:
  姓名: {type: text}
flags:
  f: 姓名 < 1
`,
			want: []string{`rules.yaml:4:6: < needs a number, but 姓名 is text`},
		},
		{
			name: "flag not a condition",
			src: `columns:
  a: {}
flags:
  f: a + 1
`,
			want: []string{`rules.yaml:4:6: flag f must be a condition, but a + 1 is a number`},
		},
		{
			name: "pay line of text",
			src: `columns:
  姓名: {type: text}
pay:
  p: 姓名
`,
			want: []string{`rules.yaml:4:6: pay line p must be a number, but 姓名 is text`},
		},
		{
			name: "and of numbers",
			src: `columns:
  a: {}
flags:
  f: a and a > 1
`,
			want: []string{`rules.yaml:4:6: and needs a condition, but a is a number`},
		},
		{
			name: "if branches differ",
			src: `columns:
  a: {}
pay:
  p: if(a > 0, 1, "x")
`,
			want: []string{`rules.yaml:4:6: if gives a number one way and text the other`},
		},
		{
			name: "bands on text",
			src: `columns:
  姓名: {type: text}
metrics:
  m:
    value: 姓名
    bands:
      - {when: ">= 0", points: 100}
`,
			want: []string{`rules.yaml:5:12: metric m has bands, so its value must be a number, but 姓名 is text`},
		},
	})
}

func TestParseFunctions(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "unknown with hint",
			src: `columns:
  a: {}
pay:
  p: mx(a, 1)
`,
			want: []string{
				`rules.yaml:4:6: unknown function "mx"`,
				`    hint: did you mean "max"?`,
			},
		},
		{
			name: "unknown without hint",
			src: `columns:
  a: {}
pay:
  p: 2 * sqrt(a)
`,
			want: []string{
				`rules.yaml:4:10: unknown function "sqrt"`,
				`    hint: the functions are abs, ceil, consecutive, count_last, count_quarter, count_year, days_between, floor, if, lookup, max, mean, min, months_between, round, sum_last, sum_quarter, sum_year, wmean, years_between`,
			},
		},
		{
			name: "round with one argument",
			src: `columns:
  a: {}
pay:
  p: round(a)
`,
			want: []string{`rules.yaml:4:6: round takes 2 arguments, not 1`},
		},
		{
			name: "if with two arguments",
			src: `columns:
  a: {}
pay:
  p: if(a > 0, 1)
`,
			want: []string{`rules.yaml:4:6: if takes 3 arguments, not 2`},
		},
		{
			name: "min with none",
			src: `columns:
  a: {}
pay:
  p: min()
`,
			want: []string{`rules.yaml:4:6: min takes at least one argument, not 0`},
		},
		{
			name: "abs with two arguments",
			src: `columns:
  a: {}
pay:
  p: abs(a, 1)
`,
			want: []string{`rules.yaml:4:6: abs takes one argument, not 2`},
		},
		{
			name: "round to a fraction of a place",
			src: `columns:
  a: {}
pay:
  p: round(a, 1.5)
`,
			want: []string{`rules.yaml:4:15: round's second argument is the number of decimal places, a whole number from 0 to 18`},
		},
	})
}

func TestParseCycles(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "pay lines",
			src: `columns:
  a: {}
pay:
  奖金: 提成 + a
  提成: 奖金 * 10%
`,
			want: []string{`rules.yaml:4:3: 奖金 depends on itself: 奖金 -> 提成 -> 奖金`},
		},
		{
			name: "itself",
			src: `columns:
  a: {}
pay:
  p: p + a
`,
			want: []string{`rules.yaml:4:3: p depends on itself: p -> p`},
		},
		{
			name: "metrics",
			src: `columns:
  a: {}
metrics:
  m1: m2 + a
  m2: m1 * 2
`,
			want: []string{`rules.yaml:4:3: m1 depends on itself: m1 -> m2 -> m1`},
		},
		{
			name: "metric and total",
			src: `columns:
  a: {}
metrics:
  m:
    value: a + total
    bands:
      - {when: ">= 0", points: 100}
total:
  cap: 100
`,
			want: []string{`rules.yaml:4:3: m depends on itself: m -> total -> m`},
		},
		{
			name: "metric and implicit total",
			src: `columns:
  a: {}
metrics:
  m:
    value: a + total
    bands:
      - {when: ">= 0", points: 100}
`,
			want: []string{`rules.yaml:4:3: m depends on itself: m -> total -> m`},
		},
	})
}

func TestParseBands(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "when not a range",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "75%+", points: 0}
`,
			want: []string{`rules.yaml:8:17: when "75%+": write a comparison such as ">= 75%" or an interval such as "[65%, 75%)"`},
		},
		{
			name: "interval not closed",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - when: "[65%, 75%"
        points: 80
`,
			want: []string{`rules.yaml:7:16: when "[65%, 75%": an interval ends with ] or )`},
		},
		{
			name: "interval upside down",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - when: "[75%, 65%)"
        points: 80
`,
			want: []string{
				`rules.yaml:7:16: when "[75%, 65%)": the lower edge is above the upper edge`,
				`    hint: write the lower edge first: "[65%, 75%)"`,
			},
		},
		{
			name: "edge not a number",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - when: '>= abc'
        points: 80
`,
			want: []string{`rules.yaml:7:16: when ">= abc": "abc" is not a number`},
		},
		{
			name: "plain when",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - when: ~75%
        points: 80
`,
			want: []string{`rules.yaml:7:15: when "~75%": write a comparison such as ">= 75%" or an interval such as "[65%, 75%)"`},
		},
		{
			name: "no when",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {points: 10}
`,
			want: []string{`rules.yaml:7:9: a band needs when, the range it covers, e.g. when: "[65%, 75%)"`},
		},
		{
			name: "empty when",
			src: `columns:
  a: {}
metrics:
  m:
    value: a
    bands:
      - {when: "", points: 10}
`,
			want: []string{`rules.yaml:7:17: when "": the range is empty`},
		},
		{
			// 旺旺回复率 as the source document prints it.
			name: "points above max",
			src: `columns:
  回复过的客户数: {min: 0}
  接待人数: {min: 0}
metrics:
  旺旺回复率:
    value: 回复过的客户数 / 接待人数
    format: percent
    max: 100
    bands:
      - {when: ">= 99%", points: 100}
      - {when: "[97%, 99%)", points: 800}
      - {when: "[95%, 97%)", points: 60}
      - {when: "< 95%", points: 0}
    weight: 5
`,
			// The warnings go with the error, in file order: the metric's
			// weight of 5 is all the total holds, and 接待人数 may be 0.
			want: []string{
				`rules.yaml:4:1: warning: the parts of the total add up to 5, not 100`,
				`    hint: 旺旺回复率 5; if 5 is meant, write adds_up_to: 5 under total:`,
				`rules.yaml:6:20: warning: 回复过的客户数 / 接待人数 has no value when 接待人数 is 0, and the rules do not say what then`,
				`    hint: add "if_missing: 0" or "if_missing: blank" to 旺旺回复率, or give 接待人数 "min: 1"`,
				`rules.yaml:11:38: points 800 are above the metric's max of 100`,
			},
		},
	})
}

func TestParseSorted(t *testing.T) {
	// The problems are found in the order 7, 9, 2, 10: decoding first,
	// then the checks.
	runErrorCases(t, []errorCase{
		{
			name: "by position",
			src: `columns:
  平均响应时间(秒): {}
  a: {}
metrics:
  m:
    value: a
    wieght: 5
pay:
  p: a / * 2
  q: mx(a)
`,
			want: []string{
				`rules.yaml:2:3: "平均响应时间(秒)" cannot be used as a name in formulas`,
				`    hint: give the column a plain name and put the header text under header:`,
				`rules.yaml:7:5: unknown field "wieght" in metric m`,
				`    hint: did you mean "weight"?`,
				`rules.yaml:9:10: pay line p: unexpected "*"`,
				`rules.yaml:10:6: unknown function "mx"`,
				`    hint: did you mean "max"?`,
			},
		},
	})
}

func TestParseExample(t *testing.T) {
	src, err := os.ReadFile("../examples/ecommerce-cs/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := rules.Parse("rules.yaml", src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings:\n%v", s.Warnings)
	}
	if !s.IfMissingBlank {
		t.Errorf("the example does not say if_missing: blank")
	}

	if got, want := len(s.Metrics), 10; got != want {
		t.Errorf("%d metrics, want %d", got, want)
	}
	metric := func(name string) *rules.Metric {
		t.Helper()
		for _, m := range s.Metrics {
			if m.Name == name {
				return m
			}
		}
		t.Fatalf("no metric %s", name)
		return nil
	}

	t.Run("at least", func(t *testing.T) {
		b := metric("询单转化率").Bands[0]
		if b.Lo == nil || !b.Lo.Equal(decimal.MustParse("0.75")) || !b.LoIncl || b.Hi != nil {
			t.Errorf("询单转化率 band 0 (%s): Lo %v incl %v, Hi %v; want Lo 0.75 incl, no Hi", b.When, b.Lo, b.LoIncl, b.Hi)
		}
	})
	t.Run("left-open interval", func(t *testing.T) {
		b := metric("旺旺响应率").Bands[1]
		if b.When != "(30, 45]" {
			t.Fatalf("旺旺响应率 band 1 is %q", b.When)
		}
		if b.Lo == nil || b.Hi == nil || !b.Lo.Equal(decimal.MustParse("30")) || !b.Hi.Equal(decimal.MustParse("45")) {
			t.Errorf("edges %v, %v; want 30, 45", b.Lo, b.Hi)
		}
		if b.LoIncl || !b.HiIncl {
			t.Errorf("LoIncl %v, HiIncl %v; want false, true", b.LoIncl, b.HiIncl)
		}
	})
	t.Run("order", func(t *testing.T) {
		at := map[string]int{}
		for i, n := range s.Order {
			switch n.Kind {
			case rules.NodeMetric:
				at[s.Metrics[n.Index].Name] = i
			case rules.NodeTotal:
				at["total"] = i
			case rules.NodeFlag:
				at[s.Flags[n.Index].Name] = i
			case rules.NodePay:
				at[s.Pay[n.Index].Name] = i
			case rules.NodeRank:
				at[s.Ranks[n.Index].Name] = i
			}
		}
		if got, want := len(s.Order), len(s.Metrics)+1+len(s.Flags)+len(s.Pay)+len(s.Ranks); got != want || len(at) != want {
			t.Fatalf("Order has %d nodes (%d distinct), want %d", got, len(at), want)
		}
		before := func(a, b string) {
			t.Helper()
			if at[a] >= at[b] {
				t.Errorf("%s comes at %d, not before %s at %d", a, at[a], b, at[b])
			}
		}
		for _, m := range s.Metrics {
			before(m.Name, "total")
		}
		before("total", "绩效工资")
		before("绩效工资", "月工资")
		before("全勤奖", "月工资")
	})
}

// TestParseExampleTypo checks the example with the typo of the source
// document put back: 800 points for 旺旺回复率's band [97%, 99%), above
// the metric's max of 100. The message points at the 800.
func TestParseExampleTypo(t *testing.T) {
	src, err := os.ReadFile("../examples/ecommerce-cs/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const band = `{when: "[97%, 99%)", points: 80}`
	lines := strings.Split(string(src), "\n")
	line, col := 0, 0
	for i, l := range lines {
		if k := strings.Index(l, band); k >= 0 {
			lines[i] = strings.Replace(l, band, `{when: "[97%, 99%)", points: 800}`, 1)
			// The 800 starts after "points: "; the line is ASCII up to it.
			line, col = i+1, k+len(`{when: "[97%, 99%)", points: `)+1
		}
	}
	if line == 0 {
		t.Fatalf("the example has no band %s", band)
	}
	got := parseError(t, strings.Join(lines, "\n"))
	want := fmt.Sprintf("rules.yaml:%d:%d: points 800 are above the metric's max of 100", line, col)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
