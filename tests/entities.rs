//! Entity recognition, names the gazetteer does not know, and linking: table-driven cases.

use kutip::gazetteer::GazetteerBuilder;
use kutip::{EntityKind, EntitySource, Language, Pipeline, Recognizer};
use proptest::prelude::*;
use std::sync::Arc;

const TSV: &str = "#kutip-gazetteer 1
Q423\tplace\tKorea Utara\ten:North Korea|xx:DPRK
Q18\tplace\tKorea\t
Q159\tplace\tRusia\ten:Russia
Q30\tplace\tAmerika Serikat\tid:AS|en:United States
Q7747\tperson\tVladimir Putin\txx:Putin\troles=presiden;of=Rusia
Q56\torganization\tKantor Berita Resmi Korea\txx:KCNA
Q130879\torganization\tReuters\t
Q5\torganization\tKremlin\t
Q6\tplace\tJakarta\t
Q3724\tplace\tJawa Barat\t\ttype=province
Q145\tplace\tInggris\ten:United Kingdom|xx:UK
Q152057\torganization\tBP\t
Q193014\torganization\tUBS\t
Q266003\torganization\tAprilia\t
";

fn pipeline(lang: Language) -> Pipeline {
    let mut g = GazetteerBuilder::empty();
    g.load_tsv_str("test.tsv", TSV).unwrap();
    let r = Recognizer::builder()
        .gazetteer(Arc::new(g.build().unwrap()))
        .build()
        .unwrap();
    Pipeline::builder()
        .language(Some(lang))
        .recognizer(r)
        .build()
        .unwrap()
}

/// Renders entities as "text/kind/name" (kind: per, loc, org).
fn render(p: &Pipeline, text: &str) -> Vec<String> {
    let doc = p.process(text);
    doc.entities()
        .iter()
        .map(|e| {
            let k = match e.kind {
                EntityKind::Person => "per",
                EntityKind::Place => "loc",
                _ => "org",
            };
            format!("{}/{}/{}", &text[e.span], k, doc.referent(e).name)
        })
        .collect()
}

