//! Building blocks of the `dbr` command line.
//!
//! The generated CLI crate is a table ([`App`]: services, commands, arguments) and, per service, a dispatch
//! function that calls the typed client. Everything else — the clap command tree, reading `--json`, merging
//! flags into the request, waiting, printing results in the chosen format, exit codes — is here, once.
//! Hand-written commands (`api`, `configure`, `auth describe`, and `fs` from `databricks-transfer`) plug in
//! as [`Extension`]s.
//!
//! Exit codes: 0 success; 1 the API answered with an error; 2 usage error (bad arguments or `--json`);
//! 3 configuration or authentication error (no host or credentials, or credentials the identity provider
//! refused); 4 the request failed (network, TLS, unexpected response, a
//! wait that failed or timed out, a local file that could not be read or written); 130 interrupted (Ctrl-C or
//! SIGTERM) after cleaning up.

mod builtin;
mod command;
mod debug;
mod jq;
mod json_text;
mod official;
mod output;
mod prompt;
mod raw_json;
mod request;
mod session;
mod waiting;

use std::ffi::OsString;
use std::future::Future;
use std::io::{IsTerminal, Write};
use std::pin::Pin;
use std::process::ExitCode;

use futures_core::Stream;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;

pub use clap;
pub use command::{LIMIT, limit_arg};
pub use output::Format;
pub use request::{Request, json_argument};
pub use session::Session;
pub use waiting::parse_duration;

/// How `dbr` shows a time given in milliseconds since 1970 (`2024-01-15 09:29`, UTC).
pub use crate::civil::utc_minute;

use crate::{Client, Error, Items};

/// A future returned by the generated dispatch function.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Calls the client method of the operation with the given id (one function per service).
pub type Dispatch = fn(Client, &'static str, Request) -> BoxFuture<Result<Output, CliError>>;

/// The items of a list as the server wrote them, read as they are printed.
pub type ItemStream = Pin<Box<dyn Stream<Item = Result<Box<RawValue>, Error>>>>;

pub const EXIT_API: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_CONFIG: u8 = 3;
pub const EXIT_REQUEST: u8 = 4;
/// 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C.
pub const EXIT_INTERRUPTED: u8 = 130;

/// The whole command line: generated from the spec.
pub struct App {
    pub binary: &'static str,
    pub about: &'static str,
    pub version: &'static str,
    pub services: &'static [ServiceSpec],
}

/// `dbr <service>`.
pub struct ServiceSpec {
    pub name: &'static str,
    pub about: &'static str,
    /// The heading `dbr --help` lists the service under (`x-sdk-group`); empty: "Other commands".
    pub group: &'static str,
    /// An account-level service: listed under `account`, run with an account client.
    pub account: bool,
    pub commands: &'static [CommandSpec],
    /// Runs this service's operations. One function per service, so a CLI built with only some services
    /// (Cargo features) compiles only their code.
    pub dispatch: Dispatch,
}

/// `dbr <service> <command>`: one operation.
pub struct CommandSpec {
    pub name: &'static str,
    /// The operationId the dispatch function matches on.
    pub operation: &'static str,
    pub about: &'static str,
    pub long_about: &'static str,
    /// What `--json` provides, if the command takes it.
    pub json: JsonInput,
    pub args: &'static [ArgSpec],
    /// A list operation: the command prints every item of every page and takes `--limit`.
    pub list: bool,
    /// `-o table` and `-o text` columns of a list (paths into each item, dots for nesting), also used for
    /// the list inside a one-page response; empty: chosen from the first items.
    pub columns: &'static [&'static str],
    /// A long-running operation: the command waits for it and takes `--no-wait` and `--timeout`.
    pub waits: bool,
    /// A body field read from standard input when the command line does not give it (`x-sdk-cli.stdin`).
    pub stdin: Option<StdinField>,
    /// Content sent as it is, each given as `--<name> @FILE` (streamed from the file), `-` (standard
    /// input) or literal text: `body` for a body of raw bytes or text, the file parts of a multipart upload.
    pub uploads: &'static [Upload],
}

