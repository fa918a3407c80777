package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"appraise/rules"
	"appraise/workbook"

	"github.com/xuri/excelize/v2"
)

// TestTemplateFlags checks how the command line fills templateOptions,
// through runF, without writing anything.
func TestTemplateFlags(t *testing.T) {
	tests := []struct {
		args                  []string
		rules, scheme, output string
		force, quiet          bool
		wantErr               string
	}{
		{args: []string{"rules.yaml"}, rules: "rules.yaml", output: "rules.template.xlsx"},
		{args: []string{"cfg/cs.yml"}, rules: "cfg/cs.yml", output: "cfg/cs.template.xlsx"},
		{args: []string{"--scheme", "ecommerce-cs"}, scheme: "ecommerce-cs", output: "ecommerce-cs.template.xlsx"},
		{args: []string{"rules.yaml", "-o", "-", "--force", "-q"}, rules: "rules.yaml", output: "-", force: true, quiet: true},
		{args: []string{"--scheme", "ecommerce-cs", "-o", "三月/考核表.xlsx"}, scheme: "ecommerce-cs", output: "三月/考核表.xlsx"},
		{args: []string{}, wantErr: "template needs a rule file, or --scheme with a built-in scheme"},
		{args: []string{"a.yaml", "--scheme", "ecommerce-cs"}, wantErr: "give a rule file or --scheme, not both"},
		{args: []string{"a.yaml", "b.yaml"}, wantErr: "template takes one rule file, not 2 arguments"},
		{args: []string{"rules.yaml", "-o", "./rules.yaml"}, wantErr: "-o ./rules.yaml is the rule file"},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdTemplate, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if got.Rules != tt.rules || got.Scheme != tt.scheme || got.Output != tt.output || got.Force != tt.force || got.Quiet != tt.quiet {
			t.Errorf("%q: got rules %q scheme %q output %q force %v quiet %v; want %q %q %q %v %v",
				tt.args, got.Rules, got.Scheme, got.Output, got.Force, got.Quiet, tt.rules, tt.scheme, tt.output, tt.force, tt.quiet)
		}
	}
}

// TestTemplateFor checks what the template says about each kind of column:
// its note, and the check on its cells.
func TestTemplateFor(t *testing.T) {
	set, err := rules.Parse("rules.yaml", []byte(`
scheme: demo
title: 演示考核表
columns:
  工号: {type: text, key: true}
  询单人数: {aliases: [询单数, 咨询人数], min: 0}
  最终付款人数: {min: 0}
  响应时间: {header: 平均响应时间(秒), min: 0, max: 600}
  扣分: {max: 5}
  奖金: {optional: true, blank: 0}
  评价: {values: [优秀, 良好]}
  备注: {type: text}
  同事评分: {min: 0, max: 10, blank: none}
params:
  底薪: 800
metrics:
  转化率:
    value: 最终付款人数 / 询单人数
    bands:
      - {when: ">= 75%", points: 100}
      - {when: "< 75%", points: 0}
    weight: 50
  响应:
    points: if(响应时间 <= 30, 10, 0)
  合作:
    points: if(评价 = "优秀", 10, 5)
  互评: mean(同事评分)
flags:
  慢: 响应时间 > 60
total:
  label: 总分
  formula: 转化率.score + 响应.points + 合作.points - 扣分
pay:
  工资: 底薪 + 奖金 + total
`))
	if err != nil {
		t.Fatal(err)
	}
	got := templateFor(set)
	want := &workbook.Template{
		Sheet: "demo", // no sheet: in the rules, so the scheme
		Title: "演示考核表",
		Columns: []workbook.TemplateColumn{
			{Header: "工号", Text: true, Note: "text\nidentifies the person\nmay be blank",
				Check: workbook.Check{Blank: true}},
			{Header: "询单人数", Note: "a number, 0 or more\nmay not be blank\nalso accepted as the header: 询单数, 咨询人数\nused by metric 转化率",
				Check: workbook.Check{Number: true, Min: "0", Message: "a number, 0 or more"}},
			{Header: "最终付款人数", Note: "a number, 0 or more\nmay not be blank\nused by metric 转化率",
				Check: workbook.Check{Number: true, Min: "0", Message: "a number, 0 or more"}},
			{Header: "平均响应时间(秒)", Note: "a number from 0 to 600\nmay not be blank\ncalled 响应时间 in the rules\nused by metric 响应, flag 慢",
				Check: workbook.Check{Number: true, Min: "0", Max: "600", Message: "a number from 0 to 600"}},
			{Header: "扣分", Note: "a number, 5 or less\nmay not be blank\nused by 总分",
				Check: workbook.Check{Number: true, Max: "5", Message: "a number, 5 or less"}},
			{Header: "奖金", Note: "a number\na blank cell means 0\noptional: the sheet may leave this column out\nused by pay 工资",
				Check: workbook.Check{Number: true, Blank: true, Message: "a number"}},
			{Header: "评价", Text: true, Note: "one of 优秀, 良好\nmay not be blank\nused by metric 合作",
				Check: workbook.Check{Values: []string{"优秀", "良好"}, Message: "one of 优秀, 良好"}},
			{Header: "备注", Text: true, Note: "text\nmay be blank\nused by no rule: shown in the results only",
				Check: workbook.Check{Blank: true}},
			{Header: "同事评分", Note: "a number from 0 to 10\nmay be blank: no value, which mean() leaves out\nused by metric 互评",
				Check: workbook.Check{Number: true, Min: "0", Max: "10", Blank: true, Message: "a number from 0 to 10"}},
		},
	}
	if got.Sheet != want.Sheet || got.Title != want.Title || len(got.Columns) != len(want.Columns) {
		t.Fatalf("sheet %q title %q with %d columns; want %q %q %d", got.Sheet, got.Title, len(got.Columns), want.Sheet, want.Title, len(want.Columns))
	}
	for i := range want.Columns {
		if !reflect.DeepEqual(got.Columns[i], want.Columns[i]) {
			t.Errorf("column %d:\ngot  %#v\nwant %#v", i, got.Columns[i], want.Columns[i])
		}
	}
}

