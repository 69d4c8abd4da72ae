"""Extraction speed: a 1,000-word article and a 1 MB input, built from the test articles."""

import datetime
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

if not __package__:  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.extract import extract, native
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


def _figures() -> tuple[float, float]:
    """(seconds for the 1,000-word article, MB/s on the 1 MB input) in this process."""
    article = _article(1000)
    small = _best_of(20, lambda: extract(article, _DAY))
    big = _megabyte()
    large = _best_of(3, lambda: extract(big, _DAY))
    return small, len(big) / large / 1e6


def _plain_figures() -> tuple[float, float]:
    """The same figures for the plain Python extractor, measured in a child process."""
    code = "from tests.bench.bench_extract import _figures; print(*_figures())"
    env = {**os.environ, "BRIEFING_PURE": "1"}
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    small, rate = out.stdout.split()
    return float(small), float(rate)


def run() -> list[tuple[str, str]]:
    """Return (label, figure) rows for the bench report."""
    kind = "compiled" if native.active() else "plain Python"
    small, rate = _figures()
    rows = [
        (f"extract ({kind}): 1,000-word article", f"{small * 1000:.1f} ms"),
        (f"extract ({kind}): 1 MB input", f"{rate:.2f} MB/s"),
    ]
    if native.active():
        small, rate = _plain_figures()
        rows += [
            ("extract (plain Python): 1,000-word article", f"{small * 1000:.1f} ms"),
            ("extract (plain Python): 1 MB input", f"{rate:.2f} MB/s"),
        ]
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label}: {figure}")
