//! The JSON form of a document (the format `mine --json` prints; see the README).

use crate::document::Document;
use crate::{swar, Span};
use serde::Serialize;
use serde_json::{json, Map, Value};

impl Document {
    /// The document as a JSON value: `lang`, `paragraphs`, `sentences`, `entities` and `quotes`,
    /// with byte offsets into the original text.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = kutip::Pipeline::new().process("Satu. Dua.");
    /// let json = doc.to_json();
    /// assert_eq!(json["sentences"].as_array().unwrap().len(), 2);
    /// ```
    pub fn to_json(&self) -> Value {
        let text = self.text();
        let paragraphs: Vec<Value> = self
            .paragraphs()
            .iter()
            .map(|p| json!({"start": p.span.start, "end": p.span.end}))
            .collect();
        let sentences: Vec<Value> = self
            .sentences()
            .iter()
            .map(|s| json!({"start": s.trimmed.start, "end": s.trimmed.end}))
            .collect();
        let entities: Vec<Value> = self
            .entities()
            .iter()
            .map(|e| {
                let r = self.referent(e);
                json!({
                    "start": e.span.start,
                    "end": e.span.end,
                    "text": &text[e.span],
                    "kind": e.kind.as_str(),
                    "name": r.name,
                    "id": r.id,
                    "source": e.source,
                })
            })
            .collect();
        let quotes: Vec<Value> = self
            .quotes()
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref().map(|s| {
                    json!({
                        "name": s.name,
                        "id": s.id,
                        "kind": s.kind.map(|k| k.as_str()),
                        "start": s.span.start,
                        "end": s.span.end,
                        "text": &text[s.span],
                    })
                });
                let mut m = Map::new();
                m.insert("start".into(), q.content.start.into());
                m.insert("end".into(), q.content.end.into());
                m.insert("text".into(), text[q.content].into());
                m.insert("outer_start".into(), q.span.start.into());
                m.insert("outer_end".into(), q.span.end.into());
                m.insert(
                    "kind".into(),
                    serde_json::to_value(q.kind).unwrap_or(Value::Null),
                );
                m.insert("paragraph".into(), q.paragraph.into());
                m.insert(
                    "cue".into(),
                    q.cue
                        .as_ref()
                        .map(|c| Value::from(c.word.as_str()))
                        .unwrap_or(Value::Null),
                );
                m.insert(
                    "cue_span".into(),
                    q.cue
                        .as_ref()
                        .map(|c| json!({"start": c.span.start, "end": c.span.end}))
                        .unwrap_or(Value::Null),
                );
                m.insert("speaker".into(), speaker.unwrap_or(Value::Null));
                m.insert("rule".into(), q.rule.into());
                m.insert("confidence".into(), json!(q.confidence));
                Value::Object(m)
            })
            .collect();
        json!({
            "lang": self.language().code(),
            "paragraphs": paragraphs,
            "sentences": sentences,
            "entities": entities,
            "quotes": quotes,
        })
    }

    /// Appends the document's JSON (the same bytes as `serde_json::to_writer` of
    /// [`Document::to_json`], keys in sorted order) to `out`, without building a
    /// [`serde_json::Value`] first: several times faster, for batch output.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = kutip::Pipeline::new().process("“Ya,” kata Budi. Satu.");
    /// let mut out = Vec::new();
    /// doc.write_json(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&doc.to_json()).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let text = self.text();
        out.extend_from_slice(b"{\"entities\":[");
        for (i, e) in self.entities().iter().enumerate() {
            let r = self.referent(e);
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"end\":");
            num(out, e.span.end);
            out.extend_from_slice(b",\"id\":");
            opt_str(out, r.id.as_deref());
            out.extend_from_slice(b",\"kind\":");
            name(out, e.kind.as_str());
            out.extend_from_slice(b",\"name\":");
            str(out, &r.name);
            out.extend_from_slice(b",\"source\":");
            name(out, e.source.as_str());
            out.extend_from_slice(b",\"start\":");
            num(out, e.span.start);
            out.extend_from_slice(b",\"text\":");
            str(out, &text[e.span]);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"lang\":");
        name(out, self.language().code());
        out.extend_from_slice(b",\"paragraphs\":");
        spans(out, self.paragraphs().iter().map(|p| p.span));
        out.extend_from_slice(b",\"quotes\":[");
        for (i, q) in self.quotes().iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"confidence\":");
            // As `json!(f32)`: widened to f64, null when not finite.
            let c = f64::from(q.confidence);
            if c.is_finite() {
                ser(out, &c);
            } else {
                out.extend_from_slice(b"null");
            }
            out.extend_from_slice(b",\"cue\":");
            opt_str(out, q.cue.as_ref().map(|c| c.word.as_str()));
            out.extend_from_slice(b",\"cue_span\":");
            match &q.cue {
                Some(c) => span(out, c.span.start, c.span.end),
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"end\":");
            num(out, q.content.end);
            out.extend_from_slice(b",\"kind\":");
            name(out, q.kind.as_str());
            out.extend_from_slice(b",\"outer_end\":");
            num(out, q.span.end);
            out.extend_from_slice(b",\"outer_start\":");
            num(out, q.span.start);
            out.extend_from_slice(b",\"paragraph\":");
            num(out, q.paragraph);
            out.extend_from_slice(b",\"rule\":");
            name(out, q.rule);
            out.extend_from_slice(b",\"speaker\":");
            match &q.speaker {
                Some(s) => {
                    out.extend_from_slice(b"{\"end\":");
                    num(out, s.span.end);
                    out.extend_from_slice(b",\"id\":");
                    opt_str(out, s.id.as_deref());
                    out.extend_from_slice(b",\"kind\":");
                    opt_str(out, s.kind.map(|k| k.as_str()));
                    out.extend_from_slice(b",\"name\":");
                    opt_str(out, s.name.as_deref());
                    out.extend_from_slice(b",\"start\":");
                    num(out, s.span.start);
                    out.extend_from_slice(b",\"text\":");
                    str(out, &text[s.span]);
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"start\":");
            num(out, q.content.start);
            out.extend_from_slice(b",\"text\":");
            str(out, &text[q.content]);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"sentences\":");
        spans(out, self.sentences().iter().map(|s| s.trimmed));
        out.push(b'}');
    }
}

