package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// command is one subcommand of sip. Its flags, their placeholders (the
// back-quoted word of a flag's usage, as in "dataset `F.gpkg`"), the required
// ones and the positional arguments make both the command's own help and its
// line in `sip -h`, so the two cannot disagree.
type command struct {
	name     string   // "ingest", or "tiles build" for a command of a group
	summary  string   // one line: what it does
	args     string   // positional arguments in the synopsis, e.g. "FILE..."; "" for none
	argsHelp string   // what the positional arguments are
	minArgs  int      // fewest positional arguments
	maxArgs  int      // most positional arguments; -1: no limit
	required []string // flags that must be given
	// flags defines the command's flags on fs and returns the function that runs
	// the command with the parsed flags and the positional arguments.
	flags func(fs *flag.FlagSet) func(ctx context.Context, args []string) error
}

// commands holds every subcommand; files of this package add theirs with
// register in init, so a new capability brings its command without editing this
// file.
var (
	commands = map[string]*command{}
	order    []string
)

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("sip: command registered twice: " + c.name)
	}
	commands[c.name] = c
	order = append(order, c.name)
}

// usageError is a command line that cannot be run as given: sip prints it with
// the command's synopsis and exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// flagSet returns the command's flags (quiet: sip reports parse errors itself,
// once) and the function that runs it.
func (c *command) flagSet() (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("sip "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	run := c.flags(fs)
	return fs, run
}

// parseInterleaved reads flags and positional arguments in any order, as ogr2ogr and
// tippecanoe allow (`sip ingest a.gml --store x.gpkg`); "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		consumed := args[:len(args)-len(rest)]
		if n := len(consumed); n > 0 && consumed[n-1] == "--" && (n < 2 || !takesValue(fs, consumed[n-2])) {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// takesValue reports whether arg is a flag of fs written without "=" that
// consumes the next argument as its value.
func takesValue(fs *flag.FlagSet, arg string) bool {
	if !strings.HasPrefix(arg, "-") || strings.Contains(arg, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(arg, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// parse parses args and checks the required flags and the number of positional
// arguments.
func (c *command) parse(args []string) (func(context.Context, []string) error, []string, error) {
	fs, run := c.flagSet()
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, err
		}
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
			msg = "unknown flag --" + strings.TrimPrefix(name, "-")
		}
		return nil, nil, &usageError{msg}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var missing []string
	for _, name := range c.required {
		if !set[name] {
			missing = append(missing, "--"+name)
		}
	}
	if len(missing) > 0 {
		verb := "are"
		if len(missing) == 1 {
			verb = "is"
		}
		return nil, nil, usageErrorf("%s %s required", strings.Join(missing, " and "), verb)
	}
	switch {
	case len(pos) < c.minArgs:
		return nil, nil, usageErrorf("missing %s", c.args)
	case c.maxArgs >= 0 && len(pos) > c.maxArgs:
		return nil, nil, usageErrorf("unexpected arguments %q", pos[c.maxArgs:])
	}
	return run, pos, nil
}

// synopsis is the command line of the command: required flags, optional flags in
// brackets, then the positional arguments.
func (c *command) synopsis() string {
	fs, _ := c.flagSet()
	req := map[string]bool{}
	for _, r := range c.required {
		req[r] = true
	}
	parts := []string{"sip " + c.name}
	for _, r := range c.required {
		if f := fs.Lookup(r); f != nil {
			parts = append(parts, flagSyntax(f))
		}
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !req[f.Name] {
			parts = append(parts, "["+flagSyntax(f)+"]")
		}
	})
	if c.args != "" {
		parts = append(parts, c.args)
	}
	return strings.Join(parts, " ")
}

// flagSyntax is "--name PLACEHOLDER", or "--name" for a switch.
func flagSyntax(f *flag.Flag) string {
	name, _ := flag.UnquoteUsage(f)
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "--" + f.Name
	}
	return "--" + f.Name + " " + name
}

// writeHelp writes the command's help: synopsis, summary, arguments and flags.
func (c *command) writeHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n%s\n", wrap(c.synopsis(), "       "), c.summary)
	if c.args != "" {
		fmt.Fprintf(w, "\narguments:\n  %-22s %s\n", c.args, c.argsHelp)
	}
	fs, _ := c.flagSet()
	req := map[string]bool{}
	for _, r := range c.required {
		req[r] = true
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintln(w, "\nflags:")
	}
	fs.VisitAll(func(f *flag.Flag) {
		_, usage := flag.UnquoteUsage(f)
		if req[f.Name] {
			usage += " (required)"
		} else if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-22s %s\n", flagSyntax(f), usage)
	})
	if n > 0 {
		fmt.Fprintln(w, "\nFlags may come before, between or after the arguments; -- ends the flags.")
	}
}

