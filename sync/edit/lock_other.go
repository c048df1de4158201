//go:build !unix

package edit

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lockRoot creates a lock file in the root with O_EXCL, waiting up to a
// minute for another writer to remove its own.
func lockRoot(root string) (func(), error) {
	name := filepath.Join(root, ".cnpe-i18n.lock")
	for i := 0; ; i++ {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) || i >= 600 {
			return nil, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}
