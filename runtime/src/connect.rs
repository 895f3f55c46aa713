//! A core [`Client`] made of a Databricks [`Config`]: its host, the auth method the chain chose, its
//! timeouts and limits, its transport settings, and the Databricks error codes that mean "try again".

use std::sync::Arc;

use openapi_runtime::{ApiError, Authenticator, Client, Connection, Error, SetupError, SetupKind};

use crate::AuthMethod;
use crate::config::{Config, ConfigError, Settings, Source};

pub use openapi_runtime::HTTP_LOG_TARGET;

const USER_AGENT: &str = concat!("databricks-sdk-rust/", env!("CARGO_PKG_VERSION"));

/// Paths whose redirect is the answer: the Azure tenant of a workspace is where its login page sends the
/// browser.
const REDIRECTS_RETURNED_FOR: &[&str] = &[crate::auth::AZURE_TENANT_PATH];

/// A client for `config`'s workspace. Its connections trust the operating system's certificates plus those
/// of `ca_bundle` (none are checked with `skip_verify`), and go through the proxies the standard variables of
/// the configuration's environment name (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`; the process's
/// for a configuration without default sources).
pub fn connect(config: Config) -> Result<Client, Error> {
    Client::connect(connection(&config)).map_err(|error| explain_setup(config.settings_ref(), error))
}

/// A client for the account of `config` and that account's id: the configuration's host is the account console
/// (`https://accounts.cloud.databricks.com`, or a local server in tests), `account_id` names the account, and
/// its auth method is one the account API accepts (OAuth, Azure, basic; not a personal access token).
pub fn connect_account(config: Config) -> Result<(Client, String), Error> {
    let account_id = config
        .get("account_id")
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or(ConfigError::MissingAccountId)?
        .to_owned();
    if config.auth_method() == AuthMethod::PersonalAccessToken {
        return Err(ConfigError::AccountAuthMethod {
            method: config.auth_method().name().to_owned(),
            source: config.credentials_source().to_string(),
        }
        .into());
    }
    Ok((connect(config)?, account_id))
}

/// What [`connect`] builds a client of.
fn connection(config: &Config) -> Connection {
    let mut connection = transport_of(
        config.settings_ref(),
        config.host(),
        Arc::new(Arc::clone(&config.credentials().headers)),
    );
    connection.read_timeout = config.http_timeout();
    connection.retry_timeout = config.retry_timeout();
    connection.max_response_size = config.max_response_size();
    connection.rate_limit = config.rate_limit();
    connection
}

/// A connection with the transport settings of `settings` (trust, proxies, user agent, redirects).
fn transport_of(settings: &Settings, host: &str, authenticator: Arc<dyn Authenticator>) -> Connection {
    let environment = settings.env().clone();
    let mut connection = Connection::new(host, authenticator);
    connection.user_agent = USER_AGENT;
    connection.ca_bundle = settings.get("ca_bundle").map(Into::into);
    connection.skip_verify = settings.flag("skip_verify");
    connection.environment = Arc::new(move |name| environment.var(name));
    connection.redirects_returned_for = REDIRECTS_RETURNED_FOR;
    connection.retryable = retryable_error_code;
    connection
}

/// The HTTP client of `dbr auth login`, where no workspace client exists yet: the transport settings of
/// `settings`, with `read_timeout`.
#[cfg(feature = "cli")]
pub(crate) fn http_client(settings: &Settings, read_timeout: std::time::Duration) -> Result<reqwest::Client, Error> {
    let no_credentials = Arc::new(openapi_runtime::StaticHeaders(reqwest::header::HeaderMap::new()));
    let mut connection = transport_of(settings, "", no_credentials);
    connection.read_timeout = read_timeout;
    connection.http_client().map_err(|error| explain_setup(settings, error))
}

/// Databricks says "throttled" and "unavailable" with error codes too, on statuses that alone are final.
fn retryable_error_code(error: &ApiError) -> Option<&'static str> {
    match error.error_code.as_deref() {
        Some("REQUEST_LIMIT_EXCEEDED") => Some("the request limit was exceeded"),
        Some("TEMPORARILY_UNAVAILABLE") => Some("the service is temporarily unavailable"),
        _ => None,
    }
}

