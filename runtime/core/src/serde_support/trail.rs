//! Where in a document a reading error happened: `tasks[0].timeout_seconds`.
//!
//! The readers of the generated models, and the list and map readers of this module, note the key or index
//! they were reading when an error passes back through them, innermost first. [`traced`] collects those
//! notes for one decode. Wrapping the deserializer instead (as `serde_path_to_error` does) compiles a second
//! copy of every type's reading code; these notes cost a few instructions on the error path and nothing else.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::object::Text;

/// One step into a document: an object's key or a list's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The steps from the top of a document to a value, written `tasks[0].timeout_seconds` (empty for the top).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(Vec<Step>);

impl Path {
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        PathText(&self.0).fmt(f)
    }
}

/// Steps written as a path: `tasks[0].timeout_seconds`.
pub struct PathText<'a>(pub &'a [Step]);

impl fmt::Display for PathText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if position == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

thread_local! {
    /// The steps noted so far, innermost first; `None` outside [`traced`], where notes are not kept.
    static TRAIL: RefCell<Option<Vec<Step>>> = const { RefCell::new(None) };
}

/// Runs `read` (one synchronous decode) and, when it fails, gives the path of the value the error came from.
pub fn traced<T, E>(read: impl FnOnce() -> Result<T, E>) -> Result<T, (E, Path)> {
    let outer = TRAIL.with(|trail| trail.replace(Some(Vec::new())));
    let result = read();
    let noted = TRAIL.with(|trail| trail.replace(outer)).unwrap_or_default();
    result.map_err(|error| {
        let mut steps = noted;
        steps.reverse();
        (error, Path(steps))
    })
}

/// Why a JSON text did not read: serde_json's error, and the path of the value it came from.
#[derive(Debug)]
pub struct Failure {
    pub error: serde_json::Error,
    pub path: Path,
}

impl Failure {
    /// A failure of the whole text rather than of a value in it.
    pub fn of_text(error: serde_json::Error) -> Box<Failure> {
        Box::new(Failure {
            error,
            path: Path::default(),
        })
    }
}

/// A JSON read. The failure is boxed so that the result has the layout of serde_json's own, and a large
/// value is not copied from one to the other.
pub type JsonRead<T> = Result<T, Box<Failure>>;

/// Reads `text` as `T`, with the path of the value an error came from. Typed bodies are read through this
/// one function (serde_json's `str` reader), so each type's reading code is compiled once.
#[inline]
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> JsonRead<T> {
    serde_json::from_str(text).map_err(|error| failure::<T>(text, error))
}

/// [`from_str`] for a text that only has to read as `T`: the value is dropped where it was read.
#[inline]
pub fn check<T: de::DeserializeOwned>(text: &str) -> Result<(), Box<Failure>> {
    from_str::<T>(text).map(drop)
}

/// Where `text` fails to read as `T`. Failures are rare, so the text is read again with the notes kept, and
/// a read that succeeds pays nothing for them. The same text fails the same way.
#[cold]
#[inline(never)]
fn failure<T: de::DeserializeOwned>(text: &str, error: serde_json::Error) -> Box<Failure> {
    let path = match traced(|| serde_json::from_str::<T>(text).map(drop)) {
        Err((_, path)) => path,
        Ok(()) => Path::default(),
    };
    Box::new(Failure { error, path })
}

/// Notes that the error passing back was met at `step`.
pub fn note(step: impl FnOnce() -> Step) {
    TRAIL.with(|trail| {
        if let Some(steps) = trail.borrow_mut().as_mut() {
            steps.push(step());
        }
    });
}

/// Drops the notes of an error that was handled (an alternative of a union that did not fit), so that
/// they are not taken for the start of the next error's path.
pub fn forget() {
    TRAIL.with(|trail| {
        if let Some(steps) = trail.borrow_mut().as_mut() {
            steps.clear();
        }
    });
}

/// The result of reading the value of `key`, with the key noted if it failed.
#[inline]
pub fn at_key<E>(read: Result<(), E>, key: Text<'_>) -> Result<(), E> {
    if read.is_err() {
        note(|| Step::Key(key.into_owned()));
    }
    read
}

/// How a field holding lists or maps is read: the generated reader names the shape (`opt(list_of(plain()))`
/// for `Option<Vec<Task>>`), so that each list notes its index and each map its key.
pub trait Reader<'de> {
    type Value;

    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error>;
}

/// A value read as its type reads it.
pub struct As<T>(PhantomData<T>);

/// `null` (or absent) as `None`.
pub struct Opt<R>(PhantomData<R>);

/// A list whose items are read by `R`.
pub struct ListOf<R>(PhantomData<R>);

/// An object used as a map from string keys, whose values are read by `R`.
pub struct MapOf<R>(PhantomData<R>);

// The readers as values, so that generated code can name a shape without its item types, which the compiler
// takes from the field: `read_with(&mut map, &mut value.tasks, opt(list_of(plain())))`.

pub fn plain<T>() -> As<T> {
    As(PhantomData)
}

pub fn opt<R>(_: R) -> Opt<R> {
    Opt(PhantomData)
}

pub fn list_of<R>(_: R) -> ListOf<R> {
    ListOf(PhantomData)
}

pub fn map_of<R>(_: R) -> MapOf<R> {
    MapOf(PhantomData)
}

