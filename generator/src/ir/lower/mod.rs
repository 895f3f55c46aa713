//! Lowering: `openapiv3` document → [`Api`]. This is the one place that knows OpenAPI's quirks.
//!
//! Stages, in order: name every component schema (so references resolve before anything is lowered);
//! lower the components; lower each operation (inline schemas get names derived from where they appear);
//! resolve the `x-sdk-*` extensions, which need the finished request and response types; complete the
//! shapes of union alternatives, which need every type; then the graph pass. Problems are collected, not
//! thrown, so a maintainer sees all of them at once.

mod cli;
mod extensions;
mod operation;
mod schema;
mod security;
mod servers;
mod union;

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::ReferenceOr;

use super::naming::{self, Scope};
use super::{Api, Runtime, Service, ServiceClient, TypeDef, TypeKind, TypeRef};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Spec, escape_pointer_token};
use crate::timings::{Phase, Timings};

/// The root extension choosing the runtime.
const RUNTIME_EXTENSION: &str = "x-sdk-runtime";

/// The service that collects operations without a tag.
const UNTAGGED_SERVICE: &str = "default";

pub fn lower(spec: &Spec) -> Result<Api, Diagnostics> {
    lower_timed(spec, &mut Timings::default())
}

/// [`lower`], adding the time of the document-wide checks to [`Phase::Validate`] and the rest to
/// [`Phase::Lower`].
pub fn lower_timed(spec: &Spec, timings: &mut Timings) -> Result<Api, Diagnostics> {
    let problems = timings.time(Phase::Validate, || {
        let mut problems = crate::validate::check_operation_ids(&spec.document);
        for problem in crate::validate::check_path_templates(&spec.document).0 {
            problems.push(problem);
        }
        problems
    });
    if !problems.is_empty() {
        return Err(located(spec, problems));
    }
    timings.time(Phase::Lower, || lower_checked(spec))
}

/// Lowers a document that passed the document-wide checks.
fn lower_checked(spec: &Spec) -> Result<Api, Diagnostics> {
    let mut lowerer = Lowerer::new(spec);
    let runtime = lowerer.runtime();
    lowerer.runtime = runtime;
    let security_schemes = lowerer.lower_security_schemes();
    lowerer.root_security = match &spec.document.security {
        Some(requirements) => lowerer.security_requirements(requirements, "/security"),
        None => Vec::new(),
    };
    lowerer.name_components();
    lowerer.lower_components();
    lowerer.break_hollow_cycles();
    let services = lowerer.lower_services();
    lowerer.complete_unions();
    let renames = lowerer.name_shared_types();
    let Lowerer {
        problems,
        types,
        warnings,
        ..
    } = lowerer;
    if !problems.is_empty() {
        return Err(located(spec, problems));
    }
    let warnings = located(spec, warnings).0;
    let document = &spec.document;
    let mut api = Api {
        title: document.info.title.clone(),
        version: document.info.version.clone(),
        description: document.info.description.clone(),
        services,
        warnings,
        types,
        shared_module: String::new(),
        runtime,
        base_url: servers::base_url(document),
        security_schemes,
    };
    super::graph::rename_types(&mut api, &renames);
    super::graph::complete(&mut api);
    Ok(api)
}

fn located(spec: &Spec, mut problems: Diagnostics) -> Diagnostics {
    spec.attach_locations(&mut problems);
    problems
}

/// State shared by the lowering stages.
pub(super) struct Lowerer<'a> {
    document: &'a openapiv3::OpenAPI,
    problems: Diagnostics,
    /// What was left out; see [`Api::warnings`].
    warnings: Diagnostics,
    types: BTreeMap<String, TypeDef>,
    /// Every Rust type name handed out so far.
    type_names: Scope,
    /// `components/schemas` key → Rust type name.
    components: BTreeMap<String, String>,
    /// Components marked `nullable: true`: every reference to them may be `null`.
    nullable_components: BTreeSet<String>,
    /// Components whose `allOf` is being merged, to report cycles instead of recursing forever.
    merging: Vec<String>,
    /// Inline schemas already lowered, by pointer.
    inline_types: BTreeMap<String, TypeRef>,
    /// The structural identity of every inline type → its name: an identical schema elsewhere is that type.
    inline_identities: BTreeMap<String, String>,
    /// Every place each inline type is written, for naming the types several places share.
    shared_places: BTreeMap<String, Vec<schema::SharedPlace>>,
    /// The operationId of every operation, by pointer, with whether it was derived (the spec gives none).
    operation_ids: BTreeMap<String, (String, bool)>,
    /// Extensions of each operation (by id), checked once all operations are lowered.
    pending_extensions: BTreeMap<String, extensions::OperationExtensions>,
    /// Every key of `components.securitySchemes`.
    defined_schemes: BTreeSet<String>,
    /// The layer the spec selects (`x-sdk-runtime`), read first.
    runtime: Runtime,
    /// The document's `security`: what an operation without its own accepts.
    root_security: Vec<Vec<String>>,
}

