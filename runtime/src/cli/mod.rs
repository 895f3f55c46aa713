//! Building blocks of the `dbr` command line.
//!
//! The generated CLI crate is a table ([`App`]: services, commands, arguments) and, per service, a dispatch
//! function that calls the typed client. Everything else — the clap command tree, reading `--json`, merging
//! flags into the request, printing results, exit codes — is here, once.
//!
//! Exit codes: 0 success; 1 the API answered with an error; 2 usage error (bad arguments or `--json`);
//! 3 configuration error (no host or token); 4 the request failed (network, TLS, unexpected response).

mod command;
mod debug;
mod request;

use std::ffi::OsString;
use std::future::Future;
use std::io::Write;
use std::pin::Pin;
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;

pub use request::Request;

use crate::{Client, Config, Error};

/// A future returned by the generated dispatch function.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Calls the client method of the operation with the given id (one function per service).
pub type Dispatch = fn(Client, &'static str, Request) -> BoxFuture<Result<Value, CliError>>;

pub const EXIT_API: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_CONFIG: u8 = 3;
pub const EXIT_REQUEST: u8 = 4;

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

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// The command line or `--json` was wrong.
    Usage(String),
    /// The SDK call failed.
    Sdk(Error),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => EXIT_USAGE,
            CliError::Sdk(Error::Api(_)) => EXIT_API,
            CliError::Sdk(Error::Config(_)) => EXIT_CONFIG,
            CliError::Sdk(_) => EXIT_REQUEST,
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Sdk(error) => error.fmt(f),
        }
    }
}

impl From<Error> for CliError {
    fn from(error: Error) -> Self {
        CliError::Sdk(error)
    }
}

/// Turns a client call's result into the JSON printed on stdout.
pub fn respond<T: Serialize>(result: Result<T, Error>) -> Result<Value, CliError> {
    let value = result?;
    serde_json::to_value(value).map_err(|error| CliError::Usage(format!("cannot print the response: {error}")))
}

/// The entry point of the generated `main`: runs the process's command line.
pub fn main(app: &App) -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = run(app, std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    ExitCode::from(code)
}

/// Runs one command line, writing results to `stdout` and messages to `stderr`; returns the exit code.
pub fn run(
    app: &App,
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let matches = match command::build(app).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
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
    let result = if matches.get_flag(command::DEBUG) {
        tracing::subscriber::with_default(debug::StderrEvents, || execute(app, &matches))
    } else {
        execute(app, &matches)
    };
    match result {
        Ok(value) => {
            let text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
            if writeln!(stdout, "{text}").is_err() {
                return EXIT_REQUEST;
            }
            0
        }
        Err(error) => {
            let _ = writeln!(stderr, "Error: {error}");
            error.exit_code()
        }
    }
}

/// `dbr completion <shell>`: the completion script clap derives from the command tree.
fn print_completion(app: &App, matches: &clap::ArgMatches, stdout: &mut dyn Write) -> u8 {
    use clap_complete::Shell;
    let shell = match matches.get_one::<String>(command::SHELL).map(String::as_str) {
        Some("bash") => Shell::Bash,
        Some("zsh") => Shell::Zsh,
        Some("fish") => Shell::Fish,
        Some("powershell") => Shell::PowerShell,
        _ => Shell::Elvish,
    };
    let mut tree = command::build(app);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut tree, app.binary, &mut script);
    match stdout.write_all(&script) {
        Ok(()) => 0,
        Err(_) => EXIT_REQUEST,
    }
}

fn execute(app: &App, matches: &clap::ArgMatches) -> Result<Value, CliError> {
    let Some((service_name, service_matches)) = matches.subcommand() else {
        return Err(CliError::Usage("no service given; run with --help".to_owned()));
    };
    let Some((command_name, command_matches)) = service_matches.subcommand() else {
        return Err(CliError::Usage(format!(
            "no command given; run `{} {service_name} --help`",
            app.binary
        )));
    };
    let (service, command) = app
        .services
        .iter()
        .find(|service| service.name == service_name)
        .and_then(|service| {
            let command = service.commands.iter().find(|command| command.name == command_name)?;
            Some((service, command))
        })
        .ok_or_else(|| CliError::Usage(format!("unknown command `{service_name} {command_name}`")))?;
    let request = request::build(command, command_matches)?;

    let mut config = Config::builder();
    if let Some(host) = matches.get_one::<String>(command::HOST) {
        config = config.host(host);
    }
    if let Some(token) = matches.get_one::<String>(command::TOKEN) {
        config = config.token(token);
    }
    if let Some(profile) = matches.get_one::<String>(command::PROFILE) {
        config = config.profile(profile);
    }
    let config = config.with_default_sources().build().map_err(Error::from)?;
    let client = Client::new(config)?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| CliError::Usage(format!("cannot start the async runtime: {error}")))?;
    runtime.block_on((service.dispatch)(client, command.operation, request))
}
