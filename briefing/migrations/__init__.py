"""Alembic migrations for the library schema (SQLite and PostgreSQL)."""
