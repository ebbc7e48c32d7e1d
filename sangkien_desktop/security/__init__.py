"""Trust and safety: the hash-chained audit trail, local users and their roles."""
