package rules_test

import (
	"testing"

	"appraise/rules"
)

func TestParseMap(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "map and bands",
			// "    map: " is 9 characters: the mapping opens at column 10.
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    map: {优秀: 100}
    bands:
      - {when: ">= 0", points: 1}
`,
			want: []string{`rules.yaml:6:10: metric 合作 has both map and bands: keep one`},
		},
		{
			name: "map and points",
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    points: 10
    map: {优秀: 100}
`,
			want: []string{`rules.yaml:7:10: metric 合作 has both map and points: keep one`},
		},
		{
			name: "no value",
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    map: {优秀: 100}
`,
			want: []string{
				`rules.yaml:4:3: metric 合作 needs a value or points`,
				`rules.yaml:5:10: metric 合作 has a map but no value for it to look up`,
			},
		},
		{
			name: "number value",
			// "    value: " is 11 characters: 得分 is at column 12.
			src: `columns:
  得分: {}
metrics:
  合作:
    value: 得分
    map: {优秀: 100}
`,
			want: []string{`rules.yaml:5:12: metric 合作 has a map, so its value must be text, but 得分 is a number`},
		},
		{
			name: "points not numbers, empty text",
			// "    map: {" is 10 characters; 优秀 at 11, its points at 15;
			// the empty key "" at 22.
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    map: {优秀: 很多, "": 3}
`,
			want: []string{
				`rules.yaml:6:15: the points of 优秀 must be a number, not "很多"`,
				`rules.yaml:6:19: the map of 合作: a text may not be empty`,
			},
		},
		{
			name: "text twice, empty map, map not a mapping",
			src: `columns:
  评价: {type: text}
metrics:
  a:
    value: 评价
    map: {优秀: 100, 优秀: 90}
  b:
    value: 评价
    map: {}
  c:
    value: 评价
    map: [优秀]
`,
			want: []string{
				`rules.yaml:6:20: "优秀" is given twice in the map of a (first at line 6)`,
				`rules.yaml:9:10: metric b has an empty map`,
				`rules.yaml:12:10: map must be a mapping of texts to points, such as {优秀: 100, 良好: 80}, not a list`,
			},
		},
		{
			name: "map_other without map",
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    points: 1
    map_other: 1
`,
			want: []string{`rules.yaml:7:16: metric 合作 has map_other but no map`},
		},
		{
			name: "points above max",
			// 良好's points start at column 24: "    map: {" 10,
			// "优秀: 100, " 9, "良好: " 4.
			src: `columns:
  评价: {type: text}
metrics:
  合作:
    value: 评价
    map: {优秀: 100, 良好: 800}
    map_other: 120
    max: 100
`,
			want: []string{
				`rules.yaml:6:24: points 800 are above the metric's max of 100`,
				`rules.yaml:7:16: points 120 are above the metric's max of 100`,
			},
		},
		{
			name: "values without entries and entries not values",
			// "    map: {" is 10 characters: 优秀 at 11, 很好 at 11+9 = 20.
			src: `columns:
  评价: {values: [优秀, 良好, 一般, 不足]}
metrics:
  合作:
    value: 评价
    map: {优秀: 100, 很好: 90, 一般: 60}
`,
			want: []string{
				`rules.yaml:5:12: the map of 合作 has no points for "良好" and "不足", which column 评价 allows`,
				`    hint: add them to the map, or give the points of any other text with map_other`,
				`rules.yaml:6:20: the map of 合作: "很好" is not one of the values of column 评价`,
				`    hint: the values are 优秀, 良好, 一般, 不足`,
			},
		},
	})
}

func TestParseMapAccepted(t *testing.T) {
	s, err := rules.Parse("rules.yaml", []byte(`columns:
  评价: {values: [优秀, 良好, 一般, 不足]}
  渠道: {type: text}
metrics:
  合作:
    value: 评价
    map: {优秀: 100, 良好: 80}
    map_other: 40
    weight: 20
    max: 100
  渠道分:
    value: 渠道
    map: {" 品牌供应商 ": 3, 全国总代理: 2}
`))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Metrics[0]
	if !m.Scored() || len(m.Map) != 2 || m.MapOther == nil || m.MapOther.Value.String() != "40" {
		t.Fatalf("合作: scored %v, map %v, map_other %v", m.Scored(), m.Map, m.MapOther)
	}
	if got := []string{m.Entry(0), m.Entry(1), m.Entry(2), m.Entry(3), m.Entry(-1)}; got[0] != "优秀" || got[1] != "良好" || got[2] != rules.OtherText || got[3] != "" || got[4] != "" {
		t.Errorf("entries %q", got)
	}
	if p := m.EntryPoints(2); p.Value.String() != "40" {
		t.Errorf("map_other points %s, want 40", p.Value)
	}
	// The texts are trimmed of spaces.
	if got := s.Metrics[1].MapTexts(); len(got) != 2 || got[0] != "品牌供应商" || got[1] != "全国总代理" {
		t.Errorf("texts %q", got)
	}
}
