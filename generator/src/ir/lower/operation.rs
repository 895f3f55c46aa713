//! Operations: parameters, request body, success and error responses.

use indexmap::IndexMap;
use openapiv3::{
    Components, Header, MediaType, Parameter, ParameterSchemaOrContent, ReferenceOr, RequestBody, Response, StatusCode,
};

use super::Lowerer;
use super::schema::{SchemaRef, component_key};
use crate::diagnostic::Diagnostic;
use crate::ir::naming::{self, Scope};
use crate::ir::{
    AnswerHeader, AnswerHeaders, AnswerSelector, Body, ContentBody, ContentKind, ExtraFields, Field, FilePart,
    HeaderValueKind, HttpMethod, Operation, Param, ParamLocation, QueryStyle, RawForm, RawResponse, StructDef,
    TypeKind, TypeOrigin, TypeRef,
};
use crate::load::escape_pointer_token;

/// A path parameter filled from the client's configuration rather than given by the caller.
const CONFIG_SETTING: &str = "x-sdk-config";
/// The query parameter extension naming the value that selects each form of the answer.
const SELECTS_ANSWER: &str = "x-sdk-selects-answer";

/// How many `$ref` hops a parameter, body or response may take before we call it a loop.
const MAX_REFERENCE_DEPTH: usize = 8;

/// The parameters of an operation, by location, and those the client method takes as plain arguments.
struct Parameters<'a> {
    path: Vec<Param>,
    query: Vec<Param>,
    header: Vec<Param>,
    cookie: Vec<Param>,
    arguments: Vec<Param>,
    /// Query parameters marked `x-sdk-selects-answer`, kept out of the others: the methods send them.
    selectors: Vec<SelectorParam<'a>>,
}

/// A query parameter with `x-sdk-selects-answer`, checked once the answer's forms are known.
struct SelectorParam<'a> {
    param: Param,
    /// The extension's value: media type → value to send.
    values: &'a serde_json::Value,
    /// Pointer of the extension.
    at: String,
}

/// A section of `components` that operations refer into.
struct Section<T: 'static> {
    /// The key under `components`.
    name: &'static str,
    /// What its entries are called in messages.
    what: &'static str,
    entries: fn(&Components) -> &IndexMap<String, ReferenceOr<T>>,
}

const PARAMETERS: Section<Parameter> = Section {
    name: "parameters",
    what: "parameter",
    entries: |components| &components.parameters,
};

const REQUEST_BODIES: Section<RequestBody> = Section {
    name: "requestBodies",
    what: "request body",
    entries: |components| &components.request_bodies,
};

const RESPONSES: Section<Response> = Section {
    name: "responses",
    what: "response",
    entries: |components| &components.responses,
};

const HEADERS: Section<Header> = Section {
    name: "headers",
    what: "header",
    entries: |components| &components.headers,
};

/// A header a success answer declares, as written, with its pointer.
struct DeclaredHeader<'a> {
    name: &'a str,
    header: &'a ReferenceOr<Header>,
    at: String,
}

impl<'a> Lowerer<'a> {
    pub(super) fn lower_operation(
        &mut self,
        path: &'a str,
        method: &str,
        operation: &'a openapiv3::Operation,
        tag: &str,
        method_names: &mut Scope,
    ) -> Option<Operation> {
        let pointer = format!("/paths/{}/{method}", escape_pointer_token(path));
        let (id, id_derived) = self.operation_ids.get(&pointer).cloned().unwrap_or_default();
        let type_hint = naming::type_name(&id);
        let http_method = http_method(method);
        // The servers' base path is part of every path the client sends (`/v1` + `/albums`).
        let base_path = self.base_path(path, method, operation);

        let Parameters {
            path: path_params,
            query: query_params,
            header: header_params,
            cookie: cookie_params,
            arguments,
            selectors,
        } = self.parameters(path, &pointer, operation, &type_hint);
        let method_name = method_names.claim(&naming::operation_method_name(&id, tag));
        let Requests { json: body, content } = self.request_bodies(operation, &pointer, &type_hint);
        let content_bodies = content
            .into_iter()
            .enumerate()
            .map(|(index, (media_type, kind, required))| {
                // The operation's own method sends its JSON body, or else its first content type.
                let method_name = if index == 0 && body.is_none() {
                    method_name.clone()
                } else {
                    method_names.claim(&format!("{method_name}_{}", kind.method_suffix()))
                };
                ContentBody {
                    method_name,
                    media_type,
                    kind,
                    required,
                }
            })
            .collect();
        let (success, declared_headers) = self.success_response(operation, &pointer, &type_hint)?;
        let has_body = !matches!(success, Success::Json { ty: None, other: None });
        let answer_headers =
            self.answer_headers(declared_headers, &pointer, &type_hint, &id)
                .map(|(type_name, headers)| AnswerHeaders {
                    type_name,
                    headers,
                    with_body_method: has_body.then(|| method_names.claim(&format!("{method_name}_with_headers"))),
                });
        let (response, raw_response, raw_form) = match success {
            Success::Json { ty, other } => {
                let selector = self.answer_selector(selectors, other.as_ref(), &pointer);
                let raw_form = other.map(|(response, _)| RawForm {
                    method_name: method_names.claim(&format!("{method_name}_{}", raw_method_suffix(&response))),
                    response,
                    selector,
                });
                (ty, None, raw_form)
            }
            Success::Raw(raw) => {
                self.answer_selector(selectors, None, &pointer);
                (None, Some(raw), None)
            }
            Success::Upgrade(at) => {
                self.warn(
                    Diagnostic::at(
                        &at,
                        format!("`{id}` is skipped: it answers by switching protocols (101)"),
                    )
                    .with_hint("the generated client speaks HTTP request and answer; call this one by hand"),
                );
                return None;
            }
        };
        let error = self.error_response(operation, &pointer, &type_hint);

        // Required parameters are plain arguments; the struct holds the rest, so it is always `Default`.
        let optional: Vec<&Param> = query_params
            .iter()
            .chain(&header_params)
            .chain(&cookie_params)
            .filter(|param| !param.required)
            .collect();
        let params_type = (!optional.is_empty()).then(|| {
            let fields = optional.into_iter().map(param_field).collect();
            self.define_generated(
                &format!("{type_hint}Params"),
                &pointer,
                if cookie_params.is_empty() {
                    format!("Optional query and header parameters of `{id}`.")
                } else {
                    format!("Optional query, header and cookie parameters of `{id}`.")
                },
                TypeKind::Struct(StructDef {
                    fields,
                    extra: ExtraFields::Reject,
                }),
            )
        });

        let extensions = self.operation_extensions(operation, &pointer);
        let idempotent = http_method == HttpMethod::Get || extensions.idempotent;
        let security = match &operation.security {
            Some(requirements) => self.security_requirements(requirements, &format!("{pointer}/security")),
            None => self.root_security.clone(),
        };
        self.pending_extensions.insert(id.clone(), extensions);

        Some(Operation {
            method_name,
            cli_name: naming::cli_name(&naming::operation_method_name(&id, tag)),
            id,
            id_derived,
            pointer,
            http_method,
            path: format!("{base_path}{path}"),
            summary: operation.summary.clone(),
            description: operation.description.clone(),
            deprecated: operation.deprecated,
            path_params,
            query_params,
            header_params,
            cookie_params,
            arguments,
            params_type,
            body,
            content_bodies,
            response,
            raw_response,
            raw_form,
            answer_headers,
            error,
            pagination: None,
            wait: None,
            idempotent,
            cli_args: Vec::new(),
            cli_columns: Vec::new(),
            cli_stdin: None,
            cli_lists_items: false,
            sensitive_fields: Vec::new(),
            answers_nothing: false,
            security,
        })
    }

