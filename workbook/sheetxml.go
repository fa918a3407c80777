package workbook

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// xmlScanner splits the XML of a worksheet or shared-string part into
// tokens without allocating for each one.
//
// It accepts a strict subset of what encoding/xml accepts (elements,
// attributes in quotes, text with the five named entities and character
// references, and an XML declaration for UTF-8) and, within that subset,
// yields exactly what encoding/xml yields: the same names, and text that
// [appendText] decodes to the same bytes. Everything else — comments,
// CDATA, DOCTYPE, processing instructions, other encodings, non-ASCII
// names, and any input encoding/xml would reject — stops the scanner with
// tokBad, and the caller hands the part to excelize, whose decoder is
// encoding/xml. Being stricter than encoding/xml is therefore always safe;
// being looser never is.
type xmlScanner struct {
	r        io.Reader // nil when buf holds the whole part
	buf      []byte
	pos, end int // unread input is buf[pos:end]
	eof      bool

	kind tokKind
	// name is the raw name of a start or end element, prefix included;
	// local is the part after the prefix, which is what excelize and
	// encoding/xml's unmarshalling compare.
	name, local []byte
	attrs       []xmlAttr // a start element's attributes
	selfClose   bool      // the start element ended with "/>"
	text        []byte    // raw character data, checked
	plain       bool      // text holds no reference and no '\r': it is its own value

	pendingEnd bool   // the last start element closed itself; its end comes next
	open       []byte // names of the open elements, back to back
	openEnds   []int  // where each open name ends in open

	why string // why the scanner stopped, for tests and debugging
}

type tokKind uint8

const (
	tokNone  tokKind = iota // before the first token
	tokBad                  // unsupported or malformed input; see why
	tokStart                // a start element
	tokEnd                  // an end element (also after a self-closing start)
	tokText                 // character data
	tokEOF                  // end of input
)

// xmlAttr is one attribute of a start element; its slices point into the
// scanner's buffer and are valid until the next call to next.
type xmlAttr struct {
	name  []byte // raw, prefix included
	local []byte
	value []byte // raw, checked
	plain bool   // value holds no reference and no '\r'
}

// needMore is returned by the scanning helpers when a token runs past the
// end of the buffer.
const needMore = -1

// maxRun is the most a single token may take, text or tag: a cell holds
// at most 32,767 characters, under 400 KB even written as character
// references, so a longer token is no spreadsheet program's and only
// makes the buffer grow, as a zip bomb of spaces within the size limits
// would.
var maxRun = 16 << 20

// whyLongRun is why the scanner stops on a token longer than maxRun; the
// reader then refuses the sheet rather than let excelize, which would
// hold the token whole, read it.
const whyLongRun = "a token longer than the most a cell holds"

// readSize is how much the scanner asks its reader for at a time; tests
// make it small to split tokens across reads.
var readSize = 64 << 10

func newScannerBytes(b []byte) *xmlScanner {
	return &xmlScanner{buf: b, end: len(b), eof: true}
}

func newScannerReader(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, readSize)}
}

// fail stops the scanner.
func (s *xmlScanner) fail(why string) tokKind {
	s.kind, s.why = tokBad, why
	s.pos, s.end, s.eof = 0, 0, true
	return tokBad
}

// fill reads more input, keeping buf[pos:end]. It reports whether anything
// was added.
func (s *xmlScanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		// One token is larger than the buffer.
		if len(s.buf) >= maxRun {
			s.fail(whyLongRun)
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	// Filling the buffer, rather than taking what one Read gives, means a
	// token that spans many reads is scanned again only each time the
	// buffer doubles.
	start := s.end
	for s.end < len(s.buf) && !s.eof {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.fail("read: " + err.Error())
			return false
		}
	}
	return s.end > start
}

