//! Sentence segmentation: a table of named cases (written for kutip), the builder API, and
//! property tests of the invariants (tiling, char boundaries, paragraphs).

use kutip::segment::{AbbreviationKind, SegmenterBuilder};
use kutip::{ErrorKind, Language, Segmenter};
use proptest::prelude::*;

const ID: Language = Language::Indonesian;
const EN: Language = Language::English;

/// (name, language, text, expected trimmed sentences)
#[rustfmt::skip]
const CASES: &[(&str, Language, &str, &[&str])] = &[
    // --- Indonesian: plain sentences and punctuation
    ("id_two_plain", ID, "Hujan turun sejak pagi. Jalan-jalan tergenang.", &["Hujan turun sejak pagi.", "Jalan-jalan tergenang."]),
    ("id_question", ID, "Kapan rapat dimulai? Belum ada jadwal.", &["Kapan rapat dimulai?", "Belum ada jadwal."]),
    ("id_exclamation", ID, "Awas! Jembatan itu rapuh.", &["Awas!", "Jembatan itu rapuh."]),
    ("id_double_mark", ID, "Sungguh?! Saya tidak percaya.", &["Sungguh?!", "Saya tidak percaya."]),
    ("id_single_sentence", ID, "Pasar dibuka kembali pekan depan.", &["Pasar dibuka kembali pekan depan."]),
    ("id_no_final_stop", ID, "Pasar dibuka kembali pekan depan", &["Pasar dibuka kembali pekan depan"]),
    // --- Indonesian: numbers, times, money
    ("id_time_wib", ID, "Rapat dimulai pukul 17.06 WIB. Peserta hadir lengkap.", &["Rapat dimulai pukul 17.06 WIB.", "Peserta hadir lengkap."]),
    ("id_thousands", ID, "Dana Rp 1.000.000 sudah cair. Warga lega.", &["Dana Rp 1.000.000 sudah cair.", "Warga lega."]),
    ("id_decimal_comma", ID, "Inflasi naik 3,5 persen. Harga beras stabil.", &["Inflasi naik 3,5 persen.", "Harga beras stabil."]),
    ("id_rp_dot", ID, "Harganya Rp. 25.000 per kilo. Pembeli ramai.", &["Harganya Rp. 25.000 per kilo.", "Pembeli ramai."]),
    ("id_number_ends", ID, "Korban tewas mencapai 1.250. Angka itu terus naik.", &["Korban tewas mencapai 1.250.", "Angka itu terus naik."]),
    ("id_year_ends", ID, "Gedung itu dibangun pada 1998. Sejak itu tak pernah dipugar.", &["Gedung itu dibangun pada 1998.", "Sejak itu tak pernah dipugar."]),
    ("id_pkl", ID, "Kereta tiba pkl. 08.30 di stasiun. Penumpang turun.", &["Kereta tiba pkl. 08.30 di stasiun.", "Penumpang turun."]),
    ("id_no_number", ID, "Kantornya di Jl. Merdeka No. 12 Bandung. Ia tinggal di sana.", &["Kantornya di Jl. Merdeka No. 12 Bandung.", "Ia tinggal di sana."]),
    ("id_unit_ends", ID, "Jaraknya kira-kira 40 km. Perjalanan memakan dua jam.", &["Jaraknya kira-kira 40 km.", "Perjalanan memakan dua jam."]),
    ("id_unit_per", ID, "Harga cabai Rp 80.000 per kg. Pedagang mengeluh.", &["Harga cabai Rp 80.000 per kg.", "Pedagang mengeluh."]),
    // --- Indonesian: titles, ranks, degrees, places
    ("id_jl_address", ID, "Kecelakaan terjadi di Jl. Gatot Subroto, Jakarta.", &["Kecelakaan terjadi di Jl. Gatot Subroto, Jakarta."]),
    ("id_jln_kec_kab", ID, "Lokasinya di Jln. Raya Bogor, Kec. Cibinong, Kab. Bogor.", &["Lokasinya di Jln. Raya Bogor, Kec. Cibinong, Kab. Bogor."]),
    ("id_kel_prov", ID, "Warga Kel. Sukajadi, Prov. Jawa Barat, mengungsi.", &["Warga Kel. Sukajadi, Prov. Jawa Barat, mengungsi."]),
    ("id_prof_dr", ID, "Prof. Dr. Sri Wahyuni memimpin tim itu. Ia ahli gizi.", &["Prof. Dr. Sri Wahyuni memimpin tim itu.", "Ia ahli gizi."]),
    ("id_dr_medical", ID, "Pasien ditangani dr. Andi Wijaya di IGD.", &["Pasien ditangani dr. Andi Wijaya di IGD."]),
    ("id_ir_drs", ID, "Hadir pula Ir. Bambang dan Drs. Hartono.", &["Hadir pula Ir. Bambang dan Drs. Hartono."]),
    ("id_haji", ID, "Rombongan dipimpin H. Ahmad dan Hj. Siti Aminah.", &["Rombongan dipimpin H. Ahmad dan Hj. Siti Aminah."]),
    ("id_kh", ID, "Pengajian diisi K.H. Mustofa Bisri malam itu.", &["Pengajian diisi K.H. Mustofa Bisri malam itu."]),
    ("id_degrees_after_name", ID, "Kuasa hukumnya, Budi Santoso, S.H., M.H., menolak berkomentar.", &["Kuasa hukumnya, Budi Santoso, S.H., M.H., menolak berkomentar."]),
    ("id_degree_ends", ID, "Surat itu diteken Rina Lestari, S.E. Ia bendahara yayasan.", &["Surat itu diteken Rina Lestari, S.E.", "Ia bendahara yayasan."]),
    ("id_degree_msi_skom", ID, "Pembicaranya Dewi Anggraini, S.Kom., M.Si. dari kampus itu.", &["Pembicaranya Dewi Anggraini, S.Kom., M.Si. dari kampus itu."]),
    ("id_police_ranks", ID, "Kasus ditangani AKBP. Joko Susilo bersama Kompol. Rudi.", &["Kasus ditangani AKBP. Joko Susilo bersama Kompol. Rudi."]),
    ("id_brigjen_pol", ID, "Brigjen. Pol. Agus Wibowo membenarkan penangkapan itu.", &["Brigjen. Pol. Agus Wibowo membenarkan penangkapan itu."]),
    ("id_military_purn", ID, "Jenderal (Purn.) Wiranto hadir. Ia duduk di depan.", &["Jenderal (Purn.) Wiranto hadir.", "Ia duduk di depan."]),
    ("id_bpk_sdr", ID, "Undangan untuk Bpk. Hasan dan Sdr. Yusuf sudah dikirim.", &["Undangan untuk Bpk. Hasan dan Sdr. Yusuf sudah dikirim."]),
    ("id_yth", ID, "Surat ditujukan kepada Yth. Bupati Sleman.", &["Surat ditujukan kepada Yth. Bupati Sleman."]),
    ("id_an_up", ID, "Transfer ke rekening a.n. Yayasan Harapan u.p. Bendahara.", &["Transfer ke rekening a.n. Yayasan Harapan u.p. Bendahara."]),
    ("id_pt_tbk", ID, "Saham PT Bank Rakyat Tbk. naik tajam. Investor senang.", &["Saham PT Bank Rakyat Tbk. naik tajam.", "Investor senang."]),
    ("id_tbk_ends", ID, "Ia bekerja di PT Semen Jaya Tbk. Kantornya di Gresik.", &["Ia bekerja di PT Semen Jaya Tbk.", "Kantornya di Gresik."]),
    ("id_pt_dot", ID, "Kontrak dengan PT. Maju Mundur diputus.", &["Kontrak dengan PT. Maju Mundur diputus."]),
    ("id_cv", ID, "Proyek dikerjakan CV. Karya Abadi sejak Mei.", &["Proyek dikerjakan CV. Karya Abadi sejak Mei."]),
    ("id_initial", ID, "Novel karya Pramoedya A. Toer itu dicetak ulang.", &["Novel karya Pramoedya A. Toer itu dicetak ulang."]),
    ("id_initial_then_pronoun", ID, "Tersangka berinisial R. Ia ditahan polisi.", &["Tersangka berinisial R.", "Ia ditahan polisi."]),
    ("id_vowelless_abbr", ID, "Surat itu dikirim kpd. Kepala Dinas kemarin.", &["Surat itu dikirim kpd. Kepala Dinas kemarin."]),
    // --- Indonesian: list abbreviations
    ("id_dll_ends", ID, "Ia menjual beras, gula, minyak, dll. Tokonya selalu ramai.", &["Ia menjual beras, gula, minyak, dll.", "Tokonya selalu ramai."]),
    ("id_dll_inside", ID, "Bahan pokok seperti beras, gula, dll. dijual murah.", &["Bahan pokok seperti beras, gula, dll. dijual murah."]),
    ("id_dsb_ends", ID, "Ada lomba lari, panjat pinang, dsb. Semua gratis.", &["Ada lomba lari, panjat pinang, dsb.", "Semua gratis."]),
    ("id_dkk_ends", ID, "Penelitian dilakukan Suryani dkk. Hasilnya terbit tahun lalu.", &["Penelitian dilakukan Suryani dkk.", "Hasilnya terbit tahun lalu."]),
    ("id_saw_ends", ID, "Umat memperingati Maulid Nabi Muhammad SAW. Libur berlangsung sehari.", &["Umat memperingati Maulid Nabi Muhammad SAW.", "Libur berlangsung sehari."]),
    ("id_persero_ends", ID, "Ia direktur PT Pos Indonesia Persero. Kantornya di Bandung.", &["Ia direktur PT Pos Indonesia Persero.", "Kantornya di Bandung."]),
    ("id_month_abbr_date", ID, "Surat bertanggal 5 Agt. 2024 itu beredar.", &["Surat bertanggal 5 Agt. 2024 itu beredar."]),
    ("id_digit_after_stop", ID, "Jumlahnya mencapai 2.904. 678 di antaranya anak-anak.", &["Jumlahnya mencapai 2.904. 678 di antaranya anak-anak."]),
    ("id_tsb_inside", ID, "Barang tsb. disita petugas.", &["Barang tsb. disita petugas."]),
    // --- Indonesian: quotation marks
    ("id_quote_comma_continues", ID, "“Kami mendukung Ukraina,” kata Menteri itu. Ia lalu pergi.", &["“Kami mendukung Ukraina,” kata Menteri itu.", "Ia lalu pergi."]),
    ("id_quote_stop_inside", ID, "“Kami siap memperkuat pertahanan.” Presiden lalu meninggalkan ruangan.", &["“Kami siap memperkuat pertahanan.”", "Presiden lalu meninggalkan ruangan."]),
    ("id_quote_stop_then_cue", ID, "“Kami siap.” kata dia.", &["“Kami siap.” kata dia."]),
    ("id_quote_two_sentences", ID, "“Kami siap. Kami akan datang,” ujar Budi.", &["“Kami siap.", "Kami akan datang,” ujar Budi."]),
    ("id_quote_question_cue", ID, "“Mengapa harus sekarang?” tanya warga itu.", &["“Mengapa harus sekarang?” tanya warga itu."]),
    ("id_kompas_same_mark", ID, "Ia menegaskan hal itu. ”Kami tidak mundur,” katanya. ”Tidak akan.”", &["Ia menegaskan hal itu.", "”Kami tidak mundur,” katanya.", "”Tidak akan.”"]),
    ("id_straight_quotes", ID, "Ia menyebutnya \"tidak masuk akal\". Bantahan itu keras.", &["Ia menyebutnya \"tidak masuk akal\".", "Bantahan itu keras."]),
    ("id_unclosed_quote_paragraph", ID, "“Kami akan datang. Semua siap.\n\nBerita lain dimulai di sini. Selesai.", &["“Kami akan datang.", "Semua siap.", "Berita lain dimulai di sini.", "Selesai."]),
    ("id_parenthesis_stop", ID, "Ia lulus (dengan pujian.) tahun lalu.", &["Ia lulus (dengan pujian.) tahun lalu."]),
    // --- Indonesian: news layout
    ("id_dateline_tempo", ID, "TEMPO.CO, Jakarta - Presiden tiba di Istana. Ia disambut menteri.", &["TEMPO.CO, Jakarta - Presiden tiba di Istana.", "Ia disambut menteri."]),
    ("id_dateline_kompas", ID, "JAKARTA, KOMPAS — Harga emas naik lagi. Pembeli menahan diri.", &["JAKARTA, KOMPAS — Harga emas naik lagi.", "Pembeli menahan diri."]),
    ("id_domain_inside", ID, "Berita itu dimuat detik.com dan Tempo.co kemarin.", &["Berita itu dimuat detik.com dan Tempo.co kemarin."]),
    ("id_domain_ends", ID, "Kabar itu pertama kali dimuat Kompas.com. Redaksi membenarkan.", &["Kabar itu pertama kali dimuat Kompas.com.", "Redaksi membenarkan."]),
    ("id_headline_line", ID, "Banjir Rendam Ribuan Rumah\nAir mulai surut pagi ini.", &["Banjir Rendam Ribuan Rumah", "Air mulai surut pagi ini."]),
    ("id_title_paragraphs", ID, "Banjir Rendam Ribuan Rumah\n\nReporter\n\nAir mulai surut pagi ini.", &["Banjir Rendam Ribuan Rumah", "Reporter", "Air mulai surut pagi ini."]),
    ("id_repeated_label_lines", ID, "Iklan\nIklan\n\nWarga kembali ke rumah.", &["Iklan", "Iklan", "Warga kembali ke rumah."]),
    ("id_wrapped_line", ID, "Warga yang rumahnya terendam\nmulai kembali ke rumah.", &["Warga yang rumahnya terendam\nmulai kembali ke rumah."]),
    ("id_line_ends_comma", ID, "Menurut dia,\nbantuan segera datang.", &["Menurut dia,\nbantuan segera datang."]),
    ("id_ellipsis_inside", ID, "Saya kira ... ya, begitulah.", &["Saya kira ... ya, begitulah."]),
    ("id_ellipsis_ends", ID, "Kami menunggu... Tidak ada kabar.", &["Kami menunggu...", "Tidak ada kabar."]),
    ("id_unicode_ellipsis", ID, "Entahlah… Kita lihat nanti.", &["Entahlah…", "Kita lihat nanti."]),
    ("id_lowercase_after_word", ID, "Rapat selesai larut malam. peserta pulang.", &["Rapat selesai larut malam.", "peserta pulang."]),
    ("id_nbsp_after_stop", ID, "Rapat selesai.\u{a0}Peserta pulang.", &["Rapat selesai.", "Peserta pulang."]),
    ("id_list_numbers", ID, "Syaratnya: 1. Warga negara Indonesia 2. Berusia 17 tahun", &["Syaratnya: 1. Warga negara Indonesia", "2. Berusia 17 tahun"]),
    // --- English
    ("en_two_plain", EN, "The rain stopped. Roads reopened.", &["The rain stopped.", "Roads reopened."]),
    ("en_mr_mrs", EN, "Mr. and Mrs. Jones arrived late. They apologised.", &["Mr. and Mrs. Jones arrived late.", "They apologised."]),
    ("en_dr_st", EN, "Dr. Patel works at St. Mary's Hospital.", &["Dr. Patel works at St. Mary's Hospital."]),
    ("en_jr_sr", EN, "Martin Luther King Jr. spoke first. Later Frank Sinatra Sr. sang.", &["Martin Luther King Jr. spoke first.", "Later Frank Sinatra Sr. sang."]),
    ("en_inc_inside", EN, "Acme Inc. said profits rose.", &["Acme Inc. said profits rose."]),
    ("en_inc_ends", EN, "She joined Globex Corp. It was her first job.", &["She joined Globex Corp.", "It was her first job."]),
    ("en_ltd_co", EN, "Smith & Co. and Brown Ltd. merged last year.", &["Smith & Co. and Brown Ltd. merged last year."]),
    ("en_us_inside", EN, "The U.S. Navy sent two ships.", &["The U.S. Navy sent two ships."]),
    ("en_us_ends", EN, "He moved to the U.S. The visa took a year.", &["He moved to the U.S.", "The visa took a year."]),
    ("en_uk_lowercase", EN, "Prices in the U.K. rose sharply.", &["Prices in the U.K. rose sharply."]),
    ("en_pm_ends", EN, "The talks ended at 11 p.m. The delegates left at dawn.", &["The talks ended at 11 p.m.", "The delegates left at dawn."]),
    ("en_am_inside", EN, "At 6 a.m. Sen. Clark called the governor.", &["At 6 a.m. Sen. Clark called the governor."]),
    ("en_time_dot", EN, "The train left at 2.30 p.m. on Friday.", &["The train left at 2.30 p.m. on Friday."]),
    ("en_percent", EN, "Growth slowed to 3.5% in May. Economists were surprised.", &["Growth slowed to 3.5% in May.", "Economists were surprised."]),
    ("en_eg_ie", EN, "Some fruits, e.g. apples, keep well, i.e. for weeks.", &["Some fruits, e.g. apples, keep well, i.e. for weeks."]),
    ("en_etc_ends", EN, "They sold pens, paper, etc. The shop closed in June.", &["They sold pens, paper, etc.", "The shop closed in June."]),
    ("en_vs", EN, "The case Smith vs. Jones went to trial.", &["The case Smith vs. Jones went to trial."]),
    ("en_month_abbr", EN, "The report is due Jan. 15 and the vote in Feb.", &["The report is due Jan. 15 and the vote in Feb."]),
    ("en_initials", EN, "The poem by T. S. Eliot was read aloud.", &["The poem by T. S. Eliot was read aloud."]),
    ("en_initial_pronoun", EN, "The winner was Team B. It scored twice.", &["The winner was Team B.", "It scored twice."]),
    ("en_gen_rank", EN, "Gen. Mark Milley and Lt. Col. Vindman testified.", &["Gen. Mark Milley and Lt. Col. Vindman testified."]),
    ("en_gov_rep", EN, "Gov. Newsom met Rep. Pelosi on Monday.", &["Gov. Newsom met Rep. Pelosi on Monday."]),
    ("en_no_number", EN, "Route No. 9 was closed.", &["Route No. 9 was closed."]),
    ("en_email_ends", EN, "Write to press@example.org. Replies take a day.", &["Write to press@example.org.", "Replies take a day."]),
    ("en_url_inside", EN, "Visit https://example.org/a.b?x=1 for details.", &["Visit https://example.org/a.b?x=1 for details."]),
    ("en_quote_said", EN, "\"We will win.\" he said.", &["\"We will win.\" he said."]),
    ("en_quote_new_sentence", EN, "\"We will win.\" The crowd cheered.", &["\"We will win.\"", "The crowd cheered."]),
    ("en_curly_quote_comma", EN, "“It is over,” she said. “Go home.”", &["“It is over,” she said.", "“Go home.”"]),
    ("en_single_quotes", EN, "He said 'not yet.' Then he left.", &["He said 'not yet.'", "Then he left."]),
    ("en_brand_exclamation", EN, "She worked at Yahoo! for ten years.", &["She worked at Yahoo! for ten years."]),
    ("en_possessive_abbr", EN, "It was Sr.'s decision.", &["It was Sr.'s decision."]),
    ("en_contraction_ends", EN, "They said they can't. Police disagreed.", &["They said they can't.", "Police disagreed."]),
    ("en_paren_state", EN, "Sen. Ann Lee (D-Mass.) said no. Others agreed.", &["Sen. Ann Lee (D-Mass.) said no.", "Others agreed."]),
    ("en_month_ends", EN, "Sales fell in Sept. Analysts were not surprised.", &["Sales fell in Sept.", "Analysts were not surprised."]),
    ("en_month_before_day", EN, "The attack on Sept. 11 changed policy.", &["The attack on Sept. 11 changed policy."]),
    ("en_dc_ends", EN, "She was born in Washington, D.C. She moved away.", &["She was born in Washington, D.C.", "She moved away."]),
    ("en_phd_then", EN, "He earned a Ph.D. Then he taught.", &["He earned a Ph.D.", "Then he taught."]),
    ("en_degree_celsius", EN, "It reached 41 °C. Schools closed.", &["It reached 41 °C.", "Schools closed."]),
    ("en_money", EN, "The fine was $250.50. He paid it.", &["The fine was $250.50.", "He paid it."]),
    ("en_ellipsis_four", EN, "He never finished.... The crowd left.", &["He never finished....", "The crowd left."]),
    ("en_spaced_ellipsis_inside", EN, "It was . . . strange, really.", &["It was . . . strange, really."]),
    ("en_bracket_ellipsis", EN, "The law [...] was repealed in 1990.", &["The law [...] was repealed in 1990."]),
    ("en_list_parens", EN, "a) Apples b) Pears", &["a) Apples", "b) Pears"]),
    ("en_bullets", EN, "• First point • Second point", &["• First point", "• Second point"]),
    ("en_headline_newline", EN, "Storm Hits Coast\nThousands lost power overnight.", &["Storm Hits Coast", "Thousands lost power overnight."]),
    ("en_byline_paragraphs", EN, "By Jane Doe\n\nThe storm hit at dawn.", &["By Jane Doe", "The storm hit at dawn."]),
    ("en_blank_lines_only", EN, "\n\n   \n", &[]),
    ("en_empty", EN, "", &[]),
    ("en_leading_trailing_ws", EN, "  Hello there.  \n", &["Hello there."]),
];

