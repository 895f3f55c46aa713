//! The HTTP client every generated method calls through.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::config::Config;
use crate::encoding::{PathError, expand_path, header_pairs, query_pairs};
use crate::error::{ApiError, Error};
use crate::operation::Operation;

const USER_AGENT: &str = concat!("databricks-sdk-rust/", env!("CARGO_PKG_VERSION"));
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
const REQUEST_ID_HEADER: &str = "x-request-id";

/// A connection to one Databricks workspace. Cheap to clone: clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("host", &self.inner.config.host())
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn new(config: Config) -> Result<Client, Error> {
        // reqwest is built without a bundled TLS crypto provider; use ring unless the application installed
        // one already (then this call changes nothing).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|source| Error::Transport {
                operation: "client setup",
                source,
            })?;
        Ok(Client {
            inner: Arc::new(Inner { config, http }),
        })
    }

    /// A client configured from `DATABRICKS_HOST` and `DATABRICKS_TOKEN`.
    pub fn from_env() -> Result<Client, Error> {
        Client::new(Config::from_env()?)
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Starts a request for `operation`. Generated methods add path parameters, query parameters and the
    /// body, then call [`RequestBuilder::send`].
    pub fn request(&self, operation: &'static Operation) -> RequestBuilder<'_> {
        RequestBuilder {
            client: self,
            operation,
            path_params: Vec::new(),
            params: None,
            body: None,
            problem: None,
        }
    }
}

/// One request being assembled. Serialisation problems are kept until [`RequestBuilder::send`] so the
/// builder methods can chain.
#[must_use = "a request does nothing until it is sent"]
pub struct RequestBuilder<'c> {
    client: &'c Client,
    operation: &'static Operation,
    path_params: Vec<(&'static str, String)>,
    params: Option<Value>,
    body: Option<Vec<u8>>,
    problem: Option<String>,
}

impl RequestBuilder<'_> {
    /// A value for the `{name}` placeholder of the path. It is percent-encoded as one path segment.
    pub fn path_param(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.path_params.push((name, value.to_string()));
        self
    }

    /// Query and header parameters, as a struct that serialises to a JSON object.
    pub fn params<P: Serialize + ?Sized>(mut self, params: &P) -> Self {
        match serde_json::to_value(params) {
            Ok(value) => self.params = Some(value),
            Err(error) => self.problem = Some(format!("cannot encode the parameters: {error}")),
        }
        self
    }

    /// The JSON request body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(bytes),
            Err(error) => self.problem = Some(format!("cannot encode the body: {error}")),
        }
        self
    }

    /// Sends the request and decodes the JSON answer. An empty success body reads as `{}`.
    pub async fn send<R: DeserializeOwned>(self) -> Result<R, Error> {
        let operation = self.operation.id;
        let (status, body) = self.execute().await?;
        let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &body
        };
        serde_json::from_slice(body).map_err(|source| Error::Decode {
            operation,
            status,
            source,
        })
    }

    /// Sends the request of an operation whose success response has no body.
    pub async fn send_empty(self) -> Result<(), Error> {
        self.execute().await.map(|_| ())
    }

    /// Everything that does not depend on the response type, so it is compiled once.
    async fn execute(self) -> Result<(u16, Vec<u8>), Error> {
        let operation = self.operation;
        let invalid = |message: String| Error::InvalidRequest {
            operation: operation.id,
            message,
        };
        if let Some(problem) = self.problem {
            return Err(invalid(problem));
        }
        let path = expand_path(operation.path, &self.path_params).map_err(|error| {
            invalid(match error {
                PathError::Missing(name) => format!("no value for the path parameter `{name}`"),
                PathError::DotSegment(name) => {
                    format!("the path parameter `{name}` cannot be `.` or `..`")
                }
            })
        })?;
        let config = &self.client.inner.config;
        let mut url = reqwest::Url::parse(&format!("{}{path}", config.host()))
            .map_err(|error| invalid(format!("invalid URL: {error}")))?;
        let params = self.params.unwrap_or(Value::Null);
        let query = query_pairs(&params, operation.header_params);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(&query);
        }

        // `Config` only holds tokens that fit in a header; the message never repeats the value.
        let mut authorization = HeaderValue::from_str(&format!("Bearer {}", config.token().expose()))
            .map_err(|_| invalid("the token cannot be sent in an HTTP header".to_owned()))?;
        // Keeps the value out of reqwest's and hyper's Debug output.
        authorization.set_sensitive(true);
        let mut request = self
            .client
            .inner
            .http
            .request(operation.method.to_reqwest(), url)
            .header(AUTHORIZATION, authorization)
            .header(ACCEPT, "application/json");
        for (name, value) in header_pairs(&params, operation.header_params) {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid(format!("`{name}` is not a valid header name")))?;
            let value = HeaderValue::from_str(&value)
                .map_err(|_| invalid(format!("the value of header `{name}` cannot be sent in a header")))?;
            request = request.header(name, value);
        }
        if let Some(body) = self.body {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }

        let transport = |source| Error::Transport {
            operation: operation.id,
            source,
        };
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let request_id = response
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = response.bytes().await.map_err(transport)?;
        if !status.is_success() {
            return Err(Error::Api(ApiError::from_response(
                operation.id,
                status,
                request_id,
                &body,
            )));
        }
        Ok((status.as_u16(), body.to_vec()))
    }
}
