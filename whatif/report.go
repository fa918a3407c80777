package whatif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"appraise/rules"
	"appraise/scoring"

	"github.com/govalues/decimal"
)

// Meta says what was compared: both rule files, the workbook and the
// run, for the audit of a report.
type Meta struct {
	OldFile, OldSHA256 string
	NewFile, NewSHA256 string
	Input, Sheet       string
	InputSHA256        string
	Period             string // "" when none is known
	Version            string
}

// KeyNames lists the old rules' key columns, which name each person.
func (r *Report) KeyNames() []string {
	var out []string
	for _, c := range r.Old.Columns {
		if c.Key {
			out = append(out, c.Name)
		}
	}
	return out
}

// Who names a person by their key: "E001 王晓雯", or "row 7" without one.
func (c *Change) Who() string {
	if len(c.Key) == 0 {
		return fmt.Sprintf("row %d", c.Row)
	}
	return strings.Join(c.Key, " ")
}

// Signed writes a change with its sign: +1970.00, -0.5, 0.
func Signed(d decimal.Decimal) string {
	if d.Sign() > 0 {
		return "+" + d.String()
	}
	return d.String()
}

// Shown writes a figure for a report: a number exactly, a pay line to the
// cent, "-" for no value.
func Shown(c Column, v scoring.Value) string {
	switch {
	case v.Kind == scoring.Missing:
		return "-"
	case v.Kind == scoring.Number && c.Kind == Pay:
		return v.Num.Pad(2).String()
	}
	return v.String()
}

// GradeName writes a grade of the grade-to-grade table; "" is no grade.
func GradeName(g string) string {
	if g == "" {
		return "(none)"
	}
	return g
}

// Where writes a rule file position as file:line, or "-" for none.
func Where(p rules.Pos) string {
	if p.Line == 0 {
		return "-"
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Text is the short report for the terminal: the people who change, the
// grade-to-grade table, the cost of each pay line both ways, the rules
// that changed, and the largest changes, at most top of them.
func (r *Report) Text(top int) string { return r.TextIn(nil, false, top) }

// TextIn is [Report.Text] said by w; local heads the figures as the
// scored workbook does, in the rule file's language.
func (r *Report) TextIn(w scoring.Words, local bool, top int) string {
	var b strings.Builder
	if len(r.OldGrades) > 0 {
		b.WriteString(w.Say("{n} people, {n2} with a changed figure, {n3} change grade", fmt.Sprint(len(r.People)), fmt.Sprint(r.Changed), fmt.Sprint(r.Moved)))
	} else {
		b.WriteString(w.Say("{n} people, {n2} with a changed figure", fmt.Sprint(len(r.People)), fmt.Sprint(r.Changed)))
	}
	b.WriteString("\n")
	if len(r.OldGrades) > 0 {
		name := func(g string) string {
			if g == "" {
				return w.Say("(none)")
			}
			return g
		}
		head := []string{w.Say("grade: old \\ new")}
		for _, g := range r.NewGrades {
			head = append(head, name(g))
		}
		rows := [][]string{head}
		for _, from := range r.OldGrades {
			row := []string{name(from)}
			for _, to := range r.NewGrades {
				n := r.Moves[[2]string{from, to}]
				cell := "."
				if n > 0 {
					cell = fmt.Sprint(n)
				}
				row = append(row, cell)
			}
			rows = append(rows, row)
		}
		writeTable(&b, rows)
	}
	if len(r.Cost) > 0 {
		rows := [][]string{{w.Say("pay line"), w.Say("old"), w.Say("new"), w.Say("change")}}
		for _, c := range r.Cost {
			rows = append(rows, []string{c.Name, c.Old.String(), c.New.String(), Signed(c.Delta)})
		}
		for _, g := range r.Groups {
			for _, c := range g.Cost {
				rows = append(rows, []string{r.GroupColumn + " " + g.Group + ": " + c.Name, c.Old.String(), c.New.String(), Signed(c.Delta)})
			}
		}
		writeTable(&b, rows)
	}
	if len(r.Rules) == 0 {
		b.WriteString(w.Say("the rules' items are the same") + "\n")
	} else {
		b.WriteString(w.Say("rules changed:") + "\n")
		for _, c := range r.Rules {
			fmt.Fprintf(&b, "  %s\n", w.Say("{item}: {old} ({at}) -> {new} ({at2})", c.Item, orNone(w, c.Old), Where(c.OldAt), orNone(w, c.New), Where(c.NewAt)))
		}
	}
	shown := 0
	for i := range r.People {
		p := &r.People[i]
		if shown == top {
			break
		}
		var parts []string
		for j, c := range r.Columns {
			if p.Changed[j] && (c.Kind == Total || c.Kind == Grade || c.Kind == Coefficient || c.Kind == Pay) {
				h := c.Header
				if local {
					h = c.Local
				}
				parts = append(parts, fmt.Sprintf("%s %s -> %s", h, Shown(c, p.Old[j]), Shown(c, p.New[j])))
			}
		}
		if len(parts) == 0 {
			continue
		}
		if shown == 0 {
			b.WriteString(w.Say("largest changes:") + "\n")
		}
		shown++
		fmt.Fprintf(&b, "  %s: %s\n", p.Who(), strings.Join(parts, w.Say(", ")))
	}
	return b.String()
}

func orNone(w scoring.Words, s string) string {
	if s == "" {
		return w.Say("(none)")
	}
	return fmt.Sprintf("%q", s)
}

func mapNames(gs []string) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = GradeName(g)
	}
	return out
}

