package examples_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"appraise/rules"
	"appraise/scoring"
	"appraise/workbook"

	"github.com/govalues/decimal"
	"gopkg.in/yaml.v3"
)

// expectation is one person's hand-worked result in expected.yaml. A nil
// value means the figure cannot be computed and the cell must be blank;
// for the grade and the coefficient, which are checked only when given,
// "" wants a blank cell.
type expectation struct {
	Points      map[string]*string `yaml:"points"`
	Values      map[string]*string `yaml:"values"` // of metrics that are reported only: a number, or a text as the cell holds it
	Sections    map[string]*string `yaml:"sections"`
	Total       *string            `yaml:"total"`
	Grade       *string            `yaml:"grade"`
	Coefficient *string            `yaml:"coefficient"`
	Ranks       map[string]*string `yaml:"ranks"`
	Flags       []string           `yaml:"flags"`
	Pay         map[string]*string `yaml:"pay"`
	Pools       map[string]*string `yaml:"pools"` // each pool's share
	// Inputs are cells of the input columns, by header, as the results
	// sheet holds them: for a quarter built from months, its sums.
	Inputs map[string]string `yaml:"inputs"`
	// Notes are texts the notes cell must hold, each somewhere in it.
	Notes []string `yaml:"notes"`
	// Payouts are, per pay line paid in instalments, its rows of the
	// payouts sheet in order, each "month amount": "2027-01 330.00".
	Payouts map[string][]string `yaml:"payouts"`
}

// buildAppraise builds the command once for the tests of this package.
func buildAppraise(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "appraise")
	cmd := exec.Command("go", "build", "-o", bin, "appraise/cmd/appraise")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func examples(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("*/rules.yaml")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	for i, d := range dirs {
		dirs[i] = filepath.Dir(d)
	}
	return dirs
}

// TestExamplesScore scores each example's workbook with the binary, as a
// user would, and checks the scored cells against expected.yaml.
func TestExamplesScore(t *testing.T) {
	bin := buildAppraise(t)
	for _, dir := range examples(t) {
		t.Run(dir, func(t *testing.T) {
			scored := runOnSample(t, bin, dir, "score", ".scored.xlsx")
			set := parseRules(t, filepath.Join(dir, "rules.yaml"))
			checkExpected(t, set, scored, readExpected(t, filepath.Join(dir, "expected.yaml")))
		})
	}
}

// runOnSample runs appraise verb on a copy of the example's rules and
// sample workbook, as a user would in the example's folder, and returns
// the path of the output: the sample's name with suffix for its ".xlsx".
func runOnSample(t *testing.T, bin, dir, verb, suffix string) string {
	t.Helper()
	work := t.TempDir()
	input := filepath.Base(sample(t, dir))
	for _, name := range []string{"rules.yaml", input} {
		copyFile(t, filepath.Join(dir, name), filepath.Join(work, name))
	}
	cmd := exec.Command(bin, verb, input)
	cmd.Dir = work
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("appraise %s %s: %v\n%s", verb, input, err, out)
	}
	return filepath.Join(work, strings.TrimSuffix(input, ".xlsx")+suffix)
}

// TestExamplesCalibrate calibrates the workbook of each example that has
// an expected.calibrated.yaml, as a user would with appraise calibrate,
// and checks the calibrated grades, coefficients and pay against it.
func TestExamplesCalibrate(t *testing.T) {
	bin := buildAppraise(t)
	some := false
	for _, dir := range examples(t) {
		want := filepath.Join(dir, "expected.calibrated.yaml")
		if _, err := os.Stat(want); err != nil {
			continue
		}
		some = true
		t.Run(dir, func(t *testing.T) {
			set := parseRules(t, filepath.Join(dir, "rules.yaml"))
			out := runOnSample(t, bin, dir, "calibrate", ".calibrated.xlsx")
			checkExpected(t, set, out, readExpected(t, want))
			// A month-end job calibrates the same with batch --calibrate.
			work := t.TempDir()
			input := filepath.Base(sample(t, dir))
			if err := os.Mkdir(filepath.Join(work, "in"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"rules.yaml", input} {
				copyFile(t, filepath.Join(dir, name), filepath.Join(work, "in", name))
			}
			cmd := exec.Command(bin, "batch", "in", "--calibrate", "--out", "out", "-q")
			cmd.Dir = work
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("appraise batch --calibrate: %v\n%s", err, b)
			}
			checkExpected(t, set, filepath.Join(work, "out", strings.TrimSuffix(input, ".xlsx")+".calibrated.xlsx"), readExpected(t, want))
		})
	}
	if !some {
		t.Fatal("no example has an expected.calibrated.yaml")
	}
}

