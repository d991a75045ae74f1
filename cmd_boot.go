package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "boot", usage: "[flags]", short: "boot the system to a shell"}
	c.run = func(args []string) int { return runBoot(c, args) }
	register(c)
}

// quitKey ends an interactive session from the host, as telnet's escape.
const quitKey = 0x1D // ^]

var errQuit = errors.New("quit from the host (^])")

func runBoot(c *command, args []string) int {
	flags := newFlags(c, `Builds the kernel and the userland, boots, and runs init, which runs the
shell (/bin/sh) on the console: a V6++-style prompt, [cwd]#.

On a terminal, keys go to the machine as typed: the kernel's terminal
driver echoes them and handles erase (^H, DEL), kill (^U), ^C (SIGINT),
^\ (SIGQUIT) and ^D (end of file). Type exit or ^D to leave the shell,
which shuts the system down; ^] quits the machine from the host at once.
Idle time runs at wall-clock speed, so sleep 1 takes a second.

With standard input a pipe or a file, its bytes are typed into the console
as the system waits for them, and the end of the input is end of file for
the shell: the session runs to the end and shuts down. Such a run is
reproducible: the same input and --seed give the same screen.`)
	seed := flags.Uint64("seed", 0, "seed for the clock's jitter")
	events := flags.StringSlice("trace", nil, "kernel events to trace on standard error: "+strings.Join(trace.Classes(), ","))
	verbose := flags.BoolP("verbose", "v", false, "show kernel messages")
	maxInst := flags.Uint64("max-instructions", 0, "stop after this many instructions (0: no limit)")
	tick := flags.Uint32("tick", boot.DefaultTick, "instructions per clock tick")
	jitter := flags.Uint32("jitter", boot.DefaultJitter, "up to this many more instructions per tick, drawn from the seed")
	cow := flags.Bool("cow", false, "fork copies on write: the child shares the parent's pages until one of them writes (V6++ always copies)")
	mem := flags.Uint32("mem", v6vm.DefaultMemSize>>20, "physical memory in MiB")
	diskFile := flags.String("disk", "", "keep the disk in `FILE`: made on first use, booted from afterwards, written back at the end (without it, every boot starts from a fresh disk)")
	if done, status := parseFlags(flags, args); done {
		return status
	}
	if flags.NArg() != 0 {
		flags.Usage()
		return 2
	}
	src := sourceTree()
	kernel, err := build.CachedKernel(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm boot: building the kernel: %v\n", err)
		return 1
	}
	cfg, disk, err := systemImage(src, *diskFile)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm boot: %v\n", err)
		return 1
	}
	opt := boot.Options{Console: os.Stdout, Seed: *seed, MaxInstructions: *maxInst,
		TickPeriod: *tick, TickJitter: *jitter, MemSize: *mem << 20, Disk: disk, COW: *cow}
	if *verbose {
		opt.Log = os.Stderr
	}
	if len(*events) > 0 {
		k, err := trace.NewKernel(src, kernel)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm boot: %v\n", err)
			return 1
		}
		tr, err := trace.NewTracer(k, src, os.Stderr, *events)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm boot: %v\n", err)
			return 2
		}
		opt.Hooks.IO = tr.IO
	}
	if fd := int(os.Stdin.Fd()); isTerminal(fd) {
		restore, _ := makeRaw(fd)
		defer restore()
		interactive(&opt, os.Stdin, *tick+*jitter/2)
	} else {
		input, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm boot: reading standard input: %v\n", err)
			return 1
		}
		opt.Input, opt.CloseInput, opt.InputFlow = input, true, true
	}
	r, _, err := boot.Run(kernel, cfg, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm boot: %v\n", err)
		return 1
	}
	if *diskFile != "" {
		// The machine wrote the image in place; what the kernel had not
		// synced is lost, as on a real machine switched off.
		if err := os.WriteFile(*diskFile, disk, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "v6vm boot: saving the disk: %v\n", err)
			return 1
		}
	}
	switch r.Kind {
	case boot.Shutdown:
		return r.Status
	case boot.Panic:
		fmt.Fprintf(os.Stderr, "\r\n%s\nkernel panic; backtrace:\n%s", r.Log, r.Backtrace)
		return 1
	}
	if errors.Is(r.Err, errQuit) {
		fmt.Fprintf(os.Stderr, "\r\nv6vm: %v\r\n", errQuit)
		return 0
	}
	fmt.Fprintf(os.Stderr, "\r\nv6vm boot: %s after %d instructions\r\n", r, r.Icount)
	return 1
}

// systemImage is the system the boot command runs: a disk holding init and
// every program of userland/bin in /bin (or the disk in diskFile, if it
// exists), and a boot image that only tells the kernel to run init.
func systemImage(src fs.FS, diskFile string) (build.BootConfig, []byte, error) {
	cfg := build.BootConfig{Cmdline: "/init"}
	if diskFile != "" {
		if disk, err := os.ReadFile(diskFile); err == nil {
			return cfg, disk, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return cfg, nil, err
		}
	}
	disk, err := build.CachedSystemDisk(src)
	return cfg, disk, err
}

// interactive connects the machine to a terminal: keystrokes are typed into
// the console as they come — while the CPU idles, and every few thousand
// instructions while it runs, so ^C reaches a busy program — and idle time
// is paced to the wall clock at one kernel second (HZ ticks) per second.
func interactive(opt *boot.Options, in io.Reader, avgTick uint32) {
	keys := make(chan byte, 256)
	go func() {
		b := make([]byte, 1)
		for {
			if n, err := in.Read(b); n == 0 || err != nil {
				close(keys)
				return
			}
			keys <- b[0]
		}
	}()
	const hz = 120
	perSecond := float64(hz) * float64(avgTick)
	deliver := func(m *v6vm.Machine, b byte, ok bool) bool {
		if !ok {
			m.CloseInput() // the terminal went away
			return true
		}
		if b == quitKey {
			m.Stop(errQuit)
			return true
		}
		m.Type([]byte{b})
		return true
	}
	opt.Poll = func(m *v6vm.Machine) {
		for {
			select {
			case b, ok := <-keys:
				deliver(m, b, ok)
				if !ok {
					return
				}
			default:
				return
			}
		}
	}
	opt.PollEvery = 20000
	opt.Idle = func(m *v6vm.Machine, next uint64) {
		if next == ^uint64(0) {
			b, ok := <-keys
			deliver(m, b, ok)
			return
		}
		wait := time.Duration(float64(next-m.Icount) / perSecond * float64(time.Second))
		select {
		case b, ok := <-keys:
			deliver(m, b, ok)
		case <-time.After(wait):
		}
	}
}