    /// Path-level and operation-level parameters (the operation's win on a name clash), split by location,
    /// and the method arguments among them. Path parameters come in the order of the path template.
    fn parameters(
        &mut self,
        path: &str,
        pointer: &str,
        operation: &'a openapiv3::Operation,
        type_hint: &str,
    ) -> Parameters<'a> {
        let path_pointer = pointer.rsplit_once('/').map(|(head, _)| head).unwrap_or(pointer);
        let mut declared: Vec<(String, &'a Parameter)> = Vec::new();
        let document = self.document;
        let path_level = match document.paths.paths.get(path) {
            Some(ReferenceOr::Item(item)) => item.parameters.as_slice(),
            _ => &[],
        };
        for (list, list_pointer) in [(path_level, path_pointer), (operation.parameters.as_slice(), pointer)] {
            for (index, parameter) in list.iter().enumerate() {
                let at = format!("{list_pointer}/parameters/{index}");
                let Some((parameter, resolved_at)) = self.resolve(parameter, &at, &PARAMETERS) else {
                    continue;
                };
                let key = parameter_key(parameter);
                declared.retain(|(_, existing)| parameter_key(existing) != key);
                declared.push((resolved_at, parameter));
            }
        }

        let mut path_params = Vec::new();
        let mut query_params = Vec::new();
        let mut header_params = Vec::new();
        let mut cookie_params = Vec::new();
        let mut required_others = Vec::new();
        let mut selectors = Vec::new();
        let mut arguments = Scope::snake();
        // The generated methods also take `params`, `body` and `wait`; arguments must not shadow them.
        arguments.reserve("params");
        arguments.reserve("body");
        arguments.reserve("wait");
        let mut fields = Scope::snake();
        for (at, parameter) in declared {
            let (location, data) = match parameter {
                Parameter::Path { parameter_data, .. } => (ParamLocation::Path, parameter_data),
                Parameter::Query { parameter_data, .. } => (ParamLocation::Query, parameter_data),
                Parameter::Header { parameter_data, .. } => (ParamLocation::Header, parameter_data),
                Parameter::Cookie { parameter_data, .. } => (ParamLocation::Cookie, parameter_data),
            };
            let hint = format!("{type_hint}{}", naming::type_name(&data.name));
            let (ty, is_json) = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => (
                    self.type_of(SchemaRef::from(schema), &format!("{at}/schema"), &hint),
                    false,
                ),
                ParameterSchemaOrContent::Content(content) => {
                    match self
                        .json_schema(content, &format!("{at}/content"), "parameter")
                        .flatten()
                    {
                        Some((schema, schema_at)) => (self.type_of(schema, &schema_at, &hint), true),
                        None => continue,
                    }
                }
            };
            let (style, multi_segment) = self.param_form(parameter, &ty, is_json, &at);
            let required = data.required || location == ParamLocation::Path;
            if let (ParamLocation::Query, Some(values)) = (location, data.extensions.get(SELECTS_ANSWER)) {
                let at = format!("{at}/{SELECTS_ANSWER}");
                if required {
                    self.report(
                        Diagnostic::at(&at, format!("parameter `{}` is required, so it cannot select the answer", data.name))
                            .with_hint("a parameter marked `x-sdk-selects-answer` must be optional: each method sends its own value or none"),
                    );
                    continue;
                }
                let param = Param {
                    name: data.name.clone(),
                    rust_name: naming::field_name(&data.name),
                    location,
                    ty,
                    required,
                    description: data.description.clone(),
                    style,
                    multi_segment,
                    from_config: None,
                };
                selectors.push(SelectorParam { param, values, at });
                continue;
            }
            let from_config = self.config_setting(parameter, &at);
            let rust_name = if from_config.is_some() {
                naming::field_name(&data.name)
            } else if required {
                arguments.claim(&naming::field_name(&data.name))
            } else {
                fields.claim(&naming::field_name(&data.name))
            };
            let param = Param {
                name: data.name.clone(),
                rust_name,
                location,
                ty,
                required,
                description: data.description.clone(),
                style,
                multi_segment,
                from_config,
            };
            if required && location != ParamLocation::Path {
                required_others.push(param.clone());
            }
            match location {
                ParamLocation::Path => path_params.push(param),
                ParamLocation::Query => query_params.push(param),
                ParamLocation::Header => header_params.push(param),
                ParamLocation::Cookie => cookie_params.push(param),
            }
        }

