"""The app's typed settings: defaults, descriptions, and where they are stored."""

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

ENV_VAR = "BRIEFING_DB"  # the same variable briefing.store reads


@dataclass(frozen=True)
class Settings:
    """User settings (window geometry and other visual state live in QSettings)."""

    db: str | None = field(
        default=None,
        metadata={"help": "Library path or SQLAlchemy URL; None means the user data folder."},
    )
    autosave_ms: int = field(
        default=700,
        metadata={"help": "How long an inline edit may sit before it is saved, in ms."},
    )
    recent_limit: int = field(
        default=8, metadata={"help": "How many briefs the Open Recent menu lists."}
    )
    search_delay_ms: int = field(
        default=150, metadata={"help": "Typing pause before the library search runs, in ms."}
    )

    def db_url(self) -> str:
        """The library URL: $BRIEFING_DB wins over the stored setting, then the default."""
        from briefing.store import resolve_db_url  # the database stack loads after the window

        return resolve_db_url(os.environ.get(ENV_VAR) or self.db)


def settings_path() -> Path:
    """Where the settings file lives (platformdirs' user config folder)."""
    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "settings.json"


def describe() -> dict[str, str]:
    """Each setting's name and what it means."""
    return {f.name: str(f.metadata.get("help", "")) for f in fields(Settings)}


def load_settings(path: Path | None = None) -> Settings:
    """The stored settings; unknown keys and unreadable files fall back to defaults."""
    target = path or settings_path()
    try:
        data: Any = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values = {k: v for k, v in data.items() if k in known}
    try:
        return replace(Settings(), **values)
    except TypeError:
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (temp file, then rename)."""
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    tmp.replace(target)
