"""`make bench`: runs every tests/bench/bench_*.py module's run() and prints a table."""

import importlib
import sys
import time
from pathlib import Path


def main() -> int:
    """Run each benchmark module; a failing one is reported and the rest still run."""
    folder = Path(__file__).parent
    failed = 0
    for path in sorted(folder.glob("bench_*.py")):
        name = f"tests.bench.{path.stem}"
        started = time.perf_counter()
        try:
            rows = importlib.import_module(name).run()
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            print(f"{path.stem:<28} FAILED: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        for label, figure in rows:
            print(f"{label:<52} {figure}")
        print(f"{'':<52} ({path.stem} took {time.perf_counter() - started:.1f} s)")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
