//! The CLI crate: a static table of services, commands and arguments, and a dispatch function that calls
//! the typed client. Parsing, merging `--json`, printing and exit codes are in the runtime's `cli` module.

use proc_macro2::TokenStream;
use quote::quote;

use super::Settings;
use super::client::{PathParamKind, path_param_kind};
use super::models::ident;
use crate::ir::naming::first_sentence;
use crate::ir::{Api, CliArg, CliValue, Operation, ParamLocationOrBody, Service, TypeRef};

pub(super) fn emit(api: &Api, settings: &Settings) -> Vec<(String, TokenStream)> {
    vec![
        ("commands".to_owned(), commands(api, settings)),
        ("dispatch".to_owned(), dispatch(api, settings)),
    ]
}

fn commands(api: &Api, settings: &Settings) -> TokenStream {
    let binary = &settings.cli_binary;
    let about = format!("Command line for the {} (version {}).", api.title, api.version);
    let services = api.services.iter().map(service_spec);
    // `ArgSpec` and friends are named only when some command has arguments.
    let has_args = api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .any(|operation| !operation.cli_args.is_empty());
    let imports = if has_args {
        quote!(
            use databricks_runtime::cli::{App, ArgSpec, CommandSpec, JsonInput, ServiceSpec, Target, ValueKind};
        )
    } else {
        quote!(
            use databricks_runtime::cli::{App, CommandSpec, JsonInput, ServiceSpec};
        )
    };
    quote! {
        //! The command tree of the CLI, one entry per operation of the spec.

        #imports

        pub static APP: App = App {
            binary: #binary,
            about: #about,
            version: env!("CARGO_PKG_VERSION"),
            services: &[#(#services),*],
            dispatch: crate::dispatch::dispatch,
        };
    }
}

fn service_spec(service: &Service) -> TokenStream {
    let name = &service.cli_name;
    let about = service.description.as_deref().map(first_sentence).unwrap_or_default();
    let commands = service.operations.iter().map(command_spec);
    quote! {
        ServiceSpec {
            name: #name,
            about: #about,
            commands: &[#(#commands),*],
        }
    }
}

fn command_spec(operation: &Operation) -> TokenStream {
    let name = &operation.cli_name;
    let id = &operation.id;
    let about = operation.summary.clone().unwrap_or_default();
    let long_about = operation.description.clone().unwrap_or_default();
    let json = if operation.body.is_some() {
        quote!(JsonInput::Body)
    } else if operation.params_type.is_some() {
        quote!(JsonInput::Params)
    } else {
        quote!(JsonInput::None)
    };
    let args = operation.cli_args.iter().map(arg_spec);
    quote! {
        CommandSpec {
            name: #name,
            operation: #id,
            about: #about,
            long_about: #long_about,
            json: #json,
            args: &[#(#args),*],
        }
    }
}

fn arg_spec(arg: &CliArg) -> TokenStream {
    let field = &arg.field;
    let name = &arg.name;
    let target = match arg.target {
        ParamLocationOrBody::Path => quote!(Target::Path),
        ParamLocationOrBody::Query => quote!(Target::Query),
        ParamLocationOrBody::Header => quote!(Target::Header),
        ParamLocationOrBody::Body => quote!(Target::Body),
    };
    let positional = arg.positional;
    let value = match &arg.value {
        CliValue::String => quote!(ValueKind::String),
        CliValue::Integer => quote!(ValueKind::Integer),
        CliValue::Number => quote!(ValueKind::Number),
        CliValue::Boolean => quote!(ValueKind::Boolean),
        CliValue::Enum(values) => quote!(ValueKind::Enum(&[#(#values),*])),
    };
    let required = arg.required;
    let help = &arg.help;
    quote! {
        ArgSpec {
            field: #field,
            name: #name,
            target: #target,
            positional: #positional,
            value: #value,
            required: #required,
            help: #help,
        }
    }
}

fn dispatch(api: &Api, settings: &Settings) -> TokenStream {
    let client_crate = ident(&settings.client_crate().replace('-', "_"));
    let arms = api.services.iter().flat_map(|service| {
        service
            .operations
            .iter()
            .map(move |operation| dispatch_arm(api, service, operation))
    });
    // Model types are named only to parse enum-typed path parameters.
    let uses_models = api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .any(|operation| {
            operation
                .path_params
                .iter()
                .any(|param| matches!(path_param_kind(api, param), PathParamKind::Enum(_)))
        });
    let models = uses_models.then(|| quote!(use #client_crate::models;));
    // A spec whose operations take no input never reads the request.
    let takes_input = api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .any(|operation| {
            !operation.path_params.is_empty() || operation.params_type.is_some() || operation.body.is_some()
        });
    let request = if takes_input {
        ident("request")
    } else {
        ident("_request")
    };
    quote! {
        //! Calls the client method of each command.

        use #client_crate::Client;
        #models
        use databricks_runtime::cli::{BoxFuture, CliError, Request, respond};

        /// Runs the operation `operation` with the arguments in `request`.
        #[allow(deprecated, reason = "the CLI offers every operation, deprecated ones included")]
        pub fn dispatch(
            runtime: databricks_runtime::Client,
            operation: &'static str,
            #request: Request,
        ) -> BoxFuture<Result<serde_json::Value, CliError>> {
            let client = Client::from_runtime(runtime);
            Box::pin(async move {
                match operation {
                    #(#arms)*
                    other => Err(CliError::Usage(format!("`{other}` is not an operation of this CLI"))),
                }
            })
        }
    }
}

fn dispatch_arm(api: &Api, service: &Service, operation: &Operation) -> TokenStream {
    let id = &operation.id;
    let accessor = ident(&service.module);
    let method = ident(&operation.method_name);
    let mut arguments = Vec::new();
    for param in &operation.path_params {
        let wire = &param.name;
        arguments.push(match path_param_kind(api, param) {
            PathParamKind::Copy(ty) => quote!(request.path::<#ty>(#wire)?),
            PathParamKind::Enum(name) => {
                let ty = ident(&name);
                quote!(&request.path::<models::#ty>(#wire)?)
            }
            PathParamKind::Text => quote!(&request.path::<String>(#wire)?),
        });
    }
    if operation.params_type.is_some() {
        arguments.push(quote!(&request.params()?));
    }
    match &operation.body {
        // The client borrows a list body as a slice; read it as a Vec.
        Some(body) if matches!(body.ty, TypeRef::List(_)) => arguments.push(quote!(&request.body::<Vec<_>>()?)),
        Some(_) => arguments.push(quote!(&request.body()?)),
        None => {}
    }
    quote! {
        #id => respond(client.#accessor().#method(#(#arguments),*).await),
    }
}