const ID_CASES: &[(&str, &str, &[&str])] = &[
    (
        "a single-letter initial before a given name ends the body's name",
        "Kepala Unit Pengelola Kawasan Taman M Isa Rahman menjelaskan, taman tutup.",
        &[
            "Unit Pengelola Kawasan Taman/org/Unit Pengelola Kawasan Taman",
            "M Isa Rahman/per/M Isa Rahman",
        ],
    ),
    (
        "a Balinese name with its initial after a company",
        "Manajer PT Wisata Candi Sewu I Gusti Made Arsa mengatakan, tamu ramai.",
        &[
            "PT Wisata Candi Sewu/org/PT Wisata Candi Sewu",
            "I Gusti Made Arsa/per/I Gusti Made Arsa",
        ],
    ),
    (
        "a rank inside a body's run starts the person",
        "Kepala Satuan Lalu Lintas Polres Sleman Ajun Komisaris Hadi Santoso mengatakan, jalan ditutup.",
        &[
            "Satuan Lalu Lintas Polres Sleman/org/Satuan Lalu Lintas Polres Sleman",
            "Hadi Santoso/per/Hadi Santoso",
        ],
    ),
    (
        "a rank ending a body's run before a known person is no part of the body",
        "Kepala Satuan Lalu Lintas Polres Sleman Ajun Komisaris Vladimir Putin mengatakan, jalan ditutup.",
        &[
            "Satuan Lalu Lintas Polres Sleman/org/Satuan Lalu Lintas Polres Sleman",
            "Vladimir Putin/per/Vladimir Putin",
        ],
    ),
    (
        "after a title, the words after the body's place are the person",
        "Sekretaris Dinas Perhubungan Jawa Barat Enung Rahmat mengatakan, jalan ditutup.",
        &[
            "Dinas Perhubungan Jawa Barat/org/Dinas Perhubungan Jawa Barat",
            "Enung Rahmat/per/Enung Rahmat",
        ],
    ),
    (
        "a title word right after a body's head stays in its name",
        "Ketua Ikatan Dokter Jakarta mengatakan, vaksin aman.",
        &["Ikatan Dokter Jakarta/org/Ikatan Dokter Jakarta"],
    ),
    (
        "a five-word name after a body",
        "Sekretaris Dinas Kesehatan Jakarta Dwi Oktavia Tatri Lestari Handayani mengatakan, kasus naik.",
        &[
            "Dinas Kesehatan Jakarta/org/Dinas Kesehatan Jakarta",
            "Dwi Oktavia Tatri Lestari Handayani/per/Dwi Oktavia Tatri Lestari Handayani",
        ],
    ),
    (
        "derived nouns after a title name the unit, not the person",
        "Kepala Bidang Pencegahan Penyakit Ani Suryani mengatakan, kasus naik.",
        &["Ani Suryani/per/Ani Suryani"],
    ),
    (
        "a derived noun alone is no person",
        "Menurut Pendapat, harga naik.",
        &[],
    ),
    (
        "derived nouns together are no person",
        "Sekretaris Bidang Pelayanan Kesehatan tiba.",
        &[],
    ),
    (
        "a form of address inside the run starts the name",
        "Rektor Unesa Prof Nurhasan mengatakan, kampus tutup.",
        &["Nurhasan/per/Nurhasan"],
    ),
    (
        "a company's tail after its legal form ends it",
        "Direktur PT Bank Mandala (Persero) Tbk Rully Setiawan mengatakan, bunga turun.",
        &["PT Bank Mandala/org/PT Bank Mandala", "Rully Setiawan/per/Rully Setiawan"],
    ),
    (
        "a brand in camel case after a title is no part of the name",
        "CEO SurveySensum Rajiv Lamba mengatakan, pasar naik.",
        &["Rajiv Lamba/per/Rajiv Lamba"],
    ),
    (
        "dictionary words before a given name after a title name the body",
        "Koordinator Nasional Pantau Gambut Iola Abas mengatakan, lahan rusak.",
        &["Iola Abas/per/Iola Abas"],
    ),
    (
        "initials of two letters stay in the name",
        "Ketua Umum FX Winardi Prabowo mengatakan, pasar naik.",
        &["FX Winardi Prabowo/per/FX Winardi Prabowo"],
    ),
    (
        "a rank of two words is no part of the name",
        "Kepala Polres Metro Komisaris Besar Budhi Herdi mengatakan, jalan ditutup.",
        &["Polres Metro/org/Polres Metro", "Budhi Herdi/per/Budhi Herdi"],
    ),
    (
        "a town after a title is where the person serves",
        "Bupati Jakarta Achmad Husein mengatakan, jalan ditutup.",
        &["Jakarta/loc/Jakarta", "Achmad Husein/per/Achmad Husein"],
    ),
    (
        "a town after an acronym is where the person serves",
        "Tim Kantor SAR Jakarta Nur Yahya mengatakan, kapal hilang.",
        &["Jakarta/loc/Jakarta", "Nur Yahya/per/Nur Yahya"],
    ),
    (
        "a dictionary word and an acronym are no person",
        "Kata Koordinator Pos SAR Jakarta Wisnu Yuas kepada wartawan.",
        &["Jakarta/loc/Jakarta", "Wisnu Yuas/per/Wisnu Yuas"],
    ),
    (
        "a root word next to a reporting verb may be a name",
        "Harga naik, kata Didik kepada wartawan.",
        &["Didik/per/Didik"],
    ),
    (
        "a root word alone after a title is no person",
        "Ikan itu disebut Raja Laut oleh nelayan.",
        &[],
    ),
    (
        "a demonym head and its modifier make the place a modifier",
        "Serangan udara Rusia mengguncang Jakarta kemarin.",
        &["Jakarta/loc/Jakarta"],
    ),
    (
        "a verb between a noun and a place keeps the place",
        "Warga menyerbu Jakarta kemarin.",
        &["Jakarta/loc/Jakarta"],
    ),
    (
        "a demonym head opening a sentence makes the place a modifier",
        "Tentara Rusia tiba di Jakarta kemarin.",
        &["Jakarta/loc/Jakarta"],
    ),
    (
        "a company's name that is also a given name starts a person's name",
        "Aprilia Maharani menambahkan, stok cukup.",
        &["Aprilia Maharani/per/Aprilia Maharani"],
    ),
    (
        "the company's name alone stays a company",
        "Pebalap itu membela Aprilia musim ini.",
        &["Aprilia/org/Aprilia"],
    ),
    (
        "an org tail in English inside Indonesian text",
        "Data itu dikutip dari Orbis Science pekan lalu.",
        &["Orbis Science/org/Orbis Science"],
    ),
    (
        "one-word name opening a sentence before a reporting verb",
        "Harga naik. Sutarmin menambahkan, stok cukup.",
        &["Sutarmin/per/Sutarmin"],
    ),
    (
        "place after a demonym head is no place mention",
        "Sejumlah warga Rusia tiba di Jakarta kemarin.",
        &["Jakarta/loc/Jakarta"],
    ),
    (
        "gazetteer with title",
        "Presiden Rusia Vladimir Putin tiba.",
        &["Rusia/loc/Rusia", "Vladimir Putin/per/Vladimir Putin"],
    ),
    (
        "reporting verb before",
        "Itu penting, kata Patrick Cronin kepada wartawan.",
        &["Patrick Cronin/per/Patrick Cronin"],
    ),
    (
        "surname links back",
        "kata Patrick Cronin. Lalu Cronin pergi.",
        &[
            "Patrick Cronin/per/Patrick Cronin",
            "Cronin/per/Patrick Cronin",
        ],
    ),
    (
        "title before with affiliation",
        "kata ajudan Kremlin Yuri Ushakov kemarin.",
        &["Kremlin/org/Kremlin", "Yuri Ushakov/per/Yuri Ushakov"],
    ),
    (
        "reporting verb after",
        "Budi Santoso mengatakan hal itu.",
        &["Budi Santoso/per/Budi Santoso"],
    ),
    (
        "honorific",
        "Kami bertemu Pak Harjono di kantor.",
        &["Harjono/per/Harjono"],
    ),
    (
        "org head",
        "Ia kuliah di Universitas Gadjah Mada tahun lalu.",
        &["Universitas Gadjah Mada/org/Universitas Gadjah Mada"],
    ),
    (
        "org head absorbs place",
        "Ia dosen Universitas Jakarta sejak lama.",
        &["Universitas Jakarta/org/Universitas Jakarta"],
    ),
    (
        "org tail",
        "Ia bekerja di Hudson Institute sejak lama.",
        &["Hudson Institute/org/Hudson Institute"],
    ),
    (
        "org company",
        "Saham PT Maju Jaya Tbk naik.",
        &["PT Maju Jaya Tbk/org/PT Maju Jaya Tbk"],
    ),
    (
        "place head",
        "Banjir melanda Kabupaten Bojonegoro kemarin.",
        &["Kabupaten Bojonegoro/loc/Kabupaten Bojonegoro"],
    ),
    (
        "street",
        "Rumahnya di Jalan Merdeka Barat nomor 3.",
        &["Jalan Merdeka Barat/loc/Jalan Merdeka Barat"],
    ),
    (
        "di plus name",
        "Mereka tinggal di Wonosari sejak kecil.",
        &["Wonosari/loc/Wonosari"],
    ),
    (
        "acronym defined",
        "Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK lalu menahannya.",
        &[
            "Komisi Pemberantasan Korupsi/org/Komisi Pemberantasan Korupsi",
            "KPK/org/Komisi Pemberantasan Korupsi",
            "KPK/org/Komisi Pemberantasan Korupsi",
        ],
    ),
    (
        "sentence-initial common word",
        "Kunjungan itu penting. Ia pulang. Kunjungan berikutnya batal.",
        &[],
    ),
    (
        "lower-case text is no name",
        "pak harjono bilang rusia jauh.",
        &[],
    ),
    (
        "headline without evidence",
        "Putin Kunjungi Korea Utara untuk Pertama Kali\n\nIa datang.",
        &["Putin/per/Vladimir Putin", "Korea Utara/loc/Korea Utara"],
    ),
    (
        "headline with reporting verb",
        "Operasi di Korea, Sarwendah Ungkap Alasan\n\nSarwendah lalu pulang.",
        &[
            "Korea/loc/Korea",
            "Sarwendah/per/Sarwendah",
            "Sarwendah/per/Sarwendah",
        ],
    ),
    (
        "name before full name",
        "Cronin: Rusia kuat\n\nHal itu, kata Patrick Cronin, benar.",
        &[
            "Cronin/per/Patrick Cronin",
            "Rusia/loc/Rusia",
            "Patrick Cronin/per/Patrick Cronin",
        ],
    ),
    (
        "a ministry portfolio after a title is no name",
        "Rapat itu dipimpin Menko Polhukam kemarin.",
        &[],
    ),
    (
        "a title qualifier after a title is no name",
        "Surat itu ditandatangani Jaksa Agung Muda Pidana Umum pekan lalu.",
        &[],
    ),
    (
        "a portfolio that looks like a place head stays part of the title",
        "Ia pernah menjadi Menteri Perumahan Rakyat sebelum pensiun.",
        &[],
    ),
    (
        "portfolios joined by dan after a title",
        "Hal itu disampaikan Direktur Pemasaran dan Niaga Bank Sejahtera kemarin.",
        &["Bank Sejahtera/org/Bank Sejahtera"],
    ),
    (
        "an elected head keeps the name after the qualifier",
        "Pemerintahan akan dipimpin Presiden Terpilih Joko Widodo tahun depan.",
        &["Joko Widodo/per/Joko Widodo"],
    ),
    (
        "capitalised words joined by an English preposition make a foreign term",
        "Bank itu melaporkan Return on Equity yang naik tahun ini.",
        &[],
    ),
    (
        "an Indonesian connector still splits two names",
        "Rapat dihadiri Budi Santoso dan Joko Widodo kemarin.",
        &[
            "Budi Santoso/per/Budi Santoso",
            "Joko Widodo/per/Joko Widodo",
        ],
    ),
    (
        "a single portfolio after a title is no name",
        "Ia bertemu Menteri Perumahan kemarin.",
        &[],
    ),
    (
        "an acronym after a number and its scale word is a unit",
        "Kuota dipangkas menjadi 46 juta KL, kata Budi Santoso.",
        &["Budi Santoso/per/Budi Santoso"],
    ),
    (
        "an acronym after a plain number is a unit",
        "Pembangkit itu menghasilkan 300 MW, ujar Budi Santoso.",
        &["Budi Santoso/per/Budi Santoso"],
    ),
    (
        "a capitalised common noun before a name is no part of it",
        "Ia berbicara kepada Peserta Rapimnas kemarin.",
        &[],
    ),
    (
        "a common phrase written with capitals is no name",
        "Warga mengeluhkan macet di Ibu Kota dan mengibarkan bendera Merah Putih.",
        &[],
    ),
    (
        "the same words inside an organization's name stay",
        "Ia keluar dari Koalisi Merah Putih kemarin.",
        &["Koalisi Merah Putih/org/Koalisi Merah Putih"],
    ),
];