// TestTemplateFillAndScore is what an HR user does: init a built-in
// scheme, fill in the blank workbook for two agents and score it, with the
// appraise binary.
func TestTemplateFillAndScore(t *testing.T) {
	bin, err := exec.LookPath("appraise") // installed on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("appraise %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("init", "ecommerce-cs", "cs", "-q")
	path := filepath.Join(dir, "cs", "template.xlsx")
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	const sheet = "客服KPI"
	if got := x.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("sheets %q, want [%s]", got, sheet)
	}
	header := []string{"工号", "姓名", "询单人数", "最终付款人数", "拍下笔数", "支付宝付款笔数",
		"客服客单价", "店铺客单价", "接待人数", "回复过的客户数", "平均响应时间(秒)",
		"客户退款数", "客服成交数", "工作任务得分", "经验条数", "工作态度得分",
		"迟到早退次数", "有效请假天数", "奖金"}
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !slices.Equal(rows[0], []string{"客服部客服指标绩效考核表"}) || !slices.Equal(rows[1], header) {
		t.Fatalf("rows:\n%q\nwant the title, then\n%q", rows, header)
	}

	// Every header has a note; two of them in full.
	comments, err := x.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, c := range comments {
		var b strings.Builder
		for _, r := range c.Paragraph {
			b.WriteString(r.Text)
		}
		notes[c.Cell] = b.String()
	}
	if len(notes) != len(header) {
		t.Errorf("%d notes, want one on each of the %d headers", len(notes), len(header))
	}
	wantNotes := map[string]string{
		"C2": "询单人数\na number, 0 or more\nmay not be blank\nalso accepted as the header: 询单数\nused by metric 询单转化率",
		"S2": "奖金\na number\na blank cell means 0\noptional: the sheet may leave this column out\nused by pay 月工资",
		"Q2": "迟到早退次数\na number, 0 or more\nmay not be blank\nused by metric 考勤, pay 全勤奖",
	}
	for cell, want := range wantNotes {
		if notes[cell] != want {
			t.Errorf("note on %s:\n%s\nwant:\n%s", cell, notes[cell], want)
		}
	}

	// Every number column is checked; 工号 and 姓名, text without
	// values, are not.
	dvs, err := x.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]string{}
	for _, dv := range dvs {
		checks[dv.Sqref] = dv.Type + " " + dv.Operator + " " + dv.Formula1 + " " + dv.Formula2
	}
	if len(checks) != len(header)-2 {
		t.Errorf("%d checks, want %d: %q", len(checks), len(header)-2, checks)
	}
	for ref, want := range map[string]string{
		"C3:C1048576": "decimal greaterThanOrEqual 0 ",
		"N3:N1048576": "decimal between 0 10",                 // 工作任务得分 is rated 0..10
		"P3:P1048576": "decimal between 0 5",                  // 工作态度得分 0..5
		"S3:S1048576": "decimal between -9.99E+307 9.99E+307", // 奖金: any number
	} {
		if checks[ref] != want {
			t.Errorf("check on %s: %q, want %q", ref, checks[ref], want)
		}
	}

	// Two agents, worked by hand from SCHEMES.md §1:
	//
	// E001: 询单转化率 75/100 = 0.75 -> ">= 75%" 100 x 35% = 35
	//       支付率 46/50 = 0.92 -> ">= 92%" 100 x 20% = 20
	//       落实客单价 112/100 = 1.12 -> ">= 1.12" 100 x 10% = 10
	//       旺旺回复率 196/200 = 0.98 -> "[97%, 99%)" 80 x 5% = 4
	//       旺旺响应率 45 s -> "(30, 45]" 80 x 5% = 4
	//       工作任务 8, 工作态度 4, 考勤 10 - 0 - 0 = 10, 客户关系管理 floor(7/5) = 1
	//       total 35 + 20 + 10 + 4 + 4 + 8 + 4 + 10 + 1 = 96
	//       绩效工资 750 x 96 / 100 = 720; 全勤奖 50 (no lateness, no leave);
	//       奖金 blank = 0; 月工资 800 + 200 + 200 + 720 + 50 + 0 = 1970
	// E002: 询单转化率 30/60 = 0.5 -> "[50%, 65%)" 60 x 35% = 21
	//       支付率 34/40 = 0.85 -> "[85%, 92%)" 80 x 20% = 16
	//       落实客单价 103/100 = 1.03 -> "< 1.06" 0
	//       旺旺回复率 94/100 = 0.94 -> "< 95%" 0
	//       旺旺响应率 56 s -> "> 55" 0
	//       工作任务 6.5, 工作态度 3, 考勤 10 - 2 x 2 - 1.5 = 4.5,
	//       客户关系管理 floor(1/5) = 0; 经验条数 1 < 2 raises 经验不足
	//       total 21 + 16 + 0 + 0 + 0 + 6.5 + 3 + 4.5 + 0 = 51
	//       绩效工资 750 x 51 / 100 = 382.5; 全勤奖 0 (late twice);
	//       月工资 800 + 200 + 200 + 382.5 + 0 + 300 = 1882.5
	agents := [][]any{
		{"E001", "张三", 100, 75, 50, 46, 112, 100, 200, 196, 45, 2, 75, 8, 7, 4, 0, 0, nil},
		{"E002", "李四", 60, 30, 40, 34, 103, 100, 100, 94, 56, 1, 30, 6.5, 1, 3, 2, 1.5, 300},
	}
	// The rules read the month from the title, as HR completes it.
	if err := x.SetCellValue(sheet, "A1", "客服部客服指标绩效考核表 2026年3月"); err != nil {
		t.Fatal(err)
	}
	for i, a := range agents {
		cell, _ := excelize.CoordinatesToCellName(1, 3+i)
		if err := x.SetSheetRow(sheet, cell, &a); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SaveAs(filepath.Join(dir, "cs", "march.xlsx")); err != nil {
		t.Fatal(err)
	}

	out := run("score", "cs/march.xlsx")
	if want := "appraise: scored 2 rows of march.xlsx (2026-03), sheet 客服KPI, with cs/rules.yaml (ecommerce-cs): wrote cs/march.scored.xlsx\n" +
		"appraise: history: no earlier results of ecommerce-cs found: runs start with this period, and figures that need earlier periods have no value\n"; out != want {
		t.Errorf("score printed %q, want %q", out, want)
	}
	scored, err := workbook.Open(filepath.Join(dir, "cs", "march.scored.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer scored.Close()
	cols := []workbook.Column{}
	for _, h := range []string{"工号", "总分", "标记", "绩效工资", "全勤奖", "月工资"} {
		cols = append(cols, workbook.Column{Name: h, Headers: []string{h}})
	}
	tb, err := scored.Table(sheet, cols)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	var got []string
	for tb.Next() {
		r := tb.Row()
		var line []string
		for _, idx := range tb.Index {
			line = append(line, r.Cells[idx])
		}
		got = append(got, strings.Join(line, "|"))
	}
	if err := tb.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"E001|96||720|50|1970",
		"E002|51|经验不足|382.5|0|1882.5",
	}
	if !slices.Equal(got, want) {
		t.Errorf("scored:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "cs", "template.xlsx")); err != nil {
		t.Errorf("the blank template is gone: %v", err)
	}
}
