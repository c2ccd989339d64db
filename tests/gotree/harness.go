// Runs Go's own test tree through gopherbus-cli with Go's harness rule (issue 14 §4).
//
// Selection: every file of the directories test/run.go walks whose recipe is `// run`, whose build
// constraints admit linux/amd64 with gc, and whose imports are all packages of the subset (the
// files of sim/go/stdlib, named after their import paths with '/' as '_'). The rule, as run.go's
// "run" action: the program must exit with status 0 and, when NAME.out exists, print exactly it
// on stdout and stderr together.
//
// The list of programs that passed is kept in passing.txt: a listed program that fails fails the
// harness (exit 1); a program that passes and is not listed is reported, and -update rewrites
// the list (programs that pass in more than a third of the timeout only as comments). -report
// writes every failing program with its reason as Markdown.
//
//	go run tests/gotree/harness.go -cli build/gopherbus-cli [-j 2] [-timeout 90s] [-update] [-report F] [names...]
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The directories of Go 1.19's test/run.go, in its order.
var treeDirs = []string{".", "ken", "chan", "interface", "syntax", "dwarf", "fixedbugs", "codegen",
	"runtime", "abi", "typeparam", "typeparam/mdempsky"}

type program struct {
	name  string // relative to the test root: "fixedbugs/bug120.go"
	args  []string
	flags []string // the recipe's flags for the go command (-gcflags=..., -goexperiment X): the subset has none
}

type result struct {
	prog    program
	pass    bool
	reason  string
	elapsed time.Duration
}

func main() {
	root := flag.String("root", "/usr/share/go-1.19/test", "Go's test tree")
	cli := flag.String("cli", "build/gopherbus-cli", "the gopherbus-cli binary")
	stdlib := flag.String("stdlib", "", "the subset's package folder (default: sim/go/stdlib beside this file's repository)")
	passingFile := flag.String("passing", "", "the list of programs that passed (default: passing.txt beside this file)")
	jobs := flag.Int("j", 2, "programs run at once")
	timeout := flag.Duration("timeout", 90*time.Second, "wall-clock limit per program")
	update := flag.Bool("update", false, "rewrite the passing list with this run's passes")
	report := flag.String("report", "", "write the failing programs with their reasons to this Markdown file")
	readme := flag.String("readme", "", "rewrite the failing programs' table between the gotree markers of this README")
	list := flag.Bool("list", false, "only print the selected programs")
	quiet := flag.Bool("q", false, "no progress lines")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run harness.go [flags] [program names...]\n\n"+
			"Runs every `// run` program of Go's test tree whose imports are in the Go subset through\n"+
			"gopherbus-cli, with Go's harness rule: exit status 0, and the .out file (when there is one)\n"+
			"equal to stdout and stderr together. Exit status 1 when a program of the passing list fails.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	here := harnessDir()
	if *stdlib == "" {
		*stdlib = filepath.Join(here, "..", "..", "sim", "go", "stdlib")
	}
	if *passingFile == "" {
		*passingFile = filepath.Join(here, "passing.txt")
	}
	packages, err := subsetPackages(*stdlib)
	if err != nil {
		fatal(err)
	}
	progs, err := selectPrograms(*root, packages)
	if err != nil {
		fatal(err)
	}
	if flag.NArg() > 0 {
		progs = only(progs, flag.Args())
	}
	if *list {
		for _, p := range progs {
			fmt.Println(p.name)
		}
		return
	}
	if _, err := os.Stat(*cli); err != nil {
		fatal(fmt.Errorf("no gopherbus-cli at %s (build it first, or give -cli)", *cli))
	}

	results := runAll(*root, *cli, progs, *jobs, *timeout, *quiet)
	passed := 0
	for _, r := range results {
		if r.pass {
			passed++
		}
	}
	fmt.Printf("Go's test tree: %d of %d `// run` programs pass (%.1f%%)\n", passed, len(results),
		100*float64(passed)/float64(max(1, len(results))))

	if *report != "" {
		if err := writeReport(*report, results, passed); err != nil {
			fatal(err)
		}
	}
	if *readme != "" {
		if flag.NArg() > 0 {
			fatal(errors.New("-readme needs the whole tree (no program names)"))
		}
		if err := updateReadme(*readme, results, passed); err != nil {
			fatal(err)
		}
	}

	listed, err := readPassing(*passingFile)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		fatal(err)
	}
	regressions, newPasses := 0, 0
	for _, r := range results {
		if listed[r.prog.name] && !r.pass {
			regressions++
			fmt.Printf("REGRESSION %s: %s\n", r.prog.name, r.reason)
		}
		if _, known := listed[r.prog.name]; !known && r.pass {
			newPasses++
		}
	}
	if newPasses > 0 && !*update {
		fmt.Printf("%d programs pass that passing.txt does not list (rerun with -update to add them)\n", newPasses)
	}
	if *update {
		if flag.NArg() > 0 {
			fatal(errors.New("-update needs the whole tree (no program names)"))
		}
		if err := writePassing(*passingFile, results, *timeout); err != nil {
			fatal(err)
		}
		fmt.Printf("wrote %s\n", *passingFile)
	}
	if regressions > 0 {
		fmt.Printf("%d programs of the passing list fail\n", regressions)
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "harness:", err)
	os.Exit(2)
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func harnessDir() string {
	// `go run` builds in a temporary folder, so the source's folder comes from the working directory
	// when it is the repository root, or from the executable's neighbourhood otherwise.
	for _, c := range []string{"tests/gotree", "."} {
		if _, err := os.Stat(filepath.Join(c, "harness.go")); err == nil {
			return c
		}
	}
	return "tests/gotree"
}

