#!/usr/bin/env python3
"""Print the development log-ins and API tokens as JSON (`make demo-credentials`).

{"<intermediary id>": {"username", "password", "token"}, ..., "programmabureau": {...}, "campaign": {...}}
They are recomputed from SECRET_KEY and INTERMEDIARIES_FILE exactly as the web service seeds
them at start-up in ENVIRONMENT=development (api/identity/service.py). Run with
.venv/api/bin/python from the repository root.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.identity.service import dev_credentials  # noqa: E402
from api.settings import get_settings  # noqa: E402


def main() -> int:
    settings = get_settings()
    if settings.environment != "development":
        print("demo credentials exist only in ENVIRONMENT=development", file=sys.stderr)
        return 1
    print(json.dumps(dev_credentials(settings), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
