//! Validate: document-wide rules that no single construct can check by itself. Rules about one construct
//! (an unsupported schema, a bad extension) are reported where that construct is lowered, in `ir::lower`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Diagnostics, closest};
use crate::load::escape_pointer_token;

/// Every `$ref` must be an in-document reference (`#/...`) to something that exists.
pub fn check_references(document: &Value) -> Diagnostics {
    let mut problems = Diagnostics::default();
    walk_references(document, document, Context::Object, &mut String::new(), &mut problems);
    problems
}

/// What the value being walked is, as far as references are concerned.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// An OpenAPI object: a `$ref` key is a reference.
    Object,
    /// The `properties` of a schema: keys are property names, so a property may be called `$ref` (SCIM has
    /// one); the values are schemas again.
    PropertyNames,
}

/// Keys whose values are literal JSON data (or, for `x-*`, ours to check), never OpenAPI objects.
fn is_literal_data(key: &str) -> bool {
    matches!(key, "example" | "default" | "enum") || key.starts_with("x-")
}

fn walk_references(
    document: &Value,
    value: &Value,
    context: Context,
    pointer: &mut String,
    problems: &mut Diagnostics,
) {
    match value {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").filter(|_| context == Context::Object) {
                let at = format!("{pointer}/$ref");
                match reference {
                    Value::String(target) => check_reference(document, target, &at, problems),
                    other => problems.push(
                        Diagnostic::at(&at, format!("`$ref` must be a string, found {}", json_kind(other)))
                            .with_hint("write the reference as `$ref: '#/components/schemas/Name'`"),
                    ),
                }
            }
            for (key, child) in map {
                let child_context = match context {
                    Context::PropertyNames => Context::Object,
                    Context::Object if is_literal_data(key) => continue,
                    Context::Object if key == "properties" => Context::PropertyNames,
                    Context::Object => Context::Object,
                };
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
                walk_references(document, child, child_context, pointer, problems);
                pointer.truncate(length);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let length = pointer.len();
                pointer.push_str(&format!("/{index}"));
                walk_references(document, child, context, pointer, problems);
                pointer.truncate(length);
            }
        }
        _ => {}
    }
}

fn check_reference(document: &Value, target: &str, at: &str, problems: &mut Diagnostics) {
    let Some(target_pointer) = target.strip_prefix('#') else {
        problems.push(
            Diagnostic::at(at, format!("external reference `{target}` is not supported")).with_hint(
                "spec files are merged into one document before references are resolved: \
                     refer to the definition as `#/components/...` whichever file holds it",
            ),
        );
        return;
    };
    let Some(decoded) = decode_pointer(target_pointer) else {
        problems.push(
            Diagnostic::at(at, format!("`{target}` is not a valid JSON pointer"))
                .with_hint("percent-encode special characters and use `~1` for `/` and `~0` for `~` in names"),
        );
        return;
    };
    if document.pointer(&decoded).is_some() {
        return;
    }
    let mut diagnostic = Diagnostic::at(at, format!("`$ref` target `{target}` does not exist"));
    diagnostic = match suggestion(document, &decoded) {
        Some(near) => diagnostic.with_hint(format!("did you mean `#{near}`?")),
        None => diagnostic.with_hint("define the target under `components` in one of the spec files, or fix the name"),
    };
    problems.push(diagnostic);
}

