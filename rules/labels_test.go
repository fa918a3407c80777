package rules_test

import (
	"testing"

	"appraise/rules"
)

// TestLabelsLanguage checks the labels a rule file gets for those it
// leaves out: in Chinese for a file in Chinese, English otherwise, and
// English always for CSV.
func TestLabelsLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, src                   string
		lang, total, points, detail string // of Local
	}{
		{"chinese names", "columns:\n  工号: {type: text, key: true}\n  a: {}\nmetrics:\n  甲: {points: a}\n",
			"zh", "总分", "{metric}得分", "明细"},
		{"english names", "columns:\n  id: {type: text, key: true}\n  a: {}\nmetrics:\n  m: {points: a}\n",
			"en", "total", "{metric} points", "detail"},
		{"a chinese title", "title: 考核\ncolumns:\n  id: {type: text, key: true}\n  a: {}\nmetrics:\n  m: {points: a}\n",
			"zh", "总分", "{metric}得分", "明细"},
		{"language given", "columns:\n  工号: {type: text, key: true}\n  a: {}\nmetrics:\n  甲: {points: a}\nlabels: {language: en}\n",
			"en", "total", "{metric} points", "detail"},
		{"labels given win", "columns:\n  工号: {type: text, key: true}\n  a: {}\nmetrics:\n  甲: {points: a}\ntotal: {label: 合计得分}\nlabels: {points: \"{metric}分\", detail: 评分明细}\n",
			"zh", "合计得分", "{metric}分", "评分明细"},
		// 甲得分 heads an input column: the next template is taken.
		{"points clash with an input", "columns:\n  工号: {type: text, key: true}\n  甲得分: {}\nmetrics:\n  甲: {points: 甲得分}\n",
			"zh", "总分", "{metric}分数", "明细"},
		// So does 备注: the English label, which CSV uses too.
		{"notes clash with an input", "columns:\n  工号: {type: text, key: true}\n  备注: {type: text}\n  a: {}\nmetrics:\n  甲: {points: a}\n",
			"zh", "总分", "{metric}得分", "明细"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := rules.Parse("rules.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			l := s.Local
			if l.Lang != tc.lang || l.Total != tc.total || l.Points != tc.points || l.Detail != tc.detail {
				t.Errorf("Local: %s %q %q %q, want %s %q %q %q", l.Lang, l.Total, l.Points, l.Detail, tc.lang, tc.total, tc.points, tc.detail)
			}
			if tc.name == "notes clash with an input" && l.Notes != "notes" {
				t.Errorf("notes: %q, want notes", l.Notes)
			}
			if tc.name != "labels given win" && (s.Labels.Total != "total" || s.Labels.Points != "{metric} points" || s.Labels.Detail != "detail") {
				t.Errorf("Labels: %q %q %q, want the English ones", s.Labels.Total, s.Labels.Points, s.Labels.Detail)
			}
		})
	}
}

func TestLabelsErrors(t *testing.T) {
	head := "columns:\n  工号: {type: text, key: true}\n  a: {}\nmetrics:\n  甲: {points: a}\n"
	runErrorCases(t, []errorCase{
		{"unknown language", head + "labels: {language: fr}\n", []string{
			`rules.yaml:6:20: labels.language is "fr", not zh or en`,
			`    hint: write zh for Chinese sheet names and headers, en for English`,
		}},
		{"empty label", head + "labels: {notes: \"\"}\n", []string{
			`rules.yaml:6:17: labels.notes is empty: give the text, or leave the key out`,
		}},
		{"bad sheet name", head + "labels: {detail: \"明细/全部\"}\n", []string{
			`rules.yaml:6:18: labels.detail: "明细/全部" holds "/", which a sheet name may not`,
		}},
		{"long sheet name", head + "labels: {summary: abcdefghijklmnopqrstuvwxyz0123456}\n", []string{
			`rules.yaml:6:19: labels.summary: "abcdefghijklmnopqrstuvwxyz0123456" is longer than the 31 characters of a sheet name`,
		}},
		{"two sheets of one name", head + "labels: {summary: 汇总, detail: 汇总}\n", []string{
			`rules.yaml:6:31: labels.detail names the sheet "汇总", as labels.summary does`,
		}},
		{"two group columns", "columns:\n  工号: {type: text, key: true}\n  部门: {type: text, group: true}\n  组: {type: text, group: true}\n  a: {}\nmetrics:\n  甲: {points: a}\n", []string{
			`rules.yaml:4:26: column 组 is a group column, as 部门 (line 3) is: the summary is made per one column`,
		}},
	})
}
