"""Every visible string is translatable, the Indonesian catalogue is complete and current, and
the window speaks Indonesian when asked."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.gui.conftest import open_window

import archive_app.gui
from archive_app.domain.query import CHEAT_SHEET
from archive_app.gui.common import i18n
from archive_app.gui.common.qt_texts import CHEAT_SHEET_MEANINGS
from archive_app.resources import resource
from archive_app.usecases.archive import Archive

GUI = Path(archive_app.gui.__file__).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _catalogue() -> dict[tuple[str, str], str]:
    """(context, source) -> translation, from the .ts (unfinished ones are missing)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(resource("i18n/arsip_id.ts")).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def _gui_files() -> list[Path]:
    """Every module of gui/, its subpackages included (lupdate is given the same list)."""
    return sorted(GUI.rglob("*.py"))


def test_the_translation_tools_see_every_gui_module() -> None:
    files = _gui_files()
    assert files, f"no Python file found under {GUI}"
    assert any(f.name == "main_window.py" for f in files)


def _calls() -> Iterator[tuple[str, str, str]]:
    """(file, context, text) of every translate()/QT_TRANSLATE_NOOP literal in gui/."""
    files = _gui_files()
    assert files, f"no Python file found under {GUI}"
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            context, text = node.args[0], node.args[1]
            if path.name == "cheat_sheet.py" and isinstance(text, ast.Name):
                continue  # the core's meanings, catalogued through qt_texts.py
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), (
                f"{path.name}:{node.lineno}: translate() needs literal strings (lupdate reads "
                "them from the source)"
            )
            yield path.name, str(context.value), str(text.value)


def test_every_string_in_the_window_has_a_finished_indonesian_translation() -> None:
    catalogue = _catalogue()
    calls = list(_calls())
    assert len(calls) > 300
    missing = [(f, c, t) for f, c, t in calls if not catalogue.get((c, t))]
    assert not missing, (
        f"run pyside6-lupdate and translate these (see gui/common/i18n.py): {missing}"
    )
    for (context, source), translation in catalogue.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            f"{context}: {source!r} and its translation name different placeholders"
        )


def test_the_compiled_catalogue_matches_the_ts_file(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resource("i18n/arsip_id.qm")))
    stale = [(c, s) for (c, s), t in _catalogue().items() if translator.translate(c, s) != t]
    assert not stale, f"arsip_id.qm is older than arsip_id.ts; run pyside6-lrelease: {stale[:5]}"


def test_the_cheat_sheet_in_the_core_is_the_one_translated() -> None:
    assert [meaning for _example, meaning in CHEAT_SHEET] == list(CHEAT_SHEET_MEANINGS)


def test_the_language_follows_the_system_or_the_setting() -> None:
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    assert i18n.resolve("system", indonesian) == "id"
    assert i18n.resolve("system", QLocale(QLocale.Language.English)) == "en"
    assert i18n.resolve("en", indonesian) == "en"
    assert i18n.resolve("id", QLocale(QLocale.Language.English)) == "id"


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "id") == "id"
    yield
    i18n.uninstall(qapp)


def test_the_window_speaks_indonesian(
    qtbot: QtBot, seeded_archive: Archive, indonesian: None
) -> None:
    assert QCoreApplication.translate("CheatSheet", "the exact phrase") == "frasa persis"
    assert i18n.number(2500) == "2.500"
    window = open_window(qtbot, seeded_archive)
    qtbot.waitUntil(lambda: window.reader.reading is not None, timeout=10_000)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Berkas", "&Sunting", "&Tampilan", "&Pencarian", "&Katalog", "&Bantuan"]
    assert window.actions_.undo.text() == "&Urungkan"
    assert window.sidebar.catalogue.model.index(0, 0).data() == "Koleksi"
    assert window.sidebar.catalogue.model.index(1, 0).data() == "Koleksi pintar"
    assert window.search_bar.field.placeholderText().startswith("Cari judul")
    assert window.search_bar.count.text() == "1 artikel"
    assert window.search_bar.sort.currentText() == "Paling cocok"
    text = window.reader.toPlainText()
    assert "Terbit" in text and "Jumat 17 Mei 2024, 03:50 (UTC+07:00)" in text
    assert "Yessy Artada (redaktur)" in text
    assert "Foto tidak diarsipkan" in text
    assert window.reader_pane.cite.text() == "Kutip"
    qtbot.waitUntil(lambda: window.sidebar.facet_model.rowCount() > 0, timeout=10_000)
    assert window.sidebar.facet_model.index(0, 0).data() == "Situs"
    meanings = [
        w.text()
        for w in window.search_bar.cheat_sheet.findChildren(type(window.search_bar.count))
        if w.objectName() == "cheatMeaning"
    ]
    assert "frasa persis" in meanings
    window.close()
