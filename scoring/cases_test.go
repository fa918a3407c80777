package scoring_test

import (
	"strings"
	"testing"

	"appraise/rules"
	"appraise/scoring"
)

// runCases parses traceRules with cases added and checks each case,
// returning its name and differences, one line each.
func runCases(t *testing.T, cases string) []string {
	t.Helper()
	return runCasesOf(t, traceRules+cases)
}

// runCasesOf is runCases for the rule file src.
func runCasesOf(t *testing.T, src string) []string {
	t.Helper()
	set, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("rules.Parse:\n%v", err)
	}
	s, err := scoring.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	r := s.NewResult()
	for _, c := range set.Cases {
		rec, errs := s.BindCase(c)
		if len(errs) > 0 {
			t.Fatalf("BindCase(%s): %v", c.Name, errs)
		}
		for _, d := range s.CheckCase(c, rec, r) {
			out = append(out, c.Name+": "+d)
		}
	}
	return out
}

func TestCheckCasePasses(t *testing.T) {
	// Worked in ExampleResult_Trace and TestTrace: 3/4 gives a total of
	// 100.75 capped at 100 and 绩效 333.33; 0/0 gives no total and no
	// 绩效, and 5 late arrivals raise 迟到多.
	got := runCases(t, `cases:
  - name: top
    inputs: {工号: E01, 询单: 4, 成交: 3, 迟到: 0}
    expect:
      value: {转化率: 75%, 未成交: 1}
      points: {转化率: 100, 考勤: 20, 成交分: 1.5}
      total: 100
      flags: []
      pay: {绩效: 333.33, 合计: 333.33}
      missing: []
  - name: nothing asked
    like: top
    inputs: {询单: 0, 迟到: 5}
    expect:
      points: {转化率: ~, 考勤: 0}
      total: ~
      flags: [迟到多]
      pay: {绩效: null}
      missing: [转化率]
`)
	if len(got) > 0 {
		t.Errorf("cases failed:\n%s", strings.Join(got, "\n"))
	}
}

func TestCheckCaseFails(t *testing.T) {
	// Each expectation below but 成交分's is wrong on purpose; the report
	// says what each figure was and where it came from, in the order
	// written.
	got := runCases(t, `cases:
  - name: wrong
    inputs: {询单: 200, 成交: 149, 迟到: 1}
    expect:
      total: 90
      points: {转化率: 100, 考勤: 20, 成交分: 10}
      value: {转化率: 0.75, 成交分: 149}
      flags: [迟到多]
      pay: {绩效: 100.20}
      missing: [未成交]
  - name: missing
    inputs: {询单: 0, 成交: 0}
    expect:
      points: {转化率: 0}
      total: 20
      pay: {合计: 0}
      missing: []
  - name: capped
    inputs: {询单: 4, 成交: 3, 迟到: 0}
    expect: {total: 100.75}
`)
	// 149/200 = 0.745 is in [50%, 75%): 60 x 0.8 = 48. 考勤 20 - 5 = 15.
	// 成交分 149 x 5 / 10 = 74.5, capped at 10 as expected, 10 x 0.5 = 5. Total
	// 48 + 15 + 5 = 68; 绩效 1000 x 68 / 300 = 226.666... -> 226.67.
	want := []string{
		"wrong: total: want 90, got 68 (48 + 15 + 5)",
		"wrong: points 转化率: want 100, got 60 (value 0.745 fell in [50%, 75%))",
		"wrong: points 考勤: want 20, got 15 (20 - 5 * 1)",
		"wrong: value 转化率: want 0.75, got 0.745 (149 / 200)",
		"wrong: flags: want [迟到多], got []",
		"wrong: pay 绩效: want 100.20, got 226.67 (1000 * 68 / 300 = 226.6666666666666667)",
		"wrong: missing: want [未成交], got []",
		"missing: points 转化率: want 0, got none (询单 is 0, so 成交 / 询单 has no value)",
		"missing: total: want 20, got none (询单 is 0, so 成交 / 询单 has no value)",
		"missing: pay 合计: want 0, got none (询单 is 0, so 成交 / 询单 has no value)",
		"missing: missing: want [], got [转化率]",
		// 80 + 20 + 0.75, as in ExampleResult_Trace.
		"capped: total: want 100.75, got 100 (80 + 20 + 0.75 = 100.75, capped at 100)",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("differences:\n%s\nwant:\n%s", g, w)
	}
}

func TestBindCase(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(traceRules+`cases:
  - name: bad
    inputs: {询单: "n/a", 成交: -1}
    expect: {total: 0}
  - name: blank
    inputs: {询单: ~, 成交: "75%", 迟到: ""}
    expect: {total: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := scoring.Compile(set)
	n := strings.Count(traceRules, "\n")
	_, errs := s.BindCase(set.Cases[0])
	want := []string{
		"rules.yaml:" + itoa(n+3) + `:18: 询单 is not a number: "n/a"`,
		"rules.yaml:" + itoa(n+3) + `:29: 成交 is -1, below the least allowed, 0`,
	}
	if g, w := errs.Error(), strings.Join(want, "\n"); g != w {
		t.Errorf("bad inputs:\n%s\nwant:\n%s", g, w)
	}
	// A blank 询单 is an error, as a blank cell is; a blank 迟到 is 0
	// (blank: 0); 75% is 0.75; 奖金, optional, is as if absent: 0.
	rec, errs := s.BindCase(set.Cases[1])
	if g, w := errs.Error(), "rules.yaml:"+itoa(n+6)+":18: 询单 is blank: a number is needed"; g != w {
		t.Errorf("blank input: %s, want %s", g, w)
	}
	if g := rec[2].String() + " " + rec[3].String() + " " + rec[4].String(); g != "0.75 0 0" {
		t.Errorf("成交, 迟到, 奖金: %s, want 0.75 0 0", g)
	}

	// An input left out is a blank cell, but a number column without
	// blank: needs one.
	set, err = rules.Parse("rules.yaml", []byte(traceRules+`cases:
  - name: short
    inputs: {成交: 1}
    expect: {total: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	s, _ = scoring.Compile(set)
	_, errs = s.BindCase(set.Cases[0])
	if g, w := errs.Error(), "rules.yaml:"+itoa(n+2)+`:5: case "short" gives no 询单: a number is needed`; g != w {
		t.Errorf("input left out: %s, want %s", g, w)
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