// TestExamplesValidate checks that every example's rules pass appraise
// validate --strict: no errors and no warnings, as an example to copy
// should.
func TestExamplesValidate(t *testing.T) {
	bin := buildAppraise(t)
	for _, dir := range examples(t) {
		t.Run(dir, func(t *testing.T) {
			file := filepath.Join(dir, "rules.yaml")
			out, err := exec.Command(bin, "validate", "--strict", file).CombinedOutput()
			if err != nil || string(out) != "appraise: "+file+": no problems\n" {
				t.Errorf("appraise validate --strict %s: %v\n%s", file, err, out)
			}
		})
	}
}

// TestExamplesCases runs appraise test on each example's rule file: its
// cases (in rules.cases.yaml beside it) must all pass, and a rule file
// without cases fails.
func TestExamplesCases(t *testing.T) {
	bin := buildAppraise(t)
	for _, dir := range examples(t) {
		t.Run(dir, func(t *testing.T) {
			file := filepath.Join(dir, "rules.yaml")
			cmd := exec.Command(bin, "test", file)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("appraise test %s: %v\n%s%s", file, err, stdout.String(), stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "ok   "+file+"  ") || stderr.Len() > 0 {
				t.Errorf("appraise test %s:\n%s%s", file, stdout.String(), stderr.String())
			}
		})
	}
}

func checkExpected(t *testing.T, set *rules.Set, scored string, want map[string]expectation) {
	t.Helper()
	f, err := workbook.Open(scored)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	key := set.Columns[0].Header
	for _, c := range set.Columns {
		if c.Key {
			key = c.Header
			break
		}
	}
	header := func(name string) string { return strings.ReplaceAll(set.Local.Points, "{metric}", name) }
	var cols []workbook.Column
	add := func(h string) { cols = append(cols, workbook.Column{Name: h, Headers: []string{h}}) }
	add(key)
	for _, m := range set.Metrics {
		if m.Scored() {
			add(header(m.Name))
		} else {
			add(m.Name)
		}
	}
	section := func(name string) string { return strings.ReplaceAll(set.Local.Sections, "{section}", name) }
	for _, sec := range set.Sections {
		add(section(sec.Name))
	}
	if !set.Total.None {
		add(set.Local.Total)
	}
	if set.Grades != nil {
		add(set.Local.Grade)
		if set.Grades.Coefficients() {
			add(set.Local.Coefficient)
		}
	}
	for _, r := range set.Ranks {
		add(r.Name)
	}
	add(set.Local.Flags)
	for _, p := range set.Pay {
		add(p.Name)
	}
	for _, p := range set.Pools {
		add(p.Name)
	}
	inputs := map[string]bool{}
	for _, exp := range want {
		for h := range exp.Inputs {
			if !inputs[h] && h != key {
				inputs[h] = true
				add(h)
			}
		}
	}
	add(set.Local.Notes)
	// The results come after the summary (汇总 or summary).
	table, err := f.Table(f.SheetNames()[1], cols)
	if err != nil {
		t.Fatal(err)
	}
	defer table.Close()
	at := map[string]int{}
	for i, c := range cols {
		at[c.Name] = table.Index[i]
	}
	seen := 0
	for table.Next() {
		row := table.Row()
		id := row.Cells[at[key]]
		exp, ok := want[id]
		if !ok {
			continue
		}
		seen++
		cell := func(h string) string { return row.Cells[at[h]] }
		for metric, w := range exp.Points {
			sameNumber(t, id+" "+metric, cell(header(metric)), w)
		}
		for metric, w := range exp.Values {
			if w != nil {
				if _, err := decimal.Parse(*w); err != nil {
					// A text value, such as a level: the cell as it is.
					if got := cell(metric); got != *w {
						t.Errorf("%s %s: got %q, want %q", id, metric, got, *w)
					}
					continue
				}
			}
			sameNumber(t, id+" "+metric, cell(metric), w)
		}
		for name, w := range exp.Sections {
			sameNumber(t, id+" "+name, cell(section(name)), w)
		}
		switch {
		case set.Total.None && exp.Total != nil:
			t.Errorf("%s: expected.yaml gives a total, but the rules score nothing and have none", id)
		case !set.Total.None:
			sameNumber(t, id+" total", cell(set.Local.Total), exp.Total)
		}
		if exp.Grade != nil {
			if got := cell(set.Local.Grade); got != *exp.Grade {
				t.Errorf("%s grade: got %q, want %q", id, got, *exp.Grade)
			}
		}
		switch {
		case exp.Coefficient != nil && *exp.Coefficient == "":
			sameNumber(t, id+" coefficient", cell(set.Local.Coefficient), nil)
		case exp.Coefficient != nil:
			sameNumber(t, id+" coefficient", cell(set.Local.Coefficient), exp.Coefficient)
		}
		for name, w := range exp.Ranks {
			sameNumber(t, id+" "+name, cell(name), w)
		}
		if got, w := cell(set.Local.Flags), strings.Join(exp.Flags, ", "); got != w {
			t.Errorf("%s flags: got %q, want %q", id, got, w)
		}
		for line, w := range exp.Pay {
			sameNumber(t, id+" "+line, cell(line), w)
		}
		for pool, w := range exp.Pools {
			sameNumber(t, id+" "+pool, cell(pool), w)
		}
		for h, w := range exp.Inputs {
			if _, err := decimal.Parse(w); err == nil {
				sameNumber(t, id+" "+h, cell(h), &w)
			} else if got := cell(h); got != w {
				t.Errorf("%s %s: got %q, want %q", id, h, got, w)
			}
		}
		for _, w := range exp.Notes {
			if got := cell(set.Local.Notes); !strings.Contains(got, w) {
				t.Errorf("%s notes: got %q, want it to hold %q", id, got, w)
			}
		}
	}
	if err := table.Err(); err != nil {
		t.Fatal(err)
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d people in expected.yaml", seen, len(want))
	}
	checkPayouts(t, scored, want)
}

