package rules_test

import (
	"os"
	"testing"

	"appraise/rules"
)

// deptRules is the 部门职责 part of the dept-service scheme (SCHEMES.md
// §5) with the weights of the document: 40 + 20 + 20 + 10 + 10 = 100.
const deptRules = `columns:
  a: {}
sections:
  部门职责: {weight: 30}
metrics:
  售前售中售后服务: {section: 部门职责, points: a, weight: 40}
  质量信息反馈: {section: 部门职责, points: a, weight: 20}
  用户培训: {section: 部门职责, points: a, weight: 20}
  客户档案标准化: {section: 部门职责, points: a, weight: 10}
  客户档案及时更新: {section: 部门职责, points: a, weight: 10}
total:
  adds_up_to: 30
`

func TestParseSectionParts(t *testing.T) {
	runWarnCases(t, []warnCase{
		{
			// 40 + 20 + 20 + 10 + 10 = 100 inside; 30 at the top, as stated.
			name: "weights add up",
			src:  deptRules,
		},
		{
			// 40 + 20 + 20 + 10 = 90: one item of 客户档案 was left out.
			name: "weighted section short",
			src: `columns:
  a: {}
sections:
  部门职责: {weight: 100}
metrics:
  售前售中售后服务: {section: 部门职责, points: a, weight: 40}
  质量信息反馈: {section: 部门职责, points: a, weight: 20}
  用户培训: {section: 部门职责, points: a, weight: 20}
  客户档案: {section: 部门职责, points: a, weight: 10}
`,
			want: []string{
				`rules.yaml:4:3: warning: the parts of 部门职责 add up to 90, not 100`,
				`    hint: 售前售中售后服务 40 + 质量信息反馈 20 + 用户培训 20 + 客户档案 10; if 90 is meant, write adds_up_to: 90 under 部门职责`,
			},
		},
		{
			name: "section acknowledges its sum",
			src: `columns:
  a: {}
sections:
  部门职责: {weight: 100, adds_up_to: 90}
metrics:
  售前售中售后服务: {section: 部门职责, points: a, weight: 70}
  客户档案: {section: 部门职责, points: a, weight: 20}
`,
		},
		{
			// adds_up_to says 90, the parts say 70 + 10 = 80.
			name: "section sum differs from adds_up_to",
			src: `columns:
  a: {}
sections:
  部门职责: {weight: 100, adds_up_to: 90}
metrics:
  售前售中售后服务: {section: 部门职责, points: a, weight: 70}
  客户档案: {section: 部门职责, points: a, weight: 10}
`,
			want: []string{
				`rules.yaml:4:35: warning: the parts of 部门职责 add up to 80, not 90 as adds_up_to says`,
				`    hint: 售前售中售后服务 70 + 客户档案 10`,
			},
		},
		{
			// A points section's items add up to its points: 10 + 10 + 5 = 25, not 20.
			name: "points section",
			src: `columns:
  a: {}
sections:
  客户: {points: 20}
  潜能: {points: 80}
metrics:
  客户回访: {section: 客户, points: a, max: 10}
  厂家资料落实: {section: 客户, points: a, max: 10}
  投诉处理及时性: {section: 客户, points: a, max: 5}
  主动改进: {section: 潜能, points: a, max: 80}
`,
			want: []string{
				`rules.yaml:4:3: warning: the parts of 客户 add up to 25, not 20`,
				`    hint: 客户回访 10 + 厂家资料落实 10 + 投诉处理及时性 5; if 25 is meant, write adds_up_to: 25 under 客户`,
			},
		},
		{
			// §5: 30 + 30 + 20 = 80, and the total says nothing about it.
			name: "top level short, at total",
			src: `columns:
  a: {}
  重关指标得分: {}
sections:
  部门职责: {weight: 30}
  部门计划: {weight: 30}
  客户评价: {weight: 20}
metrics:
  职责: {section: 部门职责, points: a, weight: 100}
  计划: {section: 部门计划, points: a, weight: 100}
  评价: {section: 客户评价, points: a, weight: 100}
total:
  formula: (部门职责 * 30% + 部门计划 * 30% + 客户评价 * 20%) * 重关指标得分 / 100
`,
			want: []string{
				`rules.yaml:12:1: warning: the parts of the total add up to 80, not 100`,
				`    hint: 部门职责 30 + 部门计划 30 + 客户评价 20; if 80 is meant, write adds_up_to: 80 under total:`,
			},
		},
		{
			name: "top level acknowledged",
			src: `columns:
  a: {}
sections:
  部门职责: {weight: 30}
  部门计划: {weight: 30}
  客户评价: {weight: 20}
metrics:
  职责: {section: 部门职责, points: a, weight: 100}
  计划: {section: 部门计划, points: a, weight: 100}
  评价: {section: 客户评价, points: a, weight: 100}
total:
  adds_up_to: 80
`,
		},
		{
			// Without total: the warning goes at metrics:. A metric with no
			// weight and no max gives bonus points and is not a part; one
			// with a max counts its max: 60 + 10 = 70.
			name: "top level short, at metrics",
			src: `columns:
  a: {}
metrics:
  转化率: {points: a, weight: 60}
  考勤: {points: a, max: 10}
  奖励: {points: a}
  退款率: a
`,
			want: []string{
				`rules.yaml:3:1: warning: the parts of the total add up to 70, not 100`,
				`    hint: 转化率 60 + 考勤 10; if 70 is meant, write adds_up_to: 70 under total:`,
			},
		},
		{
			// Top-level metrics and sections are listed in file order:
			// 考勤 10 + A 70 + B 15 = 95.
			name: "top level mixes metrics and sections",
			src: `columns:
  a: {}
metrics:
  考勤: {points: a, max: 10}
  a1: {section: A, points: a, weight: 100}
  b1: {section: B, points: a, max: 15}
sections:
  A: {weight: 70}
  B: {points: 15}
`,
			want: []string{
				`rules.yaml:3:1: warning: the parts of the total add up to 95, not 100`,
				`    hint: 考勤 10 + A 70 + B 15; if 95 is meant, write adds_up_to: 95 under total:`,
			},
		},
		{
			name: "total differs from adds_up_to",
			src: `columns:
  a: {}
metrics:
  转化率: {points: a, weight: 60}
total: {adds_up_to: 80}
`,
			want: []string{
				`rules.yaml:5:21: warning: the parts of the total add up to 60, not 80 as adds_up_to says`,
				`    hint: 转化率 60`,
			},
		},
		{
			// Only bonus points: nothing states a size, so nothing is checked.
			name: "no sized parts",
			src: `columns:
  a: {}
metrics:
  奖励: {points: a}
`,
		},
	})
}

