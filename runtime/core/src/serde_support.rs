//! Serde helpers used by the generated models.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

pub mod object;
pub mod trail;

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

/// Number fields as APIs that follow the protobuf JSON mapping write them (Google's, Databricks', many gRPC
/// gateways):
/// - a finite float is a JSON number, and NaN and the infinities are the strings `"NaN"`, `"Infinity"` and
///   `"-Infinity"` (a metric can well be NaN); plain serde_json rejects those strings when reading
///   and writes `null` for a non-finite value, losing it;
/// - a 64-bit integer may arrive as a string of digits (`"1234567890123"`), which plain serde rejects.
///
/// Fields of type `f64`, `f32`, `i64` or `i32`, directly or inside `Option`, `Vec` or a map, use this
/// module: `#[serde(with = "openapi_runtime::serde_support::numbers")]`. Integers are written as numbers.
pub mod numbers {
    use std::collections::BTreeMap;
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    use super::trail::{As, ListOf, MapOf, Reader};

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

    /// Lets a `WireNumber` stand where serde expects `Serialize` (generated `Serialize` impls write number
    /// fields through it).
    #[doc(hidden)]
    pub struct Write<'a, T>(pub &'a T);

    impl<T: WireNumber> Serialize for Write<'_, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.write(serializer)
        }
    }

    /// Lets a `WireNumber` stand where serde expects `Deserialize`.
    #[doc(hidden)]
    pub struct Read<T>(pub T);

    impl<'de, T: WireNumber> Deserialize<'de> for Read<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            T::read(deserializer).map(Read)
        }
    }

    impl<T: WireNumber> WireNumber for Option<T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(value) => serializer.serialize_some(&Write(value)),
                None => serializer.serialize_none(),
            }
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Option::<Read<T>>::deserialize(deserializer).map(|value| value.map(|Read(inner)| inner))
        }
    }

    impl<T: WireNumber> WireNumber for Vec<T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter().map(Write))
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            // Through the trail's list reader, so that an error names the item's index.
            let items = <ListOf<As<Read<T>>> as Reader>::read(deserializer)?;
            Ok(items.into_iter().map(|Read(item)| item).collect())
        }
    }

    impl<T: WireNumber> WireNumber for BTreeMap<String, T> {
        fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.iter().map(|(key, value)| (key, Write(value))))
        }

        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let entries = <MapOf<As<Read<T>>> as Reader>::read(deserializer)?;
            Ok(entries.into_iter().map(|(key, Read(value))| (key, value)).collect())
        }
    }
}

/// What one alternative of an untagged union can be, for [`union_candidates`]. The generator writes
/// everything the schema says that tells alternatives apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An object type: its property names, the required ones, its tags (properties that admit a single
    /// value, with that value), and whether it also takes other keys as typed additional properties.
    Object {
        known: &'static [&'static str],
        required: &'static [&'static str],
        tags: &'static [(&'static str, &'static str)],
        open: bool,
    },
    String,
    /// One of these strings: an enum, which as an alternative takes only the values it lists.
    Enum(&'static [&'static str]),
    /// A string of this format and/or matching this pattern (a regular expression, found anywhere in the
    /// string as in JSON Schema).
    Text {
        format: Option<Format>,
        pattern: Option<&'static str>,
    },
    Integer,
    Number,
    Boolean,
    List,
    /// An object used as a map, or any object.
    Map,
    Any,
}

/// String formats checked when they tell union alternatives apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `123e4567-e89b-12d3-a456-426614174000`, any case.
    Uuid,
    /// RFC 3339: `2024-05-01T12:30:00Z`, `2024-05-01t12:30:00.5+02:00`.
    DateTime,
    /// `2024-05-01`.
    Date,
    /// `name@host`: one `@` between non-empty parts, no spaces.
    Email,
    /// An absolute URI: a scheme, `:`, and no spaces.
    Uri,
    Ipv4,
    Ipv6,
    /// Standard base64 with padding.
    Byte,
}