// checkPayouts compares the payout sheet (发放) with the payouts of
// expected.yaml, and checks that the totals row is the sum of the rows to
// the cent in every column.
func checkPayouts(t *testing.T, scored string, want map[string]expectation) {
	t.Helper()
	some := false
	for _, exp := range want {
		some = some || len(exp.Payouts) > 0
	}
	if !some {
		return
	}
	dump, err := workbook.Dump(scored, "发放")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(dump), "\n")
	// An instalment's column is headed "季度业务提成 1/3 2027-01 (33%)".
	instalment := regexp.MustCompile(`^(.+) (\d+)/(\d+) (\S+) \(`)
	header := strings.Split(lines[0], "|")
	got := map[string][]string{} // by person and line
	sums := make([]decimal.Decimal, len(header))
	totals := strings.Split(lines[len(lines)-1], "|")
	if totals[0] != "合计" {
		t.Fatalf("payouts: no totals row last in:\n%s", dump)
	}
	// The key columns come first; the totals row has them blank.
	first := 1
	for first < len(totals) && totals[first] == "" {
		first++
	}
	for _, l := range lines[1 : len(lines)-1] {
		c := strings.Split(l, "|")
		for j := first; j < len(c) && j < len(header); j++ {
			if c[j] == "" {
				continue
			}
			a, err := decimal.Parse(c[j])
			if err != nil {
				t.Fatalf("payouts: %q: %v", l, err)
			}
			sums[j], _ = sums[j].Add(a)
			if m := instalment.FindStringSubmatch(header[j]); m != nil {
				got[c[0]+" "+m[1]] = append(got[c[0]+" "+m[1]], m[4]+" "+a.Pad(2).String())
			}
		}
	}
	for j := first; j < len(header); j++ {
		total := decimal.Zero
		if j < len(totals) && totals[j] != "" {
			total, _ = decimal.Parse(totals[j])
		}
		if total.Cmp(sums[j]) != 0 {
			t.Errorf("payouts %s: totals row %s, the rows add up to %s", header[j], total, sums[j].Pad(2))
		}
	}
	for id, exp := range want {
		for line, w := range exp.Payouts {
			if g := strings.Join(got[id+" "+line], ", "); g != strings.Join(w, ", ") {
				t.Errorf("%s payouts %s: got %s, want %s", id, line, g, strings.Join(w, ", "))
			}
		}
	}
}

// sameNumber compares a cell with an expected decimal; nil wants a blank
// cell. The cell went through a binary double, so it is compared after
// rounding to 10 decimals, far below a cent and far above the noise.
func sameNumber(t *testing.T, what, got string, want *string) {
	t.Helper()
	if want == nil {
		if got != "" {
			t.Errorf("%s: got %q, want a blank cell", what, got)
		}
		return
	}
	w, err := decimal.Parse(*want)
	if err != nil {
		t.Fatalf("%s: expected.yaml: %q is not a number", what, *want)
	}
	g, err := scoring.ParseNumber(got)
	if err != nil {
		t.Errorf("%s: got %q, want %s", what, got, *want)
		return
	}
	if g.Round(10).Cmp(w.Round(10)) != 0 {
		t.Errorf("%s: got %s, want %s", what, g, w)
	}
}

