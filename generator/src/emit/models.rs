//! The models crate: one module per service (types only that service uses) plus a shared module, all
//! re-exported from the crate root.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{doc_attrs, feature_gate};
use crate::ir::naming::{self, UNKNOWN_FIELDS, UNRECOGNIZED_VARIANT};
use crate::ir::{
    Api, EnumDef, ExtraFields, Field, NewtypeDef, StructDef, TypeDef, TypeKind, TypeOrigin, TypeRef, UnionDef,
    UnionShape,
};

/// Rust tokens for a type use; `named` renders the path of a named type from where it is used.
pub(super) fn rust_type(ty: &TypeRef, named: &dyn Fn(&str) -> TokenStream) -> TokenStream {
    match ty {
        TypeRef::Named(name) => named(name),
        TypeRef::String => quote!(String),
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::Any => quote!(serde_json::Value),
        TypeRef::Object => quote!(serde_json::Map<String, serde_json::Value>),
        TypeRef::List(inner) => {
            let inner = rust_type(inner, named);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(inner, named);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = rust_type(inner, named);
            quote!(Option<#inner>)
        }
    }
}

pub(super) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Every module with types, in module order, with its types.
pub(super) fn modules(api: &Api) -> Vec<(&str, Vec<&TypeDef>)> {
    let mut modules: BTreeMap<&str, Vec<&TypeDef>> = BTreeMap::new();
    for def in api.types.values() {
        modules.entry(def.module.as_str()).or_default().push(def);
    }
    modules.into_iter().collect()
}

/// The file of `module`, which holds `defs`.
pub(super) fn module_file(api: &Api, module: &str, defs: &[&TypeDef]) -> TokenStream {
    let named = |name: &str| -> TokenStream {
        let ident = ident(name);
        match api.types.get(name) {
            Some(def) if def.module != module => quote!(crate::#ident),
            _ => quote!(#ident),
        }
    };
    // A service module is gated as a whole (in lib.rs); a shared type is gated by the services using it.
    let items = defs.iter().map(|def| {
        let gate = (module == api.shared_module)
            .then(|| feature_gate(api, &def.services))
            .flatten();
        type_item(def, api.runtime.crate_name(), &named, gate.as_ref())
    });
    let doc = module_doc(api, module);
    quote! { #![doc = #doc] #(#items)* }
}

fn module_doc(api: &Api, module: &str) -> String {
    match api.services.iter().find(|service| service.module == module) {
        Some(service) => format!(" Types used only by the `{}` service.", service.tag),
        None => " Types used by several services.".to_owned(),
    }
}

/// `runtime` is the crate generated code calls into (`openapi_runtime`). Every item gets `gate` after its
/// docs.
fn type_item(
    def: &TypeDef,
    runtime: &str,
    named: &dyn Fn(&str) -> TokenStream,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let mut notes = Vec::new();
    if def.deprecated {
        notes.push("**Deprecated** by the API.".to_owned());
    }
    let description = def.description.clone().unwrap_or_default();
    let mut paragraphs: Vec<&str> = vec![description.as_str()];
    paragraphs.extend(notes.iter().map(String::as_str));
    let docs = doc_attrs(&paragraphs);
    match &def.kind {
        TypeKind::Struct(body) => struct_item(def, body, docs, runtime, named, gate),
        TypeKind::Enum(body) if body.integer => integer_enum_item(def, body, docs, runtime, gate),
        TypeKind::Enum(body) => enum_item(def, body, docs, runtime, gate),
        TypeKind::Union(body) => union_item(def, body, docs, runtime, named, gate),
        TypeKind::Newtype(body) => newtype_item(def, body, docs, runtime, named, gate),
    }
}

/// The Rust type of a field as declared: optional fields are `Option`, fields that may also be `null`
/// `Option<Option<_>>`, recursive ones boxed.
fn field_type(field: &Field, named: &dyn Fn(&str) -> TokenStream) -> TokenStream {
    let (nullable, inner) = match &field.ty {
        TypeRef::Nullable(inner) => (true, inner.as_ref()),
        other => (false, other),
    };
    let mut ty = rust_type(inner, named);
    if field.boxed {
        ty = quote!(Box<#ty>);
    }
    if nullable {
        ty = quote!(Option<#ty>);
    }
    if !field.required {
        ty = quote!(Option<#ty>);
    }
    ty
}

fn field_doc(field: &Field) -> TokenStream {
    // A `$ref` property cannot carry a description in OpenAPI 3.0; point at the type's own.
    let description = match (&field.description, referenced_type(&field.ty)) {
        (Some(description), _) => description.clone(),
        (None, Some(name)) => format!("See [`{name}`](crate::{name})."),
        (None, None) => String::new(),
    };
    let mut notes = Vec::new();
    if let Some(default) = &field.default {
        notes.push(format!("When absent, the server uses `{default}`."));
    }
    if field.deprecated {
        notes.push("**Deprecated** by the API.".to_owned());
    }
    let mut paragraphs = vec![description.as_str()];
    paragraphs.extend(notes.iter().map(String::as_str));
    doc_attrs(&paragraphs)
}

/// The named type a field holds, directly or as list items or map values.
fn referenced_type(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => referenced_type(inner),
        _ => None,
    }
}

fn struct_item(
    def: &TypeDef,
    body: &StructDef,
    docs: TokenStream,
    runtime: &str,
    named: &dyn Fn(&str) -> TokenStream,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let sensitive = body.fields.iter().any(|field| field.sensitive);
    let fields = body.fields.iter().map(|field| {
        let doc = field_doc(field);
        let rust_name = ident(&field.rust_name);
        let ty = field_type(field, named);
        quote! { #doc pub #rust_name: #ty, }
    });
    let extra = match &body.extra {
        ExtraFields::Keep => {
            let field = ident(UNKNOWN_FIELDS);
            quote! {
                /// Fields the server sent that this version of the SDK does not know. They are sent back
                /// unchanged, so reading a value, changing it and sending it back loses nothing.
                pub #field: serde_json::Map<String, serde_json::Value>,
            }
        }
        ExtraFields::Typed { field, ty } => {
            let field = ident(field);
            let ty = rust_type(ty, named);
            quote! {
                /// Properties beyond the named fields.
                pub #field: std::collections::BTreeMap<String, #ty>,
            }
        }
        ExtraFields::Reject => quote!(),
    };
    let default = def.derives_default.then(|| quote!(Default,));
    let debug = (!sensitive).then(|| quote!(Debug,));
    let debug_impl = sensitive.then(|| redacted_debug(def, body, gate));
    let constructor = constructor(def, body, named, gate);
    let write = serialize_impl(def, body, runtime, gate);
    let read = from_object_impl(def, body, runtime, gate);
    // Required parameters are arguments of the method, so every field here is optional.
    let params_note = (def.origin == TypeOrigin::Params).then(|| quote!(#[doc = ""] #[doc = " Every field is optional: build it with `..Default::default()`, or pass `&Default::default()` for none."]));
    quote! {
        #docs
        #params_note
        #gate
        #[derive(Clone, #debug #default PartialEq)]
        pub struct #name {
            #(#fields)*
            #extra
        }
        #constructor
        #write
        #read
        #debug_impl
    }
}

/// `Serialize` for a struct, written out: an absent optional field is left out, numbers go through the
/// runtime's wire form, and the extra properties follow the named fields. Shorter than the derived form,
/// which wraps every number field in a struct of its own.
fn serialize_impl(def: &TypeDef, body: &StructDef, runtime: &str, gate: Option<&TokenStream>) -> TokenStream {
    let name = ident(&def.name);
    let runtime = ident(runtime);
    let entries = body.fields.iter().map(|field| {
        let rust_name = ident(&field.rust_name);
        let wire = &field.name;
        let written = |value: TokenStream| {
            if field.ty.holds_number() {
                quote!(&#runtime::serde_support::numbers::Write(#value))
            } else {
                value
            }
        };
        if field.required {
            let value = written(quote!(&self.#rust_name));
            quote!(map.serialize_entry(#wire, #value)?;)
        } else {
            let value = written(quote!(value));
            quote! {
                if let Some(value) = &self.#rust_name {
                    map.serialize_entry(#wire, #value)?;
                }
            }
        }
    });
    let extra = body.extra.field().map(|field| {
        let field = ident(field);
        quote! {
            for (key, value) in &self.#field {
                map.serialize_entry(key, value)?;
            }
        }
    });
    let statements = if body.fields.is_empty() && extra.is_none() {
        quote!(serde::ser::SerializeMap::end(serde::Serializer::serialize_map(
            serializer,
            Some(0)
        )?))
    } else {
        quote! {
            // Brings the method into scope without a name that could hide a type.
            use serde::ser::SerializeMap as _;
            let mut map = serde::Serializer::serialize_map(serializer, None)?;
            #(#entries)*
            #extra
            map.end()
        }
    };
    quote! {
        #gate
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #statements
            }
        }
    }
}

/// `Deserialize` for a struct, through the runtime's `FromObject`: one match on each key, known fields
/// read into locals and the rest kept (or refused), instead of the much larger derived code.
fn from_object_impl(def: &TypeDef, body: &StructDef, runtime: &str, gate: Option<&TokenStream>) -> TokenStream {
    let name = ident(&def.name);
    let runtime = ident(runtime);
    let object = quote!(#runtime::serde_support::object);
    // Types by their path from the crate root, so that no type can be shadowed by the method's generics.
    let named = |name: &str| -> TokenStream {
        let ident = ident(name);
        quote!(crate::#ident)
    };
    let taken: Vec<&str> = body
        .fields
        .iter()
        .map(|field| field.rust_name.as_str())
        .chain(body.extra.field())
        .collect();
    let free = |base: &str| {
        let mut name = base.to_owned();
        while taken.contains(&name.as_str()) {
            name.push('_');
        }
        ident(&name)
    };
    let (map, key, read) = (free("map"), free("key"), free("read"));
    // A struct whose fields are all optional is read straight into its default value: one local instead of
    // one per field, which is less code to check (most structs of the API are such).
    let into_default = def.derives_default
        && body.fields.iter().all(|field| !field.required)
        && !(body.fields.is_empty() && body.extra == ExtraFields::Reject);
    let value = free("value");
    let place = |field: &str| {
        let field = ident(field);
        if into_default {
            quote!(#value.#field)
        } else {
            quote!(#field)
        }
    };
    let mut locals = Vec::new();
    let mut arms = Vec::new();
    let mut values = Vec::new();
    for field in &body.fields {
        let local = ident(&field.rust_name);
        let target = place(&field.rust_name);
        let wire = &field.name;
        let declared = field_type(field, &named);
        let nullable = matches!(field.ty, TypeRef::Nullable(_));
        // Present is `Some`: a required field until the end, or `Some(null)` for a nullable optional one.
        let present = field.required || nullable;
        // (A boxed field refers to its type directly, so never holds a list or map.)
        let read = match container_reader(&field.ty) {
            Some(shape) if present => quote!(object::read_some_with(&mut #map, &mut #target, #shape)),
            Some(shape) => quote!(object::read_with(&mut #map, &mut #target, object::opt(#shape))),
            None => {
                let helper = match (field.ty.holds_number(), present) {
                    (false, false) => quote!(read_into),
                    (false, true) => quote!(read_some),
                    (true, false) => quote!(read_number_into),
                    (true, true) => quote!(read_number_some),
                };
                quote!(object::#helper(&mut #map, &mut #target))
            }
        };
        arms.push(quote!(#wire => #read,));
        if field.required {
            // Absent is an error, except for a field that may be `null`, which reads as `null`.
            locals.push(quote!(let mut #local: Option<#declared> = None;));
            values.push(if nullable {
                quote!(#local: #local.flatten(),)
            } else {
                quote!(#local: object::required(#local, #wire)?,)
            });
        } else {
            locals.push(quote!(let mut #local: #declared = None;));
            values.push(quote!(#local,));
        }
    }
    let extra_field = body.extra.field();
    let extra_local = extra_field.map(|field| {
        let field = ident(field);
        let map = match body.extra {
            ExtraFields::Typed { .. } => quote!(std::collections::BTreeMap),
            _ => quote!(serde_json::Map),
        };
        quote!(let mut #field = #map::new();)
    });
    let other = match extra_field.map(place) {
        Some(kept) => match &body.extra {
            ExtraFields::Typed { ty, .. } => match container_reader(ty) {
                Some(shape) => quote!(object::keep_with(&mut #map, &#key, &mut #kept, #shape)),
                None => quote!(object::keep(&mut #map, &#key, &mut #kept)),
            },
            _ => quote!(object::keep(&mut #map, &#key, &mut #kept)),
        },
        None => {
            let wires = body.fields.iter().map(|field| &field.name);
            quote!(object::refuse(&#key, &[#(#wires),*]))
        }
    };
    let extra_value = extra_field.map(ident);
    let next_key = quote!(#map.next_key::<object::Text>()?);
    // `at_key` notes the key of a value that failed, for the error's path.
    let read_entries = if body.fields.is_empty() {
        // A single arm would be a `match` with nothing to choose.
        quote!(while let Some(#key) = #next_key { object::at_key(#other, #key)?; })
    } else {
        quote! {
            while let Some(#key) = #next_key {
                let #read = match #key.as_str() {
                    #(#arms)*
                    _ => #other,
                };
                object::at_key(#read, #key)?;
            }
        }
    };
    let statements = if into_default {
        quote! {
            let mut #value = Self::default();
            #read_entries
            Ok(#value)
        }
    } else {
        quote! {
            #(#locals)*
            #extra_local
            #read_entries
            Ok(Self { #(#values)* #extra_value })
        }
    };
    let expecting = format!("an object ({})", def.name);
    quote! {
        #gate
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #object::read_object(deserializer)
            }
        }

        #gate
        impl #object::FromObject for #name {
            const EXPECTING: &'static str = #expecting;

            fn from_object<'de, A: serde::de::MapAccess<'de>>(mut #map: A) -> Result<Self, A::Error> {
                // Types are named from the crate root here, so this name can hide none of them.
                use #object;
                #statements
            }
        }
    }
}

/// The reader of a value of `ty` that is or holds a list or a map (through `null`), so that an error inside one
/// notes its index or key; the compiler takes the item types from the field. `None` for other values, read
/// as their type reads them, and for numbers, whose wire-form readers note indices and keys themselves.
fn container_reader(ty: &TypeRef) -> Option<TokenStream> {
    (!ty.holds_number() && holds_container(ty)).then(|| reader(ty))
}

/// Whether a value of `ty` is or holds a list or a map (through `null`).
fn holds_container(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::List(_) | TypeRef::Map(_) => true,
        TypeRef::Nullable(inner) => holds_container(inner),
        _ => false,
    }
}

/// The runtime reader of `ty`'s shape: `list_of(plain())` for `Vec<Task>`. Lists and maps are read by the
/// runtime at every depth, so an error inside one notes where; other values as their type reads them.
fn reader(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::List(inner) => {
            let inner = reader(inner);
            quote!(object::list_of(#inner))
        }
        TypeRef::Map(inner) => {
            let inner = reader(inner);
            quote!(object::map_of(#inner))
        }
        TypeRef::Nullable(inner) if holds_container(inner) => {
            let inner = reader(inner);
            quote!(object::opt(#inner))
        }
        _ => quote!(object::plain()),
    }
}

/// `new(required fields...)` when a struct has required fields: every optional field starts absent.
fn constructor(
    def: &TypeDef,
    body: &StructDef,
    named: &dyn Fn(&str) -> TokenStream,
    gate: Option<&TokenStream>,
) -> Option<TokenStream> {
    let required: Vec<&Field> = body.fields.iter().filter(|field| field.required).collect();
    if required.is_empty() {
        return None;
    }
    let name = ident(&def.name);
    let params = required.iter().map(|field| {
        let arg = ident(&field.rust_name);
        match (&field.ty, field.boxed) {
            (TypeRef::String, false) => quote!(#arg: impl Into<String>),
            _ => {
                let ty = rust_type(&field.ty, named);
                quote!(#arg: #ty)
            }
        }
    });
    let values = body.fields.iter().map(|field| {
        let field_name = ident(&field.rust_name);
        if !field.required {
            return quote!(#field_name: None,);
        }
        match (&field.ty, field.boxed) {
            (TypeRef::String, false) => quote!(#field_name: #field_name.into(),),
            (TypeRef::Nullable(_), true) => quote!(#field_name: #field_name.map(Box::new),),
            (_, true) => quote!(#field_name: Box::new(#field_name),),
            _ => quote!(#field_name,),
        }
    });
    let extra = match &body.extra {
        ExtraFields::Keep => {
            let field = ident(UNKNOWN_FIELDS);
            quote!(#field: serde_json::Map::new(),)
        }
        ExtraFields::Typed { field, .. } => {
            let field = ident(field);
            quote!(#field: std::collections::BTreeMap::new(),)
        }
        ExtraFields::Reject => quote!(),
    };
    Some(quote! {
        #gate
        impl #name {
            /// A value with the required fields set and every optional field absent.
            pub fn new(#(#params),*) -> Self {
                Self { #(#values)* #extra }
            }
        }
    })
}

/// `Debug` that prints `<redacted>` for secrets, so they never reach logs.
fn redacted_debug(def: &TypeDef, body: &StructDef, gate: Option<&TokenStream>) -> TokenStream {
    let name = ident(&def.name);
    let label = &def.name;
    let fields = body.fields.iter().map(|field| {
        let rust_name = ident(&field.rust_name);
        let label = &field.rust_name;
        if field.sensitive {
            quote!(.field(#label, &"<redacted>"))
        } else {
            quote!(.field(#label, &self.#rust_name))
        }
    });
    let extra = body.extra.field().map(|label| {
        let field = ident(label);
        quote!(.field(#label, &self.#field))
    });
    quote! {
        #gate
        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(#label) #(#fields)* #extra .finish()
            }
        }
    }
}

fn enum_item(
    def: &TypeDef,
    body: &EnumDef,
    docs: TokenStream,
    runtime: &str,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let runtime = ident(runtime);
    let fallback = ident(UNRECOGNIZED_VARIANT);
    let variants = body.variants.iter().map(|variant| {
        let rust_name = ident(&variant.rust_name);
        let doc = format!(" `{}`", variant.value);
        quote!(#[doc = #doc] #rust_name,)
    });
    let as_str = body.variants.iter().map(|variant| {
        let rust_name = ident(&variant.rust_name);
        let value = &variant.value;
        quote!(Self::#rust_name => #value,)
    });
    let from_str = body.variants.iter().map(|variant| {
        let rust_name = ident(&variant.rust_name);
        let value = &variant.value;
        quote!(#value => Self::#rust_name,)
    });
    quote! {
        #docs
        #[doc = ""]
        #[doc = " Open: a value this version of the SDK does not list is kept in `Unrecognized`, as sent."]
        #gate
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value this version of the SDK does not know, kept exactly as the server sent it.
            #fallback(String),
        }

        #gate
        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str)*
                    Self::#fallback(value) => value,
                }
            }
        }

        #gate
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #gate
        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::#fallback(other.to_owned()),
                }
            }
        }

        #gate
        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        // By hand: the derived form of an enum with a catch-all buffers every value before matching it.
        #gate
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #gate
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #runtime::serde_support::object::read_open_enum(deserializer)
            }
        }
    }
}

/// An enum of integers, open like the string ones: an integer the spec does not list is kept. Serialised
/// as a number; read from a number or a string of digits, as every integer of the API is.
fn integer_enum_item(
    def: &TypeDef,
    body: &EnumDef,
    docs: TokenStream,
    runtime: &str,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let runtime = ident(runtime);
    let fallback = ident(UNRECOGNIZED_VARIANT);
    let values: Vec<proc_macro2::Literal> = body
        .variants
        .iter()
        .map(|variant| proc_macro2::Literal::i64_unsuffixed(variant.value.parse().unwrap_or_default()))
        .collect();
    let rust_names: Vec<Ident> = body.variants.iter().map(|variant| ident(&variant.rust_name)).collect();
    let variant_docs = body.variants.iter().map(|variant| format!(" `{}`", variant.value));
    quote! {
        #docs
        #[doc = ""]
        #[doc = " Open: an integer this version of the SDK does not list is kept in `Unrecognized`, as sent."]
        #gate
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#[doc = #variant_docs] #rust_names,)*
            /// An integer this version of the SDK does not know, kept exactly as the server sent it.
            #fallback(i64),
        }

        #gate
        impl #name {
            /// The value as sent on the wire.
            pub fn value(self) -> i64 {
                match self {
                    #(Self::#rust_names => #values,)*
                    Self::#fallback(value) => value,
                }
            }
        }

        #gate
        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#values => Self::#rust_names,)*
                    other => Self::#fallback(other),
                }
            }
        }

        #gate
        impl From<#name> for i64 {
            fn from(value: #name) -> Self {
                value.value()
            }
        }

        #gate
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.value())
            }
        }

        #gate
        impl std::str::FromStr for #name {
            type Err = std::num::ParseIntError;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                value.parse::<i64>().map(Self::from)
            }
        }

        #gate
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        #gate
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #runtime::serde_support::numbers::deserialize::<i64, D>(deserializer).map(Self::from)
            }
        }
    }
}

fn union_item(
    def: &TypeDef,
    body: &UnionDef,
    docs: TokenStream,
    runtime: &str,
    named: &dyn Fn(&str) -> TokenStream,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let runtime = ident(runtime);
    let fallback = ident(UNRECOGNIZED_VARIANT);
    let payload = |variant: &crate::ir::UnionVariant| {
        let ty = rust_type(&variant.ty, named);
        if variant.boxed { quote!(Box<#ty>) } else { ty }
    };
    let variants = body.variants.iter().map(|variant| {
        let rust_name = ident(&variant.rust_name);
        let ty = payload(variant);
        quote!(#rust_name(#ty),)
    });
    // The two forms differ only in how `deserialize` picks the alternative.
    let (note, fallback_doc, choose) = match &body.discriminator {
        None => {
            let shapes = body.variants.iter().map(|variant| union_shape(&variant.shape));
            let arms = body.variants.iter().enumerate().map(|(index, variant)| {
                let rust_name = ident(&variant.rust_name);
                quote!(#index => serde_json::from_value(value.clone()).map(Self::#rust_name),)
            });
            let checks_format = body
                .variants
                .iter()
                .any(|variant| matches!(variant.shape, UnionShape::Text { format: Some(_), .. }));
            let format = checks_format.then(|| quote!(Format,));
            let choose = quote! {
                use #runtime::serde_support::{#format Shape, union_candidates};
                const SHAPES: &[Shape] = &[#(#shapes),*];
                for candidate in union_candidates(&value, SHAPES) {
                    let parsed = match candidate {
                        #(#arms)*
                        _ => continue,
                    };
                    if let Ok(parsed) = parsed {
                        return Ok(parsed);
                    }
                    // Not this alternative: its error's path is not the start of another's.
                    #runtime::serde_support::trail::forget();
                }
                Ok(Self::#fallback(value))
            };
            (
                " Without a discriminator, a value goes to the alternatives it can be (kind, required and tag \
                 properties, string values, formats and patterns), the best fit first; a value none accepts is \
                 kept in `Unrecognized`."
                    .to_owned(),
                " A value none of the alternatives accepts, kept as sent.",
                choose,
            )
        }
        // Dispatch on the tag by hand rather than with serde's `#[serde(tag = ...)]`: that form removes the
        // tag from the alternative's own fields and has no catch-all that keeps an unknown value whole.
        Some(discriminator) => {
            let arms = body.variants.iter().filter(|variant| !variant.tags.is_empty()).map(|variant| {
                let rust_name = ident(&variant.rust_name);
                let tags = &variant.tags;
                quote! {
                    #(Some(#tags))|* => serde_json::from_value(value).map(Self::#rust_name).map_err(serde::de::Error::custom),
                }
            });
            let choose = quote! {
                let tag = value.get(#discriminator).and_then(serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    #(#arms)*
                    _ => Ok(Self::#fallback(value)),
                }
            };
            (
                format!(
                    " The alternative is chosen by the `{discriminator}` property; an unknown value of it is kept \
                     in `Unrecognized`."
                ),
                " A value with a discriminator this version of the SDK does not know, kept as sent.",
                choose,
            )
        }
    };
    quote! {
        #docs
        #[doc = ""]
        #[doc = #note]
        #gate
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#variants)*
            #[doc = #fallback_doc]
            #fallback(serde_json::Value),
        }

        #gate
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                #choose
            }
        }
    }
}

fn union_shape(shape: &UnionShape) -> TokenStream {
    match shape {
        UnionShape::Object {
            known,
            required,
            tags,
            open,
        } => {
            let tags = tags.iter().map(|(name, value)| quote!((#name, #value)));
            quote! {
                Shape::Object { known: &[#(#known),*], required: &[#(#required),*], tags: &[#(#tags),*], open: #open }
            }
        }
        UnionShape::String => quote!(Shape::String),
        UnionShape::Enum(values) => quote!(Shape::Enum(&[#(#values),*])),
        UnionShape::Text { format, pattern } => {
            let format = match format {
                Some(format) => {
                    let format = ident(&naming::type_name(format));
                    quote!(Some(Format::#format))
                }
                None => quote!(None),
            };
            let pattern = match pattern {
                Some(pattern) => quote!(Some(#pattern)),
                None => quote!(None),
            };
            quote!(Shape::Text { format: #format, pattern: #pattern })
        }
        UnionShape::Integer => quote!(Shape::Integer),
        UnionShape::Number => quote!(Shape::Number),
        UnionShape::Boolean => quote!(Shape::Boolean),
        UnionShape::List => quote!(Shape::List),
        UnionShape::Map => quote!(Shape::Map),
        UnionShape::Any => quote!(Shape::Any),
    }
}

fn newtype_item(
    def: &TypeDef,
    body: &NewtypeDef,
    docs: TokenStream,
    runtime: &str,
    named: &dyn Fn(&str) -> TokenStream,
    gate: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let numbers = format!("{runtime}::serde_support::numbers");
    let mut inner = rust_type(&body.ty, named);
    if body.boxed {
        inner = quote!(Box<#inner>);
    }
    let default = def.derives_default.then(|| quote!(Default,));
    let eq =
        matches!(body.ty, TypeRef::String | TypeRef::Bool | TypeRef::I32 | TypeRef::I64).then(|| quote!(Eq, Hash,));
    let number = body.ty.holds_number().then(|| quote!(#[serde(with = #numbers)]));
    quote! {
        #docs
        #gate
        #[derive(Clone, Debug, #default PartialEq, #eq serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(#number pub #inner);

        #gate
        impl From<#inner> for #name {
            fn from(value: #inner) -> Self {
                Self(value)
            }
        }
    }
}
