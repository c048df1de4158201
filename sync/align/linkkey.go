package align

// LinkKey is a link or image target as translations keep it: without a
// language prefix such as /ja/ and a trailing slash.
func LinkKey(l string) string { return normalizeLink(l) }
