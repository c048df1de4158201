package history

import (
	"errors"
	"runtime"
	gosync "sync"
)

// maxBatch is how many processes of one kind (cat-file --batch, or
// --batch-check) a History runs at most: one per two workers, up to four,
// so that workers seldom wait for each other's reads. Not one per worker:
// each process holds up to 40 MB of the pack, and on kubernetes/website
// the reads are some 3 s of git's CPU in a minute's run, so on two
// processors a second process of each kind would cost more memory than
// it saves time. Blob reads and tree lookups never wait for each other.
var maxBatch = min(max(runtime.GOMAXPROCS(0)/2, 1), 4)

// batchProcess is a long-running git process answering one request at a
// time.
type batchProcess interface{ close() error }

// batchPool hands out idle processes of one kind, starting one when all
// are busy and fewer than max run, else waiting for one to come back.
type batchPool[P batchProcess] struct {
	start func() (P, error)
	slots chan struct{} // one token per process in use
	mu    gosync.Mutex
	idle  []P
}

func newBatchPool[P batchProcess](max int, start func() (P, error)) *batchPool[P] {
	return &batchPool[P]{start: start, slots: make(chan struct{}, max)}
}

// do runs fn with a process of the pool. When fn fails with broken,
// the process is stopped rather than reused: its answer may have been
// left half read.
func (p *batchPool[P]) do(fn func(P) error, broken func(error) bool) error {
	p.slots <- struct{}{}
	defer func() { <-p.slots }()
	p.mu.Lock()
	var proc P
	var err error
	if n := len(p.idle); n > 0 {
		proc = p.idle[n-1]
		p.idle = p.idle[:n-1]
	} else if proc, err = p.start(); err != nil {
		p.mu.Unlock()
		return err
	}
	p.mu.Unlock()
	err = fn(proc)
	if err != nil && broken(err) {
		proc.close()
		return err
	}
	p.mu.Lock()
	p.idle = append(p.idle, proc)
	p.mu.Unlock()
	return err
}

// close stops the idle processes; none may be in use.
func (p *batchPool[P]) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var err error
	for _, proc := range p.idle {
		err = errors.Join(err, proc.close())
	}
	p.idle = nil
	return err
}
