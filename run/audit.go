package run

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"appraise/scoring"
)

// HistoryFile is an earlier period's results that a run's history read:
// recorded with its SHA-256, so that the run can be checked again.
type HistoryFile struct {
	Period string // the period the file holds, such as 2026-02
	File   string // its path
	SHA256 string // hex
}

// historyFiles lists the files h was read from, with their SHA-256.
func historyFiles(h *scoring.History) ([]HistoryFile, error) {
	var out []HistoryFile
	for _, p := range h.Periods {
		sum := p.SHA256
		if sum == "" {
			var err error
			if sum, err = FileSHA256(p.Source); err != nil {
				return nil, &InputError{Problems: []string{"history: " + err.Error()}}
			}
		}
		out = append(out, HistoryFile{Period: p.Label, File: p.Source, SHA256: sum})
	}
	return out, nil
}

// FileSHA256 returns the SHA-256 of the file at path, hex.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Audit items that record the inputs of a run besides the rules.
const (
	AuditInputSHA = "input sha256"
	// AuditCalibrated is "yes" when the grades were calibrated to the
	// rules' distribution.
	AuditCalibrated = "calibrated"
	auditHistory    = "history " // + the period: the file's path
	auditSHA        = " sha256"  // after an item: that file's SHA-256
	auditFrom       = "from "    // + the period: a month of a quarter built from them
)

// inputSHA is the SHA-256 of the workbook scored, or "" for a folder of
// months, whose files are recorded one by one.
func inputSHA(opts Options) (string, error) {
	if opts.built != nil {
		return "", nil
	}
	return FileSHA256(opts.Input)
}

// auditInputs adds to the audit's rows what the run read besides the
// rules: the input's SHA-256 after the input file, each month's after
// it for a quarter built from them, and each history file with its own.
func auditInputs(rows [][2]string, opts Options, abs func(string) string) ([][2]string, error) {
	var out [][2]string
	for _, r := range rows {
		out = append(out, r)
		switch {
		case r[0] == "input file" && opts.built == nil:
			sum, err := inputSHA(opts)
			if err != nil {
				return nil, err
			}
			out = append(out, [2]string{AuditInputSHA, sum})
		case strings.HasPrefix(r[0], auditFrom) && opts.built != nil:
			for i, p := range opts.built.parts {
				if r[0] != auditFrom+p.String() {
					continue
				}
				sum, err := FileSHA256(opts.built.from[i])
				if err != nil {
					return nil, err
				}
				out = append(out, [2]string{r[0] + auditSHA, sum})
			}
		}
	}
	for _, h := range opts.used {
		out = append(out,
			[2]string{auditHistory + h.Period, abs(h.File)},
			[2]string{auditHistory + h.Period + auditSHA, h.SHA256})
	}
	tables, err := auditTables(opts, abs)
	if err != nil {
		return nil, err
	}
	return append(out, tables...), nil
}

// jsonInputs writes the JSON of the input's SHA-256 and of the history
// files, as the audit sheet records them.
func jsonInputs(opts Options) (sha string, history string, err error) {
	sum, err := inputSHA(opts)
	if err != nil {
		return "", "", err
	}
	sha = "null"
	if sum != "" {
		sha = jstr(sum)
	}
	parts := make([]string, len(opts.used))
	for i, h := range opts.used {
		parts[i] = fmt.Sprintf("{\"period\": %s, \"file\": %s, \"sha256\": %s}", jstr(h.Period), jstr(h.File), jstr(h.SHA256))
	}
	return sha, "[" + strings.Join(parts, ", ") + "]", nil
}
