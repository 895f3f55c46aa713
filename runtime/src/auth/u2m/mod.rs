//! OAuth user-to-machine auth, sharing its logins with the official Databricks CLI:
//! - `databricks-cli`: the login `databricks auth login` or `dbr auth login` cached in
//!   `~/.databricks/token-cache.json`; it applies when the cache holds one for this profile or host;
//! - `external-browser` (only when `auth_type` names it): the cached login when it still works, else a
//!   login in the browser, cached for the next time.
//!
//! An access token is replaced with the refresh token shortly before it expires, and the new tokens are
//! written back under both cache keys, so the official CLI and older SDKs see them too.

pub(crate) mod cache;
pub(crate) mod login;

use std::time::SystemTime;

use cache::{CacheKeys, CachedLogin, TokenCache};
use login::{Browser, CLIENT_ID, LOGIN_TIMEOUT, PendingLogin};

use super::oauth::{ClientAuth, Endpoints, request_token};
use super::token::{CachedToken, Token, TokenSource};
use super::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable};
use crate::config::{Secret, Settings, Source};

/// Since May 2026 the official CLI keeps logins in the operating system's keyring unless told otherwise;
/// only logins in its plaintext file are shared.
const KEYRING_NOTE: &str = " (a login made with the official CLI is shared only when it keeps tokens in this file: \
                            run it with DATABRICKS_AUTH_STORAGE=plaintext, or set auth_storage = plaintext in \
                            [__settings__] of ~/.databrickscfg)";

/// `databricks-cli`: the login cached by `databricks auth login` or `dbr auth login`.
pub(crate) struct DatabricksCli;

impl CredentialsProvider for DatabricksCli {
    fn method(&self) -> AuthMethod {
        AuthMethod::DatabricksCli
    }

    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable> {
        let unavailable = |why: String| {
            if forced {
                Unavailable::Broken(why)
            } else {
                Unavailable::NotConfigured(why)
            }
        };
        let tokens = CacheTokens::of(settings, None).map_err(unavailable)?;
        let cached = tokens
            .cache
            .lookup(&tokens.keys)
            .map_err(|error| unavailable(error.to_string()))?;
        let Some(cached) = cached else {
            return Err(unavailable(if forced {
                format!(
                    "no cached login for {}; run `{}`{KEYRING_NOTE}",
                    tokens.target, tokens.login_command
                )
            } else {
                format!(
                    "no cached login for {} in {}",
                    tokens.target,
                    tokens.cache.path().display()
                )
            }));
        };
        let source = Source::Ambient(format!("the login cached in {}", tokens.cache.path().display()));
        tokens.handed_out(&cached.token);
        Ok(Credentials::new(
            self.method(),
            source,
            CachedToken::with_token(tokens, Some(cached.token)),
        ))
    }
}

/// `external-browser`: the cached login when it works, else a login in the browser.
pub(crate) struct ExternalBrowser;

impl CredentialsProvider for ExternalBrowser {
    fn method(&self) -> AuthMethod {
        AuthMethod::ExternalBrowser
    }

    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable> {
        if !forced {
            return Err(Unavailable::NotConfigured(
                "applies only when auth_type is external-browser, since it opens a browser".to_owned(),
            ));
        }
        let port = callback_port(settings).map_err(Unavailable::Broken)?;
        let endpoints = Endpoints::of(settings).map_err(Unavailable::Broken)?;
        let login = BrowserLogin {
            endpoints,
            scopes: login_scopes(settings),
            port,
            browser: Browser::from_env(settings.env()),
        };
        let tokens = CacheTokens::of(settings, Some(login)).map_err(Unavailable::Broken)?;
        // A damaged cache is moved aside by the login that replaces it.
        let cached = tokens
            .cache
            .lookup(&tokens.keys)
            .ok()
            .flatten()
            .map(|cached| cached.token);
        if let Some(token) = &cached {
            tokens.handed_out(token);
        }
        let source = Source::Ambient(format!(
            "a login in the browser, cached in {}",
            tokens.cache.path().display()
        ));
        Ok(Credentials::new(
            self.method(),
            source,
            CachedToken::with_token(tokens, cached),
        ))
    }
}

