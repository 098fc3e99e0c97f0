#!/usr/bin/env python3
"""The scaled profile on this machine: PostgreSQL, Redis, nginx and several Rasa processes.

    python3 scripts/scaled.py start|stop|status [--state-dir var/scaled] [--processes 2] [--port 5080]

`start` installs what is missing from Debian's packages (postgresql, redis-server, nginx;
as root, `apt-get update` first), then starts on 127.0.0.1, each in the background with
its log in <state>/log/ and its pid in <state>/run/:
- PostgreSQL (data in <state>/pg/data): database `rasa` (Rasa's tracker store) and `scan`
  (the web service), owned by the role `scan`;
- Redis (no persistence: it only holds conversation locks) as Rasa's lock store;
- the web service and the action server;
- N Rasa servers (deploy/endpoints.scaled.yml) sharing both stores;
- nginx (deploy/nginx.conf.template) on --port: round robin over the Rasa processes for the
  REST channel and the HTTP API, sticky for socket.io, the web service for everything else.
Ports other than nginx's are chosen free once and kept, with the generated passwords, in
<state>/stack.json. `stop` stops all of it, `status` shows it. Runs in .venv/api (redis-py asks
Redis whether it answers); the tests import it (Stack) to start, break and repair single parts.

Environment: SCALED_PORT (5080), SCALED_RASA_PROCESSES (2), SCALED_CHAT_RATE (nginx rate
limit per client address, 50r/s), SERVICES_TIMEOUT, ENVIRONMENT and RASA_TOKEN as for
scripts/services.py, read there (`services.Environment`).
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import services

ROOT = services.ROOT
HOST = services.HOST
PACKAGES = {"postgresql": "initdb", "redis-server": "redis-server", "nginx": "nginx"}
ENDPOINTS = "deploy/endpoints.scaled.yml"
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
TITLES = {"postgres": "PostgreSQL", "redis": "Redis", "web": "Web service", "actions": "Action server",
          "nginx": "nginx"}


class StackError(RuntimeError):
    """A part of the stack could not be installed or started; the message says why."""


def _title(name: str) -> str:
    return TITLES.get(name) or f"Rasa server {name.split('-')[1]}"


# --- Debian packages ------------------------------------------------------------------------

def pg_bin() -> Path | None:
    """The bin folder of the newest PostgreSQL server installed from Debian's packages."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def _binary(package: str) -> Path | None:
    if package == "postgresql":
        return pg_bin()
    for folder in ("/usr/bin", "/usr/sbin"):
        if (Path(folder) / PACKAGES[package]).exists():
            return Path(folder) / PACKAGES[package]
    found = shutil.which(PACKAGES[package])
    return Path(found) if found else None


def missing_packages() -> list[str]:
    return [name for name in PACKAGES if _binary(name) is None]


def ensure_packages(out=sys.stdout) -> None:
    """Install PostgreSQL, Redis and nginx from Debian's packages when they are missing."""
    missing = missing_packages()
    if not missing:
        return
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        raise StackError(f"missing {', '.join(missing)}: install them (apt-get install {' '.join(missing)}) "
                         "or run this as root, which installs them")
    print(f"  installing {', '.join(missing)} from Debian's packages ...", file=out, flush=True)
    env = {**services.inherited_environment(), "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"],
                    ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]):
        done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            raise StackError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    if missing_packages():
        raise StackError(f"still missing after apt-get install: {', '.join(missing_packages())}")


# --- the stack ------------------------------------------------------------------------------

