package scoring

import (
	"fmt"

	"github.com/govalues/decimal"
)

type sectionSlots struct {
	score, counts int
	weight        *decimal.Decimal // weight / 100, nil for a points section
}

type gradeSlots struct {
	of, grade, coefficient int
	forced                 int   // the band calibration gives, when it does
	vetoes                 []int // per veto, its condition
}

// section compiles the step that adds up section i.
func (c *compiler) section(i int) (func([]Value, []int), error) {
	set := c.s.set
	sec := set.Sections[i]
	ss := c.s.sections[i]
	var scores []int
	for j, m := range set.Metrics {
		if m.Scored() && m.Section == sec.Name {
			scores = append(scores, c.s.metrics[j].score)
		}
	}
	overflow := overflowIn(sec.Pos, sec.Name, nil)
	return func(env []Value, _ []int) {
		acc := Num(decimal.Zero)
		for _, sl := range scores {
			if env[sl].Kind != Number {
				acc = env[sl]
				break
			}
			acc = add(acc, env[sl], overflow)
		}
		env[ss.score] = acc
		if acc.Kind == Number && ss.weight != nil {
			acc = mul(acc, Num(*ss.weight), overflow)
		}
		env[ss.counts] = acc
	}, nil
}

// gradeStep compiles the step that finds the grade band of the graded
// value. Its index goes in the last element of the band indexes.
func (c *compiler) gradeStep() (func([]Value, []int), error) {
	g := c.s.set.Grades
	gs := c.s.grade
	total := c.s.total
	of := func(env []Value) Value { return env[total] }
	if g.Of != nil {
		f, err := c.formula(g.Of)
		if err != nil {
			return nil, err
		}
		of = f
	}
	grades := make([]Value, len(g.Bands))
	coefs := make([]Value, len(g.Bands))
	for i, b := range g.Bands {
		grades[i] = Str(b.Grade)
		if b.Coefficient != nil {
			coefs[i] = Num(b.Coefficient.Value)
		}
	}
	withCoef := g.Coefficients()
	whens := make([]evalFn, len(g.Vetoes))
	for k, v := range g.Vetoes {
		f, err := c.formula(v.When)
		if err != nil {
			return nil, err
		}
		whens[k] = f
	}
	vetoes := g.Vetoes
	noBand := Absent(fmt.Sprintf("%s falls in none of the grades", g.Graded()))
	last := len(c.s.set.Metrics)
	return func(env []Value, bandOf []int) {
		v := of(env)
		env[gs.of] = v
		bandOf[last] = -1
		grade := v
		if v.Kind == Number {
			grade = noBand
			for i, b := range g.Bands {
				if b.Contains(v.Num) {
					grade = grades[i]
					bandOf[last] = i
					break
				}
			}
		}
		if f := env[gs.forced]; f.Kind == Number && v.Kind == Number {
			// Calibrated to the curve: the grade of the place, not of
			// the band; vetoes still apply.
			n, _, _ := f.Num.Int64(0)
			grade, bandOf[last] = grades[n], int(n)
		}
		// The vetoes: the grade listed last and the least coefficient
		// that a veto gives win; a veto that cannot be decided leaves the
		// grade undecided.
		at, coef := bandOf[last], Value{}
		var undecided *Value
		for k, w := range whens {
			cond := w(env)
			env[gs.vetoes[k]] = cond
			switch {
			case cond.Kind == Missing:
				if undecided == nil {
					undecided = &env[gs.vetoes[k]]
				}
			case cond.Kind == Bool && cond.Bool:
				if vetoes[k].AtMost > at {
					at = vetoes[k].AtMost
				}
			}
		}
		if bandOf[last] >= 0 {
			grade = grades[at]
			// The coefficient: that of the grade, or a veto's if lower.
			if withCoef {
				coef = coefs[at]
				for k, veto := range vetoes {
					if cond := env[gs.vetoes[k]]; cond.Kind == Bool && cond.Bool && veto.Coefficient != nil && veto.Coefficient.Value.Cmp(coef.Num) < 0 {
						coef = Num(veto.Coefficient.Value)
					}
				}
			}
			if undecided != nil {
				grade, coef = *undecided, *undecided
			}
		}
		env[gs.grade] = grade
		switch {
		case !withCoef:
			// No coefficient to report, and so no reason to give for one.
			env[gs.coefficient] = Value{}
		case bandOf[last] >= 0:
			env[gs.coefficient] = coef
		default:
			env[gs.coefficient] = grade
		}
	}, nil
}

// SectionResult is the trace of one section.
type SectionResult struct {
	Score  Value // the sum of its metrics' scores
	Counts Value // what it adds to a summed total: Score x weight / 100, or Score
}

// Section returns the trace of section i of the rules.
func (r *Result) Section(i int) SectionResult {
	ss := r.s.sections[i]
	return SectionResult{Score: r.env[ss.score], Counts: r.env[ss.counts]}
}

// Grade returns the grade, or false when the rules have no grades or the
// graded value could not be graded; [Result.Notes] then says why.
func (r *Result) Grade() (string, bool) {
	if r.s.set.Grades == nil {
		return "", false
	}
	if v := r.env[r.s.grade.grade]; v.Kind == Text {
		return v.Str, true
	}
	return "", false
}

// GradeBand returns the index of the grade band that holds the graded
// value, or -1.
func (r *Result) GradeBand() int {
	if r.s.set.Grades == nil {
		return -1
	}
	return r.bands[len(r.s.set.Metrics)]
}

// Graded returns the value that was graded: the total, or what the grades
// are of.
func (r *Result) Graded() Value {
	if r.s.set.Grades == nil {
		return Value{}
	}
	return r.env[r.s.grade.of]
}

// Veto returns the condition of veto k of the grades: a Bool, or missing
// when it could not be decided.
func (r *Result) Veto(k int) Value { return r.env[r.s.grade.vetoes[k]] }

// Coefficient returns the coefficient of the grade; it is missing when
// the rules give none or the value could not be graded.
func (r *Result) Coefficient() Value {
	if r.s.set.Grades == nil {
		return Value{}
	}
	return r.env[r.s.grade.coefficient]
}
