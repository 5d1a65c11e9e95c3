"""Decide an article's language from its text, checked against what the source declares.

The fast path is written by hand: a stopword profile over the languages Arsip analyses decides
nearly every article in one pass, deterministically. What it cannot decide goes to a real
identifier (py3langid, restricted to those languages), and text in another script than Latin
is decided by its script. General identifiers often take Indonesian news for Malay, so the two
are told apart by the words only one of them uses ("karena"/"kerana", "bisa"/"boleh"). No
language is ever assumed: text that none of these decides is "und" (undetermined), and a
source's declaration stands only where the text does not clearly contradict it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from archive_app.ingest.normalise.identify import identify
from archive_app.ingest.normalise.scripts import LANGUAGES, LATIN, dominant_script, script_of
from archive_app.ingest.normalise.text import is_statistics, is_table_row
from archive_app.ingest.wire.vocabulary import LANGUAGES_639_2

UNDETERMINED = "und"


def _words(text: str) -> frozenset[str]:
    """A profile's common words, written as one string."""
    return frozenset(text.split())


_PROFILES: dict[str, frozenset[str]] = {
    "id": _words(
        "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena tersebut "
        "bisa ada mereka kata adalah sudah saat oleh menjadi telah lebih para kami kita"
    ),
    "en": _words(
        "the and of to in is that for it with as was on be by at this are from have has "
        "said an not but they which were been will would its"
    ),
    "de": _words("der die und das ist nicht ein eine zu den mit sich des auf für im dem"),
    "es": _words("el la de que y en los del se las por un para con una su al es"),
    "fr": _words("le la les de des et est un une du en pour que qui dans sur pas au"),
    "nl": _words("de het een en van in is op te dat met voor niet zijn aan ook"),
    "sv": _words("och att det som en på är av för med till den har inte om ett"),
    "da": _words("og at det som en på er af for med til den har ikke om et de"),
    "fi": _words("ja on ei se että oli hän ovat mutta kun myös tai joka sen"),
    "it": _words("il di che la e per un una del della in non sono con le da"),
    "pt": _words("o de que e do da em um para com não uma os no se na por"),
}
# Words one of Malay and Indonesian uses where the other uses another ("kerana"/"karena",
# "boleh"/"bisa", "kerajaan"/"pemerintah", "selepas"/"setelah", "wang"/"uang").
# Only words the other language does not use in news: Indonesian writes "pejabat" (an
# official), "kerajaan" (a kingdom), "cukai", "beliau" and "boleh" too.
_MALAY = _words(
    "kerana iaitu bahawa selepas sahaja mahu polis syarikat percuma akhbar universiti isnin "
    "khamis jumaat menerusi sebarang kenderaan peratus bilion baharu pelancongan siasatan "
    "disiasat kakitangan setiausaha timbalan"
)
_INDONESIAN = _words(
    "karena bahwa bisa pemerintah setelah sesudah saja mau uang polisi kantor perusahaan "
    "pajak gratis koran universitas biaya senin kamis jumat yakni nggak enggak kemarin "
    "persen miliar kendaraan pariwisata"
)
# Malay needs this many of its own words, and twice Indonesian's, to be named.
_MALAY_WORDS = 3
# The identifier names only these (the languages Arsip catalogues in Latin script), with
# languages close enough to be taken for each other told apart by it alone.
IDENTIFIED = ("id", "ms", "en", "de", "es", "fr", "nl", "sv", "da", "no", "fi", "it", "pt")
_RELATIVES = {"da": ("da", "no", "sv"), "sv": ("sv", "no", "da")}
# How sure the identifier must be, and on how many letters, for its answer to be clear;
# short captions stay undetermined.
_SURE = 0.9
_IDENTIFY_LETTERS = 25
# A text whose likeliest language is none of those allowed, at least this likely, is in
# another language (isiZulu, Swahili): named when this sure, on this many letters, else
# undetermined.
_OTHER = 0.5
_SURE_OTHER = 0.99
_OTHER_LETTERS = 200
# A stopword profile is clear when its words are this share of the text; below that (glued
# words, tables of figures, a language without a profile) the identifier confirms it.
_DENSE = 0.1
_MALAY_INDONESIAN = ("id", "ms")
# A title helps judge a short text when it has this many words.
_HEADLINE_WORDS = 3
# Names a source may write instead of a code; old codes pages still declare ("in" on
# Indonesian sites).
_NAMES = {
    "indonesia": "id",
    "indonesian": "id",
    "bahasa indonesia": "id",
    "bahasa": "id",
    "english": "en",
    "inggris": "en",
    "bahasa inggris": "en",
    "malay": "ms",
    "melayu": "ms",
    "bahasa melayu": "ms",
    "in": "id",
    "iw": "he",
    "ji": "yi",
    "jw": "jv",
}
_WORD = re.compile(r"[^\W\d_]+")
# The same words in lower-case ASCII text, found twice as fast (no Unicode class look-ups).
_ASCII_WORD = re.compile(r"[a-z]+")
_LETTER = re.compile(r"[^\W\d_]")
# A line of a statistics item is prose when this many of its words start in lower case:
# "Ohtani, Los Angeles, 31; Walsh, Los Angeles, 20" is a list of names, never Spanish.
_PROSE_WORDS = 3
# How many prose lines are read.
_LINES = 40
# Enough text for a few hundred words; a long article is not read to its end.
_HEAD = 3000


