//! A compact, stable text form of the IR. The IR snapshot of the real spec uses it, so a reviewer sees what
//! a spec edit changes in services, operations and types before looking at generated Rust.

use std::fmt::{self, Write};

use super::{
    Api, CliArg, ContentKind, ExtraFields, Operation, PaginationStyle, Param, QueryStyle, RawResponse, Runtime,
    SchemeKind, ServiceClient, TypeDef, TypeKind, TypeOrigin, TypeRef, WaitSource,
};

pub fn dump(api: &Api) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_api(&mut out, api);
    out
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Named(name) => f.write_str(name),
            TypeRef::String => f.write_str("string"),
            TypeRef::Bool => f.write_str("bool"),
            TypeRef::I32 => f.write_str("i32"),
            TypeRef::I64 => f.write_str("i64"),
            TypeRef::F32 => f.write_str("f32"),
            TypeRef::F64 => f.write_str("f64"),
            TypeRef::Any => f.write_str("json"),
            TypeRef::Object => f.write_str("object"),
            TypeRef::List(inner) => write!(f, "[{inner}]"),
            TypeRef::Map(inner) => write!(f, "{{string: {inner}}}"),
            TypeRef::Nullable(inner) => write!(f, "{inner}?"),
        }
    }
}

fn write_api(out: &mut String, api: &Api) -> fmt::Result {
    writeln!(out, "api {:?} version {:?}", api.title, api.version)?;
    writeln!(out, "shared module {}", api.shared_module)?;
    writeln!(
        out,
        "runtime {}, base url {}",
        match api.runtime {
            Runtime::Generic => "generic",
            Runtime::Databricks => "databricks",
        },
        api.base_url.as_deref().unwrap_or("(none)")
    )?;
    for scheme in &api.security_schemes {
        let kind = match &scheme.kind {
            SchemeKind::Bearer => "bearer".to_owned(),
            SchemeKind::Basic => "basic".to_owned(),
            SchemeKind::ApiKey { location, name } => format!("api key {name} in {}", location.variant()),
            SchemeKind::OAuth2 { token_url, scopes } => match token_url {
                Some(url) => format!("oauth2 token, client credentials at {url} for [{}]", scopes.join(", ")),
                None => "oauth2 token".to_owned(),
            },
            SchemeKind::OpenIdConnect { url } => format!("openid connect token ({url})"),
        };
        let methods = match &scheme.client_credentials_method {
            Some(second) => format!("{}, {second}", scheme.method_name),
            None => scheme.method_name.clone(),
        };
        writeln!(out, "security scheme {}: {kind} (by {methods})", scheme.name)?;
    }
    for warning in &api.warnings {
        writeln!(
            out,
            "warning {} at {}",
            warning.message,
            warning.pointer.as_deref().unwrap_or_default()
        )?;
    }
    for service in &api.services {
        writeln!(out)?;
        writeln!(
            out,
            "service {} ({}module {}, type {}, cli {}, feature {}){}",
            service.tag,
            match service.client {
                ServiceClient::Workspace => String::new(),
                ServiceClient::Account => format!("account client, accessor {}, ", service.accessor),
            },
            service.module,
            service.type_name,
            service.cli_name,
            service.feature,
            service
                .group
                .as_ref()
                .map(|group| format!(", listed under {group}"))
                .unwrap_or_default()
        )?;
        for operation in &service.operations {
            write_operation(out, operation)?;
        }
    }
    for def in api.types.values() {
        writeln!(out)?;
        write_type(out, def)?;
    }
    Ok(())
}

