//! The token cache the official Databricks CLI keeps its logins in, `~/.databricks/token-cache.json`, read
//! and written in its format, so a login made by either tool serves both:
//!
//! ```json
//! {
//!   "version": 1,
//!   "tokens": {
//!     "dev": {"access_token": "...", "token_type": "Bearer", "refresh_token": "...", "expiry": "2025-01-01T10:00:00.5+01:00"}
//!   }
//! }
//! ```
//!
//! A login is kept under the profile name when a profile is used and, as the official CLI's dual writing
//! does for older SDKs, under the host key too: `https://<host>` for a workspace,
//! `https://<host>/oidc/accounts/<account_id>` for an account. Fields this SDK does not know, of the file and
//! of each entry, are kept when it writes. The file is replaced at once (a temporary file renamed over it),
//! readable by its owner only.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::{Map, Value};

use crate::auth::token::Token;
use crate::civil::{civil_from_days, days_from_civil};
use crate::config::{Environment, Secret, Settings};

/// Where the cache is, relative to the home directory.
pub(crate) const CACHE_FILE: &str = ".databricks/token-cache.json";
/// The only format version the official CLI reads and writes.
const VERSION: u64 = 1;
/// What Go writes for a token without an expiry (the zero `time.Time`).
const NO_EXPIRY: &str = "0001-01-01T00:00:00Z";

/// The keys one login is cached under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CacheKeys {
    /// The profile's name, when the settings came from a profile.
    pub profile: Option<String>,
    /// `https://<host>`, or `https://<host>/oidc/accounts/<account_id>` on an account console host.
    pub host: String,
}

impl CacheKeys {
    /// The keys of the workspace or account `settings` point at; `None` without a host, or on an account
    /// host without an account id.
    pub(crate) fn of(settings: &Settings) -> Option<CacheKeys> {
        let host = settings.host()?;
        let host = if settings.is_account_host() {
            format!("{host}/oidc/accounts/{}", settings.get("account_id")?)
        } else {
            host
        };
        Some(CacheKeys {
            profile: settings.profile().map(str::to_owned),
            host,
        })
    }

    /// Reading tries the profile's key first, then the host's.
    fn in_lookup_order(&self) -> impl Iterator<Item = &str> {
        self.profile.as_deref().into_iter().chain([self.host.as_str()])
    }
}

/// One cached login: an access token and the refresh token that replaces it.
#[derive(Clone, Debug)]
pub(crate) struct CachedLogin {
    pub token: Token,
    pub refresh_token: Option<Secret>,
}

/// Why the cache could not be used. Never contains a token: a file that cannot be read is described by
/// where it breaks, not by what it holds.
#[derive(Debug)]
pub(crate) enum CacheError {
    /// The file is not a version 1 token cache (damaged, or written by a newer tool).
    Unreadable { path: PathBuf, why: String },
    /// Reading or writing failed.
    Io {
        path: PathBuf,
        doing: &'static str,
        error: std::io::Error,
    },
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::Unreadable { path, why } => write!(
                f,
                "the token cache {} cannot be read: {why}; run `dbr auth login` to log in again (it keeps the \
                 file, moved aside)",
                path.display()
            ),
            CacheError::Io { path, doing, error } => write!(f, "cannot {doing} {}: {error}", path.display()),
        }
    }
}

/// The token cache file.
#[derive(Clone, Debug)]
pub(crate) struct TokenCache {
    path: PathBuf,
}

impl TokenCache {
    /// `~/.databricks/token-cache.json` of the environment's home directory.
    pub(crate) fn in_home(env: &Environment) -> Option<TokenCache> {
        env.home().map(|home| TokenCache::at(home.join(CACHE_FILE)))
    }

