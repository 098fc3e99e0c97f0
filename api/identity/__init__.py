"""Who may do what, for the portal and the campaign dashboard alike: accounts with an Argon2 password,
browser sessions, the log-in limits, API tokens and the roles (intermediary, programme office, campaign)."""
