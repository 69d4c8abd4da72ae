"""Icons: the app's own SVGs from resources/icons, with a style fallback."""

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_loaded: dict[str, QIcon] = {}


def icon(name: str, fallback: QIcon) -> QIcon:
    """resources/icons/<name>.svg (loaded once), or `fallback` when it is not there."""
    if name not in _loaded:
        path = ICON_DIR / f"{name}.svg"
        if not path.is_file():
            return fallback
        _loaded[name] = QIcon(str(path))
    return _loaded[name]
