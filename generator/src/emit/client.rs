//! The client crate: one module per service, each a handle type with one async method per operation. A
//! method describes its operation and calls the runtime; it holds no transport logic of its own.

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, quote};

use super::models::{ident, rust_type};
use super::{doc_attrs, runtime_crate};
use crate::ir::naming::first_sentence;
use crate::ir::{
    Api, ApiKeyLocation, ContentBody, ContentKind, HttpMethod, Operation, Pagination, PaginationStyle, Param,
    ParamLocation, ParamLocationOrBody, QueryStyle, RawForm, RawResponse, SchemeKind, SecurityScheme, Service,
    ServiceClient, TypeKind, TypeRef, Wait, WaitSource,
};

fn models_path(name: &str) -> TokenStream {
    let ident = ident(name);
    quote!(models::#ident)
}

/// The file of `service`'s module.
pub(super) fn service_file(api: &Api, service: &Service) -> TokenStream {
    let runtime = runtime_crate(api);
    let type_name = ident(&service.type_name);
    let accessor = ident(&service.accessor);
    let description = service.description.clone().unwrap_or_default();
    let module_doc = format!(" The `{}` service.", service.tag);
    let client_type = match service.client {
        ServiceClient::Workspace => "Client",
        ServiceClient::Account => "AccountClient",
    };
    let type_docs = doc_attrs(&[
        &description,
        &format!(
            "Get one from [`{client_type}::{0}`](crate::{client_type}::{0}).",
            service.accessor
        ),
    ]);
    let accessor_doc = doc_attrs(&[&first_sentence(&description)]);
    let methods = service
        .operations
        .iter()
        .map(|operation| method(api, service, operation))
        .collect::<Vec<_>>();
    // A service whose methods take and return only bytes, text and plain values uses no model.
    let uses_models = methods.iter().any(|method| method.to_string().contains("models ::"));
    let models_import = uses_models.then(|| {
        quote!(
            use crate::models;
        )
    });
    let constants = service.operations.iter().map(|operation| {
        let name = operation_const(operation);
        let metadata = operation_metadata(operation, &runtime);
        // The other form of the answer is asked for with its own `Accept`.
        let raw_form = operation.raw_form.as_ref().map(|form| {
            let name = ident(&form.method_name.to_uppercase());
            let accept = raw_media_type(&form.response);
            quote!(pub(super) const #name: Operation = #metadata.accept(#accept);)
        });
        quote! {
            pub(super) const #name: Operation = #metadata;
            #raw_form
        }
    });
    let handle = match service.client {
        ServiceClient::Workspace => quote! {
            #[derive(Clone, Copy, Debug)]
            pub struct #type_name<'a> {
                client: &'a #runtime::Client,
            }

            impl crate::Client {
                #accessor_doc
                pub fn #accessor(&self) -> #type_name<'_> {
                    #type_name { client: self.runtime() }
                }
            }
        },
        ServiceClient::Account => quote! {
            #[derive(Clone, Copy, Debug)]
            pub struct #type_name<'a> {
                client: &'a #runtime::Client,
                /// The account every call names, from the account client's configuration.
                account_id: &'a str,
            }

            impl crate::AccountClient {
                #accessor_doc
                pub fn #accessor(&self) -> #type_name<'_> {
                    #type_name { client: self.runtime(), account_id: self.account_id() }
                }
            }
        },
    };
    quote! {
        #![doc = #module_doc]

        use #runtime::Error;

        #models_import

        #type_docs
        #handle

        impl #type_name<'_> {
            #(#methods)*
        }

        /// What the runtime is told about each operation, shared by the methods that send it.
        mod operations {
            use #runtime::{Method, Operation};

            #(#constants)*
        }
    }
}

/// The name of an operation's constant in the service's `operations` module: `LIST_RUNS`.
fn operation_const(operation: &Operation) -> proc_macro2::Ident {
    ident(&operation.method_name.to_uppercase())
}

