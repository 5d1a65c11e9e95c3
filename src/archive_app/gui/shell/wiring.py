"""Connect the main window's parts: signals between controllers, and each menu action's slot."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt

from archive_app.gui.exporting.context import COLLECTION
from archive_app.gui.shell.window_parts import WiredWindow


def connect_window(window: WiredWindow) -> None:
    """Connect the window's parts to each other and its menu actions to what they do."""
    a, bar, table, side = window.actions_, window.search_bar, window.table, window.sidebar
    bar.field.moveRequested.connect(table.step_row)
    window.session.listed.connect(window.reading.select_after_search)
    window.session.emptied.connect(window.reading.show_nothing)
    window.reader_pane.statusMessage.connect(window.show_status)
    window.reader.statusMessage.connect(window.show_status)
    window.reader_pane.zoomChanged.connect(lambda z: setattr(window.settings, "zoom", z))
    window.person_page.searchRequested.connect(window.session.search_for)
    window.changes.changed.connect(window.after_change)
    window.session.listed.connect(window.restore_selection)
    for controller in (
        window.import_flow,
        window.catalogue,
        window.editing,
        window.undo,
        window.bulk,
        window.authority,
        window.exporting,
        window.safety,
    ):
        controller.statusMessage.connect(window.show_status)
    window.authority.searchRequested.connect(window.session.search_for)
    side.catalogue.exportRequested.connect(lambda path: window.exporting.open(COLLECTION, path))
    window.reader_pane.editRequested.connect(window.edit_shown)
    window.reader.reviewedRequested.connect(lambda article: window.editing.mark_reviewed([article]))
    window.reader_pane.citationStyleChanged.connect(
        lambda style: setattr(window.settings, "citation_style", style)
    )
    for action in (
        a.edit_article,
        a.bulk,
        a.replace,
        a.add_to_collection,
        a.tag,
        a.mark_reviewed,
        a.export,
    ):
        table.addAction(action)  # the results' context menu
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    window.import_flow.imported.connect(window.refresh)
    window.index_status.finished.connect(window.refresh)
    # (slots are called without arguments: `triggered` would hand an optional parameter
    # its `checked` flag)
    for action, slot in (
        (a.print, window.reader_pane.print_article),
        (a.pdf, window.reader_pane.ask_pdf),
        (a.preferences, window.show_preferences),
        (a.quit, window.close),
        (a.focus_search, bar.focus),
        (a.find, window.reader_pane.open_find),
        (a.cite, lambda: window.reader_pane.copy_citation()),
        (a.clear, window.escape),
        (a.next_result, partial(table.step_row, 1)),
        (a.previous_result, partial(table.step_row, -1)),
        (a.next_hit, partial(window.reader.next_hit, 1)),
        (a.previous_hit, partial(window.reader.next_hit, -1)),
        (a.photos, partial(window.reading.open_photos, 0)),
        (a.larger, partial(window.reader_pane.zoom_by, 10)),
        (a.smaller, partial(window.reader_pane.zoom_by, -10)),
        (a.actual, partial(window.reader_pane.zoom_by, 0)),
        (a.save_search, window.catalogue.save_search),
        (a.clear_filters, window.session.clear_filters),
        (a.cheat_sheet, bar.show_cheat_sheet),
        (a.edit_article, window.edit_shown),
        (a.bulk, lambda: window.bulk.open_bulk()),
        (a.mark_reviewed, window.mark_reviewed),
        (a.replace, window.bulk.open_replace),
        (a.export, lambda: window.exporting.open()),
        (a.backup, window.safety.ask_backup),
        (a.restore, window.safety.ask_restore),
        (a.fixity, window.safety.check_fixity),
        (a.new_collection, lambda: window.catalogue.new_collection()),
        (a.add_to_collection, partial(window.bulk.open_bulk, "add_collection")),
        (a.tag, partial(window.bulk.open_bulk, "add_tag")),
        (a.people, partial(window.authority.open, 0)),
        (a.places, partial(window.authority.open, 1)),
        (a.manual, window.help_desk.show_manual),
        (a.about, window.help_desk.show_about),
    ):
        action.triggered.connect(slot)
