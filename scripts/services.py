#!/usr/bin/env python3
"""Start, stop and check the three local services on loopback.

Rasa server (REST + socket.io, HTTP API), action server, web service. Each runs in the
background in its own process group, with its log in <state>/log/<name>.log and its
pid in <state>/run/<name>.pid (state: var/ by default). Standard library only, so any
python3 runs it and the end-to-end tests import it:

    python3 scripts/services.py start|stop|status [--state-dir DIR]

What it reads from the environment is `Environment` below, the launcher's one place (also for
scripts/scaled.py); the README's table "The launcher's settings" describes each variable. The rest
of its environment is passed on to the services, which read their own settings.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEFAULT_PORTS = {"rasa": 5005, "actions": 5055, "web": 8000, "mail": 1025}
PORT_VARS = {"rasa": "RASA_PORT", "actions": "ACTIONS_PORT", "web": "WEB_PORT", "mail": "MAIL_PORT"}
TITLES = {"rasa": "Rasa server", "actions": "Action server", "web": "Web service", "mail": "Mail sink"}
START_ORDER = ["mail", "web", "actions", "rasa"]  # dependencies first; "mail" only in development
WARNING_LINE = re.compile(r"^\S+:\d+: \w*Warning: ")


class ServiceError(RuntimeError):
    """A service could not be started; the message says why and shows its log."""


@dataclass(frozen=True)
class Environment:
    """What the launcher reads from its environment: each field is the variable of its name in capitals
    (tests/test_services.py keeps them and the README's table the same)."""

    rasa_port: int = DEFAULT_PORTS["rasa"]
    actions_port: int = DEFAULT_PORTS["actions"]
    web_port: int = DEFAULT_PORTS["web"]
    mail_port: int = DEFAULT_PORTS["mail"]
    environment: str = "development"
    rasa_token: str | None = None
    public_base_url: str | None = None
    database_url: str | None = None
    services_timeout: float = 300.0
    scaled_port: int = 5080
    scaled_rasa_processes: int = 2
    scaled_chat_rate: str | None = None  # None: what the stack used before, else 50r/s

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        environ = os.environ if environ is None else environ
        kinds = {"int": int, "float": float, "str": str, "str | None": str}
        values = {}
        for variable in fields(cls):
            raw = environ.get(variable.name.upper(), "").strip()
            if raw:
                try:
                    values[variable.name] = kinds[str(variable.type)](raw)
                except ValueError:
                    raise ServiceError(f"{variable.name.upper()}={raw!r} is not a valid {variable.type}") from None
        return cls(**values)

    @property
    def production(self) -> bool:
        return self.environment.lower() == "production"


def inherited_environment() -> dict[str, str]:
    """The launcher's environment as it is passed on to what it starts."""
    return dict(os.environ)


@dataclass
class Settings:
    root: Path = ROOT
    state_dir: Path = ROOT / "var"
    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    bot_venv: Path = ROOT / ".venv" / "bot"
    api_venv: Path = ROOT / ".venv" / "api"
    model_dir: Path = ROOT / "models"
    production: bool = False
    rasa_token: str | None = None
    public_base_url: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    timeout: float = 300.0

    @classmethod
    def from_env(cls, variables: Mapping[str, str] | None = None, **overrides) -> Settings:
        """From the environment, or from `variables` instead."""
        read = Environment.read(variables)
        values: dict[str, Any] = dict(
            ports={name: getattr(read, f"{name}_port") for name in PORT_VARS},
            production=read.production,
            rasa_token=read.rasa_token,
            public_base_url=read.public_base_url,
            timeout=read.services_timeout,
        )
        values.update(overrides)
        return cls(**values)

    def url(self, name: str) -> str:
        return f"http://{HOST}:{self.ports[name]}"

    @property
    def log_dir(self) -> Path:
        return self.state_dir / "log"

    @property
    def run_dir(self) -> Path:
        return self.state_dir / "run"


@dataclass
class Service:
    name: str
    command: list[str]
    env: dict[str, str]
    health_url: str
    loaded: str = ""  # what it loads at start (Rasa: the model); a change means restart

    @property
    def title(self) -> str:
        return TITLES[self.name]


def bot_token(state_dir: Path) -> str:
    """The secret the action server shows the web service (BOT_TOKEN), made once per installation."""
    file = state_dir / "bot_token"
    if not file.exists():
        state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(32))
    return file.read_text().strip()