    pub(crate) fn at(path: PathBuf) -> TokenCache {
        TokenCache { path }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The login cached under the first of `keys` that has one. A missing file holds none.
    pub(crate) fn lookup(&self, keys: &CacheKeys) -> Result<Option<CachedLogin>, CacheError> {
        let Some(document) = self.read()? else {
            return Ok(None);
        };
        for key in keys.in_lookup_order() {
            if let Some(entry) = document.tokens().and_then(|tokens| tokens.get(key)) {
                return entry_login(entry)
                    .map(Some)
                    .map_err(|why| self.unreadable(format!("entry `{key}`: {why}")));
            }
        }
        Ok(None)
    }

    /// Caches `login` under every key, keeping the other entries.
    pub(crate) fn store(&self, keys: &CacheKeys, login: &CachedLogin) -> Result<(), CacheError> {
        let mut document = self.read()?.unwrap_or_default();
        for key in keys.in_lookup_order() {
            document.put(key, login);
        }
        self.write(&document)
    }

    /// [`Self::store`] after a login: a file that cannot be read is moved aside first (the login replaces
    /// what it held) and its new place returned, so the user can be told.
    pub(crate) fn store_login(&self, keys: &CacheKeys, login: &CachedLogin) -> Result<Option<PathBuf>, CacheError> {
        let moved = match self.read() {
            Err(CacheError::Unreadable { .. }) => Some(self.move_aside()?),
            Err(error) => return Err(error),
            Ok(_) => None,
        };
        self.store(keys, login)?;
        Ok(moved)
    }

    #[cfg(any(feature = "cli", test))]
    /// Removes the entries under `keys`; returns how many there were.
    pub(crate) fn remove(&self, keys: &[&str]) -> Result<usize, CacheError> {
        let Some(mut document) = self.read()? else {
            return Ok(0);
        };
        let removed = keys.iter().filter(|key| document.remove(key)).count();
        if removed > 0 {
            self.write(&document)?;
        }
        Ok(removed)
    }

    fn unreadable(&self, why: String) -> CacheError {
        CacheError::Unreadable {
            path: self.path.clone(),
            why,
        }
    }

    fn io(&self, doing: &'static str) -> impl FnOnce(std::io::Error) -> CacheError + '_ {
        move |error| CacheError::Io {
            path: self.path.clone(),
            doing,
            error,
        }
    }

    fn read(&self) -> Result<Option<Document>, CacheError> {
        let text = match std::fs::read(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(self.io("read")(error)),
        };
        Document::parse(&text).map(Some).map_err(|why| self.unreadable(why))
    }

    /// Replaces the file at once: a new owner-only file in the same directory, renamed over the old one.
    fn write(&self, document: &Document) -> Result<(), CacheError> {
        let text = serde_json::to_string_pretty(&Value::Object(document.0.clone()))
            .map_err(|error| self.io("encode")(std::io::Error::other(error)))?;
        let directory = self.path.parent().unwrap_or(Path::new("."));
        create_private_dir(directory).map_err(self.io("create the directory of"))?;
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let temporary = directory.join(format!(".{name}.{}.{}.tmp", std::process::id(), fastrand::u64(..)));
        let written = write_private(&temporary, text.as_bytes()).and_then(|()| std::fs::rename(&temporary, &self.path));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written.map_err(self.io("write"))
    }

    /// Renames the file to `token-cache.json.unreadable-<seconds since 1970>`.
    fn move_aside(&self) -> Result<PathBuf, CacheError> {
        let seconds = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let aside = self.path.with_file_name(format!("{name}.unreadable-{seconds}"));
        std::fs::rename(&self.path, &aside).map_err(self.io("move aside"))?;
        Ok(aside)
    }
}

/// The file's JSON object, with everything in it kept.
struct Document(Map<String, Value>);

impl Default for Document {
    fn default() -> Document {
        let mut map = Map::new();
        map.insert("version".into(), VERSION.into());
        map.insert("tokens".into(), Value::Object(Map::new()));
        Document(map)
    }
}

impl Document {
    /// Accepts what the official CLI accepts: a JSON object with `"version": 1` and an object (or null) of
    /// tokens. serde_json's syntax errors name a line and column, never the text there.
    fn parse(text: &[u8]) -> Result<Document, String> {
        let value: Value = serde_json::from_slice(text)
            .map_err(|error| format!("not JSON (line {}, column {})", error.line(), error.column()))?;
        let Value::Object(map) = value else {
            return Err("not a JSON object".to_owned());
        };
        match map.get("version") {
            Some(version) if version.as_u64() == Some(VERSION) => {}
            Some(version) if version.is_number() => {
                return Err(format!("it is version {version}, this SDK reads version {VERSION}"));
            }
            _ => return Err(format!("no `version`; this SDK reads version {VERSION}")),
        }
        if !matches!(map.get("tokens"), None | Some(Value::Null | Value::Object(_))) {
            return Err("`tokens` is not an object".to_owned());
        }
        Ok(Document(map))
    }

    fn tokens(&self) -> Option<&Map<String, Value>> {
        self.0.get("tokens")?.as_object()
    }

    fn tokens_mut(&mut self) -> &mut Map<String, Value> {
        let tokens = self.0.entry("tokens").or_insert_with(|| Value::Object(Map::new()));
        if !tokens.is_object() {
            *tokens = Value::Object(Map::new());
        }
        match tokens {
            Value::Object(tokens) => tokens,
            _ => unreachable!("made an object above"),
        }
    }

    /// Sets the entry under `key`, keeping fields of the entry it replaces that this SDK does not know, and
    /// the keys in Go's (sorted) order.
    fn put(&mut self, key: &str, login: &CachedLogin) {
        let tokens = self.tokens_mut();
        let mut kept = match tokens.remove(key) {
            Some(Value::Object(old)) => old,
            _ => Map::new(),
        };
        // Known fields are written anew; `expires_in` described the token being replaced.
        for field in ["access_token", "token_type", "refresh_token", "expiry", "expires_in"] {
            kept.remove(field);
        }
        let mut entry = Map::new();
        entry.insert("access_token".into(), login.token.access_token.expose().into());
        entry.insert("token_type".into(), login.token.token_type.clone().into());
        if let Some(refresh_token) = &login.refresh_token {
            entry.insert("refresh_token".into(), refresh_token.expose().into());
        }
        entry.insert("expiry".into(), format_expiry(login.token.expires_at).into());
        entry.extend(kept);
        tokens.insert(key.to_owned(), Value::Object(entry));
        tokens.sort_keys();
    }

    #[cfg(any(feature = "cli", test))]
    fn remove(&mut self, key: &str) -> bool {
        self.tokens_mut().remove(key).is_some()
    }
}

/// A cache entry as a login. Checked field by field, so a damaged entry is reported without its content.
fn entry_login(entry: &Value) -> Result<CachedLogin, String> {
    let text = |field: &str| match entry.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.as_str())),
        Some(_) => Err(format!("`{field}` is not a string")),
    };
    if !entry.is_object() {
        return Err("not an object".to_owned());
    }
    let access_token = text("access_token")?
        .filter(|token| !token.is_empty())
        .ok_or("no `access_token`")?;
    let expires_at = match text("expiry")? {
        None => None,
        Some(expiry) => parse_expiry(expiry).ok_or("`expiry` is not an RFC 3339 time")?,
    };
    Ok(CachedLogin {
        token: Token {
            access_token: Secret::new(access_token),
            token_type: text("token_type")?
                .filter(|kind| !kind.is_empty())
                .unwrap_or("Bearer")
                .to_owned(),
            expires_at,
        },
        refresh_token: text("refresh_token")?
            .filter(|token| !token.is_empty())
            .map(Secret::new),
    })
}

