//! Facts that need the whole type graph: which services use each type (and so its module), which fields
//! need `Box` to break by-value recursion, and which types can derive `Default`; and renaming a type
//! everywhere it is used.

use std::collections::{BTreeMap, BTreeSet};

use super::naming::Scope;
use super::{Api, ContentKind, ExtraFields, Field, TypeDef, TypeKind, TypeRef};

pub(super) fn complete(api: &mut Api) {
    assign_services(api);
    box_recursion(&mut api.types);
    mark_default(&mut api.types);
    collect_sensitive_fields(api);
    mark_empty_answers(api);
}

/// Renames types everywhere they are named: definitions, fields, alternatives, parameters, bodies,
/// responses, pagination items. `renames` maps old names to new, all applied at once.
pub(super) fn rename_types(api: &mut Api, renames: &BTreeMap<String, String>) {
    if renames.is_empty() {
        return;
    }
    let rename = |ty: &mut TypeRef| rename_ref(ty, renames);
    let types = std::mem::take(&mut api.types);
    for (name, mut def) in types {
        let name = renames.get(&name).cloned().unwrap_or(name);
        def.name = name.clone();
        match &mut def.kind {
            TypeKind::Struct(def) => {
                def.fields.iter_mut().for_each(|field| rename(&mut field.ty));
                if let ExtraFields::Typed { ty, .. } = &mut def.extra {
                    rename(ty);
                }
            }
            TypeKind::Union(def) => def.variants.iter_mut().for_each(|variant| rename(&mut variant.ty)),
            TypeKind::Newtype(def) => rename(&mut def.ty),
            TypeKind::Enum(_) => {}
        }
        api.types.insert(name, def);
    }
    for operation in api.services.iter_mut().flat_map(|service| &mut service.operations) {
        let params = operation
            .path_params
            .iter_mut()
            .chain(&mut operation.query_params)
            .chain(&mut operation.header_params)
            .chain(&mut operation.cookie_params)
            .chain(&mut operation.arguments);
        params.for_each(|param| rename(&mut param.ty));
        if let Some(body) = &mut operation.body {
            rename(&mut body.ty);
        }
        for content in &mut operation.content_bodies {
            match &mut content.kind {
                ContentKind::Form(ty) => rename(ty),
                ContentKind::Multipart { fields: Some(name), .. } => {
                    if let Some(new) = renames.get(name) {
                        *name = new.clone();
                    }
                }
                _ => {}
            }
        }
        operation.response.iter_mut().for_each(rename);
        operation.error.iter_mut().for_each(rename);
        if let Some(pagination) = &mut operation.pagination {
            rename(&mut pagination.item_type);
        }
    }
}

fn rename_ref(ty: &mut TypeRef, renames: &BTreeMap<String, String>) {
    match ty {
        TypeRef::Named(name) => {
            if let Some(new) = renames.get(name) {
                *name = new.clone();
            }
        }
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => rename_ref(inner, renames),
        _ => {}
    }
}

/// Marks operations whose response object declares no field at all.
fn mark_empty_answers(api: &mut Api) {
    let types = &api.types;
    for service in &mut api.services {
        for operation in &mut service.operations {
            operation.answers_nothing = match &operation.response {
                Some(TypeRef::Named(name)) => types
                    .get(name)
                    .is_some_and(|def| matches!(&def.kind, TypeKind::Struct(def) if def.fields.is_empty())),
                _ => false,
            };
        }
    }
}

/// Records, per operation, the `x-sdk-sensitive` property names its body or response can hold at any depth,
/// so the runtime's debug log redacts exactly those.
fn collect_sensitive_fields(api: &mut Api) {
    let types = &api.types;
    for service in &mut api.services {
        for operation in &mut service.operations {
            let mut pending = Vec::new();
            for ty in operation.body_types() {
                ty.names(&mut pending);
            }
            if let Some(response) = &operation.response {
                response.names(&mut pending);
            }
            let mut seen = BTreeSet::new();
            let mut sensitive = BTreeSet::new();
            while let Some(name) = pending.pop() {
                if !seen.insert(name.clone()) {
                    continue;
                }
                let Some(def) = types.get(&name) else { continue };
                if let TypeKind::Struct(def) = &def.kind {
                    sensitive.extend(
                        def.fields
                            .iter()
                            .filter(|field| field.sensitive)
                            .map(|field| field.name.clone()),
                    );
                }
                referenced_types(def, &mut pending);
            }
            operation.sensitive_fields = sensitive.into_iter().collect();
        }
    }
}