// next advances to the next token and returns its kind. After tokBad and
// tokEOF it keeps returning the same.
func (s *xmlScanner) next() tokKind {
	if s.kind == tokBad || s.kind == tokEOF {
		return s.kind
	}
	if s.pendingEnd {
		s.pendingEnd = false
		s.kind = tokEnd
		s.popName()
		return tokEnd
	}
	for {
		if s.pos == s.end && !s.fill() {
			if s.why != "" {
				return tokBad
			}
			s.kind = tokEOF
			return tokEOF
		}
		var n int
		if s.buf[s.pos] == '<' {
			n = s.scanMarkup()
		} else {
			n = s.scanText()
		}
		if n >= 0 {
			s.pos = n
			return s.kind
		}
		if s.why != "" {
			return tokBad
		}
		if !s.fill() {
			if s.why != "" {
				return tokBad
			}
			if s.buf[s.pos] != '<' {
				// Text that runs to the end of the input.
				n = s.scanTextTo(s.end)
				if n < 0 {
					return tokBad
				}
				s.pos = n
				return tokText
			}
			return s.fail("unexpected end of input")
		}
	}
}

// scanText reads character data up to the next '<'.
func (s *xmlScanner) scanText() int {
	i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
	if i < 0 {
		return needMore
	}
	return s.scanTextTo(s.pos + i)
}

// scanTextTo checks buf[pos:stop] as character data and makes it the
// current token.
func (s *xmlScanner) scanTextTo(stop int) int {
	t := s.buf[s.pos:stop]
	plain, ok := checkChars(t, false)
	if !ok {
		s.fail("bad character data")
		return needMore
	}
	s.kind, s.text, s.plain = tokText, t, plain
	return stop
}

// scanMarkup reads a tag starting at buf[pos] == '<'.
func (s *xmlScanner) scanMarkup() int {
	b := s.buf[:s.end]
	i := s.pos + 1
	if i >= len(b) {
		return needMore
	}
	switch b[i] {
	case '/':
		return s.scanEnd(b, i+1)
	case '?':
		return s.scanDecl(b, i+1)
	case '!':
		s.fail("comment, CDATA or directive")
		return needMore
	}
	nameStart := i
	i, local := s.scanName(b, i)
	if i < 0 {
		return i
	}
	s.name, s.local = b[nameStart:i], b[local:i]
	s.attrs = s.attrs[:0]
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return needMore
		}
		switch b[i] {
		case '>':
			s.kind, s.selfClose = tokStart, false
			s.pushName(s.name)
			return i + 1
		case '/':
			if i+1 >= len(b) {
				return needMore
			}
			if b[i+1] != '>' {
				s.fail("expected /> in element")
				return needMore
			}
			s.kind, s.selfClose, s.pendingEnd = tokStart, true, true
			s.pushName(s.name)
			return i + 2
		}
		attrStart := i
		i, local = s.scanName(b, i)
		if i < 0 {
			return i
		}
		a := xmlAttr{name: b[attrStart:i], local: b[local:i]}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return needMore
		}
		if b[i] != '=' {
			s.fail("attribute without a value")
			return needMore
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return needMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			s.fail("unquoted attribute value")
			return needMore
		}
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return needMore
		}
		a.value = b[i+1 : i+1+j]
		var ok bool
		if a.plain, ok = checkChars(a.value, true); !ok {
			s.fail("bad attribute value")
			return needMore
		}
		s.attrs = append(s.attrs, a)
		i += j + 2
	}
}

// scanEnd reads the rest of an end tag, from the name on.
func (s *xmlScanner) scanEnd(b []byte, i int) int {
	nameStart := i
	i, local := s.scanName(b, i)
	if i < 0 {
		return i
	}
	name := b[nameStart:i]
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return needMore
	}
	if b[i] != '>' {
		s.fail("invalid characters in end tag")
		return needMore
	}
	if !s.matchTop(name) {
		s.fail("end tag does not match")
		return needMore
	}
	s.popName()
	s.kind, s.name, s.local = tokEnd, name, b[local:nameStart+len(name)]
	return i + 1
}

