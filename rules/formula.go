package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/govalues/decimal"
	"golang.org/x/text/width"
)

// Expr is a parsed formula: one of *Num, *Str, *Ref, *Unary, *Binary,
// *Call.
type Expr interface {
	Position() Pos
}

// Num is a number literal. "75%" is read as 0.75, exactly.
type Num struct {
	Pos   Pos
	Value decimal.Decimal
}

// Str is a text literal in double or single quotes.
type Str struct {
	Pos   Pos
	Value string
}

// Ref names a column, parameter, metric, flag, pay line or total. Field
// is "" for the thing's value, or "points" or "score" for a metric's
// points or weighted score.
type Ref struct {
	Pos   Pos
	Name  string
	Field string
}

// Unary is -x or not x.
type Unary struct {
	Pos Pos
	Op  string
	X   Expr
}

// Binary is x op y. Op is one of + - * / = <> < <= > >= and or.
type Binary struct {
	Pos  Pos
	Op   string
	X, Y Expr
}

// Call is a function call such as min(a, b) or if(c, a, b).
type Call struct {
	Pos  Pos
	Func string
	Args []Expr
}

func (e *Num) Position() Pos    { return e.Pos }
func (e *Str) Position() Pos    { return e.Pos }
func (e *Ref) Position() Pos    { return e.Pos }
func (e *Unary) Position() Pos  { return e.Pos }
func (e *Binary) Position() Pos { return e.Pos }
func (e *Call) Position() Pos   { return e.Pos }

// Source renders e back as formula text, used in messages and traces.
func Source(e Expr) string {
	var b strings.Builder
	writeSource(&b, e, 0)
	return b.String()
}

func writeSource(b *strings.Builder, e Expr, outer int) {
	switch e := e.(type) {
	case *Num:
		b.WriteString(e.Value.String())
	case *Str:
		fmt.Fprintf(b, "%q", e.Value)
	case *Ref:
		b.WriteString(e.Name)
		if e.Field != "" {
			b.WriteString("." + e.Field)
		}
	case *Unary:
		if e.Op == "not" {
			b.WriteString("not ")
		} else {
			b.WriteString(e.Op)
		}
		writeSource(b, e.X, precUnary)
	case *Binary:
		p := precedence[e.Op]
		if p < outer {
			b.WriteByte('(')
		}
		writeSource(b, e.X, p)
		b.WriteString(" " + e.Op + " ")
		writeSource(b, e.Y, p+1)
		if p < outer {
			b.WriteByte(')')
		}
	case *Call:
		b.WriteString(e.Func + "(")
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeSource(b, a, 0)
		}
		b.WriteByte(')')
	}
}

const precUnary = 6

var precedence = map[string]int{
	"or": 1, "and": 2,
	"=": 3, "<>": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
	"+": 4, "-": 4,
	"*": 5, "/": 5,
}

// token kinds
const (
	tEOF = iota
	tNum
	tStr
	tName
	tOp
)

type token struct {
	kind int
	text string
	num  decimal.Decimal
	col  int // rune offset in the formula
}

// lex splits src into tokens. Full-width forms are folded first, so a
// formula typed with a Chinese input method (（）＋，) reads the same.
func lex(src string) ([]token, *lexError) {
	rs := []rune(width.Fold.String(src))
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9':
			start := i
			for i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] == '.') {
				i++
			}
			text := string(rs[start:i])
			d, err := decimal.Parse(text)
			if err != nil {
				return nil, &lexError{start, fmt.Sprintf("%q is not a number", text)}
			}
			if i < len(rs) && rs[i] == '%' {
				d, _ = d.Quo(decimal.Hundred)
				i++
				text += "%"
			}
			toks = append(toks, token{kind: tNum, text: text, num: d, col: start})
		case r == '"' || r == '\'' || r == '“' || r == '‘':
			closeQ := r
			switch r {
			case '“':
				closeQ = '”'
			case '‘':
				closeQ = '’'
			}
			start := i
			i++
			for i < len(rs) && rs[i] != closeQ {
				i++
			}
			if i == len(rs) {
				return nil, &lexError{start, "text is not closed: missing " + string(closeQ)}
			}
			toks = append(toks, token{kind: tStr, text: string(rs[start+1 : i]), col: start})
			i++
		case unicode.IsLetter(r) || r == '_':
			start := i
			for i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) || rs[i] == '_') {
				i++
			}
			name := string(rs[start:i])
			switch lower := strings.ToLower(name); lower {
			case "and", "or", "not":
				name = lower // as Excel users type them: AND, Or
			}
			toks = append(toks, token{kind: tName, text: name, col: start})
		default:
			start := i
			op := string(r)
			if i+1 < len(rs) {
				two := string(rs[i : i+2])
				switch two {
				case "<=", ">=", "<>", "!=", "==", "&&", "||":
					op = two
				}
			}
			if !strings.Contains("+-*/()<>=,.!", string(r)) && len([]rune(op)) == 1 {
				return nil, &lexError{start, fmt.Sprintf("unexpected %q", op)}
			}
			i += len([]rune(op))
			switch op {
			case "==":
				op = "="
			case "!=":
				op = "<>"
			case "&&":
				op = "and"
			case "||":
				op = "or"
			case "!":
				op = "not"
			}
			toks = append(toks, token{kind: tOp, text: op, col: start})
		}
	}
	toks = append(toks, token{kind: tEOF, col: len(rs)})
	return toks, nil
}

type lexError struct {
	col int
	msg string
}

