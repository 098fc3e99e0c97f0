"""Small helpers shared by several test folders (import as `tests.support`)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str, module_name: str) -> ModuleType:
    """Imports a file of scripts/ (not a package) under a name of its own, registered in sys.modules."""
    spec = importlib.util.spec_from_file_location(module_name, ROOT / relative)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {relative} as a module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# The web service in the tests runs as `make run` starts it: explicitly in development, reached on
# loopback, with the action server's token (BOT_TOKEN) on the bot's requests.
TEST_BOT_TOKEN = "bot-token-of-the-tests-0123456789abcdefgh"
LOOPBACK_URL = "http://127.0.0.1"


def bot_headers(token: str = TEST_BOT_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def local_client(app, *, bot: bool = True, **kwargs):
    """A TestClient reaching the app on loopback; with bot=True it sends the bot's token, as the action server does."""
    from fastapi.testclient import TestClient

    kwargs.setdefault("base_url", LOOPBACK_URL)
    headers = {**(bot_headers() if bot else {}), **kwargs.pop("headers", {})}
    return TestClient(app, headers=headers, **kwargs)


# --- settings in one place per process, each documented in the README ------------------------

READERS = {"environ", "environb", "getenv", "getenvb", "BaseSettings", "dotenv_values", "load_dotenv"}


def readme_table(heading: str) -> dict[str, str]:
    """variable -> default, from the README's table under `heading` (up to the next heading)."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert heading in text, f"README.md has no section '{heading}'"
    section = text.split(heading, 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([A-Z0-9_]+)` \| ([^|]*) \|", section, re.M)
    assert len(rows) == len({name for name, _ in rows}), "a variable has two rows"
    return {name: default.strip() for name, default in rows}


def undocumented_differences(heading: str, settings_class: type) -> list[str]:
    """How the README's table and a frozen dataclass of settings (a field per variable) differ:
    variables missing on either side, and defaults the table shows otherwise."""
    import dataclasses

    table = readme_table(heading)
    found = dataclasses.fields(settings_class)
    names = {field.name.upper() for field in found}
    problems = [f"{name}: no row in README.md" for name in sorted(names - set(table))]
    problems += [f"{name}: a row in README.md but no setting" for name in sorted(set(table) - names)]
    for field in found:
        shown = table.get(field.name.upper())
        if shown is None:
            continue
        default = field.default
        if isinstance(default, bool):
            ok = shown.startswith("on" if default else "off")
        elif isinstance(default, (int, float)):
            ok = shown.split()[0] == f"{default:g}"
        elif default is None:
            ok = shown.startswith("none")
        elif isinstance(default, Path):
            ok = f"`{default.relative_to(ROOT)}`" in shown
        else:
            ok = f"`{default}`" in shown or shown.split()[0] == str(default)
        if not ok:
            problems.append(f"{field.name.upper()}: README.md shows {shown!r}, the default is {default!r}")
    return problems


def environment_readers(paths: list[Path], allowed: dict[Path, set[str]] | None = None) -> list[str]:
    """Where these files read the environment (os.environ, os.getenv, pydantic's BaseSettings, .env
    readers): "path:line", except inside the classes or functions named in `allowed` per file."""
    import ast

    allowed = allowed or {}
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name in allowed.get(path, set()):
                skipped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                names = {node.attr}
            elif isinstance(node, ast.Name):
                names = {node.id}
            elif isinstance(node, ast.ImportFrom):
                names = {alias.name for alias in node.names}
            else:
                continue
            if names & READERS and node.lineno not in skipped:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found
