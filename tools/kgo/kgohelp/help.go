// Package kgohelp holds the helpers kgo compiles into a package that needs
// them: Go code for what a construct needs beyond a few instructions. Each
// function is copied, renamed PKG_name and file-local, into the assembly of
// the package that uses one, so programs and the kernel need no runtime
// routine for them. It is ordinary Go, checked by the host toolchain.
// Helpers must not call each other: only the ones a package uses are
// copied.
package kgohelp

// decoderune decodes the UTF-8 sequence at s[i] for range loops over
// strings, with Go's rules: invalid, overlong or surrogate encodings and
// values above U+10FFFF give U+FFFD with width 1.
func decoderune(s string, i int) (rune, int) {
	const bad = 0xFFFD
	b0 := s[i]
	n, least := 0, rune(0)
	var r rune
	switch {
	case b0 < 0x80:
		return rune(b0), 1
	case b0&0xE0 == 0xC0:
		n, least, r = 2, 0x80, rune(b0&0x1F)
	case b0&0xF0 == 0xE0:
		n, least, r = 3, 0x800, rune(b0&0x0F)
	case b0&0xF8 == 0xF0:
		n, least, r = 4, 0x10000, rune(b0&0x07)
	default:
		return bad, 1
	}
	if i+n > len(s) {
		return bad, 1
	}
	for k := 1; k < n; k++ {
		b := s[i+k]
		if b&0xC0 != 0x80 {
			return bad, 1
		}
		r = r<<6 | rune(b&0x3F)
	}
	if r < least || r > 0x10FFFF || r >= 0xD800 && r <= 0xDFFF {
		return bad, 1
	}
	return r, n
}

// strcmp compares strings as strings.Compare does: -1, 0 or 1, by bytes
// and then by length.
func strcmp(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	if len(a) < len(b) {
		return -1
	}
	if len(a) > len(b) {
		return 1
	}
	return 0
}
