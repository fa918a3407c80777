package run

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"
)

// pastFile is one scored result of an earlier period, as the history
// reads it: what the file says it is, and for each person the figures
// the rules' history functions need.
type pastFile struct {
	path    string
	scheme  string
	period  string
	figures *scoring.Figures
}

// pastHeader is where a history name stands in a scored workbook's
// results sheet: the headers it may have and how to read its cells.
type pastHeader struct {
	headers []string
	flag    string // for a flag: its name, looked for in the flags column
	text    bool   // the cell is text, such as a grade
}

// pastHeaders maps the rules' history names onto the columns of the
// results sheet that the same rules write. A name the sheet does not
// record is an error that says what to write instead.
func pastHeaders(set *rules.Set) ([]pastHeader, error) {
	var out []pastHeader
	var problems []string
	for _, n := range set.HistoryNames() {
		name, field, _ := strings.Cut(n, ".")
		h, ok := pastHeaderOf(set, name, field)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: the history reads %s, which a scored workbook does not record: use %s.points, or keep the results as JSON (--format json)", set.File, n, name))
		}
		out = append(out, h)
	}
	if problems != nil {
		return nil, &InputError{Problems: problems}
	}
	return out, nil
}

func pastHeaderOf(set *rules.Set, name, field string) (pastHeader, bool) {
	for _, c := range set.Columns {
		if c.Name == name {
			return pastHeader{headers: append([]string{c.Header}, c.Aliases...), text: c.Text}, true
		}
	}
	for _, m := range set.Metrics {
		if m.Name != name {
			continue
		}
		switch {
		case field == "points":
			return pastHeader{headers: both(set, func(l rules.Labels) string { return strings.ReplaceAll(l.Points, "{metric}", m.Name) })}, true
		case field == "" && !m.Scored():
			return pastHeader{headers: []string{m.Name}}, true
		}
		return pastHeader{}, false
	}
	for _, sec := range set.Sections {
		if sec.Name == name {
			return pastHeader{headers: both(set, func(l rules.Labels) string { return strings.ReplaceAll(l.Sections, "{section}", sec.Name) })}, true
		}
	}
	for _, f := range set.Flags {
		if f.Name == name {
			return pastHeader{headers: both(set, func(l rules.Labels) string { return l.Flags }), flag: f.Name}, true
		}
	}
	for _, p := range set.Pay {
		if p.Name == name {
			return pastHeader{headers: []string{p.Name}}, true
		}
	}
	for _, r := range set.Ranks {
		if r.Name == name {
			return pastHeader{headers: []string{r.Name}}, true
		}
	}
	switch name {
	case "total":
		return pastHeader{headers: both(set, func(l rules.Labels) string { return l.Total })}, true
	case "grade":
		return pastHeader{headers: both(set, func(l rules.Labels) string { return l.Grade }), text: true}, true
	case "coefficient":
		return pastHeader{headers: both(set, func(l rules.Labels) string { return l.Coefficient })}, true
	}
	return pastHeader{}, false
}

// both gives the header of a figure in a scored workbook, in the rules'
// language, then as CSV heads it, when that differs: a workbook scored
// before the language was known has the latter.
func both(set *rules.Set, header func(rules.Labels) string) []string {
	h, plain := header(set.Local), header(set.Labels)
	if h == plain {
		return []string{h}
	}
	return []string{h, plain}
}

// readPast reads the scored results at path, a workbook or JSON that
// appraise wrote, keeping of each person only what the history needs.
func readPast(path string, sc *scoring.Scorer) (*pastFile, error) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return readPastJSON(path, sc)
	}
	return readPastXLSX(path, sc)
}

// pastMeta reads what scored results at path say they are: their
// scheme and period. A file that is not appraise's results (an input
// workbook, say) gives neither.
func pastMeta(path string) (scheme, period string, err error) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		fh, err := os.Open(path)
		if err != nil {
			return "", "", fmt.Errorf("%s: %v", filepath.Base(path), unwrapPath(err))
		}
		defer fh.Close()
		scheme, period := jsonMeta(bufio.NewReader(fh))
		return scheme, period, nil
	}
	f, err := workbook.OpenWith(path, workbook.OpenOptions{Lazy: true})
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	sheet := auditSheet(f)
	if sheet == "" {
		return "", "", nil
	}
	audit, err := readAudit(f, sheet)
	if err != nil {
		return "", "", err
	}
	return audit["scheme"], audit["period"], nil
}

