"""BriefDetailsDialog: a brief's title, author, dates, audience, marking and options."""

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from briefing.cite import STYLES
from briefing.templates import TEMPLATES
from briefing.views import BriefView

TEXT_FIELDS = (
    ("title", "Title"),
    ("author", "Author"),
    ("audience", "Audience"),
    ("purpose", "Purpose"),
    ("marking", "Marking"),
)
FLAG_FIELDS = (
    ("portion_marks", "Portion marks"),
    ("show_grades", "Show source grades"),
    ("show_resolved_dates", "Show resolved dates"),
)


def choose_brief(parent: QWidget, briefs: list[tuple[int, str]]) -> int | None:
    """Ask which brief to open (most recent first); its id, or None when cancelled."""
    labels = [f"{title}  (#{brief_id})" for brief_id, title in briefs]
    label, ok = QInputDialog.getItem(parent, "Open brief", "Brief:", labels, 0, False)
    return briefs[labels.index(label)][0] if ok and label in labels else None


class BriefDetailsDialog(QDialog):
    """Edits brief metadata; `changes()` is what differs from the brief it started from."""

    def __init__(self, brief: BriefView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Brief details" if brief else "New brief")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)
        self._start = self._values_of(brief)
        form = QFormLayout(self)
        self.texts = {name: QLineEdit(str(self._start[name])) for name, _ in TEXT_FIELDS}
        for name, label in TEXT_FIELDS:
            self.texts[name].setAccessibleName(label)
            form.addRow(label + ":", self.texts[name])
        self.automatic = QCheckBox("Automatic (newest cited source)")
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName("As of")
        self._set_as_of(self._start["as_of"])
        form.addRow("As of:", self.as_of)
        form.addRow("", self.automatic)
        self.template = self._combo("Template", list(TEMPLATES), self._start["template"])
        self.citation = self._combo("Citation style", list(STYLES), self._start["citation_style"])
        if brief is not None:
            # compose.update_brief renames the template only; the sections stay as they are.
            self.template.setToolTip(
                "Sets the layout (one-pager: fitted to one page). Your sections stay as they are."
            )
        form.addRow("Template:", self.template)
        form.addRow("Citation style:", self.citation)
        self.flags = {name: QCheckBox(label) for name, label in FLAG_FIELDS}
        for name, box in self.flags.items():
            box.setChecked(bool(self._start[name]))
            box.setAccessibleName(box.text())
            form.addRow("", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.automatic.toggled.connect(self.as_of.setDisabled)

    @staticmethod
    def _values_of(brief: BriefView | None) -> dict[str, Any]:
        if brief is None:
            return {
                "title": "",
                "author": "",
                "audience": "",
                "purpose": "",
                "marking": "",
                "as_of": None,
                "template": "standard",
                "citation_style": "chicago",
                "portion_marks": False,
                "show_grades": False,
                "show_resolved_dates": False,
            }
        values = {name: getattr(brief, name) for name, _ in TEXT_FIELDS + FLAG_FIELDS}
        values.update(
            as_of=brief.as_of, template=brief.template, citation_style=brief.citation_style
        )
        return values

    def _set_as_of(self, day: dt.date | None) -> None:
        self.automatic.setChecked(day is None)
        self.as_of.setDisabled(day is None)
        today = dt.date.today()
        self.as_of.setDate(
            QDate(day.year, day.month, day.day)
            if day
            else QDate(today.year, today.month, today.day)
        )

    def _combo(self, label: str, keys: list[str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(label)
        names = STYLES if label == "Citation style" else {k: k for k in keys}
        for key in keys:
            combo.addItem(names.get(key, key), key)
        combo.setCurrentIndex(max(0, keys.index(current) if current in keys else 0))
        return combo

    def values(self) -> dict[str, Any]:
        """Every field as the dialog now shows it."""
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self.texts.items()}
        values.update({name: box.isChecked() for name, box in self.flags.items()})
        values["as_of"] = None if self.automatic.isChecked() else self.as_of.date().toPython()
        values["template"] = self.template.currentData()
        values["citation_style"] = self.citation.currentData()
        return values

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the brief the dialog opened with."""
        return {k: v for k, v in self.values().items() if v != self._start.get(k)}
