<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>App</name>
    <message>
        <source>Arsip — library in use</source>
        <translation>Arsip — pustaka sedang dipakai</translation>
    </message>
    <message>
        <source>{error}

Close the other Arsip window or command, then try again.</source>
        <translation>{error}

Tutup jendela atau perintah Arsip yang lain, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Arsip — cannot open the library</source>
        <translation>Arsip — pustaka tidak dapat dibuka</translation>
    </message>
    <message>
        <source>the default library</source>
        <translation>pustaka bawaan</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>Set the site</source>
        <translation>Tetapkan situs</translation>
    </message>
    <message>
        <source>Set the language</source>
        <translation>Tetapkan bahasa</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Tambahkan tag</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>Hapus tag</translation>
    </message>
    <message>
        <source>Add to a collection</source>
        <translation>Masukkan ke koleksi</translation>
    </message>
    <message>
        <source>Remove from a collection</source>
        <translation>Keluarkan dari koleksi</translation>
    </message>
    <message>
        <source>Add a person with a role</source>
        <translation>Tambahkan orang dengan perannya</translation>
    </message>
    <message>
        <source>Remove a person</source>
        <translation>Hapus orang</translation>
    </message>
    <message>
        <source>Change a role</source>
        <translation>Ganti peran</translation>
    </message>
    <message>
        <source>Change the selected articles</source>
        <translation>Ubah artikel terpilih</translation>
    </message>
    <message>
        <source>The change applies to the {count} selected article.</source>
        <translation>Perubahan berlaku untuk {count} artikel terpilih.</translation>
    </message>
    <message>
        <source>The change applies to the {count} selected articles.</source>
        <translation>Perubahan berlaku untuk {count} artikel terpilih.</translation>
    </message>
    <message>
        <source>What to change</source>
        <translation>Yang diubah</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation>Nama orang</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>From the role</source>
        <translation>Dari peran</translation>
    </message>
    <message>
        <source>To the role</source>
        <translation>Menjadi peran</translation>
    </message>
    <message>
        <source>only this person (optional)</source>
        <translation>hanya orang ini (boleh dikosongkan)</translation>
    </message>
    <message>
        <source>in any role</source>
        <translation>dalam peran apa pun</translation>
    </message>
    <message>
        <source>Type the value first.</source>
        <translation>Ketik nilainya dulu.</translation>
    </message>
    <message>
        <source>Type the person&apos;s name first.</source>
        <translation>Ketik nama orangnya dulu.</translation>
    </message>
    <message>
        <source>Choose two different roles.</source>
        <translation>Pilih dua peran yang berbeda.</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Ubah</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Nilai</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Orang</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Peran</translation>
    </message>
    <message>
        <source>&amp;From the role</source>
        <translation>&amp;Dari peran</translation>
    </message>
    <message>
        <source>&amp;To the role</source>
        <translation>&amp;Menjadi peran</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>New collection</source>
        <translation>Koleksi baru</translation>
    </message>
    <message>
        <source>Name of the collection (a / makes one inside another: Banjir/Jawa Timur):</source>
        <translation>Nama koleksi (tanda / membuatnya di dalam koleksi lain: Banjir/Jawa Timur):</translation>
    </message>
    <message>
        <source>Collection “{path}” is ready: drag articles onto it.</source>
        <translation>Koleksi “{path}” siap: seret artikel ke atasnya.</translation>
    </message>
    <message>
        <source>{count} article added to “{path}”</source>
        <translation>{count} artikel dimasukkan ke “{path}”</translation>
    </message>
    <message>
        <source>{count} articles added to “{path}”</source>
        <translation>{count} artikel dimasukkan ke “{path}”</translation>
    </message>
    <message>
        <source>({count} already there)</source>
        <translation>({count} sudah ada di sana)</translation>
    </message>
    <message>
        <source>A search inside a collection cannot be saved; remove the collection filter first.</source>
        <translation>Pencarian di dalam koleksi tidak dapat disimpan; lepas dulu saringan koleksinya.</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>Smart collections</source>
        <translation>Koleksi pintar</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>{path}: {n} articles — choose it to list them, drop articles here to add them</source>
        <translation>{path}: {n} artikel — pilih untuk menampilkannya, jatuhkan artikel di sini untuk memasukkannya</translation>
    </message>
    <message>
        <source>{query} — this search no longer runs</source>
        <translation>{query} — pencarian ini tidak dapat dijalankan lagi</translation>
    </message>
    <message>
        <source>{query} — finds {n} articles now</source>
        <translation>{query} — saat ini menemukan {n} artikel</translation>
    </message>
    <message>
        <source>Tag {tag}: {n} articles — choose it to filter by it</source>
        <translation>Tag {tag}: {n} artikel — pilih untuk menyaring dengannya</translation>
    </message>
    <message>
        <source>Nothing needs review: the importer was sure of every article</source>
        <translation>Tidak ada yang perlu diperiksa: pengimpor yakin akan setiap artikel</translation>
    </message>
    <message>
        <source>{n} articles the importer was unsure of — choose it to list them ({query})</source>
        <translation>{n} artikel yang diragukan pengimpor — pilih untuk mendaftarnya ({query})</translation>
    </message>
    <message>
        <source>{kind}: {n} articles — choose it to list them ({query})</source>
        <translation>{kind}: {n} artikel — pilih untuk mendaftarnya ({query})</translation>
    </message>
    <message>
        <source>Collections, smart collections and tags</source>
        <translation>Koleksi, koleksi pintar, dan tag</translation>
    </message>
    <message>
        <source>Choose one to list its articles; drop articles from the results on a collection to add them</source>
        <translation>Pilih salah satu untuk menampilkan artikelnya; jatuhkan artikel dari hasil ke sebuah koleksi untuk memasukkannya</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Koleksi baru…</translation>
    </message>
    <message>
        <source>Save the current search as a smart collection…</source>
        <translation>Simpan pencarian ini sebagai koleksi pintar…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Make a collection or a smart collection</source>
        <translation>Buat koleksi atau koleksi pintar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the chosen smart collection</source>
        <translation>Hapus koleksi pintar yang dipilih</translation>
    </message>
    <message>
        <source>List its articles</source>
        <translation>Tampilkan artikelnya</translation>
    </message>
    <message>
        <source>New collection inside it…</source>
        <translation>Koleksi baru di dalamnya…</translation>
    </message>
    <message>
        <source>Export it…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Run the search</source>
        <translation>Jalankan pencarian</translation>
    </message>
    <message>
        <source>List the articles to review</source>
        <translation>Daftar artikel yang perlu diperiksa</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Done: {change}</source>
        <translation>Selesai: {change}</translation>
    </message>
    <message>
        <source>Nothing was changed: someone else changed {articles} since the preview.</source>
        <translation>Tidak ada yang diubah: orang lain mengubah {articles} sejak pratinjau.</translation>
    </message>
    <message>
        <source>Select articles in the results first (Shift or Ctrl chooses several).</source>
        <translation>Pilih dulu artikel di hasil (Shift atau Ctrl untuk memilih beberapa).</translation>
    </message>
    <message>
        <source>{change} — {count} changed</source>
        <translation>{change} — {count} berubah</translation>
    </message>
    <message>
        <source>Arsip could not make the change</source>
        <translation>Arsip tidak dapat membuat perubahan itu</translation>
    </message>
    <message>
        <source>Undo refused</source>
        <translation>Urungkan ditolak</translation>
    </message>
    <message>
        <source>Nothing was undone: someone else changed these since, and undoing would overwrite their change.</source>
        <translation>Tidak ada yang diurungkan: orang lain telah mengubahnya sejak itu, dan mengurungkan akan menimpa perubahan mereka.</translation>
    </message>
    <message>
        <source>Redo refused</source>
        <translation>Ulangi ditolak</translation>
    </message>
    <message>
        <source>Nothing was redone: someone else changed these since, and redoing would overwrite their change.</source>
        <translation>Tidak ada yang diulangi: orang lain telah mengubahnya sejak itu, dan mengulangi akan menimpa perubahan mereka.</translation>
    </message>
    <message>
        <source>Choose an article to edit first.</source>
        <translation>Pilih dulu artikel yang akan disunting.</translation>
    </message>
    <message>
        <source>Arsip could not open the article</source>
        <translation>Arsip tidak dapat membuka artikel</translation>
    </message>
    <message>
        <source>Saved: {change}</source>
        <translation>Tersimpan: {change}</translation>
    </message>
    <message>
        <source>Choose the articles you have reviewed first.</source>
        <translation>Pilih dulu artikel yang sudah Anda periksa.</translation>
    </message>
    <message>
        <source>Marked as reviewed: {count} — Ctrl+Z brings the flags back</source>
        <translation>Ditandai sudah diperiksa: {count} — Ctrl+Z mengembalikan tandanya</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>Kept the values saved by someone else</source>
        <translation>Nilai yang disimpan orang lain dipertahankan</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>articles with every word (word families too: gaung finds menggaungkan)</source>
        <translation>artikel yang memuat semua kata (juga bentuk turunannya: gaung menemukan menggaungkan)</translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation>frasa persis</translation>
    </message>
    <message>
        <source>the words within 5 words of each other</source>
        <translation>kata-kata yang berjarak paling jauh 5 kata</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>salah satu kata</translation>
    </message>
    <message>
        <source>without a word (also NOT jakarta)</source>
        <translation>tanpa suatu kata (juga NOT jakarta)</translation>
    </message>
    <message>
        <source>parentheses group</source>
        <translation>tanda kurung mengelompokkan</translation>
    </message>
    <message>
        <source>words starting with presid</source>
        <translation>kata yang diawali presid</translation>
    </message>
    <message>
        <source>near spellings (~2 allows two edits)</source>
        <translation>ejaan yang mirip (~2 membolehkan dua perubahan huruf)</translation>
    </message>
    <message>
        <source>in one part of the article</source>
        <translation>di satu bagian artikel saja</translation>
    </message>
    <message>
        <source>a person in any role; also author: reporter: editor: photographer: contributor:</source>
        <translation>seseorang dalam peran apa pun; juga author: reporter: editor: photographer: contributor:</translation>
    </message>
    <message>
        <source>a site (site:detik finds detik.com) or a dateline place</source>
        <translation>sebuah situs (site:detik menemukan detik.com) atau tempat dateline</translation>
    </message>
    <message>
        <source>a tag, or the article&apos;s language (id, en)</source>
        <translation>sebuah tag, atau bahasa artikel (id, en)</translation>
    </message>
    <message>
        <source>what the importer was unsure of: any flag, or one kind (date, language, body, title, person, photo, encoding)</source>
        <translation>yang diragukan pengimpor: tanda apa pun, atau satu jenis (date, language, body, title, person, photo, encoding)</translation>
    </message>
    <message>
        <source>a year, a month or a day</source>
        <translation>satu tahun, bulan, atau hari</translation>
    </message>
    <message>
        <source>a range (either end may be left open)</source>
        <translation>rentang tanggal (salah satu ujung boleh dikosongkan)</translation>
    </message>
    <message>
        <source>before or after a date</source>
        <translation>sebelum atau sesudah suatu tanggal</translation>
    </message>
