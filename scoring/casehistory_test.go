package scoring_test

import (
	"strconv"
	"strings"
	"testing"

	"appraise/rules"
	"appraise/scoring"
)

// caseHistoryRules flag 淘汰 for a score below 35 two months running, and
// add up the year's complaints.
const caseHistoryRules = `scheme: case-history
period: month
columns:
  工号: {type: text, key: true}
  得分: {}
  投诉: {}
metrics:
  业绩: {points: 得分}
  年度投诉: sum_year(投诉)
flags:
  淘汰: consecutive(total < 35) >= 2
`

func TestCaseHistory(t *testing.T) {
	// A: 30 in March and February: consecutive 2 >= 2: 淘汰; complaints
	//    1 + 2 (Feb) + 3 (Jan) = 6.
	// B: away in February: the run is 1, no 淘汰; 1 + 0 + 3 = 4.
	// C: no history stated: a run of 1 and no year's count.
	// D: January is missing from the history: the year's count cannot be
	//    told; the run 30, 30 is still 2.
	// E: January needs no earlier months: the year's count is 1.
	got := runCasesOf(t, caseHistoryRules+`cases:
  - name: A
    period: 2026-03
    history:
      2026-02: {total: 30, 投诉: 2}
      2026-01: {total: 50, 投诉: 3}
    inputs: {工号: A, 得分: 30, 投诉: 1}
    expect: {flags: [淘汰], value: {年度投诉: 6}}
  - name: B
    like: A
    history:
      2026-02: absent
      2026-01: {total: 20, 投诉: 3}
    expect: {flags: [], value: {年度投诉: 4}}
  - name: C
    inputs: {工号: C, 得分: 30, 投诉: 1}
    expect: {flags: [], value: {年度投诉: null}}
  - name: D
    like: A
    history:
      2026-02: {total: 30, 投诉: 2}
    expect: {flags: [淘汰], value: {年度投诉: null}}
  - name: E
    like: A
    period: 2026-01
    history: {}
    expect: {flags: [], value: {年度投诉: 1}}
  - name: A expecting too little
    like: A
    expect: {value: {年度投诉: 5}}
`)
	want := "A expecting too little: value 年度投诉: want 5, got 6"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("cases:\n%s\nwant:\n%s", g, want)
	}
}

func TestCaseHistoryErrors(t *testing.T) {
	for _, tc := range []struct{ name, cases, want string }{
		{"no period", `
    history: {2026-02: {total: 30}}`, `:4:14: case "x" gives a history but no period: add period:, such as period: 2026-03, to say which period the history comes before`},
		{"wrong kind", `
    period: 2026-Q1`, `:4:13: period 2026-Q1 is a quarter, but the rules score a month`},
		{"after", `
    period: 2026-03
    history: {2026-04: {total: 30}}`, `:5:15: history 2026-04 does not come before the case's period 2026-03`},
		{"gap", `
    period: 2026-03
    history: {2026-01: {total: 30}}`, `:5:15: history 2026-01 is never reached: the case's history has no 2026-02, which comes between it and 2026-03; list 2026-02, as absent if the person was not in its results`},
		{"not a number", `
    period: 2026-03
    history: {2026-02: {total: x}}`, `:5:32: history 2026-02 total: "x" is not a number`},
		{"unknown figure", `
    period: 2026-03
    history: {2026-02: {业绩: 3}}`, `:5:25: unknown history figure "业绩"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := caseHistoryRules + "cases:\n  - name: x" + tc.cases + `
    inputs: {工号: A, 得分: 30, 投诉: 1}
    expect: {total: 30}
`
			n := strings.Count(caseHistoryRules, "\n")
			var msg string
			set, err := rules.Parse("rules.yaml", []byte(src))
			if err != nil {
				msg = err.Error()
			} else {
				s, err := scoring.Compile(set)
				if err != nil {
					t.Fatal(err)
				}
				_, errs := s.BindCase(set.Cases[0])
				msg = errs.Error()
			}
			line, rest, _ := strings.Cut(tc.want[1:], ":")
			want := "rules.yaml:" + itoa(n+must(strconv.Atoi(line))-1) + ":" + rest
			if !strings.Contains(msg, want) {
				t.Errorf("got:\n%s\nwant:\n%s", msg, want)
			}
		})
	}
}

func must(n int, err error) int {
	if err != nil {
		panic(err)
	}
	return n
}
