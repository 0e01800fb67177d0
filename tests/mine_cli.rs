//! Tests of the `mine` example: its errors, single-document mode and `--jsonl` batch mode.
//!
//! `cargo test` builds the examples before it runs any test, into `<target>/<profile>/examples/`,
//! next to the `deps/` folder that holds this test binary; that is where the binary is looked up
//! (so `CARGO_TARGET_DIR` and profiles just work). The tests first run `cargo build --example
//! mine` (a no-op after `cargo test` built it) so that `cargo test --test mine_cli` never runs a
//! stale or missing binary.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn mine_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        // <target>/<profile>/deps/mine_cli-HASH -> <target>/<profile>/examples/mine
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("test binary in <profile>/deps");
        let path = profile_dir
            .join("examples")
            .join(format!("mine{}", std::env::consts::EXE_SUFFIX));
        // Always ask cargo: a no-op when `cargo test` has just built the examples, and it
        // rebuilds a stale binary when only this test target was selected.
        {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let mut cmd = Command::new(cargo);
            cmd.args(["build", "--example", "mine"]);
            if profile_dir.file_name().is_some_and(|n| n == "release") {
                cmd.arg("--release");
            }
            let status = cmd
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("run cargo build --example mine");
            assert!(status.success(), "cargo build --example mine failed");
        }
        assert!(path.exists(), "no mine binary at {}", path.display());
        path
    })
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn mine(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(mine_path())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn mine");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for mine");
    writer.join().expect("stdin writer");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A file in a fresh temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!(
            "kutip-mine-cli-{}-{}",
            std::process::id(),
            name.replace(['/', '.'], "_")
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad output line {l:?}: {e}")))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Single-document mode

#[test]
fn missing_file_is_one_line_error_naming_it() {
    let r = mine(&["--json", "/no/such/dir/kutip-missing.txt"], b"");
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert_eq!(r.stderr.lines().count(), 1, "stderr: {}", r.stderr);
    assert!(
        r.stderr.contains("/no/such/dir/kutip-missing.txt"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let f = TempFile::new("bad.txt", b"Satu dua.\n\xC3\x28 tiga.");
    let r = mine(&["--json", f.path()], b"");
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "stderr: {}", r.stderr);
    assert!(r.stderr.contains(f.path()), "{}", r.stderr);
    assert!(r.stderr.contains("byte offset 10"), "{}", r.stderr);
}

#[test]
fn invalid_utf8_on_stdin_names_stdin() {
    let r = mine(&["--json", "-"], b"ok \xFF");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("<stdin>") && r.stderr.contains("byte offset 3"),
        "{}",
        r.stderr
    );
}

#[test]
fn directory_is_an_error() {
    let dir = std::env::temp_dir();
    let r = mine(&[dir.to_str().unwrap()], b"");
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "stderr: {}", r.stderr);
}

#[test]
fn empty_file_gives_empty_result() {
    let f = TempFile::new("empty.txt", b"");
    let r = mine(&["--json", f.path()], b"");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    for layer in ["paragraphs", "sentences", "entities", "quotes"] {
        assert_eq!(v[layer], Value::Array(vec![]), "{layer}");
    }
}

#[test]
fn stdin_dash_reads_standard_input() {
    let r = mine(&["--json", "-"], "Satu. Dua.".as_bytes());
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn no_file_runs_on_the_seed_article() {
    let r = mine(&[], b"");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert!(r.stdout.starts_with("language: id"), "{}", r.stdout);
    assert!(r.stdout.contains("== Sentences"));
}

#[test]
fn bad_options_are_errors_with_usage() {
    let cases: &[(&str, &[&str])] = &[
        ("unknown option", &["--frobnicate"]),
        ("unknown language", &["--lang", "xx"]),
        ("lang without value", &["--lang"]),
        ("zero threads", &["--jsonl", "--threads", "0"]),
        ("threads not a number", &["--jsonl", "--threads=many"]),
        ("two files", &["a.txt", "b.txt"]),
        ("max line zero", &["--jsonl", "--max-line-bytes", "0"]),
    ];
    for (name, args) in cases {
        let r = mine(args, b"");
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert!(r.stderr.contains("usage: mine"), "{name}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{name}");
    }
}

#[test]
fn help_exits_zero() {
    let r = mine(&["--help"], b"");
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("--jsonl"));
}

