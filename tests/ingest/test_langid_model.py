"""The language model loads from a plain copy in the cache, and ranks exactly as py3langid's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from archive_app.ingest.normalise import langid_model

TEXTS = (
    "Banjir rob kembali merendam permukiman warga di Muara Angke, Jakarta Utara.",
    "The river rose overnight and residents were moved to higher ground.",
    "Kerajaan negeri akan membina semula jambatan yang runtuh itu.",
    "東京で大きな地震が発生しました",
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(langid_model.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_load_keeps_a_copy_and_the_next_reads_it_with_the_same_ranking(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = langid_model.load_identifier()
    (copy,) = cache.glob("py3langid-*.npy")
    assert copy.stat().st_size > 1_000_000

    def decompress_again(path: object) -> None:
        raise AssertionError(f"the shipped model was decompressed again: {path}")

    monkeypatch.setattr(langid_model.modelio, "load_model", decompress_again)
    second = langid_model.load_identifier()
    for text in TEXTS:
        assert first.rank(text) == second.rank(text) == shipped.rank(text), text


def test_a_damaged_copy_is_read_past_and_replaced(cache: Path) -> None:
    langid_model.load_identifier()
    (copy,) = cache.glob("py3langid-*.npy")
    copy.write_bytes(b"not a model")
    identifier = langid_model.load_identifier()
    assert identifier.classify(TEXTS[1])[0] == "en"
    assert copy.stat().st_size > 1_000_000  # written again whole


def test_a_cache_that_cannot_be_written_costs_only_time(cache: Path) -> None:
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the folder should be")
    assert langid_model.load_identifier().classify(TEXTS[0])[0] in ("id", "ms")


def test_a_copy_left_half_written_by_an_ended_process_is_removed(cache: Path) -> None:
    cache.mkdir()
    name = langid_model._cache_file(langid_model.MODEL_DIR / langid_model.MODEL_FILE).name
    stale = cache / f".{name}.0123456789ab.part"  # a process that ended mid-write
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    fresh = cache / f".{name}.ba9876543210.part"  # another process writing now
    fresh.write_bytes(b"in progress")
    langid_model.load_identifier()
    assert not stale.exists()
    assert fresh.exists()


def test_a_copy_in_the_former_format_is_removed_when_the_new_one_is_written(cache: Path) -> None:
    cache.mkdir()
    name = langid_model._cache_file(langid_model.MODEL_DIR / langid_model.MODEL_FILE).name
    former = cache / name.replace(".npy", ".npz")  # an earlier Arsip's whole-read copy
    former.write_bytes(b"68 MB nobody reads any more")
    identifier = langid_model.load_identifier()
    assert identifier.classify(TEXTS[1])[0] == "en"
    assert not former.exists()
    assert [p.suffix for p in cache.iterdir()] == [".npy"]


def test_a_truncated_copy_is_read_past(cache: Path) -> None:
    langid_model.load_identifier()
    (copy,) = cache.glob("py3langid-*.npy")
    whole = copy.stat().st_size
    with copy.open("r+b") as stream:  # a disk that filled up while it was written
        stream.truncate(whole // 2)
    assert langid_model.load_identifier().classify(TEXTS[1])[0] == "en"
    assert copy.stat().st_size == whole
