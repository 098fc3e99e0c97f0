"""The analytics routers; api/main.py mounts them: events ingest, JSON summary, dashboard pages."""
