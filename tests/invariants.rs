//! Properties of the whole pipeline that must hold for every input: no panic, sentences tile
//! the text, every span is inside the text and on char boundaries, entities do not overlap,
//! quotes do not overlap, speakers and cues are inside the text, output is deterministic.
//!
//! Inputs that once broke the pipeline (found by `fuzz/` or by hand) are kept as named
//! regression cases in `regressions`.

use kutip::{Document, Language, Pipeline, Span};
use once_cell::sync::Lazy;
use proptest::prelude::*;

static PIPELINE: Lazy<Pipeline> = Lazy::new(Pipeline::new);

fn check_span(doc: &Document, span: Span, what: &str) {
    let text = doc.text();
    assert!(span.start <= span.end, "{what} {span:?} reversed");
    assert!(
        span.end <= text.len(),
        "{what} {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "{what} {span:?} start off a char boundary"
    );
    assert!(
        text.is_char_boundary(span.end),
        "{what} {span:?} end off a char boundary"
    );
}

fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Checks every invariant of a processed document.
fn check(doc: &Document) {
    let text = doc.text();

    // Paragraphs: in order, disjoint, inside the text, not empty.
    let mut prev_end = 0;
    for (i, p) in doc.paragraphs().iter().enumerate() {
        check_span(doc, p.span, "paragraph");
        assert!(
            p.span.start >= prev_end,
            "paragraph {i} overlaps the one before"
        );
        assert!(p.span.start < p.span.end, "paragraph {i} is empty");
        assert!(
            p.first_sentence <= p.end_sentence,
            "paragraph {i} sentence range"
        );
        assert!(
            p.end_sentence <= doc.sentences().len(),
            "paragraph {i} sentence range"
        );
        prev_end = p.span.end;
    }

    // Sentences tile the text.
    let sentences = doc.sentences();
    if text.trim().is_empty() {
        assert!(
            sentences
                .iter()
                .all(|s| doc.slice(s.trimmed).trim().is_empty()),
            "white space only: no sentence content"
        );
    } else {
        assert!(!sentences.is_empty(), "text with content has sentences");
    }
    if !sentences.is_empty() {
        assert_eq!(sentences[0].span.start, 0, "first sentence starts the text");
        assert_eq!(
            sentences.last().unwrap().span.end,
            text.len(),
            "last sentence ends the text"
        );
    }
    for (i, s) in sentences.iter().enumerate() {
        check_span(doc, s.span, "sentence");
        check_span(doc, s.trimmed, "trimmed sentence");
        assert!(
            inside(s.span, s.trimmed),
            "sentence {i}: trimmed outside span"
        );
        if i + 1 < sentences.len() {
            assert_eq!(
                s.span.end,
                sentences[i + 1].span.start,
                "sentences {i} and {} do not tile",
                i + 1
            );
        }
        if !doc.paragraphs().is_empty() {
            assert!(
                s.paragraph < doc.paragraphs().len(),
                "sentence {i}: paragraph index"
            );
        }
    }

    // Entities: inside, not empty, disjoint, valid referents.
    let mut spans: Vec<Span> = doc.entities().iter().map(|e| e.span).collect();
    for (i, e) in doc.entities().iter().enumerate() {
        check_span(doc, e.span, "entity");
        assert!(e.span.start < e.span.end, "entity {i} is empty");
        assert!(
            e.referent < doc.referents().len(),
            "entity {i}: referent index"
        );
    }
    spans.sort_by_key(|s| (s.start, s.end));
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "entities {:?} and {:?} overlap",
            w[0],
            w[1]
        );
    }
    for (r, referent) in doc.referents().iter().enumerate() {
        for &m in &referent.mentions {
            assert!(m < doc.entities().len(), "referent {r}: mention index");
            assert_eq!(
                doc.entities()[m].referent,
                r,
                "referent {r}: mention points back"
            );
        }
    }

    // Quotes: content inside the span, disjoint, speaker and cue inside the text.
    let mut quotes: Vec<Span> = Vec::new();
    for (i, q) in doc.quotes().iter().enumerate() {
        check_span(doc, q.span, "quote");
        check_span(doc, q.content, "quote content");
        assert!(
            inside(q.span, q.content),
            "quote {i}: content outside its span"
        );
        assert!(
            q.first_sentence <= q.end_sentence,
            "quote {i}: sentence range"
        );
        assert!(
            q.end_sentence <= sentences.len(),
            "quote {i}: sentence range"
        );
        assert!(
            q.paragraph < doc.paragraphs().len().max(1),
            "quote {i}: paragraph index"
        );
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "quote {i}: confidence {}",
            q.confidence
        );
        if let Some(cue) = &q.cue {
            check_span(doc, cue.span, "cue");
        }
        if let Some(sp) = &q.speaker {
            check_span(doc, sp.span, "speaker");
            if let Some(r) = sp.referent {
                assert!(
                    r < doc.referents().len(),
                    "quote {i}: speaker referent index"
                );
            }
        }
        quotes.push(q.span);
    }
    quotes.sort_by_key(|s| (s.start, s.end));
    for w in quotes.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "quotes {:?} and {:?} overlap",
            w[0],
            w[1]
        );
    }

    // The JSON form never panics and is valid, and the fast writer writes exactly what
    // serializing it writes.
    let json = doc.to_json();
    assert!(json.is_object());
    let mut fast = Vec::new();
    doc.write_json(&mut fast);
    assert_eq!(
        String::from_utf8_lossy(&fast),
        serde_json::to_string(&json).unwrap(),
        "write_json differs from to_json"
    );
}

