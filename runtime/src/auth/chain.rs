//! Choosing the auth method. `auth_type` (or `DATABRICKS_AUTH_TYPE`) forces one; otherwise the methods are
//! tried in the official SDKs' order and the first whose settings are present is used. Credentials of two
//! methods at once are an error naming both, and when nothing applies the error lists every method with
//! the reason it did not.

use super::google::Google;
use super::{AuthMethod, Credentials, CredentialsProvider, Unavailable};
use crate::config::attributes::Attribute;
use crate::config::{ConfigError, Settings, Source};

/// Every provider, in the order the default chain tries them (the official Go SDK's order).
/// `external-browser` applies only when forced.
const PROVIDERS: &[&dyn CredentialsProvider] = &[
    &super::pat::Pat,
    &super::basic::Basic,
    &super::m2m::OAuthM2M,
    &super::u2m::DatabricksCli,
    &super::metadata_service::MetadataService,
    &super::oidc::GithubOidc,
    &super::oidc::AzureDevopsOidc,
    &super::oidc::EnvOidc,
    &super::oidc::FileOidc,
    &super::azure::AzureMsi,
    &super::azure::AzureClientSecret,
    &super::azure::AzureCli,
    &Google(AuthMethod::GoogleCredentials),
    &Google(AuthMethod::GoogleId),
    &super::u2m::ExternalBrowser,
];

fn provider(method: AuthMethod) -> Option<&'static dyn CredentialsProvider> {
    PROVIDERS.iter().copied().find(|provider| provider.method() == method)
}

/// The credentials requests will use, or why there are none.
pub(crate) fn choose(settings: &Settings) -> Result<Credentials, ConfigError> {
    if let Some(name) = settings.get("auth_type") {
        let source = settings.source("auth_type").map(Source::to_string).unwrap_or_default();
        let method = AuthMethod::from_name(name).ok_or_else(|| ConfigError::UnknownAuthType {
            auth_type: name.to_owned(),
            source: source.clone(),
        })?;
        let Some(provider) = provider(method) else {
            return Err(ConfigError::AuthMethodUnavailable {
                method: method.name().to_owned(),
                source,
                reason: "this SDK does not implement it".to_owned(),
            });
        };
        return provider.configure(settings, true).map_err(|unavailable| {
            let (Unavailable::NotConfigured(reason) | Unavailable::Broken(reason)) = unavailable;
            ConfigError::AuthMethodUnavailable {
                method: method.name().to_owned(),
                source,
                reason,
            }
        });
    }
    check_one_method(settings)?;
    let mut tried = Vec::new();
    for provider in PROVIDERS {
        match provider.configure(settings, false) {
            Ok(credentials) => return Ok(credentials),
            Err(Unavailable::NotConfigured(reason)) => tried.push(format!("{}: {reason}", provider.method())),
            Err(Unavailable::Broken(reason)) => {
                return Err(ConfigError::AuthMethodUnavailable {
                    method: provider.method().name().to_owned(),
                    source: "chosen because its settings are present".to_owned(),
                    reason,
                });
            }
        }
    }
    Err(ConfigError::MissingCredentials {
        tried,
        sources: settings.sources_read().to_vec(),
    })
}

/// Credentials of two groups (a token and a client secret, say) leave the method ambiguous.
fn check_one_method(settings: &Settings) -> Result<(), ConfigError> {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (attribute, value) in settings.attributes() {
        let Some(group) = attribute.auth else { continue };
        if is_off(attribute, &value.value) {
            continue;
        }
        let entry = format!("{} from {}", attribute.name, value.source);
        match groups.iter_mut().find(|(name, _)| *name == group) {
            Some((_, settings)) => settings.push(entry),
            None => groups.push((group, vec![entry])),
        }
    }
    if groups.len() <= 1 {
        return Ok(());
    }
    Err(ConfigError::AmbiguousCredentials {
        methods: groups
            .into_iter()
            .map(|(group, settings)| format!("{group} ({})", settings.join(", ")))
            .collect(),
    })
}

/// A boolean credential set to false (`ARM_USE_MSI=false`) configures nothing.
fn is_off(attribute: &Attribute, value: &str) -> bool {
    attribute.name == "azure_use_msi"
        && matches!(value.trim().to_ascii_lowercase().as_str(), "false" | "0" | "no" | "off")
}
