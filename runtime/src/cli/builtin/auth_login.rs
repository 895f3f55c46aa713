//! `dbr auth login|token|logout`: OAuth user-to-machine logins, shared with the official CLI through its
//! token cache (`~/.databricks/token-cache.json`) and profiles.
//!
//! `login` logs in in the browser, caches the tokens under the profile's name and the host, and writes the
//! profile as `databricks auth login` does: `host`, `auth_type = databricks-cli` (and `account_id` on an
//! account console), without the credentials of other methods. `token` prints a fresh access token for
//! scripts. `logout` removes a profile's cached tokens and keeps the profile.

use std::time::Duration;

use clap::{Arg, ArgAction, Command};
use serde_json::json;

use super::super::command::{HOST, PROFILE, TIMEOUT};
use super::super::output::Format;
use super::super::{CliError, Output, Session, parse_duration};
use super::auth::profile_only;
use super::configure::{check_profile_name, config_file, file_error, read_config, save, workspace_url};
use crate::auth::oauth::Endpoints;
use crate::auth::u2m::cache::{CacheKeys, TokenCache, format_expiry};
use crate::auth::u2m::login::{Browser, LOGIN_TIMEOUT, PendingLogin};
use crate::auth::u2m::{CacheTokens, callback_port, login_scopes};
use crate::auth::{AuthError, AuthMethod};
use crate::config::attributes::ATTRIBUTES;
use crate::config::host::is_account_host;
use crate::config::profile::{ProfileFile, SETTINGS_SECTION, set_keys};
use crate::config::{DEFAULT_HTTP_TIMEOUT, Settings, normalize_host};
use crate::connect::http_client;
use crate::{Config, Error};

pub(super) const LOGIN: &str = "login";
pub(super) const TOKEN: &str = "token";
pub(super) const LOGOUT: &str = "logout";
const NO_BROWSER: &str = "no-browser";
const ACCOUNT_ID: &str = "account-id";
/// `dbr auth token` refreshes a token that expires sooner than this, as `databricks auth token` does.
const TOKEN_LASTING: Duration = Duration::from_secs(5 * 60);

pub(super) fn login_command(binary: &str) -> Command {
    Command::new(LOGIN)
        .about("Log in to a workspace or account in the browser and save the login as a profile")
        .long_about(format!(
            "Log in to a workspace (or account console) in the browser with OAuth, and save it as a profile of \
             ~/.databrickscfg: host and auth_type = databricks-cli, without the credentials of other auth \
             methods; its other keys, other profiles and comments are kept. The profile is the one given with \
             -p or DATABRICKS_CONFIG_PROFILE, else it is named after the host (ACCOUNT-<id> for an account). \
             The tokens are cached in ~/.databricks/token-cache.json, where the official Databricks CLI finds \
             them too, and refreshed when they expire. With --no-browser the URL to open is printed instead. \
             For example:\n  \
             {binary} auth login --host https://dbc-a1b2c3d4-e5f6.cloud.databricks.com -p dev\n  \
             {binary} auth login -p dev            (log in again to a saved profile)"
        ))
        .override_usage(format!(
            "{binary} auth login [--host <URL>] [-p <NAME>] [--account-id <ID>] [--no-browser] [--timeout <DURATION>]"
        ))
        .arg(
            Arg::new(NO_BROWSER)
                .long(NO_BROWSER)
                .action(ArgAction::SetTrue)
                .help("Print the login URL to open instead of opening a browser"),
        )
        .arg(
            Arg::new(ACCOUNT_ID)
                .long(ACCOUNT_ID)
                .value_name("ID")
                .help("The account id, for an account console host [default: $DATABRICKS_ACCOUNT_ID]"),
        )
        .arg(
            Arg::new(TIMEOUT)
                .long(TIMEOUT)
                .value_name("DURATION")
                .help("How long to wait for the login in the browser, e.g. 90s, 10m [default: 5m]"),
        )
}

pub(super) fn token_command() -> Command {
    Command::new(TOKEN)
        .about("Print an access token of the cached login, refreshed if it expires within 5 minutes")
        .long_about(
            "Print an access token of the login cached by `dbr auth login` (or `databricks auth login`) for the \
             profile or host, as JSON with access_token, token_type and expiry (with -o text, the token alone). \
             A token that expires within 5 minutes is refreshed first, and the new one cached. For scripts: \
             curl -H \"Authorization: Bearer $(dbr auth token -p dev -o text)\" ...",
        )
}

pub(super) fn logout_command() -> Command {
    Command::new(LOGOUT)
        .about("Remove the cached login of a profile; the profile is kept")
        .long_about(
            "Remove the cached tokens of a profile logged in with `dbr auth login` (or `databricks auth login`) \
             from ~/.databricks/token-cache.json: the entry under its name, and the one under its host unless \
             another such profile has the same host. The profile stays in ~/.databrickscfg; `dbr auth login -p \
             <NAME>` logs in again. Without -p, the profile commands use.",
        )
}

