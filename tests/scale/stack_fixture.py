"""The `stack` fixture of tests/scale/scale_stack.py, shared by tests/scale, tests/faults and tests/badinput.

Each folder's conftest.py imports it; the test modules `import scan_scale_stack as kit`.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().with_name("scale_stack.py")


def _shared():
    """One module object for all three folders, so they share one stack."""
    if "scan_scale_stack" not in sys.modules:
        spec = importlib.util.spec_from_file_location("scan_scale_stack", SHARED)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["scan_scale_stack"]


kit = _shared()


@pytest.fixture(scope="session")
def stack():
    yield kit.acquire()
    kit.release()