// subsetPackages reads the import paths of the subset from its package files ("sync_atomic.go").
func subsetPackages(dir string) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the subset's packages: %w", err)
	}
	pkgs := map[string]bool{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			pkgs[strings.ReplaceAll(strings.TrimSuffix(e.Name(), ".go"), "_", "/")] = true
		}
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages in %s", dir)
	}
	return pkgs, nil
}

func selectPrograms(root string, packages map[string]bool) ([]program, error) {
	var progs []program
	for _, d := range treeDirs {
		files, err := filepath.Glob(filepath.Join(root, d, "*.go"))
		if err != nil {
			return nil, err
		}
		if files == nil {
			return nil, fmt.Errorf("no Go files in %s (is golang-1.19-src installed?)", filepath.Join(root, d))
		}
		sort.Strings(files)
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			args, flags, ok := runRecipe(string(src))
			if !ok {
				continue
			}
			if !importsInSubset(f, src, packages) {
				continue
			}
			rel, _ := filepath.Rel(root, f)
			progs = append(progs, program{name: filepath.ToSlash(rel), args: args, flags: flags})
		}
	}
	return progs, nil
}

// runRecipe reads the recipe as run.go does: the text before the first blank line, less a first
// `+build` line, less the leading "//"; the action is its first word. Build constraints in that
// header must admit linux/amd64 with gc.
func runRecipe(src string) (args, flags []string, ok bool) {
	if strings.HasPrefix(src, "\n") {
		return nil, nil, false
	}
	action, _, _ := strings.Cut(src, "\n\n")
	header := action
	if first, rest, found := strings.Cut(action, "\n"); found && strings.Contains(first, "+build") {
		action = rest
	}
	action = strings.TrimPrefix(action, "//")
	if !constraintsAdmit(header) {
		return nil, nil, false
	}
	line, _, _ := strings.Cut(action, "\n")
	fields := strings.Fields(line)
	if len(fields) == 0 || fields[0] != "run" {
		return nil, nil, false
	}
	// As run.go: leading flags go to the go command (-goexperiment and -t take a value), the rest to the program.
	rest := fields[1:]
	for len(rest) > 0 && strings.HasPrefix(rest[0], "-") {
		if (rest[0] == "-goexperiment" || rest[0] == "-t") && len(rest) > 1 {
			if rest[0] == "-goexperiment" {
				flags = append(flags, rest[0]+" "+rest[1])
			}
			rest = rest[2:]
			continue
		}
		flags = append(flags, rest[0])
		rest = rest[1:]
	}
	return rest, flags, true
}

