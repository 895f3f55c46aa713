//! The CLI crate: a static table of services, commands and arguments, and a dispatch function that calls
//! the typed client. Parsing, merging `--json`, printing and exit codes are in the runtime's `cli` module.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::client::{ArgumentKind, argument_kind};
use super::models::{ident, rust_type};
use super::{Settings, feature_gate};
use crate::ir::naming::first_sentence;
use crate::ir::{
    Api, CliArg, CliValue, ContentBody, ContentKind, Operation, ParamLocation, ParamLocationOrBody, RawResponse,
    Service, ServiceClient, TypeRef,
};

/// The body the operation's own method (the one `dbr` calls) takes when it is not JSON.
fn own_content(operation: &Operation) -> Option<&ContentBody> {
    operation.content_bodies.first().filter(|_| operation.body.is_none())
}

/// `commands.rs`: the command tree.
pub(super) fn commands(api: &Api, settings: &Settings) -> TokenStream {
    let binary = &settings.cli_binary;
    let about = format!("Command line for the {} (version {}).", api.title, api.version);
    let services = api.services.iter().map(|service| {
        let gate = feature_gate(api, [&service.module]);
        let spec = service_spec(service);
        quote!(#gate #spec)
    });
    let arg_imports = gated_use(
        api,
        |operation| !operation.cli_args.is_empty(),
        quote!(databricks_runtime::cli::{ArgSpec, Target, ValueKind}),
    );
    let imports = quote! {
        use databricks_runtime::cli::{App, CommandSpec, JsonInput, ServiceSpec};
        #arg_imports
    };
    // Without a service the command line would have nothing to run: say so, instead of a screen of
    // unused-code warnings.
    let features = api.services.iter().map(|service| service.feature.as_str());
    let message = format!("enable at least one service feature of `{binary}` (the default enables all)");
    let needs_a_service = (!api.services.is_empty()).then(|| {
        quote! {
            #[cfg(not(any(#(feature = #features),*)))]
            compile_error!(#message);
        }
    });
    quote! {
        //! The command tree of the CLI, one entry per operation of the spec.

        #imports
        #needs_a_service

        pub static APP: App = App {
            binary: #binary,
            about: #about,
            version: env!("CARGO_PKG_VERSION"),
            services: &[#(#services),*],
        };
    }
}

/// `use #path;` for names only some operations need (`uses`), compiled only with a service that has one
/// of them, so a CLI built with other services has no unused import; nothing if no service does.
fn gated_use(api: &Api, uses: impl Fn(&Operation) -> bool, path: TokenStream) -> Option<TokenStream> {
    gated_service_use(api, |service| service.operations.iter().any(&uses), path)
}

/// `use #path;` compiled only with a service that `uses` it.
fn gated_service_use(api: &Api, uses: impl Fn(&Service) -> bool, path: TokenStream) -> Option<TokenStream> {
    let modules: Vec<&String> = api
        .services
        .iter()
        .filter(|service| uses(service))
        .map(|service| &service.module)
        .collect();
    (!modules.is_empty()).then(|| {
        let gate = feature_gate(api, modules);
        quote!(#gate use #path;)
    })
}

fn service_spec(service: &Service) -> TokenStream {
    let name = &service.cli_name;
    let dispatch = ident(&service.module);
    let about = service.description.as_deref().map(first_sentence).unwrap_or_default();
    let commands = service.operations.iter().map(command_spec);
    let group = service.group.as_deref().unwrap_or_default();
    let account = service.client == ServiceClient::Account;
    quote! {
        ServiceSpec {
            name: #name,
            about: #about,
            group: #group,
            account: #account,
            commands: &[#(#commands),*],
            dispatch: crate::dispatch::#dispatch,
        }
    }
}

fn command_spec(operation: &Operation) -> TokenStream {
    let name = &operation.cli_name;
    let id = &operation.id;
    let about = operation.summary.clone().unwrap_or_default();
    let long_about = operation.description.clone().unwrap_or_default();
    let content = own_content(operation);
    let json_content = content.is_some_and(|content| match &content.kind {
        ContentKind::Form(_) => true,
        ContentKind::Multipart { fields, .. } => fields.is_some(),
        ContentKind::Bytes | ContentKind::Text => false,
    });
    let uploads: Vec<TokenStream> = match content.map(|content| (&content.kind, content)) {
        Some((ContentKind::Bytes | ContentKind::Text, content)) => {
            let required = content.required;
            let help = format!("The request body, sent as `{}`", content.media_type);
            vec![quote!(databricks_runtime::cli::Upload { name: "body", required: #required, help: #help })]
        }
        Some((ContentKind::Multipart { files, .. }, _)) => files
            .iter()
            .map(|file| {
                let name = &file.name;
                let required = file.required;
                let help = file
                    .description
                    .as_deref()
                    .map(first_sentence)
                    .unwrap_or_else(|| format!("The file part `{name}`"));
                quote!(databricks_runtime::cli::Upload { name: #name, required: #required, help: #help })
            })
            .collect(),
        _ => Vec::new(),
    };
    let json = if operation.body.is_some() || json_content {
        quote!(JsonInput::Body)
    } else if !operation.query_params.is_empty()
        || !operation.header_params.is_empty()
        || !operation.cookie_params.is_empty()
    {
        quote!(JsonInput::Params)
    } else {
        quote!(JsonInput::None)
    };
    let args = operation.cli_args.iter().map(arg_spec);
    let list = operation.cli_lists_items;
    let columns = &operation.cli_columns;
    let waits = operation.wait.is_some();
    let stdin = match &operation.cli_stdin {
        Some(stdin) => {
            let (field, unless, base64, prompt) = (&stdin.field, &stdin.unless, stdin.base64, &stdin.prompt);
            quote!(Some(databricks_runtime::cli::StdinField {
                field: #field,
                unless: &[#(#unless),*],
                base64: #base64,
                prompt: #prompt,
            }))
        }
        None => quote!(None),
    };
    quote! {
        CommandSpec {
            name: #name,
            operation: #id,
            about: #about,
            long_about: #long_about,
            json: #json,
            args: &[#(#args),*],
            list: #list,
            columns: &[#(#columns),*],
            waits: #waits,
            stdin: #stdin,
            uploads: &[#(#uploads),*],
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
        ParamLocationOrBody::Cookie => quote!(Target::Cookie),
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
    let repeated = arg.repeated;
    let required = arg.required;
    let help = &arg.help;
    quote! {
        ArgSpec {
            field: #field,
            name: #name,
            target: #target,
            positional: #positional,
            value: #value,
            repeated: #repeated,
            required: #required,
            help: #help,
        }
    }
}

/// `dispatch.rs`: the client method each command calls.
pub(super) fn dispatch(api: &Api, settings: &Settings) -> TokenStream {
    let client_crate = ident(&settings.client_crate().replace('-', "_"));
    let items_import = gated_use(
        api,
        |operation| operation.cli_lists_items,
        quote!(databricks_runtime::cli::respond_items),
    );
    let bytes_import = gated_use(
        api,
        |operation| matches!(operation.raw_response, Some(RawResponse::Bytes { .. })),
        quote!(databricks_runtime::cli::respond_bytes),
    );
    let text_import = gated_use(
        api,
        |operation| {
            matches!(
                operation.raw_response,
                Some(RawResponse::Text { .. } | RawResponse::Redirect)
            )
        },
        quote!(databricks_runtime::cli::respond_text),
    );
    // `respond` answers JSON (or nothing); an API whose every answer is raw does not use it.
    let respond_import = gated_use(
        api,
        |operation| operation.raw_response.is_none() && !(operation.cli_lists_items && operation.pagination.is_some()),
        quote!(databricks_runtime::cli::respond),
    );
    let client_import = gated_service_use(
        api,
        |service| service.client == ServiceClient::Workspace,
        quote!(#client_crate::Client),
    );
    let functions = api
        .services
        .iter()
        .map(|service| service_dispatch(api, &client_crate, service));
    quote! {
        //! Calls the client method of each command: one function per service, named after its module.

        #client_import
        use databricks_runtime::cli::{BoxFuture, CliError, Output, Request};
        #respond_import
        #items_import
        #bytes_import
        #text_import

        #(#functions)*
    }
}

fn service_dispatch(api: &Api, client_crate: &Ident, service: &Service) -> TokenStream {
    let name = ident(&service.module);
    let gate = feature_gate(api, [&service.module]);
    let doc = format!(
        " Runs the `{}` operation `operation` with the arguments in `request`.",
        service.tag
    );
    let arms = service
        .operations
        .iter()
        .map(|operation| dispatch_arm(api, client_crate, service, operation));
    // A service whose operations take no input and never wait does not read the request.
    let takes_input = service.operations.iter().any(|operation| {
        !operation.arguments.is_empty()
            || operation.params_type.is_some()
            || operation.body.is_some()
            || !operation.content_bodies.is_empty()
            || operation.wait.is_some()
    });
    let account = service.client == ServiceClient::Account;
    let request = if takes_input || account {
        ident("request")
    } else {
        ident("_request")
    };
    // An account service's calls name the account of the configuration `dbr account` was run with.
    let (account_id, client) = if account {
        (
            quote!(let account_id = request.account_id();),
            quote!(let client = #client_crate::AccountClient::from_runtime(runtime, account_id?);),
        )
    } else {
        (quote!(), quote!(let client = Client::from_runtime(runtime);))
    };
    quote! {
        #[doc = #doc]
        #gate
        #[allow(deprecated, reason = "the CLI offers every operation, deprecated ones included")]
        pub fn #name(
            runtime: databricks_runtime::Client,
            operation: &'static str,
            #request: Request,
        ) -> BoxFuture<Result<Output, CliError>> {
            #account_id
            Box::pin(async move {
                #client
                match operation {
                    #(#arms)*
                    other => Err(CliError::Usage(format!("`{other}` is not an operation of this CLI"))),
                }
            })
        }
    }
}

fn dispatch_arm(api: &Api, client_crate: &Ident, service: &Service, operation: &Operation) -> TokenStream {
    let id = &operation.id;
    let accessor = ident(&service.accessor);
    let method = ident(&operation.method_name);
    let models = |name: &str| {
        let ty = ident(name);
        quote!(#client_crate::models::#ty)
    };
    let mut arguments = Vec::new();
    for param in &operation.arguments {
        let wire = &param.name;
        // Path values are text to parse; query and header values are JSON (from a flag or --json) to
        // decode, numbers in their wire forms.
        let read = match param.location {
            ParamLocation::Path => quote!(path),
            _ if param.ty.holds_number() => quote!(query_number),
            _ => quote!(query),
        };
        arguments.push(match argument_kind(api, param) {
            ArgumentKind::Copy(ty) => quote!(request.#read::<#ty>(#wire)?),
            ArgumentKind::Enum(name) => {
                let ty = models(&name);
                quote!(&request.#read::<#ty>(#wire)?)
            }
            ArgumentKind::Text => quote!(&request.#read::<String>(#wire)?),
            ArgumentKind::Borrowed(ty) => {
                let ty = rust_type(&ty, &models);
                quote!(&request.#read::<#ty>(#wire)?)
            }
        });
    }
    // The parameter struct has no field for the parameters given as arguments, and refuses unknown ones;
    // with no struct, the same check is made on its own.
    let plain: Vec<&str> = operation
        .arguments
        .iter()
        .filter(|param| param.location != ParamLocation::Path)
        .map(|param| param.name.as_str())
        .collect();
    let check = match operation.params_type {
        Some(_) => {
            arguments.push(quote!(&request.params(&[#(#plain),*])?));
            None
        }
        None => (!plain.is_empty()).then(|| quote!(request.no_other_params(&[#(#plain),*])?;)),
    };
    match &operation.body {
        // The client borrows a list body as a slice; read it as a Vec.
        Some(body) if matches!(body.ty, TypeRef::List(_)) => arguments.push(quote!(&request.body::<Vec<_>>()?)),
        Some(_) => arguments.push(quote!(&request.body()?)),
        None => {}
    }
    match own_content(operation).map(|content| &content.kind) {
        Some(ContentKind::Bytes | ContentKind::Text) => arguments.push(quote!(request.upload("body")?)),
        Some(ContentKind::Form(TypeRef::List(_))) => arguments.push(quote!(&request.body::<Vec<_>>()?)),
        Some(ContentKind::Form(_)) => arguments.push(quote!(&request.body()?)),
        Some(ContentKind::Multipart { fields, files }) => {
            if fields.is_some() {
                arguments.push(quote!(&request.body()?));
            }
            for file in files {
                let name = &file.name;
                arguments.push(if file.required {
                    quote!(request.upload(#name)?)
                } else {
                    quote!(request.optional_upload(#name)?)
                });
            }
        }
        None => {}
    }
    let respond = match &operation.raw_response {
        Some(RawResponse::Bytes { .. }) => quote!(respond_bytes),
        Some(RawResponse::Text { .. } | RawResponse::Redirect) => quote!(respond_text),
        None => quote!(respond),
    };
    // A list prints every item of every page; a long-running operation is waited for unless the user
    // said `--no-wait`.
    let call = if let Some(pagination) = operation.pagination.as_ref().filter(|_| operation.cli_lists_items) {
        let all = ident(&pagination.method_name);
        quote!(respond_items(client.#accessor().#all(#(#arguments),*)))
    } else if let Some(wait) = &operation.wait {
        let and_wait = ident(&wait.method_name);
        quote! {
            match request.wait() {
                Some(wait) => respond(client.#accessor().#and_wait(#(#arguments,)* wait).await),
                None => #respond(client.#accessor().#method(#(#arguments),*).await),
            }
        }
    } else {
        quote!(#respond(client.#accessor().#method(#(#arguments),*).await))
    };
    match check {
        Some(check) => quote!(#id => { #check #call }),
        None => quote!(#id => #call,),
    }
}
