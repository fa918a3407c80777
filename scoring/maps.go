package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"
)

// textMap is a metric's map compiled for lookups that do not allocate.
type textMap struct {
	m       *rules.Metric
	index   map[string]int
	other   Value // the points of map_other, or a missing value
	otherAt int   // the entry index reported for map_other
}

// compileMap returns the lookup of m's map, or nil when m has none.
func compileMap(m *rules.Metric) *textMap {
	if m.Map == nil {
		return nil
	}
	t := &textMap{m: m, index: make(map[string]int, len(m.Map)), otherAt: -1}
	for i, e := range m.Map {
		t.index[e.Text] = i
	}
	if m.MapOther != nil {
		t.other, t.otherAt = Num(m.MapOther.Value), len(m.Map)
	}
	return t
}

// find returns the points of the text v and the index of the entry that
// gave them (-1 for none). A value that is not text passes through, so
// that a missing value keeps its reason.
func (t *textMap) find(v Value) (Value, int) {
	if v.Kind != Text {
		return v, -1
	}
	if i, ok := t.index[strings.TrimSpace(v.Str)]; ok {
		return Num(t.m.Map[i].Points.Value), i
	}
	if t.otherAt >= 0 {
		return t.other, t.otherAt
	}
	return Absent(notInMap(t.m, v.Str)), -1
}

// notInMap says why a text earns no points: the map does not hold it.
// Only a row with such a text pays for the message.
func notInMap(m *rules.Metric, text string) string {
	return fmt.Sprintf("%s is %q, which the map of %s does not hold (%s)", m.Value.Source, text, m.Name, strings.Join(m.MapTexts(), ", "))
}

// TraceText explains what metric i, whose points come from a map, makes
// of the text v: the entry it finds and the points, weight and score.
func (s *Scorer) TraceText(i int, v string) MetricTrace {
	set := s.set
	m := set.Metrics[i]
	// Score a copy of the metric whose value is the text v, with the
	// engine's own step, as TraceValue does for a number.
	alt := *m
	alt.Value = &rules.Formula{Source: fmt.Sprintf("%q", v), Expr: &rules.Str{Value: v}}
	altSet := *set
	altSet.Metrics = append([]*rules.Metric(nil), set.Metrics...)
	altSet.Metrics[i] = &alt
	altScorer := *s
	altScorer.set = &altSet
	env := make([]Value, s.nslots)
	copy(env, s.consts)
	bands := make([]int, len(set.Metrics))
	if step, err := altScorer.compilerFor(-1).metric(i); err == nil {
		step(env, bands)
	}
	t := altScorer.traceMetric(i, env, bands[i])
	t.Metric = m
	t.Value = Step{Name: m.Name, Value: Str(v)}
	return t
}
