"""Text a scraper ran together (one long line, commas between paragraphs, credits glued to the
dateline, promotions glued to the last sentence) comes apart where a reader would part it."""

from __future__ import annotations

import json

from tests.conftest import corpus_path
from tests.ingest.conftest import body_article

from archive_app.ingest.extract import extract_file
from archive_app.ingest.normalise.oneline import split_comma_joined

ONE_LINE = (
    "dev_extra",
    "id_json",
    "mukhammad-develop-lang_scrape",
    "indonesian_news_20250917_150617.jsonl",
)
BABALENONG = ("dev_extra", "id_csv", "babalenong-scrapy-indonesian-news")


def _one_line_item(url_end: str) -> dict[str, str]:
    path = corpus_path(*ONE_LINE)
    for line in path.read_text(encoding="utf-8").splitlines():
        item: dict[str, str] = json.loads(line)
        if item["source_url"].endswith(url_end):
            return item
    raise AssertionError(f"no item ending {url_end} in {path}")


def test_a_one_line_body_parts_at_the_furniture_inside_it() -> None:
    # a detik page run into one line: "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT" and
    # "Baca juga: <title>" stood between paragraphs; "Halaman 2 dari 3", the sign-off and the
    # tag list close it
    item = _one_line_item("ngaku-sudah-hopeless")
    record = body_article(item["text"], title=item["title"], url=item["source_url"])
    assert [link.title for link in record.related] == [
        "Kepala Legal Wilmar Bantah Urus Suap Rp 60 M untuk Vonis Lepas Kasus Migor",
        "Jaksa Gali Aliran Duit Djuyamto: Bangun Kantor Terpadu NU, Nafkahi Istri",
    ]
    assert record.signoff == ["mib", "haf"] and record.dateline_place == "Jakarta"
    assert len(record.body) == 5
    assert record.body[1].startswith("Ayu mengaku tidak tahu Djuyamto")
    assert record.body[3].startswith("Ayu mengatakan Djuyamto tak pernah")
    assert record.body[4].startswith("Sebagai informasi, majelis hakim")
    assert record.body[4].endswith("masing-masing menerima Rp 6,2 miliar.")
    text = " ".join(record.body)
    for furniture in (
        "SCROLL",
        "ADVERTISEMENT",
        "Baca juga",
        "Halaman 2 dari 3",
        "(mib/haf)",
        "vonis lepas migor",
    ):
        assert furniture not in text


def test_a_related_title_ends_where_the_next_sentence_begins() -> None:
    text = (
        "Jakarta - Harga beras naik pekan ini di banyak pasar. Baca juga: Menkeu Bicara Soal "
        "Pajak Beras Menteri Keuangan Sri Mulyani mengatakan pajak tidak naik. Menteri "
        "Keuangan Sri Mulyani menambahkan hal itu di Jakarta."
    )
    record = body_article(text)
    # the subject the text names again ("Menteri Keuangan Sri Mulyani") starts the sentence
    assert [link.title for link in record.related] == ["Menkeu Bicara Soal Pajak Beras"]
    assert record.body[1].startswith("Menteri Keuangan Sri Mulyani mengatakan")
    # a short link line that is no sentence is a title whole, lower-case words and all
    record = body_article(
        "Jakarta - Harga beras naik.\nBaca juga: Jokowi Minta Menteri tidak "
        "Ribut Soal Anggaran\nPedagang mengeluh."
    )
    assert [link.title for link in record.related] == [
        "Jokowi Minta Menteri tidak Ribut Soal Anggaran"
    ]


def test_a_related_title_ends_at_a_double_space() -> None:
    text = (
        "Jakarta - Harga beras naik pekan ini di banyak pasar. Baca juga: Harga Beras Naik "
        "Lagi di Pasar Induk  Pedagang Beras Cipinang mengeluhkan sepinya pembeli sejak "
        "awal bulan ini."
    )
    record = body_article(text)
    assert [link.title for link in record.related] == ["Harga Beras Naik Lagi di Pasar Induk"]
    assert record.body[1].startswith("Pedagang Beras Cipinang mengeluhkan")


def test_a_credit_glued_to_the_dateline_is_split_off() -> None:
    for glue in (" ", ""):
        text = (
            f"Laporan Wartawan Tribunnews.com, Ilham Rian Pratama{glue}TRIBUNNEWS.COM, "
            "JAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin pagi."
        )
        record = body_article(text)
        assert [(p.name, p.role) for p in record.people] == [("Ilham Rian Pratama", "reporter")]
        assert record.site == "tribunnews.com" and record.dateline_place == "Jakarta"
        assert record.body == ["Presiden meresmikan jembatan baru di Jakarta pada Senin pagi."]


