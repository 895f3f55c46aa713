//! `dbr auth describe`: the workspace and credentials a command would use, and where each came from,
//! without sending a request and without showing a secret. `dbr auth profiles`: every profile of the
//! configuration file, its host and auth method, and whether it works.

use std::path::Path;
use std::time::Duration;

use clap::{Arg, ArgAction, Command};
use serde_json::{Map, Value};

use super::super::{CliError, Output, Session};
use super::configure::{config_file, read_config};
use crate::config::attributes::ATTRIBUTES;
use crate::config::profile::ProfileFile;
use crate::{Config, ConfigBuilder, Method, Source};

pub(super) const GROUP: &str = "auth";
pub(super) const ABOUT: &str = "Log in, and inspect the configured authentication";
pub(super) const DESCRIBE: &str = "describe";
pub(super) const PROFILES: &str = "profiles";
const SKIP_VALIDATE: &str = "skip-validate";
/// How long `auth profiles` waits for one profile's check; the checks run at once.
const PROFILE_CHECK_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn describe_command() -> Command {
    Command::new(DESCRIBE)
        .about("Show the workspace, auth method and profile commands use, and where each comes from")
        .long_about(
            "Show the workspace, auth method and profile commands use, and where each comes from: a flag, \
             an environment variable, a profile of ~/.databrickscfg or ~/.netrc. Secrets are never shown, only \
             where they come from. No request is sent, so this works without a reachable workspace.",
        )
}

pub(super) fn describe(session: &mut Session<'_>) -> Result<Output, CliError> {
    let config = session.config()?;
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

pub(super) fn profiles_command() -> Command {
    Command::new(PROFILES)
        .about("List the profiles of ~/.databrickscfg with their host and auth method, and check each works")
        .long_about(
            "List the profiles of ~/.databrickscfg (or DATABRICKS_CONFIG_FILE) with their host and auth method, \
             and check that each works by asking the workspace (or account) who is signed in. Profiles are \
             checked at once, each for at most 5 seconds. Only the file is read: DATABRICKS_* variables do not \
             change what a profile says.",
        )
        .arg(
            Arg::new(SKIP_VALIDATE)
                .long(SKIP_VALIDATE)
                .action(ArgAction::SetTrue)
                .help("Do not send a request to check each profile"),
        )
}

pub(super) fn profiles(matches: &clap::ArgMatches, session: &Session<'_>) -> Result<Output, CliError> {
    let path = config_file(session)?;
    let text = read_config(&path)?;
    let file = ProfileFile::parse(&text);
    let validate = !matches.get_flag(SKIP_VALIDATE);
    let rows = session.block_on(async {
        let mut checks = tokio::task::JoinSet::new();
        for (index, name) in file.profiles().into_iter().enumerate() {
            let builder = profile_only(name, &path);
            let host = file.get(name, "host").map(str::to_owned);
            let name = name.to_owned();
            checks.spawn(async move { (index, check_profile(name, host, builder, validate).await) });
        }
        let mut rows = Vec::new();
        while let Some(done) = checks.join_next().await {
            if let Ok(row) = done {
                rows.push(row);
            }
        }
        rows.sort_by_key(|(index, _)| *index);
        rows.into_iter().map(|(_, row)| Value::Object(row)).collect::<Vec<_>>()
    });
    Ok(Output::Value(Value::Array(rows)))
}

/// A builder that reads one profile of `path` and no `DATABRICKS_*`/`ARM_*` settings from the environment:
/// the profile alone says how it authenticates.
pub(super) fn profile_only(name: &str, path: &Path) -> ConfigBuilder {
    Config::builder()
        .profile(name)
        .config_file(path)
        .with_env_lookup(|variable| {
            let is_setting = ATTRIBUTES.iter().any(|attribute| attribute.env.contains(&variable));
            let is_selection = matches!(variable, "DATABRICKS_CONFIG_PROFILE" | "DATABRICKS_CONFIG_FILE");
            if is_setting || is_selection {
                None
            } else {
                std::env::var(variable).ok()
            }
        })
}

/// One row of `auth profiles`.
async fn check_profile(
    name: String,
    host: Option<String>,
    builder: ConfigBuilder,
    validate: bool,
) -> Map<String, Value> {
    let mut row = Map::new();
    row.insert("name".into(), name.into());
    let config = match builder.retry_timeout(Duration::ZERO).rate_limit(0.0).build() {
        Ok(config) => config,
        Err(error) => {
            row.insert("host".into(), host.map_or(Value::Null, Value::from));
            row.insert("auth_type".into(), Value::Null);
            row.insert("valid".into(), false.into());
            row.insert("error".into(), error.to_string().into());
            return row;
        }
    };
    row.insert("host".into(), config.host().into());
    row.insert("cloud".into(), config.cloud().name().into());
    row.insert("auth_type".into(), config.auth_method().name().into());
    if !validate {
        return row;
    }
    // Who is signed in: the cheapest call every workspace (or account) answers for any user.
    let path = match config.get("account_id") {
        Some(account) if is_account(&config) => format!("/api/2.0/accounts/{account}/workspaces"),
        _ => "/api/2.0/preview/scim/v2/Me".to_owned(),
    };
    let outcome = match crate::connect(config) {
        Ok(client) => {
            let call = client.raw(Method::Get, path).send::<Value>();
            match tokio::time::timeout(PROFILE_CHECK_TIMEOUT, call).await {
                Ok(Ok(_)) => Ok(()),
                Ok(Err(error)) => Err(error.to_string()),
                Err(_) => Err(format!("no answer within {} seconds", PROFILE_CHECK_TIMEOUT.as_secs())),
            }
        }
        Err(error) => Err(error.to_string()),
    };
    row.insert("valid".into(), outcome.is_ok().into());
    if let Err(error) = outcome {
        row.insert("error".into(), error.into());
    }
    row
}

fn is_account(config: &Config) -> bool {
    config.settings_ref().is_account_host()
}
