package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// watchSignals returns a context that SIGINT (Ctrl-C) or SIGTERM cancels,
// so that a run stops, removes its temporary files and writes nothing;
// caught says which signal came, nil for none. stop ends the watch.
func watchSignals() (ctx context.Context, caught func() os.Signal, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	var (
		mu  sync.Mutex
		got os.Signal
	)
	go func() {
		if s, ok := <-sigs; ok {
			mu.Lock()
			got = s
			mu.Unlock()
			cancel()
		}
	}()
	caught = func() os.Signal {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
	stop = func() {
		signal.Stop(sigs)
		close(sigs)
		cancel()
	}
	return ctx, caught, stop
}
