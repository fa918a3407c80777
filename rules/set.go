package rules

import "github.com/govalues/decimal"

// Set is one checked rule file.
type Set struct {
	File   string // the name used in messages
	Scheme string
	Title  string
	Period string // month, quarter, year, week, cycle or a free text
	// PeriodFrom says where a workbook's period is written; nil when
	// only the command line gives it.
	PeriodFrom *PeriodFrom
	CycleStart int    // for period: cycle, the day a cycle starts on
	History    string // the folder of earlier results, as the file names it; "" for none
	HistoryPos Pos
	Sheet      string // the sheet to read when the command names none
	Columns    []*Column
	Params     []*Param
	Metrics    []*Metric
	Total      Total
	Flags      []*Flag
	Pay        []*PayLine
	Ranks      []*Rank // places in the sheet, known once it is all read
	Pools      []*Pool // sums shared among the sheet, once it is all scored
	// Distribution is the curve the grades should fit; nil for none.
	Distribution *Distribution
	// Rollup says how a quarter or a year is built from its months (or
	// weeks); nil when the rules score only the periods their workbooks hold.
	Rollup *Rollup
	// Labels head the result columns of CSV output, and name the
	// figures in notes: those the rule file gives, else English ones, so
	// that scripts reading the CSV see the same headers whatever the
	// language. Local are the labels of the scored workbook: those the
	// rule file gives, else ones in the rule file's language (Lang).
	Labels Labels
	Local  Labels

	// Sections group metrics into parts of the total (see [Section]);
	// Grades turns a score into a grade and a coefficient.
	Sections []*Section
	Grades   *Grades // nil when the rules grade nothing

	// Tiers are the tier tables: rates by ranges of an amount.
	Tiers []*Tiers

	// Tables are further tables read by key with lookup(): other sheets,
	// other workbooks, the results of other rule files.
	Tables []*Table

	// Ledger, when the sheet holds many rows a person, says how they make
	// the person's figures; Columns are then the person's. nil for a sheet
	// of one row a person.
	Ledger *Ledger

	// The metrics: and total: keys, where warnings about the total go.
	metricsKey, totalKey Pos

	// IfMissing is the file's default for if_missing: the points of a
	// scored metric whose value cannot be computed, unless the metric
	// says otherwise. Decoding copies it into each such metric's
	// IfMissing, so the engine need not look here.
	IfMissing *Number
	// IfMissingBlank is true when the file says "if_missing: blank": a
	// value that cannot be computed leaves the points blank, with a note.
	IfMissingBlank bool

	// Cases are the test cases the rule file carries; see [ParseCases]
	// for those kept beside it.
	Cases []*Case

	// Warnings are the problems that do not stop the rules from being
	// used; [Parse] returns them here when there are no errors.
	Warnings ErrorList

	// Order lists what the engine computes, each after everything it
	// depends on.
	Order []Node
}

// Number is a number written in the rule file.
type Number struct {
	Pos   Pos
	Value decimal.Decimal
}

// Column is an input column of the workbook.
type Column struct {
	Pos      Pos
	Name     string   // the name formulas use
	Header   string   // the header text in the workbook; Name when not given
	Aliases  []string // other header texts that mean the same column
	Text     bool     // holds text, not numbers
	Date     bool     // holds dates (type: date), not numbers
	Key      bool     // identifies a person (工号, 姓名)
	Group    bool     // groups people (部门) in the summary
	Optional bool     // the workbook may lack the column; then every cell is blank
	Blank    *Number  // what a blank cell means; nil makes a blank cell an error
	// BlankText is what a blank cell of a text column means, such as 否;
	// nil leaves it blank (or, with Values, makes it an error).
	BlankText *string
	// BlankNone is true when a blank cell of a number column means no
	// value at all ("blank: none"), as for a rater who gave no score:
	// mean and wmean leave it out, and any other formula that reads it
	// has no value either.
	BlankNone bool
	Min, Max  *Number  // the allowed range of a number
	Values    []string // the texts a text column allows; nil allows any

	// Default, for a column of a [Table], is what lookup() gives when
	// the table has no row for the keys; nil makes that an error.
	// DefaultText is the default of a text column (Default then holds
	// only its position).
	Default     *Number
	DefaultText *string
	// untyped is true for a table column listed by name only, whose
	// type is the type of what it reads: a figure of other rules' results.
	untyped bool
}

