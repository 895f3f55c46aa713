//! Partial generation (`cargo xtask generate --skip-unsupported`): an operation the generator cannot do
//! right is left out, with a located warning saying what was skipped and why, and the rest is generated.
//! A problem inside a component (a schema, a shared response...) leaves out the component and every
//! operation that reaches it through `$ref`s. Problems outside operations and components (the document's
//! header, an operation id used twice by operations that are themselves fine) still stop the run. The
//! default stays strict: CI wants every problem to fail.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::Api;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Spec, escape_pointer_token as escape, unescape_pointer_token as unescape};
use crate::timings::{Phase, Timings};

/// Rounds of leaving things out before giving up: each round removes at least one operation or component,
/// and removing one rarely reveals more than a few new problems.
const MAX_ROUNDS: usize = 16;

/// Security schemes are named by requirements, not by `$ref`s.
const SCHEMES: &str = "#/components/securitySchemes/";

const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// Lowers `spec`, leaving out the operations (and components) that have problems; the problems come back
/// as the API's warnings.
pub fn lower_leaving_out_unsupported(spec: &Spec) -> Result<Api, Diagnostics> {
    lower_leaving_out_unsupported_timed(spec, &mut Timings::default())
}

/// [`lower_leaving_out_unsupported`], timed like [`super::lower_timed`]; leaving things out counts as lowering.
pub fn lower_leaving_out_unsupported_timed(spec: &Spec, timings: &mut Timings) -> Result<Api, Diagnostics> {
    let mut current = timings.time(Phase::Lower, || spec.clone());
    let mut skipped: Vec<Diagnostic> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let problems = match super::lower_timed(&current, timings) {
            Ok(mut api) => {
                skipped.append(&mut api.warnings);
                api.warnings = skipped;
                return Ok(api);
            }
            Err(problems) => problems,
        };
        timings.time(Phase::Lower, || leave_out(&mut current, problems, &mut skipped))?;
    }
    super::lower_timed(&current, timings)
}

/// Removes from `current` the operations and components that `problems` belong to, recording each as a
/// warning in `skipped`; `problems` come back when one belongs to neither, or nothing could be removed.
fn leave_out(current: &mut Spec, problems: Diagnostics, skipped: &mut Vec<Diagnostic>) -> Result<(), Diagnostics> {
    let mut document = match serde_json::to_value(&current.document) {
        Ok(document) => document,
        Err(_) => return Err(problems),
    };
    let graph = ReferenceGraph::of(&document);
    let mut removed = false;
    let mut fatal = Diagnostics::default();
    for problem in problems.iter() {
        if problem.warning {
            continue;
        }
        let owner = problem.pointer.as_deref().and_then(owner_of);
        let left_out = match &owner {
            Some(Owner::Operation { path, method }) => remove_operation(&mut document, path, method)
                .then(|| format!("left out `{} {path}`", method.to_uppercase())),
            Some(Owner::PathItem { path }) => remove_path(&mut document, path).then(|| format!("left out `{path}`")),
            Some(Owner::Component { reference }) if reference.starts_with(SCHEMES) => {
                let users = remove_scheme(&mut document, &reference[SCHEMES.len()..]);
                let gone = remove_component(&mut document, reference);
                let names: Vec<String> = users
                    .iter()
                    .map(|(path, method)| format!("`{} {path}`", method.to_uppercase()))
                    .collect();
                gone.then(|| match names.len() {
                    0 => format!("left out `{reference}`"),
                    _ => format!(
                        "left out `{reference}` and the operations that accept no other credentials: {}",
                        names.join(", ")
                    ),
                })
            }
            Some(Owner::Component { reference }) => {
                let users = graph.operations_reaching(reference);
                for (path, method) in &users {
                    remove_operation(&mut document, path, method);
                }
                let gone = remove_component(&mut document, reference);
                let names: Vec<String> = users
                    .iter()
                    .map(|(path, method)| format!("`{} {path}`", method.to_uppercase()))
                    .collect();
                gone.then(|| match names.len() {
                    0 => format!("left out `{reference}`"),
                    _ => format!(
                        "left out `{reference}` and the operations using it: {}",
                        names.join(", ")
                    ),
                })
            }
            None => None,
        };
        match left_out {
            Some(what) => {
                removed = true;
                let mut warning = problem.clone().as_warning();
                warning.message = format!("{what}: {}", problem.message);
                skipped.push(warning);
            }
            // Already removed this round by an earlier problem of the same operation or component.
            None if owner.is_some() => {}
            None => fatal.push(problem.clone()),
        }
    }
    if !fatal.is_empty() || !removed {
        return Err(problems);
    }
    match serde_json::from_value(document) {
        Ok(document) => current.document = document,
        Err(_) => return Err(problems),
    }
    Ok(())
}

/// What a problem's JSON pointer belongs to.
#[derive(Debug, PartialEq, Eq)]
enum Owner {
    Operation {
        path: String,
        method: String,
    },
    /// Parameters declared for every operation of a path.
    PathItem {
        path: String,
    },
    /// `#/components/<section>/<name>`.
    Component {
        reference: String,
    },
}

fn owner_of(pointer: &str) -> Option<Owner> {
    let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
    let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    match tokens.as_slice() {
        [paths, path, method, ..] if paths == "paths" && METHODS.contains(&method.as_str()) => Some(Owner::Operation {
            path: path.clone(),
            method: method.clone(),
        }),
        [paths, path, ..] if paths == "paths" => Some(Owner::PathItem { path: path.clone() }),
        [components, section, name, ..] if components == "components" => Some(Owner::Component {
            reference: format!("#/components/{}/{}", escape(section), escape(name)),
        }),
        _ => None,
    }
}

