//! Every rule that turns a spec name into a Rust or CLI name: casing (heck), keyword escapes, names that
//! cannot start with a digit, reserved names, and collisions within one scope.

use std::collections::BTreeSet;

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// The catch-all variant of every open enum and union. Spec values never take this name: they are
/// renamed instead (see [`variant_scope`]), so `UNKNOWN` stays `Unknown` and means what the API says.
pub const UNRECOGNIZED_VARIANT: &str = "Unrecognized";

/// The field of every object type that keeps properties the spec does not list.
pub const UNKNOWN_FIELDS: &str = "unknown_fields";

/// Keywords of Rust 2024, strict and reserved; a field or method with one of these names gets a `_` suffix.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names the generated code uses unqualified (the prelude and derives): a spec type with one of these
/// names gets a `Type` suffix so it cannot shadow them.
const RESERVED_TYPES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Self",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "Unpin",
    "Vec",
];

/// Names a service module cannot take: the client crate's root already uses them (the re-exported models
/// crate and `spark_version` module, and `Client`'s own methods, which share the namespace of the service accessors), and the CLI's
/// dispatch functions, named after the modules, sit beside the imported `respond`.
pub const RESERVED_MODULES: &[&str] = &[
    "models",
    "new",
    "from_env",
    "from_runtime",
    "runtime",
    "respond",
    "spark_version",
];

/// `dbr` commands that are not services (`help`, `completion`, the built-in `api`, `configure` and `auth`,
/// and `fs` of the file commands); a service gets another command name.
pub const RESERVED_CLI_COMMANDS: &[&str] = &["completion", "help", "api", "configure", "auth", "fs"];

/// Names the client crate's root already exports (re-exports from the runtime); a service handle type gets
/// another name.
pub const RESERVED_CLIENT_TYPES: &[&str] = &[
    "Client",
    "ApiError",
    "AuthError",
    "Error",
    "ErrorKind",
    "AuthMethod",
    "Config",
    "ConfigBuilder",
    "ConfigError",
    "Items",
    "WaitOptions",
    "WaitProgress",
    "WithHeaders",
    "ByteStream",
    "Upload",
    "Credential",
];

/// Cargo features a service cannot be named after: `default` already lists every service.
pub const RESERVED_FEATURES: &[&str] = &["default"];

/// Flags every `dbr` command has or will have (global options); a request field with one of these names
/// gets another flag name. (`--version` exists only on the root command, so it is free.)
pub const RESERVED_FLAGS: &[&str] = &["json", "host", "token", "help", "output", "profile", "debug", "jq"];

/// Flags of every list command (`--limit N` caps the items printed).
pub const LIST_FLAGS: &[&str] = &["limit"];

/// Flags of every command that waits for a long-running operation.
pub const WAIT_FLAGS: &[&str] = &["no-wait", "timeout"];

/// Keeps ASCII letters and digits; everything else separates words. Casing then works on clean words.
fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
}

/// The longest name of a type named after where it appears: nested inline schemas make longer ones,
/// which [`shorten`] makes readable.
pub const MAX_TYPE_NAME: usize = 60;

/// Suffixes the generator appends to a list's or map's name for its items and values: a shared type is
/// not named by these alone, they say nothing of what it is.
const STRUCTURAL_WORDS: &[&str] = &["Item", "Value"];

/// The suffixes of the types of an operation: `{Op}Request`, `{Op}Response`, `{Op}Error`, `{Op}Params`.
const BODY_WORDS: &[&str] = &["Request", "Response", "Error", "Params"];

/// `cluster_details` → `ClusterDetails`; `2fa` → `T2fa`; `Option` → `OptionType`.
pub fn type_name(raw: &str) -> String {
    let name = words(raw).to_upper_camel_case();
    let name = match name.chars().next() {
        None => "Unnamed".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("T{name}"),
        Some(_) => name,
    };
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Type")
    } else {
        name
    }
}

