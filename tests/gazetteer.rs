//! Gazetteer loading and matching: table-driven cases.

use kutip::gazetteer::{Entry, Gazetteer, GazetteerBuilder};
use kutip::{EntityKind, ErrorKind, Language};

const TSV: &str = "#kutip-gazetteer 1
# test gazetteer
Q423\tplace\tKorea Utara\ten:North Korea|xx:DPRK
Q884\tplace\tKorea Selatan\ten:South Korea
Q18\tplace\tKorea\t
Q159\tplace\tRusia\ten:Russia
Q30\tplace\tAmerika Serikat\tid:AS|en:United States|en:US
Q7747\tperson\tVladimir Putin\txx:Putin\troles=presiden,president;of=Rusia
Q56\torganization\tKantor Berita Resmi Korea\txx:KCNA|en:Korean Central News Agency
Q130879\torganization\tReuters\t
Q1\torganization\tTempo\txx:Tempo.co
Q2\tplace\tAsia-Pasifik\ten:Asia-Pacific
Q3\torganization\tMcDonald's\t
Q4\tperson\tKim Jong Un\txx:Kim Jong-un
";

fn gaz() -> Gazetteer {
    let mut b = GazetteerBuilder::empty();
    b.load_tsv_str("test.tsv", TSV).unwrap();
    b.build().unwrap()
}

/// (name, text, expected matches as "surface=entry name").
const MATCHES: &[(&str, &str, &[&str])] = &[
    (
        "longest wins",
        "Pemimpin Korea Utara tiba",
        &["Korea Utara=Korea Utara"],
    ),
    (
        "org beats place inside",
        "oleh Kantor Berita Resmi Korea KCNA",
        &[
            "Kantor Berita Resmi Korea=Kantor Berita Resmi Korea",
            "KCNA=Kantor Berita Resmi Korea",
        ],
    ),
    (
        "shorter when longer is absent",
        "Korea Utaraku",
        &["Korea=Korea"],
    ),
    ("no match inside a word", "Rusiawi dan Koreanya", &[]),
    ("lower case never matches a name", "rusia dan korea", &[]),
    (
        "all caps matches",
        "RUSIA DAN KOREA UTARA",
        &["RUSIA=Rusia", "KOREA UTARA=Korea Utara"],
    ),
    (
        "acronym exact",
        "AS dan Rusia",
        &["AS=Amerika Serikat", "Rusia=Rusia"],
    ),
    ("acronym not in title case", "As soon as", &[]),
    (
        "acronym not lower case",
        "as well as US",
        &["US=Amerika Serikat"],
    ),
    (
        "possessive straight",
        "Putin's visit",
        &["Putin=Vladimir Putin"],
    ),
    (
        "possessive curly",
        "Putin’s visit",
        &["Putin=Vladimir Putin"],
    ),
    (
        "apostrophe inside alias",
        "makan di McDonald’s",
        &["McDonald’s=McDonald's"],
    ),
    (
        "hyphen variant",
        "keamanan Asia\u{2011}Pasifik",
        &["Asia\u{2011}Pasifik=Asia-Pasifik"],
    ),
    (
        "dotted alias",
        "TEMPO.CO, Jakarta - Reuters",
        &["TEMPO.CO=Tempo", "Reuters=Reuters"],
    ),
    (
        "agency credit in caps",
        "Kremlin via REUTERS",
        &["REUTERS=Reuters"],
    ),
    (
        "hyphenated alias",
        "Kim Jong-un tiba",
        &["Kim Jong-un=Kim Jong Un"],
    ),
    (
        "not across a blank line",
        "Korea\n\nUtara",
        &["Korea=Korea"],
    ),
    (
        "across one line break",
        "Korea\nUtara",
        &["Korea\nUtara=Korea Utara"],
    ),
    (
        "punctuation after",
        "(Rusia), [Korea].",
        &["Rusia=Rusia", "Korea=Korea"],
    ),
    (
        "unicode around",
        "«Rusia»—Korea",
        &["Rusia=Rusia", "Korea=Korea"],
    ),
];

#[test]
fn matches_table() {
    let g = gaz();
    for (name, text, want) in MATCHES {
        let got: Vec<String> = g
            .find(text)
            .iter()
            .map(|m| format!("{}={}", &text[m.span], g.entries()[m.entry].name))
            .collect();
        assert_eq!(&got, want, "case {name:?}");
    }
}

