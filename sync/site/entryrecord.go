package site

// EntryRecord is an Entry without its File, in a form that survives
// encoding (JSON): what a cache keeps of a page's front matter pass.
type EntryRecord struct {
	Key           string          `json:"k,omitempty"`
	Pin           string          `json:"p,omitempty"`
	HasBody       bool            `json:"b,omitempty"`
	Outdated      bool            `json:"o,omitempty"`
	Convention    int             `json:"c,omitempty"`
	ConventionPin string          `json:"cp,omitempty"`
	Flags         map[string]bool `json:"f,omitempty"`
}

// Record is what EntryFromRecord needs to make e again for the same
// file. An unreadable entry has no record.
func (e *Entry) Record() EntryRecord {
	return EntryRecord{Key: e.Key, Pin: e.Pin, HasBody: e.HasBody, Outdated: e.Outdated,
		Convention: e.convention, ConventionPin: e.conventionPin, Flags: e.flags}
}

// EntryFromRecord is the entry of f that r records.
func EntryFromRecord(f File, r EntryRecord) *Entry {
	return &Entry{File: f, Key: r.Key, Pin: r.Pin, HasBody: r.HasBody, Outdated: r.Outdated,
		convention: r.Convention, conventionPin: r.ConventionPin, flags: r.Flags}
}