def _index(profiles: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """word -> the languages whose profile holds it, so a text is scored in one pass."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in profiles.items():
        for word in words:
            index[word] = (*index.get(word, ()), lang)
    return index


_LANGUAGES_OF = _index(_PROFILES)


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a text says of its language: the likeliest one (None: no letters at all), whether
    that is clear, the rule, the languages the text cannot tell it from, and whether an
    unclear reading is at least likely."""

    language: str | None
    clear: bool
    rule: str
    alike: tuple[str, ...] = ()
    # an unclear reading that is still more likely than not (worth naming to a librarian)
    likely: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The language a record gets, the rule, and what a librarian should check, if anything."""

    language: str
    rule: str
    problem: str | None = None


def _profile(counts: Counter[str], length: int) -> tuple[str | None, bool]:
    """The stopword profile's language, when its words make up enough of the text, and
    whether they make up so much that it is clear without the identifier."""
    scores = dict.fromkeys(_PROFILES, 0)
    for word in counts.keys() & _LANGUAGES_OF.keys():  # the profiles' words in the text
        for lang in _LANGUAGES_OF[word]:
            scores[lang] += counts[word]
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < max(2, length // 25):
        return None, False
    # a tie names no language (dictionary order would)
    if sum(1 for s in scores.values() if s == scores[best]) > 1:
        return None, False
    return best, scores[best] >= _DENSE * length


def _malay_or_indonesian(counts: Counter[str], rule: str) -> Judgement:
    """Indonesian unless Malay's own words clearly outnumber Indonesian's; without words of
    either the two cannot be told apart (a declared "ms" then stands)."""
    malay = sum(counts[word] for word in counts.keys() & _MALAY)
    indonesian = sum(counts[word] for word in counts.keys() & _INDONESIAN)
    if malay >= _MALAY_WORDS and malay > 2 * indonesian:
        return Judgement("ms", True, rule + "+malay-words")
    return Judgement("id", True, rule, () if indonesian > malay else ("ms",))


def _identified(text: str, allowed: tuple[str, ...], rule: str) -> Judgement:
    """The identifier's answer among `allowed`; a text plainly in another language is named
    as such when long and certain. Malay and Indonesian count as one, as the identifier tells
    them apart badly on short texts (their own words do, see _malay_or_indonesian)."""
    ranked = identify(text)
    if not ranked:
        return Judgement(None, False, rule)
    letters = len(_LETTER.findall(text))
    top, probability = ranked[0]
    # likelier another language than any allowed: named when certain, else no allowed
    # language is clear (the stopword profile may still agree with the best of them)
    other = top not in allowed and probability >= _OTHER
    if other and probability >= _SURE_OTHER and letters >= _OTHER_LETTERS:
        return Judgement(top, True, rule + "+other", likely=True)
    among = [(lang, p) for lang, p in ranked if lang in allowed]
    total = sum(p for _lang, p in among)
    if not among or total <= 0:
        return Judgement(None, False, rule)
    language = among[0][0]
    kin = _MALAY_INDONESIAN if language in _MALAY_INDONESIAN else (language,)
    share = sum(p for lang, p in among if lang in kin)
    clear = not other and share / total >= _SURE and letters >= _IDENTIFY_LETTERS
    return Judgement(language, clear, rule, likely=clear or share >= _OTHER)


def _by_script(script: str, text: str) -> Judgement:
    languages = LANGUAGES[script]
    if len(languages) == 1:
        return Judgement(languages[0], True, "language:script")
    found = _identified(text, languages, "language:script+identifier")
    if found.clear:
        return found
    return Judgement(found.language or languages[0], False, found.rule, languages)


def judge_text(text: str, expected: tuple[str, ...] = ()) -> Judgement:
    """The language of `text` (its first few hundred words), as clear as the text makes it;
    a weak stopword reading that agrees with an `expected` (declared) language needs no
    identifier to confirm it, nor does a short declared text the profile finds nothing in."""
    head = text[:_HEAD]
    script = dominant_script(head)
    if script is None:
        return Judgement(None, False, "language:no-text")
    if script != LATIN:
        return _by_script(script, head)
    lowered = head.lower()
    tokens = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)[:400]
    counts = Counter(tokens)
    found, dense = _profile(counts, len(tokens)) if len(tokens) >= 5 else (None, False)
    if found is not None and not dense and _kin(found) not in map(_kin, expected):
        # two weak signals that agree make a clear one; otherwise the identifier's stands
        confirmed = _identified(head, IDENTIFIED, "language:profile+identifier")
        if _kin(confirmed.language) != _kin(found):
            return _clear_kin(confirmed, counts)
    if found == "id":
        return _malay_or_indonesian(counts, "language:profile")
    if found in _RELATIVES:
        told = _identified(head, _RELATIVES[found], "language:profile+identifier")
        if told.clear:
            return told
        return Judgement(found, True, "language:profile", _RELATIVES[found])
    if found is not None:
        return Judgement(found, True, "language:profile")
    if expected and sum(map(len, tokens)) < _OTHER_LETTERS:
        # a short declared text without a profile's words ("Qtly div 25 cts vs 25 cts"):
        # the identifier could not overrule the declaration on so little, so it is not asked
        return Judgement(None, False, "language:profile")
    return _clear_kin(_identified(head, IDENTIFIED, "language:identifier"), counts)


def _kin(language: str | None) -> str | None:
    """Malay and Indonesian as one, every other language as itself."""
    return "id" if language in _MALAY_INDONESIAN else language


def _clear_kin(judged: Judgement, counts: Counter[str]) -> Judgement:
    """An identified Malay or Indonesian text told apart by its words."""
    if judged.clear and judged.language in _MALAY_INDONESIAN:
        return _malay_or_indonesian(counts, judged.rule)
    return judged


def _is_prose(text: str) -> bool:
    return sum(1 for word in text.split() if word[:1].islower()) >= _PROSE_WORDS


def _prose(lines: list[str]) -> list[str]:
    """The prose of a statistics item: lines and table cells that read as sentences (a page
    laid out as a table holds its text in cells), never the names and figures around it."""
    pieces: list[str] = []
    for line in lines:
        cells = line.strip(" |").split(" | ") if is_table_row(line) else [line]
        pieces += [cell for cell in cells if _is_prose(cell)]
    return pieces


def prose_text(lines: list[str], statistics: bool | None = None) -> str:
    """The text a language is judged on: table rows (names and figures) never count.
    `statistics` says whether the lines are a statistics item, when the caller knows."""
    if is_statistics(lines) if statistics is None else statistics:
        return " ".join(_prose(lines)[:_LINES])
    prose = [line for line in lines if "|" not in line or not is_table_row(line)]
    return " ".join(prose[:_LINES])


def detect_language(text: str, default: str | None = None) -> str | None:
    """The language of `text` when it is clear, else `default`."""
    judged = judge_text(text)
    return judged.language if judged.clear else default


def language_of_lines(lines: list[str], default: str | None) -> str | None:
    """The language of a text's prose lines: table rows (names and figures) never decide it,
    and a statistics item with too little prose to judge gets no language, not `default`."""
    return detect_language(prose_text(lines), default=None if is_statistics(lines) else default)


def declared_codes(value: str) -> list[str]:
    """The languages a source declares, as codes, first first: "en-US" -> ["en"],
    "id_ID, en" -> ["id", "en"], "Bahasa Indonesia" -> ["id"], "swe" -> ["sv"]."""
    return list(_declared(value))


# A source declares the same few values on every record; each is read once.
@lru_cache(maxsize=256)
def _declared(value: str) -> tuple[str, ...]:
    if not value:
        return ()
    codes: list[str] = []
    for part in re.split(r"[,;]", value):
        name = " ".join(part.lower().split())
        primary = re.split(r"[-_\s]", name)[0] if name not in _NAMES else name
        code = _NAMES.get(primary) or LANGUAGES_639_2.get(primary) or primary
        if re.fullmatch(r"[a-z]{2,3}", code) and code not in (UNDETERMINED, "mul", "zxx"):
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def _judges(declared: str, judged: Judgement) -> bool:
    """Whether the text could have shown the declared language: a language the identifier
    knows, or one in another script than the text's."""
    language = judged.language or ""
    return declared in IDENTIFIED or script_of(declared) != script_of(language)


def _is_headline(title: str) -> bool:
    """A title of words ("Potret Hendy Drummer GIGI…"), not a file name ("IMG 0412")."""
    return sum(1 for word in _WORD.findall(title) if len(word) > 1) >= _HEADLINE_WORDS


def _second_opinion(text: str, judged: Judgement) -> Judgement | None:
    """The identifier's reading of a text the stopword profile alone judged (None when the
    identifier or the script already did): a declaration is overruled only when both agree."""
    if "identifier" in judged.rule or judged.rule == "language:script":
        return None
    return _identified(text[:_HEAD], IDENTIFIED, "language:identifier")


def decide_language(lines: list[str], declared: str = "", title: str = "") -> Decision:
    """The record's language from its prose lines and what the source declares (a language
    column, a page's lang attribute and og:locale): the text wins where it is clear, the
    declaration where the text cannot tell, and "und" with a flag where neither says."""
    codes = _declared(declared)
    statistics = is_statistics(lines)
    text = prose_text(lines, statistics)
    judged = judge_text(text, codes)
    if not judged.clear and not codes and not statistics and _is_headline(title):
        # a short text (a photo gallery's, a one-line item's) is judged with its headline
        with_title = judge_text(f"{title}. {text}")
        if with_title.clear or judged.language is None:
            text, judged = f"{title}. {text}", with_title
    readings = (judged.language, *judged.alike)
    if judged.clear and judged.language is not None:
        if not codes:
            return Decision(judged.language, judged.rule)
        if codes[0] in readings:
            return Decision(codes[0], "language:column")
        if not _judges(codes[0], judged):
            return Decision(
                codes[0],
                "language:column",
                f"the source says the language is {codes[0]!r} but the text "
                f"reads as {judged.language!r}; {codes[0]!r} kept",
            )
        agreeing = next((code for code in codes if code in readings), None)
        if agreeing is not None:  # the lang attribute says one thing, og:locale the text's
            return Decision(agreeing, "language:column+text")
        second = _second_opinion(text, judged)
        if second is not None and not (
            second.clear and _kin(second.language) == _kin(judged.language)
        ):
            # a profile fooled by names ("Del E. Webb" reads as Italian) overrules no one
            problem = None
            if second.likely and _kin(second.language) != _kin(codes[0]):
                problem = (
                    f"the source says the language is {codes[0]!r} but the text reads "
                    f"more like {judged.language!r}; {codes[0]!r} kept"
                )
            return Decision(codes[0], "language:column", problem)
        return Decision(judged.language, judged.rule + "+over-declared")
    if codes:
        problem = None
        if len(codes) > 1:
            problem = (
                f"the source declares the languages {', '.join(map(repr, codes))} and "
                f"the text is too short to tell; {codes[0]!r} kept"
            )
        elif judged.likely and _kin(judged.language) != _kin(codes[0]):
            problem = (
                f"the source says the language is {codes[0]!r} but the text reads more "
                f"like {judged.language!r}; {codes[0]!r} kept"
            )
        return Decision(codes[0], "language:column", problem)
    if judged.language is None:  # no words at all: a photo without a caption, a table
        return Decision(UNDETERMINED, "language:no-text")
    maybe = f"; it may be {judged.language!r}" if judged.likely else ""
    return Decision(
        UNDETERMINED,
        "language:undetermined",
        "the language could not be determined (too little text, or a language "
        f"Arsip does not know{maybe})",
    )
