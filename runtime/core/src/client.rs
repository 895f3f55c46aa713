//! The HTTP client every generated method calls through.

use std::fmt;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, COOKIE, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::answer_headers::{self, WithHeaders};
use crate::auth::Authenticator;
use crate::content::{ByteStream, Content, Upload};
use crate::encoding::{PathError, cookie_header, expand_path, field_pairs, header_pairs, query_string};
use crate::error::{ApiError, Error, SetupError, SetupKind};
use crate::operation::{Method, Operation, QueryStyle};
use crate::rate_limit::RateLimiter;
use crate::redact;
use crate::retry;
use crate::schemes::{Credential, SchemeCredentials, SecurityScheme};
use crate::serde_support::numbers::{self, WireNumber};
use crate::serde_support::trail;
use crate::transport::{self, Proxies, TransportError, TransportOptions};

/// The `User-Agent` of a client made with [`Client::builder`].
const USER_AGENT: &str = concat!("openapi-runtime/", env!("CARGO_PKG_VERSION"));
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
const REQUEST_ID_HEADER: &str = "x-request-id";
const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_RETRY_TIMEOUT: Duration = Duration::from_secs(300);
/// The largest JSON (or text) answer read: 64 MiB. Byte streams are not limited.
const DEFAULT_MAX_RESPONSE_SIZE: u64 = 64 << 20;

/// A connection to one API server. Cheap to clone: clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// Where the body of each success answer is kept, for a client made by [`Client::keeping_last_answer`].
    last_answer: Option<LastAnswer>,
}

/// The body of the last success answer a [`Client::keeping_last_answer`] client received.
#[derive(Clone, Debug, Default)]
pub struct LastAnswer(Arc<std::sync::Mutex<Option<Vec<u8>>>>);

impl LastAnswer {
    /// The body kept, leaving none.
    pub fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()
    }

    fn keep(&self, body: &[u8]) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(body.to_vec());
    }
}

/// Reads one environment variable.
pub type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// Everything a [`Client`] is made of, for a platform layer that reads its own configuration and brings
/// its own credentials ([`Client::connect`]). A generic client is made with [`Client::builder`].
pub struct Connection {
    /// Scheme, host and port every operation's path is appended to (`https://api.example.com`); operation
    /// paths already carry the description's base path.
    pub base_url: String,
    pub authenticator: Arc<dyn Authenticator>,
    pub user_agent: &'static str,
    /// How long a connection may stay silent before the request fails; a long transfer that keeps moving is
    /// never cut off.
    pub read_timeout: Duration,
    /// How long a call keeps retrying; the next attempt is not started past it.
    pub retry_timeout: Duration,
    /// The largest answer read whole, in bytes.
    pub max_response_size: u64,
    /// Requests per second, at most.
    pub rate_limit: Option<f64>,
    /// A PEM file whose certificates are trusted besides the operating system's.
    pub ca_bundle: Option<PathBuf>,
    /// Accepts any server certificate, for test rigs with self-signed certificates.
    pub skip_verify: bool,
    /// Reads the proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    pub environment: Arc<EnvLookup>,
    /// Request paths whose redirect answers are returned to the caller rather than followed.
    pub redirects_returned_for: &'static [&'static str],
    /// The platform's own reasons to retry an error answer (its error codes for throttling, say), asked
    /// before the status rules (429, 503, and 500/502/504 for idempotent operations).
    pub retryable: fn(&ApiError) -> Option<&'static str>,
}

impl Connection {
    /// A connection to `base_url` with `authenticator` and the defaults of [`Client::builder`].
    pub fn new(base_url: impl Into<String>, authenticator: Arc<dyn Authenticator>) -> Connection {
        Connection {
            base_url: base_url.into(),
            authenticator,
            user_agent: USER_AGENT,
            read_timeout: DEFAULT_READ_TIMEOUT,
            retry_timeout: DEFAULT_RETRY_TIMEOUT,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            rate_limit: None,
            ca_bundle: None,
            skip_verify: false,
            environment: Arc::new(|name| std::env::var(name).ok().filter(|value| !value.trim().is_empty())),
            redirects_returned_for: &[],
            retryable: |_| None,
        }
    }

    /// The HTTP client of this connection alone, following redirects, for requests made outside any operation
    /// (a login's token exchange).
    pub fn http_client(&self) -> Result<reqwest::Client, Error> {
        self.transport(true)
    }

    fn transport(&self, follow_redirects: bool) -> Result<reqwest::Client, Error> {
        let proxies = Proxies::from_env(|name| (self.environment)(name))
            .map_err(setup_error)?
            .direct_to(LOOPBACK);
        let options = TransportOptions {
            user_agent: self.user_agent,
            connect_timeout: CONNECT_TIMEOUT,
            read_timeout: self.read_timeout,
            ca_bundle: self.ca_bundle.clone(),
            accept_invalid_certs: self.skip_verify,
            proxies,
            redirects_returned_for: self.redirects_returned_for,
            follow_redirects,
        };
        transport::http_client(&options).map_err(setup_error)
    }
}

