package scoring

import (
	"fmt"
	"time"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// Split cuts a pay line's amount into its instalments: the amount is
// rounded half-up to 0.01, each instalment but the last is that times
// its share, rounded half-up to 0.01, and the last is what remains, so
// that the instalments add up to the rounded amount to the cent. 1,000.01
// over 0.33, 0.33 and the rest is 330.00, 330.00 and 340.01. out is
// reused when it has room.
func Split(amount decimal.Decimal, ins []*rules.Instalment, out []decimal.Decimal) ([]decimal.Decimal, error) {
	out = out[:0]
	total := RoundMoney(amount)
	left := total
	for k, in := range ins {
		if k == len(ins)-1 {
			out = append(out, left.Pad(2))
			break
		}
		part, err := total.Mul(in.Share.Value)
		if err != nil {
			return nil, err
		}
		part = RoundMoney(part)
		if left, err = left.Sub(part); err != nil {
			return nil, err
		}
		out = append(out, part)
	}
	return out, nil
}

// PaidIn is the month an instalment of period p's pay is paid in: After
// months after the month p ends in, or with YearEnd the December of its
// year. It is "" when the period is not known.
func PaidIn(p Period, in *rules.Instalment) string {
	if p.IsZero() {
		return ""
	}
	end := p.End()
	if in.YearEnd {
		return fmt.Sprintf("%04d-12", end.Year())
	}
	m := time.Date(end.Year(), end.Month()+time.Month(in.After), 1, 0, 0, 0, 0, time.UTC)
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))
}
