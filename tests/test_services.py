"""scripts/services.py against stand-in servers: start, wait, status, stop, failures.

The stand-ins are tiny HTTP servers installed as .venv/*/bin/rasa and uvicorn in a
temporary root, so the launcher's real process handling is exercised in about a second.
"""
from __future__ import annotations

import io
import json
import os
import sys
import textwrap
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support import load_script

ROOT = Path(__file__).resolve().parent.parent
if TYPE_CHECKING:  # the same file, which mypy finds on its path (scripts/)
    import services
else:
    services = load_script("scripts/services.py", "scan_services")

STAND_IN = textwrap.dedent("""\
    #!{python}
    import http.server, json, os, sys
    args = sys.argv[1:]
    if os.environ.get("STAND_IN_FAIL", "\\0") in " ".join([os.path.basename(sys.argv[0])] + args):
        print("stand-in failing on purpose", flush=True)
        sys.exit(3)
    flag = "--port" if "--port" in args else "-p"
    port = int(args[args.index(flag) + 1])
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({{"path": self.path, "argv": args, "env": {{k: os.environ.get(k) for k in
                ("ACTION_ENDPOINT_URL", "WEB_URL", "RASA_URL", "PUBLIC_BASE_URL", "SANIC_HOST", "DATABASE_URL")}}}})
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body.encode())
        def log_message(self, *a):
            pass
    http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """)


@pytest.fixture
def settings(tmp_path) -> Iterator[services.Settings]:
    for venv, name in (("bot", "rasa"), ("bot", "python"), ("api", "uvicorn")):
        exe = tmp_path / ".venv" / venv / "bin" / name
        exe.parent.mkdir(parents=True, exist_ok=True)
        exe.write_text(STAND_IN.format(python=sys.executable))
        exe.chmod(0o755)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "scan.tar.gz").write_bytes(b"stand-in")
    (tmp_path / "credentials.yml").write_text("rest:\n")
    (tmp_path / "endpoints.yml").write_text("action_endpoint:\n  url: ${ACTION_ENDPOINT_URL}\n")
    ports = dict(zip(["rasa", "actions", "web"], services.free_ports(3)))
    made = services.Settings(root=tmp_path, state_dir=tmp_path / "var", ports=ports,
                             bot_venv=tmp_path / ".venv" / "bot", api_venv=tmp_path / ".venv" / "api",
                             model_dir=tmp_path / "models", timeout=20,
                             extra_env={"DATABASE_URL": "sqlite:///x.db"})
    yield made
    services.stop(made, out=io.StringIO())


