"""Benchmark: PDF export and one-page fit measuring (targets: 150 ms export, 50 ms measure)."""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.export.pdf import export_pdf, measure_fit
from tests.core.export.conftest import build_seed_brief, with_extra_facts

RUNS = 7


def _median_ms(action: Callable[[], object]) -> str:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return f"{statistics.median(times) * 1000:.0f} ms"


def run() -> list[tuple[str, str]]:
    """Median wall times of several in-process runs, as (label, value) rows."""
    seed = build_seed_brief()  # 9 items: 2 quotes, 3 facts, 4 notes
    larger = with_extra_facts(seed, 31)  # 40 items
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.pdf"
        start = time.perf_counter()
        export_pdf(seed, target)  # the first export loads and indexes the shipped fonts
        rows.append(("export pdf: first in process (loads fonts)", _ms(start)))
        pages = export_pdf(seed, target, appendix=False).pages
        rows.append(
            (
                f"export pdf: 9-item brief, {pages} page(s), no appendix",
                _median_ms(lambda: export_pdf(seed, target, appendix=False)),
            )
        )
        pages = export_pdf(seed, target).pages
        rows.append(
            (
                f"export pdf: 9-item brief + appendix, {pages} pages",
                _median_ms(lambda: export_pdf(seed, target)),
            )
        )
        pages = export_pdf(larger, target).pages
        rows.append(
            (
                f"export pdf: 40-item brief + appendix, {pages} pages",
                _median_ms(lambda: export_pdf(larger, target)),
            )
        )
        rows.append(
            (
                "export pdf: 9-item one-pager",
                _median_ms(lambda: export_pdf(seed, target, one_page=True)),
            )
        )
    rows.append(("measure one-page fit: 9-item brief", _median_ms(lambda: measure_fit(seed))))
    rows.append(("measure one-page fit: 40-item brief", _median_ms(lambda: measure_fit(larger))))
    return rows


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"


if __name__ == "__main__":
    for label, value in run():
        print(f"{label}\t{value}")
