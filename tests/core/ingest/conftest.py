"""Fixtures for the ingest tests."""

import pathlib
from collections.abc import Callable

import pytest


@pytest.fixture
def write(tmp_path: pathlib.Path) -> Callable[[str, bytes], pathlib.Path]:
    """Write bytes to a file in tmp_path and return its path."""

    def _write(name: str, data: bytes) -> pathlib.Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write
