package rules_test

import (
	"errors"
	"strings"
	"testing"

	"appraise/rules"
)

// caseRules is the rule file the case tests add their cases to.
const caseRules = `columns:
  工号: {type: text, key: true}
  询单人数: {aliases: [询单数]}
  最终付款人数: {}
  响应时间: {header: 平均响应时间(秒)}
metrics:
  转化率:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    weight: 80
  响应: 响应时间
flags:
  慢: 响应时间 > 30
pay:
  奖金: 10 * total
if_missing: blank
total: {adds_up_to: 80}
`

// caseLines is where the cases start in caseRules + cases, for reading
// the positions in the tests below.
var caseLines = strings.Count(caseRules, "\n")

func TestCases(t *testing.T) {
	src := caseRules + `cases:
  - name: top
    inputs: {工号: E01, 询单人数: 4, 最终付款人数: 3, 平均响应时间(秒): "30"}
    expect:
      points: {转化率: 100}
      value: {转化率: 75%, 响应: 30}
      total: 80
      flags: []
      pay: {奖金: 800.00}
      missing: []
  - name: no inquiries
    like: top
    inputs: {询单数: 0, 响应时间: 31}
    expect:
      points: {转化率: null}
      total: ~
      flags: [慢]
      missing: [转化率]
`
	set, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Cases) != 2 {
		t.Fatalf("%d cases, want 2", len(set.Cases))
	}
	top, second := set.Cases[0], set.Cases[1]
	if top.Name != "top" || top.Pos.Line != caseLines+2 || top.Pos.Col != 5 {
		t.Errorf("first case %q at %v", top.Name, top.Pos)
	}
	// The second case starts from the first's inputs; its own replace the
	// cells of the same columns, named by alias or by formula name.
	var got []string
	for _, in := range second.Inputs {
		got = append(got, set.Columns[in.Column].Name+"="+in.Raw)
	}
	if g, w := strings.Join(got, " "), "工号=E01 询单人数=0 最终付款人数=3 响应时间=31"; g != w {
		t.Errorf("inputs of the second case: %s, want %s", g, w)
	}
	e := top.Expect
	if len(e.Points) != 1 || e.Points[0].Index != 0 || e.Points[0].Value.String() != "100" {
		t.Errorf("points: %+v", e.Points)
	}
	if len(e.Values) != 2 || e.Values[0].Value.String() != "0.75" || e.Values[1].Index != 1 {
		t.Errorf("values: %+v", e.Values)
	}
	if e.Total == nil || e.Total.Value.String() != "80" {
		t.Errorf("total: %+v", e.Total)
	}
	if e.Flags == nil || len(e.Flags.Names) != 0 || e.Missing == nil || len(e.Missing.Names) != 0 {
		t.Errorf("flags %+v, missing %+v: want two empty sets", e.Flags, e.Missing)
	}
	e = second.Expect
	if len(e.Points) != 1 || e.Points[0].Value != nil || e.Total == nil || e.Total.Value != nil {
		t.Errorf("null points and total: %+v, %+v", e.Points, e.Total)
	}
	if e.Pay != nil || e.Values != nil {
		t.Errorf("pay and value not given, yet %+v, %+v", e.Pay, e.Values)
	}
	if strings.Join(e.Flags.Names, ",") != "慢" || strings.Join(e.Missing.Names, ",") != "转化率" {
		t.Errorf("flags %v, missing %v", e.Flags.Names, e.Missing.Names)
	}
}