// Param is a named constant, such as a base wage, kept in the rule file so
// that HR can change it without touching formulas.
type Param struct {
	Pos   Pos
	Name  string
	Value decimal.Decimal
}

// Metric is a measured value and, optionally, the points it earns.
//
// A metric with neither Bands, Points nor Map is reported only. A metric with
// a Weight contributes points x weight / 100 to the total; without one it
// contributes its points as they are.
type Metric struct {
	Pos         Pos
	Name        string
	Description string
	Value       *Formula // nil when Points alone defines the metric
	Bands       []*Band
	Points      *Formula // may refer to the metric's own value as "value"
	Weight      *Number
	Max         *Number // the most points the metric can earn
	Floor, Cap  *Number // limits applied to the points
	IfMissing   *Number // points when the value cannot be computed; nil leaves them missing
	Percent     bool    // show the value as a percentage

	// Map gives the points of each text the value may be, such as
	// 优秀: 100; MapOther, when not nil, those of any other text.
	Map      []*MapEntry
	MapOther *Number

	Section    string // the section the metric belongs to; "" for the top level
	SectionPos Pos    // where the section is named

	// Target, when not nil, scores the metric against a target instead
	// of bands or points: Mode is TargetAll (met: 100 points, else 0) or
	// TargetProportional (100 x completion, capped at 100 unless cap:
	// says more); Lower says a value at or below the target meets it, as
	// a cost within budget does, and completion is then target / value.
	Target *Formula
	Mode   string
	Lower  bool

	// IfMissingBlank is true when the metric says "if_missing: blank":
	// its points are left blank, with a note, when its value cannot be
	// computed, whatever the file's default.
	IfMissingBlank bool
}

// Scored reports whether the metric earns points.
func (m *Metric) Scored() bool {
	return m.Bands != nil || m.Points != nil || m.Map != nil || m.Target != nil
}

// The modes of a metric scored against a target.
const (
	TargetAll          = "all or nothing"
	TargetProportional = "proportional"
)

// Band maps a range of values to points.
type Band struct {
	Pos     Pos
	When    string // the range as written, e.g. "[65%, 75%)"
	WhenPos Pos    // where the range's text starts
	Lo, Hi  *decimal.Decimal
	LoIncl  bool
	HiIncl  bool
	Points  Number
	Label   string

	// LoText and HiText are the edges as written ("65%", not 0.65), so
	// that messages show them the way the user wrote them.
	LoText, HiText string

	// A band of a grade table gives a grade and, optionally, a
	// coefficient instead of points.
	Grade       string
	Coefficient *Number

	// A band of a tier table gives a rate instead of points.
	Rate *Number
}

// Contains reports whether v falls in the band.
func (b *Band) Contains(v decimal.Decimal) bool {
	if b.Lo != nil {
		c := v.Cmp(*b.Lo)
		if c < 0 || c == 0 && !b.LoIncl {
			return false
		}
	}
	if b.Hi != nil {
		c := v.Cmp(*b.Hi)
		if c > 0 || c == 0 && !b.HiIncl {
			return false
		}
	}
	return true
}

// Formula is a formula as written and as parsed.
type Formula struct {
	Pos    Pos
	Source string
	Expr   Expr
}

