//! Union alternatives told apart. Once every type is lowered, each alternative of a union gets its shape:
//! what JSON it can be (kind, property names, required properties, single-value tags, string values,
//! formats and patterns). The runtime gives a value only to alternatives that can be it, best fit first.
//!
//! An alternative that can never be chosen is a diagnostic, not a silent guess. The rule: alternative B is
//! unreachable when an earlier alternative A accepts every value B accepts and fits each at least as well
//! (ties go to the earlier one). Structurally, A shadows B when they have the same kind and
//! - objects: the same tags, A requires nothing B does not, and A declares every property of B with the
//!   same type (and takes B's typed extra keys);
//! - enums: A lists every value of B; constrained strings: the same format and pattern;
//! - lists and maps: the same item type (different item types are told apart by their items; an empty one
//!   goes to the first);
//! - strings, integers, numbers, booleans, untyped values: always.
//!
//! An integer alternative is preferred to a number one for integral values, a constrained string to a
//! plain one, an object to a map, and anything to an untyped value, so none of those pairs shadow.

use std::collections::BTreeMap;

use super::Lowerer;
use crate::diagnostic::Diagnostic;
use crate::ir::{ExtraFields, TypeDef, TypeKind, TypeRef, UnionShape, UnionVariant};

impl Lowerer<'_> {
    /// Completes the shape of every union alternative and reports those that can never be chosen.
    pub(super) fn complete_unions(&mut self) {
        let unions: Vec<String> = self
            .types
            .values()
            .filter(|def| matches!(def.kind, TypeKind::Union(_)))
            .map(|def| def.name.clone())
            .collect();
        for name in unions {
            let Some(TypeKind::Union(union)) = self.types.get(&name).map(|def| &def.kind) else {
                continue;
            };
            let shapes: Vec<UnionShape> = union
                .variants
                .iter()
                .map(|variant| match &variant.shape {
                    UnionShape::Text { .. } => variant.shape.clone(),
                    _ => shape_of(&variant.ty, &self.types, 0),
                })
                .collect();
            let mut variants = union.variants.clone();
            for (variant, shape) in variants.iter_mut().zip(shapes) {
                variant.shape = shape;
            }
            if union.discriminator.is_none() {
                for diagnostic in unreachable_alternatives(&variants, &self.types) {
                    self.report(diagnostic);
                }
            }
            if let Some(TypeKind::Union(union)) = self.types.get_mut(&name).map(|def| &mut def.kind) {
                union.variants = variants;
            }
        }
    }
}

fn unreachable_alternatives(variants: &[UnionVariant], types: &BTreeMap<String, TypeDef>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (later, shadowed) in variants.iter().enumerate() {
        let Some(earlier) = variants[..later]
            .iter()
            .find(|earlier| shadows(earlier, shadowed, types))
        else {
            continue;
        };
        found.push(
            Diagnostic::at(
                &shadowed.pointer,
                format!(
                    "alternative `{}` can never be chosen: `{}` before it accepts every value it accepts",
                    shadowed.rust_name, earlier.rust_name
                ),
            )
            .with_hint(format!(
                "tell them apart: add a `discriminator`, or give each alternative a tag (a property whose \
                 `enum` has one value), different required properties, or a different type or string format \
                 (`{}` was declared at #{})",
                earlier.rust_name, earlier.pointer
            )),
        );
    }
    found
}

/// Whether `earlier` takes every value `later` takes, fitting each at least as well.
fn shadows(earlier: &UnionVariant, later: &UnionVariant, types: &BTreeMap<String, TypeDef>) -> bool {
    match (&earlier.shape, &later.shape) {
        (
            UnionShape::Object {
                required: required_a,
                tags: tags_a,
                open: open_a,
                ..
            },
            UnionShape::Object {
                required: required_b,
                tags: tags_b,
                open: open_b,
                ..
            },
        ) => {
            let same_tags = tags_a.len() == tags_b.len() && tags_a.iter().all(|tag| tags_b.contains(tag));
            let (Some(fields_a), Some(fields_b)) = (struct_of(&earlier.ty, types), struct_of(&later.ty, types)) else {
                return false;
            };
            same_tags
                && required_a.iter().all(|name| required_b.contains(name))
                && (*open_a || !*open_b)
                && fields_b.fields.iter().all(|field_b| {
                    fields_a
                        .fields
                        .iter()
                        .any(|field_a| field_a.name == field_b.name && field_a.ty == field_b.ty)
                })
                && match (&fields_a.extra, &fields_b.extra) {
                    (ExtraFields::Typed { ty: a, .. }, ExtraFields::Typed { ty: b, .. }) => a == b,
                    _ => true,
                }
        }
        (UnionShape::Enum(values_a), UnionShape::Enum(values_b)) => {
            values_b.iter().all(|value| values_a.contains(value))
        }
        (UnionShape::List, UnionShape::List) | (UnionShape::Map, UnionShape::Map) => {
            item_type(&earlier.ty, types) == item_type(&later.ty, types)
        }
        (a @ UnionShape::Text { .. }, b @ UnionShape::Text { .. }) => a == b,
        (UnionShape::String, UnionShape::String)
        | (UnionShape::Integer, UnionShape::Integer)
        | (UnionShape::Number, UnionShape::Number)
        | (UnionShape::Boolean, UnionShape::Boolean)
        | (UnionShape::Any, UnionShape::Any) => true,
        _ => false,
    }
}