/// The scopes a login asks for: `scopes` (default `all-apis`), with `offline_access` for a refresh token
/// unless `disable_oauth_refresh_token` is set, as in the official SDK.
pub(crate) fn login_scopes(settings: &Settings) -> String {
    let scopes = settings
        .get("scopes")
        .map_or_else(|| "all-apis".to_owned(), super::m2m::scopes);
    if settings.flag("disable_oauth_refresh_token") || scopes.split(' ').any(|scope| scope == "offline_access") {
        scopes
    } else {
        format!("offline_access {scopes}")
    }
}

/// `oauth_callback_port`, if set (0 counts as unset, as in the official SDK).
pub(crate) fn callback_port(settings: &Settings) -> Result<Option<u16>, String> {
    let Some(raw) = settings.get("oauth_callback_port") else {
        return Ok(None);
    };
    match raw.trim().parse::<u16>() {
        Ok(0) => Ok(None),
        Ok(port) => Ok(Some(port)),
        Err(_) => Err(format!("oauth_callback_port `{raw}` is not a port number (1 to 65535)")),
    }
}

/// How `external-browser` logs in when the cache cannot help.
pub(crate) struct BrowserLogin {
    endpoints: Endpoints,
    scopes: String,
    port: Option<u16>,
    browser: Browser,
}

/// The tokens of one workspace's (or account's) login in the token cache: read, refreshed, written back.
pub(crate) struct CacheTokens {
    cache: TokenCache,
    keys: CacheKeys,
    token_url: String,
    /// The host (and account), for messages.
    target: String,
    /// What logs in again: `dbr auth login -p dev`.
    login_command: String,
    /// `external-browser`: log in when the cache has no working login.
    browser_login: Option<BrowserLogin>,
    /// The access token last handed out, so a newer one in the cache (from another process) is told apart
    /// from the one that just expired or was rejected.
    handed_out: std::sync::Mutex<Option<Secret>>,
}

impl CacheTokens {
    /// The cached login of the workspace or account `settings` point at (not yet read).
    pub(crate) fn of(settings: &Settings, browser_login: Option<BrowserLogin>) -> Result<CacheTokens, String> {
        let endpoints = Endpoints::of(settings)?;
        let keys = CacheKeys::of(settings).ok_or("no host")?;
        let cache = TokenCache::in_home(settings.env())
            .ok_or_else(|| format!("no home directory (HOME is not set), so no ~/{}", cache::CACHE_FILE))?;
        let host = settings.host().unwrap_or_default();
        let account = settings.is_account_host().then(|| settings.get("account_id")).flatten();
        let target = match account {
            Some(account) => format!("account {account} at {host}"),
            None => host.clone(),
        };
        let login_command = match (settings.profile(), account) {
            (Some(profile), _) => format!("dbr auth login -p {profile}"),
            (None, Some(account)) => format!("dbr auth login --host {host} --account-id {account}"),
            (None, None) => format!("dbr auth login --host {host}"),
        };
        Ok(CacheTokens {
            cache,
            keys,
            token_url: endpoints.token,
            target,
            login_command,
            browser_login,
            handed_out: std::sync::Mutex::new(None),
        })
    }

    #[cfg(any(feature = "cli", test))]
    /// An access token valid for at least `lasting` more, refreshed (and cached) if the cached one is not.
    pub(crate) async fn token(&self, http: &reqwest::Client, lasting: std::time::Duration) -> Result<Token, AuthError> {
        let deadline = SystemTime::now() + lasting;
        self.current(http, |token| token.expires_at.is_none_or(|at| at > deadline))
            .await
    }

    fn handed_out(&self, token: &Token) {
        if let Ok(mut handed_out) = self.handed_out.lock() {
            *handed_out = Some(token.access_token.clone());
        }
    }

    fn is_handed_out(&self, token: &Token) -> bool {
        self.handed_out
            .lock()
            .is_ok_and(|handed_out| handed_out.as_ref() == Some(&token.access_token))
    }

