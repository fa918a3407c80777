package batch

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"appraise/rules"
	"appraise/run"
	"appraise/scoring"
	"appraise/workbook"
)

const lookBack = `scheme: back
period: month
period_from: "{yyyy}-{mm}"
columns:
  工号: {type: text, key: true}
  得分: {}
metrics:
  业绩: {points: 得分}
flags:
  连低: consecutive(total < 35) >= 2
`

const alone = `scheme: alone
columns:
  工号: {type: text, key: true}
  得分: {}
metrics:
  业绩: {points: 得分}
`

func compile(t *testing.T, src string) *scoring.Scorer {
	t.Helper()
	set, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func write(t *testing.T, path string, rows ...string) {
	t.Helper()
	table := [][]string{{"工号", "得分"}}
	for _, r := range rows {
		table = append(table, strings.Split(r, "|"))
	}
	if err := workbook.WriteTable(path, "考核", table); err != nil {
		t.Fatal(err)
	}
}

// TestPeriodOrder gives the months out of order: they are scored oldest
// first, each after the one before it, and the later months see the
// earlier ones: A is below 35 in all three, so 连低 is raised in
// February (a run of 2) and March (3) but not January (1).
func TestPeriodOrder(t *testing.T) {
	dir := t.TempDir()
	sc := compile(t, lookBack)
	var jobs []Job
	for _, m := range []string{"2026-03", "2026-01", "2026-02"} {
		in := filepath.Join(dir, m+".xlsx")
		write(t, in, "A|20", "B|90")
		jobs = append(jobs, Job{Input: in, Output: filepath.Join(dir, "out", m+".scored.xlsx"), Scorer: sc, History: []string{filepath.Join(dir, "out")}})
	}
	var mu sync.Mutex
	var order []string
	outs := Run(jobs, Options{Jobs: 3, Base: baseOptions(), Done: func(o Outcome) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, o.Period)
	}})
	if got := strings.Join(order, " "); got != "2026-01 2026-02 2026-03" {
		t.Errorf("scored in the order %s, want 2026-01 2026-02 2026-03", got)
	}
	for i, want := range []string{"2026-03", "2026-01", "2026-02"} {
		if outs[i].Status != Scored || outs[i].Period != want {
			t.Errorf("outcome %d: %v %s (%v), want scored %s", i, outs[i].Status, outs[i].Period, outs[i].Err, want)
		}
	}
	// The history each month read: January none, February one period
	// (January, from memory), March two.
	for i, want := range []int{2, 0, 1} {
		if got := outs[i].Summary.History; got != want {
			t.Errorf("%s read %d earlier periods, want %d", outs[i].Period, got, want)
		}
	}
}

// TestSamePeriodTwice: two workbooks of one month in one batch both fail,
// naming each other, and the months after them are not scored.
func TestSamePeriodTwice(t *testing.T) {
	dir := t.TempDir()
	sc := compile(t, lookBack)
	out := filepath.Join(dir, "out")
	mk := func(name string) Job {
		in := filepath.Join(dir, name)
		write(t, in, "A|20")
		return Job{Input: in, Output: filepath.Join(out, name), Scorer: sc, History: []string{out}}
	}
	outs := Run([]Job{mk("2026-01.xlsx"), mk("东区2026-01.xlsx"), mk("2026-02.xlsx")}, Options{Base: baseOptions()})
	for _, o := range outs[:2] {
		if o.Status != Failed || !strings.Contains(o.Err.Error(), "are both the 2026-01 workbook of back") {
			t.Errorf("%s: %v %v, want failed for holding 2026-01 twice", o.Job.Input, o.Status, o.Err)
		}
	}
	// February's chain holds no January once both are put out: it is
	// scored alone, its history short.
	if o := outs[2]; o.Status != Scored {
		t.Errorf("2026-02: %v %v, want scored", o.Status, o.Err)
	}
}

// TestStopped: a batch whose context is done before it starts scores
// nothing, writes nothing, and says so of every job.
func TestStopped(t *testing.T) {
	dir := t.TempDir()
	sc := compile(t, alone)
	var jobs []Job
	for _, n := range []string{"a", "b", "c"} {
		in := filepath.Join(dir, n+".xlsx")
		write(t, in, "A|20")
		jobs = append(jobs, Job{Input: in, Output: filepath.Join(dir, n+".scored.xlsx"), Scorer: sc})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	outs := Run(jobs, Options{Jobs: 2, Context: ctx, Base: baseOptions()})
	for _, o := range outs {
		if o.Status != NotRun {
			t.Errorf("%s: %v, want not run", o.Job.Input, o.Status)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.scored.xlsx")); len(m) > 0 {
		t.Errorf("a stopped batch wrote %v", m)
	}
}

func baseOptions() run.Options { return run.Options{Version: "test"} }