impl<'de, T: de::Deserialize<'de>> Reader<'de> for As<T> {
    type Value = T;

    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// `R` as a `DeserializeSeed`, for the items of lists and maps.
pub struct Seed<R>(PhantomData<R>);

impl<R> Seed<R> {
    pub fn new() -> Self {
        Seed(PhantomData)
    }
}

impl<R> Default for Seed<R> {
    fn default() -> Self {
        Seed::new()
    }
}

impl<'de, R: Reader<'de>> de::DeserializeSeed<'de> for Seed<R> {
    type Value = R::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<R::Value, D::Error> {
        R::read(deserializer)
    }
}

impl<'de, R: Reader<'de>> Reader<'de> for Opt<R> {
    type Value = Option<R::Value>;

    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error> {
        struct OptVisitor<R>(PhantomData<R>);

        impl<'de, R: Reader<'de>> Visitor<'de> for OptVisitor<R> {
            type Value = Option<R::Value>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a value or null")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                R::read(deserializer).map(Some)
            }
        }

        deserializer.deserialize_option(OptVisitor(PhantomData::<R>))
    }
}

impl<'de, R: Reader<'de>> Reader<'de> for ListOf<R> {
    type Value = Vec<R::Value>;

    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData::<R>))
    }
}

struct ListVisitor<R>(PhantomData<R>);

impl<'de, R: Reader<'de>> Visitor<'de> for ListVisitor<R> {
    type Value = Vec<R::Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list")
    }

    /// Every item, read by `R`; an error notes the index of the item it came from.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // A length hint comes from the input, so it is trusted only so far.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            match seq.next_element_seed(Seed::<R>::new()) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(items),
                Err(error) => {
                    note(|| Step::Index(items.len()));
                    return Err(error);
                }
            }
        }
    }
}

impl<'de, R: Reader<'de>> Reader<'de> for MapOf<R> {
    type Value = std::collections::BTreeMap<String, R::Value>;

    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData::<R>))
    }
}

struct MapVisitor<R>(PhantomData<R>);

impl<'de, R: Reader<'de>> Visitor<'de> for MapVisitor<R> {
    type Value = std::collections::BTreeMap<String, R::Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object")
    }

    /// Every entry, its value read by `R`; a repeated key keeps its last value, and an error notes the key of
    /// the value it came from.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = std::collections::BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match map.next_value_seed(Seed::<R>::new()) {
                Ok(value) => {
                    entries.insert(key, value);
                }
                Err(error) => {
                    note(|| Step::Key(key));
                    return Err(error);
                }
            }
        }
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<R: for<'de> Reader<'de>>(text: &str) -> Result<String, String> {
        let result = traced(|| {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            R::read(&mut deserializer).map(|_| ())
        });
        match result {
            Ok(()) => Ok(String::new()),
            Err((_, path)) => Err(path.to_string()),
        }
    }

    #[test]
    fn lists_note_their_index_and_maps_their_key() {
        assert_eq!(read::<ListOf<As<String>>>(r#"["a", "b", 3]"#), Err("[2]".to_owned()));
        assert_eq!(
            read::<MapOf<ListOf<As<bool>>>>(r#"{"a": [true], "b": [false, 1]}"#),
            Err("b[1]".to_owned())
        );
        assert_eq!(
            read::<Opt<ListOf<ListOf<As<u8>>>>>("[[1], [2, 300]]"),
            Err("[1][1]".to_owned())
        );
        assert_eq!(read::<Opt<ListOf<As<u8>>>>("null"), Ok(String::new()));
        // An error at the top has an empty path.
        assert_eq!(read::<ListOf<As<u8>>>(r#"{"a": 1}"#), Err(String::new()));
    }

    #[test]
    fn a_failed_read_gives_its_error_and_a_good_one_its_value() {
        type Nested = std::collections::BTreeMap<String, Vec<u8>>;
        // Plain serde types note nothing; the path comes from the readers of generated code.
        let failure = from_str::<Nested>(r#"{"a": [1, 300]}"#).unwrap_err();
        assert!(
            failure.error.to_string().contains("invalid value: integer `300`"),
            "{}",
            failure.error
        );
        assert!(failure.path.is_empty());
        assert!(check::<Nested>(r#"{"a": [1, 2]}"#).is_ok());
        assert_eq!(from_str::<Nested>(r#"{"a": [7]}"#).unwrap()["a"], [7]);
    }

    #[test]
    fn notes_are_kept_only_while_traced_and_a_handled_error_is_forgotten() {
        note(|| Step::Key("outside".to_owned()));
        let (_, path) = traced(|| {
            note(|| Step::Key("tried".to_owned()));
            forget();
            note(|| Step::Index(4));
            note(|| Step::Key("items".to_owned()));
            Err::<(), _>(())
        })
        .unwrap_err();
        assert_eq!(path.to_string(), "items[4]");
        assert_eq!(path.steps(), [Step::Key("items".to_owned()), Step::Index(4)]);
    }

    #[test]
    fn a_trace_inside_another_leaves_the_outer_one_whole() {
        let (_, path) = traced(|| {
            note(|| Step::Key("inner".to_owned()));
            let nested = traced(|| Err::<(), _>(()));
            assert!(nested.unwrap_err().1.is_empty());
            note(|| Step::Key("outer".to_owned()));
            Err::<(), _>(())
        })
        .unwrap_err();
        assert_eq!(path.to_string(), "outer.inner");
    }
}
