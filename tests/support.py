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
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
