// Command cnpe-i18n keeps translations of Markdown documentation in step
// with their source. Run "cnpe-i18n help" for the commands.
package main

import "os"

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
