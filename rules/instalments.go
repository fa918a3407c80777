package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// Instalment is one part of a pay line paid over several periods, such
// as 80% next month and the rest at year end. Each instalment but the
// last is the rounded total times its share, rounded half-up to 0.01;
// the last is what remains of the rounded total, so that the
// instalments add up to it exactly.
type Instalment struct {
	Pos   Pos
	Share *Number // nil for "rest": what the shares before it leave
	Paid  string  // as written: "1 month after", "year end"
	// After is how many months after the end of the period scored the
	// instalment is paid; with YearEnd, it is paid in the last month of
	// the year the period ends in instead.
	After   int
	YearEnd bool
}

var paidPattern = regexp.MustCompile(`^(\d+) months? after$`)

// pay reads one pay line: a formula, or a mapping of its formula and its
// instalments.
func (d *decoder) pay(key, n *yaml.Node) *PayLine {
	p := &PayLine{Pos: d.pos(key), Name: foldWidth(key.Value)}
	v := resolve(n)
	if v.Kind != yaml.MappingNode {
		p.Formula = d.formula(n, "pay line "+key.Value)
		return p
	}
	_, f := d.fields(v, "pay line "+p.Name, []string{"formula", "instalments"})
	if x := f["formula"]; x != nil {
		p.Formula = d.formula(x, "pay line "+p.Name)
	} else {
		d.errorf(key, "pay line %s has no formula", p.Name)
	}
	if x := f["instalments"]; x != nil {
		p.Instalments = d.instalments(p, x)
	}
	return p
}

func (d *decoder) instalments(p *PayLine, n *yaml.Node) []*Instalment {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode || len(n.Content) < 2 {
		d.errorf(n, "instalments of %s must be a list of two or more, e.g. - {share: 80%%, paid: 1 month after}", p.Name)
		return nil
	}
	var out []*Instalment
	sum := decimal.Zero
	for k, item := range n.Content {
		_, f := d.fields(item, "an instalment", []string{"share", "paid"})
		in := &Instalment{Pos: d.pos(resolve(item))}
		last := k == len(n.Content)-1
		if x := f["share"]; x != nil {
			if v := resolve(x); v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "rest" {
				if !last {
					d.errorf(x, "only the last instalment of %s can be the rest", p.Name)
				}
			} else if in.Share = d.number(x, "share"); in.Share != nil {
				if in.Share.Value.Sign() <= 0 || in.Share.Value.Cmp(decimal.One) > 0 {
					d.errorf(x, "share %s of %s must be above 0 and at most 100%%", v.Value, p.Name)
				}
				sum, _ = sum.Add(in.Share.Value)
			}
		} else {
			d.errorf(item, "an instalment needs a share, such as 33%%, or rest")
		}
		if x := f["paid"]; x != nil {
			in.Paid = strings.TrimSpace(d.text(x, "paid"))
			switch m := paidPattern.FindStringSubmatch(in.Paid); {
			case in.Paid == "year end":
				in.YearEnd = true
			case m != nil:
				in.After, _ = strconv.Atoi(m[1])
			case in.Paid != "":
				e := d.errorf(x, "paid %q: write \"1 month after\", \"2 months after\" or \"year end\"", in.Paid)
				e.Hint = "months after the end of the period scored"
			}
		} else {
			d.errorf(item, "an instalment needs paid: when it is paid, such as 1 month after or year end")
		}
		out = append(out, in)
	}
	rest := out[len(out)-1].Share == nil
	switch c := sum.Cmp(decimal.One); {
	case rest && c >= 0:
		d.errorf(n, "the shares of %s add up to %s, leaving no rest", p.Name, percentText(sum))
	case !rest && c != 0:
		e := d.errorf(n, "the shares of %s add up to %s, not 100%%", p.Name, percentText(sum))
		e.Hint = "write share: rest on the last instalment to pay what the others leave"
	}
	return out
}

func percentText(d decimal.Decimal) string {
	p, err := d.Mul(decimal.Hundred)
	if err != nil {
		return d.String()
	}
	return fmt.Sprintf("%s%%", p.Trim(0))
}
