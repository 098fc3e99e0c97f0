"""The `stack` fixture of tests/scale/scale_stack.py, shared by tests/scale, tests/faults and tests/badinput.

Each folder's conftest.py imports it; the test modules `import scan_scale_stack as kit`.
"""
from __future__ import annotations

import sys

import pytest

from tests.support import load_script


def _shared():
    """One module object for all three folders, so they share one stack."""
    if "scan_scale_stack" not in sys.modules:
        load_script("tests/scale/scale_stack.py", "scan_scale_stack")
    return sys.modules["scan_scale_stack"]


kit = _shared()


@pytest.fixture(scope="session")
def stack():
    yield kit.acquire()
    kit.release()
