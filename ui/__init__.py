"""The PySide6 desktop GUI: a thin layer over briefing's API."""