fn method(api: &Api, service: &Service, operation: &Operation) -> TokenStream {
    let runtime = runtime_crate(api);
    let name = ident(&operation.method_name);
    let docs = method_docs(operation);
    let deprecated = operation
        .deprecated
        .then(|| quote!(#[deprecated(note = "deprecated by the API")]));

    let mut arguments = Vec::new();
    let mut calls = Vec::new();
    for param in &operation.arguments {
        let arg = ident(&param.rust_name);
        let wire = &param.name;
        let ty = argument_type(api, param);
        arguments.push(quote!(#arg: #ty));
        calls.push(match param.location {
            ParamLocation::Path => quote!(.path_param(#wire, #arg)),
            // Numbers have wire forms of their own (`"Infinity"`), as in the models.
            _ if matches!(param.ty, TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64) => {
                quote!(.query_number(#wire, #arg))
            }
            _ => quote!(.query_param(#wire, #arg)),
        });
    }
    // Filled from the client's configuration (the account id), never an argument.
    for param in operation.path_params.iter().filter(|param| param.from_config.is_some()) {
        let wire = &param.name;
        calls.push(quote!(.path_param(#wire, self.account_id)));
    }
    if let Some(params_type) = &operation.params_type {
        let ty = models_path(params_type);
        arguments.push(quote!(params: &#ty));
        calls.push(quote!(.params(params)));
    }
    let constant = operation_const(operation);
    let (output, send) = answer(operation, &runtime);
    let raw_form = operation
        .raw_form
        .as_ref()
        .map(|form| raw_form_method(operation, form, &runtime, &arguments, &calls, deprecated.as_ref()));
    // Every other method answers JSON: it sends what selects JSON.
    if let Some(select) = operation
        .raw_form
        .as_ref()
        .and_then(|form| form.selector.as_ref())
        .and_then(|selector| select_call(&selector.name, selector.json.as_ref()))
    {
        calls.push(select);
    }
    let content_methods: Vec<TokenStream> = operation
        .content_bodies
        .iter()
        .map(|content| content_method(operation, content, &runtime, &arguments, &calls, deprecated.as_ref()))
        .collect();
    let with_headers = with_headers_method(operation, &runtime, &arguments, &calls, deprecated.as_ref());
    // Without a JSON body, the operation's own method is that of its first other content type.
    if operation.body.is_none() && !operation.content_bodies.is_empty() {
        return quote!(#(#content_methods)* #with_headers #raw_form);
    }
    if let Some(body) = &operation.body {
        let (argument, call) = json_body(&body.ty);
        arguments.push(argument);
        calls.push(call);
    }
    let stream = operation.pagination.as_ref().map(|pagination| {
        let stream_name = ident(&pagination.method_name);
        let item = rust_type(&pagination.item_type, &models_path);
        let paging = paging(pagination, &runtime);
        let docs = doc_attrs(&[&format!(
            "Every item of [`{0}`](Self::{0}), as a stream: the next page is fetched once the current one has \
             been read, so memory holds one page at a time.",
            operation.method_name
        )]);
        quote! {
            #docs
            #deprecated
            pub fn #stream_name(&self, #(#arguments),*) -> #runtime::Items<#item> {
                const PAGING: #runtime::Paging = #paging;
                self.client.request(&operations::#constant) #(#calls)* .paginate(&PAGING)
            }
        }
    });
    let waiter = operation.wait.as_ref().map(|wait| {
        waiter(
            api,
            service,
            operation,
            wait,
            &constant,
            &arguments,
            &calls,
            deprecated.as_ref(),
        )
    });
    quote! {
        #docs
        #deprecated
        pub async fn #name(&self, #(#arguments),*) -> Result<#output, Error> {
            self.client.request(&operations::#constant) #(#calls)* #send
        }

        #with_headers
        #stream
        #waiter
        #(#content_methods)*
        #raw_form
    }
}

/// Adds the body the operation's own method sends (its JSON body, else its first other content type) to a
/// sibling method's arguments and calls.
fn add_own_body(
    operation: &Operation,
    runtime: &Ident,
    arguments: &mut Vec<TokenStream>,
    calls: &mut Vec<TokenStream>,
) {
    if let Some(body) = &operation.body {
        let (argument, call) = json_body(&body.ty);
        arguments.push(argument);
        calls.push(call);
    } else if let Some(content) = operation.content_bodies.first() {
        let (content_arguments, content_calls, _) = content_arguments(content, runtime);
        arguments.extend(content_arguments);
        calls.extend(content_calls);
    }
}

/// The argument and the call of a JSON request body.
fn json_body(ty: &TypeRef) -> (TokenStream, TokenStream) {
    let ty = borrowed_type(ty);
    (quote!(body: #ty), quote!(.json(body)))
}

/// `.query_param(name, value)` sending the value that selects one form of the answer; `None` leaves the
/// parameter out.
fn select_call(name: &str, value: Option<&serde_json::Value>) -> Option<TokenStream> {
    let value = match value? {
        serde_json::Value::Bool(flag) => quote!(#flag),
        serde_json::Value::Number(number) => match number.as_i64() {
            Some(integer) => proc_macro2::Literal::i64_unsuffixed(integer).into_token_stream(),
            None => proc_macro2::Literal::f64_unsuffixed(number.as_f64().unwrap_or_default()).into_token_stream(),
        },
        other => {
            let text = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            quote!(#text)
        }
    };
    Some(quote!(.query_param(#name, #value)))
}

/// The media type a raw answer is asked for with.
fn raw_media_type(response: &RawResponse) -> &str {
    match response {
        RawResponse::Bytes { media_type } | RawResponse::Text { media_type } => media_type,
        RawResponse::Redirect => "",
    }
}

/// `<method>_bytes` (or `_text`): the operation's own request, answered in the answer's other form.
fn raw_form_method(
    operation: &Operation,
    form: &RawForm,
    runtime: &Ident,
    arguments: &[TokenStream],
    calls: &[TokenStream],
    deprecated: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&form.method_name);
    let constant = ident(&form.method_name.to_uppercase());
    let mut arguments = arguments.to_vec();
    let mut calls = calls.to_vec();
    calls.extend(
        form.selector
            .as_ref()
            .and_then(|selector| select_call(&selector.name, selector.raw.as_ref())),
    );
    add_own_body(operation, runtime, &mut arguments, &mut calls);
    let (output, send) = match &form.response {
        RawResponse::Text { .. } => (quote!(String), quote!(.send_text().await)),
        _ => (quote!(#runtime::ByteStream), quote!(.send_bytes().await)),
    };
    let mut docs_operation = operation.clone();
    docs_operation.wait = None;
    docs_operation.pagination = None;
    docs_operation.raw_form = None;
    let docs = method_docs(&docs_operation);
    let media_type = raw_media_type(&form.response);
    let how = match &form.response {
        RawResponse::Text { .. } => "read whole",
        _ => "streamed as it arrives, never held whole in memory",
    };
    let selected = form
        .selector
        .as_ref()
        .and_then(|selector| {
            let value = selector.raw.as_ref()?;
            let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
            Some(format!(" (it sends `{}={text}`)", selector.name))
        })
        .unwrap_or_default();
    let what = doc_attrs(&[&format!(
        "The answer is asked for as `{media_type}`{selected} and {how}; [`{0}`](Self::{0}) has it as JSON.",
        operation.method_name
    )]);
    quote! {
        #docs
        #what
        #deprecated
        pub async fn #name(&self, #(#arguments),*) -> Result<#output, Error> {
            self.client.request(&operations::#constant) #(#calls)* #send
        }
    }
}

/// The return type of an operation's methods and the call that sends the request.
fn answer(operation: &Operation, runtime: &Ident) -> (TokenStream, TokenStream) {
    match (&operation.response, &operation.raw_response) {
        (Some(ty), _) => (rust_type(ty, &models_path), quote!(.send().await)),
        (None, Some(RawResponse::Bytes { .. })) => (quote!(#runtime::ByteStream), quote!(.send_bytes().await)),
        (None, Some(RawResponse::Text { .. })) => (quote!(String), quote!(.send_text().await)),
        (None, Some(RawResponse::Redirect)) => (quote!(String), quote!(.send_redirect().await)),
        (None, None) => match &operation.answer_headers {
            Some(answer) => (models_path(&answer.type_name), quote!(.send_headers().await)),
            None => (quote!(()), quote!(.send_empty().await)),
        },
    }
}

/// `<method>_with_headers`: the operation's own request, answered with its body and its declared headers.
fn with_headers_method(
    operation: &Operation,
    runtime: &Ident,
    arguments: &[TokenStream],
    calls: &[TokenStream],
    deprecated: Option<&TokenStream>,
) -> Option<TokenStream> {
    let answer = operation.answer_headers.as_ref()?;
    let name = ident(answer.with_body_method.as_ref()?);
    let headers = models_path(&answer.type_name);
    let mut arguments = arguments.to_vec();
    let mut calls = calls.to_vec();
    add_own_body(operation, runtime, &mut arguments, &mut calls);
    let (body, send) = match (&operation.response, &operation.raw_response) {
        (Some(ty), _) => (rust_type(ty, &models_path), quote!(.send_with_headers().await)),
        (None, Some(RawResponse::Bytes { .. })) => {
            (quote!(#runtime::ByteStream), quote!(.send_bytes_with_headers().await))
        }
        (None, Some(RawResponse::Text { .. })) => (quote!(String), quote!(.send_text_with_headers().await)),
        _ => return None,
    };
    let docs = doc_attrs(&[&format!(
        "[`{0}`](Self::{0}), with the headers of the answer: [`{1}`](models::{1}).",
        operation.method_name, answer.type_name
    )]);
    let constant = operation_const(operation);
    Some(quote! {
        #docs
        #deprecated
        pub async fn #name(&self, #(#arguments),*) -> Result<#runtime::WithHeaders<#body, #headers>, Error> {
            self.client.request(&operations::#constant) #(#calls)* #send
        }
    })
}

/// The method sending the operation with a body that is not JSON.
fn content_method(
    operation: &Operation,
    content: &ContentBody,
    runtime: &Ident,
    arguments: &[TokenStream],
    calls: &[TokenStream],
    deprecated: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&content.method_name);
    let mut arguments = arguments.to_vec();
    let mut calls = calls.to_vec();
    let (content_arguments, content_calls, what) = content_arguments(content, runtime);
    arguments.extend(content_arguments);
    calls.extend(content_calls);
    let (output, send) = answer(operation, runtime);
    let constant = operation_const(operation);
    let mut docs_operation = operation.clone();
    docs_operation.wait = None;
    docs_operation.pagination = None;
    let docs = method_docs(&docs_operation);
    let what = doc_attrs(&[&what]);
    quote! {
        #docs
        #what
        #deprecated
        pub async fn #name(&self, #(#arguments),*) -> Result<#output, Error> {
            self.client.request(&operations::#constant) #(#calls)* #send
        }
    }
}

/// The arguments and calls of a body that is not JSON, and a sentence saying how it is sent.
fn content_arguments(content: &ContentBody, runtime: &Ident) -> (Vec<TokenStream>, Vec<TokenStream>, String) {
    let media_type = &content.media_type;
    let mut arguments = Vec::new();
    let mut calls = Vec::new();
    let what = match &content.kind {
        ContentKind::Bytes | ContentKind::Text => {
            arguments.push(quote!(body: impl Into<#runtime::Upload>));
            calls.push(quote!(.raw_body(#media_type, body)));
            format!(
                "The body is sent as `{media_type}`: bytes or text from memory, or a reader                  ([`Upload::reader`]({runtime}::Upload::reader)) streamed as it is sent (then never retried)."
            )
        }
        ContentKind::Form(ty) => {
            let ty = borrowed_type(ty);
            arguments.push(quote!(form: #ty));
            calls.push(quote!(.form(form)));
            format!("The body is a form, sent as `{media_type}`.")
        }
        ContentKind::Multipart { fields, files } => {
            if let Some(fields) = fields {
                let ty = models_path(fields);
                arguments.push(quote!(fields: &#ty));
                calls.push(quote!(.multipart_fields(fields)));
            }
            for file in files {
                let arg = ident(&file.rust_name);
                let wire = &file.name;
                if file.required {
                    arguments.push(quote!(#arg: impl Into<#runtime::Upload>));
                    calls.push(quote!(.file_part(#wire, #arg)));
                } else {
                    arguments.push(quote!(#arg: Option<#runtime::Upload>));
                    calls.push(quote!(.optional_file_part(#wire, #arg)));
                }
            }
            let names: Vec<String> = files.iter().map(|file| format!("`{}`", file.name)).collect();
            format!(
                "The body is a `{media_type}` upload: the text fields, then the file parts ({}), each from                  memory or streamed from a reader as it is sent (then never retried).",
                names.join(", ")
            )
        }
    };
    (arguments, calls, what)
}

/// The `Operation::new(...)` expression describing `operation` to the runtime.
fn operation_metadata(operation: &Operation, runtime: &Ident) -> TokenStream {
    let id = &operation.id;
    let path = &operation.path;
    let method = http_method(operation.http_method);
    let mut metadata = quote!(Operation::new(#id, #method, #path));
    if operation.idempotent && operation.http_method != HttpMethod::Get {
        metadata = quote!(#metadata.idempotent());
    }
    if !operation.header_params.is_empty() {
        let headers = operation.header_params.iter().map(|param| &param.name);
        metadata = quote!(#metadata.header_params(&[#(#headers),*]));
    }
    if !operation.cookie_params.is_empty() {
        let cookies = operation.cookie_params.iter().map(|param| &param.name);
        metadata = quote!(#metadata.cookie_params(&[#(#cookies),*]));
    }
    let multi_segment: Vec<&str> = operation
        .path_params
        .iter()
        .filter(|param| param.multi_segment)
        .map(|param| param.name.as_str())
        .collect();
    if !multi_segment.is_empty() {
        metadata = quote!(#metadata.multi_segment_params(&[#(#multi_segment),*]));
    }
    let styles: Vec<TokenStream> = operation
        .query_params
        .iter()
        .filter(|param| param.style != QueryStyle::FormExploded)
        .map(|param| {
            let name = &param.name;
            let style = ident(param.style.variant());
            quote!((#name, #runtime::QueryStyle::#style))
        })
        .collect();
    if !styles.is_empty() {
        metadata = quote!(#metadata.query_styles(&[#(#styles),*]));
    }
    if !operation.sensitive_fields.is_empty() {
        let fields = &operation.sensitive_fields;
        metadata = quote!(#metadata.sensitive(&[#(#fields),*]));
    }
    if operation.answers_nothing {
        metadata = quote!(#metadata.answers_nothing());
    }
    if let Some(RawResponse::Bytes { media_type } | RawResponse::Text { media_type }) = &operation.raw_response {
        metadata = quote!(#metadata.accept(#media_type));
    }
    if let Some(answer) = &operation.answer_headers {
        let headers = answer.headers.iter().map(|header| {
            let name = &header.name;
            let kind = ident(header.kind.variant());
            quote!((#name, #runtime::HeaderValueKind::#kind))
        });
        metadata = quote!(#metadata.answer_headers(&[#(#headers),*]));
    }
    let alternatives = operation.security.iter().map(|names| quote!(&[#(#names),*]));
    quote!(#metadata.security(&[#(#alternatives),*]))
}

/// The runtime's `Paging` value for an operation's pagination.
fn paging(pagination: &Pagination, runtime: &Ident) -> TokenStream {
    let items = &pagination.items;
    let in_body = pagination.in_body;
    let optional = |value: &Option<String>| match value {
        Some(value) => quote!(Some(#value)),
        None => quote!(None),
    };
    let style = match &pagination.style {
        PaginationStyle::Token {
            request_token,
            response_token,
            ..
        } => quote!(#runtime::PagingStyle::Token {
            request_token: #request_token,
            response_token: #response_token,
        }),
        PaginationStyle::Offset { offset, id, .. } => {
            let id = optional(id);
            quote!(#runtime::PagingStyle::Offset { offset: #offset, id: #id })
        }
        PaginationStyle::Scim {
            start_index, total, id, ..
        } => {
            let id = optional(id);
            quote!(#runtime::PagingStyle::Scim { start_index: #start_index, total: #total, id: #id })
        }
        PaginationStyle::NextRequest { next_request } => {
            quote!(#runtime::PagingStyle::NextRequest { next_request: #next_request })
        }
        PaginationStyle::None => quote!(#runtime::PagingStyle::Single),
    };
    quote!(#runtime::Paging { items: #items, in_body: #in_body, style: #style })
}

/// `<operation>_and_wait`: sends the request, then polls until the resource settles.
#[allow(clippy::too_many_arguments)]
fn waiter(
    api: &Api,
    service: &Service,
    operation: &Operation,
    wait: &Wait,
    constant: &proc_macro2::Ident,
    arguments: &[TokenStream],
    calls: &[TokenStream],
    deprecated: Option<&TokenStream>,
) -> TokenStream {
    let runtime = runtime_crate(api);
    let name = ident(&wait.method_name);
    let poll = api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .find(|candidate| candidate.id == wait.poll)
        .expect("the IR checked that the polled operation exists");
    // The polled operation is normally of the same service; one of another service, which may not be
    // compiled in, is described here.
    let poll_ref = if service.operations.iter().any(|candidate| candidate.id == poll.id) {
        let poll_const = operation_const(poll);
        quote!(&operations::#poll_const)
    } else {
        let metadata = operation_metadata(poll, &runtime);
        quote!(&{
            use #runtime::{Method, Operation};
            #metadata
        })
    };
    let output = match &poll.response {
        Some(ty) => rust_type(ty, &models_path),
        None => quote!(serde_json::Value),
    };
    let bind = wait.bind.iter().map(|binding| {
        let param = &binding.param;
        let field = &binding.field;
        let location = match binding.location {
            ParamLocationOrBody::Path => quote!(Path),
            // The polled operation's metadata says which of these are headers and cookies.
            ParamLocationOrBody::Query | ParamLocationOrBody::Header | ParamLocationOrBody::Cookie => quote!(Query),
            ParamLocationOrBody::Body => quote!(Body),
        };
        let source = match binding.source {
            WaitSource::Request => quote!(Request),
            WaitSource::Response => quote!(Response),
        };
        quote!(#runtime::Binding {
            param: #param,
            location: #runtime::BindingLocation::#location,
            source: #runtime::BindingSource::#source,
            field: #field,
        })
    });
    let state = &wait.state;
    let success = &wait.success;
    let failure = &wait.failure;
    let message = wait.message.clone().unwrap_or_default();
    let poll_link = if service.operations.iter().any(|candidate| candidate.id == poll.id) {
        format!("[`{0}`](Self::{0})", poll.method_name)
    } else {
        format!("`{}`", poll.id)
    };
    let failure_note = if failure.is_empty() {
        String::new()
    } else {
        format!(
            " A failure state ({}) is [`Error::WaitFailed`](Error::WaitFailed) with the server's explanation.",
            code_list(failure)
        )
    };
    let docs = doc_attrs(&[&format!(
        "Sends [`{0}`](Self::{0}), then polls {poll_link} until `{1}` is {2} and returns that last answer.\
         {failure_note} Gives up with [`Error::WaitTimeout`](Error::WaitTimeout) after `wait`'s timeout (20 \
         minutes by default).",
        operation.method_name,
        state.join("."),
        code_list(success),
    )]);
    quote! {
        #docs
        #deprecated
        pub async fn #name(&self, #(#arguments,)* wait: &#runtime::WaitOptions) -> Result<#output, Error> {
            const WAIT: #runtime::Wait = #runtime::Wait {
                poll: #poll_ref,
                bind: &[#(#bind),*],
                state: &[#(#state),*],
                success: &[#(#success),*],
                failure: &[#(#failure),*],
                message: &[#(#message),*],
            };
            self.client.request(&operations::#constant) #(#calls)* .send_and_wait(&WAIT, wait).await
        }
    }
}

fn method_docs(operation: &Operation) -> TokenStream {
    let summary = operation.summary.clone().unwrap_or_default();
    let description = operation.description.clone().unwrap_or_default();
    let endpoint = format!(
        "`{} {}` (operation `{}`).",
        operation.http_method.as_str(),
        operation.path,
        operation.id
    );
    let mut notes = vec![endpoint];
    if let Some(method) = operation
        .answer_headers
        .as_ref()
        .and_then(|answer| answer.with_body_method.as_ref())
    {
        notes.push(format!(
            "[`{method}`](Self::{method}) also returns the headers of the answer."
        ));
    }
    if let Some(form) = &operation.raw_form {
        notes.push(format!(
            "[`{0}`](Self::{0}) returns the same answer as `{1}`.",
            form.method_name,
            raw_media_type(&form.response)
        ));
    }
    if let Some(wait) = &operation.wait {
        notes.push(format!(
            "Long-running: the call returns at once, then the resource moves on until `{}` is {}. \
             [`{2}`](Self::{2}) sends the request and waits for that.",
            wait.state.join("."),
            code_list(&wait.success),
            wait.method_name,
        ));
    }
    if let Some(pagination) = &operation.pagination {
        let how = match &pagination.style {
            PaginationStyle::Token {
                request_token,
                response_token,
                ..
            } => {
                format!(
                    "pass `{response_token}` of one page as `{request_token}` to get the next; the last page has none"
                )
            }
            PaginationStyle::Offset { offset, limit, .. } => format!("page with `{offset}` and `{limit}`"),
            PaginationStyle::Scim { start_index, count, .. } => {
                format!("page with `{start_index}` (1-based) and `{count}`")
            }
            PaginationStyle::NextRequest { next_request } => {
                format!("send `{next_request}` of one page as the next request; the last page has none")
            }
            PaginationStyle::None => "everything comes in one response".to_owned(),
        };
        let stream = match pagination.style {
            PaginationStyle::None => String::new(),
            _ => format!(" [`{0}`](Self::{0}) streams every item.", pagination.method_name),
        };
        notes.push(format!("Lists `{}`: {how}.{stream}", pagination.items));
    }
    let mut paragraphs = vec![summary.as_str(), description.as_str()];
    paragraphs.extend(notes.iter().map(String::as_str));
    doc_attrs(&paragraphs)
}

fn code_list(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("`{value}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn http_method(method: HttpMethod) -> TokenStream {
    match method {
        HttpMethod::Get => quote!(Method::Get),
        HttpMethod::Put => quote!(Method::Put),
        HttpMethod::Post => quote!(Method::Post),
        HttpMethod::Delete => quote!(Method::Delete),
        HttpMethod::Options => quote!(Method::Options),
        HttpMethod::Head => quote!(Method::Head),
        HttpMethod::Patch => quote!(Method::Patch),
        HttpMethod::Trace => quote!(Method::Trace),
    }
}

/// Arguments are taken by value for numbers and booleans, by reference otherwise. A path parameter is
/// `Display`, which is how the runtime writes it into the path; a query or header one is serialised.
fn argument_type(api: &Api, param: &Param) -> TokenStream {
    match argument_kind(api, param) {
        ArgumentKind::Copy(ty) => ty,
        ArgumentKind::Enum(name) => {
            let ty = models_path(&name);
            quote!(&#ty)
        }
        ArgumentKind::Text => quote!(&str),
        ArgumentKind::Borrowed(ty) => borrowed_type(&ty),
    }
}

pub(super) enum ArgumentKind {
    Copy(TokenStream),
    Enum(String),
    Text,
    /// A list or object (query parameters only), borrowed as [`borrowed_type`] says.
    Borrowed(TypeRef),
}

pub(super) fn argument_kind(api: &Api, param: &Param) -> ArgumentKind {
    match &param.ty {
        TypeRef::I32 => ArgumentKind::Copy(quote!(i32)),
        TypeRef::I64 => ArgumentKind::Copy(quote!(i64)),
        TypeRef::F32 => ArgumentKind::Copy(quote!(f32)),
        TypeRef::F64 => ArgumentKind::Copy(quote!(f64)),
        TypeRef::Bool => ArgumentKind::Copy(quote!(bool)),
        TypeRef::Named(name) if matches!(api.types.get(name).map(|def| &def.kind), Some(TypeKind::Enum(_))) => {
            ArgumentKind::Enum(name.clone())
        }
        TypeRef::String => ArgumentKind::Text,
        // A path segment is text whatever the spec says; a query value keeps its JSON shape.
        _ if param.location == ParamLocation::Path => ArgumentKind::Text,
        other => ArgumentKind::Borrowed(other.clone()),
    }
}

/// How a request body (or a query parameter) is borrowed: `&T`, with slices for lists.
pub(super) fn borrowed_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::List(inner) => {
            let inner = rust_type(inner, &models_path);
            quote!(&[#inner])
        }
        other => {
            let ty = rust_type(other, &models_path);
            quote!(&#ty)
        }
    }
}

/// The items of a generic client's lib.rs: the security schemes and default base URL the runtime is given,
/// and `Client` with its builder, which takes each scheme's credential by a method named after the scheme.
pub(super) fn generic_client_items(api: &Api) -> TokenStream {
    let runtime = runtime_crate(api);
    let schemes = api.security_schemes.iter().map(|scheme| {
        let name = &scheme.name;
        let kind = match &scheme.kind {
            SchemeKind::Bearer => quote!(Bearer),
            SchemeKind::Basic => quote!(Basic),
            SchemeKind::ApiKey { location, name } => {
                let location = ident(location.variant());
                quote!(ApiKey { location: #runtime::ApiKeyLocation::#location, name: #name })
            }
            SchemeKind::OAuth2 { token_url, scopes } => {
                let token_url = match token_url {
                    Some(url) => quote!(Some(#url)),
                    None => quote!(None),
                };
                quote!(OAuth2 { token_url: #token_url, scopes: &[#(#scopes),*] })
            }
            // Used with an access token the caller gives: nothing to discover.
            SchemeKind::OpenIdConnect { .. } => quote!(OAuth2 {
                token_url: None,
                scopes: &[]
            }),
        };
        quote!(#runtime::SecurityScheme { name: #name, kind: #runtime::SchemeKind::#kind })
    });
    let base_url = match &api.base_url {
        Some(url) => quote!(Some(#url)),
        None => quote!(None),
    };
    let base_url_doc = match &api.base_url {
        Some(_) => " Where the API is served: the first of the spec's `servers`, with its variables at their defaults.",
        None => {
            " Where the API is served: the spec names no absolute server, so give one with [`ClientBuilder::base_url`]."
        }
    };
    let credential_methods = api.security_schemes.iter().map(credential_methods);
    // What the scheme methods call; an API without schemes has none.
    let set_credential = (!api.security_schemes.is_empty()).then(|| {
        quote! {
            fn credential(self, scheme: &'static str, credential: Credential) -> Self {
                ClientBuilder { runtime: self.runtime.credential(scheme, credential) }
            }
        }
    });
    quote! {
        /// The API's security schemes (`components.securitySchemes`): how each credential is sent.
        pub static SECURITY_SCHEMES: &[#runtime::SecurityScheme] = &[#(#schemes),*];

        #[doc = #base_url_doc]
        pub const DEFAULT_BASE_URL: Option<&str> = #base_url;

        /// A client of the API. Cloning is cheap: clones share the connection pool.
        #[derive(Clone, Debug)]
        pub struct Client {
            runtime: #runtime::Client,
        }

        impl Client {
            /// A builder starting from [`DEFAULT_BASE_URL`] and no credentials.
            pub fn builder() -> ClientBuilder {
                let runtime = #runtime::Client::builder(SECURITY_SCHEMES);
                let runtime = match DEFAULT_BASE_URL {
                    Some(url) => runtime.base_url(url),
                    None => runtime,
                };
                ClientBuilder { runtime }
            }

            /// Wraps an existing runtime client.
            pub fn from_runtime(runtime: #runtime::Client) -> Client {
                Client { runtime }
            }

            /// The runtime client underneath, for requests the generated methods do not cover.
            pub fn runtime(&self) -> &#runtime::Client {
                &self.runtime
            }
        }

        /// Configures a [`Client`]: where the API is, and the credentials it accepts, one method per security
        /// scheme of the API.
        #[derive(Debug)]
        #[must_use]
        pub struct ClientBuilder {
            runtime: #runtime::ClientBuilder,
        }

        impl ClientBuilder {
            /// The API's base URL (scheme, host and port), instead of [`DEFAULT_BASE_URL`].
            pub fn base_url(self, url: impl Into<String>) -> Self {
                ClientBuilder { runtime: self.runtime.base_url(url) }
            }

            #(#credential_methods)*

            /// The client; fails when there is no base URL or it is not an `http(s)` URL, or a credential does
            /// not fit its scheme.
            pub fn build(self) -> Result<Client, Error> {
                self.runtime.build().map(Client::from_runtime)
            }

            #set_credential
        }
    }
}

/// The builder methods taking a scheme's credential, documented with where it is sent.
fn credential_methods(scheme: &SecurityScheme) -> TokenStream {
    let name = &scheme.name;
    let method = ident(&scheme.method_name);
    let description = scheme.description.clone().unwrap_or_default();
    let bearer = "sent as `Authorization: Bearer <token>`";
    let (how, parameters, credential) = match &scheme.kind {
        SchemeKind::Bearer => (
            format!("The token, {bearer} (security scheme `{name}`)."),
            quote!(token: impl Into<String>),
            quote!(Credential::Token(token.into())),
        ),
        SchemeKind::OAuth2 { .. } => (
            format!("An OAuth 2.0 access token, {bearer} (security scheme `{name}`)."),
            quote!(token: impl Into<String>),
            quote!(Credential::Token(token.into())),
        ),
        SchemeKind::OpenIdConnect { url } => (
            format!("An access token of the OpenID Connect provider `{url}`, {bearer} (security scheme `{name}`)."),
            quote!(token: impl Into<String>),
            quote!(Credential::Token(token.into())),
        ),
        SchemeKind::Basic => (
            format!("A user name and password, sent as `Authorization: Basic` (security scheme `{name}`)."),
            quote!(username: impl Into<String>, password: impl Into<String>),
            quote!(Credential::Basic {
                username: username.into(),
                password: password.into()
            }),
        ),
        SchemeKind::ApiKey { location, name: key } => {
            let place = match location {
                ApiKeyLocation::Header => format!("the `{key}` header"),
                ApiKeyLocation::Query => format!("the `{key}` query parameter"),
                ApiKeyLocation::Cookie => format!("the `{key}` cookie"),
            };
            (
                format!("The API key, sent in {place} (security scheme `{name}`)."),
                quote!(key: impl Into<String>),
                quote!(Credential::ApiKey(key.into())),
            )
        }
    };
    let docs = doc_attrs(&[&description, &how]);
    let client_credentials = match (&scheme.client_credentials_method, &scheme.kind) {
        (
            Some(second),
            SchemeKind::OAuth2 {
                token_url: Some(url),
                scopes,
            },
        ) => {
            let second = ident(second);
            let scopes = match scopes.as_slice() {
                [] => String::new(),
                scopes => format!(
                    " for the scopes {}",
                    scopes
                        .iter()
                        .map(|scope| format!("`{scope}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let docs = doc_attrs(&[&format!(
                "An OAuth 2.0 client id and secret: access tokens are obtained from `{url}` with the \
                 client-credentials grant{scopes}, and {bearer} (security scheme `{name}`)."
            )]);
            Some(quote! {
                #docs
                pub fn #second(self, client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
                    self.credential(#name, Credential::ClientCredentials {
                        client_id: client_id.into(),
                        client_secret: client_secret.into(),
                    })
                }
            })
        }
        _ => None,
    };
    quote! {
        #docs
        pub fn #method(self, #parameters) -> Self {
            self.credential(#name, #credential)
        }

        #client_credentials
    }
}
