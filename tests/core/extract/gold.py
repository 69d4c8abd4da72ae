"""Gold articles (NAME.txt + NAME.json) and a small quote/speaker/date scorer for them."""

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.extract import Extraction, extract
from briefing.normalize import normalize_text

ARTICLES = Path(__file__).resolve().parent / "articles"
_HEADER = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\s*")
_QUOTE_MARKS = str.maketrans(dict.fromkeys("“”„«»", '"') | dict.fromkeys("‘’`", "'"))
_TOKEN = re.compile(r"\w+(?:'\w+)*")
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"}
_LEADING = {"a", "an", "the"}
_PREPOSITIONS = {"on", "in", "at", "by", "of", "during", "since", "from", "until"}


@dataclass
class Article:
    """One gold article: its normalized text, publication date and annotations."""

    name: str
    text: str
    published: datetime.date
    gold: dict[str, Any]


def load_article(txt: Path) -> Article:
    """Read NAME.txt ("date YYYY-MM-DD" header, blank line, body) and NAME.json."""
    raw = txt.read_text(encoding="utf-8")
    header = _HEADER.match(raw)
    assert header, f"{txt.name} lacks its 'date YYYY-MM-DD' header"
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    published = datetime.date.fromisoformat(header.group(1))
    return Article(txt.stem, normalize_text(raw[header.end() :]), published, gold)


def load_articles(folder: Path = ARTICLES) -> list[Article]:
    """Every NAME.txt with a NAME.json beside it, sorted by name."""
    return [
        load_article(t) for t in sorted(folder.glob("*.txt")) if t.with_suffix(".json").exists()
    ]


def tokens(text: str | None) -> list[str]:
    """Case-, quote-mark- and punctuation-insensitive word tokens."""
    norm = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_MARKS).casefold()
    return _TOKEN.findall(norm)


def quote_score(pred: str, gold: str) -> float:
    """0 when two quote texts do not match; higher for closer matches."""
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return 0.0
    if p == g:
        return 3.0
    joined_p, joined_g = f" {' '.join(p)} ", f" {' '.join(g)} "
    if joined_g in joined_p and (len(g) >= 3 or len(p) <= len(g) + 3):
        return 2.0 + len(g) / len(p)
    if joined_p in joined_g and (len(p) >= 3 or len(p) >= len(g) / 2):
        return 2.0 + len(p) / len(g)
    jaccard = len(set(p) & set(g)) / len(set(p) | set(g))
    return 1.0 + jaccard if jaccard >= 0.8 else 0.0


def speaker_key(name: str | None) -> str:
    """A speaker name without accents, punctuation, leading articles or honorifics."""
    folded = unicodedata.normalize("NFKD", name or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", folded.replace("'s ", " ").replace("\u2019s ", " "))
    while words and (words[0] in _LEADING or words[0] in _HONORIFICS):
        words.pop(0)
    return " ".join(words)


def date_key(text: str) -> list[str]:
    """Date text tokens without a leading preposition."""
    words = tokens(text)
    while words and words[0] in _PREPOSITIONS:
        words.pop(0)
    return words


@dataclass
class Score:
    """Counts summed over articles, with the mismatches kept for messages."""

    tp: int = 0
    fp: int = 0
    tp_core: int = 0
    fn: int = 0
    speaker_ok: int = 0
    dates: int = 0
    dates_ok: int = 0
    offsets_bad: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp_core / (self.tp_core + self.fn) if self.tp_core + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.tp if self.tp else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_ok / self.dates if self.dates else 0.0


def _match(preds: list[str], golds: list[str]) -> dict[int, int]:
    """Greedy one-to-one matching, best pairs first: {gold index: prediction index}."""
    pairs = sorted(
        (-s, gi, pi)
        for gi, g in enumerate(golds)
        for pi, p in enumerate(preds)
        if (s := quote_score(p, g)) > 0
    )
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in out and pi not in out.values():
            out[gi] = pi
    return out


def _interval(value: str) -> tuple[datetime.date, datetime.date] | None:
    first, _, last = value.partition("/")
    try:
        if not last:
            last = first
        return _bounds(first)[0], _bounds(last)[1]
    except ValueError:
        return None


def _bounds(value: str) -> tuple[datetime.date, datetime.date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return datetime.date(parts[0], parts[1], 1), nxt - datetime.timedelta(days=1)
    return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)


def _date_ok(resolved: str, gold: dict[str, Any]) -> bool:
    accepted = [gold["resolved"], *gold.get("accept", [])]
    return resolved in accepted or any(_interval(resolved) == _interval(a) for a in accepted)


def _date_candidates(result: Extraction, key: list[str]) -> list[Any]:
    """Dates whose text equals the gold text, or else contains it or lies inside it."""
    exact = [d for d in result.dates if date_key(d.text) == key]
    if exact:
        return exact
    joined = f" {' '.join(key)} "
    return [
        d
        for d in result.dates
        if (got := f" {' '.join(date_key(d.text))} ") != "  " and (joined in got or got in joined)
    ]


def score_article(article: Article, result: Extraction, into: Score) -> None:
    """Add one article's counts (and its mismatches) to `into`."""
    gold_quotes = article.gold["quotes"]
    pairs = _match([q.text for q in result.quotes], [g["text"] for g in gold_quotes])
    core = [i for i, g in enumerate(gold_quotes) if not g.get("partial")]
    into.tp += len(pairs)
    into.fp += len(result.quotes) - len(pairs)
    into.tp_core += sum(1 for i in core if i in pairs)
    into.fn += sum(1 for i in core if i not in pairs)
    for gi, pi in pairs.items():
        got, want = result.quotes[pi].speaker, gold_quotes[gi]["speaker"]
        if speaker_key(got) == speaker_key(want):
            into.speaker_ok += 1
        else:
            into.problems.append(f"{article.name}: speaker {got!r} != {want!r}")
    used = set(pairs.values())
    into.problems += [
        f"{article.name}: spurious {q.text!r}" for i, q in enumerate(result.quotes) if i not in used
    ]
    into.problems += [
        f"{article.name}: missed {gold_quotes[i]['text']!r}" for i in core if i not in pairs
    ]
    for q in result.quotes:
        into.offsets_bad += article.text[q.start : q.end] != q.text
    for g in article.gold["dates"]:
        into.dates += 1
        found = _date_candidates(result, date_key(g["text"]))
        if any(_date_ok(d.resolved, g) for d in found):
            into.dates_ok += 1
        else:
            into.problems.append(
                f"{article.name}: date {g['text']!r} -> {[d.resolved for d in found]}"
            )


def score(articles: list[Article]) -> Score:
    """Run the extractor over `articles` and score it against their gold."""
    total = Score()
    for article in articles:
        score_article(article, extract(article.text, article.published), total)
    return total
