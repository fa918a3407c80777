package rules

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// syntaxError turns a YAML error ("yaml: line 3: ...") into a positioned
// one. yaml.v3 gives a line but no column, and not always the right line:
// a parser error (as opposed to a scanner error) counts lines from 0 and
// drops the line number for the first line. lines is the source, where
// the column is looked for.
func syntaxError(file string, err error, lines []string) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	if parserError(msg) {
		line++
	} else if line == 0 {
		line = 1
	}
	e := &Error{Pos: Pos{File: file, Line: line}, Msg: "not valid YAML: " + msg}
	if line > len(lines) {
		return e
	}
	text := []rune(strings.TrimRight(lines[line-1], "\r"))
	col := 0
	switch {
	case strings.HasPrefix(msg, "unknown anchor"):
		// No line at all: find the alias in the file.
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		e.Msg = fmt.Sprintf("not valid YAML: *%s refers to no anchor &%s", name, name)
		e.Pos.Line = 0
		for i, l := range lines {
			if k := strings.Index(l, "*"+name); k >= 0 {
				e.Pos.Line, e.Pos.Col = i+1, len([]rune(l[:k]))+1
				break
			}
		}
		return e
	case strings.HasPrefix(msg, "exceeded max depth of "):
		e.Msg = "not valid YAML: lists and mappings are nested more than " + strings.TrimPrefix(msg, "exceeded max depth of ") + " deep"
	case strings.Contains(msg, "tab character") || msg == "found character that cannot start any token" && leadingTab(text) >= 0:
		col = leadingTab(text) + 1
		e.Msg = "not valid YAML: a tab indents this line"
		e.Hint = "indent with spaces: YAML does not allow tabs there"
	case msg == "found character that cannot start any token":
		for i, r := range text {
			if (r == '@' || r == '`') && startsValue(text, i) {
				col = i + 1
				e.Hint = fmt.Sprintf("put text that starts with %c in quotes", r)
				break
			}
		}
	case msg == "found unexpected end of stream":
		if i, q := unclosedQuote(text); i >= 0 {
			col = i + 1
			e.Msg = fmt.Sprintf("not valid YAML: the text that starts with %c is not closed", q)
			e.Hint = fmt.Sprintf("end it with %c", q)
		}
	case msg == "did not find expected ',' or '}'" || msg == "did not find expected ',' or ']'":
		open, closing := '{', '}'
		if strings.HasSuffix(msg, "']'") {
			open, closing = '[', ']'
		}
		if i := unclosedBracket(text, open); i >= 0 {
			col = i + 1
			e.Msg = fmt.Sprintf("not valid YAML: %c is not closed", open)
			e.Hint = fmt.Sprintf("end it with %c, and separate its items with commas", closing)
		}
	case msg == "mapping values are not allowed in this context":
		if i := strayColon(text); i >= 0 {
			col = i + 1
			e.Hint = `put text that holds ": " in quotes, and check the indentation`
		}
	}
	if col == 0 {
		col = firstNonBlank(text) + 1
	}
	e.Pos.Col = col
	return e
}

// parserError reports whether msg comes from yaml.v3's parser, whose
// line numbers count from 0, rather than from its scanner.
func parserError(msg string) bool {
	switch msg {
	case "did not find expected <stream-start>", "did not find expected <document start>",
		"did not find expected node content", "did not find expected key",
		"did not find expected '-' indicator", "did not find expected ',' or ']'",
		"did not find expected ',' or '}'", "found duplicate %YAML directive",
		"found duplicate %TAG directive", "found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// leadingTab returns the index of a tab among the blanks that start the
// line, or -1.
func leadingTab(text []rune) int {
	for i, r := range text {
		switch r {
		case '\t':
			return i
		case ' ':
		default:
			return -1
		}
	}
	return -1
}

func firstNonBlank(text []rune) int {
	for i, r := range text {
		if r != ' ' && r != '\t' {
			return i
		}
	}
	return 0
}

// startsValue reports whether a YAML value may start at text[i]: at the
// start of the line or after a blank or a flow indicator.
func startsValue(text []rune, i int) bool {
	return i == 0 || strings.ContainsRune(" \t[{,:-", text[i-1])
}

// unclosedQuote returns where the quoted text that the line leaves open
// starts, and its quote, or -1.
func unclosedQuote(text []rune) (int, rune) {
	for i := 0; i < len(text); i++ {
		r := text[i]
		if r == '#' && startsValue(text, i) {
			return -1, 0
		}
		if (r != '"' && r != '\'') || !startsValue(text, i) {
			continue
		}
		j := closeQuote(text, i)
		if j < 0 {
			return i, r
		}
		i = j
	}
	return -1, 0
}

// closeQuote returns the index of the quote that ends the quoted text
// starting at text[i], or -1.
func closeQuote(text []rune, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case q == '\'' && text[j] == '\'' && j+1 < len(text) && text[j+1] == '\'':
			j++
		case text[j] == q:
			return j
		}
	}
	return -1
}

// unclosedBracket returns the index of the last open bracket on the line
// that the line does not close, or -1.
func unclosedBracket(text []rune, open rune) int {
	closing := map[rune]rune{'{': '}', '[': ']'}
	var stack []int
	for i := 0; i < len(text); i++ {
		r := text[i]
		switch {
		case r == '#' && startsValue(text, i):
			i = len(text)
		case (r == '"' || r == '\'') && startsValue(text, i):
			if j := closeQuote(text, i); j >= 0 {
				i = j
			} else {
				i = len(text)
			}
		case r == '{' || r == '[':
			stack = append(stack, i)
		case r == '}' || r == ']':
			if n := len(stack); n > 0 && closing[text[stack[n-1]]] == r {
				stack = stack[:n-1]
			}
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if text[stack[k]] == open {
			return stack[k]
		}
	}
	return -1
}

// strayColon returns the index of the colon that YAML refused: the
// second ": " on the line, or the only one when the line has one.
func strayColon(text []rune) int {
	var found []int
	for i := 0; i < len(text); i++ {
		r := text[i]
		switch {
		case r == '#' && startsValue(text, i):
			i = len(text)
		case (r == '"' || r == '\'') && startsValue(text, i):
			if j := closeQuote(text, i); j >= 0 {
				i = j
			}
		case r == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'):
			found = append(found, i)
		}
	}
	switch len(found) {
	case 0:
		return -1
	case 1:
		return found[0]
	}
	return found[1]
}
