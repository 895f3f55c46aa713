//! What a running command shares: the global options, the async runtime, the client (built on first use,
//! so commands that need no workspace work without one) and the output streams.

use std::future::Future;
use std::io::{IsTerminal, Write};

use super::command;
use super::output::{Format, Printing};
use super::{CliError, RunOptions, jq};
use crate::{Client, Config, ConfigBuilder, Error};

/// The official CLI's variable for the output format when `-o` is not given.
pub(super) const OUTPUT_FORMAT_VARIABLE: &str = "DATABRICKS_OUTPUT_FORMAT";

/// One run of a command.
pub struct Session<'a> {
    host: Option<String>,
    token: Option<String>,
    profile: Option<String>,
    pub(super) printing: Printing,
    runtime: tokio::runtime::Runtime,
    client: Option<Client>,
    stdout: &'a mut dyn Write,
    stderr: &'a mut dyn Write,
    interactive: bool,
}

impl std::fmt::Debug for Session<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is never shown.
        f.debug_struct("Session")
            .field("host", &self.host)
            .field("profile", &self.profile)
            .field("interactive", &self.interactive)
            .finish_non_exhaustive()
    }
}

impl<'a> Session<'a> {
    pub(super) fn new(
        matches: &clap::ArgMatches,
        options: &RunOptions,
        stdout: &'a mut dyn Write,
        stderr: &'a mut dyn Write,
    ) -> Result<Session<'a>, CliError> {
        let filter = matches
            .get_one::<String>(command::JQ)
            .map(|code| jq::Filter::compile(code))
            .transpose()?;
        let variable = options.output_format.as_deref().and_then(|value| {
            let format = Format::named(value);
            if format.is_none() {
                let _ = writeln!(
                    stderr,
                    "Warning: {OUTPUT_FORMAT_VARIABLE}={value} is not an output format (json, table or text); ignored"
                );
            }
            format
        });
        let asked = matches
            .get_one::<String>(command::OUTPUT)
            .and_then(|name| Format::named(name))
            .or(variable);
        // People at a terminal read tables; pipes, scripts and `--jq` (whose results are JSON) get JSON.
        let format = match asked {
            Some(format) => format,
            None if options.stdout_is_terminal && filter.is_none() => Format::Table,
            None => Format::Json,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| CliError::Failed(format!("cannot start the async runtime: {error}")))?;
        Ok(Session {
            host: matches.get_one::<String>(command::HOST).cloned(),
            token: matches.get_one::<String>(command::TOKEN).cloned(),
            profile: matches.get_one::<String>(command::PROFILE).cloned(),
            printing: Printing {
                format,
                asked: asked.is_some(),
                filter,
                limit: None,
            },
            runtime,
            client: None,
            stdout,
            stderr,
            interactive: std::io::stderr().is_terminal(),
        })
    }

    /// The configuration sources as the command line selects them: `--host`, `--token` and `--profile`
    /// first, then the environment, `~/.databrickscfg` and `~/.netrc`.
    pub fn config_builder(&self) -> ConfigBuilder {
        let mut config = Config::builder();
        if let Some(host) = &self.host {
            config = config.host(host);
        }
        if let Some(token) = &self.token {
            config = config.token(token);
        }
        if let Some(profile) = &self.profile {
            config = config.profile(profile);
        }
        config.with_default_sources()
    }

    /// The configuration commands use; its warnings (a configuration file others can read) go to stderr.
    pub fn config(&mut self) -> Result<Config, CliError> {
        let config = self.config_builder().build().map_err(Error::from)?;
        for warning in config.warnings() {
            let _ = writeln!(self.stderr, "Warning: {warning}");
        }
        Ok(config)
    }

    /// The client for the configured workspace, built on first use.
    pub fn client(&mut self) -> Result<Client, CliError> {
        if let Some(client) = &self.client {
            return Ok(client.clone());
        }
        let config = self.config()?;
        let client = crate::connect(config)?;
        self.client = Some(client.clone());
        Ok(client)
    }

    /// The client for the configured account and the account's id, for `dbr account` commands.
    pub fn account_client(&mut self) -> Result<(Client, String), CliError> {
        let config = self.config()?;
        Ok(crate::connect_account(config)?)
    }

    /// Runs a future to completion on the command's runtime.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// What printing needs at once: the options, the runtime to read lists with, stdout and stderr.
    pub(super) fn printer(&mut self) -> (&Printing, &tokio::runtime::Runtime, &mut dyn Write, &mut dyn Write) {
        (&self.printing, &self.runtime, self.stdout, self.stderr)
    }

    /// Where results go.
    pub fn stdout(&mut self) -> &mut dyn Write {
        self.stdout
    }

    /// Where messages, warnings and progress go.
    pub fn stderr(&mut self) -> &mut dyn Write {
        self.stderr
    }

    /// Whether standard error is a terminal, so spinners and progress bars are worth drawing.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Whether results print as tables or text with no `--jq` filter reading them, so a command may
    /// present its items for people (sizes, dates) rather than as the API's data.
    pub fn readable_output(&self) -> bool {
        self.printing.format != Format::Json && self.printing.filter.is_none()
    }

    /// The output format: `-o`, else `DATABRICKS_OUTPUT_FORMAT`, else table on a terminal and JSON elsewhere.
    pub fn format(&self) -> Format {
        self.printing.format
    }

    /// Caps the number of list items printed (`--limit`).
    pub fn set_limit(&mut self, limit: Option<u64>) {
        self.printing.limit = limit;
    }
}