/// A `--<name> @FILE|-|TEXT` argument of a command: content sent as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Upload {
    pub name: &'static str,
    pub required: bool,
    pub help: &'static str,
}

/// A body field that, when neither `--json`, its flag nor one of its alternatives is given, is read from
/// standard input: a line typed without echo on a terminal, or every byte piped in. For values such as
/// secrets, which as command-line arguments would show in `ps` and shell history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StdinField {
    /// Field name on the wire.
    pub field: &'static str,
    /// Fields that, when given, take its place (`string_value` for `bytes_value`); giving two is an error.
    pub unless: &'static [&'static str],
    /// A bytes field (`format: byte`): what is read is sent base64-encoded; otherwise it must be UTF-8 text.
    pub base64: bool,
    /// What the terminal prompt asks for.
    pub prompt: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonInput {
    /// No `--json`: the operation has no body and no query parameters.
    None,
    /// `--json` is the request body.
    Body,
    /// `--json` is an object of query parameters (for operations without a body).
    Params,
}

/// One request field offered as a positional argument or a flag.
pub struct ArgSpec {
    /// Field name on the wire.
    pub field: &'static str,
    /// Flag name without dashes, or the positional value name.
    pub name: &'static str,
    pub target: Target,
    pub positional: bool,
    /// For a repeated argument, the kind of each value.
    pub value: ValueKind,
    /// A list field: the flag may be given several times, each value one item.
    pub repeated: bool,
    pub required: bool,
    pub help: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Path,
    Query,
    Header,
    Cookie,
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    String,
    Integer,
    Number,
    Boolean,
    Enum(&'static [&'static str]),
}

/// What a command produced; printed in the format the user chose.
pub enum Output {
    /// One JSON document.
    Value(Value),
    /// One JSON document as the server wrote it: `-o json` prints its text laid out on lines, with key order,
    /// numbers and escapes unchanged.
    Raw(Box<RawValue>),
    /// The items of a list, printed as they arrive (and capped by `--limit`).
    Items {
        items: ItemStream,
        /// `-o table` columns; empty: chosen from the first items.
        columns: &'static [&'static str],
    },
    /// Bytes written to standard output as they arrive, whatever the format.
    Bytes(crate::ByteStream),
    /// Text written to standard output as it is.
    Text(String),
    /// The command printed its own output (for example `fs cat`).
    Done,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Output::Value(value) => f.debug_tuple("Value").field(value).finish(),
            Output::Raw(raw) => f.debug_tuple("Raw").field(raw).finish(),
            Output::Items { columns, .. } => f.debug_struct("Items").field("columns", columns).finish(),
            Output::Bytes(_) => f.write_str("Bytes"),
            Output::Text(text) => f.debug_tuple("Text").field(text).finish(),
            Output::Done => f.write_str("Done"),
        }
    }
}

/// Hand-written commands added to the generated tree.
pub trait Extension: Sync {
    /// Adds this extension's commands: new top-level commands, or subcommands of a service group the
    /// spec already has (see [`add_to_group`]).
    fn register(&self, root: clap::Command) -> clap::Command;

    /// Runs the command at `path` (for example `["fs", "cp"]`) with its own `matches`, if it is one of
    /// this extension's; `None` leaves it to the next extension or the generated commands.
    fn run(
        &self,
        path: &[&str],
        matches: &clap::ArgMatches,
        session: &mut Session<'_>,
    ) -> Option<Result<Output, CliError>>;

