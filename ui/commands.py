"""Undoable edits: each QUndoCommand calls briefing.compose and reports to the document."""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from briefing import compose
from briefing.compose import Change, Removed
from briefing.errors import BriefingError
from ui.document import BriefDocument

log = logging.getLogger(__name__)
EDIT_ITEM_ID = 1


class BriefCommand(QUndoCommand):
    """A brief edit whose redo and undo call compose; a refused edit becomes obsolete."""

    def __init__(self, doc: BriefDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.error: BaseException | None = None

    def _run(self, step: Callable[[], Change]) -> None:
        try:
            change = step()
        except BriefingError as exc:
            self._fail(exc)
            return
        except Exception as exc:
            log.exception("Edit %r failed", self.text())
            self._fail(exc)
            return
        self.doc.applied(change)

    def _fail(self, exc: BaseException) -> None:
        self.error = exc
        self.setObsolete(True)
        self.doc.failed(exc)

    @override
    def redo(self) -> None:
        self._run(self._redo)

    @override
    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> Change:
        raise NotImplementedError

    def _undo(self) -> Change:
        raise NotImplementedError


class AddItemCommand(BriefCommand):
    """Add an excerpt (quote or fact) or a note; undo removes it.

    Redo after undo restores the very row removed, id and all, so later commands on
    the stack that name the item still find it.
    """

    def __init__(self, doc: BriefDocument, text: str, add: Callable[[int], Change]) -> None:
        super().__init__(doc, text)
        self._add = add
        self.item_id = 0
        self.removed: Removed | None = None

    def _redo(self) -> Change:
        if self.removed is not None:
            return compose.restore(self.doc.engine, self.removed, self.doc.version)
        change = self._add(self.doc.version)
        self.item_id = change.ids[0]
        return change

    @override
    def redo(self) -> None:
        super().redo()
        if self.error is None and self.text() == "Add excerpt":
            self.setText(f"Add {self.doc.kind_of(self.item_id)}")

    def _undo(self) -> Change:
        self.removed = compose.remove_item(self.doc.engine, self.item_id, self.doc.version)
        return self.removed.change


def add_excerpt(
    doc: BriefDocument, section: int | str, source_id: int, span: tuple[int, int], kind: str = ""
) -> AddItemCommand:
    """The command adding source text[span] to a section, at its end."""

    def add(version: int, position: int | None = None) -> Change:
        return compose.add_excerpt(
            doc.engine,
            doc.brief_id,
            section,
            source_id,
            *span,
            kind or None,
            position=position,
            expected_version=version,
        )

    return AddItemCommand(doc, f"Add {kind}" if kind else "Add excerpt", add)


def drop_excerpt(
    doc: BriefDocument, section_id: int, source_id: int, span: tuple[int, int], position: int
) -> AddItemCommand:
    """The command adding dragged source text at `position` in a section."""

    def add(version: int) -> Change:
        return compose.add_excerpt(
            doc.engine,
            doc.brief_id,
            section_id,
            source_id,
            *span,
            position=position,
            expected_version=version,
        )

    return AddItemCommand(doc, "Add excerpt", add)


def add_note(doc: BriefDocument, section: int | str, text: str) -> AddItemCommand:
    """The command adding the staffer's note at the end of a section."""

    def add(version: int) -> Change:
        return compose.add_note(doc.engine, doc.brief_id, section, text, expected_version=version)

    return AddItemCommand(doc, "Add note", add)


class EditItemCommand(BriefCommand):
    """Change one field of an item; consecutive edits of the same field merge."""

    def __init__(self, doc: BriefDocument, item_id: int, field: str, value: str) -> None:
        label = {"quote": "Edit quote", "fact": "Edit paraphrase", "note": "Edit note"}
        super().__init__(doc, label.get(doc.kind_of(item_id), "Edit item"))
        self.item_id, self.field, self.value = item_id, field, value
        self.before: dict[str, Any] | None = None

    def _redo(self) -> Change:
        change = compose.edit_item(
            self.doc.engine, self.item_id, self.doc.version, **{self.field: self.value}
        )
        if self.before is None:
            self.before = change.before
        return change

    def _undo(self) -> Change:
        return compose.edit_item(
            self.doc.engine, self.item_id, self.doc.version, **(self.before or {})
        )

    @override
    def id(self) -> int:
        return EDIT_ITEM_ID

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItemCommand) or other.error is not None:
            return False
        if (other.item_id, other.field) != (self.item_id, self.field):
            return False
        self.value = other.value
        return True


