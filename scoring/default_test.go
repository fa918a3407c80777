package scoring_test

import (
	"slices"
	"testing"
)

// TestIfMissingDefault checks that a top-level if_missing gives the points
// of every scored metric that cannot be computed, unless the metric says
// otherwise, and that "if_missing: blank" leaves them missing.
func TestIfMissingDefault(t *testing.T) {
	s := compile(t, `
if_missing: 10
columns:
  询单人数: {min: 0}
  最终付款人数: {min: 0}
metrics:
  默认:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    weight: 50
  自定:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    if_missing: 30
  留空:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    if_missing: blank
  报告:
    value: 最终付款人数 / 询单人数
`)
	const why = "询单人数 is 0, so 最终付款人数 / 询单人数 has no value"
	r := score(t, s, "0", "0")
	// 默认 takes the file's 10 points: score 10 x 50 / 100 = 5.
	checkMetric(t, r, s, "默认", "10", "5")
	// 自定 keeps its own 30, unweighted.
	checkMetric(t, r, s, "自定", "30", "30")
	// 留空 stays missing, and with it the total.
	checkMetric(t, r, s, "留空", "missing: "+why, "missing: "+why)
	if got := show(r.Total()); got != "missing: "+why {
		t.Errorf("total = %s, want missing", got)
	}
	// 报告 earns no points: its value stays missing.
	if got := show(r.Metric(metricIndex(t, s, "报告")).Value); got != "missing: "+why {
		t.Errorf("报告 value = %s, want missing", got)
	}
	want := []string{"默认: " + why + "; if_missing gives 10 points", "自定: " + why + "; if_missing gives 30 points", "留空: " + why, "报告: " + why}
	if got := r.Notes(); !slices.Equal(got, want) {
		t.Errorf("Notes() = %q, want %q", got, want)
	}

	// With values: 3 / 4 = 75% in ">= 75%": 100 points each;
	// total 100 x 50 / 100 + 100 + 100 = 250.
	r = score(t, s, "4", "3")
	checkMetric(t, r, s, "默认", "100", "50")
	if got := show(r.Total()); got != "250" {
		t.Errorf("total = %s, want 250", got)
	}
}