// scanDecl reads an XML declaration, the only processing instruction
// accepted, and only for version 1.0 in UTF-8: encoding/xml would switch
// to another encoding's reader.
func (s *xmlScanner) scanDecl(b []byte, i int) int {
	j := bytes.Index(b[i:], []byte("?>"))
	if j < 0 {
		if len(b)-i > 1024 {
			s.fail("long processing instruction")
		}
		return needMore
	}
	if !validDecl(b[i : i+j]) {
		s.fail("processing instruction other than a UTF-8 XML declaration")
		return needMore
	}
	// The declaration changes nothing, so it reads as empty text.
	s.kind, s.text, s.plain = tokText, nil, true
	return i + j + 2
}

// validDecl reports whether d (what lies between "<?" and "?>") is
// `xml version="1.0"`, then optionally an encoding of UTF-8 and a
// standalone declaration, in that order.
func validDecl(d []byte) bool {
	d, ok := bytes.CutPrefix(d, []byte("xml"))
	if !ok || len(d) == 0 || !isSpace(d[0]) {
		return false
	}
	param := func(d []byte, name string, ok func([]byte) bool) ([]byte, bool) {
		t := bytes.TrimLeft(d, " \t\r\n")
		if len(t) == len(d) {
			return d, false // a space must come first
		}
		t, found := bytes.CutPrefix(t, []byte(name+"="))
		if !found || len(t) == 0 || t[0] != '"' && t[0] != '\'' {
			return d, false
		}
		end := bytes.IndexByte(t[1:], t[0])
		if end < 0 || !ok(t[1:1+end]) {
			return d, false
		}
		return t[end+2:], true
	}
	d, ok = param(d, "version", func(v []byte) bool { return string(v) == "1.0" })
	if !ok {
		return false
	}
	d, _ = param(d, "encoding", func(v []byte) bool { return bytes.EqualFold(v, []byte("utf-8")) })
	d, _ = param(d, "standalone", func(v []byte) bool { return string(v) == "yes" || string(v) == "no" })
	return len(bytes.TrimLeft(d, " \t\r\n")) == 0
}

// scanName reads an ASCII name at b[i] and returns the index after it and
// where its local part starts. Names with more than one colon, or with a
// colon at either end, are refused: encoding/xml splits those differently
// or not at all.
func (s *xmlScanner) scanName(b []byte, i int) (end, local int) {
	start := i
	if i >= len(b) {
		return needMore, 0
	}
	if c := b[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_') {
		s.fail("expected a name")
		return needMore, 0
	}
	local = start
	for i++; ; i++ {
		if i >= len(b) {
			return needMore, 0
		}
		c := b[i]
		if nameByte[c] {
			if c == ':' {
				if local != start {
					s.fail("name with two colons")
					return needMore, 0
				}
				local = i + 1
			}
			continue
		}
		if c >= utf8.RuneSelf {
			s.fail("non-ASCII name")
			return needMore, 0
		}
		break
	}
	if local == i {
		s.fail("name ending in a colon")
		return needMore, 0
	}
	return i, local
}

func (s *xmlScanner) pushName(name []byte) {
	s.open = append(s.open, name...)
	s.openEnds = append(s.openEnds, len(s.open))
}

func (s *xmlScanner) matchTop(name []byte) bool {
	n := len(s.openEnds)
	if n == 0 {
		return false
	}
	start := 0
	if n > 1 {
		start = s.openEnds[n-2]
	}
	return bytes.Equal(s.open[start:], name)
}

// popName closes the innermost open element. For the end of a
// self-closing element, it also makes name and local point at the saved
// name, which stays valid until the next start element.
func (s *xmlScanner) popName() {
	n := len(s.openEnds)
	start := 0
	if n > 1 {
		start = s.openEnds[n-2]
	}
	s.name = s.open[start:s.openEnds[n-1]]
	if i := bytes.IndexByte(s.name, ':'); i >= 0 {
		s.local = s.name[i+1:]
	} else {
		s.local = s.name
	}
	s.open = s.open[:start]
	s.openEnds = s.openEnds[:n-1]
}

// depth is the number of open elements.
func (s *xmlScanner) depth() int { return len(s.openEnds) }

// skip reads up to and including the end of the element just started.
func (s *xmlScanner) skip() bool {
	d := s.depth() - 1
	for {
		switch s.next() {
		case tokEnd:
			if s.depth() == d {
				return true
			}
		case tokBad, tokEOF:
			return false
		}
	}
}

