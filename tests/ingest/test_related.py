"""'Read also' links become related titles, never body text."""

from __future__ import annotations

from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.related import split_glued_titles, split_related


def test_inline_labels() -> None:
    title = "Kominfo Beri Penghargaan kepada 36 Mitra Terbaik Newsroom"
    assert split_related(f"BACA JUGA: {title}") == (True, title)
    assert split_related("Baca juga:Spesifikasi dan Harga iQoo Z10 5G di Indonesia") == (
        True,
        "Spesifikasi dan Harga iQoo Z10 5G di Indonesia",
    )
    assert split_related("Baca Juga : Saham BBRI Menguat Usai Rilis Laporan Keuangan")[1] == (
        "Saham BBRI Menguat Usai Rilis Laporan Keuangan"
    )
    # tribunnews writes a bare "Baca:"
    assert split_related("Baca: Jawaban Soal SMP, Senin 4 Mei 2020, Belajar dari Rumah di TVRI")[0]
    assert split_related("Baca Juga") == (True, "")


def test_friendly_labels_introduce_links_too() -> None:
    # kapanlagi rows in id_csv: "Yuk baca juga:", "Yuk, simak juga", "Simak berita lainnya:"
    title = "15 Seleb Korea yang Jadi Brand Ambassador Fashion"
    assert split_related(f"Yuk baca juga:{title}") == (True, title)
    assert split_related(f"Yuk, simak juga: {title}") == (True, title)
    assert split_related("Simak berita lainnya:Miley Cyrus Siap Luncurkan Album Studio Baru") == (
        True,
        "Miley Cyrus Siap Luncurkan Album Studio Baru",
    )
    assert split_related("Yuk baca juga:") == (True, "")


def test_sentences_that_mention_reading_are_body() -> None:
    assert split_related("Baca juga artikel ini untuk mengetahui caranya.") == (False, "")
    assert split_related("Baca selengkapnya di sini")[0] is False
    assert split_related("Bacaan Alkitab hari ini") == (False, "")


def test_label_then_title_on_the_next_line() -> None:
    # detik and kompas CSV rows: "Baca juga:" alone, the title below it
    record = body_article(
        "Jakarta\n-\nHonda Civic Type R resmi meluncur di Eropa.\nBaca juga:\n"
        "Mana yang Lebih 'Aman': Suzuki Fronx vs Raize-Rocky dan Honda WR-V?\n"
        "SCROLL TO CONTINUE WITH CONTENT\nModel ini dijual terbatas."
    )
    assert [r.title for r in record.related] == [
        "Mana yang Lebih 'Aman': Suzuki Fronx vs Raize-Rocky dan Honda WR-V?"
    ]
    assert record.body == [
        "Honda Civic Type R resmi meluncur di Eropa.",
        "Model ini dijual terbatas.",
    ]


def test_bare_label_with_a_list_of_titles() -> None:
    # republika CSV row 1
    text = (
        "REPUBLIKA.CO.ID, JAKARTA -- Kejaksaan Agung membuka peluang untuk mengusut.\n"
        "Baca Juga\n"
        "Ombudsman Jateng Masih Temukan Kasus Sekolah tak Terbitkan SKL dan Hambat Siswa\n"
        "Pembentukan Kopdes Merah Putih di Jateng 100 Persen\n"
        "Kuota Haji Indonesia 2026 Terancam Dipangkas 50 Persen\n"
        "Adapun hingga saat ini, kata dia, belum ada laporan pengaduan."
    )
    record = body_article(text)
    assert len(record.related) == 3
    assert record.body[-1] == "Adapun hingga saat ini, kata dia, belum ada laporan pengaduan."


def test_bare_label_before_a_subheading_adds_nothing() -> None:
    # liputan6 prints "Baca Juga" without its titles; the next line is the article's own
    text = (
        "Liputan6.com, Jakarta - Pemerintah merencanakan aturan baru.\nBaca Juga\n"
        "Rencana Regulasi Baru KRIS dan Ina-DRG\nAturan itu berlaku tahun depan."
    )
    record = body_article(text)
    assert record.related == []
    assert "Rencana Regulasi Baru KRIS dan Ina-DRG" in record.body


def test_glued_list_of_titles_is_split() -> None:
    # kapanlagi CSV row 36: "Baca Ini Juga Deh:" and five titles run together
    glued = (
        "Bukan Sakit Serius, Nikita Mirzani Dipindahkan Ke Tahanan Kejati DKIBerkas Sudah "
        "Lengkap, Nikita Mirzani Bakal Segera Disidangkan?3 Bulan Ditahan, Vadel Badjideh "
        "Galau Belum Dapatkan Status HukumPerpanjangan Masa Tahanan Habis, Nikita Mirzani "
        "Bebas?Nikita Mirzani Sakit, Berkas Belum Bisa Dilimpahkan ke Kejaksaan"
    )
    assert split_glued_titles(glued) == [
        "Bukan Sakit Serius, Nikita Mirzani Dipindahkan Ke Tahanan Kejati DKI",
        "Berkas Sudah Lengkap, Nikita Mirzani Bakal Segera Disidangkan?",
        "3 Bulan Ditahan, Vadel Badjideh Galau Belum Dapatkan Status Hukum",
        "Perpanjangan Masa Tahanan Habis, Nikita Mirzani Bebas?",
        "Nikita Mirzani Sakit, Berkas Belum Bisa Dilimpahkan ke Kejaksaan",
    ]


def test_one_title_with_inner_capitals_stays_whole() -> None:
    title = "Cara Download Video YouTube dan TikTok Tanpa Aplikasi Tambahan di HP Android Terbaru"
    assert split_glued_titles(title) == [title]


def test_links_run_into_a_paragraph_are_taken_out() -> None:
    # okezone in id_json glues "Baca Juga:" and its title into the paragraph's text
    text = (
        "JAKARTA - Marquez sudah lebih dari 10 tahun berkarier di MotoGP.Baca Juga:Bos Tim "
        "Valentino Rossi Akui Keganasan Marc Marquez: Sekarang yang Terkuat di MotoGP!Selama "
        "kariernya, Marquez sukses meraih 66 kemenangan."
    )
    record = body_article(text)
    assert [r.title for r in record.related] == [
        "Bos Tim Valentino Rossi Akui Keganasan Marc Marquez: Sekarang yang Terkuat di MotoGP!"
    ]
    assert record.body == [
        "Marquez sudah lebih dari 10 tahun berkarier di MotoGP.",
        "Selama kariernya, Marquez sukses meraih 66 kemenangan.",
    ]


def test_reading_advice_inside_a_sentence_is_no_link() -> None:
    record = body_article("Jakarta - Ia berkata, baca juga: bukunya yang terbaru itu.")
    assert record.related == []
    assert record.body == ["Ia berkata, baca juga: bukunya yang terbaru itu."]