/// A type used by one service lives in that service's module; a type used by several (or none) lives in
/// the shared module. Per-service features (a later step) follow the same sets.
fn assign_services(api: &mut Api) {
    let mut modules = Scope::snake();
    for service in &api.services {
        modules.reserve(&service.module);
    }
    api.shared_module = modules.claim("common");

    let mut users: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for service in &api.services {
        let mut pending: Vec<String> = Vec::new();
        for operation in &service.operations {
            pending.extend(operation.params_type.iter().cloned());
            pending.extend(operation.answer_headers.iter().map(|answer| answer.type_name.clone()));
            for param in &operation.arguments {
                param.ty.names(&mut pending);
            }
            for ty in operation.body_types() {
                ty.names(&mut pending);
            }
            for ty in operation.response.iter().chain(&operation.error) {
                ty.names(&mut pending);
            }
        }
        let mut seen = BTreeSet::new();
        while let Some(name) = pending.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if let Some(def) = api.types.get(&name) {
                referenced_types(def, &mut pending);
            }
            users.entry(name).or_default().insert(service.module.clone());
        }
    }
    for (name, def) in &mut api.types {
        def.services = users.remove(name).unwrap_or_default();
        def.module = match def.services.iter().next() {
            Some(only) if def.services.len() == 1 => only.clone(),
            _ => api.shared_module.clone(),
        };
    }
}

fn referenced_types(def: &TypeDef, into: &mut Vec<String>) {
    match &def.kind {
        TypeKind::Struct(def) => {
            for field in &def.fields {
                field.ty.names(into);
            }
            if let ExtraFields::Typed { ty, .. } = &def.extra {
                ty.names(into);
            }
        }
        TypeKind::Union(def) => def.variants.iter().for_each(|variant| variant.ty.names(into)),
        TypeKind::Newtype(def) => def.ty.names(into),
        TypeKind::Enum(_) => {}
    }
}

/// Edges of by-value containment: a field, variant or newtype holding a named type directly (an `Option`
/// adds no indirection; a `Vec` or map does).
fn by_value_targets(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct(def) => def.fields.iter().filter_map(|field| field.ty.direct_name()).collect(),
        TypeKind::Union(def) => def
            .variants
            .iter()
            .filter_map(|variant| variant.ty.direct_name())
            .collect(),
        TypeKind::Newtype(def) => def.ty.direct_name().into_iter().collect(),
        TypeKind::Enum(_) => Vec::new(),
    }
}

/// Boxes every by-value edge inside a strongly connected component: that breaks every cycle, and only
/// edges on some cycle pay for the allocation.
fn box_recursion(types: &mut BTreeMap<String, TypeDef>) {
    let component = strongly_connected_components(types);
    let same_component =
        |from: &str, to: &str| component.contains_key(from) && component.get(from) == component.get(to);
    let recursive: BTreeSet<String> = types
        .values()
        .filter(|def| {
            by_value_targets(def)
                .iter()
                .any(|target| same_component(&def.name, target))
        })
        .map(|def| def.name.clone())
        .collect();
    for name in recursive {
        let Some(def) = types.get(&name) else { continue };
        let mut kind = def.kind.clone();
        match &mut kind {
            TypeKind::Struct(def) => {
                for field in &mut def.fields {
                    field.boxed = field
                        .ty
                        .direct_name()
                        .is_some_and(|target| same_component(&name, target));
                }
            }
            TypeKind::Union(def) => {
                for variant in &mut def.variants {
                    variant.boxed = variant
                        .ty
                        .direct_name()
                        .is_some_and(|target| same_component(&name, target));
                }
            }
            TypeKind::Newtype(def) => {
                def.boxed = def.ty.direct_name().is_some_and(|target| same_component(&name, target));
            }
            TypeKind::Enum(_) => {}
        }
        if let Some(def) = types.get_mut(&name) {
            def.kind = kind;
        }
    }
}

