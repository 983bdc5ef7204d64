#!/usr/bin/env python3
"""The measurements of issue 7, run by Benchmarks/run (see Benchmarks/README.md).

Every figure is measured in this run, side by side with its reference (the Swift process
floor, or Debian's dialog). Nothing is asserted: the tables are printed and written to
OUT/results.md and OUT/results.json.

How each figure is taken:
- wall time: os.posix_spawn then os.wait4, timed with perf_counter_ns (the spawn cost of
  this script is in every figure, floor included); median and min–max over the repetitions;
- peak memory: /usr/bin/time -f %M (a small parent, so the child's ru_maxrss is its own;
  from Python, a vfork'ed child would report Python's own resident size);
- first frame: a pseudo-terminal of ROWS×COLS, from just before spawn until the last row of
  the first screen (the footer hint, or dialog's buttons) has arrived on the master side;
- CPU per key: user+sys CPU of the program from wait4 at the end of a scripted session,
  minus the CPU of the same program started, drawn and quit without keys, minus the idle
  rate (measured with a 2 s pause) times the extra seconds, divided by the keys; keys are
  sent one at a time, each after the previous one's output has settled, so every key is
  drawn (sending them all at once would let the program draw once for many);
- bytes per key: what the program wrote to the terminal in answer to one key.
"""
import argparse
import json
import os
import pathlib
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time

import fcntl
import termios

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
ROWS, COLS = 30, 100
DOWN, UP = b"\x1bOB", b"\x1bOA"  # keypad (application cursor) mode, as both programs set it

results = {}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- process timing

def spawn_time(argv, env=None, stdout="/dev/null"):
    """Wall seconds, CPU seconds and exit status of one run."""
    actions = [(os.POSIX_SPAWN_OPEN, 1, stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0)]
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, env or os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    return (t1 - t0) / 1e9, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status)


def peak_kib(argv, env=None):
    with tempfile.NamedTemporaryFile("r") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, *argv], env=env or os.environ,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(f.read().split()[-1])


def measure(argv, reps, warmup=2, mem_reps=3, env=None, expect=(0,)):
    for _ in range(warmup):
        spawn_time(argv, env)
    walls, cpus = [], []
    for _ in range(reps):
        wall, cpu, code = spawn_time(argv, env)
        if code not in expect:
            raise SystemExit(f"{' '.join(argv)}: exit status {code}")
        walls.append(wall)
        cpus.append(cpu)
    mems = [peak_kib(argv, env) for _ in range(mem_reps)]
    return {"median_ms": statistics.median(walls) * 1e3, "min_ms": min(walls) * 1e3, "max_ms": max(walls) * 1e3,
            "cpu_ms": statistics.median(cpus) * 1e3, "peak_kib": int(statistics.median(mems)), "reps": reps}


def ms(x):
    return f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}"


def mib(kib):
    return f"{kib / 1024:.1f}"


# ---------------------------------------------------------------- pseudo-terminal sessions

class PtyProgram:
    """One program on a fresh pseudo-terminal of ROWS×COLS; its output is read from the master side."""

    def __init__(self, argv, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.start = time.perf_counter()
        # A new session, without making the slave its controlling terminal: TIOCSCTTY would need a
        # preexec_fn, which makes Python fork instead of vfork and adds its own milliseconds to every start.
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.out = bytearray()

    def read_until(self, marker, timeout=10.0):
        """Reads until `marker` has arrived; returns the seconds since spawn at that moment."""
        deadline = time.perf_counter() + timeout
        while marker not in self.out:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"first frame: {marker!r} never arrived; got {bytes(self.out[-400:])!r}")
            r, _, _ = select.select([self.master], [], [], left)
            if r:
                self.out += os.read(self.master, 65536)
        return time.perf_counter() - self.start

    def settle(self, first_wait=0.2, quiet=0.004):
        """Reads the answer to a key: waits up to `first_wait` for output, then until `quiet` s of silence."""
        got = 0
        r, _, _ = select.select([self.master], [], [], first_wait)
        while r:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            got += len(chunk)
            r, _, _ = select.select([self.master], [], [], quiet)
        return got

    def key(self, data, first_wait=0.2):
        os.write(self.master, data)
        return self.settle(first_wait)

    def finish(self, keys=(), timeout=5.0):
        """Sends the quitting keys, then waits: user+sys CPU seconds of the whole run."""
        for k in keys:
            try:
                os.write(self.master, k)
            except OSError:
                break
            self.settle(0.05)
        deadline = time.perf_counter() + timeout
        while True:
            pid, status, ru = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                self.proc.kill()
                pid, status, ru = os.wait4(self.proc.pid, 0)
                break
            r, _, _ = select.select([self.master], [], [], 0.01)
            if r:
                try:
                    os.read(self.master, 65536)
                except OSError:
                    pass
        self.proc.returncode = 0
        os.close(self.master)
        return ru.ru_utime + ru.ru_stime


