"""The evaluation command on the real gold: the seed is exact and dev reaches issue 3's targets."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import CORPUS, GOLD, corpus_path

from archive_app.cli import main
from archive_app.evaluation.gold import load_gold, resolve_source
from archive_app.evaluation.report import json_report, text_report
from archive_app.evaluation.runner import TARGETS, Evaluation, evaluate_gold
from archive_app.evaluation.scoring import FIELDS


def _gold(name: str) -> Path:
    corpus_path()  # skips when ../shared/corpus is absent
    path = GOLD / name
    if not path.exists():
        pytest.skip(f"needs ../shared/gold ({path} is not there)")
    return path


@pytest.fixture(scope="module")
def dev() -> Evaluation:
    return evaluate_gold(_gold("dev.json"))


def test_seed_every_field_exact() -> None:
    evaluation = evaluate_gold(_gold("seed.json"))
    assert len(evaluation.records) == 1 and not evaluation.unmatched
    assert evaluation.records[0].joined.locator == "file"
    assert evaluation.overall.scores == dict.fromkeys(FIELDS, 1.0)


def test_dev_reaches_the_targets(dev: Evaluation) -> None:
    assert len(dev.records) == 45 and dev.unmatched == []
    scores = dev.overall.scores
    for field in ("title", "site", "published", "updated", "dateline_place"):
        assert scores[field] >= 0.97, field
    for field in ("people", "signoff", "related"):
        assert scores[field] >= 0.95, field
    assert scores["body"] >= 0.98
    assert scores["paragraphs"] >= 0.90
    for field, target in TARGETS.items():
        assert scores[field] >= target, field


def test_dev_per_site_table(dev: Evaluation) -> None:
    assert set(dev.sites) == {
        "detik.com",
        "kapanlagi.com",
        "kompas.com",
        "liputan6.com",
        "okezone.com",
        "republika.co.id",
        "tempo.co",
    }
    assert sum(group.records for group in dev.sites.values()) == 45
    table = text_report(dev)
    assert "Per site:" in table and "liputan6.com" in table and "ALL" in table


def test_json_lines_join_prefers_the_gold_files_own_line(dev: Evaluation) -> None:
    # the same liputan6 URL is in both days' files; each gold record joins its own file's line
    joined = [r.joined for r in dev.records if "6055817" in r.joined.gold.key]
    assert len(joined) == 2
    assert {j.gold.file for j in joined} == {
        "corpus/id_json/gikirima_scrapping_news_2025-06-18.jsonl.gz",
        "corpus/id_json/gikirima_scrapping_news_2025-06-19.jsonl.gz",
    }
    assert all(j.record is not None and j.record.url == j.gold.key for j in joined)
    csv_row = next(r.joined for r in dev.records if r.joined.gold.key == "row 61")
    assert csv_row.locator == "row 61"


def test_worst_records_show_their_differences(tmp_path: Path) -> None:
    gold = json.loads(_gold("dev.json").read_text(encoding="utf-8"))[:2]
    gold[0]["dateline_place"] = "Bandung"  # a deliberate mistake in a copy of the gold
    gold[1]["body"] = [*gold[1]["body"][:-1], "Paragraf yang tidak ada di artikel."]
    (tmp_path / "gold").mkdir()
    copy = tmp_path / "gold" / "two.json"
    copy.write_text(json.dumps(gold), encoding="utf-8")
    evaluation = evaluate_gold(copy, corpus=CORPUS)
    report = text_report(evaluation)
    assert "Worst records" in report
    assert "dateline_place: gold 'Bandung' | got 'Jakarta'" in report
    assert "- Paragraf yang tidak ada di artikel." in report
    assert evaluation.overall.scores["dateline_place"] == 0.5


def test_a_missing_source_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    gold = tmp_path / "gold" / "missing.json"
    gold.write_text(
        json.dumps(
            [
                {
                    "source": {"file": "corpus/nowhere.csv", "key": "row 1"},
                    "title": "x",
                    "body": ["y"],
                }
            ]
        ),
        encoding="utf-8",
    )
    evaluation = evaluate_gold(gold)
    assert len(evaluation.unmatched) == 1
    assert "source file not found" in (evaluation.unmatched[0].joined.problem or "")
    assert json_report(evaluation)["unmatched"][0]["key"] == "row 1"


def test_corpus_folder_can_be_chosen(tmp_path: Path) -> None:
    seed = _gold("seed.json")
    (tmp_path / "seed").mkdir()
    shutil.copy(CORPUS / "seed" / "jpnn-world-water-forum-2024.txt", tmp_path / "seed")
    record = load_gold(seed)[0]
    assert (
        resolve_source(seed, record.file)
        == (CORPUS / "seed" / "jpnn-world-water-forum-2024.txt").resolve()
    )
    assert resolve_source(seed, record.file, tmp_path) == (
        tmp_path / "seed" / "jpnn-world-water-forum-2024.txt"
    )
    evaluation = evaluate_gold(seed, corpus=tmp_path)
    assert evaluation.overall.scores["body"] == 1.0


def test_eval_command(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _gold("seed.json")
    assert main(["eval", str(seed), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["records"] == 1 and payload["overall"]["people"] == 1.0
    assert payload["sites"]["jpnn.com"]["records"] == 1
    assert main(["eval", str(seed), "--corpus", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "Every record matches its gold record exactly." in out


def test_eval_command_on_a_file_that_is_not_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    assert main(["eval", str(bad)]) == 1
    assert "not a gold file" in capsys.readouterr().err


def _table_gold(folder: Path, keys: list[str]) -> Path:
    """A gold set over a small table whose row 3 repeats row 1's text under another URL and
    whose row 4 has no text."""
    (folder / "corpus").mkdir(parents=True)
    (folder / "gold").mkdir()
    body = (
        "JAKARTA, KOMPAS.com - Banjir merendam sepuluh desa di Gresik, Selasa.\n"
        "Warga mengungsi ke balai desa."
    )
    with (folder / "corpus" / "rows.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        writer.writerow(["Banjir di Gresik", body, "https://www.kompas.com/read/1/banjir"])
        writer.writerow(
            [
                "Gempa di Cianjur",
                "Gempa mengguncang Cianjur pagi ini, warga berhamburan.",
                "https://www.kompas.com/read/2/gempa",
            ]
        )
        writer.writerow(["Banjir di Gresik", body, "https://amp.kompas.com/read/1/banjir"])
        writer.writerow(["Judul tanpa isi", "", "https://www.kompas.com/read/4/kosong"])
    gold = [
        {
            "source": {"file": "corpus/rows.csv", "key": key},
            "title": "Banjir di Gresik",
            "site": "kompas.com",
            "dateline_place": "Jakarta",
            "body": [
                "Banjir merendam sepuluh desa di Gresik, Selasa.",
                "Warga mengungsi ke balai desa.",
            ],
        }
        for key in keys
    ]
    path = folder / "gold" / "rows.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_a_repeated_row_is_joined_to_the_article_it_repeats(tmp_path: Path) -> None:
    gold = _table_gold(tmp_path, ["row 1", "row 3", "line 3"])
    evaluation = evaluate_gold(gold)
    assert [r.joined.locator for r in evaluation.records] == ["row 1", "row 3", "row 3"]
    assert evaluation.unmatched == []
    assert evaluation.overall.scores["title"] == 1.0
    assert evaluation.overall.scores["body"] == 1.0


def test_a_row_the_import_refused_says_why(tmp_path: Path) -> None:
    gold = _table_gold(tmp_path, ["row 4", "row 7"])
    refused, absent = evaluate_gold(gold).unmatched
    assert refused.joined.problem == "the import reported: the record has no article text"
    assert absent.joined.problem == "no article in the library was found at row 7"


def test_extract_only_scores_each_row_without_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _table_gold(tmp_path, ["row 3"])
    assert main(["eval", str(gold), "--extract-only", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["records"] == 1 and payload["overall"]["body"] == 1.0
