"""The service's routers; main.py mounts them with their prefixes and tags."""