impl Format {
    pub fn admits(self, text: &str) -> bool {
        match self {
            Format::Uuid => is_uuid(text),
            Format::DateTime => is_date_time(text),
            Format::Date => is_date(text),
            Format::Email => is_email(text),
            Format::Uri => is_uri(text),
            Format::Ipv4 => text.parse::<std::net::Ipv4Addr>().is_ok(),
            Format::Ipv6 => text.parse::<std::net::Ipv6Addr>().is_ok(),
            Format::Byte => is_base64(text),
        }
    }
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(index, char)| match index {
            8 | 13 | 18 | 23 => char == '-',
            _ => char.is_ascii_hexdigit(),
        })
}

/// `count` ASCII digits at the start of `text`, as a number, and the rest.
fn digits(text: &str, count: usize) -> Option<(u32, &str)> {
    let (head, rest) = text.split_at_checked(count)?;
    if !head.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, rest))
}

fn is_date(text: &str) -> bool {
    parse_date(text).is_some_and(str::is_empty)
}

/// A full date at the start of `text`; returns the rest.
fn parse_date(text: &str) -> Option<&str> {
    let (year, rest) = digits(text, 4)?;
    let (month, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(rest)
}

fn is_date_time(text: &str) -> bool {
    parse_date_time(text).is_some()
}

fn parse_date_time(text: &str) -> Option<()> {
    let rest = parse_date(text)?.strip_prefix(['T', 't'])?;
    let (hour, rest) = digits(rest, 2)?;
    let (minute, rest) = digits(rest.strip_prefix(':')?, 2)?;
    // 60 is a leap second.
    let (second, mut rest) = digits(rest.strip_prefix(':')?, 2)?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if let Some(fraction) = rest.strip_prefix('.') {
        let length = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if length == 0 {
            return None;
        }
        rest = &fraction[length..];
    }
    if rest == "Z" || rest == "z" {
        return Some(());
    }
    let (offset_hour, rest) = digits(rest.strip_prefix(['+', '-'])?, 2)?;
    let (offset_minute, end) = digits(rest.strip_prefix(':')?, 2)?;
    (end.is_empty() && offset_hour <= 23 && offset_minute <= 59).then_some(())
}

fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && !domain.is_empty() && !domain.contains('@') && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn is_uri(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let mut scheme = scheme.chars();
    scheme.next().is_some_and(|first| first.is_ascii_alphabetic())
        && scheme.all(|char| char.is_ascii_alphanumeric() || matches!(char, '+' | '-' | '.'))
        && !text.chars().any(|char| char.is_whitespace() || char.is_control())
}

fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    text.len() % 4 == 0
        && text.len() - body.len() <= 2
        && body
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/')
}

/// Whether `pattern` occurs in `text`. Patterns are compiled once each; the generator only writes ones
/// the engine reads, so one that fails (never) rules nothing out.
fn matches_pattern(pattern: &'static str, text: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static COMPILED: OnceLock<Mutex<HashMap<&'static str, Option<regex_bites::Regex>>>> = OnceLock::new();
    let mut compiled = COMPILED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    compiled
        .entry(pattern)
        .or_insert_with(|| regex_bites::Regex::new(pattern).ok())
        .as_ref()
        .is_none_or(|regex| regex.is_match(text))
}

/// The alternatives of an untagged union that `value` can be, best first.
///
/// An alternative is a candidate only if the value can be it: the same JSON kind; for an object, every
/// required property present, every tag property absent or holding its value, and at least one known
/// property (unless the object is empty, or the alternative declares none or takes any key): an object type
/// whose fields are all optional would otherwise take every object; for a string, a listed value, the
/// format and the pattern. Candidates rank by how specific they are (a constrained string before a plain
/// one, an integer alternative before a number one for an integral value, anything before an untyped value),
/// then, for objects, by how many tags and then keys they matched; ties keep declaration order. A value with
/// no candidate is left to the union's catch-all.
pub fn union_candidates(value: &Value, shapes: &[Shape]) -> Vec<usize> {
    let mut ranked: Vec<(usize, Fit)> = shapes
        .iter()
        .enumerate()
        .filter_map(|(index, shape)| fit(value, shape).map(|fit| (index, fit)))
        .collect();
    ranked.sort_by_key(|&(index, fit)| (std::cmp::Reverse(fit), index));
    ranked.into_iter().map(|(index, _)| index).collect()
}

