"""People and places as authorities: the authority window and a person's page."""
