//! `dbr auth describe`: the workspace and credentials a command would use, and where each came from,
//! without sending a request and without showing a secret.

use clap::Command;
use serde_json::{Map, Value};

use super::super::{CliError, Output, Session};
use crate::{Error, Source};

pub(super) const GROUP: &str = "auth";
pub(super) const ABOUT: &str = "Inspect the configured authentication";
pub(super) const DESCRIBE: &str = "describe";

pub(super) fn describe_command() -> Command {
    Command::new(DESCRIBE)
        .about("Show the workspace, auth method and profile commands use, and where each comes from")
        .long_about(
            "Show the workspace, auth method and profile commands use, and where each comes from: a flag, \
             an environment variable, a profile of ~/.databrickscfg or ~/.netrc. Secrets are never shown, only \
             where they come from. No request is sent, so this works without a reachable workspace.",
        )
}

pub(super) fn describe(session: &Session<'_>) -> Result<Output, CliError> {
    let config = session.config_builder().build().map_err(Error::from)?;
    let mut fields = Map::new();
    fields.insert("host".into(), config.host().into());
    fields.insert("host_source".into(), origin(config.host_source(), "--host").into());
    fields.insert("auth_method".into(), config.auth_method().name().into());
    // The credential settings that are set: values of the others, only the source of secrets.
    let mut shown_source = false;
    for (name, value, source) in config.settings() {
        if !is_credential(name) {
            continue;
        }
        let flag = format!("--{name}");
        let shown = match value {
            Some(value) => value.to_owned(),
            None => {
                shown_source |= source == config.credentials_source();
                format!("set, from {}", origin(source, &flag))
            }
        };
        fields.insert(name.into(), shown.into());
    }
    if !shown_source {
        fields.insert(
            "credentials".into(),
            format!("from {}", origin(config.credentials_source(), "--token")).into(),
        );
    }
    fields.insert(
        "profile".into(),
        config.profile().map_or(Value::Null, |profile| profile.into()),
    );
    Ok(Output::Value(Value::Object(fields)))
}

/// Whether a setting belongs to an auth method's credentials.
fn is_credential(name: &str) -> bool {
    crate::config::attributes::find(name).is_some_and(|attribute| attribute.auth.is_some())
}

/// Where a setting came from, as a user of the command line set it.
fn origin(source: &Source, flag: &str) -> String {
    match source {
        // The command line sets only flags explicitly.
        Source::Explicit => format!("the {flag} flag"),
        other => other.to_string(),
    }
}
