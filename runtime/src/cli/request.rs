//! A command's arguments and `--json`, merged into the request the typed client method takes.

use std::fmt::Display;
use std::io::Read;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::command::JSON;
use super::json_text::{self, Numbers, PathText, Step};
use super::{ArgSpec, CliError, CommandSpec, JsonInput, Session, StdinField, Target, ValueKind};
use crate::WaitOptions;
use crate::serde_support::numbers::{self, WireNumber};
use crate::serde_support::trail::{self, As, MapOf, Reader};

/// The request of one command: path parameters, query parameters and body, as JSON until the generated
/// dispatch code reads them into the operation's types.
#[derive(Debug)]
pub struct Request {
    path: Vec<(&'static str, String)>,
    params: Map<String, Value>,
    body: Option<Value>,
    /// How to wait for a long-running operation; `None` for `--no-wait` or an operation without a wait.
    wait: Option<WaitOptions>,
    /// The numbers of `--json` as written, for messages; those of fields a flag replaced are left out.
    numbers: Numbers,
    /// A body field still to be read from standard input.
    from_stdin: Option<StdinField>,
    /// The `--<upload>` values given, by name.
    uploads: Vec<(&'static str, String)>,
    /// The account of `dbr account` commands, from the configuration.
    account_id: Option<String>,
}

impl Request {
    /// The path parameter `name`, parsed as the client method expects.
    pub fn path<T>(&self, name: &str) -> Result<T, CliError>
    where
        T: FromStr,
        T::Err: Display,
    {
        let (_, raw) = self
            .path
            .iter()
            .find(|(field, _)| *field == name)
            .ok_or_else(|| CliError::Usage(format!("missing the path parameter `{name}`")))?;
        raw.parse()
            .map_err(|error| CliError::Usage(format!("invalid value `{raw}` for `{name}`: {error}")))
    }

    /// The required query or header parameter `name`, which the client method takes as a plain argument.
    pub fn query<T: DeserializeOwned>(&self, name: &str) -> Result<T, CliError> {
        let value = self
            .params
            .get(name)
            .ok_or_else(|| CliError::Usage(format!("missing the parameter `{name}`")))?;
        // Decoded as the one entry of an object, so a refusal names the parameter.
        let single = Value::Object(Map::from_iter([(name.to_owned(), value.clone())]));
        let decoded = decode_with(&single, "parameters", &self.numbers, |text| {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let entries = <MapOf<As<T>> as Reader>::read(&mut deserializer)?;
            deserializer.end()?;
            Ok(entries)
        })?;
        decoded
            .into_values()
            .next()
            .ok_or_else(|| CliError::Usage(format!("missing the parameter `{name}`")))
    }

    /// [`query`](Self::query) for a number (or a list of them), read in the wire forms the models accept:
    /// an integer may come as a string of digits, a float as `"NaN"`.
    pub fn query_number<T: WireNumber>(&self, name: &str) -> Result<T, CliError> {
        self.query::<numbers::Read<T>>(name).map(|numbers::Read(number)| number)
    }

    /// The optional query and header parameters as the operation's parameter type. `arguments` are the
    /// required ones, which the method takes on their own (read with [`query`](Self::query)); the type has
    /// no field for them.
    pub fn params<T: DeserializeOwned>(&self, arguments: &[&str]) -> Result<T, CliError> {
        let mut params = self.params.clone();
        params.retain(|name, _| !arguments.contains(&name.as_str()));
        decode(&Value::Object(params), "parameters", &self.numbers)
    }

    /// For an operation whose query and header parameters are all `arguments`: refuses any other name, as
    /// a parameter type refuses an unknown field (a typo in --json is reported, not dropped).
    pub fn no_other_params(&self, arguments: &[&str]) -> Result<(), CliError> {
        match self.params.keys().find(|name| !arguments.contains(&name.as_str())) {
            None => Ok(()),
            Some(unknown) => {
                let expected: Vec<String> = arguments.iter().map(|name| format!("`{name}`")).collect();
                Err(CliError::Usage(format!(
                    "invalid parameters at `{unknown}`: unknown field `{unknown}`, expected {}",
                    expected.join(" or ")
                )))
            }
        }
    }

    /// How to wait for the operation to finish, unless the user said `--no-wait`.
    pub fn wait(&self) -> Option<&WaitOptions> {
        self.wait.as_ref()
    }

    pub(super) fn set_wait(&mut self, wait: Option<WaitOptions>) {
        self.wait = wait;
    }

    /// The account a `dbr account` command names, from its configuration.
    pub fn account_id(&self) -> Result<String, CliError> {
        self.account_id.clone().ok_or_else(|| {
            CliError::Usage("this command is an account command: run it as `account <service> <command>`".to_owned())
        })
    }

    pub(super) fn set_account_id(&mut self, account_id: String) {
        self.account_id = Some(account_id);
    }

    /// Reads the body field the command line left to standard input, if any.
    pub(super) fn read_stdin(&mut self, session: &mut Session<'_>) -> Result<(), CliError> {
        let Some(field) = self.from_stdin.take() else {
            return Ok(());
        };
        match self.body.get_or_insert_with(|| Value::Object(Map::new())) {
            Value::Object(body) => super::prompt::fill_from_stdin(&field, body, session),
            // `--json` was given, so nothing is read (see `build`).
            _ => Ok(()),
        }
    }

    /// The content given as `--<name>`: a file streamed as it is sent, standard input, or the text itself.
    pub fn upload(&self, name: &str) -> Result<crate::Upload, CliError> {
        self.optional_upload(name)?.ok_or_else(|| {
            CliError::Usage(format!(
                "missing `--{name}`: give @FILE, - for standard input, or the text"
            ))
        })
    }

    /// [`upload`](Self::upload) of a part that may be left out.
    pub fn optional_upload(&self, name: &str) -> Result<Option<crate::Upload>, CliError> {
        let Some((_, value)) = self.uploads.iter().find(|(given, _)| *given == name) else {
            return Ok(None);
        };
        if value == "-" {
            return Ok(Some(crate::Upload::reader(tokio::io::stdin())));
        }
        let Some(path) = value.strip_prefix('@') else {
            return Ok(Some(crate::Upload::bytes(value.clone())));
        };
        let file = std::fs::File::open(path)
            .map_err(|error| CliError::Failed(format!("cannot read {path} for `--{name}`: {error}")))?;
        let file_name = std::path::Path::new(path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let upload = crate::Upload::reader(tokio::fs::File::from_std(file));
        Ok(Some(match file_name {
            Some(file_name) => upload.file_name(file_name),
            None => upload,
        }))
    }

    /// The body as the operation's request type.
    pub fn body<T: DeserializeOwned>(&self) -> Result<T, CliError> {
        match &self.body {
            Some(body) => decode(body, "request body", &self.numbers),
            None => decode(&Value::Object(Map::new()), "request body", &self.numbers),
        }
    }
}

/// Reads `value` as `T`. The value is read back from its text by serde_json's `str` reader, the one response
/// bodies go through, so the CLI compiles no second copy of each type's reading code; the readers note where
/// an error came from ([`trail`]), which the message names.
fn decode<T: DeserializeOwned>(value: &Value, what: &str, numbers: &Numbers) -> Result<T, CliError> {
    decode_with(value, what, numbers, |text| serde_json::from_str(text))
}

fn decode_with<T>(
    value: &Value,
    what: &str,
    numbers: &Numbers,
    read: impl FnOnce(&str) -> Result<T, serde_json::Error>,
) -> Result<T, CliError> {
    let text = value.to_string();
    trail::traced(|| read(&text)).map_err(|(error, path)| {
        let message = without_position(&error);
        if let Some(refused) = refused_number(value, path.steps(), numbers, &message) {
            return CliError::Usage(format!("invalid {what}: {refused}"));
        }
        let at = if path.is_empty() {
            String::new()
        } else {
            format!(" at `{path}`")
        };
        CliError::Usage(format!("invalid {what}{at}: {message}"))
    })
}

/// serde_json's message without the position in the text it read, which is our own encoding of the value
/// rather than anything the user wrote.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(bare) if error.line() != 0 => bare.to_owned(),
        _ => message,
    }
}

/// "`num_workers` must be an integer from -2147483648 to 2147483647 (i32); got 100000000000000000000": a
/// number the field's type refused, shown as the user wrote it rather than as the double it was read into.
fn refused_number(value: &Value, path: &[Step], numbers: &Numbers, message: &str) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    let found = path.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.get(index),
    });
    let Some(Value::Number(number)) = found else {
        return None;
    };
    // serde's wording of a value the type refused: "invalid type: integer `5`, expected a string".
    if !(message.starts_with("invalid type: ") || message.starts_with("invalid value: ")) {
        return None;
    }
    let (_, expected) = message.split_once(", expected ")?;
    let written = numbers.at(path).map_or_else(|| number.to_string(), str::to_owned);
    Some(format!("`{}` must be {expected}; got {written}", PathText(path)))
}

