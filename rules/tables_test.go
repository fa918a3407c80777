package rules_test

import (
	"errors"
	"strings"
	"testing"

	"appraise/rules"
)

const targetTable = `tables:
  目标:
    keys:
      部门: {type: text}
      KPI: {type: text}
    columns:
      目标值: {}
`

func TestParseTables(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "unknown column",
			src: `columns:
  部门: {type: text, key: true}
  收入: {}
` + targetTable + `metrics:
  完成率: 收入 / lookup(目标.目标, 部门, "销售收入")
`,
			want: []string{
				`rules.yaml:12:11: warning: 收入 / lookup(目标.目标, 部门, "销售收入") has no value when lookup(目标.目标, 部门, "销售收入") is 0, and the rules do not say what then`,
				`    hint: add "if_missing: blank" to 完成率`,
				`rules.yaml:12:23: lookup: table 目标 has no column "目标"`,
				`    hint: did you mean "目标值"?`,
			},
		},
		{
			name: "a key is not a column",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  k: lookup(目标.KPI, 部门, "销售收入")
`,
			want: []string{
				`rules.yaml:11:16: lookup: table 目标 has no column "KPI"`,
				`    hint: KPI is a key of 目标: it finds the row, and is given, not looked up`,
			},
		},
		{
			name: "unknown table",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: lookup(目村.目标值, 部门, "销售收入")
`,
			want: []string{
				`rules.yaml:11:13: lookup: no table "目村"`,
				`    hint: did you mean "目标"?`,
			},
		},
		{
			name: "no tables at all",
			src: `columns:
  部门: {type: text, key: true}
metrics:
  t: lookup(目标.目标值, 部门)
`,
			want: []string{
				`rules.yaml:4:13: lookup: no table "目标"`,
				`    hint: declare it under tables:`,
			},
		},
		{
			name: "too few keys",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: lookup(目标.目标值, 部门)
`,
			want: []string{
				`rules.yaml:11:6: lookup of 目标.目标值 takes 2 key values after the column (部门, KPI), not 1`,
			},
		},
		{
			name: "a key of the wrong type",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: lookup(目标.目标值, 部门, 100)
`,
			want: []string{
				`rules.yaml:11:25: lookup: key KPI of table 目标 is text, but 100 is a number`,
			},
		},
		{
			name: "the table without lookup",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: 目标 * 2
`,
			want: []string{
				`rules.yaml:11:6: 目标 is a table: read a value of it with lookup`,
				`    hint: lookup(目标.目标值, 部门, KPI) gives the 目标值 of the row with those keys`,
			},
		},
		{
			name: "not table.column",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: lookup(部门, 部门, "x")
`,
			want: []string{
				`rules.yaml:11:13: lookup's first argument names a table and its column, as 目标.目标值, not 部门`,
				`    hint: for example 目标.目标值`,
			},
		},
		{
			name: "a table without keys or columns",
			src: `columns:
  部门: {type: text, key: true}
tables:
  目标: {sheet: 目标}
`,
			want: []string{
				`rules.yaml:4:3: table 目标 has no keys: list the columns that find a row`,
				`    hint: keys: {部门: {type: text}, KPI: {type: text}}`,
				`rules.yaml:4:3: table 目标 has no columns: list the values lookup() reads from it`,
			},
		},
		{
			name: "a table named like a column",
			src: `columns:
  部门: {type: text, key: true}
tables:
  部门:
    keys: [部门]
    columns: [总分]
`,
			want: []string{
				`rules.yaml:4:3: the name 部门 is already used at line 2`,
			},
		},
		{
			name: "target without mode",
			src: `columns:
  收入: {}
metrics:
  销售收入:
    value: 收入
    target: 100
`,
			want: []string{
				`rules.yaml:4:3: metric 销售收入 has a target but no mode: say how it is scored`,
				`    hint: mode: all or nothing (the target met earns 100 points, else 0), or mode: proportional (100 x the share of the target reached)`,
			},
		},
		{
			name: "a mode misspelt, and bands besides",
			src: `columns:
  收入: {}
metrics:
  销售收入:
    value: 收入
    target: 100
    mode: all-or-nothing
    bands:
      - {when: ">= 0", points: 1}
`,
			want: []string{
				`rules.yaml:7:11: mode of metric 销售收入 must be "all or nothing" or "proportional", not "all-or-nothing"`,
				`    hint: all or nothing: the target met earns 100 points, else 0; proportional: 100 x the share of the target reached`,
				`rules.yaml:9:7: metric 销售收入 has both a target and bands: keep one`,
			},
		},
		{
			name: "a text target",
			src: `columns:
  收入: {}
metrics:
  销售收入:
    value: 收入
    target: '"高"'
    mode: proportional
`,
			want: []string{
				`rules.yaml:6:14: the target of 销售收入 must be a number, but "高" is text`,
			},
		},
	})
}

// TestChain checks that rules whose results tables read each other are
// refused with every link of the circle, and that a column the other
// rules' results lack is named at its line.
func TestChain(t *testing.T) {
	files := map[string]string{
		"a.yaml": `columns:
  部门: {type: text, key: true}
tables:
  B结果:
    results: sub/b.yaml
    keys: [部门]
    columns: [总分]
metrics:
  m: lookup(B结果.总分, 部门)
`,
		"sub/b.yaml": `columns:
  部门: {type: text, key: true}
  y: {}
tables:
  A结果:
    results: ../a.yaml
    keys: [部门]
    columns: [总分, 得分]
total: {formula: y, label: 总分}
`,
	}
	read := func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}
	a, err := rules.Parse("a.yaml", []byte(files["a.yaml"]))
	if err != nil {
		t.Fatal(err)
	}
	sets, errs := rules.Chain(a, read)
	if len(sets) != 2 {
		t.Errorf("read %d rule files, want a.yaml and sub/b.yaml", len(sets))
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"a.yaml:5:14: the results tables go round in a circle: a.yaml:5 reads the results of sub/b.yaml, sub/b.yaml:6 reads the results of a.yaml\n" +
			"    hint: a results table reads rules that are scored first; two rule files cannot each be scored first",
		// a.yaml has no total, so its results have no 总分 either.
		`sub/b.yaml:8:15: table A结果: the results of a.yaml have no column "总分"`,
		`sub/b.yaml:8:19: table A结果: the results of a.yaml have no column "得分"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseCaseTables(t *testing.T) {
	runErrorCases(t, []errorCase{
		{
			name: "unknown table and column",
			src: `columns:
  部门: {type: text, key: true}
` + targetTable + `metrics:
  t: lookup(目标.目标值, 部门, "收入")
cases:
  - name: a
    tables:
      目村: []
      目标:
        - {部门: 华东, KPI: 收入, 目标: 100}
    inputs: {部门: 华东}
    expect: {value: {t: 100}}
`,
			want: []string{
				`rules.yaml:15:7: case "a": no table "目村"`,
				`    hint: did you mean "目标"?`,
				`rules.yaml:17:29: case "a": table 目标 has no column "目标"`,
				`    hint: did you mean "目标值"?`,
			},
		},
	})
}
