package msg

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestCatalogue checks every entry: both languages given, the Chinese
// in Chinese, the same placeholders in both, and no English text twice.
func TestCatalogue(t *testing.T) {
	for _, e := range append(checkEntries(t, Catalogue, "the catalogue"), checkEntries(t, Names, "the names")...) {
		if !strings.ContainsFunc(e.Zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%q: the Chinese %q holds no Chinese", e.En, e.Zh)
		}
		if _, err := compile(e); err != nil {
			t.Errorf("%q: %v", e.En, err)
		}
	}
}

// checkEntries checks that each entry gives both languages, the same
// placeholders in both (the plural {s} is English's alone), and an
// English text no other entry has. It returns the entries that give
// both languages.
func checkEntries(t *testing.T, entries []Entry, what string) []Entry {
	t.Helper()
	seen := map[string]bool{}
	var out []Entry
	for _, e := range entries {
		if e.En == "" || e.Zh == "" {
			t.Errorf("%q: a language is missing", e.En)
			continue
		}
		out = append(out, e)
		if seen[e.En] {
			t.Errorf("%q is in %s twice", e.En, what)
		}
		seen[e.En] = true
		en, zh := placeholders(e.En), placeholders(e.Zh)
		en = slices.DeleteFunc(en, func(s string) bool { return s == "s" })
		if !slices.Equal(en, zh) {
			t.Errorf("%q: placeholders %v in English, %v in Chinese", e.En, en, zh)
		}
	}
	return out
}

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestSay checks whole lines as the commands print them: the position
// before the message is kept exactly, the names and values in it too.
func TestSay(t *testing.T) {
	for _, c := range []struct{ en, zh string }{
		{`march.xlsx: 客服KPI!B3: 询单人数 is not a number: "abc"`,
			`march.xlsx: 客服KPI!B3: 询单人数 不是数字："abc"`},
		{`march.csv: D17: 询单人数 is not a number: "n/a"`,
			`march.csv: D17: 询单人数 不是数字："n/a"`},
		{`rules.yaml:7:5: unknown field "wieght" in metric 转化率`,
			`rules.yaml:7:5: 指标 转化率 中有未知字段 "wieght"`},
		{`    hint: did you mean "weight"?`,
			`    提示：是否想写 "weight"？`},
		{`rules.yaml:8:19: warning: 最终付款人数 / 询单人数 has no value when 询单人数 is 0, and the rules do not say what then`,
			`rules.yaml:8:19: 警告：当 询单人数 为 0 时 最终付款人数 / 询单人数 没有值，而规则没有说明此时如何处理`},
		{`march.xlsx: Sheet1!B2: 金额 is 9000000000000000000: rules.yaml:8:10: 金额 * 2 comes to more than the 19 digits a number may have`,
			`march.xlsx: Sheet1!B2: 金额 为 9000000000000000000：rules.yaml:8:10: 金额 * 2 的结果超过了数字允许的 19 位`},
		{`march.xlsx: 客服KPI: row 5: the sheet's XML is damaged in this row, so it and the rows below it cannot be read: unexpected EOF`,
			`march.xlsx: 客服KPI: 第 5 行: 工作表的 XML 在此行损坏，此行及以下各行无法读取：unexpected EOF`},
		{`appraise: scored 1 row of march.xlsx, sheet 客服KPI, with rules.yaml: wrote march.scored.xlsx`,
			`appraise: 已评分 march.xlsx 的 1 行（工作表 客服KPI），规则 rules.yaml：已写入 march.scored.xlsx`},
		{`appraise: sheet 说明 not scored: no header row: none of the first 30 rows names a column the rules need`,
			`appraise: 工作表 说明 未评分：没有表头行：前 30 行中没有一行包含规则所需的列`},
		{`(and 3 more)`, `（另有 3 个）`},
		// A line the catalogue does not hold stays as it is.
		{`march.xlsx: something new`, `march.xlsx: something new`},
	} {
		if got := Say(Chinese, c.en); got != c.zh {
			t.Errorf("Say(%q)\n got %q\nwant %q", c.en, got, c.zh)
		}
		if got := Say(English, c.en); got != c.en {
			t.Errorf("Say(English, %q) = %q", c.en, got)
		}
	}
}

// positions are the parts of a message that name a place: rules.yaml:7:5,
// 客服KPI!B3, march.csv: D17.
var positions = regexp.MustCompile(`\S+:\d+(:\d+)?|[^\s:!]+![A-Z]+\d+|\.csv: [A-Z]+\d+`)

