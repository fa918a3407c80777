package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

type tierSlots struct {
	of, rate, amount int
}

// tierBand is where the tier reached by tier table i is kept among a
// result's band indexes: after the metrics' and the grade's.
func (s *Scorer) tierBand(i int) int { return len(s.set.Metrics) + 1 + i }

// tierStep compiles the step that rates the amount of tier table i.
func (c *compiler) tierStep(i int) (func([]Value, []int), error) {
	t := c.s.set.Tiers[i]
	ts := c.s.tiers[i]
	of, err := c.formula(t.Of)
	if err != nil {
		return nil, err
	}
	band := c.s.tierBand(i)
	marginal := t.Mode == rules.TierMarginal
	overflow := c.overflow(t.Of.Expr)
	return func(env []Value, bandOf []int) {
		v := of(env)
		env[ts.of] = v
		bandOf[band] = -1
		if v.Kind != Number {
			env[ts.rate], env[ts.amount] = v, v
			return
		}
		k := t.Find(v.Num)
		if k < 0 {
			none := Absent(fmt.Sprintf("%s %s is in none of the tiers of %s", t.Of.Source, v, t.Name))
			env[ts.rate], env[ts.amount] = none, none
			return
		}
		bandOf[band] = k
		rate := Num(t.Bands[k].Rate.Value)
		env[ts.rate] = rate
		if !marginal {
			env[ts.amount] = mul(v, rate, overflow)
			return
		}
		env[ts.amount] = marginalAmount(t, v.Num, overflow)
	}, nil
}

// marginalAmount pays each slice of v, from 0, at the rate of its tier.
// It allocates nothing, unlike [rules.Tiers.Slices], which the trace uses.
func marginalAmount(t *rules.Tiers, v decimal.Decimal, overflow *Overflow) Value {
	lo, hi := decimal.Zero, v
	neg := v.Sign() < 0
	if neg {
		lo, hi = v, decimal.Zero
	}
	acc := decimal.Zero
	for _, b := range t.Bands {
		a, z := lo, hi
		if b.Lo != nil && b.Lo.Cmp(a) > 0 {
			a = *b.Lo
		}
		if b.Hi != nil && b.Hi.Cmp(z) < 0 {
			z = *b.Hi
		}
		if a.Cmp(z) >= 0 {
			continue
		}
		n, err := z.Sub(a)
		if err == nil {
			n, err = n.Mul(b.Rate.Value)
		}
		if err == nil {
			acc, err = acc.Add(n)
		}
		if err != nil {
			return overflow.absent()
		}
	}
	if neg {
		acc = acc.Neg()
	}
	return Num(acc)
}

// TierTrace explains one tier table: the amount rated, the tier it
// reached, and what it pays, slice by slice in marginal mode.
type TierTrace struct {
	Tiers  *rules.Tiers
	Of     Step  // the amount rated
	Tier   int   // the tier the amount reached, or -1
	Rate   Value // that tier's rate
	Amount Value // what the table pays
}

// Tier returns tier table i's rate and amount; missing when its amount
// has no value or falls in none of its tiers.
func (r *Result) Tier(i int) (rate, amount Value) {
	ts := r.s.tiers[i]
	return r.env[ts.rate], r.env[ts.amount]
}

// TierTrace explains tier table i of r alone, for the detail sheet.
func (r *Result) TierTrace(i int) TierTrace { return r.s.traceTier(i, r.env, r.bands) }

// Working writes how the amount was paid, without the lookup that
// [TierTrace.Lines] puts first: "tier > 1000000, rate 1%: 1500000 x 1% =
// 15000", or in marginal mode each slice and their sum.
func (t TierTrace) Working() string { return t.WorkingIn(nil) }

// WorkingIn is [TierTrace.Working] said by w.
func (t TierTrace) WorkingIn(w Words) string {
	lines := t.LinesIn(w)
	if len(lines) < 2 {
		if t.Amount.Kind == Missing && t.Amount.Str != "" {
			return w.Say("missing: {why}", t.Amount.Str)
		}
		return ""
	}
	b := t.Tiers.Bands[t.Tier]
	parts := []string{w.Say("tier {when}, rate {rate}", strings.TrimSpace(b.When), rateText(b.Rate))}
	for _, l := range lines[1:] {
		parts = append(parts, strings.TrimSpace(l))
	}
	return strings.Join(parts, w.Say("; "))
}