struct Inner {
    connection: Connection,
    http: reqwest::Client,
    /// The same client without following redirects, for operations whose answer is a redirect; made
    /// when one is first called.
    http_returning_redirects: std::sync::OnceLock<reqwest::Client>,
    rate_limiter: Option<RateLimiter>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.connection.base_url)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client made of `connection`. Its connections trust the operating system's certificates plus those
    /// of the CA bundle (none are checked with `skip_verify`), and go through the proxies the connection's
    /// environment names; hosts on this machine are reached directly.
    pub fn connect(connection: Connection) -> Result<Client, Error> {
        let http = connection.transport(true)?;
        let rate_limiter = connection.rate_limit.map(RateLimiter::new);
        Ok(Client {
            inner: Arc::new(Inner {
                connection,
                http,
                http_returning_redirects: std::sync::OnceLock::new(),
                rate_limiter,
            }),
            last_answer: None,
        })
    }

    /// A client for an API whose security schemes are `schemes`: give it a base URL and the credentials of
    /// the schemes to use, then [`ClientBuilder::build`].
    pub fn builder(schemes: &'static [SecurityScheme]) -> ClientBuilder {
        ClientBuilder {
            schemes,
            base_url: None,
            credentials: Vec::new(),
            read_timeout: DEFAULT_READ_TIMEOUT,
            retry_timeout: DEFAULT_RETRY_TIMEOUT,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            ca_bundle: None,
        }
    }

    /// A client like this one (same connections) that keeps the body of each success answer, for a caller
    /// that checks an answer with a typed method and then shows it exactly as the server wrote it (the CLI's
    /// `-o json`). After a call, [`LastAnswer::take`] has the body of its last answer: for a waiting call,
    /// that of the poll whose state ended the wait.
    pub fn keeping_last_answer(&self) -> (Client, LastAnswer) {
        let last_answer = LastAnswer::default();
        let client = Client {
            inner: Arc::clone(&self.inner),
            last_answer: Some(last_answer.clone()),
        };
        (client, last_answer)
    }

    /// The URL every operation's path is appended to.
    pub fn base_url(&self) -> &str {
        &self.inner.connection.base_url
    }

    /// The largest answer read whole, in bytes.
    pub fn max_response_size(&self) -> u64 {
        self.inner.connection.max_response_size
    }

    /// Starts a request for `operation`. Generated methods add path parameters, query parameters and the
    /// body, then call [`RequestBuilder::send`].
    pub fn request(&self, operation: &'static Operation) -> RequestBuilder<'_> {
        RequestBuilder {
            client: self,
            operation,
            path_params: Vec::new(),
            raw_path: None,
            params: Map::new(),
            body: None,
            content: None,
            problem: None,
        }
    }

    /// Starts a request to a path known only at run time, such as `/api/2.0/clusters/list`.
    ///
    /// `path` is sent as given after the base URL: it must start with `/` and may carry a query string; its
    /// placeholders are not filled. The request goes through the same credentials, retries, debug dump and
    /// error parsing as a generated operation's, described by an operation named after the method (`GET`)
    /// that counts as idempotent only for GET; as it declares no security requirement, a generic client sends
    /// it without credentials (a platform's authenticator may still authenticate it). The
    /// usual secret field names are redacted in debug dumps.
    pub fn raw(&self, method: Method, path: impl Into<String>) -> RequestBuilder<'_> {
        let mut request = self.request(raw_operation(method));
        request.raw_path = Some(path.into());
        request
    }
}

