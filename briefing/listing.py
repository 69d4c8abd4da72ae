"""Light reads for views that refresh often: table rows and a brief's version, nothing more."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from briefing.models import Brief, Source


@dataclass(frozen=True)
class SourceSummary:
    """What a source list shows of one source: never its text or original bytes."""

    id: int
    title: str
    outlet: str | None
    published: dt.date | None
    grade_source: str | None
    grade_info: int | None

    @property
    def grade(self) -> str:
        """The grade as printed, e.g. "B2", or "" (as briefing.library.grade_label)."""
        if self.grade_source is None:
            return ""
        return f"{self.grade_source}{self.grade_info or ''}"


def source_summaries(session: Session, offset: int = 0, limit: int = 200) -> list[SourceSummary]:
    """The newest version of every source, newest publication first (as list_sources)."""
    newest = (
        select(func.max(Source.id))
        .group_by(func.coalesce(Source.version_of, Source.id))
        .scalar_subquery()
    )
    stmt = (
        # SQLAlchemy's select: sqlmodel's is typed for at most four columns.
        select_columns(
            col(Source.id),
            col(Source.title),
            col(Source.outlet),
            col(Source.published),
            col(Source.grade_source),
            col(Source.grade_info),
        )
        .where(col(Source.id).in_(newest))
        .order_by(col(Source.published).desc(), col(Source.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return [SourceSummary(*row) for row in session.execute(stmt)]


def brief_version(session: Session, brief_id: int) -> int | None:
    """A brief's row version (cheap: for noticing edits made elsewhere), None if deleted."""
    stmt = select(Brief.row_version).where(Brief.id == brief_id)
    return session.exec(stmt).first()
