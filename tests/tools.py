"""Helpers for tests that need outside tools (LibreOffice, poppler, PostgreSQL)."""

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of a command-line tool; in CI (CI=true) a missing tool fails the test."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed; .ci/run must install it")
        pytest.skip(f"{name} is not installed")
    return path
