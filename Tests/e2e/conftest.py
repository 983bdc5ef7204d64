"""Shared tmux harness for the end-to-end tests of the real `playbook` binary."""
import json
import os
import pathlib
import shlex
import subprocess
import time
import uuid

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PLAYBOOK_BIN", str(ROOT / ".build" / "debug" / "playbook"))


class Pane:
    """One private tmux server running one program, driven by keys and read as text."""

    def __init__(self, tmp: pathlib.Path, width=100, height=30):
        self.socket = "pb-" + uuid.uuid4().hex[:10]
        self.tmp = tmp
        self.width = width
        self.height = height
        self.state = tmp / "state"
        self.env = {
            "XDG_STATE_HOME": str(self.state),
            "LANG": "C.UTF-8",
            "PLAYBOOK_NOW": "2026-11-27T09:00:00Z",
            "SWIFT_BACKTRACE": "enable=no",
        }

    def tmux(self, *args, check=True):
        conf = self.tmp / "tmux.conf"
        if not conf.exists():
            # A fixed window size (no client decides it) and no status line.
            conf.write_text("set -g status off\n")
        return subprocess.run(["tmux", "-L", self.socket, "-f", str(conf), *args], capture_output=True, text=True, check=check)

    def start(self, command: str, env=None):
        """Runs `command` under sh (not bash, which would repair a broken tty) and records stty before and after."""
        full_env = dict(self.env)
        full_env.update(env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in full_env.items() if v is not None)
        unset = " ".join(f"-u {k}" for k, v in full_env.items() if v is None)
        script = (
            # A trap (not an ignore) keeps this sh alive on Ctrl-C while the program gets the signal.
            "trap true INT; "
            f"cd {shlex.quote(str(self.tmp))}; stty -g > stty.before; "
            f"env {unset} {exports} {command}; echo $? > rc; stty -g > stty.after; "
            "echo DONE; sleep 600"
        )
        self.tmux("new-session", "-d", "-x", str(self.width), "-y", str(self.height), "sh", "-c", script)

    def keys(self, *keys, literal=False, pause=0.05):
        args = ["send-keys", "-t", "0"]
        if literal:
            args.append("-l")
        self.tmux(*args, *keys)
        time.sleep(pause)

    def type(self, text):
        self.keys(text, literal=True)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "0").stdout

    def wait_for(self, text, timeout=8.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def wait_done(self, timeout=8.0):
        self.wait_for("DONE", timeout)
        return int((self.tmp / "rc").read_text().strip())

    def display(self, fmt):
        return self.tmux("display", "-p", "-t", "0", fmt).stdout.strip()

    def program_pid(self, name="playbook"):
        out = subprocess.run(["pgrep", "-f", "-n", f"{BINARY}"], capture_output=True, text=True).stdout.split()
        return int(out[-1]) if out else None

    def resize(self, w, h):
        self.tmux("resize-window", "-t", "0", "-x", str(w), "-y", str(h))
        time.sleep(0.15)

    def tty_restored(self):
        before = (self.tmp / "stty.before").read_text()
        after = (self.tmp / "stty.after").read_text()
        return before == after

    def kill(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def pane(tmp_path):
    panes = []

    def make(width=100, height=30):
        p = Pane(tmp_path, width, height)
        panes.append(p)
        return p

    yield make
    for p in panes:
        p.kill()


def playbook_cmd(*args):
    return " ".join([shlex.quote(BINARY), *map(shlex.quote, args)])


def read_json(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
