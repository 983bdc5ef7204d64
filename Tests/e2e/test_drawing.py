"""What the terminal shows, drawn by ncurses from the rows that changed: after every key of a scripted
session it equals a whole redraw (Ctrl-L), attributes included; each role follows the terminal type."""
import re
import time

import pytest

from conftest import Pane, playbook_cmd

STEPS = (
    ["j", "j", "Down", "k", "2", "3", "n"] + list("No resale") + ["Enter", "u", "t", "3", "Enter"]
    + ["e\u0301", "t", "é", "日", "本", "x", "🇫🇷", "x", "\u202e", "y", "Enter"]
    + list("a second line typed after the first one")
    + ["BSpace", "Left", "Left", "Escape", "j", "k", "L", "o", "J", "J", "K", "?", "Escape", "r", "Escape"]
    + ["v", "a"] + list("Minutes 日本") + ["C-s", "Escape", "p", "Escape", "G", "g"]
    + [(80, 24), "j", "k", (120, 40), "j", (40, 12), "j", (30, 10), (100, 30), "k"]
)
SPECIAL = {"Down", "Enter", "BSpace", "Left", "Escape", "C-s"}
SHORT = ["j", "2", "t", "3", "Enter"] + list("é 日x") + ["Escape", "v", "Escape", "?", "Escape", (80, 24), "k"]


def cells(capture):
    """The screen as rows of (character, attributes) as far as they can be seen."""
    attrs = {}
    rows = []
    for line in capture.splitlines():
        row = []
        for m in re.finditer(r"\x1b\[([0-9;]*)m|(.)", line):
            if m.group(2) is not None:
                row.append((m.group(2), tuple(sorted(attrs.items()))))
                continue
            ps = [int(p) if p else 0 for p in m.group(1).split(";")]
            i = 0
            while i < len(ps):
                p = ps[i]
                if p == 0:
                    attrs = {}
                elif p in (38, 48):
                    attrs["fg" if p == 38 else "bg"] = str(ps[i:i + 3])
                    i += 2
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    attrs["fg"] = str(p)
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    attrs["bg"] = str(p)
                elif p == 39:
                    attrs.pop("fg", None)
                elif p == 49:
                    attrs.pop("bg", None)
                elif p == 22:
                    attrs.pop("1", None)
                    attrs.pop("2", None)
                elif 21 <= p <= 29:
                    attrs.pop(str(p - 20), None)
                else:
                    attrs[str(p)] = "on"
                i += 1
        # On a space only the background and reverse video show. Trailing spaces are dropped whatever
        # their attributes: ncurses leaves the underline off a typed space at the end of a note line.
        row = [(c, tuple((k, v) for k, v in a if k in ("bg", "7") or (k == "fg" and ("7", "on") in a))) if c == " " else (c, a)
               for c, a in row]
        while row and row[-1][0] == " ":
            row.pop()
        rows.append(row)
    return rows


def difference(a, b):
    if isinstance(a, tuple):
        if a[1] != b[1]:
            return f"cursor {a[1]} against {b[1]}"
        a, b = a[0], b[0]
    return next(f"row {y}: {ra} against {rb}" for y, (ra, rb) in enumerate(zip(a, b)) if ra != rb)


def session(tmp_path, name, env, steps=STEPS, redraw_each=False):
    """The screens after the first frame and after each step; with `redraw_each`, also the screens
    after a Ctrl-L that follows each of them."""
    folder = tmp_path / name
    folder.mkdir()
    p = Pane(folder)
    try:
        p.start(playbook_cmd("assess", "a.json"), env=env)
        p.wait_for("quit")

        def settled(polls=1):
            # The same screen `polls` times in a row, 40 ms apart (a redraw after a resize takes longer).
            last, same = None, 0
            for _ in range(100):
                time.sleep(0.04)
                # Where a hidden cursor rests is not part of what is seen.
                cursor = p.display("#{cursor_x},#{cursor_y}") if p.display("#{cursor_flag}") == "1" else "hidden"
                shown = (p.tmux("capture-pane", "-p", "-e", "-t", "0").stdout, cursor)
                same = same + 1 if shown == last else 0
                if same == polls:
                    break
                last = shown
            return cells(last[0]), last[1]

        screens, redrawn = [], []

        def record(polls):
            screens.append(settled(polls))
            if redraw_each:
                p.keys("C-l", pause=0)
                redrawn.append(settled(max(2, polls)))

        record(1)
        resized = False
        for step in steps:
            if isinstance(step, tuple):
                p.tmux("resize-window", "-t", "0", "-x", str(step[0]), "-y", str(step[1]))
                resized = True
            else:
                p.keys(step, literal=step not in SPECIAL, pause=0)
            record(5 if resized else 1)
        return (screens, redrawn) if redraw_each else screens
    finally:
        p.kill()


