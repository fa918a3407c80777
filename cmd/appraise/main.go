// Command appraise scores monthly appraisal workbooks with rules written
// in YAML. See README.md.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) }
