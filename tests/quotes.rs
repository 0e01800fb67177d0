//! Quotations and their speakers: a table of named cases (sentences written for kutip), the
//! builder API, and property tests of the invariants (no overlap, char boundaries, spans
//! inside the text, never a panic).

use kutip::{Document, Language, Pipeline, QuoteKind, QuoteMiner};
use proptest::prelude::*;

const ID: Language = Language::Indonesian;
const EN: Language = Language::English;

/// What a case expects of one quote: its content, its speaker and its kind.
///
/// Speaker: `""` no speaker (or a speaker with no name), `"~text"` an unnamed speaker whose
/// mention is `text`, otherwise the speaker's name. Kind: `D` direct, `P` partial, `T` title,
/// `*` any.
type Want = (&'static str, &'static str, char);

/// (name, language, text, quotes in text order)
#[rustfmt::skip]
const CASES: &[(&str, Language, &str, &[Want])] = &[
    // --- Indonesian: quote, cue, speaker (the common order)
    ("id_kata_full_name", ID, "“Kami siap bertanding,” kata Budi Santoso kepada wartawan.", &[("Kami siap bertanding,", "Budi Santoso", 'D')]),
    ("id_ujar", ID, "“Harga beras naik lagi,” ujar Siti Rahayu di pasar.", &[("Harga beras naik lagi,", "Siti Rahayu", 'D')]),
    ("id_tutur", ID, "“Kami sudah berusaha,” tutur Andi Wijaya.", &[("Kami sudah berusaha,", "Andi Wijaya", 'D')]),
    ("id_ucap", ID, "“Terima kasih atas dukungannya,” ucap Rina Marlina.", &[("Terima kasih atas dukungannya,", "Rina Marlina", 'D')]),
    ("id_ungkap", ID, "“Kondisinya sudah membaik,” ungkap Dedi Kurnia.", &[("Kondisinya sudah membaik,", "Dedi Kurnia", 'D')]),
    ("id_jelas", ID, "“Pendaftaran dibuka sampai Jumat,” jelas Hadi Purnomo.", &[("Pendaftaran dibuka sampai Jumat,", "Hadi Purnomo", 'D')]),
    ("id_tegas", ID, "“Tidak ada toleransi,” tegas Bambang Sutejo.", &[("Tidak ada toleransi,", "Bambang Sutejo", 'D')]),
    ("id_imbuh", ID, "“Semua sudah siap,” imbuh Maria Ulfa.", &[("Semua sudah siap,", "Maria Ulfa", 'D')]),
    ("id_tambah", ID, "“Kami tunggu hasilnya,” tambah Yusuf Hamdani.", &[("Kami tunggu hasilnya,", "Yusuf Hamdani", 'D')]),
    ("id_papar", ID, "“Ada tiga tahap,” papar Lestari Widodo.", &[("Ada tiga tahap,", "Lestari Widodo", 'D')]),
    ("id_pungkas", ID, "“Itu saja dari kami,” pungkas Agus Salim.", &[("Itu saja dari kami,", "Agus Salim", 'D')]),
    ("id_cetus", ID, "“Jangan khawatir,” cetus Joni Iskandar.", &[("Jangan khawatir,", "Joni Iskandar", 'D')]),
    ("id_kata_title_name", ID, "“Anggaran sudah cair,” kata Menteri Keuangan Hendra Kusuma.", &[("Anggaran sudah cair,", "Hendra Kusuma", 'D')]),
    ("id_kata_role_country_name", ID, "“Kami menolak tuduhan itu,” kata Presiden Rusia Vladimir Putin.", &[("Kami menolak tuduhan itu,", "Vladimir Putin", 'D')]),
    ("id_kata_aide_org_name", ID, "“Pertemuan itu penting,” kata ajudan Kremlin Yuri Ushakov seperti dikutip media.", &[("Pertemuan itu penting,", "Yuri Ushakov", 'D')]),
    ("id_apposition_skipped", ID, "“Hubungan itu jangka panjang,” kata Patrick Cronin, peneliti di Hudson Institute, kepada Yonhap.", &[("Hubungan itu jangka panjang,", "Patrick Cronin", 'D')]),
    ("id_apposition_after_title", ID, "“Jalan ditutup sementara,” kata Kepala Dinas Perhubungan Kota Bogor, Hendra Saputra.", &[("Jalan ditutup sementara,", "Hendra Saputra", 'D')]),
    ("id_kata_title_org_acronym_name", ID, "“Kami siap melayani,” kata Direktur Utama PT Kereta Sejahtera Indonesia (KSI) Wulan Sari melalui keterangan tertulis.", &[("Kami siap melayani,", "Wulan Sari", 'D')]),
    ("id_kata_title_place_list_name", ID, "“Belum ada kabar,” kata Kepala Dusun Sukamaju, Kelurahan Sumberjo, Kecamatan Moyo, Andi Wijaya di Sleman.", &[("Belum ada kabar,", "Andi Wijaya", 'D')]),
    ("id_ujar_title_slash_title_name", ID, "“Mudah-mudahan selesai,” ujar Menteri Riset dan Teknologi/Kepala Badan Riset Nasional Bambang Sutejo saat meninjau.", &[("Mudah-mudahan selesai,", "Bambang Sutejo", 'D')]),
    ("id_kata_title_field_and_field_name", ID, "“Harus hati-hati,” kata Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Hendra Kusuma seusai sidang.", &[("Harus hati-hati,", "Hendra Kusuma", 'D')]),
    ("id_kata_name_then_role_apposition", ID, "“Api besar,” kata Dedi Kurnia, Kepala Regu B dari Pos Pemadam Sektor II, kepada wartawan.", &[("Api besar,", "Dedi Kurnia", 'D')]),
    ("id_place_role_name", ID, "“Stok pangan aman,” kata Bupati Banyumas Teguh Prasetyo.", &[("Stok pangan aman,", "Teguh Prasetyo", 'D')]),
    ("id_kata_dia", ID, "Wakil ketua panitia, Rudi Hartono, hadir pagi itu. “Semua berjalan lancar,” kata dia.", &[("Semua berjalan lancar,", "Rudi Hartono", 'D')]),
    ("id_kata_ia", ID, "Dokter Ratna Sari memeriksa pasien. “Kondisinya stabil,” kata ia.", &[("Kondisinya stabil,", "Ratna Sari", 'D')]),
    ("id_katanya", ID, "Kepala sekolah Sutrisno Hadi mengatakan ujian diundur. “Kami butuh waktu,” katanya.", &[("Kami butuh waktu,", "Sutrisno Hadi", 'D')]),
    ("id_ujarnya", ID, "Menurut Dewi Lestari, panen tahun ini bagus. “Hasilnya di atas target,” ujarnya.", &[("Hasilnya di atas target,", "Dewi Lestari", 'D')]),
    ("id_tuturnya_chain", ID, "“Kami mulai besok,” kata Hendro Wibisono. “Semua alat sudah tiba,” tuturnya.", &[("Kami mulai besok,", "Hendro Wibisono", 'D'), ("Semua alat sudah tiba,", "Hendro Wibisono", 'D')]),
    ("id_nya_after_new_person", ID, "“Kami siap,” kata Hendro Wibisono. Ketua RT Slamet Riyadi juga hadir. “Warga sudah diberi tahu,” ujarnya.", &[("Kami siap,", "Hendro Wibisono", 'D'), ("Warga sudah diberi tahu,", "Slamet Riyadi", 'D')]),
    ("id_surname_canonical", ID, "Patrick Cronin hadir di forum itu. “Ini langkah besar,” kata Cronin.", &[("Ini langkah besar,", "Patrick Cronin", 'D')]),
    ("id_wali_kota_role_not_name", ID, "“Pasar dibuka lagi,” kata Wali Kota Madiun Hartono Wibowo kepada wartawan.", &[("Pasar dibuka lagi,", "Hartono Wibowo", 'D')]),
    ("id_menurut_name_salient", ID, "Menurut Sumarni, jalur Pantai Indah lebih ramai. Banyak warga datang. “Kami tambah petugas,” katanya.", &[("Kami tambah petugas,", "Sumarni", 'D')]),
    ("id_beliau", ID, "Kiai Ahmad Mustofa memberi ceramah. “Jaga persatuan,” kata beliau.", &[("Jaga persatuan,", "Ahmad Mustofa", 'D')]),
    // --- Indonesian: -nya cues after reported speech (the speaker of the last cue, not its object)
    ("id_nya_not_object_of_active_cue", ID, "Peneliti Yanti Kusuma mengatakan proyek itu bermasalah. Warga kemudian meminta Hadi Susanto mundur. “Kami menunggu jawaban,” katanya.", &[("Kami menunggu jawaban,", "Yanti Kusuma", 'D')]),
    ("id_nya_passive_cue_agent", ID, "“Harga naik,” kata Budi Santoso. Hal serupa dikatakan Rina Marlina. “Pasokan berkurang,” ujarnya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Pasokan berkurang,", "Rina Marlina", 'D')]),
    ("id_nya_name_dari_org_cue", ID, "“Harga naik,” kata Budi Santoso. Rudi dari PT Sinar Jaya mengatakan, penjualan turun. “Pesanan berkurang,” katanya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Pesanan berkurang,", "Rudi", 'D')]),
    ("id_nya_apposition_comma_cue", ID, "“Harga naik,” kata Budi Santoso. Dosen Universitas Andalas, Rina Marlina, menilai kebijakan itu keliru. “Harus dikaji ulang,” ujarnya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Harus dikaji ulang,", "Rina Marlina", 'D')]),
    ("id_nya_apposition_list_not_speaker", ID, "“Kami kecewa,” kata Budi Santoso. Rudi Hartono, kuasa hukum PT Sinar dan Yanti Kusuma, menyatakan akan banding. “Kami hormati,” ujarnya.", &[("Kami kecewa,", "Budi Santoso", 'D'), ("Kami hormati,", "Rudi Hartono", 'D')]),
    ("id_nya_subject_parenthetical_clause", ID, "“Jalan rusak,” kata Rudi Hartono. Ketua RT Budi Santoso, saat dihubungi, Senin (3/5/2021) di Bogor, mengatakan, warga menghargai sikap Pak Hendra Saputra. “Kami bangga,” katanya.", &[("Jalan rusak,", "Rudi Hartono", 'D'), ("Kami bangga,", "Budi Santoso", 'D')]),
    ("id_nya_subject_adverbial_before_cue", ID, "“Jalan rusak,” kata Rudi Hartono. Ketua Ikatan Dokter (IDI) Kota Bogor Andi Wijaya dalam kesempatan berbeda mengatakan bahwa rumah sakit penuh. “Pasien terus datang,” katanya.", &[("Jalan rusak,", "Rudi Hartono", 'D'), ("Pasien terus datang,", "Andi Wijaya", 'D')]),
    ("id_nya_subject_stance_verb", ID, "“Jalan rusak,” kata Rudi Hartono. Pembina Komunitas Sepeda (KS) Toto Wibowo yakin, warga akan bersepeda. “Sepeda itu sehat,” katanya.", &[("Jalan rusak,", "Rudi Hartono", 'D'), ("Sepeda itu sehat,", "Toto Wibowo", 'D')]),
    ("id_nya_passive_cue_agent_after_titles", ID, "“Harga naik,” kata Budi Santoso. Hal senada dikemukakan Koordinator Forum Petani (FP) Jawa Tengah Agus Salim. Pupuk langka. “Kami rugi,” katanya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Kami rugi,", "Agus Salim", 'D')]),
    ("id_nya_object_of_subject_not_source", ID, "Lurah Hendra Saputra mengatakan, pihaknya mengapresiasi sikap Pak Budi Santoso. “Itu contoh baik,” katanya.", &[("Itu contoh baik,", "Hendra Saputra", 'D')]),
    ("id_nya_prep_name_not_subject", ID, "“Stok aman,” kata Hendra Saputra. Bantuan dari Budi Santoso menurut warga sudah sampai. “Terima kasih,” katanya.", &[("Stok aman,", "Hendra Saputra", 'D'), ("Terima kasih,", "Hendra Saputra", 'D')]),
    ("id_nya_subject_two_titles_joined", ID, "“Jalan rusak,” kata Rudi Hartono. Kepala Dinas Sosial yang juga Ketua Satgas Banjir Andi Wijaya, saat dihubungi, Senin, mengatakan, pihaknya menghargai sikap Pak Rudi. “Bantuan sudah dikirim,” katanya.", &[("Jalan rusak,", "Rudi Hartono", 'D'), ("Bantuan sudah dikirim,", "Andi Wijaya", 'D')]),
    ("id_nya_subject_place_in_apposition", ID, "“Jalan rusak,” kata Rudi Hartono. Hendra Saputra, Wali Kota Bogor, yang dihubungi, juga membenarkan penutupan jalan itu. “Perbaikan dimulai besok,” katanya.", &[("Jalan rusak,", "Rudi Hartono", 'D'), ("Perbaikan dimulai besok,", "Hendra Saputra", 'D')]),
    ("id_nya_opener_word_not_name", ID, "Kepala desa Rudi Hartono mengatakan jalan rusak. Padahal, menurut warga, jalan itu baru. “Kami sudah lapor,” katanya.", &[("Kami sudah lapor,", "Rudi Hartono", 'D')]),
    ("id_nya_subject_known_person", ID, "Wali Kota Hendra Saputra meninjau pasar. “Harga naik,” kata Budi Santoso. Hendra juga melarang pesta. “Warga harus di rumah,” ujarnya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Warga harus di rumah,", "Hendra Saputra", 'D')]),
    ("id_nya_subject_after_opener", ID, "Wali Kota Hendra Saputra meninjau pasar. “Harga naik,” kata Budi Santoso. Namun, Hendra juga melarang pesta. “Warga harus di rumah,” ujarnya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Warga harus di rumah,", "Hendra Saputra", 'D')]),
    ("id_nya_opener_object_not_subject", ID, "Wali Kota Hendra Saputra meninjau pasar. “Harga naik,” kata Budi Santoso. Namun, warga menemui Hendra di pasar. “Kami tunggu datanya,” ujarnya.", &[("Harga naik,", "Budi Santoso", 'D'), ("Kami tunggu datanya,", "Budi Santoso", 'D')]),
    ("id_short_name_cuts_glued_org", ID, "Ketua Komunitas Sepeda Lintas Rina Marlina menilai jalur itu aman. Rina menambahkan, jalur perlu diperluas. “Kami siap membantu,” ujarnya.", &[("Kami siap membantu,", "Rina Marlina", 'D')]),
    ("id_short_middle_name_keeps_given", ID, "Kepala dinas Mohammad Fajar Sidik meninjau jalan. Fajar menambahkan, perbaikan dimulai besok. “Kami kerja cepat,” ujarnya.", &[("Kami kerja cepat,", "Mohammad Fajar Sidik", 'D')]),
    ("id_short_name_keeps_prefix", ID, "Ketua panitia Kiagus Ahmad Basri membuka acara. Ahmad menambahkan, acara berlangsung tiga hari. “Semua boleh datang,” ujarnya.", &[("Semua boleh datang,", "Kiagus Ahmad Basri", 'D')]),
    // --- Indonesian: quote, speaker, cue
    ("id_speaker_cue_after", ID, "“Kami belum menerima surat itu,” Budi Santoso menambahkan.", &[("Kami belum menerima surat itu,", "Budi Santoso", 'D')]),
    ("id_speaker_juga_cue", ID, "“Semua harus tertib,” Budi Santoso juga mengatakan.", &[("Semua harus tertib,", "Budi Santoso", 'D')]),
    ("id_ia_menambahkan", ID, "Rina Marlina memimpin rapat. “Anggaran cukup,” ia menambahkan.", &[("Anggaran cukup,", "Rina Marlina", 'D')]),
    // --- Indonesian: speaker, cue, quote
    ("id_mengatakan_comma", ID, "Budi Santoso mengatakan, “Kami akan banding.”", &[("Kami akan banding.", "Budi Santoso", 'D')]),
    ("id_menegaskan_bahwa_partial", ID, "Gubernur Andi Sudirman menegaskan bahwa proyek itu “tidak bisa ditunda”.", &[("tidak bisa ditunda", "Andi Sudirman", 'P')]),
    ("id_menyebut_object_partial", ID, "Korea Utara membantah laporan itu dan menyebut klaim tersebut “tidak masuk akal”.", &[("tidak masuk akal", "Korea Utara", 'P')]),
    ("id_menurut_before", ID, "Menurut Ahmad Fauzi, “Kenaikan itu wajar.”", &[("Kenaikan itu wajar.", "Ahmad Fauzi", 'D')]),
    ("id_menurut_after", ID, "“Kenaikan itu wajar,” menurut Ahmad Fauzi.", &[("Kenaikan itu wajar,", "Ahmad Fauzi", 'D')]),
    ("id_menurutnya", ID, "Ahmad Fauzi hadir di sidang. Menurutnya, “Putusan itu keliru.”", &[("Putusan itu keliru.", "Ahmad Fauzi", 'D')]),
    ("id_cue_speaker_then_quote", ID, "Kedua negara “sudah lama bersahabat”, tulis Vladimir Putin, seraya menyebut mereka “mitra sejati”.", &[("sudah lama bersahabat", "Vladimir Putin", 'P'), ("mitra sejati", "Vladimir Putin", 'P')]),
    ("id_hal_itu_dikatakan", ID, "“Stok cukup sampai Lebaran.” Hal itu dikatakan Kepala Bulog Bayu Krisnamurthi di Jakarta.", &[("Stok cukup sampai Lebaran.", "Bayu Krisnamurthi", 'D')]),
    ("id_demikian_kata", ID, "“Kami tidak akan mundur.” Demikian kata Joko Susilo.", &[("Kami tidak akan mundur.", "Joko Susilo", 'D')]),
    // --- Indonesian: subject of the sentence, organisations, unnamed speakers
    ("id_subject_partial", ID, "Presiden Rusia Vladimir Putin memuji Korea Utara karena “tegas mendukung” Moskow.", &[("tegas mendukung", "Vladimir Putin", 'P')]),
    ("id_dateline_subject", ID, "TEMPO.CO, Jakarta - Menteri Kesehatan Budi Gunadi memuji warga yang “disiplin memakai masker” selama libur.", &[("disiplin memakai masker", "Budi Gunadi", 'P')]),
    ("id_org_speaks", ID, "Kementerian Luar Negeri mengatakan, “Semua warga negara Indonesia selamat.”", &[("Semua warga negara Indonesia selamat.", "Kementerian Luar Negeri", 'D')]),
    ("id_country_speaks", ID, "Korea Utara menyebut latihan itu “provokasi berbahaya”.", &[("provokasi berbahaya", "Korea Utara", 'P')]),
    ("id_para_ahli", ID, "“Risikonya masih tinggi,” kata para ahli.", &[("Risikonya masih tinggi,", "~para ahli", 'D')]),
    ("id_seorang_pejabat", ID, "“Rapat ditunda,” kata seorang pejabat.", &[("Rapat ditunda,", "~seorang pejabat", 'D')]),
    ("id_agencies_unnamed", ID, "Badan-badan Rusia mengatakan kedua pemimpin akan menandatangani “dokumen penting” pekan ini.", &[("dokumen penting", "", 'P')]),
    ("id_description_tersebut", ID, "Presiden Rusia Vladimir Putin tiba di Pyongyang. Kunjungan itu “membuka babak baru”, tulis pemimpin Rusia tersebut.", &[("membuka babak baru", "Vladimir Putin", 'P')]),
    ("id_description_politisi_itu", ID, "Politisi Partai Hanura Inas Nasrullah ikut rapat. “Kami mendukung,” kata politisi Partai Hanura itu.", &[("Kami mendukung,", "Inas Nasrullah", 'D')]),
    ("id_kata_presiden_role", ID, "Presiden Joko Widodo meninjau lokasi banjir. “Bantuan harus cepat,” kata Presiden.", &[("Bantuan harus cepat,", "Joko Widodo", 'D')]),
    ("id_presiden_not_wakil", ID, "Presiden Joko Widodo dan Wakil Presiden Ma’ruf Amin hadir. “Kita harus bersatu,” kata Presiden.", &[("Kita harus bersatu,", "Joko Widodo", 'D')]),
    ("id_no_speaker_anywhere", ID, "Spanduk bertulisan “Tolak Tambang” terpasang di mana-mana.", &[("Tolak Tambang", "", '*')]),
    // --- Indonesian: split, continued and shared quotes
    ("id_two_partials_one_cue", ID, "Perjanjian itu mencakup “kerja sama militer” dan “masalah keamanan”, kata ajudan Kremlin Yuri Ushakov.", &[("kerja sama militer", "Yuri Ushakov", 'P'), ("masalah keamanan", "Yuri Ushakov", 'P')]),
    ("id_continuation_paragraph", ID, "“Kami sudah siap,” kata Patrick Cronin.\n\n“Semua tim sudah berlatih. Hasilnya akan terlihat.”", &[("Kami sudah siap,", "Patrick Cronin", 'D'), ("Semua tim sudah berlatih. Hasilnya akan terlihat.", "Patrick Cronin", 'D')]),
    ("id_multi_paragraph_open", ID, "“Kami sudah siap bertanding,” kata Patrick Cronin.\n\n“Semua pemain dalam kondisi baik.\n\n“Kami ingin menang,” tambahnya.", &[("Kami sudah siap bertanding,", "Patrick Cronin", 'D'), ("Semua pemain dalam kondisi baik.", "Patrick Cronin", 'D'), ("Kami ingin menang,", "Patrick Cronin", 'D')]),
    // --- Indonesian: titles and terms
    ("id_bertajuk", ID, "Ia menggelar acara bertajuk “Summer Letter” di Jakarta.", &[("Summer Letter", "", 'T')]),
    ("id_berjudul", ID, "Novel berjudul “Laut Bercerita” laris di toko buku.", &[("Laut Bercerita", "", 'T')]),
    ("id_dijuluki", ID, "Pemain itu dijuluki “Si Kancil” oleh pendukungnya.", &[("Si Kancil", "", 'T')]),
    ("id_istilah", ID, "Pemerintah memakai istilah “new normal” sejak Juni.", &[("new normal", "", 'T')]),
    ("id_film", ID, "Film “Gadis Kretek” tayang pekan depan.", &[("Gadis Kretek", "", 'T')]),
    // --- Indonesian: mark styles
    ("id_kompas_same_mark", ID, "”Kami belum tahu,” kata Wahyu Wibowo. ”Anggaran belum turun,” ujarnya.", &[("Kami belum tahu,", "Wahyu Wibowo", 'D'), ("Anggaran belum turun,", "Wahyu Wibowo", 'D')]),
    ("id_straight_marks", ID, "\"Kami belum tahu,\" kata Wahyu Wibowo.", &[("Kami belum tahu,", "Wahyu Wibowo", 'D')]),
    ("id_guillemets", ID, "«Kami belum tahu,» kata Wahyu Wibowo.", &[("Kami belum tahu,", "Wahyu Wibowo", 'D')]),
    ("id_low_high", ID, "„Kami belum tahu,“ kata Wahyu Wibowo.", &[("Kami belum tahu,", "Wahyu Wibowo", 'D')]),
    ("id_corner", ID, "「Kami belum tahu,」 kata Wahyu Wibowo.", &[("Kami belum tahu,", "Wahyu Wibowo", 'D')]),
    ("id_apostrophe_name", ID, "Wakil Presiden Ma’ruf Amin membuka acara itu.", &[]),
    ("id_nested_single", ID, "“Dia bilang ‘tunggu dulu’ kepada kami,” kata Rudi Hartono.", &[("Dia bilang ‘tunggu dulu’ kepada kami,", "Rudi Hartono", 'D')]),
    ("id_nested_straight", ID, "\"Mereka menyebutnya 'operasi khusus' sejak awal,\" kata Rudi Hartono.", &[("Mereka menyebutnya 'operasi khusus' sejak awal,", "Rudi Hartono", 'D')]),
    ("id_unclosed_at_paragraph_end", ID, "“Kami akan terus berjuang sampai akhir\n\nRapat ditutup pukul lima.", &[("Kami akan terus berjuang sampai akhir", "", '*')]),
    ("id_unclosed_mid_paragraph_stops_at_sentence", ID, "Ia berkata “kami akan datang. Rapat ditutup pukul lima sore itu.", &[("kami akan datang.", "", '*')]),
    ("id_new_opener_closes_unclosed", ID, "”Kami siap, kata Budi Santoso. ”Semua aman,” ujar Siti Rahayu.", &[("Kami siap, kata Budi Santoso.", "", '*'), ("Semua aman,", "Siti Rahayu", 'D')]),
    ("id_lone_closing_mark", ID, "Harga naik” tajam pekan ini.", &[]),
    ("id_empty_quote", ID, "Ia menulis “” di papan.", &[]),
    // --- English: quote, cue, speaker / quote, speaker, cue
    ("en_said_name", EN, "\"We will appeal,\" said Hugh Hill, a doctor at the clinic.", &[("We will appeal,", "Hugh Hill", 'D')]),
    ("en_hyphen_adjective_before_name", EN, "Franco-German carmaker Velmont said: \"Sales fell in the spring.\"", &[("Sales fell in the spring.", "Velmont", 'D')]),
    ("en_name_said", EN, "\"We will appeal,\" Hugh Hill said.", &[("We will appeal,", "Hugh Hill", 'D')]),
    ("en_surname_said", EN, "Patrick Cronin spoke first. \"This is a big step,\" Cronin said.", &[("This is a big step,", "Patrick Cronin", 'D')]),
    ("en_he_said", EN, "Hugh Hill arrived late. \"The roads were closed,\" he said.", &[("The roads were closed,", "Hugh Hill", 'D')]),
    ("en_she_added", EN, "Mary Jones chairs the board. \"We expect growth,\" she added.", &[("We expect growth,", "Mary Jones", 'D')]),
    ("en_told", EN, "\"We are not worried,\" Mary Jones told reporters.", &[("We are not worried,", "Mary Jones", 'D')]),
    ("en_apposition_between_commas", EN, "\"It is too early,\" John Smith, a senior analyst at the bank, said.", &[("It is too early,", "John Smith", 'D')]),
    ("en_apposition_unclosed", EN, "\"We are encouraged,\" Armando Falcon, OFHEO director said.", &[("We are encouraged,", "Armando Falcon", 'D')]),
    ("en_said_title_name", EN, "\"Costs will rise,\" said the company's chief executive Paul Walsh.", &[("Costs will rise,", "Paul Walsh", 'D')]),
    ("en_asked", EN, "\"Why now?\" asked Tom Baker.", &[("Why now?", "Tom Baker", 'D')]),
    ("en_grumbled", EN, "\"Nobody listens,\" grumbled Tom Baker.", &[("Nobody listens,", "Tom Baker", 'D')]),
    ("en_sighed", EN, "\"It is over,\" sighed Tom Baker.", &[("It is over,", "Tom Baker", 'D')]),
    ("en_quipped", EN, "\"I only came for the food,\" quipped Tom Baker.", &[("I only came for the food,", "Tom Baker", 'D')]),
    ("en_according_to_after", EN, "\"Sales fell sharply,\" according to Jane Doe.", &[("Sales fell sharply,", "Jane Doe", 'D')]),
    ("en_according_to_before", EN, "According to Jane Doe, \"sales fell sharply\" in May.", &[("sales fell sharply", "Jane Doe", 'P')]),
    // --- English: speaker, cue, quote; partial quotes; sentence subject
    ("en_said_colon", EN, "Jane Doe said: \"We will not resign.\"", &[("We will not resign.", "Jane Doe", 'D')]),
    ("en_said_that_partial", EN, "Jane Doe said that the plan was \"unworkable\".", &[("unworkable", "Jane Doe", 'P')]),
    ("en_apposition_before_cue", EN, "However, Peter Zombic, the director of the federation, said the situation was not \"dramatic\".", &[("dramatic", "Peter Zombic", 'P')]),
    ("en_sentence_end_cue", EN, "It was \"too early\" to predict the trend, the UK Film Council said.", &[("too early", "UK Film Council", 'P')]),
    ("en_subject_partial", EN, "Consumer goods giant Unilever reported \"unsatisfactory\" earnings.", &[("unsatisfactory", "Unilever", 'P')]),
    // --- English: organisations, descriptions, unnamed speakers
    ("en_ministry_said", EN, "\"Conditions are likely to remain weak,\" the Finance and Economy Ministry said in a statement.", &[("Conditions are likely to remain weak,", "Finance and Economy Ministry", 'D')]),
    ("en_the_ministry_description", EN, "The Finance and Economy Ministry published its plan. \"Jobs come first,\" the ministry said.", &[("Jobs come first,", "Finance and Economy Ministry", 'D')]),
    ("en_it_said", EN, "\"Profits fell,\" the Finance and Economy Ministry said. It blamed \"weak demand\" for the fall.", &[("Profits fell,", "Finance and Economy Ministry", 'D'), ("weak demand", "Finance and Economy Ministry", 'P')]),
    ("en_a_spokesman", EN, "\"We do not comment on rumours,\" a spokesman said.", &[("We do not comment on rumours,", "~a spokesman", 'D')]),
    ("en_experts_said", EN, "\"The risk is real,\" experts said.", &[("The risk is real,", "~experts", 'D')]),
    ("en_prime_minister_description", EN, "Prime Minister Ephraim Inoni promised action. \"We will act,\" the prime minister said.", &[("We will act,", "Ephraim Inoni", 'D')]),
    ("en_not_vice", EN, "President Joe Biden met Vice President Kamala Harris. \"We are united,\" the president said.", &[("We are united,", "Joe Biden", 'D')]),
    // --- English: split and continued quotes
    ("en_split_quote", EN, "\"We tried,\" she said, \"but it was not enough.\"", &[("We tried,", "", 'D'), ("but it was not enough.", "", '*')]),
    ("en_split_quote_named", EN, "Mary Jones spoke. \"We tried,\" she said, \"but it was not enough.\"", &[("We tried,", "Mary Jones", 'D'), ("but it was not enough.", "Mary Jones", '*')]),
    ("en_continuation_same_paragraph", EN, "\"We were first,\" Peter Zombic said. \"Nobody else had a service.\"", &[("We were first,", "Peter Zombic", 'D'), ("Nobody else had a service.", "Peter Zombic", 'D')]),
    ("en_continuation_next_paragraph", EN, "\"We were first,\" said Peter Zombic.\n\n\"Nobody else had a download service then.\"", &[("We were first,", "Peter Zombic", 'D'), ("Nobody else had a download service then.", "Peter Zombic", 'D')]),
    ("en_he_prefers_last_speaker", EN, "\"We were first,\" said Peter Zombic, unlike Tim Renner. \"Piracy hurt us,\" he argued.", &[("We were first,", "Peter Zombic", 'D'), ("Piracy hurt us,", "Peter Zombic", 'D')]),
    // --- English: sentence ends, modifiers, possessives, mouthpieces, appositions
    ("en_pronoun_after_closed_quote", EN, "\"We lost,\" said Peter Jones. \"It hurt.\" He did, however, admit that the team was \"tired\".", &[("We lost,", "Peter Jones", 'D'), ("It hurt.", "Peter Jones", 'D'), ("tired", "Peter Jones", 'P')]),
    ("en_he_later_conceded", EN, "Peter Jones runs the firm. He later conceded that the plan was \"a mistake\".", &[("a mistake", "Peter Jones", 'P')]),
    ("en_demonym_not_speaker", EN, "The German music business is \"in trouble\", a leading industry figure has said.", &[("in trouble", "~a leading industry figure", 'P')]),
    ("en_demonym_before_role", EN, "Dutch co-chairman Antony Burgmans said the plan was \"sound\".", &[("sound", "Antony Burgmans", 'P')]),
    ("en_modifiers_before_head", EN, "\"We are in trouble,\" a senior government official said.", &[("We are in trouble,", "~a senior government official", 'D')]),
    ("en_said_modifiers_before_head", EN, "\"We are in trouble,\" said a senior defence official.", &[("We are in trouble,", "~a senior defence official", 'D')]),
    ("en_spokeswoman_for_org", EN, "\"We will not comment,\" a spokeswoman for Velmont Motors said.", &[("We will not comment,", "Velmont Motors", 'D')]),
    ("en_said_spokesman_for_org", EN, "\"We will not comment,\" said a spokesman for Velmont Motors.", &[("We will not comment,", "Velmont Motors", 'D')]),
    ("en_org_possessive_spokesman", EN, "\"Talks go on,\" Velmont's spokesman said.", &[("Talks go on,", "Velmont", 'D')]),
    ("en_person_possessive_lawyer", EN, "Jane Walsh faces trial. \"We will appeal,\" Walsh's lawyer said.", &[("We will appeal,", "~Walsh's lawyer", 'D')]),
    ("en_possessive_report", EN, "Transparency International's report described corruption as \"pervasive\".", &[("pervasive", "Transparency International", 'P')]),
    ("en_report_compiled_by", EN, "In a report compiled by watchdog Transparency International in 2003, graft was said to be \"pervasive\".", &[("pervasive", "Transparency International", 'P')]),
    ("en_report_by_subject", EN, "A report by the Grattan Institute called the scheme \"wasteful\".", &[("wasteful", "Grattan Institute", 'P')]),
    ("en_according_to_statement_from", EN, "\"It is on track,\" according to a statement from Velmont Motors.", &[("It is on track,", "Velmont Motors", 'D')]),
    ("en_subject_apposition_name", EN, "The minister, John Smith, called the figures \"non-existent\".", &[("non-existent", "John Smith", 'P')]),
    ("en_speaker_apposition_name", EN, "\"It is over,\" the company's chief executive, Paul Walsh, said.", &[("It is over,", "Paul Walsh", 'D')]),
    ("en_age_apposition", EN, "\"It is over,\" Paul Walsh, 54, said.", &[("It is over,", "Paul Walsh", 'D')]),
    ("en_government_is_country", EN, "Moldova will raise spending next year. The government's main worries are \"weak demand and high prices\".", &[("weak demand and high prices", "Moldova", 'P')]),
    ("en_government_prefers_org", EN, "\"Growth will slow,\" the Moldovan Finance Ministry said. The government also warned of \"hard times\".", &[("Growth will slow,", "Moldovan Finance Ministry", 'D'), ("hard times", "Moldovan Finance Ministry", 'P')]),
    // --- English: the current source, passives, the lead and the headline
    ("en_scare_quote_previous_speaker", EN, "Sales rose 2% \"despite a wet summer\", the Velmont Group said. In Asia, its brands came under \"attack\" from rivals.", &[("despite a wet summer", "Velmont Group", 'P'), ("attack", "Velmont Group", 'P')]),
    ("en_scare_quote_indirect_source", EN, "Peru says fraud in its tax office costs it $2m a month.\n\nAbout 300 clerks are accused of paying \"ghost\" workers.", &[("ghost", "Peru", 'P')]),
    ("en_quote_paragraph_after_indirect", EN, "Jane Walsh said the talks had failed.\n\n\"We tried everything.\"", &[("We tried everything.", "Jane Walsh", 'D')]),
    ("en_passive_said_no_speaker", EN, "In the region, graft was said to be \"pervasive\".", &[("pervasive", "", 'P')]),
    ("en_passive_by_agent", EN, "The plan was described by Jane Walsh as \"reckless\".", &[("reckless", "Jane Walsh", 'P')]),
    ("en_passive_accused_not_speaker", EN, "Jane Walsh spoke on Monday. Two clerks were accused of hiring \"ghost\" staff.", &[("ghost", "Jane Walsh", 'P')]),
    ("en_lead_source_named_next", EN, "Car sales are \"in free fall\", a leading industry figure has said.\n\nMarta Kowalska, head of the dealers' federation, told the BBC that demand had collapsed.", &[("in free fall", "Marta Kowalska", 'P')]),
    ("en_lead_source_not_named_next", EN, "Car sales are \"in free fall\", a leading industry figure has said.\n\nDemand has collapsed since May.", &[("in free fall", "~a leading industry figure", 'P')]),
    ("en_headline_echoes_lead_quote", EN, "Car trade in 'free fall'\n\nCar sales are \"in free fall\", Marta Kowalska of the dealers' federation has said.", &[("free fall", "Marta Kowalska", 'P'), ("in free fall", "Marta Kowalska", 'P')]),
    ("en_headline_lead_clause", EN, "Film output 'falls' 40%\n\nThe number of films made in Wales fell 40% in 2004, the trade weekly Screen Daily has said.", &[("falls", "Screen Daily", 'P')]),
    ("en_headline_no_source", EN, "Film output 'falls' 40%\n\nThe number of films made in Wales fell 40% in 2004.", &[("falls", "", 'P')]),
    ("en_sentence_not_headline", EN, "The trade called it a \"crisis\".\n\nJane Walsh said prices fell.", &[("crisis", "", 'P')]),
    // --- English: abbreviated titles, organisation + role + name, noun forms of cues
    ("en_said_rep_abbrev", EN, "\"It is a disaster,\" said Rep. Nancy Pelosi of California.", &[("It is a disaster,", "Nancy Pelosi", 'D')]),
    ("en_sen_abbrev_said", EN, "\"It is a disaster,\" Sen. John McCain said.", &[("It is a disaster,", "John McCain", 'D')]),
    ("en_dr_abbrev_then_she", EN, "He met Dr. Jane Walsh. \"It is fine,\" she said.", &[("It is fine,", "Jane Walsh", 'D')]),
    ("en_org_role_name", EN, "\"We are deeply concerned,\" White House press secretary Jen Psaki said.", &[("We are deeply concerned,", "Jen Psaki", 'D')]),
    ("en_said_org_role_name", EN, "\"We are deeply concerned,\" said Velmont press officer Jen Psaki.", &[("We are deeply concerned,", "Jen Psaki", 'D')]),
    ("en_cue_noun_after_determiner", EN, "In Asia, its brands came under \"attack\" from rivals.", &[("attack", "", 'P')]),
    ("en_name_of_org_has_said", EN, "Car sales are \"in free fall\", Marta Kowalska of the dealers' federation has said.", &[("in free fall", "Marta Kowalska", 'P')]),
    ("en_head_of_org_said_not_guessed", EN, "Tom Baker left early. Prices are \"too high\", the head of the federation said.", &[("too high", "~the head of the federation", 'P')]),
    ("en_analysts_said", EN, "Velmont shares fell \"sharply\", analysts said.", &[("sharply", "~analysts", 'P')]),
    ("en_spoke_then_quote_paragraph", EN, "Jane Walsh spoke to reporters on Monday.\n\n\"We have a plan.\"", &[("We have a plan.", "Jane Walsh", 'D')]),
    // --- English: common-noun speakers, pronouns with names of unknown kind
    ("en_said_one_trader", EN, "\"I think it will fail,\" said one trader. \"Nobody wants it.\"", &[("I think it will fail,", "~one trader", 'D'), ("Nobody wants it.", "~one trader", 'D')]),
    ("en_our_correspondent", EN, "Our correspondent says the move is \"unprecedented\".", &[("unprecedented", "~Our correspondent", 'P')]),
    ("en_capital_common_noun_subject", EN, "Critics have called the plan \"reckless\".", &[("reckless", "~Critics", 'P')]),
    ("en_capital_unknown_word_no_subject", EN, "Prices are \"too high\" this year.", &[("too high", "", 'P')]),
    ("en_he_unknown_kind_name", EN, "Jones was defiant.\n\n\"I have done nothing wrong,\" he told the BBC.", &[("I have done nothing wrong,", "Jones", 'D')]),
    ("en_lone_capital_speech_verb", EN, "Velmont called the offer \"a farce\" and \"an insult\".", &[("a farce", "Velmont", 'P'), ("an insult", "Velmont", 'P')]),
    ("en_adding_colon_same_sentence", EN, "\"We tried,\" said Jones Okafor, adding: \"It was not enough.\"", &[("We tried,", "Jones Okafor", 'D'), ("It was not enough.", "Jones Okafor", 'D')]),
    ("en_adding_that_subject", EN, "Jane Walsh said the plan had failed, adding that it was \"a disaster\".", &[("a disaster", "Jane Walsh", 'P')]),
    ("en_saying_subject", EN, "Britney Spears won, sending a message saying the award \"means so much\".", &[("means so much", "Britney Spears", 'P')]),
    ("en_partial_then_he_said", EN, "Andre Bell thanked fans \"for their support\". \"We really appreciate it,\" he said.", &[("for their support", "Andre Bell", 'P'), ("We really appreciate it,", "Andre Bell", 'D')]),
    // --- English: unknown head nouns before a final cue, numbers, pronouns after a cue
    ("en_unknown_head_has_warned", EN, "A strike will cost firms \"millions of pounds\", the regional chamber of commerce has warned.", &[("millions of pounds", "~the regional chamber of commerce", 'P')]),
    ("en_headline_unnamed_lead_source", EN, "Strike 'to cost millions'\n\nA strike will cost firms \"millions of pounds\", the regional chamber of commerce has warned.", &[("to cost millions", "~the regional chamber of commerce", 'P'), ("millions of pounds", "~the regional chamber of commerce", 'P')]),
    ("en_relative_clause_with_number", EN, "Port operator Harbourline, which employs 1,200 people, said it had made a \"fair\" offer.", &[("fair", "Harbourline", 'P')]),
    ("en_said_it_not_speaker", EN, "\"No,\" said Tom Baker. The firm said it had made a \"fair\" offer.", &[("No,", "Tom Baker", 'D'), ("fair", "~The firm", 'P')]),
    ("en_company_is_last_org_speaker", EN, "Port operator Harbourline, which employs 1,200 people, said it had made a \"fair\" offer.\n\n\"We remain open to talks,\" the company said in a statement.", &[("fair", "Harbourline", 'P'), ("We remain open to talks,", "Harbourline", 'D')]),
    ("en_government_skips_consultancy", EN, "\"Demand is weak,\" the Moldovan Finance Ministry said. \"It will not work,\" consultancy Brightline said. The government said it would ask banks to \"roll over loans\".", &[("Demand is weak,", "Moldovan Finance Ministry", 'D'), ("It will not work,", "Brightline", 'D'), ("roll over loans", "Moldovan Finance Ministry", 'P')]),
    ("en_said_one_supporter_apposition", EN, "\"The fans deserve better,\" said one supporter, Ann Lee, 62.", &[("The fans deserve better,", "Ann Lee", 'D')]),
    ("en_headline_lead_subject", EN, "Coach hails 'special' win\n\nRiverside coach Tomasz Wolski called the 3-1 win \"something special\".", &[("special", "Tomasz Wolski", 'P'), ("something special", "Tomasz Wolski", 'P')]),
    ("en_sighed_colon", EN, "Asked about his future, Gary Pollock sighed: \"That is not for me to decide.\"", &[("That is not for me to decide.", "Gary Pollock", 'D')]),
    ("en_quote_paragraph_after_apposition_speaker", EN, "\"We will fight this,\" said Jane Walsh.\n\nTom Baker, her opponent, said the case was weak.\n\n\"There is no evidence.\"", &[("We will fight this,", "Jane Walsh", 'D'), ("There is no evidence.", "Tom Baker", 'D')]),
    ("en_multi_paragraph_quote", EN, "\"We will fight this,\" said Jane Walsh.\n\n\"We have the evidence. We have the witnesses.\n\n\"And we will win.\"", &[("We will fight this,", "Jane Walsh", 'D'), ("We have the evidence. We have the witnesses.", "Jane Walsh", 'D'), ("And we will win.", "Jane Walsh", 'D')]),
    ("en_year_old_description", EN, "Sarah Walsh, 54, won the seat. \"I am thrilled,\" the 54-year-old said.", &[("I am thrilled,", "Sarah Walsh", 'D')]),
    ("en_fumed", EN, "\"We were robbed,\" fumed Tom Baker.", &[("We were robbed,", "Tom Baker", 'D')]),
    ("en_told_reuters", EN, "\"We are ready,\" Jane Walsh told Reuters.", &[("We are ready,", "Jane Walsh", 'D')]),
    ("en_conceded_inverted", EN, "\"Fine, we lost,\" conceded Tom Baker.", &[("Fine, we lost,", "Tom Baker", 'D')]),
    ("en_conceded_after_name", EN, "\"We lost,\" Tom Baker conceded.", &[("We lost,", "Tom Baker", 'D')]),
    ("en_film_title", EN, "The film \"Blue Moon\" opened on Friday.", &[("Blue Moon", "", 'T')]),
    ("en_three_partials_one_speaker", EN, "Tom Baker said the plan was \"a mess\", \"a farce\" and \"a disgrace\".", &[("a mess", "Tom Baker", 'P'), ("a farce", "Tom Baker", 'P'), ("a disgrace", "Tom Baker", 'P')]),
    ("en_company_statement_no_antecedent", EN, "\"The deal is dead,\" the company said in a statement.", &[("The deal is dead,", "~the company", 'D')]),
    // --- English: titles, terms, apostrophes, marks
    ("en_dubbed", EN, "He was dubbed the \"Trump of the East\" by critics.", &[("Trump of the East", "", 'T')]),
    ("en_titled", EN, "She released an album titled \"Blue Skies\" last year.", &[("Blue Skies", "", 'T')]),
    ("en_so_called", EN, "The so-called \"put option\" expired.", &[("put option", "", 'T')]),
    ("en_apostrophes_not_marks", EN, "Cronin's view of the '90s is that rock 'n' roll didn't die.", &[]),
    ("en_single_quotes_headline", EN, "Film production 'falls' 40% in UK", &[("falls", "", '*')]),
    ("en_plural_possessive", EN, "The Joneses' house was sold. \"It was time,\" said Mary Jones.", &[("It was time,", "Mary Jones", 'D')]),
    ("en_curly", EN, "“We will win,” said Tom Baker.", &[("We will win,", "Tom Baker", 'D')]),
    ("en_curly_single", EN, "‘We will win,’ said Tom Baker.", &[("We will win,", "Tom Baker", 'D')]),
    ("en_nested_single_in_double", EN, "\"He told me 'wait here' and left,\" said Tom Baker.", &[("He told me 'wait here' and left,", "Tom Baker", 'D')]),
    ("en_odd_marks", EN, "\"We will win,\" said Tom Baker. The crowd cheered \"loudly.", &[("We will win,", "Tom Baker", 'D'), ("loudly.", "", '*')]),
    ("en_no_quotes", EN, "The market closed higher on Friday.", &[]),
    ("en_quote_no_speaker", EN, "The sign read \"Keep Out\".", &[("Keep Out", "", '*')]),
    ("en_inch_marks", EN, "The screen is 15\" wide and 10\" tall.", &[]),
    ("en_speaker_name_ends_in_number", EN, "\"It was great,\" said Andre 3000.", &[("It was great,", "Andre 3000", 'D')]),
    ("en_speaker_display_name", EN, "\"Talks will resume,\" the North Korean Foreign Ministry said.", &[("Talks will resume,", "North Korean Foreign Ministry", 'D')]),
    // --- Indonesian: words of the lexicon, capitalised, are no names (the entity layer's roots)
    ("id_lexical_derived_noun_not_a_name", ID, "Siti Rahayu datang ke pasar. Pendapat warga beragam. “Kami rugi,” ujarnya.", &[("Kami rugi,", "Siti Rahayu", 'D')]),
    ("id_lexical_words_with_derived_noun_not_a_name", ID, "Andi Wijaya tiba. Ancaman Kekeringan meluas. “Kami siap,” katanya.", &[("Kami siap,", "Andi Wijaya", 'D')]),
    ("id_root_word_before_bare_cue_not_a_name", ID, "Andi Wijaya tiba pagi. Tanggung jawab itu berat. “Semua sudah siap,” katanya.", &[("Semua sudah siap,", "Andi Wijaya", 'D')]),
    ("id_root_word_before_passive_cue_not_a_name", ID, "Siti Rahayu datang. Harus diakui, pasar sepi. “Kami rugi,” ujarnya.", &[("Kami rugi,", "Siti Rahayu", 'D')]),
    ("id_root_word_after_form_of_address_is_a_name", ID, "“Kami siap,” kata Pak Tanggung.", &[("Kami siap,", "Tanggung", 'D')]),
    ("id_root_word_before_active_cue_is_a_name", ID, "Tanggung mengatakan, “Kami siap.”", &[("Kami siap.", "Tanggung", 'D')]),
    // --- Indonesian: the entity layer's longer extent of a person's name
    ("id_entity_extent_name_prefixes", ID, "“Kami siap,” kata Kepala Dinas Kesehatan I Gusti Putu Ngurah Wirawan.", &[("Kami siap,", "I Gusti Putu Ngurah Wirawan", 'D')]),
    ("id_entity_extent_five_given_names", ID, "“Kami siap,” kata Kepala Dinas Kesehatan Dwi Oktavia Sari Lestari Handayani.", &[("Kami siap,", "Dwi Oktavia Sari Lestari Handayani", 'D')]),
    ("id_speaker_keeps_canonical_name", ID, "“Perundingan akan dilanjutkan,” kata Kementerian Luar Negeri Korea Utara.", &[("Perundingan akan dilanjutkan,", "Kementerian Luar Negeri Korea Utara", 'D')]),
];

