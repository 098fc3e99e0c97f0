#!/usr/bin/env python3
"""Create the two virtual environments from the locked requirements, and refresh the locks.

.venv/bot: Python 3.10 (Rasa 3.6.21 needs it), requirements/bot-test.lock.
.venv/api: Python 3.11 (the interpreter the api locks were compiled for), requirements/api-test.lock.
Each `*-test.lock` holds the environment's runtime (its `*.lock`, same versions) plus the
test and check tools; it is installed with `pip install --require-hashes`, so every package,
transitive ones included, must be pinned with its hashes. A venv's install is skipped while
its stamp file holds the current hash of its lock files and interpreter version.

`--lock` compiles `requirements/*.in` into the locks with uv (in .venv/api), keeping every
pinned version unless `--upgrade` names the package (or `all`). Standard library only:

    python3 scripts/setup_env.py [bot|api ...]
    python3 scripts/setup_env.py --lock [--upgrade all|PACKAGE ...]
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
STAMP = ".requirements.sha256"


@dataclass(frozen=True)
class VenvSpec:
    name: str
    python: tuple[int, int]  # the minor version the locks were compiled for

    @property
    def wanted(self) -> str:
        return "Python {}.{}".format(*self.python)

    @property
    def runtime_lock(self) -> Path:
        return REQUIREMENTS / f"{self.name}.lock"

    @property
    def lock(self) -> Path:
        """What set-up installs: the runtime plus the test and check tools."""
        return REQUIREMENTS / f"{self.name}-test.lock"

    def fits(self, version: tuple[int, int]) -> bool:
        return version == self.python


VENVS = {
    "bot": VenvSpec("bot", (3, 10)),
    "api": VenvSpec("api", (3, 11)),
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
    minor = "{}.{}".format(*spec.python)
    found = [path for path in map(shutil.which, [f"python{minor}", "python3"]) if path]
    root = pyenv_root()
    if root:
        found += sorted(glob.glob(str(root / "versions" / f"{minor}.*" / "bin" / "python")), reverse=True)
    return found


def find_python(spec: VenvSpec) -> str:
    override = os.environ.get(f"{spec.name.upper()}_PYTHON")
    for executable in ([override] if override else []) + candidates(spec):
        version = python_version(executable)
        if version and spec.fits(version):
            return executable
    raise SystemExit(
        f"[setup] ERROR: no {spec.wanted} found for .venv/{spec.name} (its lock is compiled for it). "
        f"Looked for {', '.join(candidates(spec)) or 'python3.x on PATH and pyenv versions'}. Install one "
        f"(e.g. `pyenv install {spec.wanted.split()[1]}`) or name it with "
        f"{spec.name.upper()}_PYTHON=/path/to/python.")


def stamp_value(spec: VenvSpec, version: tuple[int, int]) -> str:
    digest = hashlib.sha256()
    for lock in (spec.runtime_lock, spec.lock):
        digest.update(lock.name.encode() + b"\0" + lock.read_bytes() + b"\0")
    return f"{digest.hexdigest()} python{version[0]}.{version[1]} require-hashes\n"


def venv_python(spec: VenvSpec) -> Path:
    return ROOT / ".venv" / spec.name / "bin" / "python"


def ensure_venv(spec: VenvSpec) -> None:
    venv = ROOT / ".venv" / spec.name
    python = venv_python(spec)
    version = python_version(str(python)) if python.exists() else None
    if version is None or not spec.fits(version):
        if venv.exists():
            say(f".venv/{spec.name} is broken or has the wrong Python (wanted: {spec.wanted}): recreating it")
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
        say(f".venv/{spec.name} is up to date (requirements/{spec.lock.name} unchanged)")
        return
    lock = spec.lock.relative_to(ROOT)
    say(f"installing {lock} into .venv/{spec.name} (log: var/log/pip-{spec.name}.log)")
    log = ROOT / "var" / "log" / f"pip-{spec.name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        done = subprocess.run([str(python), "-m", "pip", "install", "--require-hashes", "-r", str(lock)],
                              stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-25:]
        raise SystemExit("[setup] ERROR: pip install failed for .venv/{}:\n{}".format(
            spec.name, "\n".join("    " + line for line in tail)))
    stamp.write_text(wanted)
    say(f".venv/{spec.name} ready")


def compile_lock(source: Path, target: Path, python: Path, upgrade: list[str]) -> None:
    """uv pip compile SOURCE into TARGET for PYTHON, with hashes; pins already in TARGET are kept."""
    uv = venv_python(VENVS["api"]).parent / "uv"
    command = [str(uv), "pip", "compile", str(source.relative_to(ROOT)), "--output-file",
               str(target.relative_to(ROOT)), "--python", str(python), "--generate-hashes",
               "--custom-compile-command", "make lock", "--quiet"]
    if "all" in upgrade:
        command.append("--upgrade")
    else:
        for name in upgrade:
            command += ["--upgrade-package", name]
    say(f"compiling {source.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise SystemExit(f"[setup] ERROR: could not compile {source.relative_to(ROOT)}")


def refresh_locks(upgrade: list[str]) -> None:
    """Compile every `.in` into its lock: each runtime lock first, as its test lock is constrained by it."""
    for spec in VENVS.values():
        ensure_venv(spec)  # the interpreter to compile for, and uv (installed in .venv/api)
    for spec in VENVS.values():
        python = venv_python(spec)
        compile_lock(spec.runtime_lock.with_suffix(".in"), spec.runtime_lock, python, upgrade)
        compile_lock(spec.lock.with_suffix(".in"), spec.lock, python, upgrade)
    say("locks refreshed; `make setup` installs them")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("venvs", nargs="*", metavar="bot|api", help="the environments to set up (default: both)")
    parser.add_argument("--lock", action="store_true", help="compile requirements/*.in into the locks")
    parser.add_argument("--upgrade", nargs="+", default=[], metavar="PACKAGE",
                        help="with --lock: upgrade these packages (or `all`) instead of keeping their pins")
    args = parser.parse_args(argv)
    unknown = [name for name in args.venvs if name not in VENVS]
    if unknown:
        parser.error(f"unknown environment: {' '.join(unknown)}")
    if args.lock:
        refresh_locks(args.upgrade)
        return 0
    for name in args.venvs or list(VENVS):
        ensure_venv(VENVS[name])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