// jsonMeta reads the scheme and period of scored JSON results: the first
// members of the object appraise writes, so the rows after them are not
// read. Anything else, or a null period, gives neither.
func jsonMeta(r io.Reader) (scheme, period string) {
	d := json.NewDecoder(r)
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return "", ""
	}
	var gotScheme, gotPeriod bool
	for d.More() && !(gotScheme && gotPeriod) {
		t, err := d.Token()
		if err != nil {
			return "", ""
		}
		key, _ := t.(string)
		switch key {
		case "scheme":
			if d.Decode(&scheme) != nil {
				return "", ""
			}
			gotScheme = true
		case "period":
			var p *string
			if d.Decode(&p) != nil || p == nil {
				return "", ""
			}
			period, gotPeriod = *p, true
		default:
			var skip json.RawMessage
			if d.Decode(&skip) != nil {
				return "", ""
			}
		}
	}
	if !gotPeriod {
		return "", ""
	}
	return scheme, period
}

func readPastXLSX(path string, sc *scoring.Scorer) (*pastFile, error) {
	set := sc.Rules()
	f, err := workbook.OpenWith(path, workbook.OpenOptions{Lazy: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheet := auditSheet(f)
	if sheet == "" {
		sheet = AuditSheet // for the message that it is missing
	}
	audit, err := readAudit(f, sheet)
	if err != nil {
		return nil, err
	}
	heads, err := pastHeaders(set)
	if err != nil {
		return nil, err
	}
	p := &pastFile{path: path, scheme: audit["scheme"], period: audit["period"], figures: scoring.NewFigures(len(heads))}
	var cols []workbook.Column
	var keys []int
	for _, c := range set.Columns {
		if c.Key {
			keys = append(keys, len(cols))
			cols = append(cols, workbook.Column{Name: c.Name, Headers: append([]string{c.Header}, c.Aliases...)})
		}
	}
	first := len(cols)
	for i, h := range heads {
		cols = append(cols, workbook.Column{Name: set.HistoryNames()[i], Headers: h.headers})
	}
	for _, sheet := range auditSheets(audit) {
		if err := readPastSheet(f, sheet, cols, keys, first, heads, p); err != nil {
			return nil, err
		}
	}
	p.figures.Done()
	return p, nil
}

// readPastSheet adds the people of one results sheet to p.
func readPastSheet(f *workbook.File, sheet string, cols []workbook.Column, keys []int, first int, heads []pastHeader, p *pastFile) error {
	t, err := f.Table(sheet, cols)
	if err != nil {
		return err
	}
	defer t.Close()
	for t.Next() {
		row := t.Row()
		var key []string
		for _, k := range keys {
			key = append(key, strings.Clone(scoring.NormalKey(row.Cells[t.Index[k]])))
		}
		p.figures.AddKey(strings.Join(key, "|"))
		for i, h := range heads {
			cell := row.Cells[t.Index[first+i]]
			v, err := pastValue(h, cell)
			if err != nil {
				return fmt.Errorf("%s: %s", t.Ref(t.Index[first+i], row.Num), err)
			}
			p.figures.Add(v)
		}
	}
	return t.Err()
}

// pastValue reads one cell of a results sheet.
func pastValue(h pastHeader, cell string) (scoring.Value, error) {
	cell = strings.TrimSpace(cell)
	switch {
	case h.flag != "":
		for _, f := range strings.Split(cell, ",") {
			if strings.TrimSpace(f) == h.flag {
				return scoring.Value{Kind: scoring.Bool, Bool: true}, nil
			}
		}
		return scoring.Value{Kind: scoring.Bool}, nil
	case cell == "":
		return scoring.Absent("blank in the results"), nil
	case h.text:
		return scoring.Str(cell), nil
	}
	d, err := scoring.ParseNumber(cell)
	if err != nil {
		return scoring.Value{}, fmt.Errorf("%q is not a number", cell)
	}
	return scoring.Num(d), nil
}

// auditSheet finds the audit sheet of a scored workbook: named in English
// or Chinese, else the last sheet, where appraise writes it, when it has
// the audit's header; "" when there is none.
func auditSheet(f *workbook.File) string {
	names := f.SheetNames()
	for _, n := range []string{rules.English.Audit, rules.Chinese.Audit} {
		if contains(names, n) {
			return n
		}
	}
	if len(names) > 1 {
		last := names[len(names)-1]
		if _, err := readAudit(f, last); err == nil {
			return last
		}
	}
	return ""
}

// resultsSheet is the results sheet of a workbook appraise scored, as its
// audit records it, which the summary comes before; "" (the first sheet)
// for any other workbook.
func resultsSheet(f *workbook.File) string {
	if a := auditSheet(f); a != "" {
		if items, err := readAudit(f, a); err == nil {
			return items["sheet"]
		}
	}
	return ""
}

// readAudit reads the items of the audit sheet.
func readAudit(f *workbook.File, sheet string) (map[string]string, error) {
	t, err := f.Table(sheet, []workbook.Column{
		{Name: "item", Headers: []string{"item", rules.Chinese.Word("item")}},
		{Name: "value", Headers: []string{"value", rules.Chinese.Word("value")}}})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	items := map[string]string{}
	for t.Next() {
		row := t.Row()
		items[strings.TrimSpace(row.Cells[t.Index[0]])] = strings.TrimSpace(row.Cells[t.Index[1]])
	}
	return items, t.Err()
}

// pastJSON is the part of a scored JSON file the history reads.
type pastJSON struct {
	Scheme string  `json:"scheme"`
	Period *string `json:"period"`
	Rows   []struct {
		Key     map[string]*string `json:"key"`
		Inputs  map[string]*string `json:"inputs"`
		Metrics []struct {
			Name   string  `json:"name"`
			Value  *string `json:"value"`
			Points *string `json:"points"`
			Score  *string `json:"score"`
		} `json:"metrics"`
		Sections []struct {
			Name  string  `json:"name"`
			Score *string `json:"score"`
		} `json:"sections"`
		Total       *string  `json:"total"`
		Grade       *string  `json:"grade"`
		Coefficient *string  `json:"coefficient"`
		Flags       []string `json:"flags"`
		Pay         []struct {
			Name   string  `json:"name"`
			Amount *string `json:"amount"`
		} `json:"pay"`
		Ranks []struct {
			Name string  `json:"name"`
			Rank *string `json:"rank"`
		} `json:"ranks"`
	} `json:"rows"`
}

func readPastJSON(path string, sc *scoring.Scorer) (*pastFile, error) {
	set := sc.Rules()
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Base(path), unwrapPath(err))
	}
	var doc pastJSON
	if err := json.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: not the JSON results of appraise: %v", filepath.Base(path), err)
	}
	names := set.HistoryNames()
	p := &pastFile{path: path, scheme: doc.Scheme, figures: scoring.NewFigures(len(names))}
	if doc.Period != nil {
		p.period = *doc.Period
	}
	for i, row := range doc.Rows {
		var key []string
		for _, c := range set.Columns {
			if c.Key {
				k := ""
				if v := row.Key[c.Name]; v != nil {
					k = *v
				}
				key = append(key, scoring.NormalKey(k))
			}
		}
		p.figures.AddKey(strings.Join(key, "|"))
		for _, n := range names {
			name, field, _ := strings.Cut(n, ".")
			raw, found, text := jsonFigure(set, name, field, i, &doc)
			v, err := jsonPastValue(set, n, name, raw, found, text)
			if err != nil {
				return nil, fmt.Errorf("%s: row %d: %w", filepath.Base(path), i+1, err)
			}
			p.figures.Add(v)
		}
	}
	p.figures.Done()
	return p, nil
}

