// Package scoring is the appraisal engine.
//
// [Compile] turns a checked [rules.Set] into a [Scorer] once; the Scorer
// then scores any number of records. Every figure is an exact decimal,
// and every result carries its trace (the value of each metric, the band
// it fell in, its points, weight and weighted score), so a scored
// workbook can explain itself.
//
// The engine is pure: plain values in, plain values out. It reads no
// files and knows nothing of workbooks.
package scoring