impl<'a> Lowerer<'a> {
    fn new(spec: &'a Spec) -> Self {
        Lowerer {
            document: &spec.document,
            problems: Diagnostics::default(),
            warnings: Diagnostics::default(),
            types: BTreeMap::new(),
            type_names: Scope::camel(),
            components: BTreeMap::new(),
            nullable_components: BTreeSet::new(),
            merging: Vec::new(),
            inline_types: BTreeMap::new(),
            inline_identities: BTreeMap::new(),
            shared_places: BTreeMap::new(),
            operation_ids: operation_ids(&spec.document),
            pending_extensions: BTreeMap::new(),
            defined_schemes: BTreeSet::new(),
            runtime: Runtime::Generic,
            root_security: Vec::new(),
        }
    }

    /// The root `x-sdk-runtime`: `databricks` selects the Databricks layer; without it a spec is generic.
    fn runtime(&mut self) -> Runtime {
        match self.document.extensions.get(RUNTIME_EXTENSION) {
            None => Runtime::Generic,
            Some(serde_json::Value::String(value)) if value == "databricks" => Runtime::Databricks,
            Some(other) => {
                self.report(
                    Diagnostic::at(
                        &format!("/{RUNTIME_EXTENSION}"),
                        format!("`{RUNTIME_EXTENSION}` is {other}; the only runtime it can name is `databricks`"),
                    )
                    .with_hint(format!(
                        "remove `{RUNTIME_EXTENSION}` for a generic client (base URL from `servers`, credentials \
                         from `securitySchemes`), or write `{RUNTIME_EXTENSION}: databricks` for the Databricks layer"
                    )),
                );
                Runtime::Generic
            }
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    fn warn(&mut self, diagnostic: Diagnostic) {
        self.warnings.push(diagnostic.as_warning());
    }

    /// Component names are claimed first, in sorted order, so they never depend on where an inline schema
    /// happens to appear.
    fn name_components(&mut self) {
        let Some(components) = &self.document.components else {
            return;
        };
        let mut keys: Vec<&String> = components.schemas.keys().collect();
        keys.sort();
        for key in keys {
            let rust_name = self.type_names.claim(&naming::type_name(key));
            self.components.insert(key.clone(), rust_name);
            if let Some(ReferenceOr::Item(schema)) = components.schemas.get(key)
                && schema.schema_data.nullable
            {
                self.nullable_components.insert(key.clone());
            }
        }
    }

    fn lower_components(&mut self) {
        let Some(components) = &self.document.components else {
            return;
        };
        let mut entries: Vec<(&String, &ReferenceOr<openapiv3::Schema>)> = components.schemas.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (key, schema) in entries {
            let pointer = format!("/components/schemas/{}", escape_pointer_token(key));
            let rust_name = self.components[key].clone();
            match schema {
                ReferenceOr::Item(schema) => self.define_component(&rust_name, &pointer, schema),
                ReferenceOr::Reference { reference } => {
                    // `Alias: {$ref: Other}` is a second name for the same type.
                    let target = self.reference_type(reference, &pointer);
                    self.insert_newtype(&rust_name, &pointer, None, target);
                }
            }
        }
    }

    /// Reports schemas that are only references going round in a circle (`A: {$ref: B}`, `B: {$ref: A}`,
    /// or `C: {$ref: C}`): they describe no value at all, and following them would never end. Each is
    /// then made an untyped value so the later stages, which follow aliases, stay finite.
    fn break_hollow_cycles(&mut self) {
        let aliases: Vec<String> = self
            .types
            .iter()
            .filter(|(_, def)| matches!(def.kind, TypeKind::Newtype(_)))
            .map(|(name, _)| name.clone())
            .collect();
        let mut broken: BTreeSet<String> = BTreeSet::new();
        for start in aliases {
            if broken.contains(&start) {
                continue;
            }
            let mut path = vec![start.clone()];
            let mut current = start.clone();
            let cycle = loop {
                let Some(TypeKind::Newtype(newtype)) = self.types.get(&current).map(|def| &def.kind) else {
                    break None;
                };
                let Some(next) = alias_target(&newtype.ty) else {
                    break None;
                };
                if let Some(index) = path.iter().position(|seen| seen == next) {
                    break Some(path[index..].to_vec());
                }
                current = next.to_owned();
                path.push(current.clone());
            };
            let Some(cycle) = cycle else {
                continue;
            };
            let first = cycle.iter().min().cloned().unwrap_or_default();
            let pointer = self.types[&first].pointer.clone();
            let around = cycle
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(" → ");
            self.report(
                Diagnostic::at(
                    &pointer,
                    format!("`{first}` is only a reference that comes back to itself ({around} → `{first}`)"),
                )
                .with_hint("give one of these schemas a type or properties, or point the `$ref` at the real schema"),
            );
            for name in cycle {
                if let Some(TypeKind::Newtype(newtype)) = self.types.get_mut(&name).map(|def| &mut def.kind) {
                    newtype.ty = TypeRef::Any;
                    newtype.boxed = false;
                }
                broken.insert(name);
            }
        }
    }

    /// Operations grouped into services by their first tag; services ordered by name, operations by method.
    fn lower_services(&mut self) -> Vec<Service> {
        let mut by_tag: BTreeMap<String, Vec<super::Operation>> = BTreeMap::new();
        let mut method_names: BTreeMap<String, Scope> = BTreeMap::new();
        for (path, method, operation) in super::operations_of(self.document) {
            let tag = operation
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| UNTAGGED_SERVICE.to_owned());
            let scope = method_names.entry(tag.clone()).or_insert_with(Scope::snake);
            if let Some(lowered) = self.lower_operation(path, method, operation, &tag, scope) {
                by_tag.entry(tag).or_default().push(lowered);
            }
        }
        for (path, item) in &self.document.paths.paths {
            if let ReferenceOr::Reference { .. } = item {
                self.report(
                    Diagnostic::at(
                        &format!("/paths/{}", escape_pointer_token(path)),
                        "a path item that is a `$ref` is not supported",
                    )
                    .with_hint("write the path's operations inline"),
                );
            }
        }
        self.resolve_extensions(&mut by_tag, &mut method_names);

        let mut modules = Scope::snake();
        for reserved in naming::RESERVED_MODULES {
            modules.reserve(reserved);
        }
        let mut type_names = Scope::camel();
        for reserved in naming::RESERVED_CLIENT_TYPES {
            type_names.reserve(reserved);
        }
        let mut cli_names = Scope::kebab();
        for reserved in naming::RESERVED_CLI_COMMANDS {
            cli_names.reserve(reserved);
        }
        let mut features = Scope::kebab();
        for reserved in naming::RESERVED_FEATURES {
            features.reserve(reserved);
        }
        // Account services are reached from their own client and CLI group, so their short names are
        // claimed apart from the workspace's.
        let mut account_accessors = Scope::snake();
        let mut account_cli_names = Scope::kebab();
        let services: Vec<Service> = by_tag
            .into_iter()
            .map(|(tag, mut operations)| {
                operations.sort_by(|a, b| a.method_name.cmp(&b.method_name));
                let client = self.tag_client(&tag);
                self.check_config_parameters(&tag, client, &operations);
                let module = modules.claim(&naming::field_name(&tag));
                let (accessor, cli_name) = match client {
                    ServiceClient::Workspace => (module.clone(), cli_names.claim(&naming::cli_name(&tag))),
                    ServiceClient::Account => {
                        let short = tag
                            .strip_prefix("account-")
                            .filter(|rest| !rest.is_empty())
                            .unwrap_or(&tag);
                        (
                            account_accessors.claim(&naming::field_name(short)),
                            account_cli_names.claim(&naming::cli_name(short)),
                        )
                    }
                };
                Service {
                    client,
                    module,
                    accessor,
                    type_name: type_names.claim(&naming::type_name(&tag)),
                    cli_name,
                    feature: features.claim(&naming::cli_name(&tag)),
                    description: self.tag_description(&tag),
                    group: self.tag_group(&tag),
                    tag,
                    operations,
                }
            })
            .collect();
        services
    }

    /// `x-sdk-client` of the tag: `account` for a service of the account API. Only the Databricks layer has an
    /// account client.
    fn tag_client(&mut self, tag: &str) -> ServiceClient {
        let Some((index, found)) = self
            .document
            .tags
            .iter()
            .enumerate()
            .find(|(_, candidate)| candidate.name == tag)
        else {
            return ServiceClient::Workspace;
        };
        let at = format!("/tags/{index}/x-sdk-client");
        match found.extensions.get("x-sdk-client") {
            None => ServiceClient::Workspace,
            Some(serde_json::Value::String(client)) if client == "workspace" => ServiceClient::Workspace,
            Some(serde_json::Value::String(client)) if client == "account" => {
                if self.runtime != Runtime::Databricks {
                    self.report(
                        Diagnostic::at(&at, "`x-sdk-client: account` needs the Databricks layer").with_hint(
                            "an account client exists only for a spec marked `x-sdk-runtime: databricks`; drop the \
                             extension",
                        ),
                    );
                    return ServiceClient::Workspace;
                }
                ServiceClient::Account
            }
            Some(other) => {
                self.report(
                    Diagnostic::at(
                        &at,
                        format!("`x-sdk-client` must be `workspace` or `account`, found `{other}`"),
                    )
                    .with_hint("write `x-sdk-client: account` on the tag of an account-level service"),
                );
                ServiceClient::Workspace
            }
        }
    }

    /// A parameter filled from the configuration (`x-sdk-config`) is only possible where a client holds that
    /// setting: in an account service.
    fn check_config_parameters(&mut self, tag: &str, client: ServiceClient, operations: &[super::Operation]) {
        if client == ServiceClient::Account {
            return;
        }
        for operation in operations {
            for param in operation.path_params.iter().filter(|param| param.from_config.is_some()) {
                self.report(
                    Diagnostic::at(
                        &operation.pointer,
                        format!(
                            "path parameter `{}` is filled from the configuration, but service `{tag}` is not an \
                             account service",
                            param.name
                        ),
                    )
                    .with_hint("mark the tag `x-sdk-client: account`, or drop `x-sdk-config` from the parameter"),
                );
            }
        }
    }

    /// `x-sdk-group` of the tag: the heading `dbr --help` lists the service under.
    fn tag_group(&mut self, tag: &str) -> Option<String> {
        let (index, found) = self
            .document
            .tags
            .iter()
            .enumerate()
            .find(|(_, candidate)| candidate.name == tag)?;
        let at = format!("/tags/{index}/x-sdk-group");
        match found.extensions.get("x-sdk-group")? {
            serde_json::Value::String(group) if !group.trim().is_empty() => Some(group.trim().to_owned()),
            _ => {
                self.report(
                    Diagnostic::at(&at, "`x-sdk-group` must be a non-empty string").with_hint(
                        "name the heading `dbr --help` lists this service under, e.g. `x-sdk-group: Compute`",
                    ),
                );
                None
            }
        }
    }

    fn tag_description(&self, tag: &str) -> Option<String> {
        self.document
            .tags
            .iter()
            .find(|candidate| candidate.name == tag)
            .and_then(|candidate| candidate.description.clone())
    }
}

/// The operationId of every operation, by pointer. One the spec leaves out is derived from the method and
/// path, numbered if that name is already an operationId, so every operation has a unique one.
fn operation_ids(document: &openapiv3::OpenAPI) -> BTreeMap<String, (String, bool)> {
    let declared = |operation: &openapiv3::Operation| operation.operation_id.clone().filter(|id| !id.is_empty());
    let mut taken = Scope::camel();
    for (_, _, operation) in super::operations_of(document) {
        if let Some(id) = declared(operation) {
            taken.reserve(&id);
        }
    }
    super::operations_of(document)
        .into_iter()
        .map(|(path, method, operation)| {
            let pointer = format!("/paths/{}/{method}", escape_pointer_token(path));
            let id = match declared(operation) {
                Some(id) => (id, false),
                None => (taken.claim(&naming::derived_operation_id(method, path)), true),
            };
            (pointer, id)
        })
        .collect()
}

/// The type an alias stands for, when that is another named type (through `nullable`).
fn alias_target(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        TypeRef::Nullable(inner) => alias_target(inner),
        _ => None,
    }
}
