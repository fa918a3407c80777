package scoring_test

import (
	"fmt"

	"appraise/rules"
	"appraise/scoring"
)

// Metrics grouped in sections add up to a section score; a weighted
// section counts weight / 100 of it in the total. A grade table then
// grades the total, and pay formulas use its coefficient.
func ExampleResult_Section() {
	set, err := rules.Parse("rules.yaml", []byte(`
columns:
  工作目标: {}
  行为表现: {}
  净利润: {}
sections:
  A: {weight: 70}
  B: {weight: 30}
metrics:
  目标: {section: A, points: 工作目标, weight: 100}
  行为: {section: B, points: 行为表现, weight: 100}
grades:
  - {when: ">= 80", grade: 优, coefficient: 1.2}
  - {when: "< 80", grade: 合格, coefficient: 1}
pay:
  提成: 净利润 * 15% * coefficient
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := scoring.Compile(set)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec := make([]scoring.Value, len(set.Columns))
	for i, cell := range []string{"90", "80", "10000"} {
		if rec[i], err = s.Bind(i, cell); err != nil {
			fmt.Println(err)
			return
		}
	}
	r := s.NewResult()
	s.Score(rec, r)

	for i, sec := range set.Sections {
		t := r.Section(i)
		fmt.Printf("%s: score %s, counts %s\n", sec.Name, t.Score, t.Counts)
	}
	grade, _ := r.Grade()
	fmt.Printf("total %s: grade %s, coefficient %s\n", r.Total(), grade, r.Coefficient())
	fmt.Println("提成:", scoring.RoundMoney(r.Pay(0).Num))

	// A = 90, counting 90 x 70 / 100 = 63; B = 80, counting 24.
	// The total is 63 + 24 = 87: 优, so 提成 = 10000 x 15% x 1.2 = 1800.

	// Output:
	// A: score 90, counts 63
	// B: score 80, counts 24
	// total 87: grade 优, coefficient 1.2
	// 提成: 1800.00
}
