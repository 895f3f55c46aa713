//! How `dbr` presents an operation's request: which fields are positional arguments, which are flags, and
//! what values they take. Lists of scalars are repeatable flags; fields that are objects, other lists or maps
//! are only reachable through `--json`.

use super::Lowerer;
use super::extensions::{CliExtension, RequestField, StdinEncoding, StdinExtension, unwrap_nullable};
use crate::diagnostic::Diagnostic;
use crate::ir::naming::{self, LIST_FLAGS, RESERVED_FLAGS, Scope, WAIT_FLAGS};
use crate::ir::{CliArg, CliStdin, CliValue, Operation, ParamLocationOrBody, TypeKind, TypeRef};

impl<'a> Lowerer<'a> {
    /// Positional arguments are `x-sdk-cli.positional` when given, otherwise the path parameters followed
    /// by the required scalar fields in spec order. Every other scalar field is a flag.
    pub(super) fn cli_args(
        &mut self,
        operation: &Operation,
        fields: &[RequestField],
        extension: Option<(CliExtension, String)>,
    ) -> Vec<CliArg> {
        let scalar: Vec<(&RequestField, CliValue)> = fields
            .iter()
            .filter_map(|field| self.cli_value(&field.ty).map(|value| (field, value)))
            .collect();
        let positional: Vec<String> = match extension.and_then(|(extension, at)| Some((extension.positional?, at))) {
            Some((names, at)) => self.check_positional(operation, fields, &scalar, names, &at),
            None => scalar
                .iter()
                .filter(|(field, _)| {
                    field.target == ParamLocationOrBody::Path
                        || (field.required
                            && !matches!(field.target, ParamLocationOrBody::Header | ParamLocationOrBody::Cookie))
                })
                .map(|(field, _)| field.name.clone())
                .collect(),
        };

        let mut flags = Scope::kebab();
        for reserved in RESERVED_FLAGS {
            flags.reserve(reserved);
        }
        if operation.cli_lists_items {
            LIST_FLAGS.iter().for_each(|reserved| flags.reserve(reserved));
        }
        if operation.wait.is_some() {
            WAIT_FLAGS.iter().for_each(|reserved| flags.reserve(reserved));
        }
        let mut args: Vec<CliArg> = positional
            .iter()
            .filter_map(|name| scalar.iter().find(|(field, _)| &field.name == name))
            .map(|(field, value)| {
                let help = self.help(field);
                cli_arg(field, value.clone(), true, naming::value_name(&field.name), help)
            })
            .collect();
        for (field, value) in &scalar {
            if !positional.contains(&field.name) {
                let mut candidate = naming::cli_name(&field.name);
                // The `limit` of a list request is its page size; `--limit` counts the items printed.
                if operation.cli_lists_items && candidate == "limit" {
                    candidate = "page-size".to_owned();
                }
                let flag = flags.claim(&candidate);
                let help = self.help(field);
                args.push(cli_arg(field, value.clone(), false, flag, help));
            }
        }
        // Lists of scalars are repeatable flags, never positional: a positional list would swallow the
        // arguments after it.
        for field in fields {
            if let Some(value) = self.cli_list_value(&field.ty) {
                let flag = flags.claim(&naming::cli_name(&field.name));
                let help = self.help(field);
                args.push(CliArg {
                    repeated: true,
                    ..cli_arg(field, value, false, flag, help)
                });
            }
        }
        args
    }