// jsonPastValue reads history name n (name before its ".field") from a
// row of JSON results, given what [jsonFigure] found.
func jsonPastValue(set *rules.Set, n, name string, raw *string, found, text bool) (scoring.Value, error) {
	v := scoring.Absent("not in the results")
	switch {
	case !found:
		return v, fmt.Errorf("the results record no %s", n)
	case isFlag(set, name):
		// A flag is listed by name when raised.
		return scoring.Value{Kind: scoring.Bool, Bool: raw != nil}, nil
	case raw == nil:
		v = scoring.Absent("blank in the results")
	case text:
		v = scoring.Str(*raw)
	default:
		d, err := scoring.ParseNumber(*raw)
		if err != nil {
			return v, fmt.Errorf("%s is %q, not a number", n, *raw)
		}
		v = scoring.Num(d)
	}
	return v, nil
}

func isFlag(set *rules.Set, name string) bool {
	for _, f := range set.Flags {
		if f.Name == name {
			return true
		}
	}
	return false
}

// jsonFigure finds a history name in row i of a JSON result: its text
// (nil for null), whether the row records it, and whether it is text.
// A flag gives a non-nil text when it was raised.
func jsonFigure(set *rules.Set, name, field string, i int, doc *pastJSON) (*string, bool, bool) {
	row := doc.Rows[i]
	for _, c := range set.Columns {
		if c.Name == name {
			v, ok := row.Inputs[name]
			if !ok {
				v, ok = row.Key[name]
			}
			return v, ok, c.Text
		}
	}
	for _, m := range row.Metrics {
		if m.Name == name {
			switch field {
			case "points":
				return m.Points, true, false
			case "score":
				return m.Score, true, false
			}
			return m.Value, true, false
		}
	}
	for _, s := range row.Sections {
		if s.Name == name {
			return s.Score, true, false
		}
	}
	if isFlag(set, name) {
		for _, f := range row.Flags {
			if f == name {
				return &f, true, false
			}
		}
		return nil, true, false
	}
	for _, p := range row.Pay {
		if p.Name == name {
			return p.Amount, true, false
		}
	}
	for _, r := range row.Ranks {
		if r.Name == name {
			return r.Rank, true, false
		}
	}
	switch name {
	case "total":
		return row.Total, true, false
	case "grade":
		return row.Grade, true, true
	case "coefficient":
		return row.Coefficient, true, false
	}
	return nil, false, false
}
