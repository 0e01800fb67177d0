//! The JSON form of a document (the format `mine --json` prints; see the README).

use crate::document::Document;
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
}