pub(super) fn build(command: &CommandSpec, matches: &clap::ArgMatches) -> Result<Request, CliError> {
    let mut request = Request {
        path: Vec::new(),
        params: Map::new(),
        body: None,
        wait: None,
        numbers: Numbers::default(),
        from_stdin: None,
        uploads: Vec::new(),
        account_id: None,
    };
    for upload in command.uploads {
        if let Some(value) = matches.try_get_one::<String>(upload.name).ok().flatten() {
            request.uploads.push((upload.name, value.clone()));
        } else if upload.required {
            return Err(CliError::Usage(format!(
                "missing `--{}`: give @FILE, - for standard input, or the text",
                upload.name
            )));
        }
    }
    let json_given = matches.try_get_one::<String>(JSON).ok().flatten().is_some();
    if let Some(source) = matches.try_get_one::<String>(JSON).ok().flatten() {
        let JsonDocument { value, numbers } = read_json(source)?;
        request.numbers = numbers;
        match command.json {
            JsonInput::Body => request.body = Some(value),
            JsonInput::Params => match value {
                Value::Object(params) => request.params = params,
                other => {
                    return Err(CliError::Usage(format!(
                        "--json must be a JSON object of parameters, not {}",
                        kind(&other)
                    )));
                }
            },
            JsonInput::None => {}
        }
    }
    for arg in command.args {
        let Some(value) = value_of(arg, matches) else {
            continue;
        };
        request.numbers.forget(arg.field);
        match arg.target {
            Target::Path => {
                let text = text_of(&value);
                // In a URL `.` and `..` move up the path (even percent-encoded), so the request would go
                // to another endpoint; the client refuses them too, but only once the command runs.
                if text == "." || text == ".." {
                    return Err(CliError::Usage(format!(
                        "{} cannot be `{text}`: as a path segment it would change the endpoint the request \
                         goes to",
                        arg_name(arg)
                    )));
                }
                request.path.push((arg.field, text));
            }
            Target::Query | Target::Header | Target::Cookie => {
                request.params.insert(arg.field.to_owned(), value);
            }
            Target::Body => match request.body.get_or_insert_with(|| Value::Object(Map::new())) {
                Value::Object(body) => {
                    body.insert(arg.field.to_owned(), value);
                }
                other => {
                    return Err(CliError::Usage(format!(
                        "--json is {}, so `{}` cannot be added to it",
                        kind(other),
                        arg.name
                    )));
                }
            },
        }
    }
    for arg in command.args.iter().filter(|arg| arg.required) {
        let present = match arg.target {
            Target::Path => request.path.iter().any(|(field, _)| *field == arg.field),
            Target::Query | Target::Header | Target::Cookie => request.params.contains_key(arg.field),
            Target::Body => request.body.as_ref().is_some_and(|body| body.get(arg.field).is_some()),
        };
        if !present {
            let how = arg_name(arg);
            let json = if command.json == JsonInput::None || arg.target == Target::Path {
                String::new()
            } else {
                format!(" or as `{}` in --json", arg.field)
            };
            return Err(CliError::Usage(format!("missing {how}: give it as an argument{json}")));
        }
    }
    if let Some(field) = command.stdin {
        let given: Vec<&str> = std::iter::once(field.field)
            .chain(field.unless.iter().copied())
            .filter(|name| request.body.as_ref().is_some_and(|body| body.get(name).is_some()))
            .collect();
        if given.len() > 1 {
            let names: Vec<String> = given.iter().map(|name| flag_or_field(command, name)).collect();
            return Err(CliError::Usage(format!("give only one of {}", names.join(" and "))));
        }
        if given.is_empty() && !json_given {
            request.from_stdin = Some(field);
        }
    }
    Ok(request)
}

