//go:build unix

package edit

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockRoot takes an exclusive advisory lock on the root directory itself,
// so that no file is left behind; it waits for another writer to finish.
func lockRoot(root string) (func(), error) {
	f, err := os.Open(root)
	if err != nil {
		return nil, err
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
