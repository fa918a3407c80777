package examples_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExampleVerify calibrates the year-end-bonus example, verifies the
// result, then changes one input cell and verifies again: the figures
// that change are named, worked out by hand.
func TestExampleVerify(t *testing.T) {
	bin := buildAppraise(t)
	work := t.TempDir()
	for _, name := range []string{"rules.yaml", "2026.xlsx"} {
		copyFile(t, filepath.Join("year-end-bonus", name), filepath.Join(work, name))
	}
	run := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("calibrate", "2026.xlsx", "-q"); err != nil {
		t.Fatalf("appraise calibrate: %v\n%s", err, out)
	}
	out, err := run("verify", "2026.calibrated.xlsx")
	if want := "appraise: 2026.calibrated.xlsx verified: 23 rows scored again from 2026.xlsx, every figure the same\n"; err != nil || out != want {
		t.Fatalf("appraise verify: %v\n%s\nwant %s", err, out, want)
	}

	// P01's 年度得分 98 becomes 88 (cell E3, under the title and the
	// header). By the bands 88 is B. Placed again: P03 93 (司龄 7), P02 93,
	// P04 91, then P01 88 ahead of P05 88 by 司龄 5 to 4. A takes places
	// 1-2 (P03, P02), B 3-7: P01 moves A -> B, P02 B -> A. The counts by
	// grade are as before, so the pool's shares are too: P01 now has B's
	// 5,217.39 and P02 A's 6,521.74. That is 10 figures: P01's 年度得分,
	// points, 总分, grade, grade before calibration, coefficient and share,
	// and P02's grade, coefficient and share.
	f, err := excelize.OpenFile(filepath.Join(work, "2026.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("年度考核", "E3", 88); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err = run("verify", "2026.calibrated.xlsx")
	if code := exitCode(err); code != 1 {
		t.Fatalf("appraise verify after the change: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		"changed: input ",
		"differs: P01, 年度得分 (年度考核!E2): recorded 98, now 88\n",
		"differs: P01, 总分 (年度考核!G2): recorded 98, now 88\n",
		"recorded A, now B\n",
		"differs: P01, 年终奖 (年度考核!L2): recorded 6521.74, now 5217.39\n",
		"differs: P02, 年终奖 (年度考核!L3): recorded 5217.39, now 6521.74\n",
		"appraise: 2026.calibrated.xlsx does not verify: 10 figures differ\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("appraise verify after the change: no %q in\n%s", want, out)
		}
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}
