"""Entry point: no arguments opens the app; a sub-command runs the command line."""

import sys


def run() -> int:
    """Dispatch to the GUI or the CLI."""
    args = sys.argv[1:]
    if not args:
        from ui.app import run_gui

        return run_gui()
    from briefing.cli import main

    status: int = main(args)
    return status


if __name__ == "__main__":
    sys.exit(run())
