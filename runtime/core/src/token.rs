//! Access tokens that expire, and the cache every token-based method keeps them in: a token is replaced
//! [`REFRESH_MARGIN`] before it expires, so it never expires in flight, and under concurrency one caller
//! fetches while the others wait for its result, so a burst of calls costs one token request.

use std::time::{Duration, SystemTime};

use reqwest::header::{AUTHORIZATION, HeaderMap};

use crate::auth::Secret;
use crate::auth::{AuthError, BoxFuture, HeaderSource, sensitive_header};

/// How long before its expiry an access token is replaced.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(40);

/// An access token and when it stops working.
#[derive(Clone, Debug)]
pub struct Token {
    pub access_token: Secret,
    /// `Bearer` unless the issuer says otherwise.
    pub token_type: String,
    /// `None` when the issuer did not say: kept until the server rejects it.
    pub expires_at: Option<SystemTime>,
}

impl Token {
    /// A bearer token.
    pub fn bearer(access_token: impl Into<String>, expires_at: Option<SystemTime>) -> Token {
        Token {
            access_token: Secret::new(access_token),
            token_type: "Bearer".to_owned(),
            expires_at,
        }
    }

    /// Whether it is still good for a request sent now, with the margin to spare.
    pub fn is_fresh(&self) -> bool {
        self.expires_at
            .is_none_or(|expires_at| SystemTime::now() + REFRESH_MARGIN < expires_at)
    }

    /// `Authorization: <type> <token>`.
    pub fn authorization(&self) -> Result<reqwest::header::HeaderValue, AuthError> {
        // Issuers write the type in any case (`bearer`); the API expects `Bearer`.
        let token_type = if self.token_type.eq_ignore_ascii_case("bearer") || self.token_type.is_empty() {
            "Bearer"
        } else {
            self.token_type.as_str()
        };
        sensitive_header(&format!("{token_type} {}", self.access_token.expose()))
            .ok_or_else(|| AuthError::new("the access token cannot be sent in an HTTP header"))
    }
}

/// Fetches a new token: from a token endpoint, a command, a file.
pub trait TokenSource: Send + Sync {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>>;
}

/// A token source behind a cache; as a [`HeaderSource`] it sends `Authorization: Bearer <token>`.
pub struct CachedToken<S> {
    source: S,
    cached: tokio::sync::Mutex<Option<Token>>,
}

impl<S: TokenSource> CachedToken<S> {
    pub fn new(source: S) -> Self {
        CachedToken {
            source,
            cached: tokio::sync::Mutex::new(None),
        }
    }

    /// A cache that starts with `token` (read from a token cache on disk, say).
    pub fn with_token(source: S, token: Option<Token>) -> Self {
        CachedToken {
            source,
            cached: tokio::sync::Mutex::new(token),
        }
    }

    /// A token that is good for a while yet.
    pub async fn token(&self, http: &reqwest::Client) -> Result<Token, AuthError> {
        // Held across the fetch: the callers behind it get the new token instead of fetching too.
        let mut cached = self.cached.lock().await;
        if let Some(token) = cached.as_ref().filter(|token| token.is_fresh()) {
            return Ok(token.clone());
        }
        let token = self.source.fetch(http).await?;
        *cached = Some(token.clone());
        Ok(token)
    }

    pub async fn forget(&self) {
        *self.cached.lock().await = None;
    }
}

impl<S: TokenSource> HeaderSource for CachedToken<S> {
    fn headers<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<HeaderMap, AuthError>> {
        Box::pin(async move {
            let token = self.token(http).await?;
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, token.authorization()?);
            Ok(headers)
        })
    }

    fn invalidate(&self) -> BoxFuture<'_, bool> {
        Box::pin(async move {
            self.forget().await;
            true
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Hands out `token-1`, `token-2`, ... each valid for `lifetime`, slowly, counting fetches.
    struct Counting {
        fetches: Arc<AtomicUsize>,
        lifetime: Duration,
    }

    impl TokenSource for Counting {
        fn fetch<'a>(&'a self, _: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
                Ok(Token::bearer(
                    format!("token-{n}"),
                    Some(SystemTime::now() + self.lifetime),
                ))
            })
        }
    }

    fn cache(lifetime: Duration) -> (Arc<CachedToken<Counting>>, Arc<AtomicUsize>) {
        let fetches = Arc::new(AtomicUsize::new(0));
        let source = Counting {
            fetches: fetches.clone(),
            lifetime,
        };
        (Arc::new(CachedToken::new(source)), fetches)
    }

    #[tokio::test]
    async fn concurrent_callers_share_one_fetch() {
        let (cache, fetches) = cache(Duration::from_secs(3600));
        let http = crate::auth::test_http();
        let calls = (0..20).map(|_| {
            let cache = cache.clone();
            let http = http.clone();
            tokio::spawn(async move { cache.token(&http).await.unwrap().access_token.expose().to_owned() })
        });
        for call in calls {
            assert_eq!(call.await.unwrap(), "token-1");
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_token_is_replaced_before_it_expires_and_after_a_rejection() {
        // Valid for less than the margin: every call needs a new one.
        let (cache, fetches) = cache(REFRESH_MARGIN - Duration::from_secs(1));
        let http = crate::auth::test_http();
        cache.token(&http).await.unwrap();
        let second = cache.token(&http).await.unwrap();
        assert_eq!(second.access_token.expose(), "token-2");
        assert_eq!(fetches.load(Ordering::SeqCst), 2);

        let (cache, fetches) = cache_long();
        cache.token(&http).await.unwrap();
        assert!(cache.invalidate().await);
        assert_eq!(cache.token(&http).await.unwrap().access_token.expose(), "token-2");
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
    }

    fn cache_long() -> (Arc<CachedToken<Counting>>, Arc<AtomicUsize>) {
        cache(Duration::from_secs(3600))
    }

    #[test]
    fn the_header_says_bearer_and_hides_the_token() {
        let mut token = Token::bearer("dapi-canary", None);
        token.token_type = "bearer".into();
        let header = token.authorization().unwrap();
        assert_eq!(header.to_str().unwrap(), "Bearer dapi-canary");
        assert!(header.is_sensitive());
        assert!(!format!("{token:?}").contains("canary"));
    }
}
