"""Photo captions with their credits, and the photographer where the credit names a person."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.captions import find_caption


@pytest.mark.parametrize(
    ("line", "caption", "credit", "photographer"),
    [
        # the seed page
        (
            "Direktorat Jenderal Informasi dan Komunikasi Publik menggelar Bimtek Kolaborasi "
            "Pengelola Media Sosial Pemerintah, untuk menggaungkan 10th World Water Forum 2024. "
            "Foto dok Kominfo",
            "Direktorat Jenderal Informasi dan Komunikasi Publik menggelar Bimtek Kolaborasi "
            "Pengelola Media Sosial Pemerintah, untuk menggaungkan 10th World Water Forum 2024.",
            "dok Kominfo",
            None,
        ),
        # detik CSV rows 61 and 653
        (
            "Honda Civic Type R Ultimate Edition Foto: Dok. Honda",
            "Honda Civic Type R Ultimate Edition",
            "Dok. Honda",
            None,
        ),
        (
            "Rapat Komisi V DPR dan perwakilan driver ojol membahas RUU Transportasi Online, Rabu "
            "(21/5/2025). (Anggi Muliawati/detikcom). Foto: Rapat Komisi V DPR dan perwakilan "
            "driver ojol membahas RUU Transportasi Online, Rabu (21/5/2025). "
            "(Anggi Muliawati/detikcom).",
            "Rapat Komisi V DPR dan perwakilan driver ojol membahas RUU Transportasi Online, Rabu "
            "(21/5/2025).",
            "Anggi Muliawati/detikcom",
            "Anggi Muliawati",
        ),
        (
            "Ratusan ojol demo di Patung Kuda tuntut komisi 10%. Foto: Ari Saputra",
            "Ratusan ojol demo di Patung Kuda tuntut komisi 10%.",
            "Ari Saputra",
            "Ari Saputra",
        ),
        # a detik page and an okezone page (html_id)
        (
            "Ilustrasi stroke. (Foto: Getty Images/iStockphoto/peterschreiber.media)",
            "Ilustrasi stroke.",
            "Getty Images/iStockphoto/peterschreiber.media",
            None,
        ),
        (
            "Cara Memulai Bisnis Baru. (Foto: Okezone.com/Shutterstock)",
            "Cara Memulai Bisnis Baru.",
            "Okezone.com/Shutterstock",
            None,
        ),
        # agency credits with the photographer's name
        (
            "Teknisi berada di dalam kendaraan taktis Maung. ANTARA FOTO/RAISAN AL FARISI",
            "Teknisi berada di dalam kendaraan taktis Maung.",
            "ANTARA FOTO/RAISAN AL FARISI",
            "RAISAN AL FARISI",
        ),
        (
            "Karyawan melintas di dekat logo Bank BRI di Jakarta, Senin (21/1/2019). - "
            "JIBI/Bisnis/Abdullah Azzam",
            "Karyawan melintas di dekat logo Bank BRI di Jakarta, Senin (21/1/2019).",
            "JIBI/Bisnis/Abdullah Azzam",
            "Abdullah Azzam",
        ),
        (
            "Marc Marquez pole position di kualifikasi MotoGP Aragon. (AFP/LLUIS GENE)",
            "Marc Marquez pole position di kualifikasi MotoGP Aragon.",
            "AFP/LLUIS GENE",
            "LLUIS GENE",
        ),
        (
            "President Reagan speaks to reporters. REUTERS/Kevin Lamarque",
            "President Reagan speaks to reporters.",
            "REUTERS/Kevin Lamarque",
            "Kevin Lamarque",
        ),
        (
            "Police officers stand guard. (AP Photo/Achmad Ibrahim)",
            "Police officers stand guard.",
            "AP Photo/Achmad Ibrahim",
            "Achmad Ibrahim",
        ),
        # kompas's figure credits: glued in parentheses after, or in front of the caption
        (
            "Menteri Perhubungan Budi Karya Sumadi dalam acara Kompas100 CEO Forum pada Rabu "
            "(1/11/2023).(Tangkapan layar Kanal YouTube Harian Kompas)",
            "Menteri Perhubungan Budi Karya Sumadi dalam acara Kompas100 CEO Forum pada Rabu "
            "(1/11/2023).",
            "Tangkapan layar Kanal YouTube Harian Kompas",
            None,
        ),
        (
            "iQoo IndiaTampilan tampang belakang iQoo Z10 Lite 5G warna Titanium Blue",
            "Tampilan tampang belakang iQoo Z10 Lite 5G warna Titanium Blue",
            "iQoo India",
            None,
        ),
        (
            "KOMPAS.com/Ruly KurniawanProduk terbaru PT Pindad, kendaraan taktis listrik MV3-EV Pandu",  # noqa: E501
            "Produk terbaru PT Pindad, kendaraan taktis listrik MV3-EV Pandu",
            "KOMPAS.com/Ruly Kurniawan",
            "Ruly Kurniawan",
        ),
        (
            "Dok. Jasa MargaRazia Truk ODOL dilakukan di Tol Jakarta-Tangerang pada 6-8 Mei 2025",
            "Razia Truk ODOL dilakukan di Tol Jakarta-Tangerang pada 6-8 Mei 2025",
            "Dok. Jasa Marga",
            None,
        ),
        # kapanlagi credit-only lines: a source, nobody's name
        ("Foto: Netflix.", None, "Netflix", None),
        ("Foto: instagram.com/wowkdrama.id.", None, "instagram.com/wowkdrama.id", None),
        (
            "Potret V BTS dan Song Kang (credit: Instagram.com/thv/)",
            "Potret V BTS dan Song Kang",
            "Instagram.com/thv/",
            None,
        ),
    ],
)
def test_captions(line: str, caption: str | None, credit: str, photographer: str | None) -> None:
    found = find_caption(line)
    assert found is not None
    assert (found.caption, found.credit, found.photographer) == (caption, credit, photographer)


@pytest.mark.parametrize(
    "line",
    [
        "Cek Fakta: Tidak Benar Dalam Foto Ini Najwa Shihab Ditangkap Polisi",
        "Sistem operasinya sudah berbasisAndroid15 yang dipoles dengan antarmuka (user interface/UI).",  # noqa: E501
        "Wakil Direktur Utama: Catherine Hindra SutjahyoDirektur Utama: Sugito Walujo",
        "Kegiatan itu digelar pada Selasa (10/6/2025).",
        "Kasus ini ditangani Polres Metro Jakarta Selatan (Polres Jaksel).",
    ],
)
def test_lines_that_are_no_captions(line: str) -> None:
    assert find_caption(line) is None


def test_caption_lines_stay_in_the_body_and_credit_lines_leave_it() -> None:
    # gold: a caption inside the article's text stays in the body and is listed too
    text = (
        "Kapanlagi.com - Bae Suzy merupakan salah satu aktris papan atas Korea Selatan.\n"
        "Foto: Netflix.\nLee Seung Gi dan Bae Suzy menjadi pasangan yang paling diingat.\n"
        "Honda Civic Type R Ultimate Edition Foto: Dok. Honda"
    )
    record = body_article(text)
    assert record.body == [
        "Bae Suzy merupakan salah satu aktris papan atas Korea Selatan.",
        "Lee Seung Gi dan Bae Suzy menjadi pasangan yang paling diingat.",
        "Honda Civic Type R Ultimate Edition Foto: Dok. Honda",
    ]
    assert [(p.caption, p.credit) for p in record.photos] == [
        (None, "Netflix"),
        ("Honda Civic Type R Ultimate Edition", "Dok. Honda"),
    ]
    assert record.people == []  # neither credit names a person


def test_photographer_joins_the_people() -> None:
    record = body_article(
        "Jakarta - Ratusan ojol menggelar demo.\n"
        "Ratusan ojol demo di Patung Kuda. Foto: Ari Saputra",
        author="Septian Farhan Nurhuda - detikFinance",
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Septian Farhan Nurhuda", "author"),
        ("Ari Saputra", "photographer"),
    ]
    assert record.rules["people.photographer"] == "caption:foto-suffix"
