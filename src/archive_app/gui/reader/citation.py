"""A citation to paste into a paper, APA or Chicago, exactly as the CLI's `cite` writes it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from archive_app.domain.model import ArticleDetail
from archive_app.exports.citations import STYLES, cite
from archive_app.gui.common.i18n import translate

DEFAULT_STYLE = "apa"


def style_names() -> dict[str, str]:
    """The styles offered, in the interface language (the citation itself follows the style's
    own English conventions, as the CLI's does)."""
    names = {
        "apa": translate("Citation", "APA (7th edition)"),
        "chicago": translate("Citation", "Chicago (bibliography)"),
        "chicago-note": translate("Citation", "Chicago (note)"),
    }
    return {style: names.get(style, style) for style in STYLES}


def citation_text(detail: ArticleDetail, style: str = DEFAULT_STYLE) -> str:
    return cite(detail, style if style in STYLES else DEFAULT_STYLE)


def citation_mime(detail: ArticleDetail, style: str = DEFAULT_STYLE) -> QMimeData:
    """Plain text for any editor, HTML (the publication in italics) for a word processor."""
    chosen = style if style in STYLES else DEFAULT_STYLE
    mime = QMimeData()
    mime.setText(cite(detail, chosen))
    mime.setHtml(cite(detail, chosen, html=True))
    return mime