def test_each_frame_drawn_key_by_key_equals_a_whole_redraw(tmp_path):
    """Only the rows that changed are handed to ncurses: after every key the screen must be what
    Ctrl-L (everything drawn again, from a cleared terminal) shows, attributes and cursor included."""
    incremental, whole = session(tmp_path, "steps", {}, redraw_each=True)
    assert len(incremental) == len(whole) == len(STEPS) + 1
    for i, (a, b) in enumerate(zip(incremental, whole)):
        step = STEPS[i - 1] if i else "first frame"
        assert a == b, f"after {step!r}: " + difference(a, b)


def runs(row):
    """A row as (text, attributes) runs, spaces left out: what the eye reads and how it is shown."""
    out = []
    for c, a in row:
        if c == " ":
            out.append(None)
        elif out and out[-1] is not None and out[-1][1] == dict(a):
            out[-1] = (out[-1][0] + c, out[-1][1])
        else:
            out.append((c, dict(a)))
    return [r for r in out if r is not None]


def look(rows, text, beside=None, nth=0):
    """The attributes of the `nth` run that is exactly `text` (on the first row that shows `beside`)."""
    for row in rows:
        if beside and beside not in "".join(c for c, _ in row):
            continue
        found = [a for t, a in runs(row) if t == text]
        if len(found) > nth:
            return found[nth]
    raise AssertionError(f"{text!r} is not on the screen")


COLOUR = {"header": {"fg": "30", "bg": "46"}, "title": {"1": "on", "fg": "36"}, "muted": {"2": "on"},
          "score2": {"fg": "30", "bg": "46"}, "selection": {"fg": "30", "bg": "47"}}
MONO = {"header": {"7": "on"}, "title": {"1": "on"}, "muted": {"2": "on"}, "score2": {}, "selection": {"7": "on"}}


@pytest.mark.parametrize("env,expected", [
    ({}, COLOUR),
    ({"TERM": "xterm-256color"}, COLOUR),
    ({"TERM": "screen"}, COLOUR),
    # linux cannot show dim with colours (its ncv), so muted text is plain there.
    ({"TERM": "linux"}, {**COLOUR, "muted": {}}),
    ({"NO_COLOR": "1"}, MONO),
    # vt100 has no colours and no dim, and pads its capabilities ($<5>).
    ({"TERM": "vt100"}, {**MONO, "muted": {}}),
], ids=["tmux", "xterm-256color", "screen", "linux", "no-color", "vt100"])
def test_the_screen_follows_the_terminal_type(tmp_path, env, expected):
    """The same text under every TERM, each role shown with what that terminal can do."""
    plain = session(tmp_path, "plain", {}, SHORT)
    screens = session(tmp_path, "typed", env, SHORT)
    for i, ((a, _), (b, _)) in enumerate(zip(plain, screens)):
        step = SHORT[i - 1] if i else "first frame"
        assert [[c for c, _ in row] for row in a] == [[c for c, _ in row] for row in b], f"text after {step!r}"
    rows = screens[-1][0]
    assert look(rows, "Playbook") == expected["header"]
    assert look(rows, "STRATEGY") == expected["title"]
    assert look(rows, "66.7%", beside="STRATEGY") == expected["muted"]
    # The selected rule 2, scored 2: its number as selected, then its badge.
    assert look(rows, "2", beside="Set ambitious") == expected["selection"]
    assert look(rows, "2", beside="Set ambitious", nth=1) == expected["score2"]
    assert look(rows, "Set") == expected["selection"]
    if env.get("TERM") != "vt100":
        # vt100 cannot hide the cursor.
        assert screens[-1][1] == "hidden"


def test_ctrl_l_repaints_a_screen_something_else_wrote_on(tmp_path):
    """Only changed cells are sent, so text written by another program stays until Ctrl-L."""
    p = Pane(tmp_path)
    try:
        p.start(playbook_cmd("assess", "a.json"))
        p.wait_for("quit")
        time.sleep(0.2)
        before = p.tmux("capture-pane", "-p", "-e", "-t", "0").stdout
        tty = p.display("#{pane_tty}")
        with open(tty, "w") as t:
            t.write("\x1b[5;5HWRITTEN BY SOMEONE ELSE\x1b[20;1H\x1b[2K")
        time.sleep(0.2)
        assert "WRITTEN BY SOMEONE ELSE" in p.tmux("capture-pane", "-p", "-t", "0").stdout
        p.keys("C-l", pause=0.3)
        assert p.tmux("capture-pane", "-p", "-e", "-t", "0").stdout == before
    finally:
        p.kill()
