package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ruleMessage is a message, or the hint under one, that the rules
// package writes: its format string and where it is in the source.
type ruleMessage struct {
	at     string // file:line
	format string // the format string, with %s for a part built in code
	hint   bool
}

// reporters are the functions of the rules package that take a
// problem's format string: the first string argument of each is the
// message.
var reporters = map[string]bool{
	"errorf": true, "warnf": true, "add": true, "warn": true,
	"Errorf": true, "New": true, "fail": true,
}

// messageFuncs return a message as a string, which their callers put
// into a problem, or a hint (true). (sheetNameProblem's texts end a
// message of labels, checked whole in [ruleInstances].)
var messageFuncs = map[string]bool{"parseRange": false, "unknownHint": true}

// hintLast are the functions whose last argument is a hint.
var hintLast = map[string]bool{"check": true}

// ruleMessages reads every message and hint the rules package writes
// from its source: the formats passed to [reporters], lexError's texts,
// what [messageFuncs] return, and what is assigned to a Hint.
func ruleMessages(t *testing.T) []ruleMessage {
	t.Helper()
	files, err := filepath.Glob("../rules/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rules sources: %v", err)
	}
	fset := token.NewFileSet()
	var out []ruleMessage
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		add := func(n ast.Node, e ast.Expr, hint bool) {
			if s, ok := literal(e); ok && strings.Contains(s, " ") {
				p := fset.Position(n.Pos())
				out = append(out, ruleMessage{filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line), s, hint})
			}
		}
		for _, d := range af.Decls {
			// A message kept as a constant: const msgEdgesReversed = "...".
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, sp := range g.Specs {
					v := sp.(*ast.ValueSpec)
					for i, n := range v.Names {
						if strings.HasPrefix(n.Name, "msg") && i < len(v.Values) {
							add(v, v.Values[i], false)
						}
					}
				}
			}
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			hint, ok := messageFuncs[fn.Name.Name]
			if !ok {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
					add(r, r.Results[0], hint)
				}
				return true
			})
		}
		ast.Inspect(af, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				if se, ok := x.Lhs[0].(*ast.SelectorExpr); ok && se.Sel.Name == "Hint" && len(x.Rhs) == 1 {
					add(x, x.Rhs[0], true)
					return false
				}
			case *ast.CompositeLit:
				if id, ok := x.Type.(*ast.Ident); ok && id.Name == "lexError" && len(x.Elts) == 2 {
					add(x, x.Elts[1], false)
					return false
				}
			case *ast.CallExpr:
				name := ""
				switch fn := x.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if hintLast[name] && len(x.Args) > 0 {
					add(x, x.Args[len(x.Args)-1], true)
				}
				if !reporters[name] {
					return true
				}
				for _, a := range x.Args {
					if _, ok := literal(a); ok {
						add(x, a, false)
						break
					}
				}
			}
			return true
		})
	}
	return out
}

// literal gives the text of a string literal, of a sum of strings with
// %s for each part that is not a literal, or of the format of a
// fmt.Sprintf.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, err := strconv.Unquote(x.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(x.X)
		b, ok2 := literal(x.Y)
		if !ok1 && !ok2 {
			return "", false
		}
		if !ok1 {
			a = "%s"
		}
		if !ok2 {
			b = "%s"
		}
		return a + b, true
	case *ast.CallExpr:
		if se, ok := x.Fun.(*ast.SelectorExpr); ok && se.Sel.Name == "Sprintf" && len(x.Args) > 0 {
			return literal(x.Args[0])
		}
	}
	return "", false
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[sdqvc%]`)

// instance gives a format as a line of the rules package could say it:
// each number as 3, each name or value as 3 too (a name, or a number
// where one is written), quoted where the format quotes it.
func instance(format string) string {
	return verb.ReplaceAllStringFunc(format, func(v string) string {
		switch v[len(v)-1] {
		case '%':
			return "%"
		case 'q':
			return `"3"`
		case 'c':
			return `"`
		}
		return "3"
	})
}

