"""Page furniture leaves the body; article text that merely resembles it stays."""

from __future__ import annotations

import pytest
from tests.conftest import corpus_path
from tests.ingest.conftest import body_article

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.noise import is_noise, strip_glued_tail


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "[Gambas:Video 20detik]",
        "[Gambas:Instagram]",
        'Simak Video "Penyakit Jantung Penyakit Orang Tua?"',
        "Simak juga Video: Pemerintah Cabut Izin 4 Perusahaan Tambang Nikel di Raja Ampat",
        "Lihat juga Video 'Motif Cucu Bunuh Nenek di Ciamis: Kesal Tak Diberi Uang':",
        "Saksikan Live DetikSore:",
        "Silakan baca konten menarik lainnya dari JPNN.com di Google News",
        "Terpopuler",
        "(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ketinggalan update dan berita "
        "terbaru seputar dunia hiburan tanah air dan juga luar negeri. Klik di sini ya, Klovers!)",
        "Cek Berita dan Artikel yang lain di Google News",
        "Baca selengkapnyadi sini",
        "-------- Artikel ini telah naik didetikJabar.",
        "Daftar Isi",
    ],
)
def test_furniture(line: str) -> None:
    assert is_noise(line)


@pytest.mark.parametrize(
    "line",
    [
        "Video tersebut diberi keterangan sebagai berikut.",
        "Iklan rokok dilarang tayang pada jam anak-anak, kata dia.",
        "Terpopuler di kalangan remaja adalah aplikasi ini.",
    ],
)
def test_article_text_is_not_furniture(line: str) -> None:
    assert not is_noise(line)


def test_site_trailers_are_data() -> None:
    assert is_noise("[Gambas:Video 20detik]", rules().site("detik.com"))
    jpnn = rules().site("jpnn.com")
    assert jpnn is not None
    assert "silakan baca konten menarik lainnya dari jpnn.com di google news" in jpnn.trailers


def test_promo_glued_to_a_paragraph_is_cut_and_the_source_kept() -> None:
    text, source = strip_glued_tail(
        "telah mencapai 84,71 persen.Ikuti Whatsapp Channel Republikasumber : Antara Foto"
    )
    assert (text, source) == ("telah mencapai 84,71 persen.", "sumber : Antara Foto")


def test_promo_broken_over_lines_is_removed_whole() -> None:
    # kompas CSV rows end with the WhatsApp channel promo split at its links
    text = (
        "BOGOR, KOMPAS.com – Polisi menggerebek sebuah kontrakan.\nSimak\nbreaking news\ndan\n"
        "berita pilihan\nkami langsung di ponselmu. Pilih saluran andalanmu akses berita "
        "Kompas.com WhatsApp Channel :\nhttps://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D"
        "\n. Pastikan kamu sudah install aplikasi WhatsApp ya."
    )
    assert body_article(text).body == ["Polisi menggerebek sebuah kontrakan."]


def test_video_promo_broken_at_a_link_takes_its_pieces_along() -> None:
    text = (
        "Jakarta\n-\nBus santri terguling saat melewati jalan menanjak.\n"
        "Simak juga Video 'Bus Santri Terguling saat Melewati Jalan Menanjak di\nMagelang\n"
        "[Gambas:Video 20detik]\n(rdp/idh)"
    )
    assert body_article(text).body == ["Bus santri terguling saat melewati jalan menanjak."]


def _every_pattern(line: str) -> bool:
    """The table's patterns tried one by one, as is_noise did before it chose among them."""
    folded = " ".join(line.split()) if len(line) <= 160 else line
    if len(folded) <= 160 and folded.lower().rstrip(" .:") in rules().noise_lines:
        return True
    return any(pattern.match(folded) for pattern in rules().noise_patterns)


def test_patterns_chosen_by_first_letter_and_length_find_what_every_pattern_finds() -> None:
    newsletter = "Sign up for our newsletter to get the day's news in your inbox."
    lines = [
        *corpus_path("seed", "jpnn-world-water-forum-2024.txt").read_text("utf-8").splitlines(),
        newsletter,
        "Breaking news. " + newsletter,
        "x" * 230 + ". " + newsletter,  # past the pattern's 240 characters: article text
        "Our weekly newsletter",
        "Our weekly newsletter".rjust(81, "a"),
        "Our weekly newsletter".rjust(80, "a"),
        "SIMAK JUGA VIDEO: Banjir di Jakarta",
        "\u017fimak juga video: Banjir",  # "ſ" is "s" to the patterns, ignoring case
        "\u00a9 2024 Kompas",
        "--- order reprints",
    ]
    found = [line for line in lines if is_noise(line)]
    assert found == [line for line in lines if _every_pattern(line)]
    assert newsletter in found and "SIMAK JUGA VIDEO: Banjir di Jakarta" in found
    assert "x" * 230 + ". " + newsletter not in found