</context>
<context>
    <name>Citation</name>
    <message>
        <source>APA (7th edition)</source>
        <translation>APA (edisi ke-7)</translation>
    </message>
    <message>
        <source>Chicago (bibliography)</source>
        <translation>Chicago (daftar pustaka)</translation>
    </message>
    <message>
        <source>Chicago (note)</source>
        <translation>Chicago (catatan kaki)</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Theirs (now in the catalogue):</source>
        <translation>Milik mereka (kini di katalog):</translation>
    </message>
    <message>
        <source>{field}: theirs</source>
        <translation>{field}: milik mereka</translation>
    </message>
    <message>
        <source>Yours:</source>
        <translation>Milik Anda:</translation>
    </message>
    <message>
        <source>{field}: yours</source>
        <translation>{field}: milik Anda</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Pakai milik mereka</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Pakai milik Anda</translation>
    </message>
    <message>
        <source>Combine them (edit below)</source>
        <translation>Gabungkan (sunting di bawah)</translation>
    </message>
    <message>
        <source>Keep for {field}</source>
        <translation>Yang dipakai untuk {field}</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Pakai:</translation>
    </message>
    <message>
        <source>{field}: combined value</source>
        <translation>{field}: nilai gabungan</translation>
    </message>
    <message>
        <source>The article changed meanwhile</source>
        <translation>Artikel berubah sementara itu</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Diubah orang lain</translation>
    </message>
    <message>
        <source>untitled article</source>
        <translation>artikel tanpa judul</translation>
    </message>
    <message>
        <source>“{title}” was changed by someone else since you opened it</source>
        <translation>“{title}” diubah orang lain sejak Anda membukanya</translation>
    </message>
    <message>
        <source>Nothing of yours was saved yet. For each field both of you changed, choose what to keep; your other changes are kept as you made them. Save writes your choices to the article as it is now.</source>
        <translation>Belum ada perubahan Anda yang tersimpan. Untuk setiap ruas yang diubah oleh Anda berdua, pilih yang dipakai; perubahan Anda yang lain tetap seperti yang Anda buat. Simpan menulis pilihan Anda ke artikel sebagaimana adanya sekarang.</translation>
    </message>
    <message>
        <source>They changed other fields than yours. Save writes your changes to the article as it is now, keeping theirs.</source>
        <translation>Mereka mengubah ruas lain, bukan ruas Anda. Simpan menulis perubahan Anda ke artikel sebagaimana adanya sekarang, dengan tetap mempertahankan perubahan mereka.</translation>
    </message>
    <message>
        <source>Fields both of you changed</source>
        <translation>Ruas yang diubah oleh Anda berdua</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save the chosen values</source>
        <translation>Simpan nilai yang dipilih</translation>
    </message>
    <message>
        <source>Back to the editor, nothing saved</source>
        <translation>Kembali ke penyunting, tidak ada yang disimpan</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something unexpected went wrong. You were doing: {doing}.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Yang sedang Anda lakukan: {doing}.</translation>
    </message>
    <message>
        <source>Your library is safe: Arsip writes each change whole or not at all, so every change it finished is kept and the one that failed was not half-written. To be sure, choose File ▸ Check fixity, or run in a terminal:
    archive-app check</source>
        <translation>Pustaka Anda aman: Arsip menulis setiap perubahan secara utuh atau tidak sama sekali, jadi setiap perubahan yang selesai tetap tersimpan dan perubahan yang gagal tidak tertulis setengah jalan. Untuk memastikan, pilih Berkas ▸ Periksa keutuhan berkas, atau jalankan di terminal:
    archive-app check</translation>
    </message>
    <message>
        <source>No report could be written ({problem}).</source>
        <translation>Laporan tidak dapat ditulis ({problem}).</translation>
    </message>
    <message>
        <source>A report was written to:
{path}
It holds what failed and the versions in use, no article text; nothing was sent anywhere.</source>
        <translation>Laporan ditulis ke:
{path}
Isinya apa yang gagal dan versi yang dipakai, tanpa teks artikel; tidak ada yang dikirim ke mana pun.</translation>
    </message>
    <message>
        <source>Arsip — something went wrong</source>
        <translation>Arsip — terjadi kesalahan</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>Tampilkan laporan</translation>
    </message>
    <message>
        <source>using the window</source>
        <translation>memakai jendela</translation>
    </message>
    <message>
        <source>importing files</source>
        <translation>mengimpor berkas</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>time zone not given</source>
        <translation>zona waktu tidak disebut</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>2024-05-17 03:50 WIB or 2024-05-17T03:50:00+07:00</source>
        <translation>2024-05-17 03:50 WIB atau 2024-05-17T03:50:00+07:00</translation>
    </message>
    <message>
        <source>kompas.com</source>
        <translation>kompas.com</translation>
    </message>
    <message>
        <source>codes separated by commas: chi, jpnn</source>
        <translation>kode dipisah koma: chi, jpnn</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>dipisah koma</translation>
    </message>
    <message>
        <source>separated by commas: banjir, liputan khusus</source>
        <translation>dipisah koma: banjir, liputan khusus</translation>
    </message>
    <message>
        <source>separated by commas; a / nests: Banjir/Jawa Timur</source>
        <translation>dipisah koma; tanda / untuk bertingkat: Banjir/Jawa Timur</translation>
    </message>
    <message>
        <source>untitled article</source>
        <translation>artikel tanpa judul</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Sunting “{title}”</translation>
    </message>
    <message>
        <source>Article editor</source>
        <translation>Penyunting artikel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save the changes as one change</source>
        <translation>Simpan semua perubahan sebagai satu perubahan</translation>
    </message>
    <message>
        <source>{title} — article {id}</source>
        <translation>{title} — artikel {id}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekaman</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Photos and links</source>
        <translation>Foto dan tautan</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kredit</translation>
    </message>
    <message>
        <source>Photographer</source>
        <translation>Fotografer</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Kantor berita</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Alamat (URL)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>An empty line separates paragraphs.</source>
        <translation>Baris kosong memisahkan paragraf.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>A note for librarians; it is not part of the article&apos;s text.</source>
        <translation>Catatan untuk pustakawan; bukan bagian dari teks artikel.</translation>
    </message>
    <message>
        <source>History of the article</source>
        <translation>Riwayat artikel</translation>
    </message>
    <message>
        <source>Not edited yet: every value is as it was imported.</source>
        <translation>Belum pernah disunting: setiap nilai masih seperti saat diimpor.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Reads as {date}</source>
        <translation>Terbaca sebagai {date}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Nothing was saved; the catalogue keeps “{old}”.</source>
        <translation>Tidak ada yang disimpan; katalog tetap berisi “{old}”.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Add a row to {name}</source>
        <translation>Tambah baris ke {name}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the chosen row from {name}</source>
        <translation>Hapus baris terpilih dari {name}</translation>
    </message>
    <message>
        <source>Parts of the record</source>
        <translation>Bagian-bagian rekaman</translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab move from part to part.</source>
        <translation>Ctrl+Tab dan Ctrl+Shift+Tab berpindah dari bagian ke bagian.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export into a folder (an empty one, or a new folder is made inside)</source>
        <translation>Ekspor ke folder (folder kosong, atau folder baru dibuat di dalamnya)</translation>
    </message>
    <message>
        <source>Export to a file</source>
        <translation>Ekspor ke berkas</translation>
    </message>
    <message>
        <source>{format} files (*{suffix});;All files (*)</source>
        <translation>Berkas {format} (*{suffix});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Mengekspor ke {path}…</translation>
    </message>
    <message>
        <source>{count} article exported</source>
        <translation>{count} artikel diekspor</translation>
    </message>
    <message>
        <source>{count} articles exported</source>
        <translation>{count} artikel diekspor</translation>
    </message>
    <message>
        <source>{what} to {path}.</source>
        <translation>{what} ke {path}.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Ekspor selesai</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Ekspor gagal.</translation>
    </message>
    <message>
        <source>Arsip could not export</source>
        <translation>Arsip tidak dapat mengekspor</translation>
    </message>
    <message>
        <source>Written, but note:</source>
        <translation>Sudah ditulis, tetapi perhatikan:</translation>
    </message>
    <message>
        <source>lossless catalogue records, one per line (imports back)</source>
        <translation>rekaman katalog utuh, satu per baris (dapat diimpor kembali)</translation>
    </message>
    <message>
        <source>a spreadsheet table, one row per article</source>
        <translation>tabel lembar kerja, satu baris per artikel</translation>
    </message>
    <message>
        <source>for Zotero, Pandoc and citation processors</source>
        <translation>untuk Zotero, Pandoc, dan pengolah sitasi</translation>
    </message>
    <message>
        <source>references for reference managers</source>
        <translation>referensi untuk pengelola referensi</translation>
    </message>
    <message>
        <source>BibTeX/biblatex entries</source>
        <translation>entri BibTeX/biblatex</translation>
    </message>
    <message>
        <source>Dublin Core records for repositories</source>
        <translation>rekaman Dublin Core untuk repositori</translation>
    </message>
    <message>
        <source>schema.org NewsArticle for the web</source>
        <translation>NewsArticle schema.org untuk web</translation>
    </message>
    <message>
        <source>a folder of pages with photos, readable in any browser</source>
        <translation>folder halaman beserta fotonya, terbaca di peramban mana pun</translation>
    </message>
    <message>
        <source>the original files with a SHA-256 manifest</source>
        <translation>berkas asli beserta manifes SHA-256</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Yang diekspor</translation>
    </message>
    <message>
        <source>The article “{title}”</source>
        <translation>Artikel “{title}”</translation>
    </message>
    <message>
        <source>The article (none is open)</source>
        <translation>Artikel (tidak ada yang dibuka)</translation>
    </message>
    <message>
        <source>The {count} selected article</source>
        <translation>{count} artikel terpilih</translation>
    </message>
    <message>
        <source>The {count} selected articles</source>
        <translation>{count} artikel terpilih</translation>
    </message>
    <message>
        <source>A collection</source>
        <translation>Sebuah koleksi</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>The search result: {count} article ({query})</source>
        <translation>Hasil pencarian: {count} artikel ({query})</translation>
    </message>
    <message>
        <source>The search result: {count} articles ({query})</source>
        <translation>Hasil pencarian: {count} artikel ({query})</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Start with a byte-order mark (for Excel)</source>
        <translation>Awali dengan penanda urutan bita (untuk Excel)</translation>
    </message>
    <message>
        <source>CSV columns</source>
        <translation>Kolom CSV</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Export articles</source>
        <translation>Ekspor artikel</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>Belum ada yang dapat diekspor.</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Centang sedikitnya satu kolom.</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