const EN_CASES: &[(&str, &str, &[&str])] = &[
    (
        "a number closes a name that opens with a given name",
        "Singer Andre 3000 said he was back.",
        &["Andre 3000/per/Andre 3000"],
    ),
    (
        "a number at the sentence end closes the name too",
        "The album is by Andre 3000.",
        &["Andre 3000/per/Andre 3000"],
    ),
    (
        "a number before a noun is a count, no part of the name",
        "Singer Andre 3000 fans cheered.",
        &["Andre/per/Andre"],
    ),
    (
        "a year after a name is no part of it",
        "Singer Andre Benjamin 2012 tour ended.",
        &["Andre Benjamin/per/Andre Benjamin"],
    ),
    (
        "a number with a thousands separator is no part of a name",
        "Singer Andre Benjamin 3,000 times.",
        &["Andre Benjamin/per/Andre Benjamin"],
    ),
    (
        "a verse reference is no part of a name",
        "Singer Andre 3:16 said so.",
        &["Andre/per/Andre"],
    ),
    (
        "no number joins a name that does not open with a given name",
        "Officials at Zorvex 3000 said so.",
        &[],
    ),
    (
        "org tail: a miner's name ends in Gold",
        "Shares in Highland Gold fell on Monday.",
        &["Highland Gold/org/Highland Gold"],
    ),
    (
        "org cue opening a sentence",
        "Carmaker Zorvex said sales rose.",
        &["Zorvex/org/Zorvex"],
    ),
    (
        "a capitalised cue alone is no org cue for the next name",
        "Company spokesman Glenn Waller said so.",
        &["Glenn Waller/per/Glenn Waller"],
    ),
    (
        "acronyms joined by a hyphen are one company",
        "BP created TNK-BP in 2003.",
        &["BP/org/BP", "TNK-BP/org/TNK-BP"],
    ),
    (
        "a place in a hyphenated acronym pair keeps the pair apart",
        "The UK-BP deal was signed.",
        &["UK/loc/Inggris", "BP/org/BP"],
    ),
    (
        "a name word after a known company names a part of it",
        "He is an economist at UBS Brunswick now.",
        &["UBS Brunswick/org/UBS Brunswick"],
    ),
    (
        "a comma keeps a company and the next name apart",
        "He left UBS, Brunswick Smith said.",
        &["UBS/org/UBS", "Brunswick Smith/per/Brunswick Smith"],
    ),
    (
        "camel case is a company",
        "The deal with WorldCom collapsed.",
        &["WorldCom/org/WorldCom"],
    ),
    (
        "surname prefix is no company",
        "The deal with Jack McDonald collapsed, McDonald said.",
        &[
            "Jack McDonald/per/Jack McDonald",
            "McDonald/per/Jack McDonald",
        ],
    ),
    (
        "said after",
        "The deal is done, Yuri Ushakov said on Monday.",
        &["Yuri Ushakov/per/Yuri Ushakov"],
    ),
    (
        "said before",
        "\"It is done,\" said Patrick Cronin of the institute.",
        &["Patrick Cronin/per/Patrick Cronin"],
    ),
    (
        "mr links to full name",
        "Yuri Trutnev said it was done. Later Mr Trutnev left.",
        &["Yuri Trutnev/per/Yuri Trutnev", "Trutnev/per/Yuri Trutnev"],
    ),
    (
        "possessive",
        "Putin's visit to North Korea.",
        &["Putin/per/Vladimir Putin", "North Korea/loc/Korea Utara"],
    ),
    (
        "org with connector",
        "The Securities and Exchange Commission said no.",
        &["Securities and Exchange Commission/org/Securities and Exchange Commission"],
    ),
    (
        "org tail",
        "He joined General Motors Corp in May.",
        &["General Motors Corp/org/General Motors Corp"],
    ),
    (
        "title before",
        "Foreign minister Sergei Lavrov arrived.",
        &["Sergei Lavrov/per/Sergei Lavrov"],
    ),
];

