// Package rules reads appraisal rule files.
//
// A rule file is YAML. [Parse] decodes it from yaml.Node trees, so every
// element keeps its file:line:col, then checks its meaning (names that
// resolve, formulas that type-check, no circular references, bands
// without gaps or overlaps) and returns a [Set] ready for the scoring
// engine, or an [ErrorList] with every problem found, sorted by position.
// Warnings, such as a division that can hit zero when the rules do not
// say what then, come in [Set.Warnings], or among the errors when there
// are some.
//
// The package neither reads files nor prints: callers hand it bytes and
// decide what to show.
package rules