        let template = template_variables(path);
        for param in &path_params {
            if !template.contains(&param.name) {
                self.report(
                    Diagnostic::at(
                        pointer,
                        format!("path parameter `{}` does not appear in `{path}`", param.name),
                    )
                    .with_hint(format!(
                        "add `{{{}}}` to the path, or make it a query parameter",
                        param.name
                    )),
                );
            }
        }
        for variable in &template {
            if !path_params.iter().any(|param| &param.name == variable) {
                self.report(
                    Diagnostic::at(pointer, format!("`{{{variable}}}` in `{path}` has no path parameter")).with_hint(
                        format!("declare `- {{name: {variable}, in: path, required: true, schema: {{type: string}}}}`"),
                    ),
                );
            }
        }
        path_params.sort_by_key(|param| template.iter().position(|variable| variable == &param.name));
        let arguments = path_params
            .iter()
            .filter(|param| param.from_config.is_none())
            .cloned()
            .chain(required_others)
            .collect();
        Parameters {
            path: path_params,
            query: query_params,
            header: header_params,
            cookie: cookie_params,
            arguments,
            selectors,
        }
    }

    /// The configuration setting a path parameter is filled from (`x-sdk-config`), if it is: only `account_id`,
    /// which the account client holds.
    fn config_setting(&mut self, parameter: &Parameter, at: &str) -> Option<String> {
        let value = parameter.parameter_data_ref().extensions.get(CONFIG_SETTING)?;
        if !matches!(parameter, Parameter::Path { .. }) {
            // Reported with the other misplaced extensions.
            return None;
        }
        match value {
            serde_json::Value::String(setting) if setting == "account_id" => Some(setting.clone()),
            _ => {
                self.report(
                    Diagnostic::at(
                        &format!("{at}/{CONFIG_SETTING}"),
                        format!("`{CONFIG_SETTING}` must be `account_id`, found `{value}`"),
                    )
                    .with_hint(
                        "`x-sdk-config: account_id` fills a path parameter of an account service from the account \
                         client's configuration; other settings cannot fill parameters",
                    ),
                );
                None
            }
        }
    }

    /// How a parameter's value goes on the wire: its query style and whether a path value spans segments.
    /// What the runtime cannot write as the spec says (a `matrix` path, an object in a header) is reported
    /// here rather than sent some other way.
    fn param_form(&mut self, parameter: &Parameter, ty: &TypeRef, is_json: bool, at: &str) -> (QueryStyle, bool) {
        let data = parameter.parameter_data_ref();
        let value = self.value_shape(ty);
        let mut problem: Option<(String, &str)> = None;
        for key in data.extensions.keys().filter(|key| key.starts_with("x-sdk-")) {
            let known = matches!(
                (key.as_str(), parameter),
                ("x-sdk-multi-segment" | CONFIG_SETTING, Parameter::Path { .. })
                    | ("x-sdk-style" | SELECTS_ANSWER, Parameter::Query { .. })
            );
            if !known {
                self.report(
                    Diagnostic::at(
                        &format!("{at}/{key}"),
                        format!("`{key}` is not a parameter extension here"),
                    )
                    .with_hint(
                        "parameters accept `x-sdk-multi-segment` and `x-sdk-config` (path), `x-sdk-style: dotted` \
                             and `x-sdk-selects-answer` (query); see spec/README.md",
                    ),
                );
            }
        }
        let multi_segment = match data.extensions.get("x-sdk-multi-segment") {
            None | Some(serde_json::Value::Bool(false)) => false,
            Some(serde_json::Value::Bool(true)) if value == ValueShape::Scalar => true,
            Some(_) => {
                problem = Some((
                    "`x-sdk-multi-segment` must be `true` on a path parameter of a scalar type".to_owned(),
                    "write `x-sdk-multi-segment: true` on a string path parameter whose `/` must stay unescaped",
                ));
                false
            }
        };
        let explode = data.explode;
        let style = match parameter {
            Parameter::Query { .. } if is_json => QueryStyle::Json,
            Parameter::Query { .. } if data.extensions.contains_key("x-sdk-style") => {
                match data.extensions.get("x-sdk-style") {
                    Some(serde_json::Value::String(dotted)) if dotted == "dotted" => QueryStyle::Dotted,
                    _ => {
                        problem = Some((
                            "`x-sdk-style` must be `dotted`".to_owned(),
                            "`x-sdk-style: dotted` sends an object as `name.key=value`; OpenAPI's own forms are \
                             given with `style` and `explode`",
                        ));
                        QueryStyle::FormExploded
                    }
                }
            }
            Parameter::Query { style, .. } => {
                use openapiv3::QueryStyle as Declared;
                match (style, explode) {
                    (Declared::Form, None | Some(true)) => QueryStyle::FormExploded,
                    (Declared::Form, Some(false)) => QueryStyle::Form,
                    // Exploded, the delimited styles are the repeated names of `form`.
                    (Declared::SpaceDelimited | Declared::PipeDelimited, Some(true)) => QueryStyle::FormExploded,
                    (Declared::SpaceDelimited, _) => QueryStyle::SpaceDelimited,
                    (Declared::PipeDelimited, _) => QueryStyle::PipeDelimited,
                    (Declared::DeepObject, _) if value == ValueShape::Object || value == ValueShape::Any => {
                        QueryStyle::DeepObject
                    }
                    (Declared::DeepObject, _) => {
                        problem = Some((
                            "`style: deepObject` is defined only for objects".to_owned(),
                            "use `style: form` for a scalar or a list",
                        ));
                        QueryStyle::FormExploded
                    }
                }
            }
            Parameter::Path { style, .. } => {
                if !matches!(style, openapiv3::PathStyle::Simple) {
                    problem = Some((
                        format!("path style `{}` is not supported", style_name(style)),
                        "path parameters are written in the `simple` style: drop `style`",
                    ));
                } else if value != ValueShape::Scalar {
                    problem = Some((
                        "a path parameter must be a scalar (a string, number, boolean or enum)".to_owned(),
                        "put lists and objects in the query string or the body",
                    ));
                }
                QueryStyle::FormExploded
            }
            Parameter::Header { .. } => {
                if value == ValueShape::Object {
                    problem = Some((
                        "an object in a header parameter is not supported".to_owned(),
                        "send a scalar or a list (written comma-separated) in a header",
                    ));
                }
                QueryStyle::FormExploded
            }
            Parameter::Cookie { .. } => {
                if value != ValueShape::Scalar && value != ValueShape::Any {
                    problem = Some((
                        "a cookie parameter must be a scalar (a string, number, boolean or enum)".to_owned(),
                        "send lists and objects in the query string or the body",
                    ));
                }
                QueryStyle::FormExploded
            }
        };
        if let Some((message, hint)) = problem {
            self.report(Diagnostic::at(at, format!("parameter `{}`: {message}", data.name)).with_hint(hint));
        }
        (style, multi_segment)
    }

    /// Whether a parameter's value is a scalar, a list or an object, following named types.
    fn value_shape(&self, ty: &TypeRef) -> ValueShape {
        let mut current = ty.clone();
        // Newtypes chain a few levels at most; stop rather than follow a cycle.
        for _ in 0..MAX_REFERENCE_DEPTH {
            current = match current {
                TypeRef::Nullable(inner) => *inner,
                TypeRef::List(_) => return ValueShape::List,
                TypeRef::Map(_) | TypeRef::Object => return ValueShape::Object,
                TypeRef::Any => return ValueShape::Any,
                TypeRef::Named(name) => match self.types.get(&name).map(|def| &def.kind) {
                    Some(TypeKind::Struct(_)) => return ValueShape::Object,
                    Some(TypeKind::Union(_)) | None => return ValueShape::Any,
                    Some(TypeKind::Enum(_)) => return ValueShape::Scalar,
                    Some(TypeKind::Newtype(newtype)) => newtype.ty.clone(),
                },
                _ => return ValueShape::Scalar,
            };
        }
        ValueShape::Any
    }

    /// The JSON request body and the others, in the order declared.
    fn request_bodies(&mut self, operation: &'a openapiv3::Operation, pointer: &str, type_hint: &str) -> Requests {
        let mut requests = Requests {
            json: None,
            content: Vec::new(),
        };
        let Some(body) = operation.request_body.as_ref() else {
            return requests;
        };
        let Some((body, at)) = self.resolve(body, &format!("{pointer}/requestBody"), &REQUEST_BODIES) else {
            return requests;
        };
        for (media_type, media) in &body.content {
            let media_at = format!("{at}/content/{}", escape_pointer_token(media_type));
            let schema_at = format!("{media_at}/schema");
            let schema = media.schema.as_ref().map(SchemaRef::from);
            let kind = match media_kind(media_type) {
                MediaKind::Json if requests.json.is_none() => {
                    let schema = schema.unwrap_or(SchemaRef::Inline(any_schema()));
                    requests.json = Some(Body {
                        ty: self.type_of(schema, &schema_at, &format!("{type_hint}Request")),
                        required: body.required,
                        description: body.description.clone(),
                    });
                    continue;
                }
                MediaKind::Json => continue,
                MediaKind::Bytes => ContentKind::Bytes,
                MediaKind::Text => ContentKind::Text,
                MediaKind::Form => {
                    let schema = schema.unwrap_or(SchemaRef::Inline(any_schema()));
                    ContentKind::Form(self.type_of(schema, &schema_at, &format!("{type_hint}Form")))
                }
                MediaKind::Multipart => match schema {
                    Some(schema) => self.multipart(schema, &schema_at, type_hint),
                    None => {
                        self.report(
                            Diagnostic::at(&media_at, format!("`{media_type}` has no schema")).with_hint(
                                "describe the parts as the properties of an object; `format: binary` ones are files",
                            ),
                        );
                        continue;
                    }
                },
            };
            // Two byte (or text) types are one method: the first declared is sent.
            if requests
                .content
                .iter()
                .any(|(_, other, _)| other.method_suffix() == kind.method_suffix())
            {
                continue;
            }
            requests.content.push((media_type.clone(), kind, body.required));
        }
        requests
    }

    /// A multipart body: the object's `format: binary` properties are file parts; the others are text
    /// fields, kept in a struct of their own.
    fn multipart(&mut self, schema: SchemaRef<'a>, at: &str, type_hint: &str) -> ContentKind {
        let hint = format!("{type_hint}Multipart");
        let ty = self.type_of(schema, at, &hint);
        let Some(name) = ty.direct_name().map(str::to_owned) else {
            self.report(
                Diagnostic::at(at, "a multipart body must be an object")
                    .with_hint("describe the parts as the properties of an object; `format: binary` ones are files"),
            );
            return ContentKind::Multipart {
                fields: None,
                files: Vec::new(),
            };
        };
        let (origin, fields) = match self.types.get(&name) {
            Some(def) => match &def.kind {
                TypeKind::Struct(def_struct) => (def.origin.clone(), def_struct.fields.clone()),
                _ => (def.origin.clone(), Vec::new()),
            },
            None => (TypeOrigin::Inline, Vec::new()),
        };
        let (files, texts): (Vec<Field>, Vec<Field>) = fields
            .into_iter()
            .partition(|field| field.format.as_deref() == Some("binary"));
        let files = files
            .into_iter()
            .map(|field| FilePart {
                name: field.name,
                rust_name: field.rust_name,
                required: field.required,
                description: field.description,
            })
            .collect();
        let fields = if texts.is_empty() {
            // The struct written for this body alone has nothing left to hold.
            if origin == TypeOrigin::Inline {
                self.types.remove(&name);
            }
            None
        } else if origin == TypeOrigin::Inline {
            // Written for this body alone: it keeps the text fields only.
            if let Some(TypeKind::Struct(def)) = self.types.get_mut(&name).map(|def| &mut def.kind) {
                def.fields = texts;
            }
            Some(name)
        } else {
            let description = format!("The text fields of the multipart form `{name}`.");
            Some(self.define_generated(
                &format!("{name}Fields"),
                at,
                description,
                TypeKind::Struct(StructDef {
                    fields: texts,
                    extra: ExtraFields::Keep,
                }),
            ))
        };
        ContentKind::Multipart { fields, files }
    }

    /// The success answer, `None` after reporting a problem. Without a 2xx response, a redirect (3xx) is the
    /// answer, or a protocol switch (101); with none of those, `default` is.
    fn success_response(
        &mut self,
        operation: &'a openapiv3::Operation,
        pointer: &str,
        type_hint: &str,
    ) -> Option<(Success, Vec<DeclaredHeader<'a>>)> {
        let mut successes: Vec<(u16, &'a ReferenceOr<openapiv3::Response>, String)> = operation
            .responses
            .responses
            .iter()
            .filter_map(|(status, response)| {
                let order = match status {
                    StatusCode::Code(code) if (200..300).contains(code) => *code,
                    StatusCode::Range(2) => 299,
                    _ => return None,
                };
                Some((order, response, format!("{pointer}/responses/{status}")))
            })
            .collect();
        successes.sort_by_key(|(order, ..)| *order);
        if successes.is_empty() {
            let declared = &operation.responses.responses;
            let redirects = declared.keys().any(|status| match status {
                StatusCode::Code(code) => (300..400).contains(code),
                StatusCode::Range(range) => *range == 3,
            });
            if redirects {
                return Some((Success::Raw(RawResponse::Redirect), Vec::new()));
            }
            if declared.keys().any(|status| *status == StatusCode::Code(101)) {
                return Some((Success::Upgrade(format!("{pointer}/responses/101")), Vec::new()));
            }
            if let Some(default) = &operation.responses.default {
                successes.push((0, default, format!("{pointer}/responses/default")));
            }
        }
        if successes.is_empty() {
            self.report(
                Diagnostic::at(
                    &format!("{pointer}/responses"),
                    "the operation declares no success (2xx) response",
                )
                .with_hint("add a '200' response, with `content: application/json` when the server returns a body"),
            );
            return None;
        }
        let mut bodies = Vec::new();
        let mut raw: Option<(RawResponse, String)> = None;
        let mut headers = Vec::new();
        for (_, response, at) in &successes {
            let (response, at) = self.resolve(response, at, &RESPONSES)?;
            // Every success answer's headers, the first declaration of a name (in any case) winning.
            for (name, header) in &response.headers {
                if !headers
                    .iter()
                    .any(|seen: &DeclaredHeader| seen.name.eq_ignore_ascii_case(name))
                {
                    let at = format!("{at}/headers/{}", escape_pointer_token(name));
                    headers.push(DeclaredHeader { name, header, at });
                }
            }
            let content_at = format!("{at}/content");
            if let Some(found) = find_json(&response.content, &content_at) {
                bodies.push(found);
            }
            // The first media type that is not JSON decides the kind of the other form; every listed type of
            // that kind is asked for (`image/png, image/jpeg`), and the server picks.
            let others: Vec<&String> = response
                .content
                .keys()
                .filter(|media_type| !is_json(media_type))
                .collect();
            // Text whose schema says `format: binary` (a CSV download of any size) is streamed as bytes.
            let is_text = |media_type: &str| {
                media_kind(media_type) == MediaKind::Text
                    && !response.content.get(media_type).is_some_and(declares_binary)
            };
            if raw.is_none()
                && let Some(first) = others.first()
            {
                let text = is_text(first);
                let accepted: Vec<&str> = others
                    .iter()
                    .filter(|media_type| is_text(media_type) == text)
                    .map(|media_type| media_type.as_str())
                    .collect();
                let media_type = accepted.join(", ");
                let kind = match text {
                    true => RawResponse::Text { media_type },
                    false => RawResponse::Bytes { media_type },
                };
                raw = Some((kind, content_at));
            }
        }
        let Some((schema, schema_at)) = bodies.first().cloned() else {
            let success = match raw {
                Some((raw, _)) => Success::Raw(raw),
                None => Success::Json { ty: None, other: None },
            };
            return Some((success, headers));
        };
        if let Some((_, other_at)) = bodies.iter().find(|(other, _)| !same_schema(other, &schema)) {
            self.report(
                Diagnostic::at(other_at, "success responses with different bodies are not supported").with_hint(
                    format!("the generated method returns one type; make this body match #{schema_at}"),
                ),
            );
            return None;
        }
        let ty = self.type_of(schema, &schema_at, &format!("{type_hint}Response"));
        let success = Success::Json {
            ty: Some(ty),
            other: raw,
        };
        Some((success, headers))
    }

    /// The struct of the headers a success answer declares (its name) and how each is read; `None` when it
    /// declares none the client can read. A header holds one value: a string (or string enum), a number or a
    /// boolean. Any other is reported as a warning and left out.
    fn answer_headers(
        &mut self,
        declared: Vec<DeclaredHeader<'a>>,
        pointer: &str,
        type_hint: &str,
        id: &str,
    ) -> Option<(String, Vec<AnswerHeader>)> {
        let mut fields = Vec::new();
        let mut headers = Vec::new();
        let mut names = Scope::snake();
        for DeclaredHeader { name, header, at } in declared {
            let Some((header, at)) = self.resolve(header, &at, &HEADERS) else {
                continue;
            };
            let ty = match &header.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    let hint = format!("{type_hint}{}", naming::type_name(name));
                    Some(self.type_of(SchemaRef::from(schema), &format!("{at}/schema"), &hint))
                }
                ParameterSchemaOrContent::Content(_) => None,
            };
            let kind = match &ty {
                Some(TypeRef::String) => Some(HeaderValueKind::Text),
                Some(TypeRef::I32 | TypeRef::I64) => Some(HeaderValueKind::Integer),
                Some(TypeRef::F32 | TypeRef::F64) => Some(HeaderValueKind::Number),
                Some(TypeRef::Bool) => Some(HeaderValueKind::Boolean),
                Some(TypeRef::Named(type_name)) => self.types.get(type_name).and_then(|def| match &def.kind {
                    TypeKind::Enum(def) if !def.integer => Some(HeaderValueKind::Text),
                    _ => None,
                }),
                _ => None,
            };
            let (Some(ty), Some(kind)) = (ty.clone(), kind) else {
                // A struct written for this header alone is not needed.
                if let Some(TypeRef::Named(type_name)) = &ty
                    && self
                        .types
                        .get(type_name)
                        .is_some_and(|def| def.origin == TypeOrigin::Inline)
                {
                    self.types.remove(type_name);
                }
                self.warn(
                    Diagnostic::at(&at, format!("the answer's header `{name}` is not read by the generated client"))
                        .with_hint(
                            "the client reads headers holding one string, number or boolean; describe this one as                              `schema: {type: string}` to have its text",
                        ),
                );
                continue;
            };
            let mut field = Field::new(name, names.claim(&naming::field_name(name)), ty, false);
            field.description = header.description.clone();
            field.sensitive = header.extensions.get("x-sdk-sensitive") == Some(&serde_json::Value::Bool(true));
            fields.push(field);
            headers.push(AnswerHeader {
                name: name.to_owned(),
                kind,
            });
        }
        if headers.is_empty() {
            return None;
        }
        // Every field is optional whatever the header's `required` says: a proxy may drop a header, and a
        // compressed answer has no `Content-Length`; an absent value must not fail a call that succeeded.
        let type_name = self.define_generated(
            &format!("{type_hint}Headers"),
            pointer,
            format!("The headers of the answer to `{id}`."),
            TypeKind::Struct(StructDef {
                fields,
                extra: ExtraFields::Reject,
            }),
        );
        if let Some(def) = self.types.get_mut(&type_name) {
            def.origin = TypeOrigin::AnswerHeaders;
        }
        Some((type_name, headers))
    }

    /// The `x-sdk-selects-answer` parameter of an operation whose answer is JSON or `raw` (declared at the
    /// pointer beside it): which value each method sends. Reports the extension anywhere else.
    fn answer_selector(
        &mut self,
        selectors: Vec<SelectorParam<'a>>,
        raw: Option<&(RawResponse, String)>,
        pointer: &str,
    ) -> Option<AnswerSelector> {
        let mut selectors = selectors.into_iter();
        let first = selectors.next()?;
        for extra in selectors {
            self.report(
                Diagnostic::at(
                    &extra.at,
                    format!("`{}` is a second parameter selecting the answer", extra.param.name),
                )
                .with_hint(format!(
                    "`{}` already selects it; mark one parameter only",
                    first.param.name
                )),
            );
        }
        let SelectorParam { param, values, at } = first;
        let Some((raw, raw_at)) = raw else {
            self.report(
                Diagnostic::at(
                    &at,
                    format!("parameter `{}` selects an answer that has only one form", param.name),
                )
                .with_hint(format!(
                    "`x-sdk-selects-answer` is for a success answer declared both as JSON and as bytes or \
                         text (see #{pointer}/responses)"
                )),
            );
            return None;
        };
        let raw_type = match raw {
            RawResponse::Bytes { media_type } | RawResponse::Text { media_type } => media_type.as_str(),
            RawResponse::Redirect => "",
        };
        let serde_json::Value::Object(entries) = values else {
            self.report(
                Diagnostic::at(
                    &at,
                    "`x-sdk-selects-answer` must map media types to the values that select them",
                )
                .with_hint(format!("write `x-sdk-selects-answer: {{{raw_type}: true}}`")),
            );
            return None;
        };
        let mut selector = AnswerSelector {
            name: param.name.clone(),
            json: None,
            raw: None,
        };
        for (media_type, value) in entries {
            let entry_at = format!("{at}/{}", escape_pointer_token(media_type));
            let slot = if is_json(media_type) {
                &mut selector.json
            } else if raw_type.split(", ").any(|accepted| accepted == media_type) {
                &mut selector.raw
            } else {
                self.report(
                    Diagnostic::at(&entry_at, format!("the success answer has no form `{media_type}`"))
                        .with_hint(format!("name the JSON media type or `{raw_type}` (see #{raw_at})")),
                );
                continue;
            };
            if !self.value_fits(value, &param.ty) {
                self.report(
                    Diagnostic::at(
                        &entry_at,
                        format!("`{value}` is not a value of parameter `{}`", param.name),
                    )
                    .with_hint("give a scalar of the parameter's type: `true` for a boolean, `1` for an integer"),
                );
                continue;
            }
            *slot = Some(value.clone());
        }
        // No method takes the parameter, so a type written for it alone would be unused.
        if let Some(name) = param.ty.direct_name()
            && self.types.get(name).is_some_and(|def| def.origin == TypeOrigin::Inline)
        {
            self.types.remove(name);
        }
        if entries.is_empty() {
            self.report(
                Diagnostic::at(&at, "`x-sdk-selects-answer` gives no value").with_hint(format!(
                    "write the value that asks for `{raw_type}`: `x-sdk-selects-answer: {{{raw_type}: true}}`"
                )),
            );
            return None;
        }
        (selector.json.is_some() || selector.raw.is_some()).then_some(selector)
    }

    /// Whether `value` is a scalar of the parameter type `ty`.
    fn value_fits(&self, value: &serde_json::Value, ty: &TypeRef) -> bool {
        use serde_json::Value;
        match (ty, value) {
            (TypeRef::Bool, Value::Bool(_)) => true,
            (TypeRef::I32 | TypeRef::I64, Value::Number(number)) => number.is_i64() || number.is_u64(),
            (TypeRef::F32 | TypeRef::F64, Value::Number(_)) => true,
            (TypeRef::String, Value::String(_)) => true,
            (TypeRef::Named(name), Value::String(text)) => match self.types.get(name).map(|def| &def.kind) {
                Some(TypeKind::Enum(def)) => def.variants.iter().any(|variant| variant.value == *text),
                _ => false,
            },
            _ => false,
        }
    }

    fn error_response(
        &mut self,
        operation: &'a openapiv3::Operation,
        pointer: &str,
        type_hint: &str,
    ) -> Option<TypeRef> {
        let responses = &operation.responses;
        let candidates = responses
            .default
            .iter()
            .map(|response| (response, format!("{pointer}/responses/default")))
            .chain(responses.responses.iter().filter_map(|(status, response)| {
                let is_error = match status {
                    StatusCode::Code(code) => *code >= 400,
                    StatusCode::Range(range) => *range >= 4,
                };
                is_error.then(|| (response, format!("{pointer}/responses/{status}")))
            }));
        let mut found = None;
        for (response, at) in candidates {
            let Some((response, at)) = self.resolve(response, &at, &RESPONSES) else {
                continue;
            };
            // Error bodies are documentation only: a non-JSON one is skipped, not reported.
            if let Some(schema) = find_json(&response.content, &format!("{at}/content")) {
                found = Some(schema);
                break;
            }
        }
        let (schema, schema_at) = found?;
        Some(self.type_of(schema, &schema_at, &format!("{type_hint}Error")))
    }

    /// Follows `$ref`s through one section of `components` to the item itself; returns it with the
    /// pointer where it is written.
    fn resolve<T>(&mut self, item: &'a ReferenceOr<T>, at: &str, section: &Section<T>) -> Option<(&'a T, String)> {
        let document = self.document;
        let mut current = item;
        let mut current_at = at.to_owned();
        for _ in 0..MAX_REFERENCE_DEPTH {
            let reference = match current {
                ReferenceOr::Item(item) => return Some((item, current_at)),
                ReferenceOr::Reference { reference } => reference,
            };
            let key = component_key(reference, section.name);
            let target = key
                .as_ref()
                .and_then(|key| (section.entries)(document.components.as_ref()?).get(key));
            let (Some(key), Some(target)) = (key, target) else {
                self.report(
                    Diagnostic::at(at, format!("`{reference}` is not a {}", section.what)).with_hint(format!(
                        "a {} `$ref` must point at `#/components/{}/<name>`",
                        section.what, section.name
                    )),
                );
                return None;
            };
            current = target;
            current_at = format!("/components/{}/{}", section.name, escape_pointer_token(&key));
        }
        self.report(
            Diagnostic::at(at, format!("{} references form a loop", section.what)).with_hint(format!(
                "point the `$ref` at a {} defined in components/{}",
                section.what, section.name
            )),
        );
        None
    }

    /// The schema of the JSON media type in `content`. `Some(None)` when there is no content at all; `None`
    /// (after reporting) when there is content but none of it is JSON.
    fn json_schema(
        &mut self,
        content: &'a IndexMap<String, MediaType>,
        at: &str,
        what: &str,
    ) -> Option<Option<(SchemaRef<'a>, String)>> {
        if content.is_empty() {
            return Some(None);
        }
        match find_json(content, at) {
            Some(found) => Some(Some(found)),
            None => {
                let types: Vec<&str> = content.keys().map(String::as_str).collect();
                self.report(
                    Diagnostic::at(
                        at,
                        format!("{what} content type `{}` is not supported", types.join("`, `")),
                    )
                    .with_hint("this generator reads and writes JSON: describe the body as `application/json`"),
                );
                None
            }
        }
    }
}

