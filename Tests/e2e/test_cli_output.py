"""A command whose output cannot be written says so and fails: a script never gets an empty
report and a success."""
import subprocess

import pytest

from conftest import BINARY, ROOT

COMPLETE = str(ROOT / "Tests" / "Fixtures" / "assessments" / "complete.json")


@pytest.mark.parametrize("args", [["rules"], ["report", COMPLETE], ["show", COMPLETE], ["--help"], ["validate", COMPLETE]])
def test_a_full_disk_on_standard_output_is_a_failure(args):
    with open("/dev/full", "w") as full:
        r = subprocess.run([BINARY, *args, "--lang", "en"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 1, r.stderr
    assert r.stderr == "playbook: cannot write to standard output: no space left on the device\n"


def test_a_closed_standard_output_is_a_failure_in_french():
    r = subprocess.run(["sh", "-c", f"'{BINARY}' rules --lang fr >&-"], stderr=subprocess.PIPE, text=True)
    assert r.returncode == 1
    assert r.stderr == "playbook : impossible d’écrire sur la sortie standard : elle est fermée\n"