/// How the user gives the request field `name`: its flag, or the field of `--json`.
fn flag_or_field(command: &CommandSpec, name: &str) -> String {
    command
        .args
        .iter()
        .find(|arg| arg.field == name)
        .map_or_else(|| format!("`{name}`"), arg_name)
}

/// `NAME` for a positional argument, `--name` for a flag, as the user types it.
fn arg_name(arg: &ArgSpec) -> String {
    if arg.positional {
        format!("`{}`", arg.name)
    } else {
        format!("`--{}`", arg.name)
    }
}

/// The argument's value as JSON, if it was given: a list of every occurrence for a repeated argument.
fn value_of(arg: &ArgSpec, matches: &clap::ArgMatches) -> Option<Value> {
    fn all<T: Clone + Send + Sync + 'static>(
        matches: &clap::ArgMatches,
        name: &str,
        json: impl Fn(&T) -> Value,
    ) -> Option<Vec<Value>> {
        Some(matches.get_many::<T>(name)?.map(json).collect())
    }
    let values = match arg.value {
        ValueKind::String | ValueKind::Enum(_) => all(matches, arg.name, |text: &String| Value::String(text.clone())),
        ValueKind::Integer => all(matches, arg.name, |number: &i64| Value::from(*number)),
        ValueKind::Number => all(matches, arg.name, |number: &f64| number_json(*number)),
        ValueKind::Boolean => all(matches, arg.name, |flag: &bool| Value::Bool(*flag)),
    }?;
    if arg.repeated {
        Some(Value::Array(values))
    } else {
        values.into_iter().next()
    }
}

