"""The public interface other modules code against, and its JSON form."""

import dataclasses
import datetime
import gc
import inspect
import json
import os
import subprocess
import sys
import time

import pytest

from briefing.extract import EXTRACTOR_VERSION, DateMention, Extraction, Fact, Quote, extract
from tests.conftest import REPO
from tests.core.extract.gold import load_articles


def test_version_is_a_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str)
    assert EXTRACTOR_VERSION


def test_to_json_matches_the_design_contract() -> None:
    text = '"We are ready," Mayor Ann Lee said on Monday.'
    data = extract(text, datetime.date(2024, 3, 14)).to_json()
    assert set(data) == {"quotes", "facts", "dates", "people"}
    quote = data["quotes"][0]  # type: ignore[index]
    assert set(quote) == {
        "text",
        "start",
        "end",
        "speaker",
        "speaker_role",
        "cue",
        "partial",
        "rule",
    }
    assert json.loads(json.dumps(data)) == data


def test_empty_and_quote_free_text() -> None:
    assert extract("", None) == Extraction((), (), (), ())
    assert extract("Nothing to see here.", None).quotes == ()


def test_unbalanced_marks_do_not_crash() -> None:
    for text in ['"', '""', "\u201c\u201c\u201d", "'", "He said \u201cyes.\n\nNo.", '" a " b " c']:
        for q in extract(text, None).quotes:
            assert text[q.start : q.end] == q.text


def test_results_are_deterministic() -> None:
    article = load_articles()[0]
    assert extract(article.text, article.published) == extract(article.text, article.published)


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        extract(text, datetime.date(2024, 1, 1))
        best = min(best, time.perf_counter() - start)
    return best


def test_time_grows_linearly_with_the_input() -> None:
    # A ratio, not a time limit (speed figures are in `make bench`): four times the text
    # must take about four times as long; anything quadratic would take sixteen.
    body = "\n\n".join(a.text for a in load_articles())
    ratio = _best_time("\n\n".join([body] * 4)) / _best_time(body)
    assert ratio < 8, f"4x the input took {ratio:.1f}x as long"


def test_output_does_not_depend_on_the_hash_seed() -> None:
    code = (
        "import datetime, json, sys; from briefing.extract import extract; "
        "from tests.core.extract.gold import load_articles; "
        "print(json.dumps([extract(a.text, a.published).to_json() for a in load_articles()]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True, text=True, check=True, cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(outputs) == 1


def test_result_types_take_every_field_and_stay_frozen() -> None:
    # Their __init__ is hand-written for speed: it must list exactly the dataclass fields.
    for cls in (Quote, Fact, DateMention):
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(inspect.signature(cls).parameters) == names
        values = {name: f"v{k}" for k, name in enumerate(names)}
        made = cls(**values)  # type: ignore[arg-type]
        assert dataclasses.asdict(made) == values
        assert made == cls(*values.values())  # type: ignore[arg-type]
        assert hash(made) == hash(cls(**values))  # type: ignore[arg-type]
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 1  # type: ignore[misc]


def test_extraction_leaves_the_cycle_collector_as_it_found_it() -> None:
    text = '"We are ready," Mayor Ann Lee said on Monday.'
    assert gc.isenabled()
    extract(text, None)
    assert gc.isenabled()
    gc.disable()
    try:
        extract(text, None)
        assert not gc.isenabled()
    finally:
        gc.enable()