    /// The headings `dbr --help` lists this extension's top-level commands under: (command, heading).
    fn groups(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
}

/// Adds `command` under the group `group` (`dbr <group> <command>`), creating the group if the spec has
/// none (a CLI built without that service).
pub fn add_to_group(
    root: clap::Command,
    group: &'static str,
    about: &'static str,
    command: clap::Command,
) -> clap::Command {
    if root.find_subcommand(group).is_some() {
        root.mut_subcommand(group, |existing| existing.subcommand(command))
    } else {
        root.subcommand(
            clap::Command::new(group)
                .about(about)
                .subcommand_required(true)
                .arg_required_else_help(true)
                .subcommand(command),
        )
    }
}

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// The command line or `--json` was wrong.
    Usage(String),
    /// The SDK call failed.
    Sdk(Error),
    /// The API reported a failure inside a successful answer (a SQL statement that ended `FAILED`): exit code
    /// 1, as for an error answer.
    Reported(String),
    /// Something else failed after the command started: a local file, a partial transfer.
    Failed(String),
    /// Standard output was closed by its reader (`dbr jobs list | head`): the output ends there, and the
    /// command counts as a success.
    OutputClosed,
    /// The command stopped early on Ctrl-C or SIGTERM after cleaning up; the message says what was done.
    Interrupted(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => EXIT_USAGE,
            CliError::Sdk(Error::Api(_)) | CliError::Reported(_) => EXIT_API,
            // Credentials refused or not obtainable (a token endpoint's refusal, `az` not logged in) are fixed
            // by configuring, as missing ones are.
            CliError::Sdk(Error::Config(_) | Error::Auth(_)) => EXIT_CONFIG,
            CliError::Sdk(_) | CliError::Failed(_) => EXIT_REQUEST,
            CliError::OutputClosed => 0,
            CliError::Interrupted(_) => EXIT_INTERRUPTED,
        }
    }

    /// A failed write to standard output; a closed pipe is [`CliError::OutputClosed`].
    pub fn writing(error: std::io::Error) -> CliError {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::OutputClosed
        } else {
            CliError::Failed(format!("cannot write to standard output: {error}"))
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(message)
            | CliError::Failed(message)
            | CliError::Reported(message)
            | CliError::Interrupted(message) => f.write_str(message),
            CliError::Sdk(error) => error.fmt(f),
            CliError::OutputClosed => f.write_str("standard output was closed"),
        }
    }
}

impl From<Error> for CliError {
    fn from(error: Error) -> Self {
        CliError::Sdk(error)
    }
}

/// Turns a client call's result into the JSON printed on stdout. The command runs with a client that keeps
/// the answer's text, so once the typed result shows the answer is sound, that text is what gets printed.
pub fn respond<T: Serialize>(result: Result<T, Error>) -> Result<Output, CliError> {
    let value = result?;
    serde_json::to_value(value)
        .map(Output::Value)
        .map_err(|error| CliError::Failed(format!("cannot print the response: {error}")))
}

/// A response of raw bytes, written to standard output as it streams in.
pub fn respond_bytes(result: Result<crate::ByteStream, Error>) -> Result<Output, CliError> {
    Ok(Output::Bytes(result?))
}

/// A text response (or a redirect's `Location`), written to standard output as it is.
pub fn respond_text(result: Result<String, Error>) -> Result<Output, CliError> {
    Ok(Output::Text(result?))
}

/// Turns a list's item stream into output printed item by item, each as the server wrote it once it has
/// been checked to read as `T`.
pub fn respond_items<T: DeserializeOwned + 'static>(items: Items<T>) -> Result<Output, CliError> {
    Ok(Output::Items {
        items: Box::pin(items.into_raw()),
        columns: &[],
    })
}

/// The entry point of the generated `main`: runs the process's command line.
pub fn main(app: &App, extensions: &[&dyn Extension]) -> ExitCode {
    // A shell asking for completion candidates gets them and nothing else.
    clap_complete::CompleteEnv::with_factory(|| command_tree(app, extensions))
        .var(COMPLETE_VARIABLE)
        .complete();
    let stdout = std::io::stdout();
    let options = RunOptions {
        stdout_is_terminal: stdout.is_terminal(),
        output_format: std::env::var(session::OUTPUT_FORMAT_VARIABLE).ok(),
    };
    // Standard error is not held locked: spinners and progress bars draw on it from their own thread.
    let mut stderr = std::io::stderr();
    let code = run_with(
        app,
        extensions,
        std::env::args_os(),
        &options,
        &mut stdout.lock(),
        &mut stderr,
    );
    ExitCode::from(code)
}