fn write_operation(out: &mut String, operation: &Operation) -> fmt::Result {
    write!(
        out,
        "  {} {} {} [{}]",
        operation.method_name,
        operation.http_method.as_str(),
        operation.path,
        operation.id
    )?;
    if operation.id_derived {
        out.push_str(" id-derived");
    }
    if operation.idempotent {
        out.push_str(" idempotent");
    }
    if operation.deprecated {
        out.push_str(" deprecated");
    }
    out.push('\n');
    for param in operation
        .path_params
        .iter()
        .chain(&operation.query_params)
        .chain(&operation.header_params)
        .chain(&operation.cookie_params)
    {
        write_param(out, param)?;
    }
    if !operation.arguments.is_empty() {
        let names: Vec<&str> = operation
            .arguments
            .iter()
            .map(|param| param.rust_name.as_str())
            .collect();
        writeln!(out, "    arguments {}", names.join(", "))?;
    }
    if let Some(params) = &operation.params_type {
        writeln!(out, "    params type {params}")?;
    }
    if let Some(body) = &operation.body {
        writeln!(
            out,
            "    body {}{}",
            body.ty,
            if body.required { "" } else { " (optional)" }
        )?;
    }
    for content in &operation.content_bodies {
        let kind = match &content.kind {
            ContentKind::Bytes => "bytes".to_owned(),
            ContentKind::Text => "text".to_owned(),
            ContentKind::Form(ty) => format!("form {ty}"),
            ContentKind::Multipart { fields, files } => {
                let files: Vec<String> = files
                    .iter()
                    .map(|file| format!("{}{}", file.name, if file.required { "" } else { "?" }))
                    .collect();
                format!(
                    "multipart fields {}, files [{}]",
                    fields.as_deref().unwrap_or("(none)"),
                    files.join(", ")
                )
            }
        };
        writeln!(
            out,
            "    body {} {kind} by {}{}",
            content.media_type,
            content.method_name,
            if content.required { "" } else { " (optional)" }
        )?;
    }
    match (&operation.response, &operation.raw_response) {
        (Some(ty), _) => writeln!(out, "    response {ty}")?,
        (None, Some(RawResponse::Bytes { media_type })) => writeln!(out, "    response bytes {media_type}")?,
        (None, Some(RawResponse::Text { media_type })) => writeln!(out, "    response text {media_type}")?,
        (None, Some(RawResponse::Redirect)) => writeln!(out, "    response redirect (Location)")?,
        (None, None) => writeln!(out, "    response (no content)")?,
    }
    if let Some(answer) = &operation.answer_headers {
        let headers: Vec<String> = answer
            .headers
            .iter()
            .map(|header| format!("{} {}", header.name, header.kind.variant().to_lowercase()))
            .collect();
        let method = answer
            .with_body_method
            .as_ref()
            .map_or(String::new(), |method| format!(", with the body by {method}"));
        writeln!(
            out,
            "    answer headers {} in {}{method}",
            headers.join(", "),
            answer.type_name
        )?;
    }
    if let Some(form) = &operation.raw_form {
        let (kind, media_type) = match &form.response {
            RawResponse::Text { media_type } => ("text", media_type.as_str()),
            RawResponse::Bytes { media_type } => ("bytes", media_type.as_str()),
            RawResponse::Redirect => ("redirect", ""),
        };
        let sent =
            |value: &Option<serde_json::Value>| value.as_ref().map_or("left out".to_owned(), ToString::to_string);
        let selector = form.selector.as_ref().map_or(String::new(), |selector| {
            format!(
                ", selected by query {}: {} for JSON, {} for {kind}",
                selector.name,
                sent(&selector.json),
                sent(&selector.raw)
            )
        });
        writeln!(
            out,
            "    response also {kind} {media_type} by {}{selector}",
            form.method_name
        )?;
    }
    if let Some(error) = &operation.error {
        writeln!(out, "    error {error}")?;
    }
    writeln!(out, "    security {}", security(&operation.security))?;
    if let Some(pagination) = &operation.pagination {
        let style = match &pagination.style {
            PaginationStyle::Token {
                request_token,
                response_token,
                page_size,
            } => format!(
                "token {request_token} -> {response_token}{}",
                page_size
                    .as_ref()
                    .map(|size| format!(", page size {size}"))
                    .unwrap_or_default()
            ),
            PaginationStyle::Offset { offset, limit, id } => {
                format!("offset {offset}, limit {limit}{}", unique_by(id))
            }
            PaginationStyle::Scim {
                start_index,
                count,
                total,
                id,
            } => {
                format!(
                    "scim start {start_index}, count {count}, total {total}{}",
                    unique_by(id)
                )
            }
            PaginationStyle::NextRequest { next_request } => format!("next request in {next_request}"),
            PaginationStyle::None => "single page".to_owned(),
        };
        let place = if pagination.in_body { "body" } else { "query" };
        writeln!(
            out,
            "    {}: pages of {} ({}): {style}, in the {place}{}",
            pagination.method_name,
            pagination.items,
            pagination.item_type,
            if operation.cli_lists_items {
                ""
            } else {
                "; dbr prints the whole response"
            }
        )?;
    }
    if let Some(wait) = &operation.wait {
        let bind: Vec<String> = wait
            .bind
            .iter()
            .map(|binding| {
                let source = match binding.source {
                    WaitSource::Request => "request",
                    WaitSource::Response => "response",
                };
                format!(
                    "{} ({:?}) = {source}.{}",
                    binding.param, binding.location, binding.field
                )
            })
            .collect();
        writeln!(
            out,
            "    {}: wait via {} ({}) until {} in [{}], failing on [{}]{}",
            wait.method_name,
            wait.poll,
            bind.join(", "),
            wait.state.join("."),
            wait.success.join(", "),
            wait.failure.join(", "),
            wait.message
                .as_ref()
                .map(|message| format!(", message {}", message.join(".")))
                .unwrap_or_default()
        )?;
    }
    if !operation.sensitive_fields.is_empty() {
        writeln!(out, "    sensitive {}", operation.sensitive_fields.join(", "))?;
    }
    if operation.answers_nothing {
        writeln!(out, "    answers nothing (an empty body reads as {{}})")?;
    }
    if !operation.cli_args.is_empty() {
        let args: Vec<String> = operation.cli_args.iter().map(cli_arg).collect();
        writeln!(out, "    cli {} {}", operation.cli_name, args.join(" "))?;
    }
    if !operation.cli_columns.is_empty() {
        writeln!(out, "    columns {}", operation.cli_columns.join(" "))?;
    }
    if let Some(stdin) = &operation.cli_stdin {
        let encoding = if stdin.base64 { "base64" } else { "text" };
        let unless = stdin
            .unless
            .iter()
            .map(|field| format!(" unless {field}"))
            .collect::<String>();
        writeln!(out, "    stdin {} ({encoding}){unless}", stdin.field)?;
    }
    Ok(())
}

