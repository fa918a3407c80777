package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// scanTokens lists the tokens of doc as the scanner sees them, in the form
// stdTokens uses, and how scanning ended: "eof", "eof inside an element" or
// "bad: <why>". Text is listed decoded; empty text is left out.
func scanTokens(sc *xmlScanner) (toks []string, end string) {
	for {
		switch sc.next() {
		case tokStart:
			var b strings.Builder
			fmt.Fprintf(&b, "<%s local=%s", sc.name, sc.local)
			for _, a := range sc.attrs {
				fmt.Fprintf(&b, " %s=%q", a.local, appendText(nil, a.value, a.plain))
			}
			toks = append(toks, b.String()+">")
		case tokEnd:
			toks = append(toks, fmt.Sprintf("</%s local=%s>", sc.name, sc.local))
		case tokText:
			if t := appendText(nil, sc.text, sc.plain); len(t) > 0 {
				toks = append(toks, fmt.Sprintf("%q", t))
			}
		case tokEOF:
			if sc.depth() > 0 {
				return toks, "eof inside an element"
			}
			return toks, "eof"
		default:
			return toks, "bad: " + sc.why
		}
	}
}

// stdTokens lists the tokens encoding/xml reads from doc, as excelize's
// decoder does, and how it ended. Adjacent text is merged, and the XML
// declaration left out, as the scanner reports them.
func stdTokens(doc []byte) (toks []string, end string) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var text []byte
	flush := func() {
		if len(text) > 0 {
			toks = append(toks, fmt.Sprintf("%q", text))
			text = nil
		}
	}
	// encoding/xml replaces prefixes with namespaces; the raw names are
	// read from the input.
	var open []string
	for {
		tok, err := d.Token()
		if err != nil {
			flush()
			if err == io.EOF {
				return toks, "eof"
			}
			if strings.Contains(err.Error(), "unexpected EOF") {
				return toks, "eof inside an element"
			}
			return toks, "error: " + err.Error()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			raw := rawName(doc, d, t.Name.Local)
			open = append(open, raw)
			var b strings.Builder
			fmt.Fprintf(&b, "<%s local=%s", raw, t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %s=%q", a.Name.Local, a.Value)
			}
			toks = append(toks, b.String()+">")
		case xml.EndElement:
			flush()
			raw := open[len(open)-1]
			open = open[:len(open)-1]
			toks = append(toks, fmt.Sprintf("</%s local=%s>", raw, t.Name.Local))
		case xml.CharData:
			text = append(text, t...)
		case xml.ProcInst:
			if t.Target != "xml" {
				flush()
				toks = append(toks, "<?"+t.Target+"?>")
			}
		default:
			flush()
			toks = append(toks, fmt.Sprintf("%T", t))
		}
	}
}

// rawName recovers the prefix of the start element just read: encoding/xml
// replaces it with the namespace URL.
func rawName(doc []byte, d *xml.Decoder, local string) string {
	// The start tag ends at the decoder's offset; its name follows the
	// last '<' before it.
	tag := doc[:d.InputOffset()]
	i := bytes.LastIndexByte(tag, '<')
	name := tag[i+1:]
	if j := bytes.IndexAny(name, " \t\r\n/>"); j >= 0 {
		name = name[:j]
	}
	if !strings.HasSuffix(string(name), local) {
		return local
	}
	return string(name)
}

// checkAgainstStd checks the scanner's promise: where it accepts doc, in
// memory or read in pieces of any size, encoding/xml accepts it too and
// reads the same tokens. It returns how the scanner ended.
func checkAgainstStd(t *testing.T, doc []byte) string {
	t.Helper()
	got, end := scanTokens(newScannerBytes(doc))
	for _, size := range []int{1, 2, 3, 5, 64} {
		func() {
			defer func(n int) { readSize = n }(readSize)
			readSize = size
			got2, end2 := scanTokens(newScannerReader(iotest.OneByteReader(bytes.NewReader(doc))))
			if end2 != end || !slices.Equal(got2, got) {
				t.Errorf("%q read %d bytes at a time:\n%s\n%s\nin memory:\n%s\n%s", doc, size,
					strings.Join(got2, "\n"), end2, strings.Join(got, "\n"), end)
			}
		}()
	}
	if strings.HasPrefix(end, "bad") {
		return end
	}
	want, wantEnd := stdTokens(doc)
	if end != wantEnd || !slices.Equal(got, want) {
		t.Errorf("%q:\nscanner:\n%s\n%s\nencoding/xml:\n%s\n%s", doc,
			strings.Join(got, "\n"), end, strings.Join(want, "\n"), wantEnd)
	}
	return end
}

