"""Briefing composer core: sources, extraction, briefs and exports, with no Qt."""

__version__ = "0.1.0"
