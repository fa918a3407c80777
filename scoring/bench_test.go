package scoring_test

import (
	"testing"

	"appraise/scoring"
)

// BenchmarkScore scores one agent's row with the ecommerce-cs rules, the
// work done for every row of a workbook.
func BenchmarkScore(b *testing.B) {
	s := ecommerce(b)
	rec := bind(b, s, ecommerceRaw(b, s)...)
	r := s.NewResult()
	s.Score(rec, r)
	// Make sure the loop measures a full, successful scoring: see
	// TestEcommerceRecord for the arithmetic.
	if got := show(r.Total()); got != "92" {
		b.Fatalf("total = %s, want 92", got)
	}
	metrics := len(s.Rules().Metrics)

	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Score(rec, r)
	}
	b.StopTimer()
	if sec := b.Elapsed().Seconds(); sec > 0 {
		b.ReportMetric(float64(metrics*b.N)/sec, "evals/s")
	}
}

// BenchmarkBindScore adds reading the row's cells from text, as they come
// out of a workbook, to the scoring: the whole per-row work of the engine.
func BenchmarkBindScore(b *testing.B) {
	s := ecommerce(b)
	raw := ecommerceRaw(b, s)
	rec := make([]scoring.Value, len(raw))
	r := s.NewResult()
	metrics := len(s.Rules().Metrics)

	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, x := range raw {
			v, err := s.Bind(j, x)
			if err != nil {
				b.Fatal(err)
			}
			rec[j] = v
		}
		s.Score(rec, r)
	}
	b.StopTimer()
	if got := show(r.Total()); got != "92" {
		b.Fatalf("total = %s, want 92", got)
	}
	if sec := b.Elapsed().Seconds(); sec > 0 {
		b.ReportMetric(float64(metrics*b.N)/sec, "evals/s")
	}
}
