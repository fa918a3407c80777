package scoring

import (
	"fmt"
	"slices"

	"appraise/rules"

	"github.com/govalues/decimal"
)

// expr compiles e into a closure. Messages for missing values are built
// here, once, so that scoring a row allocates nothing.
func (c *compiler) expr(e rules.Expr) (evalFn, error) {
	switch e := e.(type) {
	case *rules.Num:
		v := Num(e.Value)
		return func([]Value) Value { return v }, nil
	case *rules.Str:
		v := Str(e.Value)
		return func([]Value) Value { return v }, nil
	case *rules.Ref:
		slot, err := c.slotOf(e)
		if err != nil {
			return nil, err
		}
		return func(env []Value) Value { return env[slot] }, nil
	case *rules.Unary:
		x, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		if e.Op == "not" {
			return func(env []Value) Value {
				v := x(env)
				if v.Kind != Bool {
					return v
				}
				return boolean(!v.Bool)
			}, nil
		}
		return func(env []Value) Value {
			v := x(env)
			if v.Kind == Number {
				v.Num = v.Num.Neg()
			}
			return v
		}, nil
	case *rules.Binary:
		return c.binary(e)
	case *rules.Call:
		return c.call(e)
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

func (c *compiler) binary(e *rules.Binary) (evalFn, error) {
	x, err := c.expr(e.X)
	if err != nil {
		return nil, err
	}
	y, err := c.expr(e.Y)
	if err != nil {
		return nil, err
	}
	overflow := c.overflow(e)
	switch e.Op {
	case "+":
		return func(env []Value) Value { return add(x(env), y(env), overflow) }, nil
	case "-":
		return func(env []Value) Value { return arith(x(env), y(env), decimal.Decimal.Sub, overflow) }, nil
	case "*":
		return func(env []Value) Value { return mul(x(env), y(env), overflow) }, nil
	case "/":
		zero := fmt.Sprintf("%s is 0, so %s has no value", rules.Source(e.Y), rules.Source(e))
		return func(env []Value) Value {
			a, b := x(env), y(env)
			if a.Kind == Number && b.Kind == Number && b.Num.IsZero() {
				return Absent(zero)
			}
			return arith(a, b, decimal.Decimal.Quo, overflow)
		}, nil
	case "and", "or":
		isAnd := e.Op == "and"
		return func(env []Value) Value {
			a := x(env)
			// false and _ is false; true or _ is true, even when _ is missing.
			if a.Kind == Bool && a.Bool != isAnd {
				return a
			}
			b := y(env)
			if a.Kind != Bool {
				if b.Kind == Bool && b.Bool != isAnd {
					return b
				}
				return a
			}
			return b
		}, nil
	}
	cmp := e.Op
	return func(env []Value) Value {
		a, b := x(env), y(env)
		if a.Kind == Missing {
			return a
		}
		if b.Kind == Missing {
			return b
		}
		var c int
		switch a.Kind {
		case Number, Date:
			c = a.Num.Cmp(b.Num)
		case Text:
			c = compareText(a.Str, b.Str)
		case Bool:
			if a.Bool != b.Bool {
				c = 1
			}
		}
		switch cmp {
		case "=":
			return boolean(c == 0)
		case "<>":
			return boolean(c != 0)
		case "<":
			return boolean(c < 0)
		case "<=":
			return boolean(c <= 0)
		case ">":
			return boolean(c > 0)
		}
		return boolean(c >= 0)
	}, nil
}

func compareText(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// arith applies op to two numbers; a missing operand passes through, and
// an overflow becomes a missing value that says where.
func arith(a, b Value, op func(x, y decimal.Decimal) (decimal.Decimal, error), overflow *Overflow) Value {
	if a.Kind != Number {
		return a
	}
	if b.Kind != Number {
		return b
	}
	d, err := op(a.Num, b.Num)
	if err != nil {
		return overflow.absent()
	}
	return Num(d)
}

func add(a, b Value, overflow *Overflow) Value { return arith(a, b, decimal.Decimal.Add, overflow) }

func mul(a, b Value, overflow *Overflow) Value { return arith(a, b, decimal.Decimal.Mul, overflow) }

// overflow describes an overflow in e, naming the columns e reads.
func (c *compiler) overflow(e rules.Expr) *Overflow {
	var cols []int
	rules.Refs(e, func(r *rules.Ref) {
		if i := c.column(r.Name); i >= 0 && r.Field == "" && !slices.Contains(cols, i) {
			cols = append(cols, i)
		}
	})
	return overflowIn(e.Position(), rules.Source(e), cols)
}

func (c *compiler) call(e *rules.Call) (evalFn, error) {
	args := make([]evalFn, len(e.Args))
	for i, a := range e.Args {
		if i == 0 && rules.IsLookup(e.Func) {
			continue // the table and column, not a value
		}
		f, err := c.expr(a)
		if err != nil {
			return nil, err
		}
		args[i] = f
	}
	if rules.IsHistory(e.Func) {
		return c.history(e, args[0]), nil
	}
	if rules.IsLookup(e.Func) {
		return c.lookup(e, args)
	}
	switch e.Func {
	case "mean", "wmean":
		return c.mean(e, args), nil
	case "months_between", "years_between", "days_between":
		return c.dateFunc(e.Func, args[0], args[1]), nil
	case "if":
		cond, yes, no := args[0], args[1], args[2]
		return func(env []Value) Value {
			v := cond(env)
			if v.Kind != Bool {
				return v
			}
			if v.Bool {
				return yes(env)
			}
			return no(env)
		}, nil
	case "min", "max":
		isMin := e.Func == "min"
		return func(env []Value) Value {
			best := args[0](env)
			if best.Kind != Number && best.Kind != Date {
				return best
			}
			for _, f := range args[1:] {
				v := f(env)
				if v.Kind != best.Kind {
					return v
				}
				if c := v.Num.Cmp(best.Num); isMin && c < 0 || !isMin && c > 0 {
					best = v
				}
			}
			return best
		}, nil
	case "floor", "ceil", "abs":
		fn := e.Func
		x := args[0]
		return func(env []Value) Value {
			v := x(env)
			if v.Kind != Number {
				return v
			}
			switch fn {
			case "floor":
				v.Num = v.Num.Floor(0)
			case "ceil":
				v.Num = v.Num.Ceil(0)
			default:
				v.Num = v.Num.Abs()
			}
			return v
		}, nil
	case "round":
		places := 0
		if n, ok := e.Args[1].(*rules.Num); ok {
			whole, _, _ := n.Value.Int64(0)
			places = int(whole)
		}
		x := args[0]
		overflow := c.overflow(e)
		return func(env []Value) Value {
			v := x(env)
			if v.Kind != Number {
				return v
			}
			d, ok := roundHalfUp(v.Num, places)
			if !ok {
				return overflow.absent()
			}
			v.Num = d
			return v
		}, nil
	}
	return nil, fmt.Errorf("%s: unknown function %q", e.Pos, e.Func)
}

// roundHalfUp rounds d to places decimals, halves away from zero; ok is
// false when the rounded number would have more than 19 digits.
func roundHalfUp(d decimal.Decimal, places int) (_ decimal.Decimal, ok bool) {
	if d.Scale() <= places {
		return d, true
	}
	t := d.Trunc(places)
	rest, err := d.Sub(t)
	if err != nil {
		return d.Round(places), true
	}
	halfStep, _ := decimal.New(5, places+1)
	if rest.Abs().Cmp(halfStep) >= 0 {
		step, _ := decimal.New(1, places)
		if d.IsNeg() {
			step = step.Neg()
		}
		r, err := t.Add(step)
		if err != nil {
			return d, false
		}
		t = r
	}
	return t, true
}
