"""The fast paths of the extractor agree with the plain regex scans they replace."""

import random
import re

import pytest

from briefing.extract import dates, facts, names, quotes, sentences, speakers, subjects, tense
from briefing.extract.lexicon import UPPER_CLASS
from briefing.normalize import paragraphs
from tests.core.extract.gold import load_articles

_PIECES = [
    "ago", " ", " ", "the weekend", "Monday", "mid", "2024", "5", "\u0663", "x", "a", "(",
    "-", ".", "!", "?", "\u2026", '"', "\u201c", "\u201d", "'", "\n", "\n\n", ",", ";",
    "after", "but", "that's", "band", "é", "_", " one ", "two", "dozens", "Mr", "He",
]  # fmt: skip


def _samples(count: int = 2000) -> list[str]:
    rnd = random.Random(11)
    out = [a.text for a in load_articles()]
    out += ["".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(0, 40))) for _ in range(count)]
    return out


@pytest.fixture(scope="module")
def samples() -> list[str]:
    return _samples()


def test_date_triggers_match_the_word_boundary_scan(samples: list[str]) -> None:
    plain = re.compile(r"\b" + dates._TRIGGER)
    for text in samples:
        assert dates._triggers(text) == [(m.start(), m.group()) for m in plain.finditer(text)]


def test_last_clause_opener_matches_a_forward_scan(samples: list[str]) -> None:
    forward = re.compile(r"[,;]|\b(?:after|before|when|while|because|but|and|that|since)\b")
    rnd = random.Random(5)
    for text in samples:
        lo = rnd.randrange(len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        ends = [m.end() for m in forward.finditer(text, lo, hi)]
        last = tense._LAST_CLAUSE_START.match(text, lo, hi)
        assert (last.end() if last else lo) == (ends[-1] if ends else lo)


def test_number_words_match_one_search_per_word(samples: list[str]) -> None:
    for text in samples:
        hits = []
        for word in facts._NUMBER_WORDS:  # what one str.find pass per word found
            i = text.find(f" {word} ")
            while i >= 0:
                hits.append(i)
                i = text.find(f" {word} ", i + 1)
        hits.sort()
        assert [m.start() for m in facts._NUMBER_WORD.finditer(text)] == hits


def test_sentence_ends_match_the_per_paragraph_scan(samples: list[str]) -> None:
    def plain(masked: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans = []
        for a, b in paras:
            dateline = sentences._DATELINE.match(masked, a, b)
            pos = dateline.end() if dateline else a
            for m in sentences._END.finditer(masked, a, b):
                if sentences._is_end(masked, m):
                    spans.append((pos, m.end()))
                    pos = m.end() + 1
            if pos < b:
                spans.append((pos, b))
        return spans

    for text in samples:
        paras = paragraphs(text)
        assert sentences.sentence_spans(text, paras) == plain(text, paras)


def test_double_marks_match_a_character_class_scan(samples: list[str]) -> None:
    marks = re.compile("[" + quotes._DOUBLE_MARKS + "]")
    for text in samples:
        assert quotes._double_marks(text) == [m.start() for m in marks.finditer(text)]


def test_capitalised_runs_match_the_lookahead_scan() -> None:
    plain = re.compile(rf"(?={UPPER_CLASS}){names._TOKEN}(?:{names._JOIN}{names._TOKEN})*")
    pieces = [
        "Mr", "Mrs", "Ms", "Mme", "Dr", "Prof", "Sen", "St", "Sr", "Sgt", "Capt", "Col", "Jr",
        "Lt", "Gov", "Gen", "Rep", "Rev", ".", " ", "A", "B.", "al-", "Smith", "de", "van",
        "x", "\n", "'", "\u2019", "-", "\u00c9", "\u00e9", "iPhone", "O'Brien", " & ",
    ]  # fmt: skip
    rnd = random.Random(9)
    texts = [a.text for a in load_articles()]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(12))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in names._RUN.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_clause_breaks_match_the_plain_alternation(samples: list[str]) -> None:
    plain = re.compile(r"[,;(\u2014]| but | and (?![A-Z])| that | while | as | because ")
    pieces = [" but ", " and ", " And ", "that ", " while", " as ", "because ", ",", ";", "(",
              "\u2014", " ", "x", "A"]  # fmt: skip
    rnd = random.Random(4)
    texts = samples + ["".join(rnd.choice(pieces) for _ in range(12)) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in speakers._CLAUSE_BREAK.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_subject_words_match_the_plain_alternation(samples: list[str]) -> None:
    plain = re.compile(r"(?:[A-Z]\.){2,}|[\w'\u2019\-]+|[^\w\s]")
    pieces = ["U.S.", "A.", "B", ".", " ", "x", "'", "\u2019", "-", ",", "\u00e9", "\n", "_"]
    rnd = random.Random(6)
    texts = samples + ["".join(rnd.choice(pieces) for _ in range(12)) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in subjects._WORD.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
