// Package examples holds one folder per appraisal scheme: its rules.yaml,
// a sample workbook, the generator that made the workbook, and results
// worked out by hand in expected.yaml. The tests here score every example
// with the appraise binary and compare.
package examples