/// The name of a type the generator names after where it appears (an inline schema: `{Owner}{Property}`,
/// `{Operation}Request`, ...), shortened when longer than [`MAX_TYPE_NAME`]. A component keeps the name its
/// spec gives it, which is the name the official SDKs use.
pub fn place_type_name(hint: &str) -> String {
    type_name(&shorten(&type_name(hint)))
}

/// The words of an UpperCamelCase name: `V2010AccountSip` → `V2010`, `Account`, `Sip`.
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (index, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..index]);
            start = index;
        }
    }
    words.push(&name[start..]);
    words
}

/// A name over [`MAX_TYPE_NAME`] made readable: first a run of words that repeats earlier ones goes
/// (nested names repeat their parents: `LinkedInAdsOptionsLinkedInAdsCustomReport...`; a lone repeated
/// word, as in `MachineToMachine`, is meaning), then the words after the first, from the front, until it
/// fits: the first word and the most specific (last) ones stay.
fn shorten(name: &str) -> String {
    if name.len() <= MAX_TYPE_NAME {
        return name.to_owned();
    }
    let words = camel_words(name);
    let mut kept: Vec<&str> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let repeated = (2..=words.len() - index).rev().find(|&length| {
            kept.windows(length)
                .any(|earlier| earlier == &words[index..index + length])
        });
        match repeated {
            Some(length) => index += length,
            None => {
                kept.push(words[index]);
                index += 1;
            }
        }
    }
    while kept.len() > 2 && kept.concat().len() > MAX_TYPE_NAME {
        kept.remove(1);
    }
    // Two words that are still too long stay: cutting a word would read worse than its length.
    kept.concat()
}

/// The name of one type that stands for identical inline schemas written in several places, from the
/// names each place would give it (`candidates`): their common trailing words when those name something
/// (`Address` from `UserAddress` and `OrderAddress`, not `Item` from `TagsItem` and `LabelsItem`), or
/// else the shortest candidate (the alphabetically first of equal length). Never a name `is_free` refuses.
/// Depends only on the set of candidates, not on their order.
pub fn shared_type_name(candidates: &[String], is_free: impl Fn(&str) -> bool) -> Option<String> {
    let split: Vec<Vec<&str>> = candidates.iter().map(|name| camel_words(name)).collect();
    let shortest = split.iter().map(Vec::len).min()?;
    let common = (0..shortest)
        .take_while(|&back| {
            let word = split[0][split[0].len() - 1 - back];
            split.iter().all(|words| words[words.len() - 1 - back] == word)
        })
        .count();
    // Up to an operation's `Request`/`Response`, a common tail is a piece of operation names
    // (`CreateRequestAddress` of `UsersCreateRequestAddress` and `GroupsCreateRequestAddress`); a leading
    // `Item` or `Value` is the place's (a list's item), not the type's.
    let tail = &split[0][split[0].len() - common..];
    let after_body = match tail.iter().rposition(|word| BODY_WORDS.contains(word)) {
        Some(body) => &tail[body + 1..],
        None => tail,
    };
    let suffix: Vec<&str> = after_body
        .iter()
        .copied()
        .skip_while(|word| STRUCTURAL_WORDS.contains(word))
        .collect();
    let meaningful = suffix
        .iter()
        .any(|word| !(word.starts_with("Variant") && word["Variant".len()..].bytes().all(|b| b.is_ascii_digit())));
    let suffix = place_type_name(&suffix.concat());
    if meaningful && is_free(&suffix) {
        return Some(suffix);
    }
    let mut sorted: Vec<&String> = candidates.iter().collect();
    sorted.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    sorted.into_iter().find(|name| is_free(name)).cloned()
}