// ---------------------------------------------------------------------------------------------
// Batch mode

#[test]
fn jsonl_keeps_input_order_with_many_threads() {
    let mut input = String::new();
    for i in 0..700 {
        // Lengths vary so that chunks finish out of order.
        let text = "Presiden tiba di Jakarta. \"Kami siap,\" kata dia. ".repeat(1 + (i * 7) % 40);
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let r = mine(&["--jsonl", "--threads", "3", "-"], input.as_bytes());
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let out = json_lines(&r.stdout);
    assert_eq!(out.len(), 700);
    for (i, v) in out.iter().enumerate() {
        assert_eq!(v["id"], Value::from(i), "line {i}");
        assert!(v["result"]["sentences"].is_array(), "line {i}");
    }
}

#[test]
fn jsonl_result_equals_single_document_json() {
    let text =
        "Menteri tiba di Bandung pukul 10.30 WIB. \"Kami senang,\" ujarnya.\n\nHe said: \"Yes.\"";
    let single = mine(&["--json", "-"], text.as_bytes());
    assert_eq!(single.code, 0);
    let line = serde_json::json!({"id": "a", "text": text}).to_string();
    let batch = mine(&["--jsonl"], line.as_bytes());
    assert_eq!(batch.code, 0, "stderr: {}", batch.stderr);
    let single: Value = serde_json::from_str(single.stdout.trim()).unwrap();
    let batch = json_lines(&batch.stdout);
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0]["result"], single);
}