func constraintsAdmit(header string) bool {
	tags := map[string]bool{"linux": true, "amd64": true, "gc": true, "unix": true, "cgo": true}
	for i := 1; i <= 19; i++ {
		tags["go1."+strconv.Itoa(i)] = true
	}
	for _, line := range strings.Split(header, "\n") {
		line = strings.TrimSpace(line)
		if !constraint.IsGoBuild(line) && !constraint.IsPlusBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			continue
		}
		if !expr.Eval(func(tag string) bool { return tags[tag] }) {
			return false
		}
	}
	return true
}

func importsInSubset(path string, src []byte, packages map[string]bool) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		return true // a file the parser rejects is the front end's to judge
	}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !packages[p] {
			return false
		}
	}
	return true
}

func only(progs []program, names []string) []program {
	want := map[string]bool{}
	for _, n := range names {
		want[strings.TrimPrefix(n, "./")] = true
	}
	var out []program
	for _, p := range progs {
		if want[p.name] {
			out = append(out, p)
			delete(want, p.name)
		}
	}
	for n := range want {
		fmt.Fprintf(os.Stderr, "harness: %s is not a selected program\n", n)
	}
	return out
}

func runAll(root, cli string, progs []program, jobs int, timeout time.Duration, quiet bool) []result {
	results := make([]result, len(progs))
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, passed := 0, 0
	start := time.Now()
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r := explain(runOne(root, cli, progs[i], timeout))
				results[i] = r
				mu.Lock()
				done++
				if r.pass {
					passed++
				}
				if !quiet && (done%50 == 0 || done == len(progs)) {
					fmt.Fprintf(os.Stderr, "  %d/%d run, %d pass, %.0fs\n", done, len(progs), passed, time.Since(start).Seconds())
				}
				mu.Unlock()
			}
		}()
	}
	for i := range progs {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

func runOne(root, cli string, p program, timeout time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	file := filepath.Join(root, p.name)
	// Go's run.go makes sure GOOS and GOARCH are set in a test's environment (env.go reads them); the simulated
	// program is linux/amd64.
	argv := []string{"run", "--env", "GOOS=linux", "--env", "GOARCH=amd64", file}
	cmd := exec.CommandContext(ctx, cli, append(argv, p.args...)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	begin := time.Now()
	err := cmd.Run()
	r := result{prog: p, elapsed: time.Since(begin)}
	if ctx.Err() == context.DeadlineExceeded {
		r.reason = fmt.Sprintf("timeout after %s", timeout)
		return r
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				r.reason = fmt.Sprintf("host crash (%s): %s", ws.Signal(), firstLine(out.String()))
				return r
			}
			r.reason = fmt.Sprintf("exit status %d: %s", exit.ExitCode(), diagnosis(out.String()))
			return r
		}
		r.reason = err.Error()
		return r
	}
	want, err := os.ReadFile(strings.TrimSuffix(file, ".go") + ".out")
	if err == nil && !bytes.Equal(want, out.Bytes()) {
		r.reason = "wrong output: " + firstDifference(string(want), out.String())
		return r
	}
	r.pass = true
	return r
}

// explain adds the go command flags a failing program's recipe asks for, which the subset cannot honour.
func explain(r result) result {
	if !r.pass && len(r.prog.flags) > 0 {
		r.reason += fmt.Sprintf(" (the recipe asks for `%s`)", strings.Join(r.prog.flags, " "))
	}
	return r
}

var location = regexp.MustCompile(`^\S+\.go:\d+(:\d+)?: `)

