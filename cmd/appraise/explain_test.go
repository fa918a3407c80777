package main

import (
	"testing"
)

// TestExplainFlags checks how the command line fills explainOptions,
// through runF, without reading any file.
func TestExplainFlags(t *testing.T) {
	tests := []struct {
		args            []string
		rules, metric   string
		value           string // the parsed --value
		workbook, sheet string
		rowKey, rowWant string
		wantErr         string
		valueErr        string // the usage error kept for a metric without a map
	}{
		{args: []string{"rules.yaml"}, rules: "rules.yaml"},
		{args: []string{"rules.yaml", "询单转化率"}, rules: "rules.yaml", metric: "询单转化率"},
		{args: []string{"r.yaml", "X", "--value", "74.5%"}, rules: "r.yaml", metric: "X", value: "0.745"},
		{args: []string{"r.yaml", "X", "--value", "７５％"}, rules: "r.yaml", metric: "X", value: "0.75"},
		{args: []string{"r.yaml", "X", "--value", "0"}, rules: "r.yaml", metric: "X", value: "0"},
		{args: []string{"r.yaml", "--workbook", "march.xlsx", "--row", "工号=E017"}, rules: "r.yaml", workbook: "march.xlsx", rowKey: "工号", rowWant: "E017"},
		{args: []string{"r.yaml", "X", "--workbook", "m.xlsx", "--row", " 姓名 = 王 小明 ", "--sheet", "三月"}, rules: "r.yaml", metric: "X", workbook: "m.xlsx", sheet: "三月", rowKey: "姓名", rowWant: "王 小明"},
		{args: []string{"r.yaml", "--workbook", "m.xlsx", "--row", "备注=a=b"}, rules: "r.yaml", workbook: "m.xlsx", rowKey: "备注", rowWant: "a=b"},

		{args: []string{}, wantErr: "explain takes a rule file and at most one metric, not 0 arguments"},
		{args: []string{"r.yaml", "a", "b"}, wantErr: "explain takes a rule file and at most one metric, not 3 arguments"},
		{args: []string{"r.yaml", "--value", "3"}, wantErr: "--value needs a metric: appraise explain r.yaml <metric> --value 3"},
		// Not numbers: a metric with a map takes them as texts, any
		// other metric refuses them when the run finds which it is.
		{args: []string{"r.yaml", "X", "--value", "3/4"}, rules: "r.yaml", metric: "X", value: "0", valueErr: `--value "3/4" is not a number`},
		{args: []string{"r.yaml", "X", "--value", "优秀"}, rules: "r.yaml", metric: "X", value: "0", valueErr: `--value "优秀" is not a number`},
		{args: []string{"r.yaml", "X", "--value", ""}, rules: "r.yaml", metric: "X", valueErr: `--value "" is not a number`},
		{args: []string{"r.yaml", "X", "--value", "1", "--workbook", "m.xlsx", "--row", "a=b"}, wantErr: "--value and --workbook do not go together: a person's row gives the values"},
		{args: []string{"r.yaml", "--workbook", "m.xlsx"}, wantErr: "--workbook needs --row <column>=<value> to pick the person, such as --row 工号=E017"},
		{args: []string{"r.yaml", "--row", "工号=E01"}, wantErr: "--row and --sheet need --workbook <file>"},
		{args: []string{"r.yaml", "--sheet", "s"}, wantErr: "--row and --sheet need --workbook <file>"},
		{args: []string{"r.yaml", "--workbook", "m.xlsx", "--row", "E017"}, wantErr: `--row must be <column>=<value>, such as 工号=E017, not "E017"`},
		{args: []string{"r.yaml", "--workbook", "m.xlsx", "--row", "工号="}, wantErr: `--row must be <column>=<value>, such as 工号=E017, not "工号="`},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdExplain, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if tt.valueErr != "" {
			checkUsageError(t, tt.args, got.valueErr, tt.valueErr)
		} else if got.valueErr != nil {
			t.Errorf("%q: value error %v", tt.args, got.valueErr)
		}
		value := ""
		if got.Value != "" {
			value = got.value.String()
		}
		if got.Rules != tt.rules || got.Metric != tt.metric || value != tt.value || got.Workbook != tt.workbook ||
			got.Sheet != tt.sheet || got.rowKey != tt.rowKey || got.rowWant != tt.rowWant {
			t.Errorf("%q: got rules %q metric %q value %q workbook %q sheet %q row %q=%q; want %q %q %q %q %q %q=%q",
				tt.args, got.Rules, got.Metric, value, got.Workbook, got.Sheet, got.rowKey, got.rowWant,
				tt.rules, tt.metric, tt.value, tt.workbook, tt.sheet, tt.rowKey, tt.rowWant)
		}
	}
}

func TestTableLines(t *testing.T) {
	// A Chinese character takes two cells: 基数 is as wide as 4 letters.
	got := tableLines([][]string{{"基数", "1000"}, {"full_bonus", "50", "x"}, {"全勤奖金额", ""}})
	want := []string{
		"基数        1000",
		"full_bonus  50    x",
		"全勤奖金额",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}