// parser is a precedence-climbing parser over the tokens of one formula.
type parser struct {
	toks []token
	i    int
	at   Pos // position of the formula's first character
	err  *lexError
	// depth is how deep the tree under construction is: brackets, calls,
	// signs and each operator of a chain such as a + b + c add one.
	depth int
}

// MaxFormulaDepth is how deep a formula may nest. Checking and scoring
// walk the tree recursively; no formula a person writes comes near it.
const MaxFormulaDepth = 200

// deeper adds one to the depth, failing at t past the limit.
func (p *parser) deeper(t token) bool {
	p.depth++
	if p.depth > MaxFormulaDepth {
		p.fail(t, fmt.Sprintf("the formula is nested deeper than %d", MaxFormulaDepth))
		return false
	}
	return true
}

// ParseFormula parses src, a formula that starts at pos in its file.
func ParseFormula(src string, pos Pos) (Expr, *Error) {
	toks, lerr := lex(src)
	if lerr != nil {
		return nil, &Error{Pos: pos.shift(lerr.col), Msg: lerr.msg}
	}
	p := &parser{toks: toks, at: pos}
	e := p.expr(1)
	if p.err == nil && p.peek().kind != tEOF {
		t := p.peek()
		p.fail(t, fmt.Sprintf("unexpected %q", t.text))
	}
	if p.err != nil {
		return nil, &Error{Pos: pos.shift(p.err.col), Msg: p.err.msg}
	}
	return e, nil
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) pos(t token) Pos { return p.at.shift(t.col) }

func (p *parser) fail(t token, msg string) {
	if p.err == nil {
		p.err = &lexError{t.col, msg}
	}
}

func (p *parser) binaryOp() (string, int, bool) {
	t := p.peek()
	if t.kind != tOp && !(t.kind == tName && (t.text == "and" || t.text == "or")) {
		return "", 0, false
	}
	prec, ok := precedence[t.text]
	return t.text, prec, ok
}

func (p *parser) expr(min int) Expr {
	defer func(d int) { p.depth = d }(p.depth)
	x := p.unary()
	for p.err == nil {
		op, prec, ok := p.binaryOp()
		if !ok || prec < min {
			return x
		}
		t := p.next()
		if !p.deeper(t) {
			return x
		}
		// Comparisons do not chain: a < b < c is an error, not (a < b) < c.
		next := prec + 1
		y := p.expr(next)
		x = &Binary{Pos: p.pos(t), Op: op, X: x, Y: y}
		if prec == 3 {
			if op2, prec2, ok := p.binaryOp(); ok && prec2 == 3 {
				p.fail(p.peek(), fmt.Sprintf("comparisons do not chain: use \"and\" before %q", op2))
			}
		}
	}
	return x
}

func (p *parser) unary() Expr {
	t := p.peek()
	defer func(d int) { p.depth = d }(p.depth)
	if !p.deeper(t) {
		return &Num{Pos: p.pos(t)}
	}
	if t.kind == tOp && (t.text == "-" || t.text == "+" || t.text == "not") || t.kind == tName && t.text == "not" {
		p.next()
		op := t.text
		if op == "+" {
			return p.unary()
		}
		if op == "not" {
			return &Unary{Pos: p.pos(t), Op: "not", X: p.expr(3)}
		}
		return &Unary{Pos: p.pos(t), Op: op, X: p.unary()}
	}
	return p.primary()
}

func (p *parser) primary() Expr {
	t := p.next()
	switch t.kind {
	case tNum:
		return &Num{Pos: p.pos(t), Value: t.num}
	case tStr:
		return &Str{Pos: p.pos(t), Value: t.text}
	case tName:
		if p.peek().kind == tOp && p.peek().text == "(" {
			p.next()
			c := &Call{Pos: p.pos(t), Func: strings.ToLower(t.text)}
			if p.peek().kind == tOp && p.peek().text == ")" {
				p.next()
				return c
			}
			for p.err == nil {
				c.Args = append(c.Args, p.expr(1))
				sep := p.next()
				if sep.kind == tOp && sep.text == ")" {
					break
				}
				if sep.kind != tOp || sep.text != "," {
					p.fail(sep, fmt.Sprintf("expected \",\" or \")\" in the call to %s", t.text))
				}
			}
			return c
		}
		r := &Ref{Pos: p.pos(t), Name: t.text}
		if p.peek().kind == tOp && p.peek().text == "." {
			p.next()
			f := p.next()
			if f.kind != tName {
				p.fail(f, fmt.Sprintf("expected points or score after %q", t.text+"."))
			}
			r.Field = f.text
		}
		return r
	case tOp:
		if t.text == "(" {
			x := p.expr(1)
			if c := p.next(); c.kind != tOp || c.text != ")" {
				p.fail(c, "expected \")\"")
			}
			return x
		}
		p.fail(t, fmt.Sprintf("unexpected %q", t.text))
	case tEOF:
		p.fail(t, "the formula ends too soon")
	}
	return &Num{Pos: p.pos(t)}
}

// Refs calls fn for every reference in e, in source order.
func Refs(e Expr, fn func(*Ref)) {
	switch e := e.(type) {
	case *Ref:
		fn(e)
	case *Unary:
		Refs(e.X, fn)
	case *Binary:
		Refs(e.X, fn)
		Refs(e.Y, fn)
	case *Call:
		for i, a := range e.Args {
			if i == 0 && IsLookup(e.Func) {
				continue // the table and its column, not a value
			}
			Refs(a, fn)
		}
	}
}
