"""Issue 11, items 8, 10, 12 and 19 in the real terminal: scrolling, the compare header, tabs, read-only."""
import shutil
import time

from conftest import ROOT, playbook_cmd, read_json


def plain(screen):
    """The screen with no-break spaces (how a tab is drawn) read as spaces."""
    return screen.replace("\u00a0", " ")


def test_summary_scrolls_by_page_to_the_end_and_back(pane, tmp_path):
    shutil.copy(ROOT / "Tests" / "Fixtures" / "assessments" / "complete.json", tmp_path / "a.json")
    p = pane(80, 24)
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    assert "↓ lines 1–8 of" in p.screen()
    p.keys("r")
    s = p.wait_for("↓ lines 1–19 of")
    total = int(s.split("↓ lines 1–19 of ")[1].split()[0])
    p.keys("NPage")
    p.wait_for("↑↓ lines 19–37 of")
    p.keys("End")
    p.wait_for(f"↑ lines {total - 18}–{total} of {total}")
    for _ in range(5):
        p.keys("Down")
    p.keys("Up")
    p.wait_for(f"↑↓ lines {total - 19}–{total - 1} of {total}")
    p.keys("Home")
    p.wait_for("↓ lines 1–19 of")
    p.keys("Space")
    p.wait_for("↑↓ lines 19–37 of")
    p.keys("Escape", "q")
    assert p.wait_done() == 0


def test_compare_header_names_both_files_and_the_notes_scroll(pane, tmp_path):
    fixtures = ROOT / "Tests" / "Fixtures" / "compare"
    p = pane(80, 24)
    p.start(playbook_cmd("compare", str(fixtures / "q3.json"), str(fixtures / "q4.json"), "--interactive", "--lang", "fr"))
    s = p.wait_for("Avant q3.json 47,6")
    assert "Après q4.json 61,9" in s
    assert "pas encore enregistré" not in s and "lecture seule" not in s
    assert "…3 " not in s and "… 3 " in s
    p.keys("q")
    assert p.wait_done() == 0


def test_a_pasted_tab_is_kept_and_shown_as_spaces(pane, tmp_path):
    p = pane(80, 24)
    p.start(playbook_cmd("assess", "t.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("Enter")
    p.wait_for("Note — 1.")
    p.tmux("set-buffer", "-b", "paste", "Owner:\tPaul")
    p.tmux("paste-buffer", "-b", "paste", "-t", "0")
    time.sleep(0.2)
    assert " Owner:  Paul" in plain(p.screen())
    p.keys("Escape")
    p.keys("s")
    p.wait_for("Saved t.json.")
    p.keys("q")
    assert p.wait_done() == 0
    assert read_json(tmp_path / "t.json")["answers"]["strategic-level"]["note"] == "Owner:\tPaul"


def test_read_only_session_says_nothing_changed_and_offers_no_editing_keys(pane, tmp_path):
    shutil.copy(ROOT / "Tests" / "Fixtures" / "assessments" / "complete.json", tmp_path / "a.json")
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    q = pane(100, 30)
    q.start(playbook_cmd("assess", "a.json", "--lang", "en"))
    s = q.wait_for("[read-only]")
    footer = s.rstrip("\n").split("\n")[-1]
    assert "score" not in footer and "save" not in footer and "? help" in footer
    q.keys("3")
    q.wait_for("Read-only: nothing was changed (open in another playbook")
    q.keys("q")
    assert q.wait_done() == 0
    p.keys("q")
    assert p.wait_done() == 0
    assert (tmp_path / "a.json").read_bytes() == (ROOT / "Tests" / "Fixtures" / "assessments" / "complete.json").read_bytes()