/// `clusterId` → `cluster_id`; `type` → `type_`; `@type` → `type_`; `2fa` → `_2fa`.
pub fn field_name(raw: &str) -> String {
    let name = words(raw).to_snake_case();
    let name = match name.chars().next() {
        None => "value".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("_{name}"),
        Some(_) => name,
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// Methods and modules follow the field rules.
pub fn method_name(raw: &str) -> String {
    field_name(raw)
}

/// `RUNNING` → `Running`; `i3.xlarge` → `I3Xlarge`; `2.4.x` → `V24X`; `` → `Empty`.
pub fn variant_name(raw: &str) -> String {
    let name = words(raw).to_upper_camel_case();
    match name.chars().next() {
        None => "Empty".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("V{name}"),
        Some(_) if name == "Self" => "SelfValue".to_owned(),
        Some(_) => name,
    }
}

/// `permanentDelete` → `permanent-delete`.
pub fn cli_name(raw: &str) -> String {
    let name = words(raw).to_kebab_case();
    if name.is_empty() { "command".to_owned() } else { name }
}

/// `cluster_id` → `CLUSTER_ID`, the value name of a positional argument.
pub fn value_name(raw: &str) -> String {
    let name = words(raw).to_shouty_snake_case();
    if name.is_empty() { "VALUE".to_owned() } else { name }
}

/// The method name of an operation: its operationId without the `<service>.` prefix, in snake case.
pub fn operation_method_name(operation_id: &str, service: &str) -> String {
    let local = match operation_id.split_once('.') {
        Some((prefix, rest)) if field_name(prefix) == field_name(service) && !rest.is_empty() => rest,
        _ => operation_id,
    };
    method_name(local)
}

/// The operationId of an operation that declares none, from its method and path: `GET /pets/{id}` →
/// `getPetsById`, `POST /api/2.0/clusters/create` → `postClustersCreate`. The `api` prefix and version
/// segments (`2.0`, `v1`) name no resource, so they are left out.
pub fn derived_operation_id(method: &str, path: &str) -> String {
    let mut parts = vec![method.to_owned()];
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        let is_version = segment
            .strip_prefix(['v', 'V'])
            .unwrap_or(segment)
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()));
        if segment == "api" || is_version {
            continue;
        }
        match segment.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')) {
            Some(parameter) => parts.push(format!("by {parameter}")),
            None => parts.push(segment.to_owned()),
        }
    }
    words(&parts.join(" ")).to_lower_camel_case()
}

/// The names taken in one Rust or CLI namespace. A name asked for twice gets a numeric suffix: `2`, `3`,
/// ... in the order names are claimed, which is the (deterministic) order of the spec.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
    separator: &'static str,
}

impl Scope {
    /// A scope for snake-case names (`name_2`).
    pub fn snake() -> Self {
        Scope {
            taken: BTreeSet::new(),
            separator: "_",
        }
    }

    /// A scope for camel-case names (`Name2`).
    pub fn camel() -> Self {
        Scope {
            taken: BTreeSet::new(),
            separator: "",
        }
    }

    /// A scope for kebab-case names (`name-2`).
    pub fn kebab() -> Self {
        Scope {
            taken: BTreeSet::new(),
            separator: "-",
        }
    }