def plan(settings: Settings) -> dict[str, Service]:
    """The command, environment and health URL of each service."""
    if settings.production and not settings.rasa_token:
        raise ServiceError("ENVIRONMENT=production needs RASA_TOKEN: Rasa's HTTP API is only "
                           "opened without a token in development")
    root, bot, api = settings.root, settings.bot_venv / "bin", settings.api_venv / "bin"
    base = inherited_environment()
    base.update(PYTHONUNBUFFERED="1", RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                SQLALCHEMY_SILENCE_UBER_WARNING="1",
                PYTHONPATH=os.pathsep.join(filter(None, [str(root), base.get("PYTHONPATH")])))
    urls = {name: settings.url(name) for name in settings.ports}
    base["PUBLIC_BASE_URL"] = settings.public_base_url or urls["web"]
    tracker_db = settings.state_dir / "rasa_tracker.db"
    base.setdefault("RASA_TRACKER_DB", str(tracker_db))
    base.setdefault("RASA_TRACKER_DB_URL", f"sqlite:///{base['RASA_TRACKER_DB']}")
    base.setdefault("OUTBOX_FILE", str(settings.state_dir / "outbox.jsonl"))
    base.setdefault("BOT_TOKEN", bot_token(settings.state_dir))
    # The web service runs in production unless told otherwise; `make run` is a development run on loopback.
    base["ENVIRONMENT"] = "production" if settings.production else "development"
    base.update(settings.extra_env)

    # Rasa's own CLI, prepared by channels/server.py (TensorFlow only when the model needs it)
    rasa_cmd = [str(bot / "python"), "-m", "channels.server", "run", "--enable-api", "--cors", "*", "-i", HOST,
                "-p", str(settings.ports["rasa"]), "--model", str(settings.model_dir),
                "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]
    status_url = f"{urls['rasa']}/status"
    if settings.rasa_token:
        rasa_cmd += ["--auth-token", settings.rasa_token]
        status_url += f"?token={settings.rasa_token}"
    planned = {
        "web": Service("web", [str(api / "uvicorn"), "api.main:app", "--host", HOST,
                               "--port", str(settings.ports["web"])],
                       {**base, "RASA_URL": urls["rasa"]},
                       f"{urls['web']}/healthz"),
        "actions": Service("actions", [str(bot / "rasa"), "run", "actions", "-p",
                                       str(settings.ports["actions"]), "--actions", "actions"],
                           {**base, "SANIC_HOST": HOST, "WEB_URL": urls["web"]},
                           f"{urls['actions']}/health"),
        "rasa": Service("rasa", rasa_cmd,
                        {**base, "ACTION_ENDPOINT_URL": f"{urls['actions']}/webhook",
                         "WEB_URL": urls["web"]},
                        status_url, loaded=model_stamp(settings.model_dir)),
    }
    if "mail" in settings.ports and not settings.production:
        # Development: a local SMTP server keeps the portal's lead e-mails in <state>/mail/ (maildir).
        mail_port = settings.ports["mail"]
        planned["mail"] = Service("mail", [str(api / "python"), "-m", "aiosmtpd", "-n", "-l", f"{HOST}:{mail_port}",
                                           "-c", "aiosmtpd.handlers.Mailbox", str(settings.state_dir / "mail")],
                                  base, f"smtp://{HOST}:{mail_port}")
        planned["web"].env.update(SMTP_HOST=HOST, SMTP_PORT=str(mail_port))
    return planned


def model_stamp(model_dir: Path) -> str:
    return ";".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(model_dir.glob("*.tar.gz")))


# --- processes -------------------------------------------------------------------------

def process_start_time(pid: int) -> str | None:
    """The kernel's start time of a process: tells our process from a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is dead for our purposes
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def group_alive(pgid: int) -> bool:
    """Whether any process of the group is left (children of a service included)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return is_alive(pgid) or _group_has_live_member(pgid)


def _group_has_live_member(pgid: int) -> bool:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[2] == str(pgid) and fields[0] != "Z":
            return True
    return False


def read_pid(settings: Settings, name: str) -> dict | None:
    """The recorded process of a service, or None when it no longer runs."""
    path = settings.run_dir / f"{name}.pid"
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    pid = record.get("pid")
    if not isinstance(pid, int) or not is_alive(pid):
        return None
    if record.get("started") and process_start_time(pid) not in (None, record["started"]):
        return None
    return record


