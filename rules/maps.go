package rules

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// MapEntry gives the points of one text of a metric's map, such as
// 优秀: 100.
type MapEntry struct {
	Pos    Pos    // where the text is written
	Text   string // the text, trimmed of spaces
	Points Number
}

// OtherText is what [Metric.Entry] shows for the map_other entry.
const OtherText = "other"

// Entry names the entry a metric's value fell in, by the index the
// engine reports: the band's range as written, the text of a map entry,
// or [OtherText] for map_other (the index len(Map)). It returns "" for an
// index that names nothing.
func (m *Metric) Entry(i int) string {
	switch {
	case i < 0:
		return ""
	case m.Map != nil && i < len(m.Map):
		return m.Map[i].Text
	case m.Map != nil && i == len(m.Map) && m.MapOther != nil:
		return OtherText
	case m.Map == nil && i < len(m.Bands):
		return m.Bands[i].When
	}
	return ""
}

// EntryPoints returns the points of the entry Entry(i) names.
func (m *Metric) EntryPoints(i int) Number {
	switch {
	case m.Map != nil && i < len(m.Map):
		return m.Map[i].Points
	case m.Map != nil:
		return *m.MapOther
	}
	return m.Bands[i].Points
}

// MapTexts lists the texts of the metric's map, in the order written.
func (m *Metric) MapTexts() []string {
	out := make([]string, len(m.Map))
	for i, e := range m.Map {
		out[i] = e.Text
	}
	return out
}

// metricMap decodes a metric's map: and map_other: keys.
func (d *decoder) metricMap(m *Metric, f map[string]*yaml.Node) {
	if x := f["map"]; x != nil {
		m.Map = []*MapEntry{}
		v := resolve(x)
		if v.Kind != yaml.MappingNode {
			d.errorf(x, "map must be a mapping of texts to points, such as {优秀: 100, 良好: 80}, not %s", describe(x))
		} else {
			list, _ := d.fields(v, "the map of "+m.Name, nil)
			for _, fl := range list {
				text := strings.TrimSpace(fl.key.Value)
				if text == "" {
					d.errorf(fl.key, "the map of %s: a text may not be empty", m.Name)
					continue
				}
				p := d.number(fl.value, "the points of "+text)
				if p == nil {
					continue
				}
				m.Map = append(m.Map, &MapEntry{Pos: d.pos(fl.key), Text: text, Points: *p})
			}
			if len(v.Content) == 0 {
				d.errorf(x, "metric %s has an empty map", m.Name)
			}
		}
	}
	if x := f["map_other"]; x != nil {
		m.MapOther = d.number(x, "map_other")
	}
	has := func(k string) bool { return f[k] != nil }
	switch {
	case has("map") && has("bands"):
		d.errorf(f["map"], "metric %s has both map and bands: keep one", m.Name)
		// One mistake, one message: the bands would ask for a number.
		m.Bands = nil
	case has("map") && has("points"):
		d.errorf(f["map"], "metric %s has both map and points: keep one", m.Name)
	case has("map") && !has("value"):
		d.errorf(f["map"], "metric %s has a map but no value for it to look up", m.Name)
	}
	if has("map_other") && !has("map") {
		d.errorf(f["map_other"], "metric %s has map_other but no map", m.Name)
	}
}

// mapValues checks each metric's map against its value: the value must
// be text, no entry may give more than the metric's max, and when the
// value is a column that lists its values, the map must hold each of
// them (unless map_other gives the rest) and nothing else.
func (c *checker) mapValues() {
	for _, m := range c.set.Metrics {
		if m.Map == nil {
			continue
		}
		if m.Max != nil {
			for _, p := range mapPoints(m) {
				if p.Value.Cmp(m.Max.Value) > 0 {
					c.errs.add(p.Pos, "points %s are above the metric's max of %s", p.Value, m.Max.Value)
				}
			}
		}
		if m.Value == nil {
			continue
		}
		r, ok := m.Value.Expr.(*Ref)
		if !ok || r.Field != "" {
			continue
		}
		d := c.decls[r.Name]
		if d == nil || d.kind != declColumn {
			continue
		}
		col := c.set.Columns[d.index]
		if col.Values == nil {
			continue
		}
		allowed := map[string]bool{}
		for _, v := range col.Values {
			allowed[v] = true
		}
		held := map[string]bool{}
		for _, e := range m.Map {
			held[e.Text] = true
			if !allowed[e.Text] {
				err := c.errs.add(e.Pos, "the map of %s: %q is not one of the values of column %s", m.Name, e.Text, col.Name)
				err.Hint = "the values are " + strings.Join(col.Values, ", ")
			}
		}
		var missing []string
		for _, v := range col.Values {
			if !held[v] {
				missing = append(missing, v)
			}
		}
		if len(missing) > 0 && m.MapOther == nil {
			quoted := make([]string, len(missing))
			for i, v := range missing {
				quoted[i] = `"` + v + `"`
			}
			e := c.errs.add(m.Value.Pos, "the map of %s has no points for %s, which column %s allows", m.Name, joinAnd(quoted), col.Name)
			e.Hint = "add them to the map, or give the points of any other text with map_other"
		}
	}
}

// mapPoints lists the points a metric's map can give, map_other last.
func mapPoints(m *Metric) []Number {
	out := make([]Number, 0, len(m.Map)+1)
	for _, e := range m.Map {
		out = append(out, e.Points)
	}
	if m.MapOther != nil {
		out = append(out, *m.MapOther)
	}
	return out
}
