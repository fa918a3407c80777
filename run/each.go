package run

import (
	"appraise/scoring"
	"appraise/workbook"
)

// Each scores opts.Input as [Score] does, reading the same history and
// checking the same cells, but writes nothing: it hands fn each row and
// its result, in the order of the sheet. The result is reused for the
// next row, so fn keeps what it needs of it. opts.Output and opts.Format
// are not used.
func Each(opts Options, fn func(row workbook.Row, res *scoring.Result) error) (Summary, error) {
	opts.Output = "-"
	opts.Format = "json" // no sheet is written, so no sheet's width applies
	opts.each = fn
	return Score(opts)
}

// eachSink hands rows to a function and publishes nothing.
type eachSink func(row workbook.Row, res *scoring.Result) error

func (s eachSink) row(row workbook.Row, res *scoring.Result) error { return s(row, res) }
func (s eachSink) finish(Summary) error                            { return nil }
func (s eachSink) abort()                                          {}