fn run(text: &str) -> Document {
    let doc = PIPELINE.process(text);
    check(&doc);
    doc
}

fn run_all_languages(text: &str) {
    let doc = run(text);
    for lang in Language::ALL {
        let other = PIPELINE.process_as(text, lang);
        check(&other);
        if lang == doc.language() {
            assert_eq!(
                other.to_json(),
                doc.to_json(),
                "process and process_as agree"
            );
        }
    }
    // Deterministic.
    assert_eq!(
        PIPELINE.process(text).to_json(),
        doc.to_json(),
        "same input, same output"
    );
}

/// Pieces that stress the stages: quote marks of every kind, sentence ends, abbreviations,
/// names, cues, line breaks, odd Unicode.
const PIECES: &[&str] = &[
    "\"",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "`",
    "「",
    "」",
    ".",
    ".",
    "...",
    "…",
    "!",
    "?",
    "?!",
    ",",
    ":",
    ";",
    "-",
    "—",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "\0",
    "\u{1}",
    "\u{7f}",
    "\u{200b}",
    "\u{200d}",
    "e\u{301}",
    "\u{301}",
    "👍🏽",
    "🇮🇩",
    "ß",
    "İ",
    "\u{202e}",
    "ǅ",
    "ﬁ",
    "Presiden",
    "Joko Widodo",
    "Jokowi",
    "Prabowo",
    "Jakarta",
    "Putin",
    "Vladimir Putin",
    "kata",
    "ujar",
    "ujarnya",
    "menurut",
    "said",
    "told",
    "according to",
    "Dr.",
    "dr.",
    "Prof.",
    "U.S.",
    "a.m.",
    "No.",
    "Jl.",
    "Rp",
    "17.06",
    "3,5",
    "WIB",
    "Mr.",
    "KPK",
    "Bank Indonesia",
    "Menteri",
    "the",
    "yang",
    "dan",
    "di",
    "ia",
    "he",
    "she",
    "Kami",
    "We",
    "dia",
    "Universitas Indonesia",
    "Ketua",
    "PT",
    "Tbk.",
    "www.kutip.id",
    "@user",
    "#tag",
    "1.",
    "2)",
    "a",
    "A",
    "ABC",
    "x",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode(text in any::<String>()) {
        run_all_languages(&text);
    }

    #[test]
    fn mixes_of_quotes_dots_names_and_newlines(text in pieces()) {
        run_all_languages(&text);
    }

    #[test]
    fn seed_article_cut_anywhere(a in 0usize..10_000, b in 0usize..10_000) {
        let text = kutip::SEED_ARTICLE;
        let (mut a, mut b) = (a.min(text.len()), b.min(text.len()));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        while !text.is_char_boundary(a) { a -= 1; }
        while !text.is_char_boundary(b) { b -= 1; }
        run(&text[a..b]);
    }

    #[test]
    fn seed_article_with_pieces_spliced_in(pos in 0usize..10_000, insert in pieces()) {
        let text = kutip::SEED_ARTICLE;
        let mut pos = pos.min(text.len());
        while !text.is_char_boundary(pos) { pos -= 1; }
        let spliced = format!("{}{}{}", &text[..pos], insert, &text[pos..]);
        run(&spliced);
    }
}

/// Named inputs that are easy to get wrong, plus regressions from fuzzing.
#[test]
fn regressions() {
    let long_token = "a".repeat(100_000);
    let many_quotes = "\"".repeat(10_000);
    let many_newlines = "\n".repeat(10_000);
    let cases: &[(&str, &str)] = &[
        ("empty", ""),
        ("one space", " "),
        ("only newlines", "\n\n\n"),
        ("only a dot", "."),
        ("only a quote mark", "\""),
        ("bom then text", "\u{feff}Presiden tiba. \"Ya,\" katanya."),
        ("unclosed quote at end", "Dia berkata, \"Kami akan"),
        ("closing mark first", "\u{201d}Ya\u{201c} kata dia."),
        ("quote across paragraphs", "\"Satu.\n\n\"Dua,\" kata Putin."),
        ("cue without quote", "kata ujar said told menurut"),
        (
            "nested quotes",
            "\"Dia bilang 'tidak' kepada saya,\" kata Joko Widodo.",
        ),
        ("combining mark first", "\u{301}\u{301}. \"\u{301}\""),
        ("nul bytes", "\0\0\"\0.\0"),
        ("crlf paragraphs", "Satu.\r\n\r\n\"Dua,\" kata dia.\r\n"),
        ("dots only", "..........."),
        ("abbreviation at end", "Ia tinggal di Jl."),
        ("long token", &long_token),
        ("many quote marks", &many_quotes),
        ("many newlines", &many_newlines),
    ];
    for (name, text) in cases {
        let result = std::panic::catch_unwind(|| run_all_languages(text));
        assert!(result.is_ok(), "case {name:?} failed");
    }
}
