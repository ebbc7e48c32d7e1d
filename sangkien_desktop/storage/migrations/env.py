"""Alembic environment: runs on the connection ``open_database`` hands over, or on the URL."""

from alembic import context
from sqlalchemy import create_engine

from sangkien_desktop.storage.database import managed_by_models
from sangkien_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=managed_by_models,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
