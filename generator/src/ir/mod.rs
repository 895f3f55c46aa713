//! The IR: the API as the emitters need it, with every OpenAPI quirk already resolved.
//!
//! `lower` builds it from an `openapiv3` document (names chosen, references resolved, `allOf` merged,
//! inline schemas named, extensions checked); `graph` adds what needs the whole type graph (`Box` for
//! recursion, `Default` derivability, which services use which types). Emitters only read it.
//! Everything is ordered: the same spec always gives the same IR.

mod dump;
mod graph;
mod lower;
pub mod naming;
mod partial;

use std::collections::{BTreeMap, BTreeSet};

pub use dump::dump;
pub use lower::{lower, lower_timed};
pub use partial::{lower_leaving_out_unsupported, lower_leaving_out_unsupported_timed};

/// The whole API.
#[derive(Clone, Debug, PartialEq)]
pub struct Api {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    /// Ordered by name.
    pub services: Vec<Service>,
    /// What lowering left out, and why (operations Rust cannot call); printed, never fatal.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
    /// Every named type, keyed (and so ordered) by its Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// The module holding types used by more than one service (or by none).
    pub shared_module: String,
    /// The runtime the generated crates build on (`x-sdk-runtime`).
    pub runtime: Runtime,
    /// Scheme, host and port of the first server (`https://api.example.com`), variables at their defaults;
    /// `None` when the spec names no server or only a relative one. The base path is in every operation's path.
    pub base_url: Option<String>,
    /// `components.securitySchemes`, in document order.
    pub security_schemes: Vec<SecurityScheme>,
}

/// The runtime the generated crates build on, chosen by the spec's root `x-sdk-runtime`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runtime {
    /// The generic HTTP core (`openapi-runtime`): base URL from `servers`, credentials from
    /// `securitySchemes`. Any spec without the marker.
    Generic,
    /// The Databricks layer (`databricks-runtime`, `x-sdk-runtime: databricks`): its configuration, unified
    /// auth and error codes, and the `dbr` CLI.
    Databricks,
}

impl Runtime {
    /// The runtime's package: `openapi-runtime`.
    pub fn package(self) -> &'static str {
        match self {
            Runtime::Generic => "openapi-runtime",
            Runtime::Databricks => "databricks-runtime",
        }
    }

    /// The runtime's crate as Rust code names it: `openapi_runtime`.
    pub fn crate_name(self) -> &'static str {
        match self {
            Runtime::Generic => "openapi_runtime",
            Runtime::Databricks => "databricks_runtime",
        }
    }
}

/// One entry of `components.securitySchemes`: a credential the client can be given.
#[derive(Clone, Debug, PartialEq)]
pub struct SecurityScheme {
    /// The key in `components.securitySchemes`, as requirements name it.
    pub name: String,
    /// The client builder's method that takes the credential: `petstore_auth`.
    pub method_name: String,
    /// For an OAuth scheme with a client-credentials flow, the builder's method that takes the client id and
    /// secret: `petstore_auth_client_credentials`.
    pub client_credentials_method: Option<String>,
    pub description: Option<String>,
    pub kind: SchemeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SchemeKind {
    /// `http` with scheme `bearer`: `Authorization: Bearer <token>`.
    Bearer,
    /// `http` with scheme `basic`: `Authorization: Basic <base64 of user:password>`.
    Basic,
    /// `apiKey`: the key in the header, query parameter or cookie `name`.
    ApiKey { location: ApiKeyLocation, name: String },
    /// `oauth2`: an access token the caller gives, or one obtained with client credentials from `token_url`
    /// (the `clientCredentials` flow's, when there is one) for its `scopes`.
    OAuth2 {
        token_url: Option<String>,
        scopes: Vec<String>,
    },
    /// `openIdConnect`: an access token the caller gives (discovery is not done).
    OpenIdConnect { url: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}

impl ApiKeyLocation {
    /// The name of the runtime's variant, and of the location in the IR dump.
    pub fn variant(self) -> &'static str {
        match self {
            ApiKeyLocation::Header => "Header",
            ApiKeyLocation::Query => "Query",
            ApiKeyLocation::Cookie => "Cookie",
        }
    }
}

/// One service: the operations of one tag.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    /// The tag as written in the spec.
    pub tag: String,
    /// Which client reaches it (`x-sdk-client` of the tag): the workspace's, or the account's.
    pub client: ServiceClient,
    /// Rust module: `clusters`, `account_workspaces`.
    pub module: String,
    /// The method of its client that returns it: `clusters`; an account service's drops the `account`
    /// prefix of its tag (`AccountClient::workspaces`).
    pub accessor: String,
    /// Rust type of the service handle: `Clusters`.
    pub type_name: String,
    /// CLI command group: `clusters`; an account service's is under `dbr account` and drops the prefix
    /// (`dbr account workspaces`).
    pub cli_name: String,
    /// Cargo feature of the generated crates that compiles this service in: `cluster-policies`.
    pub feature: String,
    pub description: Option<String>,
    /// `x-sdk-group` of the tag: the heading of `dbr --help` this service is listed under.
    pub group: Option<String>,
    /// Ordered by method name.
    pub operations: Vec<Operation>,
}