/// What [`run_with`] cannot tell from the writers it is given: where the process's output goes.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Standard output is a terminal: without `-o`, results print as tables and readable fields, not JSON.
    pub stdout_is_terminal: bool,
    /// `DATABRICKS_OUTPUT_FORMAT` (the official CLI's variable): the format when `-o` is not given.
    pub output_format: Option<String>,
}

/// The commands every CLI has besides the spec's, followed by `extensions`.
fn all_extensions<'a>(extensions: &[&'a dyn Extension]) -> Vec<&'a dyn Extension> {
    let mut all: Vec<&dyn Extension> = vec![&builtin::BUILTIN];
    all.extend_from_slice(extensions);
    all
}

/// The full command tree: the spec's commands and every extension's, listed by group in `--help`.
pub fn command_tree(app: &App, extensions: &[&dyn Extension]) -> clap::Command {
    let extensions = all_extensions(extensions);
    let root = extensions
        .iter()
        .fold(command::build(app), |root, extension| extension.register(root))
        .subcommand(command::version(app.binary));
    let mut groups: Vec<(&str, &str)> = app
        .services
        .iter()
        .filter(|service| !service.group.is_empty() && !service.account)
        .map(|service| (service.name, service.group))
        .collect();
    if app.services.iter().any(|service| service.account) {
        groups.push((command::ACCOUNT, command::ACCOUNT_HEADING));
    }
    groups.extend(
        extensions
            .iter()
            .flat_map(|extension| extension.groups().iter().copied()),
    );
    groups.push((command::COMPLETION, command::TOOLS));
    groups.push((command::VERSION, command::TOOLS));
    command::list_by_group(root, &groups)
}

/// Runs one command line, writing results to `stdout` and messages to `stderr`; returns the exit code.
/// Without `-o`, results are JSON, as for a pipe.
pub fn run(
    app: &App,
    extensions: &[&dyn Extension],
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    run_with(app, extensions, args, &RunOptions::default(), stdout, stderr)
}

/// [`run`], told whether `stdout` is a terminal and what `DATABRICKS_OUTPUT_FORMAT` says.
pub fn run_with(
    app: &App,
    extensions: &[&dyn Extension],
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    options: &RunOptions,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut tree = command_tree(app, extensions);
    let extensions = all_extensions(extensions);
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let matches = match tree.try_get_matches_from_mut(&args) {
        Ok(matches) => matches,
        Err(error) => {
            if error.kind() == clap::error::ErrorKind::InvalidSubcommand
                && let Some(message) = official::unavailable(app.binary, &tree, &args)
            {
                let _ = writeln!(stderr, "Error: {message}");
                return EXIT_USAGE;
            }
            // --help and --version are "errors" that go to stdout with exit code 0.
            let text = error.render().to_string();
            let _ = if error.use_stderr() {
                stderr.write_all(text.as_bytes())
            } else {
                stdout.write_all(text.as_bytes())
            };
            return u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE);
        }
    };
    if let Some((command::COMPLETION, completion)) = matches.subcommand() {
        return print_completion(app, completion, stdout);
    }
    let mut session = match Session::new(&matches, options, stdout, stderr) {
        Ok(session) => session,
        Err(error) => {
            let _ = writeln!(stderr, "Error: {error}");
            return error.exit_code();
        }
    };
    let result = if matches.get_flag(command::DEBUG) {
        tracing::subscriber::with_default(debug::StderrEvents, || {
            execute(app, &extensions, &matches, &mut session)
        })
    } else {
        execute(app, &extensions, &matches, &mut session)
    };
    match result {
        Ok(()) | Err(CliError::OutputClosed) => 0,
        Err(error) => {
            let _ = writeln!(session.stderr(), "Error: {error}");
            if let Some(hint) = builtin::config_hint(&error, app.binary) {
                let _ = writeln!(session.stderr(), "{hint}");
            }
            error.exit_code()
        }
    }
}

