//! `pat`: a personal access token, sent as it is.

use reqwest::header::{AUTHORIZATION, HeaderMap};

use super::{AuthMethod, Credentials, CredentialsProvider, StaticHeaders, Unavailable, missing, sensitive_header};
use crate::config::{Settings, Source};

pub(crate) struct Pat;

impl CredentialsProvider for Pat {
    fn method(&self) -> AuthMethod {
        AuthMethod::PersonalAccessToken
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let Some(token) = settings.secret("token") else {
            return Err(missing(&["token"]));
        };
        let token = token.expose().trim();
        // The token travels in an HTTP header: only visible ASCII can be sent there.
        let header = Some(token)
            .filter(|token| !token.is_empty() && token.bytes().all(|byte| byte.is_ascii_graphic()))
            .and_then(|token| sensitive_header(&format!("Bearer {token}")))
            .ok_or_else(|| {
                Unavailable::Broken(
                    "the token contains spaces or non-ASCII characters; copy the personal access token again"
                        .to_owned(),
                )
            })?;
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, header);
        let source = settings.source("token").cloned().unwrap_or(Source::Explicit);
        Ok(Credentials::new(self.method(), source, StaticHeaders(headers)))
    }
}