/// The client a service belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceClient {
    Workspace,
    /// The account client: its calls name the account, whose id comes from the configuration.
    Account,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// The operationId, or one derived from the method and path when the spec gives none.
    pub id: String,
    /// The spec gives no operationId: `id` is [`naming::derived_operation_id`]'s.
    pub id_derived: bool,
    /// JSON pointer of the operation object in the merged document.
    pub pointer: String,
    /// Rust method: `permanent_delete`.
    pub method_name: String,
    /// CLI command: `permanent-delete`.
    pub cli_name: String,
    pub http_method: HttpMethod,
    /// Path template as written: `/api/2.0/global-init-scripts/{script_id}`.
    pub path: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    /// In path-template order.
    pub path_params: Vec<Param>,
    /// Every query, header and cookie parameter, required or not.
    pub query_params: Vec<Param>,
    pub header_params: Vec<Param>,
    pub cookie_params: Vec<Param>,
    /// The client method's leading arguments, in order: the path parameters, then the required query and
    /// header parameters as declared. A caller names what it acts on plainly: `clusters().get(id)`.
    pub arguments: Vec<Param>,
    /// The generated struct of the optional query and header parameters, the method's next argument;
    /// `None` when there are none.
    pub params_type: Option<String>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// The request bodies of other media types, each sent by a method of its own: the operation's method
    /// when it takes no JSON, `<method>_<kind>` beside the JSON one otherwise (`put_multipart`).
    pub content_bodies: Vec<ContentBody>,
    /// The JSON success response body; `None` when the success response has no content or has
    /// [`raw_response`](Self::raw_response).
    pub response: Option<TypeRef>,
    /// A success answer that is not JSON: bytes, text or a redirect.
    pub raw_response: Option<RawResponse>,
    /// The success answer's other form when it is JSON or bytes (or text), returned by a method of its own.
    pub raw_form: Option<RawForm>,
    /// The headers the success answer declares, read into a generated struct.
    pub answer_headers: Option<AnswerHeaders>,
    /// The body of the `default` (or 4xx/5xx) response, for documentation.
    pub error: Option<TypeRef>,
    pub pagination: Option<Pagination>,
    pub wait: Option<Wait>,
    /// Safe to retry after the server may have received it (GET, or `x-sdk-idempotent`).
    pub idempotent: bool,
    /// How `dbr` presents the request fields.
    pub cli_args: Vec<CliArg>,
    /// `-o table` columns of a list operation (`x-sdk-cli.columns`): property paths of one item.
    pub cli_columns: Vec<String>,
    /// A body field `dbr` reads from standard input when it is not given (`x-sdk-cli.stdin`).
    pub cli_stdin: Option<CliStdin>,
    /// `dbr` prints the items of every page as one array (and takes `--limit`): a list whose response
    /// pages, or holds nothing but its items. A one-page response with more in it (`default_zone` beside
    /// `zones`) is printed whole.
    pub cli_lists_items: bool,
    /// Wire names of the `x-sdk-sensitive` properties the request or the response can hold, at any depth;
    /// debug logs redact them.
    pub sensitive_fields: Vec<String>,
    /// The success response declares no field (an empty object such as `EmptyResponse`): an empty body
    /// loses nothing, so it is read as `{}` rather than refused as a lost answer.
    pub answers_nothing: bool,
    /// The credentials the operation accepts: alternatives, each the names of the security schemes it needs
    /// together. The operation's `security`, else the document's. An empty alternative, or none at all,
    /// means no credential is needed.
    pub security: Vec<Vec<String>>,
}

