package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

// targetRules score three KPIs of §21b against targets, two of them
// looked up in a 目标 table by 部门 and KPI, and a bonus looked up with a
// default for a department the table leaves out.
const targetRules = `columns:
  部门: {type: text, key: true}
  收入: {}
  费用: {}
  投诉: {}
tables:
  目标:
    keys:
      部门: {type: text}
      KPI: {type: text}
    columns:
      目标值: {default: 0}
metrics:
  销售收入:
    value: 收入
    target: lookup(目标.目标值, 部门, "销售收入")
    mode: proportional
    weight: 40
  费用控制:
    value: 费用
    target: lookup(目标.目标值, 部门, "费用")
    mode: proportional
    better: lower
    weight: 40
  满意:
    value: 投诉
    target: 0
    mode: all or nothing
    better: lower
    weight: 20
  加分: lookup(目标.目标值, 部门, "加分")
total:
  formula: 销售收入.score + 费用控制.score + 满意.score + 加分
`

// withTargets fills the 目标 table: 华东 sells against 100, spends
// against 50 and has a bonus of 2; 华南 sells against 80 and spends
// against 0, with no bonus row.
func withTargets(t *testing.T, s *scoring.Scorer) *scoring.Scorer {
	t.Helper()
	d := s.NewTableData(0, "march.xlsx", "目标")
	rows := [][]string{{"华东", "销售收入", "100"}, {"华东", "费用", "50"}, {"华东", "加分", "2"}, {"华南", "销售收入", "80"}, {"华南", "费用", "0"}}
	for i, row := range rows {
		n, _ := scoring.ParseNumber(row[2])
		where := fmt.Sprintf("目标 row %d", i+2)
		if _, ok := d.Add([]scoring.Value{scoring.Str(row[0]), scoring.Str(row[1])}, []scoring.Value{scoring.Num(n)}, where); !ok {
			t.Fatalf("%s refused", where)
		}
	}
	// Keys match as cells' keys do: trimmed, full-width folded.
	if earlier, ok := d.Add([]scoring.Value{scoring.Str(" 华东"), scoring.Str("费用")}, []scoring.Value{scoring.Num(decimal.One)}, "目标 row 9"); ok || earlier != "目标 row 3" {
		t.Errorf("a second 华东 费用 row: got %q, %v; want it refused as on 目标 row 3", earlier, ok)
	}
	ws, err := s.WithTables([]*scoring.TableData{d})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestTargets(t *testing.T) {
	s := withTargets(t, compile(t, targetRules))
	for _, tc := range []struct {
		row                []string // 部门, 收入, 费用, 投诉
		sales, cost, happy string   // points
		total              string
	}{
		// 收入 90 / 100 = 90% -> 90 x 40% = 36; 费用 62.5 over 50:
		// 50 / 62.5 = 80% -> 32; 投诉 0 <= 0 -> 100 -> 20; 加分 2.
		// 36 + 32 + 20 + 2 = 90.
		{[]string{"华东", "90", "62.5", "0"}, "90", "80", "100", "90"},
		// 收入 120 / 100 capped at 100 -> 40; 费用 40 within 50: 125%
		// capped -> 40; 投诉 1 -> 0; 40 + 40 + 0 + 2 = 82.
		{[]string{"华东", "120", "40", "1"}, "100", "100", "0", "82"},
		// 华南: 收入 60 / 80 = 75 -> 30; 费用 0 against a budget of 0:
		// met, nothing to divide -> 100 -> 40; no bonus row: the default,
		// 0. 30 + 40 + 20 + 0 = 90.
		{[]string{"华南", "60", "0", "0"}, "75", "100", "100", "90"},
		// 华南 spending 10 against 0: not met, nothing to divide -> 0.
		// 30 + 0 + 20 + 0 = 50.
		{[]string{"华南", "60", "10", "0"}, "75", "0", "100", "50"},
		// "华东 " with a trailing space finds 华东's rows; 收入 0 -> 0,
		// 费用 50 -> 100 -> 40; 0 + 40 + 20 + 2 = 62.
		{[]string{"华东 ", "0", "50", "0"}, "0", "100", "100", "62"},
	} {
		r := score(t, s, tc.row...)
		checkMetric(t, r, s, "销售收入", tc.sales, "")
		checkMetric(t, r, s, "费用控制", tc.cost, "")
		checkMetric(t, r, s, "满意", tc.happy, "")
		if got := show(r.Total()); got != tc.total {
			t.Errorf("%v: total = %s, want %s", tc.row, got, tc.total)
		}
	}
}

// TestLookupMissing checks that a row the table lacks, without a
// default, is a fault of the input that names the table and the keys.
func TestLookupMissing(t *testing.T) {
	src := strings.Replace(targetRules, "目标值: {default: 0}", "目标值: {}", 1)
	s := withTargets(t, compile(t, src))
	r := score(t, s, "华北", "90", "50", "0")
	o := r.Overflow()
	if o == nil {
		t.Fatal("no fault for 华北, which 目标 does not have")
	}
	if want := "march.xlsx: 目标 has no row for 部门 华北, KPI 销售收入"; o.Lookup != want {
		t.Errorf("Lookup = %q, want %q", o.Lookup, want)
	}
}

// TestLookupTrace checks what the detail is told of each lookup.
func TestLookupTrace(t *testing.T) {
	s := withTargets(t, compile(t, targetRules))
	r := score(t, s, "华南", "60", "0", "0")
	var got []string
	for _, l := range r.Lookups() {
		got = append(got, l.Line())
	}
	want := []string{
		"目标值 of 目标 row 5, the row of 部门 华南, KPI 销售收入: 80",
		"目标值 of 目标 row 6, the row of 部门 华南, KPI 费用: 0",
		"no row for 部门 华南, KPI 加分, so the default",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lookups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 60 / 80 = 75%.
	if got, want := r.TargetWorking(metricIndex(t, s, "销售收入")), "target 80, proportional: 60 / 80 = 75% -> 75 points"; got != want {
		t.Errorf("TargetWorking = %q, want %q", got, want)
	}
}

// TestLookupAlone checks that a scorer without its tables, as a case
// scores one row, leaves what lookups give without a value, and says why.
func TestLookupAlone(t *testing.T) {
	s := compile(t, targetRules)
	r := score(t, s, "华东", "90", "62.5", "0")
	checkMetric(t, r, s, "销售收入", "missing: 目标 is not read when one row is scored alone", "")
	checkMetric(t, r, s, "满意", "100", "")
}
