//go:build !unix

package explore

func mapMemory(n int) ([]byte, func()) { return nil, func() {} }