/// The headers a success answer declares (`responses.<code>.headers`), each holding one value.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerHeaders {
    /// The generated struct of them (a [`TypeOrigin::AnswerHeaders`] type): every field optional, named by
    /// the header in serde.
    pub type_name: String,
    /// In declared order.
    pub headers: Vec<AnswerHeader>,
    /// The method returning the body together with the headers (`download_with_headers`); `None` when the
    /// answer has no body, so the operation's own method returns the headers.
    pub with_body_method: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerHeader {
    /// The name as declared (`Content-Length`); HTTP compares names without case.
    pub name: String,
    pub kind: HeaderValueKind,
}

/// What a header's text holds, from its schema: the runtime's `HeaderValueKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderValueKind {
    /// A string, or a string enum.
    Text,
    Integer,
    Number,
    Boolean,
}

impl HeaderValueKind {
    /// The name of the runtime's variant, and of the kind in the IR dump.
    pub fn variant(self) -> &'static str {
        match self {
            HeaderValueKind::Text => "Text",
            HeaderValueKind::Integer => "Integer",
            HeaderValueKind::Number => "Number",
            HeaderValueKind::Boolean => "Boolean",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamLocation {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Name on the wire.
    pub name: String,
    pub rust_name: String,
    pub location: ParamLocation,
    pub ty: TypeRef,
    pub required: bool,
    pub description: Option<String>,
    /// How a query parameter's value is written (`FormExploded` for the other locations).
    pub style: QueryStyle,
    /// A path parameter whose `/` separates segments (`x-sdk-multi-segment`).
    pub multi_segment: bool,
    /// The configuration setting a path parameter is filled from (`x-sdk-config: account_id`): the
    /// client's, never an argument.
    pub from_config: Option<String>,
}

/// How a query parameter is written: OpenAPI's `style` and `explode`, resolved, plus the Databricks form
/// of an object (`x-sdk-style: dotted`) and a JSON `content` parameter. The runtime's `QueryStyle`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryStyle {
    /// `form` with `explode` (the default): lists repeat the name, objects spread their properties.
    FormExploded,
    /// `form` without `explode`: comma-separated.
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    /// `name.key=value`.
    Dotted,
    /// `content: application/json`: the value as JSON text.
    Json,
}

impl QueryStyle {
    /// The name of the runtime's variant, and of the style in the IR dump.
    pub fn variant(self) -> &'static str {
        match self {
            QueryStyle::FormExploded => "FormExploded",
            QueryStyle::Form => "Form",
            QueryStyle::SpaceDelimited => "SpaceDelimited",
            QueryStyle::PipeDelimited => "PipeDelimited",
            QueryStyle::DeepObject => "DeepObject",
            QueryStyle::Dotted => "Dotted",
            QueryStyle::Json => "Json",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub ty: TypeRef,
    pub required: bool,
    pub description: Option<String>,
}

impl Operation {
    /// Every type its request bodies use: the JSON body's, a form's, a multipart body's text fields.
    pub fn body_types(&self) -> Vec<TypeRef> {
        let mut types: Vec<TypeRef> = self.body.iter().map(|body| body.ty.clone()).collect();
        for content in &self.content_bodies {
            match &content.kind {
                ContentKind::Form(ty) => types.push(ty.clone()),
                ContentKind::Multipart { fields: Some(name), .. } => types.push(TypeRef::Named(name.clone())),
                _ => {}
            }
        }
        types
    }
}

/// A request body that is not JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentBody {
    /// The client method that sends it.
    pub method_name: String,
    /// As declared: `application/octet-stream`, `multipart/form-data`.
    pub media_type: String,
    pub kind: ContentKind,
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ContentKind {
    /// Raw bytes (`application/octet-stream`, images, archives, anything not listed below): from memory
    /// or streamed from a reader.
    Bytes,
    /// `text/*`.
    Text,
    /// `application/x-www-form-urlencoded`: the fields of a struct.
    Form(TypeRef),
    /// `multipart/form-data`: text fields (the schema's properties that are not `format: binary`, as a
    /// struct, `None` when there are none) and file parts (the `format: binary` ones).
    Multipart {
        fields: Option<String>,
        files: Vec<FilePart>,
    },
}

impl ContentKind {
    /// The suffix of the method that sends this kind beside a JSON one: `put_multipart`.
    pub fn method_suffix(&self) -> &'static str {
        match self {
            ContentKind::Bytes => "bytes",
            ContentKind::Text => "text",
            ContentKind::Form(_) => "form",
            ContentKind::Multipart { .. } => "multipart",
        }
    }
}

/// A file part of a multipart body.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePart {
    /// The part's name on the wire.
    pub name: String,
    pub rust_name: String,
    pub required: bool,
    pub description: Option<String>,
}

