//! `dbr configure [--host URL] [--token] [-p NAME]`: saves a workspace URL and personal access token as a
//! profile of `~/.databrickscfg` (or `$DATABRICKS_CONFIG_FILE`).
//!
//! The token is read from standard input, never from the command line, where other users of the machine
//! could see it; on a terminal it is asked for without echo. Only the profile's `host` and `token` change:
//! other profiles, comments and keys stay as they were, and the file is left readable by its owner alone.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Arg, Command};

use super::super::command::{HOST, PROFILE, TOKEN};
use super::super::prompt::{prompt, read_line};
use super::super::{CliError, Output, Session};
use crate::config::attributes::ATTRIBUTES;
use crate::config::profile::{DEFAULT_PROFILE, ProfileFile, set_keys};
use crate::config::{is_loopback, normalize_host, without_credentials};
use crate::{ConfigError, Error};

pub(super) const NAME: &str = "configure";

pub(super) fn command(binary: &str) -> Command {
    Command::new(NAME)
        .about("Save a workspace URL and personal access token as a profile of ~/.databrickscfg")
        .long_about(
            "Save a workspace URL and personal access token as a profile of ~/.databrickscfg (or of \
             $DATABRICKS_CONFIG_FILE): the profile given with --profile or DATABRICKS_CONFIG_PROFILE, else \
             DEFAULT. The token is read from standard input, one line (on a terminal it is asked for without \
             echo), never from the command line; --token, which says so, may be given or left out. Without \
             --host the profile keeps its URL, and a new profile takes DATABRICKS_HOST. Other profiles, comments \
             and keys of the file are kept, and the file is made readable by you alone (mode 0600). For \
             example:\n  \
             dbr configure --host https://adb-1234567890123456.7.azuredatabricks.net\n  \
             echo \"$TOKEN\" | dbr configure --host https://dbc-a1b2c3d4-e5f6.cloud.databricks.com -p prod",
        )
        .override_usage(format!("{binary} configure [--host <URL>] [--token] [-p <NAME>]"))
        // Shadows the global `--token <TOKEN>` (same id and value type, so clap can hand values between the
        // two): here it takes no value, and a value given anyway is refused rather than saved. Hidden, since
        // clap would show it as `--token [<TOKEN>]`; the usage line and the description cover it.
        .arg(Arg::new(TOKEN).long(TOKEN).num_args(0..=1).hide(true))
}

pub(super) fn run(matches: &clap::ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    if matches.get_one::<String>(TOKEN).is_some() {
        return Err(CliError::Usage(
            "`dbr configure` reads the token from standard input, not from --token, where other users could \
             see it: run `dbr configure --host <workspace URL>` and paste the token"
                .to_owned(),
        ));
    }
    // The profile later commands read, so they use what was saved.
    let profile = matches
        .get_one::<String>(PROFILE)
        .cloned()
        .or_else(|| std::env::var("DATABRICKS_CONFIG_PROFILE").ok())
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
    let profile = profile.trim();
    check_profile_name(profile)?;
    let path = config_file(session)?;
    let existing = read_config(&path)?;
    let file = ProfileFile::parse(&existing);
    if let Some(error) = file.error(profile) {
        return Err(file_error(&path, format!("profile `{profile}`: {error}; fix it first")));
    }

    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    // The flag, else the profile's own URL (a token rotation must not move the profile to whatever
    // DATABRICKS_HOST says), else the environment.
    let given = matches
        .get_one::<String>(HOST)
        .cloned()
        .or_else(|| file.get(profile, "host").map(str::to_owned))
        .or_else(|| std::env::var("DATABRICKS_HOST").ok())
        .filter(|host| !host.trim().is_empty());
    let host = match given {
        Some(host) => host,
        None if interactive => prompt(session, "Workspace URL (https://...): ", false)?,
        None => {
            return Err(CliError::Usage(format!(
                "the profile `{profile}` has no workspace URL yet; give it with --host <workspace URL>"
            )));
        }
    };
    let host = workspace_url(&host)?;
    let token = if interactive {
        prompt(session, "Personal access token: ", true)?
    } else {
        read_line(&mut stdin.lock())?
    };
    let token = check_token(&token)?;

    // As the official `databricks configure` does: a token profile keeps no other method's credentials and
    // forces no auth type, so the token is what it uses.
    let stale: Vec<&str> = ATTRIBUTES
        .iter()
        .filter(|attribute| attribute.auth.is_some() && attribute.name != "token")
        .map(|attribute| attribute.name)
        .chain(["auth_type"])
        .collect();
    let updated = set_keys(&existing, profile, &[("host", &host), ("token", token)], &stale);
    save(&path, &updated).map_err(|error| CliError::Failed(format!("cannot write {}: {error}", path.display())))?;
    let _ = writeln!(
        session.stderr(),
        "Saved the profile `{profile}` (host {host}, token from standard input) in {}",
        path.display()
    );
    Ok(Output::Done)
}

