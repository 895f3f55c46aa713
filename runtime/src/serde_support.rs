//! Serde helpers used by the generated models.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// For an optional field that may also be `null`, typed `Option<Option<T>>`: absent stays `None` (through
/// `#[serde(default)]`), `null` becomes `Some(None)` and a value `Some(Some(value))`. Plain `Option`
/// deserialization would turn `null` into `None` and lose the difference.
pub fn deserialize_some<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// What one alternative of an untagged union accepts, for [`union_candidates`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An object type: its property names, the required ones, and whether it also takes other keys as
    /// typed additional properties.
    Object {
        known: &'static [&'static str],
        required: &'static [&'static str],
        open: bool,
    },
    String,
    Integer,
    Number,
    Boolean,
    List,
    /// An object used as a map, or any object.
    Map,
    Any,
}

/// The alternatives of an untagged union worth trying for `value`, best first.
///
/// Trying alternatives in declaration order is not enough: an object type whose fields are all optional
/// (and which keeps unknown fields) accepts every object. So an object goes to the alternatives whose
/// required properties it has, ranked by how many of its keys they know; an alternative that knows none of a
/// non-empty object's keys is skipped, leaving the value to the union's catch-all. Ties keep declaration
/// order.
pub fn union_candidates(value: &Value, shapes: &[Shape]) -> Vec<usize> {
    let mut ranked: Vec<(usize, usize)> = shapes
        .iter()
        .enumerate()
        .filter_map(|(index, shape)| score(value, shape).map(|score| (index, score)))
        .collect();
    ranked.sort_by_key(|&(index, score)| (std::cmp::Reverse(score), index));
    ranked.into_iter().map(|(index, _)| index).collect()
}

fn score(value: &Value, shape: &Shape) -> Option<usize> {
    match (value, shape) {
        (_, Shape::Any) => Some(0),
        (Value::Object(object), Shape::Object { known, required, open }) => {
            if !required.iter().all(|name| object.contains_key(*name)) {
                return None;
            }
            let matched = object.keys().filter(|key| known.contains(&key.as_str())).count();
            (matched > 0 || object.is_empty() || known.is_empty() || *open).then_some(matched)
        }
        (Value::Object(_), Shape::Map)
        | (Value::String(_), Shape::String)
        | (Value::Bool(_), Shape::Boolean)
        | (Value::Array(_), Shape::List)
        | (Value::Number(_), Shape::Number) => Some(0),
        (Value::Number(number), Shape::Integer) => (number.is_i64() || number.is_u64()).then_some(0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
    struct Patch {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::deserialize_some"
        )]
        comment: Option<Option<String>>,
    }

    use super::{Shape, union_candidates};

    const LITERAL: Shape = Shape::Object {
        known: &["value"],
        required: &[],
        open: false,
    };
    const SUM: Shape = Shape::Object {
        known: &["left", "right"],
        required: &["left", "right"],
        open: false,
    };

    #[test]
    fn union_candidates_prefer_the_best_fitting_object() {
        let shapes = [LITERAL, SUM, Shape::String, Shape::Integer, Shape::Number];
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(union_candidates(&value(r#"{"left":1,"right":2}"#), &shapes), vec![1]);
        assert_eq!(union_candidates(&value(r#"{"value":1}"#), &shapes), vec![0]);
        assert_eq!(union_candidates(&value(r#"{"value":1,"left":1}"#), &shapes), vec![0]);
        assert_eq!(union_candidates(&value("{}"), &shapes), vec![0]);
        assert_eq!(union_candidates(&value(r#"{"other":1}"#), &shapes), Vec::<usize>::new());
        assert_eq!(union_candidates(&value(r#""text""#), &shapes), vec![2]);
        assert_eq!(union_candidates(&value("3"), &shapes), vec![3, 4]);
        assert_eq!(union_candidates(&value("3.5"), &shapes), vec![4]);
        assert_eq!(union_candidates(&value("true"), &[Shape::Map, Shape::Any]), vec![1]);
    }

    #[test]
    fn absent_null_and_value_stay_distinct() {
        for (json, expected) in [
            ("{}", None),
            (r#"{"comment":null}"#, Some(None)),
            (r#"{"comment":"hi"}"#, Some(Some("hi".to_owned()))),
        ] {
            let patch: Patch = serde_json::from_str(json).unwrap();
            assert_eq!(patch.comment, expected);
            assert_eq!(serde_json::to_string(&patch).unwrap(), json);
        }
    }
}