/// A transport setting the core could not use, as the configuration error naming the source it came from.
fn explain_setup(settings: &Settings, error: Error) -> Error {
    let Error::Config(boxed) = error else {
        return error;
    };
    let Some(setup) = boxed.downcast_ref::<SetupError>() else {
        return Error::Config(boxed);
    };
    let source = match setup.kind {
        SetupKind::CaBundle => settings.source("ca_bundle").map(Source::to_string).unwrap_or_default(),
        _ => setup.source.clone().unwrap_or_default(),
    };
    let hint = match setup.kind {
        SetupKind::CaBundle => {
            Some("point ca_bundle (DATABRICKS_CA_BUNDLE) at a PEM file of the certificates to trust")
        }
        _ => setup.hint.as_deref(),
    };
    let reason = match hint {
        Some(hint) => format!("{}; {hint}", setup.reason),
        None => setup.reason.clone(),
    };
    Error::Config(Box::new(ConfigError::InvalidTransport {
        setting: setup.setting.clone(),
        source,
        reason,
    }))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use openapi_runtime::Method;
    use serde_json::{Value, json};
    use wiremock::matchers::any;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;

    async fn server(status: u16, body: &str) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json"))
            .mount(&server)
            .await;
        server
    }

    #[tokio::test]
    async fn databricks_throttling_codes_are_retried_whatever_the_status() {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(400).set_body_raw(
                r#"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}"#,
                "application/json",
            ))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
            .mount(&server)
            .await;
        let config = Config::builder().host(server.uri()).token("dapi-x").build().unwrap();
        let answer: Value = connect(config)
            .unwrap()
            .raw(Method::Post, "/api/2.0/clusters/create")
            .send()
            .await
            .unwrap();
        assert_eq!(answer, json!({}));
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
        let mut not_retried = ApiError::new("test.op", 400, b"");
        not_retried.error_code = Some("INVALID_PARAMETER_VALUE".to_owned());
        assert_eq!(retryable_error_code(&not_retried), None);
    }
    #[tokio::test]
    async fn ca_bundle_and_skip_verify_decide_which_certificates_are_trusted() {
        use crate::config::tests::Home;
        let ca = openapi_runtime::transport::fakes::PrivateCa::new();
        let server = server(200, "{}").await;
        let front = ca.https_front(*server.address()).await;
        let dir = tempfile::tempdir().unwrap();
        let bundle = dir.path().join("corp-ca.pem");
        std::fs::write(&bundle, &ca.ca_pem).unwrap();
        let call = |builder: crate::ConfigBuilder| async move {
            let config = builder
                .host(format!("https://{front}"))
                .token("dapi-tls")
                .build()
                .unwrap();
            connect(config)?.raw(Method::Get, "/api/2.0/ping").send::<Value>().await
        };

        let refused = call(Config::builder().retry_timeout(Duration::ZERO)).await.unwrap_err();
        assert!(matches!(refused, Error::Transport { .. }), "{refused}");
        assert!(refused.to_string().contains("certificate"), "{refused}");
        assert!(server.received_requests().await.unwrap().is_empty());

        let with_bundle = Home::new().var("DATABRICKS_CA_BUNDLE", &bundle.display().to_string());
        assert_eq!(call(with_bundle.builder()).await.unwrap(), json!({}));
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].headers["authorization"], "Bearer dapi-tls");

        assert_eq!(
            call(Config::builder().set("skip_verify", "true")).await.unwrap(),
            json!({})
        );

        let missing = dir.path().join("missing.pem").display().to_string();
        let error = call(Home::new().var("DATABRICKS_CA_BUNDLE", &missing).builder())
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Config(boxed) if matches!(boxed.downcast_ref(), Some(ConfigError::InvalidTransport { .. }))),
            "{error}"
        );
        assert!(
            error.to_string().starts_with(&format!(
                "the CA bundle {missing} from DATABRICKS_CA_BUNDLE cannot be used: it cannot be read: "
            )),
            "{error}"
        );
    }

    #[tokio::test]
    async fn proxy_variables_come_from_the_configuration_and_never_carry_local_requests() {
        let server = server(200, "{}").await;
        let proxy = openapi_runtime::transport::fakes::ConnectProxy::start("Basic none").await;
        let proxied = |home: crate::config::tests::Home| {
            let home = home.var("HTTP_PROXY", &proxy.url("user", "canary-password"));
            home.builder().host(server.uri()).token("dapi-local").build().unwrap()
        };
        let home = crate::config::tests::Home::new().var("HTTPS_PROXY", &proxy.url("user", "canary-password"));
        let config = proxied(home);
        let answer: Value = connect(config)
            .unwrap()
            .raw(Method::Get, "/api/2.0/ping")
            .send()
            .await
            .unwrap();
        assert_eq!(answer, json!({}));
        assert!(proxy.connects().is_empty());
        assert_eq!(server.received_requests().await.unwrap().len(), 1);

        let broken =
            crate::config::tests::Home::new().var("HTTPS_PROXY", "ftp://user:canary-password@proxy.example:21");
        let config = proxied(broken);
        let error = connect(config).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the proxy URL from HTTPS_PROXY cannot be used: its scheme `ftp` is not supported; use an http:// or \
             https:// proxy"
        );
    }
}
