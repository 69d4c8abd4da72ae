"""Extraction speed: a 1,000-word article and a 1 MB input, built from the test articles."""

import datetime
import sys
import time
from collections.abc import Callable
from pathlib import Path

if not __package__:  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.extract import extract
from tests.core.extract.gold import load_articles

_DAY = datetime.date(2024, 1, 1)


def _corpus() -> str:
    return "\n\n".join(a.text for a in load_articles())


def _article(words: int) -> str:
    """About `words` words of article text: the test articles cycled and cut at a paragraph."""
    paragraphs = _corpus().split("\n\n")
    out: list[str] = []
    count = 0
    while count < words:
        para = paragraphs[len(out) % len(paragraphs)]
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out)


def _megabyte() -> str:
    corpus = _corpus()
    return "\n\n".join([corpus] * (1_000_000 // len(corpus) + 1))[:1_000_000]


def _best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` timings: the least disturbed by other processes."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> list[tuple[str, str]]:
    """Return (label, figure) rows for the bench report."""
    article = _article(1000)
    small = _best_of(20, lambda: extract(article, _DAY))
    big = _megabyte()
    large = _best_of(3, lambda: extract(big, _DAY))
    return [
        (f"extract: 1,000-word article ({len(article):,} chars)", f"{small * 1000:.1f} ms"),
        ("extract: 1 MB input", f"{len(big) / large / 1e6:.2f} MB/s"),
    ]


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label}: {figure}")