fn unique_by(id: &Option<String>) -> String {
    id.as_ref().map(|id| format!(", unique by {id}")).unwrap_or_default()
}

fn write_param(out: &mut String, param: &Param) -> fmt::Result {
    writeln!(
        out,
        "    {:?} {}{}: {}{}{}{}{}",
        param.location,
        param.name,
        rename(&param.name, &param.rust_name),
        param.ty,
        if param.required { " required" } else { "" },
        if param.style == QueryStyle::FormExploded {
            String::new()
        } else {
            format!(" style {}", param.style.variant())
        },
        if param.multi_segment { " multi-segment" } else { "" },
        match &param.from_config {
            Some(setting) => format!(" from config {setting}"),
            None => String::new(),
        }
    )
}

fn cli_arg(arg: &CliArg) -> String {
    match (arg.positional, arg.repeated) {
        (true, _) => arg.name.clone(),
        (false, false) => format!("[--{}]", arg.name),
        (false, true) => format!("[--{}...]", arg.name),
    }
}

fn rename(wire: &str, rust: &str) -> String {
    if wire == rust {
        String::new()
    } else {
        format!(" as {rust}")
    }
}

fn write_type(out: &mut String, def: &TypeDef) -> fmt::Result {
    let origin = match def.origin {
        TypeOrigin::Component => "component",
        TypeOrigin::Inline => "inline",
        TypeOrigin::Params => "params",
        TypeOrigin::AnswerHeaders => "answer headers",
    };
    let kind = match &def.kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::Enum(def) if def.integer => "integer enum",
        TypeKind::Enum(_) => "enum",
        TypeKind::Union(_) => "union",
        TypeKind::Newtype(_) => "newtype",
    };
    write!(
        out,
        "{kind} {} ({origin} at #{}, module {}",
        def.name, def.pointer, def.module
    )?;
    if def.derives_default {
        out.push_str(", default");
    }
    if def.deprecated {
        out.push_str(", deprecated");
    }
    out.push_str(")\n");
    match &def.kind {
        TypeKind::Struct(def) => {
            for field in &def.fields {
                write!(
                    out,
                    "  {}{}: {}",
                    field.name,
                    rename(&field.name, &field.rust_name),
                    field.ty
                )?;
                for (flag, text) in [
                    (field.required, " required"),
                    (field.boxed, " boxed"),
                    (field.sensitive, " sensitive"),
                    (field.deprecated, " deprecated"),
                ] {
                    if flag {
                        out.push_str(text);
                    }
                }
                if let Some(format) = &field.format {
                    write!(out, " format {format}")?;
                }
                if let Some(default) = &field.default {
                    write!(out, " default {default}")?;
                }
                out.push('\n');
            }
            match &def.extra {
                ExtraFields::Keep => writeln!(out, "  ..unknown fields kept")?,
                ExtraFields::Typed { field, ty } => writeln!(out, "  ..{field}: {{string: {ty}}}")?,
                ExtraFields::Reject => {}
            }
        }
        TypeKind::Enum(def) => {
            let values: Vec<String> = def
                .variants
                .iter()
                .map(|variant| format!("{}{}", variant.value, rename(&variant.value, &variant.rust_name)))
                .collect();
            writeln!(out, "  {}", values.join(", "))?;
        }
        TypeKind::Union(def) => {
            if let Some(discriminator) = &def.discriminator {
                writeln!(out, "  discriminated by {discriminator}")?;
            }
            for variant in &def.variants {
                write!(out, "  {}: {}", variant.rust_name, variant.ty)?;
                if !variant.tags.is_empty() {
                    write!(out, " when {}", variant.tags.join(" | "))?;
                }
                if variant.boxed {
                    out.push_str(" boxed");
                }
                out.push('\n');
            }
        }
        TypeKind::Newtype(def) => {
            writeln!(out, "  = {}{}", def.ty, if def.boxed { " boxed" } else { "" })?;
        }
    }
    Ok(())
}

/// `anonymous`, or the alternatives: `bearer | api_key + session | anonymous`.
fn security(alternatives: &[Vec<String>]) -> String {
    if alternatives.is_empty() {
        return "anonymous".to_owned();
    }
    alternatives
        .iter()
        .map(|names| match names.is_empty() {
            true => "anonymous".to_owned(),
            false => names.join(" + "),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