// ruleInstances are the messages whose format the code fills with an
// English word (band or tier, the kind of thing named, the part of a
// hint built in code): each is given as the lines it really makes, one
// for each word.
var ruleInstances = map[string][]string{
	"%s %s holds no value": {
		`band [80, 80) holds no value`,
		`tier [80, 80) holds no value`},
	"%s %s can never match: the %s %s (line %d) comes first and holds all its values": {
		`band [80, 90) can never match: the band >= 60 (line 7) comes first and holds all its values`,
		`tier [80, 90) can never match: the tier >= 60 (line 7) comes first and holds all its values`},
	"%s %s can never match: the %ss on lines %s come first and hold all its values": {
		`band [80, 90) can never match: the bands on lines 7 and 8 come first and hold all its values`,
		`tier [80, 90) can never match: the tiers on lines 7 and 8 come first and hold all its values`,
		`band [80, 90) can never match: the bands on lines 7, 8 and 9 come first and hold all its values`},
	"the first %s that holds a value wins": {
		`the first band that holds a value wins`,
		`the first tier that holds a value wins`},
	"%s %s overlaps the %s %s (line %d) on %s": {
		`band [80, 90) overlaps the band [60, 85) (line 7) on [80, 85)`,
		`tier [80, 90) overlaps the tier [60, 85) (line 7) on [80, 85)`},
	"; to make the %ss meet, write when: %q": {
		`the first band that holds a value wins; to make the bands meet, write when: "[85, 90)"`,
		`the first tier that holds a value wins; to make the tiers meet, write when: "[85, 90)"`},
	"no %s holds %s": {
		`no band holds values in [60, 70)`,
		`no band holds the value 60`,
		`no band holds values >= 90`,
		`no tier holds values in [60, 70)`,
		`no tier holds the value 60`},
	"make the %ss meet, e.g. when: %q": {
		`make the bands meet, e.g. when: "[60, 80)"`,
		`make the tiers meet, e.g. when: "[60, 80)"`},
	"points %s are above %s's max of %s": {
		`points 120 are above the metric's max of 100`},
	"%s gives a history but no period: add period:, such as period: 2026-03, to say which period the history comes before": {
		`case "新人" gives a history but no period: add period:, such as period: 2026-03, to say which period the history comes before`},
	"%s expects nothing: add expect: with the points, total, flags or pay it should give": {
		`case "新人" expects nothing: add expect: with the points, total, flags or pay it should give`},
	"%s gives a history, but the rules look back over no earlier periods": {
		`case "新人" gives a history, but the rules look back over no earlier periods`},
	"unknown column %q in the inputs of %s": {
		`unknown column "询单" in the inputs of case "新人"`},
	"%s %s is listed twice": {
		`flag 投诉 is listed twice`,
		`metric 转化率 is listed twice`},
	"unknown %s %q": {
		`unknown metric "转化"`,
		`unknown flag "投诉"`,
		`unknown history figure "转化"`},
	"the rules have no %ss": {
		`the rules have no metrics`,
		`the rules have no flags`,
		`the rules have no history figures`},
	"column %s: %s %q also names column %s (line %d)": {
		`column 询单: header "询单人数" also names column 咨询 (line 9)`,
		`column 询单: alias "询单数" also names column 咨询 (line 9)`},
	"%s would head a result column %q, the header of input column %s": {
		`metric 转化率 would head a result column "转化率", the header of input column 转化率`,
		`section 服务 would head a result column "服务得分", the header of input column 服务`,
		`pay line 奖金 would head a result column "奖金", the header of input column 奖金`,
		`rank 名次 would head a result column "名次", the header of input column 名次`,
		`the total label would head a result column "总分", the header of input column 总分`,
		`the grade label would head a result column "等级", the header of input column 等级`},
	"%s must be %s, but %s is %s": {
		`points must be a number, but 备注 is text`,
		`the target of 销售额 must be a number, but 目标 > 1 is a condition`,
		`the total must be a number, but 入职日期 is a date`,
		`flag 投诉 must be a condition, but 投诉次数 is a number`,
		`pay line 奖金 must be a number, but 备注 is text`,
		`the amount of tier table 提成 must be a number, but 备注 is text`,
		`rank 名次 must be a number, but 备注 is text`,
		`distribution: by must be a number, but 备注 is text`,
		`grades of must be a number, but 备注 is text`,
		`a veto's when must be a condition, but 投诉次数 is a number`,
		`pool 年终奖: weight must be a number, but 备注 is text`},
	"labels.%s: %q %s": {
		`labels.detail: "明细:三月" holds ":", which a sheet name may not`,
		`labels.detail: "'明细'" starts or ends with ', which a sheet name may not`,
		`labels.detail: "这是一个非常非常非常非常非常非常非常长的工作表名字" is longer than the 31 characters of a sheet name`},
	", or give %s \"min: 1\"": {
		`add "if_missing: 0" or "if_missing: blank" to 转化率, or give 询单人数 "min: 1"`,
		`add "if_missing: blank" to 转化率, or give 询单人数 "min: 1"`,
		`guard it, e.g. if(询单人数 <> 0, 付款人数 / 询单人数, 0), or give 询单人数 "min: 1"`},
	"%s has no weight: give the formula each person's share is in proportion to": {
		`pool 年终奖 has no weight: give the formula each person's share is in proportion to`},
	"%s has no amount: give the sum it shares with amount:, or each group's with amounts:": {
		`pool 年终奖 has no amount: give the sum it shares with amount:, or each group's with amounts:`},
	"weight: %s %s": {
		`weight: 30 counts 30/100 of the section's score in the total`},
	"%s of per_person %s must be a number, but %s is %s": {
		`sum of per_person 提成合计 must be a number, but 客户 is text`},
}