/// The request bodies of an operation.
struct Requests {
    json: Option<Body>,
    /// Media type, kind and whether the body is required, for each other kind, in the order declared.
    content: Vec<(String, ContentKind, bool)>,
}

/// What an operation answers with.
enum Success {
    /// JSON (or nothing), and another form of the same answer (with the pointer of its `content`).
    Json {
        ty: Option<TypeRef>,
        other: Option<(RawResponse, String)>,
    },
    Raw(RawResponse),
    /// Only a protocol switch (`101`), at this pointer.
    Upgrade(String),
}

/// How a media type's content is read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MediaKind {
    Json,
    Form,
    Multipart,
    Text,
    /// Everything else: octet streams, images, archives.
    Bytes,
}

fn media_kind(media_type: &str) -> MediaKind {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or(media_type)
        .trim()
        .to_ascii_lowercase();
    if is_json(&essence) {
        MediaKind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        MediaKind::Form
    } else if essence.starts_with("multipart/") {
        MediaKind::Multipart
    } else if essence.starts_with("text/") {
        MediaKind::Text
    } else {
        MediaKind::Bytes
    }
}

/// Whether a media type's schema is an inline `type: string, format: binary`.
fn declares_binary(media: &MediaType) -> bool {
    use openapiv3::{SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};
    matches!(
        &media.schema,
        Some(ReferenceOr::Item(openapiv3::Schema {
            schema_kind: SchemaKind::Type(Type::String(string)),
            ..
        })) if matches!(string.format, VariantOrUnknownOrEmpty::Item(StringFormat::Binary))
    )
}