/// How a generic [`Client`] is made: a base URL, the credentials of some of the API's security schemes, and
/// limits.
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder {
    schemes: &'static [SecurityScheme],
    base_url: Option<String>,
    credentials: Vec<(&'static str, Credential)>,
    read_timeout: Duration,
    retry_timeout: Duration,
    max_response_size: u64,
    ca_bundle: Option<PathBuf>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Scheme, host and port of the server (`https://api.example.com`, `http://127.0.0.1:8080`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The credential of the security scheme named `scheme`; a later one for the same scheme replaces it.
    pub fn credential(mut self, scheme: &'static str, credential: Credential) -> Self {
        self.credentials.retain(|(name, _)| *name != scheme);
        self.credentials.push((scheme, credential));
        self
    }

    /// How long a connection may stay silent before a request fails (60 s).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// How long a call keeps retrying throttled and unavailable answers (5 minutes).
    pub fn retry_timeout(mut self, timeout: Duration) -> Self {
        self.retry_timeout = timeout;
        self
    }

    /// The largest answer read whole (64 MiB); byte streams are not limited.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// A PEM file of certificates to trust besides the operating system's.
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }

    /// The client; fails when no base URL was given or one is not an `http(s)` URL, or a credential does not
    /// fit its scheme.
    pub fn build(self) -> Result<Client, Error> {
        let invalid = |kind: SetupKind, reason: String| {
            let setting = match kind {
                SetupKind::BaseUrl => "base URL",
                _ => "credential",
            };
            Error::Config(Box::new(SetupError {
                kind,
                setting: setting.to_owned(),
                source: None,
                reason,
                hint: None,
            }))
        };
        let Some(base_url) = self.base_url else {
            return Err(invalid(
                SetupKind::BaseUrl,
                "none was given and the API's description names no server; give one with `base_url`".to_owned(),
            ));
        };
        let base_url = base_url.trim_end_matches('/').to_owned();
        match reqwest::Url::parse(&base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {}
            _ => {
                return Err(invalid(
                    SetupKind::BaseUrl,
                    format!("`{base_url}` is not an http or https URL with a host"),
                ));
            }
        }
        let credentials = SchemeCredentials::new(self.schemes, self.credentials)
            .map_err(|reason| invalid(SetupKind::Credential, reason))?;
        let mut connection = Connection::new(base_url, Arc::new(credentials));
        connection.read_timeout = self.read_timeout;
        connection.retry_timeout = self.retry_timeout;
        connection.max_response_size = self.max_response_size;
        connection.ca_bundle = self.ca_bundle;
        Client::connect(connection)
    }
}

/// Hosts on this machine never go through a proxy, as with Go's `net/http`: metadata services and local
/// servers are reached directly.
const LOOPBACK: &str = "localhost,127.0.0.0/8,::1";

/// A transport setting that cannot be used, as the error naming it.
fn setup_error(error: TransportError) -> Error {
    let invalid = |kind, setting: String, source: Option<String>, reason: String, hint: Option<&str>| {
        Error::Config(Box::new(SetupError {
            kind,
            setting,
            source,
            reason,
            hint: hint.map(str::to_owned),
        }))
    };
    match error {
        TransportError::CaBundle { path, reason } => invalid(
            SetupKind::CaBundle,
            format!("CA bundle {}", path.display()),
            None,
            format!("it {reason}"),
            Some("give a PEM file of the certificates to trust"),
        ),
        TransportError::Proxy { variable, reason } => invalid(
            SetupKind::Proxy,
            "proxy URL".to_owned(),
            Some(variable.to_owned()),
            reason,
            None,
        ),
        TransportError::Client(source) => Error::Transport {
            operation: "client setup",
            source,
        },
    }
}

/// The operation of a [`Client::raw`] request: one per method, since an `Operation` is static. With no
/// description to say otherwise, objects in its query are written with dotted names
/// (`filter_by.cluster_states=RUNNING`).
fn raw_operation(method: Method) -> &'static Operation {
    static GET: Operation = Operation::new("GET", Method::Get, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static POST: Operation = Operation::new("POST", Method::Post, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static PUT: Operation = Operation::new("PUT", Method::Put, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static PATCH: Operation = Operation::new("PATCH", Method::Patch, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static DELETE: Operation = Operation::new("DELETE", Method::Delete, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static HEAD: Operation = Operation::new("HEAD", Method::Head, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static OPTIONS: Operation = Operation::new("OPTIONS", Method::Options, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    static TRACE: Operation = Operation::new("TRACE", Method::Trace, "")
        .answers_nothing()
        .default_query_style(QueryStyle::Dotted);
    match method {
        Method::Get => &GET,
        Method::Post => &POST,
        Method::Put => &PUT,
        Method::Patch => &PATCH,
        Method::Delete => &DELETE,
        Method::Head => &HEAD,
        Method::Options => &OPTIONS,
        Method::Trace => &TRACE,
    }
}

/// One request being assembled. Serialisation problems are kept until [`RequestBuilder::send`] so the
/// builder methods can chain.
#[must_use = "a request does nothing until it is sent"]
pub struct RequestBuilder<'c> {
    client: &'c Client,
    operation: &'static Operation,
    pub(crate) path_params: Vec<(&'static str, String)>,
    /// The literal path of a [`Client::raw`] request, used instead of the operation's template.
    raw_path: Option<String>,
    /// Query and header parameters: what `params` and `query_param` gave, in one object.
    params: Map<String, Value>,
    /// A JSON body.
    body: Option<Vec<u8>>,
    /// A body of another kind.
    content: Option<Content>,
    problem: Option<String>,
}

impl RequestBuilder<'_> {
    /// A value for the `{name}` placeholder of the path. It is percent-encoded as one path segment (or, for
    /// a parameter the operation lists as multi-segment, as segments separated by its `/`).
    pub fn path_param(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.path_params.push((name, value.to_string()));
        self
    }

    /// Query and header parameters, as a struct that serialises to a JSON object. They join those given
    /// before (by `params` or [`query_param`](Self::query_param)); a name given twice keeps the later value.
    /// A name the operation lists as a header goes in a header.
    pub fn params<P: Serialize + ?Sized>(mut self, params: &P) -> Self {
        match serde_json::to_value(params) {
            Ok(Value::Object(params)) => self.params.extend(params),
            Ok(Value::Null) => {}
            Ok(other) => {
                self.problem = Some(format!(
                    "the parameters must be a JSON object of names and values, not `{other}`"
                ))
            }
            Err(error) => self.problem = Some(format!("cannot encode the parameters: {error}")),
        }
        self
    }

    /// One query parameter (a header, for a name the operation lists as one), joining the others as
    /// [`params`](Self::params) says. Pagination and waiters send it with every page and poll.
    pub fn query_param(self, name: &str, value: impl Serialize) -> Self {
        let value = serde_json::to_value(value);
        self.insert_param(name, value)
    }

    /// [`query_param`](Self::query_param) for a number (or a list of them), in the wire forms the models
    /// use: a non-finite float as `"NaN"` or `"Infinity"`, which JSON has no number for.
    pub fn query_number<T: WireNumber>(self, name: &str, value: T) -> Self {
        let value = numbers::serialize(&value, serde_json::value::Serializer);
        self.insert_param(name, value)
    }

    fn insert_param(mut self, name: &str, value: Result<Value, serde_json::Error>) -> Self {
        match value {
            Ok(value) => {
                self.params.insert(name.to_owned(), value);
            }
            Err(error) => self.problem = Some(format!("cannot encode the parameter `{name}`: {error}")),
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

    /// A body of raw bytes (or text) sent as `content_type`: from memory, or streamed from a reader.
    pub fn raw_body(mut self, content_type: &str, upload: impl Into<Upload>) -> Self {
        self.content = Some(Content::Raw {
            content_type: content_type.to_owned(),
            upload: upload.into(),
        });
        self
    }

    /// A URL-encoded form body (`application/x-www-form-urlencoded`) of the fields of `form`, a struct
    /// that serialises to a JSON object. Nested values are flattened as query parameters are.
    pub fn form<F: Serialize + ?Sized>(mut self, form: &F) -> Self {
        match fields_of(form, "form") {
            Ok(fields) => {
                let mut encoded = reqwest::Url::parse("http://form.invalid/").expect("a constant URL");
                encoded.query_pairs_mut().extend_pairs(&fields);
                self.content = Some(Content::Form(encoded.query().unwrap_or_default().to_owned()));
            }
            Err(problem) => self.problem = Some(problem),
        }
        self
    }

    /// The text fields of a `multipart/form-data` body: each field of `fields` (a struct that serialises
    /// to a JSON object) is one part, written as a query parameter would be (`true`, `5`, the text itself).
    pub fn multipart_fields<F: Serialize + ?Sized>(mut self, fields: &F) -> Self {
        match fields_of(fields, "form fields") {
            Ok(fields) => match &mut self.content {
                Some(Content::Multipart { fields: existing, .. }) => existing.extend(fields),
                _ => {
                    self.content = Some(Content::Multipart {
                        fields,
                        files: Vec::new(),
                    })
                }
            },
            Err(problem) => self.problem = Some(problem),
        }
        self
    }

    /// A file part of a `multipart/form-data` body, sent after the text fields.
    pub fn file_part(mut self, name: &str, upload: impl Into<Upload>) -> Self {
        let file = (name.to_owned(), upload.into());
        match &mut self.content {
            Some(Content::Multipart { files, .. }) => files.push(file),
            _ => {
                self.content = Some(Content::Multipart {
                    fields: Vec::new(),
                    files: vec![file],
                })
            }
        }
        self
    }

    /// [`file_part`](Self::file_part) when there is one.
    pub fn optional_file_part(self, name: &str, upload: Option<Upload>) -> Self {
        match upload {
            Some(upload) => self.file_part(name, upload),
            None => self,
        }
    }

    /// Sends the request and returns the success body as a stream of bytes, read as it arrives and never
    /// held whole, so no size limit applies. Errors, retries and authentication are as for
    /// [`send`](Self::send); once the body has started, a broken connection is an error of the stream.
    pub async fn send_bytes(self) -> Result<ByteStream, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Stream).await?;
        Ok(ByteStream::new(operation.id, answered.body))
    }

    /// Sends the request and returns the success body as text (UTF-8), read whole under the same size limit
    /// as JSON answers.
    pub async fn send_text(self) -> Result<String, Error> {
        let operation = self.operation;
        let (status, body) = self.execute().await?;
        String::from_utf8(body).map_err(|_| Error::NotText {
            operation: operation.id,
            status,
        })
    }

    /// Sends the request of an operation that answers with a redirect and returns where it points (its
    /// `Location`), without following it.
    pub async fn send_redirect(self) -> Result<String, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Redirect).await?;
        answered
            .headers
            .get(reqwest::header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .map(str::to_owned)
            .ok_or(Error::NoRedirect {
                operation: operation.id,
                status: answered.status,
            })
    }

    /// Sends the request and decodes the JSON answer. An empty success body is an [`Error::EmptyBody`],
    /// except with `204 No Content` or for an operation that answers nothing (whose answer declares no
    /// field, or a [`Client::raw`] request, which declares no answer): there it reads as `{}`.
    pub async fn send<R: DeserializeOwned>(self) -> Result<R, Error> {
        let operation = self.operation;
        let (status, body) = self.execute().await?;
        decode(operation, status, &body)
    }

    /// Sends the request of an operation whose success response has no body.
    pub async fn send_empty(self) -> Result<(), Error> {
        self.execute().await.map(|_| ())
    }

    /// Sends the request of an operation whose success answer is its headers (a `HEAD`), and reads the
    /// headers its [`Operation::answer_headers`] declares into `H`. A header not of its declared kind is an
    /// [`Error::AnswerHeader`].
    pub async fn send_headers<H: DeserializeOwned>(self) -> Result<H, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Whole).await?;
        answer_headers::read(operation, answered.status, &answered.headers)
    }

    /// [`send`](Self::send), with the answer's declared headers (see [`send_headers`](Self::send_headers)).
    pub async fn send_with_headers<R: DeserializeOwned, H: DeserializeOwned>(self) -> Result<WithHeaders<R, H>, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Whole).await?;
        let headers = answer_headers::read(operation, answered.status, &answered.headers)?;
        let (status, body) = answered.whole(operation).await?;
        let body = decode(operation, status, &body)?;
        Ok(WithHeaders { body, headers })
    }

    /// [`send_bytes`](Self::send_bytes), with the answer's declared headers (see
    /// [`send_headers`](Self::send_headers)): a file's size and type before its first byte is read.
    pub async fn send_bytes_with_headers<H: DeserializeOwned>(self) -> Result<WithHeaders<ByteStream, H>, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Stream).await?;
        let headers = answer_headers::read(operation, answered.status, &answered.headers)?;
        let body = ByteStream::new(operation.id, answered.body);
        Ok(WithHeaders { body, headers })
    }

    /// [`send_text`](Self::send_text), with the answer's declared headers (see
    /// [`send_headers`](Self::send_headers)).
    pub async fn send_text_with_headers<H: DeserializeOwned>(self) -> Result<WithHeaders<String, H>, Error> {
        let operation = self.operation;
        let answered = self.execute_reading(Reading::Whole).await?;
        let headers = answer_headers::read(operation, answered.status, &answered.headers)?;
        let (status, body) = answered.whole(operation).await?;
        let body = String::from_utf8(body).map_err(|_| Error::NotText {
            operation: operation.id,
            status,
        })?;
        Ok(WithHeaders { body, headers })
    }

    async fn execute(self) -> Result<(u16, Vec<u8>), Error> {
        let operation = self.operation;
        self.execute_reading(Reading::Whole).await?.whole(operation).await
    }

    async fn execute_reading(mut self, reading: Reading) -> Result<Answered, Error> {
        let client = self.client.clone();
        let content = self.content.take();
        let request = self.prepare()?;
        let body = match content {
            Some(content) => Some(Body::Content(content)),
            None => request.body.map(Body::Json),
        };
        client
            .exchange(request.operation, &request.path, &request.params, body, reading)
            .await
    }

    /// Checks what was given and fills in the path.
    pub(crate) fn prepare(self) -> Result<PreparedRequest, Error> {
        let operation = self.operation;
        if let Some(problem) = self.problem {
            return Err(Error::InvalidRequest {
                operation: operation.id,
                message: problem,
            });
        }
        let path = match self.raw_path {
            Some(path) if !path.starts_with('/') => {
                return Err(Error::InvalidRequest {
                    operation: operation.id,
                    message: format!("the path `{path}` does not start with `/`"),
                });
            }
            Some(path) => path,
            None => fill_path(operation, &self.path_params)?,
        };
        Ok(PreparedRequest {
            client: self.client.clone(),
            operation,
            path,
            params: Value::Object(self.params),
            body: self.body,
        })
    }
}

