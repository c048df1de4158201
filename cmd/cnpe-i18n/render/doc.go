// Package render turns a status report into what people and CI read where
// more than one output needs the same piece: the pull-request comment,
// GitHub annotations and SARIF (all from one list of findings), and the
// plain-text word diff. Everything quoted from the repository is escaped
// for the stream it goes to.
//
//	l := render.GitHubLinker(server, repo, sha)
//	comment := render.Comment(report, l, render.MaxCommentBytes)
//	render.Annotations(os.Stdout, report)
//	err := render.SARIF(w, report, version)
package render
