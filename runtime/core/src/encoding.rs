//! Turning request values into a URL: path parameters into path segments, query parameters into the query
//! string, cookie parameters into the `Cookie` header.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use crate::operation::{Operation, QueryStyle};

/// Everything but RFC 3986 unreserved characters is encoded, so a value is always exactly one path
/// segment: `/` becomes `%2F`, a space `%20`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A multi-segment path value keeps its `/` separators; everything else is encoded as in [`SEGMENT`].
const SEGMENTS: &AsciiSet = &SEGMENT.remove(b'/');

/// `application/x-www-form-urlencoded`, as browsers and `url::form_urlencoded` write it: letters, digits
/// and `*-._` as they are, a space as `+`, everything else percent-encoded.
const FORM: &AsciiSet = &NON_ALPHANUMERIC.remove(b'*').remove(b'-').remove(b'.').remove(b'_');

/// Why a path could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathError {
    Missing(String),
    DotSegment(String),
    /// A multi-segment value with an empty segment (`a//b`, `a/`, or nothing at all).
    EmptySegment(String),
}

/// Fills `{name}` placeholders of `template` with the percent-encoded values. A value is one segment,
/// unless its name is in `multi_segment`: then each `/` in it separates segments.
pub(crate) fn expand_path(
    template: &str,
    params: &[(&str, String)],
    multi_segment: &[&str],
) -> Result<String, PathError> {
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
        if multi_segment.contains(&name) {
            // A leading `/` is the separator itself when the template has none before the value
            // (`/fs/files{file_path}`); any other empty segment would be `//`.
            let segments: Vec<&str> = value.split('/').collect();
            for (index, segment) in segments.iter().enumerate() {
                let leading_separator = index == 0 && segments.len() > 1 && !path.ends_with('/');
                if segment.is_empty() && !leading_separator {
                    return Err(PathError::EmptySegment(name.to_owned()));
                }
                if is_dot_segment(segment) {
                    return Err(PathError::DotSegment(name.to_owned()));
                }
            }
            path.extend(utf8_percent_encode(value, SEGMENTS));
        } else {
            if is_dot_segment(value) {
                return Err(PathError::DotSegment(name.to_owned()));
            }
            path.extend(utf8_percent_encode(value, SEGMENT));
        }
        rest = &rest[start + length + 1..];
    }
    path.push_str(rest);
    Ok(path)
}

/// URL normalisation turns `.` and `..` (even percent-encoded) into directory moves, so no encoding makes
/// them safe as a segment.
fn is_dot_segment(segment: &str) -> bool {
    segment == "." || segment == ".."
}

/// The query string for a JSON object of parameters, each written in its [`QueryStyle`]; `null` is left
/// out, booleans are `true`/`false`. Names and values are form-encoded, and the delimiters a style adds
/// (`,`, `|`, `[`, `]`) are not, so a delimiter inside a value stays distinguishable from one between values.
pub(crate) fn query_string(params: &Value, operation: &Operation) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Value::Object(map) = params {
        for (name, value) in map {
            if !operation.header_params.contains(&name.as_str()) && !operation.cookie_params.contains(&name.as_str()) {
                push_styled(name, value, operation.query_style(name), &mut pairs);
            }
        }
    }
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// One form-encoded name or value.
fn form(text: &str) -> String {
    // `%` itself is encoded, so `%20` can only come from a space.
    utf8_percent_encode(text, FORM).to_string().replace("%20", "+")
}

/// Pushes `(encoded name, encoded value)` pairs for one parameter.
fn push_styled(name: &str, value: &Value, style: QueryStyle, pairs: &mut Vec<(String, String)>) {
    let delimited = |values: Vec<String>, delimiter: &str| values.join(delimiter);
    match (style, value) {
        (_, Value::Null) => {}
        (QueryStyle::Json, value) => pairs.push((form(name), form(&value.to_string()))),
        (QueryStyle::Dotted, value) => push_dotted(name, value, pairs),
        (_, Value::Bool(_) | Value::Number(_) | Value::String(_)) => pairs.push((form(name), form(&value_text(value)))),
        (QueryStyle::FormExploded | QueryStyle::DeepObject, Value::Array(items)) => {
            items.iter().for_each(|item| push_dotted(name, item, pairs))
        }
        (QueryStyle::FormExploded, Value::Object(map)) => {
            map.iter().for_each(|(key, nested)| push_dotted(key, nested, pairs))
        }
        (QueryStyle::DeepObject, Value::Object(map)) => push_deep(&form(name), map, pairs),
        (QueryStyle::Form | QueryStyle::SpaceDelimited | QueryStyle::PipeDelimited, value) => {
            let delimiter = match style {
                QueryStyle::SpaceDelimited => "%20",
                QueryStyle::PipeDelimited => "|",
                _ => ",",
            };
            let values = match value {
                Value::Array(items) => items.iter().map(|item| form(&value_text(item))).collect(),
                Value::Object(map) => map
                    .iter()
                    .flat_map(|(key, nested)| [form(key), form(&value_text(nested))])
                    .collect(),
                _ => Vec::new(),
            };
            pairs.push((form(name), delimited(values, delimiter)));
        }
    }
}

