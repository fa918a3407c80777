package run

import (
	"testing"

	"appraise/rules"
)

// TestPointsDecimals checks the decimals a metric's points column shows
// in a workbook: the most its bands or map are written with.
func TestPointsDecimals(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(`columns:
  a: {}
  b: {type: text}
metrics:
  整数: {value: a, bands: [{when: ">= 1", points: 10}, {when: "< 1", points: 0}]}
  半分: {value: a, bands: [{when: ">= 1", points: 8.5}, {when: "< 1", points: 2.25}]}
  映射: {value: b, map: {优: 1.5, 良: 1}, map_other: 0}
  公式: {points: a * 1.5}
`))
	if err != nil {
		t.Fatal(err)
	}
	// 10 and 0: none; 8.5 and 2.25: two; 1.5, 1 and 0: one; a formula: as
	// the number is.
	want := []int{0, 2, 1, 0}
	for i, m := range set.Metrics {
		if got := pointsDecimals(m); got != want[i] {
			t.Errorf("%s: %d decimals, want %d", m.Name, got, want[i])
		}
	}
}
