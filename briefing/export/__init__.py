"""Exporters that turn a BriefView into a Word or PDF document."""