def test_a_dateline_without_a_dash() -> None:
    record = body_article("Liputan6.com, Jakarta Ramadhan kali ini terasa berbeda bagi warga.")
    assert record.site == "liputan6.com" and record.dateline_place == "Jakarta"
    assert record.body == ["Ramadhan kali ini terasa berbeda bagi warga."]
    assert record.rules["dateline_place"] == "dateline:site-place-nodash"
    # a place of two words the list of places knows
    record = body_article("Kompas.com, Jakarta Selatan Polisi menangkap dua pencuri motor.")
    assert record.dateline_place == "Jakarta Selatan"
    assert record.body == ["Polisi menangkap dua pencuri motor."]


def test_closing_promotions_glued_to_the_last_sentence_come_off() -> None:
    record = body_article(
        "Jakarta - Harga emas naik hari ini, kata dia.Simak selengkapnya di halaman berikutnya"
    )
    assert record.body == ["Harga emas naik hari ini, kata dia."]
    record = body_article("Jakarta - Harga emas naik hari ini, kata dia. Sumber: Bloomberg")
    assert record.body == ["Harga emas naik hari ini, kata dia."]
    assert record.agency == "Bloomberg"


def test_a_fact_check_promotion_with_a_phone_number_closes_no_article() -> None:
    # liputan6 in id_json closes with this; the same number in a story's own text stays
    promo = (
        "*** Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke "
        "nomor0811 9787 670hanya dengan ketik kata kunci yang diinginkan."
    )
    record = body_article(f"Jakarta - Polisi menangkap penyebar hoaks.\n{promo}")
    assert record.body == ["Polisi menangkap penyebar hoaks."]
    own = "Warga yang menerima hoaks itu dapat melapor lewat WhatsApp 0811-1621-162, kata petugas."
    record = body_article(f"Jakarta - Polisi menangkap penyebar hoaks.\n{own}\nIa ditahan.")
    assert own in record.body


def test_a_read_more_separator_inside_a_line_parts_it() -> None:
    record = body_article(
        "Jakarta - Harga emas naik hari ini. Baca selengkapnya di sini "
        "Pedagang emas di Cikini ramai dikunjungi pembeli."
    )
    assert record.body == [
        "Harga emas naik hari ini.",
        "Pedagang emas di Cikini ramai dikunjungi pembeli.",
    ]
    # the same words inside a sentence are the sentence's own
    kept = "Dilansir detikProperti ( baca selengkapnya di sini ), sertifikat tanah bisa dicek."
    assert body_article(kept).body == [kept]


def test_comma_joined_paragraphs_part_at_their_joints() -> None:
    text = (
        'Harga emas naik tajam hari ini.,"Kami kaget," kata pedagang.,Pembeli tetap datang '
        "ke toko emas di Cikini.,\n,\n,Toko tutup pukul 17.00 WIB., ,\n   ,"
    )
    assert [line for line in split_comma_joined(text).split("\n") if line] == [
        "Harga emas naik tajam hari ini.",
        '"Kami kaget," kata pedagang.',
        "Pembeli tetap datang ke toko emas di Cikini.",
        "Toko tutup pukul 17.00 WIB.",
    ]
    # one ".,X" typo in a text set line by line is no layout
    typo = "Harga naik.,Kata dia.\nBaris kedua.\nBaris ketiga."
    assert split_comma_joined(typo) == typo


def test_comma_joined_table_row_gives_the_reporter_and_the_site_from_the_file_name() -> None:
    path = corpus_path(*BABALENONG, "merdeka.csv")
    items = list(extract_file(path.name, path.read_bytes()).items)
    record = items[0].record
    assert record is not None
    assert record.site == "merdeka.com" and record.rules["site"] == "site:file-name"
    assert [(p.name, p.role) for p in record.people] == [("Pipit Ika Ramadhani", "reporter")]
    assert len(record.body) == 6
    assert record.body[1].startswith('"Dari data BPS dan juga Kementerian Koperasi')
    assert record.body[-1].endswith('work from home," beber Kasan.')
    assert not any("Reporter:" in p or "Sumber:" in p for p in record.body)


