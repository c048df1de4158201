package glossary

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Finding rules.
const (
	Forbidden = "forbidden" // an avoided rendering in a translation
	Missing   = "missing"   // the source unit has the term, the aligned translation fewer of its renderings
	Keep      = "keep"      // a keep-in-English term lost in translation
	Source    = "source"    // the English uses a deprecated variant
	FirstUse  = "first-use" // the first occurrence in a page lacks its first-use form (훅(hook))
	Spelling  = "spelling"  // a rule entry's convention broken (セキュリティー)
)

// Finding is one terminology problem at a place.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Lang     string   `json:"lang"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Term     string   `json:"term"`
	Found    string   `json:"found"`
	Expected string   `json:"expected"`
	// Source is the text of the source units aligned with the unit, for
	// the checks that compare with the source (missing, keep, first-use).
	Source string `json:"source,omitempty"`
	// Target is the text of the translated units, for a missing or keep
	// finding that counts renderings (found "0 of 1") when the glossary
	// asks for it (Glossary.Targets): what Corroborate reads.
	Target string `json:"target,omitempty"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %q: found %q, expected %q", f.File, f.Line, f.Column, f.Rule, f.Term, f.Found, f.Expected)
}

// UnitPair is a group of translated units and the source units they
// render (either side may be empty).
type UnitPair struct {
	Source, Target []*parse.Unit
	// SourceDoc is the document of the Source units when it is not the
	// page's Source: a translated unit made from another version of the
	// source than the rest of the page is paired in that version.
	SourceDoc *parse.Document
}

// Page is a translated page to check.
type Page struct {
	Path string
	Doc  *parse.Document
	// Source is the source the translation renders (its base); nil when
	// the page has no source counterpart: only the checks that need no
	// source (forbidden, keep variants, first use, rules) run.
	Source *parse.Document
	Pairs  []UnitPair
}

// pageScan holds the occurrences found in each unit, so a unit is
// scanned once however many checks read it.
type pageScan struct {
	m *Matcher
	// earliest is, per term, the byte offset of its first rendering in
	// the page (Check).
	earliest map[int]int
	doc      *parse.Document
	path     string
	tr       map[*parse.Unit]scanned
	out      []Finding
}

type scanned struct {
	t   text
	occ []occurrence
}

func (m *Matcher) newScan(doc *parse.Document, path string) *pageScan {
	return &pageScan{m: m, doc: doc, path: path, tr: make(map[*parse.Unit]scanned, len(doc.Units))}
}

func (s *pageScan) unit(u *parse.Unit) scanned {
	if sc, ok := s.tr[u]; ok {
		return sc
	}
	t := unitText(s.doc.Src, u)
	sc := scanned{t, s.m.tr.scan(t, nil)}
	s.tr[u] = sc
	return sc
}

func (s *pageScan) add(rule string, term *Term, sc scanned, at int, fallback *parse.Unit, found, expected string) {
	line, col := fallback.Line, 1
	if at >= 0 && at < len(sc.t.norm) {
		line, col = s.doc.Lines.Position(sc.t.offset(at))
	}
	s.out = append(s.out, Finding{Rule: rule, Severity: term.Severity.Level(), Lang: s.m.lang, File: s.path, Line: line, Column: col,
		Term: term.Name(), Found: found, Expected: expected})
}

// Check runs every check on a translated page: forbidden renderings,
// first-use forms and rules on all its units, and, when the page has a
// source, missing renderings and lost keep terms on each aligned pair.
func (m *Matcher) Check(p Page) []Finding {
	s := m.newScan(p.Doc, p.Path)
	var units []*parse.Unit
	for i := range p.Doc.Units {
		if u := &p.Doc.Units[i]; u.Translatable && len(u.Spans) > 0 {
			units = append(units, u)
		}
	}
	s.monolingual(units)
	if p.Source == nil {
		s.leftInEnglish(units)
		return s.out
	}
	src := m.newScan(p.Source, "")
	other := map[*parse.Document]*pageScan{}
	done := map[int]bool{}
	s.earliest = map[int]int{}
	for _, u := range units {
		sc := s.unit(u)
		for _, o := range sc.occ {
			if at := sc.t.byteAt(o.at); at >= 0 && (o.f.kind == kindFirst || o.f.kind == kindUse) {
				if e, ok := s.earliest[o.f.term]; !ok || at < e {
					s.earliest[o.f.term] = at
				}
			}
		}
	}
	lens := make([]pairLength, len(p.Pairs))
	for k, pr := range p.Pairs {
		lens[k] = pairLength{visible(pr.Source), visible(pr.Target)}
	}
	ratio := pageRatio(lens)
	// Tables whose shape differs (rows added since, or dropped) pair
	// cells by position only: their cells say nothing.
	cellsDiffer := countKind(p.Source, parse.TableCell) != countKind(p.Doc, parse.TableCell)
	for k, pr := range p.Pairs {
		if !confident(pr, ratio, lens[k]) || cellsDiffer && (hasKind(pr.Source, parse.TableCell) || hasKind(pr.Target, parse.TableCell)) {
			continue
		}
		srcScan := src
		if d := pr.SourceDoc; d != nil && d != p.Source {
			if srcScan = other[d]; srcScan == nil {
				srcScan = m.newScan(d, "")
				other[d] = srcScan
			}
		}
		nSrc := s.pair(srcScan, pr.Source, pr.Target)
		before := len(s.out)
		for _, u := range pr.Target {
			sc := s.unit(u)
			for _, o := range sc.occ {
				if !done[o.f.term] {
					s.firstUse(o, nSrc, done, sc, u)
				}
			}
		}
		for k := before; k < len(s.out); k++ {
			s.out[k].Source = unitsText(pr.Source)
		}
	}
	return s.out
}

// phraseGlossed reports a rendering that opens a longer phrase glossed
// in parentheses with the English, which has the term: 활성 프로브(liveness
// probe) is the first use of 프로브 too.
func phraseGlossed(t text, o occurrence, term *Term) bool {
	rest := t.norm[o.end:]
	open := strings.IndexByte(rest, '(')
	if open < 0 || open > 24 || strings.ContainsAny(rest[:open], ".,;:。、\n") {
		return false
	}
	closing := strings.IndexByte(rest[open:], ')')
	if closing < 0 {
		return false
	}
	gloss := rest[open+1 : open+closing]
	for _, e := range term.EN {
		if strings.Contains(gloss, normString(e, true)) {
			return true
		}
	}
	return false
}

// unitsText joins the text of units.
func unitsText(units []*parse.Unit) string {
	var b strings.Builder
	for k, u := range units {
		if k > 0 {
			b.WriteString("\n")
		}
		b.WriteString(u.Text)
	}
	return b.String()
}

// firstUse checks a rendering's first-use form: the first time a
// translated unit renders the concept its source unit has, in page order,
// the rendering must come in its first-use form (훅(hook)), unless that
// form was written earlier. Renderings of the same word in another sense
// (노드 for a lowercase node, before the first Node) do not count.
func (s *pageScan) firstUse(o occurrence, nSrc counts, done map[int]bool, sc scanned, u *parse.Unit) {
	i := o.f.term
	switch {
	case o.f.kind == kindFirst:
		done[i] = true
	case o.f.kind == kindUse && phraseGlossed(sc.t, o, s.m.g.Terms[i]):
		done[i] = true // 익스텐션 포인트(extension point): the phrase's first use glosses it
	case o.f.kind == kindUse && nSrc[i] != nil && nSrc[i][kindEN] > 0:
		done[i] = true
		if e, ok := s.earliest[i]; ok && e < sc.t.byteAt(o.at) {
			// The page used the term before, in a unit no pair checks
			// (the title, a unit added or rewritten since): that was
			// its first use.
			return
		}
		term := s.m.g.Terms[i]
		r := term.Langs[s.m.lang]
		if r == nil || r.First == "" || s.m.keep[i] || term.Severity.Level() == Info || !term.Applies(s.path) {
			return
		}
		s.add(FirstUse, term, sc, o.at, u, o.f.text, expandFirst(r.First, r.Use, term.EN)[0])
	}
}

// CheckPair checks translated units against the source units aligned with
// them: forbidden renderings and rules, missing renderings (count-aware:
// fewer approved renderings than the source has terms) and keep terms
// lost. First-use forms need the whole page: see Check.
func (m *Matcher) CheckPair(srcDoc *parse.Document, src []*parse.Unit, trDoc *parse.Document, tr []*parse.Unit, trPath string) []Finding {
	s := m.newScan(trDoc, trPath)
	s.monolingual(tr)
	if srcDoc != nil {
		s.pair(m.newScan(srcDoc, ""), src, tr)
	}
	return s.out
}

// monolingual checks units that need no source: forbidden renderings
// (of a keep term: a keep finding) and rules.
func (s *pageScan) monolingual(units []*parse.Unit) {
	m := s.m
	for _, u := range units {
		sc := s.unit(u)
		for _, o := range sc.occ {
			term := m.g.Terms[o.f.term]
			if o.f.kind != kindAvoid || !term.Applies(s.path) {
				continue
			}
			rule := Forbidden
			if m.keep[o.f.term] {
				rule = Keep
			}
			s.add(rule, term, sc, o.at, u, o.f.text, strings.Join(formsText(m.use[o.f.term]), ", "))
		}
		for _, r := range m.rules {
			if term := m.g.Terms[r.term]; term.Applies(s.path) {
				for _, v := range term.Rule.check(sc.t, r.endings) {
					s.add(Spelling, term, sc, v.at, u, v.found, v.expected)
				}
			}
		}
	}
}

// leftInEnglish reports, on a page with no source to compare with, a
// term written in English in a unit that has none of its renderings
// (Docker 드라이버 for 도커 드라이버): with no source, the English left in
// the translation is the only evidence. Names (Docker Desktop), compounds
// and keep terms are left alone.
func (s *pageScan) leftInEnglish(units []*parse.Unit) {
	m := s.m
	for _, u := range units {
		if u.Kind != parse.Paragraph && u.Kind != parse.ListItem && u.Kind != parse.Blockquote {
			continue // headings, cells and front matter hold names and values
		}
		sc := s.unit(u)
		if !mostlyTranslated(sc.t.norm) {
			continue // a passage left in English is not a term's problem
		}
		n := counts{}
		n.add(sc.occ)
		for _, o := range sc.occ {
			i := o.f.term
			term := m.g.Terms[i]
			if o.f.kind != kindEnglish || m.keep[i] || len(m.use[i]) == 0 || term.Severity.Level() == Info || !term.Applies(s.path) {
				continue
			}
			if c := n[i]; c[kindUse]+c[kindFirst] > 0 || embedded([]scanned{sc}, m.use[i]) {
				continue
			}
			if compound(sc.t, o.at, o.end) != "" || !m.accepts(sc.t, occurrence{at: o.at, end: o.end, f: &form{term: i, kind: kindEN, text: o.f.text}}) {
				continue
			}
			if !term.CaseSensitive && isName(sc.t, o) || nextIsName(sc.t, o) || glossed(sc.t, o) {
				continue
			}
			s.add(Missing, term, sc, o.at, u, o.f.text, strings.Join(formsText(m.use[i]), ", "))
			n[i][kindUse]++ // once per unit
		}
	}
}

// glossed reports English in parentheses after a rendering, as a gloss:
// 원하는 상태(desired state).
func glossed(t text, o occurrence) bool {
	return strings.HasSuffix(strings.TrimRight(t.norm[:o.at], " "), "(") && strings.HasPrefix(t.norm[o.end:], ")")
}

// mostlyTranslated reports a text with more letters of other scripts
// than Latin ones.
func mostlyTranslated(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case isWordChar(r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return other > latin
}

// nextIsName reports a Latin occurrence followed by a capitalized word,
// as in a product name (Docker Desktop, Flannel VXLAN).
func nextIsName(t text, o occurrence) bool {
	after := strings.TrimLeft(t.cased[o.end:], " ")
	r, _ := utf8.DecodeRuneInString(after)
	return len(after) < len(t.cased)-o.end && unicode.IsUpper(r)
}

// counts tallies occurrences per concept and kind.
type counts map[int]*[kindEnglish + 1]int

func (c counts) add(occ []occurrence) {
	for _, o := range occ {
		if c[o.f.term] == nil {
			c[o.f.term] = new([kindEnglish + 1]int)
		}
		c[o.f.term][o.f.kind]++
	}
}

// pair checks one aligned pair: missing renderings and lost keep terms.
// It returns the concepts the source units have. An optional entry
// (severity info) is never missing.
func (s *pageScan) pair(src *pageScan, srcUnits, trUnits []*parse.Unit) counts {
	if len(srcUnits) == 0 || len(trUnits) == 0 {
		return nil
	}
	m := s.m
	nTr := counts{}
	var occ []occurrence
	var scans []scanned
	for _, u := range trUnits {
		sc := s.unit(u)
		nTr.add(sc.occ)
		occ = append(occ, sc.occ...)
		scans = append(scans, sc)
	}
	nSrc := counts{}
	for _, u := range srcUnits {
		if _, ok := src.tr[u]; !ok {
			t := unitText(src.doc.Src, u)
			src.tr[u] = scanned{t, m.en.scan(t, m.accepts)}
		}
		sc := src.tr[u]
		for _, o := range sc.occ {
			// A compound the translation keeps verbatim is a name
			// (kube-proxy, cloud-controller-manager): its parts are not terms.
			if c := compound(sc.t, o.at, o.end); c != "" && keptIn(scans, c) {
				continue
			}
			// So is a Latin phrase the translation keeps (Metrics server).
			if p := phrases(sc.t, o); keptIn(scans, p[0]) || keptIn(scans, p[1]) {
				continue
			}
			nSrc.add([]occurrence{o})
		}
	}
	if len(nSrc) == 0 || !agrees(m, nSrc, nTr) {
		return nil
	}
	before := len(s.out)
	defer func() {
		for k := before; k < len(s.out); k++ {
			s.out[k].Source = unitsText(srcUnits)
			if m.g.Targets && isCount(s.out[k].Found) {
				s.out[k].Target = unitsText(trUnits)
			}
		}
	}()
	// partial: the translation has fewer sentences than its source
	// (counted when a check asks).
	var counted, isPartial bool
	partial := func() bool {
		if !counted {
			counted, isPartial = true, sentences(srcUnits, false) > sentences(trUnits, true)
		}
		return isPartial
	}
	terms := make([]int, 0, len(nSrc))
	for i := range nSrc {
		terms = append(terms, i)
	}
	sort.Ints(terms)
	for _, i := range terms {
		term := m.g.Terms[i]
		want := nSrc[i][kindEN]
		if want == 0 || !term.Applies(s.path) {
			continue
		}
		got := [kindEnglish + 1]int{}
		if c := nTr[i]; c != nil {
			got = *c
		}
		have := got[kindUse] + got[kindFirst]
		if m.keep[i] {
			if got[kindAvoid] > 0 || inCode(trUnits, term) {
				continue // reported as forbidden already, or kept in code
			}
			if have < want && (have == 0 && !partial() && !inLongerName(scans, m.use[i]) || nearMissIn(m, scans, i)) {
				s.add(Keep, term, scans[0], 0, trUnits[0], fmt.Sprintf("%d of %d", have, want), term.Name())
			}
			continue
		}
		if len(m.use[i]) == 0 || got[kindAvoid] > 0 || have >= want || term.Severity.Level() == Info {
			continue
		}
		if have == 0 && inCode(trUnits, term) {
			continue // kept as a literal in code (`finalizer`)
		}
		sc, at, found := scans[0], 0, fmt.Sprintf("%d of %d", have, want)
		evidence := false
		for _, o := range occ {
			if o.f.term == i && o.f.kind == kindEnglish && compound(scanOf(scans, o).t, o.at, o.end) == "" {
				// Left in English: point at it, or, when it glosses
				// another rendering (상태 검사(health check)), at that.
				sc, at, found, evidence = scanOf(scans, o), o.at, o.f.text, true
				if gat, g := glossWords(sc.t, o); g != "" && !parenthesized(srcUnits, o.f.text) {
					at, found = gat, g
				}
				break
			}
		}
		if !evidence {
			if k, nat, near := m.nearMiss(scans, i); near != "" {
				sc, at, found, evidence = scans[k], nat, near, true
			}
		}
		if have > 0 && !evidence {
			// Some renderings are there: translations drop repeated nouns
			// (a pronoun, a merged clause), so only a wrong form tells.
			continue
		}
		if !evidence && (embedded(scans, m.use[i]) || partial()) {
			// A rendering inside a longer Korean word (파일시스템 has
			// 시스템) renders the concept; and a translation with fewer
			// sentences than its source left some out: nothing tells
			// that the term was in what it kept.
			continue
		}
		s.add(Missing, term, sc, at, trUnits[0], found, strings.Join(formsText(m.use[i]), ", "))
	}
	return nSrc
}

func scanOf(scans []scanned, o occurrence) scanned {
	for _, sc := range scans {
		for _, x := range sc.occ {
			if x == o {
				return sc
			}
		}
	}
	return scans[0]
}

func formsText(fs []form) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.text)
	}
	return out
}

// CheckSource reports deprecated English variants in a source page.
func (m *Matcher) CheckSource(doc *parse.Document, path string) []Finding {
	var out []Finding
	for _, u := range doc.Units {
		if !u.Translatable || len(u.Spans) == 0 {
			continue
		}
		var t text
		made := false
		for i, term := range m.g.Terms {
			if m.enAv[i] == nil || !term.Applies(path) {
				continue
			}
			if !made {
				t, made = unitText(doc.Src, &u), true
			}
			for _, o := range m.enAv[i].scan(t, nil) {
				line, col := doc.Lines.Position(t.offset(o.at))
				out = append(out, Finding{Rule: Source, Severity: term.Severity.Level(), Lang: "en", File: path, Line: line, Column: col,
					Term: term.Name(), Found: o.f.text, Expected: term.Name()})
			}
		}
	}
	return out
}

// SortFindings orders findings by file, line and column.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func keptIn(scans []scanned, s string) bool {
	if s == "" {
		return false
	}
	for _, sc := range scans {
		if strings.Contains(sc.t.norm, s) {
			return true
		}
	}
	return false
}

// visible counts the runes a reader sees in units, spaces aside.
func visible(units []*parse.Unit) int {
	n := 0
	for _, u := range units {
		text := u.Plain
		if text == "" {
			text = u.Text
		}
		n += utf8.RuneCountInString(text) - strings.Count(text, " ") - strings.Count(text, "\n")
	}
	return n
}

// pairLength is what visible counts on either side of a pair.
type pairLength struct{ src, tr int }

// pageRatio is the median length ratio, translation over source, of a
// page's aligned pairs.
func pageRatio(lens []pairLength) float64 {
	var rs []float64
	for _, l := range lens {
		a, b := l.src, l.tr
		if a >= 20 && b > 0 {
			rs = append(rs, float64(b)/float64(a))
		}
	}
	if len(rs) == 0 {
		return 0
	}
	sort.Float64s(rs)
	return rs[len(rs)/2]
}

// confident reports a pair whose translated units render its source
// units: a length in line with the page's other pairs, and, when both
// sides have links or code, one of them in common. A pair that fails is
// an alignment slip or a partial translation, where a missing term says
// nothing about terminology.
func confident(p UnitPair, ratio float64, l pairLength) bool {
	if len(p.Source) == 0 || len(p.Target) == 0 {
		return false
	}
	// A short unit the translation left exactly as it is is a literal
	// (docker:, a key, a command name), not untranslated prose.
	if len(p.Source) == 1 && len(p.Target) == 1 && strings.TrimSpace(p.Source[0].Text) == strings.TrimSpace(p.Target[0].Text) &&
		len(strings.Fields(p.Source[0].Text)) <= 3 {
		return false
	}
	// A table cell of one word is a value (Prefix, Beta), not prose.
	if len(p.Source) == 1 && p.Source[0].Kind == parse.TableCell && !strings.ContainsAny(strings.TrimSpace(p.Source[0].Text), " \n") {
		return false
	}
	a, b := l.src, l.tr
	if ratio > 0 && a >= 8 {
		r := float64(b) / float64(a) / ratio
		lo, hi := 0.5, 2.0
		if a < 20 {
			lo, hi = 0.33, 3 // a few words: lengths vary more
		}
		if r < lo || r > hi {
			return false
		}
	}
	// Latin words a translation keeps (API, kubelet, TTL) come from its
	// source: two or more of them, none in the source, is another text.
	var kept []string
	for _, u := range p.Target {
		kept = append(kept, u.AllAnchors().Words...)
	}
	if len(kept) >= 2 && !sharesWord(p.Source, kept) {
		return false
	}
	// A heading the translation left all in Latin letters is the source
	// heading or another one (## crictl against ## Minikube).
	if len(p.Source) == 1 && len(p.Target) == 1 && p.Target[0].Kind == parse.Heading && !mostlyTranslated(p.Target[0].Text) &&
		!strings.EqualFold(strings.TrimSpace(p.Source[0].Text), strings.TrimSpace(p.Target[0].Text)) {
		return false
	}
	src, tr := anchorSet(p.Source), anchorSet(p.Target)
	if len(tr) == 0 && hasLink(src) && l.tr >= 8 {
		return false // translations keep links: a unit with none is another text
	}
	if len(src) == 0 || len(tr) == 0 {
		return true
	}
	for k := range src {
		if tr[k] {
			return true
		}
	}
	// A link whose address was updated since keeps its text:
	// [Flannel](old address) and [Flannel](new address) are one link.
	srcLabels := linkLabels(p.Source)
	for l := range linkLabels(p.Target) {
		if srcLabels[l] {
			return true
		}
	}
	return false
}

// sharesWord reports whether the text of units has one of words (case
// folded) as a whole word.
func sharesWord(units []*parse.Unit, words []string) bool {
	want := make(map[string]bool, len(words))
	for _, w := range words {
		want[strings.ToLower(w)] = true
	}
	for _, u := range units {
		for rest := u.Text; rest != ""; {
			i := strings.IndexFunc(rest, isWordChar)
			if i < 0 {
				break
			}
			rest = rest[i:]
			j := strings.IndexFunc(rest, func(r rune) bool { return !isWordChar(r) })
			if j < 0 {
				j = len(rest)
			}
			if want[strings.ToLower(rest[:j])] {
				return true
			}
			rest = rest[j:]
		}
	}
	return false
}

// linkLabels are the texts of the inline links of units ([text](url)),
// case folded.
func linkLabels(units []*parse.Unit) map[string]bool {
	out := map[string]bool{}
	for _, u := range units {
		for rest := u.Text; ; {
			i := strings.Index(rest, "](")
			if i < 0 {
				break
			}
			if j := strings.LastIndexByte(rest[:i], '['); j >= 0 {
				if l := strings.TrimSpace(rest[j+1 : i]); l != "" && !strings.ContainsAny(l, "[]") {
					out[strings.ToLower(l)] = true
				}
			}
			rest = rest[i+2:]
		}
	}
	return out
}

func hasLink(set map[anchorKey]bool) bool {
	for k := range set {
		if k.link {
			return true
		}
	}
	return false
}

// anchorKey is a link address or a code span of a unit.
type anchorKey struct {
	link bool
	v    string
}

func anchorSet(units []*parse.Unit) map[anchorKey]bool {
	out := map[anchorKey]bool{}
	for _, u := range units {
		if u.Anchors == nil {
			continue
		}
		for _, v := range u.Anchors.Links {
			out[anchorKey{true, v}] = true
		}
		for _, v := range u.Anchors.Code {
			out[anchorKey{false, v}] = true
		}
	}
	return out
}

// agrees reports whether a translated unit renders at least one of the
// concepts of its source unit when the source has three or more that have
// renderings: when it renders none, the two units are not each other's
// translation (an alignment slip, or a paragraph rewritten since).
func agrees(m *Matcher, nSrc, nTr counts) bool {
	concepts, rendered := 0, 0
	for i, c := range nSrc {
		if c[kindEN] == 0 || len(m.use[i]) == 0 {
			continue
		}
		concepts++
		if t := nTr[i]; t != nil && t[kindUse]+t[kindFirst]+t[kindAvoid]+t[kindEnglish] > 0 {
			rendered++
		}
	}
	return concepts < 3 || rendered > 0
}

// embedded reports a rendering written inside a longer word of the
// units, where word boundaries do not let it count (시스템 in 파일시스템,
// 설정 in 환경설정).
func embedded(scans []scanned, forms []form) bool {
	for _, sc := range scans {
		for _, f := range forms {
			if first, _ := utf8.DecodeRuneInString(f.norm); !isWordChar(first) && strings.Contains(sc.t.norm, f.norm) {
				return true
			}
		}
	}
	return false
}

// inLongerName reports a keep term written inside a longer Latin name of
// the units (Pod in HorizontalPodAutoscaler): the translation kept it.
func inLongerName(scans []scanned, forms []form) bool {
	for _, sc := range scans {
		for _, f := range forms {
			if strings.Contains(sc.t.cased, f.cased) {
				return true
			}
		}
	}
	return false
}

// sentences counts the sentences of units: a unit has at least one, and
// one more for each sentence end followed by more text. A full stop
// counts only before a space or a line end and not after an
// abbreviation (e.g., etc.); in the translation, CJK full stops count
// too.
func sentences(units []*parse.Unit, translation bool) int {
	n := 0
	for _, u := range units {
		text := u.Plain
		if text == "" {
			text = u.Text
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		n++
		for i, r := range text {
			end := false
			switch r {
			case '.', '!', '?':
				next, _ := utf8.DecodeRuneInString(text[i+1:])
				end = i+1 < len(text) && (next == ' ' || next == '\n') && !abbreviation(text[:i])
			case '。', '！', '？':
				end = translation && i+len(string(r)) < len(text)
			}
			if end {
				n++
			}
		}
	}
	return n
}

// abbreviation reports text ending in an abbreviation that takes a full
// stop (e.g, i.e, etc, vs) or in a single letter (an initial, a list mark).
func abbreviation(text string) bool {
	i := strings.LastIndexAny(text, " \n(")
	w := strings.ToLower(text[i+1:])
	switch w {
	case "e.g", "i.e", "etc", "vs", "cf", "approx", "eg", "ie", "incl", "no":
		return true
	}
	return utf8.RuneCountInString(w) <= 1 || strings.Contains(w, ".")
}

func nearMissIn(m *Matcher, scans []scanned, term int) bool {
	_, _, near := m.nearMiss(scans, term)
	return near != ""
}

// phrases returns a Latin occurrence with the word before it and with the
// word after it ("" when there is none).
func phrases(t text, o occurrence) [2]string {
	var out [2]string
	first, _ := utf8.DecodeRuneInString(t.norm[o.at:])
	if !isWordChar(first) {
		return out
	}
	before := strings.TrimRight(t.norm[:o.at], " ")
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !isWordChar(r) }); len(before) > 0 && len(before) < o.at {
		if w := before[i+1:]; w != "" {
			out[0] = w + t.norm[len(before):o.end]
		}
	}
	after := t.norm[o.end:]
	trimmed := strings.TrimLeft(after, " ")
	if len(trimmed) < len(after) {
		j := strings.IndexFunc(trimmed, func(r rune) bool { return !isWordChar(r) })
		if j < 0 {
			j = len(trimmed)
		}
		// A version is not part of a name (Flannel v0.12.0).
		if w := trimmed[:j]; j > 0 && !isDigit(rune(w[0])) && !(len(w) > 1 && w[0] == 'v' && isDigit(rune(w[1]))) {
			out[1] = t.norm[o.at : o.end+len(after)-len(trimmed)+j]
		}
	}
	return out
}

func countKind(doc *parse.Document, k parse.Kind) int {
	n := 0
	for i := range doc.Units {
		if doc.Units[i].Kind == k {
			n++
		}
	}
	return n
}

func hasKind(units []*parse.Unit, k parse.Kind) bool {
	for _, u := range units {
		if u.Kind == k {
			return true
		}
	}
	return false
}

// inCode reports a term kept inside a code span of the units.
func inCode(units []*parse.Unit, term *Term) bool {
	for _, u := range units {
		if u.Anchors == nil {
			continue
		}
		for _, c := range u.Anchors.Code {
			for _, e := range term.EN {
				if strings.Contains(strings.ToLower(c), strings.ToLower(e)) {
					return true
				}
			}
		}
	}
	return false
}

// byteAt is the offset in the document of the normalized text's byte at
// (-1 when unknown).
func (t text) byteAt(at int) int {
	if at < 0 || at >= len(t.norm) {
		return -1
	}
	return t.offset(at)
}
