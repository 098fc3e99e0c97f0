"""The scaled stack, shared with the other scaled-profile folders (tests/scale/stack_fixture.py)."""
from tests.scale.stack_fixture import stack  # noqa: F401