// wrap breaks a synopsis into lines of about 100 characters at spaces outside
// brackets, indenting the following lines.
func wrap(s, indent string) string {
	var b strings.Builder
	line, depth, start := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			switch s[i] {
			case '[', '(':
				depth++
			case ']', ')':
				depth--
			}
			if s[i] != ' ' || depth > 0 {
				continue
			}
		}
		word := s[start:i]
		if line > 0 && line+1+len(word) > 100 {
			b.WriteString("\n" + indent)
			line = len(indent)
		} else if line > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += len(word)
		start = i + 1
	}
	return b.String()
}

// sortedCommands lists the commands: the core ones first, then the others by
// name.
func sortedCommands() []string {
	rank := map[string]int{"gen county": 1, "ingest": 2, "serve": 3, "demo": 4, "version": 99}
	names := append([]string(nil), order...)
	sort.SliceStable(names, func(i, j int) bool {
		ri, rj := rank[names[i]], rank[names[j]]
		if ri == 0 {
			ri = 50
		}
		if rj == 0 {
			rj = 50
		}
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	return names
}

// writeUsage writes the top-level help: every command's synopsis and summary,
// made from the commands' definitions; group restricts it to one group ("tiles").
func writeUsage(w io.Writer, group string) {
	if group == "" {
		fmt.Fprintln(w, "sip — SIP core: the spatial data of a Polish county (powiat) and its gminas, generated, ingested and served.")
		fmt.Fprintln(w, "\nusage: sip COMMAND [flags] [arguments]\n\ncommands:")
	} else {
		fmt.Fprintf(w, "usage: sip %s COMMAND [flags] [arguments]\n\ncommands:\n", group)
	}
	for _, name := range sortedCommands() {
		if group != "" && !strings.HasPrefix(name, group+" ") {
			continue
		}
		c := commands[name]
		fmt.Fprintf(w, "  %s\n      %s\n", wrap(c.synopsis(), "        "), c.summary)
	}
	fmt.Fprintln(w, "\n`sip COMMAND -h` describes a command and its arguments; `sip --version` prints the version.")
}

// isGroup reports whether name is the first word of multi-word commands
// ("tiles" of "tiles build").
func isGroup(name string) bool {
	for n := range commands {
		if strings.HasPrefix(n, name+" ") {
			return true
		}
	}
	return false
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// exitUsage is the exit status of a command line that cannot be run (as Go's
// flag package and most Unix tools use); errors while running exit 1.
const exitUsage = 2

// execute runs sip with the arguments after the program name and returns the
// exit status: 0 done (or help asked for, on stdout), 1 the command failed, 2 a
// command line that cannot be run (on stderr, with the synopsis).
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr, "")
		return exitUsage
	}
	switch {
	case isHelp(args[0]):
		writeUsage(stdout, "")
		return 0
	case args[0] == "--version" || args[0] == "-version":
		args = []string{"version"}
	case args[0] == "help":
		if len(args) == 1 {
			writeUsage(stdout, "")
			return 0
		}
		args = append(args[1:], "-h")
	}
	name := args[0]
	rest := args[1:]
	if _, ok := commands[name]; !ok && isGroup(name) {
		switch {
		case len(rest) == 0:
			fmt.Fprintf(stderr, "sip %s: a command is required\n\n", name)
			writeUsage(stderr, name)
			return exitUsage
		case isHelp(rest[0]):
			writeUsage(stdout, name)
			return 0
		}
		if _, ok := commands[name+" "+rest[0]]; !ok {
			fmt.Fprintf(stderr, "sip %s: unknown command %q\n\n", name, rest[0])
			writeUsage(stderr, name)
			return exitUsage
		}
		name, rest = name+" "+rest[0], rest[1:]
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "sip: unknown command %q\n\n", name)
		writeUsage(stderr, "")
		return exitUsage
	}
	run, pos, err := c.parse(rest)
	if errors.Is(err, flag.ErrHelp) {
		c.writeHelp(stdout)
		return 0
	}
	if err == nil {
		err = run(ctx, pos)
	}
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "sip %s: %v\nusage: %s\nRun 'sip %s -h' for the arguments and flags.\n", c.name, err, wrap(c.synopsis(), "       "), c.name)
		return exitUsage
	}
	fmt.Fprintf(stderr, "sip %s: %v\n", c.name, err)
	return 1
}