func TestCaseErrors(t *testing.T) {
	n := caseLines
	at := func(line int, rest string) string { return "rules.yaml:" + itoa(n+line) + rest }
	runErrorCases(t, []errorCase{
		{
			name: "not a list",
			src:  caseRules + "cases: {top: {}}\n",
			want: []string{at(1, `:8: cases must be a list of cases, not a mapping`)},
		},
		{
			name: "unknown names",
			src: caseRules + `cases:
  - name: a
    inputs: {询单人: 4, 工号: [E01]}
    expect:
      points: {转化律: 100, 响应: 1}
      value: {x: 1}
      flags: [快]
      pay: {奖: 1}
      missing: 转化率
      grade: A
`,
			want: []string{
				at(3, `:14: unknown column "询单人" in the inputs of case "a"`),
				`    hint: did you mean "询单人数"?`,
				at(3, `:26: input 工号 must be a number or text, not a list`),
				at(5, `:16: unknown metric "转化律"`),
				`    hint: did you mean "转化率"?`,
				at(5, `:26: metric 响应 earns no points: expect its value instead`),
				at(6, `:15: unknown metric "x"`),
				at(7, `:15: unknown flag "快"`),
				`    hint: did you mean "慢"?`,
				at(8, `:13: unknown pay line "奖"`),
				`    hint: did you mean "奖金"?`,
				at(9, `:16: expected metrics must be a list, such as [转化率], not "转化率"`),
				at(10, `:14: the rules have no grades to expect one of`),
			},
		},
		{
			name: "bad numbers and names",
			src: caseRules + `cases:
  - name: a
    inputs: {询单人数: 4, 询单数: 5}
    expect:
      total: lots
      pay: {奖金: 1.005}
      flags: [慢, 慢]
  - name: a
    like: b
    expect: {total: 1}
  - inputs: {}
    expect: {}
  - name: c
`,
			want: []string{
				at(3, `:23: "询单数" and "询单人数" (line `+itoa(n+3)+`) are the same column, 询单人数`),
				at(5, `:14: total must be a number, not "lots"`),
				at(6, `:17: pay 奖金: 1.005 has more than two decimals, but pay is compared after rounding to 0.01`),
				at(7, `:18: flag 慢 is listed twice`),
				at(8, `:5: case "a" is given twice (first at line `+itoa(n+2)+`)`),
				at(9, `:11: like "b": no case of that name above this one`),
				`    hint: did you mean "a"?`,
				at(11, `:5: a case needs a name, to report it by`),
				at(13, `:5: case "c" expects nothing: add expect: with the points, total, flags or pay it should give`),
			},
		},
		{
			name: "like names a later case",
			src: caseRules + `cases:
  - name: first
    like: second
    expect: {total: 1}
  - name: second
    expect: {total: 1}
`,
			want: []string{
				at(3, `:11: like "second": no case of that name above this one`),
			},
		},
	})
}

func TestParseCases(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(caseRules))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := rules.ParseCases(set, "rules.cases.yaml", []byte(`# beside rules.yaml
cases:
  - name: top
    inputs: {询单人数: 4, 最终付款人数: 3}
    expect: {total: 80}
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || cases[0].Pos.String() != "rules.cases.yaml:3:5" || cases[0].Inputs[1].Pos.String() != "rules.cases.yaml:4:31" {
		t.Errorf("cases %+v", cases[0])
	}
	for _, tc := range []struct{ src, want string }{
		{"", ""},
		{"cases:\n", ""},
		{"case:\n  - name: a\n", "rules.cases.yaml:1:1: unknown field \"case\" in a file of cases\n    hint: did you mean \"cases\"?"},
		{"# nothing\nscheme: x\n", "rules.cases.yaml:2:1: unknown field \"scheme\" in a file of cases\n    hint: the fields are cases"},
		{"cases: [\n", "rules.cases.yaml:2:1: not valid YAML: did not find expected node content"},
		{"x: 1\ncases:\n  - name: a\n    inputs: {询单人数: n/a}\n    expect: {}\n",
			"rules.cases.yaml:1:1: unknown field \"x\" in a file of cases\n    hint: the fields are cases"},
	} {
		_, err := rules.ParseCases(set, "rules.cases.yaml", []byte(tc.src))
		got := ""
		if err != nil {
			var list rules.ErrorList
			if !errors.As(err, &list) {
				t.Errorf("%q: error %T is not an ErrorList", tc.src, err)
			}
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("ParseCases(%q):\ngot:  %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}
