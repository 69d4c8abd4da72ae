"""Benchmark: DOCX export of a 40-item brief (target: 150 ms or less, median)."""

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.export.docx import export_docx
from briefing.views import (
    Anchor,
    BriefView,
    ItemView,
    SectionView,
    SourceRef,
    Verification,
)

ITEMS = 40
RUNS = 7
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_8f921f06db5edd0a.txt"
KINDS = ("quote", "fact", "fact", "note")


def _source() -> SourceRef:
    text = SEED.read_text(encoding="utf-8").split(" ", 2)[2].lstrip()
    return SourceRef(
        id=1,
        root_id=1,
        version=1,
        title="Top US diplomat Blinken meets China's VP Han at UN amid strained ties",
        outlet="Devdiscourse",
        author=None,
        url="https://www.devdiscourse.com/article/law-order/2598694",
        published=dt.date(2023, 9, 19),
        retrieved_at=dt.datetime(2023, 9, 20, tzinfo=dt.UTC),
        grade="B2",
        text=text,
    )


def _item(number: int, source: SourceRef) -> ItemView:
    kind = KINDS[number % len(KINDS)]
    sentences = [s for s in source.text.split(". ") if len(s) > 40]
    exact = sentences[number % len(sentences)][:120]
    start = source.text.index(exact)
    anchor = Anchor(1, start, start + len(exact), exact, "", "")
    return ItemView(
        id=number,
        section_id=number % 4,
        position=number,
        kind=kind,
        text=exact if kind != "note" else f"Note {number}: follow up with 王毅's office.",
        paraphrase=None,
        speaker="Antony Blinken" if kind == "quote" else None,
        speaker_role="U.S. Secretary of State" if kind == "quote" else None,
        portion_mark=None,
        anchor=None if kind == "note" else anchor,
        verification=Verification(ok=True),
        orphaned=False,
    )


def brief(items: int = ITEMS) -> BriefView:
    """A brief of `items` items in four sections, citing the seed article."""
    source = _source()
    all_items = [_item(n, source) for n in range(items)]
    sections = tuple(
        SectionView(
            s, f"Section {s + 1}", s, None, tuple(i for i in all_items if i.section_id == s)
        )
        for s in range(4)
    )
    now = dt.datetime(2023, 9, 20, tzinfo=dt.UTC)
    return BriefView(
        id=1, title="Benchmark brief", purpose="Timing", audience="Engineers", author="Bench",
        as_of=dt.date(2023, 9, 20), marking="UNCLASSIFIED", portion_marks=True,
        template="standard", citation_style="chicago", show_grades=True,
        show_resolved_dates=False, row_version=1, created_at=now, updated_at=now,
        sections=sections, sources={1: source},
    )  # fmt: skip


def run() -> list[tuple[str, str]]:
    """Median wall time of several exports of a 40-item brief, as (label, value) rows."""
    view = brief()
    wall, cpu = [], []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.docx"
        export_docx(view, target)  # warm-up: imports and template caches
        for _ in range(RUNS):
            started, started_cpu = time.perf_counter(), time.process_time()
            export_docx(view, target)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    # CPU time too: on a busy machine wall time mostly measures the other processes.
    return [
        (f"export docx: {ITEMS}-item brief", f"{statistics.median(wall) * 1000:.0f} ms"),
        (f"export docx: {ITEMS}-item brief (CPU)", f"{statistics.median(cpu) * 1000:.0f} ms"),
    ]


if __name__ == "__main__":
    for label, value in run():
        print(f"{label}\t{value}")