/// A success answer that is not JSON. `media_type` is what `Accept` asks for: every media type of that kind
/// the answer lists (`image/png, image/jpeg`), the server choosing among them.
#[derive(Clone, Debug, PartialEq)]
pub enum RawResponse {
    /// Bytes of `media_type`, read as a stream.
    Bytes { media_type: String },
    /// Text of `media_type` (`text/csv`), read whole.
    Text { media_type: String },
    /// A redirect (`3xx`): the answer is its `Location`.
    Redirect,
}

/// The bytes (or text) form of a success answer that is also JSON: `export` keeps the JSON, `export_bytes`
/// returns this.
#[derive(Clone, Debug, PartialEq)]
pub struct RawForm {
    /// `<method>_bytes` or `<method>_text`.
    pub method_name: String,
    /// [`RawResponse::Bytes`] or [`RawResponse::Text`].
    pub response: RawResponse,
    /// The query parameter telling the server which form to answer with, if the server does not go by `Accept`.
    pub selector: Option<AnswerSelector>,
}

/// A query parameter that selects the form of the answer (`x-sdk-selects-answer`): no method takes it as an
/// argument; each sends its own value, or leaves it out.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerSelector {
    /// Name on the wire: `direct_download`.
    pub name: String,
    /// What the JSON method sends.
    pub json: Option<serde_json::Value>,
    /// What the raw form's method sends.
    pub raw: Option<serde_json::Value>,
}

/// A use of a type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// A type in [`Api::types`].
    Named(String),
    String,
    Bool,
    I32,
    I64,
    F32,
    F64,
    /// Any JSON value.
    Any,
    /// A JSON object with no declared properties.
    Object,
    List(Box<TypeRef>),
    /// A JSON object used as a map from string keys.
    Map(Box<TypeRef>),
    /// The value may be JSON `null`.
    Nullable(Box<TypeRef>),
}

impl TypeRef {
    /// Whether a number is part of this type itself (not of a named type it refers to): such values need
    /// the API's wire forms (`"NaN"` and `"Infinity"` for floats, integers written as strings).
    pub fn holds_number(&self) -> bool {
        match self {
            TypeRef::F32 | TypeRef::F64 | TypeRef::I32 | TypeRef::I64 => true,
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => inner.holds_number(),
            _ => false,
        }
    }

    /// The named type this refers to directly (through `Nullable`, not through lists or maps).
    pub fn direct_name(&self) -> Option<&str> {
        match self {
            TypeRef::Named(name) => Some(name),
            TypeRef::Nullable(inner) => inner.direct_name(),
            _ => None,
        }
    }

    /// Every named type this mentions, at any depth.
    pub fn names(&self, into: &mut Vec<String>) {
        match self {
            TypeRef::Named(name) => into.push(name.clone()),
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => inner.names(into),
            _ => {}
        }
    }
}

