//! Schemas → types. Every OpenAPI schema form is first classified into a [`Shape`] (openapiv3 leaves
//! unusual keyword combinations in an untyped `AnySchema`), then turned into a [`TypeRef`] and, where the
//! shape needs a name, a [`TypeDef`].

use std::collections::BTreeMap;

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, AnySchema, Discriminator, ReferenceOr, Schema, SchemaKind, Type, VariantOrUnknownOrEmpty,
};
use serde::Serialize;

use super::Lowerer;
use crate::diagnostic::Diagnostic;
use crate::ir::naming::{self, Scope};
use crate::ir::{
    CHECKED_FORMATS, EnumDef, EnumVariant, ExtraFields, Field, NewtypeDef, StructDef, TypeDef, TypeKind, TypeOrigin,
    TypeRef, UnionDef, UnionShape, UnionVariant,
};
use crate::load::escape_pointer_token;

/// Extensions a schema may carry.
const SCHEMA_EXTENSIONS: &[&str] = &["x-sdk-sensitive"];

/// A schema reference as found in the document: either `$ref` or an inline schema.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(schema: &'a ReferenceOr<Schema>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(schema: &'a ReferenceOr<Box<Schema>>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// The properties-bearing part of an object schema (or of one `allOf` member).
#[derive(Clone)]
struct ObjectPart<'a> {
    properties: &'a IndexMap<String, ReferenceOr<Box<Schema>>>,
    required: &'a [String],
    additional: Option<&'a AdditionalProperties>,
    /// Where the part is written, for the pointers of its properties.
    pointer: String,
    /// The type that writes the part: inline property schemas are named after it, so a part shared
    /// through allOf names its inline types the same way in every struct that merges it.
    owner: String,
    /// Properties written beside `oneOf`/`anyOf`, merged after an alternative's own: a property the
    /// alternative defines too keeps the alternative's definition (typically a one-value tag of a `type`
    /// the common part only calls a string).
    yields: bool,
}

/// What a schema means, whatever keywords spelled it.
enum Shape<'a> {
    String {
        format: Option<String>,
        pattern: Option<String>,
        values: Vec<String>,
    },
    Integer {
        format: Option<String>,
        values: Vec<i64>,
    },
    Number {
        format: Option<String>,
    },
    Boolean,
    Array {
        items: Option<SchemaRef<'a>>,
    },
    Object(ObjectPart<'a>),
    AllOf {
        parts: &'a [ReferenceOr<Schema>],
        own: Option<ObjectPart<'a>>,
    },
    OneOf {
        keyword: &'static str,
        variants: &'a [ReferenceOr<Schema>],
        /// `properties`/`required` written beside the alternatives: they hold for every object alternative.
        common: Option<ObjectPart<'a>>,
    },
    Any,
    Unsupported {
        message: String,
        hint: &'static str,
    },
}

fn format_name<T: Serialize>(format: &VariantOrUnknownOrEmpty<T>) -> Option<String> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => serde_json::to_value(known)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned)),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn shape<'a>(schema: &'a Schema, pointer: &str) -> Shape<'a> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) => Shape::String {
            format: format_name(&string.format),
            pattern: string.pattern.clone(),
            values: string.enumeration.iter().flatten().cloned().collect(),
        },
        SchemaKind::Type(Type::Integer(integer)) => Shape::Integer {
            format: format_name(&integer.format),
            values: integer.enumeration.iter().flatten().copied().collect(),
        },
        SchemaKind::Type(Type::Number(number)) => Shape::Number {
            format: format_name(&number.format),
        },
        SchemaKind::Type(Type::Boolean(_)) => Shape::Boolean,
        SchemaKind::Type(Type::Array(array)) => Shape::Array {
            items: array.items.as_ref().map(SchemaRef::from),
        },
        SchemaKind::Type(Type::Object(object)) => Shape::Object(ObjectPart {
            properties: &object.properties,
            required: &object.required,
            additional: object.additional_properties.as_ref(),
            pointer: pointer.to_owned(),
            owner: String::new(),
            yields: false,
        }),
        SchemaKind::AllOf { all_of } => Shape::AllOf {
            parts: all_of,
            own: None,
        },
        SchemaKind::OneOf { one_of } => Shape::OneOf {
            keyword: "oneOf",
            variants: one_of,
            common: None,
        },
        SchemaKind::AnyOf { any_of } => Shape::OneOf {
            keyword: "anyOf",
            variants: any_of,
            common: None,
        },
        SchemaKind::Not { .. } => not_supported(),
        SchemaKind::Any(any) => any_shape(any, pointer),
    }
}

fn not_supported<'a>() -> Shape<'a> {
    Shape::Unsupported {
        message: "`not` schemas are not supported".to_owned(),
        hint: "describe what the value is (a type, an enum) rather than what it is not",
    }
}