/// The file profiles are read from, so a saved profile is the one later commands use.
pub(super) fn config_file(session: &Session<'_>) -> Result<PathBuf, CliError> {
    session.config_builder().config_file_path().ok_or_else(|| {
        CliError::Usage(
            "no home directory to keep ~/.databrickscfg in (HOME is not set); set DATABRICKS_CONFIG_FILE".to_owned(),
        )
    })
}

/// The configuration file's text; a file that does not exist yet is empty.
pub(super) fn read_config(path: &Path) -> Result<String, CliError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(error) => Err(file_error(path, error.to_string())),
    }
}

pub(super) fn file_error(path: &Path, message: String) -> CliError {
    CliError::Sdk(Error::from(ConfigError::ConfigFile {
        path: path.to_owned(),
        message,
    }))
}

/// A profile name the file can hold as a `[section]` header and read back unchanged.
pub(super) fn check_profile_name(name: &str) -> Result<(), CliError> {
    let readable = !name.is_empty()
        && !name.starts_with(['#', ';'])
        && !name.chars().any(|c| c == '[' || c == ']' || c.is_control());
    if readable {
        Ok(())
    } else {
        Err(CliError::Usage(format!(
            "`{name}` cannot be a profile name: use letters, digits, dashes or underscores"
        )))
    }
}

/// The workspace URL as it is saved: https (plain http only to this machine), no trailing slash.
pub(super) fn workspace_url(raw: &str) -> Result<String, CliError> {
    let shown = without_credentials(raw.trim());
    let url = normalize_host(raw).map(|host| host.url).map_err(|reason| {
        CliError::Usage(format!(
            "`{shown}` is not a workspace URL: {reason}; give it as https://<workspace host name>"
        ))
    })?;
    if url.scheme() != "https" && !is_loopback(&url) {
        return Err(CliError::Usage(format!(
            "`{shown}` is not an https URL; the token must not travel unencrypted, so give https://{}",
            url.host_str().unwrap_or_default()
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// The token as it is saved; the messages never repeat it.
fn check_token(line: &str) -> Result<&str, CliError> {
    let token = line.trim();
    if token.is_empty() {
        return Err(CliError::Usage(
            "no token on standard input; paste it when asked, or pipe it in: \
             `echo \"$TOKEN\" | dbr configure --host <workspace URL>`"
                .to_owned(),
        ));
    }
    if !token.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Err(CliError::Usage(
            "the token contains spaces or non-ASCII characters; copy the personal access token again".to_owned(),
        ));
    }
    Ok(token)
}

/// Replaces the file with `text` at once (a new file renamed over the old one, so a failure leaves the old
/// file whole), readable and writable by its owner only. A symbolic link is followed, not replaced.
pub(super) fn save(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let directory = target.parent().filter(|parent| !parent.as_os_str().is_empty());
    if let Some(directory) = directory {
        std::fs::create_dir_all(directory)?;
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let temporary = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = write_private(&temporary, text).and_then(|()| std::fs::rename(&temporary, &target));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // A leftover file keeps its old mode through `open`.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        write_all(file, text)
    }
    #[cfg(not(unix))]
    {
        write_all(options.open(path)?, text)
    }
}

fn write_all(mut file: std::fs::File, text: &str) -> std::io::Result<()> {
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_urls_must_be_https() {
        assert_eq!(
            workspace_url("adb-1.2.azuredatabricks.net/").unwrap(),
            "https://adb-1.2.azuredatabricks.net"
        );
        assert_eq!(workspace_url("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        // A URL copied from the browser is reduced to its workspace.
        assert_eq!(
            workspace_url("https://adb-1.2.azuredatabricks.net/?o=1#job/5").unwrap(),
            "https://adb-1.2.azuredatabricks.net"
        );
        for (raw, expected) in [
            ("http://example.com", "is not an https URL"),
            ("ftp://example.com", "the scheme `ftp` is not http or https"),
            (
                "https://token:dapi-x@h.com",
                "`https://<credentials>@h.com` is not a workspace URL",
            ),
        ] {
            let error = workspace_url(raw).unwrap_err().to_string();
            assert!(error.contains(expected), "{raw}: {error}");
            assert!(!error.contains("dapi-x"), "{error}");
        }
    }

    #[test]
    fn tokens_and_profile_names_are_checked_without_repeating_the_token() {
        assert_eq!(check_token("  dapi-123\n").unwrap(), "dapi-123");
        for line in ["\n", "dapi 123", "dapi-é"] {
            let error = check_token(line).unwrap_err().to_string();
            assert!(!error.contains("dapi"), "{error}");
        }
        assert!(check_profile_name("prod-eu_1").is_ok());
        for name in ["", "a]b", "#x", "a\nb"] {
            assert!(check_profile_name(name).is_err(), "{name:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn saving_replaces_the_file_with_an_owner_only_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("cfg");
        save(&path, "[DEFAULT]\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        save(&path, "[DEFAULT]\nhost = h\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[DEFAULT]\nhost = h\n");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }
}
