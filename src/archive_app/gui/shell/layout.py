"""Lay out the main window: search column, results, the right-hand pane, welcome, status bar."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from archive_app.gui.common.focus import chain_tabs
from archive_app.gui.shell.window_parts import FramedWindow


class Frame(NamedTuple):
    """The containers the window keeps: the browsing view, the right pane, the splitter, and
    the stack that shows either the welcome view or the browsing view."""

    browse: QWidget
    right: QStackedWidget
    main_splitter: QSplitter
    stack: QStackedWidget


def lay_out(window: FramedWindow) -> Frame:
    """Place the window's widgets (made already) and return the containers it keeps."""
    centre = QWidget()
    column = QVBoxLayout(centre)
    column.setContentsMargins(8, 10, 4, 6)
    column.setSpacing(6)
    column.addWidget(window.search_bar)
    column.addWidget(window.filter_bar)
    column.addWidget(window.table, 1)
    right = QStackedWidget()
    right.addWidget(window.reader_pane)
    right.addWidget(window.person_page)
    main_splitter = QSplitter(Qt.Orientation.Horizontal)
    main_splitter.setObjectName("browseSplitter")
    main_splitter.setChildrenCollapsible(False)
    for widget, stretch in ((window.sidebar, 0), (centre, 5), (right, 6)):
        main_splitter.addWidget(widget)
        main_splitter.setStretchFactor(main_splitter.count() - 1, stretch)
    main_splitter.setSizes([250, 580, 570])
    browse = QWidget()
    browse.setObjectName("browse")
    outer = QVBoxLayout(browse)
    outer.setContentsMargins(0, 0, 8, 0)
    outer.addWidget(main_splitter)
    stack = QStackedWidget()
    stack.addWidget(window.welcome)
    stack.addWidget(browse)
    window.setCentralWidget(stack)
    side, bar = window.sidebar, window.search_bar
    # Tab follows the columns as they are shown, from the sidebar's top to the reader's tools
    chain_tabs(
        side.catalogue.tree,
        side.catalogue.new,
        side.catalogue.delete,
        side.histogram,
        side.facets,
        bar.field,
        bar.help,
        bar.sort,
        window.table,
        window.reader_pane,
        window.person_page,
    )
    window.filter_bar.tab_after = bar.sort
    bar.field.setFocus()  # the window opens ready to search
    window.statusBar().addPermanentWidget(window.index_status)
    window.statusBar().addPermanentWidget(window.import_status, 1)
    return Frame(browse, right, main_splitter, stack)
