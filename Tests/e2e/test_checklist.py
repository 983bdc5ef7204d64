"""Issue 3: a person assesses a programme in the real terminal."""
import os
import shutil
import stat
import time

from conftest import ROOT, playbook_cmd, read_json


def test_assess_all_sixteen_rules_save_quit_and_reopen(pane, tmp_path):
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "acme.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    # Programme details first.
    p.keys("p")
    p.wait_for("Programme details")
    p.type("Cloud Alliance")
    p.keys("Tab")
    p.type("Acme")
    p.keys("Tab", "Space", "Tab")
    p.type("Marie Dupont")
    p.keys("C-s")
    p.wait_for("Cloud Alliance · Acme")
    # Sixteen rules in checklist order; scoring moves to the next unassessed rule.
    scores = {1: "2", 2: "3", 12: "1", 16: "0", 3: "2", 4: "1", 5: "3", 8: "2", 6: "3", 7: None, 9: "u", 10: "2", 11: "1", 13: "0", 14: "2", 15: "3"}
    for number, key in scores.items():
        if key is None:
            p.keys("n")
            p.wait_for("Not applicable because")
            p.type("Pas de relation d’achat entre nous")
            p.keys("Enter")
        else:
            p.keys(key)
    p.wait_for("Answered 16/16")
    # A note with accents and a multi-line paste on rule 1.
    p.keys("Home", "Enter")
    p.wait_for("Note — 1.")
    p.type("Objectif « ambitieux » : 2 M€ — validé")
    p.tmux("set-buffer", "-b", "paste", "\nDeuxième ligne collée\nTroisième ligne, 日本")
    p.tmux("paste-buffer", "-b", "paste", "-t", "0")
    time.sleep(0.2)
    p.keys("Escape")
    p.wait_for("Answered 16/16")
    # An action on rule 1.
    p.keys("a")
    p.wait_for("Actions — 1.")
    p.keys("a")
    p.type("Écrire le plan d’affaires commun")
    p.keys("Tab")
    p.type("Paul")
    p.keys("Tab")
    p.type("2026-12-15")
    p.keys("C-s")
    p.wait_for("Écrire le plan")
    p.keys("Escape")
    time.sleep(0.1)
    p.keys("s")
    p.wait_for("Saved acme.json.")
    p.keys("q")
    assert p.wait_done() == 0
    assert p.tty_restored()

    doc = read_json(tmp_path / "acme.json")
    assert stat.S_IMODE(os.stat(tmp_path / "acme.json").st_mode) == 0o600
    assert doc["program"] == {"name": "Cloud Alliance", "partner": "Acme", "segment": "resale"}
    assert doc["assessor"] == "Marie Dupont"
    answers = doc["answers"]
    assert len(answers) == 16
    numbers = {1: "strategic-level", 2: "ambitious-targets", 3: "right-level-right-time", 4: "strong-governance", 5: "alliance-partner",
               6: "mutual-respect", 7: "cross-business", 8: "lawyers-late", 9: "perseverance", 10: "informal-networks", 11: "communicate",
               12: "programme-approach", 13: "multi-party-plays", 14: "be-concrete", 15: "joint-customer-events", 16: "segment-and-label"}
    for number, key in scores.items():
        answer = answers[numbers[number]]
        if key is None:
            assert answer["state"] == "notApplicable"
            assert answer["reason"] == "Pas de relation d’achat entre nous"
        elif key == "u":
            assert answer["state"] == "unknown"
        else:
            assert answer["state"] == "scored" and answer["score"] == int(key), number
    assert answers["strategic-level"]["note"] == "Objectif « ambitieux » : 2 M€ — validé\nDeuxième ligne collée\nTroisième ligne, 日本"
    action = answers["strategic-level"]["actions"][0]
    assert action == {"due": "2026-12-15", "id": "A1", "owner": "Paul", "status": "open", "title": "Écrire le plan d’affaires commun"}

    # Reopen: everything is as it was left.
    q = pane(100, 30)
    q.start(playbook_cmd("assess", "acme.json", "--lang", "en"))
    screen = q.wait_for("Answered 16/16")
    assert "acme.json ●" not in screen
    assert "  1  2  Work at a strategic level" in screen
    q.keys("Enter")
    q.wait_for("Troisième ligne, 日本")
    q.keys("Escape")
    q.keys("q")
    assert q.wait_done() == 0


def test_layout_adapts_to_resizes_and_small_sizes(pane):
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "x.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    p.resize(60, 20)
    s = p.wait_for("────")
    assert "│" not in s.splitlines()[3]
    p.resize(200, 50)
    s = p.wait_for("EXECUTION AND VISIBILITY")
    assert "│ 1. Work at a strategic level" in s
    p.resize(30, 10)
    p.wait_for("Enlarge the terminal")
    for w, h in [(1, 1), (300, 100), (2, 2), (45, 13), (100, 30)]:
        p.resize(w, h)
    s = p.wait_for("STRATEGY AND TARGETS")
    p.keys("q")
    assert p.wait_done() == 0


def test_quit_with_unsaved_changes_asks_first(pane, tmp_path):
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "x.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("2", "q")
    p.wait_for("s save and quit · d discard · Esc cancel")
    p.keys("Escape")
    time.sleep(0.2)
    assert "Unsaved changes" not in p.screen()
    p.keys("q")
    p.wait_for("Unsaved changes")
    p.keys("d")
    assert p.wait_done() == 0
    assert not (tmp_path / "x.json").exists()


