//! Reading objects and open string enums with the least code per type.
//!
//! `#[derive(Deserialize)]` on a struct with `#[serde(flatten)]` expands to a field visitor with a dozen
//! methods, four copies of the field match and a buffer of `Content` for the unknown keys; on an enum with
//! an untagged catch-all it buffers every value. Over the ~1,400 types of the Databricks API that is most of
//! the models crate's build time. The generator writes instead one `FromObject::from_object` per struct (a
//! single match on the key) and one line per enum, and the visitor and key handling live here, once.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use std::collections::BTreeMap;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::numbers::{Read, WireNumber};
use super::trail::Seed;
// What generated readers name: the shapes of fields holding lists or maps, and the note of a failed key.
pub use super::trail::{Reader, at_key, list_of, map_of, opt, plain};

/// A struct the generator reads field by field from a JSON object.
pub trait FromObject: Sized {
    /// How the type is named in "expected ..." messages.
    const EXPECTING: &'static str;

    /// Reads every entry of `map`: known keys into their fields, others by the type's rule for unknown
    /// fields (kept, or an error).
    fn from_object<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a [`FromObject`] type.
pub fn read_object<'de, T: FromObject, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: FromObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_object(map)
    }
}

/// A string read without copying when the input allows it: an object key, or the value of an open enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text<'de>(Cow<'de, str>);

impl<'de> Text<'de> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

// One call per known key, its types given by the slot: the generated match stays a list of plain calls,
// quick to check, and each helper is compiled once per field type rather than once per field.

/// Reads the next value into `slot`, as its type reads it (`Option<T>` takes `null` as `None`).
#[inline]
pub fn read_into<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, slot: &mut T) -> Result<(), A::Error> {
    *slot = map.next_value()?;
    Ok(())
}

/// Reads the next value into `slot` as present: a required field, or `Some(null)` for a nullable optional one.
#[inline]
pub fn read_some<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
}

/// [`read_into`] for a field holding numbers, in their wire form.
#[inline]
pub fn read_number_into<'de, A: MapAccess<'de>, T: WireNumber>(map: &mut A, slot: &mut T) -> Result<(), A::Error> {
    *slot = map.next_value::<Read<T>>()?.0;
    Ok(())
}

/// [`read_some`] for a field holding numbers, in their wire form.
#[inline]
pub fn read_number_some<'de, A: MapAccess<'de>, T: WireNumber>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value::<Read<T>>()?.0);
    Ok(())
}

/// [`read_into`] for a field holding lists or maps, read by `shape` so that an error names the index or
/// key it came from.
#[inline]
pub fn read_with<'de, R: Reader<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut R::Value,
    _shape: R,
) -> Result<(), A::Error> {
    *slot = map.next_value_seed(Seed::<R>::new())?;
    Ok(())
}

/// [`read_some`] for a field holding lists or maps, read by `shape`.
#[inline]
pub fn read_some_with<'de, R: Reader<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<R::Value>,
    _shape: R,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value_seed(Seed::<R>::new())?);
    Ok(())
}

/// Keeps an entry no field claims, as sent.
#[inline]
pub fn keep<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    key: &Text<'de>,
    kept: &mut impl Keep<T>,
) -> Result<(), A::Error> {
    kept.keep(key.as_str().to_owned(), map.next_value()?);
    Ok(())
}

/// [`keep`] for typed additional properties holding lists or maps, read by `shape`.
#[inline]
pub fn keep_with<'de, R: Reader<'de>, A: MapAccess<'de>>(
    map: &mut A,
    key: &Text<'de>,
    kept: &mut impl Keep<R::Value>,
    _shape: R,
) -> Result<(), A::Error> {
    kept.keep(key.as_str().to_owned(), map.next_value_seed(Seed::<R>::new())?);
    Ok(())
}

/// Where a struct keeps the entries no field claims: its `unknown_fields`, or its typed extra properties.
pub trait Keep<T> {
    fn keep(&mut self, key: String, value: T);
}

impl Keep<Value> for Map<String, Value> {
    fn keep(&mut self, key: String, value: Value) {
        self.insert(key, value);
    }
}

impl<T> Keep<T> for BTreeMap<String, T> {
    fn keep(&mut self, key: String, value: T) {
        self.insert(key, value);
    }
}

/// The error for a key a closed object (`additionalProperties: false`) does not have.
pub fn refuse<E: de::Error>(key: &Text, fields: &'static [&'static str]) -> Result<(), E> {
    Err(E::unknown_field(key.as_str(), fields))
}

/// `Deserialize::deserialize` of an open string enum: the text, borrowed when it can be, given to the enum's
/// `From<&str>` (which keeps a value it does not list).
pub fn read_open_enum<'de, T: for<'a> From<&'a str>, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    Text::deserialize(deserializer).map(|text| T::from(text.as_str()))
}

/// The value of a required field at the end of the object: an error naming the field when it was absent.
pub fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the generator writes for `{ "name": string (required), "size": integer, ...kept }`.
    #[derive(Debug, PartialEq)]
    struct Sample {
        name: String,
        size: Option<i64>,
        unknown_fields: Map<String, Value>,
    }

    impl<'de> Deserialize<'de> for Sample {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            read_object(deserializer)
        }
    }

    impl FromObject for Sample {
        const EXPECTING: &'static str = "a Sample object";

        fn from_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
            let mut name: Option<String> = None;
            let mut size: Option<i64> = None;
            let mut unknown_fields = Map::new();
            while let Some(key) = map.next_key::<Text>()? {
                let read = match key.as_str() {
                    "name" => read_some(&mut map, &mut name),
                    "size" => read_number_into(&mut map, &mut size),
                    _ => keep(&mut map, &key, &mut unknown_fields),
                };
                at_key(read, key)?;
            }
            Ok(Sample {
                name: required(name, "name")?,
                size,
                unknown_fields,
            })
        }
    }

    #[test]
    fn known_fields_are_read_and_unknown_ones_kept() {
        let sample: Sample = serde_json::from_str(r#"{"size": "12", "name": "a", "new": [1, {"b": null}]}"#).unwrap();
        assert_eq!(sample.name, "a");
        assert_eq!(sample.size, Some(12));
        assert_eq!(sample.unknown_fields["new"], serde_json::json!([1, {"b": null}]));
        // The same from an owned value, whose keys arrive as `String`s rather than borrowed.
        let value = serde_json::json!({"name": "b", "size": null});
        let from_value: Sample = serde_json::from_value(value).unwrap();
        assert_eq!((from_value.name.as_str(), from_value.size), ("b", None));
    }

    #[test]
    fn a_missing_required_field_and_a_wrong_kind_are_named() {
        let missing = serde_json::from_str::<Sample>(r#"{"size": 1}"#).unwrap_err();
        assert!(missing.to_string().contains("missing field `name`"), "{missing}");
        let wrong = serde_json::from_str::<Sample>("[1]").unwrap_err();
        assert!(wrong.to_string().contains("expected a Sample object"), "{wrong}");
    }

    #[test]
    fn text_borrows_from_the_input_when_it_can() {
        let mut deserializer = serde_json::Deserializer::from_str(r#""plain""#);
        let text = Text::deserialize(&mut deserializer).unwrap();
        assert!(matches!(text.0, Cow::Borrowed("plain")));
        // An escape forces a copy; the text is the same.
        let escaped: Text = serde_json::from_str(r#""a\"b""#).unwrap();
        assert_eq!(escaped.as_str(), "a\"b");
    }
}
