//! YAML text → [`Node`]: a JSON-shaped tree in which every value and every mapping key remembers where it
//! was written, so any later stage can point at a line and column.
//!
//! serde-saphyr does the parsing: it rejects duplicate keys with their position, uses YAML 1.2 booleans only
//! (`yes`/`on` stay strings), and bounds alias expansion. We deserialize into our own tree through its
//! `Spanned` wrapper rather than straight into `openapiv3` types so that positions survive.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, MessageFormatter, Spanned, UserMessageFormatter};

use crate::diagnostic::{Diagnostic, Location};
use std::path::Path;

/// Index of a file in [`crate::load::Spec::files`].
pub type FileId = u32;

/// Where a node was written: file, 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub value: NodeValue,
    pub position: Position,
}

#[derive(Clone, Debug)]
pub enum NodeValue {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    String(String),
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
}

/// One `key: value` pair of a mapping; the key keeps its own position.
#[derive(Clone, Debug)]
pub struct Entry {
    pub key: String,
    pub key_position: Position,
    pub value: Node,
}

impl Node {
    pub fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.value {
            NodeValue::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.as_mapping()?.iter().find(|entry| entry.key == key)
    }

    /// A short name for the kind of value, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            NodeValue::Null => "null",
            NodeValue::Bool(_) => "a boolean",
            NodeValue::Int(_) | NodeValue::UInt(_) | NodeValue::Float(_) => "a number",
            NodeValue::String(_) => "a string",
            NodeValue::Sequence(_) => "a list",
            NodeValue::Mapping(_) => "a mapping",
        }
    }

    /// The equivalent JSON value. Non-finite floats (`.nan`, `.inf`) have no JSON form and are reported.
    pub fn to_json(&self, problems: &mut Vec<Position>) -> serde_json::Value {
        use serde_json::Value;
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(value) => Value::Bool(*value),
            NodeValue::Int(value) => Value::from(*value),
            NodeValue::UInt(value) => Value::from(*value),
            NodeValue::Float(value) => serde_json::Number::from_f64(*value)
                .map(Value::Number)
                .unwrap_or_else(|| {
                    problems.push(self.position);
                    Value::Null
                }),
            NodeValue::String(value) => Value::String(value.clone()),
            NodeValue::Sequence(items) => Value::Array(items.iter().map(|item| item.to_json(problems)).collect()),
            NodeValue::Mapping(entries) => Value::Object(
                entries
                    .iter()
                    .map(|entry| (entry.key.clone(), entry.value.to_json(problems)))
                    .collect(),
            ),
        }
    }

    fn set_file(&mut self, file: FileId) {
        self.position.file = file;
        match &mut self.value {
            NodeValue::Sequence(items) => items.iter_mut().for_each(|item| item.set_file(file)),
            NodeValue::Mapping(entries) => {
                for entry in entries {
                    entry.key_position.file = file;
                    entry.value.set_file(file);
                }
            }
            _ => {}
        }
    }
}

/// Parses one YAML document. `file` names the file in diagnostics; `file_id` is stored in every node.
pub fn parse(text: &str, path: &Path, file_id: FileId) -> Result<Node, Diagnostic> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: DuplicateKeyPolicy::Error,
    };
    match serde_saphyr::from_str_with_options::<RawNode>(text, options) {
        Ok(raw) => {
            let mut node = raw.into_node();
            node.set_file(file_id);
            Ok(node)
        }
        Err(error) => Err(describe_error(&error, path)),
    }
}

fn describe_error(error: &serde_saphyr::Error, path: &Path) -> Diagnostic {
    let error = error.without_snippet();
    let (message, hint) = match error {
        serde_saphyr::Error::DuplicateMappingKey { key, .. } => (
            match key {
                Some(key) => format!("duplicate key `{key}`"),
                None => "duplicate key".to_owned(),
            },
            "a key may appear only once in a mapping: merge the two entries or remove one".to_owned(),
        ),
        other => (
            format!("invalid YAML: {}", UserMessageFormatter.format_message(other)),
            "fix the YAML syntax at this position (check indentation, quotes and brackets)".to_owned(),
        ),
    };
    let mut diagnostic = Diagnostic::new(message).with_hint(hint).with_file(path);
    if let Some(location) = error.location()
        && location.line() > 0
    {
        diagnostic = diagnostic.with_location(Location {
            file: path.to_owned(),
            line: saturate(location.line()),
            column: saturate(location.column()),
        });
    }
    diagnostic
}

fn saturate(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The shape serde-saphyr fills in; converted to [`Node`] right after parsing.
struct RawNode(Spanned<RawValue>);

enum RawValue {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    String(String),
    Sequence(Vec<RawNode>),
    Mapping(Vec<(Spanned<String>, RawNode)>),
}

impl RawNode {
    fn into_node(self) -> Node {
        let Spanned { value, referenced, .. } = self.0;
        let position = position(&referenced);
        let value = match value {
            RawValue::Null => NodeValue::Null,
            RawValue::Bool(value) => NodeValue::Bool(value),
            RawValue::Int(value) => NodeValue::Int(value),
            RawValue::UInt(value) => NodeValue::UInt(value),
            RawValue::Float(value) => NodeValue::Float(value),
            RawValue::String(value) => NodeValue::String(value),
            RawValue::Sequence(items) => NodeValue::Sequence(items.into_iter().map(RawNode::into_node).collect()),
            RawValue::Mapping(entries) => NodeValue::Mapping(
                entries
                    .into_iter()
                    .map(|(key, value)| Entry {
                        key_position: position_of(&key),
                        key: key.value,
                        value: value.into_node(),
                    })
                    .collect(),
            ),
        };
        Node { value, position }
    }
}

fn position_of<T>(spanned: &Spanned<T>) -> Position {
    position(&spanned.referenced)
}

fn position(location: &serde_saphyr::Location) -> Position {
    Position {
        file: 0,
        line: saturate(location.line()),
        column: saturate(location.column()),
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Spanned::<RawValue>::deserialize(deserializer).map(RawNode)
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawValueVisitor)
    }
}

struct RawValueVisitor;

impl<'de> Visitor<'de> for RawValueVisitor {
    type Value = RawValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }

    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(deserializer)
    }

    fn visit_bool<E>(self, value: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<RawValue, E> {
        Ok(RawValue::UInt(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<RawValue, E> {
        Ok(RawValue::Float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<RawValue, E> {
        Ok(RawValue::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<RawValue, E> {
        Ok(RawValue::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element::<RawNode>()? {
            items.push(item);
        }
        Ok(RawValue::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = access.next_key::<Spanned<String>>()? {
            let value = access.next_value::<RawNode>()?;
            entries.push((key, value));
        }
        Ok(RawValue::Mapping(entries))
    }
}
