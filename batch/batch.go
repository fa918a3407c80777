// Package batch scores many workbooks: it puts the workbooks whose rules
// look back over earlier periods in period order, so that each sees the
// results of the months before it written in the same batch, and runs
// the others side by side. Each workbook is one [run.Score]; a workbook
// that fails does not stop the others.
package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"appraise/run"
	"appraise/scoring"
)

// Job is one workbook to score.
type Job struct {
	Input     string
	Output    string
	Scorer    *scoring.Scorer // nil when Err says why the rules could not be had
	RulesFile string
	RulesHash string
	// History lists the folders of earlier results its rules read; nil
	// for what [run.Score] reads by default.
	History []string
	// Err, when set, is why the job cannot run: it is reported as its
	// failure, and nothing is scored for it.
	Err error
}

// Status is how a job ended.
type Status int

const (
	NotRun  Status = iota // the batch was stopped before the job ran
	Scored                // its results were written
	Skipped               // its output existed, and SkipExisting was asked
	Failed                // it has problems; Err says which
)

func (s Status) String() string {
	return [...]string{"not run", "scored", "skipped", "failed"}[s]
}

// Outcome is what came of one job.
type Outcome struct {
	Job     Job
	Status  Status
	Period  string // the period scored, where known
	Summary run.Summary
	Err     error
}

// Options says how the batch runs.
type Options struct {
	// Base holds what every job's run shares: the sheet, the detail, the
	// version, the password. Its Input, Output, Scorer, rules and
	// history are each job's own.
	Base run.Options
	// Jobs is how many workbooks are scored at once; 0 means 1.
	Jobs int
	// SkipExisting leaves a job whose output exists as it is.
	SkipExisting bool
	// Context stops the batch: the workbooks being scored are abandoned
	// with nothing written, and those not started are not run.
	Context context.Context
	// Done, when set, is told of each job as it ends, one call at a time.
	Done func(Outcome)
}

// Run scores the jobs and returns their outcomes in the order given.
func Run(jobs []Job, opts Options) []Outcome {
	if opts.Jobs < 1 {
		opts.Jobs = 1
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	out := make([]Outcome, len(jobs))
	for i, j := range jobs {
		out[i] = Outcome{Job: j}
	}
	b := &batch{opts: opts, out: out}
	tasks := b.plan()

	queue := make(chan []int)
	var wg sync.WaitGroup
	for w := 0; w < opts.Jobs && w < len(tasks); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range queue {
				b.chain(t)
			}
		}()
	}
	for _, t := range tasks {
		queue <- t
	}
	close(queue)
	wg.Wait()
	return out
}

type batch struct {
	opts Options
	out  []Outcome
	mu   sync.Mutex // over Done
}

// plan splits the jobs into tasks, each a list of jobs run one after the
// other: the jobs of one scheme that look back over the same history
// folders form one task in period order; every other job is a task of
// its own. Jobs that cannot run are ended here.
func (b *batch) plan() [][]int {
	type link struct {
		i      int
		period scoring.Period
	}
	chains := map[string][]link{}
	var order []string
	var tasks [][]int
	for i := range b.out {
		o := &b.out[i]
		j := o.Job
		if j.Err != nil {
			b.end(i, Failed, j.Err)
			continue
		}
		set := j.Scorer.Rules()
		if !set.NeedsHistory() {
			tasks = append(tasks, []int{i})
			continue
		}
		opts := b.runOptions(j)
		p, err := run.PeriodOf(opts)
		if err != nil {
			b.end(i, Failed, err)
			continue
		}
		o.Period = p.String()
		key := j.RulesFile + "\x00" + set.Scheme + "\x00" + historyKey(j)
		if _, ok := chains[key]; !ok {
			order = append(order, key)
		}
		chains[key] = append(chains[key], link{i, p})
	}
	for _, key := range order {
		links := chains[key]
		sort.SliceStable(links, func(a, c int) bool { return links[a].period.Start().Before(links[c].period.Start()) })
		var task []int
		for k := 0; k < len(links); k++ {
			same := k + 1
			for same < len(links) && links[same].period == links[k].period {
				same++
			}
			if same > k+1 {
				// Two workbooks of one period would both be its results.
				var names []string
				for _, l := range links[k:same] {
					names = append(names, b.out[l.i].Job.Input)
				}
				for _, l := range links[k:same] {
					b.end(l.i, Failed, &run.InputError{Problems: []string{fmt.Sprintf("%s: %s are both the %s workbook of %s: keep one in the batch",
						b.out[l.i].Job.Input, strings.Join(names, " and "), links[k].period, b.out[l.i].Job.Scorer.Rules().Scheme)}})
				}
				k = same - 1
				continue
			}
			task = append(task, links[k].i)
		}
		if len(task) > 0 {
			tasks = append(tasks, task)
		}
	}
	return tasks
}

// historyKey names the history folders a job reads.
func historyKey(j Job) string {
	if j.History == nil {
		if dir := j.Scorer.Rules().History; dir != "" {
			return "rules:" + dir
		}
		return "dir:" + filepath.Clean(filepath.Dir(j.Input))
	}
	var ds []string
	for _, d := range j.History {
		ds = append(ds, filepath.Clean(d))
	}
	return strings.Join(ds, "\x00")
}

func (b *batch) runOptions(j Job) run.Options {
	o := b.opts.Base
	o.Input, o.Output = j.Input, j.Output
	o.Scorer, o.RulesFile, o.RulesHash = j.Scorer, j.RulesFile, j.RulesHash
	o.History = j.History
	o.Context = b.opts.Context
	if o.Format == "" {
		o.Format = "xlsx"
	}
	return o
}

// chain runs the jobs of one task in order. A period whose results were
// not written leaves the periods after it unscored: their history would
// lack it, and a run of periods would break where none broke.
func (b *batch) chain(task []int) {
	recent := map[string]scoring.PastPeriod{}
	var broken *Outcome
	for _, i := range task {
		o := &b.out[i]
		switch {
		case b.opts.Context.Err() != nil:
			b.end(i, NotRun, nil)
			continue
		case broken != nil && broken.Status == Failed:
			b.end(i, Failed, &run.InputError{Problems: []string{fmt.Sprintf("%s: not scored: its rules look back over %s, whose workbook %s failed",
				o.Job.Input, broken.Period, broken.Job.Input)}})
			continue
		case broken != nil:
			b.end(i, NotRun, nil)
			continue
		}
		if b.opts.SkipExisting {
			if _, err := os.Stat(o.Job.Output); err == nil {
				b.end(i, Skipped, nil)
				continue
			}
		}
		opts := b.runOptions(o.Job)
		// The results' folder may be where the history is read; it is
		// made before the history is looked for, and a folder that
		// cannot be made is named by the run.
		_ = os.MkdirAll(filepath.Dir(o.Job.Output), 0o755)
		if len(task) > 1 {
			opts.Recent = recent
			opts.Record = true
		}
		sum, err := run.Score(opts)
		o.Summary = sum
		if sum.Period != "" {
			o.Period = sum.Period
		}
		switch {
		case err != nil && b.opts.Context.Err() != nil && errors.Is(err, b.opts.Context.Err()):
			b.end(i, NotRun, nil)
			broken = o
		case err != nil:
			b.end(i, Failed, err)
			broken = o
		default:
			if sum.Past != nil {
				recent[sum.Past.Label] = *sum.Past
			}
			b.end(i, Scored, nil)
		}
	}
}

func (b *batch) end(i int, s Status, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	o := &b.out[i]
	o.Status, o.Err = s, err
	if b.opts.Done != nil {
		b.opts.Done(*o)
	}
}
