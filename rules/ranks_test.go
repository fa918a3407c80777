package rules_test

import (
	"testing"

	"appraise/rules"
)

const rankBase = `columns:
  工号: {type: text, key: true}
  部门: {type: text}
  得分: {}
metrics:
  业绩: {points: 得分}
`

func TestParseRanks(t *testing.T) {
	src := rankBase + `ranks:
  名次: total
  倒数: {of: 业绩.points, order: lowest first, ties: dense, within: 部门, description: 每月倒数三名需整改}
flags:
  需整改: 倒数 <= 3
`
	s, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	if len(s.Ranks) != 2 {
		t.Fatalf("%d ranks, want 2", len(s.Ranks))
	}
	a, b := s.Ranks[0], s.Ranks[1]
	if a.Name != "名次" || a.Of.Source != "total" || a.LowestFirst || a.Dense || a.Within != "" || a.Pos.Line != 8 {
		t.Errorf("名次: got %+v", a)
	}
	if b.Name != "倒数" || b.Of.Source != "业绩.points" || !b.LowestFirst || !b.Dense || b.Within != "部门" || b.Description != "每月倒数三名需整改" {
		t.Errorf("倒数: got %+v", b)
	}
	if !s.NeedsSheet() {
		t.Error("NeedsSheet: false for rules with ranks")
	}
}

func TestParseRankErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no of", `ranks:
  名次: {order: lowest first}
`, "rules.yaml:8:3: rank 名次 has no of: give the figure it ranks\n    hint: for example of: total"},
		{"order", `ranks:
  名次: {of: total, order: 倒序}
`, `rules.yaml:8:26: order must be highest first or lowest first, not "倒序"`},
		{"ties", `ranks:
  名次: {of: total, ties: shared}
`, `rules.yaml:8:25: ties must be competition or dense, not "shared"`},
		{"within", `ranks:
  名次: {of: total, within: 科室}
`, "rules.yaml:8:27: rank 名次: within names \"科室\", which is not a column\n    hint: within takes the column whose values split the sheet into groups, such as 部门"},
		{"not a number", `ranks:
  名次: 部门
`, "rules.yaml:8:7: rank 名次 must be a number, but 部门 is text"},
		{"rank of a rank", `ranks:
  名次: total
  再排: {of: 名次 * 2}
`, "rules.yaml:9:12: rank 再排 ranks by 名次 * 2, which needs rank 名次\n    hint: a rank is computed from figures that need no rank"},
		{"result header", `ranks:
  得分: total
`, "rules.yaml:8:3: the name 得分 is already used at line 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("rules.yaml", []byte(rankBase+tt.src))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