#[test]
fn indonesian_table() {
    let p = pipeline(Language::Indonesian);
    for (name, text, want) in ID_CASES {
        assert_eq!(&render(&p, text), want, "case {name:?}");
    }
}

#[test]
fn english_table() {
    let p = pipeline(Language::English);
    for (name, text, want) in EN_CASES {
        assert_eq!(&render(&p, text), want, "case {name:?}");
    }
}

/// (name, text, person, roles, affiliations).
type RoleCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);
const ROLES: &[RoleCase] = &[
    (
        "title and country",
        "Presiden Rusia Vladimir Putin tiba.",
        "Vladimir Putin",
        &["presiden"],
        &["Rusia"],
    ),
    (
        "appositive",
        "kata Patrick Cronin, ketua keamanan di Hudson Institute, kemarin.",
        "Patrick Cronin",
        &["ketua"],
        &["Hudson Institute"],
    ),
    (
        "aide of an org",
        "kata ajudan Kremlin Yuri Ushakov.",
        "Yuri Ushakov",
        &["ajudan"],
        &["Kremlin"],
    ),
    (
        "gazetteer attrs only",
        "Putin tiba.",
        "Vladimir Putin",
        &["presiden"],
        &["Rusia"],
    ),
];

#[test]
fn roles_and_affiliations() {
    let p = pipeline(Language::Indonesian);
    for (name, text, person, roles, affs) in ROLES {
        let doc = p.process(*text);
        let r = doc
            .referents()
            .iter()
            .find(|r| r.name == *person)
            .unwrap_or_else(|| panic!("case {name:?}: no {person}"));
        assert_eq!(&r.roles, roles, "case {name:?}");
        assert_eq!(&r.affiliations, affs, "case {name:?}");
    }
}

