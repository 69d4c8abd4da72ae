"""The command line: `python main.py SUBCOMMAND …` (the contract is in DESIGN.md)."""

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError, InputError
from briefing.store import redact

log = logging.getLogger("briefing")
Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; return the exit status (0 ok, 1 a user-facing error)."""
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 1
    try:
        handler: Handler = args.handler
        return handler(args)
    except BriefingError as exc:
        print(f"briefing: {redact(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:
        log_file = Path(tempfile.gettempdir()) / "briefing-error.log"
        logging.basicConfig(filename=log_file, level=logging.ERROR)
        log.exception("unexpected error")
        print(
            f"briefing: unexpected error ({type(exc).__name__}); "
            f"details are in {log_file}. Please report it.",
            file=sys.stderr,
        )
        return 2


def _utf8_streams() -> None:
    # Names such as 韩正 must print on Windows consoles too.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    from briefing.cli_commands import register

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Compose briefing notes from source articles, every quote cited.",
    )
    parser.add_argument(
        "--db", help="library file path or SQLAlchemy URL (default: $BRIEFING_DB, then user data)"
    )
    sub = parser.add_subparsers(metavar="COMMAND")
    register(sub)
    return parser


def print_json(data: Any) -> None:
    """Print `data` as UTF-8 JSON."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def parse_span(value: str) -> tuple[int, int]:
    """'START:END' to a pair of offsets."""
    try:
        start, end = (int(part) for part in value.split(":"))
    except ValueError:
        raise InputError(f"'{value}' is not a span; write START:END, such as 120:180.") from None
    if start < 0 or end <= start:
        raise InputError(f"Span {value} is empty or negative; END must be greater than START.")
    return start, end
