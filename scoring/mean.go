package scoring

import (
	"fmt"
	"strings"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// mean compiles mean(a, b, ...), the average of the arguments that have
// a value, and wmean(a, wa, b, wb, ...), their average weighted by the
// weights, which are renormalised over the values present: with 上级 60%
// and 小组 30% but no 自评, 上级 counts 60/90. A value left out is one
// that is missing for any reason, such as a blank rater cell; when none
// has a value, neither has the mean.
func (c *compiler) mean(e *rules.Call, args []evalFn) evalFn {
	step := 1
	if e.Func == "wmean" {
		step = 2
	}
	names := make([]string, 0, len(e.Args)/step)
	for i := 0; i < len(e.Args); i += step {
		names = append(names, rules.Source(e.Args[i]))
	}
	none := fmt.Sprintf("none of %s has a value", strings.Join(names, ", "))
	if len(names) == 1 {
		none = names[0] + " has no value"
	}
	zero := fmt.Sprintf("the weights of the values present in %s add up to 0", rules.Source(e))
	overflow := c.overflow(e)
	return func(env []Value) Value {
		sum, weights := decimal.Zero, decimal.Zero
		present := false
		for i := 0; i < len(args); i += step {
			v := args[i](env)
			if v.Kind != Number {
				continue
			}
			w := decimal.One
			if step == 2 {
				wv := args[i+1](env)
				if wv.Kind != Number {
					return wv
				}
				w = wv.Num
			}
			p, err := v.Num.Mul(w)
			if err == nil {
				sum, err = sum.Add(p)
			}
			if err == nil {
				weights, err = weights.Add(w)
			}
			if err != nil {
				return overflow.absent()
			}
			present = true
		}
		if !present {
			return Absent(none)
		}
		if weights.IsZero() {
			return Absent(zero)
		}
		q, err := sum.Quo(weights)
		if err != nil {
			return overflow.absent()
		}
		return Num(q)
	}
}

// blankReasons gives, per input column, why a blank cell of a column
// whose blank means no value has none, made once so that binding a
// cell allocates nothing.
func blankReasons(set *rules.Set) []string {
	out := make([]string, len(set.Columns))
	for i, col := range set.Columns {
		if col.BlankNone {
			out[i] = col.Header + " is blank"
		}
	}
	return out
}