/// How well a value fits an alternative; greater is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// 0 an untyped value, 1 any object, 2 a plain kind or an object type, 3 a constrained one.
    specific: u8,
    tags: usize,
    keys: usize,
}

const ANY_VALUE: Fit = Fit::of(0);
const ANY_OBJECT: Fit = Fit::of(1);
const PLAIN: Fit = Fit::of(2);
const CONSTRAINED: Fit = Fit::of(3);

impl Fit {
    const fn of(specific: u8) -> Fit {
        Fit {
            specific,
            tags: 0,
            keys: 0,
        }
    }
}

fn fit(value: &Value, shape: &Shape) -> Option<Fit> {
    match (value, shape) {
        (_, Shape::Any) => Some(ANY_VALUE),
        (
            Value::Object(object),
            Shape::Object {
                known,
                required,
                tags,
                open,
            },
        ) => {
            if !required.iter().all(|name| object.contains_key(*name)) {
                return None;
            }
            let mut matched_tags = 0;
            for (name, tag) in *tags {
                match object.get(*name) {
                    None => {}
                    Some(Value::String(text)) if text == tag => matched_tags += 1,
                    Some(_) => return None,
                }
            }
            let keys = object.keys().filter(|key| known.contains(&key.as_str())).count();
            (keys > 0 || object.is_empty() || known.is_empty() || *open).then_some(Fit {
                tags: matched_tags,
                keys,
                ..PLAIN
            })
        }
        (Value::Object(_), Shape::Map) => Some(ANY_OBJECT),
        (Value::String(text), Shape::Enum(values)) => values.contains(&text.as_str()).then_some(CONSTRAINED),
        (Value::String(text), Shape::Text { format, pattern }) => {
            let admitted = format.is_none_or(|format| format.admits(text))
                && pattern.is_none_or(|pattern| matches_pattern(pattern, text));
            admitted.then_some(CONSTRAINED)
        }
        (Value::String(_), Shape::String)
        | (Value::Bool(_), Shape::Boolean)
        | (Value::Array(_), Shape::List)
        | (Value::Number(_), Shape::Number) => Some(PLAIN),
        (Value::Number(number), Shape::Integer) => (number.is_i64() || number.is_u64()).then_some(CONSTRAINED),
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

    use super::{Format, Shape, union_candidates};

    const LITERAL: Shape = Shape::Object {
        known: &["value"],
        required: &[],
        tags: &[],
        open: false,
    };
    const SUM: Shape = Shape::Object {
        known: &["left", "right"],
        required: &["left", "right"],
        tags: &[],
        open: false,
    };

    fn value(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn union_candidates_prefer_the_best_fitting_object() {
        let shapes = [LITERAL, SUM, Shape::String, Shape::Integer, Shape::Number];
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
    fn a_tag_of_another_value_rules_an_alternative_out() {
        let tagged = |tag: &'static [(&'static str, &'static str)]| Shape::Object {
            known: &["type", "cidr", "vpc_id"],
            required: &["type"],
            tags: tag,
            open: false,
        };
        let shapes = [tagged(&[("type", "vpc")]), tagged(&[("type", "ip")])];
        assert_eq!(
            union_candidates(&value(r#"{"type":"ip","cidr":"10.0.0.0/8"}"#), &shapes),
            vec![1]
        );
        assert_eq!(
            union_candidates(&value(r#"{"type":"vpc","vpc_id":"v"}"#), &shapes),
            vec![0]
        );
        assert_eq!(
            union_candidates(&value(r#"{"type":"peering"}"#), &shapes),
            Vec::<usize>::new()
        );
        assert_eq!(union_candidates(&value(r#"{"type":7}"#), &shapes), Vec::<usize>::new());

        // An optional tag: absent, the alternative stays a candidate, ranked after one whose tag matched.
        let state = |tag: &'static [(&'static str, &'static str)]| Shape::Object {
            known: &["state", "id"],
            required: &[],
            tags: tag,
            open: false,
        };
        let shapes = [
            state(&[("state", "creating")]),
            state(&[]),
            state(&[("state", "detached")]),
        ];
        assert_eq!(union_candidates(&value(r#"{"state":"detached"}"#), &shapes), vec![2, 1]);
        assert_eq!(union_candidates(&value(r#"{"id":"x"}"#), &shapes), vec![0, 1, 2]);
    }

    #[test]
    fn constrained_strings_come_before_plain_ones_and_take_only_what_they_admit() {
        let shapes = [
            Shape::String,
            Shape::Text {
                format: Some(Format::Uuid),
                pattern: None,
            },
            Shape::Enum(&["auto", "none"]),
            Shape::Text {
                format: None,
                pattern: Some("^[0-9]+$"),
            },
        ];
        let uuid = r#""123E4567-e89b-12d3-a456-426614174000""#;
        assert_eq!(union_candidates(&value(uuid), &shapes), vec![1, 0]);
        assert_eq!(union_candidates(&value(r#""auto""#), &shapes), vec![2, 0]);
        assert_eq!(union_candidates(&value(r#""1234""#), &shapes), vec![3, 0]);
        assert_eq!(union_candidates(&value(r#""my-cluster""#), &shapes), vec![0]);
        assert_eq!(union_candidates(&value(r#""auto""#), &shapes[1..]), vec![1]);
        assert_eq!(
            union_candidates(&value(r#""other""#), &shapes[1..]),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn an_integer_prefers_the_integer_alternative_whatever_the_order() {
        let shapes = [Shape::Number, Shape::Integer, Shape::Any];
        assert_eq!(union_candidates(&value("3"), &shapes), vec![1, 0, 2]);
        assert_eq!(union_candidates(&value("3.5"), &shapes), vec![0, 2]);
        assert_eq!(union_candidates(&value("{}"), &[Shape::Any, Shape::Map]), vec![1, 0]);
    }

    #[test]
    fn formats_admit_what_their_standards_allow() {
        let cases: &[(Format, &[&str], &[&str])] = &[
            (
                Format::Uuid,
                &[
                    "123e4567-e89b-12d3-a456-426614174000",
                    "00000000-0000-0000-0000-00000000000A",
                ],
                &[
                    "123e4567e89b12d3a456426614174000",
                    "123e4567-e89b-12d3-a456-42661417400g",
                    "",
                ],
            ),
            (
                Format::DateTime,
                &[
                    "2024-05-01T12:30:00Z",
                    "2024-02-29t23:59:60.123+02:00",
                    "1999-12-31T00:00:00-05:30",
                ],
                &[
                    "2024-05-01",
                    "2023-02-29T00:00:00Z",
                    "2024-05-01T24:00:00Z",
                    "2024-05-01T12:30:00",
                    "2024-05-01T12:30:00.Z",
                    "2024-05-01 12:30:00Z",
                ],
            ),
            (
                Format::Date,
                &["2024-05-01", "2000-02-29"],
                &[
                    "2024-5-1",
                    "1900-02-29",
                    "2024-13-01",
                    "2024-04-31",
                    "2024-05-01T00:00:00Z",
                ],
            ),
            (
                Format::Email,
                &["someone@example.com", "a@localhost"],
                &["someone", "@example.com", "a@", "a b@example.com", "a@b@c"],
            ),
            (
                Format::Uri,
                &["https://example.com/x?y=1", "dbfs:/tmp/file", "urn:isbn:0451450523"],
                &["/relative/path", "1http://x", "http://a b", "name"],
            ),
            (Format::Ipv4, &["10.0.0.1"], &["10.0.0", "256.0.0.1", "::1"]),
            (Format::Ipv6, &["::1", "fe80::1:2"], &["10.0.0.1", "fe80:::1"]),
            (
                Format::Byte,
                &["", "aGk=", "aGVsbG8h", "+/8="],
                &["aGk", "aGk===", "a=Gk", "a-_b"],
            ),
        ];
        for (format, good, bad) in cases {
            for text in *good {
                assert!(format.admits(text), "{format:?} must admit {text:?}");
            }
            for text in *bad {
                assert!(!format.admits(text), "{format:?} must refuse {text:?}");
            }
        }
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
