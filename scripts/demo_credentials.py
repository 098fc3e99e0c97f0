#!/usr/bin/env python3
"""Print the development log-ins and API tokens as JSON (`make demo-credentials`).

{"<intermediary id>": {"username", "password", "token"}, ..., "programmabureau": {...}}
They are recomputed from SECRET_KEY and INTERMEDIARIES_FILE exactly as the web service seeds
them at start-up in ENVIRONMENT=development. When api.analytics.credentials exists, its
campaign_credentials(settings) is merged in (the campaign dashboard's log-in). Run with
.venv/api/bin/python from the repository root.
"""
from __future__ import annotations

import importlib
import inspect
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.portal.seed import dev_credentials  # noqa: E402
from api.settings import get_settings  # noqa: E402


def campaign_credentials(settings) -> dict:
    try:
        module = importlib.import_module("api.analytics.credentials")
    except ModuleNotFoundError as error:
        if error.name and not "api.analytics.credentials".startswith(error.name):
            raise
        return {}
    function = module.campaign_credentials
    return dict(function(settings) if inspect.signature(function).parameters else function())


def main() -> int:
    settings = get_settings()
    if settings.environment != "development":
        print("demo credentials exist only in ENVIRONMENT=development", file=sys.stderr)
        return 1
    credentials = dev_credentials(settings)
    credentials.update(campaign_credentials(settings))
    print(json.dumps(credentials, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