fn sentences(seg: &Segmenter, lang: Language, text: &str) -> Vec<String> {
    let (_, s) = seg.segment(text, lang);
    s.iter().map(|s| text[s.trimmed].to_string()).collect()
}

#[test]
fn table_of_cases() {
    assert!(CASES.len() >= 80, "only {} cases", CASES.len());
    let seg = Segmenter::new();
    let mut failed = Vec::new();
    for (name, lang, text, want) in CASES {
        let got = sentences(&seg, *lang, text);
        if got != *want {
            failed.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
        check_invariants(&seg, *lang, text);
    }
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(n, names.len());
}

#[test]
fn pipeline_fills_document() {
    let doc = kutip::Pipeline::new().process(kutip::SEED_ARTICLE);
    assert!(doc.sentences().len() > 20);
    assert!(doc.paragraphs().len() > 10);
    let text = doc.text();
    // The dateline sentence is one sentence.
    assert!(doc.sentences().iter().any(|s| text[s.trimmed]
        .starts_with("TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin")
        && text[s.trimmed].ends_with("di Ukraina menjelang kunjungannya ke Pyongyang.")));
}

#[test]
fn builder_adds_and_removes() {
    let text = "Ia bekerja di Perwk. Pajak Pratama.";
    assert_eq!(sentences(&Segmenter::new(), ID, text).len(), 2);
    let seg = Segmenter::builder().add_prefixes(ID, ["Perwk."]).build();
    assert_eq!(sentences(&seg, ID, text).len(), 1);
    assert_eq!(
        seg.abbreviation(ID, "Perwk"),
        Some(AbbreviationKind::Prefix)
    );
    // Languages are separate.
    assert_eq!(seg.abbreviation(EN, "Perwk"), None);

    let seg = Segmenter::builder()
        .remove_abbreviations(ID, ["Kab."])
        .build();
    assert_eq!(seg.abbreviation(ID, "Kab."), None);
    assert_eq!(sentences(&seg, ID, "Di Kab. Bogor ada demo.").len(), 2);

    let seg = Segmenter::builder()
        .add_abbreviations(EN, ["Xyz."])
        .add_sentence_starters(EN, ["Zebras"])
        .build();
    assert_eq!(
        sentences(&seg, EN, "It went to Xyz. Zebras followed.").len(),
        2
    );
    assert_eq!(
        sentences(&seg, EN, "It went to Xyz. Corp bought it.").len(),
        1
    );

    let seg = Segmenter::builder()
        .add_final_abbreviations(EN, ["ff."])
        .build();
    assert_eq!(
        sentences(&seg, EN, "See pages 4 ff. Others agree.").len(),
        2
    );

    let seg = SegmenterBuilder::empty().build();
    assert_eq!(sentences(&seg, EN, "Prof. Smith left.").len(), 2);
}

#[test]
fn builder_plain_words() {
    let text = "The file is 5 GB in size, about 40 Tbsp. More later.";
    let seg = Segmenter::builder().add_plain_words(EN, ["Tbsp"]).build();
    assert_eq!(sentences(&seg, EN, text).len(), 2);
}

#[test]
fn load_reports_file_and_line() {
    let err = Segmenter::builder()
        .load(ID, "extra.txt", "[prefix]\nKtr.\n\n[verbs]\n")
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Data);
    assert_eq!(err.line(), Some(4));
    assert!(err.file().is_some());

    let err = Segmenter::builder()
        .load(ID, "extra.txt", "Ktr.\n")
        .unwrap_err();
    assert_eq!(err.line(), Some(1));

    let err = Segmenter::builder()
        .load(ID, "extra.txt", "[abbr]\nKtr. Pos\n")
        .unwrap_err();
    assert_eq!(err.line(), Some(2));

    let seg = Segmenter::builder()
        .load(
            ID,
            "extra.txt",
            "# mine\n[final]\ndstnya.\n[starters]\nsyahdan\n",
        )
        .unwrap()
        .build();
    assert_eq!(
        seg.abbreviation(ID, "dstnya"),
        Some(AbbreviationKind::Final)
    );
    assert_eq!(
        sentences(&seg, ID, "Ia datang ke situ. Syahdan hujan turun.").len(),
        2
    );
}

