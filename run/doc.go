// Package run scores one workbook end to end: it reads the input sheet as
// a stream, binds each cell to the rules' columns, scores each record and
// writes the results as a workbook, JSON or CSV.
//
// Every problem in the input is collected before anything is written, and
// the output appears at its destination only once the whole input has
// passed: bad input never leaves a half-written file, and the input
// workbook is never opened for writing.
package run
