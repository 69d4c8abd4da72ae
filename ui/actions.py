"""The window's actions, menus and toolbar, with their standard shortcuts."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from ui.icons import icon


@dataclass
class Actions:
    """Every QAction the window offers."""

    new_brief: QAction
    open_brief: QAction
    import_files: QAction
    import_url: QAction
    paste_source: QAction
    export_docx: QAction
    export_pdf: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    add_selection: QAction
    add_note: QAction
    add_section: QAction
    remove_item: QAction
    move_up: QAction
    move_down: QAction
    reanchor: QAction
    details: QAction
    find: QAction
    library_location: QAction
    about: QAction
    recent: QMenu


def _action(
    window: QMainWindow,
    text: str,
    shortcut: str | QKeySequence.StandardKey = "",
    tip: str = "",
    icon_: QIcon | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon_ is not None:
        action.setIcon(icon_)
    return action


def create_actions(window: QMainWindow, group: QUndoGroup) -> Actions:
    """Make the actions (not yet connected) and put them in menus and the toolbar."""
    std = window.style().standardIcon
    undo = group.createUndoAction(window, "Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.setIcon(icon("undo", std(QStyle.StandardPixmap.SP_ArrowBack)))
    redo = group.createRedoAction(window, "Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIcon(icon("redo", std(QStyle.StandardPixmap.SP_ArrowForward)))
    actions = Actions(
        new_brief=_action(
            window,
            "&New brief…",
            "Ctrl+N",
            "Start a new brief",
            icon("new", std(QStyle.StandardPixmap.SP_FileIcon)),
        ),
        open_brief=_action(
            window,
            "&Open brief…",
            "Ctrl+Shift+O",
            "Open another brief",
            icon("open", std(QStyle.StandardPixmap.SP_DirOpenIcon)),
        ),
        import_files=_action(
            window,
            "&Import files…",
            "Ctrl+O",
            "Import articles: text, web pages, Word, PDF",
            icon("import", std(QStyle.StandardPixmap.SP_DialogOpenButton)),
        ),
        import_url=_action(
            window, "Import from &web address…", "Ctrl+Shift+U", "Fetch and import a web page"
        ),
        paste_source=_action(
            window, "&Paste text as a source…", "Ctrl+Shift+V", "Store pasted text as a new source"
        ),
        export_docx=_action(
            window,
            "Export &Word (DOCX)…",
            "Ctrl+E",
            "Export the brief to Word",
            icon("docx", std(QStyle.StandardPixmap.SP_DialogSaveButton)),
        ),
        export_pdf=_action(
            window,
            "Export P&DF…",
            "Ctrl+P",
            "Export the brief to PDF and preview it",
            icon("pdf", std(QStyle.StandardPixmap.SP_FileDialogDetailedView)),
        ),
        quit=_action(window, "&Quit", "Ctrl+Q", "Close the app (everything is already saved)"),
        undo=undo,
        redo=redo,
        add_selection=_action(
            window,
            "&Add selection to brief",
            "Ctrl+Return",
            "Add the text selected in the reader to the current section",
            icon("add", std(QStyle.StandardPixmap.SP_ArrowRight)),
        ),
        add_note=_action(window, "Add &note…", "Ctrl+Shift+N", "Add your own note to the section"),
        add_section=_action(window, "Add &section…", "", "Add a section at the end of the brief"),
        remove_item=_action(window, "&Remove item", "Delete", "Remove the selected item"),
        move_up=_action(window, "Move item &up", "Ctrl+Up", "Move the selected item up"),
        move_down=_action(window, "Move item do&wn", "Ctrl+Down", "Move the selected item down"),
        reanchor=_action(
            window,
            "Re-anchor on &newest sources",
            "",
            "Find every quote and fact again in the newest version of its source",
        ),
        details=_action(
            window,
            "Brief &details…",
            "Ctrl+I",
            "Title, marking, template, style",
            icon("details", std(QStyle.StandardPixmap.SP_FileDialogInfoView)),
        ),
        find=_action(window, "&Find source", "Ctrl+F", "Search the library"),
        library_location=_action(
            window,
            "&Library location…",
            "",
            "Use another library: a file of your own or the team's PostgreSQL server",
        ),
        about=_action(window, "&About", "", "About the briefing composer"),
        recent=QMenu("Open &recent", window),
    )
    for action, short in (
        (actions.new_brief, "New"),
        (actions.import_files, "Import"),
        (actions.add_selection, "Add to brief"),
        (undo, "Undo"),
        (redo, "Redo"),
        (actions.details, "Details"),
        (actions.export_docx, "Word"),
        (actions.export_pdf, "PDF"),
    ):
        action.setIconText(short)
    _menus(window, actions)
    _toolbar(window, actions)
    return actions


def _menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for item in (
        a.new_brief,
        a.open_brief,
        a.recent,
        None,
        a.import_files,
        a.import_url,
        a.paste_source,
        None,
        a.export_docx,
        a.export_pdf,
        None,
        a.library_location,
        None,
        a.quit,
    ):
        _add(file_menu, item)
    edit = bar.addMenu("&Edit")
    for item in (
        a.undo,
        a.redo,
        None,
        a.add_selection,
        a.add_note,
        a.add_section,
        a.remove_item,
        a.move_up,
        a.move_down,
        None,
        a.reanchor,
        None,
        a.details,
        None,
        a.find,
    ):
        _add(edit, item)
    bar.addMenu("&Help").addAction(a.about)


def _add(menu: QMenu, item: QAction | QMenu | None) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName("Main toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    for item in (
        a.new_brief,
        a.import_files,
        None,
        a.add_selection,
        a.undo,
        a.redo,
        None,
        a.details,
        a.export_docx,
        a.export_pdf,
    ):
        if item is None:
            bar.addSeparator()
        else:
            bar.addAction(item)
    window.addToolBar(bar)
