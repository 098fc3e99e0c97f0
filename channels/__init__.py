"""Rasa input channels of this project (loaded by Rasa through credentials.yml)."""
