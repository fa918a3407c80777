package run

import (
	"fmt"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
)

// payouts writes the payout sheet, for finance: one row a person with the
// key columns and each pay line and pool share as paid (rounded half-up
// to 0.01), a pay line paid in instalments followed by a column per
// instalment, then a totals row, each total the sum of the cents above
// it. Only the totals are kept, so memory does not grow with the rows.
type payouts struct {
	l      *layout
	period scoring.Period
	cols   []payCol
	sums   []decimal.Decimal
	out    *writer
	cells  []workbook.Cell
	parts  []decimal.Decimal
}

// payCol is a column of the payout sheet: pay line line (or pool pool),
// the whole amount when part is -1, else its instalment part.
type payCol struct {
	line, pool, part int
}

// newPayouts returns nil when the rules pay nothing.
func newPayouts(l *layout, period scoring.Period) *payouts {
	p := &payouts{l: l, period: period}
	for i, line := range l.set.Pay {
		p.cols = append(p.cols, payCol{line: i, pool: -1, part: -1})
		for k := range line.Instalments {
			p.cols = append(p.cols, payCol{line: i, pool: -1, part: k})
		}
	}
	for k := range l.set.Pools {
		p.cols = append(p.cols, payCol{line: -1, pool: k, part: -1})
	}
	if len(p.cols) == 0 {
		return nil
	}
	p.sums = make([]decimal.Decimal, len(p.cols))
	return p
}

func (p *payouts) header() []string {
	var h []string
	for _, k := range p.l.keys {
		h = append(h, p.l.set.Columns[k].Name)
	}
	for _, c := range p.cols {
		h = append(h, p.colHeader(c))
	}
	return h
}

// colHeader heads a column: the pay line's name, or for an instalment
// "奖金 1/2 2026-04" (its share, and the month paid when the period
// scored says it).
func (p *payouts) colHeader(c payCol) string {
	if c.pool >= 0 {
		return p.l.set.Pools[c.pool].Name
	}
	line := p.l.set.Pay[c.line]
	if c.part < 0 {
		return line.Name
	}
	in := line.Instalments[c.part]
	paid := scoring.PaidIn(p.period, in)
	if paid == "" {
		paid = in.Paid
	}
	return fmt.Sprintf("%s %d/%d %s (%s)", line.Name, c.part+1, len(line.Instalments), paid, p.share(in))
}

func (p *payouts) widths() []int {
	w := make([]int, len(p.l.keys)+len(p.cols))
	for i := range p.cols {
		w[len(p.l.keys)+i] = 12
	}
	return w
}

// row adds one person. A pay line without a value is blank: the results'
// notes say why.
func (p *payouts) row(res *scoring.Result) error {
	set := p.l.set
	cells := p.cells[:0]
	for _, key := range p.l.keys {
		cells = append(cells, field{v: res.Input(key)}.cell())
	}
	line := -1
	for j, c := range p.cols {
		var v scoring.Value
		if c.pool >= 0 {
			v = res.Share(c.pool).Share
		} else {
			v = res.Pay(c.line)
		}
		if v.Kind != scoring.Number {
			cells = append(cells, workbook.Cell{})
			continue
		}
		amount := scoring.RoundMoney(v.Num)
		if c.part >= 0 {
			if line != c.line {
				var err error
				if p.parts, err = scoring.Split(v.Num, set.Pay[c.line].Instalments, p.parts); err != nil {
					return fmt.Errorf("%s: %w", set.Pay[c.line].Name, err)
				}
				line = c.line
			}
			amount = p.parts[c.part]
		}
		var err error
		if p.sums[j], err = p.sums[j].Add(amount); err != nil {
			return fmt.Errorf("%s: %w", p.colHeader(c), err)
		}
		cells = append(cells, yuan(amount))
	}
	p.cells = cells
	p.out.row(cells)
	return nil
}

// yuan is a money cell: ¥#,##0.00.
func yuan(d decimal.Decimal) workbook.Cell {
	return workbook.Cell{Kind: workbook.Number, Text: d.Pad(2).String(), Format: workbook.Yuan}
}

// totals adds the totals row: each column's sum.
func (p *payouts) totals() {
	cells := p.cells[:0]
	for range p.l.keys {
		cells = append(cells, workbook.Cell{})
	}
	if len(cells) > 0 {
		cells[0] = workbook.Cell{Kind: workbook.Text, Text: p.l.labels.Word("total"), Bold: true}
	}
	for j := range p.cols {
		c := yuan(p.sums[j])
		c.Bold = true
		cells = append(cells, c)
	}
	p.cells = cells
	p.out.row(cells)
}

// total is the sum of column j so far.
func (p *payouts) total(j int) decimal.Decimal { return p.sums[j] }

func (p *payouts) wait() error { return p.out.wait() }

// share writes an instalment's share: "33%", or "rest" (余额).
func (p *payouts) share(in *rules.Instalment) string {
	if in.Share == nil {
		return p.l.labels.Word("rest")
	}
	d, err := in.Share.Value.Mul(decimal.Hundred)
	if err != nil {
		return in.Share.Value.String()
	}
	return d.Trim(0).String() + "%"
}
