"""The intermediary registry as the programme office keeps it (seeded from INTERMEDIARIES_FILE)."""