/// The fields of `value` (which must serialise to a JSON object, or `null` for none) as name and text
/// pairs, flattened as query parameters are.
fn fields_of<F: Serialize + ?Sized>(value: &F, what: &str) -> Result<Vec<(String, String)>, String> {
    match serde_json::to_value(value) {
        Ok(value @ (Value::Object(_) | Value::Null)) => Ok(field_pairs(&value)),
        Ok(other) => Err(format!(
            "the {what} must be a JSON object of names and values, not `{other}`"
        )),
        Err(error) => Err(format!("cannot encode the {what}: {error}")),
    }
}

/// A request whose parts are known to be sound: what pagination and waiters repeat with changes.
pub(crate) struct PreparedRequest {
    pub client: Client,
    pub operation: &'static Operation,
    /// The path with its parameters filled in and encoded.
    pub path: String,
    /// Query and header parameters as a JSON object (or `null`).
    pub params: Value,
    pub body: Option<Vec<u8>>,
}

impl PreparedRequest {
    /// Sends it as it is (see [`Client::execute`]).
    pub(crate) async fn send(&self) -> Result<(u16, Vec<u8>), Error> {
        self.client
            .execute(self.operation, &self.path, &self.params, self.body.as_deref())
            .await
    }
}

/// The path of `operation` with `values` in its placeholders.
pub(crate) fn fill_path(operation: &Operation, values: &[(&str, String)]) -> Result<String, Error> {
    expand_path(operation.path, values, operation.multi_segment_params).map_err(|error| Error::InvalidRequest {
        operation: operation.id,
        message: match error {
            PathError::Missing(name) => format!("no value for the path parameter `{name}`"),
            PathError::DotSegment(name) => format!("the path parameter `{name}` cannot be or contain `.` or `..`"),
            PathError::EmptySegment(name) => {
                format!("the path parameter `{name}` cannot be empty or have an empty segment (`//` or a trailing `/`)")
            }
        },
    })
}