// nameByte marks the bytes encoding/xml allows in names, apart from
// non-ASCII ones.
var nameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-'
	}
	return t
}()

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}

// charClass sorts bytes for checkChars: 0 needs no attention.
var charClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = ccBad
	}
	t['\t'], t['\n'] = 0, 0
	t['\r'] = ccCR
	t['&'] = ccAmp
	t['<'] = ccLT
	t['>'] = ccGT
	for c := 0x80; c < 0x100; c++ {
		t[c] = ccHigh
	}
	return t
}()

const (
	ccBad = iota + 1
	ccCR
	ccAmp
	ccLT
	ccGT
	ccHigh
)

// checkChars checks raw character data (attr false) or an attribute value
// (attr true) as encoding/xml would: valid UTF-8, only characters XML
// allows, references that resolve, no '<' in a value, no "]]>" in text. It
// also reports whether t needs no decoding.
func checkChars(t []byte, attr bool) (plain, ok bool) {
	plain = true
	for i := 0; i < len(t); {
		c := t[i]
		switch charClass[c] {
		case 0:
			i++
		case ccBad:
			return false, false
		case ccCR:
			plain = false
			i++
		case ccAmp:
			n := refLen(t[i:])
			if n < 0 {
				return false, false
			}
			plain = false
			i += n
		case ccLT:
			return false, false
		case ccGT:
			if !attr && i >= 2 && t[i-1] == ']' && t[i-2] == ']' {
				return false, false
			}
			i++
		case ccHigh:
			r, n := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError && n == 1 || !inCharRange(r) {
				return false, false
			}
			i += n
		}
	}
	return plain, true
}

// refLen returns the length of the entity or character reference at the
// start of t, or -1 when encoding/xml would refuse it.
func refLen(t []byte) int {
	if len(t) < 3 {
		return -1
	}
	if t[1] != '#' {
		for _, e := range namedRefs {
			if bytes.HasPrefix(t, []byte(e.ref)) {
				return len(e.ref)
			}
		}
		return -1
	}
	r, n := charRef(t)
	if n < 0 || !inCharRange(r) {
		return -1
	}
	return n
}

var namedRefs = []struct {
	ref string
	c   byte
}{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}}

// charRef decodes a character reference "&#...;" at the start of t as
// encoding/xml does: decimal, or hexadecimal after a lower-case x; a code
// point that is not a valid rune (a surrogate) becomes U+FFFD. It returns
// n < 0 for a malformed reference.
func charRef(t []byte) (r rune, n int) {
	i, base := 2, rune(10)
	if i < len(t) && t[i] == 'x' {
		i, base = 3, 16
	}
	start := i
	var v rune
	for ; i < len(t); i++ {
		c := t[i]
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			d = -1
		}
		if d < 0 {
			break
		}
		v = v*base + d
		if v > utf8.MaxRune {
			return 0, -1 // beyond what encoding/xml accepts, whether it overflows or not
		}
	}
	if i == start || i >= len(t) || t[i] != ';' {
		return 0, -1
	}
	if !utf8.ValidRune(v) {
		v = utf8.RuneError
	}
	return v, i + 1
}

// inCharRange reports whether XML allows r in a document.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendText appends the value of raw character data or of an attribute
// value already checked by checkChars: references resolved, and "\r\n" and
// a lone '\r' written as '\n', as encoding/xml does.
func appendText(dst, raw []byte, plain bool) []byte {
	if plain {
		return append(dst, raw...)
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '\r':
			dst = append(dst, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case '&':
			if raw[i+1] == '#' {
				r, n := charRef(raw[i:])
				dst = utf8.AppendRune(dst, r)
				i += n
				continue
			}
			for _, e := range namedRefs {
				if bytes.HasPrefix(raw[i:], []byte(e.ref)) {
					dst = append(dst, e.c)
					i += len(e.ref)
					break
				}
			}
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '&' && raw[j] != '\r' {
				j++
			}
			dst = append(dst, raw[i:j]...)
			i = j
		}
	}
	return dst
}
