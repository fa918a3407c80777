package run

import (
	"fmt"
	"strings"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// Sheets of a scored workbook whose rules have a distribution, in
// English; a workbook in Chinese names them 分布 and 校准.
const (
	DistributionSheet = "distribution"
	CalibrationSheet  = "calibration"
)

// CurveSheet is the name of the distribution or calibration sheet (name,
// in English) in the scored workbook of set.
func CurveSheet(set *rules.Set, name string) string { return set.Local.Word(name) }

// fitStatus says in words how a group's grades fit the curve.
func fitStatus(f scoring.GroupFit, min int) string {
	switch {
	case !f.Applies:
		return fmt.Sprintf("the curve does not apply: %d people, fewer than %d", f.People, min)
	case f.Fits():
		return "fits"
	}
	return "does not fit"
}

// overText writes a grade's count against its quota: "+2", "-1" or "0".
func overText(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

// writeCurveSheets adds the distribution sheet (each group's count,
// quota and over or under, grade by grade) and, after a calibration,
// the calibration sheet (who moved from which grade to which and why).
func writeCurveSheets(w *workbook.Writer, opts Options, sum Summary) error {
	set := opts.Scorer.Rules()
	ds := set.Distribution
	if ds == nil || sum.Fit == nil {
		return nil
	}
	lab := set.Local
	group := ds.Group
	if group == "" {
		group = lab.Word("group")
	}
	head := []string{group}
	for _, h := range []string{"people", "", "share", "count", "quota", "over or under", "status"} {
		head = append(head, lab.Word(h))
	}
	head[2] = lab.Grade
	sh, err := w.Sheet(CurveSheet(set, DistributionSheet), head, 14, 8, 8, 8, 8, 8, 14, 40)
	if err != nil {
		return err
	}
	text := func(s string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: s} }
	num := func(n int) workbook.Cell { return workbook.Cell{Kind: workbook.Number, Text: fmt.Sprint(n)} }
	for _, f := range sum.Fit {
		g := f.Group
		if ds.Group == "" {
			g = "(all)"
		}
		status := fitStatus(f, ds.MinGroup)
		for _, x := range f.Grades {
			over := text(overText(x.Over()))
			pct, _ := x.Share.Mul(decimal.Hundred)
			if err := sh.Row([]workbook.Cell{text(g), num(f.People), text(x.Grade), text(pct.Trim(0).String() + "%"), num(x.Count), num(x.Quota), over, text(status)}); err != nil {
				return err
			}
		}
		if f.Other > 0 {
			if err := sh.Row([]workbook.Cell{text(g), num(f.People), text("(other)"), {}, num(f.Other), num(0), text(overText(f.Other)), text(status)}); err != nil {
				return err
			}
		}
	}
	if !sum.Calibrated {
		return nil
	}
	cs, err := w.Sheet(CurveSheet(set, CalibrationSheet), []string{lab.Word("person"), group, lab.Grade + beforeCalibration(lab), lab.Grade, lab.Word("why")}, 14, 14, 14, 10, 100)
	if err != nil {
		return err
	}
	for _, m := range sum.Moves {
		if err := cs.Row([]workbook.Cell{text(m.Key), text(m.Group), text(m.From), text(m.To), text(m.Why)}); err != nil {
			return err
		}
	}
	return nil
}

// jsonCurve writes the fit and the moves for the JSON results, or "".
func jsonCurve(opts Options, sum Summary) string {
	ds := opts.Scorer.Rules().Distribution
	if ds == nil || sum.Fit == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(",\n  \"distribution\": [")
	for i, f := range sum.Fit {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    {\"group\": %s, \"people\": %d, \"applies\": %t, \"fits\": %t, \"grades\": [", jstr(f.Group), f.People, f.Applies, f.Fits())
		for j, x := range f.Grades {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{\"grade\": %s, \"share\": %s, \"count\": %d, \"quota\": %d, \"over\": %d}", jstr(x.Grade), jstr(x.Share.Trim(0).String()), x.Count, x.Quota, x.Over())
		}
		fmt.Fprintf(&b, "], \"other\": %d}", f.Other)
	}
	b.WriteString("\n  ]")
	if sum.Calibrated {
		b.WriteString(",\n  \"calibration\": [")
		for i, m := range sum.Moves {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n    {\"person\": %s, \"group\": %s, \"from\": %s, \"to\": %s, \"why\": %s}", jstr(m.Key), jstr(m.Group), jstr(m.From), jstr(m.To), jstr(m.Why))
		}
		b.WriteString("\n  ]")
	}
	return b.String()
}