/// Which components each operation and each component refers to (`$ref` strings), to find every operation
/// that reaches a component.
struct ReferenceGraph {
    operations: BTreeMap<(String, String), BTreeSet<String>>,
    components: BTreeMap<String, BTreeSet<String>>,
}

impl ReferenceGraph {
    fn of(document: &Value) -> ReferenceGraph {
        let mut operations = BTreeMap::new();
        if let Some(Value::Object(paths)) = document.get("paths") {
            for (path, item) in paths {
                let shared = item.get("parameters").map(references).unwrap_or_default();
                for method in METHODS {
                    if let Some(operation) = item.get(*method) {
                        let mut refs = references(operation);
                        refs.extend(shared.iter().cloned());
                        operations.insert((path.clone(), (*method).to_owned()), refs);
                    }
                }
            }
        }
        let mut components = BTreeMap::new();
        if let Some(Value::Object(sections)) = document.get("components") {
            for (section, entries) in sections {
                if let Value::Object(entries) = entries {
                    for (name, entry) in entries {
                        let reference = format!("#/components/{}/{}", escape(section), escape(name));
                        components.insert(reference, references(entry));
                    }
                }
            }
        }
        ReferenceGraph { operations, components }
    }

    /// Every operation whose references lead, directly or through other components, to `target`.
    fn operations_reaching(&self, target: &str) -> Vec<(String, String)> {
        self.operations
            .iter()
            .filter(|(_, refs)| {
                let mut seen: BTreeSet<&str> = BTreeSet::new();
                let mut pending: Vec<&str> = refs.iter().map(String::as_str).collect();
                while let Some(reference) = pending.pop() {
                    if reference == target {
                        return true;
                    }
                    if seen.insert(reference)
                        && let Some(next) = self.components.get(reference)
                    {
                        pending.extend(next.iter().map(String::as_str));
                    }
                }
                false
            })
            .map(|(operation, _)| operation.clone())
            .collect()
    }
}

/// The `$ref` strings anywhere inside `value`.
fn references(value: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    found.insert(reference.clone());
                }
                pending.extend(map.values());
            }
            Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    found
}

fn remove_operation(document: &mut Value, path: &str, method: &str) -> bool {
    let Some(Value::Object(item)) = document.get_mut("paths").and_then(|paths| paths.get_mut(path)) else {
        return false;
    };
    item.remove(method).is_some()
}

/// Drops every alternative of a `security` requirement that needs the scheme `name` (the document's `security`
/// first copied onto the operations relying on it), and removes the operations left with no alternative:
/// those come back. An operation accepting other credentials keeps them.
fn remove_scheme(document: &mut Value, escaped_name: &str) -> Vec<(String, String)> {
    let name = unescape(escaped_name);
    let needs_scheme = |alternative: &Value| alternative.get(&name).is_some();
    let root = document.get("security").cloned();
    let mut removed = Vec::new();
    if let Some(Value::Object(paths)) = document.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let Value::Object(item) = item else { continue };
            for method in METHODS {
                let Some(operation) = item.get_mut(*method) else {
                    continue;
                };
                let Some(Value::Array(alternatives)) = operation.get("security").or(root.as_ref()).cloned() else {
                    continue;
                };
                if !alternatives.iter().any(needs_scheme) {
                    continue;
                }
                let kept: Vec<Value> = alternatives
                    .into_iter()
                    .filter(|alternative| !needs_scheme(alternative))
                    .collect();
                if kept.is_empty() {
                    item.remove(*method);
                    removed.push((path.clone(), (*method).to_owned()));
                } else if let Value::Object(operation) = operation {
                    operation.insert("security".to_owned(), Value::Array(kept));
                }
            }
        }
    }
    if let Some(Value::Array(alternatives)) = document.get_mut("security") {
        alternatives.retain(|alternative| !needs_scheme(alternative));
    }
    removed
}

fn remove_path(document: &mut Value, path: &str) -> bool {
    match document.get_mut("paths") {
        Some(Value::Object(paths)) => paths.remove(path).is_some(),
        _ => false,
    }
}

fn remove_component(document: &mut Value, reference: &str) -> bool {
    let tokens: Vec<String> = reference.trim_start_matches("#/").split('/').map(unescape).collect();
    let [_, section, name] = tokens.as_slice() else {
        return false;
    };
    match document
        .get_mut("components")
        .and_then(|components| components.get_mut(section.as_str()))
    {
        Some(Value::Object(entries)) => entries.remove(name.as_str()).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Owner, ReferenceGraph, owner_of};

    #[test]
    fn a_pointer_belongs_to_its_operation_or_component() {
        assert_eq!(
            owner_of("#/paths/~1pets~1{id}/get/responses/200"),
            Some(Owner::Operation {
                path: "/pets/{id}".to_owned(),
                method: "get".to_owned()
            })
        );
        assert_eq!(
            owner_of("#/paths/~1pets/parameters/0"),
            Some(Owner::PathItem {
                path: "/pets".to_owned()
            })
        );
        assert_eq!(
            owner_of("#/components/schemas/Pet/properties/kind"),
            Some(Owner::Component {
                reference: "#/components/schemas/Pet".to_owned()
            })
        );
        assert_eq!(owner_of("#/info/version"), None);
    }

    #[test]
    fn operations_reaching_a_component_through_others_are_found() {
        let document = json!({
            "paths": {
                "/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Pets"}}}},
                "/b": {"get": {"responses": {"200": {"description": "none"}}}},
            },
            "components": {
                "responses": {"Pets": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
                "schemas": {"Pet": {"type": "object"}},
            },
        });
        let graph = ReferenceGraph::of(&document);
        assert_eq!(
            graph.operations_reaching("#/components/schemas/Pet"),
            [("/a".to_owned(), "get".to_owned())]
        );
    }
}