def test_the_file_name_names_the_site_only_when_the_table_does_not() -> None:
    data = b"judul,berita\nHarga Naik,Harga beras naik hari ini di pasar induk.\n"
    record = next(iter(extract_file("detik.csv", data).items)).record
    assert record is not None and record.site == "detik.com"
    assert next(iter(extract_file("berita.csv", data).items)).record.site is None  # type: ignore[union-attr]
    with_url = (
        b"judul,berita,url\nHarga Naik,Harga beras naik hari ini.,https://www.kompas.com/a/1\n"
    )
    record = next(iter(extract_file("detik.csv", with_url).items)).record
    assert record is not None and record.site == "kompas.com"


def test_a_dump_prints_its_headline_first_and_a_bare_dash_for_the_dateline() -> None:
    text = (
        "Urus Paspor Online Tanpa Ribet, Berikut Syarat dan Caranya\n\n-\n"
        "Paspor menjadi salah satu dokumen yang wajib dipersiapkan.\n"
        "Syarat Permohonan Paspor untuk Anak\nBiaya Permohonan Paspor\n"
        "Biaya pembuatan paspor sesuai dengan peraturan pemerintah.\n"
        "Artikel ini ditulis Raphaella Ade Siallagan, peserta program Magang Bersertifikat "
        "Kampus Merdeka di detikcom."
    )
    record = body_article(text)
    assert record.title == "Urus Paspor Online Tanpa Ribet, Berikut Syarat dan Caranya"
    assert record.rules["title"] == "title:first-line-gap" and record.dateline_place is None
    # the subheadings stay paragraphs of their own (see below); the closing note names a
    # contributor
    assert record.body == [
        "Paspor menjadi salah satu dokumen yang wajib dipersiapkan.",
        "Syarat Permohonan Paspor untuk Anak",
        "Biaya Permohonan Paspor",
        "Biaya pembuatan paspor sesuai dengan peraturan pemerintah.",
    ]
    assert [(p.name, p.role) for p in record.people] == [("Raphaella Ade Siallagan", "contributor")]
    # "- " before the first sentence is a dateline whose place the scraper stripped
    record = body_article("Judul Berita Hari Ini\n\n- Pemerintah menaikkan harga BBM.")
    assert record.title == "Judul Berita Hari Ini"
    assert record.body == ["Pemerintah menaikkan harga BBM."]
    record = body_article("iPhone 15 Lebih Unggul dari iPhone 15 Pro Max\n\n-\nYouTuber menguji.")
    assert record.title == "iPhone 15 Lebih Unggul dari iPhone 15 Pro Max"
    # a first line that is a dateline or a sentence is no headline
    for text in (
        "Jakarta -\n\nPemerintah menaikkan harga BBM.",
        "Pemerintah menaikkan harga BBM hari ini.\n\nWarga mengeluh.",
    ):
        record = body_article(text)
        assert not record.title
        assert record.body[-1] in text


def test_subheadings_stay_apart_but_a_name_broken_at_its_links_is_joined() -> None:
    text = (
        "Jakarta - Paspor wajib dipersiapkan.\nSyarat Permohonan Paspor untuk Anak\n"
        "Biaya Permohonan Paspor\nBiaya pembuatan paspor sesuai dengan peraturan."
    )
    assert body_article(text).body == [
        "Paspor wajib dipersiapkan.",
        "Syarat Permohonan Paspor untuk Anak",
        "Biaya Permohonan Paspor",
        "Biaya pembuatan paspor sesuai dengan peraturan.",
    ]
    # kompas in id_csv: every link of the sentence's subject on a line of its own
    text = (
        "JAKARTA, KOMPAS.com\n- Sekretaris Jenderal\nKementerian Dalam Negeri\nRI, Komjen "
        "Pol\nTomsi Tohir\nmengancam akan mengirimkan surat klarifikasi."
    )
    assert body_article(text).body == [
        "Sekretaris Jenderal Kementerian Dalam Negeri RI, Komjen Pol Tomsi Tohir mengancam "
        "akan mengirimkan surat klarifikasi."
    ]
    # a list whose items open with their own label: "Pemberi Suap: …" / "Penerima Suap: …"
    text = (
        "Jakarta - Berikut daftarnya.\nPemberi Suap: 1. Ade Yasin, Bupati Kabupaten Bogor "
        "2. Maulana Adam, Sekdis Dinas PUPR Kabupaten Bogor\nPenerima Suap: 1. Anthon "
        "Merdiansyah, Pegawai BPK Perwakilan Jawa Barat"
    )
    assert len(body_article(text).body) == 3