def test_french_interface_from_the_locale(pane):
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "x.json"), env={"LANG": "fr_FR.UTF-8"})
    s = p.wait_for("STRATÉGIE ET OBJECTIFS")
    assert "Travailler à un niveau stratégique" in s
    p.keys("L")
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("q")
    assert p.wait_done() == 0


def test_compare_interactive_side_by_side(pane, tmp_path):
    """Issue 5: the side-by-side view with a filter, in the real terminal."""
    fixtures = ROOT / "Tests" / "Fixtures" / "compare"
    p = pane(110, 32)
    p.start(playbook_cmd("compare", str(fixtures / "q4.json"), str(fixtures / "q3.json"), "--interactive", "--lang", "en"))
    s = p.wait_for("Progress over time — Cloud Alliance")
    assert "Overall 47.6% → 61.9% (+14.3 pts)" in s
    assert "Target agreed at 1 M€ with the VP" in s and "Target agreed at 2 M€ with the VP" in s
    p.keys("f", "f")
    s = p.wait_for("regressions only")
    assert " 3   Not too low, not too high" in s
    assert " 1   Work at a strategic level" not in s
    p.keys("q")
    assert p.wait_done() == 0
    assert p.tty_restored()


def test_export_and_compare_from_the_checklist(pane, tmp_path):
    """Issue 4's export action and issue 5's compare action, from the checklist."""
    fixtures = ROOT / "Tests" / "Fixtures" / "compare"
    shutil.copy(fixtures / "q4.json", tmp_path / "q4.json")
    shutil.copy(fixtures / "q3.json", tmp_path / "q3.json")
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "q4.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("X")
    p.wait_for("Export report to: q4.html")
    p.keys("Enter")
    p.wait_for("Report written to q4.html.")
    html = (tmp_path / "q4.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert stat.S_IMODE(os.stat(tmp_path / "q4.html").st_mode) == 0o600
    p.keys("c")
    p.wait_for("Compare with file:")
    p.type("q3.json")
    p.keys("Enter")
    p.wait_for("Progress over time — Cloud Alliance")
    p.keys("Escape")
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("q")
    assert p.wait_done() == 0


def test_long_notes_in_the_external_editor(pane, tmp_path):
    """Issue 3: Ctrl-X hands the note to $EDITOR, as git does, and takes it back."""
    editor = tmp_path / "ed.sh"
    editor.write_text('#!/bin/sh\nprintf "written in the editor é\\n" >> "$1"\n')
    editor.chmod(0o755)
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "a.json", "--lang", "en"), env={"EDITOR": str(editor), "VISUAL": None})
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("Enter")
    p.type("typed first ")
    p.keys("C-x")
    p.wait_for("typed first written in the editor é")
    p.keys("Escape")
    time.sleep(0.1)
    p.keys("s")
    p.wait_for("Saved a.json.")
    p.keys("q")
    assert p.wait_done() == 0
    assert read_json(tmp_path / "a.json")["answers"]["strategic-level"]["note"] == "typed first written in the editor é"
    assert not list((tmp_path / "state" / "playbook").glob("note-*.txt"))


def test_export_never_replaces_an_assessment(pane, tmp_path):
    """Issue 11 item 19: the checklist's export is refused over the open file or any assessment,
    even after the second Enter that replaces an ordinary file."""
    fixtures = ROOT / "Tests" / "Fixtures" / "compare"
    shutil.copy(fixtures / "q4.json", tmp_path / "q4.json")
    shutil.copy(fixtures / "q3.json", tmp_path / "q3.json")
    before = {name: (tmp_path / name).read_bytes() for name in ("q3.json", "q4.json")}
    p = pane(80, 24)
    p.start(playbook_cmd("assess", "q4.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    for name in ("q3.json", "q4.json"):
        p.keys("X")
        p.wait_for("Export report to:")
        p.keys("C-u")
        p.type(name)
        p.keys("Enter")
        p.wait_for("is an assessment file" if name == "q3.json" else "is an input of this command")
        p.keys("Enter")
        time.sleep(0.3)
        p.keys("Escape")
        time.sleep(0.2)
    p.keys("q")
    assert p.wait_done() == 0
    for name, data in before.items():
        assert (tmp_path / name).read_bytes() == data, name
    assert not (tmp_path / "q3.json~").exists()


def test_export_refuses_the_name_of_the_open_file_not_saved_yet(pane, tmp_path):
    p = pane(100, 30)
    p.start(playbook_cmd("assess", "n.json", "--lang", "en"))
    p.wait_for("STRATEGY AND TARGETS")
    p.keys("2", "X")
    p.wait_for("Export report to:")
    p.keys("C-u")
    p.type("n.json")
    p.keys("Enter")
    p.wait_for("is an input of this command")
    p.keys("Escape")
    time.sleep(0.2)
    assert not (tmp_path / "n.json").exists()
    p.keys("s")
    p.wait_for("Saved n.json.")
    p.keys("q")
    assert p.wait_done() == 0
    assert read_json(tmp_path / "n.json")["answers"]["strategic-level"]["score"] == 2

