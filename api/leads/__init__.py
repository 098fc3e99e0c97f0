"""Leads: the routing decision (preview), the hand-over with consent, the intake, and the work on a lead,
scoped to its intermediary."""
