//! Crate scaffolding from the minijinja templates in `templates/` (embedded at build time).

use minijinja::Environment;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::{RUST_PREAMBLE, Settings};
use crate::diagnostic::Diagnostic;
use crate::ir::{Api, Runtime, ServiceClient};

/// `(output path, template source)`. The template's name is its output path.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "models/Cargo.toml",
        include_str!("../../../templates/models/Cargo.toml.jinja"),
    ),
    (
        "models/README.md",
        include_str!("../../../templates/models/README.md.jinja"),
    ),
    (
        "models/src/lib.rs",
        include_str!("../../../templates/models/lib.rs.jinja"),
    ),
    (
        "client/Cargo.toml",
        include_str!("../../../templates/client/Cargo.toml.jinja"),
    ),
    (
        "client/README.md",
        include_str!("../../../templates/client/README.md.jinja"),
    ),
    (
        "client/src/lib.rs",
        include_str!("../../../templates/client/lib.rs.jinja"),
    ),
    (
        "cli/Cargo.toml",
        include_str!("../../../templates/cli/Cargo.toml.jinja"),
    ),
    ("cli/README.md", include_str!("../../../templates/cli/README.md.jinja")),
    ("cli/src/main.rs", include_str!("../../../templates/cli/main.rs.jinja")),
];

const WORKSPACE_TEMPLATE: (&str, &str) = (
    "Cargo.toml",
    include_str!("../../../templates/workspace/Cargo.toml.jinja"),
);

#[derive(Serialize)]
struct Context<'a> {
    title: String,
    api_version: &'a str,
    crate_version: &'a str,
    models_crate: String,
    client_crate: String,
    cli_crate: String,
    models_ident: String,
    client_ident: String,
    cli_binary: &'a str,
    /// The Databricks layer: Databricks configuration in the docs, and a CLI crate.
    databricks: bool,
    runtime_package: &'static str,
    runtime_ident: &'static str,
    /// From a generated crate's directory to the runtime package's.
    runtime_path: String,
    /// The generic client's items after the template's own (`Client`, its builder, the schemes), as Rust.
    client_items: String,
    transfer_path: Option<&'a str>,
    modules: Vec<ModuleContext<'a>>,
    services: Vec<ServiceContext<'a>>,
    /// The services of each client, for the docs.
    workspace_services: Vec<ServiceContext<'a>>,
    account_services: Vec<ServiceContext<'a>>,
    preamble: &'static str,
}

/// A module of the models crate, and the feature that gates it (`None` for the shared module).
#[derive(Serialize)]
struct ModuleContext<'a> {
    name: &'a str,
    feature: Option<&'a str>,
}

#[derive(Clone, Serialize)]
struct ServiceContext<'a> {
    feature: &'a str,
    module: &'a str,
    accessor: &'a str,
    type_name: &'a str,
    tag: &'a str,
    cli_name: &'a str,
}

pub(super) fn emit(api: &Api, settings: &Settings) -> Vec<(String, Result<String, Diagnostic>)> {
    let mut module_names: Vec<&str> = api.types.values().map(|def| def.module.as_str()).collect();
    module_names.sort();
    module_names.dedup();
    let modules = module_names
        .into_iter()
        .map(|name| ModuleContext {
            name,
            feature: api
                .services
                .iter()
                .find(|service| service.module == name)
                .map(|service| service.feature.as_str()),
        })
        .collect();
    let services: Vec<ServiceContext> = api
        .services
        .iter()
        .map(|service| ServiceContext {
            feature: &service.feature,
            module: &service.module,
            accessor: &service.accessor,
            type_name: &service.type_name,
            tag: &service.tag,
            cli_name: &service.cli_name,
        })
        .collect();
    let clients: Vec<(ServiceContext, ServiceClient)> = services
        .iter()
        .cloned()
        .zip(api.services.iter().map(|service| service.client))
        .collect();
    let context = Context {
        // Titles end up in `//!` lines and TOML strings: keep them on one line and free of quotes.
        title: api
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('"', "'"),
        api_version: &api.version,
        crate_version: &settings.version,
        models_crate: settings.models_crate(),
        client_crate: settings.client_crate(),
        cli_crate: settings.cli_crate(),
        models_ident: settings.models_crate().replace('-', "_"),
        client_ident: settings.client_crate().replace('-', "_"),
        cli_binary: &settings.cli_binary,
        databricks: api.runtime == Runtime::Databricks,
        runtime_package: api.runtime.package(),
        runtime_ident: api.runtime.crate_name(),
        runtime_path: match api.runtime {
            Runtime::Databricks => settings.runtime_path.clone(),
            Runtime::Generic => format!("{}/core", settings.runtime_path),
        },
        client_items: match api.runtime {
            Runtime::Databricks => String::new(),
            Runtime::Generic => super::client::generic_client_items(api).to_string(),
        },
        transfer_path: settings.transfer_path.as_deref(),
        modules,
        services: services.clone(),
        workspace_services: clients
            .iter()
            .filter(|(_, client)| *client == ServiceClient::Workspace)
            .map(|(service, _)| service.clone())
            .collect(),
        account_services: clients
            .iter()
            .filter(|(_, client)| *client == ServiceClient::Account)
            .map(|(service, _)| service.clone())
            .collect(),
        preamble: RUST_PREAMBLE.trim_start_matches("// "),
    };
    // The CLI reads Databricks configuration profiles: only the Databricks layer has one.
    let mut templates: Vec<(&str, &str)> = TEMPLATES
        .iter()
        .filter(|(path, _)| api.runtime == Runtime::Databricks || !path.starts_with("cli/"))
        .copied()
        .collect();
    if settings.standalone_workspace {
        templates.push(WORKSPACE_TEMPLATE);
    }
    let mut environment = Environment::new();
    // `{% for %}` lines leave no blank line behind, and files keep their final newline.
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        environment.set_syntax(syntax);
    }
    let context = Value::from(Serde(&context));
    templates
        .into_iter()
        .map(|(path, source)| {
            let rendered = environment
                .template_from_named_str(path, source)
                .and_then(|template| template.render(&context))
                .map_err(|error| {
                    Diagnostic::new(format!("internal error: template for {path} failed: {error}"))
                        .with_hint("check the template's syntax in templates/")
                });
            (path.to_owned(), rendered)
        })
        .collect()
}
