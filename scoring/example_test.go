package scoring_test

import (
	"fmt"

	"appraise/rules"
	"appraise/scoring"

	"github.com/govalues/decimal"
)

// A rule file is compiled once; the Scorer then scores record after
// record. Each metric's trace gives its value, the band it fell in, its
// points and its weighted score.
func Example() {
	src := `
columns:
  询单人数: {min: 0}
  最终付款人数: {min: 0}
  迟到次数: {min: 0}
metrics:
  询单转化率:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "[50%, 75%)", points: 60}
      - {when: "< 50%", points: 0}
    weight: 80
  考勤:
    points: 20 - 5 * 迟到次数
    floor: 0
total:
  cap: 100
pay:
  绩效工资: 1000 * total / 100
`
	set, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := scoring.Compile(set)
	if err != nil {
		fmt.Println(err)
		return
	}

	// One row of the workbook: 40 inquiries, 27 paid, late once.
	rec := make([]scoring.Value, len(set.Columns))
	for i, cell := range []string{"40", "27", "1"} {
		if rec[i], err = s.Bind(i, cell); err != nil {
			fmt.Println(err)
			return
		}
	}
	r := s.NewResult()
	s.Score(rec, r)

	for i, m := range set.Metrics {
		t := r.Metric(i)
		fmt.Printf("%s: value %s", m.Name, t.Value)
		if t.Band >= 0 {
			fmt.Printf(", band %s", m.Bands[t.Band].When)
		}
		fmt.Printf(", points %s, score %s\n", t.Points, t.Score)
	}
	fmt.Println("total:", r.Total())
	fmt.Println("绩效工资:", scoring.RoundMoney(r.Pay(0).Num))

	// 27/40 = 0.675 is in [50%, 75%): 60 points, 60 x 80 / 100 = 48.
	// 考勤 has no weight: 20 - 5 x 1 = 15 points count as they are.
	// The total is 48 + 15 = 63, and 绩效工资 1000 x 63 / 100 = 630.

	// Output:
	// 询单转化率: value 0.675, band [50%, 75%), points 60, score 48
	// 考勤: value 15, points 15, score 15
	// total: 63
	// 绩效工资: 630.00
}

// A value that cannot be computed leaves what depends on it missing, and
// the notes say why.
func ExampleResult_Notes() {
	set, err := rules.Parse("rules.yaml", []byte(`
columns:
  询单人数: {}
  最终付款人数: {}
metrics:
  询单转化率:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
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
	r := s.NewResult()
	zero := scoring.Num(decimal.Zero)
	s.Score([]scoring.Value{zero, zero}, r)

	fmt.Println("total missing:", r.Total().Kind == scoring.Missing)
	for _, note := range r.Notes() {
		fmt.Println(note)
	}
	// Output:
	// total missing: true
	// 询单转化率: 询单人数 is 0, so 最终付款人数 / 询单人数 has no value
}

func ExampleParseNumber() {
	for _, cell := range []string{" ７５％ ", "1,234.50", "0.30000000000000004", "12,34"} {
		d, err := scoring.ParseNumber(cell)
		if err != nil {
			fmt.Printf("%q: %v\n", cell, err)
			continue
		}
		fmt.Printf("%q: %s\n", cell, d)
	}
	// Output:
	// " ７５％ ": 0.75
	// "1,234.50": 1234.50
	// "0.30000000000000004": 0.3
	// "12,34": not a number
}

func ExampleRoundMoney() {
	for _, amount := range []string{"0.125", "-0.125", "376.875", "2.5"} {
		fmt.Println(scoring.RoundMoney(decimal.MustParse(amount)))
	}
	// Output:
	// 0.13
	// -0.13
	// 376.88
	// 2.50
}
