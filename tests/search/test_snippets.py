"""Snippets mark the words and phrases a query matched, and pick the same passages as the plain
word-by-word reading they replaced (kept here as the reference)."""

from __future__ import annotations

import html
import random

import pytest

from archive_app.domain.query import parse
from archive_app.search.analysis import stem_english, stem_indonesian, word_spans
from archive_app.search.compile import compile_query
from archive_app.search.snippets import WINDOW, form_matcher, snippets, words_matcher


def reference_snippets(
    text: str, forms: set[str], phrases: list[tuple[str, ...]], top: int = 3
) -> tuple[str, ...]:
    """Snippets as first written: every word folded and tested one by one."""
    spans = list(word_spans(text))
    if not spans:
        return ()
    folded = [w for _, _, w in spans]
    hit_set: set[int] = set()
    for phrase in phrases:
        for i in range(len(folded) - len(phrase) + 1):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                hit_set.update(range(i, i + len(phrase)))
    matches = form_matcher(forms)
    hit_set.update(i for i, word in enumerate(folded) if matches(word))
    hit_words = sorted(hit_set)
    if not hit_words:
        end = spans[min(len(spans), 2 * WINDOW) - 1][1]
        return (html.escape(text[:end]).replace("\n", " ") + ("…" if end < len(text) else ""),)
    windows = []
    for centre in hit_words:
        first, last = max(0, centre - WINDOW), min(len(spans) - 1, centre + WINDOW)
        windows.append((sum(first <= h <= last for h in hit_words), -centre, first, last))
    chosen: list[tuple[int, int]] = []
    for _score, _centre, first, last in sorted(windows, reverse=True):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
        if len(chosen) == top:
            break
    out = []
    for first, last in chosen:
        begin, end = spans[first][0], spans[last][1]
        pieces, cursor = [], begin
        for i in hit_words:
            start, stop = spans[i][0], spans[i][1]
            if begin <= start and stop <= end:
                pieces.append(html.escape(text[cursor:start]))
                pieces.append(f'<b class="hit">{html.escape(text[start:stop])}</b>')
                cursor = stop
        pieces.append(html.escape(text[cursor:end]))
        passage = "".join(pieces).replace("\n", " ")
        out.append(("…" if begin else "") + passage + ("…" if end < len(text) else ""))
    return tuple(out)


VOCABULARY = """
    Presiden presiden PRESIDEN kepresidenan memilih pemilihan pilihan Pemilu desa Desa kepala
    Kepala company company's COMPANY'S companies O'Brien o’brien rock 'n' roll Café café cafe
    naïve ﬁnance Jokowi jokowi's di ke dan yang the of elections elected election happy
    happiness Gresik Jawa Timur 2024 K-Pop liputan6.com a b x_y Ümit ÜMIT İstanbul straße
"""
WORDS = VOCABULARY.split()
SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", " — ", " “", "” ", " (", ") ", "; ", "'")
QUERIES = (
    "presiden",
    "pemilihan",
    "company",
    "election",
    "happy",
    "cafe",
    "o'brien",
    "pres*",
    "ka*",
    "desa kepala",
    '"kepala desa"',
    '"company\'s elections"',
    '"rock n roll"',
    '"jawa timur" gresik',
    "ümit",
    "istanbul",
    "k-pop",
    "di",
    "finance",
    "zzz",
)


def _text(rng: random.Random) -> str:
    size = rng.choice((0, 1, 3, 10, 40, 120, 400))
    return "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(size))


@pytest.mark.parametrize("query", QUERIES)
def test_snippets_match_the_word_by_word_reading(query: str) -> None:
    compiled = compile_query(parse(query))
    forms, phrases = compiled.highlight_forms, compiled.highlight_phrases
    rng = random.Random(query)
    for _ in range(150):
        text = _text(rng)
        if rng.random() < 0.3:  # some texts all ASCII, folded a whole text at a time
            text = text.encode("ascii", "ignore").decode()
        assert snippets(text, forms, phrases) == reference_snippets(text, forms, phrases), text


