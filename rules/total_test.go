package rules_test

import (
	"testing"

	"appraise/rules"
)

// TestNoTotal: rules that score nothing have no total, unless a formula
// reads it or the file gives it a formula, floor or cap.
func TestNoTotal(t *testing.T) {
	const cols = "columns:\n  a: {}\n  b: {min: 1}\n"
	tests := []struct {
		name, src string
		none      bool
	}{
		{"reported only", cols + "metrics:\n  r: a / b\nflags:\n  低: a < 1\n", true},
		{"nothing but flags", cols + "flags:\n  低: a < 1\n", true},
		{"a scored metric", cols + "metrics:\n  p: {points: a, max: 100}\n", false},
		{"pay reads the total", cols + "metrics:\n  r: a / b\npay:\n  奖: 10 * total\n", false},
		{"a total formula", cols + "metrics:\n  r: a / b\ntotal: {formula: a + b}\n", false},
	}
	for _, tt := range tests {
		s, err := rules.Parse("rules.yaml", []byte(tt.src))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if s.Total.None != tt.none {
			t.Errorf("%s: Total.None = %v, want %v", tt.name, s.Total.None, tt.none)
		}
	}
}
