#!/usr/bin/env python3
"""Create the two virtual environments when missing or out of date.

.venv/bot: Python 3.10 (Rasa 3.6.21 needs it), requirements/bot.txt.
.venv/api: Python >= 3.11, requirements/api.txt.
A venv's install is skipped while its stamp file holds the current hash of its
requirements file and interpreter version. Standard library only:

    python3 scripts/setup_env.py [bot|api ...]
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = ".requirements.sha256"


@dataclass(frozen=True)
class VenvSpec:
    name: str
    requirements: str
    oldest: tuple[int, int]
    newest: tuple[int, int]
    wanted: str  # shown in error messages

    def fits(self, version: tuple[int, int]) -> bool:
        return self.oldest <= version <= self.newest


VENVS = {
    "bot": VenvSpec("bot", "requirements/bot.txt", (3, 10), (3, 10), "Python 3.10"),
    "api": VenvSpec("api", "requirements/api.txt", (3, 11), (3, 99), "Python >= 3.11"),
}


def say(message: str) -> None:
    print(f"[setup] {message}", flush=True)


def python_version(executable: str) -> tuple[int, int] | None:
    """(major, minor) of an interpreter, or None when it does not run (e.g. an idle pyenv shim)."""
    try:
        out = subprocess.run([executable, "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    major, minor = out.stdout.split()
    return int(major), int(minor)


def pyenv_root() -> Path | None:
    if os.environ.get("PYENV_ROOT"):
        return Path(os.environ["PYENV_ROOT"])
    pyenv = shutil.which("pyenv")
    if pyenv:
        out = subprocess.run([pyenv, "root"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return Path(out.stdout.strip())
    default = Path.home() / ".pyenv"
    return default if default.is_dir() else None


def candidates(spec: VenvSpec) -> list[str]:
    """Interpreters to try, best first: names on PATH, then pyenv's installed versions."""
    if spec.name == "bot":
        names = ["python3.10"]
        patterns = ["3.10.*"]
    else:
        names = ["python3.11", "python3.12", "python3.13", "python3"]
        patterns = ["3.11.*", "3.12.*", "3.13.*"]
    found = [path for path in map(shutil.which, names) if path]
    root = pyenv_root()
    if root:
        for pattern in patterns:
            found += sorted(glob.glob(str(root / "versions" / pattern / "bin" / "python")), reverse=True)
    return found


def find_python(spec: VenvSpec) -> str:
    override = os.environ.get(f"{spec.name.upper()}_PYTHON")
    for executable in ([override] if override else []) + candidates(spec):
        version = python_version(executable)
        if version and spec.fits(version):
            return executable
    raise SystemExit(
        f"[setup] ERROR: no {spec.wanted} found for .venv/{spec.name}. Looked for "
        f"{', '.join(candidates(spec)) or 'python3.x on PATH and pyenv versions'}. Install one "
        f"(e.g. `pyenv install 3.10`) or name it with {spec.name.upper()}_PYTHON=/path/to/python.")


def stamp_value(spec: VenvSpec, version: tuple[int, int]) -> str:
    digest = hashlib.sha256((ROOT / spec.requirements).read_bytes()).hexdigest()
    return f"{digest} python{version[0]}.{version[1]}\n"


def ensure_venv(spec: VenvSpec) -> None:
    venv = ROOT / ".venv" / spec.name
    python = venv / "bin" / "python"
    version = python_version(str(python)) if python.exists() else None
    if version is None or not spec.fits(version):
        if venv.exists():
            say(f".venv/{spec.name} is broken or has the wrong Python: recreating it")
            shutil.rmtree(venv)
        base = find_python(spec)
        say(f"creating .venv/{spec.name} with {base}")
        subprocess.run([base, "-m", "venv", str(venv)], check=True)
        version = python_version(str(python))
        if version is None:
            raise SystemExit(f"[setup] ERROR: the new .venv/{spec.name} does not run")
    stamp = venv / STAMP
    wanted = stamp_value(spec, version)
    if stamp.exists() and stamp.read_text() == wanted:
        say(f".venv/{spec.name} is up to date ({spec.requirements} unchanged)")
        return
    say(f"installing {spec.requirements} into .venv/{spec.name} (log: var/log/pip-{spec.name}.log)")
    log = ROOT / "var" / "log" / f"pip-{spec.name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        done = subprocess.run([str(python), "-m", "pip", "install", "-r", str(ROOT / spec.requirements)],
                              stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-25:]
        raise SystemExit("[setup] ERROR: pip install failed for .venv/{}:\n{}".format(
            spec.name, "\n".join("    " + line for line in tail)))
    stamp.write_text(wanted)
    say(f".venv/{spec.name} ready")


def main(argv: list[str]) -> int:
    names = argv or list(VENVS)
    unknown = [n for n in names if n not in VENVS]
    if unknown:
        raise SystemExit(f"usage: setup_env.py [{'|'.join(VENVS)} ...]; unknown: {' '.join(unknown)}")
    for name in names:
        ensure_venv(VENVS[name])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