def fetch(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def test_start_wires_the_services_together_then_stop_ends_them(settings):
    urls = services.start(settings, out=io.StringIO())
    rasa, actions, web = (fetch(urls[name] + "/") for name in ("rasa", "actions", "web"))
    assert rasa["env"]["ACTION_ENDPOINT_URL"] == f"{urls['actions']}/webhook"
    assert rasa["argv"][:4] == ["-m", "channels.server", "run", "--enable-api"]
    assert "--auth-token" not in rasa["argv"]
    assert rasa["argv"][rasa["argv"].index("-i") + 1] == "127.0.0.1"
    assert actions["env"]["WEB_URL"] == urls["web"] and actions["env"]["SANIC_HOST"] == "127.0.0.1"
    assert web["env"]["RASA_URL"] == urls["rasa"] and web["env"]["PUBLIC_BASE_URL"] == urls["web"]
    assert web["env"]["DATABASE_URL"] == "sqlite:///x.db"
    assert services.status(settings, out=io.StringIO()) == {"web": "up", "actions": "up", "rasa": "up"}
    pids = [json.loads((settings.run_dir / f"{n}.pid").read_text())["pid"] for n in urls]

    assert sorted(services.stop(settings, out=io.StringIO())) == ["actions", "rasa", "web"]
    assert not any(services.is_alive(pid) for pid in pids)
    assert not list(settings.run_dir.glob("*.pid"))
    assert services.status(settings, out=io.StringIO()) == {"web": "stopped", "actions": "stopped", "rasa": "stopped"}


def test_second_start_reuses_running_services(settings):
    services.start(settings, out=io.StringIO())
    first = (settings.run_dir / "rasa.pid").read_text()
    out = io.StringIO()
    services.start(settings, out=out)
    assert "already runs" in out.getvalue()
    assert (settings.run_dir / "rasa.pid").read_text() == first


def test_a_crashing_service_is_reported_with_its_log_and_the_rest_is_stopped(settings, monkeypatch):
    monkeypatch.setenv("STAND_IN_FAIL", "channels.server run --enable-api")
    with pytest.raises(services.ServiceError) as error:
        services.start(settings, out=io.StringIO())
    assert "Rasa server stopped during start-up" in str(error.value)
    assert "stand-in failing on purpose" in str(error.value)
    assert not list(settings.run_dir.glob("*.pid"))
    assert all(services.port_is_free(port) for port in settings.ports.values())


def test_a_busy_port_is_refused_with_the_variable_to_change(settings):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", settings.ports["web"]))
        busy.listen()
        with pytest.raises(services.ServiceError, match="WEB_PORT"):
            services.start(settings, out=io.StringIO())


def test_stop_leaves_a_reused_pid_alone(settings):
    settings.run_dir.mkdir(parents=True)
    # our own pid, but recorded with another start time: not a process we started
    (settings.run_dir / "rasa.pid").write_text(json.dumps({"pid": os.getpid(), "started": "1"}))
    assert services.stop(settings, out=io.StringIO()) == []


def test_production_requires_a_token_and_passes_it_to_rasa(settings):
    settings.production = True
    with pytest.raises(services.ServiceError, match="RASA_TOKEN"):
        services.plan(settings)
    settings.rasa_token = "s3cret"
    rasa = services.plan(settings)["rasa"]
    assert rasa.command[rasa.command.index("--auth-token") + 1] == "s3cret"
    assert rasa.health_url.endswith("/status?token=s3cret")


def test_quoted_variables_in_endpoints_are_refused(settings):
    (settings.root / "endpoints.yml").write_text('action_endpoint:\n  url: "${ACTION_ENDPOINT_URL}"\n')
    with pytest.raises(services.ServiceError, match="unquoted"):
        services.start(settings, out=io.StringIO())


def test_settings_read_ports_and_mode_from_the_environment():
    made = services.Settings.from_env({"RASA_PORT": "6005", "ACTIONS_PORT": "6055", "WEB_PORT": "9000",
                                       "MAIL_PORT": "2025", "ENVIRONMENT": "production", "RASA_TOKEN": "t"})
    assert made.ports == {"rasa": 6005, "actions": 6055, "web": 9000, "mail": 2025}
    assert made.production and made.rasa_token == "t"
    assert "mail" not in services.plan(made)  # production sends to a real SMTP server
    assert services.Settings.from_env({}).ports == {"rasa": 5005, "actions": 5055, "web": 8000, "mail": 1025}


def test_a_new_model_restarts_only_the_rasa_server(settings):
    services.start(settings, out=io.StringIO())
    before = {n: json.loads((settings.run_dir / f"{n}.pid").read_text())["pid"] for n in ("rasa", "web")}
    model = settings.model_dir / "scan.tar.gz"
    os.utime(model, ns=(model.stat().st_atime_ns, model.stat().st_mtime_ns + 10**9))
    out = io.StringIO()
    services.start(settings, out=out)
    after = {n: json.loads((settings.run_dir / f"{n}.pid").read_text())["pid"] for n in ("rasa", "web")}
    assert "Rasa server restarts" in out.getvalue()
    assert after["web"] == before["web"] and after["rasa"] != before["rasa"]
    assert not services.is_alive(before["rasa"])


def test_the_launchers_settings_are_read_in_one_place_and_each_has_a_row_in_the_readme():
    from tests.support import ROOT, environment_readers, undocumented_differences

    assert undocumented_differences("### The launcher's settings", services.Environment) == []
    launcher = [ROOT / "scripts" / "services.py", ROOT / "scripts" / "scaled.py"]
    allowed = {launcher[0]: {"Environment", "inherited_environment"}}
    assert environment_readers(launcher, allowed) == []
    assert environment_readers([ROOT / "scripts" / "setup_env.py"]) != []  # the check finds a reader


def test_a_bad_value_names_its_variable():
    with pytest.raises(services.ServiceError, match="WEB_PORT"):
        services.Settings.from_env({"WEB_PORT": "achtduizend"})
    assert services.Environment.read({"ENVIRONMENT": "Production"}).production
