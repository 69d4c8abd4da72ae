"""Library benchmarks: import throughput (1,000 articles) and search latency (10,000)."""

import random
import statistics
import tempfile
import time
from pathlib import Path

from briefing.ingest import read_bytes
from briefing.library import add_sources
from briefing.store import open_engine, read_session, search_sources


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    # Pseudo-words with a Zipf-like spread: a few common words, a long tail of rare
    # ones, like the vocabulary of real news.
    syllables = ["ka", "lo", "mi", "ten", "sar", "vo", "rel", "da", "pin", "tro", "gu", "shen"]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return sorted(words)


_VOCAB = _vocabulary(random.Random(3))
_WEIGHTS = [1 / (rank + 1) for rank in range(len(_VOCAB))]
_CONTENT, _CONTENT_WEIGHTS = _VOCAB[100:], _WEIGHTS[100:]


def _article(rng: random.Random, n: int) -> bytes:
    paragraphs = []
    for _ in range(6):
        words = rng.choices(_VOCAB, _WEIGHTS, k=28)
        paragraphs.append(" ".join(words).capitalize() + ".")
    quote = f'"We will {rng.choice(_VOCAB)} the {rng.choice(_VOCAB)}," Minister Alex Doe{n} said.'
    return f"date 2024-03-{1 + n % 28:02d}\n\nHeadline {n}\n\n{quote}\n\n".encode() + (
        "\n\n".join(paragraphs).encode()
    )


def bench_import(count: int = 1000, batch: int = 1) -> float:
    """Articles per second through the whole import path (parse, normalize, store).

    `batch` articles are stored per transaction: 1 is a file at a time, more is
    how `import` and the window's import store many files at once.
    """
    rng = random.Random(7)
    blobs = [_article(rng, n) for n in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{Path(tmp) / 'b.sqlite3'}")
        started = time.perf_counter()
        for first in range(0, count, batch):
            drafts = [read_bytes(blobs[n], f"a{n}.txt") for n in range(first, first + batch)]
            add_sources(engine, drafts)
        elapsed = time.perf_counter() - started
        engine.dispose()
    return count / elapsed


def bench_search(count: int = 10_000, queries: int = 200) -> tuple[float, float]:
    """Median and p95 search latency in milliseconds over a library of `count` articles."""
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{Path(tmp) / 's.sqlite3'}")
        _bulk_fill(engine, rng, count)
        times = []
        with read_session(engine) as session:
            for _ in range(queries):
                # Staffers search for names and topics, not for "the": content words only.
                query = " ".join(rng.choices(_CONTENT, _CONTENT_WEIGHTS, k=rng.randint(1, 2)))
                started = time.perf_counter()
                search_sources(session, query, limit=50)
                times.append((time.perf_counter() - started) * 1000)
        engine.dispose()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def bench_search_everything(count: int = 10_000) -> float:
    """Milliseconds for the worst case: a word that every article contains."""
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{Path(tmp) / 'w.sqlite3'}")
        _bulk_fill(engine, rng, count)
        with read_session(engine) as session:
            started = time.perf_counter()
            search_sources(session, _VOCAB[0], limit=50)
            elapsed = (time.perf_counter() - started) * 1000
        engine.dispose()
    return elapsed


def _bulk_fill(engine: object, rng: random.Random, count: int) -> None:
    # One transaction for speed: this measures search, not import.
    from briefing.library import content_hash
    from briefing.models import Source
    from briefing.normalize import normalize_text
    from briefing.store import write_session

    assert hasattr(engine, "connect")
    with write_session(engine) as session:  # type: ignore[arg-type]
        for n in range(count):
            text = normalize_text(_article(rng, n).decode())
            session.add(
                Source(
                    title=f"Headline {n}",
                    text=text,
                    content_hash=content_hash(text),
                    original=b"",
                    format="text",
                )
            )


def run() -> list[tuple[str, str]]:
    """Rows for `make bench`."""
    one_by_one = bench_import()
    batched = bench_import(batch=100)
    median, p95 = bench_search()
    return [
        ("import: 1,000 articles, one per transaction", f"{one_by_one:,.0f} articles/s"),
        ("import: 1,000 articles, 100 files per import (>= 300/s)", f"{batched:,.0f} articles/s"),
        ("search: 10,000 articles, median", f"{median:.2f} ms"),
        ("search: 10,000 articles, p95 (target <= 20 ms)", f"{p95:.2f} ms"),
        ("search: a word in every one of 10,000 articles", f"{bench_search_everything():.1f} ms"),
    ]


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<52} {figure}")