</context>
<context>
    <name>Facets</name>
    <message>
        <source>Sites</source>
        <translation>Situs</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>{group}: {n} values</source>
        <translation>{group}: {n} nilai</translation>
    </message>
    <message>
        <source>click to remove this filter</source>
        <translation>klik untuk melepas saringan ini</translation>
    </message>
    <message>
        <source>click to filter by it</source>
        <translation>klik untuk menyaring dengannya</translation>
    </message>
    <message>
        <source>{value}: {n} articles — {state}</source>
        <translation>{value}: {n} artikel — {state}</translation>
    </message>
    <message>
        <source>Narrow the results</source>
        <translation>Persempit hasil</translation>
    </message>
    <message>
        <source>Sites, years, languages, places, people and tags in the results, with counts; choose one to filter by it, choose it again to remove the filter</source>
        <translation>Situs, tahun, bahasa, tempat, orang, dan tag dalam hasil, beserta jumlahnya; pilih salah satu untuk menyaring, pilih lagi untuk melepas saringannya</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Dateline place</source>
        <translation>Tempat dateline</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Alamat (URL)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>Tautan terkait</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Sign-off codes</source>
        <translation>Kode inisial</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Kantor berita</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Kata kunci</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Active filters</source>
        <translation>Saringan aktif</translation>
    </message>
    <message>
        <source>Filtered by:</source>
        <translation>Disaring menurut:</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Lepas semua</translation>
    </message>
    <message>
        <source>Remove every filter</source>
        <translation>Lepas semua saringan</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Lepas saringan ini</translation>
    </message>
    <message>
        <source>Remove filter {label}</source>
        <translation>Lepas saringan {label}</translation>
    </message>
    <message>
        <source>Date: {value}</source>
        <translation>Tanggal: {value}</translation>
    </message>
    <message>
        <source>Collection: {value}</source>
        <translation>Koleksi: {value}</translation>
    </message>
    <message>
        <source>Language: {value}</source>
        <translation>Bahasa: {value}</translation>
    </message>
    <message>
        <source>Site: {value}</source>
        <translation>Situs: {value}</translation>
    </message>
    <message>
        <source>Place: {value}</source>
        <translation>Tempat: {value}</translation>
    </message>
    <message>
        <source>Person: {value}</source>
        <translation>Orang: {value}</translation>
    </message>
    <message>
        <source>Tag: {value}</source>
        <translation>Tag: {value}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Arsip manual</source>
        <translation>Manual Arsip</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>Cari di manual</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Kecocokan sebelumnya</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Kecocokan berikutnya</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Bab</translation>
    </message>
    <message>
        <source>Manual page</source>
        <translation>Halaman manual</translation>
    </message>
    <message>
        <source>Type a word to find it in every chapter.</source>
        <translation>Ketik sebuah kata untuk mencarinya di semua bab.</translation>
    </message>
    <message>
        <source>Not found in the manual.</source>
        <translation>Tidak ditemukan di manual.</translation>
    </message>
    <message>
        <source>{matches} in {chapters}</source>
        <translation>{matches} di {chapters}</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 kecocokan</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} kecocokan</translation>
    </message>
    <message>
        <source>1 chapter</source>
        <translation>1 bab</translation>
    </message>
    <message>
        <source>{count} chapters</source>
        <translation>{count} bab</translation>
    </message>
    <message>
        <source>About Arsip</source>
        <translation>Tentang Arsip</translation>
    </message>
    <message>
        <source>An offline archive of news articles.</source>
        <translation>Arsip artikel berita yang bekerja tanpa internet.</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Pustaka:</translation>
    </message>
    <message>
        <source>&amp;Copy these details</source>
        <translation>&amp;Salin rincian ini</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>Pustaka: {path}</translation>
    </message>
    <message>
        <source>Arsip &amp;manual</source>
        <translation>&amp;Manual Arsip</translation>
    </message>
    <message>
        <source>&amp;About Arsip</source>
        <translation>&amp;Tentang Arsip</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
