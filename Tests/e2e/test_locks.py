"""Issue 11 items 1 and 2: links at the names a save writes, and one writer per document
whatever the path's spelling, the user or the state folder (D8, S8)."""
import hashlib
import os
import pathlib
import re
import shlex
import shutil
import signal
import stat
import subprocess
import tempfile
import time

import pytest

from conftest import BINARY, playbook_cmd, read_json

ENV = {**os.environ, "LANG": "C.UTF-8", "PLAYBOOK_NOW": "2026-11-27T09:00:00Z"}


def run(*args, cwd, env=None):
    return subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True, env={**ENV, **(env or {})})


def sha(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def test_a_link_at_the_backup_name_is_never_followed(tmp_path):
    """The issue's reproduction: `set` must not overwrite the file a planted `a.json~` points to."""
    (tmp_path / "r" / "shared").mkdir(parents=True)
    (tmp_path / "r" / "home").mkdir()
    assert run("new", "r/shared/a.json", cwd=tmp_path).returncode == 0
    keys = tmp_path / "r" / "home" / "keys"
    keys.write_text("victim\n")
    os.symlink("../home/keys", tmp_path / "r" / "shared" / "a.json~")
    os.symlink("../home/created", tmp_path / "r" / "shared" / "b.json~")
    assert run("new", "r/shared/b.json", cwd=tmp_path).returncode == 0
    for name in ("a.json", "b.json"):
        before = (tmp_path / "r" / "shared" / name).read_bytes()
        r = run("set", f"r/shared/{name}", "1", "--score", "3", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        backup = tmp_path / "r" / "shared" / (name + "~")
        assert not backup.is_symlink() and backup.read_bytes() == before
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert keys.read_text() == "victim\n"
    assert not (tmp_path / "r" / "home" / "created").exists()


def test_new_and_report_treat_a_dangling_link_as_an_existing_file(tmp_path):
    os.symlink(str(tmp_path / "elsewhere.json"), tmp_path / "a.json")
    r = run("new", "a.json", "--lang", "en", cwd=tmp_path)
    assert r.returncode == 2 and "already exists" in r.stderr
    assert not (tmp_path / "elsewhere.json").exists()
    assert run("new", "real.json", cwd=tmp_path).returncode == 0
    os.symlink(str(tmp_path / "victim.html"), tmp_path / "out.html")
    r = run("report", "real.json", "-o", "out.html", "--lang", "en", cwd=tmp_path)
    assert r.returncode == 2 and "--force" in r.stderr
    assert not (tmp_path / "victim.html").exists()
    (tmp_path / "victim.html").write_text("victim")
    r = run("report", "real.json", "-o", "out.html", "--force", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "victim.html").read_text() == "victim"
    assert not (tmp_path / "out.html").is_symlink() and "<html" in (tmp_path / "out.html").read_text()


def holder_pid(lock: pathlib.Path, timeout=8.0):
    """The pid a lock file names, once its holder has written it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if lock.exists():
            m = re.search(r"\(pid (\d+)\)", lock.read_text())
            if m:
                return int(m.group(1))
        time.sleep(0.05)
    raise AssertionError(f"{lock} never named its holder")


def in_folder(folder, *args, env=None):
    """A shell command that runs playbook ARGS from `folder` (relative spellings need their cwd)."""
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
    return f"env {exports} sh -c " + shlex.quote(f"cd {shlex.quote(str(folder))} && exec {playbook_cmd(*args)}")


SPELLINGS = [
    ("", "x/a.json"),
    ("", "x/./a.json"),
    ("", "x//a.json"),
    ("", "x/sub/../a.json"),
    ("x/sub", "../a.json"),
    ("x", "a.json"),
    ("", "link.json"),
]


def test_one_writer_whatever_the_spelling(pane, tmp_path):
    (tmp_path / "x" / "sub").mkdir(parents=True)
    assert run("new", "x/a.json", cwd=tmp_path).returncode == 0
    os.symlink("x/a.json", tmp_path / "link.json")
    lock = tmp_path / "x" / ".a.json.lock"
    a = pane()
    a.start(in_folder(tmp_path / "x" / "sub", "assess", "../a.json", "--lang", "en"))
    a.wait_for("STRATEGY AND TARGETS")
    first = holder_pid(lock)
    assert stat.S_IMODE(lock.stat().st_mode) == 0o644
    before = sha(tmp_path / "x" / "a.json")
    for cwd, spelling in SPELLINGS:
        r = run("set", spelling, "1", "--score", "2", "--lang", "en", cwd=tmp_path / cwd)
        assert r.returncode == 1, (spelling, r.stderr)
        assert f"pid {first}" in r.stderr and "The file was not changed." in r.stderr
    r = run("set", "link.json", "1", "--score", "2", "--lang", "fr", cwd=tmp_path)
    assert "ouvert en écriture par" in r.stderr and "Le fichier n’a pas été modifié." in r.stderr
    assert sha(tmp_path / "x" / "a.json") == before
    for cwd, spelling in SPELLINGS[1:3] + SPELLINGS[4:]:
        b = pane()
        b.start(in_folder(tmp_path / cwd, "assess", spelling, "--lang", "en"))
        s = b.wait_for("[read-only]")
        assert f"pid {first}" in s, spelling
        b.keys("q")
        b.wait_for("DONE")
        b.kill()
    # Another state folder changes nothing: the lock lives with the document.
    b = pane()
    b.start(in_folder(tmp_path, "assess", "x/a.json", "--lang", "en", env={"XDG_STATE_HOME": str(tmp_path / "other-state")}))
    b.wait_for("[read-only]")
    b.keys("q")
    b.wait_for("DONE")
    a.keys("q")
    a.wait_for("DONE")
    assert not lock.exists()
    assert run("set", "x//a.json", "1", "--score", "2", cwd=tmp_path).returncode == 0
    assert read_json(tmp_path / "x" / "a.json")["answers"]["strategic-level"]["score"] == 2


def test_a_killed_holders_lock_is_taken_over(pane, tmp_path):
    assert run("new", "a.json", cwd=tmp_path).returncode == 0
    a = pane()
    a.start(playbook_cmd("assess", "a.json", "--lang", "en"))
    a.wait_for("STRATEGY AND TARGETS")
    lock = tmp_path / ".a.json.lock"
    os.kill(holder_pid(lock), signal.SIGKILL)
    a.wait_for("DONE")
    assert lock.exists()
    r = run("set", "./a.json", "2", "--score", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert not lock.exists()


def test_the_recovery_copy_follows_the_document_whatever_its_spelling(pane, tmp_path):
    (tmp_path / "x" / "sub").mkdir(parents=True)
    assert run("new", "x/a.json", cwd=tmp_path).returncode == 0
    state = {"XDG_STATE_HOME": str(tmp_path / "state")}
    a = pane()
    a.start(in_folder(tmp_path / "x" / "sub", "assess", "../a.json", "--lang", "en", env=state))
    a.wait_for("STRATEGY AND TARGETS")
    a.keys("3")
    time.sleep(0.2)
    os.kill(holder_pid(tmp_path / "x" / ".a.json.lock"), signal.SIGTERM)
    a.wait_for("DONE")
    b = pane()
    b.start(in_folder(tmp_path / "x", "assess", "a.json", "--lang", "en", env=state))
    b.wait_for("Unsaved changes from an earlier session were found")
    b.keys("d")
    b.keys("q")
    b.wait_for("DONE")


@pytest.fixture
def shared_folder():
    """A folder two users can write, as a team's shared folder is (pytest's own is private)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a second user")
    folder = pathlib.Path(tempfile.mkdtemp(prefix="playbook-shared-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(*args, cwd):
    env = {**ENV, "HOME": "/tmp", "XDG_STATE_HOME": str(cwd / ".nobody-state")}
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BINARY, *args],
                          cwd=cwd, capture_output=True, text=True, env=env)


def test_two_users_meet_the_same_lock(pane, shared_folder):
    if as_nobody("--version", cwd=shared_folder).returncode != 0:
        pytest.skip("the binary cannot be run by another user here")
    assert run("new", "a.json", cwd=shared_folder).returncode == 0
    (shared_folder / "a.json").chmod(0o666)
    a = pane()
    a.start(in_folder(shared_folder, "assess", "a.json", "--lang", "en"))
    a.wait_for("STRATEGY AND TARGETS")
    pid = holder_pid(shared_folder / ".a.json.lock")
    before = sha(shared_folder / "a.json")
    r = as_nobody("set", "a.json", "1", "--score", "3", "--lang", "en", cwd=shared_folder)
    assert r.returncode == 1 and f"pid {pid}" in r.stderr, r.stderr
    assert sha(shared_folder / "a.json") == before
    # The holder is killed: the other user takes the lock over.
    os.kill(pid, signal.SIGKILL)
    a.wait_for("DONE")
    r = as_nobody("set", "a.json", "1", "--score", "3", cwd=shared_folder)
    assert r.returncode == 0, r.stderr
    assert read_json(shared_folder / "a.json")["answers"]["strategic-level"]["score"] == 3
