"""Delivery of leads to intermediaries: e-mail and signed webhooks from a stored outbox, retried until done."""