</context>
<context>
    <name>Histogram</name>
    <message>
        <source>Articles over time</source>
        <translation>Artikel dari waktu ke waktu</translation>
    </message>
    <message>
        <source>Bars count the results per month or year. Drag across bars, or use the arrow keys with Shift and press Enter, to filter by those dates.</source>
        <translation>Batang menghitung hasil per bulan atau per tahun. Seret melintasi batang, atau pakai tombol panah dengan Shift lalu tekan Enter, untuk menyaring menurut tanggal itu.</translation>
    </message>
    <message>
        <source>No dated articles</source>
        <translation>Tidak ada artikel bertanggal</translation>
    </message>
    <message>
        <source>{when}: {n} articles</source>
        <translation>{when}: {n} artikel</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Nilai lama</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nilai baru</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>suntingan</translation>
    </message>
    <message>
        <source>bulk change</source>
        <translation>perubahan massal</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>urungkan</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>ulangi</translation>
    </message>
    <message>
        <source>people merged</source>
        <translation>orang digabungkan</translation>
    </message>
    <message>
        <source>person split</source>
        <translation>orang dipisahkan</translation>
    </message>
    <message>
        <source>sign-off code</source>
        <translation>kode inisial</translation>
    </message>
    <message>
        <source>place spelling</source>
        <translation>ejaan tempat</translation>
    </message>
    <message>
        <source>{when} (undone)</source>
        <translation>{when} (diurungkan)</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{added} added · {updated} updated · {duplicates} duplicates · {failed} failed</source>
        <translation>{added} ditambahkan · {updated} diperbarui · {duplicates} duplikat · {failed} gagal</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 berkas</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} berkas</translation>
    </message>
    <message>
        <source>Stopped after</source>
        <translation>Berhenti setelah</translation>
    </message>
    <message>
        <source>Cancelled after</source>
        <translation>Dibatalkan setelah</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Selesai:</translation>
    </message>
    <message>
        <source>{state} {counts} — {files} in {seconds} s</source>
        <translation>{state} {counts} — {files} dalam {seconds} dtk</translation>
    </message>
    <message>
        <source>Indexed {n} articles left over from an interrupted import.</source>
        <translation>{n} artikel sisa impor yang terputus telah diindeks.</translation>
    </message>
    <message>
        <source>The import was cancelled: the files finished before it stopped are in the library; nothing of the interrupted file was kept.</source>
        <translation>Impor dibatalkan: berkas yang selesai sebelum berhenti sudah ada di pustaka; tidak ada bagian dari berkas yang terputus yang disimpan.</translation>
    </message>
    <message>
        <source>Failed (not imported):</source>
        <translation>Gagal (tidak diimpor):</translation>
    </message>
    <message>
        <source>  {where}: article {id} — {message}</source>
        <translation>  {where}: artikel {id} — {message}</translation>
    </message>
    <message>
        <source>Updated (kept as a new version):</source>
        <translation>Diperbarui (disimpan sebagai versi baru):</translation>
    </message>
    <message>
        <source>Duplicates (nothing added):</source>
        <translation>Duplikat (tidak ada yang ditambahkan):</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Peringatan:</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Impor berhenti</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Impor dibatalkan</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Ringkasan impor</translation>
    </message>
    <message>
        <source>Import details</source>
        <translation>Rincian impor</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Status impor</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Kemajuan impor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} butir</translation>
    </message>
    <message>
        <source>Importing {what}…</source>
        <translation>Mengimpor {what}…</translation>
    </message>
    <message>
        <source>file {n} of {total}</source>
        <translation>berkas {n} dari {total}</translation>
    </message>
    <message>
        <source> — {n} added</source>
        <translation> — {n} ditambahkan</translation>
    </message>
    <message>
        <source>Importing {file} ({position}){added}</source>
        <translation>Mengimpor {file} ({position}){added}</translation>
    </message>
    <message>
        <source>Importing… {position}{added}</source>
        <translation>Mengimpor… {position}{added}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Cancelling: stopping at the next safe point…</source>
        <translation>Membatalkan: berhenti di titik aman berikutnya…</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>Bahasa Melayu</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>tidak dapat ditentukan</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
</context>
<context>
    <name>Libraries</name>
    <message>
        <source>Arsip — library not found</source>
        <translation>Arsip — pustaka tidak ditemukan</translation>
    </message>
    <message>
        <source>{reason}.

Arsip did not make a new, empty library in its place. If it moved, choose File ▸ Open library and pick its new folder.</source>
        <translation>{reason}.