def pty_env(state_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR")}
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": str(state_dir),
                "PLAYBOOK_NOW": "2026-11-27T09:00:00Z", "SWIFT_BACKTRACE": "enable=no",
                "DIALOGRC": "/dev/null"})
    return env


class Subject:
    """How to start, recognise the first frame of, and quit one interactive program."""

    def __init__(self, name, argv, marker, quit_keys, env):
        self.name, self.argv, self.marker, self.quit_keys, self.env = name, argv, marker, quit_keys, env

    def open(self):
        p = PtyProgram(self.argv(), self.env)
        p.first_frame = p.read_until(self.marker)
        p.settle(0.01)
        return p


# ---------------------------------------------------------------- sections

def section_startup(binary, floor, reps, fixtures, key="startup"):
    log(f"== 1. start-up on the 16-rule catalogue ({key})")
    complete, before, after = fixtures
    commands = [("floor (minimal Swift program)", [floor])]
    commands.append(("/bin/true (for scale)", ["/bin/true"]))
    commands += [
        ("playbook --version", [binary, "--version"]),
        ("playbook rules", [binary, "rules"]),
        ("playbook validate FILE", [binary, "validate", complete]),
    ]
    for fmt in ("markdown", "html", "text", "csv", "json"):
        commands.append((f"playbook report --format {fmt}", [binary, "report", complete, "--format", fmt]))
    for fmt in ("text", "html", "json"):
        commands.append((f"playbook compare --format {fmt}", [binary, "compare", before, after, "--format", fmt]))
    rows = []
    for name, argv in commands:
        r = measure(argv, reps)
        r["name"] = name
        rows.append(r)
        log(f"   {name}: {ms(r['median_ms'])} ms, {mib(r['peak_kib'])} MiB")
    base = rows[0]
    for r in rows:
        r["time_ratio"] = r["median_ms"] / base["median_ms"]
        r["mem_ratio"] = r["peak_kib"] / base["peak_kib"]
    results[key] = rows
    lines = ["| command | median ms | min–max ms | CPU ms | × floor (time) | peak MiB | × floor (memory) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| `{r['name']}` | {ms(r['median_ms'])} | {ms(r['min_ms'])}–{ms(r['max_ms'])} | {ms(r['cpu_ms'])} | "
                     f"{r['time_ratio']:.2f} | {mib(r['peak_kib'])} | {r['mem_ratio']:.2f} |")
    return lines


def dialog_checklist_argv(titles):
    argv = ["/usr/bin/dialog", "--keep-tite", "--checklist", "16 golden rules", "0", "0", "0"]
    for i, t in enumerate(titles, 1):
        argv += [str(i), t, "off"]
    return argv


def subjects(binary, titles, tmp):
    state = tmp / "state"
    env = pty_env(state)
    counter = iter(range(1, 1_000_000))

    def new_file():
        return [binary, "assess", str(tmp / f"new-{next(counter)}.json")]

    # The footer always ends with the quit hint, on the screen's last row: drawn last.
    playbook = Subject("playbook assess NEW.json", new_file, b"quit", [b"q", b"d"], env)
    dialog = Subject("dialog --checklist (16 titles)", lambda: dialog_checklist_argv(titles), b"ancel", [b"\x1b", b"\x1b"], env)
    inputbox = Subject("dialog --inputbox", lambda: ["/usr/bin/dialog", "--inputbox", "Note", "10", "60"], b"ancel", [b"\x1b", b"\x1b"], env)
    return playbook, dialog, inputbox


