"""Issue 11, item 7: the checklist's summary says the date it judged overdue actions by."""
import subprocess

import pytest

from conftest import BINARY, playbook_cmd


@pytest.fixture
def dated(tmp_path):
    """a.json dated 2026-09-30 with an action due 2026-10-15."""
    subprocess.run([BINARY, "new", "a.json", "--program", "Acme", "--date", "2026-09-30"], cwd=tmp_path, check=True, capture_output=True)
    subprocess.run([BINARY, "set", "a.json", "1", "--score", "1", "--add-action", "Plan", "--due", "2026-10-15"],
                   cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("lang, today, as_of", [
    ("en", "OPEN ACTIONS (1, 1 overdue as of 2026-11-27)", "OPEN ACTIONS (1, 0 overdue as of 2026-10-01)"),
    ("fr", "ACTIONS OUVERTES (1, dont 1 en retard au 2026-11-27)", "ACTIONS OUVERTES (1, dont 0 en retard au 2026-10-01)"),
])
def test_summary_says_the_date_overdue_is_judged_by(pane, dated, size, lang, today, as_of):
    for extra, expected in (((), today), (("--as-of", "2026-10-01"), as_of)):
        p = pane(*size)
        p.start(playbook_cmd("assess", "a.json", "--lang", lang, *extra))
        p.wait_for("1.")
        p.keys("r")
        # The open actions sit below the fold at 80x24: go to the end of the summary.
        for _ in range(12):
            p.keys("Down", pause=0.02)
        assert expected in p.wait_for(expected.split(" (")[0])
        p.keys("Escape")
        p.keys("q")
        assert p.wait_done() == 0
        p.kill()