/// The schema of the first JSON media type in `content`, with its pointer.
fn find_json<'a>(content: &'a IndexMap<String, MediaType>, at: &str) -> Option<(SchemaRef<'a>, String)> {
    let (media_type, media) = content.iter().find(|(media_type, _)| is_json(media_type))?;
    let schema_at = format!("{at}/{}/schema", escape_pointer_token(media_type));
    Some(match &media.schema {
        Some(schema) => (SchemaRef::from(schema), schema_at),
        // A JSON body without a schema may hold anything.
        None => (SchemaRef::Inline(any_schema()), schema_at),
    })
}

fn any_schema() -> &'static openapiv3::Schema {
    static ANY: std::sync::OnceLock<openapiv3::Schema> = std::sync::OnceLock::new();
    ANY.get_or_init(|| openapiv3::Schema {
        schema_data: Default::default(),
        schema_kind: openapiv3::SchemaKind::Any(Default::default()),
    })
}

fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or(media_type).trim();
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

fn same_schema(a: &SchemaRef<'_>, b: &SchemaRef<'_>) -> bool {
    match (a, b) {
        (SchemaRef::Ref(a), SchemaRef::Ref(b)) => a == b,
        (SchemaRef::Inline(a), SchemaRef::Inline(b)) => a == b,
        _ => false,
    }
}