/// A value serialized as serde_json does (writing into a `Vec` cannot fail).
fn ser<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    let _ = serde_json::to_writer(&mut *out, v);
}

/// A JSON string, escaped exactly as serde_json escapes it (`\"`, `\\`, the short escapes
/// `\b \t \n \f \r`, other control characters as `\u00xx`), the runs between escapes
/// copied whole: found eight bytes at a time, the last few bytes one at a time.
fn str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let needs = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    loop {
        i = swar::skip_until(bytes, i, bytes.len(), |w| {
            swar::eq_bytes(w, b'"') | swar::eq_bytes(w, b'\\') | swar::lt_bytes(w, 0x20)
        });
        while bytes.get(i).is_some_and(|&b| !needs(b)) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        out.extend_from_slice(&bytes[run..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// A string known to need no escape (a kind's or a rule's name), quoted.
fn name(out: &mut Vec<u8>, s: &str) {
    debug_assert!(!s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number's decimal digits (as `Display` writes them, without its formatting machinery).
fn num(out: &mut Vec<u8>, n: usize) {
    if n >= 100_000_000 {
        return num_long(out, n);
    }
    // Byte offsets and counts: eight digits at most. The digits are written two at a time
    // into eight bytes, all eight appended (a fixed-size copy is one store) and the vector cut
    // back to the number's length.
    let digits = 1
        + usize::from(n >= 10)
        + usize::from(n >= 100)
        + usize::from(n >= 1_000)
        + usize::from(n >= 10_000)
        + usize::from(n >= 100_000)
        + usize::from(n >= 1_000_000)
        + usize::from(n >= 10_000_000);
    let mut buf = [0u8; 8];
    let (mut rest, mut at) = (n, digits);
    while rest >= 100 {
        let pair = 2 * (rest % 100);
        rest /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if rest >= 10 {
        buf[..2].copy_from_slice(&DIGIT_PAIRS[2 * rest..2 * rest + 2]);
    } else {
        buf[0] = b'0' + rest as u8;
    }
    let len = out.len();
    out.extend_from_slice(&buf);
    out.truncate(len + digits);
}

/// `00`, `01`, ... `99`: the two digits of each number below 100.
static DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// [`num`] for numbers of nine digits or more.
#[cold]
fn num_long(out: &mut Vec<u8>, mut n: usize) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// `{"end":end,"start":start}`.
/// A JSON array of spans.
fn spans(out: &mut Vec<u8>, list: impl Iterator<Item = Span>) {
    out.push(b'[');
    for (i, s) in list.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        span(out, s.start, s.end);
    }
    out.push(b']');
}

fn span(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b"{\"end\":");
    num(out, end);
    out.extend_from_slice(b",\"start\":");
    num(out, start);
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use crate::Pipeline;

    /// Numbers are written as `Display` writes them.
    #[test]
    fn numbers_as_display_writes_them() {
        for n in [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            12_345,
            99_999,
            100_000,
            1_000_000,
            9_999_999,
            10_000_000,
            20_304_050,
            99_999_999,
            100_000_000,
            123_456_789,
            usize::MAX - 1,
            usize::MAX,
        ] {
            let mut out = b"x".to_vec();
            super::num(&mut out, n);
            assert_eq!(String::from_utf8_lossy(&out), format!("x{n}"), "{n}");
        }
        // Every number up to 10^5, every power of two and every power of ten and its
        // neighbours, appended one after another.
        let mut want = String::new();
        let mut out = Vec::new();
        let tens = (0..20).map(|k| 10usize.saturating_pow(k));
        let list = (0..=100_000)
            .chain((0..64).map(|k| 1usize << k))
            .chain(tens.clone().map(|t| t - 1))
            .chain(tens.clone())
            .chain(tens.map(|t| t.saturating_add(1)));
        for n in list {
            super::num(&mut out, n);
            out.push(b' ');
            want.push_str(&format!("{n} "));
        }
        assert_eq!(String::from_utf8_lossy(&out), want);
    }

    /// The kinds' `as_str` are their serialized names.
    #[test]
    fn as_str_is_the_serialized_name() {
        use crate::{EntityKind, EntitySource, QuoteKind};
        let json = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
        for k in [
            EntitySource::Gazetteer,
            EntitySource::Rule,
            EntitySource::Link,
        ] {
            assert_eq!(json(serde_json::json!(k)), k.as_str(), "{k:?}");
        }
        for k in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Title] {
            assert_eq!(json(serde_json::json!(k)), k.as_str(), "{k:?}");
        }
        for k in [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organization,
        ] {
            assert_eq!(json(serde_json::json!(k)), k.as_str(), "{k:?}");
        }
    }

    /// `write_json` writes exactly what serializing `to_json` writes.
    #[test]
    fn write_json_is_to_json() {
        let p = Pipeline::new();
        let cases = [
            ("seed", crate::SEED_ARTICLE),
            ("empty", ""),
            (
                "escapes",
                "\"A \\ \"b\"\t\u{1}\",” kata Budi Santoso di Jakarta.\n\nSatu.",
            ),
            (
                "every control character",
                "Ia berkata \"\u{0}\u{1}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{1f}\u{7f} \\ é ” \", kata Budi.",
            ),
            (
                "english",
                "\"We are ready,\" said John Smith, the mayor of London.",
            ),
        ];
        for (name, text) in cases {
            let doc = p.process(text);
            let mut out = Vec::new();
            doc.write_json(&mut out);
            let want = serde_json::to_vec(&doc.to_json()).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&want),
                "{name}"
            );
        }
    }
}