// TestExamplesReproducible regenerates each sample workbook and checks
// that it has the same cells as the one in the repository.
func TestExamplesReproducible(t *testing.T) {
	for _, dir := range examples(t) {
		if _, err := os.Stat(filepath.Join(dir, "gen")); err != nil {
			continue
		}
		input := sample(t, dir)
		out := filepath.Join(t.TempDir(), "regen.xlsx")
		cmd := exec.Command("go", "run", "./"+filepath.Join(dir, "gen"), "-o", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", dir, err, b)
		}
		want, err := workbook.Dump(input, "")
		if err != nil {
			t.Fatal(err)
		}
		got, err := workbook.Dump(out, "")
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: the generator no longer makes %s: run go run ./examples/%s/gen", dir, input, dir)
		}
	}
}

// sample returns the example's sample workbook, passing over results that
// a run of the README's first command leaves beside it.
func sample(t *testing.T, dir string) string {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	var inputs []string
	for _, p := range all {
		if !strings.Contains(filepath.Base(p), ".scored.") {
			inputs = append(inputs, p)
		}
	}
	if len(inputs) != 1 {
		t.Fatalf("want one sample workbook in %s, found %v", dir, inputs)
	}
	return inputs[0]
}

func parseRules(t *testing.T, path string) *rules.Set {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// readExpected reads hand-worked results: a sample workbook's, of at
// least 10 people, or a month of a history sequence's (least 4), whose
// sheets are kept small enough to rank by hand.
func readExpected(t *testing.T, path string, least ...int) map[string]expectation {
	t.Helper()
	need := 10
	if len(least) > 0 {
		need = least[0]
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]expectation
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(want) < need {
		t.Fatalf("%s: %d people; hand-work at least %d", path, len(want), need)
	}
	return want
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sequences are the examples that come with a sequence of periods, in a
// folder of their own beside the sample workbook: the workbooks, named by
// their periods so that their names sort in period order, hand-worked
// results for some of them (expected-<name>.yaml) and gen/, which writes
// the workbooks.
var sequences = []struct {
	scheme string
	folder string // months, quarters
	// rollup is true for months that quarters and years are built from,
	// checked by TestExamplesRollup, rather than a history.
	rollup bool
}{
	{"cs-kpi", "months", true},
	{"cs-points", "months", false},
	{"cs-staff", "months", false},
	{"ecommerce-cs", "months", false},
	{"sales-performance", "months", false},
	{"sentai-quarterly", "quarters", false},
}

// TestExamplesSequencesListed checks that every folder of periods in the
// examples is one of sequences, so that none goes untested.
func TestExamplesSequencesListed(t *testing.T) {
	listed := map[string]bool{}
	for _, q := range sequences {
		listed[filepath.Join(q.scheme, q.folder)] = true
		if _, err := os.Stat(filepath.Join(q.scheme, q.folder, "gen")); err != nil {
			t.Errorf("%s/%s: no gen/ to write its workbooks", q.scheme, q.folder)
		}
	}
	for _, dir := range examples(t) {
		for _, folder := range []string{"months", "quarters", "weeks", "years"} {
			seq := filepath.Join(dir, folder)
			if _, err := os.Stat(seq); err == nil && !listed[seq] {
				t.Errorf("%s is not in sequences", seq)
			}
		}
	}
}

// TestExamplesHistory scores each sequence's workbooks one after the
// other in one folder, as HR would at each period's end, so that each
// period reads the ones before it as history; then it checks each period
// that has an expected-<name>.yaml.
func TestExamplesHistory(t *testing.T) {
	bin := buildAppraise(t)
	for _, q := range sequences {
		if q.rollup {
			continue
		}
		t.Run(q.scheme, func(t *testing.T) {
			dir := filepath.Join(q.scheme, q.folder)
			inputs, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
			if len(inputs) < 3 || len(inputs) > 6 {
				t.Fatalf("%s: %d workbooks; a sequence has 3 to 6", dir, len(inputs))
			}
			work := t.TempDir()
			copyFile(t, filepath.Join(q.scheme, "rules.yaml"), filepath.Join(work, "rules.yaml"))
			set := parseRules(t, filepath.Join(q.scheme, "rules.yaml"))
			checked := 0
			for _, in := range inputs {
				name := filepath.Base(in)
				copyFile(t, in, filepath.Join(work, name))
				cmd := exec.Command(bin, "score", name)
				cmd.Dir = work
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("appraise score %s: %v\n%s", name, err, out)
				}
				base := strings.TrimSuffix(name, ".xlsx")
				want := filepath.Join(dir, "expected-"+base+".yaml")
				if _, err := os.Stat(want); err != nil {
					continue
				}
				checkExpected(t, set, filepath.Join(work, base+".scored.xlsx"), readExpected(t, want, 4))
				checked++
			}
			if checked == 0 {
				t.Errorf("%s has no expected-<name>.yaml", dir)
			}
		})
	}
}

// TestExamplesRollup builds, for each sequence of months that quarters
// and years are built from, every quarter or year that has an
// expected-<period>.yaml there from the monthly workbooks, as HR would at a quarter's end, and
// checks the results.
func TestExamplesRollup(t *testing.T) {
	bin := buildAppraise(t)
	for _, q := range sequences {
		if !q.rollup {
			continue
		}
		dir := q.scheme
		set := parseRules(t, filepath.Join(dir, "rules.yaml"))
		t.Run(dir, func(t *testing.T) {
			work := t.TempDir()
			copyFile(t, filepath.Join(dir, "rules.yaml"), filepath.Join(work, "rules.yaml"))
			months, _ := filepath.Glob(filepath.Join(dir, q.folder, "*.xlsx"))
			if err := os.Mkdir(filepath.Join(work, q.folder), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, m := range months {
				copyFile(t, m, filepath.Join(work, q.folder, filepath.Base(m)))
			}
			wants, _ := filepath.Glob(filepath.Join(dir, q.folder, "expected-*.yaml"))
			checked := 0
			for _, w := range wants {
				period := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(w), "expected-"), ".yaml")
				p, err := scoring.ParsePeriod(period)
				if err != nil || p.Kind == scoring.Month {
					continue
				}
				cmd := exec.Command(bin, "score", q.folder, "--rules", "rules.yaml", "--period", period)
				cmd.Dir = work
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("appraise score months --period %s: %v\n%s", period, err, out)
				}
				checkExpected(t, set, filepath.Join(work, q.folder, period+".scored.xlsx"), readExpected(t, w, 4))
				checked++
			}
			if checked == 0 {
				t.Errorf("%s/months has no expected-<quarter or year>.yaml", dir)
			}
		})
	}
}