/// Tarjan's algorithm, iterative so deep type chains cannot overflow the stack. Returns a component id per
/// type; types are visited in name order, so ids are deterministic.
fn strongly_connected_components(types: &BTreeMap<String, TypeDef>) -> BTreeMap<String, usize> {
    struct State<'t> {
        index: BTreeMap<&'t str, usize>,
        low: BTreeMap<&'t str, usize>,
        on_stack: BTreeSet<&'t str>,
        stack: Vec<&'t str>,
        component: BTreeMap<String, usize>,
        next_index: usize,
        next_component: usize,
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on_stack: BTreeSet::new(),
        stack: Vec::new(),
        component: BTreeMap::new(),
        next_index: 0,
        next_component: 0,
    };
    let edges: BTreeMap<&str, Vec<&str>> = types
        .values()
        .map(|def| {
            let targets = by_value_targets(def)
                .into_iter()
                .filter(|target| types.contains_key(*target))
                .collect();
            (def.name.as_str(), targets)
        })
        .collect();
    for root in edges.keys() {
        if state.index.contains_key(root) {
            continue;
        }
        // Each frame: the node and how many of its edges have been followed.
        let mut frames: Vec<(&str, usize)> = vec![(root, 0)];
        state.index.insert(root, state.next_index);
        state.low.insert(root, state.next_index);
        state.next_index += 1;
        state.stack.push(root);
        state.on_stack.insert(root);
        while let Some(frame) = frames.last_mut() {
            let node = frame.0;
            if let Some(&target) = edges[node].get(frame.1) {
                frame.1 += 1;
                if !state.index.contains_key(target) {
                    state.index.insert(target, state.next_index);
                    state.low.insert(target, state.next_index);
                    state.next_index += 1;
                    state.stack.push(target);
                    state.on_stack.insert(target);
                    frames.push((target, 0));
                } else if state.on_stack.contains(target) {
                    let low = state.low[node].min(state.index[target]);
                    state.low.insert(node, low);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                let low = state.low[parent].min(state.low[node]);
                state.low.insert(parent, low);
            }
            if state.low[node] == state.index[node] {
                while let Some(member) = state.stack.pop() {
                    state.on_stack.remove(member);
                    state.component.insert(member.to_owned(), state.next_component);
                    if member == node {
                        break;
                    }
                }
                state.next_component += 1;
            }
        }
    }
    state.component
}

/// A struct derives `Default` when `Default` builds a value the spec allows without inventing anything:
/// every required field is nullable (`None` is the `null` the spec permits) or has a spec `default` that is
/// exactly its type's natural default (`false`, `0`, `""`, `[]`, `{}`). A required field with no such
/// default (a name, an id, an enum) has no honest empty value, so its struct is built with `new(...)`.
/// A newtype follows the type it wraps. Enums and unions have none. Computed as a greatest fixpoint so
/// recursive structs work.
fn mark_default(types: &mut BTreeMap<String, TypeDef>) {
    let mut defaultable: BTreeSet<String> = types
        .values()
        .filter(|def| matches!(def.kind, TypeKind::Struct(_) | TypeKind::Newtype(_)))
        .map(|def| def.name.clone())
        .collect();
    loop {
        let before = defaultable.len();
        let failing: Vec<String> = defaultable
            .iter()
            .filter(|name| {
                let Some(def) = types.get(*name) else { return true };
                match &def.kind {
                    TypeKind::Struct(def) => def
                        .fields
                        .iter()
                        .any(|field| field.required && !required_field_defaults(field, &defaultable)),
                    TypeKind::Newtype(def) => !has_default(&def.ty, &defaultable),
                    _ => true,
                }
            })
            .cloned()
            .collect();
        for name in failing {
            defaultable.remove(&name);
        }
        if defaultable.len() == before {
            break;
        }
    }
    for (name, def) in types.iter_mut() {
        def.derives_default = defaultable.contains(name);
    }
}

fn has_default(ty: &TypeRef, defaultable: &BTreeSet<String>) -> bool {
    match ty {
        TypeRef::Named(name) => defaultable.contains(name),
        _ => true,
    }
}

/// Whether a required field's `Default` is what the spec says it is when nothing else is known.
fn required_field_defaults(field: &Field, defaultable: &BTreeSet<String>) -> bool {
    match (&field.ty, &field.default) {
        (TypeRef::Nullable(_), None | Some(serde_json::Value::Null)) => true,
        (ty, Some(default)) => is_natural_default(ty, default, defaultable),
        (_, None) => false,
    }
}