/// (name, file contents, expected error line or None for success).
const FILES: &[(&str, &str, Option<usize>)] = &[
    ("good", "#kutip-gazetteer 1\nx\tperson\tA B\t\n", None),
    (
        "attrs",
        "#kutip-gazetteer 1\nx\tperson\tA B\txx:B\troles=ketua;of=Rusia\n",
        None,
    ),
    ("crlf", "#kutip-gazetteer 1\r\nx\tperson\tA B\t\r\n", None),
    (
        "comments and blanks",
        "#kutip-gazetteer 1\n\n# c\nx\tplace\tA\t\n",
        None,
    ),
    ("missing header", "x\tperson\tA\t\n", Some(1)),
    (
        "wrong header",
        "#kutip-gazetteer 2\nx\tperson\tA\t\n",
        Some(1),
    ),
    ("empty file", "", Some(1)),
    (
        "too few fields",
        "#kutip-gazetteer 1\nx\tperson\tA\t\nx\tperson\n",
        Some(3),
    ),
    (
        "too many fields",
        "#kutip-gazetteer 1\nx\tperson\tA\t\ta\tb\n",
        Some(2),
    ),
    (
        "bad kind",
        "#kutip-gazetteer 1\n\n\nx\tanimal\tA\t\n",
        Some(4),
    ),
    (
        "empty name",
        "#kutip-gazetteer 1\nx\tperson\t \t\n",
        Some(2),
    ),
    ("empty id", "#kutip-gazetteer 1\n\tperson\tA\t\n", Some(2)),
    (
        "attr without =",
        "#kutip-gazetteer 1\nx\tperson\tA\t\troles\n",
        Some(2),
    ),
];

#[test]
fn tsv_files_table() {
    for (name, text, want) in FILES {
        let mut b = GazetteerBuilder::empty();
        let r = b.load_tsv_str("people.tsv", text);
        match (r, want) {
            (Ok(_), None) => assert_eq!(b.len(), 1, "case {name:?}"),
            (Err(e), Some(line)) => {
                assert_eq!(e.kind(), &ErrorKind::Data, "case {name:?}");
                assert_eq!(e.line(), Some(*line), "case {name:?}");
                assert_eq!(
                    e.file().unwrap().to_str(),
                    Some("people.tsv"),
                    "case {name:?}"
                );
                assert!(
                    e.to_string().starts_with(&format!("people.tsv:{line}:")),
                    "case {name:?}: {e}"
                );
                assert_eq!(b.len(), 0, "case {name:?}: nothing added on error");
            }
            (r, w) => panic!("case {name:?}: got {r:?}, want {w:?}"),
        }
    }
}

#[test]
fn attrs_are_parsed() {
    let g = gaz();
    let p = g.entries().iter().find(|e| e.id == "Q7747").unwrap();
    assert_eq!(p.roles, ["presiden", "president"]);
    assert_eq!(p.of, ["Rusia"]);
    assert_eq!(p.kind, EntityKind::Person);
}

#[test]
fn json_files() {
    let good = r#"[{"id": "x1", "kind": "person", "name": "Patrick Cronin", "aliases": ["Cronin", {"lang": "en", "text": "Pat Cronin"}], "roles": ["ketua"]},
 {"id": "x2", "kind": "organization", "name": "Hudson Institute", "of": "Amerika Serikat"}]"#;
    let mut b = GazetteerBuilder::empty();
    b.load_json_str("a.json", good).unwrap();
    let g = b.build().unwrap();
    assert_eq!(g.len(), 2);
    assert_eq!(g.entries()[1].of, ["Amerika Serikat"]);
    let wrapped = r#"{"entries": [{"id": "x1", "kind": "place", "name": "Seoul"}]}"#;
    let mut b = GazetteerBuilder::empty();
    b.load_json_str("b.json", wrapped).unwrap();
    assert_eq!(b.len(), 1);
    for (name, bad, line) in [
        (
            "bad kind",
            "[\n{\"id\": \"x\", \"kind\": \"animal\", \"name\": \"A\"}\n]",
            2,
        ),
        (
            "missing name",
            "[\n\n{\"id\": \"x\", \"kind\": \"place\"}]",
            3,
        ),
        (
            "empty name",
            "[{\"id\": \"x\",\n \"kind\": \"place\", \"name\": \"\"}]",
            2,
        ),
        ("not json", "{{", 1),
    ] {
        let mut b = GazetteerBuilder::empty();
        let e = b.load_json_str("c.json", bad).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Data, "case {name}");
        assert_eq!(e.line(), Some(line), "case {name}: {e}");
        assert_eq!(e.file().unwrap().to_str(), Some("c.json"));
    }
}

