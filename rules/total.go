package rules

// noTotal marks a rule file that scores nothing as having no total: no
// metric earns points, no section or grade needs one, no formula reads it
// and the file gives it no formula, floor or cap. A column of zeros would
// only mislead whoever reads the results.
func (c *checker) noTotal() {
	s := c.set
	if s.Total.Formula != nil || s.Total.Floor != nil || s.Total.Cap != nil || len(s.Sections) > 0 || s.Grades != nil && s.Grades.Of == nil {
		return
	}
	for _, m := range s.Metrics {
		if m.Scored() {
			return
		}
	}
	used := false
	read := func(f *Formula) {
		if f != nil {
			Refs(f.Expr, func(r *Ref) { used = used || r.Name == "total" })
		}
	}
	for _, m := range s.Metrics {
		read(m.Value)
	}
	for _, f := range s.Flags {
		read(f.When)
	}
	for _, p := range s.Pay {
		read(p.Formula)
	}
	for _, r := range s.Ranks {
		read(r.Of)
	}
	for _, t := range s.Tiers {
		read(t.Of)
	}
	s.Total.None = !used
}