/// What a parameter's value is, for the styles that write lists and objects differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueShape {
    Scalar,
    List,
    Object,
    /// Not known until run time (a union, free-form JSON).
    Any,
}

fn style_name(style: &openapiv3::PathStyle) -> &'static str {
    match style {
        openapiv3::PathStyle::Matrix => "matrix",
        openapiv3::PathStyle::Label => "label",
        openapiv3::PathStyle::Simple => "simple",
    }
}

/// The suffix of the method returning an answer's other form, as [`ContentKind::method_suffix`] names
/// request bodies: `export_bytes`.
fn raw_method_suffix(response: &RawResponse) -> &'static str {
    match response {
        RawResponse::Text { .. } => ContentKind::Text.method_suffix(),
        _ => ContentKind::Bytes.method_suffix(),
    }
}

fn http_method(method: &str) -> HttpMethod {
    match method {
        "get" => HttpMethod::Get,
        "put" => HttpMethod::Put,
        "post" => HttpMethod::Post,
        "delete" => HttpMethod::Delete,
        "options" => HttpMethod::Options,
        "head" => HttpMethod::Head,
        "patch" => HttpMethod::Patch,
        _ => HttpMethod::Trace,
    }
}

fn parameter_key(parameter: &Parameter) -> (String, &'static str) {
    let (data, location) = match parameter {
        Parameter::Path { parameter_data, .. } => (parameter_data, "path"),
        Parameter::Query { parameter_data, .. } => (parameter_data, "query"),
        Parameter::Header { parameter_data, .. } => (parameter_data, "header"),
        Parameter::Cookie { parameter_data, .. } => (parameter_data, "cookie"),
    };
    (data.name.clone(), location)
}

