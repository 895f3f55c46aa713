//! Turning request values into a URL: path parameters into path segments, query parameters into pairs.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

/// Everything but RFC 3986 unreserved characters is encoded, so a value is always exactly one path
/// segment: `/` becomes `%2F`, a space `%20`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Why a path could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathError {
    Missing(String),
    DotSegment(String),
}

/// Fills `{name}` placeholders of `template` with the percent-encoded values.
pub(crate) fn expand_path(template: &str, params: &[(&str, String)]) -> Result<String, PathError> {
    let mut path = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        path.push_str(&rest[..start]);
        let name = &rest[start + 1..start + length];
        let value = params
            .iter()
            .find(|(param, _)| *param == name)
            .map(|(_, value)| value)
            .ok_or_else(|| PathError::Missing(name.to_owned()))?;
        // URL normalisation turns `.` and `..` (even percent-encoded) into directory moves, so no encoding
        // makes them safe as a segment.
        if value == "." || value == ".." {
            return Err(PathError::DotSegment(name.to_owned()));
        }
        path.extend(utf8_percent_encode(value, SEGMENT));
        rest = &rest[start + length + 1..];
    }
    path.push_str(rest);
    Ok(path)
}

/// Query pairs for a JSON object of parameters, as the Databricks API reads them: nested objects use dotted
/// names (`filter_by.cluster_states`), lists repeat the name, booleans are `true`/`false`, `null` is left out.
pub(crate) fn query_pairs(params: &Value, skip: &[&str]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Value::Object(map) = params {
        for (name, value) in map {
            if !skip.contains(&name.as_str()) {
                push_pairs(name, value, &mut pairs);
            }
        }
    }
    pairs
}

/// A scalar as text on the wire: a string as it is, a number or boolean as JSON writes it.
pub(crate) fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn push_pairs(name: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(_) | Value::Number(_) | Value::String(_) => pairs.push((name.to_owned(), value_text(value))),
        Value::Array(items) => items.iter().for_each(|item| push_pairs(name, item, pairs)),
        Value::Object(map) => {
            for (key, nested) in map {
                push_pairs(&format!("{name}.{key}"), nested, pairs);
            }
        }
    }
}

/// Header parameters: the named top-level fields of the parameters object, as text.
pub(crate) fn header_pairs(params: &Value, names: &[&str]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Value::Object(map) = params {
        for name in names {
            match map.get(*name) {
                None | Some(Value::Null) => {}
                Some(Value::String(text)) => pairs.push(((*name).to_owned(), text.clone())),
                Some(other) => pairs.push(((*name).to_owned(), other.to_string())),
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn path_values_are_single_segments() {
        let path = expand_path(
            "/api/2.0/things/{id}/sub/{name}",
            &[("id", "a/b c".to_owned()), ("name", "café?#%".to_owned())],
        )
        .unwrap();
        assert_eq!(path, "/api/2.0/things/a%2Fb%20c/sub/caf%C3%A9%3F%23%25");
    }

    #[test]
    fn dot_segments_and_missing_values_are_errors() {
        assert_eq!(
            expand_path("/x/{id}", &[("id", "..".to_owned())]),
            Err(PathError::DotSegment("id".to_owned()))
        );
        assert_eq!(expand_path("/x/{id}", &[]), Err(PathError::Missing("id".to_owned())));
        assert_eq!(expand_path("/x/{id}", &[("id", "..a".to_owned())]).unwrap(), "/x/..a");
    }

    #[test]
    fn query_pairs_flatten_like_the_official_sdks() {
        let params = json!({
            "cluster_id": "0123-abc",
            "page_size": 20,
            "is_pinned": true,
            "missing": null,
            "filter_by": {"cluster_states": ["RUNNING", "PENDING"], "is_pinned": false},
            "header": "skip me"
        });
        assert_eq!(
            query_pairs(&params, &["header"]),
            vec![
                ("cluster_id".to_owned(), "0123-abc".to_owned()),
                ("page_size".to_owned(), "20".to_owned()),
                ("is_pinned".to_owned(), "true".to_owned()),
                ("filter_by.cluster_states".to_owned(), "RUNNING".to_owned()),
                ("filter_by.cluster_states".to_owned(), "PENDING".to_owned()),
                ("filter_by.is_pinned".to_owned(), "false".to_owned()),
            ]
        );
        assert_eq!(
            header_pairs(&params, &["header", "absent"]),
            vec![("header".to_owned(), "skip me".to_owned())]
        );
    }
}
