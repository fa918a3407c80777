package run

import (
	"fmt"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// payouts writes the payouts sheet: a row for each instalment of each pay
// line paid in instalments, person by person, then a totals row per such
// line. Only the totals are kept, so memory does not grow with the rows.
type payouts struct {
	l      *layout
	period scoring.Period
	lines  []int // the pay lines paid in instalments
	sums   []decimal.Decimal
	out    *writer
	cells  []workbook.Cell
	parts  []decimal.Decimal
}

// newPayouts returns nil when no pay line is paid in instalments.
func newPayouts(l *layout, period scoring.Period) *payouts {
	p := &payouts{l: l, period: period}
	for i, line := range l.set.Pay {
		if len(line.Instalments) > 0 {
			p.lines = append(p.lines, i)
		}
	}
	if len(p.lines) == 0 {
		return nil
	}
	p.sums = make([]decimal.Decimal, len(p.lines))
	return p
}

func (p *payouts) header() []string {
	var h []string
	for _, k := range p.l.keys {
		h = append(h, p.l.set.Columns[k].Name)
	}
	return append(h, "pay line", "instalment", "share", "paid in", "amount")
}

func (p *payouts) widths() []int {
	w := make([]int, len(p.l.keys)+5)
	w[len(p.l.keys)] = 16
	return w
}

// row adds the instalments of one person. A pay line without a value has
// none: the results' notes say why.
func (p *payouts) row(res *scoring.Result) error {
	set := p.l.set
	text := func(t string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Text: t} }
	for j, i := range p.lines {
		v := res.Pay(i)
		if v.Kind != scoring.Number {
			continue
		}
		line := set.Pay[i]
		var err error
		if p.parts, err = scoring.Split(v.Num, line.Instalments, p.parts); err != nil {
			return fmt.Errorf("%s: %w", line.Name, err)
		}
		for k, in := range line.Instalments {
			cells := p.cells[:0]
			for _, key := range p.l.keys {
				cells = append(cells, field{v: res.Input(key)}.cell())
			}
			paid := scoring.PaidIn(p.period, in)
			if paid == "" {
				paid = in.Paid
			}
			cells = append(cells, text(line.Name), text(fmt.Sprintf("%d of %d", k+1, len(line.Instalments))),
				text(share(in)), text(paid), workbook.Cell{Kind: workbook.Number, Text: p.parts[k].String(), Format: workbook.Money})
			p.cells = cells
			p.out.row(cells)
			if p.sums[j], err = p.sums[j].Add(p.parts[k]); err != nil {
				return fmt.Errorf("%s: %w", line.Name, err)
			}
		}
	}
	return nil
}

// totals adds a totals row per pay line: the sum of its rows.
func (p *payouts) totals() {
	for j, i := range p.lines {
		cells := p.cells[:0]
		for range p.l.keys {
			cells = append(cells, workbook.Cell{})
		}
		if len(cells) > 0 {
			cells[0] = workbook.Cell{Kind: workbook.Text, Text: "total"}
		}
		cells = append(cells, workbook.Cell{Kind: workbook.Text, Text: p.l.set.Pay[i].Name}, workbook.Cell{}, workbook.Cell{}, workbook.Cell{},
			workbook.Cell{Kind: workbook.Number, Text: p.sums[j].Pad(2).String(), Format: workbook.Money})
		p.cells = cells
		p.out.row(cells)
	}
}

func (p *payouts) wait() error { return p.out.wait() }

// share writes an instalment's share: "33%", or "rest".
func share(in *rules.Instalment) string {
	if in.Share == nil {
		return "rest"
	}
	d, err := in.Share.Value.Mul(decimal.Hundred)
	if err != nil {
		return in.Share.Value.String()
	}
	return d.Trim(0).String() + "%"
}
