//! Load: spec files on disk → one merged, located document → `openapiv3::OpenAPI`.
//!
//! The spec is either one file or a directory holding `openapi.yaml` plus fragment files (see
//! `spec/README.md`). Everything after this stage refers to places by JSON pointer; [`Spec::locate`] turns
//! a pointer back into file, line and column.

mod merge;
pub mod yaml;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::parallel;
use crate::timings::{Phase, Timings};
use yaml::{Node, NodeValue, Position};

/// The name of the root document when the spec is a directory.
pub const ROOT_FILE: &str = "openapi.yaml";

/// The files a spec was read from; a [`Position`]'s `file` indexes into it.
#[derive(Clone, Debug, Default)]
pub struct SourceFiles(pub Vec<PathBuf>);

impl SourceFiles {
    pub fn location(&self, position: Position) -> Location {
        Location {
            file: self.0.get(position.file as usize).cloned().unwrap_or_default(),
            line: position.line,
            column: position.column,
        }
    }
}

/// A loaded spec: the typed document plus what is needed to point back into the files.
#[derive(Clone, Debug)]
pub struct Spec {
    pub files: SourceFiles,
    /// The merged document with positions.
    pub tree: Node,
    pub document: openapiv3::OpenAPI,
}

impl Spec {
    /// File, line and column of the value at `pointer` (with or without the leading `#`). When the pointer
    /// leads past the document (a missing key), the deepest node that exists is used.
    pub fn locate(&self, pointer: &str) -> Option<Location> {
        locate_in(&self.tree, pointer).map(|position| self.files.location(position))
    }

    /// Fills in the location of every diagnostic that has a pointer but no location yet.
    pub fn attach_locations(&self, diagnostics: &mut Diagnostics) {
        for diagnostic in &mut diagnostics.0 {
            if diagnostic.location.is_none()
                && let Some(pointer) = &diagnostic.pointer
            {
                diagnostic.location = self.locate(pointer);
            }
        }
    }
}

/// Reads, parses and merges the spec at `path` (a file or a directory).
pub fn load(path: &Path) -> Result<Spec, Diagnostics> {
    load_timed(path, &mut Timings::default())
}

/// [`load`], adding the time spent reading and merging to [`Phase::Load`] and the time spent checking
/// references and parsing the typed document to [`Phase::Validate`].
pub fn load_timed(path: &Path, timings: &mut Timings) -> Result<Spec, Diagnostics> {
    let (files, tree, json) = timings.time(Phase::Load, || read_merged(path))?;
    timings.time(Phase::Validate, || typed(files, tree, &json))
}

