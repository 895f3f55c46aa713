//! Commands every CLI has besides the spec's: `api`, `configure` and `auth`.

mod api;
mod auth;
mod auth_login;
mod configure;

use super::{CliError, Extension, Output, Session, add_to_group};
use crate::{ConfigError, Error};

pub(super) struct Builtin;

pub(super) static BUILTIN: Builtin = Builtin;

impl Extension for Builtin {
    fn register(&self, root: clap::Command) -> clap::Command {
        let binary = root.get_name().to_owned();
        let root = root.subcommand(api::command()).subcommand(configure::command(&binary));
        let root = add_to_group(root, auth::GROUP, auth::ABOUT, auth::describe_command());
        let root = add_to_group(root, auth::GROUP, auth::ABOUT, auth::profiles_command());
        let root = add_to_group(root, auth::GROUP, auth::ABOUT, auth_login::login_command(&binary));
        let root = add_to_group(root, auth::GROUP, auth::ABOUT, auth_login::token_command());
        add_to_group(root, auth::GROUP, auth::ABOUT, auth_login::logout_command())
    }

    fn run(
        &self,
        path: &[&str],
        matches: &clap::ArgMatches,
        session: &mut Session<'_>,
    ) -> Option<Result<Output, CliError>> {
        Some(match path {
            [api::NAME, method] => api::run(method, matches, session),
            [configure::NAME] => configure::run(matches, session),
            [auth::GROUP, auth::DESCRIBE] => auth::describe(session),
            [auth::GROUP, auth::PROFILES] => auth::profiles(matches, session),
            [auth::GROUP, auth_login::LOGIN] => auth_login::login(matches, session),
            [auth::GROUP, auth_login::TOKEN] => auth_login::token(session),
            [auth::GROUP, auth_login::LOGOUT] => auth_login::logout(session),
            _ => return None,
        })
    }

    fn groups(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (api::NAME, super::command::TOOLS),
            (configure::NAME, super::command::TOOLS),
            (auth::GROUP, super::command::TOOLS),
        ]
    }
}

/// What to print after a configuration error that `dbr configure` would have prevented.
pub(super) fn config_hint(error: &CliError, binary: &str) -> Option<String> {
    match error {
        // A missing host only: the error of missing credentials already lists the ways to log in.
        CliError::Sdk(Error::Config(config))
            if matches!(config.downcast_ref(), Some(ConfigError::MissingHost { .. })) =>
        {
            Some(format!(
                "To log in in the browser, run `{binary} auth login --host <workspace URL>`; to save a personal \
                 access token, run `{binary} configure --host <workspace URL>` and paste it; `{binary} auth \
                 describe` shows what is configured."
            ))
        }
        _ => None,
    }
}
