// Package rules reads appraisal rule files.
//
// A rule file is YAML. [Parse] decodes it from yaml.Node trees, so every
// element keeps its file:line:col, then checks its meaning (names that
// resolve, band edges that parse, formulas that type-check, no circular
// references) and returns a [Set] ready for the scoring engine, or an
// [ErrorList] with every problem found, sorted by position.
//
// The package neither reads files nor prints: callers hand it bytes and
// decide what to show.
package rules