Arsip tidak membuat pustaka baru yang kosong sebagai gantinya. Jika pustaka itu dipindahkan, pilih Berkas ▸ Buka pustaka lalu pilih foldernya yang baru.</translation>
    </message>
    <message>
        <source>Library not found</source>
        <translation>Pustaka tidak ditemukan</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Hapus dari daftar</translation>
    </message>
    <message>
        <source>Keep in the list</source>
        <translation>Biarkan di daftar</translation>
    </message>
    <message>
        <source>{path} — not found</source>
        <translation>{path} — tidak ditemukan</translation>
    </message>
    <message>
        <source>No other library yet</source>
        <translation>Belum ada pustaka lain</translation>
    </message>
    <message>
        <source>New library — choose or make an empty folder</source>
        <translation>Pustaka baru — pilih atau buat folder kosong</translation>
    </message>
    <message>
        <source>Open library — choose the folder of an Arsip library</source>
        <translation>Buka pustaka — pilih folder pustaka Arsip</translation>
    </message>
    <message>
        <source>{path} is open already</source>
        <translation>{path} sudah terbuka</translation>
    </message>
    <message>
        <source>Arsip — wait before switching</source>
        <translation>Arsip — tunggu sebelum berpindah</translation>
    </message>
    <message>
        <source>{work} is running in this library; wait for it to end first.</source>
        <translation>{work} sedang berjalan di pustaka ini; tunggu sampai selesai dulu.</translation>
    </message>
    <message>
        <source>Library {path} is open</source>
        <translation>Pustaka {path} terbuka</translation>
    </message>
    <message>
        <source>Arsip — cannot open the library</source>
        <translation>Arsip — pustaka tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Arsip — library in use</source>
        <translation>Arsip — pustaka sedang dipakai</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>Import &amp;files…</source>
        <translation>Impor &amp;berkas…</translation>
    </message>
    <message>
        <source>Import f&amp;older…</source>
        <translation>Impor &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Print the article…</source>
        <translation>&amp;Cetak artikel…</translation>
    </message>
    <message>
        <source>Save the article as P&amp;DF…</source>
        <translation>Simpan artikel sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>&amp;Back up the library…</source>
        <translation>Cadan&amp;gkan pustaka…</translation>
    </message>
    <message>
        <source>Check fi&amp;xity</source>
        <translation>Periksa keu&amp;tuhan berkas</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>P&amp;referensi…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Edit the article…</source>
        <translation>&amp;Sunting artikel…</translation>
    </message>
    <message>
        <source>Res&amp;tore a backup…</source>
        <translation>&amp;Pulihkan cadangan…</translation>
    </message>
    <message>
        <source>&amp;New library…</source>
        <translation>Pustaka &amp;baru…</translation>
    </message>
    <message>
        <source>Open &amp;library…</source>
        <translation>B&amp;uka pustaka…</translation>
    </message>
    <message>
        <source>Re&amp;cent libraries</source>
        <translation>Pustaka te&amp;rakhir</translation>
    </message>
    <message>
        <source>C&amp;hange the selected articles…</source>
        <translation>Ubah artikel ter&amp;pilih…</translation>
    </message>
    <message>
        <source>Find and re&amp;place…</source>
        <translation>Cari dan &amp;ganti…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Find in the article</source>
        <translation>Cari di &amp;dalam artikel</translation>
    </message>
    <message>
        <source>Copy a &amp;citation</source>
        <translation>Salin &amp;kutipan</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Kosongkan pencarian</translation>
    </message>
    <message>
        <source>&amp;Next result</source>
        <translation>Hasil &amp;berikutnya</translation>
    </message>
    <message>
        <source>Pre&amp;vious result</source>
        <translation>Hasil se&amp;belumnya</translation>
    </message>
    <message>
        <source>Next &amp;hit in the article</source>
        <translation>Temuan berikutnya di &amp;artikel</translation>
    </message>
    <message>
        <source>Previous hi&amp;t in the article</source>
        <translation>&amp;Temuan sebelumnya di artikel</translation>
    </message>
    <message>
        <source>&amp;Photos of the article</source>
        <translation>&amp;Foto artikel</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Teks lebih &amp;besar</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>Teks lebih &amp;kecil</translation>
    </message>
    <message>
        <source>&amp;Actual text size</source>
        <translation>&amp;Ukuran teks semula</translation>
    </message>
    <message>
        <source>&amp;Save this search…</source>
        <translation>&amp;Simpan pencarian ini…</translation>
    </message>
    <message>
        <source>Remove every &amp;filter</source>
        <translation>Lepas semua &amp;saringan</translation>
    </message>
    <message>
        <source>Search &amp;language</source>
        <translation>&amp;Bahasa pencarian</translation>
    </message>
    <message>
        <source>&amp;New collection…</source>
        <translation>&amp;Koleksi baru…</translation>
    </message>
    <message>
        <source>&amp;Add the selection to a collection…</source>
        <translation>&amp;Masukkan pilihan ke koleksi…</translation>
    </message>
    <message>
        <source>&amp;Tag the selection…</source>
        <translation>Beri &amp;tag pada pilihan…</translation>
    </message>
    <message>
        <source>&amp;Mark as reviewed</source>
        <translation>&amp;Tandai sudah diperiksa</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;Orang…</translation>
    </message>
    <message>
        <source>P&amp;laces…</source>
        <translation>T&amp;empat…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Se&amp;arch</source>
        <translation>&amp;Pencarian</translation>
    </message>
    <message>
        <source>&amp;Catalogue</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Urungkan {change}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>U&amp;langi {change}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>A sign-off code needs a site and the code.</source>
        <translation>Kode inisial memerlukan situs dan kodenya.</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>Merge two people</source>
        <translation>Gabungkan dua orang</translation>
    </message>
    <message>
        <source>Which name stays? The other becomes one of its spellings: searches for either find the person&apos;s articles, and Split takes it apart again.</source>
        <translation>Nama mana yang dipertahankan? Nama lainnya menjadi salah satu ejaannya: pencarian dengan nama mana pun menemukan artikel orang itu, dan Pisahkan memisahkannya lagi.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Attach a sign-off code</source>
        <translation>Tautkan kode inisial</translation>
    </message>
    <message>
        <source>{person} is credited as editor on every article of the site that is signed off with the code.</source>
        <translation>{person} dicantumkan sebagai redaktur di setiap artikel situs itu yang ditutup dengan kode tersebut.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <source>chi</source>
        <translation>chi</translation>
    </message>
    <message>
        <source>Sign-off code</source>
        <translation>Kode inisial</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Tautkan</translation>
    </message>
    <message>
        <source>People and places</source>
        <translation>Orang dan tempat</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Find a person, a spelling or a code</source>
        <translation>Cari orang, ejaan, atau kode</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Cari orang</translation>
    </message>
    <message>
        <source>People in the library</source>
        <translation>Orang di pustaka</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Gabungkan…</translation>
    </message>
    <message>
        <source>Two selected people are one person</source>
        <translation>Dua orang terpilih adalah satu orang</translation>
    </message>
    <message>
        <source>Split a spelling…</source>
        <translation>Pisahkan ejaan…</translation>
    </message>
    <message>
        <source>A spelling was merged by mistake</source>
        <translation>Sebuah ejaan keliru digabungkan</translation>
    </message>
    <message>
        <source>Sign-off code…</source>
        <translation>Kode inisial…</translation>
    </message>
    <message>
        <source>Say who a site&apos;s sign-off code stands for</source>
        <translation>Tetapkan siapa pemilik kode inisial sebuah situs</translation>
    </message>
    <message>
        <source>Search their articles</source>
        <translation>Cari artikelnya</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} orang</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} orang</translation>
    </message>
    <message>
        <source>Split a spelling</source>
        <translation>Pisahkan ejaan</translation>
    </message>
    <message>
        <source>Which spelling of {name} is somebody else?</source>
        <translation>Ejaan {name} yang mana adalah orang lain?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Ejaan lain</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sign-off codes</source>
        <translation>Kode inisial</translation>
    </message>
    <message>
        <source>People or places</source>
        <translation>Orang atau tempat</translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab switch between people and places.</source>
        <translation>Ctrl+Tab dan Ctrl+Shift+Tab berpindah antara orang dan tempat.</translation>
    </message>