#[test]
fn referents_are_consistent() {
    let p = pipeline(Language::Indonesian);
    let doc = p.process("Presiden Rusia Vladimir Putin tiba. Putin lalu pergi ke Korea Utara. Kata Patrick Cronin, Cronin benar.");
    for (i, e) in doc.entities().iter().enumerate() {
        assert!(doc.referents()[e.referent].mentions.contains(&i));
    }
    let putin = doc
        .referents()
        .iter()
        .find(|r| r.name == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin.id.as_deref(), Some("Q7747"));
    assert_eq!(putin.mentions.len(), 2);
    let cronin = doc
        .referents()
        .iter()
        .find(|r| r.name == "Patrick Cronin")
        .unwrap();
    assert_eq!(cronin.id, None);
    let sources: Vec<EntitySource> = cronin
        .mentions
        .iter()
        .map(|&m| doc.entities()[m].source)
        .collect();
    assert_eq!(sources, [EntitySource::Rule, EntitySource::Link]);
}

#[test]
fn rules_can_be_turned_off_and_extended() {
    let mut g = GazetteerBuilder::empty();
    g.load_tsv_str("t.tsv", TSV).unwrap();
    let g = Arc::new(g.build().unwrap());
    let r = Recognizer::builder()
        .gazetteer(g.clone())
        .rules(false)
        .build()
        .unwrap();
    let p = Pipeline::builder()
        .recognizer(r)
        .language(Some(Language::Indonesian))
        .build()
        .unwrap();
    assert!(render(&p, "kata Patrick Cronin.").is_empty());
    let r = Recognizer::builder()
        .gazetteer(g.clone())
        .words(Language::Indonesian, "titles", "syahbandar\n")
        .build()
        .unwrap();
    let p = Pipeline::builder()
        .recognizer(r)
        .language(Some(Language::Indonesian))
        .build()
        .unwrap();
    assert_eq!(
        render(&p, "Ia bertemu syahbandar Wiranto Sutejo kemarin."),
        ["Wiranto Sutejo/per/Wiranto Sutejo"]
    );
    assert!(Recognizer::builder()
        .words(Language::English, "no-such-list", "x")
        .build()
        .is_err());
}

