"""Liveness and the database check."""