    /// The cached token if `good_enough` accepts it; else one from the refresh token; else, for
    /// `external-browser`, one from a login in the browser.
    async fn current(&self, http: &reqwest::Client, good_enough: impl Fn(&Token) -> bool) -> Result<Token, AuthError> {
        let not_logged_in = || {
            AuthError::new(format!(
                "no cached login for {} in {}; run `{}`{KEYRING_NOTE}",
                self.target,
                self.cache.path().display(),
                self.login_command
            ))
        };
        let cached = match self.cache.lookup(&self.keys) {
            Ok(cached) => cached,
            Err(_) if self.browser_login.is_some() => None,
            Err(error) => return Err(AuthError::new(error.to_string())),
        };
        if let Some(cached) = cached {
            if good_enough(&cached.token) {
                self.handed_out(&cached.token);
                return Ok(cached.token);
            }
            match (&cached.refresh_token, &self.browser_login) {
                (Some(refresh_token), browser) => match self.refresh(http, refresh_token).await {
                    Ok(token) => return Ok(token),
                    Err(error) if browser.is_none() => return Err(error),
                    Err(error) => tracing::debug!("the cached login cannot be refreshed, logging in again: {error}"),
                },
                (None, None) => {
                    return Err(AuthError::new(format!(
                        "the cached login for {} has expired and has no refresh token; run `{}`",
                        self.target, self.login_command
                    )));
                }
                (None, Some(_)) => {}
            }
        }
        let Some(browser_login) = &self.browser_login else {
            return Err(not_logged_in());
        };
        self.log_in(http, browser_login).await
    }

    /// Replaces the access token with the refresh token and caches the new tokens under both keys. The
    /// refresh token is kept when the answer brings no new one.
    async fn refresh(&self, http: &reqwest::Client, refresh_token: &Secret) -> Result<Token, AuthError> {
        let requested = SystemTime::now();
        let client = ClientAuth::Form {
            client_id: CLIENT_ID,
            secret: None,
        };
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ];
        let hint = format!(
            "the login may have expired or been revoked; run `{}` to log in again",
            self.login_command
        );
        let answer = request_token(
            http,
            &self.token_url,
            client,
            &form,
            "Refreshing the cached login",
            &hint,
        )
        .await?;
        let refreshed = CachedLogin {
            token: answer.token(requested),
            refresh_token: Some(answer.refresh_token.map_or_else(|| refresh_token.clone(), Secret::new)),
        };
        self.cache.store(&self.keys, &refreshed).map_err(|error| {
            AuthError::new(format!(
                "the refreshed login could not be cached, so the next one would fail: {error}"
            ))
        })?;
        self.handed_out(&refreshed.token);
        Ok(refreshed.token)
    }

    /// `external-browser`: a login in the browser, cached like `dbr auth login` caches it.
    async fn log_in(&self, http: &reqwest::Client, login: &BrowserLogin) -> Result<Token, AuthError> {
        let pending = PendingLogin::start(&login.endpoints, &login.scopes, login.port)?;
        // A library has no other channel to the user; the official SDKs print too.
        if login.browser == Browser::Print {
            eprintln!(
                "To log in to {}, open this URL in your browser:\n{}",
                self.target,
                pending.url()
            );
        } else {
            eprintln!(
                "Opening a browser to log in to {}. If none opens, open this URL:\n{}",
                self.target,
                pending.url()
            );
            if let Err(why) = login.browser.open(pending.url()) {
                eprintln!("The browser could not be opened ({why}); open the URL above yourself.");
            }
        }
        let logged_in = pending.finish(http, LOGIN_TIMEOUT).await?;
        let moved = self
            .cache
            .store_login(&self.keys, &logged_in)
            .map_err(|error| AuthError::new(format!("the login could not be cached: {error}")))?;
        if let Some(moved) = moved {
            eprintln!("The unreadable token cache was moved to {}.", moved.display());
        }
        self.handed_out(&logged_in.token);
        Ok(logged_in.token)
    }
}

impl TokenSource for CacheTokens {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        // A token this source handed out is being replaced (expiring, or rejected): only a newer one in the
        // cache, refreshed by another process, is taken as it is.
        Box::pin(self.current(http, |token| token.is_fresh() && !self.is_handed_out(token)))
    }
}

#[cfg(test)]
mod tests;
