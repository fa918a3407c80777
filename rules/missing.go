package rules

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// ifMissing reads an if_missing: the word blank, or the points to give.
func (d *decoder) ifMissing(n *yaml.Node) (points *Number, blank bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		if strings.EqualFold(strings.TrimSpace(n.Value), "blank") {
			return nil, true
		}
		if v, err := ParseNumber(n.Value); err == nil {
			return &Number{Pos: d.pos(n), Value: v}, false
		}
	}
	e := d.errorf(n, "if_missing must be a number or blank, not %s", describe(n))
	e.Hint = "if_missing: 0 scores a value that cannot be computed as 0 points; if_missing: blank leaves it blank, with a note"
	return nil, false
}

// defaultIfMissing gives the file's numeric if_missing to every scored
// metric that states none of its own, so that the engine finds the points
// where it looks for them.
func defaultIfMissing(s *Set) {
	if s.IfMissing == nil {
		return
	}
	for _, m := range s.Metrics {
		if m.Scored() && m.IfMissing == nil && !m.IfMissingBlank {
			v := *s.IfMissing
			m.IfMissing = &v
		}
	}
}

// unusedIfMissing warns of a metric that gives points when its value
// cannot be computed but earns no points at all.
func (c *checker) unusedIfMissing() {
	for _, m := range c.set.Metrics {
		if m.IfMissing != nil && !m.Scored() {
			e := c.errs.warn(m.IfMissing.Pos, "metric %s earns no points, so if_missing: %s gives none", m.Name, m.IfMissing.Value)
			e.Hint = `write "if_missing: blank" to say that its value is left blank, with a note`
		}
	}
}
