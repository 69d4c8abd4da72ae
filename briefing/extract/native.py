"""The extractor compiled to C with mypyc, used only while it matches the source.

The extraction modules are plain, fully typed Python. `make` compiles them with mypyc
(part of mypy) into `build/native/` beside the package, which runs them about 1.4x
faster (issue 3: >= 2 MB/s). `activate` puts that folder first on the package's
search path only when its stamp matches the current sources and interpreter, so an
edited module never runs stale machine code; otherwise the plain modules run, with the
same output. BRIEFING_PURE=1 forces the plain modules.

`make native` (run by `make run`, `make test` and `make bench`) builds it; that needs mypy
and a C compiler, and without them the plain modules run.
"""

import hashlib
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Every module but this one, __init__ (it runs activate) and model (its result types keep
# a plain instance dict, which compiled classes do not have).
MODULES = (
    "dates", "descriptors", "facts", "lexicon", "names", "pipeline", "quotes", "references",
    "date_values", "roster", "scan", "sentences", "speakers", "subjectlike", "subjects",
    "tense",
)  # fmt: skip
BUILD = PACKAGE.parents[1] / "build" / "native"
_STAMP = "stamp.txt"
_GROUP = "briefing.extract._native"  # the shared library's name, inside this package


def stamp(package: Path = PACKAGE) -> str:
    """A digest of the compiled modules' source and of the interpreter's binary ABI."""
    digest = hashlib.sha256(str(sysconfig.get_config_var("EXT_SUFFIX")).encode())
    for name in MODULES:
        digest.update(name.encode())
        digest.update((package / f"{name}.py").read_bytes())
    return digest.hexdigest()


def is_fresh(build: Path = BUILD, package: Path = PACKAGE) -> bool:
    """True when `build` holds modules compiled from the current sources for this Python."""
    try:
        built = (build / _STAMP).read_text(encoding="ascii").strip()
    except OSError:
        return False
    return built == stamp(package)


def activate(search_path: list[str], build: Path = BUILD) -> bool:
    """Put the compiled modules ahead of the plain ones in `search_path` if they are fresh."""
    if os.environ.get("BRIEFING_PURE") or not is_fresh(build):
        return False
    search_path.insert(0, str(build))
    return True


def active() -> bool:
    """True when this process runs the compiled extractor."""
    from briefing.extract import speakers

    return not str(speakers.__file__).endswith(".py")


def build(target: Path = BUILD) -> None:
    """Compile MODULES into `target` (replaced whole, so a failed build leaves no mix)."""
    from mypyc.build import mypycify  # a build tool: imported only to build
    from setuptools import Distribution  # type: ignore[import-untyped]

    root = PACKAGE.parents[1]
    with tempfile.TemporaryDirectory(prefix="briefing-native-") as tmp:
        work = Path(tmp)
        sources = [str((PACKAGE / f"{name}.py").relative_to(root)) for name in MODULES]
        here = Path.cwd()
        os.chdir(root)  # mypyc names modules by their path from the project root
        try:
            modules = mypycify(
                sources, opt_level="3", group_name=_GROUP, target_dir=str(work / "c")
            )
            dist = Distribution({"name": "briefing-native", "ext_modules": modules})
            dist.script_args = [
                "build_ext", "--build-lib", str(work / "lib"), "--build-temp", str(work / "obj")
            ]  # fmt: skip
            dist.parse_command_line()
            dist.run_commands()
        finally:
            os.chdir(here)
        staged = work / "native"
        staged.mkdir()
        for built in (work / "lib" / "briefing" / "extract").iterdir():
            shutil.copy2(built, staged / built.name)
        (staged / _STAMP).write_text(stamp() + "\n", encoding="ascii")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staged), target)


def _quietly(log: Path) -> None:
    """Build with the compiler's chatter (it writes to the file descriptors) sent to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("w", encoding="utf-8") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
        try:
            build()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def main() -> int:
    """Build unless the build is fresh (`make native`); a failed build is reported, not fatal."""
    if is_fresh():
        return 0
    log = BUILD.parent / "native.log"
    print("Compiling the extractor with mypyc (about a minute, once per change)...")
    try:
        _quietly(log)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure: the plain one runs
        print(f"Could not compile the extractor ({exc!r}; see {log}); plain Python runs, slower.")
        return 0
    print(f"Compiled the extractor into {BUILD}.")
    return 0
