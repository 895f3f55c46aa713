//! The headers a success answer declares, read into the generated struct of them.

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::error::Error;
use crate::operation::{HeaderValueKind, Operation};
use crate::serde_support::trail;

/// The body of a success answer with the headers it declares, as returned by the generated
/// `<method>_with_headers` methods.
#[derive(Debug)]
pub struct WithHeaders<B, H> {
    /// The answer's body, as the plain method returns it.
    pub body: B,
    /// The declared headers the answer carried; one it left out is `None`.
    pub headers: H,
}

/// Reads the headers `operation` declares from `headers` into `H`, whose fields are named (in serde) by the
/// headers' names. A header sent more than once is read as its values joined by `, `, as HTTP combines
/// them; one left out is absent from the object, so its optional field is `None`.
pub(crate) fn read<H: DeserializeOwned>(operation: &Operation, status: u16, headers: &HeaderMap) -> Result<H, Error> {
    let mut object = Map::new();
    for &(name, kind) in operation.answer_headers {
        let values: Vec<String> = headers
            .get_all(name)
            .iter()
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .collect();
        if values.is_empty() {
            continue;
        }
        let text = values.join(", ");
        let value = typed(kind, text.trim()).ok_or(Error::AnswerHeader {
            operation: operation.id,
            status,
            header: name,
            expected: kind.expected(),
        })?;
        object.insert(name.to_owned(), value);
    }
    // The object holds only the declared names with values of their declared kinds, so the generated struct
    // reads it; failing that, the struct and the operation's metadata disagree, which is worth saying.
    // Read from text, as bodies are: one copy of each type's reading code.
    let text = Value::Object(object).to_string();
    trail::from_str(&text).map_err(Error::decode(operation.id, status))
}

/// The header text as the JSON value of its kind; `None` when it is not one.
fn typed(kind: HeaderValueKind, text: &str) -> Option<Value> {
    match kind {
        HeaderValueKind::Text => Some(Value::String(text.to_owned())),
        HeaderValueKind::Integer => text
            .parse::<i64>()
            .ok()
            .map(Value::from)
            .or_else(|| text.parse::<u64>().ok().map(Value::from)),
        HeaderValueKind::Number => text.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number),
        HeaderValueKind::Boolean => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::Method;
    use reqwest::header::HeaderValue;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Metadata {
        #[serde(rename = "Content-Length")]
        length: Option<i64>,
        #[serde(rename = "Last-Modified")]
        modified: Option<String>,
        #[serde(rename = "X-Ratio")]
        ratio: Option<f64>,
        #[serde(rename = "X-Flag")]
        flag: Option<bool>,
    }

    const OPERATION: Operation = Operation::new("files.getMetadata", Method::Head, "/files").answer_headers(&[
        ("Content-Length", HeaderValueKind::Integer),
        ("Last-Modified", HeaderValueKind::Text),
        ("X-Ratio", HeaderValueKind::Number),
        ("X-Flag", HeaderValueKind::Boolean),
    ]);

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn declared_headers_are_read_whatever_their_case_and_missing_ones_are_none() {
        let sent = headers(&[
            ("content-length", "1234"),
            ("last-modified", "Wed, 02 Dec 2026 10:00:00 GMT"),
            ("x-flag", "true"),
            ("x-undeclared", "ignored"),
        ]);
        let read: Metadata = read(&OPERATION, 200, &sent).unwrap();
        assert_eq!(
            read,
            Metadata {
                length: Some(1234),
                modified: Some("Wed, 02 Dec 2026 10:00:00 GMT".to_owned()),
                ratio: None,
                flag: Some(true),
            }
        );
    }

    #[test]
    fn repeated_text_headers_are_joined_as_http_combines_them() {
        let sent = headers(&[("last-modified", "a"), ("last-modified", "b"), ("x-ratio", " 0.5 ")]);
        let read: Metadata = read(&OPERATION, 200, &sent).unwrap();
        assert_eq!(read.modified.as_deref(), Some("a, b"));
        assert_eq!(read.ratio, Some(0.5));
    }

    #[test]
    fn a_value_not_of_its_kind_names_the_header_but_not_the_value() {
        for (name, value, expected) in [
            ("content-length", "12 bytes", "an integer"),
            ("x-ratio", "NaN", "a number"),
            ("x-flag", "yes", "`true` or `false`"),
        ] {
            let error = read::<Metadata>(&OPERATION, 200, &headers(&[(name, value)])).unwrap_err();
            let text = error.to_string();
            assert!(text.contains(expected), "{text}");
            assert!(!text.contains(value), "the value stays out of the message: {text}");
            assert!(matches!(error, Error::AnswerHeader { status: 200, .. }), "{error:?}");
        }
    }
}
