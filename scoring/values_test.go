package scoring_test

import "testing"

// TestBindValues checks the texts a column with values allows.
func TestBindValues(t *testing.T) {
	s := compile(t, `
columns:
  工号: {type: text}
  评价: {values: [优秀, 良好, 一般, 不足]}
  等级: {values: [A+, A, B], optional: true}
  不可抗力: {values: [是, 否], blank: 否}
  备注: {type: text, blank: 无}
params:
  满分: 100
metrics:
  合作:
    points: if(评价 = "优秀", 满分, if(评价 = "良好", 80, 60))
`)
	tests := []struct {
		col, raw string
		want     string
		err      string
	}{
		{"评价", "优秀", `"优秀"`, ""},
		{"评价", " 不足\t", `"不足"`, ""},
		{"评价", "很好", "", `评价 is "很好", not one of 优秀, 良好, 一般, 不足`},
		{"评价", "优 秀", "", `评价 is "优 秀", not one of 优秀, 良好, 一般, 不足`},
		{"评价", "", "", "评价 is blank: one of 优秀, 良好, 一般, 不足 is needed"},
		{"评价", "  ", "", "评价 is blank: one of 优秀, 良好, 一般, 不足 is needed"},
		{"等级", "A", `"A"`, ""},
		{"等级", "a", "", `等级 is "a", not one of A+, A, B`}, // letters are exact
		{"等级", "A ", `"A"`, ""},
		{"工号", "", `""`, ""},    // a text column without values takes anything
		{"不可抗力", "", `"否"`, ""}, // blank: 否
		{"不可抗力", " ", `"否"`, ""},
		{"不可抗力", "是", `"是"`, ""},
		{"备注", "", `"无"`, ""},
	}
	for _, tt := range tests {
		v, err := s.Bind(columnIndex(t, s, tt.col), tt.raw)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Bind(%s, %q) = %s, %v; want error %q", tt.col, tt.raw, show(v), err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Bind(%s, %q): %v", tt.col, tt.raw, err)
			continue
		}
		if got := show(v); got != tt.want {
			t.Errorf("Bind(%s, %q) = %s, want %s", tt.col, tt.raw, got, tt.want)
		}
	}
	// A bound value scores like any text: 良好 earns 80.
	r := score(t, s, "E001", "良好", "A", "", "")
	if got := show(r.Metric(0).Points); got != "80" {
		t.Errorf("合作 points for 良好 = %s, want 80", got)
	}
}
