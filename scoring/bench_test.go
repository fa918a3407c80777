package scoring_test

import (
	"testing"
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
