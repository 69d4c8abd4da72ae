"""Fact candidates: sentences scored by who/what/when/where/how-many, boilerplate left out."""

import bisect
import re

from briefing.extract.lexicon import UPPER_CLASS
from briefing.extract.model import DateMention, Fact
from briefing.extract.names import NameMention

# Publisher notes, bylines and page furniture (issue: boilerplate is never a fact).
_BOILERPLATE = re.compile(
    r"(?i)this story has not been edited|auto-generated from a syndicated feed|"
    r"all rights reserved|\bcopyright\b|\u00a9|\(reporting by|^reporting by|editing by|"
    r"writing by|additional reporting|contributed (?:to )?this report|click here|"
    r"\bsign up\b|\bsubscribe\b|read more|follow (?:us|him|her) on|trust principles|"
    r"^advertisement|image caption|getty images|ap photo|file photo|^related:|"
    r"^by [A-Z][a-z]+ [A-Z]|newsletter|cookie|this article (?:was|has been) (?:updated|amended)|"
    r"^(?:photo|image|video|source|credit)s?:"
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens?|percent)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:in|at|from|near|to) (?:the )?" + UPPER_CLASS)
_WORD = re.compile(r"\w+")


def _inside(starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _quoted_share(masked: str, a: int, b: int) -> float:
    return masked.count("XXXX", a, b) * 4 / max(1, b - a)


def _score(text: str, masked: str, span: tuple[int, int], hints: dict[str, list[int]]) -> float:
    a, b = span
    words = len(_WORD.findall(text, a, b))
    score = 0.1
    score += 0.3 if _inside(hints["who"], a, b) else 0.0
    score += 0.2 if _inside(hints["when"], a, b) else 0.0
    score += 0.2 if _NUMBER.search(masked, a, b) else 0.0
    score += 0.15 if _PLACE.search(masked, a, b) else 0.0
    score += 0.05 if a < hints["lede"][0] else 0.0
    if words < 8:
        score *= 0.4
    elif words > 60:
        score *= 0.7
    if _quoted_share(masked, a, b) > 0.5:
        score *= 0.5
    return round(min(1.0, score), 3)


def find_facts(
    text: str,
    masked: str,
    sentences: list[tuple[int, int]],
    mentions: list[NameMention],
    dates: tuple[DateMention, ...],
) -> list[Fact]:
    """Return scored fact candidates, best first (ties in text order)."""
    first_para = text.find("\n\n")
    hints = {
        "who": [m.start for m in mentions if len(m.tokens) > 1 or m.person],
        "when": [d.start for d in dates],
        "lede": [first_para if first_para >= 0 else len(text)],
    }
    facts = []
    for a, b in sentences:
        if b - a < 20 or _BOILERPLATE.search(text, a, b):
            continue
        facts.append(Fact(text[a:b], a, b, _score(text, masked, (a, b), hints)))
    facts.sort(key=lambda f: (-f.score, f.start))
    return facts