/// openapiv3 puts every keyword combination it has no variant for in `AnySchema`; decide what it means.
fn any_shape<'a>(any: &'a AnySchema, pointer: &str) -> Shape<'a> {
    if any.not.is_some() {
        return not_supported();
    }
    let object_part = || ObjectPart {
        properties: &any.properties,
        required: &any.required,
        additional: any.additional_properties.as_ref(),
        pointer: pointer.to_owned(),
        owner: String::new(),
        yields: false,
    };
    let has_object_keywords =
        !any.properties.is_empty() || any.additional_properties.is_some() || !any.required.is_empty();
    let has_alternatives = !any.one_of.is_empty() || !any.any_of.is_empty();
    if !any.all_of.is_empty() {
        if has_alternatives {
            return Shape::Unsupported {
                message: "`allOf` together with `oneOf`/`anyOf` is not supported".to_owned(),
                hint: "split the schema: a named allOf object, used as one alternative of the oneOf",
            };
        }
        return Shape::AllOf {
            parts: &any.all_of,
            own: has_object_keywords.then(object_part),
        };
    }
    if has_alternatives {
        if !any.one_of.is_empty() && !any.any_of.is_empty() {
            return Shape::Unsupported {
                message: "`oneOf` and `anyOf` in the same schema are not supported".to_owned(),
                hint: "keep one list of alternatives",
            };
        }
        let common = has_object_keywords.then(object_part);
        return if any.one_of.is_empty() {
            Shape::OneOf {
                keyword: "anyOf",
                variants: &any.any_of,
                common,
            }
        } else {
            Shape::OneOf {
                keyword: "oneOf",
                variants: &any.one_of,
                common,
            }
        };
    }
    let string_values = || -> Option<Vec<String>> {
        any.enumeration
            .iter()
            .filter(|value| !value.is_null())
            .map(|value| value.as_str().map(str::to_owned))
            .collect()
    };
    let integer_values = || -> Option<Vec<i64>> {
        any.enumeration
            .iter()
            .filter(|value| !value.is_null())
            .map(serde_json::Value::as_i64)
            .collect()
    };
    match any.typ.as_deref() {
        Some("object") => Shape::Object(object_part()),
        None if has_object_keywords => Shape::Object(object_part()),
        Some("array") => Shape::Array {
            items: any.items.as_ref().map(SchemaRef::from),
        },
        None if any.items.is_some() => Shape::Array {
            items: any.items.as_ref().map(SchemaRef::from),
        },
        Some("string") => Shape::String {
            format: any.format.clone(),
            pattern: any.pattern.clone(),
            values: string_values().unwrap_or_default(),
        },
        Some("integer") => Shape::Integer {
            format: any.format.clone(),
            values: integer_values().unwrap_or_default(),
        },
        Some("number") => Shape::Number {
            format: any.format.clone(),
        },
        Some("boolean") => Shape::Boolean,
        Some(other) => Shape::Unsupported {
            message: format!("unknown schema type `{other}`"),
            hint: "use one of string, number, integer, boolean, array, object",
        },
        None if !any.enumeration.is_empty() => match (string_values(), integer_values()) {
            (Some(values), _) => Shape::String {
                format: None,
                pattern: None,
                values,
            },
            (None, Some(values)) => Shape::Integer { format: None, values },
            (None, None) => Shape::Unsupported {
                message: "an `enum` of values that are neither all strings nor all integers is not supported"
                    .to_owned(),
                hint: "give the values one `type`: string or integer",
            },
        },
        None => Shape::Any,
    }
}

impl<'a> Lowerer<'a> {
    /// The type of a schema written at `pointer`. An inline schema that needs a name gets one made from
    /// `hint` (the place it appears: `ClusterDetailsState`, `ClustersGetResponse`, ...).
    pub(super) fn type_of(&mut self, schema: SchemaRef<'a>, pointer: &str, hint: &str) -> TypeRef {
        match schema {
            SchemaRef::Ref(reference) => self.reference_type(reference, pointer),
            SchemaRef::Inline(schema) => {
                // An inline schema reached twice (through allOf members merged into several structs) is
                // one type.
                if let Some(ty) = self.inline_types.get(pointer) {
                    return ty.clone();
                }
                let ty = self.inline_type(schema, pointer, hint);
                let ty = if schema.schema_data.nullable && !matches!(ty, TypeRef::Nullable(_)) {
                    TypeRef::Nullable(Box::new(ty))
                } else {
                    ty
                };
                self.inline_types.insert(pointer.to_owned(), ty.clone());
                ty
            }
        }
    }

    /// The type a `$ref` to a component schema stands for.
    pub(super) fn reference_type(&mut self, reference: &str, pointer: &str) -> TypeRef {
        let Some(key) = component_key(reference, "schemas") else {
            self.report(
                Diagnostic::at(
                    pointer,
                    format!("a schema `$ref` must name a component schema, found `{reference}`"),
                )
                .with_hint("move the schema to `components/schemas/<Name>` and refer to it there"),
            );
            return TypeRef::Any;
        };
        match self.components.get(&key) {
            Some(name) => {
                let named = TypeRef::Named(name.clone());
                if self.nullable_components.contains(&key) {
                    TypeRef::Nullable(Box::new(named))
                } else {
                    named
                }
            }
            None => {
                // References were checked at load time; this only happens for refs into other sections.
                self.report(
                    Diagnostic::at(pointer, format!("`{reference}` is not a schema"))
                        .with_hint("a schema `$ref` must point at `#/components/schemas/<Name>`"),
                );
                TypeRef::Any
            }
        }
    }

