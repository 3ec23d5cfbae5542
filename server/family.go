package server

// RegisterFamily gives the URL prefix /prefix a metrics label and an error
// format of its own, for a protocol whose errors have a format the core does
// not know (Open311's error arrays). Every error of a request under the
// prefix, the core's own included (401, 413, 429, 503 on a timeout, 404 for
// an unknown path), is then written by w. Call it from an init function:
// servers made afterwards have the family.
func RegisterFamily(prefix, name string, w ErrorWriter) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := families[prefix]; dup || prefix == "" {
		panic("server: route family " + prefix + " registered twice")
	}
	newFamily(prefix, name, w)
}
