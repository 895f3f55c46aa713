//! What the debug log may show of a round trip: bodies with secret fields replaced and long values cut.

use std::fmt::Write as _;

use serde_json::Value;

/// Shown instead of a secret.
pub const REDACTED: &str = "<redacted>";

/// Body fields that hold a secret in any operation, whatever the spec says: the OAuth token answer and the
/// usual names of credentials. Operations add the fields their spec marks `x-sdk-sensitive`.
const ALWAYS_SECRET: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "password",
    "token_value",
    "string_value",
    "bytes_value",
];

/// Longest string value shown whole; longer ones (base64 file blocks, notebook sources) are cut.
const MAX_STRING: usize = 96;
/// Longest body shown; the rest is counted, not printed.
const MAX_BODY: usize = 2048;

/// The body as it may appear in a log: JSON with secrets redacted and long strings cut, or the start of a
/// body that is not JSON.
pub fn body_for_log(body: &[u8], sensitive: &[&str]) -> String {
    if body.is_empty() {
        return String::new();
    }
    let mut text = match serde_json::from_slice::<Value>(body) {
        Ok(mut value) => {
            redact_value(&mut value, sensitive);
            value.to_string()
        }
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    truncate(&mut text, MAX_BODY);
    text
}

/// Replaces the values of secret fields at any depth, and cuts long strings.
pub fn redact_value(value: &mut Value, sensitive: &[&str]) {
    match value {
        Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                if is_secret(key, sensitive) && !field.is_null() {
                    *field = Value::String(REDACTED.to_owned());
                } else {
                    redact_value(field, sensitive);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact_value(item, sensitive)),
        Value::String(text) => truncate(text, MAX_STRING),
        _ => {}
    }
}

fn is_secret(key: &str, sensitive: &[&str]) -> bool {
    ALWAYS_SECRET.contains(&key) || sensitive.contains(&key)
}

/// The largest length of at most `limit` bytes that ends on a character boundary of `text`.
pub fn cut_point(text: &str, limit: usize) -> usize {
    if text.len() <= limit {
        return text.len();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Cuts `text` to at most `limit` bytes (on a character boundary) and says how much was left out.
fn truncate(text: &mut String, limit: usize) {
    if text.len() <= limit {
        return;
    }
    let end = cut_point(text, limit);
    let dropped = text.len() - end;
    text.truncate(end);
    let _ = write!(text, "... ({dropped} more bytes)");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_fields_are_redacted_at_any_depth() {
        let body = br#"{"token_value":"dapi123","token_info":{"comment":"ci"},"items":[{"password":"p","name":"n"}],"custom":"s3cr3t"}"#;
        let shown = body_for_log(body, &["custom"]);
        assert_eq!(
            shown,
            r#"{"token_value":"<redacted>","token_info":{"comment":"ci"},"items":[{"password":"<redacted>","name":"n"}],"custom":"<redacted>"}"#
        );
    }

    #[test]
    fn long_strings_and_long_bodies_are_cut() {
        let data = "A".repeat(1000);
        let shown = body_for_log(format!(r#"{{"data":"{data}"}}"#).as_bytes(), &[]);
        assert!(shown.contains("... (904 more bytes)"), "{shown}");
        assert!(shown.len() < 200);

        let text = "é".repeat(3000);
        let shown = body_for_log(text.as_bytes(), &[]);
        assert!(shown.ends_with("more bytes)"), "{shown}");
        assert!(shown.len() <= MAX_BODY + 30);
    }

    #[test]
    fn a_null_secret_stays_null() {
        assert_eq!(body_for_log(br#"{"password":null}"#, &[]), r#"{"password":null}"#);
    }
}
