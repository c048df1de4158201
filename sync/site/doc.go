// Package site finds a Hugo site's languages and content directories,
// walks its pages (following symlinks that stay inside the root) and pairs
// each source page with its translations.
//
//	cfg, err := site.LoadConfig(root) // cnpe-i18n.yaml, if any
//	layout, err := site.DetectLayout(root, cfg)
//	files, problems := layout.Files(cfg)
//	var entries []*site.Entry
//	for _, f := range files {
//		e, err := site.ReadEntry(root, f, parse.Config{}, cfg)
//		if err == nil {
//			entries = append(entries, e)
//		}
//	}
//	for _, p := range site.Pairs(layout, entries, nil) {
//		fmt.Println(p.Lang, p.Source != nil, p.Translation != nil)
//	}
//
// It reads files and never runs git.
package site