/// Decodes the success body of an operation that answers JSON. An empty one is an error, unless the status
/// says there is no body (`204 No Content`, which SCIM answers to a delete): an operation with nothing to
/// say answers `{}`, so an empty `200` means the body was lost on the way.
pub(crate) fn decode<R: DeserializeOwned>(operation: &Operation, status: u16, body: &[u8]) -> Result<R, Error> {
    let body: &[u8] = if !is_blank(body) {
        body
    } else if status == 204 || operation.answers_nothing {
        b"{}"
    } else {
        return Err(Error::EmptyBody {
            operation: operation.id,
            status,
        });
    };
    // JSON is UTF-8 (RFC 8259); checked once here, the text is read without checking each string again.
    let text = std::str::from_utf8(body).map_err(|error| {
        let source = <serde_json::Error as serde::de::Error>::custom(format_args!(
            "the body is not UTF-8 text (invalid byte at offset {})",
            error.valid_up_to()
        ));
        Error::decode(operation.id, status)(trail::Failure::of_text(source))
    })?;
    trail::from_str(text).map_err(Error::decode(operation.id, status))
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// A request body as [`Client::exchange`] sends it.
pub(crate) enum Body {
    /// JSON, already encoded.
    Json(Vec<u8>),
    Content(Content),
}

/// How the success body of an answer is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Whole, up to the size limit on answers.
    Whole,
    /// As a stream, by the caller.
    Stream,
    /// Redirects are not followed: a `3xx` is the answer (its small body read whole).
    Redirect,
}