    /// Marks `name` as taken without claiming it for anyone (reserved names).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// Gives a claimed name back (the type that claimed it turned out to be another's twin).
    pub fn release(&mut self, name: &str) {
        self.taken.remove(name);
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// `candidate` if free, otherwise the first free `candidate{separator}{n}` for n = 2, 3, ...
    pub fn claim(&mut self, candidate: &str) -> String {
        if self.taken.insert(candidate.to_owned()) {
            return candidate.to_owned();
        }
        // A keyword-escaped name already ends in `_`; do not double it.
        let base = candidate.trim_end_matches('_');
        (2..)
            .map(|n| format!("{base}{}{n}", self.separator))
            .find(|name| self.taken.insert(name.clone()))
            .unwrap_or_else(|| candidate.to_owned())
    }
}

/// The variant namespace of an open enum or union: the catch-all is reserved before any spec value.
pub fn variant_scope() -> Scope {
    let mut scope = Scope::camel();
    scope.reserve(UNRECOGNIZED_VARIANT);
    scope
}

/// The field namespace of a struct that keeps unknown fields.
pub fn field_scope(keeps_unknown_fields: bool) -> Scope {
    let mut scope = Scope::snake();
    if keeps_unknown_fields {
        scope.reserve(UNKNOWN_FIELDS);
    }
    scope
}

/// The default prefix of a spec's crate names, from its title: a few words in kebab case, without "API",
/// "OpenAPI", versions and what follows a connective ("Swagger Petstore - OpenAPI 3.0" → `swagger-petstore`,
/// "Spotify Web API with fixes" → `spotify-web`); `api` when nothing is left.
pub fn crate_prefix(title: &str) -> String {
    const DROPPED: &[&str] = &["api", "apis", "openapi"];
    const CONNECTIVES: &[&str] = &["with", "for", "from", "and", "by", "of", "on", "in"];
    const MAX_WORDS: usize = 3;
    let is_version = |word: &str| {
        let digits = word.strip_prefix('v').unwrap_or(word);
        !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit())
    };
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .take_while(|word| !CONNECTIVES.contains(&word.as_str()))
        .filter(|word| !DROPPED.contains(&word.as_str()) && !is_version(word))
        .skip_while(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .take(MAX_WORDS)
        .collect();
    match words.is_empty() {
        true => "api".to_owned(),
        false => words.join("-"),
    }
}

/// The first sentence of a description, for one-line help.
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let paragraph = text.split("\n\n").next().unwrap_or(text);
    let flat = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(end) => flat[..=end].trim_end().to_owned(),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crate_prefix_is_a_short_slug_of_the_title() {
        assert_eq!(crate_prefix("Swagger Petstore - OpenAPI 3.0"), "swagger-petstore");
        assert_eq!(
            crate_prefix("Spotify Web API with fixes and improvements"),
            "spotify-web"
        );
        assert_eq!(crate_prefix("Twilio - Api"), "twilio");
        assert_eq!(crate_prefix("USPTO Data Set API"), "uspto-data-set");
        assert_eq!(crate_prefix("Petstore v2"), "petstore");
        assert_eq!(crate_prefix("API 2.0"), "api");
        assert_eq!(crate_prefix(""), "api");
        assert_eq!(crate_prefix("3 Little Pigs Farm Market"), "little-pigs-farm");
    }