/// A number as the API reads it: JSON has no NaN or infinity, so those become the protobuf strings that
/// the models' number fields accept (`--value NaN` logs a NaN metric).
fn number_json(number: f64) -> Value {
    crate::serde_support::numbers::serialize(&number, serde_json::value::Serializer)
        .expect("a number or a string always converts to a JSON value")
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A `--json` document.
pub(super) struct JsonDocument {
    pub(super) value: Value,
    /// Its numbers as written.
    pub(super) numbers: Numbers,
}

/// `--json` takes inline JSON, `@path` for a file, or `-` for standard input. A key given twice in one
/// object is an error, as the Value would silently keep only the last.
pub(super) fn read_json(source: &str) -> Result<JsonDocument, CliError> {
    let (text, origin) = if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|error| CliError::Usage(format!("cannot read --json from standard input: {error}")))?;
        (text, "standard input".to_owned())
    } else if let Some(path) = source.strip_prefix('@') {
        let text = std::fs::read_to_string(path)
            .map_err(|error| CliError::Usage(format!("cannot read --json file `{path}`: {error}")))?;
        (text, format!("`{path}`"))
    } else {
        (source.to_owned(), "--json".to_owned())
    };
    // serde_json's message already says "at line L column C".
    let value =
        serde_json::from_str(&text).map_err(|error| CliError::Usage(format!("invalid JSON in {origin}: {error}")))?;
    let numbers = json_text::scan(&text).map_err(|problem| CliError::Usage(format!("invalid {origin}: {problem}")))?;
    Ok(JsonDocument { value, numbers })
}

/// The value of a hand-written command's `--json`, read as the generated commands read theirs (inline,
/// `@FILE`, or `-` for standard input), so an extension taking over a generated command keeps its `--json`.
pub fn json_argument(source: &str) -> Result<Value, CliError> {
    read_json(source).map(|document| document.value)
}

pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde::de::{Deserialize, Deserializer, MapAccess};

    use super::*;
    use crate::serde_support::object::{self, FromObject};

    /// `Deserialize` through the runtime's object helpers, as the generator writes it (which is what notes
    /// the path of an error): one arm per wire name, and any other key refused.
    macro_rules! read_as_generated {
        ($type:ident { $($wire:literal => $field:ident by $read:expr),* $(,)? }) => {
            impl<'de> Deserialize<'de> for $type {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    object::read_object(deserializer)
                }
            }

            impl FromObject for $type {
                const EXPECTING: &'static str = concat!("an object (", stringify!($type), ")");

                fn from_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                    let mut value = Self::default();
                    while let Some(key) = map.next_key::<object::Text>()? {
                        let read = match key.as_str() {
                            $($wire => $read(&mut map, &mut value.$field),)*
                            _ => object::refuse(&key, &[$($wire),*]),
                        };
                        object::at_key(read, key)?;
                    }
                    Ok(value)
                }
            }
        };
    }

    #[derive(Debug, Default)]
    #[allow(dead_code)]
    struct Resize {
        name: Option<String>,
        workers: Option<Vec<i32>>,
        nodes: Option<Vec<Node>>,
    }

    read_as_generated!(Resize {
        "name" => name by object::read_into,
        "workers" => workers by object::read_number_into,
        "nodes" => nodes by |map: &mut A, slot| object::read_with(map, slot, object::opt(object::list_of(object::plain()))),
    });

    #[derive(Debug, Default)]
    #[allow(dead_code)]
    struct Node {
        size: Option<i32>,
    }

    read_as_generated!(Node { "size" => size by object::read_number_into });

    fn refusal(text: &str) -> String {
        let value: Value = serde_json::from_str(text).unwrap();
        let numbers = json_text::scan(text).unwrap();
        decode::<Resize>(&value, "request body", &numbers)
            .unwrap_err()
            .to_string()
    }

    /// A request whose query and header parameters are the `--json` object `text`.
    fn with_params(text: &str) -> Request {
        let Value::Object(params) = serde_json::from_str(text).unwrap() else {
            panic!("parameters are an object");
        };
        Request {
            path: Vec::new(),
            params,
            body: None,
            wait: None,
            numbers: json_text::scan(text).unwrap(),
            from_stdin: None,
            uploads: Vec::new(),
            account_id: None,
        }
    }

    #[derive(Debug, Default, PartialEq)]
    struct ReadParams {
        offset: Option<i64>,
    }

    read_as_generated!(ReadParams { "offset" => offset by object::read_number_into });

    #[test]
    fn a_required_parameter_is_read_alone_and_the_rest_into_the_parameter_type() {
        let request = with_params(r#"{"path": "/tmp/a", "offset": 5, "run_id": "123"}"#);
        assert_eq!(request.query::<String>("path").unwrap(), "/tmp/a");
        assert_eq!(request.query_number::<i64>("run_id").unwrap(), 123);
        assert_eq!(
            request.params::<ReadParams>(&["path", "run_id"]).unwrap(),
            ReadParams { offset: Some(5) }
        );
        assert_eq!(
            request.params::<ReadParams>(&["path"]).unwrap_err().to_string(),
            "invalid parameters at `run_id`: unknown field `run_id`, expected `offset`"
        );
    }

    #[test]
    fn a_required_parameter_refused_or_missing_is_named() {
        let request = with_params(r#"{"cluster_id": 5.0, "job_id": 1e30}"#);
        assert_eq!(
            request.query::<String>("cluster_id").unwrap_err().to_string(),
            "invalid parameters: `cluster_id` must be a string; got 5.0"
        );
        assert_eq!(
            request.query_number::<i64>("job_id").unwrap_err().to_string(),
            "invalid parameters: `job_id` must be an integer from -9223372036854775808 to 9223372036854775807 \
             (i64); got 1e30"
        );
        assert_eq!(
            request.query::<String>("policy_id").unwrap_err().to_string(),
            "missing the parameter `policy_id`"
        );
    }

    #[test]
    fn with_every_parameter_an_argument_any_other_is_refused() {
        let request = with_params(r#"{"cluster_id": "0115", "clusterid": "0115"}"#);
        assert!(request.no_other_params(&["cluster_id", "clusterid"]).is_ok());
        assert_eq!(
            request.no_other_params(&["cluster_id"]).unwrap_err().to_string(),
            "invalid parameters at `clusterid`: unknown field `clusterid`, expected `cluster_id`"
        );
    }

    #[test]
    fn a_refused_number_is_shown_as_written_with_what_the_field_takes() {
        assert_eq!(
            refusal(r#"{"workers": [1, 100000000000000000000]}"#),
            "invalid request body: `workers[1]` must be an integer from -2147483648 to 2147483647 (i32); got \
             100000000000000000000"
        );
        assert_eq!(
            refusal(r#"{"name": 1.50}"#),
            "invalid request body: `name` must be a string; got 1.50"
        );
        assert_eq!(
            refusal(r#"{"nodes": [{"size": 2}, {"size": 1e10}]}"#),
            "invalid request body: `nodes[1].size` must be an integer from -2147483648 to 2147483647 (i32); got 1e10"
        );
    }

    #[test]
    fn other_refusals_keep_serdes_message() {
        assert_eq!(
            refusal(r#"{"nmae": 5}"#),
            "invalid request body at `nmae`: unknown field `nmae`, expected one of `name`, `workers`, `nodes`"
        );
        assert_eq!(
            refusal(r#"{"name": [5]}"#),
            "invalid request body at `name`: invalid type: sequence, expected a string"
        );
        assert_eq!(
            refusal(r#"{"nodes": [{}, {"size": 1, "sise": 2}]}"#),
            "invalid request body at `nodes[1].sise`: unknown field `sise`, expected `size`"
        );
        assert_eq!(
            refusal("[]"),
            "invalid request body: invalid type: sequence, expected an object (Resize)"
        );
    }
}