func (s *Scorer) traceTier(i int, env []Value, bands []int) TierTrace {
	t := s.set.Tiers[i]
	ts := s.tiers[i]
	return TierTrace{Tiers: t, Of: s.step(t.Name, t.Of, env, -1, env[ts.of]), Tier: bands[s.tierBand(i)],
		Rate: env[ts.rate], Amount: env[ts.amount]}
}

// TraceTier explains what tier table i makes of the amount v, as
// explain --value shows it.
func (s *Scorer) TraceTier(i int, v decimal.Decimal) TierTrace {
	t := s.set.Tiers[i]
	tt := TierTrace{Tiers: t, Of: Step{Name: t.Name, Value: Num(v)}, Tier: t.Find(v)}
	if t.Of != nil {
		tt.Of.Formula = t.Of.Source
	}
	var pos rules.Pos
	if t.Of != nil {
		pos = t.Of.Pos
	}
	overflow := overflowIn(pos, t.Name, nil)
	switch {
	case tt.Tier < 0:
		none := Absent(fmt.Sprintf("%s is in none of the tiers of %s", v.Trim(0), t.Name))
		tt.Rate, tt.Amount = none, none
	case t.Mode == rules.TierMarginal:
		tt.Rate = Num(t.Bands[tt.Tier].Rate.Value)
		tt.Amount = marginalAmount(t, v, overflow)
	default:
		tt.Rate = Num(t.Bands[tt.Tier].Rate.Value)
		tt.Amount = mul(tt.Of.Value, tt.Rate, overflow)
	}
	return tt
}

// Lines writes the lookup, for the detail sheet and explain:
//
//	超额奖金 (whole): 超额 = 1500000 -> tier > 1000000, rate 1%
//	  1500000 x 1% = 15000
//
// and in marginal mode one line per slice, then their sum.
func (t TierTrace) Lines() []string { return t.LinesIn(nil) }

// LinesIn is [TierTrace.Lines] said by w.
func (t TierTrace) LinesIn(w Words) []string {
	of := t.Of
	of.Name, of.Formula = of.Formula, ""
	if of.Name == "" {
		of.Name = w.Say("amount")
	}
	head := w.Say("{name} ({mode}): {working}", t.Tiers.Name, w.Say(t.Tiers.Mode), of.StringIn(w))
	if t.Of.Value.Kind != Number {
		return []string{head}
	}
	if t.Tier < 0 {
		return []string{w.Say("{head} -> in none of the tiers, so no amount", head)}
	}
	b := t.Tiers.Bands[t.Tier]
	lines := []string{w.Say("{head} -> tier {when}, rate {rate}", head, strings.TrimSpace(b.When), rateText(b.Rate))}
	if t.Tiers.Mode != rules.TierMarginal {
		return append(lines, fmt.Sprintf("  %s x %s = %s", t.Of.Value, rateText(b.Rate), t.Amount))
	}
	slices, err := t.Tiers.Slices(t.Of.Value.Num)
	if err != nil {
		return lines
	}
	var terms []string
	for _, sl := range slices {
		tb := t.Tiers.Bands[sl.Tier]
		part, _ := sl.Amount.Mul(tb.Rate.Value)
		lines = append(lines, "  "+w.Say("slice {when}: {n} x {rate} = {n2}", strings.TrimSpace(tb.When), sl.Amount.Trim(0).String(), rateText(tb.Rate), part.Trim(0).String()))
		terms = append(terms, part.Trim(0).String())
	}
	switch len(terms) {
	case 0:
		return append(lines, "  "+w.Say("nothing from 0 to 0: 0"))
	case 1:
		return lines
	}
	return append(lines, fmt.Sprintf("  %s = %s", strings.Join(terms, " + "), t.Amount))
}

// rateText writes a rate as the file wrote it when it is a percentage,
// else as a number.
func rateText(n *rules.Number) string {
	return percentOf(n.Value)
}