/// Nested objects use dotted names (`filter_by.cluster_states`), lists repeat the name.
fn push_dotted(name: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    let mut plain = Vec::new();
    dotted_pairs(name, value, &mut plain);
    pairs.extend(plain.iter().map(|(name, value)| (form(name), form(value))));
}

/// `name.key=value` pairs, not encoded: nested objects by dotted names, lists by repeating the name.
fn dotted_pairs(name: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(_) | Value::Number(_) | Value::String(_) => pairs.push((name.to_owned(), value_text(value))),
        Value::Array(items) => items.iter().for_each(|item| dotted_pairs(name, item, pairs)),
        Value::Object(map) => {
            for (key, nested) in map {
                dotted_pairs(&format!("{name}.{key}"), nested, pairs);
            }
        }
    }
}

/// The fields of a form or of a multipart body's text parts as names and texts, not encoded: each field
/// once per list item, nested objects by dotted names; `null` fields are left out.
pub(crate) fn field_pairs(fields: &Value) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Value::Object(map) = fields {
        for (name, value) in map {
            dotted_pairs(name, value, &mut pairs);
        }
    }
    pairs
}

/// `filter[role]=admin`, nesting further brackets for nested objects; lists repeat the name.
fn push_deep(prefix: &str, map: &serde_json::Map<String, Value>, pairs: &mut Vec<(String, String)>) {
    for (key, nested) in map {
        let name = format!("{prefix}[{}]", form(key));
        match nested {
            Value::Null => {}
            Value::Object(inner) => push_deep(&name, inner, pairs),
            Value::Array(items) => items
                .iter()
                .filter(|item| !item.is_null())
                .for_each(|item| pairs.push((name.clone(), form(&value_text(item))))),
            scalar => pairs.push((name, form(&value_text(scalar)))),
        }
    }
}

/// A scalar as text on the wire: a string as it is, a number or boolean as JSON writes it.
pub(crate) fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Header parameters: the named top-level fields of the parameters object, as text; a list is its items
/// separated by commas (OpenAPI's `simple` style).
pub(crate) fn header_pairs(params: &Value, names: &[&str]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Value::Object(map) = params {
        for name in names {
            match map.get(*name) {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    let items: Vec<String> = items.iter().map(value_text).collect();
                    pairs.push(((*name).to_owned(), items.join(",")));
                }
                Some(other) => pairs.push(((*name).to_owned(), value_text(other))),
            }
        }
    }
    pairs
}