    /// Checks `x-sdk-cli.stdin`: the field and its alternatives are optional string fields of the body.
    pub(super) fn cli_stdin(&mut self, fields: &[RequestField], stdin: StdinExtension, at: &str) -> Option<CliStdin> {
        let mut sound = true;
        let names = std::iter::once((&stdin.field, format!("{at}/field"))).chain(
            stdin
                .unless
                .iter()
                .enumerate()
                .map(|(index, name)| (name, format!("{at}/unless/{index}"))),
        );
        for (name, name_at) in names {
            let problem = match fields.iter().find(|field| &field.name == name) {
                None => Some(format!("the request body has no field `{name}`")),
                Some(field) if field.target != ParamLocationOrBody::Body => {
                    Some(format!("`{name}` is not a body field"))
                }
                Some(field) if field.required => Some(format!("`{name}` is required, so it is always given")),
                Some(field) if *unwrap_nullable(&field.ty) != TypeRef::String => {
                    Some(format!("`{name}` is not a string field"))
                }
                Some(_) => None,
            };
            if let Some(problem) = problem {
                self.report(
                    Diagnostic::at(&name_at, problem)
                        .with_hint("`stdin` names optional string fields of the request body"),
                );
                sound = false;
            }
        }
        if stdin.unless.contains(&stdin.field) {
            self.report(
                Diagnostic::at(at, format!("`{}` is listed in its own `unless`", stdin.field))
                    .with_hint("`unless` lists the other fields that take its place"),
            );
            sound = false;
        }
        sound.then(|| CliStdin {
            field: stdin.field,
            unless: stdin.unless,
            base64: stdin.encoding == StdinEncoding::Base64,
            prompt: stdin.prompt,
        })
    }

    /// One line of help: the field's description, or for a `$ref` field (which cannot carry one) the
    /// description of its type.
    fn help(&self, field: &RequestField) -> String {
        let type_description = || {
            let name = unwrap_nullable(&field.ty).direct_name()?;
            self.types.get(name)?.description.as_deref()
        };
        field
            .description
            .as_deref()
            .or_else(type_description)
            .map(naming::first_sentence)
            .unwrap_or_default()
    }

    fn check_positional(
        &mut self,
        operation: &Operation,
        fields: &[RequestField],
        scalar: &[(&RequestField, CliValue)],
        names: Vec<String>,
        at: &str,
    ) -> Vec<String> {
        let mut kept = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            let item_at = format!("{at}/positional/{index}");
            if scalar.iter().any(|(field, _)| field.name == name) {
                if kept.contains(&name) {
                    self.report(
                        Diagnostic::at(&item_at, format!("`{name}` is listed twice"))
                            .with_hint("list each positional argument once"),
                    );
                } else {
                    kept.push(name);
                }
            } else if fields.iter().any(|field| field.name == name) {
                self.report(
                    Diagnostic::at(
                        &item_at,
                        format!("`{name}` is not a scalar field, so it cannot be positional"),
                    )
                    .with_hint("objects, lists and maps are given with --json"),
                );
            } else {
                self.report(
                    Diagnostic::at(&item_at, format!("`{}` has no request field `{name}`", operation.id))
                        .with_hint("positional arguments name request fields (path, query or body)"),
                );
            }
        }
        for param in operation.path_params.iter().filter(|param| param.from_config.is_none()) {
            if !kept.contains(&param.name) {
                self.report(
                    Diagnostic::at(at, format!("path parameter `{}` must be positional", param.name))
                        .with_hint("list every path parameter in `positional`"),
                );
            }
        }
        kept
    }

    /// The kind of value each item of a list field takes, if the items are scalars other than booleans
    /// (a list of flags `--x --x=false` would read badly and the API has none).
    fn cli_list_value(&self, ty: &TypeRef) -> Option<CliValue> {
        match unwrap_nullable(ty) {
            TypeRef::List(items) => self.cli_value(items).filter(|value| *value != CliValue::Boolean),
            _ => None,
        }
    }

    /// The kind of command-line value a field takes, if it is a scalar.
    fn cli_value(&self, ty: &TypeRef) -> Option<CliValue> {
        match unwrap_nullable(ty) {
            TypeRef::String => Some(CliValue::String),
            TypeRef::Bool => Some(CliValue::Boolean),
            TypeRef::I32 | TypeRef::I64 => Some(CliValue::Integer),
            TypeRef::F32 | TypeRef::F64 => Some(CliValue::Number),
            TypeRef::Named(name) => match &self.types.get(name)?.kind {
                TypeKind::Enum(def) => Some(CliValue::Enum(
                    def.variants.iter().map(|variant| variant.value.clone()).collect(),
                )),
                TypeKind::Newtype(newtype) => self.cli_value(&newtype.ty),
                _ => None,
            },
            _ => None,
        }
    }
}

fn cli_arg(field: &RequestField, value: CliValue, positional: bool, name: String, help: String) -> CliArg {
    CliArg {
        field: field.name.clone(),
        target: field.target,
        positional,
        name,
        value,
        repeated: false,
        required: field.required,
        help,
    }
}
