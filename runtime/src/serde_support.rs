//! Serde helpers used by the generated models.

use serde::{Deserialize, Deserializer};

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
