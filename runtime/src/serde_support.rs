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

/// Number fields as the Databricks API writes them. Its services follow the protobuf JSON mapping:
/// - a finite float is a JSON number, and NaN and the infinities are the strings `"NaN"`, `"Infinity"` and
///   `"-Infinity"` (an MLflow metric can well be NaN); plain serde_json rejects those strings when reading
///   and writes `null` for a non-finite value, losing it;
/// - a 64-bit integer may arrive as a string of digits (`"1234567890123"`), which plain serde rejects.
///
/// Fields of type `f64`, `f32`, `i64` or `i32`, directly or inside `Option`, `Vec` or a map, use this
/// module: `#[serde(with = "databricks_runtime::serde_support::numbers")]`. Integers are written as numbers.
pub mod numbers {
    use std::collections::BTreeMap;
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// A value that holds numbers and knows their wire form.
    pub trait WireNumber: Sized {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    }

    pub fn serialize<T: WireNumber, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.write(serializer)
    }

    pub fn deserialize<'de, T: WireNumber, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer)
    }

    /// For a nullable optional field (`Option<Option<f64>>`): a present `null` is `Some(None)`, as with
    /// [`super::deserialize_some`].
    pub fn deserialize_some<'de, T: WireNumber, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        T::read(deserializer).map(Some)
    }

    /// Writes `value` as a number, or as the protobuf string of a non-finite value.
    fn write_f64<S: Serializer>(value: f64, serializer: S) -> Result<S::Ok, S::Error> {
        if value.is_nan() {
            serializer.serialize_str("NaN")
        } else if value.is_infinite() {
            serializer.serialize_str(if value > 0.0 { "Infinity" } else { "-Infinity" })
        } else {
            serializer.serialize_f64(value)
        }
    }

    struct F64Visitor;

    impl Visitor<'_> for F64Visitor {
        type Value = f64;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str(r#"a number, or "NaN", "Infinity" or "-Infinity""#)
        }

        fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
            Ok(value)
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
            Ok(value as f64)
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
            Ok(value as f64)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<f64, E> {
            match text {
                "NaN" => Ok(f64::NAN),
                "Infinity" => Ok(f64::INFINITY),
                "-Infinity" => Ok(f64::NEG_INFINITY),
                // The protobuf mapping also accepts a number written as a string.
                _ => text
                    .parse::<f64>()
                    .ok()
                    .filter(|value| value.is_finite())
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self)),
            }
        }
    }

    impl WireNumber for f64 {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_f64(*self, serializer)
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(F64Visitor)
        }
    }

    impl WireNumber for f32 {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_f64(f64::from(*self), serializer)
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            // Narrowing is the point: the field is declared `float`.
            deserializer.deserialize_any(F64Visitor).map(|value| value as f32)
        }
    }

    /// Reads an integer from `min` to `max`; messages name the range and the type, as in "an integer from
    /// -2147483648 to 2147483647 (i32)", so an out-of-range value says what would fit.
    struct IntegerVisitor {
        min: i64,
        max: i64,
        name: &'static str,
    }

    impl IntegerVisitor {
        fn check<E: de::Error>(&self, value: Option<i64>, unexpected: de::Unexpected<'_>) -> Result<i64, E> {
            value
                .filter(|value| (self.min..=self.max).contains(value))
                .ok_or_else(|| E::invalid_value(unexpected, self))
        }
    }

    impl Visitor<'_> for IntegerVisitor {
        type Value = i64;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            write!(
                formatter,
                "an integer from {} to {} ({})",
                self.min, self.max, self.name
            )
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
            self.check(Some(value), de::Unexpected::Signed(value))
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
            self.check(i64::try_from(value).ok(), de::Unexpected::Unsigned(value))
        }

        fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
            // `3.0` is an integer written by a JSON library that only knows doubles. `max + 1` is a power of
            // two, so exact as a double.
            let integral = value.fract() == 0.0 && value >= self.min as f64 && value < self.max as f64 + 1.0;
            self.check(integral.then_some(value as i64), de::Unexpected::Float(value))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<i64, E> {
            self.check(text.parse().ok(), de::Unexpected::Str(text))
        }
    }

    impl WireNumber for i64 {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(*self)
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(IntegerVisitor {
                min: i64::MIN,
                max: i64::MAX,
                name: "i64",
            })
        }
    }

    impl WireNumber for i32 {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i32(*self)
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let value = deserializer.deserialize_any(IntegerVisitor {
                min: i32::MIN.into(),
                max: i32::MAX.into(),
                name: "i32",
            })?;
            // Within i32's range: the visitor checked it.
            Ok(value as i32)
        }
    }

    /// Lets a `WireNumber` stand where serde expects `Serialize`.
    struct Wire<'a, T>(&'a T);

    impl<T: WireNumber> Serialize for Wire<'_, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.write(serializer)
        }
    }

    /// Lets a `WireNumber` stand where serde expects `Deserialize`.
    pub(crate) struct Read<T>(pub(crate) T);

    impl<'de, T: WireNumber> Deserialize<'de> for Read<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            T::read(deserializer).map(Read)
        }
    }

    impl<T: WireNumber> WireNumber for Option<T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(value) => serializer.serialize_some(&Wire(value)),
                None => serializer.serialize_none(),
            }
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Option::<Read<T>>::deserialize(deserializer).map(|value| value.map(|Read(inner)| inner))
        }
    }

    impl<T: WireNumber> WireNumber for Vec<T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter().map(Wire))
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Vec::<Read<T>>::deserialize(deserializer).map(|items| items.into_iter().map(|Read(item)| item).collect())
        }
    }

    impl<T: WireNumber> WireNumber for BTreeMap<String, T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.iter().map(|(key, value)| (key, Wire(value))))
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct MapVisitor<T>(PhantomData<T>);
            impl<'de, T: WireNumber> Visitor<'de> for MapVisitor<T> {
                type Value = BTreeMap<String, T>;

                fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                    formatter.write_str("an object of numbers")
                }

                fn visit_map<A: de::MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                    let mut map = BTreeMap::new();
                    while let Some((key, Read(value))) = access.next_entry::<String, Read<T>>()? {
                        map.insert(key, value);
                    }
                    Ok(map)
                }
            }
            deserializer.deserialize_map(MapVisitor(PhantomData))
        }
    }
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

    #[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
    struct Sample {
        #[serde(with = "super::numbers")]
        value: f64,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::numbers")]
        optional: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::numbers")]
        list: Option<Vec<f32>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::numbers")]
        map: Option<std::collections::BTreeMap<String, f64>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "super::numbers::serialize",
            deserialize_with = "super::numbers::deserialize_some"
        )]
        nullable: Option<Option<f64>>,
    }

    #[test]
    fn non_finite_numbers_travel_as_protobuf_strings() {
        let text = r#"{"value":"NaN","optional":"-Infinity","list":[1.5,"Infinity","NaN"],"map":{"a":"NaN","b":0.25},"nullable":null}"#;
        let sample: Sample = serde_json::from_str(text).unwrap();
        assert!(sample.value.is_nan());
        assert_eq!(sample.optional, Some(f64::NEG_INFINITY));
        let list = sample.list.as_deref().unwrap();
        assert_eq!(list[..2], [1.5, f32::INFINITY]);
        assert!(list[2].is_nan());
        assert!(sample.map.as_ref().unwrap()["a"].is_nan());
        assert_eq!(sample.nullable, Some(None));
        assert_eq!(serde_json::to_string(&sample).unwrap(), text);

        let finite: Sample = serde_json::from_str(r#"{"value":3,"optional":"2.5"}"#).unwrap();
        assert_eq!((finite.value, finite.optional, finite.nullable), (3.0, Some(2.5), None));
        assert_eq!(
            serde_json::to_string(&finite).unwrap(),
            r#"{"value":3.0,"optional":2.5}"#
        );
    }

    #[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
    struct Counts {
        #[serde(with = "super::numbers")]
        big: i64,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::numbers")]
        small: Option<i32>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::numbers")]
        ids: Option<Vec<i64>>,
    }

    #[test]
    fn integers_written_as_strings_are_read_and_written_back_as_numbers() {
        let counts: Counts =
            serde_json::from_str(r#"{"big":"9007199254740993","small":"-7","ids":[1,"2",3.0]}"#).unwrap();
        assert_eq!(
            counts.big, 9_007_199_254_740_993,
            "beyond a double's precision, exactly"
        );
        assert_eq!(counts.small, Some(-7));
        assert_eq!(counts.ids.as_deref(), Some(&[1, 2, 3][..]));
        assert_eq!(
            serde_json::to_string(&counts).unwrap(),
            r#"{"big":9007199254740993,"small":-7,"ids":[1,2,3]}"#
        );
        for bad in [
            r#"{"big":"12abc"}"#,
            r#"{"big":1.5}"#,
            r#"{"big":18446744073709551615}"#,
            r#"{"big":1,"small":"4294967296"}"#,
            r#"{"big":true}"#,
        ] {
            let error = serde_json::from_str::<Counts>(bad).unwrap_err().to_string();
            assert!(error.contains("integer"), "{bad}: {error}");
        }
    }

    #[test]
    fn integers_out_of_range_name_the_range() {
        for (bad, range) in [
            (
                r#"{"big":1,"small":2147483648}"#,
                "an integer from -2147483648 to 2147483647 (i32)",
            ),
            (
                r#"{"big":1,"small":-2147483649}"#,
                "an integer from -2147483648 to 2147483647 (i32)",
            ),
            (
                r#"{"big":1,"small":1e20}"#,
                "an integer from -2147483648 to 2147483647 (i32)",
            ),
            (
                r#"{"big":9223372036854775808}"#,
                "an integer from -9223372036854775808 to 9223372036854775807 (i64)",
            ),
        ] {
            let error = serde_json::from_str::<Counts>(bad).unwrap_err().to_string();
            assert!(error.contains(range), "{bad}: {error}");
        }
        let edges: Counts = serde_json::from_str(r#"{"big":-9223372036854775808,"small":2147483647}"#).unwrap();
        assert_eq!((edges.big, edges.small), (i64::MIN, Some(i32::MAX)));
    }

    #[test]
    fn other_strings_are_rejected_with_what_was_expected() {
        for text in [
            r#"{"value":"nan"}"#,
            r#"{"value":"fast"}"#,
            r#"{"value":"inf"}"#,
            r#"{"value":null}"#,
        ] {
            let error = serde_json::from_str::<Sample>(text).unwrap_err().to_string();
            assert!(
                error.contains(r#"a number, or "NaN", "Infinity" or "-Infinity""#),
                "{text}: {error}"
            );
        }
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
