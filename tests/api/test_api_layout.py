"""The shape of api/: one package per area with the same file names, every router wired in api/main.py, table
modules named models.py, and no import cycle among the web service's modules."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
API = ROOT / "api"
MODULES = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
           for path in sorted(API.rglob("*.py")) if "static" not in path.parts}
MODELS = sorted(name for name in MODULES if name.endswith(".models"))


def imports_of(module: str) -> set[str]:
    """Every api module that `module` names in an import: at the top, in a function or for type checking alike
    (a package's `__init__` counts as the package)."""
    edges = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                     for alias in node.names]
        else:
            names = []
        edges |= {name for name in names if name in MODULES and name != module}
    return edges


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_among_the_web_services_modules():
    graph = {module: imports_of(module) for module in MODULES}
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_model_modules_import_only_the_database_and_other_models():
    for module in MODELS:
        allowed = {name for name in imports_of(module) if name == "api.db" or name.endswith(".models")}
        assert imports_of(module) == allowed, module


@pytest.mark.parametrize("module", MODELS)
def test_each_model_module_imports_alone_in_a_fresh_interpreter(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}; from api.db import load_models; load_models(); "
                                                 "from sqlalchemy.orm import configure_mappers; configure_mappers()"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_tables_live_in_models_py_and_routers_in_routes_py():
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                  and any(isinstance(base, ast.Name) and base.id == "Base" for base in node.bases)]
        routers = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                   and getattr(node.func, "id", None) == "APIRouter"]
        assert not tables or module.endswith(".models"), (module, tables)
        assert not routers or module.endswith(".routes"), module


def test_every_router_is_wired_in_main_and_only_there():
    from api import main

    routes = {name for name in MODULES if name.endswith(".routes")}
    wired = {router_module for router_module in routes
             if sys.modules.get(router_module) is not None
             and getattr(sys.modules[router_module], "router", None) in main.ROUTERS}
    assert wired == routes
    including = [module for module, path in MODULES.items() if "include_router(" in path.read_text(encoding="utf-8")]
    assert including == ["api.main"]
