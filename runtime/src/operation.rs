//! What a generated method tells the runtime about its operation.

/// HTTP methods used by the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Trace,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
            Method::Trace => "TRACE",
        }
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
            Method::Head => reqwest::Method::HEAD,
            Method::Options => reqwest::Method::OPTIONS,
            Method::Trace => reqwest::Method::TRACE,
        }
    }
}

/// A static description of one API operation, written by the generator next to each client method.
///
/// Built with `const fn`s so generated code stays a single expression and fields can be added without
/// changing every call site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The spec's operationId, e.g. `clusters.get`; used in errors and logs.
    pub id: &'static str,
    pub method: Method,
    /// Path template, e.g. `/api/2.0/global-init-scripts/{script_id}`.
    pub path: &'static str,
    /// Whether repeating the request is harmless (GET, or marked so in the spec).
    pub idempotent: bool,
    /// Wire names of parameters sent as headers; every other parameter goes in the query string.
    pub header_params: &'static [&'static str],
    /// Body fields (at any depth of the request or the response) that hold secrets, redacted in debug logs.
    pub sensitive: &'static [&'static str],
    /// The answer declares no field, so an empty success body loses nothing and reads as `{}`; for other
    /// operations an empty body is a lost answer.
    pub answers_nothing: bool,
    /// The media type of a success body that is not JSON (`text/csv`, `application/octet-stream`), sent as
    /// `Accept`; empty for JSON.
    pub accept: &'static str,
}

impl Operation {
    pub const fn new(id: &'static str, method: Method, path: &'static str) -> Self {
        Operation {
            id,
            method,
            path,
            idempotent: matches!(method, Method::Get),
            header_params: &[],
            sensitive: &[],
            answers_nothing: false,
            accept: "",
        }
    }

    pub const fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }

    pub const fn header_params(mut self, names: &'static [&'static str]) -> Self {
        self.header_params = names;
        self
    }

    pub const fn sensitive(mut self, names: &'static [&'static str]) -> Self {
        self.sensitive = names;
        self
    }

    pub const fn accept(mut self, media_type: &'static str) -> Self {
        self.accept = media_type;
        self
    }

    pub const fn answers_nothing(mut self) -> Self {
        self.answers_nothing = true;
        self
    }
}
