"""Tests for briefing.ingest."""
