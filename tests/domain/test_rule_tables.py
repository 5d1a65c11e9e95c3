"""Site habits are data: tables a person can extend, never site names in the code."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ingest.conftest import body_article

import archive_app.ingest.normalise as normalise_package
from archive_app.domain.site_rules import rules

CODE = Path(normalise_package.__file__).parent


def test_no_site_is_named_in_the_normaliser_code() -> None:
    domains = [d.split(".")[0] for d in rules().sites]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, domains)) + r")\b", re.IGNORECASE)
    modules = sorted(CODE.rglob("*.py"))
    assert len(modules) > 20, f"no normaliser code found under {CODE}"
    for module in modules:
        code = "\n".join(
            line
            for line in module.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        code = re.sub(r'"""(?:.|\n)*?"""', "", code)  # docstrings may cite examples
        hits = [m.group(0) for m in pattern.finditer(code)]
        assert not hits, f"{module.name} names a site in code: {hits}"


def test_every_site_table_is_well_formed() -> None:
    for domain, site in rules().sites.items():
        assert domain == domain.lower() and not domain.startswith("www.")
        assert site.name, f"{domain} has no name"
        assert site.timezone is None or re.fullmatch(r"[+-]\d{2}:\d{2}", site.timezone)


def test_an_unknown_site_gets_the_general_rules() -> None:
    # a site no table names: its dateline, credits, links and sign-off still come out
    text = (
        "Suaranusantara.id, MEDAN - Pemerintah kota meresmikan jembatan baru.\n"
        "Baca juga: Jembatan Lama Ditutup Sementara\n"
        "Warga menyambut baik peresmian itu.(ant/sun)\n"
        "Penulis: Rina Sitompul\nEditor: Budi Harahap"
    )
    record = body_article(text, url="https://www.suaranusantara.id/berita/1", date="3 Mar 2024")
    assert record.site == "suaranusantara.id" and record.dateline_place == "Medan"
    assert record.published == "2024-03-03"
    assert [link.title for link in record.related] == ["Jembatan Lama Ditutup Sementara"]
    assert record.signoff == ["ant", "sun"]
    assert [(p.name, p.role) for p in record.people] == [
        ("Rina Sitompul", "author"),
        ("Budi Harahap", "editor"),
    ]
    assert record.body == [
        "Pemerintah kota meresmikan jembatan baru.",
        "Warga menyambut baik peresmian itu.",
    ]


def test_every_field_names_its_rule() -> None:
    record = body_article(
        "Liputan6.com, Jakarta - Harga emas turun.",
        date="Diperbarui 18 Jun 2025, 14:05 WIB",
        author="Agustina Melani",
        title="Harga Emas Turun",
    )
    assert record.rules["updated"] == "date:day-month-year:column"
    assert record.rules["dateline_place"] == "dateline:site-place"
    assert record.rules["people.author"] == "people:author-column"
    assert record.rules["site"] == "site:dateline"