// TestParseExampleAddsUp checks that the ecommerce-cs rules give no
// warning: 35 + 20 + 10 + 5 + 5 weights and 10 + 5 + 10 max points make
// 100, and 客户关系管理 gives bonus points outside them.
func TestParseExampleAddsUp(t *testing.T) {
	src, err := os.ReadFile("../examples/ecommerce-cs/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := rules.Parse("rules.yaml", src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(s.Warnings) > 0 {
		t.Errorf("warnings:\n%v", s.Warnings)
	}
}

func TestParseSections(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "unknown section",
			src: `columns:
  a: {}
sections:
  部门职责: {weight: 30}
  部门计划: {weight: 70}
metrics:
  x: {section: 部门职则, points: a, weight: 100}
  y: {section: 部门计划, points: a, weight: 100}
`,
			want: []string{
				`rules.yaml:4:3: section 部门职责 holds no metric`,
				`    hint: write section: 部门职责 under each metric it holds, or remove it`,
				`rules.yaml:7:16: metric x: unknown section "部门职则"`,
				`    hint: did you mean "部门职责"?`,
			},
		},
		{
			name: "section but no sections",
			src: `columns:
  a: {}
metrics:
  x: {section: 客户, points: a, max: 100}
`,
			want: []string{
				`rules.yaml:4:16: metric x: unknown section "客户"`,
				`    hint: declare it under sections:, e.g. sections: {客户: {weight: 30}}`,
			},
		},
		{
			name: "both weight and points",
			src: `columns:
  a: {}
sections:
  客户: {weight: 60, points: 60}
metrics:
  x: {section: 客户, points: a, max: 60}
`,
			want: []string{`rules.yaml:4:28: section 客户 has both a weight and points: keep one`},
		},
		{
			name: "neither weight nor points",
			src: `columns:
  a: {}
sections:
  客户: {description: 客户类指标}
  潜能:
metrics:
  x: {section: 客户, points: a, max: 60}
  y: {section: 潜能, points: a, max: 40}
`,
			want: []string{
				`rules.yaml:4:3: section 客户 needs a weight or points`,
				`    hint: weight: 30 scores it on 100 and counts 30/100 of it in the total; points: 60 adds its points as they are`,
				`rules.yaml:5:3: section 潜能 needs a weight or points`,
				`    hint: weight: 30 scores it on 100 and counts 30/100 of it in the total; points: 60 adds its points as they are`,
			},
		},
		{
			name: "section as a number",
			src: `columns:
  a: {}
sections:
  客户: 60
metrics:
  x: {section: 客户, points: a, max: 60}
`,
			want: []string{
				`rules.yaml:4:7: section 客户 must be a mapping, not "60"`,
				`    hint: write 客户: {weight: 60} to score it on 100, or 客户: {points: 60} to add its points`,
			},
		},
		{
			name: "weight in percent",
			src: `columns:
  a: {}
sections:
  客户: {weight: 30%}
metrics:
  x: {section: 客户, points: a, weight: 100}
total: {adds_up_to: 30}
`,
			want: []string{
				`rules.yaml:4:16: weight 30%: write the weight without %`,
				`    hint: weight: 30 counts 30/100 of the section's score in the total`,
			},
		},
		{
			name: "unknown section field",
			src: `columns:
  a: {}
sections:
  客户: {wieght: 30}
metrics:
  x: {section: 客户, points: a, weight: 100}
`,
			want: []string{
				`rules.yaml:4:3: section 客户 needs a weight or points`,
				`    hint: weight: 30 scores it on 100 and counts 30/100 of it in the total; points: 60 adds its points as they are`,
				`rules.yaml:4:8: unknown field "wieght" in section 客户`,
				`    hint: did you mean "weight"?`,
			},
		},
		{
			name: "section named like a metric",
			src: `columns:
  a: {}
sections:
  客户: {points: 100}
metrics:
  客户: {section: 客户, points: a, max: 100}
`,
			want: []string{`rules.yaml:6:3: the name 客户 is already used at line 4`},
		},
		{
			name: "a section has no .score",
			src: `columns:
  a: {}
sections:
  客户: {weight: 100}
metrics:
  x: {section: 客户, points: a, weight: 100}
pay:
  p: 客户.score * 10
`,
			want: []string{`rules.yaml:8:6: 客户.score: a section's name is its score: write 客户`},
		},
		{
			name: "section in a cycle",
			src: `columns:
  a: {}
sections:
  客户: {weight: 100}
metrics:
  x: {section: 客户, points: 客户 + a, weight: 100}
`,
			want: []string{`rules.yaml:4:3: 客户 depends on itself: 客户 -> x -> 客户`},
		},
		{
			name: "section column heads an input column",
			src: `columns:
  客户分: {}
sections:
  客户: {weight: 100}
metrics:
  x: {section: 客户, points: 客户分, weight: 100}
labels:
  sections: "{section}分"
`,
			want: []string{
				`rules.yaml:4:3: section 客户 would head a result column "客户分", the header of input column 客户分`,
				`    hint: change labels.sections, or rename the section`,
			},
		},
	})
}