#[test]
fn seed_article_has_no_overlaps() {
    let doc = Pipeline::new().process(kutip::SEED_ARTICLE);
    check(&doc);
}

fn check(doc: &kutip::Document) {
    let text = doc.text();
    let mut prev_end = 0;
    for e in doc.entities() {
        assert!(e.span.start < e.span.end);
        assert!(
            e.span.start >= prev_end,
            "overlap or disorder at {:?}",
            e.span
        );
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(e.referent < doc.referents().len());
        prev_end = e.span.end;
    }
    for (ri, r) in doc.referents().iter().enumerate() {
        assert!(!r.mentions.is_empty());
        for &m in &r.mentions {
            assert_eq!(doc.entities()[m].referent, ri);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_valid_on_any_text(s in "\\PC{0,300}") {
        let p = Pipeline::new();
        check(&p.process(s.as_str()));
    }

    #[test]
    fn spans_valid_on_name_like_text(words in proptest::collection::vec(
        prop::sample::select(vec![
            "Presiden", "Rusia", "Vladimir", "Putin", "kata", "Patrick", "Cronin", ",", ".", "(", ")",
            "KPK", "Komisi", "di", "Universitas", "Jalan", "Korea", "Utara", "’s", "-", "\n\n", "é", "Ünal",
            "said", "Mr", "PT", "Tbk", "\u{2011}", "\"", "“", "AS", "as", "REUTERS",
        ]),
        0..60,
    )) {
        let text = words.join(" ");
        check(&pipeline(Language::Indonesian).process(text.as_str()));
        check(&Pipeline::new().process(text.replace(' ', "")));
    }
}

/// A user list with display names: the canonical name is Indonesian, English documents show
/// the `name_en` one.
const DISPLAY_TSV: &str = "#kutip-gazetteer 1
Q884\tplace\tKorea Selatan\ten:South Korea|id:Korsel\tname_en=South Korea
Q1\torganization\tKementerian Luar Negeri Korea Selatan\ten:South Korean Foreign Ministry\tname_en=South Korean Foreign Ministry
Q7747\tperson\tVladimir Putin\txx:Putin\troles=presiden;of=Rusia
Q159\tplace\tRusia\ten:Russia\tname_en=Russia
";

/// (name, language, text, entities as "text/kind/name", speaker names of the quotes in order).
type DisplayCase = (
    &'static str,
    Language,
    &'static str,
    &'static [&'static str],
    &'static [Option<&'static str>],
);

