"""Alembic environment: runs on the connection that briefing.store hands over."""

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import briefing.models  # noqa: F401 - registers the tables on SQLModel.metadata

connection: Connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