// TestREADMEMessages checks that every message the README lists is in
// the catalogue, in both languages, with its positions as they are: the
// messages of the tables of "When something is wrong" and the other
// tables of messages, and every example line of a message or status
// line in the README's text and code blocks.
func TestREADMEMessages(t *testing.T) {
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := readmeMessages(string(src))
	if len(lines) < 50 {
		t.Fatalf("found %d messages in README.md; the extraction is broken", len(lines))
	}
	for _, l := range lines {
		zh := Say(Chinese, l)
		if zh == l {
			t.Errorf("not in the catalogue: %s", l)
			continue
		}
		for _, p := range positions.FindAllString(l, -1) {
			if !strings.Contains(zh, p) {
				t.Errorf("%s\n  in Chinese %s\n  loses the position %q", l, zh, p)
			}
		}
	}
}

// notMessages are README lines that look like messages but are a
// command's report on standard output, not a message.
var notMessages = map[string]bool{
	"march.xlsx: 客服KPI 第 5 行: 工号 E003, 姓名 张雨桐": true, // explain --row's heading
	"march.xlsx: 客服KPI!D17":                    true, // positions alone
	"march.csv: D17":                           true,
}

// aMessage is how a message starts: a file and a position, appraise's
// own name, or the hint under a rule-file problem.
var aMessage = regexp.MustCompile(`^(\S+\.(xlsx|yaml|csv)(:\d+(:\d+)?)?: |appraise: |    hint: )`)

func readmeMessages(s string) []string {
	// The section on Chinese messages shows them in Chinese.
	if i := strings.Index(s, "### Messages in Chinese\n"); i >= 0 {
		if j := strings.Index(s[i:], "\n## "); j >= 0 {
			s = s[:i] + s[i+j:]
		}
	}
	var out []string
	add := func(l string) {
		if strings.Contains(l, "：") {
			return // an example of the Chinese itself
		}
		if !notMessages[l] && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	tables := regexp.MustCompile("(?m)^\\| message \\(examples\\) \\| what to do \\|\n\\|---\\|---\\|\n((?:\\|.*\n)+)")
	span := regexp.MustCompile("`([^`\n]+)`")
	for _, m := range tables.FindAllStringSubmatch(s, -1) {
		for _, row := range strings.Split(strings.TrimSpace(m[1]), "\n") {
			first, _, _ := strings.Cut(strings.TrimPrefix(row, "| "), " | ")
			for _, sp := range span.FindAllStringSubmatch(first, -1) {
				add(sp[1])
			}
		}
	}
	for _, l := range strings.Split(s, "\n") {
		if b, ok := strings.CutPrefix(l, "    "); ok && aMessage.MatchString(b) {
			add(b)
		}
	}
	for _, sp := range span.FindAllStringSubmatch(s, -1) {
		if aMessage.MatchString(sp[1]) {
			add(sp[1])
		}
	}
	return out
}

func TestFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "zh_TW.Big5"}, Chinese},
		{map[string]string{"LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, English},
		{map[string]string{"LC_ALL": "zh_SG.UTF-8", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"LANG": "en_GB.UTF-8"}, English},
		{map[string]string{}, English},
	} {
		got := FromEnv(func(k string) string { return c.env[k] })
		if got != c.want {
			t.Errorf("FromEnv(%v) = %s, want %s", c.env, got, c.want)
		}
	}
}