fn check_invariants(seg: &Segmenter, lang: Language, text: &str) {
    let (pars, sents) = seg.segment(text, lang);
    if text.trim().is_empty() {
        assert!(sents.is_empty());
        assert!(pars.is_empty());
        return;
    }
    assert!(!sents.is_empty());
    assert_eq!(sents[0].span.start, 0);
    assert_eq!(sents.last().unwrap().span.end, text.len());
    for w in sents.windows(2) {
        assert_eq!(w[0].span.end, w[1].span.start);
        assert!(w[0].paragraph <= w[1].paragraph);
    }
    for s in &sents {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(text.is_char_boundary(s.trimmed.start) && text.is_char_boundary(s.trimmed.end));
        assert!(s.span.start <= s.trimmed.start && s.trimmed.end <= s.span.end);
        assert!(s.trimmed.start < s.trimmed.end, "empty sentence");
        let t = &text[s.trimmed];
        assert_eq!(t, t.trim(), "trimmed has white space around it");
        // The sentence stays inside its paragraph.
        let p = &pars[s.paragraph];
        assert!(p.span.start <= s.trimmed.start && s.trimmed.end <= p.span.end);
    }
    let mut next = 0;
    for (i, p) in pars.iter().enumerate() {
        assert_eq!(p.first_sentence, next);
        assert!(p.end_sentence > p.first_sentence);
        for s in &sents[p.first_sentence..p.end_sentence] {
            assert_eq!(s.paragraph, i);
        }
        next = p.end_sentence;
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        let pt = &text[p.span];
        assert_eq!(pt, pt.trim());
        assert!(!pt.is_empty());
    }
    assert_eq!(next, sents.len());
    // Paragraphs are separated by blank lines.
    for w in pars.windows(2) {
        let gap = &text[w[0].span.end..w[1].span.start];
        assert!(
            gap.matches('\n').count() >= 2,
            "paragraphs not separated by a blank line"
        );
        assert!(gap.trim().is_empty());
    }
}