</context>
<context>
    <name>Person</name>
    <message>
        <source>{role} ({n})</source>
        <translation>{role} ({n})</translation>
    </message>
    <message>
        <source>By year: {years}</source>
        <translation>Per tahun: {years}</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>the newest are listed</source>
        <translation>yang terbaru yang didaftar</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>← Back to the article</source>
        <translation>← Kembali ke artikel</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>Kembali ke artikel</translation>
    </message>
    <message>
        <source>Search for this person</source>
        <translation>Cari orang ini</translation>
    </message>
    <message>
        <source>Articles per year</source>
        <translation>Artikel per tahun</translation>
    </message>
    <message>
        <source>Articles by role</source>
        <translation>Artikel menurut peran</translation>
    </message>
    <message>
        <source>Finding {name}&apos;s articles…</source>
        <translation>Mencari artikel {name}…</translation>
    </message>
    <message>
        <source>No article in this library credits {name}.</source>
        <translation>Tidak ada artikel di pustaka ini yang mencantumkan {name}.</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>Headline</source>
        <translation>Judul utama</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Photographer</source>
        <translation>Fotografer</translation>
    </message>
    <message>
        <source>Photographer&apos;s title</source>
        <translation>Jabatan fotografer</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kredit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Hak cipta</translation>
    </message>
    <message>
        <source>Caption writer</source>
        <translation>Penulis keterangan</translation>
    </message>
    <message>
        <source>Object name</source>
        <translation>Nama objek</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Kata kunci</translation>
    </message>
    <message>
        <source>Camera maker</source>
        <translation>Pembuat kamera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lensa</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Pencahayaan</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>Bukaan</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Panjang fokus</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Perangkat lunak</translation>
    </message>
    <message>
        <source>File changed</source>
        <translation>Berkas diubah</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Kantor berita</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>In the article</source>
        <translation>Di artikel</translation>
    </message>
    <message>
        <source>No caption or credit was recorded.</source>
        <translation>Tidak ada keterangan atau kredit yang tercatat.</translation>
    </message>
    <message>
        <source>The photo file was not archived; only what the article printed about it is kept.</source>
        <translation>Berkas foto tidak diarsipkan; hanya yang dicetak artikel tentang foto ini yang disimpan.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Membaca berkas…</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Di berkas</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>Berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, {format}</source>
        <translation>{width} × {height} piksel, {format}</translation>
    </message>
    <message>
        <source>No credits or camera details are embedded.</source>
        <translation>Tidak ada kredit atau rincian kamera yang tertanam.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>not archived</source>
        <translation>tidak diarsipkan</translation>
    </message>
    <message>
        <source>Photos — {title}</source>
        <translation>Foto — {title}</translation>
    </message>
    <message>
        <source>Photo viewer</source>
        <translation>Penampil foto</translation>
    </message>
    <message>
        <source>Photo not archived</source>
        <translation>Foto tidak diarsipkan</translation>
    </message>
    <message>
        <source>Caption, credit and file details</source>
        <translation>Keterangan, kredit, dan rincian berkas</translation>
    </message>
    <message>
        <source>The article&apos;s photos</source>
        <translation>Foto-foto artikel</translation>
    </message>
    <message>
        <source>Previous photo (Left)</source>
        <translation>Foto sebelumnya (Kiri)</translation>
    </message>
    <message>
        <source>Next photo (Right)</source>
        <translation>Foto berikutnya (Kanan)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>Pas di jendela (F)</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Ukuran asli (1)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Perkecil (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Perbesar (+)</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <source>Save a copy of the photo file (Ctrl+S)</source>
        <translation>Simpan salinan berkas foto (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Photo {n}</source>
        <translation>Foto {n}</translation>
    </message>
    <message>
        <source>Photo {n} of {total} — {title}</source>
        <translation>Foto {n} dari {total} — {title}</translation>
    </message>
    <message>
        <source>The photo file cannot be shown: {error}</source>
        <translation>Berkas foto tidak dapat ditampilkan: {error}</translation>
    </message>
    <message>
        <source>Save a copy of the photo</source>
        <translation>Simpan salinan foto</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>Salinan disimpan sebagai {path}</translation>
    </message>
    <message>
        <source>The copy was not saved: {error}</source>
        <translation>Salinan tidak tersimpan: {error}</translation>
    </message>
    <message>
        <source>Left and Right go to the other photos, + and - zoom, F fits, 1 shows actual size, Ctrl+S saves a copy, Esc closes</source>
        <translation>Kiri dan Kanan ke foto lain, + dan - memperbesar atau memperkecil, F menyesuaikan, 1 menampilkan ukuran asli, Ctrl+S menyimpan salinan, Esc menutup</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>Add a spelling</source>
        <translation>Tambah ejaan</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Ejaan</translation>
    </message>
    <message>
        <source>JKT</source>
        <translation>JKT</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Is the place</source>
        <translation>Adalah tempat</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Spellings grouped under a place facet and search as that place (JAKARTA, Jakarta and DKI Jakarta are one).</source>
        <translation>Ejaan yang dikelompokkan di bawah sebuah tempat dihitung dan dicari sebagai tempat itu (JAKARTA, Jakarta, dan DKI Jakarta menjadi satu).</translation>
    </message>
    <message>
        <source>Places and their spellings</source>
        <translation>Tempat dan ejaannya</translation>
    </message>
    <message>
        <source>Add a spelling…</source>
        <translation>Tambah ejaan…</translation>
    </message>
    <message>
        <source>Add a spelling to a place</source>
        <translation>Tambah ejaan ke sebuah tempat</translation>
    </message>
    <message>
        <source>{count} place</source>
        <translation>{count} tempat</translation>
    </message>
    <message>
        <source>{count} places</source>
        <translation>{count} tempat</translation>
    </message>
    <message>
        <source>Place and its spellings</source>
        <translation>Tempat dan ejaannya</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>{place}: {n} articles, {k} other spellings</source>
        <translation>{place}: {n} artikel, {k} ejaan lain</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>As the system</source>
        <translation>Mengikuti sistem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>A new language applies when Arsip starts again.</source>
        <translation>Bahasa baru berlaku saat Arsip dibuka lagi.</translation>
    </message>
    <message>
        <source>High contrast, light</source>
        <translation>Kontras tinggi, terang</translation>
    </message>
    <message>
        <source>High contrast, dark</source>
        <translation>Kontras tinggi, gelap</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Every change, before it is applied</source>
        <translation>Setiap perubahan, sebelum diterapkan</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Preview every change</source>
        <translation>Pratinjau setiap perubahan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Apply the previewed change</source>
        <translation>Terapkan perubahan yang dipratinjau</translation>
    </message>
    <message>
        <source>Preview the change to see every article it alters before anything is written.</source>
        <translation>Pratinjau perubahan untuk melihat setiap artikel yang diubahnya sebelum ada yang ditulis.</translation>
    </message>
    <message>
        <source>{changed} of {total} would change; one Undo takes the whole change back.</source>
        <translation>{changed} dari {total} akan berubah; sekali Urungkan membatalkan seluruh perubahan.</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>Nothing would change in these {total} articles.</source>
        <translation>Tidak ada yang berubah di {total} artikel ini.</translation>
    </message>
    <message>
        <source>Preview again to see the change as it is now.</source>
        <translation>Pratinjau lagi untuk melihat perubahannya sebagaimana sekarang.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Sedang bekerja…</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>After the change</source>
        <translation>Setelah diubah</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>artikel {id}</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Alamat Tautan</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>{when} on this computer&apos;s clock</source>
        <translation>{when} menurut jam komputer ini</translation>
    </message>
    <message>
        <source>printed as “{raw}”</source>
        <translation>tertulis “{raw}”</translation>
    </message>
    <message>
        <source>Correcting the field in the editor clears its flag.</source>
        <translation>Membetulkan isiannya di penyunting artikel menghapus tandanya.</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Tandai sudah diperiksa</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel tanpa judul</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Dateline</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Photo: {credit}</source>
        <translation>Foto: {credit}</translation>
    </message>
    <message>
        <source>photographer {name}</source>
        <translation>fotografer {name}</translation>
    </message>
    <message>
        <source>Photo not archived</source>
        <translation>Foto tidak diarsipkan</translation>
    </message>
    <message>
        <source>only its caption and credit were recorded</source>
        <translation>hanya keterangan dan kreditnya yang tercatat</translation>
    </message>
    <message>
        <source>More photos</source>
        <translation>Foto lainnya</translation>
    </message>
    <message>
        <source>in this library</source>
        <translation>ada di pustaka ini</translation>
    </message>
    <message>
        <source>Related articles</source>
        <translation>Artikel terkait</translation>
    </message>
    <message>
        <source>From {name}{where} ({format})</source>
        <translation>Dari {name}{where} ({format})</translation>
    </message>
    <message>
        <source>imported {when}</source>
        <translation>diimpor {when}</translation>
    </message>
    <message>
        <source>version {n} of {total}</source>
        <translation>versi {n} dari {total}</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>artikel {id}</translation>
    </message>
    <message>
        <source>hide how each field was read</source>
        <translation>sembunyikan cara tiap kolom dibaca</translation>
    </message>
    <message>
        <source>how each field was read</source>
        <translation>cara tiap kolom dibaca</translation>
    </message>
    <message>
        <source>{place} (a later capture)</source>
        <translation>{place} (tangkapan berikutnya)</translation>
    </message>
    <message>
        <source>{place} (version {n})</source>
        <translation>{place} (versi {n})</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>dan {n} lainnya</translation>
    </message>
    <message>
        <source>Also found in: {places}</source>
        <translation>Juga ditemukan di: {places}</translation>
    </message>
    <message>
        <source>Find in this article</source>
        <translation>Cari di artikel ini</translation>
    </message>
    <message>
        <source>Matches in the article</source>
        <translation>Kecocokan di artikel</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Kecocokan sebelumnya</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Kecocokan berikutnya</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Tutup bilah pencarian</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} dari {total}</translation>
    </message>
    <message>
        <source>{total} found</source>
        <translation>{total} ditemukan</translation>
    </message>
    <message>
        <source>Print the article</source>
        <translation>Cetak artikel</translation>
    </message>
    <message>
        <source>Article reader</source>
        <translation>Pembaca artikel</translation>
    </message>
    <message>
        <source>The selected article: title, date, people, photos, text</source>
        <translation>Artikel terpilih: judul, tanggal, orang, foto, teks</translation>
    </message>
    <message>
        <source>Select an article to read it here.</source>
        <translation>Pilih sebuah artikel untuk membacanya di sini.</translation>
    </message>
    <message>
        <source>Copied {address} — Arsip never opens web pages itself</source>
        <translation>{address} disalin — Arsip tidak pernah membuka halaman web sendiri</translation>
    </message>
    <message>
        <source>Article tools</source>
        <translation>Alat artikel</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>Temuan sebelumnya (Shift+F3)</translation>
    </message>
    <message>
        <source>Search hits in the article</source>
        <translation>Temuan pencarian di artikel</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>Temuan berikutnya (F3)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Find in the article (Ctrl+F)</source>
        <translation>Cari di artikel (Ctrl+F)</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Teks lebih kecil (Ctrl+-)</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>Teks lebih besar (Ctrl++)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Open the photo viewer</source>
        <translation>Buka penampil foto</translation>
    </message>
    <message>
        <source>Cite</source>
        <translation>Kutip</translation>
    </message>
    <message>
        <source>Copy a citation of the article</source>
        <translation>Salin kutipan artikel</translation>
    </message>
    <message>
        <source>Copy in {style}</source>
        <translation>Salin dalam gaya {style}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sunting</translation>
    </message>
    <message>
        <source>Edit the article&apos;s catalogue record (Ctrl+E)</source>
        <translation>Sunting rekaman katalog artikel (Ctrl+E)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Print or save as PDF</source>
        <translation>Cetak atau simpan sebagai PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>More article tools</source>
        <translation>Alat artikel lainnya</translation>
    </message>
    <message>
        <source>hit {n} of {total}</source>
        <translation>temuan {n} dari {total}</translation>
    </message>
    <message>
        <source>{total} hits</source>
        <translation>{total} temuan</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 temuan</translation>
    </message>
    <message>
        <source>Text size {zoom} %</source>
        <translation>Ukuran teks {zoom} %</translation>
    </message>
    <message>
        <source>Citation copied: {text}</source>
        <translation>Kutipan disalin: {text}</translation>
    </message>
    <message>
        <source>Save the article as PDF</source>
        <translation>Simpan artikel sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} tersimpan</translation>
    </message>
