"""Re-scans: an adviser's invitation, the owner's shared result, the trajectory T0, T1, ..."""