def test_hits_are_marked_in_the_best_passage_first() -> None:
    text = (
        "Kepala desa Gresik memilih jalan baru. "
        + "Lain kata di sini. " * 20
        + "Pemilihan kepala desa digelar; warga memilih kepala desa mereka."
    )
    compiled = compile_query(parse('"kepala desa" pemilihan'))
    found = snippets(text, compiled.highlight_forms, compiled.highlight_phrases)
    assert found[0].startswith("…")
    assert (
        '<b class="hit">Pemilihan</b> <b class="hit">kepala</b> <b class="hit">desa</b>'
        in (found[0])
    )
    assert found[1].startswith('<b class="hit">Kepala</b> <b class="hit">desa</b> Gresik')
    assert snippets("", compiled.highlight_forms, []) == ()


def test_words_matcher_takes_the_same_words_as_form_matcher() -> None:
    rng = random.Random(7)
    vocabulary = {w for text in (_text(rng) for _ in range(50)) for _, _, w in word_spans(text)}
    for forms in ({"presiden"}, {"pilih", "pemilihan"}, {"ka*", "desa"}, {"di"}, {"x"}, set()):
        one = form_matcher(forms)
        assert words_matcher(forms)(vocabulary) == {w for w in vocabulary if one(w)}


# roots of Sastrawi's dictionary, short ones among them (a short root's middle is in most words)
ROOTS = ("pilih", "baik", "tip", "nyanyi", "kirim", "ajar", "rumah", "es", "tan", "rok", "bahan")
PREFIXES = ("", "me", "mem", "meng", "meny", "pe", "peng", "ber", "ter", "se", "memper", "menge")
SUFFIXES = ("", "an", "kannya")


def _affixed(root: str) -> set[str]:
    """Words built on `root` as Indonesian builds them: prefixes (the root's first letter kept
    or dropped, as in memukul), an infix after its first letter (belahan), suffixes."""
    cores = {root, root[1:], *(root[0] + infix + root[1:] for infix in ("el", "em", "er", "in"))}
    return {p + core + s for p in PREFIXES for core in cores for s in SUFFIXES if core}


@pytest.mark.parametrize("root", ROOTS)
def test_a_word_is_marked_exactly_when_it_stems_to_the_form(root: str) -> None:
    matches = form_matcher({root})
    for word in sorted(_affixed(root)):
        stems = {word, stem_indonesian(word), stem_english(word)}
        assert matches(word) == (root in stems), word


def test_affixed_indonesian_words_are_marked_in_snippets() -> None:
    text = "Warga memukul kentongan; pemukulan itu terdengar. Belahan kayu jadi bahan bakar."
    for query, marked in (("pukul", ("memukul", "pemukulan")), ("bahan", ("Belahan", "bahan"))):
        compiled = compile_query(parse(query))
        found = " ".join(snippets(text, compiled.highlight_forms, compiled.highlight_phrases))
        for word in marked:
            assert f'<b class="hit">{word}</b>' in found
        assert '<b class="hit">kentongan</b>' not in found


ENGLISH = """happy happiness happily unhappy happier elections elected electing electorate dying
died dies die possibly possibility possible generously generous organization organize sky
skies early earliest relational relate hoping hopping hope hop news"""


@pytest.mark.parametrize("form", ["happi", "elect", "die", "possibl", "generous", "organ", "hop"])
def test_an_english_word_is_marked_exactly_when_it_stems_to_the_form(form: str) -> None:
    matches = form_matcher({form})
    for word in ENGLISH.split():
        stems = {word, stem_indonesian(word), stem_english(word)}
        assert matches(word) == (form in stems), word
    assert any(matches(word) and word != form for word in ENGLISH.split())


def test_spellings_are_folded_one_by_one_when_folding_them_together_goes_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a text's distinct spellings are folded in one string, a line each; were a spelling ever
    # folded into a line break, the words would shift: each is folded alone instead
    from archive_app.search import snippets as module

    folded_together = module._fold_lines
    monkeypatch.setattr(module, "_fold_lines", lambda lines: folded_together(lines) + "\nzz")
    text = "Café naïve di İstanbul; Jokowi’s company's elections. " * 30
    for query in ("cafe", "istanbul", "jokowi", '"company\'s elections"'):
        compiled = compile_query(parse(query))
        forms, phrases = compiled.highlight_forms, compiled.highlight_phrases
        found = snippets(text, forms, phrases)
        assert found == reference_snippets(text, forms, phrases)
        assert '<b class="hit">' in found[0]