</context>
<context>
    <name>Replace</name>
    <message>
        <source>Find and replace</source>
        <translation>Cari dan ganti</translation>
    </message>
    <message>
        <source>Looks in the {count} selected article, or in the whole result when ticked below.</source>
        <translation>Mencari di {count} artikel terpilih, atau di seluruh hasil bila dicentang di bawah.</translation>
    </message>
    <message>
        <source>Looks in the {count} selected articles, or in the whole result when ticked below.</source>
        <translation>Mencari di {count} artikel terpilih, atau di seluruh hasil bila dicentang di bawah.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ganti dengan</translation>
    </message>
    <message>
        <source>(nothing: delete what is found)</source>
        <translation>(kosong: hapus yang ditemukan)</translation>
    </message>
    <message>
        <source>Regular expression (\1 in the replacement repeats a group)</source>
        <translation>Ekspresi reguler (\1 di pengganti mengulang sebuah grup)</translation>
    </message>
    <message>
        <source>Every article of the current result, not only the selection</source>
        <translation>Setiap artikel di hasil saat ini, bukan hanya yang terpilih</translation>
    </message>
    <message>
        <source>Type what to find first.</source>
        <translation>Ketik dulu yang dicari.</translation>
    </message>
    <message>
        <source>&amp;Field</source>
        <translation>&amp;Kolom</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Replace with</source>
        <translation>&amp;Ganti dengan</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>(no longer in the library)</source>
        <translation>(sudah tidak ada di pustaka)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Hasil pencarian</translation>
    </message>
    <message>
        <source>Articles: title with the matching text, date, site and people. Up and Down (or J and K) move, Enter reads the article, Shift selects several</source>
        <translation>Artikel: judul dengan teks yang cocok, tanggal, situs, dan orang. Atas dan Bawah (atau J dan K) berpindah, Enter membaca artikel, Shift memilih beberapa</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Date unread or conflicting</source>
        <translation>Tanggal tak terbaca atau bertentangan</translation>
    </message>
    <message>
        <source>Language undetermined</source>
        <translation>Bahasa tidak dapat ditentukan</translation>
    </message>
    <message>
        <source>No body paragraph left after cleaning</source>
        <translation>Tak ada paragraf isi tersisa setelah dibersihkan</translation>
    </message>
    <message>
        <source>Title looks like a section name</source>
        <translation>Judul tampak seperti nama rubrik</translation>
    </message>
    <message>
        <source>A person&apos;s name looks like an organisation</source>
        <translation>Nama orang tampak seperti nama organisasi</translation>
    </message>
    <message>
        <source>A photo too small to be a news photo</source>
        <translation>Foto terlalu kecil untuk foto berita</translation>
    </message>
    <message>
        <source>Text had bytes that could not be decoded</source>
        <translation>Teks berisi bita yang tak dapat didekode</translation>
    </message>
    <message>
        <source>Date unread</source>
        <translation>Tanggal tak terbaca</translation>
    </message>
    <message>
        <source>Language unknown</source>
        <translation>Bahasa tak diketahui</translation>
    </message>
    <message>
        <source>No body text</source>
        <translation>Tanpa teks isi</translation>
    </message>
    <message>
        <source>Title like a section</source>
        <translation>Judul mirip rubrik</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>Orang atau organisasi</translation>
    </message>
    <message>
        <source>Photo too small</source>
        <translation>Foto terlalu kecil</translation>
    </message>
    <message>
        <source>Undecodable text</source>
        <translation>Teks tak terbaca</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>author</source>
        <translation>penulis</translation>
    </message>
    <message>
        <source>reporter</source>
        <translation>reporter</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>redaktur</translation>
    </message>
    <message>
        <source>photographer</source>
        <translation>fotografer</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>kontributor</translation>
    </message>
    <message>
        <source>other role</source>
        <translation>peran lain</translation>
    </message>
    <message>
        <source>As author</source>
        <translation>Sebagai penulis</translation>
    </message>
    <message>
        <source>As reporter</source>
        <translation>Sebagai reporter</translation>
    </message>
    <message>
        <source>As editor</source>
        <translation>Sebagai redaktur</translation>
    </message>
    <message>
        <source>As photographer</source>
        <translation>Sebagai fotografer</translation>
    </message>
    <message>
        <source>As contributor</source>
        <translation>Sebagai kontributor</translation>
    </message>
    <message>
        <source>Credited otherwise</source>
        <translation>Dicantumkan dengan cara lain</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Arsip — the catalogue is damaged: nothing can be changed</source>
        <translation>Arsip — katalog rusak: tidak ada yang dapat diubah</translation>
    </message>
    <message>
        <source>Arsip backups (*.zip);;All files (*)</source>
        <translation>Cadangan Arsip (*.zip);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>{count} file checked</source>
        <translation>{count} berkas diperiksa</translation>
    </message>
    <message>
        <source>{count} files checked</source>
        <translation>{count} berkas diperiksa</translation>
    </message>
    <message>
        <source>{checked}: every original and photo matches its SHA-256.</source>
        <translation>{checked}: setiap berkas asli dan foto cocok dengan SHA-256-nya.</translation>
    </message>
    <message>
        <source>{checked}: {changed} changed, {missing} missing. Restore them from a backup.</source>
        <translation>{checked}: {changed} berubah, {missing} hilang. Pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>changed: {path}</source>
        <translation>berubah: {path}</translation>
    </message>
    <message>
        <source>missing: {path}</source>
        <translation>hilang: {path}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… dan {count} lagi</translation>
    </message>
    <message>
        <source>Back up the library into one file</source>
        <translation>Cadangkan pustaka ke satu berkas</translation>
    </message>
    <message>
        <source>Backing up to {path}…</source>
        <translation>Mencadangkan ke {path}…</translation>
    </message>
    <message>
        <source>Arsip could not back up</source>
        <translation>Arsip tidak dapat mencadangkan</translation>
    </message>
    <message>
        <source>{articles} and {files} backed up to {path}.</source>
        <translation>{articles} dan {files} dicadangkan ke {path}.</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} file</source>
        <translation>{count} berkas</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} berkas</translation>
    </message>
    <message>
        <source>Backup finished</source>
        <translation>Pencadangan selesai</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Pulihkan cadangan</translation>
    </message>
    <message>
        <source>Restore into a new, empty folder</source>
        <translation>Pulihkan ke folder baru yang kosong</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Memulihkan {file}…</translation>
    </message>
    <message>
        <source>Arsip could not restore</source>
        <translation>Arsip tidak dapat memulihkan</translation>
    </message>
    <message>
        <source>{articles} restored into {path}. Open that library in a new window?</source>
        <translation>{articles} dipulihkan ke {path}. Buka pustaka itu di jendela baru?</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Pemulihan selesai</translation>
    </message>
    <message>
        <source>Arsip could not open the library</source>
        <translation>Arsip tidak dapat membuka pustaka</translation>
    </message>
    <message>
        <source>Checking every original and photo…</source>
        <translation>Memeriksa setiap berkas asli dan foto…</translation>
    </message>
    <message>
        <source>Saving after the library check finishes…</source>
        <translation>Menyimpan setelah pemeriksaan pustaka selesai…</translation>
    </message>
    <message>
        <source>Arsip could not check the files</source>
        <translation>Arsip tidak dapat memeriksa berkas</translation>
    </message>
    <message>
        <source>Fixity: all files intact</source>
        <translation>Keutuhan: semua berkas utuh</translation>
    </message>
    <message>
        <source>Fixity: files changed or missing</source>
        <translation>Keutuhan: ada berkas yang berubah atau hilang</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Search language cheat sheet</source>
        <translation>Contekan bahasa pencarian</translation>
    </message>
    <message>
        <source>How to write a search</source>
        <translation>Cara menulis pencarian</translation>
    </message>
    <message>
        <source>Try {example}</source>
        <translation>Coba {example}</translation>
    </message>
    <message>
        <source>Click an example to try it. Esc closes this.</source>
        <translation>Klik sebuah contoh untuk mencobanya. Esc menutup ini.</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Paling cocok</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Terbaru dulu</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Terlama dulu</translation>
    </message>
    <message>
        <source>Title A–Z</source>
        <translation>Judul A–Z</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>Cari di arsip</translation>
    </message>
    <message>
        <source>Search titles, text, people, places — &quot;exact phrase&quot;, site:jpnn.com</source>
        <translation>Cari judul, teks, orang, tempat — &quot;frasa persis&quot;, site:jpnn.com</translation>
    </message>
    <message>
        <source>Every word must match. Press the ? button for the search language.</source>
        <translation>Semua kata harus cocok. Tekan tombol ? untuk bahasa pencarian.</translation>
    </message>
    <message>
        <source>Sort results</source>
        <translation>Urutkan hasil</translation>
    </message>
    <message>
        <source>Number of articles</source>
        <translation>Jumlah artikel</translation>
    </message>
    <message>
        <source>Search error</source>
        <translation>Kesalahan pencarian</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>Mungkin maksud Anda</translation>
    </message>
    <message>
        <source> (at character {n})</source>
        <translation> (pada karakter ke-{n})</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>Mungkin maksud Anda {suggestion}?</translation>
    </message>
    <message>
        <source>Searching the team catalogue while this desktop&apos;s index is built ({done} of {total})</source>
        <translation>Mencari di katalog tim selagi indeks komputer ini dibangun ({done} dari {total})</translation>
    </message>
    <message>
        <source>not applied: {parts}</source>
        <translation>tidak diterapkan: {parts}</translation>
    </message>
    <message>
        <source>Where results come from</source>
        <translation>Asal hasil pencarian</translation>
    </message>
    <message>
        <source>Searches as you type, Enter at once; Up and Down move through the results, Esc clears; Shift+F1 explains the search language</source>
        <translation>Mencari sambil Anda mengetik, Enter seketika; Atas dan Bawah berpindah antarhasil, Esc mengosongkan; Shift+F1 menjelaskan bahasa pencarian</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} site</source>
        <translation>{count} situs</translation>
    </message>
    <message>
        <source>{count} sites</source>
        <translation>{count} situs</translation>
    </message>
    <message>
        <source>{count}+ sites</source>
        <translation>{count}+ situs</translation>
    </message>
    <message>
        <source>{count} language</source>
        <translation>{count} bahasa</translation>
    </message>
    <message>
        <source>{count} languages</source>
        <translation>{count} bahasa</translation>
    </message>
    <message>
        <source>{count}+ languages</source>
        <translation>{count}+ bahasa</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} orang</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} orang</translation>
    </message>
    <message>
        <source>{count}+ people</source>
        <translation>{count}+ orang</translation>
    </message>
    <message>
        <source>Library and filters</source>
        <translation>Pustaka dan saringan</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>Library counts</source>
        <translation>Jumlah isi pustaka</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Dari waktu ke waktu</translation>
    </message>
    <message>
        <source>Narrow by</source>
        <translation>Persempit menurut</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>indexing {done} of {total}, results may be incomplete</source>
        <translation>mengindeks {done} dari {total}, hasil mungkin belum lengkap</translation>
    </message>
    <message>
        <source>Index status</source>
        <translation>Status indeks</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>This library is empty. Bring in the articles you have collected: page text dumps (.txt), saved web pages (.html, .htm, .xhtml), JSON Lines and JSON (.jsonl, .json, IPTC ninjs), CSV and TSV tables, web archives (WARC and ARC), wire XML (NITF, NewsML-G2), Reuters SGML (.sgm), e-mails (.eml), photos (JPEG, PNG, GIF, TIFF, WebP) — also inside ZIP files or gzipped. Arsip keeps every original file, catalogues each article and makes it searchable — all on this computer, with nothing sent anywhere.</source>
        <translation>Pustaka ini masih kosong. Masukkan artikel yang telah Anda kumpulkan: salinan teks halaman (.txt), halaman web yang disimpan (.html, .htm, .xhtml), JSON Lines dan JSON (.jsonl, .json, IPTC ninjs), tabel CSV dan TSV, arsip web (WARC dan ARC), XML kantor berita (NITF, NewsML-G2), SGML Reuters (.sgm), surel (.eml), foto (JPEG, PNG, GIF, TIFF, WebP) — juga di dalam berkas ZIP atau gzip. Arsip menyimpan setiap berkas asli, mengatalogkan setiap artikel, dan membuatnya dapat dicari — semuanya di komputer ini, tanpa ada yang dikirim ke mana pun.</translation>
    </message>
    <message>
        <source>Team library {address}</source>
        <translation>Pustaka tim {address}</translation>
    </message>
    <message>
        <source>Library “{name}” in {folder}</source>
        <translation>Pustaka “{name}” di {folder}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Welcome to Arsip</source>
        <translation>Selamat datang di Arsip</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Impor berkas…</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Impor berkas</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Impor folder…</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>Impor folder</translation>
    </message>
    <message>
        <source>or drop files and folders anywhere on this window