/// `dbr completion <shell>`: a few lines that make the shell ask `dbr` itself for candidates at each TAB
/// (`COMPLETE=<shell> dbr -- <words>`), so sourcing it costs nothing and what is offered (commands, flags,
/// enum values, profile names) is always current.
fn print_completion(app: &App, matches: &clap::ArgMatches, stdout: &mut dyn Write) -> u8 {
    let name = matches.get_one::<String>(command::SHELL).map_or("bash", String::as_str);
    let shells = clap_complete::env::Shells::builtins();
    let Some(shell) = shells.completer(name) else {
        return EXIT_USAGE;
    };
    let mut script = Vec::new();
    let written = shell.write_registration(COMPLETE_VARIABLE, app.binary, app.binary, app.binary, &mut script);
    match written.and_then(|()| stdout.write_all(&script)) {
        Ok(()) => 0,
        Err(_) => EXIT_REQUEST,
    }
}

/// The variable through which the shell asks for candidates.
const COMPLETE_VARIABLE: &str = "COMPLETE";

/// The names of the nested subcommands and the innermost matches: `dbr fs cp a b` → (["fs", "cp"], cp's).
fn command_path(matches: &clap::ArgMatches) -> (Vec<&str>, &clap::ArgMatches) {
    let mut path = Vec::new();
    let mut current = matches;
    while let Some((name, inner)) = current.subcommand() {
        path.push(name);
        current = inner;
    }
    (path, current)
}

/// `dbr version`: the line `--version` prints, as `databricks version` prints its own; `{"version": ...}`
/// when JSON is asked for (`-o json` or the variable, not merely a pipe) or with `--jq`.
fn print_version(app: &App, session: &mut Session<'_>) -> Result<(), CliError> {
    let printing = &session.printing;
    if (printing.asked && printing.format == Format::Json) || printing.filter.is_some() {
        return output::print(Output::Value(serde_json::json!({ "version": app.version })), session);
    }
    writeln!(session.stdout(), "{} {}", app.binary, app.version).map_err(CliError::writing)
}

fn execute(
    app: &App,
    extensions: &[&dyn Extension],
    matches: &clap::ArgMatches,
    session: &mut Session<'_>,
) -> Result<(), CliError> {
    let (path, inner) = command_path(matches);
    if path == [command::VERSION] {
        return print_version(app, session);
    }
    session.set_limit(inner.try_get_one::<u64>(command::LIMIT).ok().flatten().copied());
    for extension in extensions {
        if let Some(result) = extension.run(&path, inner, session) {
            return output::print(result?, session);
        }
    }
    let (account, service_name, command_name) = match path[..] {
        [command::ACCOUNT, service_name, command_name] => (true, service_name, command_name),
        [service_name, command_name] if service_name != command::ACCOUNT => (false, service_name, command_name),
        _ => {
            return Err(CliError::Usage(format!(
                "no command given; run `{} {} --help`",
                app.binary,
                path.join(" ")
            )));
        }
    };
    let (service, command) = app
        .services
        .iter()
        .find(|service| service.name == service_name && service.account == account)
        .and_then(|service| {
            let command = service.commands.iter().find(|command| command.name == command_name)?;
            Some((service, command))
        })
        .ok_or_else(|| CliError::Usage(format!("unknown command `{service_name} {command_name}`")))?;
    let mut request = request::build(command, inner)?;
    if command.waits {
        request.set_wait(waiting::options(inner, session.interactive())?);
    }
    let client = if account {
        let (client, account_id) = session.account_client()?;
        request.set_account_id(account_id);
        client
    } else {
        session.client()?
    };
    let (client, last_answer) = client.keeping_last_answer();
    // Once the configuration is known to be usable, so nobody types a secret for a command that cannot run.
    request.read_stdin(session)?;
    let output = session.block_on((service.dispatch)(client, command.operation, request))?;
    let output = match output {
        Output::Items { items, columns: [] } => Output::Items {
            items,
            columns: command.columns,
        },
        // The typed call succeeded, so the answer is sound: print it as it came. (An operation that answers
        // nothing is `null`, and an empty `204` keeps no text to print.)
        Output::Value(value) if !value.is_null() => {
            match last_answer.take().map(|body| serde_json::from_slice(&body)) {
                Some(Ok(raw)) => Output::Raw(raw),
                _ => Output::Value(value),
            }
        }
        other => other,
    };
    output::print_with_columns(output, command.columns, session)
}