// writeTable writes rows as columns padded to their widest cell, counting
// a Chinese character as two.
func writeTable(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	for _, row := range rows {
		line := ""
		for i, c := range row {
			if i == len(row)-1 {
				line += c
				break
			}
			line += c + strings.Repeat(" ", widths[i]-textWidth(c)+2)
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// The JSON form of a report.
type (
	jsonReport struct {
		Old         jsonRules    `json:"old"`
		New         jsonRules    `json:"new"`
		Input       jsonInput    `json:"input"`
		Period      *string      `json:"period"`
		Version     string       `json:"version"`
		Summary     jsonSummary  `json:"summary"`
		Grades      *jsonGrades  `json:"grades"`
		Cost        []jsonCost   `json:"cost"`
		GroupColumn *string      `json:"group_column"`
		Groups      []jsonGroup  `json:"groups"`
		Rules       []jsonRule   `json:"rules"`
		People      []jsonPerson `json:"people"`
	}
	jsonRules struct {
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
		Scheme string `json:"scheme"`
	}
	jsonInput struct {
		File   string `json:"file"`
		Sheet  string `json:"sheet"`
		SHA256 string `json:"sha256"`
	}
	jsonSummary struct {
		People  int `json:"people"`
		Changed int `json:"changed"`
		Moved   int `json:"moved_grade"`
	}
	jsonGrades struct {
		Old   []*string  `json:"old"`
		New   []*string  `json:"new"`
		Moves []jsonMove `json:"moves"`
	}
	jsonMove struct {
		From   *string `json:"from"`
		To     *string `json:"to"`
		People int     `json:"people"`
	}
	jsonCost struct {
		Name   string `json:"name"`
		Old    string `json:"old"`
		New    string `json:"new"`
		Change string `json:"change"`
	}
	jsonGroup struct {
		Group string     `json:"group"`
		Cost  []jsonCost `json:"cost"`
	}
	jsonRule struct {
		Item  string  `json:"item"`
		Old   *string `json:"old"`
		New   *string `json:"new"`
		OldAt *string `json:"old_at"`
		NewAt *string `json:"new_at"`
	}
	jsonPerson struct {
		Row     int               `json:"row"`
		Key     map[string]string `json:"key"`
		Group   *string           `json:"group"`
		Changed bool              `json:"changed"`
		Figures []jsonFigure      `json:"figures"`
	}
	jsonFigure struct {
		Column  string  `json:"column"`
		Old     *string `json:"old"`
		New     *string `json:"new"`
		Change  *string `json:"change"`
		Changed bool    `json:"changed"`
	}
)

func ptr(s string) *string { return &s }

func grade(g string) *string {
	if g == "" {
		return nil
	}
	return ptr(g)
}

func plain(c Column, v scoring.Value) *string {
	if v.Kind == scoring.Missing {
		return nil
	}
	return ptr(Shown(c, v))
}

func jsonCosts(cs []Cost) []jsonCost {
	out := []jsonCost{}
	for _, c := range cs {
		out = append(out, jsonCost{c.Name, c.Old.String(), c.New.String(), Signed(c.Delta)})
	}
	return out
}

// JSON is the report for scripts: every person's figures both ways, in
// the order of the report, and the summary.
func (r *Report) JSON(m Meta) ([]byte, error) {
	doc := jsonReport{
		Old:     jsonRules{m.OldFile, m.OldSHA256, r.Old.Scheme},
		New:     jsonRules{m.NewFile, m.NewSHA256, r.New.Scheme},
		Input:   jsonInput{m.Input, m.Sheet, m.InputSHA256},
		Version: m.Version,
		Summary: jsonSummary{len(r.People), r.Changed, r.Moved},
		Cost:    jsonCosts(r.Cost),
		Rules:   []jsonRule{},
		People:  []jsonPerson{},
	}
	if m.Period != "" {
		doc.Period = ptr(m.Period)
	}
	if len(r.OldGrades) > 0 {
		g := &jsonGrades{Moves: []jsonMove{}}
		for _, x := range r.OldGrades {
			g.Old = append(g.Old, grade(x))
		}
		for _, x := range r.NewGrades {
			g.New = append(g.New, grade(x))
		}
		for _, from := range r.OldGrades {
			for _, to := range r.NewGrades {
				if n := r.Moves[[2]string{from, to}]; n > 0 {
					g.Moves = append(g.Moves, jsonMove{grade(from), grade(to), n})
				}
			}
		}
		doc.Grades = g
	}
	if r.GroupColumn != "" {
		doc.GroupColumn = ptr(r.GroupColumn)
		for _, g := range r.Groups {
			doc.Groups = append(doc.Groups, jsonGroup{g.Group, jsonCosts(g.Cost)})
		}
	}
	for _, c := range r.Rules {
		j := jsonRule{Item: c.Item}
		if c.OldAt.Line > 0 {
			j.Old, j.OldAt = ptr(c.Old), ptr(Where(c.OldAt))
		}
		if c.NewAt.Line > 0 {
			j.New, j.NewAt = ptr(c.New), ptr(Where(c.NewAt))
		}
		doc.Rules = append(doc.Rules, j)
	}
	names := r.KeyNames()
	for i := range r.People {
		p := &r.People[i]
		j := jsonPerson{Row: p.Row, Key: map[string]string{}, Figures: []jsonFigure{}}
		for k, v := range p.Key {
			if k < len(names) {
				j.Key[names[k]] = v
			}
		}
		if r.GroupColumn != "" {
			j.Group = ptr(p.Group)
		}
		for k, c := range r.Columns {
			f := jsonFigure{Column: c.Header, Old: plain(c, p.Old[k]), New: plain(c, p.New[k]), Changed: p.Changed[k]}
			if d, ok := p.Delta(k); ok {
				if c.Kind == Pay {
					d = d.Pad(2)
				}
				f.Change = ptr(Signed(d.Trim(0)))
				if c.Kind == Pay {
					f.Change = ptr(Signed(d))
				}
			}
			j.Changed = j.Changed || p.Changed[k]
			j.Figures = append(j.Figures, f)
		}
		doc.People = append(doc.People, j)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