    fn inline_type(&mut self, schema: &'a Schema, pointer: &str, hint: &str) -> TypeRef {
        self.check_schema_extensions(schema, pointer);
        match shape(schema, pointer) {
            Shape::String { values, .. } if !values.is_empty() => {
                let kind = TypeKind::Enum(enum_def(&values));
                self.define_inline(hint, pointer, schema, |_, _| kind)
            }
            Shape::String { .. } => TypeRef::String,
            Shape::Integer { values, .. } if !values.is_empty() => {
                let kind = TypeKind::Enum(integer_enum_def(&values));
                self.define_inline(hint, pointer, schema, |_, _| kind)
            }
            Shape::Integer { format, .. } => integer_type(format.as_deref()),
            Shape::Number { format } => number_type(format.as_deref()),
            Shape::Boolean => TypeRef::Bool,
            Shape::Any => TypeRef::Any,
            Shape::Array { items } => {
                let item = match items {
                    Some(items) => self.type_of(items, &format!("{pointer}/items"), &format!("{hint}Item")),
                    None => TypeRef::Any,
                };
                TypeRef::List(Box::new(item))
            }
            Shape::Object(part) if part.properties.is_empty() => match part.additional {
                Some(AdditionalProperties::Schema(value)) => TypeRef::Map(Box::new(self.type_of(
                    SchemaRef::from(value.as_ref()),
                    &format!("{pointer}/additionalProperties"),
                    &format!("{hint}Value"),
                ))),
                _ => TypeRef::Object,
            },
            Shape::Object(part) => self.define_inline(hint, pointer, schema, |lowerer, name| {
                TypeKind::Struct(lowerer.build_struct(name, vec![part]))
            }),
            Shape::AllOf { parts, own } => match self.annotated_member(parts, own.as_ref(), pointer, true) {
                Some(member) => self.annotated_type(parts, member, pointer, hint),
                None => self.define_inline(hint, pointer, schema, |lowerer, name| {
                    TypeKind::Struct(lowerer.merge_all_of(name, pointer, parts, own))
                }),
            },
            Shape::OneOf {
                keyword,
                variants,
                common: None,
            } if variants.len() == 1 => {
                self.type_of(SchemaRef::from(&variants[0]), &format!("{pointer}/{keyword}/0"), hint)
            }
            Shape::OneOf {
                keyword,
                variants,
                common,
            } => self.define_inline(hint, pointer, schema, |lowerer, name| {
                let discriminator = schema.schema_data.discriminator.as_ref();
                TypeKind::Union(lowerer.build_union(name, pointer, keyword, variants, common, discriminator))
            }),
            Shape::Unsupported { message, hint } => {
                self.report(Diagnostic::at(pointer, message).with_hint(hint));
                TypeRef::Any
            }
        }
    }

    /// A component schema always becomes a named type: a struct, enum or union, or a newtype around
    /// whatever else it is.
    pub(super) fn define_component(&mut self, name: &str, pointer: &str, schema: &'a Schema) {
        self.check_schema_extensions(schema, pointer);
        let kind = match shape(schema, pointer) {
            Shape::String { values, .. } if !values.is_empty() => TypeKind::Enum(enum_def(&values)),
            Shape::Integer { values, .. } if !values.is_empty() => TypeKind::Enum(integer_enum_def(&values)),
            Shape::Object(part)
                if !part.properties.is_empty() || !matches!(part.additional, Some(AdditionalProperties::Schema(_))) =>
            {
                TypeKind::Struct(self.build_struct(name, vec![part]))
            }
            Shape::AllOf { parts, own } => match self.annotated_member(parts, own.as_ref(), pointer, false) {
                // A component that documents a non-object type is another name for it.
                Some(member) => TypeKind::Newtype(NewtypeDef {
                    ty: self.annotated_type(parts, member, pointer, name),
                    boxed: false,
                }),
                None => TypeKind::Struct(self.merge_all_of(name, pointer, parts, own)),
            },
            Shape::OneOf {
                keyword,
                variants,
                common,
            } => {
                let discriminator = schema.schema_data.discriminator.as_ref();
                TypeKind::Union(self.build_union(name, pointer, keyword, variants, common, discriminator))
            }
            Shape::Unsupported { message, hint } => {
                self.report(Diagnostic::at(pointer, message).with_hint(hint));
                TypeKind::Newtype(NewtypeDef {
                    ty: TypeRef::Any,
                    boxed: false,
                })
            }
            _ => TypeKind::Newtype(NewtypeDef {
                ty: self.inline_type(schema, pointer, name),
                boxed: false,
            }),
        };
        self.insert_type(name, pointer, TypeOrigin::Component, schema, kind);
    }

