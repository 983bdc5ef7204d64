"""Issue 6, D1–D3, D9–D11, S4–S7: saves are atomic, durable, private, and fail cleanly."""
import hashlib
import json
import os
import pathlib
import random
import re
import shutil
import signal
import stat
import subprocess
import time

import pytest

from conftest import BINARY, ROOT

ENV = {**os.environ, "PLAYBOOK_NOW": "2026-11-27T09:00:00Z", "LANG": "C.UTF-8"}


def run(*args, cwd, check=True, **kw):
    return subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True, env=kw.pop("env", ENV), check=check, **kw)


def sha(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def temp_files(folder):
    return [p.name for p in pathlib.Path(folder).iterdir() if p.name.endswith(".playbook-tmp")]


def test_kill_9_during_saves_never_tears_the_file(tmp_path):
    """D1, D10: 40 kill -9 while a saver alternates two large documents; the file is always one of them."""
    run("new", "a.json", cwd=tmp_path)
    note_a = "A" * 3_000_000
    note_b = "B" * 3_000_000
    saver = tmp_path / "saver.sh"
    saver.write_text(
        "#!/bin/sh\nwhile true; do\n"
        f"  {BINARY} set a.json 1 --score 1 --note \"$(cat note_a)\"\n"
        f"  {BINARY} set a.json 1 --score 2 --note \"$(cat note_b)\"\n"
        "done\n")
    (tmp_path / "note_a").write_text(note_a[:100_000])
    (tmp_path / "note_b").write_text(note_b[:100_000])
    seen = set()
    for i in range(40):
        proc = subprocess.Popen(["sh", str(saver)], cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(random.uniform(0.1, 0.6))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        doc = json.loads((tmp_path / "a.json").read_text())
        note = doc["answers"].get("strategic-level", {}).get("note", "")
        assert note in ("", note_a[:100_000], note_b[:100_000]), f"round {i}: torn note of {len(note)} characters"
        seen.add(note[:1])
    assert seen & {"A", "B"}, "the saver never completed a save"
    # The next edit sweeps temp files whose owner is gone.
    run("set", "a.json", "2", "--score", "3", cwd=tmp_path)
    assert temp_files(tmp_path) == []


def test_save_syscall_order(tmp_path):
    """D2, S5: temp created O_CREAT|O_EXCL|O_NOFOLLOW 0600 in the same folder; fsync; rename; fsync of the folder."""
    if not shutil.which("strace"):
        pytest.skip("strace is not installed")
    run("new", "a.json", cwd=tmp_path)
    trace = tmp_path / "trace"
    subprocess.run(["strace", "-f", "-o", str(trace), "-e", "trace=openat,fchmod,fsync,fdatasync,rename,renameat,renameat2,link,linkat,close",
                    BINARY, "set", "a.json", "1", "--score", "2"], cwd=tmp_path, env=ENV, check=True, capture_output=True)
    lines = trace.read_text().splitlines()
    text = "\n".join(lines)
    temp_open = [l for l in lines if "playbook-tmp" in l and "openat(" in l and '"./a.json~' not in l and ".a.json." in l and "~." not in l]
    assert temp_open, text
    open_line = temp_open[0]
    for flag in ["O_WRONLY", "O_CREAT", "O_EXCL", "O_NOFOLLOW", "O_CLOEXEC", "0600"]:
        assert flag in open_line, open_line
    assert open_line.split('"')[1].startswith(".a.json.") or "/.a.json." in open_line
    fd = re.search(r"= (\d+)$", open_line).group(1)
    start = lines.index(open_line)
    rest = lines[start:]
    def index(pattern, after=0):
        for i, l in enumerate(rest):
            if i >= after and re.search(pattern, l):
                return i
        raise AssertionError(f"{pattern} not found after the temp open:\n" + "\n".join(rest))
    i_fchmod = index(rf"fchmod\({fd}, 0600\)")
    i_fsync = index(rf"fsync\({fd}\)")
    i_rename = index(r"rename(at2?)?\(.*playbook-tmp.*a\.json\"")
    i_dir = index(r"openat\(.*O_DIRECTORY", after=i_rename)
    dir_fd = re.search(r"= (\d+)$", rest[i_dir]).group(1)
    i_dir_fsync = index(rf"fsync\({dir_fd}\)", after=i_dir)
    assert i_fchmod < i_fsync < i_rename < i_dir < i_dir_fsync


def test_planted_symlinks_are_not_followed(tmp_path):
    """S5: symlinks planted at every name the old temp scheme could use are left alone."""
    run("new", "a.json", cwd=tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("do not touch")
    for i in range(50):
        os.symlink(victim, tmp_path / f".a.json.{os.getpid() + i}.x.playbook-tmp")
    run("set", "a.json", "1", "--score", "2", cwd=tmp_path)
    assert victim.read_text() == "do not touch"
    assert json.loads((tmp_path / "a.json").read_text())["answers"]["strategic-level"]["score"] == 2


@pytest.mark.parametrize("mask", [0o000, 0o077, 0o022])
def test_files_are_private_under_any_umask(tmp_path, mask):
    """S4: saved and backup files 0600, recovery folders 0700, existing modes never widened."""
    script = f"umask {mask:03o}; {BINARY} new a.json && {BINARY} set a.json 1 --score 2 && {BINARY} set a.json 1 --score 3"
    subprocess.run(["sh", "-c", script], cwd=tmp_path, env=ENV, check=True)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a.json~").stat().st_mode) == 0o600
    os.chmod(tmp_path / "a.json", 0o400)
    subprocess.run(["sh", "-c", f"umask {mask:03o}; {BINARY} set a.json 1 --score 1"], cwd=tmp_path, env=ENV, check=True)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o400


def test_symlinked_assessment_stays_a_link(tmp_path):
    """S6."""
    (tmp_path / "real").mkdir()
    run("new", "real/data.json", cwd=tmp_path)
    os.symlink("real/data.json", tmp_path / "a.json")
    run("set", "a.json", "1", "--score", "2", cwd=tmp_path)
    assert (tmp_path / "a.json").is_symlink()
    assert json.loads((tmp_path / "real" / "data.json").read_text())["answers"]["strategic-level"]["score"] == 2


def test_backup_holds_the_previous_version(tmp_path):
    """D9."""
    run("new", "a.json", cwd=tmp_path)
    run("set", "a.json", "1", "--score", "1", cwd=tmp_path)
    first = (tmp_path / "a.json").read_bytes()
    run("set", "a.json", "1", "--score", "2", cwd=tmp_path)
    assert (tmp_path / "a.json~").read_bytes() == first


def test_disk_full_leaves_the_original_intact(tmp_path):
    """D3: a 1 MiB tmpfs; the save fails with a message, the original is byte-identical, no temp file."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        run("new", "a.json", cwd=mnt)
        run("set", "a.json", "1", "--score", "1", cwd=mnt)
        before = sha(mnt / "a.json")
        (mnt / "note").write_text("x" * 450_000)
        r = run("set", "a.json", "2", "--note", "y" * 90_000, "--add-evidence", "z" * 9_000, cwd=mnt, check=False)
        big = "é" * 60_000
        results = [run("set", "a.json", str(n), "--note", big, cwd=mnt, check=False) for n in range(3, 12)]
        failed = [x for x in results if x.returncode != 0]
        assert failed, "the disk never filled"
        assert "no space left on the device" in failed[0].stderr
        assert "The file was not changed." in failed[0].stderr
        json.loads((mnt / "a.json").read_text())
        assert temp_files(mnt) == []
        # The last successful version is intact: decoding works and the failing edit is absent.
        assert run("validate", "a.json", cwd=mnt, check=False).returncode == 0
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_file_size_limit_fails_cleanly(tmp_path):
    """D3: ulimit -f; the original stays byte-identical."""
    run("new", "a.json", cwd=tmp_path)
    before = sha(tmp_path / "a.json")
    r = subprocess.run(["sh", "-c", f"ulimit -f 2; {BINARY} set a.json 1 --note \"$(head -c 5000 /dev/zero | tr '\\0' x)\""],
                       cwd=tmp_path, env=ENV, capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    assert "file too large" in r.stderr
    assert sha(tmp_path / "a.json") == before
    assert temp_files(tmp_path) == []


def test_read_only_folder_fails_cleanly(tmp_path):
    """D3: a folder the user cannot write (run as nobody, since root ignores permissions)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    run("new", "ro/a.json", cwd=tmp_path)
    os.chmod(folder / "a.json", 0o644)
    os.chmod(folder, 0o555)
    os.chmod(tmp_path, 0o755)
    before = sha(folder / "a.json")
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BINARY, "set", str(folder / "a.json"), "1", "--score", "2"],
                       capture_output=True, text=True, env={**ENV, "HOME": "/tmp"})
    assert r.returncode == 1, r.stderr
    assert "permission denied" in r.stderr
    assert "The file was not changed." in r.stderr
    assert sha(folder / "a.json") == before


def test_oversized_and_special_files_are_refused_fast(tmp_path):
    """B4: a 200 MB file is refused in well under a second with little memory; FIFO, folder, device: not regular."""
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    start = time.time()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", BINARY, "validate", str(big)], capture_output=True, text=True, env=ENV)
    elapsed = time.time() - start
    assert r.returncode == 2
    assert "file is too large" in r.stdout
    assert elapsed < 1.0
    assert int(r.stderr.strip().splitlines()[-1]) < 100_000
    os.mkfifo(tmp_path / "fifo.json")
    r = run("validate", "fifo.json", "/dev/zero", cwd=tmp_path, check=False)
    assert r.stdout.count("not a regular file") == 2


def test_banned_file_apis_are_absent():
    """D11: no replaceItemAt, .atomic writes or plain writes of documents in the sources."""
    bad = re.compile(r"replaceItemAt|withoutOverwriting|\.atomic\b|\.write\(to(File)?:|fopen\(|FileHandle")
    for path in (ROOT / "Sources").rglob("*.swift"):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            assert not bad.search(line), f"{path}:{n}: {line}"
    # Only the save module opens files for writing, and the lock, which is no document: it is
    # created exclusively and holds one line saying who holds it.
    writers = [p for p in (ROOT / "Sources").rglob("*.swift") if "O_WRONLY" in p.read_text() or "O_RDWR" in p.read_text()]
    assert sorted(p.name for p in writers) == ["DocumentLock.swift", "SafeFile.swift"], writers
