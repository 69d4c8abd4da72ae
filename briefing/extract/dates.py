"""stub"""
import datetime
from briefing.extract.model import DateMention
def find_dates(text: str, published: datetime.date | None) -> list[DateMention]:
    return []
def resolve_date() -> None: ...
