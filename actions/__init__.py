"""Rasa SDK actions: thin adapters between the conversation and bot/ and the web service."""