/// Whether `value` is what Rust's `Default` of `ty` serialises to.
fn is_natural_default(ty: &TypeRef, value: &serde_json::Value, defaultable: &BTreeSet<String>) -> bool {
    use serde_json::Value;
    match (ty, value) {
        (TypeRef::String, Value::String(text)) => text.is_empty(),
        (TypeRef::Bool, Value::Bool(flag)) => !flag,
        (TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64, Value::Number(number)) => {
            number.as_f64() == Some(0.0)
        }
        (TypeRef::List(_), Value::Array(items)) => items.is_empty(),
        (TypeRef::Map(_) | TypeRef::Object, Value::Object(map)) => map.is_empty(),
        (TypeRef::Any | TypeRef::Nullable(_), Value::Null) => true,
        // A struct whose every field is optional serialises its `Default` as `{}`.
        (TypeRef::Named(name), Value::Object(map)) => map.is_empty() && defaultable.contains(name),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{StructDef, TypeOrigin};

    fn field(name: &str, ty: TypeRef, required: bool) -> Field {
        Field::new(name, name.to_owned(), ty, required)
    }

    fn object(name: &str, fields: Vec<Field>) -> TypeDef {
        TypeDef {
            name: name.into(),
            pointer: String::new(),
            origin: TypeOrigin::Component,
            description: None,
            deprecated: false,
            kind: TypeKind::Struct(StructDef {
                fields,
                extra: ExtraFields::Keep,
            }),
            services: BTreeSet::new(),
            module: String::new(),
            derives_default: false,
        }
    }

    fn named(name: &str) -> TypeRef {
        TypeRef::Named(name.into())
    }

    #[test]
    fn only_fields_on_a_cycle_are_boxed() {
        let mut types = BTreeMap::new();
        for def in [
            object(
                "Node",
                vec![field("next", named("Node"), false), field("leaf", named("Leaf"), false)],
            ),
            object(
                "Leaf",
                vec![field("list", TypeRef::List(Box::new(named("Node"))), false)],
            ),
            object("A", vec![field("b", named("B"), false)]),
            object("B", vec![field("a", TypeRef::Nullable(Box::new(named("A"))), true)]),
        ] {
            types.insert(def.name.clone(), def);
        }
        box_recursion(&mut types);
        let boxed = |ty: &str, field: &str| match &types[ty].kind {
            TypeKind::Struct(def) => def.fields.iter().find(|f| f.name == field).unwrap().boxed,
            _ => unreachable!(),
        };
        assert!(boxed("Node", "next"));
        assert!(!boxed("Node", "leaf"), "Leaf reaches Node only through a Vec");
        assert!(boxed("A", "b"));
        assert!(boxed("B", "a"));
    }

    #[test]
    fn default_needs_defaultable_required_fields() {
        let mut types = BTreeMap::new();
        let state = TypeDef {
            kind: TypeKind::Enum(crate::ir::EnumDef {
                variants: vec![],
                integer: false,
            }),
            ..object("State", vec![])
        };
        for def in [
            state,
            object("WithEnum", vec![field("state", named("State"), true)]),
            object("WithOptionalEnum", vec![field("state", named("State"), false)]),
            object("Outer", vec![field("inner", named("WithEnum"), true)]),
            object("WithName", vec![field("name", TypeRef::String, true)]),
            object(
                "WithDefaults",
                vec![
                    field("note", TypeRef::Nullable(Box::new(TypeRef::String)), true),
                    Field {
                        default: Some(serde_json::json!(false)),
                        ..field("flag", TypeRef::Bool, true)
                    },
                    Field {
                        default: Some(serde_json::json!(0)),
                        ..field("size", TypeRef::F64, true)
                    },
                    Field {
                        default: Some(serde_json::json!([])),
                        ..field("tags", TypeRef::List(Box::new(TypeRef::String)), true)
                    },
                ],
            ),
            object(
                "WithOtherDefault",
                vec![Field {
                    default: Some(serde_json::json!(20)),
                    ..field("limit", TypeRef::I64, true)
                }],
            ),
        ] {
            types.insert(def.name.clone(), def);
        }
        mark_default(&mut types);
        assert!(!types["WithEnum"].derives_default);
        assert!(
            !types["WithName"].derives_default,
            "a required string has no honest empty value"
        );
        assert!(types["WithDefaults"].derives_default);
        assert!(
            !types["WithOtherDefault"].derives_default,
            "Default would give 0, the spec says 20"
        );
        assert!(types["WithOptionalEnum"].derives_default);
        assert!(!types["Outer"].derives_default);
        assert!(!types["State"].derives_default);
    }
}
