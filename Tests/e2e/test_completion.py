"""Issue 11 item 18: after sourcing the generated bash script, file arguments complete as files."""
import os
import shutil
import subprocess
import time
import uuid

import pytest

from conftest import BINARY


@pytest.fixture
def shell(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    socket = "pbc-" + uuid.uuid4().hex[:8]
    env_path = os.path.dirname(BINARY) + ":/usr/bin:/bin"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "160", "-y", "10", "-c", str(tmp_path),
                    f"env PATH={env_path} HOME={tmp_path} bash --norc --noprofile"], check=True)

    def run(keys):
        subprocess.run(["tmux", "-L", socket, "send-keys", "-t", "0", *keys], check=True)
        time.sleep(0.4)
        return subprocess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "0"], capture_output=True, text=True).stdout

    yield run
    subprocess.run(["tmux", "-L", socket, "kill-server"], check=False)


def test_file_arguments_complete_as_files(shell, tmp_path):
    for name in ("acme-q4.json", "acme-q3.json", "notes.txt", "rules.catalog.json"):
        (tmp_path / name).write_text("{}")
    shell(["source <(playbook --generate-completion-script bash)", "Enter"])
    shell(["clear", "Enter"])
    screen = shell(["playbook show acme-q4.j", "Tab"])
    assert "playbook show acme-q4.json" in screen
    shell(["C-u"])
    screen = shell(["playbook report acme-q4.json -o not", "Tab"])
    assert "-o notes.txt" in screen
    shell(["C-u"])
    screen = shell(["playbook set --catalog rules.c", "Tab"])
    assert "--catalog rules.catalog.json" in screen
    shell(["C-u"])
    # Assessments are JSON: a text file is not offered where an assessment is expected.
    screen = shell(["playbook show not", "Tab"])
    assert "notes.txt" not in screen


def test_zsh_and_fish_scripts_complete_files_too():
    zsh = subprocess.run([BINARY, "--generate-completion-script", "zsh"], capture_output=True, text=True, check=True).stdout
    assert ":_files -g '\\''*.json'\\''" in zsh
    fish = subprocess.run([BINARY, "--generate-completion-script", "fish"], capture_output=True, text=True, check=True).stdout
    assert "__fish_complete_directories" in fish and "*.\\'json\\'" in fish
