"""Help: the offline manual and the About box."""
