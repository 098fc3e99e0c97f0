"""The web service's settings are read in one place (api/settings.py) and each is documented in the
README's table "The web service's settings", with its default."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HEADING = "### The web service's settings"


def readme_table() -> dict[str, str]:
    """variable -> default, from the README's table of the web service's settings."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HEADING in text, f"README.md has no section '{HEADING}'"
    section = text.split(HEADING, 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([A-Z0-9_]+)` \| ([^|]*) \|", section, re.M)
    assert len(rows) == len({name for name, _ in rows}), "a variable has two rows"
    return {name: default.strip() for name, default in rows}


def test_every_setting_has_a_row_and_every_row_a_setting():
    documented = set(readme_table())
    fields = {name.upper() for name in Settings.model_fields}
    assert fields - documented == set(), "settings without a row in README.md"
    assert documented - fields == set(), "rows in README.md that are no setting"


def test_the_documented_numbers_and_switches_are_the_defaults():
    table = readme_table()
    for name, field in Settings.model_fields.items():
        default, shown = field.default, table[name.upper()]
        if isinstance(default, bool):
            assert shown.startswith("on" if default else "off"), (name, shown)
        elif isinstance(default, (int, float)):
            assert shown.split()[0] == f"{default:g}", (name, shown, default)
        elif default is None:
            assert shown.startswith(("none", "on in production")), (name, shown)


READERS = {"environ", "environb", "getenv", "getenvb", "BaseSettings", "dotenv_values", "load_dotenv"}


def test_nothing_else_in_the_web_service_reads_the_environment():
    """os.environ, os.getenv, another pydantic BaseSettings or a .env reader anywhere but api/settings.py."""
    readers = []
    for path in sorted((ROOT / "api").rglob("*.py")):
        if path == ROOT / "api" / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names = {node.attr}
            elif isinstance(node, ast.Name):
                names = {node.id}
            elif isinstance(node, ast.ImportFrom):
                names = {alias.name for alias in node.names}
            else:
                continue
            if names & READERS:
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert readers == []