fn pipeline(lang: Language) -> Pipeline {
    Pipeline::builder().language(Some(lang)).build().unwrap()
}

fn speaker_of(doc: &Document, i: usize) -> String {
    let q = &doc.quotes()[i];
    match &q.speaker {
        None => String::new(),
        Some(s) => match &s.name {
            Some(n) => n.clone(),
            None => format!("~{}", doc.slice(s.span)),
        },
    }
}

#[test]
fn table() {
    assert!(CASES.len() >= 100, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (name, lang, text, want) in CASES {
        let doc = pipeline(*lang).process(*text);
        let got: Vec<(String, String, QuoteKind)> = (0..doc.quotes().len())
            .map(|i| {
                let q = &doc.quotes()[i];
                (
                    doc.slice(q.content).to_string(),
                    speaker_of(&doc, i),
                    q.kind,
                )
            })
            .collect();
        let ok = got.len() == want.len()
            && got
                .iter()
                .zip(want.iter())
                .all(|((c, s, k), (wc, ws, wk))| {
                    let speaker_ok = if ws.is_empty() {
                        s.is_empty() || s.starts_with('~')
                    } else {
                        s == ws
                    };
                    let kind_ok = match wk {
                        'D' => *k == QuoteKind::Direct,
                        'P' => *k == QuoteKind::Partial,
                        'T' => *k == QuoteKind::Title,
                        _ => true,
                    };
                    c == wc && speaker_ok && kind_ok
                });
        if !ok {
            failures.push(format!("{name}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn names_are_unique() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(n, names.len());
}

/// (name, text, quote index, text of the speaker's mention): a pronoun or a `-nya` cue names
/// no one; the speaker's mention is the antecedent's latest mention before it.
#[rustfmt::skip]
const ANTECEDENTS: &[(&str, &str, usize, &str)] = &[
    ("nya_cue_latest_short_mention", "Wali Kota Hendra Saputra meninjau pasar. Hendra juga melarang pesta. “Warga harus di rumah,” ujarnya.", 0, "Hendra"),
    ("nya_cue_previous_speaker", "“Harga naik,” kata Budi Santoso di pasar. “Stok menipis,” katanya.", 1, "Budi Santoso"),
    ("pronoun_kata_dia", "Wakil ketua panitia, Rudi Hartono, hadir pagi itu. “Semua berjalan lancar,” kata dia.", 0, "Rudi Hartono"),
    ("named_speaker_keeps_own_mention", "“Kami siap,” kata Budi Santoso. “Ayo,” kata Rina Marlina.", 1, "Rina Marlina"),
];

#[test]
fn anaphor_speaker_points_at_antecedent() {
    let p = Pipeline::new();
    let mut bad = Vec::new();
    for (name, text, qi, want) in ANTECEDENTS {
        let doc = p.process_as(*text, ID);
        let got = doc
            .quotes()
            .get(*qi)
            .and_then(|q| q.speaker.as_ref())
            .map(|s| doc.slice(s.span).to_string());
        if got.as_deref() != Some(*want) {
            bad.push(format!("{name}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn seed_article_twelve_quotes() {
    let doc = Pipeline::new().process(kutip::SEED_ARTICLE);
    let named: Vec<Option<String>> = doc
        .quotes()
        .iter()
        .map(|q| q.speaker.as_ref().and_then(|s| s.name.clone()))
        .collect();
    assert_eq!(doc.quotes().len(), 13, "{named:?}");
    let count = |n: &str| named.iter().filter(|s| s.as_deref() == Some(n)).count();
    assert_eq!(count("Vladimir Putin"), 5, "{named:?}");
    assert_eq!(count("Yuri Ushakov"), 2, "{named:?}");
    assert_eq!(count("Patrick Cronin"), 3, "{named:?}");
    assert_eq!(count("Korea Utara"), 1, "{named:?}");
    let title = doc.quotes().last().unwrap();
    assert_eq!(doc.slice(title.content), "Summer Letter");
    assert_eq!(title.kind, QuoteKind::Title);
    assert!(title.speaker.is_none());
}

#[test]
fn speaker_carries_the_entity_layers_referent() {
    let doc = Pipeline::new().process(kutip::SEED_ARTICLE);
    let putin = doc
        .entities()
        .iter()
        .find(|e| doc.slice(e.span) == "Vladimir Putin")
        .expect("the entity layer finds Vladimir Putin");
    let r = doc.referent(putin);
    let q = doc
        .quotes()
        .iter()
        .find(|q| {
            doc.slice(q.content)
                .starts_with("Kami sangat mengapresiasi")
        })
        .unwrap();
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.name.as_deref(), Some(r.name.as_str()));
    assert_eq!(s.id.as_deref(), r.id.as_deref());
    assert_eq!(s.kind, Some(kutip::EntityKind::Person));
}

#[test]
fn quote_records_are_complete() {
    let doc = pipeline(ID).process("Pembukaan.\n\n“Kami siap,” kata Budi Santoso.");
    let q = &doc.quotes()[0];
    assert_eq!(q.paragraph, 1);
    assert_eq!(doc.slice(q.span), "“Kami siap,”");
    let cue = q.cue.as_ref().unwrap();
    assert_eq!(cue.word, "kata");
    assert_eq!(doc.slice(cue.span), "kata");
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(doc.slice(s.span), "Budi Santoso");
    assert!(q.first_sentence < q.end_sentence);
    assert!(doc.sentences()[q.first_sentence].span.start <= q.span.start);
    assert!(q.confidence > 0.0 && q.confidence <= 1.0);
    assert_eq!(q.rule, "quote-cue-speaker");
}

#[test]
fn builder_adds_a_cue() {
    let text = "“Tidak mungkin,” celetuk Budi Santoso.";
    let plain = pipeline(ID).process(text);
    assert!(plain.quotes()[0].speaker.is_none());
    let miner = QuoteMiner::builder()
        .word(ID, "cue", "celetuk")
        .build()
        .unwrap();
    let p = Pipeline::builder()
        .language(Some(ID))
        .quote_miner(miner)
        .build()
        .unwrap();
    let doc = p.process(text);
    let s = doc.quotes()[0].speaker.as_ref().unwrap();
    assert_eq!(s.name.as_deref(), Some("Budi Santoso"));
}

#[test]
fn builder_adds_data_file_and_title_word() {
    let miner = QuoteMiner::builder()
        .data(
            EN,
            "mine.txt",
            "# mine\n[title_cue]\nmotto\n[cue]\nhollered\n",
        )
        .build()
        .unwrap();
    let p = Pipeline::builder()
        .language(Some(EN))
        .quote_miner(miner)
        .build()
        .unwrap();
    let doc = p.process("\"Go west,\" hollered Tom Baker. Their motto \"Never Again\" stuck.");
    assert_eq!(
        doc.quotes()[0].speaker.as_ref().unwrap().name.as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(doc.quotes()[1].kind, QuoteKind::Title);
}

#[test]
fn builder_reports_bad_data() {
    let err = QuoteMiner::builder()
        .data(ID, "bad.txt", "[cue]\nkata\n[nonsense]\nx\n")
        .build()
        .unwrap_err();
    assert_eq!(*err.kind(), kutip::ErrorKind::Data);
    assert_eq!(err.line(), Some(4));
    let err = QuoteMiner::builder()
        .word(ID, "no_such_section", "x")
        .build()
        .unwrap_err();
    assert_eq!(*err.kind(), kutip::ErrorKind::Data);
}

#[test]
fn miner_is_clone_debug_send_sync() {
    fn check<T: Clone + std::fmt::Debug + Send + Sync + Default>() {}
    check::<QuoteMiner>();
}

fn check_invariants(doc: &Document) {
    let text = doc.text();
    let mut last_end = 0;
    for q in doc.quotes() {
        assert!(q.span.start >= last_end, "overlap");
        assert!(q.span.start <= q.content.start && q.content.end <= q.span.end);
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(text.is_char_boundary(q.content.start) && text.is_char_boundary(q.content.end));
        assert!(!q.content.is_empty());
        if let Some(s) = &q.speaker {
            assert!(s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        if let Some(c) = &q.cue {
            assert!(c.span.end <= text.len());
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        }
        assert!(q.paragraph < doc.paragraphs().len());
        last_end = q.span.end;
    }
}

fn quoteish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("‘".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just(", kata ".to_string()),
        Just(" katanya".to_string()),
        Just(" said ".to_string()),
        Just(" he said. ".to_string()),
        Just("Budi Santoso".to_string()),
        Just("Presiden ".to_string()),
        Just("menurut ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just(",".to_string()),
        Just("bertajuk ".to_string()),
        "[a-zA-Z ]{0,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn invariants_on_quote_soup(text in quoteish()) {
        for lang in [ID, EN] {
            let doc = pipeline(lang).process(text.clone());
            check_invariants(&doc);
        }
    }

    #[test]
    fn invariants_on_any_text(text in "\\PC{0,200}") {
        let doc = Pipeline::new().process(text);
        check_invariants(&doc);
    }
}