// scannerDocs are documents the scanner accepts, unless marked bad.
var scannerDocs = []struct {
	doc string
	bad bool // the scanner leaves it to excelize
}{
	{doc: `<a/>`},
	{doc: `<a></a>`},
	{doc: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<a x="1" y='2'>t</a>`},
	{doc: `<?xml version='1.0' encoding='utf-8'?><a/>`},
	{doc: `<?xml version="1.0"?><a/>`},
	{doc: `<x:a xmlns:x="urn:x" xmlns="urn:d"><x:b xml:space="preserve"> s </x:b><c/></x:a>`},
	{doc: `<a b = "1"	c="2"/>`},
	{doc: `<a b="1"c="2"/>`},
	{doc: `<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x41;&#x4e2D;&#0065;&#xD800;&#x10FFFF;</a>`},
	{doc: `<a v="&lt;&amp;&#13;&#10;&#9;x" w="a>b" q='"' r="'"/>`},
	{doc: "<a>x\r\ny\rz\n\r\r\nw</a>"},
	{doc: "<a b=\"x\r\ny\rz\"/>"},
	{doc: "\ufeff<a>\t</a>"},
	{doc: `<a>]]</a>`},
	{doc: `<a>]&gt;</a>`},
	{doc: `<a v="]]>"/>`},
	{doc: "<a>\u00e9\u4e2d\U0001F600\ufffd</a>"},
	{doc: `<a></a >`},
	{doc: `<a><b><c/></b></a>trailing text`},
	{doc: `text before<a/>`},
	{doc: `<a><b>`},
	{doc: `<a.b-c_d e.f-g="1"/>`},
	{doc: `<a>` + strings.Repeat("long ", 5000) + `</a>`},

	{doc: `<a><!-- c --></a>`, bad: true},
	{doc: `<a><![CDATA[x]]></a>`, bad: true},
	{doc: `<!DOCTYPE a><a/>`, bad: true},
	{doc: `<?pi x?><a/>`, bad: true},
	{doc: `<?xml version="1.1"?><a/>`, bad: true},
	{doc: `<?xml version="1.0" encoding="latin1"?><a/>`, bad: true},
	{doc: `<?xml encoding="UTF-8"?><a/>`, bad: true},
	{doc: `<a>]]></a>`, bad: true},
	{doc: `<a>&nbsp;</a>`, bad: true},
	{doc: `<a>&amp</a>`, bad: true},
	{doc: `<a>&#;</a>`, bad: true},
	{doc: `<a>&#X41;</a>`, bad: true},
	{doc: `<a>&#0;</a>`, bad: true},
	{doc: `<a>&#xFFFE;</a>`, bad: true},
	{doc: `<a>&#x110000;</a>`, bad: true},
	{doc: `<a>&#99999999999999999999999;</a>`, bad: true},
	{doc: "<a>\x01</a>", bad: true},
	{doc: "<a>\xff</a>", bad: true},
	{doc: "<a>\xef\xbf\xbe</a>", bad: true},
	{doc: "<a>\xed\xa0\x80</a>", bad: true},
	{doc: `<a b="<"/>`, bad: true},
	{doc: `<a b=1/>`, bad: true},
	{doc: `<a b/>`, bad: true},
	{doc: `<a></b>`, bad: true},
	{doc: `<x:a></y:a>`, bad: true},
	{doc: `</a>`, bad: true},
	{doc: `<a/ >`, bad: true},
	{doc: `< a/>`, bad: true},
	{doc: `<1a/>`, bad: true},
	{doc: `<:a/>`, bad: true},
	{doc: `<a:/>`, bad: true},
	{doc: `<a:b:c/>`, bad: true},
	{doc: `<名/>`, bad: true},
	{doc: `<a`, bad: true},
	{doc: `<a b="1`, bad: true},
	{doc: `<a></a`, bad: true},
	{doc: `<a>&lt`, bad: true},
}

func TestScannerAgainstEncodingXML(t *testing.T) {
	for _, tt := range scannerDocs {
		end := checkAgainstStd(t, []byte(tt.doc))
		if bad := strings.HasPrefix(end, "bad"); bad != tt.bad {
			t.Errorf("%q: scanner ended with %s", tt.doc, end)
		}
	}
}

// FuzzScanner checks the scanner's promise on any input. Run it with
//
//	go test -run XXX -fuzz FuzzScanner ./workbook
func FuzzScanner(f *testing.F) {
	for _, tt := range scannerDocs {
		f.Add([]byte(tt.doc))
	}
	f.Add([]byte(sheetXML(longRow(20))))
	f.Add([]byte(commonSST))
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkAgainstStd(t, doc)
	})
}

func TestAppendUnescaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"_x000D_", "\r"},
		{"a_x000d_b", "a\rb"},
		{"_x005F_x0041_", "_x0041_"},
		{"_x005f_", "_"},
		{"_x0041__x0042_", "AB"},
		{"_x_x0041_", "_xA"},
		{"_xD800_", ""},
		{"_xdfff_x", "x"},
		{"_x00E9_", "é"},
		{"_x12_", "_x12_"},
		{"_x12345_", "_x12345_"},
		{"_xGGGG_", "_xGGGG_"},
		{"_x0041", "_x0041"},
		{"x_", "x_"},
	}
	for _, tt := range tests {
		if got := string(appendUnescaped(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendUnescaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidDecl(t *testing.T) {
	tests := []struct {
		decl string
		ok   bool
	}{
		{`xml version="1.0"`, true},
		{`xml version="1.0" encoding="UTF-8" standalone="yes"`, true},
		{`xml version='1.0' encoding='utf-8' standalone='no' `, true},
		{"xml\r\n version=\"1.0\"\tencoding=\"Utf-8\"", true},
		{`xml version="1.0" standalone="yes"`, true},
		{`xml`, false},
		{`xml encoding="UTF-8"`, false},
		{`xml version="1.0" encoding="UTF-16"`, false},
		{`xml version="1.0"encoding="UTF-8"`, false},
		{`xml version="1.0" standalone="yes" encoding="UTF-8"`, false},
		{`xml version="1.0" other="x"`, false},
		{`xml-stylesheet href="a"`, false},
		{`xml version="1.0`, false},
	}
	for _, tt := range tests {
		if got := validDecl([]byte(tt.decl)); got != tt.ok {
			t.Errorf("validDecl(%q) = %v, want %v", tt.decl, got, tt.ok)
		}
	}
}

// A read error is not the end of the sheet: the scanner stops, and the
// sheet goes to excelize.
func TestScannerReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<a><b>1</b>"), iotest.ErrReader(errors.New("disk gone")))
	toks, end := scanTokens(newScannerReader(r))
	if end != "bad: read: disk gone" {
		t.Errorf("ended with %q after %q", end, toks)
	}
}
