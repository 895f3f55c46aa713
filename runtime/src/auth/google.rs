//! `google-credentials` and `google-id`: Google Cloud service accounts. Their settings are accepted, so
//! profiles written for GCP workspaces load, but this SDK cannot sign in with them yet: when their
//! settings are present the chain says so instead of passing over them.

use super::{AuthMethod, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::Settings;

pub(crate) struct Google(pub AuthMethod);

impl CredentialsProvider for Google {
    fn method(&self) -> AuthMethod {
        self.0
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let key = match self.0 {
            AuthMethod::GoogleCredentials => "google_credentials",
            _ => "google_service_account",
        };
        let present = match key {
            "google_credentials" => settings.secret(key).is_some(),
            _ => settings.get(key).is_some(),
        };
        if !present {
            return Err(missing(&[key]));
        }
        Err(Unavailable::Broken(format!(
            "Google Cloud sign-in ({}) is not supported by this SDK yet; use a personal access token or an OAuth \
             service principal (oauth-m2m) for GCP workspaces",
            self.0
        )))
    }
}
