//go:build linux

package sync

import (
	"os"
	"syscall"
)

// statStamp is what, besides size and modification time, tells that a
// file was replaced or touched: its inode and change time.
func statStamp(fi os.FileInfo) (ino, ctime int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Ino), int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec)
	}
	return 0, 0
}
