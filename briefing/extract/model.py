"""The frozen result types of extraction and their JSON form (DESIGN.md `extract --json`).

Quote, Fact and DateMention are made by the ten thousand for a long text. Their
`__init__` fills the instance dict directly: the one dataclasses writes for a frozen
class calls object.__setattr__ per field, twice as slow (issue 3: speed). Fields and
`__init__` parameters must stay in step; test_model checks they do.
"""

from dataclasses import dataclass


@dataclass(frozen=True, init=False)
class Quote:
    """A passage in quotation marks; `text` is the inner span `source[start:end]`.

    A quotation running over paragraphs is one Quote whose text keeps the paragraph
    breaks and the opening mark of each later paragraph. `rule` says how the speaker was
    found, for the GUI's tooltip:

    - ``cue-after``: a cue right after the quote (`"…," Smith said` / `said Smith`);
    - ``cue-before``: a cue earlier in its sentence (`Smith said the plan was "…"`);
    - ``colon-intro``: a cue or subject ending in a colon (`Smith told reporters: "…"`);
    - ``according-to``: `according to Smith, "…"` / `in the words of Smith`;
    - ``pronoun``: the cue's subject was he/she/they, resolved to a person or group;
    - ``continuation``: no cue; the speaker of the quote just before goes on;
    - ``neighbour-sentence``: no cue; the person the sentence before is about;
    - ``repeated``: a crosshead quote; the speaker of the later quote repeating its words;
    - ``none``: nobody could be linked (speaker is None).
    """

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_role: str | None
    cue: str | None
    partial: bool
    rule: str

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        speaker: str | None,
        speaker_role: str | None,
        cue: str | None,
        partial: bool,
        rule: str,
    ) -> None:
        d = self.__dict__
        d["text"], d["start"], d["end"], d["speaker"] = text, start, end, speaker
        d["speaker_role"], d["cue"], d["partial"], d["rule"] = speaker_role, cue, partial, rule

    def to_json(self) -> dict[str, object]:
        """Return the DESIGN.md quote object plus the `partial` and `rule` extras."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "cue": self.cue,
            "partial": self.partial,
            "rule": self.rule,
        }


@dataclass(frozen=True, init=False)
class Fact:
    """A sentence that carries who/what/when/where/how many, scored 0..1."""

    text: str
    start: int
    end: int
    score: float

    def __init__(self, text: str, start: int, end: int, score: float) -> None:
        d = self.__dict__
        d["text"], d["start"], d["end"], d["score"] = text, start, end, score

    def to_json(self) -> dict[str, object]:
        """Return the DESIGN.md fact object."""
        return {"text": self.text, "start": self.start, "end": self.end, "score": self.score}


@dataclass(frozen=True, init=False)
class DateMention:
    """A date expression and its ISO resolution (day, month, year or START/END)."""

    text: str
    start: int
    end: int
    resolved: str

    def __init__(self, text: str, start: int, end: int, resolved: str) -> None:
        d = self.__dict__
        d["text"], d["start"], d["end"], d["resolved"] = text, start, end, resolved

    def to_json(self) -> dict[str, object]:
        """Return the DESIGN.md date object."""
        return {"text": self.text, "start": self.start, "end": self.end, "resolved": self.resolved}


@dataclass(frozen=True)
class Person:
    """A person the source names: fullest name, stated role, other forms used."""

    name: str
    role: str | None
    aliases: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """Return the roster entry as a JSON object."""
        return {"name": self.name, "role": self.role, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one source's normalized text."""

    quotes: tuple[Quote, ...]
    facts: tuple[Fact, ...]
    dates: tuple[DateMention, ...]
    people: tuple[Person, ...]

    def to_json(self) -> dict[str, object]:
        """Return {"quotes", "facts", "dates", "people"} with DESIGN.md field names."""
        return {
            "quotes": [q.to_json() for q in self.quotes],
            "facts": [f.to_json() for f in self.facts],
            "dates": [d.to_json() for d in self.dates],
            "people": [p.to_json() for p in self.people],
        }
