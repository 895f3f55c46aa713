//! The `x-sdk-*` operation extensions (documented in spec/README.md): parsed when the operation is
//! lowered, checked once every operation's request and response types exist.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Lowerer;
use crate::diagnostic::{Diagnostic, closest};
use crate::ir::naming::Scope;
use crate::ir::{
    Operation, Pagination, PaginationStyle, ParamLocationOrBody, TypeKind, TypeRef, Wait, WaitBinding, WaitSource,
};

const OPERATION_EXTENSIONS: &[&str] = &["x-sdk-pagination", "x-sdk-wait", "x-sdk-cli", "x-sdk-idempotent"];

/// An operation's extensions as written, waiting for the whole API to be lowered.
#[derive(Default)]
pub(super) struct OperationExtensions {
    pub idempotent: bool,
    pagination: Option<(PaginationExtension, String)>,
    wait: Option<(WaitExtension, String)>,
    pub cli: Option<(CliExtension, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PaginationExtension {
    style: PaginationStyleName,
    items: String,
    request_token: Option<String>,
    response_token: Option<String>,
    page_size: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
    start_index: Option<String>,
    count: Option<String>,
    total: Option<String>,
    next_request: Option<String>,
    id: Option<String>,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum PaginationStyleName {
    Token,
    Offset,
    Scim,
    NextRequest,
    None,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WaitExtension {
    poll: String,
    bind: IndexMap<String, String>,
    state: String,
    success: Vec<String>,
    #[serde(default)]
    failure: Vec<String>,
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CliExtension {
    pub positional: Option<Vec<String>>,
    pub columns: Option<Vec<String>>,
    pub stdin: Option<StdinExtension>,
}

/// `x-sdk-cli.stdin`: a body field read from standard input when the command line does not give it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StdinExtension {
    pub field: String,
    #[serde(default)]
    pub unless: Vec<String>,
    pub encoding: StdinEncoding,
    pub prompt: String,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(super) enum StdinEncoding {
    Base64,
    Text,
}

/// A field of an operation's request, wherever it travels.
#[derive(Clone, Debug)]
pub(super) struct RequestField {
    pub name: String,
    pub target: ParamLocationOrBody,
    pub ty: TypeRef,
    pub required: bool,
    pub description: Option<String>,
}

/// The request and response fields of one operation, for checking names used by extensions.
pub(super) struct OperationFields {
    pub request: Vec<RequestField>,
    response: Option<TypeRef>,
    /// Path parameters filled from the client's configuration (`x-sdk-config`), by wire name.
    configured: Vec<String>,
}

impl<'a> Lowerer<'a> {
    pub(super) fn operation_extensions(
        &mut self,
        operation: &openapiv3::Operation,
        pointer: &str,
    ) -> OperationExtensions {
        let mut extensions = OperationExtensions::default();
        for (key, value) in &operation.extensions {
            let at = format!("{pointer}/{key}");
            match key.as_str() {
                "x-sdk-idempotent" => match value {
                    serde_json::Value::Bool(idempotent) => extensions.idempotent = *idempotent,
                    _ => self.report(
                        Diagnostic::at(&at, "`x-sdk-idempotent` must be true or false")
                            .with_hint("write `x-sdk-idempotent: true` when repeating the request is harmless"),
                    ),
                },
                "x-sdk-pagination" => extensions.pagination = self.parse_extension(value, &at).map(|p| (p, at)),
                "x-sdk-wait" => extensions.wait = self.parse_extension(value, &at).map(|w| (w, at)),
                "x-sdk-cli" => extensions.cli = self.parse_extension(value, &at).map(|c| (c, at)),
                other if other.starts_with("x-sdk-") => {
                    let hint = match closest(other, OPERATION_EXTENSIONS.iter().copied()) {
                        Some(near) => format!(
                            "did you mean `{near}`? operations accept {}",
                            OPERATION_EXTENSIONS.join(", ")
                        ),
                        None => format!(
                            "operations accept {}; see spec/README.md",
                            OPERATION_EXTENSIONS.join(", ")
                        ),
                    };
                    self.report(Diagnostic::at(&at, format!("unknown operation extension `{other}`")).with_hint(hint));
                }
                // Other `x-` keys belong to other tools.
                _ => {}
            }
        }
        extensions
    }

    fn parse_extension<T: DeserializeOwned>(&mut self, value: &serde_json::Value, at: &str) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                let mut pointer = at.to_owned();
                for segment in error.path().iter() {
                    if let serde_path_to_error::Segment::Map { key } = segment {
                        pointer.push('/');
                        pointer.push_str(key);
                    }
                }
                let name = at.rsplit('/').next().unwrap_or(at);
                self.report(
                    Diagnostic::at(&pointer, format!("invalid `{name}`: {}", error.inner()))
                        .with_hint(format!("the `{name}` extension is described in spec/README.md")),
                );
                None
            }
        }
    }

    /// Checks pagination, waits and CLI hints against the lowered operations and stores the results.
    pub(super) fn resolve_extensions(
        &mut self,
        by_tag: &mut BTreeMap<String, Vec<Operation>>,
        method_names: &mut BTreeMap<String, Scope>,
    ) {
        let tables: BTreeMap<String, OperationFields> = by_tag
            .values()
            .flatten()
            .map(|operation| (operation.id.clone(), self.operation_fields(operation)))
            .collect();
        for (tag, operations) in by_tag.iter_mut() {
            let names = method_names.entry(tag.clone()).or_insert_with(Scope::snake);
            // Operations in method order, so the extra names are claimed in a stable order.
            operations.sort_by(|a, b| a.method_name.cmp(&b.method_name));
            for operation in operations {
                let pending = self.pending_extensions.remove(&operation.id).unwrap_or_default();
                let fields = &tables[&operation.id];
                let declares_pagination = pending.pagination.is_some();
                if let Some((extension, at)) = pending.pagination {
                    operation.pagination = self.resolve_pagination(extension, &at, fields);
                }
                if let Some((extension, at)) = pending.wait {
                    operation.wait = self.resolve_wait(extension, &at, fields, &tables);
                }
                operation.cli_lists_items = self.prints_items(operation);
                if let Some(pagination) = &mut operation.pagination {
                    pagination.method_name = names.claim(&format!("{}_all", operation.method_name));
                }
                if let Some(wait) = &mut operation.wait {
                    wait.method_name = names.claim(&format!("{}_and_wait", operation.method_name));
                }
                if let Some((
                    CliExtension {
                        columns: Some(columns), ..
                    },
                    at,
                )) = &pending.cli
                {
                    operation.cli_columns =
                        self.check_columns(operation, declares_pagination, columns, &format!("{at}/columns"));
                }
                let mut cli = pending.cli;
                let mut stdin_at = String::new();
                if let Some((extension, at)) = &mut cli
                    && let Some(stdin) = extension.stdin.take()
                {
                    stdin_at = format!("{at}/stdin");
                    operation.cli_stdin = self.cli_stdin(&fields.request, stdin, &stdin_at);
                }
                operation.cli_args = self.cli_args(operation, &fields.request, cli);
                if let Some(stdin) = &operation.cli_stdin
                    && let Some(arg) = operation
                        .cli_args
                        .iter()
                        .find(|arg| arg.field == stdin.field && arg.positional)
                {
                    let at = format!("{stdin_at}/field");
                    self.report(
                        Diagnostic::at(&at, format!("`{}` is positional, so it is always given", arg.field))
                            .with_hint("read an optional field from standard input, not a positional one"),
                    );
                }
            }
        }
    }

    fn operation_fields(&self, operation: &Operation) -> OperationFields {
        let mut request: Vec<RequestField> = Vec::new();
        for (params, target) in [
            (&operation.path_params, ParamLocationOrBody::Path),
            (&operation.query_params, ParamLocationOrBody::Query),
            (&operation.header_params, ParamLocationOrBody::Header),
            (&operation.cookie_params, ParamLocationOrBody::Cookie),
        ] {
            // A parameter filled from the configuration is not the caller's to give.
            request.extend(
                params
                    .iter()
                    .filter(|param| param.from_config.is_none())
                    .map(|param| RequestField {
                        name: param.name.clone(),
                        target,
                        ty: param.ty.clone(),
                        required: param.required,
                        description: param.description.clone(),
                    }),
            );
        }
        if let Some(body) = &operation.body {
            for field in self.struct_fields(&body.ty) {
                request.push(RequestField {
                    name: field.name.clone(),
                    target: ParamLocationOrBody::Body,
                    ty: field.ty.clone(),
                    required: field.required,
                    description: field.description.clone(),
                });
            }
        }
        OperationFields {
            request,
            response: operation.response.clone(),
            configured: operation
                .path_params
                .iter()
                .filter(|param| param.from_config.is_some())
                .map(|param| param.name.clone())
                .collect(),
        }
    }

    /// The fields of the struct `ty` names (through `Nullable` and newtypes), or none.
    pub(super) fn struct_fields(&self, ty: &TypeRef) -> &[crate::ir::Field] {
        let mut current = ty;
        for _ in 0..8 {
            let Some(name) = current.direct_name() else {
                return &[];
            };
            match self.types.get(name).map(|def| &def.kind) {
                Some(TypeKind::Struct(def)) => return &def.fields,
                Some(TypeKind::Newtype(newtype)) => current = &newtype.ty,
                _ => return &[],
            }
        }
        &[]
    }

    /// Whether `dbr` prints a list operation's items rather than its response (see `cli_lists_items`).
    fn prints_items(&self, operation: &Operation) -> bool {
        let Some(pagination) = &operation.pagination else {
            return false;
        };
        if pagination.style != PaginationStyle::None {
            return true;
        }
        let items = pagination.items.split('.').next().unwrap_or_default();
        operation
            .response
            .as_ref()
            .is_none_or(|response| self.struct_fields(response).iter().all(|field| field.name == items))
    }

    /// `x-sdk-cli.columns`: property paths of the items of a list operation, each once.
    fn check_columns(
        &mut self,
        operation: &Operation,
        declares_pagination: bool,
        columns: &[String],
        at: &str,
    ) -> Vec<String> {
        // Invalid pagination was reported already; its columns cannot be checked against its items.
        if operation.pagination.is_none() && declares_pagination {
            return Vec::new();
        }
        let Some(pagination) = &operation.pagination else {
            self.report(
                Diagnostic::at(
                    at,
                    format!("`{}` is not a list operation, so it has no table columns", operation.id),
                )
                .with_hint("`columns` needs `x-sdk-pagination` on the same operation; remove it or add that"),
            );
            return Vec::new();
        };
        if columns.is_empty() {
            self.report(
                Diagnostic::at(at, "`columns` is empty")
                    .with_hint("list at least one property of the items, or remove `columns` to let dbr choose"),
            );
        }
        let item_type = pagination.item_type.clone();
        let mut kept: Vec<String> = Vec::new();
        for (index, column) in columns.iter().enumerate() {
            let column_at = format!("{at}/{index}");
            if kept.contains(column) {
                self.report(
                    Diagnostic::at(&column_at, format!("`{column}` is listed twice"))
                        .with_hint("list each column once"),
                );
            } else if self.field_path_type(&item_type, column).is_none() {
                self.report(
                    Diagnostic::at(
                        &column_at,
                        format!("the items of `{}` have no property `{column}`", operation.id),
                    )
                    .with_hint("a column is a property path of one item, with dots for nesting (`settings.name`)"),
                );
            } else {
                kept.push(column.clone());
            }
        }
        kept
    }

    /// The type at a dotted property path below `root`, if every step exists.
    fn field_path_type(&self, root: &TypeRef, path: &str) -> Option<TypeRef> {
        let mut current = root.clone();
        for segment in path.split('.') {
            let field = self
                .struct_fields(&current)
                .iter()
                .find(|field| field.name == segment)?;
            current = field.ty.clone();
        }
        Some(current)
    }

    fn resolve_pagination(
        &mut self,
        extension: PaginationExtension,
        at: &str,
        fields: &OperationFields,
    ) -> Option<Pagination> {
        use PaginationStyleName as Name;
        let mut ok = true;
        let response = fields.response.clone().unwrap_or(TypeRef::Any);
        let mut item_type = TypeRef::Any;
        match self.field_path_type(&response, &extension.items) {
            Some(ty) if matches!(unwrap_nullable(&ty), TypeRef::List(_)) => {
                if let TypeRef::List(inner) = unwrap_nullable(&ty) {
                    item_type = (**inner).clone();
                }
            }
            _ => {
                ok = false;
                self.report(
                    Diagnostic::at(
                        &format!("{at}/items"),
                        format!("the response has no list property `{}`", extension.items),
                    )
                    .with_hint("`items` names the response property that holds one page of results"),
                );
            }
        }
        if let Some(id) = &extension.id {
            if !matches!(extension.style, Name::Offset | Name::Scim) {
                ok = false;
                self.report(
                    Diagnostic::at(&format!("{at}/id"), "`id` does not apply to this pagination style")
                        .with_hint("only offset and scim pages can repeat items; token pages cannot"),
                );
            } else if !self.struct_fields(&item_type).iter().any(|field| &field.name == id) {
                ok = false;
                self.report(
                    Diagnostic::at(&format!("{at}/id"), format!("the items have no property `{id}`"))
                        .with_hint("`id` names the item property that identifies an item"),
                );
            }
        }
        let keys: [(&str, &Option<String>, &[Name], bool); 9] = [
            ("request-token", &extension.request_token, &[Name::Token], true),
            ("response-token", &extension.response_token, &[Name::Token], false),
            ("page-size", &extension.page_size, &[Name::Token], true),
            ("offset", &extension.offset, &[Name::Offset], true),
            ("limit", &extension.limit, &[Name::Offset], true),
            ("start-index", &extension.start_index, &[Name::Scim], true),
            ("count", &extension.count, &[Name::Scim], true),
            ("total", &extension.total, &[Name::Scim], false),
            ("next-request", &extension.next_request, &[Name::NextRequest], false),
        ];
        let optional = ["page-size"];
        for (key, value, styles, in_request) in keys {
            let applies = styles.contains(&extension.style);
            match (value, applies) {
                (Some(_), false) => {
                    ok = false;
                    self.report(
                        Diagnostic::at(
                            &format!("{at}/{key}"),
                            format!("`{key}` does not apply to this pagination style"),
                        )
                        .with_hint("see the keys each style takes in spec/README.md"),
                    );
                }
                (None, true) if !optional.contains(&key) => {
                    ok = false;
                    self.report(
                        Diagnostic::at(at, format!("this pagination style needs `{key}`"))
                            .with_hint("see the keys each style takes in spec/README.md"),
                    );
                }
                (Some(name), true) => {
                    let exists = if in_request {
                        fields.request.iter().any(|field| &field.name == name)
                    } else {
                        self.field_path_type(&response, name).is_some()
                    };
                    if !exists {
                        ok = false;
                        let side = if in_request { "request" } else { "response" };
                        self.report(
                            Diagnostic::at(&format!("{at}/{key}"), format!("the {side} has no field `{name}`"))
                                .with_hint(format!("`{key}` must name a field of the operation's {side}")),
                        );
                    }
                }
                (None, _) => {}
            }
        }
        // The request fields of one style travel together, in the query string or in the body.
        let request_keys = [
            &extension.request_token,
            &extension.page_size,
            &extension.offset,
            &extension.limit,
            &extension.start_index,
            &extension.count,
        ];
        let locations: Vec<(String, ParamLocationOrBody)> = request_keys
            .into_iter()
            .flatten()
            .filter_map(|name| {
                let field = fields.request.iter().find(|field| &field.name == name)?;
                Some((name.clone(), field.target))
            })
            .collect();
        let first_location = locations.first().map(|(_, location)| *location);
        if let (Some((first, _)), Some((other, _))) = (
            locations.first(),
            locations.iter().find(|(_, other)| Some(*other) != first_location),
        ) {
            ok = false;
            self.report(
                Diagnostic::at(at, format!("`{first}` and `{other}` travel in different parts of the request"))
                    .with_hint("the runtime sets the pagination fields of one request in one place: put them all in the query string or all in the body"),
            );
        }
        if !ok {
            return None;
        }
        let in_body = match extension.style {
            Name::NextRequest => true,
            _ => first_location == Some(ParamLocationOrBody::Body),
        };
        let take = |value: Option<String>| value.unwrap_or_default();
        let style = match extension.style {
            Name::Token => PaginationStyle::Token {
                request_token: take(extension.request_token),
                response_token: take(extension.response_token),
                page_size: extension.page_size,
            },
            Name::Offset => PaginationStyle::Offset {
                offset: take(extension.offset),
                limit: take(extension.limit),
                id: extension.id,
            },
            Name::Scim => PaginationStyle::Scim {
                start_index: take(extension.start_index),
                count: take(extension.count),
                total: take(extension.total),
                id: extension.id,
            },
            Name::NextRequest => PaginationStyle::NextRequest {
                next_request: take(extension.next_request),
            },
            Name::None => PaginationStyle::None,
        };
        Some(Pagination {
            items: extension.items,
            item_type,
            in_body,
            // Claimed once every operation of the service is known.
            method_name: String::new(),
            style,
        })
    }

    fn resolve_wait(
        &mut self,
        extension: WaitExtension,
        at: &str,
        fields: &OperationFields,
        tables: &BTreeMap<String, OperationFields>,
    ) -> Option<Wait> {
        let Some(poll) = tables.get(&extension.poll) else {
            let hint = match closest(&extension.poll, tables.keys().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "`poll` names the operationId of the operation to poll".to_owned(),
            };
            self.report(
                Diagnostic::at(
                    &format!("{at}/poll"),
                    format!("no operation has the id `{}`", extension.poll),
                )
                .with_hint(hint),
            );
            return None;
        };
        let mut ok = true;
        let mut bind = Vec::new();
        for (param, source) in &extension.bind {
            let bind_at = format!("{at}/bind/{param}");
            if poll.configured.contains(param) {
                ok = false;
                self.report(
                    Diagnostic::at(
                        &bind_at,
                        format!("`{param}` is filled from the configuration, and the wait passes it on by itself"),
                    )
                    .with_hint(format!("drop `{param}` from `bind`")),
                );
                continue;
            }
            let location = poll
                .request
                .iter()
                .find(|field| &field.name == param)
                .map(|field| field.target);
            if location.is_none() {
                ok = false;
                self.report(
                    Diagnostic::at(&bind_at, format!("`{}` has no request field `{param}`", extension.poll))
                        .with_hint("the keys of `bind` are request fields of the polled operation"),
                );
            }
            let parsed = match source.split_once('.') {
                Some(("$request", field)) => Some((WaitSource::Request, field)),
                Some(("$response", field)) => Some((WaitSource::Response, field)),
                _ => None,
            };
            let Some((source, field)) = parsed else {
                ok = false;
                self.report(
                    Diagnostic::at(
                        &bind_at,
                        format!("`{source}` is not `$request.<field>` or `$response.<field>`"),
                    )
                    .with_hint("take the value from this operation's request or response"),
                );
                continue;
            };
            let exists = match source {
                WaitSource::Request => fields.request.iter().any(|candidate| candidate.name == field),
                WaitSource::Response => fields
                    .response
                    .as_ref()
                    .is_some_and(|response| self.field_path_type(response, field).is_some()),
            };
            if !exists {
                ok = false;
                self.report(
                    Diagnostic::at(&bind_at, format!("this operation has no field `{field}` to bind"))
                        .with_hint("name a field of this operation's request ($request) or response ($response)"),
                );
            }
            bind.push(WaitBinding {
                param: param.clone(),
                location: location.unwrap_or(ParamLocationOrBody::Query),
                source,
                field: field.to_owned(),
            });
        }
        // A configured parameter of the poll (the account id) is the one this operation was sent with.
        for name in &poll.configured {
            if fields.configured.contains(name) {
                bind.push(WaitBinding {
                    param: name.clone(),
                    location: ParamLocationOrBody::Path,
                    source: WaitSource::Request,
                    field: name.clone(),
                });
            } else {
                ok = false;
                self.report(
                    Diagnostic::at(
                        &format!("{at}/poll"),
                        format!(
                            "`{}` fills `{name}` from the configuration, but this operation does not",
                            extension.poll
                        ),
                    )
                    .with_hint("poll an operation of the same client"),
                );
            }
        }
        let poll_response = poll.response.clone().unwrap_or(TypeRef::Any);
        let state_type = self.field_path_type(&poll_response, &extension.state);
        match &state_type {
            None => {
                ok = false;
                self.report(
                    Diagnostic::at(
                        &format!("{at}/state"),
                        format!(
                            "the response of `{}` has no field `{}`",
                            extension.poll, extension.state
                        ),
                    )
                    .with_hint("`state` is a property path (dots for nesting) in the polled operation's response"),
                );
            }
            Some(ty) => {
                let known = self.enum_values(ty);
                for (list, values) in [("success", &extension.success), ("failure", &extension.failure)] {
                    for (index, value) in values.iter().enumerate() {
                        if let Some(known) = &known
                            && !known.contains(value)
                        {
                            ok = false;
                            let hint = match closest(value, known.iter().map(String::as_str)) {
                                Some(near) => format!("did you mean `{near}`?"),
                                None => format!("known states: {}", known.join(", ")),
                            };
                            self.report(
                                Diagnostic::at(
                                    &format!("{at}/{list}/{index}"),
                                    format!("`{value}` is not a value of the state enum"),
                                )
                                .with_hint(hint),
                            );
                        }
                    }
                }
            }
        }
        if extension.success.is_empty() {
            ok = false;
            self.report(
                Diagnostic::at(&format!("{at}/success"), "`success` lists no state")
                    .with_hint("list the states that end the wait"),
            );
        }
        if let Some(message) = &extension.message
            && self.field_path_type(&poll_response, message).is_none()
        {
            ok = false;
            self.report(
                Diagnostic::at(
                    &format!("{at}/message"),
                    format!("the response of `{}` has no field `{message}`", extension.poll),
                )
                .with_hint("`message` is a property path in the polled operation's response"),
            );
        }
        if !ok {
            return None;
        }
        let path = |text: &str| text.split('.').map(str::to_owned).collect::<Vec<_>>();
        Some(Wait {
            poll: extension.poll,
            bind,
            state: path(&extension.state),
            success: extension.success,
            failure: extension.failure,
            message: extension.message.as_deref().map(path),
            method_name: String::new(),
        })
    }

    /// The values of the enum `ty` names, if it names one.
    pub(super) fn enum_values(&self, ty: &TypeRef) -> Option<Vec<String>> {
        match &self.types.get(unwrap_nullable(ty).direct_name()?)?.kind {
            TypeKind::Enum(def) => Some(def.variants.iter().map(|variant| variant.value.clone()).collect()),
            TypeKind::Newtype(newtype) => self.enum_values(&newtype.ty),
            _ => None,
        }
    }
}

pub(super) fn unwrap_nullable(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Nullable(inner) => unwrap_nullable(inner),
        other => other,
    }
}
