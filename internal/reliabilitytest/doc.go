// Package reliabilitytest corrupts a copy of the data directory in the ways
// a careless user or a failing machine would (a file truncated at a row,
// a header alone, a duplicated row, a flipped byte, a Latin-1 byte in a
// name, /dev/zero or a FIFO in place of a file) and runs the main commands
// of entente on each, asserting a clear error naming the file and a
// non-zero exit within a time bound.
//
// The suite builds the binary and runs for about a minute, so it is behind
// a build tag:
//
//	go test -tags reliability -v ./internal/reliabilitytest   (make reliability)
//
// It prints the table corruption × command × outcome.
package reliabilitytest