    pub(super) fn insert_newtype(&mut self, name: &str, pointer: &str, description: Option<String>, ty: TypeRef) {
        self.types.insert(
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                pointer: pointer.to_owned(),
                origin: TypeOrigin::Component,
                description,
                deprecated: false,
                kind: TypeKind::Newtype(NewtypeDef { ty, boxed: false }),
                services: Default::default(),
                module: String::new(),
                derives_default: false,
            },
        );
    }

    fn insert_type(&mut self, name: &str, pointer: &str, origin: TypeOrigin, schema: &Schema, kind: TypeKind) {
        let data = &schema.schema_data;
        self.types.insert(
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                pointer: pointer.to_owned(),
                origin,
                description: data.description.clone().or_else(|| data.title.clone()),
                deprecated: data.deprecated,
                kind,
                services: Default::default(),
                module: String::new(),
                derives_default: false,
            },
        );
    }

    /// Names an inline schema after `hint`, builds its kind (which may name further inline schemas) and
    /// records it. An inline schema that makes the same Rust type as one seen before is that type: its
    /// name is given back and the place is remembered, for [`Lowerer::name_shared_types`]. Nested schemas
    /// are built first, so twins inside twins are already one type when their parents are compared. A
    /// request or response body stays its operation's own type (`RunsSubmitResponse`, never another
    /// operation's `RunsCancelRequest`); what it contains is shared.
    fn define_inline(
        &mut self,
        hint: &str,
        pointer: &str,
        schema: &'a Schema,
        build: impl FnOnce(&mut Self, &str) -> TypeKind,
    ) -> TypeRef {
        let name = self.type_names.claim(&naming::place_type_name(hint));
        let kind = build(self, &name);
        if is_body(pointer) {
            self.insert_type(&name, pointer, TypeOrigin::Inline, schema, kind);
            return TypeRef::Named(name);
        }
        let data = &schema.schema_data;
        let place = SharedPlace {
            candidate: naming::place_type_name(hint),
            description: data.description.clone().or_else(|| data.title.clone()),
            field_descriptions: field_descriptions(&kind),
        };
        let identity = structural_identity(&kind, data.deprecated);
        if let Some(twin) = self.inline_identities.get(&identity).cloned() {
            self.type_names.release(&name);
            self.shared_places.entry(twin.clone()).or_default().push(place);
            return TypeRef::Named(twin);
        }
        self.inline_identities.insert(identity, name.clone());
        self.shared_places.insert(name.clone(), vec![place]);
        self.insert_type(&name, pointer, TypeOrigin::Inline, schema, kind);
        TypeRef::Named(name)
    }

    /// Gives each type shared by several places the name [`naming::shared_type_name`] picks from the names
    /// the places would have given it, and keeps the documentation all places agree on (a description true
    /// of one place may be false of another). Returns the renames, old name → new, for the whole API.
    pub(super) fn name_shared_types(&mut self) -> BTreeMap<String, String> {
        let places = std::mem::take(&mut self.shared_places);
        let mut groups: Vec<(String, Vec<SharedPlace>)> =
            places.into_iter().filter(|(_, places)| places.len() > 1).collect();
        // By their smallest candidate, which does not depend on which place came first in the spec.
        groups.sort_by_cached_key(|(_, places)| places.iter().map(|place| place.candidate.clone()).min());
        let mut renames = BTreeMap::new();
        for (name, places) in groups {
            if let Some(def) = self.types.get_mut(&name) {
                def.description = agreed(places.iter().map(|place| place.description.clone()));
                if let TypeKind::Struct(def) = &mut def.kind {
                    for (index, field) in def.fields.iter_mut().enumerate() {
                        field.description = agreed(
                            places
                                .iter()
                                .map(|place| place.field_descriptions.get(index).cloned().flatten()),
                        );
                    }
                }
            }
            let mut candidates: Vec<String> = places.into_iter().map(|place| place.candidate).collect();
            candidates.sort();
            candidates.dedup();
            let names = &self.type_names;
            let chosen =
                naming::shared_type_name(&candidates, |candidate| candidate == name || !names.is_taken(candidate));
            let Some(chosen) = chosen.filter(|chosen| *chosen != name) else {
                continue;
            };
            self.type_names.release(&name);
            self.type_names.claim(&chosen);
            if let Some(mut def) = self.types.remove(&name) {
                def.name = chosen.clone();
                self.types.insert(chosen.clone(), def);
            }
            renames.insert(name, chosen);
        }
        renames
    }

    /// Adds a generated type that has no schema of its own (an operation's parameter struct).
    pub(super) fn define_generated(
        &mut self,
        hint: &str,
        pointer: &str,
        description: String,
        kind: TypeKind,
    ) -> String {
        let name = self.type_names.claim(&naming::place_type_name(hint));
        self.types.insert(
            name.clone(),
            TypeDef {
                name: name.clone(),
                pointer: pointer.to_owned(),
                origin: TypeOrigin::Params,
                description: Some(description),
                deprecated: false,
                kind,
                services: Default::default(),
                module: String::new(),
                derives_default: false,
            },
        );
        name
    }

    /// The fields of the object parts, in order; `required` is the union of the parts' lists.
    fn build_struct(&mut self, type_name: &str, parts: Vec<ObjectPart<'a>>) -> StructDef {
        let typed_additional = parts.iter().find_map(|part| match part.additional {
            Some(AdditionalProperties::Schema(schema)) => Some((schema.as_ref(), part.pointer.clone())),
            _ => None,
        });
        let mut scope = naming::field_scope(typed_additional.is_none());
        let mut fields: Vec<Field> = Vec::new();
        let mut written_at: Vec<String> = Vec::new();
        for part in &parts {
            for (property, schema) in part.properties {
                let pointer = format!("{}/properties/{}", part.pointer, escape_pointer_token(property));
                // The properties beside `oneOf` give way to an alternative's own definition.
                if part.yields && fields.iter().any(|field| &field.name == property) {
                    continue;
                }
                let owner = if part.owner.is_empty() {
                    type_name
                } else {
                    part.owner.as_str()
                };
                let hint = format!("{owner}{}", naming::type_name(property));
                let ty = self.type_of(SchemaRef::from(schema), &pointer, &hint);
                // allOf is an intersection: a property written again (to document it, or to narrow an
                // untyped one) is one field when the two types agree.
                if let Some(index) = fields.iter().position(|field| &field.name == property) {
                    let again = self.field(property, &mut naming::field_scope(false), ty, schema, &pointer);
                    let first = &mut fields[index];
                    match both(&first.ty, &again.ty) {
                        Some(ty) => {
                            first.ty = ty;
                            first.description = first.description.take().or(again.description);
                            first.default = first.default.take().or(again.default);
                            first.format = first.format.take().or(again.format);
                            first.deprecated |= again.deprecated;
                            first.sensitive |= again.sensitive;
                        }
                        None => {
                            let message = format!(
                                "property `{property}` is `{}` here but `{}` in another allOf part",
                                again.ty, first.ty
                            );
                            let first_at = &written_at[index];
                            self.report(Diagnostic::at(&pointer, message).with_hint(format!(
                                "the other definition is at #{first_at}; a value cannot be both: give them one type"
                            )));
                        }
                    }
                    continue;
                }
                fields.push(self.field(property, &mut scope, ty, schema, &pointer));
                written_at.push(pointer);
            }
        }
        for part in &parts {
            for required in part.required {
                match fields.iter_mut().find(|field| &field.name == required) {
                    Some(field) => field.required = true,
                    // JSON Schema lets `required` name a property no part describes (typically one a
                    // schema that includes this one defines): the value must be there, of any type.
                    None => {
                        let rust_name = scope.claim(&naming::field_name(required));
                        fields.push(Field::new(required, rust_name, TypeRef::Any, true));
                    }
                }
            }
        }
        let extra = match typed_additional {
            Some((schema, pointer)) => {
                let ty = self.type_of(
                    SchemaRef::from(schema),
                    &format!("{pointer}/additionalProperties"),
                    &format!("{type_name}Value"),
                );
                ExtraFields::Typed {
                    field: scope.claim("additional_properties"),
                    ty,
                }
            }
            None => ExtraFields::Keep,
        };
        StructDef { fields, extra }
    }

    fn field(
        &mut self,
        property: &str,
        scope: &mut Scope,
        ty: TypeRef,
        schema: &'a ReferenceOr<Box<Schema>>,
        pointer: &str,
    ) -> Field {
        let mut field = Field::new(property, scope.claim(&naming::field_name(property)), ty, false);
        if let ReferenceOr::Item(schema) = schema {
            let data = &schema.schema_data;
            field.description = data
                .description
                .clone()
                .or_else(|| data.title.clone())
                .or_else(|| annotation_description(schema));
            field.default = data.default.clone();
            field.deprecated = data.deprecated;
            field.format = match shape(schema, pointer) {
                Shape::String { format, .. } | Shape::Integer { format, .. } | Shape::Number { format } => format,
                _ => None,
            };
            match data.extensions.get("x-sdk-sensitive") {
                None => {}
                Some(serde_json::Value::Bool(sensitive)) => field.sensitive = *sensitive,
                Some(_) => self.report(
                    Diagnostic::at(
                        &format!("{pointer}/x-sdk-sensitive"),
                        "`x-sdk-sensitive` must be true or false",
                    )
                    .with_hint("write `x-sdk-sensitive: true` on the property that holds a secret"),
                ),
            }
        }
        field
    }

    /// The one member an `allOf` is really about, when every other member (and the schema itself) only
    /// annotates it (a description, `nullable`): `allOf: [{$ref: X}]` is the OpenAPI 3.0 idiom for
    /// documenting a reference, and it means X itself, not a new type. An object member is taken as it
    /// is only when it is a reference and `references_too` (a property); a component made of one object
    /// keeps being a struct of its own.
    fn annotated_member(
        &self,
        parts: &'a [ReferenceOr<Schema>],
        own: Option<&ObjectPart<'a>>,
        pointer: &str,
        references_too: bool,
    ) -> Option<usize> {
        if own.is_some() {
            return None;
        }
        let mut substantive = parts
            .iter()
            .enumerate()
            .filter(|(index, part)| !is_annotation(part, &format!("{pointer}/allOf/{index}")));
        let (index, member) = substantive.next()?;
        if substantive.next().is_some() {
            return None;
        }
        let is_object = match member {
            ReferenceOr::Reference { reference } => {
                if references_too {
                    return Some(index);
                }
                let target = component_key(reference, "schemas").and_then(|key| {
                    let schema = self.document.components.as_ref()?.schemas.get(&key)?;
                    Some((key, schema))
                });
                match target {
                    Some((key, ReferenceOr::Item(schema))) => {
                        let at = format!("/components/schemas/{}", escape_pointer_token(&key));
                        is_object_like(schema, &at)
                    }
                    _ => true,
                }
            }
            ReferenceOr::Item(schema) => is_object_like(schema, &format!("{pointer}/allOf/{index}")),
        };
        (!is_object).then_some(index)
    }

    /// The type of the annotated member of an `allOf`, `null` allowed when an annotation says so.
    fn annotated_type(
        &mut self,
        parts: &'a [ReferenceOr<Schema>],
        member: usize,
        pointer: &str,
        hint: &str,
    ) -> TypeRef {
        let ty = self.type_of(
            SchemaRef::from(&parts[member]),
            &format!("{pointer}/allOf/{member}"),
            hint,
        );
        let nullable = parts
            .iter()
            .any(|part| matches!(part, ReferenceOr::Item(schema) if schema.schema_data.nullable));
        match ty {
            TypeRef::Nullable(_) => ty,
            ty if nullable => TypeRef::Nullable(Box::new(ty)),
            ty => ty,
        }
    }

    /// `allOf` members, each an object (inline or a component), merged into one struct.
    fn merge_all_of(
        &mut self,
        type_name: &str,
        pointer: &str,
        parts: &'a [ReferenceOr<Schema>],
        own: Option<ObjectPart<'a>>,
    ) -> StructDef {
        let mut objects = Vec::new();
        self.collect_all_of(pointer, type_name, parts, &mut objects);
        objects.extend(own);
        self.build_struct(type_name, objects)
    }

    fn collect_all_of(
        &mut self,
        pointer: &str,
        owner: &str,
        parts: &'a [ReferenceOr<Schema>],
        into: &mut Vec<ObjectPart<'a>>,
    ) {
        for (index, part) in parts.iter().enumerate() {
            let part_pointer = format!("{pointer}/allOf/{index}");
            match part {
                ReferenceOr::Item(schema) => self.collect_object(schema, &part_pointer, owner, into),
                ReferenceOr::Reference { reference } => {
                    let document = self.document;
                    let target = component_key(reference, "schemas").and_then(|key| {
                        let schema = document.components.as_ref()?.schemas.get(&key)?;
                        Some((key, schema))
                    });
                    let Some((key, ReferenceOr::Item(schema))) = target else {
                        self.report(
                            Diagnostic::at(
                                &part_pointer,
                                format!("allOf member `{reference}` is not an object schema"),
                            )
                            .with_hint("every allOf member must be an object schema defined in components/schemas"),
                        );
                        continue;
                    };
                    if self.merging.contains(&key) {
                        self.report(
                            Diagnostic::at(&part_pointer, format!("allOf includes `{key}` inside itself"))
                                .with_hint("an allOf chain must not loop back; use a property for recursive data"),
                        );
                        continue;
                    }
                    self.merging.push(key.clone());
                    let target_pointer = format!("/components/schemas/{}", escape_pointer_token(&key));
                    let target_owner = self.components.get(&key).cloned().unwrap_or_default();
                    self.collect_object(schema, &target_pointer, &target_owner, into);
                    self.merging.pop();
                }
            }
        }
    }

    fn collect_object(&mut self, schema: &'a Schema, pointer: &str, owner: &str, into: &mut Vec<ObjectPart<'a>>) {
        match shape(schema, pointer) {
            Shape::Object(mut part) => {
                part.owner = owner.to_owned();
                into.push(part);
            }
            Shape::AllOf { parts, own } => {
                self.collect_all_of(pointer, owner, parts, into);
                into.extend(own.map(|mut part| {
                    part.owner = owner.to_owned();
                    part
                }));
            }
            Shape::Any => {}
            _ => self.report(Diagnostic::at(pointer, "an allOf member must be an object").with_hint(
                "allOf combines objects; give this member `type: object` and `properties` (only a lone \
                     non-object member, beside descriptions, stands for its own type)",
            )),
        }
    }

    /// The alternatives of a `oneOf`/`anyOf`. Properties written beside them hold for every object
    /// alternative, so each such alternative becomes one struct of its own and the common properties
    /// (`<Union><Alternative>`): a struct of the common fields with the union flattened into it would keep
    /// unknown fields twice, and its parts could not be told apart by their required properties.
    fn build_union(
        &mut self,
        name: &str,
        pointer: &str,
        keyword: &str,
        variants: &'a [ReferenceOr<Schema>],
        common: Option<ObjectPart<'a>>,
        discriminator: Option<&Discriminator>,
    ) -> UnionDef {
        let mut scope = naming::variant_scope();
        let mut lowered = Vec::new();
        for (index, variant) in variants.iter().enumerate() {
            let variant_pointer = format!("{pointer}/{keyword}/{index}");
            let implicit_tag = match variant {
                ReferenceOr::Reference { reference } => Some(component_key(reference, "schemas").unwrap_or_default()),
                ReferenceOr::Item(_) => None,
            };
            let hint = match &implicit_tag {
                Some(key) if common.is_some() => format!("{name}{}", naming::type_name(key)),
                _ => format!("{name}Variant{}", index + 1),
            };
            let merged = match &common {
                Some(common) => self
                    .alternative_object(variant, &variant_pointer)
                    .map(|(schema, mut parts)| {
                        parts.push(ObjectPart {
                            owner: name.to_owned(),
                            yields: true,
                            ..common.clone()
                        });
                        self.define_inline(&hint, &variant_pointer, schema, |lowerer, name| {
                            TypeKind::Struct(lowerer.build_struct(name, parts))
                        })
                    }),
                None => None,
            };
            let ty = match merged {
                Some(ty) => ty,
                None => self.type_of(SchemaRef::from(variant), &variant_pointer, &hint),
            };
            let shape = self.text_shape(variant).unwrap_or(UnionShape::Any);
            let candidate = match (&implicit_tag, &shape) {
                (Some(key), _) => naming::variant_name(key),
                // `NameOrId::Uuid` and `NameOrId::String`, not `String` and `String2`.
                (
                    None,
                    UnionShape::Text {
                        format: Some(format), ..
                    },
                ) => naming::variant_name(format),
                (None, UnionShape::Text { format: None, .. }) => "Pattern".to_owned(),
                (None, _) => variant_label(&ty, name),
            };
            let mut tags = Vec::new();
            if let Some(discriminator) = discriminator {
                if let ReferenceOr::Reference { reference } = variant {
                    tags.extend(
                        discriminator
                            .mapping
                            .iter()
                            .filter(|(_, target)| {
                                *target == reference || component_key(target, "schemas") == implicit_tag
                            })
                            .map(|(value, _)| value.clone()),
                    );
                }
                if tags.is_empty() {
                    match &implicit_tag {
                        Some(tag) => tags.push(tag.clone()),
                        None => self.report(
                            Diagnostic::at(&variant_pointer, "this alternative has no discriminator value")
                                .with_hint("with a discriminator every alternative must be a `$ref` to a component (or be listed in `mapping`)"),
                        ),
                    }
                }
            }
            lowered.push(UnionVariant {
                rust_name: scope.claim(&candidate),
                pointer: variant_pointer,
                ty,
                tags,
                boxed: false,
                shape,
            });
        }
        UnionDef {
            discriminator: discriminator.map(|discriminator| discriminator.property_name.clone()),
            variants: lowered,
        }
    }

    /// An object alternative's schema (its own, or the component it refers to) and its object parts;
    /// `None` for any other alternative.
    fn alternative_object(
        &mut self,
        alternative: &'a ReferenceOr<Schema>,
        pointer: &str,
    ) -> Option<(&'a Schema, Vec<ObjectPart<'a>>)> {
        let (schema, pointer, owner) = match alternative {
            ReferenceOr::Item(schema) => (schema, pointer.to_owned(), String::new()),
            ReferenceOr::Reference { reference } => {
                let key = component_key(reference, "schemas")?;
                let owner = self.components.get(&key)?.clone();
                (
                    self.component_schema(&key)?,
                    format!("/components/schemas/{}", escape_pointer_token(&key)),
                    owner,
                )
            }
        };
        if !matches!(shape(schema, &pointer), Shape::Object(_) | Shape::AllOf { .. }) {
            return None;
        }
        let mut parts = Vec::new();
        self.collect_object(schema, &pointer, &owner, &mut parts);
        Some((schema, parts))
    }

    /// The shape of a string alternative limited by a format the runtime checks or by a pattern: only its
    /// schema says so, its type is a plain `String`. A pattern the runtime's engine (regex-bites) cannot
    /// read, such as one with look-around, tells nothing apart.
    fn text_shape(&self, alternative: &'a ReferenceOr<Schema>) -> Option<UnionShape> {
        let mut alternative = alternative;
        // A component may itself be a `$ref`; follow a few, never a cycle.
        for _ in 0..8 {
            let schema = match alternative {
                ReferenceOr::Item(schema) => schema,
                ReferenceOr::Reference { reference } => {
                    let components = self.document.components.as_ref()?;
                    alternative = components.schemas.get(&component_key(reference, "schemas")?)?;
                    continue;
                }
            };
            let Shape::String {
                format,
                pattern,
                values,
            } = shape(schema, "")
            else {
                return None;
            };
            let format = format.filter(|format| CHECKED_FORMATS.contains(&format.as_str()));
            let pattern = pattern.filter(|pattern| regex_bites::Regex::new(pattern).is_ok());
            // An enum's values tell it apart better.
            let constrained = values.is_empty() && (format.is_some() || pattern.is_some());
            return constrained.then_some(UnionShape::Text { format, pattern });
        }
        None
    }

    /// An inline component schema by key.
    fn component_schema(&self, key: &str) -> Option<&'a Schema> {
        match self.document.components.as_ref()?.schemas.get(key)? {
            ReferenceOr::Item(schema) => Some(schema),
            ReferenceOr::Reference { .. } => None,
        }
    }

    /// Unknown `x-sdk-*` keys on a schema are reported (they are likely typos); other `x-` keys belong to
    /// other tools and are ignored.
    fn check_schema_extensions(&mut self, schema: &Schema, pointer: &str) {
        for key in schema.schema_data.extensions.keys() {
            if key.starts_with("x-sdk-") && !SCHEMA_EXTENSIONS.contains(&key.as_str()) {
                self.report(
                    Diagnostic::at(&format!("{pointer}/{key}"), format!("unknown schema extension `{key}`")).with_hint(
                        format!("schemas accept {}; see spec/README.md", SCHEMA_EXTENSIONS.join(", ")),
                    ),
                );
            }
        }
    }
}