/// `$ref` values are URI fragments: percent-decode them before using them as JSON pointers.
pub(crate) fn decode_pointer(pointer: &str) -> Option<String> {
    let bytes = pointer.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = pointer.get(index + 1..index + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The closest existing sibling of a missing pointer target, if one is close enough to be a typo.
fn suggestion(document: &Value, pointer: &str) -> Option<String> {
    let (parent, name) = pointer.rsplit_once('/')?;
    let siblings = document.pointer(parent)?.as_object()?;
    let near = closest(name, siblings.keys().map(String::as_str))?;
    Some(format!("{parent}/{}", escape_pointer_token(near)))
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Paths that differ only in the names of their parameters (`/a/{x}` and `/a/{y}`) are the same URL
/// template; OpenAPI forbids declaring both, and a client could not tell them apart.
pub fn check_path_templates(document: &openapiv3::OpenAPI) -> Diagnostics {
    let mut problems = Diagnostics::default();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for path in document.paths.paths.keys() {
        let template = anonymous_template(path);
        match seen.get(&template) {
            Some(first) => problems.push(
                Diagnostic::at(
                    &format!("/paths/{}", escape_pointer_token(path)),
                    format!("`{path}` is the same URL template as `{first}`"),
                )
                .with_hint(format!(
                    "describe the operations once, under `{first}`: paths that differ only in parameter names \
                     are identical in OpenAPI"
                )),
            ),
            None => {
                seen.insert(template, path);
            }
        }
    }
    problems
}

/// `/a/{x}/b` → `/a/{}/b`.
fn anonymous_template(path: &str) -> String {
    let mut template = String::with_capacity(path.len());
    let mut in_parameter = false;
    for character in path.chars() {
        match character {
            '{' => {
                in_parameter = true;
                template.push('{');
            }
            '}' => {
                in_parameter = false;
                template.push('}');
            }
            _ if in_parameter => {}
            other => template.push(other),
        }
    }
    template
}

/// No two operations may declare the same operationId: it names the Rust method and the CLI command.
pub fn check_operation_ids(document: &openapiv3::OpenAPI) -> Diagnostics {
    let mut problems = Diagnostics::default();
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for (path, method, operation) in crate::ir::operations_of(document) {
        let pointer = format!("/paths/{}/{method}", escape_pointer_token(path));
        match operation.operation_id.as_deref() {
            // The IR names it after its method and path (see `naming::derived_operation_id`).
            None | Some("") => {}
            Some(id) => {
                if let Some(first) = seen.get(id) {
                    problems.push(
                        Diagnostic::at(
                            &format!("{pointer}/operationId"),
                            format!("operationId `{id}` is used twice"),
                        )
                        .with_hint(format!(
                            "the first use is at #{first}/operationId; operationIds must be unique"
                        )),
                    );
                } else {
                    seen.insert(id, pointer);
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_component_name() {
        let document = serde_json::json!({
            "components": {"schemas": {"ClusterDetails": {}, "Other": {}}},
            "x": {"$ref": "#/components/schemas/ClusterDetail"}
        });
        let problems = check_references(&document);
        assert_eq!(problems.len(), 1);
        let diagnostic = &problems.0[0];
        assert_eq!(diagnostic.pointer.as_deref(), Some("#/x/$ref"));
        assert_eq!(
            diagnostic.hint.as_deref(),
            Some("did you mean `#/components/schemas/ClusterDetails`?")
        );
    }

    #[test]
    fn percent_encoded_references_resolve() {
        let document = serde_json::json!({
            "paths": {"/a b": {}},
            "x": {"$ref": "#/paths/~1a%20b"}
        });
        assert!(check_references(&document).is_empty());
    }

    #[test]
    fn external_references_are_rejected_with_a_hint() {
        let document = serde_json::json!({"x": {"$ref": "other.yaml#/components/schemas/A"}});
        let problems = check_references(&document);
        assert!(problems.0[0].message.contains("external reference"));
    }

    #[test]
    fn a_property_named_ref_is_a_field_but_its_schema_is_still_checked() {
        let document = serde_json::json!({"components": {"schemas": {"ComplexValue": {
            "properties": {
                "$ref": {"type": "string"},
                "display": {"$ref": "#/components/schemas/Missing"}
            }
        }}}});
        let problems = check_references(&document);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems.0[0].pointer.as_deref(),
            Some("#/components/schemas/ComplexValue/properties/display/$ref")
        );
    }

    #[test]
    fn examples_defaults_enums_and_extensions_are_data() {
        let document = serde_json::json!({"components": {"schemas": {"A": {
            "example": {"$ref": 1},
            "default": {"$ref": "#/nowhere"},
            "enum": [{"$ref": "#/nowhere"}],
            "x-sdk-anything": {"$ref": "#/nowhere"}
        }}}});
        assert!(check_references(&document).is_empty());
    }
}
