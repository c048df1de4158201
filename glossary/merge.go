package glossary

// Merge lays an overlay over an imported glossary: an overlay entry
// whose first English term is a concept's first English term sets the
// fields it has (severity, case, conditions, scopes, notes, and per
// language the lists it gives); other overlay entries (rules, new
// concepts) are added at the end. Teams keep what a table cannot say in
// the overlay and import again whenever the table changes.
func (g *Glossary) Merge(overlay *Glossary) {
	byName := map[string]*Term{}
	for _, t := range g.Terms {
		if _, ok := byName[t.Name()]; !ok {
			byName[t.Name()] = t
		}
	}
	for _, o := range overlay.Terms {
		t := byName[o.Name()]
		if t == nil || o.Rule != nil {
			g.Terms = append(g.Terms, o)
			continue
		}
		if len(o.EN) > 1 {
			t.EN = o.EN
		}
		setStrings(&t.ENAvoid, o.ENAvoid)
		setString(&t.Note, o.Note)
		setString(&t.Status, o.Status)
		if o.Severity != SeverityDefault {
			t.Severity = o.Severity
		}
		t.CaseSensitive = t.CaseSensitive || o.CaseSensitive
		if o.When != nil {
			t.When = o.When
		}
		if o.Unless != nil {
			t.Unless = o.Unless
		}
		t.Keep = t.Keep || o.Keep
		setStrings(&t.Scope, o.Scope)
		setStrings(&t.Exclude, o.Exclude)
		for lang, or := range o.Langs {
			r := t.Langs[lang]
			if r == nil {
				t.Langs[lang] = or
				continue
			}
			setStrings(&r.Use, or.Use)
			setStrings(&r.Allow, or.Allow)
			setStrings(&r.Avoid, or.Avoid)
			setString(&r.Note, or.Note)
			setString(&r.First, or.First)
			if or.Keep {
				r.Keep, r.Use = true, nil
			}
		}
	}
}

func setString(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func setStrings(dst *[]string, v []string) {
	if len(v) > 0 {
		*dst = v
	}
}
