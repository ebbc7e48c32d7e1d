"""Storage: engine and sessions, ORM models, migrations, queries and search."""

from sangkien_desktop.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