// TestRuleMessages checks that every message and hint the rules package
// writes is in the catalogue, so that a rule file's problems are all said
// in Chinese: each format read from the source, filled as
// [instance] fills it or as [ruleInstances] gives it, is translated.
func TestRuleMessages(t *testing.T) {
	msgs := ruleMessages(t)
	if len(msgs) < 250 {
		t.Fatalf("found %d messages in rules/; the search is broken", len(msgs))
	}
	used := map[string]bool{}
	for _, m := range msgs {
		lines, ok := ruleInstances[m.format]
		if ok {
			used[m.format] = true
		} else {
			lines = []string{instance(m.format)}
		}
		for _, l := range lines {
			zh, ok := said(l, m.hint)
			if !ok {
				t.Errorf("%s: not in the catalogue: %s", m.at, l)
			} else if en := english(zh); en != "" {
				t.Errorf("%s: %s\n  is said %s\n  leaving %q in English", m.at, l, zh, en)
			}
		}
	}
	for f := range ruleInstances {
		if !used[f] {
			t.Errorf("ruleInstances: no message of rules/ has the format %q", f)
		}
	}
}

// said gives l, a message or a hint, in Chinese, and reports whether
// the catalogue holds it.
func said(l string, hint bool) (string, bool) {
	if hint {
		return match(l)
	}
	zh := Say(Chinese, l)
	return zh, zh != l
}

// englishWords are three English words in a row, which a message said in
// Chinese holds only where an entry matched too little of it.
var englishWords = regexp.MustCompile(`\b[a-z]{2,}(?: [a-z]{2,}){2,}\b`)

// keywords are the English a rule file writes, which a message in Chinese
// keeps as it is: quoted text and the values of rule keywords.
var keywords = regexp.MustCompile(`"[^"]*"|all or nothing|highest first|lowest first|month after|year end|ISO week`)

// english gives the first run of English words left in zh, or "".
func english(zh string) string {
	return englishWords.FindString(keywords.ReplaceAllString(zh, ""))
}

// TestSayRuleLines checks whole rule-file lines in Chinese, each worked
// from the catalogue's entries: the names in a message said from
// [Names], and a line that starts with a name said by its own entry.
func TestSayRuleLines(t *testing.T) {
	for _, c := range []struct{ en, zh string }{
		// "band {band} can never match: the bands on lines {lines} and {n} ..."
		{`rules.yaml:21:17: band [70, 75) can never match: the bands on lines 17, 18 and 19 come first and hold all its values`,
			`rules.yaml:21:17: 区间 [70, 75) 永远不会匹配：在它之前的第 17, 18 和 19 行的区间已包含它的全部值`},
		// "unknown field {field} in {msgwhat}", msgwhat from Names: "a case"
		{`cases.yaml:4:5: unknown field "inptus" in a case`,
			`cases.yaml:4:5: 用例 中有未知字段 "inptus"`},
		// "{what} must be a list, not {msgvalue}", msgvalue from Names: "a mapping"
		{`rules.yaml:9:7: bands must be a list, not a mapping`,
			`rules.yaml:9:7: bands 必须是列表，而不是 映射`},
		// "{what} must be a number, not {msgvalue}", msgvalue from Names: "empty"
		{`rules.yaml:3:12: min must be a number, not empty`,
			`rules.yaml:3:12: min 必须是数字，而不是 空值`},
		// "metric {name} has an empty map": not "metric {name}" of Names
		{`rules.yaml:6:5: metric 评级分 has an empty map`,
			`rules.yaml:6:5: 指标 评级分 的 map 为空`},
		// "{op} needs {msgwant}, but {expr} is {msggot}"
		{`rules.yaml:8:20: and needs a condition, but 得分 is a number`,
			`rules.yaml:8:20: and 需要 条件，而 得分 是 数字`},
		// "lookup of {table}.{col} takes {msgn} after the column ({keys}), not {n}", msgn "{n} key values"
		{`rules.yaml:12:13: lookup of 目标.目标值 takes 2 key values after the column (部门, KPI), not 1`,
			`rules.yaml:12:13: lookup 目标.目标值 在列之后需要 2 个键值（部门, KPI），而不是 1 个`},
		// "blank of column {col} is {value}, not one of its values", before the cell's "{col} is {value}, not one of {values}"
		{`rules.yaml:5:14: blank of column 评级 is "中", not one of its values`,
			`rules.yaml:5:14: 列 评级 的 blank 为 "中"，不是它的 values 之一`},
		// a hint: "the first tier that holds a value wins"
		{`    hint: the first tier that holds a value wins`,
			`    提示：以第一个包含该值的档位为准`},
	} {
		if got := Say(Chinese, c.en); got != c.zh {
			t.Errorf("Say(%q)\n got %q\nwant %q", c.en, got, c.zh)
		}
	}
}