    #[test]
    fn casing_and_escapes() {
        assert_eq!(type_name("cluster_details"), "ClusterDetails");
        assert_eq!(type_name("Option"), "OptionType");
        assert_eq!(type_name("2fa"), "T2fa");
        assert_eq!(field_name("clusterId"), "cluster_id");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("@type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("2fa"), "_2fa");
        assert_eq!(variant_name("RUNNING"), "Running");
        assert_eq!(variant_name("UNKNOWN"), "Unknown");
        assert_eq!(variant_name("i3.xlarge"), "I3Xlarge");
        assert_eq!(variant_name("2.4.x"), "V24X");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(cli_name("permanentDelete"), "permanent-delete");
        assert_eq!(value_name("cluster_id"), "CLUSTER_ID");
    }

    #[test]
    fn operation_names_drop_the_service_prefix() {
        assert_eq!(
            operation_method_name("clusters.permanentDelete", "clusters"),
            "permanent_delete"
        );
        assert_eq!(operation_method_name("listPets", "pets"), "list_pets");
        assert_eq!(operation_method_name("other.get", "clusters"), "other_get");
    }

    #[test]
    fn operation_ids_derived_from_method_and_path() {
        assert_eq!(derived_operation_id("get", "/pets/{id}"), "getPetsById");
        assert_eq!(derived_operation_id("get", "/pets"), "getPets");
        assert_eq!(
            derived_operation_id("post", "/api/2.0/clusters/create"),
            "postClustersCreate"
        );
        assert_eq!(
            derived_operation_id("delete", "/v1/stores/{store_id}/pet-tags/{tag}"),
            "deleteStoresByStoreIdPetTagsByTag"
        );
        assert_eq!(derived_operation_id("get", "/"), "get");
    }

    #[test]
    fn collisions_get_numbered_suffixes() {
        let mut scope = variant_scope();
        assert_eq!(scope.claim(&variant_name("UNRECOGNIZED")), "Unrecognized2");
        let mut fields = field_scope(true);
        assert_eq!(fields.claim(&field_name("unknown_fields")), "unknown_fields_2");
        assert_eq!(fields.claim(&field_name("fooBar")), "foo_bar");
        assert_eq!(fields.claim(&field_name("foo_bar")), "foo_bar_2");
        assert_eq!(fields.claim(&field_name("type")), "type_");
        assert_eq!(fields.claim(&field_name("type")), "type_2");
    }

    #[test]
    fn long_names_are_shortened_readably() {
        // Nested places repeat their parents (a property of a Twilio component, named by a dotted path).
        assert_eq!(
            place_type_name(
                "api.v2010.account.incoming_phone_number.incoming_phone_number_assigned_add_on.\
                 incoming_phone_number_assigned_add_on_extension"
            ),
            "ApiV2010AccountIncomingPhoneNumberAssignedAddOnExtension"
        );
        assert_eq!(
            place_type_name("LinkedInAdsOptionsLinkedInAdsCustomReportOptionsLinkedInAdsEntityGranularity"),
            "LinkedInAdsOptionsCustomReportOptionsEntityGranularity"
        );
        // A lone repeated word is meaning; without repeats, words after the first go until it fits.
        assert_eq!(
            place_type_name("AvailablePhoneNumberCountryAvailablePhoneNumberMachineToMachineCapabilities"),
            "AvailablePhoneNumberCountryMachineToMachineCapabilities"
        );
        assert_eq!(
            place_type_name("IngestionPipelineDefinitionTableSpecificConfigQueryBasedConnectorConfig"),
            "IngestionTableSpecificConfigQueryBasedConnectorConfig"
        );
        let short = "ClusterDetailsAutoscale";
        assert_eq!(place_type_name(short), short);
        assert!(place_type_name(&"Word".repeat(40)).len() <= MAX_TYPE_NAME);
    }

    #[test]
    fn shared_types_take_the_common_name_of_their_places() {
        let names = |list: &[&str]| list.iter().map(|name| name.to_string()).collect::<Vec<_>>();
        let free = |_: &str| true;
        assert_eq!(
            shared_type_name(&names(&["UserAddress", "OrderAddress"]), free).as_deref(),
            Some("Address")
        );
        // What the places add (`Request`) is not the type's.
        assert_eq!(
            shared_type_name(
                &names(&["UsersCreateRequestAddress", "GroupsCreateRequestAddress"]),
                free
            )
            .as_deref(),
            Some("Address")
        );
        assert_eq!(
            shared_type_name(
                &names(&["ListUsersResponseItemName", "ListGroupsResponseItemName"]),
                free
            )
            .as_deref(),
            Some("Name")
        );
        // A common tail that is only a place's kind, or a piece of operation names, names nothing: the
        // shortest place name does (the first in order among equals), whatever the order of the places.
        assert_eq!(
            shared_type_name(&names(&["TagsItem", "LabelsItem"]), free).as_deref(),
            Some("TagsItem")
        );
        assert_eq!(
            shared_type_name(&names(&["LabelsItem", "TagsItem"]), free).as_deref(),
            Some("TagsItem")
        );
        assert_eq!(
            shared_type_name(
                &names(&["AddTracksToPlaylistRequest", "AddItemsToPlaylistRequest"]),
                free
            )
            .as_deref(),
            Some("AddItemsToPlaylistRequest")
        );
        assert_eq!(
            shared_type_name(&names(&["UnionVariant1", "OtherVariant1"]), free).as_deref(),
            Some("OtherVariant1")
        );
        // A name taken by another type is not used.
        let address_taken = |name: &str| name != "Address";
        assert_eq!(
            shared_type_name(&names(&["UserAddress", "OrderAddress"]), address_taken).as_deref(),
            Some("UserAddress")
        );
        assert_eq!(
            shared_type_name(&names(&["UserResult", "OrderResult"]), free).as_deref(),
            Some("ResultType"),
            "a shared name is escaped like any other"
        );
    }

    #[test]
    fn first_sentence_of_a_description() {
        assert_eq!(first_sentence("Starts it. Then waits."), "Starts it.");
        assert_eq!(first_sentence("One line\nwrapped"), "One line wrapped");
        assert_eq!(first_sentence("Version 7.6.x is fine"), "Version 7.6.x is fine");
    }
}
