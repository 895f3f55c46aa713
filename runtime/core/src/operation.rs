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
    /// Wire names of parameters sent in the `Cookie` header.
    pub cookie_params: &'static [&'static str],
    /// Path parameters whose `/` stays a separator (a file path, an MLflow artifact path), so one value spans
    /// segments; every other path parameter is exactly one segment.
    pub multi_segment_params: &'static [&'static str],
    /// How query parameters are written, for those not written the default way.
    pub query_styles: &'static [(&'static str, QueryStyle)],
    /// How the other query parameters are written: OpenAPI's default, [`QueryStyle::FormExploded`], for a
    /// generated operation.
    pub default_query_style: QueryStyle,
    /// Body fields (at any depth of the request or the response) that hold secrets, redacted in debug logs.
    pub sensitive: &'static [&'static str],
    /// The answer declares no field, so an empty success body loses nothing and reads as `{}`; for other
    /// operations an empty body is a lost answer.
    pub answers_nothing: bool,
    /// The media type of a success body that is not JSON (`text/csv`, `application/octet-stream`), sent as
    /// `Accept`; empty for JSON.
    pub accept: &'static str,
    /// The security requirements: alternatives, each the names of the schemes that must all be given. An empty
    /// alternative allows a call without credentials; no alternatives at all means the description asks for none.
    /// Used by clients built with [`Client::builder`](crate::Client::builder); a platform's own
    /// [`Authenticator`](crate::Authenticator) may decide otherwise.
    pub security: &'static [&'static [&'static str]],
    /// The headers the success answer declares, and how each value is read, for the methods that return
    /// them ([`RequestBuilder::send_headers`](crate::RequestBuilder::send_headers) and its kin).
    pub answer_headers: &'static [(&'static str, HeaderValueKind)],
}

impl Operation {
    pub const fn new(id: &'static str, method: Method, path: &'static str) -> Self {
        Operation {
            id,
            method,
            path,
            idempotent: matches!(method, Method::Get),
            header_params: &[],
            cookie_params: &[],
            multi_segment_params: &[],
            query_styles: &[],
            default_query_style: QueryStyle::FormExploded,
            sensitive: &[],
            answers_nothing: false,
            accept: "",
            security: &[],
            answer_headers: &[],
        }
    }

    pub const fn security(mut self, requirements: &'static [&'static [&'static str]]) -> Self {
        self.security = requirements;
        self
    }

    pub const fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }

    pub const fn header_params(mut self, names: &'static [&'static str]) -> Self {
        self.header_params = names;
        self
    }

    pub const fn cookie_params(mut self, names: &'static [&'static str]) -> Self {
        self.cookie_params = names;
        self
    }

    pub const fn multi_segment_params(mut self, names: &'static [&'static str]) -> Self {
        self.multi_segment_params = names;
        self
    }

    pub const fn query_styles(mut self, styles: &'static [(&'static str, QueryStyle)]) -> Self {
        self.query_styles = styles;
        self
    }

    pub const fn default_query_style(mut self, style: QueryStyle) -> Self {
        self.default_query_style = style;
        self
    }

    /// How the query parameter `name` is written.
    pub fn query_style(&self, name: &str) -> QueryStyle {
        self.query_styles
            .iter()
            .find(|(param, _)| *param == name)
            .map_or(self.default_query_style, |(_, style)| *style)
    }

    pub const fn sensitive(mut self, names: &'static [&'static str]) -> Self {
        self.sensitive = names;
        self
    }

    pub const fn accept(mut self, media_type: &'static str) -> Self {
        self.accept = media_type;
        self
    }

    pub const fn answer_headers(mut self, headers: &'static [(&'static str, HeaderValueKind)]) -> Self {
        self.answer_headers = headers;
        self
    }

    pub const fn answers_nothing(mut self) -> Self {
        self.answers_nothing = true;
        self
    }
}

/// What an answer header's text holds, as its schema declares: how it is read into JSON for the generated
/// struct of the answer's headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderValueKind {
    /// Any text, kept as sent (`Content-Type`, an HTTP date).
    Text,
    /// A whole number (`Content-Length`).
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
}

impl HeaderValueKind {
    /// What a value of this kind is, for an error about one that is not.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            HeaderValueKind::Text => "text",
            HeaderValueKind::Integer => "an integer",
            HeaderValueKind::Number => "a number",
            HeaderValueKind::Boolean => "`true` or `false`",
        }
    }
}

/// How a query parameter's value is written: OpenAPI's `style` and `explode`, plus the dotted form of
/// an object. A scalar is `name=value` in every style; they differ for lists and objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryStyle {
    /// `form` with `explode` (OpenAPI's default): a list repeats the name (`id=3&id=4`), an object's
    /// properties are pairs of their own (`role=admin&first=Alex`).
    FormExploded,
    /// `form` without `explode`: `id=3,4`; an object `filter=role,admin,first,Alex`.
    Form,
    /// `spaceDelimited`: `id=3%204`.
    SpaceDelimited,
    /// `pipeDelimited`: `id=3|4`.
    PipeDelimited,
    /// `deepObject`: `filter[role]=admin&filter[first]=Alex`.
    DeepObject,
    /// An object as one pair per property under dotted names, as some APIs read them:
    /// `filter_by.cluster_states=RUNNING` (lists repeat the name).
    Dotted,
    /// `content: application/json`: the value as JSON text.
    Json,
}