def answers(url: str, timeout: float = 2.0) -> bool:
    if url.startswith("smtp://"):
        host, port = url.removeprefix("smtp://").rsplit(":", 1)
        try:
            with socket.create_connection((host, int(port)), timeout=timeout) as connection:
                return connection.recv(3) == b"220"
        except OSError:
            return False
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports chosen by the kernel (for tests)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((HOST, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def shown(settings: Settings, path: Path) -> str:
    """A path relative to the project root where it lies inside it."""
    try:
        return str(path.relative_to(settings.root))
    except ValueError:
        return str(path)


def log_tail(path: Path, offset: int = 0, lines: int = 30) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            text = handle.read().decode(errors="replace")
    except OSError:
        return "    (no log)"
    kept, in_warning = [], False
    for line in text.splitlines():  # Python warnings from the libraries only hide the cause
        if WARNING_LINE.match(line):
            in_warning = True
        elif not (in_warning and (line[:1].isspace() or line.startswith("Implementing implicit"))):
            in_warning = False
            kept.append(line)
    return "\n".join("    " + line for line in kept[-lines:]) or "    (log is empty)"


def launch(settings: Settings, service: Service) -> tuple[int, int]:
    """Start one service in its own session; returns (pid, log offset of this run)."""
    settings.log_dir.mkdir(parents=True, exist_ok=True)
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    log_path = settings.log_dir / f"{service.name}.log"
    with log_path.open("ab") as log:
        masked = ["***" if before == "--auth-token" else arg
                  for before, arg in zip([""] + service.command, service.command)]
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(masked)}\n".encode())
        offset = log.tell()
        process = subprocess.Popen(service.command, cwd=settings.root, env=service.env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    record = {"pid": process.pid, "started": process_start_time(process.pid),
              "port": settings.ports[service.name], "url": settings.url(service.name),
              "loaded": service.loaded}
    (settings.run_dir / f"{service.name}.pid").write_text(json.dumps(record))
    return process.pid, offset


def terminate(pid: int, grace: float = 15.0) -> None:
    """SIGTERM the process group of a service we started, SIGKILL after the grace period."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        except PermissionError:
            os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            _reap(pid)
            if not group_alive(pid):
                return
            time.sleep(0.2)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


# --- commands --------------------------------------------------------------------------

def check_ready(settings: Settings) -> None:
    """Fail early with a clear message when something needed is missing."""
    needed = {
        settings.bot_venv / "bin" / "rasa": "run `make setup` (creates .venv/bot)",
        settings.api_venv / "bin" / "uvicorn": "run `make setup` (creates .venv/api)",
        settings.root / "credentials.yml": "the Rasa channel configuration is missing",
        settings.root / "endpoints.yml": "the Rasa endpoint configuration is missing",
    }
    problems = [f"{path} not found: {hint}" for path, hint in needed.items() if not path.exists()]
    endpoints = settings.root / "endpoints.yml"
    if endpoints.exists() and re.search(r"""^[^#\n]*["']\$\{""", endpoints.read_text(), re.M):
        problems.append("endpoints.yml quotes a ${VARIABLE}: Rasa expands only unquoted ones, "
                        "write e.g. `url: ${ACTION_ENDPOINT_URL}`")
    if not any(settings.model_dir.glob("*.tar.gz")):
        problems.append(f"no trained model in {settings.model_dir}: run `make train`")
    if problems:
        raise ServiceError("cannot start the services:\n  " + "\n  ".join(problems))


def start(settings: Settings, out=sys.stdout) -> dict[str, str]:
    """Start whatever is not running, wait until all answer; return their base URLs.

    On failure everything started by this call is stopped again and ServiceError tells
    which service failed, with the last lines of its log.
    """
    services = plan(settings)
    check_ready(settings)
    launched: dict[str, tuple[int, int]] = {}
    try:
        for name in (n for n in START_ORDER if n in services):
            service = services[name]
            running = read_pid(settings, name)
            if running and running.get("loaded", "") == service.loaded:
                print(f"  {service.title} already runs (pid {running['pid']})", file=out)
                continue
            if running:
                print(f"  {service.title} restarts: its model changed", file=out, flush=True)
                terminate(running["pid"])
            port = settings.ports[name]
            if not port_is_free(port):
                raise ServiceError(f"{service.title}: port {port} on {HOST} is in use by another "
                                   f"program; stop it or choose another port with {PORT_VARS[name]}=...")
            launched[name] = launch(settings, service)
            print(f"  {service.title} starting (pid {launched[name][0]}, "
                  f"log {shown(settings, settings.log_dir / (name + '.log'))})", file=out, flush=True)
        wait_until_up(settings, services, launched, out)
    except BaseException:
        for pid, _ in launched.values():
            terminate(pid)
        for name in launched:
            (settings.run_dir / f"{name}.pid").unlink(missing_ok=True)
        raise
    return {name: settings.url(name) for name in services}


def wait_until_up(settings: Settings, services: dict[str, Service],
                  launched: dict[str, tuple[int, int]], out) -> None:
    waiting = set(services)
    begin = time.monotonic()
    deadline = begin + settings.timeout
    while waiting:
        for name in sorted(waiting):
            service = services[name]
            if answers(service.health_url):
                waiting.discard(name)
                print(f"  {service.title} answers after {time.monotonic() - begin:.0f} s", file=out, flush=True)
                continue
            if name in launched:
                pid, offset = launched[name]
                _reap(pid)
                if not is_alive(pid):
                    raise ServiceError(f"{service.title} stopped during start-up. Last lines of "
                                       f"{shown(settings, settings.log_dir / (name + '.log'))}:\n"
                                       + log_tail(settings.log_dir / f"{name}.log", offset))
            elif read_pid(settings, name) is None:
                raise ServiceError(f"{service.title} stopped while waiting for it")
        if waiting and time.monotonic() > deadline:
            details = "\n".join(
                f"{services[n].title} did not answer at {services[n].health_url} within "
                f"{settings.timeout:.0f} s. Last lines of {shown(settings, settings.log_dir / (n + '.log'))}:\n"
                + log_tail(settings.log_dir / f"{n}.log", launched.get(n, (0, 0))[1])
                for n in sorted(waiting))
            raise ServiceError(details)
        if waiting:
            time.sleep(1.0)


def stop(settings: Settings, out=sys.stdout) -> list[str]:
    """Stop every service whose pid file names a live process we started."""
    stopped = []
    for name in reversed(START_ORDER):
        path = settings.run_dir / f"{name}.pid"
        record = read_pid(settings, name)
        if record:
            terminate(record["pid"])
            stopped.append(name)
            print(f"  {TITLES[name]} stopped (pid {record['pid']})", file=out)
        path.unlink(missing_ok=True)
    if not stopped:
        print("  nothing was running", file=out)
    return stopped


def status(settings: Settings, out=sys.stdout) -> dict[str, str]:
    """'up', 'starting' (runs, does not answer yet) or 'stopped' per service."""
    services = plan(settings)
    states = {}
    for name in (n for n in START_ORDER if n in services):
        record = read_pid(settings, name)
        if record is None:
            states[name] = "stopped"
        else:
            states[name] = "up" if answers(services[name].health_url) else "starting"
        pid = f"pid {record['pid']}" if record else ""
        print(f"  {TITLES[name]:<14} {states[name]:<9} {settings.url(name):<24} {pid}", file=out)
    return states


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["start", "stop", "status"])
    parser.add_argument("--state-dir", type=Path, default=ROOT / "var",
                        help="where log/ and run/ live (default: var/)")
    args = parser.parse_args(argv)
    try:
        extra = {}
        if args.command == "start" and not Environment.read().database_url:
            extra["DATABASE_URL"] = f"sqlite:///{args.state_dir.resolve() / 'app.db'}"
            args.state_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings.from_env(state_dir=args.state_dir.resolve(), extra_env=extra)
        if args.command == "start":
            print("Starting the services ...", flush=True)
            urls = start(settings)
            print(f"\nAll services answer:\n"
                  f"  Rasa server    {urls['rasa']}\n"
                  f"  Action server  {urls['actions']}\n"
                  f"  Web service    {urls['web']}\n"
                  f"Logs in {shown(settings, settings.log_dir)}/\n\n"
                  f"Chat here: {urls['web']}/\n"
                  f"Stop with: make stop")
        elif args.command == "stop":
            stop(settings)
        else:
            status(settings)
    except ServiceError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; stopped what this run had started", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
