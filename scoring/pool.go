package scoring

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/govalues/decimal"
)

// Share divides amount, a sum to the cent, among people in proportion to
// weights, each >= 0. Each share is first rounded down to the cent; the
// cents left over go one each to the largest remainders, a tie to the
// lower key (then to the earlier person). The shares always add up to
// amount exactly.
func Share(amount decimal.Decimal, weights []decimal.Decimal, keys []string) ([]decimal.Decimal, error) {
	if amount.Sign() < 0 || amount.Trim(0).Scale() > 2 {
		return nil, fmt.Errorf("the pool %s is not a sum to the cent", amount)
	}
	if len(weights) == 0 {
		return nil, errors.New("no one has a weight")
	}
	scale := 0
	for i, w := range weights {
		if w.Sign() < 0 {
			return nil, fmt.Errorf("%s has a weight below 0: %s", keys[i], w)
		}
		scale = max(scale, w.Scale())
	}
	m := make([]*big.Int, len(weights))
	sum := new(big.Int)
	for i, w := range weights {
		m[i] = new(big.Int).SetUint64(w.Coef())
		m[i].Mul(m[i], pow10(scale-w.Scale()))
		sum.Add(sum, m[i])
	}
	if sum.Sign() == 0 {
		return nil, errors.New("the weights add up to 0")
	}
	a := amount.Pad(2)
	cents := new(big.Int).SetUint64(a.Coef())
	floor := make([]int64, len(weights))
	rem := make([]*big.Int, len(weights))
	left := new(big.Int).Set(cents)
	for i := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(cents, m[i]), sum, new(big.Int))
		floor[i], rem[i] = q.Int64(), r
		left.Sub(left, q)
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if c := rem[y].Cmp(rem[x]); c != 0 {
			return c
		}
		return strings.Compare(keys[x], keys[y])
	})
	for j := int64(0); j < left.Int64(); j++ {
		floor[order[j]]++
	}
	out := make([]decimal.Decimal, len(weights))
	for i, c := range floor {
		d, err := decimal.New(c, 2)
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// poolSlots is how a pool's weight is computed and grouped.
type poolSlots struct {
	weight evalFn
	group  int // the column of the groups, or -1
}

// PoolShare is one person's part of a pool, with how it was worked out.
type PoolShare struct {
	Share  Value           // to the cent; missing with the reason
	Weight Value           // the person's weight
	Group  string          // the group, for a pool by group
	Amount decimal.Decimal // the sum shared in the group
	Sum    decimal.Decimal // the weights of the group added up
	Among  int             // the people it was shared among
	Cent   bool            // the share holds one of the cents left over
}

// Share returns pool k's share of the result. Outside a [Pooling] it is
// missing: a pool needs the whole sheet.
func (r *Result) Share(k int) PoolShare {
	if r.shares == nil {
		return PoolShare{Share: Absent(fmt.Sprintf("%s is shared among the whole sheet, not one row", r.s.set.Pools[k].Name))}
	}
	return r.shares[k]
}

// Pooling shares the pools of a sheet. Rules with pools are scored as
// ranks are, in passes: each row's final figures are given to
// [Pooling.Add], [Pooling.Done] shares the pools, and [Pooling.Fill]
// gives each row its shares, in the order they were added.
type Pooling struct {
	s        *Scorer
	unshared []Unshared
	keys     []string
	weight   [][]Value  // per pool, per row
	group    [][]string // per pool, per row
	shares   [][]PoolShare
}

// NewPooling returns an empty Pooling for s's rules.
func (s *Scorer) NewPooling() *Pooling {
	n := len(s.set.Pools)
	return &Pooling{s: s, weight: make([][]Value, n), group: make([][]string, n), shares: make([][]PoolShare, n)}
}

// Add keeps the weights of the row r has just scored.
func (p *Pooling) Add(r *Result) {
	var key []string
	for i, c := range p.s.set.Columns {
		if c.Key {
			key = append(key, strings.TrimSpace(r.env[i].String()))
		}
	}
	p.keys = append(p.keys, strings.Join(key, " "))
	for k, ps := range p.s.pools {
		p.weight[k] = append(p.weight[k], ps.weight(r.env))
		g := ""
		if ps.group >= 0 {
			g = strings.TrimSpace(r.env[ps.group].String())
		}
		p.group[k] = append(p.group[k], g)
	}
}

// Unshared is a pool's sum for a group that no one with a weight is in:
// nobody is paid it.
type Unshared struct {
	Pool   string
	Group  string // "" for a pool over the whole sheet
	Amount decimal.Decimal
}

// Unshared lists the sums that Done found no one to share among, pool by
// pool in the rules' order.
func (p *Pooling) Unshared() []Unshared { return p.unshared }

// Done shares each pool among the rows added, group by group.
func (p *Pooling) Done() {
	for k, pl := range p.s.set.Pools {
		n := len(p.keys)
		out := make([]PoolShare, n)
		byGroup := map[string][]int{}
		var groups []string
		for i := 0; i < n; i++ {
			g := p.group[k][i]
			out[i] = PoolShare{Weight: p.weight[k][i], Group: g}
			w := p.weight[k][i]
			if w.Kind != Number {
				reason := w.Str
				if reason == "" {
					reason = fmt.Sprintf("%s has no value", pl.Weight.Source)
				}
				out[i].Share = Absent(fmt.Sprintf("%s: no share: the weight %s", pl.Name, reason))
				continue
			}
			if _, ok := byGroup[g]; !ok {
				groups = append(groups, g)
			}
			byGroup[g] = append(byGroup[g], i)
		}
		for _, g := range groups {
			rows := byGroup[g]
			amount, ok := pl.AmountFor(g)
			if !ok {
				for _, i := range rows {
					out[i].Share = Absent(fmt.Sprintf("%s: no share: the rules give no amount for %s %q", pl.Name, pl.Group, g))
				}
				continue
			}
			ws := make([]decimal.Decimal, len(rows))
			keys := make([]string, len(rows))
			sum := decimal.Zero
			for j, i := range rows {
				ws[j], keys[j] = p.weight[k][i].Num, p.keys[i]
				sum, _ = sum.Add(ws[j])
			}
			shares, err := Share(amount, ws, keys)
			for j, i := range rows {
				out[i].Amount, out[i].Sum, out[i].Among = amount.Pad(2), sum.Trim(0), len(rows)
				if err != nil {
					out[i].Share = Absent(fmt.Sprintf("%s: no share: %v", pl.Name, err))
					continue
				}
				out[i].Share = Num(shares[j])
				// Rounded down, the share would be less.
				exact, qerr := amount.Mul(ws[j])
				if qerr == nil {
					if exact, qerr = exact.Quo(sum); qerr == nil {
						out[i].Cent = shares[j].Cmp(exact.Trunc(2)) > 0
					}
				}
			}
		}
		p.shares[k] = out
		if len(groups) == 0 && pl.Amount != nil && pl.Group == "" {
			p.unshared = append(p.unshared, Unshared{Pool: pl.Name, Amount: pl.Amount.Value.Pad(2)})
		}
		for _, a := range pl.Amounts {
			if _, ok := byGroup[a.Group]; !ok {
				p.unshared = append(p.unshared, Unshared{Pool: pl.Name, Group: a.Group, Amount: a.Amount.Pad(2)})
			}
		}
	}
}

// Fill gives r, the result of row i as it was added, its shares.
func (p *Pooling) Fill(i int, r *Result) {
	if len(p.shares) == 0 {
		return
	}
	if r.shares == nil {
		r.shares = make([]PoolShare, len(p.shares))
	}
	for k := range p.shares {
		r.shares[k] = p.shares[k][i]
	}
}

// compilePools compiles each pool's weight.
func (c *compiler) compilePools() error {
	for _, pl := range c.s.set.Pools {
		c.self = -1
		f, err := c.formula(pl.Weight)
		if err != nil {
			return fmt.Errorf("pool %s: %w", pl.Name, err)
		}
		ps := poolSlots{weight: f, group: -1}
		if pl.Group != "" {
			ps.group = c.column(pl.Group)
		}
		c.s.pools = append(c.s.pools, ps)
	}
	return nil
}
