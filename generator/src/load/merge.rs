//! Merging fragment files into the root document.
//!
//! A fragment contributes `tags`, `paths` and `components`; a name defined twice is an error that names
//! both definitions, never a silent override.

use super::SourceFiles;
use super::yaml::{Entry, Node, NodeValue};
use crate::diagnostic::{Diagnostic, Diagnostics};

const FRAGMENT_KEYS: &[&str] = &["tags", "paths", "components"];

/// Merges `fragment` into `root`, reporting every conflict.
pub fn merge_fragment(root: &mut Node, fragment: Node, files: &SourceFiles, problems: &mut Diagnostics) {
    let NodeValue::Mapping(entries) = fragment.value else {
        problems.push(
            Diagnostic::new(format!("a spec fragment must be a mapping, found {}", fragment.kind()))
                .with_location(files.location(fragment.position))
                .with_hint("a fragment file holds top-level `tags`, `paths` and `components` keys"),
        );
        return;
    };
    for entry in entries {
        if !FRAGMENT_KEYS.contains(&entry.key.as_str()) {
            problems.push(
                Diagnostic::new(format!("`{}` is not allowed in a fragment file", entry.key))
                    .with_location(files.location(entry.key_position))
                    .with_hint(
                        "fragments may only contain `tags`, `paths` and `components`; \
                         document-wide keys belong in the root openapi.yaml",
                    ),
            );
            continue;
        }
        let Some(root_entries) = mapping_mut(root) else {
            return;
        };
        match root_entries.iter_mut().find(|existing| existing.key == entry.key) {
            None => root_entries.push(entry),
            Some(existing) => match entry.key.as_str() {
                "tags" => merge_tags(&mut existing.value, entry.value, files, problems),
                "paths" => merge_named(&mut existing.value, entry.value, "path", files, problems),
                _ => merge_components(&mut existing.value, entry.value, files, problems),
            },
        }
    }
}

fn mapping_mut(node: &mut Node) -> Option<&mut Vec<Entry>> {
    match &mut node.value {
        NodeValue::Mapping(entries) => Some(entries),
        _ => None,
    }
}

/// `components` holds sections (`schemas`, `responses`, ...) whose entries must be unique.
fn merge_components(into: &mut Node, from: Node, files: &SourceFiles, problems: &mut Diagnostics) {
    let from_position = from.position;
    let (Some(into_entries), NodeValue::Mapping(from_entries)) = (mapping_mut(into), from.value) else {
        problems.push(
            Diagnostic::new("`components` must be a mapping in every file")
                .with_location(files.location(from_position))
                .with_hint("write `components:` followed by indented sections such as `schemas:`"),
        );
        return;
    };
    for section in from_entries {
        match into_entries.iter_mut().find(|existing| existing.key == section.key) {
            None => into_entries.push(section),
            Some(existing) => {
                let what = format!("component `{}` entry", section.key);
                merge_named(&mut existing.value, section.value, &what, files, problems);
            }
        }
    }
}

/// Adds every entry of the mapping `from` to the mapping `into`; a key present in both is a conflict.
fn merge_named(into: &mut Node, from: Node, what: &str, files: &SourceFiles, problems: &mut Diagnostics) {
    let from_position = from.position;
    let (Some(into_entries), NodeValue::Mapping(from_entries)) = (mapping_mut(into), from.value) else {
        problems.push(
            Diagnostic::new(format!("expected a mapping of {what}s"))
                .with_location(files.location(from_position))
                .with_hint("each entry is written as `name:` followed by its indented definition"),
        );
        return;
    };
    for entry in from_entries {
        if let Some(existing) = into_entries.iter().find(|existing| existing.key == entry.key) {
            problems.push(
                Diagnostic::new(format!("{what} `{}` is defined in two files", entry.key))
                    .with_location(files.location(entry.key_position))
                    .with_related(files.location(existing.key_position))
                    .with_hint("keep one definition and rename or remove the other"),
            );
        } else {
            into_entries.push(entry);
        }
    }
}

/// `tags` is a list of `{name, description}`; names must be unique across files.
fn merge_tags(into: &mut Node, from: Node, files: &SourceFiles, problems: &mut Diagnostics) {
    let from_position = from.position;
    let (NodeValue::Sequence(into_items), NodeValue::Sequence(from_items)) = (&mut into.value, from.value) else {
        problems.push(
            Diagnostic::new("`tags` must be a list in every file")
                .with_location(files.location(from_position))
                .with_hint("write each tag as a list item: `- name: <service>`"),
        );
        return;
    };
    for tag in from_items {
        let name = tag_name(&tag);
        let clash = name.and_then(|name| into_items.iter().find(|existing| tag_name(existing) == Some(name)));
        if let (Some(name), Some(existing)) = (name, clash) {
            problems.push(
                Diagnostic::new(format!("tag `{name}` is defined in two files"))
                    .with_location(files.location(tag.position))
                    .with_related(files.location(existing.position))
                    .with_hint("describe each service's tag once, in that service's file"),
            );
        } else {
            into_items.push(tag);
        }
    }
}

fn tag_name(tag: &Node) -> Option<&str> {
    match &tag.get("name")?.value.value {
        NodeValue::String(name) => Some(name),
        _ => None,
    }
}