// gradeTable is the grade table of SCHEMES.md §6, as the reading there
// gives it.
const gradeTable = `grades:
  label: 等级
  bands:
    - {when: ">= 91", grade: 优, coefficient: 1.3}
    - {when: "[81, 91)", grade: 良, coefficient: 1.1}
    - {when: "[71, 81)", grade: 中, coefficient: 1.0}
    - {when: "[61, 71)", grade: 基本合格, coefficient: 0.8}
    - {when: "< 61", grade: 不合格, coefficient: 0.4}
`

func TestParseGrades(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "grades in formulas",
			src: `columns:
  a: {}
  净利润: {}
metrics:
  x: {points: a, max: 100}
` + gradeTable + `flags:
  不合格: grade = "不合格"
pay:
  提成: 净利润 * 15% * coefficient
`,
		},
		{
			name: "grade without grades",
			src: `columns:
  a: {}
flags:
  差: grade = "D"
pay:
  p: a * coefficient
`,
			want: []string{
				`rules.yaml:4:6: unknown name "grade"`,
				`    hint: grade comes from a grades table, and these rules have none`,
				`rules.yaml:6:10: unknown name "coefficient"`,
				`    hint: coefficient comes from a grades table, and these rules have none`,
			},
		},
		{
			name: "coefficient without coefficients",
			src: `columns:
  a: {}
metrics:
  x: {points: a, max: 100}
grades:
  - {when: ">= 60", grade: 合格}
  - {when: "< 60", grade: 不合格}
pay:
  p: a * coefficient
`,
			want: []string{
				`rules.yaml:9:10: unknown name "coefficient"`,
				`    hint: coefficient comes from the grades table, whose bands give none: add coefficient: to each`,
			},
		},
		{
			name: "grade is text",
			src: `columns:
  a: {}
metrics:
  x: {points: a, max: 100}
` + gradeTable + `flags:
  好: grade >= 90
  差: grade = 优
pay:
  p: a * grade
`,
			want: []string{
				`rules.yaml:14:6: >= needs a number, but grade is text`,
				`rules.yaml:15:14: unknown name "优"`,
				`    hint: a grade is text: write it in quotes, grade = "优"`,
				`rules.yaml:17:10: * needs a number, but grade is text`,
			},
		},
		{
			name: "reserved names",
			src: `columns:
  grade: {}
params:
  coefficient: 1
`,
			want: []string{
				`rules.yaml:2:3: "grade" is a reserved word: choose another name`,
				`rules.yaml:4:3: "coefficient" is a reserved word: choose another name`,
			},
		},
		{
			name: "grade band problems",
			src: `columns:
  a: {}
metrics:
  x: {points: a, max: 100}
grades:
  bands:
    - {when: ">= 90", grade: A, coefficient: 1.2}
    - {when: "[80, 90)", grade: B}
    - {when: "80 to 70", grade: C, coefficient: 1}
    - {grade: D, coefficient: 0.5}
    - {when: "< 70", points: 0, coefficient: 0}
`,
			want: []string{
				`rules.yaml:8:7: grade B has no coefficient, but other grades have one`,
				`    hint: give every grade a coefficient, or none`,
				`rules.yaml:9:15: when "80 to 70": write a comparison such as ">= 75%" or an interval such as "[65%, 75%)"`,
				`rules.yaml:10:7: a grade band needs when, the range it covers, e.g. when: "[81, 91)"`,
				`rules.yaml:11:7: a grade band needs a grade, e.g. grade: 良`,
				// The bands that did parse leave [70, 80) ungraded.
				`rules.yaml:11:15: no band holds values in [70, 80)`,
				`    hint: make the bands meet, e.g. when: "< 80"`,
				`rules.yaml:11:22: unknown field "points" in a grade band`,
				`    hint: the fields are when, grade, coefficient`,
			},
		},
		{
			name: "no bands",
			src: `columns:
  a: {}
grades:
  label: 等级
`,
			want: []string{`rules.yaml:4:3: grades needs bands, e.g. - {when: ">= 90", grade: A, coefficient: 1.2}`},
		},
		{
			name: "grades as a number",
			src: `columns:
  a: {}
grades: 5
`,
			want: []string{`rules.yaml:3:9: grades must be a mapping with bands:, or a list of bands, not "5"`},
		},
		{
			name: "empty bands",
			src: `columns:
  a: {}
grades:
  bands: []
`,
			want: []string{`rules.yaml:4:10: grades: the list of bands is empty`},
		},
		{
			name: "unknown grades field",
			src: `columns:
  a: {}
grades:
  lable: 等级
  bands:
    - {when: ">= 0", grade: A}
`,
			want: []string{
				`rules.yaml:4:3: unknown field "lable" in grades`,
				`    hint: did you mean "label"?`,
			},
		},
		{
			name: "of must be a number",
			src: `columns:
  a: {}
  部门: {type: text}
grades:
  of: 部门
  bands:
    - {when: ">= 0", grade: A}
`,
			want: []string{`rules.yaml:5:7: grades of must be a number, but 部门 is text`},
		},
		{
			name: "of an unknown name",
			src: `columns:
  a: {}
grades:
  of: totl
  bands:
    - {when: ">= 0", grade: A}
`,
			want: []string{
				`rules.yaml:4:7: unknown name "totl"`,
				`    hint: did you mean "total"?`,
			},
		},
		{
			name: "total depends on the grade",
			src: `columns:
  a: {}
metrics:
  x: {points: a, max: 100}
total:
  formula: x.points * coefficient
` + gradeTable,
			want: []string{`rules.yaml:6:3: total depends on itself: total -> grade -> total`},
		},
		{
			name: "grade label heads an input column",
			src: `columns:
  等级: {type: text}
` + gradeTable,
			want: []string{
				`rules.yaml:4:3: the grade label would head a result column "等级", the header of input column 等级`,
				`    hint: change the grades' label`,
			},
		},
	})
}

