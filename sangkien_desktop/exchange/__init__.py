"""Signed export bundles (BagIt zip files) and the upper-level union that verifies and combines
them. ``docs/bundle-format.md`` describes the file format.

The services the GUI and the CLI share:

- ``keys``: the unit's Ed25519 key (create, back up, restore) and the keys of units trusted;
- ``export``: ``export_bundle`` writes the pending initiatives into a signed bundle,
  ``confirm_uploaded`` marks a bundle's initiatives as on the national portal;
- ``verify``: ``verify_bundle`` checks a bundle without writing outside a temporary folder;
- ``combine``: ``import_bundles`` verifies and imports bundles into an upper-level database;
- ``upper``: totals, participation and the quarterly ranking of the units that sent bundles,
  and their Excel report.
"""
