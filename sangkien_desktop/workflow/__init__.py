"""The support team's workflow: states and allowed moves as a table, and the service that moves."""