/// Whether the schema at `pointer` is a request or response body (`.../requestBody/content/<media
/// type>/schema`, `.../responses/<status>/content/...`, or one in `components/requestBodies`).
fn is_body(pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.rsplit('/').take(5).collect();
    matches!(
        segments.as_slice(),
        ["schema", _, "content", "requestBody", ..] | ["schema", _, "content", _, "responses" | "requestBodies"]
    )
}

/// One place an inline schema shared with others is written.
pub(super) struct SharedPlace {
    /// The name this place asks for (what it gets may carry a number: `OrderStatus2`).
    candidate: String,
    description: Option<String>,
    /// Of each field, in order (structs only).
    field_descriptions: Vec<Option<String>>,
}

/// What makes two inline types the same Rust type: everything of the kind but documentation and where
/// the schema is written (a union alternative's pointer). Compared as text because a default value
/// (JSON) has no order.
fn structural_identity(kind: &TypeKind, deprecated: bool) -> String {
    let mut kind = kind.clone();
    match &mut kind {
        TypeKind::Struct(def) => def.fields.iter_mut().for_each(|field| field.description = None),
        TypeKind::Union(def) => def.variants.iter_mut().for_each(|variant| variant.pointer.clear()),
        TypeKind::Enum(_) | TypeKind::Newtype(_) => {}
    }
    format!("{deprecated} {kind:?}")
}