/// The struct a type is, through newtypes.
fn struct_of<'t>(ty: &TypeRef, types: &'t BTreeMap<String, TypeDef>) -> Option<&'t crate::ir::StructDef> {
    match types.get(resolve(ty, types)?.direct_name()?).map(|def| &def.kind) {
        Some(TypeKind::Struct(def)) => Some(def),
        _ => None,
    }
}

/// The item type of a list or map, through newtypes.
fn item_type<'t>(ty: &'t TypeRef, types: &'t BTreeMap<String, TypeDef>) -> Option<&'t TypeRef> {
    match resolve(ty, types)? {
        TypeRef::List(item) | TypeRef::Map(item) => Some(item),
        _ => None,
    }
}

/// `ty` with newtypes unwrapped; `None` past a few levels (a cycle of newtypes).
fn resolve<'t>(mut ty: &'t TypeRef, types: &'t BTreeMap<String, TypeDef>) -> Option<&'t TypeRef> {
    for _ in 0..8 {
        match ty {
            TypeRef::Named(name) => match types.get(name).map(|def| &def.kind) {
                Some(TypeKind::Newtype(def)) => ty = &def.ty,
                _ => return Some(ty),
            },
            _ => return Some(ty),
        }
    }
    None
}

fn shape_of(ty: &TypeRef, types: &BTreeMap<String, TypeDef>, depth: usize) -> UnionShape {
    match ty {
        TypeRef::String => UnionShape::String,
        TypeRef::Bool => UnionShape::Boolean,
        TypeRef::I32 | TypeRef::I64 => UnionShape::Integer,
        TypeRef::F32 | TypeRef::F64 => UnionShape::Number,
        TypeRef::List(_) => UnionShape::List,
        TypeRef::Map(_) | TypeRef::Object => UnionShape::Map,
        TypeRef::Any | TypeRef::Nullable(_) => UnionShape::Any,
        // Newtypes can only chain a few levels; stop rather than follow a cycle.
        TypeRef::Named(_) if depth > 8 => UnionShape::Any,
        TypeRef::Named(name) => match types.get(name).map(|def| &def.kind) {
            Some(TypeKind::Struct(def)) => UnionShape::Object {
                known: def.fields.iter().map(|field| field.name.clone()).collect(),
                required: def
                    .fields
                    .iter()
                    .filter(|field| field.required)
                    .map(|field| field.name.clone())
                    .collect(),
                tags: def
                    .fields
                    .iter()
                    .filter_map(|field| Some((field.name.clone(), single_value(&field.ty, types)?)))
                    .collect(),
                open: matches!(def.extra, ExtraFields::Typed { .. }),
            },
            // Integer values are not told apart one by one: any integer may be the alternative.
            Some(TypeKind::Enum(def)) if def.integer => UnionShape::Integer,
            Some(TypeKind::Enum(def)) => {
                UnionShape::Enum(def.variants.iter().map(|variant| variant.value.clone()).collect())
            }
            Some(TypeKind::Newtype(def)) => shape_of(&def.ty, types, depth + 1),
            Some(TypeKind::Union(_)) | None => UnionShape::Any,
        },
    }
}

/// The one value a property admits: an enum (inline, or a `$ref` to one) of a single value. A nullable
/// one also admits `null`, so it is no tag.
fn single_value(ty: &TypeRef, types: &BTreeMap<String, TypeDef>) -> Option<String> {
    let TypeRef::Named(name) = ty else { return None };
    match types.get(name).map(|def| &def.kind) {
        // Tags are compared as strings, so a one-value integer enum is no tag.
        Some(TypeKind::Enum(def)) if def.variants.len() == 1 && !def.integer => Some(def.variants[0].value.clone()),
        _ => None,
    }
}