#[cfg(test)]
mod content_tests {
    use super::*;
    use crate::{Method, Operation};
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    static UPLOAD: Operation = Operation::new("files.upload", Method::Put, "/api/2.0/fs/files/a.bin");
    static DOWNLOAD: Operation =
        Operation::new("files.download", Method::Get, "/api/2.0/fs/files/a.bin").accept("application/octet-stream");

    fn dispatch(client: Client, operation: &'static str, request: Request) -> BoxFuture<Result<Output, CliError>> {
        Box::pin(async move {
            match operation {
                "files.upload" => respond(
                    client
                        .request(&UPLOAD)
                        .raw_body("application/octet-stream", request.upload("body")?)
                        .send_empty()
                        .await,
                ),
                _ => respond_bytes(client.request(&DOWNLOAD).send_bytes().await),
            }
        })
    }

    fn command(name: &'static str, operation: &'static str, uploads: &'static [Upload]) -> CommandSpec {
        CommandSpec {
            name,
            operation,
            about: "",
            long_about: "",
            json: JsonInput::None,
            args: &[],
            list: false,
            columns: &[],
            waits: false,
            stdin: None,
            uploads,
        }
    }

    static APP: std::sync::LazyLock<App> = std::sync::LazyLock::new(|| App {
        binary: "dbr",
        about: "",
        version: "0",
        services: Box::leak(Box::new([ServiceSpec {
            name: "files",
            about: "",
            group: "",
            account: false,
            commands: Box::leak(Box::new([
                command(
                    "upload",
                    "files.upload",
                    &[Upload {
                        name: "body",
                        required: true,
                        help: "The file",
                    }],
                ),
                command("download", "files.download", &[]),
            ])),
            dispatch,
        }])),
    });

    /// Runs `dbr` against `server` on a thread of its own (it starts its own runtime).
    async fn dbr(server: &MockServer, args: &[&str]) -> (u8, Vec<u8>, String) {
        let mut all = vec!["dbr".to_owned()];
        all.extend(args.iter().map(|arg| (*arg).to_owned()));
        all.extend([
            "--host".to_owned(),
            server.uri(),
            "--token".to_owned(),
            "dapi-cli".to_owned(),
        ]);
        tokio::task::spawn_blocking(move || {
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            let code = run(&APP, &[], all, &mut stdout, &mut stderr);
            (code, stdout, String::from_utf8_lossy(&stderr).into_owned())
        })
        .await
        .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_bytes_answer_goes_to_stdout_as_it_is_and_a_bytes_body_comes_from_a_file() {
        let server = MockServer::start().await;
        let raw = b"\x00\xffnot json\n".to_vec();
        Mock::given(method("GET"))
            .and(path("/api/2.0/fs/files/a.bin"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(raw.clone(), "application/octet-stream"))
            .mount(&server)
            .await;
        Mock::given(method("PUT"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server)
            .await;

        let (code, stdout, stderr) = dbr(&server, &["files", "download", "-o", "table"]).await;
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, raw, "written as it came, whatever the format");

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.bin");
        std::fs::write(&file, &raw).unwrap();
        let from_file = format!("--body=@{}", file.display());
        let (code, _, stderr) = dbr(&server, &["files", "upload", &from_file]).await;
        assert_eq!(code, 0, "{stderr}");
        let (code, _, stderr) = dbr(&server, &["files", "upload", "--body", "literal text"]).await;
        assert_eq!(code, 0, "{stderr}");
        let (code, _, stderr) = dbr(&server, &["files", "upload"]).await;
        assert_eq!(code, EXIT_USAGE);
        assert!(stderr.contains("missing `--body`"), "{stderr}");

        let uploads: Vec<wiremock::Request> = server
            .received_requests()
            .await
            .unwrap()
            .into_iter()
            .filter(|request| request.method.as_str() == "PUT")
            .collect();
        assert_eq!(uploads.len(), 2);
        assert_eq!(uploads[0].body, raw);
        assert_eq!(uploads[0].headers["content-type"], "application/octet-stream");
        assert_eq!(uploads[1].body, b"literal text");
    }
}
