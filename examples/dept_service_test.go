package examples_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"appraise/workbook"
)

// TestDeptServiceCascade scores the people of the dept-service sample
// with people.yaml, whose 部门结果 table holds the departments' results
// as rules.yaml scores them, and checks them against
// expected-people.yaml; then it adds a person of a department the
// departments' sheet does not have, which is refused, naming both.
func TestDeptServiceCascade(t *testing.T) {
	bin := buildAppraise(t)
	dir := "dept-service"
	work := t.TempDir()
	for _, name := range []string{"rules.yaml", "people.yaml", "2026-q1.xlsx"} {
		copyFile(t, filepath.Join(dir, name), filepath.Join(work, name))
	}
	cmd := exec.Command(bin, "score", "2026-q1.xlsx", "--rules", "people.yaml", "-o", "people.scored.xlsx", "--detail", "full")
	cmd.Dir = work
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("appraise score --rules people.yaml: %v\n%s", err, out)
	}
	scored := filepath.Join(work, "people.scored.xlsx")
	set := parseRules(t, filepath.Join(dir, "people.yaml"))
	checkExpected(t, set, scored, readExpected(t, filepath.Join(dir, "expected-people.yaml"), 6))

	// The full detail names the department result each person's score used.
	detail, err := workbook.Dump(scored, "明细")
	if err != nil {
		t.Fatal(err)
	}
	want := "P04|6|查表|lookup(部门结果.总分, 部门)|72.1|总分：取自 部门绩效 第 4 行（按 rules.yaml 评分），即 部门 华东服务部 所在行：72.1|||72.1"
	if !strings.Contains(detail, want+"\n") {
		t.Errorf("the detail has no line\n%s\nin\n%s", want, detail)
	}

	// Its cases pass, each with the department row it reads.
	out, err := exec.Command(bin, "test", filepath.Join(dir, "people.yaml")).CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "ok   "+filepath.Join(dir, "people.yaml")+"  ") {
		t.Errorf("appraise test people.yaml: %v\n%s", err, out)
	}

	// P07 of 市场部, which the departments' sheet does not list.
	people := sheetRows(t, filepath.Join(dir, "2026-q1.xlsx"), "人员")
	people = append(people, []string{"P07", "孙丽", "市场部", "员工", "80"})
	depts := sheetRows(t, filepath.Join(dir, "2026-q1.xlsx"), "部门绩效")
	bad := filepath.Join(work, "bad.xlsx")
	if err := workbook.WriteTables(bad, workbook.SheetRows{Name: "部门绩效", Rows: depts}, workbook.SheetRows{Name: "人员", Rows: people}); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(bin, "score", "bad.xlsx", "--rules", "people.yaml")
	cmd.Dir = work
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("appraise score bad.xlsx: %v, want exit code 1\n%s", err, stderr.String())
	}
	if got, want := stderr.String(), "bad.xlsx: 部门结果 has no row for 部门 市场部 (needed by 人员!C9, 工号 P07)\n"; got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(work, "bad.scored.xlsx")); err == nil {
		t.Error("bad.scored.xlsx was written")
	}
}
