package examples_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"appraise/workbook"
)

// sheetRows reads a sheet of a sample workbook back as the text rows
// workbook.WriteTables writes.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	dump, err := workbook.Dump(path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(dump, "\n"), "\n") {
		rows = append(rows, strings.Split(l, "|"))
	}
	return rows
}

// TestDeptKPITargets scores the dept-kpi sample with its 目标 sheet
// changed: a target row taken out, and a target row given twice. Each is
// refused with a message that names the table, the keys and the rows, and
// nothing is written.
func TestDeptKPITargets(t *testing.T) {
	bin := buildAppraise(t)
	sample := filepath.Join("dept-kpi", "2026-q1.xlsx")
	kpi := sheetRows(t, sample, "KPI考核")
	goals := sheetRows(t, sample, "目标")
	tests := []struct {
		name  string
		goals func([][]string) [][]string
		want  string
	}{{
		// 上海 (B02, row 4 of KPI考核) loses its 财务部 预算达到率 target,
		// the 13th row of 目标 (header, 7 rows of 北京, then 上海's sixth).
		name: "missing",
		goals: func(g [][]string) [][]string {
			out := append([][]string{}, g[:13]...)
			return append(out, g[14:]...)
		},
		want: "2026-q1.xlsx: 目标 has no row for 分公司 上海, 部门 财务部, KPI 预算达到率 (needed by KPI考核!B4, 分公司编号 B02)\n",
	}, {
		// 北京's 销售收入 target given again at the end, row 72.
		name: "twice",
		goals: func(g [][]string) [][]string {
			return append(append([][]string{}, g...), []string{"北京", "销售中心", "销售收入", "1100"})
		},
		want: "2026-q1.xlsx: 目标!A72: 分公司 \"北京\", 部门 \"销售中心\" and KPI \"销售收入\" are already on row 2\n",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			copyFile(t, filepath.Join("dept-kpi", "rules.yaml"), filepath.Join(work, "rules.yaml"))
			in := filepath.Join(work, "2026-q1.xlsx")
			if err := workbook.WriteTables(in, workbook.SheetRows{Name: "KPI考核", Rows: kpi}, workbook.SheetRows{Name: "目标", Rows: tc.goals(goals)}); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "score", "2026-q1.xlsx")
			cmd.Dir = work
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("appraise score: %v, want exit code 1\n%s", err, stderr.String())
			}
			if stderr.String() != tc.want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), tc.want)
			}
			if _, err := os.Stat(filepath.Join(work, "2026-q1.scored.xlsx")); err == nil {
				t.Error("2026-q1.scored.xlsx was written")
			}
		})
	}
}

// TestDeptKPILookupNotNeeded explains 上海 (B02): its 员工管理 is
// 员工流失率 <= target and 员工满意度 >= target; 0.06 <= 0.05 is false,
// so the "and" is decided without the 员工满意度 target, which is never
// looked up, and the lookups say so instead of an empty line.
func TestDeptKPILookupNotNeeded(t *testing.T) {
	bin := buildAppraise(t)
	for _, tc := range []struct{ lang, found, skipped string }{
		{"en", "    目标值 of 目标 row 11, the row of 分公司 上海, 部门 销售中心, KPI 员工流失率: 0.05", "    not looked up: the formula did not need it"},
		{"zh", "    目标值：取自 目标 第 11 行，即 分公司 上海, 部门 销售中心, KPI 员工流失率 所在行：0.05", "    未查找：公式无需此值"},
	} {
		cmd := exec.Command(bin, "explain", "rules.yaml", "--workbook", "2026-q1.xlsx", "--row", "分公司编号=B02", "--lang", tc.lang)
		cmd.Dir = "dept-kpi"
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("appraise explain: %v\n%s", err, out)
		}
		want := strings.Join([]string{
			`  lookup(目标.目标值, 分公司, "销售中心", "员工流失率")`, tc.found,
			`  lookup(目标.目标值, 分公司, "销售中心", "员工满意度")`, tc.skipped, ""}, "\n")
		if !strings.Contains(string(out), want) {
			t.Errorf("--lang %s: the lookups do not hold\n%s\n%s", tc.lang, want, out)
		}
	}
}
