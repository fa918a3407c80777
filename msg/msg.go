// Package msg says appraise's messages in the user's language: English,
// as the packages that find the problems write them, or Chinese.
//
// The catalogue ([Catalogue]) holds each message once, as its English
// text with the parts that vary written as placeholders, and its Chinese.
// The English text is the key: rules, scoring, workbook and run write
// their messages in English as they always have, with no key to pass
// around, and the command translates each line it prints, once, at the
// end. What says where a problem is (rules.yaml:7:5, march.xlsx:
// 客服KPI!B3, march.csv: D17) comes before the message and is kept as it
// is, so that a script or a person finds the same place in both
// languages; the names and values in a message (column names, quoted
// cells, numbers) are carried over as they are. A line the catalogue does
// not hold is printed in English.
package msg

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
)

// Lang is a language messages are said in.
type Lang string

// The languages of the catalogue.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

// Parse reads a --lang value: "zh", "zh_CN", "zh-Hans", "chinese" and
// the like are Chinese; "en", "en_US" and "english" English. It reports
// false for anything else.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh.") || s == "chinese" || s == "中文":
		return Chinese, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en.") || s == "english" || s == "c" || s == "posix":
		return English, true
	}
	return "", false
}

// FromEnv tells the language from the locale, as POSIX programs do: the
// first of LC_ALL, LC_MESSAGES and LANG that is set decides, and a
// Chinese locale (zh_CN.UTF-8, zh_TW, zh_SG.GBK, ...) is Chinese. Anything
// else is English.
func FromEnv(getenv func(string) string) Lang {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l, ok := Parse(v); ok && l == Chinese {
				return Chinese
			}
			return English
		}
	}
	return English
}

// Say gives line, one line of a message as appraise writes it in
// English, in lang.
func Say(lang Lang, line string) string {
	if lang != Chinese || line == "" {
		return line
	}
	return translateLine(line)
}

// SayAll gives every line of text in lang.
func SayAll(lang Lang, text string) string {
	if lang != Chinese {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = translateLine(l)
	}
	return strings.Join(lines, "\n")
}

// hintPrefix starts the line of advice after a rule-file problem.
const hintPrefix = "    hint: "

func translateLine(line string) string {
	if rest, ok := strings.CutPrefix(line, hintPrefix); ok {
		return "    提示：" + body(rest)
	}
	if n := len(line) - len(strings.TrimLeft(line, " ")); n > 0 {
		// An indented line: a problem listed under another.
		return line[:n] + translateLine(line[n:])
	}
	// Try the message at each ": " from the left; what comes before it
	// says where the problem is, and stays as it is.
	for i := 0; ; {
		if zh, ok := match(line[i:]); ok {
			return where(line[:i] + zh)
		}
		j := strings.Index(line[i:], ": ")
		if j < 0 {
			return line
		}
		i += j + 2
	}
}

// body translates a message that has no position before it, or gives it
// as it is.
func body(s string) string {
	if zh, ok := match(s); ok {
		return zh
	}
	return s
}

// part translates what fills a msg placeholder: a message, or else one
// of [Names].
func part(s string) string {
	if zh, ok := match(s); ok {
		return zh
	}
	if zh, ok := find(compiledNames(), s); ok {
		return zh
	}
	return s
}

// rowRef is a whole row named in a position: "march.xlsx: 客服KPI: row 5".
var rowRef = regexp.MustCompile(`(^|: )row (\d+): `)

// where gives the positions of a translated line in Chinese: file, sheet
// and cell names stay as they are; only "row N" is put in words.
func where(line string) string {
	return rowRef.ReplaceAllString(line, "${1}第 ${2} 行: ")
}

// match translates s when an entry of the catalogue holds all of it.
func match(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "warning: "); ok {
		if zh, ok := match(rest); ok {
			return "警告：" + zh, true
		}
		return "", false
	}
	return find(compiled(), s)
}

// find says s by the first of entries that holds all of it.
func find(entries []entry, s string) (string, bool) {
	for _, e := range entries {
		m := e.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		return e.render(m), true
	}
	return "", false
}

// entry is an [Entry] ready to match.
type entry struct {
	Entry
	re    *regexp.Regexp
	names []string // the placeholders, in the order of the groups
}

var (
	once, namesOnce sync.Once
	table, names    []entry
)

func compiled() []entry {
	once.Do(func() { table = compileAll(Catalogue) })
	return table
}

func compiledNames() []entry {
	namesOnce.Do(func() { names = compileAll(Names) })
	return names
}

func compileAll(entries []Entry) []entry {
	var out []entry
	for _, e := range entries {
		c, err := compile(e)
		if err != nil {
			panic("msg: " + err.Error())
		}
		out = append(out, c)
	}
	return out
}

// placeholder is {name} in a pattern; {s} is an optional plural "s".
var placeholder = regexp.MustCompile(`\{([a-z]+[0-9]*)\}`)

func compile(e Entry) (entry, error) {
	var b strings.Builder
	b.WriteString("^")
	var names []string
	last := 0
	for _, loc := range placeholder.FindAllStringSubmatchIndex(e.En, -1) {
		b.WriteString(regexp.QuoteMeta(e.En[last:loc[0]]))
		name := e.En[loc[2]:loc[3]]
		switch {
		case name == "s":
			b.WriteString("s?")
		case name == "n" || len(name) == 2 && name[0] == 'n' && name[1] >= '0' && name[1] <= '9':
			b.WriteString(`(-?[0-9][0-9,.]*)`)
			names = append(names, name)
		case strings.HasPrefix(name, "msg") || name == "why":
			b.WriteString("(.+?)")
			names = append(names, name)
		default:
			// A name or a value, which holds no ": ": so that the
			// message is found after the position, not in it.
			b.WriteString("((?:[^:]|:[^ ]|:$)+?)")
			names = append(names, name)
		}
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(e.En[last:]))
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return entry{}, err
	}
	return entry{Entry: e, re: re, names: names}, nil
}

// render fills the Chinese of e with what m matched. A placeholder named
// msg (msg, msg2, msgwhat) holds a message of its own or a name, which
// is translated too.
func (e entry) render(m []string) string {
	vals := map[string]string{}
	for i, n := range e.names {
		v := m[i+1]
		if strings.HasPrefix(n, "msg") {
			v = part(v)
		}
		vals[n] = v
	}
	return placeholder.ReplaceAllStringFunc(e.Zh, func(p string) string {
		return vals[p[1:len(p)-1]]
	})
}

// Writer translates each line written through it into lang before
// passing it on to w. Call Flush when done, for a last line without its
// line break.
type Writer struct {
	w    io.Writer
	lang Lang
	buf  []byte
}

// NewWriter returns a Writer that says lines in lang on w.
func NewWriter(w io.Writer, lang Lang) *Writer { return &Writer{w: w, lang: lang} }

// Underlying is the writer lines go to, for telling whether it is a
// terminal.
func (t *Writer) Underlying() io.Writer { return t.w }

func (t *Writer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	for {
		i := bytes.IndexByte(t.buf, '\n')
		if i < 0 {
			break
		}
		line := Say(t.lang, string(t.buf[:i]))
		if _, err := io.WriteString(t.w, line+"\n"); err != nil {
			return len(p), err
		}
		t.buf = t.buf[i+1:]
	}
	return len(p), nil
}

// Flush writes what is left without a line break.
func (t *Writer) Flush() error {
	if len(t.buf) == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, Say(t.lang, string(t.buf)))
	t.buf = t.buf[:0]
	return err
}
