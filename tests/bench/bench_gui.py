"""GUI benchmarks: time until the window is visible, on the seed library and on 10,000 sources."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

REPO = Path(__file__).resolve().parents[2]
RUNS = 3
# Runs in a fresh interpreter so imports count, as they do when a user starts the app.
_PROBE = """
import time
started = time.perf_counter()
import json, sys
from PySide6.QtWidgets import QApplication
from ui import window as shell
seen = {}
show = shell.MainWindow.show
def timed_show(self):
    show(self)
    QApplication.processEvents()
    seen["visible"] = time.perf_counter() - started
shell.MainWindow.show = timed_show
from ui.app import start_gui
window = start_gui()
QApplication.processEvents()
ready = time.perf_counter() - started
visible = seen["visible"]
model = window.library.model
began = time.perf_counter()
model.set_query("Blinken")
search = time.perf_counter() - began
model.set_query("")
began = time.perf_counter()
from PySide6.QtCore import QModelIndex
for _ in range(5):
    model.fetchMore(QModelIndex())
scroll = (time.perf_counter() - began) / 5
print(json.dumps({"visible": visible, "ready": ready, "search": search, "batch": scroll,
                  "rows": model.rowCount(), "total": model.total}))
window.close()
"""


def _fill(db: Path, count: int) -> None:
    from briefing.firstrun import open_library
    from briefing.library import content_hash
    from briefing.models import Source
    from briefing.store import write_session

    engine = open_library(str(db))
    rng = random.Random(5)
    words = ["talks", "grain", "envoy", "summit", "tariff", "border", "minister", "ceasefire"]
    with write_session(engine) as session:
        for n in range(count):
            text = f"Headline {n}\n\n" + " ".join(rng.choices(words, k=300))
            session.add(
                Source(
                    title=f"Report {n} on {rng.choice(words)}",
                    text=text,
                    content_hash=content_hash(text),
                    original=b"",
                    format="text",
                )
            )
    engine.dispose()


def _probe(db: Path, config: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DB=str(db))
    env["XDG_CONFIG_HOME"] = str(config)
    env["PYTHONPATH"] = str(REPO)
    results = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best: dict[str, float] = min(results, key=lambda r: r["visible"])
    return best


def run() -> list[tuple[str, str]]:
    """Rows for `make bench`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeded, large = folder / "seed.sqlite3", folder / "large.sqlite3"
        _fill(seeded, 0)
        started = time.perf_counter()
        _fill(large, 10_000)
        filled = time.perf_counter() - started
        small = _probe(seeded, folder / "c1")
        big = _probe(large, folder / "c2")
    return [
        ("gui: window visible, seed library (target <= 1.5 s)", f"{small['visible']:.2f} s"),
        ("gui: seed library, sample brief open and shown", f"{small['ready']:.2f} s"),
        ("gui: window visible, 10,000 sources (target <= 1.5 s)", f"{big['visible']:.2f} s"),
        ("gui: 10,000 sources, library listed and brief shown", f"{big['ready']:.2f} s"),
        ("gui: 10,000 sources, rows loaded at start", f"{big['rows'] - 5 * 200:.0f}"),
        ("gui: 10,000 sources, next batch of 200 rows", f"{big['batch'] * 1000:.1f} ms"),
        ("gui: 10,000 sources, search 'Blinken'", f"{big['search'] * 1000:.1f} ms"),
        ("gui: (filling the 10,000-source library took)", f"{filled:.1f} s"),
    ]


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<56} {figure}")