// TestExamplesSequencesReproducible regenerates each sequence's workbooks
// and checks that they have the same cells as those in the repository.
func TestExamplesSequencesReproducible(t *testing.T) {
	for _, q := range sequences {
		dir := filepath.Join(q.scheme, q.folder)
		out := t.TempDir()
		cmd := exec.Command("go", "run", "./"+filepath.Join(dir, "gen"), "-o", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", dir, err, b)
		}
		inputs, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		made, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
		if len(made) != len(inputs) {
			t.Errorf("%s: the generator makes %d workbooks, the folder holds %d", dir, len(made), len(inputs))
		}
		for _, in := range inputs {
			want, err := workbook.Dump(in, "")
			if err != nil {
				t.Fatal(err)
			}
			got, err := workbook.Dump(filepath.Join(out, filepath.Base(in)), "")
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s: the generator no longer makes %s: run go run ./examples/%s/gen", dir, filepath.Base(in), dir)
			}
		}
	}
}

// TestExamplesHistoryTooShort scores cs-staff's March without January's
// and February's results: the quarter so far cannot be told, so the
// quarterly rank and award have no value and the notes say why, while
// the month's own ranking is decided as in the full sequence.
func TestExamplesHistoryTooShort(t *testing.T) {
	bin := buildAppraise(t)
	work := t.TempDir()
	copyFile(t, "cs-staff/rules.yaml", filepath.Join(work, "rules.yaml"))
	copyFile(t, "cs-staff/months/2026-03.xlsx", filepath.Join(work, "2026-03.xlsx"))
	cmd := exec.Command(bin, "score", "2026-03.xlsx")
	cmd.Dir = work
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("appraise score: %v\n%s", err, out)
	}
	set := parseRules(t, "cs-staff/rules.yaml")
	checkExpected(t, set, filepath.Join(work, "2026-03.scored.xlsx"), readExpected(t, "cs-staff/months/short-2026-03.yaml", 4))
}