#[test]
fn jsonl_passes_fields_through_and_drops_text() {
    let line = r#"{"id": {"doc": 7}, "url": "https://example.org/a", "tags": [1, 2], "text": "Satu. Dua."}"#;
    let r = mine(&["--jsonl", "-"], line.as_bytes());
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert!(
        r.stdout.starts_with("{\"id\":{\"doc\":7},"),
        "id first: {}",
        r.stdout
    );
    let v = &json_lines(&r.stdout)[0];
    assert_eq!(v["url"], "https://example.org/a");
    assert_eq!(v["tags"], serde_json::json!([1, 2]));
    assert!(v.get("text").is_none());
    assert_eq!(v["result"]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn jsonl_missing_id_is_null() {
    let r = mine(&["--jsonl"], br#"{"text": "Satu."}"#);
    assert_eq!(json_lines(&r.stdout)[0]["id"], Value::Null);
}

#[test]
fn jsonl_lang_field_sets_the_language() {
    let input = concat!(
        r#"{"id": 1, "lang": "en", "text": "Dia datang ke kantor dan bekerja."}"#,
        "\n",
        r#"{"id": 2, "text": "Dia datang ke kantor dan bekerja."}"#,
        "\n",
    );
    let r = mine(&["--jsonl", "--lang", "auto"], input.as_bytes());
    let out = json_lines(&r.stdout);
    assert_eq!(out[0]["result"]["lang"], "en");
    assert_eq!(out[1]["result"]["lang"], "id");
}

#[test]
fn jsonl_bad_lines_give_error_records_and_the_run_goes_on() {
    // (name, line bytes, expected substring of the error, id expected in the record)
    let cases: &[(&str, &[u8], &str, Value)] = &[
        ("not json", b"this is not json", "not JSON", Value::Null),
        (
            "truncated json",
            br#"{"id": 1, "text": "abc"#,
            "not JSON",
            Value::Null,
        ),
        ("array", b"[1, 2, 3]", "not a JSON object", Value::Null),
        ("string", br#""text""#, "not a JSON object", Value::Null),
        (
            "no text",
            br#"{"id": "x"}"#,
            "no field \"text\"",
            Value::from("x"),
        ),
        (
            "text null",
            br#"{"id": 5, "text": null}"#,
            "not a string",
            Value::from(5),
        ),
        (
            "text number",
            br#"{"id": 6, "text": 12}"#,
            "not a string",
            Value::from(6),
        ),
        (
            "invalid utf-8",
            b"{\"id\": 8, \"text\": \"ab\xFFcd\"}",
            "invalid UTF-8 at byte offset 21",
            Value::Null,
        ),
        (
            "lone surrogate",
            br#"{"id": 9, "text": "\ud800"}"#,
            "not JSON",
            Value::Null,
        ),
        (
            "unknown lang",
            br#"{"id": 10, "lang": "xx", "text": "a"}"#,
            "unknown language",
            Value::from(10),
        ),
        (
            "lang not string",
            br#"{"id": 11, "lang": 3, "text": "a"}"#,
            "\"lang\" is not a string",
            Value::from(11),
        ),
    ];
    let mut input = Vec::new();
    for (_, line, _, _) in cases {
        input.extend_from_slice(br#"{"id": "good", "text": "Baik."}"#);
        input.push(b'\n');
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    let r = mine(&["--jsonl", "--threads", "2"], &input);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let out = json_lines(&r.stdout);
    assert_eq!(out.len(), 2 * cases.len());
    for (i, (name, _, error, id)) in cases.iter().enumerate() {
        let good = &out[2 * i];
        assert_eq!(good["id"], "good", "{name}: record before");
        assert!(good.get("error").is_none(), "{name}: record before");
        let bad = &out[2 * i + 1];
        assert_eq!(bad["line"], Value::from(2 * i + 2), "{name}: line number");
        let msg = bad["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: {bad}"));
        assert!(msg.contains(error), "{name}: {msg:?} lacks {error:?}");
        assert_eq!(
            bad.get("id").cloned().unwrap_or(Value::Null),
            *id,
            "{name}: id"
        );
        assert!(bad.get("result").is_none(), "{name}");
    }
}

#[test]
fn jsonl_skips_blank_lines_but_counts_them() {
    let input = b"\n{\"id\":1,\"text\":\"a\"}\r\n   \n\nnope\n{\"id\":2,\"text\":\"b\"}";
    let r = mine(&["--jsonl"], input);
    let out = json_lines(&r.stdout);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], 1);
    assert_eq!(out[1]["line"], 5);
    assert_eq!(out[2]["id"], 2, "last line without newline");
}

#[test]
fn jsonl_empty_input_gives_empty_output() {
    let r = mine(&["--jsonl", "-"], b"");
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
}

#[test]
fn jsonl_missing_file_is_an_error() {
    let r = mine(&["--jsonl", "/no/such/kutip.jsonl"], b"");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("/no/such/kutip.jsonl"), "{}", r.stderr);
}

#[test]
fn jsonl_reads_a_file_and_reports_progress_when_asked() {
    let f = TempFile::new(
        "in.jsonl",
        b"{\"id\":1,\"text\":\"Satu.\"}\n{\"id\":2,\"text\":\"Dua.\"}\n",
    );
    let r = mine(&["--jsonl", f.path(), "--progress"], b"");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(json_lines(&r.stdout).len(), 2);
    assert!(r.stderr.contains("done: 2 documents"), "{}", r.stderr);
    let quiet = mine(&["--jsonl", f.path()], b"");
    assert!(
        quiet.stderr.is_empty(),
        "no progress when stderr is not a terminal"
    );
}

#[test]
fn jsonl_overlong_line_is_an_error_record_and_the_run_goes_on() {
    let long = serde_json::json!({"id": 2, "text": "kata ".repeat(1000)}).to_string();
    let input = format!("{{\"id\":1,\"text\":\"Satu.\"}}\n{long}\n{{\"id\":3,\"text\":\"Tiga.\"}}");
    let r = mine(&["--jsonl", "--max-line-bytes", "1000"], input.as_bytes());
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let out = json_lines(&r.stdout);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], 1);
    assert_eq!(out[1]["line"], 2);
    let msg = out[1]["error"].as_str().unwrap();
    assert!(msg.contains("longer than --max-line-bytes 1000"), "{msg}");
    assert_eq!(out[2]["id"], 3);
}