func TestParseGradeTable(t *testing.T) {
	s, err := rules.Parse("rules.yaml", []byte(`columns:
  a: {}
metrics:
  x: {value: a, bands: [{when: ">= 0", points: 100}], max: 100}
`+gradeTable))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	g := s.Grades
	if g == nil || len(g.Bands) != 5 {
		t.Fatalf("Grades = %+v, want 5 bands", g)
	}
	if b := g.Bands[1]; b.Grade != "良" || b.Coefficient == nil || b.Coefficient.Value.String() != "1.1" || !b.LoIncl || b.HiIncl {
		t.Errorf("band 1 = %+v, want 良 1.1 on [81, 91)", b)
	}
	if s.Labels.Grade != "等级" || s.Labels.Coefficient != "coefficient" {
		t.Errorf("labels %q, %q; want 等级, coefficient", s.Labels.Grade, s.Labels.Coefficient)
	}
	if got := g.Graded(); got != "total" {
		t.Errorf("Graded() = %q, want total", got)
	}

	lists := s.BandLists()
	if len(lists) != 2 {
		t.Fatalf("BandLists() has %d lists, want 2", len(lists))
	}
	if l := lists[0]; l.What != "metric x" || len(l.Bands) != 1 || l.Max == nil || l.Pos.Line != 4 {
		t.Errorf("list 0 = %+v, want metric x at line 4 with max 100", l)
	}
	if l := lists[1]; l.What != "grades" || len(l.Bands) != 5 || l.Max != nil || l.Pos.Line != 6 {
		t.Errorf("list 1 = %+v, want grades at line 6 without max", l)
	}
}

// TestParseSectionOrder checks that a section comes after its metrics
// and before the total and whatever uses it; the grade after the total.
func TestParseSectionOrder(t *testing.T) {
	s, err := rules.Parse("rules.yaml", []byte(`columns:
  a: {}
sections:
  A: {weight: 100}
pay:
  p: A * coefficient
metrics:
  x: {section: A, points: a, weight: 100}
`+gradeTable))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	at := map[rules.NodeKind]int{}
	for i, n := range s.Order {
		at[n.Kind] = i
	}
	if len(s.Order) != 5 {
		t.Fatalf("Order = %v, want 5 nodes", s.Order)
	}
	for _, pair := range [][2]rules.NodeKind{
		{rules.NodeMetric, rules.NodeSection},
		{rules.NodeSection, rules.NodeTotal},
		{rules.NodeTotal, rules.NodeGrade},
		{rules.NodeGrade, rules.NodePay},
	} {
		if at[pair[0]] >= at[pair[1]] {
			t.Errorf("node kind %d comes at %d, not before kind %d at %d", pair[0], at[pair[0]], pair[1], at[pair[1]])
		}
	}
}
