"""The audit log: who saw or changed what, in ids and codes only."""
