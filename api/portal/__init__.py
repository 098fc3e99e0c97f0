"""The intermediaries' portal: log-in, their own leads with the intake, the programme office's
registry, and the JSON API for their own systems."""
