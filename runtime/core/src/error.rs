//! The one error type of a client, and the parsing of error answers: the common JSON shapes
//! (`{error_code, message, details}`, `{error}`, `{error: {message}}`, SCIM's and RFC 7807's `{detail}`), text and
//! HTML pages.

use std::fmt;

use serde_json::Value;

use crate::auth::AuthError;
use crate::serde_support::trail::{Failure, Path};

/// Longest piece of a non-JSON error body kept as the message.
const MAX_TEXT_MESSAGE: usize = 1024;
/// Characters of an API error's message that `Display` shows: a server can send megabytes, which would be
/// one line of that size on a terminal. The whole message stays in [`ApiError::message`].
const MAX_SHOWN_MESSAGE: usize = 1000;

/// Anything that can go wrong with a call.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// No usable configuration: a [`SetupError`] of the client, or the configuration error of a platform layer
    /// (find it with `downcast_ref`).
    Config(Box<dyn std::error::Error + Send + Sync>),
    /// No credentials could be obtained for a request (a token endpoint refused, a scheme had none).
    Auth(AuthError),
    /// The server answered with an error status.
    Api(ApiError),
    /// The request could not be built from the values given (a path parameter of `..`, say).
    InvalidRequest { operation: &'static str, message: String },
    /// The request did not complete: DNS, connection, TLS or I/O failure.
    Transport {
        operation: &'static str,
        source: reqwest::Error,
    },
    /// The server answered with success, but the body was not the JSON the operation returns.
    Decode {
        operation: &'static str,
        status: u16,
        /// Where in the body the value that could not be read is (empty for the body itself).
        path: Path,
        source: serde_json::Error,
    },
    /// The server answered with success and an empty body where the operation returns JSON. An operation
    /// with nothing to say answers `{}` or `204 No Content`, so the body was lost on the way (a proxy, a
    /// connection closed early); reading it as `{}` would pass an incomplete answer off as a complete one.
    EmptyBody { operation: &'static str, status: u16 },
    /// The response body was larger than [`Config::max_response_size`](crate::Config::max_response_size);
    /// it was not read past that.
    BodyTooLarge {
        operation: &'static str,
        status: u16,
        /// The limit, in bytes.
        limit: u64,
        /// The size the server announced (`Content-Length`), when it did; then none of the body was read.
        content_length: Option<u64>,
    },
    /// An operation that answers with a redirect answered with success and no `Location` instead.
    NoRedirect { operation: &'static str, status: u16 },
    /// The server answered with success, but a text body was not UTF-8.
    NotText { operation: &'static str, status: u16 },
    /// The server answered with success, but a header the answer declares did not hold what its schema says
    /// (a `Content-Length` that is not a number). Its value is not repeated: a header may carry a secret.
    AnswerHeader {
        operation: &'static str,
        status: u16,
        /// The header's name as the description writes it.
        header: &'static str,
        /// What it should have held: `an integer`, `a number`, `` `true` or `false` ``.
        expected: &'static str,
    },
    /// A response streamed to a writer ([`ByteStream::write_to`](crate::ByteStream::write_to)) could not be
    /// written there.
    Output {
        operation: &'static str,
        source: std::io::Error,
    },
    /// A list could not be followed to its end: the server repeated a page token, or a page was not
    /// shaped as the operation's pagination says.
    Pagination { operation: &'static str, message: String },
    /// A long-running operation reached a failure state.
    WaitFailed {
        operation: &'static str,
        /// The state reached (`TERMINATED`, `INTERNAL_ERROR`, ...).
        state: String,
        /// The server's explanation of the state, when it gave one.
        message: Option<String>,
    },
    /// A long-running operation did not settle within the wait's timeout.
    WaitTimeout {
        operation: &'static str,
        timeout: std::time::Duration,
        /// The last state seen, if any poll succeeded.
        state: Option<String>,
        message: Option<String>,
    },
}

impl Error {
    /// The [`Error::Decode`] of a body of `operation` that did not read, with where in it.
    pub(crate) fn decode(operation: &'static str, status: u16) -> impl Fn(Box<Failure>) -> Error {
        move |failure| {
            let Failure { error, path } = *failure;
            Error::Decode {
                operation,
                status,
                path,
                source: error,
            }
        }
    }

    /// The API error, when the server answered with one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(error) => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(error) => error.fmt(f),
            Error::Auth(error) => error.fmt(f),
            Error::Api(error) => error.fmt(f),
            Error::InvalidRequest { operation, message } => {
                write!(f, "cannot build the {operation} request: {message}")
            }
            Error::Transport { operation, source } => {
                // reqwest's top-level message is generic; the cause (refused, timed out, ...) is the useful part.
                write!(
                    f,
                    "{operation} request failed: {}",
                    crate::transport::with_causes(source)
                )?;
                if let Some(address) = plain_http_server(source) {
                    write!(
                        f,
                        "; the server at {address} does not speak TLS (https); if it is a plain-http server on \
                         this machine, give the host as http://{address}"
                    )?;
                }
                Ok(())
            }
            Error::Decode {
                operation,
                status,
                path,
                source,
            } => {
                write!(f, "unexpected {operation} response (HTTP {status})")?;
                if !path.is_empty() {
                    write!(f, " at `{path}`")?;
                }
                write!(f, ": {source}")
            }
            Error::EmptyBody { operation, status } => write!(
                f,
                "unexpected {operation} response (HTTP {status}): the body is empty where JSON was expected; it \
                 was probably lost on the way"
            ),
            Error::BodyTooLarge {
                operation,
                status,
                limit,
                content_length,
            } => {
                let limit = humane_size(*limit);
                match content_length {
                    Some(length) => write!(
                        f,
                        "the {operation} response (HTTP {status}) is {}, over the {limit} limit on response \
                         bodies; it was not read",
                        humane_size(*length)
                    )?,
                    None => write!(
                        f,
                        "the {operation} response (HTTP {status}) is over the {limit} limit on response bodies; \
                         reading stopped there"
                    )?,
                }
                f.write_str(
                    "; a program that expects such answers can raise the limit with ConfigBuilder::max_response_size",
                )
            }
            Error::NoRedirect { operation, status } => write!(
                f,
                "unexpected {operation} response (HTTP {status}): a redirect with a `Location` was expected"
            ),
            Error::NotText { operation, status } => write!(
                f,
                "unexpected {operation} response (HTTP {status}): the body is not UTF-8 text"
            ),
            Error::AnswerHeader {
                operation,
                status,
                header,
                expected,
            } => write!(
                f,
                "unexpected {operation} response (HTTP {status}): its `{header}` header is not {expected}"
            ),
            Error::Output { operation, source } => write!(f, "cannot write the {operation} response: {source}"),
            Error::Pagination { operation, message } => {
                write!(f, "cannot list every page of {operation}: {message}")
            }
            Error::WaitFailed {
                operation,
                state,
                message,
            } => {
                write!(f, "{operation} reached the failure state {state}")?;
                match message {
                    Some(message) if !message.is_empty() => write!(f, ": {message}"),
                    _ => Ok(()),
                }
            }
            Error::WaitTimeout {
                operation,
                timeout,
                state,
                message,
            } => {
                write!(f, "{operation} did not finish within {}", humane(*timeout))?;
                if let Some(state) = state {
                    write!(f, "; last state {state}")?;
                    if let Some(message) = message.as_deref().filter(|message| !message.is_empty()) {
                        write!(f, " ({message})")?;
                    }
                }
                write!(f, "; wait longer with a larger timeout")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Config(error) => Some(error.as_ref()),
            Error::Auth(error) => Some(error),
            Error::Api(error) => Some(error),
            Error::Transport { source, .. } => Some(source),
            Error::Decode { source, .. } => Some(source),
            Error::Output { source, .. } => Some(source),
            Error::InvalidRequest { .. }
            | Error::EmptyBody { .. }
            | Error::NotText { .. }
            | Error::AnswerHeader { .. }
            | Error::NoRedirect { .. }
            | Error::BodyTooLarge { .. }
            | Error::Pagination { .. }
            | Error::WaitFailed { .. }
            | Error::WaitTimeout { .. } => None,
        }
    }
}

/// `90s`, `20m`, `1h 5m`: a duration as people write it.
fn humane(duration: std::time::Duration) -> String {
    let seconds = duration.as_secs();
    match (seconds / 3600, seconds % 3600 / 60, seconds % 60) {
        (0, 0, 0) => format!("{} ms", duration.as_millis()),
        (0, 0, s) => format!("{s}s"),
        (0, m, 0) => format!("{m}m"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, 0, _) => format!("{h}h"),
        (h, m, _) => format!("{h}h {m}m"),
    }
}

/// `900 bytes`, `64 MiB`, `1.5 GiB`: a size as people write it.
fn humane_size(bytes: u64) -> String {
    for (unit, name) in [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if bytes >= unit {
            let value = bytes as f64 / unit as f64;
            return if value.fract() == 0.0 {
                format!("{value} {name}")
            } else {
                format!("{value:.1} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// The `host:port` of an https URL whose server answered the TLS handshake in plain HTTP: rustls reads the
/// text `HTTP/1.1 400 ...` as a record of an invalid content type. The usual cause is a bare `host:port`,
/// which gets `https://`, naming a plain-http server.
fn plain_http_server(error: &reqwest::Error) -> Option<String> {
    let url = error.url().filter(|url| url.scheme() == "https")?;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if let Some(rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType)) = error.downcast_ref() {
            return Some(format!("{}:{}", url.host_str()?, url.port_or_known_default()?));
        }
        // An `io::Error` wrapping an error gives that error's source, skipping the error itself (here the
        // rustls error, wrapped in two `io::Error`s).
        cause = match error.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(wrapped) => Some(wrapped),
            None => error.source(),
        };
    }
    None
}

/// A client setting that cannot be used (a CA bundle, a proxy URL, a base URL, a credential), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupError {
    pub kind: SetupKind,
    /// What it is (`CA bundle /etc/corp.pem`, `proxy URL`).
    pub setting: String,
    /// Where it came from (`HTTPS_PROXY`), when the client knows.
    pub source: Option<String>,
    pub reason: String,
    /// The next step, when there is one; a platform layer names its own setting here.
    pub hint: Option<String>,
}

/// Which setting a [`SetupError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SetupKind {
    CaBundle,
    Proxy,
    BaseUrl,
    Credential,
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {}", self.setting)?;
        if let Some(source) = &self.source {
            write!(f, " from {source}")?;
        }
        write!(f, " cannot be used: {}", self.reason)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SetupError {}

/// An error answer from the server.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The operation that failed (`clusters.get`).
    pub operation: &'static str,
    /// HTTP status code.
    pub status: u16,
    /// The error code of the body (`error_code`, `RESOURCE_DOES_NOT_EXIST`), when it had one.
    pub error_code: Option<String>,
    /// Human-readable message. Unstructured: show it, do not parse it.
    pub message: String,
    /// The request id, from the `x-request-id` header or the error details.
    pub request_id: Option<String>,
    /// The body's `details` entries and the body itself, behind one pointer so every `Result` stays small.
    answer: std::sync::Arc<ErrorAnswer>,
}

/// The rest of an error answer.
#[derive(Clone, PartialEq, Default)]
struct ErrorAnswer {
    details: Vec<Value>,
    body: Vec<u8>,
}

/// `Debug` gives the body's size only, as the message already shows its text.
impl fmt::Debug for ErrorAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorAnswer")
            .field("details", &self.details)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

impl ApiError {
    /// Parses an error response. The common body shapes are understood; anything else still yields an error
    /// with the status and the start of the body.
    pub(crate) fn from_response(
        operation: &'static str,
        status: reqwest::StatusCode,
        request_id_header: Option<String>,
        body: &[u8],
    ) -> ApiError {
        let parsed = parse_body(status, body);
        let request_id = request_id_header.or_else(|| request_id_from_details(&parsed.details));
        ApiError {
            operation,
            status: status.as_u16(),
            error_code: parsed.error_code,
            message: parsed.message,
            request_id,
            answer: std::sync::Arc::new(ErrorAnswer {
                details: parsed.details,
                body: body.to_vec(),
            }),
        }
    }
}

impl ApiError {
    /// An error as the client makes it from an answer, for a layer's tests and fakes.
    pub fn new(operation: &'static str, status: u16, body: &[u8]) -> ApiError {
        let status = reqwest::StatusCode::from_u16(status).unwrap_or(reqwest::StatusCode::INTERNAL_SERVER_ERROR);
        ApiError::from_response(operation, status, None, body)
    }

    /// The `details` entries of the body, as sent (`google.rpc` error details: `ErrorInfo`, `RetryInfo`, ...).
    pub fn details(&self) -> &[Value] {
        &self.answer.details
    }

    /// The body read as the description's error type `T`, when it is one.
    pub fn body_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.answer.body).ok()
    }
}

impl ApiError {
    /// Whether `Display` shows only the start of the message.
    pub(crate) fn message_is_cut(&self) -> bool {
        self.message.chars().nth(MAX_SHOWN_MESSAGE).is_some()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = &self.error_code {
            write!(f, "{code}: ")?;
        }
        match self.message.char_indices().nth(MAX_SHOWN_MESSAGE) {
            Some((cut, _)) => write!(
                f,
                "{}... ({} characters; whole in --debug)",
                &self.message[..cut],
                self.message.chars().count()
            )?,
            None => f.write_str(&self.message)?,
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(request_id) = &self.request_id {
            write!(f, ", request id {request_id}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for ApiError {}

struct ParsedBody {
    error_code: Option<String>,
    message: String,
    details: Vec<Value>,
}

fn parse_body(status: reqwest::StatusCode, body: &[u8]) -> ParsedBody {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let reason = || {
        status
            .canonical_reason()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("HTTP {}", status.as_u16()))
    };
    let plain = |error_code: Option<String>, message: String| ParsedBody {
        error_code,
        message,
        details: Vec::new(),
    };
    if text.is_empty() {
        return plain(None, reason());
    }
    if let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text) {
        return parse_object(&object, status, text);
    }
    if let Some((code, message)) = text.split_once(": ")
        && !code.is_empty()
        && code.bytes().all(|byte| byte.is_ascii_uppercase() || byte == b'_')
    {
        return plain(Some(code.to_owned()), message.trim().to_owned());
    }
    if let Some(message) = html_message(text) {
        return plain(None, message);
    }
    plain(None, truncate(text))
}

/// `{error_code, message, details}`, the 1.2-style `{error}`, or SCIM's `{detail, status, scimType}`.
fn parse_object(object: &serde_json::Map<String, Value>, status: reqwest::StatusCode, text: &str) -> ParsedBody {
    let string = |key: &str| match object.get(key) {
        Some(Value::String(value)) if !value.is_empty() => Some(value.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    let details = match object.get("details") {
        Some(Value::Array(details)) => details.clone(),
        _ => Vec::new(),
    };
    if let Some(detail) = string("detail") {
        let message = match string("scimType") {
            Some(scim_type) => format!("{scim_type} {detail}"),
            None => detail,
        };
        let status = string("status").unwrap_or_else(|| status.as_u16().to_string());
        return ParsedBody {
            error_code: string("error_code").or(Some(format!("SCIM_{status}"))),
            message,
            details,
        };
    }
    ParsedBody {
        error_code: string("error_code"),
        message: string("message")
            .or_else(|| string("error"))
            .unwrap_or_else(|| truncate(text)),
        details,
    }
}

fn html_message(text: &str) -> Option<String> {
    for (open, close) in [("<pre>", "</pre>"), ("<title>", "</title>")] {
        if let Some(start) = text.find(open) {
            let rest = &text[start + open.len()..];
            if let Some(end) = rest.find(close) {
                let message = rest[..end].trim();
                if !message.is_empty() {
                    return Some(truncate(message));
                }
            }
        }
    }
    None
}

fn request_id_from_details(details: &[Value]) -> Option<String> {
    details.iter().find_map(|detail| match detail.get("request_id") {
        Some(Value::String(id)) if !id.is_empty() => Some(id.clone()),
        _ => None,
    })
}

fn truncate(text: &str) -> String {
    if text.len() <= MAX_TEXT_MESSAGE {
        return text.to_owned();
    }
    format!("{}…", &text[..crate::redact::cut_point(text, MAX_TEXT_MESSAGE)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;

    fn parse(status: u16, body: &str) -> ApiError {
        ApiError::from_response("test.op", StatusCode::from_u16(status).unwrap(), None, body.as_bytes())
    }

    #[test]
    fn standard_body() {
        let error = parse(
            400,
            r#"{"error_code":"INVALID_PARAMETER_VALUE","message":"Cluster 1 does not exist",
                "details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"req-1"}]}"#,
        );
        assert_eq!(error.error_code.as_deref(), Some("INVALID_PARAMETER_VALUE"));
        assert_eq!(error.message, "Cluster 1 does not exist");
        assert_eq!(error.request_id.as_deref(), Some("req-1"));
        assert_eq!(error.details().len(), 1);
        assert_eq!(
            error.to_string(),
            "INVALID_PARAMETER_VALUE: Cluster 1 does not exist (HTTP 400, request id req-1)"
        );
    }

    #[test]
    fn other_shapes() {
        let numeric = parse(500, r#"{"error_code": 500, "message": "boom"}"#);
        assert_eq!(numeric.error_code.as_deref(), Some("500"));
        let legacy = parse(400, r#"{"error": "bad thing"}"#);
        assert_eq!((legacy.error_code, legacy.message.as_str()), (None, "bad thing"));
        let scim = parse(
            404,
            r#"{"detail":"User not found","status":"404","scimType":"invalidValue"}"#,
        );
        assert_eq!(scim.error_code.as_deref(), Some("SCIM_404"));
        assert_eq!(scim.message, "invalidValue User not found");
        let text = parse(429, "REQUEST_LIMIT_EXCEEDED: too many requests");
        assert_eq!(text.error_code.as_deref(), Some("REQUEST_LIMIT_EXCEEDED"));
        assert_eq!(text.message, "too many requests");
        let html = parse(502, "<html><head><title>502 Bad Gateway</title></head></html>");
        assert_eq!(html.message, "502 Bad Gateway");
        let empty = parse(503, "");
        assert_eq!(empty.message, "Service Unavailable");
        let other = parse(500, "[1, 2]");
        assert_eq!(other.message, "[1, 2]");
        let long = parse(500, &"x".repeat(5000));
        assert!(long.message.len() < 1100);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(humane_size(900), "900 bytes");
        assert_eq!(humane_size(64 << 20), "64 MiB");
        assert_eq!(humane_size(3 << 29), "1.5 GiB");
    }

    #[test]
    fn display_cuts_a_long_message_and_the_error_keeps_it_whole() {
        let huge = "x".repeat(1_048_576);
        let error = parse(
            400,
            &format!(r#"{{"error_code":"INVALID_PARAMETER_VALUE","message":"{huge}"}}"#),
        );
        assert!(error.message == huge, "the error keeps the whole message");
        let shown = error.to_string();
        let expected = format!(
            "INVALID_PARAMETER_VALUE: {}... (1048576 characters; whole in --debug) (HTTP 400)",
            &huge[..1000]
        );
        assert!(shown == expected, "{} bytes: {}", shown.len(), &shown[..200]);
        // Characters, not bytes, and never half of one.
        let accented = parse(400, &format!(r#"{{"message":"{}"}}"#, "é".repeat(1001)));
        assert_eq!(
            accented.to_string(),
            format!("{}... (1001 characters; whole in --debug) (HTTP 400)", "é".repeat(1000))
        );
        let at_the_limit = parse(400, &format!(r#"{{"message":"{}"}}"#, "é".repeat(1000)));
        assert_eq!(at_the_limit.to_string(), format!("{} (HTTP 400)", "é".repeat(1000)));
        assert!(!at_the_limit.message_is_cut() && accented.message_is_cut());
    }
}
