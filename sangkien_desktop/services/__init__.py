"""Services the GUI and the CLI both call: units, members, initiatives, demo data."""