pub(super) fn login(matches: &clap::ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let path = config_file(session)?;
    let existing = read_config(&path)?;
    let file = ProfileFile::parse(&existing);
    let named = matches
        .get_one::<String>(PROFILE)
        .cloned()
        .or_else(|| std::env::var("DATABRICKS_CONFIG_PROFILE").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty());
    // The flag, else the profile's own host, else the environment.
    let raw_host = matches
        .get_one::<String>(HOST)
        .cloned()
        .or_else(|| {
            named
                .as_deref()
                .and_then(|name| file.get(name, "host"))
                .map(str::to_owned)
        })
        .or_else(|| std::env::var("DATABRICKS_HOST").ok())
        .filter(|host| !host.trim().is_empty())
        .ok_or_else(|| {
            CliError::Usage(
                "give the workspace (or account console) URL with --host <URL>, or a saved profile with -p <NAME>"
                    .to_owned(),
            )
        })?;
    let host = workspace_url(&raw_host)?;
    let parsed = normalize_host(&raw_host).map_err(CliError::Usage)?;
    let account_host = is_account_host(&parsed.url);
    let given_account = matches.get_one::<String>(ACCOUNT_ID).cloned().or(parsed.account_id);
    let account_id = given_account
        .clone()
        .or_else(|| {
            named
                .as_deref()
                .and_then(|name| file.get(name, "account_id"))
                .map(str::to_owned)
        })
        .or_else(|| std::env::var("DATABRICKS_ACCOUNT_ID").ok())
        .filter(|id| !id.trim().is_empty());
    if account_host && account_id.is_none() {
        return Err(CliError::Usage(
            "an account console login needs the account id: give it with --account-id <ID>".to_owned(),
        ));
    }
    let profile = match named {
        Some(name) => name,
        None => profile_name(&parsed.url, account_id.as_deref().filter(|_| account_host)),
    };
    check_profile_name(&profile)?;
    if profile == SETTINGS_SECTION {
        return Err(CliError::Usage(format!(
            "`{SETTINGS_SECTION}` holds the tools' own settings; choose another profile name with -p"
        )));
    }
    if let Some(error) = file.error(&profile) {
        return Err(file_error(&path, format!("profile `{profile}`: {error}; fix it first")));
    }

    let settings = login_settings(&host, account_id.as_deref(), &file, &profile)?;
    let endpoints = Endpoints::of(&settings).map_err(CliError::Usage)?;
    let port = callback_port(&settings).map_err(CliError::Usage)?;
    let timeout = match matches.get_one::<String>(TIMEOUT) {
        Some(text) => parse_duration(text).map_err(|problem| CliError::Usage(format!("--timeout: {problem}")))?,
        None => LOGIN_TIMEOUT,
    };
    let browser = if matches.get_flag(NO_BROWSER) {
        Browser::Print
    } else {
        Browser::from_env(settings.env())
    };
    let cache = TokenCache::in_home(settings.env()).ok_or_else(no_home)?;
    let keys = CacheKeys {
        profile: Some(profile.clone()),
        ..CacheKeys::of(&settings).ok_or_else(|| CliError::Usage("no host to log in to".to_owned()))?
    };

    let pending = PendingLogin::start(&endpoints, &login_scopes(&settings), port).map_err(auth_failed)?;
    let stderr = session.stderr();
    if browser == Browser::Print {
        let _ = writeln!(
            stderr,
            "To log in to {host}, open this URL in your browser:\n{}",
            pending.url()
        );
    } else {
        let _ = writeln!(
            stderr,
            "Opening a browser to log in to {host}. If none opens, open this URL:\n{}",
            pending.url()
        );
        if let Err(why) = browser.open(pending.url()) {
            let _ = writeln!(
                stderr,
                "The browser could not be opened ({why}); open the URL above yourself."
            );
        }
    }
    let http = http_client(&settings, DEFAULT_HTTP_TIMEOUT)?;
    let logged_in = session.block_on(pending.finish(&http, timeout)).map_err(auth_failed)?;
    let moved = cache
        .store_login(&keys, &logged_in)
        .map_err(|error| CliError::Failed(format!("logged in, but the tokens could not be cached: {error}")))?;
    if let Some(moved) = moved {
        let _ = writeln!(
            session.stderr(),
            "The token cache could not be read, so it was moved to {} and a new one started.",
            moved.display()
        );
    }

    // A workspace profile gets an account id only when one was given for this login.
    let saved_account = if account_host {
        account_id.as_deref()
    } else {
        given_account.as_deref()
    };
    let updated = profile_text(
        &existing,
        &file,
        &profile,
        &host,
        saved_account,
        parsed.workspace_id.as_deref(),
    );
    save(&path, &updated).map_err(|error| CliError::Failed(format!("cannot write {}: {error}", path.display())))?;
    let _ = writeln!(
        session.stderr(),
        "Logged in to {host}. Saved the profile `{profile}` (auth_type = databricks-cli) in {}; use it with -p {profile}.",
        path.display()
    );
    Ok(Output::Done)
}