/// A named type.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDef {
    pub name: String,
    /// Where it is defined in the merged document.
    pub pointer: String,
    pub origin: TypeOrigin,
    pub description: Option<String>,
    pub deprecated: bool,
    pub kind: TypeKind,
    /// Services whose operations use this type (directly or through other types).
    pub services: BTreeSet<String>,
    /// The Rust module it is emitted in.
    pub module: String,
    /// Whether every field has a natural default, so the type can derive `Default`.
    pub derives_default: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeOrigin {
    /// `components/schemas/<name>`.
    Component,
    /// An inline schema, named after where it appears.
    Inline,
    /// The optional query and header parameters of an operation.
    Params,
    /// The headers an operation's success answer declares.
    AnswerHeaders,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    Union(UnionDef),
    Newtype(NewtypeDef),
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructDef {
    pub fields: Vec<Field>,
    pub extra: ExtraFields,
}

/// What happens to properties the struct does not declare.
#[derive(Clone, Debug, PartialEq)]
pub enum ExtraFields {
    /// Kept as raw JSON in `unknown_fields` and sent back on serialisation (every API object).
    Keep,
    /// `additionalProperties` with a schema: kept in a typed map named by `field`.
    Typed { field: String, ty: TypeRef },
    /// An error when read from JSON (the generated parameter structs: built by callers in code, read from
    /// JSON only from the CLI's `--json`, where an unknown key is a typo to report, not to drop).
    Reject,
}

impl ExtraFields {
    /// The Rust field that holds the undeclared properties, if the struct keeps them.
    pub fn field(&self) -> Option<&str> {
        match self {
            ExtraFields::Keep => Some(naming::UNKNOWN_FIELDS),
            ExtraFields::Typed { field, .. } => Some(field),
            ExtraFields::Reject => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Name on the wire.
    pub name: String,
    pub rust_name: String,
    pub ty: TypeRef,
    pub required: bool,
    /// Set by the graph pass when the field closes a cycle of by-value containment.
    pub boxed: bool,
    pub description: Option<String>,
    /// The server-side default, documented only.
    pub default: Option<serde_json::Value>,
    pub format: Option<String>,
    pub deprecated: bool,
    pub sensitive: bool,
}

impl Field {
    /// A field with no documentation, default or flags; lowering adds what the schema says.
    pub fn new(name: &str, rust_name: String, ty: TypeRef, required: bool) -> Field {
        Field {
            name: name.to_owned(),
            rust_name,
            ty,
            required,
            boxed: false,
            description: None,
            default: None,
            format: None,
            deprecated: false,
            sensitive: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumDef {
    pub variants: Vec<EnumVariant>,
    /// The values are integers (`type: integer` with an `enum`); otherwise strings.
    pub integer: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumVariant {
    /// The value as written on the wire: the string, or the integer in decimal.
    pub value: String,
    pub rust_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnionDef {
    /// With a discriminator, variants are chosen by this property's value; without, by their shapes.
    pub discriminator: Option<String>,
    pub variants: Vec<UnionVariant>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnionVariant {
    pub rust_name: String,
    /// Where the alternative is written (`.../oneOf/1`).
    pub pointer: String,
    pub ty: TypeRef,
    /// The discriminator values that select this variant.
    pub tags: Vec<String>,
    pub boxed: bool,
    /// What JSON this alternative accepts, used to choose among alternatives without a discriminator. A
    /// constrained string (`Text`) is known from the alternative's own schema; every other shape needs the
    /// types it refers to, so it is completed once every type is lowered.
    pub shape: UnionShape,
}

/// The JSON an alternative of a union accepts: everything the schema says that can tell it from another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnionShape {
    /// An object type: its property names, the required ones, its tags (properties whose schema admits a
    /// single value, with that value), and whether other keys are typed extras.
    Object {
        known: Vec<String>,
        required: Vec<String>,
        tags: Vec<(String, String)>,
        open: bool,
    },
    String,
    /// One of these strings (an enum: as an alternative it takes only the values it lists).
    Enum(Vec<String>),
    /// A string of a format the runtime checks ([`CHECKED_FORMATS`]) and/or matching a pattern.
    Text {
        format: Option<String>,
        pattern: Option<String>,
    },
    Integer,
    Number,
    Boolean,
    List,
    Map,
    Any,
}

/// String formats the runtime can check (`serde_support::Format`), so they tell union alternatives apart.
pub const CHECKED_FORMATS: &[&str] = &["uuid", "date-time", "date", "email", "uri", "ipv4", "ipv6", "byte"];

#[derive(Clone, Debug, PartialEq)]
pub struct NewtypeDef {
    pub ty: TypeRef,
    pub boxed: bool,
}

/// `x-sdk-pagination`, checked against the operation's request and response.
#[derive(Clone, Debug, PartialEq)]
pub struct Pagination {
    /// Response property holding one page of items (dots for nesting).
    pub items: String,
    /// The type of one item.
    pub item_type: TypeRef,
    /// Whether the style's request fields travel in the body (otherwise in the query string).
    pub in_body: bool,
    /// The method streaming every item: `list_all`.
    pub method_name: String,
    pub style: PaginationStyle,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PaginationStyle {
    Token {
        request_token: String,
        response_token: String,
        page_size: Option<String>,
    },
    Offset {
        offset: String,
        limit: String,
        /// Item property identifying an item, for skipping repeats.
        id: Option<String>,
    },
    Scim {
        start_index: String,
        count: String,
        total: String,
        id: Option<String>,
    },
    NextRequest {
        next_request: String,
    },
    None,
}

/// `x-sdk-wait`, checked against the operations involved.
#[derive(Clone, Debug, PartialEq)]
pub struct Wait {
    /// operationId of the operation polled.
    pub poll: String,
    pub bind: Vec<WaitBinding>,
    /// Property path of the state in the poll response.
    pub state: Vec<String>,
    pub success: Vec<String>,
    pub failure: Vec<String>,
    pub message: Option<Vec<String>>,
    /// The method that sends the request and waits: `create_and_wait`.
    pub method_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaitBinding {
    /// Request field of the poll operation.
    pub param: String,
    /// Where the poll operation takes it.
    pub location: ParamLocationOrBody,
    pub source: WaitSource,
    /// Field of this operation's request or response.
    pub field: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitSource {
    Request,
    Response,
}

/// A body field `dbr` reads from standard input (a hidden prompt on a terminal) when neither `--json`, its
/// flag nor one of `unless` is given, so a secret need not be a command-line argument.
#[derive(Clone, Debug, PartialEq)]
pub struct CliStdin {
    /// Field name on the wire.
    pub field: String,
    /// Fields that take its place when given.
    pub unless: Vec<String>,
    /// A bytes field: what is read is sent base64-encoded (otherwise as UTF-8 text).
    pub base64: bool,
    /// What the terminal prompt asks for.
    pub prompt: String,
}

/// One request field as `dbr` presents it.
#[derive(Clone, Debug, PartialEq)]
pub struct CliArg {
    /// Field name on the wire.
    pub field: String,
    pub target: ParamLocationOrBody,
    pub positional: bool,
    /// `--flag-name` (without dashes) or the positional value name (`CLUSTER_ID`).
    pub name: String,
    /// For a list field, the value of one item.
    pub value: CliValue,
    /// A list of scalars: the flag is given once per item (`--order-by name --order-by version`).
    pub repeated: bool,
    pub required: bool,
    pub help: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamLocationOrBody {
    Path,
    Query,
    Header,
    Cookie,
    Body,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliValue {
    String,
    Integer,
    Number,
    Boolean,
    Enum(Vec<String>),
}

/// Every operation of the document with its path and lower-case method, in document order.
pub fn operations_of(document: &openapiv3::OpenAPI) -> Vec<(&str, &str, &openapiv3::Operation)> {
    let mut operations = Vec::new();
    for (path, item) in &document.paths.paths {
        if let openapiv3::ReferenceOr::Item(item) = item {
            for (method, operation) in item.iter() {
                operations.push((path.as_str(), method, operation));
            }
        }
    }
    operations
}