def section_first_frame(playbook, dialog, reps):
    log("== 2. first frame in a pseudo-terminal")
    out = {}
    for subject in (playbook, dialog):
        times = []
        for _ in range(reps + 2):
            p = subject.open()
            times.append(p.first_frame)
            p.finish(subject.quit_keys)
        times = times[2:]  # the first two warm the page cache
        out[subject.name] = {"median_ms": statistics.median(times) * 1e3, "min_ms": min(times) * 1e3,
                             "max_ms": max(times) * 1e3, "reps": reps}
        log(f"   {subject.name}: {ms(out[subject.name]['median_ms'])} ms")
    results["first_frame"] = out
    ref = out[dialog.name]["median_ms"]
    lines = ["| program | median ms | min–max ms | × dialog |", "|---|---:|---:|---:|"]
    for name, r in out.items():
        lines.append(f"| `{name}` | {ms(r['median_ms'])} | {ms(r['min_ms'])}–{ms(r['max_ms'])} | {r['median_ms'] / ref:.2f} |")
    return lines


def run_session(subject, keys, idle_seconds=0.0):
    """CPU seconds, wall seconds after the first frame, and bytes written for each key."""
    p = subject.open()
    t0 = time.perf_counter()
    sizes = [p.key(k) for k in keys]
    if idle_seconds:
        time.sleep(idle_seconds)
    wall = time.perf_counter() - t0
    cpu = p.finish(subject.quit_keys)
    return cpu, wall, sizes


def per_key(subject, keys, baseline, idle_rate):
    cpu, wall, sizes = run_session(subject, keys)
    base_cpu, base_wall = baseline
    extra = max(0.0, cpu - base_cpu - idle_rate * max(0.0, wall - base_wall))
    return extra / len(keys), sizes


def baseline(subject):
    """CPU of start, first frame and quit; and the CPU per idle second (wakeups of the main loop)."""
    runs = [run_session(subject, []) for _ in range(3)]
    cpu = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    idle_cpu, idle_wall, _ = run_session(subject, [], idle_seconds=2.0)
    rate = max(0.0, (idle_cpu - cpu) / max(0.1, idle_wall - wall))
    return (cpu, wall), rate


