package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"
)

// TableData holds the rows of one of the rules' tables (see
// [rules.Table]), found by their keys. The caller reads the rows (a sheet,
// another workbook, the results of other rules) and adds them; a
// [Scorer] made by [Scorer.WithTables] then looks values up in them.
type TableData struct {
	Def   *rules.Table
	File  string // the workbook that holds the table, as messages name it
	Sheet string // the sheet it was read from, as messages name it
	index map[string]int
	rows  []tableRow
}

type tableRow struct {
	keys   []string // as written, for messages and the detail
	values []Value  // one per column of the table
	where  string   // the row, as "目标 row 5" or "部门绩效 row 3"
}

// NewTableData returns an empty table for table i of the rules.
func (s *Scorer) NewTableData(i int, file, sheet string) *TableData {
	return &TableData{Def: s.set.Tables[i], File: file, Sheet: sheet, index: map[string]int{}}
}

// tableKey folds the keys' values as cells' keys are folded: trimmed, and
// full-width forms read as half-width, so "销售中心 " finds 销售中心.
func tableKey(keys []Value) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(NormalKey(k.String()))
	}
	return b.String()
}

// Add adds a row: a value per key and per column, in the table's order.
// A row whose keys an earlier row has is not added: Add returns where
// that row is.
func (t *TableData) Add(keys, values []Value, where string) (earlier string, ok bool) {
	k := tableKey(keys)
	if i, dup := t.index[k]; dup {
		return t.rows[i].where, false
	}
	texts := make([]string, len(keys))
	for i, v := range keys {
		texts[i] = v.String()
	}
	t.index[k] = len(t.rows)
	t.rows = append(t.rows, tableRow{keys: texts, values: append([]Value(nil), values...), where: where})
	return "", true
}

// Len returns the number of rows.
func (t *TableData) Len() int { return len(t.rows) }

// Describe names the keys and their values as messages do:
// "部门 财务部, KPI 预算达到率".
func describeKeys(def *rules.Table, keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = def.Keys[i].Name + " " + k
	}
	return strings.Join(parts, ", ")
}

// lookupSite is one call of lookup(): its slot holds the index of the
// row found, for the detail.
type lookupSite struct {
	call  *rules.Call
	table int
	col   int
	slot  int
}

// WithTables returns a scorer for the rules with their tables filled: one
// TableData per table of the rules, in their order. The scorer it is
// called on is not changed; the one returned is safe for concurrent use
// as any scorer is.
func (s *Scorer) WithTables(data []*TableData) (*Scorer, error) {
	// A nil entry is a table not read: its lookups have no value.
	if len(data) != len(s.set.Tables) {
		return nil, fmt.Errorf("%d tables given for the %d of the rules", len(data), len(s.set.Tables))
	}
	return compile(s.set, data)
}