const DISPLAY_CASES: &[DisplayCase] = &[
    (
        "an English document shows the English display name",
        Language::English,
        "Talks with South Korea resumed on Monday.",
        &["South Korea/loc/South Korea"],
        &[],
    ),
    (
        "an Indonesian document keeps the canonical name",
        Language::Indonesian,
        "Perundingan dengan Korsel dilanjutkan pada Senin.",
        &["Korsel/loc/Korea Selatan"],
        &[],
    ),
    (
        "an English mention by an Indonesian alias still shows the English name",
        Language::English,
        "Officials in Korsel declined to comment.",
        &["Korsel/loc/South Korea"],
        &[],
    ),
    (
        "a speaker is named by the display name",
        Language::English,
        "\"We will respond firmly,\" the South Korean Foreign Ministry said.",
        &["South Korean Foreign Ministry/org/South Korean Foreign Ministry"],
        &[Some("South Korean Foreign Ministry")],
    ),
    (
        "an entry without a display name keeps its name",
        Language::English,
        "Putin arrived in Pyongyang.",
        &["Putin/per/Vladimir Putin", "Pyongyang/loc/Pyongyang"],
        &[],
    ),
];

#[test]
fn display_names_table() {
    let mut g = GazetteerBuilder::empty();
    g.load_tsv_str("display.tsv", DISPLAY_TSV).unwrap();
    let r = Recognizer::builder()
        .gazetteer(Arc::new(g.build().unwrap()))
        .build()
        .unwrap();
    for &(name, lang, text, want, speakers) in DISPLAY_CASES {
        let p = Pipeline::builder()
            .language(Some(lang))
            .recognizer(r.clone())
            .build()
            .unwrap();
        assert_eq!(render(&p, text), want, "case {name:?}");
        let doc = p.process(text);
        let got: Vec<Option<&str>> = doc
            .quotes()
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()))
            .collect();
        assert_eq!(got, speakers, "case {name:?}");
    }
    // Affiliations, given as canonical names (`of=Rusia`), are shown in the document's language.
    for (lang, text, want) in [
        (Language::English, "Putin arrived in Pyongyang.", "Russia"),
        (Language::Indonesian, "Putin tiba di Pyongyang.", "Rusia"),
    ] {
        let p = Pipeline::builder()
            .language(Some(lang))
            .recognizer(r.clone())
            .build()
            .unwrap();
        let doc = p.process(text);
        let putin = doc
            .referents()
            .iter()
            .find(|r| r.id.as_deref() == Some("Q7747"));
        assert_eq!(putin.unwrap().affiliations, [want], "{text:?}");
    }
}

#[test]
fn display_names_of_the_bundled_gazetteer() {
    // (language, text, the name shown for the entity that has the given id)
    let cases: &[(Language, &str, &str, &str)] = &[
        (
            Language::English,
            "South Korea said on Monday.",
            "Q884",
            "South Korea",
        ),
        (
            Language::Indonesian,
            "Korea Selatan menyatakan pada Senin.",
            "Q884",
            "Korea Selatan",
        ),
        (
            Language::English,
            "Officials of the United Nations met.",
            "Q1065",
            "United Nations",
        ),
        (Language::Indonesian, "Pejabat PBB bertemu.", "Q1065", "PBB"),
    ];
    let p = Pipeline::new();
    for &(lang, text, id, want) in cases {
        let doc = p.process_as(text, lang);
        let r = doc
            .referents()
            .iter()
            .find(|r| r.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{text:?}: no {id}"));
        assert_eq!(r.name, want, "{text:?}");
    }
}
