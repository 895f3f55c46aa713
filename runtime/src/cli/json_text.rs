//! What a `serde_json::Value` loses of a `--json` document: a key given twice (the Value keeps the last one)
//! and how each number was written (`100000000000000000000` reads as the double 1e20). One pass over text
//! serde_json has already accepted, with a stack of its own, so any depth is fine.

use std::collections::HashSet;

pub(super) use crate::serde_support::trail::{PathText, Step};

/// Every number of a document as written, with its path.
#[derive(Debug, Default)]
pub(super) struct Numbers(Vec<(Vec<Step>, String)>);

impl Numbers {
    /// The number at `path` as written.
    pub(super) fn at(&self, path: &[Step]) -> Option<&str> {
        self.0.iter().find(|(at, _)| at == path).map(|(_, text)| text.as_str())
    }

    /// Leaves out the numbers of the top-level field `field`, which a flag replaced.
    pub(super) fn forget(&mut self, field: &str) {
        self.0
            .retain(|(path, _)| !matches!(path.first(), Some(Step::Key(key)) if key == field));
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&[Step], &str)> {
        self.0.iter().map(|(path, text)| (path.as_slice(), text.as_str()))
    }
}

/// An open object or list, innermost last.
enum Open {
    Object {
        keys: HashSet<String>,
        /// The key of the value being read.
        key: String,
        awaiting_key: bool,
    },
    List {
        index: usize,
    },
}

/// The numbers of `text`, a JSON document serde_json accepted; a key repeated in one object is an error
/// naming it (with its path) and where its second occurrence starts.
pub(super) fn scan(text: &str) -> Result<Numbers, String> {
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut numbers = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        at += 1;
        match bytes[start] {
            b'{' => open.push(Open::Object {
                keys: HashSet::new(),
                key: String::new(),
                awaiting_key: true,
            }),
            b'[' => open.push(Open::List { index: 0 }),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object { awaiting_key, .. }) => *awaiting_key = true,
                Some(Open::List { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                // To the closing quote; an escaped character is skipped whole, so `\"` does not end it.
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                at += 1;
                let Some(Open::Object {
                    keys,
                    key,
                    awaiting_key: awaiting_key @ true,
                }) = open.last_mut()
                else {
                    continue;
                };
                let raw = text.get(start..at.min(text.len())).unwrap_or_default();
                // Escapes decoded, so `"a"` and `"\u0061"` are the same key.
                *key = serde_json::from_str(raw).unwrap_or_else(|_| raw.to_owned());
                *awaiting_key = false;
                if !keys.insert(key.clone()) {
                    let (line, column) = line_and_column(text, start);
                    return Err(format!(
                        "the key `{}` is given twice; the second at line {line} column {column}",
                        PathText(&path(&open))
                    ));
                }
            }
            b'-' | b'0'..=b'9' => {
                while at < bytes.len() && matches!(bytes[at], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') {
                    at += 1;
                }
                numbers.push((path(&open), text[start..at].to_owned()));
            }
            _ => {}
        }
    }
    Ok(Numbers(numbers))
}

/// Where the value being read sits.
fn path(open: &[Open]) -> Vec<Step> {
    open.iter()
        .map(|level| match level {
            Open::Object { key, .. } => Step::Key(key.clone()),
            Open::List { index } => Step::Index(*index),
        })
        .collect()
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.to_owned())
    }

    #[test]
    fn numbers_keep_their_text_and_path() {
        let text = r#"{"a": [1, {"b": 100000000000000000000}], "c\"d": -2.50e+3, "e": "9"}"#;
        let numbers = scan(text).unwrap();
        let found: Vec<(String, &str)> = numbers
            .iter()
            .map(|(path, text)| (PathText(path).to_string(), text))
            .collect();
        assert_eq!(
            found,
            [
                ("a[0]".to_owned(), "1"),
                ("a[1].b".to_owned(), "100000000000000000000"),
                ("c\"d".to_owned(), "-2.50e+3")
            ]
        );
        assert_eq!(
            numbers.at(&[key("a"), Step::Index(1), key("b")]),
            Some("100000000000000000000")
        );
        assert_eq!(scan("7").unwrap().at(&[]), Some("7"));
    }

    #[test]
    fn a_repeated_key_is_named_with_its_place() {
        let error = scan("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!(error, "the key `a` is given twice; the second at line 2 column 2");
        let error = scan(r#"{"x": [{"b": {}, "y": {"z": 1, "\u007a": 2}}]}"#).unwrap_err();
        assert!(error.starts_with("the key `x[0].y.z` is given twice;"), "{error}");
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        assert!(scan(r#"[{"a": 1}, {"a": 2, "b": {"a": 3}}, "a", {"s": "\"a\":"}]"#).is_ok());
    }

    #[test]
    fn depth_needs_no_recursion() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(scan(&deep).is_ok());
    }
}