// TestWriter checks that lines written in pieces are translated whole.
func TestWriter(t *testing.T) {
	var b strings.Builder
	w := NewWriter(&b, Chinese)
	w.Write([]byte("march.xlsx: 客服KPI!B3: 询单人数 is not"))
	w.Write([]byte(" a number: \"abc\"\n(and 2 more)"))
	w.Flush()
	want := "march.xlsx: 客服KPI!B3: 询单人数 不是数字：\"abc\"\n（另有 2 个）"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestSayBatch checks the batch summary's first line in its forms.
func TestSayBatch(t *testing.T) {
	for en, zh := range map[string]string{
		"scored 3 of 3 workbooks, 14 people":                     "已评分 3 个工作簿中的 3 个，共 14 人",
		"scored 1 of 1 workbook, 1 person":                       "已评分 1 个工作簿中的 1 个，共 1 人",
		"scored 1 of 3 workbooks, 5 people; 1 failed; 1 not run": "已评分 3 个工作簿中的 1 个，共 5 人；1 个失败；1 个未运行",
	} {
		if got := Say(Chinese, en); got != zh {
			t.Errorf("Say(%q) = %q, want %q", en, got, zh)
		}
	}
}

// TestPhrases checks the phrases of the reports: both languages given,
// the same placeholders in both, no English phrase twice, and none left
// as it is in English.
func TestPhrases(t *testing.T) {
	for _, e := range checkEntries(t, Phrases, "the phrases") {
		if e.Zh == e.En {
			t.Errorf("%q: the Chinese is the English", e.En)
		}
	}
}

// TestWords checks that a phrase is said from the table, and any other
// line as a message.
func TestWords(t *testing.T) {
	zh := Words(Chinese)
	for en, want := range map[string]string{
		"band {when} -> {n} points": "档位 {when} -> {n} 分",
		"not raised":                "未触发",
		"询单人数 is 0, so a / 询单人数 has no value": "询单人数 为 0，a / 询单人数 无法计算",
		"something new": "something new",
	} {
		if got := zh(en); got != want {
			t.Errorf("Words(Chinese)(%q) = %q, want %q", en, got, want)
		}
		if got := Words(English)(en); got != en {
			t.Errorf("Words(English)(%q) = %q", en, got)
		}
	}
}

// sayCall is a phrase said through scoring.Words in the code: w.Say("..."),
// say.Say("..."), s.l.words.Say("...").
var sayCall = regexp.MustCompile(`(?:\bw|\bsay|\bwords)\.Say\("((?:[^"\\]|\\.)*)"`)

// TestPhrasesUsed checks that every phrase the reports say is in
// [Phrases], so that none is left in English in a Chinese report.
func TestPhrasesUsed(t *testing.T) {
	have := map[string]bool{}
	for _, e := range Phrases {
		have[e.En] = true
	}
	n := 0
	for _, dir := range []string{"../scoring", "../run", "../whatif", "../cmd/appraise"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range sayCall.FindAllStringSubmatch(string(src), -1) {
				en, err := strconv.Unquote(`"` + m[1] + `"`)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				n++
				if !have[en] {
					t.Errorf("%s: %q is not in the phrases", f, en)
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("found %d phrases in the code; the search is broken", n)
	}
}

// TestSayRunLines checks messages of the commands, of scoring a sheet
// and of writing files, each worked from its entry.
func TestSayRunLines(t *testing.T) {
	for _, c := range []struct{ en, zh string }{
		// "--period: {msg}" holding "{value} is not a period: {n}-{n2} has no day {n3}"
		{`appraise: --period: "2026-02-30" is not a period: 2026-02 has no day 30`,
			`appraise: --period 有误："2026-02-30" 不是考核期间：2026-02 没有 30 日`},
		// "cannot save: {msg}" holding "no space left on device"
		{`appraise: march.scored.xlsx: cannot save: no space left on device`,
			`appraise: march.scored.xlsx: 无法保存：磁盘空间不足`},
		// "pool {pool}: {msg}" holding "no one has a weight"
		{`appraise: march.xlsx: pool 年终奖: no one has a weight`,
			`appraise: march.xlsx: 奖金池 年终奖：没有人有权重`},
		// "{col} is blank: the ledger groups its rows by it", after the position
		{`appraise: contracts.xlsx: 合同!A7: 工号 is blank: the ledger groups its rows by it`,
			`appraise: contracts.xlsx: 合同!A7: 工号 为空：台账按它给各行分组`},
		// "--jobs must be 1 or more, not {n}", before "{flag} must be {choices}, not {value}"
		{`appraise: --jobs must be 1 or more, not 0`,
			`appraise: --jobs 必须不小于 1，而不是 0`},
		// "period {period} is a {msgkind}, but the rules score a {msgkind2}", the kinds from Names
		{`cases.yaml:9:13: period 2026-Q1 is a quarter, but the rules score a month`,
			`cases.yaml:9:13: 期间 2026-Q1 是季度，而规则按月份评分`},
		// "{col} is blank: it is a key of table {table}", after the cell
		{`appraise: targets.xlsx: 目标!A4: 部门 is blank: it is a key of table 目标`,
			`appraise: targets.xlsx: 目标!A4: 部门 为空：它是表 目标 的键`},
		// "{command} takes the new rule file and the workbook, not {n} arguments"
		{`appraise: diff takes the new rule file and the workbook, not 3 arguments`,
			`appraise: diff 需要新规则文件和工作簿，而不是 3 个参数`},
	} {
		if got := Say(Chinese, c.en); got != c.zh {
			t.Errorf("Say(%q)\n got %q\nwant %q", c.en, got, c.zh)
		}
	}
}
