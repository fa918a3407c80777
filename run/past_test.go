package run

import (
	"strings"
	"testing"
)

// jsonMeta reads the scheme and period at the head of scored JSON, and
// stops there: what follows them is never read, so rows cut short or
// damaged after them do not matter.
func TestJSONMeta(t *testing.T) {
	for _, tt := range []struct {
		doc, scheme, period string
	}{
		{`{"scheme": "ecommerce-cs", "period": "2026-03", "rows": [`, "ecommerce-cs", "2026-03"},
		{`{"version": "dev", "rules": {"file": "r.yaml"}, "period": "2026-Q1", "scheme": "cs-kpi"}`, "cs-kpi", "2026-Q1"},
		{`{"period": "2026-03"}`, "", "2026-03"},
		// Not scored results: no period, a null one, not an object.
		{`{"scheme": "ecommerce-cs", "period": null}`, "", ""},
		{`{"scheme": "ecommerce-cs", "rows": []}`, "", ""},
		{`[{"scheme": "ecommerce-cs", "period": "2026-03"}]`, "", ""},
		{`not json`, "", ""},
		{`{"scheme": 5, "period": "2026-03"}`, "", ""},
	} {
		scheme, period := jsonMeta(strings.NewReader(tt.doc))
		if scheme != tt.scheme || period != tt.period {
			t.Errorf("%s: %q, %q; want %q, %q", tt.doc, scheme, period, tt.scheme, tt.period)
		}
	}
}
