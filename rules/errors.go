package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a rule file. Line and Col are 1-based; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// shift returns the position n characters to the right of p on the same
// line.
func (p Pos) shift(n int) Pos {
	if p.Line == 0 || p.Col == 0 {
		return p
	}
	p.Col += n
	return p
}

// Error is one problem in a rule file. A warning is a problem that does
// not stop the rules from being used: weights that do not add up, say.
type Error struct {
	Pos     Pos
	Msg     string
	Hint    string // optional advice, printed on its own line
	Warning bool
}

func (e *Error) Error() string {
	s := e.Pos.String() + ": "
	if e.Warning {
		s += "warning: "
	}
	s += e.Msg
	if e.Hint != "" {
		s += "\n    hint: " + e.Hint
	}
	return s
}

// ErrorList is every problem found in one or more rule files.
type ErrorList []*Error

func (l *ErrorList) add(pos Pos, format string, args ...any) *Error {
	e := &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	*l = append(*l, e)
	return e
}

func (l *ErrorList) warn(pos Pos, format string, args ...any) *Error {
	e := l.add(pos, format, args...)
	e.Warning = true
	return e
}

// split returns the errors and the warnings of l, each sorted.
func (l ErrorList) split() (errs, warns ErrorList) {
	for _, e := range l {
		if e.Warning {
			warns = append(warns, e)
		} else {
			errs = append(errs, e)
		}
	}
	errs.Sort()
	warns.Sort()
	return errs, warns
}

// Sort orders the list by position and drops exact repeats.
func (l *ErrorList) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i].Pos, s[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && *e == *s[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