/// The `Cookie` header for the cookie parameters among `params`: `name=value` pairs joined by `; `, each
/// value form-encoded so that `;`, `,` and spaces cannot break the header apart.
pub(crate) fn cookie_header(params: &Value, names: &[&str]) -> Option<String> {
    let cookies: Vec<String> = header_pairs(params, names)
        .into_iter()
        .map(|(name, value)| format!("{name}={}", form(&value)))
        .collect();
    (!cookies.is_empty()).then(|| cookies.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::Method;
    use serde_json::json;

    #[test]
    fn path_values_are_single_segments() {
        let path = expand_path(
            "/api/2.0/things/{id}/sub/{name}",
            &[("id", "a/b c".to_owned()), ("name", "café?#%".to_owned())],
            &[],
        )
        .unwrap();
        assert_eq!(path, "/api/2.0/things/a%2Fb%20c/sub/caf%C3%A9%3F%23%25");
    }

    #[test]
    fn dot_segments_and_missing_values_are_errors() {
        assert_eq!(
            expand_path("/x/{id}", &[("id", "..".to_owned())], &[]),
            Err(PathError::DotSegment("id".to_owned()))
        );
        assert_eq!(
            expand_path("/x/{id}", &[], &[]),
            Err(PathError::Missing("id".to_owned()))
        );
        assert_eq!(
            expand_path("/x/{id}", &[("id", "..a".to_owned())], &[]).unwrap(),
            "/x/..a"
        );
    }

    #[test]
    fn a_multi_segment_value_keeps_its_slashes_and_nothing_else() {
        let expand = |template: &str, value: &str| expand_path(template, &[("p", value.to_owned())], &["p"]);
        assert_eq!(
            expand("/api/2.0/fs/files{p}", "/Volumes/main/a b/x?#%.csv").unwrap(),
            "/api/2.0/fs/files/Volumes/main/a%20b/x%3F%23%25.csv"
        );
        assert_eq!(
            expand("/artifacts/{p}/get", "dir/..a/f").unwrap(),
            "/artifacts/dir/..a/f/get"
        );
        for (template, value) in [("/a/{p}", "x/../y"), ("/a/{p}", ".."), ("/a{p}", "/x/.")] {
            assert_eq!(
                expand(template, value),
                Err(PathError::DotSegment("p".to_owned())),
                "{value}"
            );
        }
        for (template, value) in [("/a/{p}", "x//y"), ("/a/{p}", "x/"), ("/a/{p}", "/x"), ("/a/{p}", "")] {
            assert_eq!(
                expand(template, value),
                Err(PathError::EmptySegment("p".to_owned())),
                "{value}"
            );
        }
    }

    fn operation(styles: &'static [(&'static str, QueryStyle)]) -> Operation {
        Operation::new("things.list", Method::Get, "/things")
            .header_params(&["header"])
            .cookie_params(&["session"])
            .query_styles(styles)
    }

    #[test]
    fn query_strings_by_default_repeat_lists_and_spread_objects() {
        let params = json!({
            "cluster_id": "0123-abc",
            "page_size": 20,
            "is_pinned": true,
            "missing": null,
            "states": ["RUNNING", "a,b c"],
            "filter": {"role": "admin", "first": "Alex"},
            "header": "skip me",
            "session": "skip me too"
        });
        assert_eq!(
            query_string(&params, &operation(&[])),
            "cluster_id=0123-abc&page_size=20&is_pinned=true&states=RUNNING&states=a%2Cb+c&role=admin&first=Alex"
        );
        assert_eq!(
            header_pairs(&params, &["header", "absent", "states"]),
            [
                ("header".to_owned(), "skip me".to_owned()),
                ("states".to_owned(), "RUNNING,a,b c".to_owned())
            ]
        );
        assert_eq!(
            cookie_header(&params, &["session", "cluster_id"]).as_deref(),
            Some("session=skip+me+too; cluster_id=0123-abc")
        );
    }

    #[test]
    fn query_strings_in_every_declared_style() {
        static STYLES: &[(&str, QueryStyle)] = &[
            ("form", QueryStyle::Form),
            ("form_object", QueryStyle::Form),
            ("spaces", QueryStyle::SpaceDelimited),
            ("pipes", QueryStyle::PipeDelimited),
            ("deep", QueryStyle::DeepObject),
            ("filter_by", QueryStyle::Dotted),
            ("json", QueryStyle::Json),
        ];
        let params = json!({
            "form": ["a,b", "c"],
            "form_object": {"R": 100, "G": 200},
            "spaces": ["a", "b c"],
            "pipes": [1, 2],
            "deep": {"role": "admin", "tags": ["x", "y"], "name": {"first": "Alex"}},
            "filter_by": {"cluster_states": ["RUNNING", "PENDING"], "is_pinned": false},
            "json": {"a": [1]}
        });
        assert_eq!(
            query_string(&params, &operation(STYLES)).split('&').collect::<Vec<_>>(),
            [
                "form=a%2Cb,c",
                "form_object=R,100,G,200",
                "spaces=a%20b+c",
                "pipes=1|2",
                "deep[role]=admin",
                "deep[tags]=x",
                "deep[tags]=y",
                "deep[name][first]=Alex",
                "filter_by.cluster_states=RUNNING",
                "filter_by.cluster_states=PENDING",
                "filter_by.is_pinned=false",
                "json=%7B%22a%22%3A%5B1%5D%7D",
            ]
        );
    }
}
