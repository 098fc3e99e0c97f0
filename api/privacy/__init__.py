"""Privacy (AVG/GDPR): the owner's erasure of a conversation and the retention job for closed leads."""