/// `{name}` variables of a path template, in order.
fn template_variables(path: &str) -> Vec<String> {
    let mut variables = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        variables.push(rest[start + 1..start + length].to_owned());
        rest = &rest[start + length + 1..];
    }
    variables
}

fn param_field(param: &Param) -> Field {
    Field {
        description: param.description.clone(),
        ..Field::new(&param.name, param.rust_name.clone(), param.ty.clone(), param.required)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_variables_in_order() {
        assert_eq!(template_variables("/a/{x}/b/{y}"), vec!["x", "y"]);
        assert_eq!(template_variables("/a/{unclosed"), Vec::<String>::new());
    }

    #[test]
    fn json_media_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/scim+json"));
        assert!(!is_json("application/octet-stream"));
    }

    #[test]
    fn media_kinds() {
        assert_eq!(media_kind("application/json; charset=utf-8"), MediaKind::Json);
        assert_eq!(media_kind("application/x-www-form-urlencoded"), MediaKind::Form);
        assert_eq!(media_kind("multipart/form-data"), MediaKind::Multipart);
        assert_eq!(media_kind("text/csv"), MediaKind::Text);
        assert_eq!(media_kind("Text/Plain; charset=utf-8"), MediaKind::Text);
        assert_eq!(media_kind("application/octet-stream"), MediaKind::Bytes);
        assert_eq!(media_kind("image/png"), MediaKind::Bytes);
    }
}
