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