/// The spec's files, read, parsed and merged: the document with positions, and as JSON.
fn read_merged(path: &Path) -> Result<(SourceFiles, Node, serde_json::Value), Diagnostics> {
    let paths = spec_files(path)?;
    let files = SourceFiles(paths.clone());
    let mut problems = Diagnostics::default();
    let mut nodes = Vec::new();
    // The files are independent until they are merged: each is read and parsed on whichever thread is free.
    let numbered: Vec<(u32, &PathBuf)> = (0..).zip(&paths).collect();
    for parsed in parallel::map(&numbered, |&(file_id, file)| read_and_parse(file, file_id)) {
        match parsed {
            Ok(node) => nodes.push(node),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut nodes = nodes.into_iter();
    let Some(mut tree) = nodes.next() else {
        return Err(Diagnostic::new("no spec files found")
            .with_file(path)
            .with_hint("pass an OpenAPI file or a directory that contains openapi.yaml")
            .into());
    };
    if tree.as_mapping().is_none() {
        return Err(
            Diagnostic::new(format!("the root document must be a mapping, found {}", tree.kind()))
                .with_location(files.location(tree.position))
                .with_hint("an OpenAPI document is a mapping with `openapi`, `info` and `paths` at the top level")
                .into(),
        );
    }
    for fragment in nodes {
        merge::merge_fragment(&mut tree, fragment, &files, &mut problems);
    }
    check_version(&tree, &files, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }

    let (json, non_finite) = root_to_json(&tree);
    for position in non_finite {
        problems.push(
            Diagnostic::new("a number that is not finite (`.nan` or `.inf`) has no JSON form")
                .with_location(files.location(position))
                .with_hint("write the value as a string or remove it"),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok((files, tree, json))
}

/// The merged document as JSON, with the positions of numbers JSON cannot hold. The root's entries are
/// converted on whichever thread is free: `paths` and `components` are most of a spec.
fn root_to_json(tree: &Node) -> (serde_json::Value, Vec<Position>) {
    let mut non_finite = Vec::new();
    let Some(entries) = tree.as_mapping() else {
        return (tree.to_json(&mut non_finite), non_finite);
    };
    let converted = parallel::map(entries, |entry| {
        let mut non_finite = Vec::new();
        (entry.value.to_json(&mut non_finite), non_finite)
    });
    let mut root = serde_json::Map::new();
    for (entry, (value, positions)) in entries.iter().zip(converted) {
        root.insert(entry.key.clone(), value);
        non_finite.extend(positions);
    }
    (serde_json::Value::Object(root), non_finite)
}

/// One spec file as a tree; `file_id` is its index in [`SourceFiles`].
fn read_and_parse(file: &Path, file_id: u32) -> Result<Node, Diagnostic> {
    let text = fs::read_to_string(file).map_err(|error| {
        Diagnostic::new(format!("cannot read the file: {error}"))
            .with_file(file)
            .with_hint("check that the file exists, is readable and is UTF-8 text")
    })?;
    yaml::parse(&text, file, file_id)
}

/// The typed document of a merged spec, once its references are known to resolve.
fn typed(files: SourceFiles, tree: Node, json: &serde_json::Value) -> Result<Spec, Diagnostics> {
    // References are checked before the typed parse: a dangling `$ref` is the likelier mistake, and the
    // typed parse cannot say where it is.
    let mut problems = crate::validate::check_references(json);
    let mut document = None;
    if problems.is_empty() {
        match parse_document(json) {
            Ok(parsed) => document = Some(parsed),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    let spec = Spec {
        files,
        tree,
        document: document.unwrap_or_default(),
    };
    if problems.is_empty() {
        Ok(spec)
    } else {
        spec.attach_locations(&mut problems);
        Err(problems)
    }
}

/// The files that make up the spec at `path`: the file itself, or `openapi.yaml` followed by every other
/// `*.yaml`/`*.yml` file below the directory in path order.
fn spec_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let metadata = fs::metadata(path).map_err(|error| {
        Diagnostic::new(format!("cannot read the spec: {error}"))
            .with_file(path)
            .with_hint("pass an OpenAPI file or a directory that contains openapi.yaml")
    })?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let root = path.join(ROOT_FILE);
    if !root.is_file() {
        return Err(Diagnostic::new(format!("the spec directory has no {ROOT_FILE}"))
            .with_file(path)
            .with_hint(format!(
                "a spec directory needs a root document named {ROOT_FILE}; fragments are merged into it"
            ))
            .into());
    }
    let mut fragments = Vec::new();
    collect_yaml(path, &mut fragments).map_err(|error| {
        Diagnostic::new(format!("cannot list the spec directory: {error}"))
            .with_file(path)
            .with_hint("check the directory's permissions")
    })?;
    fragments.retain(|file| file != &root);
    fragments.sort();
    let mut files = vec![root];
    files.extend(fragments);
    Ok(files)
}

fn collect_yaml(dir: &Path, into: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_yaml(&path, into)?;
        } else if matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("yaml" | "yml")
        ) {
            into.push(path);
        }
    }
    Ok(())
}

/// Only OpenAPI 3.0.x is accepted: 3.1 changes the schema language, and Swagger 2.0 is a different format.
fn check_version(tree: &Node, files: &crate::load::SourceFiles, problems: &mut Diagnostics) {
    if let Some(swagger) = tree.get("swagger") {
        problems.push(
            Diagnostic::new("Swagger 2.0 documents are not supported; this generator reads OpenAPI 3.0.x")
                .with_location(files.location(swagger.key_position))
                .with_hint("convert the document to OpenAPI 3.0.3 (for example with swagger2openapi)"),
        );
        return;
    }
    let Some(entry) = tree.get("openapi") else {
        problems.push(
            Diagnostic::new("the root document has no `openapi` version field")
                .with_location(files.location(tree.position))
                .with_hint("add `openapi: 3.0.3` at the top of the root document"),
        );
        return;
    };
    let location = files.location(entry.value.position);
    match &entry.value.value {
        NodeValue::String(version) if is_openapi_30(version) => {}
        NodeValue::String(version) if version.starts_with("3.1") => problems.push(
            Diagnostic::new(format!(
                "OpenAPI {version} is not supported; this generator reads OpenAPI 3.0.x"
            ))
            .with_location(location)
            .with_hint(
                "write the document as OpenAPI 3.0.3: use `nullable: true` instead of `type: [T, \"null\"]`, \
                 `example` instead of `examples` in schemas, and single-valued `type`",
            ),
        ),
        NodeValue::String(version) => problems.push(
            Diagnostic::new(format!("unsupported OpenAPI version `{version}`"))
                .with_location(location)
                .with_hint("this generator reads OpenAPI 3.0.x documents; set `openapi: 3.0.3`"),
        ),
        _ => problems.push(
            Diagnostic::new(format!(
                "the `openapi` field must be a version string, found {}",
                entry.value.kind()
            ))
            .with_location(location)
            .with_hint("quote the version so YAML reads it as text: `openapi: \"3.0.3\"`"),
        ),
    }
}

fn is_openapi_30(version: &str) -> bool {
    let mut parts = version.split('.');
    parts.next() == Some("3")
        && parts.next() == Some("0")
        && parts
            .next()
            .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_none()
}

/// The typed parse. openapiv3's reference parser contains an `expect`, so the call is isolated: a panic
/// there becomes a diagnostic instead of ending the generator.
fn parse_document(json: &serde_json::Value) -> Result<openapiv3::OpenAPI, Diagnostic> {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(json)
    }));
    match result {
        Ok(Ok(document)) => Ok(document),
        Ok(Err(error)) => {
            let pointer = path_to_pointer(error.path());
            Err(
                Diagnostic::at(&pointer, format!("not a valid OpenAPI 3.0 document: {}", error.inner()))
                    .with_hint("compare this part with the OpenAPI 3.0.3 specification's object definitions"),
            )
        }
        Err(_) => Err(
            Diagnostic::new("the OpenAPI parser failed on this document without saying where")
                .with_hint("validate the document with an OpenAPI 3.0 validator to find the malformed part"),
        ),
    }
}

/// serde_path_to_error's `a.b[0].c` path as a JSON pointer.
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        pointer.push('/');
        match segment {
            Segment::Seq { index } => pointer.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => pointer.push_str(&escape_pointer_token(key)),
            Segment::Unknown => pointer.push('?'),
        }
    }
    pointer
}

pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

pub fn unescape_pointer_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn locate_in(tree: &Node, pointer: &str) -> Option<Position> {
    let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
    let mut node = tree;
    let mut position = tree.position;
    for token in pointer.split('/').skip(1) {
        let token = unescape_pointer_token(token);
        match &node.value {
            NodeValue::Mapping(entries) => match entries.iter().find(|entry| entry.key == token) {
                Some(entry) => {
                    position = entry.key_position;
                    node = &entry.value;
                }
                None => return Some(position),
            },
            NodeValue::Sequence(items) => match token.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(item) => {
                    position = item.position;
                    node = item;
                }
                None => return Some(position),
            },
            _ => return Some(position),
        }
    }
    Some(position)
}
