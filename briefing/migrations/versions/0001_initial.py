"""Initial schema: sources, briefs, sections, items and full-text search.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("outlet", sa.String),
        sa.Column("author", sa.String),
        sa.Column("url", sa.String, index=True),
        sa.Column("published", sa.Date),
        sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True, index=True),
        sa.Column("original", sa.LargeBinary, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("version_of", sa.Integer, sa.ForeignKey("source.id"), index=True),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("grade_source", sa.String(1)),
        sa.Column("grade_info", sa.Integer),
        sa.Column("extraction_json", sa.Text),
        sa.Column("extractor_version", sa.String(32)),
    )
    op.create_table(
        "brief",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("purpose", sa.String, nullable=False, server_default=""),
        sa.Column("audience", sa.String, nullable=False, server_default=""),
        sa.Column("author", sa.String, nullable=False, server_default=""),
        sa.Column("as_of", sa.Date),
        sa.Column("marking", sa.String, nullable=False, server_default=""),
        sa.Column("portion_marks", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("template", sa.String, nullable=False, server_default="standard"),
        sa.Column("citation_style", sa.String, nullable=False, server_default="chicago"),
        sa.Column("show_grades", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("show_resolved_dates", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "section",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "brief_id",
            sa.Integer,
            sa.ForeignKey("brief.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("budget_lines", sa.Integer),
    )
    op.create_table(
        "item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "section_id",
            sa.Integer,
            sa.ForeignKey("section.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("paraphrase", sa.Text),
        sa.Column("speaker", sa.String),
        sa.Column("speaker_role", sa.String),
        sa.Column("portion_mark", sa.String(32)),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id"), index=True),
        sa.Column("anchor_start", sa.Integer),
        sa.Column("anchor_end", sa.Integer),
        sa.Column("anchor_exact", sa.Text),
        sa.Column("anchor_prefix", sa.Text),
        sa.Column("anchor_suffix", sa.Text),
        sa.Column("orphaned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    else:
        _postgres_fts()


def _sqlite_fts() -> None:
    # External-content FTS5 index kept in step with `source` by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE source_fts USING fts5("
        "title, text, content='source', content_rowid='id', tokenize='unicode61', "
        "prefix='2 3 4')"
    )
    op.execute(
        "CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN "
        "INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN "
        "INSERT INTO source_fts(source_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER source_fts_au AFTER UPDATE OF title, text ON source BEGIN "
        "INSERT INTO source_fts(source_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )


def _postgres_fts() -> None:
    # A generated tsvector column; 'simple' keeps names and non-English words intact.
    # Typographic quotes become spaces first: under some locales the parser would
    # glue them to the word they touch ("“the").
    marks = "“”‘’«»„‚"
    clean = "translate(coalesce({col}, ''), '" + marks + "', '" + " " * len(marks) + "')"
    op.execute(
        "ALTER TABLE source ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('simple', {clean.format(col='title')}), 'A') || "
        f"setweight(to_tsvector('simple', {clean.format(col='text')}), 'B')) STORED"
    )
    op.execute("CREATE INDEX source_search_idx ON source USING GIN (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS source_fts")
    op.drop_table("item")
    op.drop_table("section")
    op.drop_table("brief")
    op.drop_table("source")
