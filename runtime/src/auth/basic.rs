//! `basic`: a user name and password, sent as HTTP basic auth (`DATABRICKS_USERNAME`,
//! `DATABRICKS_PASSWORD`).

use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, HeaderMap};

use super::{AuthMethod, Credentials, CredentialsProvider, StaticHeaders, Unavailable, missing, sensitive_header};
use crate::config::{Settings, Source};

pub(crate) struct Basic;

impl CredentialsProvider for Basic {
    fn method(&self) -> AuthMethod {
        AuthMethod::Basic
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let (Some(username), Some(password)) = (settings.get("username"), settings.secret("password")) else {
            return Err(missing(&["username", "password"]));
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{}", password.expose()));
        let header = sensitive_header(&format!("Basic {encoded}"))
            .ok_or_else(|| Unavailable::Broken("the user name cannot be sent in an HTTP header".to_owned()))?;
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, header);
        let source = settings.source("password").cloned().unwrap_or(Source::Explicit);
        Ok(Credentials::new(self.method(), source, StaticHeaders(headers)))
    }
}