class MoveItemCommand(BriefCommand):
    """Move an item within or across sections; undo puts it back."""

    def __init__(self, doc: BriefDocument, item_id: int, section_id: int, position: int) -> None:
        super().__init__(doc, "Move item")
        self.item_id, self.section_id, self.position = item_id, section_id, position
        self.before: dict[str, Any] = {}

    def _redo(self) -> Change:
        change = compose.move_item(
            self.doc.engine, self.item_id, self.section_id, self.position, self.doc.version
        )
        self.before = change.before or {}
        return change

    def _undo(self) -> Change:
        return compose.move_item(
            self.doc.engine,
            self.item_id,
            self.before["section_id"],
            self.before["position"],
            self.doc.version,
        )


class RemoveCommand(BriefCommand):
    """Remove an item or a section; undo restores exactly what was removed."""

    def __init__(self, doc: BriefDocument, what: str, row_id: int) -> None:
        super().__init__(doc, f"Remove {what}")
        self.what, self.row_id = what, row_id
        self.removed: Removed | None = None

    def _redo(self) -> Change:
        remove = compose.remove_section if self.what == "section" else compose.remove_item
        self.removed = remove(self.doc.engine, self.row_id, self.doc.version)
        return self.removed.change

    def _undo(self) -> Change:
        assert self.removed is not None
        return compose.restore(self.doc.engine, self.removed, self.doc.version)


class AddSectionCommand(BriefCommand):
    """Add a section at the end; undo removes it."""

    def __init__(self, doc: BriefDocument, title: str) -> None:
        super().__init__(doc, "Add section")
        self.title = title
        self.section_id = 0
        self.removed: Removed | None = None

    def _redo(self) -> Change:
        if self.removed is not None:  # the same row back, as AddItemCommand does
            return compose.restore(self.doc.engine, self.removed, self.doc.version)
        change = compose.add_section(
            self.doc.engine, self.doc.brief_id, self.title, expected_version=self.doc.version
        )
        self.section_id = change.ids[0]
        return change

    def _undo(self) -> Change:
        self.removed = compose.remove_section(self.doc.engine, self.section_id, self.doc.version)
        return self.removed.change


class RenameSectionCommand(BriefCommand):
    """Give a section a new title; undo restores the old one."""

    def __init__(self, doc: BriefDocument, section_id: int, title: str) -> None:
        super().__init__(doc, "Rename section")
        self.section_id, self.title = section_id, title
        self.old = ""

    def _redo(self) -> Change:
        change = compose.rename_section(
            self.doc.engine, self.section_id, self.title, self.doc.version
        )
        self.old = self.old or (change.before or {}).get("title", "")
        return change

    def _undo(self) -> Change:
        return compose.rename_section(self.doc.engine, self.section_id, self.old, self.doc.version)


class UpdateBriefCommand(BriefCommand):
    """Change brief details (title, marking, template, …); undo restores them."""

    def __init__(self, doc: BriefDocument, changes: dict[str, Any]) -> None:
        super().__init__(doc, "Edit brief details")
        self.changes = changes
        self.before: dict[str, Any] | None = None

    def _redo(self) -> Change:
        change = compose.update_brief(
            self.doc.engine, self.doc.brief_id, self.doc.version, **self.changes
        )
        if self.before is None:
            self.before = change.before
        return change

    def _undo(self) -> Change:
        return compose.update_brief(
            self.doc.engine, self.doc.brief_id, self.doc.version, **(self.before or {})
        )
