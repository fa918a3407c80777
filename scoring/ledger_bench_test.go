package scoring_test

import (
	"fmt"
	"testing"

	"appraise/scoring"
)

// BenchmarkLedgerRows scores a 1,000,000-row ledger of 10,000 people (100
// contracts each): every row's formulas, then each person's figures and
// pay. Compare BenchmarkLedgerPerPerson, a per-person sheet of the same
// 1,000,000 rows: the ledger's memory grows with the people, not the
// rows (see the B/op of both).
func BenchmarkLedgerRows(b *testing.B) {
	s := compile(b, ledgerRules)
	const rows, people = 1_000_000, 10_000
	recs := make([]int, 100)
	kinds := []string{"外贸", "内贸"}
	b.ReportAllocs()
	for b.Loop() {
		l, err := scoring.NewLedger(s)
		if err != nil {
			b.Fatal(err)
		}
		rb := make([][]scoring.Value, len(recs))
		for i := range recs {
			rb[i] = ledgerRow(b, l, i, kinds[i%2])
		}
		for n := range rows {
			rec := rb[n%len(rb)]
			rec[1] = scoring.Str(names[n%people])
			if _, err := l.Add(rec, n+2, ""); err != nil {
				b.Fatal(err)
			}
		}
		r := s.NewResult()
		var rec []scoring.Value
		for _, p := range l.People {
			rec = l.Record(p, rec)
			s.Score(rec, r)
		}
	}
}

// BenchmarkLedgerPerPerson scores 1,000,000 rows of a sheet of one row a
// person with the same figures as columns.
func BenchmarkLedgerPerPerson(b *testing.B) {
	s := compile(b, perPersonRules)
	rec := bindRow(b, s, "张三", "3", "15480", "1290000", "800000", "1")
	r := s.NewResult()
	b.ReportAllocs()
	for b.Loop() {
		for range 1_000_000 {
			s.Score(rec, r)
		}
	}
}

const perPersonRules = `columns:
  业务员: {type: text, key: true}
  合同数: {}
  已收齐提成: {}
  外贸回款: {}
  最大合同: {}
  未收齐数: {}
params:
  目标: 1000000
tiers:
  超额奖:
    of: max(0, 外贸回款 - 目标)
    mode: whole
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: "> 1000000", rate: 1%}
pay:
  提成发放: 已收齐提成
  超额奖金: 超额奖
`

var names = func() []string {
	out := make([]string, 10_000)
	for i := range out {
		out[i] = fmt.Sprintf("S%05d", i)
	}
	return out
}()

func ledgerRow(b *testing.B, l *scoring.Ledger, i int, kind string) []scoring.Value {
	return bindRow(b, l.Rows(), fmt.Sprintf("H%d", i), "x", kind, fmt.Sprint(100000+i*1000), fmt.Sprint(i*10), "500", fmt.Sprint(100000+i*990))
}

func bindRow(b *testing.B, s *scoring.Scorer, raw ...string) []scoring.Value {
	b.Helper()
	return bind(b, s, raw...)
}
