"""The intermediaries' portal (/portaal): log-in, their own leads with the intake, and the programme office's
pages (registry, tokens, deliveries, audit log, trajectories). The JSON API for their own systems is in
api/leads/routes.py."""
