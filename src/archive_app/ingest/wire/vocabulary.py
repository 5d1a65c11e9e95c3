"""The words and element names wire formats use: data, kept apart from the code reading it."""

from __future__ import annotations

# Elements whose text is one paragraph (lower-cased local names; TT's Swedish NITF variant
# writes CITAT for a quote and MELLIS for a subheading).
PARAGRAPHS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "pre",
        "dt",
        "dd",
        "hl2",
        "blockquote",
        "citat",
        "mellis",
        "caption",
    }
)
# Elements that hold paragraphs (or loose text: a story without <p> tags) but are none.
CONTAINERS = frozenset(
    {
        "body",
        "body.content",
        "block",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "html",
        "inlinexml",
        "brodtext",
        "ingress",
        "text",
        "nitf",
        "content",
        "bq",
        "note",
    }
)
# Elements that are never article text: headers repeated elsewhere, media, scripts.
SKIPPED = frozenset(
    {
        "head",
        "header",
        "hedline",
        "body.head",
        "body.end",
        "byline",
        "dateline",
        "media",
        "img",
        "figure",
        "script",
        "style",
        "title",
        "dat",
        "bild",
        "nitf-table-metadata",
        "meta",
        "tobject",
        "docdata",
        "pubdata",
        "footer",
        "nav",
        "aside",
    }
)
TABLE_ROW = "tr"
TABLE_CELLS = frozenset({"td", "th"})

# Words that open a byline: "By", German "Von", Scandinavian "Av"/"Af", Romance "Por"/"Par"/"Di",
# Dutch "Door", Indonesian "Oleh".
BYLINE_OPENERS = ("by", "von", "av", "af", "por", "par", "di", "door", "oleh")
# Words joining several names in one byline.
NAME_JOINERS = ("and", "und", "og", "och", "y", "e", "et", "en", "dan", "&")
# Words that make a byline an organisation (a newspaper, a wire, a desk), never a person.
ORGANISATION_WORDS = frozenset(
    {
        "chronicle",
        "times",
        "post",
        "news",
        "press",
        "service",
        "services",
        "bulletin",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "daily",
        "weekly",
        "associated",
        "agency",
        "agencies",
        "wire",
        "wires",
        "staff",
        "desk",
        "newsroom",
        "network",
        "reporters",
        "correspondents",
        "redaktion",
        "redaksi",
        "nachrichten",
        "zeitung",
        "media",
        "group",
        "llc",
        "inc",
        "reuters",
        "afp",
        "ap",
        "dpa",
        "efe",
        "ansa",
        "kyodo",
        "tass",
        "xinhua",
        "bloomberg",
    }
)
# Particles that may stand in lower case inside a person's name.
NAME_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "dos",
        "das",
        "la",
        "le",
        "bin",
        "binti",
        "al",
        "el",
        "ter",
        "zu",
    }
)

# ISO 639-2 codes some agencies write (TT: "swe") and the two-letter codes the catalogue keeps.
LANGUAGES_639_2 = {
    "swe": "sv",
    "fin": "fi",
    "nor": "no",
    "nob": "nb",
    "nno": "nn",
    "dan": "da",
    "deu": "de",
    "ger": "de",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "ind": "id",
    "nld": "nl",
    "dut": "nl",
    "por": "pt",
    "rus": "ru",
    "jpn": "ja",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
    "pol": "pl",
    "tur": "tr",
    "ell": "el",
    "gre": "el",
    "isl": "is",
    "ice": "is",
}

# G2 description roles that carry a lede (kept as text when the body lacks it); "caption"
# roles describe a picture, or on Reuters text items repeat the slug and headline.
LEDE_ROLES = ("summary", "teaser", "abstract")
CAPTION_ROLES = ("caption",)
# G2 headline roles (the code after the scheme's colon) that mark a subheadline, not the
# headline: "hltype:subtitle", "apahltype:subtitle", "hdlrole:sub".
SUBHEADLINE_ROLES = frozenset(
    {"sub", "subtitle", "subheadline", "subhead", "subheading", "deck", "strapline", "standfirst"}
)
# G2 <itemClass> values for pictures and graphics.
PICTURE_CLASSES = ("ninat:picture", "ninat:graphic", "icls:picture", "icls:graphic")

# Picture blocks inside a text body, as (block, caption, credit, file) element names: NITF's
# <media> is read on its own; TT's Swedish variant writes BILD/BILDTEXT/BILDSKAPARE/BILDFIL.
PICTURE_BLOCKS = (("bild", "bildtext", "bildskapare", "bildfil"),)