fn field_descriptions(kind: &TypeKind) -> Vec<Option<String>> {
    match kind {
        TypeKind::Struct(def) => def.fields.iter().map(|field| field.description.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The text every place gives, or none when they differ.
fn agreed(mut texts: impl Iterator<Item = Option<String>>) -> Option<String> {
    let first = texts.next()?;
    texts.all(|text| text == first).then_some(first).flatten()
}

/// The type of a value that is both `a` and `b`, when there is one: the same type, or the typed one of an
/// untyped and a typed definition, or the non-null one of a nullable and a plain one.
fn both(a: &TypeRef, b: &TypeRef) -> Option<TypeRef> {
    match (a, b) {
        _ if a == b => Some(a.clone()),
        (TypeRef::Any, other) | (other, TypeRef::Any) => Some(other.clone()),
        (TypeRef::Nullable(inner), other) | (other, TypeRef::Nullable(inner)) => both(inner, other),
        _ => None,
    }
}

/// The words of an `allOf` member that only documents the others (`allOf: [{$ref: X}, {description: ...}]`).
fn annotation_description(schema: &Schema) -> Option<String> {
    let parts = match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of,
        SchemaKind::Any(any) => &any.all_of,
        _ => return None,
    };
    parts.iter().find_map(|part| match part {
        ReferenceOr::Item(member) if matches!(shape(member, ""), Shape::Any) => member.schema_data.description.clone(),
        _ => None,
    })
}

/// An `allOf` member that adds only words or `nullable`, no constraint on the value.
fn is_annotation(part: &ReferenceOr<Schema>, pointer: &str) -> bool {
    matches!(part, ReferenceOr::Item(schema) if matches!(shape(schema, pointer), Shape::Any))
}

/// Whether a schema describes an object, which `allOf` merges field by field.
fn is_object_like(schema: &Schema, pointer: &str) -> bool {
    matches!(
        shape(schema, pointer),
        Shape::Object(_) | Shape::AllOf { .. } | Shape::Any
    )
}

fn enum_def(values: &[String]) -> EnumDef {
    let mut scope = naming::variant_scope();
    let mut variants: Vec<EnumVariant> = Vec::new();
    for value in values {
        if variants.iter().any(|variant| &variant.value == value) {
            continue;
        }
        variants.push(EnumVariant {
            value: value.clone(),
            rust_name: scope.claim(&naming::variant_name(value)),
        });
    }
    EnumDef {
        variants,
        integer: false,
    }
}

/// An enum of integers: variants `V1`, `V2` (`Minus1` for -1), since the values name nothing.
fn integer_enum_def(values: &[i64]) -> EnumDef {
    let mut scope = naming::variant_scope();
    let mut variants: Vec<EnumVariant> = Vec::new();
    for value in values {
        let text = value.to_string();
        if variants.iter().any(|variant| variant.value == text) {
            continue;
        }
        let candidate = match text.strip_prefix('-') {
            Some(magnitude) => format!("Minus{magnitude}"),
            None => format!("V{text}"),
        };
        variants.push(EnumVariant {
            value: text,
            rust_name: scope.claim(&candidate),
        });
    }
    EnumDef {
        variants,
        integer: true,
    }
}

fn integer_type(format: Option<&str>) -> TypeRef {
    match format {
        Some("int32") => TypeRef::I32,
        // int64, no format, or a format we do not know: i64 holds every JSON integer Databricks sends.
        _ => TypeRef::I64,
    }
}

fn number_type(format: Option<&str>) -> TypeRef {
    match format {
        Some("float") => TypeRef::F32,
        _ => TypeRef::F64,
    }
}

/// A variant name for an inline union member: its type's name without the union's prefix, or the kind of
/// value it holds.
fn variant_label(ty: &TypeRef, union_name: &str) -> String {
    match ty {
        TypeRef::Named(name) => name
            .strip_prefix(union_name)
            .filter(|rest| !rest.is_empty())
            .unwrap_or(name)
            .to_owned(),
        TypeRef::String => "String".to_owned(),
        TypeRef::Bool => "Boolean".to_owned(),
        TypeRef::I32 | TypeRef::I64 => "Integer".to_owned(),
        TypeRef::F32 | TypeRef::F64 => "Number".to_owned(),
        TypeRef::Any => "Any".to_owned(),
        TypeRef::Object => "Object".to_owned(),
        TypeRef::List(_) => "List".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        TypeRef::Nullable(inner) => variant_label(inner, union_name),
    }
}

/// `#/components/<section>/<key>` → `<key>`, decoded.
pub(super) fn component_key(reference: &str, section: &str) -> Option<String> {
    let rest = reference.strip_prefix(&format!("#/components/{section}/"))?;
    if rest.contains('/') {
        return None;
    }
    let decoded = crate::validate::decode_pointer(rest)?;
    Some(decoded.replace("~1", "/").replace("~0", "~"))
}
