// Package outfile creates output files the way every command writes them:
// under a temporary name beside the target, mode 0644, renamed into place
// only when everything was written, so that a failed or killed run never
// leaves a partial file under the final name and a good file is replaced
// only by another good one.
//
// A target that exists and is not a regular file (/dev/null, /dev/stdout,
// a named pipe) is written in place instead: renaming over it would
// replace the device or the pipe with a regular file.
package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is an output file being written.
type File struct {
	f      *os.File
	path   string
	direct bool // written in place: the target is not a regular file
	done   bool
}

// Special reports whether path exists and is not a regular file or a
// directory: a device, a pipe or a socket, written in place.
func Special(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

// Create starts writing path. The temporary file is named
// "."+base(path)+suffix, where suffix holds CreateTemp's "*".
func Create(path, suffix string) (*File, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("write %s: is a directory", path)
	}
	if Special(path) {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		return &File{f: f, path: path, direct: true}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+suffix)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &File{f: f, path: path}, nil
}

// Write writes to the temporary file (or the special target).
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Path is the target's path.
func (f *File) Path() string { return f.path }

// Commit closes the file and renames it to the target.
func (f *File) Commit() error {
	if f.done {
		return errors.New("outfile: Commit after Commit or Abort")
	}
	f.done = true
	if err := f.f.Close(); err != nil {
		if !f.direct {
			os.Remove(f.f.Name())
		}
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if f.direct {
		return nil
	}
	if err := os.Rename(f.f.Name(), f.path); err != nil {
		os.Remove(f.f.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Abort closes the file and removes the temporary file, leaving the
// target as it was. It does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	if !f.direct {
		os.Remove(f.f.Name())
	}
}