File ▸ New library and Open library switch to another library</source>
        <translation>atau letakkan berkas dan folder di mana saja pada jendela ini

Berkas ▸ Pustaka baru dan Buka pustaka berpindah ke pustaka lain</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Articles (*.txt *.text *.md *.jsonl *.ndjson *.jsonl.gz *.ndjson.gz *.json *.csv *.tsv *.csv.gz *.gz);;All files (*)</source>
        <translation>Artikel (*.txt *.text *.md *.jsonl *.ndjson *.jsonl.gz *.ndjson.gz *.json *.csv *.tsv *.csv.gz *.gz);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Arsip — {path}</source>
        <translation>Arsip — {path}</translation>
    </message>
    <message>
        <source>An import</source>
        <translation>Sebuah impor</translation>
    </message>
    <message>
        <source>A backup, restore, check or export</source>
        <translation>Pencadangan, pemulihan, pemeriksaan, atau ekspor</translation>
    </message>
    <message>
        <source>No articles match “{query}”.</source>
        <translation>Tidak ada artikel yang cocok dengan “{query}”.</translation>
    </message>
    <message>
        <source>The library is empty.</source>
        <translation>Pustaka ini kosong.</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artikel</translation>
    </message>
    <message>
        <source>{count} match</source>
        <translation>{count} cocok</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} cocok</translation>
    </message>
    <message>
        <source>about {count}</source>
        <translation>sekitar {count}</translation>
    </message>
    <message>
        <source>the whole library</source>
        <translation>seluruh pustaka</translation>
    </message>
    <message>
        <source>the search failed ({error})</source>
        <translation>pencarian gagal ({error})</translation>
    </message>
    <message>
        <source>The collection “{name}” holds no articles yet; drag articles from the results onto it.</source>
        <translation>Koleksi “{name}” belum berisi artikel; seret artikel dari hasil ke atasnya.</translation>
    </message>
    <message>
        <source>Type a search or choose a filter to save it.</source>
        <translation>Ketik pencarian atau pilih saringan untuk menyimpannya.</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Simpan pencarian ini</translation>
    </message>
    <message>
        <source>Name for “{query}”:</source>
        <translation>Nama untuk “{query}”:</translation>
    </message>
    <message>
        <source>Import files into Arsip</source>
        <translation>Impor berkas ke Arsip</translation>
    </message>
    <message>
        <source>Import a folder into Arsip</source>
        <translation>Impor folder ke Arsip</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation>Sebuah impor sedang berjalan; tunggu atau batalkan dulu.</translation>
    </message>
    <message>
        <source>Arsip could not import</source>
        <translation>Arsip tidak dapat mengimpor</translation>
    </message>
    <message>
        <source>Cancelling the import before closing…</source>
        <translation>Membatalkan impor sebelum menutup…</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>Hanya-baca: {reason}</translation>
    </message>
    <message>
        <source>Why editing is off</source>
        <translation>Mengapa penyuntingan dimatikan</translation>
    </message>
</context>
</TS>