// Total is how the metrics add up.
type Total struct {
	Pos        Pos
	Formula    *Formula // nil: the sum of the top-level scores, see [Section]
	Floor, Cap *Number

	AddsUpTo *Number // what the top-level parts should add up to; nil: 100

	// None is true when the rules score nothing (they only report values
	// and raise flags): the results then have no total.
	None bool
}

// Flag is a label raised on a person when a condition holds.
type Flag struct {
	Pos         Pos
	Name        string
	When        *Formula
	Description string
}

// PayLine is an amount of money. Pay lines are computed exactly and
// rounded half-up to 0.01 only when they are reported.
type PayLine struct {
	Pos     Pos
	Name    string
	Formula *Formula
	// Instalments split the line over later periods; nil pays it whole.
	Instalments []*Instalment
}

// Labels are the headers of the result columns.
type Labels struct {
	Pos    Pos    // where the labels are set, for messages
	Points string // a template: "{metric}" stands for the metric's name
	Total  string
	Flags  string
	Notes  string

	Sections    string // a template: "{section}" stands for the section's name
	Grade       string
	Coefficient string
	Period      string // heads the period column, when the period is known

	// The sheets of the scored workbook besides the results.
	Summary, Detail, Audit, Payouts string

	// Lang is the language of the labels: "zh" or "en".
	Lang string
}

// English and Chinese are the labels a rule file gets for those it does
// not give, by its language.
var (
	English = Labels{Points: "{metric} points", Total: "total", Flags: "flags", Notes: "notes",
		Sections: "{section}", Grade: "grade", Coefficient: "coefficient", Period: "period",
		Summary: "summary", Detail: "detail", Audit: "audit", Payouts: "payouts", Lang: "en"}
	Chinese = Labels{Points: "{metric}得分", Total: "总分", Flags: "标记", Notes: "备注",
		Sections: "{section}", Grade: "等级", Coefficient: "系数", Period: "考核期间",
		Summary: "汇总", Detail: "明细", Audit: "说明", Payouts: "发放", Lang: "zh"}
)

// Word is the word of the labels' language for an English word of the
// scored workbook's own texts (sheet headers, summary items), or the
// word itself when the language is English or the word has none.
func (l Labels) Word(en string) string {
	if l.Lang == "zh" {
		if w, ok := chineseWords[en]; ok {
			return w
		}
	}
	return en
}

// Named is a formula as a report in the labels' language shows it: in
// Chinese the total by its label, since "total" is the rules' English
// word for it; any other formula as it is written.
func (l Labels) Named(formula string) string {
	if formula == "total" && l.Lang == "zh" {
		return l.Total
	}
	return formula
}

// GroupColumn is the column the summary of a scored workbook is made
// per: the one marked group: true, else the one the distribution, the
// first rank or the first pool groups by; "" for none.
func (s *Set) GroupColumn() string {
	for _, c := range s.Columns {
		if c.Group {
			return c.Name
		}
	}
	switch {
	case s.Distribution != nil && s.Distribution.Group != "":
		return s.Distribution.Group
	}
	for _, r := range s.Ranks {
		if r.Within != "" {
			return r.Within
		}
	}
	for _, p := range s.Pools {
		if p.Group != "" {
			return p.Group
		}
	}
	return ""
}

// NeedsSheet reports whether a row's figures depend on the other rows of
// the sheet, as ranks do: such rules are scored in two passes.
func (s *Set) NeedsSheet() bool { return len(s.Ranks) > 0 || len(s.Pools) > 0 }

// NodeKind says what a [Node] computes.
type NodeKind uint8

// The kinds of node.
const (
	NodeMetric NodeKind = iota
	NodeTotal
	NodeFlag
	NodePay
	NodeSection
	NodeGrade
	NodeRank
	NodeTier
)

// Node is one computed item: Set.Metrics[Index], the total,
// Set.Flags[Index], Set.Pay[Index], Set.Sections[Index], the grade, Set.Ranks[Index] or
// Set.Tiers[Index].
type Node struct {
	Kind  NodeKind
	Index int
}