/// A success answer.
pub(crate) struct Answered {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Received,
}

/// The body of an answer: read already, or still to be read.
pub(crate) enum Received {
    Whole(Vec<u8>),
    Stream(reqwest::Response),
}

impl Answered {
    /// The status and whole body.
    pub(crate) async fn whole(self, operation: &'static Operation) -> Result<(u16, Vec<u8>), Error> {
        match self.body {
            Received::Whole(body) => Ok((self.status, body)),
            stream => Ok((self.status, ByteStream::new(operation.id, stream).collect().await?)),
        }
    }
}

impl Client {
    /// [`exchange`](Self::exchange) with a JSON body (or none), the answer read whole.
    pub(crate) async fn execute(
        &self,
        operation: &'static Operation,
        path: &str,
        params: &Value,
        body: Option<&[u8]>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let body = body.map(|body| Body::Json(body.to_vec()));
        self.exchange(operation, path, params, body, Reading::Whole)
            .await?
            .whole(operation)
            .await
    }

    /// Sends one request, with rate limiting, authentication, retries and debug logging; returns the
    /// success answer, its body read as `reading` says. Everything that does not depend on the response
    /// type, so it is compiled once. A body streamed from a reader can be sent once: a request that would
    /// be retried after it was sent fails instead.
    pub(crate) async fn exchange(
        &self,
        operation: &'static Operation,
        path: &str,
        params: &Value,
        mut body: Option<Body>,
        reading: Reading,
    ) -> Result<Answered, Error> {
        let invalid = |message: String| Error::InvalidRequest {
            operation: operation.id,
            message,
        };
        let inner = &self.inner;
        let http = match reading {
            Reading::Redirect => match inner.http_returning_redirects.get() {
                Some(http) => http,
                None => {
                    let http = inner.connection.transport(false)?;
                    inner.http_returning_redirects.get_or_init(|| http)
                }
            },
            Reading::Whole | Reading::Stream => &inner.http,
        };
        let mut url = reqwest::Url::parse(&format!("{}{path}", inner.connection.base_url))
            .map_err(|error| invalid(format!("invalid URL: {error}")))?;
        let query = query_string(params, operation);
        if !query.is_empty() {
            // A raw path may carry a query string of its own; the parameters follow it.
            let joined = match url.query() {
                Some(existing) if !existing.is_empty() => format!("{existing}&{query}"),
                _ => query,
            };
            url.set_query(Some(&joined));
        }

        let mut headers = reqwest::header::HeaderMap::new();
        let accept = match reading {
            Reading::Whole if operation.accept.is_empty() => "application/json",
            _ if operation.accept.is_empty() => "*/*",
            _ => operation.accept,
        };
        let accept =
            HeaderValue::from_str(accept).map_err(|_| invalid(format!("`{accept}` cannot be sent in a header")))?;
        headers.insert(ACCEPT, accept);
        for (name, value) in header_pairs(params, operation.header_params) {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid(format!("`{name}` is not a valid header name")))?;
            let value = HeaderValue::from_str(&value)
                .map_err(|_| invalid(format!("the value of header `{name}` cannot be sent in a header")))?;
            headers.insert(name, value);
        }
        if let Some(cookies) = cookie_header(params, operation.cookie_params) {
            let value = HeaderValue::from_str(&cookies)
                .map_err(|_| invalid("the cookie parameters cannot be sent in a header".to_owned()))?;
            headers.insert(COOKIE, value);
        }
        if let Some(Body::Json(_)) = body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        let limit = inner.connection.max_response_size;
        let started = Instant::now();
        let mut attempt: u32 = 0;
        // One 401 with an OAuth token gets a fresh token and another try; a second one is final.
        let mut refreshed_token = false;
        loop {
            if let Some(limiter) = &inner.rate_limiter {
                limiter.acquire().await;
            }
            let authenticator = &inner.connection.authenticator;
            let authentication = authenticator
                .authenticate(&inner.http, operation)
                .await
                .map_err(Error::Auth)?;
            // An API key in the query goes on this attempt's URL only: `url` is what debug dumps show.
            let mut sent_url = url.clone();
            if !authentication.query.is_empty() {
                let mut pairs = sent_url.query_pairs_mut();
                for (name, value) in &authentication.query {
                    pairs.append_pair(name, value.expose());
                }
            }
            let mut request_headers = headers.clone();
            for (name, value) in authentication.headers.iter() {
                // An API key cookie joins the cookie parameters rather than replacing them.
                match request_headers.get(COOKIE) {
                    Some(cookies) if name == COOKIE => {
                        let joined = format!(
                            "{}; {}",
                            cookies.to_str().unwrap_or_default(),
                            value.to_str().unwrap_or_default()
                        );
                        let mut joined = HeaderValue::from_str(&joined)
                            .map_err(|_| invalid("the cookies cannot be sent in a header".to_owned()))?;
                        joined.set_sensitive(true);
                        request_headers.insert(COOKIE, joined);
                    }
                    _ => {
                        request_headers.insert(name.clone(), value.clone());
                    }
                }
            }
            let mut request = http
                .request(operation.method.to_reqwest(), sent_url)
                .headers(request_headers);
            // Whether this attempt, if it fails, can be made again with the same body.
            let mut replayable = true;
            match &mut body {
                Some(Body::Json(json)) => request = request.body(json.clone()),
                Some(Body::Content(content)) => {
                    replayable = content.replayable();
                    request = content.attach(request).ok_or_else(|| {
                        invalid("its body was streamed from a reader, which cannot be read again".to_owned())
                    })?;
                }
                None => {}
            }
            let sent = Instant::now();
            let answer = send(request, limit, reading).await;
            if tracing::enabled!(target: HTTP_LOG_TARGET, tracing::Level::DEBUG) {
                log_round_trip(operation, &url, &headers, body.as_ref(), &answer, sent.elapsed());
            }
            let (error, retry, server_delay) = match answer {
                Ok((status, response_headers, received))
                    if status.is_success() || (reading == Reading::Redirect && status.is_redirection()) =>
                {
                    if let (Some(last_answer), Received::Whole(body)) = (&self.last_answer, &received) {
                        last_answer.keep(body);
                    }
                    return Ok(Answered {
                        status: status.as_u16(),
                        headers: response_headers,
                        body: received,
                    });
                }
                Ok((status, response_headers, received)) => {
                    let body = match received {
                        Received::Whole(body) => body,
                        // `send` reads every error body whole.
                        Received::Stream(_) => Vec::new(),
                    };
                    let request_id = response_headers
                        .get(REQUEST_ID_HEADER)
                        .and_then(|value| value.to_str().ok())
                        .map(str::to_owned);
                    let error = ApiError::from_response(operation.id, status, request_id, &body);
                    if error.message_is_cut() {
                        // The error shows the start of a long message and the dump cuts bodies; this keeps it all.
                        tracing::debug!(
                            target: HTTP_LOG_TARGET,
                            operation = operation.id,
                            "the whole error message: {}",
                            error.message
                        );
                    }
                    if status.as_u16() == 401 && replayable && !refreshed_token && authenticator.invalidate().await {
                        refreshed_token = true;
                        tracing::debug!(operation = operation.id, "401 with a fetched token; fetching a new one");
                        continue;
                    }
                    let retry = (inner.connection.retryable)(&error)
                        .or_else(|| retry::retryable_answer(&error, operation.idempotent));
                    let delay = retry::server_delay(&response_headers, error.details());
                    (Error::Api(error), retry, delay)
                }
                Err(NoAnswer::TooLarge { status, content_length }) => {
                    return Err(Error::BodyTooLarge {
                        operation: operation.id,
                        status: status.as_u16(),
                        limit,
                        content_length,
                    });
                }
                Err(NoAnswer::Failed(source)) => {
                    let retry = retry::retryable_transport(&source, operation.idempotent);
                    let error = Error::Transport {
                        operation: operation.id,
                        source,
                    };
                    (error, retry, None)
                }
            };
            let Some(reason) = retry.filter(|_| replayable) else {
                return Err(error);
            };
            let delay = server_delay.unwrap_or_else(|| retry::backoff(attempt));
            if started.elapsed() + delay > inner.connection.retry_timeout {
                tracing::debug!(
                    operation = operation.id,
                    attempts = attempt + 1,
                    "retry budget of {:?} spent; giving up: {error}",
                    inner.connection.retry_timeout
                );
                return Err(error);
            }
            attempt += 1;
            tracing::debug!(
                operation = operation.id,
                attempt,
                delay_ms = delay.as_millis() as u64,
                "retrying: {reason}: {error}"
            );
            tokio::time::sleep(delay).await;
        }
    }
}