/// Text made of pieces that stress the rules: stops, quotes, abbreviations, numbers, line
/// breaks, odd Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(". ".to_string()),
        Just("... ".to_string()),
        Just(". . . ".to_string()),
        Just("? ".to_string()),
        Just("!".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just(")".to_string()),
        Just("(".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" \r\n \n".to_string()),
        Just("\u{a0}".to_string()),
        Just("…".to_string()),
        Just("•".to_string()),
        Just("Jl.".to_string()),
        Just("Dr.".to_string()),
        Just("U.S.".to_string()),
        Just("dll.".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("a.".to_string()),
        Just("17.06".to_string()),
        Just("Ia".to_string()),
        Just("The".to_string()),
        Just("kata".to_string()),
        Just("E.".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,3}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_on_arbitrary_unicode(text in "\\PC*") {
        check_invariants(&Segmenter::new(), ID, &text);
        check_invariants(&Segmenter::new(), EN, &text);
    }

    #[test]
    fn invariants_on_any_chars(text in proptest::collection::vec(any::<char>(), 0..200)) {
        let text: String = text.into_iter().collect();
        check_invariants(&Segmenter::new(), ID, &text);
    }

    #[test]
    fn invariants_on_newsish_text(text in newsish()) {
        check_invariants(&Segmenter::new(), ID, &text);
        check_invariants(&Segmenter::new(), EN, &text);
    }

    #[test]
    fn paragraphs_are_segmented_independently(a in newsish(), b in newsish()) {
        // What a paragraph becomes does not depend on its neighbours.
        let seg = Segmenter::new();
        let joined = format!("{a}\n\n{b}");
        let mut want = sentences(&seg, ID, &a);
        want.extend(sentences(&seg, ID, &b));
        prop_assert_eq!(sentences(&seg, ID, &joined), want);
    }

    #[test]
    fn pipeline_never_panics(text in newsish()) {
        let doc = kutip::Pipeline::new().process(&text);
        prop_assert_eq!(doc.sentences().last().map_or(0, |s| s.span.end), if text.trim().is_empty() { 0 } else { text.len() });
    }
}

#[test]
fn adversarial_inputs_are_handled() {
    // Correctness on big degenerate inputs (speed is measured in the bench).
    let seg = Segmenter::new();
    let no_punct = "kata ".repeat(200_000);
    let (p, s) = seg.segment(&no_punct, ID);
    assert_eq!((p.len(), s.len()), (1, 1));
    let quotes = "“".repeat(100_000);
    let (_, s) = seg.segment(&quotes, ID);
    assert_eq!(s.len(), 1);
    let empty_lines = "\n".repeat(1_000_000);
    let (p, s) = seg.segment(&empty_lines, ID);
    assert!(p.is_empty() && s.is_empty());
    let dots = ". ".repeat(100_000);
    check_invariants(&seg, EN, &dots);
    let stops = "A. ".repeat(50_000);
    check_invariants(&seg, EN, &stops);
    let bullets = format!("{}1. {}", "•".repeat(100_000), "a. ".repeat(20_000));
    check_invariants(&seg, EN, &bullets);
    let spaced = ". ".repeat(100_000) + "Done.";
    check_invariants(&seg, EN, &spaced);
}