// diagnosis picks the line of a failed run that says why: a checker error, a fatal error, a panic.
func diagnosis(out string) string {
	lines := strings.Split(out, "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || location.MatchString(l) ||
			strings.HasPrefix(l, "terminate called") {
			return clip(location.ReplaceAllString(l, ""))
		}
	}
	return firstLine(out)
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			return clip(l)
		}
	}
	return "(no output)"
}

func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return clip(fmt.Sprintf("line %d: want %q, got %q", i+1, wl, gl))
		}
	}
	return "differs"
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 160 {
		return s[:157] + "..."
	}
	return s
}

// readPassing returns the listed programs (true: guarded; false: listed as slow, in a comment).
func readPassing(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return map[string]bool{}, err
	}
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "# slow (") {
			if i := strings.Index(line, "): "); i >= 0 {
				set[line[i+3:]] = false
			}
			continue
		}
		if line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set, sc.Err()
}

// writePassing lists this run's passes. A program that took more than a third of the timeout is listed as a
// comment: on a loaded machine (CI runs other tests beside this one) it could time out, and a guard that fails
// for the machine's load rather than for Gopherbus would be noise.
func writePassing(path string, results []result, timeout time.Duration) error {
	var b strings.Builder
	b.WriteString("# Programs of Go 1.19's test tree that pass on Gopherbus (tests/gotree/harness.go -update).\n")
	b.WriteString("# Commented out: programs that pass but took more than a third of the timeout (not guarded).\n")
	for _, r := range results {
		if !r.pass {
			continue
		}
		if r.elapsed > timeout/3 {
			fmt.Fprintf(&b, "# slow (%.0fs of %.0fs): %s\n", r.elapsed.Seconds(), timeout.Seconds(), r.prog.name)
			continue
		}
		b.WriteString(r.prog.name + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

const (
	readmeBegin = "<!-- gotree:failing:begin (tests/gotree/harness.go -readme README.md writes this part) -->"
	readmeEnd   = "<!-- gotree:failing:end -->"
)

// updateReadme replaces the text between the README's gotree markers with this run's failing programs.
func updateReadme(path string, results []result, passed int) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	before, rest, ok := strings.Cut(string(text), readmeBegin)
	_, after, ok2 := strings.Cut(rest, readmeEnd)
	if !ok || !ok2 {
		return fmt.Errorf("%s has no gotree markers (%q ... %q)", path, readmeBegin, readmeEnd)
	}
	var b strings.Builder
	b.WriteString(readmeBegin + "\n")
	fmt.Fprintf(&b, "%d of %d programs pass (%.1f%%). The %d that fail, each with the first line that says why:\n\n",
		passed, len(results), 100*float64(passed)/float64(max(1, len(results))), len(results)-passed)
	b.WriteString("| program | reason |\n|---|---|\n")
	for _, r := range results {
		if !r.pass {
			fmt.Fprintf(&b, "| `%s` | %s |\n", r.prog.name, strings.ReplaceAll(r.reason, "|", `\|`))
		}
	}
	b.WriteString(readmeEnd)
	return os.WriteFile(path, []byte(before+b.String()+after), 0o644)
}

func writeReport(path string, results []result, passed int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d programs pass. Failing:\n\n| program | reason |\n|---|---|\n", passed, len(results))
	defer func() {
		// The slowest passing programs: a timeout that is near is a regression waiting on a loaded machine.
		var slow []result
		for _, r := range results {
			if r.pass {
				slow = append(slow, r)
			}
		}
		sort.Slice(slow, func(i, j int) bool { return slow[i].elapsed > slow[j].elapsed })
		fmt.Printf("slowest passing programs:")
		for i := 0; i < len(slow) && i < 5; i++ {
			fmt.Printf(" %s %.1fs", slow[i].prog.name, slow[i].elapsed.Seconds())
		}
		fmt.Println()
	}()
	for _, r := range results {
		if !r.pass {
			fmt.Fprintf(&b, "| `%s` | %s |\n", r.prog.name, strings.ReplaceAll(r.reason, "|", `\|`))
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
