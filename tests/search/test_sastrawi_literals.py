"""Sastrawi with its patterns compiled once and its cuts made as string cuts stems every word
as Sastrawi alone does."""

from __future__ import annotations

import re
import sys

import pytest

from archive_app.search import analysis, sastrawi_literals

# affixed words that take Sastrawi through its prefix rules, suffixes, particles, possessives
# and confixes; words it leaves alone; a hyphenated plural
WORDS = (
    "menggaungkan memperbaiki pengetahuan berlari dipukul kebersamaan bersepeda terpercaya "
    "perekonomian menyanyikan mempertanggungjawabkan kesejahteraannya bukumu dirinya "
    "pertanggungjawaban meniru menyapu penyanyi peranakan belajar pelajaran mengkonsumsi "
    "memproklamasikan ditemukannya ketidakadilan berkelanjutan sekalipun apakah bacalah "
    "menteri pemerintahan diberangkatkan menyelesaikan kepolisian keberangkatan teraniaya "
    "pengacara penganiayaan mempelajari perbaikan memberdayakan pemberdayaan diperkirakan "
    "sepertinya bertanggungjawab menahan penahanan pengungsi mengungsikan keterangan "
    "anak-anak buku-bukunya jakarta gresik banjir the flooding"
)


def _stems(words: list[str]) -> list[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()  # its own cache: every word stemmed here
    return [str(stemmer.stem(word)) for word in words]


def test_every_stem_is_sastrawi_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    words = WORDS.split()
    analysis._sastrawi()  # Sastrawi imported and its modules given the faster `re`
    shimmed = [
        module
        for name, module in sys.modules.items()
        if name.startswith("Sastrawi.") and getattr(module, "re", None) is sastrawi_literals._SHIM
    ]
    assert shimmed  # the prefix rules and removal steps use it
    ours = _stems(words)
    for module in shimmed:
        monkeypatch.setattr(module, "re", re)
    theirs = _stems(words)
    assert ours == theirs
    assert sum(stem != word for stem, word in zip(ours, words, strict=True)) > 40
