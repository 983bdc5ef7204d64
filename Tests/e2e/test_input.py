"""Issue 11 items 3 and 9: what the terminal sends is read as the keys it means, nothing more."""
import subprocess
import time

from conftest import BINARY, Pane, playbook_cmd, read_json


def new_file(folder, *args):
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([BINARY, "new", "a.json", *args], cwd=folder, check=True, capture_output=True)
    return folder / "a.json"


def test_an_unknown_escape_sequence_changes_no_score(pane, tmp_path):
    """`ESC [ 2 1 ; 7 ~` (Ctrl-Alt-F10 on some terminals) on a rule scored 2: nothing changes."""
    path = new_file(tmp_path)
    subprocess.run([BINARY, "set", "a.json", "1", "--score", "2"], cwd=tmp_path, check=True, capture_output=True)
    before = path.read_bytes()
    p = pane()
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"))
    p.wait_for("Answered 1/16")
    for sequence in ["\x1b[21;7~", "\x1b[1;3P", "\x1b[5;8~", "\x1bO2R", "\x1b[[E", "\x1b[3$"]:
        p.type(sequence)
        time.sleep(0.1)
    s = p.screen()
    assert "Answered 1/16" in s
    assert "a.json ●" not in s
    p.keys("q")
    assert p.wait_done() == 0
    assert path.read_bytes() == before


def test_home_from_a_terminal_whose_term_does_not_match_stays_in_the_editor(pane, tmp_path):
    """PuTTY's Home (`ESC [ 1 ~`) under TERM=xterm moves to the start of the line; Ctrl-←/→ move by word."""
    path = new_file(tmp_path)
    p = pane()
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"), env={"TERM": "xterm"})
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("Enter")
    p.type("abc def")
    p.type("\x1b[1~")
    p.type("X")
    p.type("\x1b[4~")
    p.type("Y")
    p.wait_for("Xabc defY")
    p.keys("Escape")
    time.sleep(0.2)
    p.keys("s")
    p.wait_for("Saved a.json.")
    p.keys("q")
    assert p.wait_done() == 0
    answers = read_json(path)["answers"]
    assert list(answers) == ["strategic-level"]
    assert answers["strategic-level"] == {"note": "Xabc defY"}


def test_ctrl_left_and_right_move_by_word_whatever_the_term(pane, tmp_path):
    """README: word moves with Ctrl-←/→; TERM=screen has no kLFT5, so ncurses leaves them to us."""
    path = new_file(tmp_path)
    p = pane()
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"), env={"TERM": "screen"})
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("Enter")
    p.type("one two three")
    p.keys("C-Left")
    p.type("[")
    p.type("\x1b[1;5D")
    p.type("\x1b[1;5D")
    p.type("(")
    p.type("\x1b[1;5C")
    p.type(")")
    p.wait_for("(one) two [three")
    p.keys("Escape")
    time.sleep(0.2)
    p.keys("s")
    p.wait_for("Saved a.json.")
    p.keys("q")
    assert p.wait_done() == 0
    assert read_json(path)["answers"]["strategic-level"] == {"note": "(one) two [three"}


def test_a_resize_right_after_esc_is_not_lost(pane, tmp_path):
    """Item 9: Esc and a resize at once; the screen is drawn at the new size, as a fresh start there."""
    new_file(tmp_path / "a")
    new_file(tmp_path / "b")
    a = Pane(tmp_path / "a", 100, 30)
    b = Pane(tmp_path / "b", 60, 20)
    try:
        a.start(playbook_cmd("assess", "a.json", "--lang", "en"))
        b.start(playbook_cmd("assess", "a.json", "--lang", "en"))
        a.wait_for("STRATEGY AND TARGETS")
        b.wait_for("STRATEGY AND TARGETS")
        # One tmux command: the resize reaches the program while it still reads the Esc.
        a.tmux("send-keys", "-t", "0", "Escape", ";", "resize-window", "-t", "0", "-x", "60", "-y", "20")
        time.sleep(0.5)
        expected = b.screen()
        assert a.screen() == expected
        a.keys("j")
        b.keys("j")
        time.sleep(0.3)
        assert a.screen() == b.screen()
        a.keys("q")
        b.keys("q")
        assert a.wait_done() == 0
        assert b.wait_done() == 0
    finally:
        a.kill()
        b.kill()