/// The name `databricks auth login` suggests: `ACCOUNT-<id>` for an account, else the host's first label
/// (`dbc-a1b2c3d4-e5f6` of `dbc-a1b2c3d4-e5f6.cloud.databricks.com`).
fn profile_name(url: &reqwest::Url, account_id: Option<&str>) -> String {
    match account_id {
        Some(id) => format!("ACCOUNT-{id}"),
        None => url
            .host_str()
            .unwrap_or_default()
            .split('.')
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// The settings the login uses: the host and account given, and the profile's login settings (`scopes`,
/// `oauth_callback_port`), read without the profile itself, which may not exist yet.
fn login_settings(
    host: &str,
    account_id: Option<&str>,
    file: &ProfileFile,
    profile: &str,
) -> Result<Settings, CliError> {
    let mut builder = Config::builder().host(host).with_env_lookup(|variable| match variable {
        "DATABRICKS_CONFIG_PROFILE" | "DATABRICKS_CONFIG_FILE" => None,
        _ => std::env::var(variable).ok(),
    });
    if let Some(id) = account_id {
        builder = builder.set("account_id", id);
    }
    for key in ["scopes", "oauth_callback_port", "disable_oauth_refresh_token"] {
        if let Some(value) = file.get(profile, key) {
            builder = builder.set(key, value);
        }
    }
    builder.settings().map_err(|error| CliError::Sdk(error.into()))
}

/// The configuration file with the profile as `databricks auth login` writes it: host, account and
/// workspace ids, `auth_type = databricks-cli`, no credentials of other methods. The first profile with a
/// host becomes the default (`[__settings__] default_profile`), as the official CLI does.
fn profile_text(
    existing: &str,
    file: &ProfileFile,
    profile: &str,
    host: &str,
    account_id: Option<&str>,
    workspace_id: Option<&str>,
) -> String {
    let credentials: Vec<&str> = ATTRIBUTES
        .iter()
        .filter(|attribute| attribute.auth.is_some())
        .flat_map(|attribute| std::iter::once(&attribute.name).chain(attribute.aliases).copied())
        .collect();
    let mut keys = vec![("host", host)];
    keys.extend(account_id.map(|id| ("account_id", id)));
    keys.extend(workspace_id.map(|id| ("workspace_id", id)));
    keys.push(("auth_type", AuthMethod::DatabricksCli.name()));
    let text = set_keys(existing, profile, &keys, &credentials);
    let first = !file.profiles().iter().any(|name| file.get(name, "host").is_some());
    if first {
        set_keys(&text, SETTINGS_SECTION, &[("default_profile", profile)], &[])
    } else {
        text
    }
}

pub(super) fn token(session: &mut Session<'_>) -> Result<Output, CliError> {
    let settings = session.config_builder().settings().map_err(Error::from)?;
    let tokens = CacheTokens::of(&settings, None).map_err(|why| {
        CliError::Usage(format!(
            "{why}: give the profile of a login with -p <NAME>, or its host with --host <URL>"
        ))
    })?;
    let http = http_client(&settings, DEFAULT_HTTP_TIMEOUT)?;
    let token = session
        .block_on(tokens.token(&http, TOKEN_LASTING))
        .map_err(auth_failed)?;
    // As `databricks auth token -o text`: the token alone, for `$(...)`.
    if session.printing.format == Format::Text {
        writeln!(session.stdout(), "{}", token.access_token.expose()).map_err(CliError::writing)?;
        return Ok(Output::Done);
    }
    Ok(Output::Value(json!({
        "access_token": token.access_token.expose(),
        "token_type": token.token_type,
        "expiry": format_expiry(token.expires_at),
    })))
}

pub(super) fn logout(session: &mut Session<'_>) -> Result<Output, CliError> {
    let settings = session.config_builder().settings().map_err(Error::from)?;
    let keys = CacheKeys::of(&settings).ok_or_else(|| {
        CliError::Usage(
            "no login to log out of: give its profile with -p <NAME>, or its host with --host <URL>".to_owned(),
        )
    })?;
    let cache = TokenCache::in_home(settings.env()).ok_or_else(no_home)?;
    let failed = |error| CliError::Failed(format!("cannot log out: {error}"));
    let Some(profile) = settings.profile() else {
        let removed = cache.remove(&[&keys.host]).map_err(failed)?;
        let _ = writeln!(
            session.stderr(),
            "Logged out of {}: removed {} from {}.",
            keys.host,
            entries(removed),
            cache.path().display()
        );
        return Ok(Output::Done);
    };
    if !is_login(settings.get("auth_type")) {
        let _ = writeln!(
            session.stderr(),
            "The profile `{profile}` does not log in with `dbr auth login` (its auth_type is not databricks-cli), \
             so it has no cached login; nothing was changed."
        );
        return Ok(Output::Done);
    }
    // The host's entry stays while another login profile uses it.
    let mut remove = vec![profile];
    let shared = settings
        .config_file()
        .map(|path| others_with_host(path, profile, &keys.host))
        .unwrap_or_default();
    if shared.is_empty() {
        remove.push(&keys.host);
    }
    let removed = cache.remove(&remove).map_err(failed)?;
    let kept = if shared.is_empty() {
        String::new()
    } else {
        format!(" (the host's entry is kept for the profile `{}`)", shared.join("`, `"))
    };
    let _ = writeln!(
        session.stderr(),
        "Logged out of the profile `{profile}`: removed {} from {}{kept}. The profile is kept; `dbr auth login -p \
         {profile}` logs in again.",
        entries(removed),
        cache.path().display()
    );
    Ok(Output::Done)
}

/// Whether an `auth_type` is one whose tokens live in the token cache.
fn is_login(auth_type: Option<&str>) -> bool {
    auth_type
        .and_then(AuthMethod::from_name)
        .is_some_and(|method| matches!(method, AuthMethod::DatabricksCli | AuthMethod::ExternalBrowser))
}

/// The other login profiles of the file at `path` whose logins are cached under `host_key`.
fn others_with_host(path: &std::path::Path, profile: &str, host_key: &str) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let file = ProfileFile::parse(&text);
    file.profiles()
        .into_iter()
        .filter(|name| *name != profile && is_login(file.get(name, "auth_type")))
        .filter(|name| {
            profile_only(name, path)
                .settings()
                .ok()
                .and_then(|settings| CacheKeys::of(&settings))
                .is_some_and(|keys| keys.host == host_key)
        })
        .map(str::to_owned)
        .collect()
}

fn entries(count: usize) -> String {
    match count {
        0 => "no cached tokens (there were none)".to_owned(),
        1 => "1 cached entry".to_owned(),
        n => format!("{n} cached entries"),
    }
}

fn no_home() -> CliError {
    CliError::Failed("no home directory (HOME is not set) to keep ~/.databricks/token-cache.json in".to_owned())
}

fn auth_failed(error: AuthError) -> CliError {
    CliError::Sdk(Error::Auth(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_named_after_its_host_or_account() {
        let url = reqwest::Url::parse("https://dbc-a1b2.cloud.databricks.com").unwrap();
        assert_eq!(profile_name(&url, None), "dbc-a1b2");
        assert_eq!(profile_name(&url, Some("acc-1")), "ACCOUNT-acc-1");
    }

    #[test]
    fn the_profile_is_written_as_the_official_login_writes_it() {
        let existing = "# mine\n[dev]\nhost = https://old.cloud.databricks.com\ntoken = dapi-old\ncluster_id = c-1\n\
                        client_secret = s\n  more\n\n[other]\ntoken = dapi-other\n";
        let file = ProfileFile::parse(existing);
        let text = profile_text(
            existing,
            &file,
            "dev",
            "https://dbc-1.cloud.databricks.com",
            None,
            Some("42"),
        );
        assert_eq!(
            text,
            "# mine\n[dev]\nhost = https://dbc-1.cloud.databricks.com\ncluster_id = c-1\nworkspace_id = 42\n\
             auth_type = databricks-cli\n\n[other]\ntoken = dapi-other\n"
        );
        // The first profile with a host becomes the default one.
        let text = profile_text(
            "",
            &ProfileFile::default(),
            "ACCOUNT-a",
            "https://accounts.cloud.databricks.com",
            Some("a"),
            None,
        );
        assert_eq!(
            text,
            "[ACCOUNT-a]\nhost = https://accounts.cloud.databricks.com\naccount_id = a\nauth_type = databricks-cli\n\n\
             [__settings__]\ndefault_profile = ACCOUNT-a\n"
        );
    }

    #[test]
    fn only_login_profiles_have_cached_tokens() {
        assert!(is_login(Some("databricks-cli")));
        assert!(is_login(Some("External-Browser")));
        assert!(!is_login(Some("pat")));
        assert!(!is_login(None));
    }
}