#[test]
fn load_path_and_reader() {
    let dir = std::env::temp_dir().join(format!("kutip-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("bad.tsv");
    std::fs::write(&p, "#kutip-gazetteer 1\nx\tperson\tA\t\nbroken line\n").unwrap();
    let e = GazetteerBuilder::empty().load_path(&p).unwrap_err();
    assert_eq!(e.line(), Some(3));
    assert!(e.to_string().contains("bad.tsv:3:"), "{e}");
    let e = GazetteerBuilder::empty()
        .load_path(dir.join("missing.tsv"))
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Io);
    let mut b = GazetteerBuilder::empty();
    b.load_tsv_reader("r.tsv", TSV.as_bytes()).unwrap();
    assert_eq!(b.len(), 12);
    let e = GazetteerBuilder::empty()
        .load_tsv_reader("u.tsv", &b"#kutip-gazetteer 1\nx\tperson\t\xff\t\n"[..])
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Utf8 { .. }));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn entries_in_code_and_memory() {
    let mut b = GazetteerBuilder::empty();
    b.add(Entry::new("x", EntityKind::Organization, "Hudson Institute").alias("Hudson"));
    let g = b.build().unwrap();
    assert_eq!(g.alias_count(), 2);
    assert!(g.memory_usage() > 0);
    let text = "di Hudson Institute";
    assert_eq!(&text[g.find(text)[0].span], "Hudson Institute");
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Gazetteer>();
}

#[test]
fn bundled_default_builds() {
    let g = Gazetteer::bundled();
    let b = GazetteerBuilder::new();
    assert_eq!(g.len(), b.len());
}

/// (name, file format "tsv"/"json", file, id, English display, Indonesian display).
type DisplayCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const DISPLAY: &[DisplayCase] = &[
    (
        "tsv name_en",
        "tsv",
        "#kutip-gazetteer 1\nQ884\tplace\tKorea Selatan\ten:South Korea\ttype=country;name_en=South Korea\n",
        "Q884",
        Some("South Korea"),
        None,
    ),
    (
        "tsv name_id for an English canonical name",
        "tsv",
        "#kutip-gazetteer 1\nx\tplace\tEast Timor\tid:Timor Leste\tname_id=Timor Leste\n",
        "x",
        None,
        Some("Timor Leste"),
    ),
    (
        "a display name is one value, commas and all",
        "tsv",
        "#kutip-gazetteer 1\nx\torganization\tUniversitas California, Berkeley\t\tname_en=University of California, Berkeley\n",
        "x",
        Some("University of California, Berkeley"),
        None,
    ),
    (
        "no display name",
        "tsv",
        "#kutip-gazetteer 1\nx\tplace\tJakarta\t\ttype=city\n",
        "x",
        None,
        None,
    ),
    (
        "an empty display name is none",
        "tsv",
        "#kutip-gazetteer 1\nx\tplace\tRusia\t\tname_en= \n",
        "x",
        None,
        None,
    ),
    (
        "json name_en and name_id",
        "json",
        r#"[{"id": "Q458", "kind": "organization", "name": "UE", "aliases": ["en:EU"], "name_en": "European Union", "name_id": "Uni Eropa"}]"#,
        "Q458",
        Some("European Union"),
        Some("Uni Eropa"),
    ),
];

#[test]
fn display_names_table() {
    for &(name, format, file, id, en, idn) in DISPLAY {
        let mut b = GazetteerBuilder::empty();
        if format == "json" {
            b.load_json_str("d.json", file).unwrap();
        } else {
            b.load_tsv_str("d.tsv", file).unwrap();
        }
        let g = b.build().unwrap();
        assert_eq!(g.display_name(id, Language::English), en, "case {name:?}");
        assert_eq!(
            g.display_name(id, Language::Indonesian),
            idn,
            "case {name:?}"
        );
        let e = &g.entries()[0];
        assert_eq!(
            e.display_name(Language::English),
            en.unwrap_or(&e.name),
            "case {name:?}"
        );
    }
}

#[test]
fn display_names_are_shown_not_matched() {
    let mut b = GazetteerBuilder::empty();
    b.add(
        Entry::new("x", EntityKind::Organization, "Majalah Time")
            .display(Language::English, "Time"),
    );
    let g = b.build().unwrap();
    assert!(g.find("Time will tell.").is_empty());
    assert_eq!(g.display_name("x", Language::English), Some("Time"));
    assert_eq!(
        g.entries()[0].display_name(Language::Indonesian),
        "Majalah Time"
    );
}

#[test]
fn bundled_display_names() {
    let g = Gazetteer::bundled();
    for (id, en) in [
        ("Q884", "South Korea"),
        ("Q30", "United States"),
        ("Q1065", "United Nations"),
        ("Q458", "European Union"),
    ] {
        assert_eq!(g.display_name(id, Language::English), Some(en), "{id}");
        assert_eq!(g.display_name(id, Language::Indonesian), None, "{id}");
    }
    // A name that is already English has no display name.
    assert_eq!(g.display_name("Q7747", Language::English), None);
}