#[cfg(unix)]
fn create_private_dir(directory: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(directory)
}

#[cfg(not(unix))]
fn create_private_dir(directory: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(directory)
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// An expiry as Go's `time.Time` writes it (RFC 3339, fractional seconds without trailing zeros), in UTC;
/// no expiry as Go's zero time.
pub(crate) fn format_expiry(expires_at: Option<SystemTime>) -> String {
    let Some(at) = expires_at else {
        return NO_EXPIRY.to_owned();
    };
    let since_epoch = at.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let seconds = since_epoch.as_secs();
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    let of_day = seconds % 86_400;
    let mut text = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    );
    let nanos = since_epoch.subsec_nanos();
    if nanos > 0 {
        let fraction = format!("{nanos:09}");
        text.push('.');
        text.push_str(fraction.trim_end_matches('0'));
    }
    text.push('Z');
    text
}

/// An RFC 3339 time (`2025-01-01T10:00:00.123+01:00`); `Some(None)` for Go's zero time, which means no
/// expiry; `None` when it is not one.
fn parse_expiry(text: &str) -> Option<Option<SystemTime>> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| number_in(text, range);
    if bytes.len() < 20 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<9}", &fraction[..digits.min(9)]);
        nanos = padded.parse().ok()?;
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let offset = rest.get(1..)?;
            if offset.len() != 5 || offset.as_bytes()[2] != b':' {
                return None;
            }
            sign * (number_in(offset, 0..2)? * 3600 + number_in(offset, 3..5)? * 60)
        }
    };
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
    if year == 1 && month == 1 && day == 1 && hour == 0 && minute == 0 && second == 0 && offset == 0 && nanos == 0 {
        return Some(None);
    }
    // A time before 1970 is long past; the token it belongs to has expired.
    let at = u64::try_from(seconds).map_or(SystemTime::UNIX_EPOCH, |seconds| {
        SystemTime::UNIX_EPOCH + Duration::new(seconds, nanos)
    });
    Some(Some(at))
}

