package workbook

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// FuzzNormalize checks what matching headers relies on: a normalised
// header is normalised already, has no white space at its ends, no run of
// it and no line break inside, and the full-width spelling of a header
// matches the half-width one.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"询单人数", " 平均响应时间（秒） ", "平均响应时间\n(秒)", "Total\r\nscore", "a\u3000\u3000b", "ＫＰＩ", "\t", "", "a \n b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize(%q) = %q, but Normalize(%q) = %q", s, n, n, again)
		}
		if strings.TrimSpace(n) != n || strings.ContainsAny(n, "\r\n") {
			t.Fatalf("Normalize(%q) = %q: white space at an end, or a line break", s, n)
		}
		prev := false
		for _, r := range n {
			sp := unicode.IsSpace(r)
			if sp && (prev || r != ' ') {
				t.Fatalf("Normalize(%q) = %q: white space other than one space between words", s, n)
			}
			prev = sp
		}
		if w := Normalize(width.Widen.String(s)); w != n {
			t.Fatalf("Normalize of the full-width %q = %q, of %q = %q", width.Widen.String(s), w, s, n)
		}
	})
}
