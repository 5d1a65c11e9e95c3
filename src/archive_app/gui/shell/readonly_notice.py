"""Say why editing is greyed out: the reason in the status bar and on every disabled action."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.actions import WindowActions
from archive_app.gui.shell.welcome import WelcomeView


def show_readonly_reason(
    actions: WindowActions, welcome: WelcomeView, status_bar: QStatusBar, reason: str
) -> None:
    """Grey out importing too (the cataloguing actions are off already) and put `reason` where
    a person looks for it: the status bar, and the tooltip and status tip of each action
    (menus show their actions' tooltips, so hovering a greyed-out item says why)."""
    actions.set_import_enabled(False)
    for action in (*actions.cataloguing(), actions.import_files, actions.import_folder):
        action.setToolTip(reason)
        action.setStatusTip(reason)
        for menu in action.associatedObjects():
            if isinstance(menu, QMenu):
                menu.setToolTipsVisible(True)
    for button in (welcome.import_files, welcome.import_folder):
        button.setEnabled(False)
        button.setToolTip(reason)
    label = QLabel(translate("Window", "Read-only: {reason}").format(reason=reason), status_bar)
    label.setObjectName("readonlyReason")
    label.setAccessibleName(translate("Window", "Why editing is off"))
    label.setWordWrap(False)
    status_bar.addPermanentWidget(label, 1)