/// The digits of `text` at `range` as a number.
fn number_in(text: &str, range: std::ops::Range<usize>) -> Option<i64> {
    let digits = text.get(range)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache as the official CLI writes it (Go's `json.MarshalIndent`, times in local time with
    /// nanoseconds), with a field of a newer version in an entry and in the file.
    const OFFICIAL: &str = r#"{
  "version": 1,
  "tokens": {
    "dev": {
      "access_token": "at-dev",
      "token_type": "Bearer",
      "refresh_token": "rt-canary-dev",
      "expiry": "2030-06-01T12:30:15.123456789+02:00",
      "expires_in": 3599,
      "scopes": ["all-apis"]
    },
    "https://dev.cloud.databricks.com": {
      "access_token": "at-dev",
      "token_type": "Bearer",
      "refresh_token": "rt-canary-dev",
      "expiry": "2030-06-01T12:30:15.123456789+02:00"
    }
  },
  "written_by": "a newer CLI"
}"#;

    fn keys(profile: Option<&str>, host: &str) -> CacheKeys {
        CacheKeys {
            profile: profile.map(str::to_owned),
            host: host.to_owned(),
        }
    }

    fn cache_with(text: &str) -> (tempfile::TempDir, TokenCache) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CACHE_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        (dir, TokenCache::at(path))
    }

    fn login(access: &str, refresh: Option<&str>, expires_at: Option<SystemTime>) -> CachedLogin {
        CachedLogin {
            token: Token::bearer(access, expires_at),
            refresh_token: refresh.map(Secret::new),
        }
    }

    #[test]
    fn a_cache_written_by_the_official_cli_is_read_and_rewritten_in_its_format() {
        let (_dir, cache) = cache_with(OFFICIAL);
        // The profile's key first, then the host's.
        let found = cache
            .lookup(&keys(Some("dev"), "https://other.cloud.databricks.com"))
            .unwrap()
            .unwrap();
        assert_eq!(found.token.access_token.expose(), "at-dev");
        assert_eq!(found.refresh_token.as_ref().unwrap().expose(), "rt-canary-dev");
        assert!(!format!("{found:?}").contains("canary"), "Debug hides the tokens");
        // 12:30:15.123456789 at +02:00 is 10:30:15.123456789 UTC.
        assert_eq!(format_expiry(found.token.expires_at), "2030-06-01T10:30:15.123456789Z");
        let by_host = cache
            .lookup(&keys(Some("prod"), "https://dev.cloud.databricks.com"))
            .unwrap();
        assert!(by_host.is_some(), "the host key is tried after the profile's");
        assert!(
            cache
                .lookup(&keys(None, "https://x.cloud.databricks.com"))
                .unwrap()
                .is_none()
        );

        let at = SystemTime::UNIX_EPOCH + Duration::new(1_900_000_000, 500_000_000);
        cache
            .store(
                &keys(Some("dev"), "https://dev.cloud.databricks.com"),
                &login("at-2", Some("rt-2"), Some(at)),
            )
            .unwrap();
        let written = std::fs::read_to_string(cache.path()).unwrap();
        assert_eq!(
            written,
            r#"{
  "version": 1,
  "tokens": {
    "dev": {
      "access_token": "at-2",
      "token_type": "Bearer",
      "refresh_token": "rt-2",
      "expiry": "2030-03-17T17:46:40.5Z",
      "scopes": [
        "all-apis"
      ]
    },
    "https://dev.cloud.databricks.com": {
      "access_token": "at-2",
      "token_type": "Bearer",
      "refresh_token": "rt-2",
      "expiry": "2030-03-17T17:46:40.5Z"
    }
  },
  "written_by": "a newer CLI"
}"#
        );
    }

    #[test]
    fn entries_are_added_in_key_order_and_removed_without_touching_others() {
        let (_dir, cache) = cache_with(OFFICIAL);
        cache
            .store(
                &keys(None, "https://a.cloud.databricks.com"),
                &login("at-a", None, None),
            )
            .unwrap();
        let text = std::fs::read_to_string(cache.path()).unwrap();
        let document: Value = serde_json::from_str(&text).unwrap();
        let names: Vec<&String> = document["tokens"].as_object().unwrap().keys().collect();
        assert_eq!(
            names,
            [
                "dev",
                "https://a.cloud.databricks.com",
                "https://dev.cloud.databricks.com"
            ]
        );
        // No refresh token: the field is left out, as Go's `omitempty` does; no expiry: Go's zero time.
        assert_eq!(
            document["tokens"]["https://a.cloud.databricks.com"],
            serde_json::json!({"access_token": "at-a", "token_type": "Bearer", "expiry": NO_EXPIRY})
        );
        let found = cache
            .lookup(&keys(None, "https://a.cloud.databricks.com"))
            .unwrap()
            .unwrap();
        assert_eq!((found.token.expires_at, found.refresh_token.is_none()), (None, true));

        assert_eq!(cache.remove(&["dev", "missing"]).unwrap(), 1);
        assert!(cache.lookup(&keys(Some("dev"), "https://none")).unwrap().is_none());
        assert!(
            cache
                .lookup(&keys(None, "https://dev.cloud.databricks.com"))
                .unwrap()
                .is_some()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_new_cache_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path().join(CACHE_FILE));
        assert!(
            cache.lookup(&keys(None, "https://h")).unwrap().is_none(),
            "no file, no login"
        );
        cache
            .store(&keys(Some("p"), "https://h"), &login("at", Some("rt"), None))
            .unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(cache.path()), 0o600);
        assert_eq!(mode(cache.path().parent().unwrap()), 0o700);
        let names: Vec<_> = std::fs::read_dir(cache.path().parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[test]
    fn a_damaged_or_newer_cache_is_an_error_naming_the_file_and_the_next_step() {
        for (text, why) in [
            ("{\"version\": 1, \"tokens\": {\"dev\": \"rt-canary", "not JSON (line 1"),
            (
                "{\"version\": 2, \"tokens\": {}}",
                "it is version 2, this SDK reads version 1",
            ),
            ("[]", "not a JSON object"),
            ("{\"tokens\": {}}", "no `version`"),
            (
                "{\"version\": 1, \"tokens\": {\"dev\": {\"access_token\": 7}}}",
                "entry `dev`: `access_token` is not a string",
            ),
        ] {
            let (_dir, cache) = cache_with(text);
            let error = cache.lookup(&keys(Some("dev"), "https://h")).unwrap_err();
            let message = error.to_string();
            assert!(message.contains(why), "{text}: {message}");
            assert!(message.contains(&cache.path().display().to_string()), "{message}");
            assert!(message.contains("dbr auth login"), "{message}");
            assert!(
                !message.contains("canary") && !format!("{error:?}").contains("canary"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_login_moves_a_damaged_cache_aside_and_keeps_it() {
        let (_dir, cache) = cache_with("{\"version\": 1, \"tok");
        let keys = keys(None, "https://h");
        assert!(
            cache.store(&keys, &login("at", None, None)).is_err(),
            "an ordinary write refuses"
        );
        let moved = cache.store_login(&keys, &login("at", None, None)).unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(&moved).unwrap(), "{\"version\": 1, \"tok");
        assert_eq!(moved.parent(), cache.path().parent());
        assert!(cache.lookup(&keys).unwrap().is_some());
        // A readable cache stays where it is.
        assert_eq!(cache.store_login(&keys, &login("at", None, None)).unwrap(), None);
    }

    #[test]
    fn cache_keys_follow_the_official_tools() {
        use crate::config::tests::Home;
        let home = Home::new().file(
            ".databrickscfg",
            "[acc]\nhost = https://accounts.cloud.databricks.com/\naccount_id = abc-1\n",
        );
        let settings = home.builder().profile("acc").settings().unwrap();
        assert_eq!(
            CacheKeys::of(&settings),
            Some(keys(
                Some("acc"),
                "https://accounts.cloud.databricks.com/oidc/accounts/abc-1"
            ))
        );
        let settings = Home::new()
            .builder()
            .host("dbc-1.cloud.databricks.com/")
            .settings()
            .unwrap();
        assert_eq!(
            CacheKeys::of(&settings),
            Some(keys(None, "https://dbc-1.cloud.databricks.com"))
        );
    }

    #[test]
    fn times_are_read_and_written_as_go_does() {
        for (text, expected) in [
            ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
            ("2024-02-29T23:59:59.000000001-00:30", "2024-03-01T00:29:59.000000001Z"),
            ("2000-03-01t00:00:00.5z", "2000-03-01T00:00:00.5Z"),
            ("0001-01-01T00:00:00Z", NO_EXPIRY),
        ] {
            let parsed = parse_expiry(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(format_expiry(parsed), expected, "{text}");
        }
        for text in [
            "2024-13-01T00:00:00Z",
            "2024-01-01T00:00:00",
            "2024-01-01T00:00:00.Z",
            "soon",
        ] {
            assert_eq!(parse_expiry(text), None, "{text}");
        }
    }
}
