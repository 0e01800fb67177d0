//! Fuzzes the whole pipeline: any bytes, taken as UTF-8 where valid (lossily otherwise), are
//! processed with detection and as each language; the document's invariants are checked (the
//! same as `tests/invariants.rs`, compactly) and its JSON is written both ways, which must agree.
#![no_main]

use kutip::{Document, Language, Pipeline, Span};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::new)
}

fn ok(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn disjoint(mut spans: Vec<Span>) -> bool {
    spans.sort_by_key(|s| (s.start, s.end));
    spans.windows(2).all(|w| w[0].end <= w[1].start)
}

fn check(doc: &Document) {
    let t = doc.text();
    let ss = doc.sentences();
    if let (Some(first), Some(last)) = (ss.first(), ss.last()) {
        assert_eq!(first.span.start, 0);
        assert_eq!(last.span.end, t.len());
    }
    for w in ss.windows(2) {
        assert_eq!(w[0].span.end, w[1].span.start, "sentences tile");
    }
    for s in ss {
        assert!(ok(t, s.span) && ok(t, s.trimmed));
    }
    for p in doc.paragraphs() {
        assert!(ok(t, p.span));
    }
    for e in doc.entities() {
        assert!(ok(t, e.span) && e.referent < doc.referents().len());
    }
    assert!(
        disjoint(doc.entities().iter().map(|e| e.span).collect()),
        "entities overlap"
    );
    for q in doc.quotes() {
        assert!(ok(t, q.span) && ok(t, q.content));
        assert!(q.span.start <= q.content.start && q.content.end <= q.span.end);
        if let Some(sp) = &q.speaker {
            assert!(ok(t, sp.span));
        }
        if let Some(c) = &q.cue {
            assert!(ok(t, c.span));
        }
    }
    assert!(
        disjoint(doc.quotes().iter().map(|q| q.span).collect()),
        "quotes overlap"
    );
    // The fast writer (what `mine` prints) writes exactly what serde writes of `to_json`.
    let mut fast = Vec::new();
    doc.write_json(&mut fast);
    let json = serde_json::to_vec(&doc.to_json()).expect("a Value always serializes");
    assert!(fast == json, "write_json differs from to_json");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&pipeline().process(text.as_ref()));
    let lang = if data.first().is_some_and(|b| b & 1 == 1) {
        Language::English
    } else {
        Language::Indonesian
    };
    check(&pipeline().process_as(text.as_ref(), lang));
});
