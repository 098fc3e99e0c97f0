"""Campaign analytics: anonymous conversation events in, the campaign dashboard and its JSON/CSV out.

No personal data ever enters these tables: events carry ids, codes, levels and scores only.
"""