/// The `tracing` target of the round-trip dumps, so they can be switched on alone
/// (`RUST_LOG=openapi_runtime::http=debug`).
pub const HTTP_LOG_TARGET: &str = "openapi_runtime::http";

/// What one attempt got: status, headers and the body (an error body always whole).
type Answer = Result<(reqwest::StatusCode, reqwest::header::HeaderMap, Received), NoAnswer>;

/// Why an attempt has no answer to decode.
enum NoAnswer {
    /// The request failed, or the body could not be read whole.
    Failed(reqwest::Error),
    /// The body is over the size limit: announced so (`Content-Length`, then none of it was read), or found
    /// so while reading.
    TooLarge {
        status: reqwest::StatusCode,
        content_length: Option<u64>,
    },
}

/// One debug event per attempt: the request and the answer, with the `Authorization` header and secret
/// body fields redacted and long bodies cut.
fn log_round_trip(
    operation: &Operation,
    url: &reqwest::Url,
    headers: &reqwest::header::HeaderMap,
    body: Option<&Body>,
    answer: &Answer,
    elapsed: Duration,
) {
    let mut dump = format!("> {} {url}\n", operation.method.as_str());
    for (name, value) in headers {
        // Cookies are how some APIs carry a session: as secret as the token.
        let value = if name == COOKIE {
            redact::REDACTED
        } else {
            value.to_str().unwrap_or("<binary>")
        };
        let _ = writeln!(dump, "> {name}: {value}");
    }
    let _ = writeln!(dump, "> {AUTHORIZATION}: {}", redact::REDACTED);
    match body {
        Some(Body::Json(body)) => {
            let _ = writeln!(dump, "> {}", redact::body_for_log(body, operation.sensitive));
        }
        Some(Body::Content(content)) => {
            let _ = writeln!(dump, "> {}", content.describe());
        }
        None => {}
    }
    match answer {
        Ok((status, response_headers, body)) => {
            let _ = write!(dump, "< {status} ({} ms)", elapsed.as_millis());
            for name in [REQUEST_ID_HEADER, "retry-after", "content-type"] {
                if let Some(value) = response_headers.get(name).and_then(|value| value.to_str().ok()) {
                    let _ = write!(dump, "\n< {name}: {value}");
                }
            }
            match body {
                Received::Whole(body) if !body.is_empty() => {
                    let _ = write!(dump, "\n< {}", redact::body_for_log(body, operation.sensitive));
                }
                Received::Whole(_) => {}
                Received::Stream(_) => {
                    let _ = write!(dump, "\n< (a body streamed to the caller, not shown)");
                }
            }
        }
        Err(NoAnswer::TooLarge { status, content_length }) => {
            let _ = write!(dump, "< {status} ({} ms)", elapsed.as_millis());
            if let Some(length) = content_length {
                let _ = write!(dump, "\n< content-length: {length}");
            }
            let _ = write!(dump, "\n< (a body over the size limit, not read)");
        }
        Err(NoAnswer::Failed(error)) => {
            let _ = write!(
                dump,
                "< no answer ({} ms): {}",
                elapsed.as_millis(),
                crate::transport::with_causes(error)
            );
        }
    }
    tracing::debug!(target: HTTP_LOG_TARGET, operation = operation.id, "{dump}");
}

/// One attempt: status, headers and the body. A success body to be streamed is left unread; any other is
/// read whole, chunk by chunk, so that a body over `limit` bytes is given up at the limit (or, when its
/// `Content-Length` says so, before any of it is read).
async fn send(request: reqwest::RequestBuilder, limit: u64, reading: Reading) -> Answer {
    let mut response = request.send().await.map_err(NoAnswer::Failed)?;
    let status = response.status();
    if reading == Reading::Stream && status.is_success() {
        let headers = response.headers().clone();
        return Ok((status, headers, Received::Stream(response)));
    }
    let content_length = response.content_length();
    if content_length.is_some_and(|length| length > limit) {
        return Err(NoAnswer::TooLarge { status, content_length });
    }
    let headers = response.headers().clone();
    let mut body = Vec::with_capacity(
        content_length
            .and_then(|length| usize::try_from(length).ok())
            .unwrap_or(0),
    );
    while let Some(chunk) = response.chunk().await.map_err(NoAnswer::Failed)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(NoAnswer::TooLarge {
                status,
                content_length: None,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok((status, headers, Received::Whole(body)))
}

#[cfg(test)]
mod tests;