@dataclass
class Stack:
    state_dir: Path
    ports: dict[str, int] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    processes: int = 2
    chat_rate: str = "50r/s"
    timeout: float = 300.0
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, state_dir: Path, processes: int | None = None, port: int | None = None,
             **overrides) -> Stack:
        """The stack of a state folder: ports and passwords kept from before, or chosen now."""
        state_dir = state_dir.resolve()
        saved = {}
        if (state_dir / "stack.json").exists():
            saved = json.loads((state_dir / "stack.json").read_text())
        read = services.Environment.read()
        stack = cls(state_dir=state_dir, ports=saved.get("ports", {}), secrets=saved.get("secrets", {}),
                    processes=processes or saved.get("processes") or read.scaled_rasa_processes,
                    chat_rate=read.scaled_chat_rate or saved.get("chat_rate", "50r/s"),
                    timeout=read.services_timeout, **overrides)
        if port:
            stack.ports["nginx"] = port
        stack.ports.setdefault("nginx", read.scaled_port)
        wanted = ["postgres", "redis", "web", "actions"] + stack.rasa_names
        free = iter(p for p in services.free_ports(len(wanted) + 8)
                    if p not in {5005, 5055, 8000} and p not in stack.ports.values())
        for name in wanted:
            stack.ports.setdefault(name, next(free))
        for name in ("postgres_admin", "postgres_scan", "redis"):
            stack.secrets.setdefault(name, secrets.token_hex(16))
        return stack

    def save(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.state_dir, 0o755)  # PostgreSQL runs as its own user and must reach pg/
        path = self.state_dir / "stack.json"
        path.write_text(json.dumps({"ports": self.ports, "secrets": self.secrets, "processes": self.processes,
                                    "chat_rate": self.chat_rate}, indent=2))
        os.chmod(path, 0o600)

    @property
    def rasa_names(self) -> list[str]:
        return [f"rasa-{i}" for i in range(1, self.processes + 1)]

    @property
    def order(self) -> list[str]:
        return ["postgres", "redis", "web", "actions", *self.rasa_names, "nginx"]

    def url(self, name: str = "nginx") -> str:
        return f"http://{HOST}:{self.ports[name]}"

    @property
    def log_dir(self) -> Path:
        return self.state_dir / "log"

    @property
    def run_dir(self) -> Path:
        return self.state_dir / "run"

    def database_url(self, database: str) -> str:
        return (f"postgresql+psycopg2://scan:{self.secrets['postgres_scan']}@{HOST}:"
                f"{self.ports['postgres']}/{database}")

    # --- commands and environments ----------------------------------------------------------

    def _services_settings(self) -> services.Settings:
        env = {
            "DATABASE_URL": self.database_url("scan"),
            "RASA_TRACKER_DB_URL": self.database_url("rasa"),
            "RASA_PG_HOST": f"{HOST}:{self.ports['postgres']}",
            "RASA_PG_DB": "rasa", "RASA_PG_USER": "scan", "RASA_PG_PASSWORD": self.secrets["postgres_scan"],
            "REDIS_HOST": HOST, "REDIS_PORT": str(self.ports["redis"]), "REDIS_PASSWORD": self.secrets["redis"],
            "OUTBOX_FILE": str(self.state_dir / "outbox.jsonl"),
            "RASA_TRACKER_DB": str(self.state_dir / "unused-sqlite-tracker.db"),
            **self.extra_env,
        }
        # services.plan derives RASA_URL (for the web service) from the "rasa" port: nginx's.
        return services.Settings.from_env(
            state_dir=self.state_dir, ports={"rasa": self.ports["nginx"], "actions": self.ports["actions"],
                                             "web": self.ports["web"]},
            public_base_url=services.Environment.read().public_base_url or self.url("nginx"), extra_env=env,
            timeout=self.timeout)

    def commands(self) -> dict[str, tuple[list[str], dict[str, str], str | None]]:
        """name -> (command, environment, user to run as)."""
        plan = services.plan(self._services_settings())
        pg = pg_bin()
        postgres_user = "postgres" if os.geteuid() == 0 else None
        path = services.inherited_environment().get("PATH", "")
        result = {
            "postgres": ([str(pg / "postgres") if pg else "postgres", "-D", str(self.state_dir / "pg" / "data"),
                          "-c", f"port={self.ports['postgres']}", "-c", f"listen_addresses={HOST}",
                          "-c", "unix_socket_directories=", "-c", "max_connections=200"],
                         {"PATH": path, "LANG": "C.UTF-8"}, postgres_user),
            "redis": ([str(_binary("redis-server") or "redis-server"), "--port", str(self.ports["redis"]),
                       "--bind", HOST, "--requirepass", self.secrets["redis"], "--save", "",
                       "--appendonly", "no", "--dir", str(self.state_dir / "redis"), "--daemonize", "no",
                       "--protected-mode", "yes"], {"PATH": path}, None),
            "web": (plan["web"].command, plan["web"].env, None),
            "actions": (plan["actions"].command, plan["actions"].env, None),
            "nginx": ([str(_binary("nginx") or "nginx"), "-p", str(self.state_dir / "nginx"),
                       "-c", str(self.state_dir / "nginx" / "nginx.conf"), "-e",
                       str(self.state_dir / "nginx" / "error.log"), "-g", "daemon off;"],
                      {"PATH": path}, None),
        }
        for name in self.rasa_names:
            command = list(plan["rasa"].command)
            command[command.index("-p") + 1] = str(self.ports[name])
            command[command.index("--endpoints") + 1] = ENDPOINTS
            result[name] = (command, plan["rasa"].env, None)
        return result

    def health_url(self, name: str) -> str | None:
        token = services.Environment.read().rasa_token
        return {
            "web": f"{self.url('web')}/healthz",
            "actions": f"{self.url('actions')}/health",
            "nginx": f"{self.url('nginx')}/webhooks/rest/",
        }.get(name) or (f"{self.url(name)}/status" + (f"?token={token}" if token else "")
                        if name.startswith("rasa-") else None)

    # --- one part -------------------------------------------------------------------------

    def pid(self, name: str) -> int | None:
        settings = services.Settings(state_dir=self.state_dir)
        record = services.read_pid(settings, name)
        return record["pid"] if record else None

    def answers(self, name: str) -> bool:
        if name == "postgres":
            return self._pg_ready()
        if name == "redis":
            return self.redis_answers()
        return services.answers(self.health_url(name) or "")

    def launch(self, name: str) -> int:
        """Start one part in the background (it must not run yet); returns its pid."""
        if self.pid(name):
            raise StackError(f"{_title(name)} already runs (pid {self.pid(name)})")
        if not services.port_is_free(self.ports[name]):
            raise StackError(f"{_title(name)}: port {self.ports[name]} on {HOST} is in use by another program")
        getattr(self, f"_prepare_{name.split('-')[0]}", lambda: None)()
        command, env, user = self.commands()[name]
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        with (self.log_dir / f"{name}.log").open("ab") as log:
            shown = ["***" if arg == self.secrets["redis"] else arg for arg in command]
            log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(shown)}\n".encode())
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True, user=user)
        record = {"pid": process.pid, "started": services.process_start_time(process.pid),
                  "port": self.ports[name], "url": self.url(name)}
        (self.run_dir / f"{name}.pid").write_text(json.dumps(record))
        return process.pid

    def stop(self, name: str, fast: bool = True) -> bool:
        """Stop one part (PostgreSQL with a fast shutdown); False when it did not run."""
        pid = self.pid(name)
        if not pid:
            (self.run_dir / f"{name}.pid").unlink(missing_ok=True)
            return False
        if name == "postgres" and fast:
            os.kill(pid, signal.SIGINT)  # fast shutdown: clients are disconnected, nothing is lost
            deadline = time.monotonic() + 30
            while services.group_alive(pid) and time.monotonic() < deadline:
                services._reap(pid)
                time.sleep(0.2)
        services.terminate(pid)
        (self.run_dir / f"{name}.pid").unlink(missing_ok=True)
        return True

    def kill(self, name: str) -> bool:
        """SIGKILL one part at once (a crash, for the fault tests)."""
        pid = self.pid(name)
        if not pid:
            return False
        os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while services.group_alive(pid) and time.monotonic() < deadline:
            services._reap(pid)
            time.sleep(0.1)
        (self.run_dir / f"{name}.pid").unlink(missing_ok=True)
        return True

    def wait(self, names: list[str], out=sys.stdout, timeout: float | None = None) -> None:
        """Until every named part answers; StackError with its log's tail when one dies or is late."""
        begin = time.monotonic()
        deadline = begin + (timeout or self.timeout)
        waiting = list(names)
        while waiting:
            for name in list(waiting):
                if self.answers(name):
                    waiting.remove(name)
                    print(f"  {_title(name)} answers after {time.monotonic() - begin:.0f} s", file=out, flush=True)
                elif self.pid(name) is None:
                    raise StackError(f"{_title(name)} stopped during start-up. Last lines of "
                                     f"{self.log_dir / (name + '.log')}:\n"
                                     + services.log_tail(self.log_dir / f"{name}.log"))
            if waiting and time.monotonic() > deadline:
                raise StackError("\n".join(
                    f"{_title(n)} did not answer within {timeout or self.timeout:.0f} s. Last lines of its log:\n"
                    + services.log_tail(self.log_dir / f"{n}.log") for n in waiting))
            if waiting:
                time.sleep(0.5)

    def start_part(self, name: str, out=sys.stdout) -> None:
        """Start one stopped part again and wait until it answers."""
        self.launch(name)
        self.wait([name], out=out)

    # --- PostgreSQL and Redis -------------------------------------------------------------

    def _pg_tool(self, tool: str) -> str:
        pg = pg_bin()
        return str(pg / tool) if pg and (pg / tool).exists() else tool

    def _pg_ready(self) -> bool:
        done = subprocess.run([self._pg_tool("pg_isready"), "-q", "-h", HOST, "-p", str(self.ports["postgres"])],
                              stdin=subprocess.DEVNULL, capture_output=True)
        return done.returncode == 0

    def _prepare_postgres(self) -> None:
        """initdb on first use (owned by the postgres user when run as root)."""
        pg_dir = self.state_dir / "pg"
        data = pg_dir / "data"
        user = "postgres" if os.geteuid() == 0 else None
        pg_dir.mkdir(parents=True, exist_ok=True)
        if user:
            shutil.chown(pg_dir, user, user)
        if (data / "PG_VERSION").exists():
            return
        password_file = pg_dir / "admin-password"
        password_file.write_text(self.secrets["postgres_admin"] + "\n")
        os.chmod(password_file, 0o600)
        if user:
            shutil.chown(password_file, user, user)
        try:
            done = subprocess.run([self._pg_tool("initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8",
                                   "--no-locale", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                                   f"--pwfile={password_file}"], user=user, capture_output=True, text=True,
                                  stdin=subprocess.DEVNULL, cwd=pg_dir)
        finally:
            password_file.unlink(missing_ok=True)
        if done.returncode != 0:
            raise StackError(f"initdb failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the PostgreSQL administrator; returns the unaligned output."""
        env = {**services.inherited_environment(), "PGPASSWORD": self.secrets["postgres_admin"]}
        done = subprocess.run([self._pg_tool("psql"), "-h", HOST, "-p", str(self.ports["postgres"]), "-U", "postgres",
                               "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                              env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        if done.returncode != 0:
            raise StackError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def create_databases(self) -> None:
        password = self.secrets["postgres_scan"]
        if not self.psql("SELECT 1 FROM pg_roles WHERE rolname = 'scan'"):
            self.psql(f"CREATE ROLE scan LOGIN PASSWORD '{password}'")
        for database in ("rasa", "scan"):
            if not self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
                self.psql(f"CREATE DATABASE {database} OWNER scan")

    def prepare_tracker_schema(self) -> None:
        """Create Rasa's `events` table and its index once, so the Rasa processes do not race to create them."""
        settings = self._services_settings()
        code = ("from channels.compacting_store import CompactingSQLTrackerStore\n"
                "import os\n"
                "CompactingSQLTrackerStore(dialect='postgresql', host=os.environ['RASA_PG_HOST'], db='rasa',"
                " username='scan', password=os.environ['RASA_PG_PASSWORD'])\n")
        env = services.plan(settings)["rasa"].env
        done = subprocess.run([str(settings.bot_venv / "bin" / "python"), "-c", code], env=env, cwd=ROOT,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        if done.returncode != 0:
            raise StackError(f"creating Rasa's tracker table failed:\n{done.stderr[-3000:]}")

    def redis_answers(self) -> bool:
        """Whether the stack's Redis answers a PING (after AUTH), within 2 s."""
        import redis  # redis-py, in .venv/api; imported here so that scripts/run_tests.py can import this file

        client = redis.Redis(host=HOST, port=self.ports["redis"], password=self.secrets["redis"],
                             socket_timeout=2, socket_connect_timeout=2)
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def _prepare_redis(self) -> None:
        (self.state_dir / "redis").mkdir(parents=True, exist_ok=True)

    def _prepare_nginx(self) -> None:
        prefix = self.state_dir / "nginx"
        (prefix / "tmp").mkdir(parents=True, exist_ok=True)
        servers = "\n".join(f"        server {HOST}:{self.ports[n]} max_fails=1 fail_timeout=5s;"
                            for n in self.rasa_names)
        text = (TEMPLATE.read_text()
                .replace("@@USER_LINE@@", "user www-data;" if os.geteuid() == 0 else "")
                .replace("@@PREFIX@@", str(prefix))
                .replace("@@RASA_SERVERS@@", servers)
                .replace("@@WEB@@", f"{HOST}:{self.ports['web']}")
                .replace("@@LISTEN@@", f"{HOST}:{self.ports['nginx']}")
                .replace("@@CHAT_RATE@@", self.chat_rate))
        (prefix / "nginx.conf").write_text(text)

    # --- all of it ------------------------------------------------------------------------

    def start(self, out=sys.stdout) -> str:
        """Install what is missing, start every part that does not run; returns nginx's URL."""
        services.check_ready(services.Settings(state_dir=self.state_dir))
        ensure_packages(out)
        if not (ROOT / ENDPOINTS).exists() or not TEMPLATE.exists():
            raise StackError(f"{ENDPOINTS} or {TEMPLATE.relative_to(ROOT)} is missing")
        if not any(self.pid(name) for name in self.order):  # ports kept from before may be taken now
            for name in self.order[:-1]:
                if not services.port_is_free(self.ports[name]):
                    self.ports[name] = next(p for p in services.free_ports(8)
                                            if p not in {5005, 5055, 8000} and p not in self.ports.values())
        self.save()
        started = []
        try:
            for group in (["postgres", "redis"], ["web", "actions", *self.rasa_names], ["nginx"]):
                todo = [name for name in group if not self.pid(name)]
                if "web" in group and todo:  # the web service and Rasa need their databases
                    self.create_databases()
                    if not self.psql("SELECT to_regclass('public.events')", database="rasa"):
                        self.prepare_tracker_schema()
                for name in todo:
                    pid = self.launch(name)
                    started.append(name)
                    print(f"  {_title(name)} starting (pid {pid}, port {self.ports[name]})", file=out, flush=True)
                self.wait(group, out=out)
        except BaseException:
            for name in reversed(started):
                self.stop(name)
            raise
        return self.url("nginx")

    def stop_all(self, out=sys.stdout) -> list[str]:
        stopped = []
        for name in reversed(self.order):
            if self.stop(name):
                stopped.append(name)
                print(f"  {_title(name)} stopped", file=out)
        if not stopped:
            print("  nothing was running", file=out)
        return stopped

    def status(self, out=sys.stdout) -> dict[str, str]:
        states = {}
        for name in self.order:
            pid = self.pid(name)
            states[name] = "stopped" if not pid else ("up" if self.answers(name) else "starting")
            print(f"  {_title(name):<15} {states[name]:<9} {HOST}:{self.ports[name]:<6} "
                  f"{'pid ' + str(pid) if pid else ''}", file=out)
        return states


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["start", "stop", "status"])
    parser.add_argument("--state-dir", type=Path, default=ROOT / "var" / "scaled")
    parser.add_argument("--processes", type=int, help="Rasa server processes (default 2)")
    parser.add_argument("--port", type=int, help="nginx's port (default 5080, SCALED_PORT)")
    args = parser.parse_args(argv)
    try:
        stack = Stack.load(args.state_dir, processes=args.processes, port=args.port)
        if args.command == "start":
            print("Starting the scaled profile ...", flush=True)
            url = stack.start()
            print(f"\nAll parts answer. Chat and REST channel through nginx: {url}/\n"
                  f"  REST channel  {url}/webhooks/rest/webhook ({stack.processes} Rasa processes, round robin)\n"
                  f"  Logs in {stack.log_dir}/ and {stack.state_dir / 'nginx'}/access.log\n"
                  f"Stop with: make scaled-stop")
        elif args.command == "stop":
            stack.stop_all()
        else:
            stack.status()
    except (StackError, services.ServiceError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; stopped what this run had started", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
