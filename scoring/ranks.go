package scoring

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govalues/decimal"
)

// rankSlots are where a rank's figure, its place and the number of people
// it was ranked among are kept.
type rankSlots struct {
	of, rank, among int
	within          int // the column that splits the sheet into groups, or -1
}

// Ranking holds what the ranks of a sheet are computed from. Rules with
// ranks are scored in two passes: [Scorer.Score] scores each row once,
// [Ranking.Add] keeps the figures the ranks need, [Ranking.Done] ranks
// them, and [Ranking.Score] scores each row again with its ranks. Rows
// are numbered in the order they were added.
type Ranking struct {
	s     *Scorer
	of    [][]Value  // per rank, per row: the figure ranked
	group [][]string // per rank with groups, per row: the group
	rank  [][]Value  // per rank, per row: the place, once Done
	among [][]int32  // per rank, per row: how many were ranked in the group
	n     int        // rows added
}

// NewRanking returns an empty Ranking for s's rules.
func (s *Scorer) NewRanking() *Ranking {
	n := len(s.set.Ranks)
	return &Ranking{s: s, of: make([][]Value, n), group: make([][]string, n), rank: make([][]Value, n), among: make([][]int32, n)}
}

// Add keeps the figures of the row r has just scored.
func (g *Ranking) Add(r *Result) {
	g.n++
	for k, rs := range g.s.ranks {
		g.of[k] = append(g.of[k], r.env[rs.of])
		if rs.within >= 0 {
			g.group[k] = append(g.group[k], strings.TrimSpace(r.env[rs.within].String()))
		}
	}
}

// Len is the number of rows added.
func (g *Ranking) Len() int { return g.n }

// Done ranks the rows added.
func (g *Ranking) Done() {
	for k, r := range g.s.set.Ranks {
		of := g.of[k]
		ranks := make([]Value, len(of))
		among := make([]int32, len(of))
		var rows []int
		for i, v := range of {
			if v.Kind == Number {
				rows = append(rows, i)
				continue
			}
			reason := v.Str
			if reason == "" {
				reason = fmt.Sprintf("%s has no value", r.Of.Source)
			}
			ranks[i] = Absent(fmt.Sprintf("%s is not ranked: %s", r.Name, reason))
		}
		groupOf := func(i int) string {
			if g.group[k] == nil {
				return ""
			}
			return g.group[k][i]
		}
		slices.SortStableFunc(rows, func(a, b int) int {
			if c := strings.Compare(groupOf(a), groupOf(b)); c != 0 {
				return c
			}
			c := of[a].Num.Cmp(of[b].Num)
			if !r.LowestFirst {
				c = -c
			}
			return c
		})
		for start := 0; start < len(rows); {
			end := start
			for end < len(rows) && groupOf(rows[end]) == groupOf(rows[start]) {
				end++
			}
			place, dense := 0, 0
			for j := start; j < end; j++ {
				i := rows[j]
				if j == start || of[i].Num.Cmp(of[rows[j-1]].Num) != 0 {
					place, dense = j-start+1, dense+1
				}
				n := place
				if r.Dense {
					n = dense
				}
				ranks[i] = Num(intValue(n))
				among[i] = int32(end - start)
			}
			start = end
		}
		g.rank[k], g.among[k] = ranks, among
	}
}

// Score scores row i, the i-th added, with its ranks.
func (g *Ranking) Score(i int, rec []Value, r *Result) {
	s := g.s
	copy(r.env, s.consts)
	copy(r.env, rec)
	r.env[s.periodStart], r.env[s.periodEnd] = r.periodStart, r.periodEnd
	r.forceGrade()
	if r.past != nil {
		r.past.fill(rec, r)
	}
	for k, rs := range s.ranks {
		r.env[rs.rank] = g.rank[k][i]
		if g.rank[k][i].Kind == Number {
			r.env[rs.among] = Num(intValue(int(g.among[k][i])))
		}
	}
	for _, step := range s.steps {
		step(r.env, r.bands)
	}
}

// Rank returns rank k of the result: its place, and how many people it
// was ranked among (its group's size with within). Outside a
// [Ranking] the place is missing: a rank needs the whole sheet.
func (r *Result) Rank(k int) (place, among Value) {
	rs := r.s.ranks[k]
	return r.env[rs.rank], r.env[rs.among]
}

// RankOf returns the figure rank k ranked the result by.
func (r *Result) RankOf(k int) Value { return r.env[r.s.ranks[k].of] }

func intValue(n int) decimal.Decimal { return decimal.MustNew(int64(n), 0) }