def letters(n):
    text = "the quick brown fox jumps over the lazy dog and the partner agrees "
    return [c.encode() for c in (text * (n // len(text) + 1))[:n]]


def section_keys(playbook, dialog, inputbox, n):
    log(f"== 3. per keystroke ({n}-key sessions)")
    pb_base, pb_idle = baseline(playbook)
    dl_base, dl_idle = baseline(dialog)
    ib_base, ib_idle = baseline(inputbox)
    # Moving one line: down 14 then up 14, j/k and arrows mixed; the whole list fits, so no scrolling.
    nav = []
    while len(nav) < n:
        nav += [b"j", DOWN] * 7 + [b"k", UP] * 7
    nav = nav[:n]
    arrows = []
    while len(arrows) < n:
        arrows += [DOWN] * 14 + [UP] * 14
    arrows = arrows[:n]
    # Scoring: a digit scores the rule and moves to the next one not assessed; dialog's nearest move is
    # ticking an item with Space (which does not move).
    scores = [b"0123"[i % 4:i % 4 + 1] for i in range(n)]
    ticks = [b" "] * n
    # Typing into the note of the first rule (Enter opens it; not counted) vs dialog's input box.
    typing = letters(n)
    small = letters(min(n, 199))
    # A mixed session: navigation, scores, two notes typed, as a person would.
    mixed = []
    while len(mixed) < n:
        mixed += [b"j", DOWN, b"k", b"j", UP, b"j"] + [b"2"] + [b"\r"] + letters(60) + [b"\x1b"] + [b"k", b"3"]
    mixed = mixed[:n]

    rows = []

    def row(name, subject, keys, base, idle, prefix=()):
        if prefix:
            keys_all = list(prefix) + keys
        else:
            keys_all = keys
        cpu, sizes = per_key(subject, keys_all, base, idle)
        sizes = sizes[len(prefix):]
        r = {"name": name, "keys": len(keys), "cpu_us": cpu * 1e6, "bytes_median": statistics.median(sizes),
             "bytes_mean": statistics.mean(sizes)}
        rows.append(r)
        log(f"   {name}: {r['cpu_us']:.1f} µs/key, {r['bytes_median']:.0f} bytes/key")
        return r

    row("playbook: move one line (j/k/arrows)", playbook, nav, pb_base, pb_idle)
    row("dialog --checklist: move one line (arrows)", dialog, arrows, dl_base, dl_idle)
    row("playbook: score a rule (0–3, then moves on)", playbook, scores, pb_base, pb_idle)
    row("dialog --checklist: tick an item (Space)", dialog, ticks, dl_base, dl_idle)
    row(f"playbook: type one character in a note ({len(small)} chars, no recovery copy)", playbook, small, pb_base, pb_idle, prefix=[b"\r"])
    row(f"playbook: type one character in a note ({len(typing)} chars, {len(typing) // 200} recovery copies)", playbook, typing, pb_base, pb_idle, prefix=[b"\r"])
    row(f"dialog --inputbox: type one character ({len(typing)} chars)", inputbox, typing, ib_base, ib_idle)
    row(f"playbook: mixed session ({len(mixed)} keys: moves, scores, notes)", playbook, mixed, pb_base, pb_idle)
    results["keys"] = {"rows": rows, "idle_cpu_us_per_s": {"playbook": pb_idle * 1e6, "dialog": dl_idle * 1e6},
                       "baseline_cpu_ms": {"playbook": pb_base[0] * 1e3, "dialog": dl_base[0] * 1e3}}
    lines = ["| session | keys | CPU µs per key | bytes per key (median) | bytes per key (mean) |",
             "|---|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['name']} | {r['keys']} | {r['cpu_us']:.1f} | {r['bytes_median']:.0f} | {r['bytes_mean']:.0f} |")
    lines.append("")
    lines.append(f"Baselines subtracted (start, first frame, quit): playbook {pb_base[0] * 1e3:.2f} ms CPU, "
                 f"dialog {dl_base[0] * 1e3:.2f} ms; idle CPU: playbook {pb_idle * 1e6:.0f} µs/s, dialog {dl_idle * 1e6:.0f} µs/s.")
    return lines


def section_scale(binary, sizes, folders, reps, tmp):
    log("== 4. scale")
    gen = [sys.executable, str(HERE / "generate.py")]
    rows = []
    for n in sizes:
        d = tmp / f"scale-{n}"
        d.mkdir(exist_ok=True)
        cat, a, b = d / "catalog.json", d / "before.json", d / "after.json"
        subprocess.run(gen + ["catalog", str(n), str(cat)], check=True)
        subprocess.run(gen + ["assessment", str(cat), str(a), "--seed", "1", "--date", "2026-08-27"], check=True)
        subprocess.run(gen + ["assessment", str(cat), str(b), "--seed", "2", "--date", "2026-11-27"], check=True)
        c = ["--catalog", str(cat)]
        size_kib = (cat.stat().st_size + 1023) // 1024
        a_kib = (a.stat().st_size + 1023) // 1024
        r_reps = reps if n <= 1000 else max(1, min(reps, 5))
        cmds = [("catalog validate", [binary, "catalog", "validate", str(cat)]),
                ("validate (load + validate)", [binary, "validate", *c, str(b)])]
        for fmt in ("markdown", "html", "text", "csv", "json"):
            cmds.append((f"report {fmt}", [binary, "report", *c, str(b), "--format", fmt]))
        for fmt in ("text", "markdown", "html", "json"):
            cmds.append((f"compare {fmt}", [binary, "compare", *c, str(a), str(b), "--format", fmt]))
        for name, argv in cmds:
            r = measure(argv, r_reps, warmup=1, mem_reps=1)
            r.update({"rules": n, "name": name, "catalog_kib": size_kib, "assessment_kib": a_kib})
            rows.append(r)
            log(f"   {n} rules, {name}: {ms(r['median_ms'])} ms, {mib(r['peak_kib'])} MiB")
    folder_rows = []
    for k in folders:
        d = tmp / f"folder-{k}"
        subprocess.run(gen + ["folder", str(ROOT / "Rules" / "alliances-16-golden-rules.json"), str(d), str(k)], check=True)
        r = measure([binary, "validate", "--quiet", str(d)], reps if k <= 100 else max(1, min(reps, 5)), warmup=1, mem_reps=1)
        r.update({"files": k})
        folder_rows.append(r)
        log(f"   validate folder of {k}: {ms(r['median_ms'])} ms, {mib(r['peak_kib'])} MiB")
    results["scale"] = rows
    results["folders"] = folder_rows
    described = []
    for n in sizes:
        first = next(r for r in rows if r["rules"] == n)
        described.append(f"{n} rules (catalogue {first['catalog_kib']} KiB, assessment {first['assessment_kib']} KiB)")
    lines = ["Sizes: " + ", ".join(described) + ".", ""]
    header = "| command | " + " | ".join(f"{n} rules ms (min–max) · MiB" for n in sizes) + " | growth of time, last size ÷ previous |"
    lines += [header, "|---|" + "---:|" * (len(sizes) + 1)]
    names = list(dict.fromkeys(r["name"] for r in rows))
    for name in names:
        cells = []
        by_n = {r["rules"]: r for r in rows if r["name"] == name}
        for n in sizes:
            r = by_n[n]
            cells.append(f"{ms(r['median_ms'])} ({ms(r['min_ms'])}–{ms(r['max_ms'])}) · {mib(r['peak_kib'])}")
        growth = ""
        if len(sizes) >= 2:
            growth = f"{by_n[sizes[-1]]['median_ms'] / by_n[sizes[-2]]['median_ms']:.1f}× for {sizes[-1] // sizes[-2]}× the rules"
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {growth} |")
    lines += ["", "| `playbook validate --quiet DIR` | median ms | min–max ms | peak MiB | ms per file |", "|---|---:|---:|---:|---:|"]
    for r in folder_rows:
        lines.append(f"| {r['files']} files | {ms(r['median_ms'])} | {ms(r['min_ms'])}–{ms(r['max_ms'])} | {mib(r['peak_kib'])} | {r['median_ms'] / r['files']:.2f} |")
    return lines


def machine():
    model = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    dialog = subprocess.run(["dialog", "--version"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": model, "swift": swift[0] if swift else "?", "kernel": os.uname().release,
            "dialog": dialog}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin-shared-libc", help="the same program built with --static-swift-stdlib only")
    ap.add_argument("--floor-shared-libc", help="the floor built with -static-stdlib only")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    quick = args.quick
    reps = 1 if quick else 20
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=out))
    binary, floor = os.path.abspath(args.bin), os.path.abspath(args.floor)

    fixtures = str(ROOT / "Tests/Fixtures/assessments/complete.json"), str(ROOT / "Tests/Fixtures/compare/q3.json"), str(ROOT / "Tests/Fixtures/compare/q4.json")
    titles = json.loads(subprocess.run([binary, "rules", "--format", "json"], capture_output=True, check=True).stdout)
    titles = [r["title"]["en"] for r in titles["rules"]]
    playbook, dialog, inputbox = subjects(binary, titles, tmp)

    info = machine()
    results["machine"] = info
    results["quick"] = quick
    report = [f"Machine: {info['nproc']} × {info['cpu']}, Linux {info['kernel']}, {info['swift']}, dialog {info['dialog']}; "
              f"{'quick mode (tiny sizes, one repetition)' if quick else f'{reps} repetitions unless said'}.", ""]
    report += ["### 1. Start-up and non-interactive commands (16-rule catalogue)", ""]
    report += section_startup(binary, floor, reps, fixtures)
    if args.bin_shared_libc and args.floor_shared_libc:
        report += ["", "### 1b. The same with `--static-swift-stdlib` only (libc, ncursesw and tinfo shared), against a floor built that way", ""]
        report += section_startup(os.path.abspath(args.bin_shared_libc), os.path.abspath(args.floor_shared_libc), reps, fixtures,
                                  key="startup_shared_libc")
    report += ["", f"### 2. Time to first frame ({COLS}×{ROWS} pseudo-terminal, TERM=xterm-256color)", ""]
    report += section_first_frame(playbook, dialog, 1 if quick else 20)
    keys = 50 if quick else 1000
    report += ["", f"### 3. Per keystroke ({COLS}×{ROWS} pseudo-terminal)", ""]
    report += section_keys(playbook, dialog, inputbox, keys)
    sizes = (16, 100) if quick else (16, 1000, 10000)
    folders = (10,) if quick else (10, 100, 1000)
    report += ["", "### 4. Scale (generated catalogues and assessments; time · peak memory)", ""]
    report += section_scale(binary, sizes, folders, 1 if quick else 5, tmp)
    text = "\n".join(report) + "\n"
    (out / "results.md").write_text(text)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(text)
    # Generated fixtures can be large (the 10,000-rule catalogue, 1,000 files): keep only the tables.
    subprocess.run(["rm", "-rf", str(tmp)])


if __name__ == "__main__":
    main()