// lookup compiles a call of lookup(table.column, key, ...).
func (c *compiler) lookup(e *rules.Call, args []evalFn) (evalFn, error) {
	ref, ok := e.Args[0].(*rules.Ref)
	if !ok {
		return nil, fmt.Errorf("%s: lookup of %s", e.Pos, rules.Source(e.Args[0]))
	}
	ti := c.s.set.TableIndex(ref.Name)
	if ti < 0 {
		return nil, fmt.Errorf("%s: unknown table %q", e.Pos, ref.Name)
	}
	def := c.s.set.Tables[ti]
	col := -1
	for i, x := range def.Columns {
		if x.Name == ref.Field {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("%s: table %s has no column %q", e.Pos, def.Name, ref.Field)
	}
	site := c.s.siteOfLookup[e]
	slot := c.s.lookups[site].slot
	keys := args[1:]
	var data *TableData
	if c.tables != nil {
		data = c.tables[ti]
	}
	noData := Absent(fmt.Sprintf("%s is not read when one row is scored alone", def.Name))
	var def0 Value
	hasDefault := false
	if d := def.Columns[col]; d.DefaultText != nil {
		def0, hasDefault = Str(*d.DefaultText), true
	} else if d.Default != nil {
		def0, hasDefault = Num(d.Default.Value), true
	}
	// The cells a miss names: the columns the keys read.
	miss := c.overflow(e)
	return func(env []Value) Value {
		if data == nil {
			env[slot] = noData
			return noData
		}
		vals := make([]Value, len(keys))
		for i, k := range keys {
			v := k(env)
			if v.Kind == Missing {
				env[slot] = v
				return v
			}
			vals[i] = v
		}
		i, found := data.index[tableKey(vals)]
		if !found {
			texts := make([]string, len(vals))
			for j, v := range vals {
				texts[j] = v.String()
			}
			if hasDefault {
				env[slot] = Absent("no row for " + describeKeys(def, texts) + ": the default")
				return def0
			}
			o := *miss
			o.Lookup = fmt.Sprintf("%s: %s has no row for %s", data.File, def.Name, describeKeys(def, texts))
			o.reason = o.Lookup
			env[slot] = o.absent()
			return env[slot]
		}
		env[slot] = Num(intValue(i))
		return data.rows[i].values[col]
	}, nil
}

// LookupTrace is what one call of lookup() found for a result.
type LookupTrace struct {
	Call   *rules.Call
	Table  string
	Column string
	Keys   string // "部门 销售中心, KPI 销售收入"; "" when no row was looked up
	Where  string // the row found, as "目标 row 5"; "" for none
	Value  Value
	Note   string // why no row was used: a key without a value, the default
}

// Lookups returns what each call of lookup() in the rules found, in the
// order of [rules.Set.LookupCalls].
func (r *Result) Lookups() []LookupTrace {
	out := make([]LookupTrace, len(r.s.lookups))
	for k, site := range r.s.lookups {
		def := r.s.set.Tables[site.table]
		lt := LookupTrace{Call: site.call, Table: def.Name, Column: def.Columns[site.col].Name}
		v := r.env[site.slot]
		switch {
		case v.Kind == Number && r.s.tableData != nil:
			i, _, _ := v.Num.Int64(0)
			row := r.s.tableData[site.table].rows[i]
			lt.Keys = describeKeys(def, row.keys)
			lt.Where = row.where
			lt.Value = row.values[site.col]
		default:
			lt.Note = v.Str
			if def0 := def.Columns[site.col]; strings.HasSuffix(v.Str, ": the default") {
				lt.Note = strings.TrimSuffix(v.Str, ": the default") + ", so the default"
				if def0.DefaultText != nil {
					lt.Value = Str(*def0.DefaultText)
				} else if def0.Default != nil {
					lt.Value = Num(def0.Default.Value)
				}
			}
		}
		out[k] = lt
	}
	return out
}

// Line renders a lookup as the detail shows it.
func (t LookupTrace) Line() string { return t.LineIn(nil) }

// LineIn is [LookupTrace.Line] said by w.
func (t LookupTrace) LineIn(w Words) string {
	if t.Where == "" {
		return w.Msg(t.Note)
	}
	where := t.Where
	if table, row, ok := strings.Cut(where, " row "); ok && w != nil {
		// "目标 row 5", or "部门绩效 row 3 as dept.yaml scores it" for
		// other rules' results.
		n, by, cut := strings.Cut(row, " as ")
		where = w.Say("{table} row {n}", table, n)
		if cut {
			where = w.Say("{where} as {file} scores it", where, strings.TrimSuffix(by, " scores it"))
		}
	}
	return w.Say("{col} of {where}, the row of {keys}: {value}", t.Column, where, t.Keys, t.Value.String())
}

// notLookedUp is the note of a lookup its formula did not need.
const notLookedUp = "not looked up: the formula did not need it"

// lookupValue is the value lookup site k found in env.
func (s *Scorer) lookupValue(k int, env []Value) Value {
	site := s.lookups[k]
	v := env[site.slot]
	if v.Kind == Number && s.tableData != nil {
		i, _, _ := v.Num.Int64(0)
		return s.tableData[site.table].rows[i].values[site.col]
	}
	if strings.HasSuffix(v.Str, ": the default") {
		d := s.set.Tables[site.table].Columns[site.col]
		if d.DefaultText != nil {
			return Str(*d.DefaultText)
		}
		return Num(d.Default.Value)
	}
	return v
}

// TargetWorking explains how metric i, scored against a target, came by
// its points: "target 100, proportional: 90 / 100 = 90% -> 90 points" or
// "target 100, lower is better, all or nothing: 101 > 100, not met -> 0
// points"; "" for a metric without a target.
func (r *Result) TargetWorking(i int) string { return r.TargetWorkingIn(nil, i) }

// TargetWorkingIn is [Result.TargetWorking] said by w.
func (r *Result) TargetWorkingIn(w Words, i int) string {
	m := r.s.set.Metrics[i]
	ms := r.s.metrics[i]
	if m.Target == nil {
		return ""
	}
	return targetWorking(w, m, r.env[ms.value], r.env[ms.target], r.env[ms.points])
}

func targetWorking(w Words, m *rules.Metric, v, t, p Value) string {
	shown := func(x Value) string {
		if m.Percent && x.Kind == Number {
			return percentOf(x.Num)
		}
		return x.String()
	}
	if t.Kind != Number {
		if t.Kind == Missing && t.Str != "" {
			return w.Say("target: missing: {why}", t.Str)
		}
		return w.Say("target: missing")
	}
	how := w.Say("target {n}", shown(t))
	if m.Lower {
		how += w.Say(", lower is better")
	}
	how += w.Say(", ") + w.Say(m.Mode)
	if v.Kind != Number || p.Kind != Number {
		return how
	}
	c := v.Num.Cmp(t.Num)
	met := c >= 0
	op := map[int]string{-1: "<", 0: "=", 1: ">"}[c]
	if m.Lower {
		met = c <= 0
	}
	word := "met"
	if !met {
		word = "not met"
	}
	if m.Mode == rules.TargetAll {
		return w.Say("{how}: {a} {op} {b}, {met} -> {n} points", how, shown(v), op, shown(t), w.Say(word), p.String())
	}
	num, den := v, t
	if m.Lower {
		num, den = t, v
	}
	if den.Num.IsZero() {
		return w.Say("{how}: {a} {op} {b}, {met} -> {n} points", how, shown(v), op, shown(t), w.Say(word), p.String())
	}
	share, err := num.Num.Quo(den.Num)
	if err != nil {
		return how
	}
	s := w.Say("{how}: {a} / {b} = {share}", how, shown(num), shown(den), percentOf(share))
	raw, _ := share.Mul(hundred)
	if raw.Cmp(p.Num) != 0 {
		return w.Say("{working}, {n} points, limited to {n2}", s, raw.Trim(0).String(), p.String())
	}
	return w.Say("{working} -> {n} points", s, p.String())
}

// caseTables is a scorer that reads the rows case c gives the rules'
// tables; the problems are located at the cells in the case's file.
func (s *Scorer) caseTables(c *rules.Case) (*Scorer, rules.ErrorList) {
	if len(c.Tables) == 0 {
		return s, nil
	}
	var errs rules.ErrorList
	data := make([]*TableData, len(s.set.Tables))
	for _, ct := range c.Tables {
		def := s.set.Tables[ct.Table]
		all := append(append([]*rules.Column{}, def.Keys...), def.Columns...)
		d := s.NewTableData(ct.Table, ct.Pos.File, def.Name)
		for n, row := range ct.Rows {
			vals := make([]Value, len(all))
			given := make([]bool, len(all))
			bad := false
			for _, in := range row.Cells {
				given[in.Column] = true
				col := all[in.Column]
				if col.Untyped() {
					// A figure of other rules' results: a number if it
					// reads as one, else text.
					if d, err := ParseNumber(in.Raw); err == nil {
						vals[in.Column] = Num(d)
					} else {
						vals[in.Column] = Str(strings.TrimSpace(in.Raw))
					}
					continue
				}
				v, err := BindColumn(col, def.Name+"."+col.Name+" is blank", in.Raw, PlainCell, "")
				if err != nil {
					errs = append(errs, &rules.Error{Pos: in.Pos, Msg: fmt.Sprintf("table %s: %v", def.Name, err)})
					bad = true
					continue
				}
				vals[in.Column] = v
			}
			for k, col := range all {
				if given[k] {
					continue
				}
				if k < len(def.Keys) {
					errs = append(errs, &rules.Error{Pos: row.Pos, Msg: fmt.Sprintf("a row of table %s gives no %s, one of its keys", def.Name, col.Name)})
					bad = true
					continue
				}
				v, err := BindColumn(col, def.Name+"."+col.Name+" is blank", "", PlainCell, "")
				if err != nil {
					v = Absent(fmt.Sprintf("%s.%s is not given", def.Name, col.Name))
				}
				vals[k] = v
			}
			if bad {
				continue
			}
			where := fmt.Sprintf("row %d of the case's %s", n+1, def.Name)
			if earlier, ok := d.Add(vals[:len(def.Keys)], vals[len(def.Keys):], where); !ok {
				errs = append(errs, &rules.Error{Pos: row.Pos, Msg: fmt.Sprintf("table %s: this row has the keys of %s", def.Name, earlier)})
			}
		}
		data[ct.Table] = d
	}
	if len(errs) > 0 {
		return nil, errs
	}
	ws, err := s.WithTables(data)
	if err != nil {
		return nil, rules.ErrorList{{Pos: c.Pos, Msg: err.Error()}}
	}
	return ws, nil
}
