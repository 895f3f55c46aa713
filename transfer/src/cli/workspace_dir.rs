//! `dbr workspace export-dir` and `import-dir`: a workspace folder to this computer and back, one object
//! per API call, several at a time.
//!
//! Notebooks are named as the Databricks CLI names them: exported as SOURCE they get the extension of
//! their language (`.py`, `.scala`, `.sql`, `.r`); a local `.py`, `.scala`, `.sql` or `.r` file whose first
//! line is the notebook header that language's SOURCE export starts with is imported as a notebook without
//! the extension, and a `.ipynb` file as a Jupyter notebook. Every other file is a workspace file. Objects
//! are exported as raw files streamed to disk; an import over the API's 10 MiB limit, or an export the API
//! refuses for its size, is skipped with a warning.

use std::io::Read;
use std::path::{Path, PathBuf};

use databricks_client::Client;
use databricks_client::models::{
    WorkspaceExportFormat, WorkspaceImportFormat, WorkspaceLanguage, WorkspaceMkdirs, WorkspaceObjectType,
};
use databricks_runtime::cli::clap::builder::PossibleValuesParser;
use databricks_runtime::cli::clap::{Arg, ArgAction, ArgMatches, Command};
use databricks_runtime::cli::{CliError, Output, Session};

use super::batch::{DEFAULT_CONCURRENCY, Job, Outcome, run_all};
use super::interrupt::{cancel_on_interrupt, or_interrupted};
use super::paths::local_join;
use super::progress::Meter;
use super::tree::{join_relative, walk_local};
use super::{client, describe, human_size, value};
use crate::{CancellationToken, ImportOptions, TransferError, WORKSPACE_CONTENT_LIMIT, export_file, import};

const SOURCE_DIR: &str = "SOURCE_DIR";
const TARGET_DIR: &str = "TARGET_DIR";
const OVERWRITE: &str = "overwrite";
const FORMAT: &str = "format";

/// The `--format` values of `export-dir`: the API's export formats that make sense for one notebook.
const EXPORT_FORMATS: [&str; 5] = ["SOURCE", "HTML", "JUPYTER", "DBC", "R_MARKDOWN"];

pub(super) fn commands() -> Vec<Command> {
    let overwrite = |help: &'static str| {
        Arg::new(OVERWRITE)
            .long(OVERWRITE)
            .action(ArgAction::SetTrue)
            .help(help)
    };
    vec![
        Command::new("export-dir")
            .about("Export a workspace folder, with everything in it, to a local folder")
            .long_about(
                "Export a workspace folder, with everything in it, to a local folder.\n\n\
                 Notebooks exported as SOURCE get the extension of their language (.py, .scala, .sql, .r); other \
                 formats get .html, .ipynb, .dbc or .Rmd. Files are written as they are, streamed as they arrive. An \
                 object the workspace API refuses to export for its size is skipped with a warning, as are \
                 libraries and dashboards. \
                 A summary goes to standard error; when some objects fail, the others are still exported, every \
                 failure is listed, and the exit code is 4. Each file is written to a temporary file beside it and \
                 renamed into place when complete; Ctrl-C stops the export, removes those, and exits with code 130.",
            )
            .arg(
                Arg::new(SOURCE_DIR)
                    .required(true)
                    .value_name(SOURCE_DIR)
                    .help("The workspace folder, as /Users/..."),
            )
            .arg(
                Arg::new(TARGET_DIR)
                    .required(true)
                    .value_name(TARGET_DIR)
                    .help("The local folder, created if needed"),
            )
            .arg(overwrite(
                "Replace local files that exist; without it, each is an error and left unchanged",
            ))
            .arg(
                Arg::new(FORMAT)
                    .long(FORMAT)
                    .value_name("FORMAT")
                    .default_value("SOURCE")
                    .value_parser(PossibleValuesParser::new(EXPORT_FORMATS))
                    .help("How notebooks are exported"),
            ),
        Command::new("import-dir")
            .about("Import a local folder, with everything in it, into a workspace folder")
            .long_about(
                "Import a local folder, with everything in it, into a workspace folder.\n\n\
                 A .py, .scala, .sql or .r file that starts with the line `# Databricks notebook source` (`//` for \
                 Scala, `--` for SQL) becomes a notebook in that language, and a .ipynb file a Jupyter notebook, \
                 both without the extension; every other file becomes a workspace file. A file larger than the \
                 10 MiB the workspace API imports is skipped with a warning. A summary goes to standard error; when \
                 some files fail, the others are still imported, every failure is listed, and the exit code is 4. \
                 Ctrl-C stops the import (each file is imported whole or not at all) and exits with code 130.",
            )
            .arg(
                Arg::new(SOURCE_DIR)
                    .required(true)
                    .value_name(SOURCE_DIR)
                    .help("The local folder"),
            )
            .arg(
                Arg::new(TARGET_DIR)
                    .required(true)
                    .value_name(TARGET_DIR)
                    .help("The workspace folder, as /Users/..., created if needed"),
            )
            .arg(overwrite(
                "Replace workspace objects that exist; without it, each is an error and left unchanged",
            )),
    ]
}

/// An absolute workspace path without a trailing slash.
fn workspace_path(raw: &str) -> Result<String, CliError> {
    if !raw.starts_with('/') {
        return Err(CliError::Usage(format!(
            "`{raw}` is not a workspace path: they are absolute, as in /Users/someone@example.com/project"
        )));
    }
    let trimmed = raw.trim_end_matches('/');
    Ok(if trimmed.is_empty() {
        "/".to_owned()
    } else {
        trimmed.to_owned()
    })
}

/// The workspace path `relative` (segments separated by `/`) below `root`.
fn workspace_join(root: &str, relative: &str) -> String {
    match (root, relative) {
        (_, "") => root.to_owned(),
        ("/", _) => format!("/{relative}"),
        _ => format!("{root}/{relative}"),
    }
}

// ---- export --file ----

/// `--file` of the spec's `dbr workspace export`, and the ids of the generated command's own arguments.
const EXPORT_FILE: &str = "file";
const EXPORT_PATH: &str = "PATH";
const EXPORT_FORMAT: &str = "format";
const EXPORT_JSON: &str = "json";

/// Gives the spec's `workspace export` command `--file PATH`, as the official CLI has it.
pub(super) fn add_export_file(root: Command) -> Command {
    let has_export = root
        .find_subcommand("workspace")
        .is_some_and(|workspace| workspace.find_subcommand("export").is_some());
    if !has_export {
        return root;
    }
    let file = Arg::new(EXPORT_FILE)
        .long(EXPORT_FILE)
        .value_name("FILE")
        .conflicts_with(EXPORT_JSON)
        .help(
            "Write the export to this local file, as the raw file streamed as it arrives (no base64, no JSON); \
             an existing file is replaced once the export is complete",
        );
    root.mut_subcommand("workspace", |workspace| {
        workspace.mut_subcommand("export", |export| export.arg(file))
    })
}

/// `dbr workspace export PATH --file FILE`; `None` without `--file`, which the generated command answers.
pub(super) fn export_file_command(matches: &ArgMatches, session: &mut Session<'_>) -> Option<Result<Output, CliError>> {
    let destination = PathBuf::from(matches.get_one::<String>(EXPORT_FILE)?);
    Some(export_one(matches, &destination, session))
}

fn export_one(matches: &ArgMatches, destination: &Path, session: &mut Session<'_>) -> Result<Output, CliError> {
    let Some(source) = matches.get_one::<String>(EXPORT_PATH) else {
        return Err(CliError::Usage(
            "give the workspace path to export: `dbr workspace export PATH --file FILE`".to_owned(),
        ));
    };
    let format = matches
        .get_one::<String>(EXPORT_FORMAT)
        .map_or(WorkspaceExportFormat::Source, |format| {
            WorkspaceExportFormat::from(format.as_str())
        });
    let client = client(session)?;
    let cancel = cancel_on_interrupt(session)?;
    // Dropping the export on Ctrl-C removes its temporary file; the destination is untouched until the end.
    let exporting = export_file(&client, source, format, destination, true);
    match session.block_on(cancel.run_until_cancelled(exporting)) {
        Some(Ok(_)) => Ok(Output::Done),
        Some(Err(error)) => Err(CliError::Failed(describe(&error))),
        None => Err(CliError::Interrupted(format!(
            "interrupted; {} was left unchanged",
            destination.display()
        ))),
    }
}

// ---- export-dir ----

pub(super) fn export_dir(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let source = workspace_path(value(matches, SOURCE_DIR))?;
    let target = PathBuf::from(value(matches, TARGET_DIR));
    let format = match value(matches, FORMAT) {
        "HTML" => WorkspaceExportFormat::Html,
        "JUPYTER" => WorkspaceExportFormat::Jupyter,
        "DBC" => WorkspaceExportFormat::Dbc,
        "R_MARKDOWN" => WorkspaceExportFormat::RMarkdown,
        _ => WorkspaceExportFormat::Source,
    };
    let overwrite = matches.get_flag(OVERWRITE);
    let client = client(session)?;
    let cancel = cancel_on_interrupt(session)?;
    let planning = plan_export(&client, &source, &target, &format, overwrite);
    let plan = session.block_on(or_interrupted(&cancel, "exported", planning))?;
    for folder in &plan.folders {
        std::fs::create_dir_all(folder)
            .map_err(|error| CliError::Failed(format!("cannot create the folder {}: {error}", folder.display())))?;
    }
    let meter = Meter::default();
    let mut report = session.block_on(run_all(&client, plan.jobs, DEFAULT_CONCURRENCY, &meter, &cancel));
    report.skipped.extend(plan.skipped);
    report.conclude(session, "exported")
}

struct ExportPlan {
    jobs: Vec<ExportJob>,
    /// Local folders to create first (with their parents).
    folders: Vec<PathBuf>,
    skipped: Vec<(String, String)>,
}

/// Walks the workspace folder `root` (one `workspace.list` per folder; Git folders count as folders).
async fn plan_export(
    client: &Client,
    root: &str,
    target: &Path,
    format: &WorkspaceExportFormat,
    overwrite: bool,
) -> Result<ExportPlan, CliError> {
    let workspace = client.workspace();
    let info = workspace.get_status(root).await?;
    if !is_folder_type(info.object_type.as_ref()) {
        return Err(CliError::Usage(format!(
            "{root} is not a folder; export a single object with `dbr workspace export`"
        )));
    }
    let mut plan = ExportPlan {
        jobs: Vec::new(),
        folders: Vec::new(),
        skipped: Vec::new(),
    };
    let mut folders = vec![String::new()];
    while let Some(folder) = folders.pop() {
        let listed = workspace
            .list(&workspace_join(root, &folder), &Default::default())
            .await?;
        let mut has_subfolders = false;
        for object in listed.objects.unwrap_or_default() {
            let Some(path) = object.path.clone() else {
                return Err(CliError::Failed(format!(
                    "listing {} returned an object without a path: {object:?}",
                    workspace_join(root, &folder)
                )));
            };
            let relative = join_relative(&folder, path.rsplit('/').next().unwrap_or_default());
            if is_folder_type(object.object_type.as_ref()) {
                has_subfolders = true;
                folders.push(relative);
                continue;
            }
            let (format, extension) = match &object.object_type {
                Some(WorkspaceObjectType::Notebook) => {
                    (format.clone(), notebook_extension(format, object.language.as_ref()))
                }
                // SOURCE is what the API uses when no format is given: files come back exactly as stored.
                Some(WorkspaceObjectType::File) => (WorkspaceExportFormat::Source, ""),
                other => {
                    let kind = other.as_ref().map_or("UNKNOWN", WorkspaceObjectType::as_str);
                    plan.skipped.push((path, format!("a {kind} object cannot be exported")));
                    continue;
                }
            };
            plan.jobs.push(ExportJob {
                from: path,
                to: local_join(target, &format!("{relative}{extension}")),
                format,
                overwrite,
            });
        }
        if !has_subfolders {
            plan.folders.push(local_join(target, &folder));
        }
    }
    plan.jobs.sort_by(|a, b| a.from.cmp(&b.from));
    Ok(plan)
}

fn is_folder_type(object_type: Option<&WorkspaceObjectType>) -> bool {
    matches!(
        object_type,
        Some(WorkspaceObjectType::Directory | WorkspaceObjectType::Repo)
    )
}

/// The extension of an exported notebook: for SOURCE, the language's, as the Databricks CLI adds it (none
/// for a language it does not know); for the other formats, the format's.
fn notebook_extension(format: &WorkspaceExportFormat, language: Option<&WorkspaceLanguage>) -> &'static str {
    match format {
        WorkspaceExportFormat::Html => ".html",
        WorkspaceExportFormat::Jupyter => ".ipynb",
        WorkspaceExportFormat::Dbc => ".dbc",
        WorkspaceExportFormat::RMarkdown => ".Rmd",
        _ => match language {
            Some(WorkspaceLanguage::Python) => ".py",
            Some(WorkspaceLanguage::Scala) => ".scala",
            Some(WorkspaceLanguage::Sql) => ".sql",
            Some(WorkspaceLanguage::R) => ".r",
            _ => "",
        },
    }
}

/// One workspace object to write to a local file.
struct ExportJob {
    from: String,
    to: PathBuf,
    format: WorkspaceExportFormat,
    overwrite: bool,
}

impl Job for ExportJob {
    fn label(&self) -> String {
        format!("{} -> {}", self.from, self.to.display())
    }

    async fn run(self, client: Client, _: Meter, cancel: CancellationToken) -> Result<Outcome, TransferError> {
        // Dropping the export is safe: it writes only through a temporary file.
        let cancelled = TransferError::Cancelled {
            path: self.from.clone(),
        };
        cancel
            .run_until_cancelled(self.export(client))
            .await
            .unwrap_or(Err(cancelled))
    }
}

impl ExportJob {
    async fn export(self, client: Client) -> Result<Outcome, TransferError> {
        // The raw file, streamed to disk, as the official CLI's export-dir downloads each object.
        match export_file(&client, &self.from, self.format, &self.to, self.overwrite).await {
            Ok(bytes) => Ok(Outcome::Done { bytes }),
            Err(TransferError::TooLarge { .. }) => Ok(Outcome::Skipped {
                reason: "it is too large for the workspace API to export".to_owned(),
            }),
            Err(error) => Err(error),
        }
    }
}

// ---- import-dir ----

pub(super) fn import_dir(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let source = PathBuf::from(value(matches, SOURCE_DIR));
    let target = workspace_path(value(matches, TARGET_DIR))?;
    let overwrite = matches.get_flag(OVERWRITE);
    if !source.is_dir() {
        return Err(CliError::Usage(format!("{} is not a local folder", source.display())));
    }
    let tree = walk_local(&source)?;
    let mut jobs = Vec::with_capacity(tree.files.len());
    for (relative, size) in &tree.files {
        let from = local_join(&source, relative);
        let (kind, relative_target) = classify(&from, relative)
            .map_err(|error| CliError::Failed(format!("cannot read {}: {error}", from.display())))?;
        jobs.push(ImportJob {
            from,
            to: workspace_join(&target, &relative_target),
            kind,
            size: *size,
            overwrite,
        });
    }
    let client = client(session)?;
    let cancel = cancel_on_interrupt(session)?;
    let mut report = session.block_on(async {
        let creating_folders = async {
            for folder in &tree.leaf_folders {
                let body = WorkspaceMkdirs::new(workspace_join(&target, folder));
                client.workspace().mkdirs(&body).await?;
            }
            Ok(())
        };
        or_interrupted(&cancel, "imported", creating_folders).await?;
        Ok::<_, CliError>(run_all(&client, jobs, DEFAULT_CONCURRENCY, &Meter::default(), &cancel).await)
    })?;
    let skipped = tree.skipped.into_iter();
    report
        .skipped
        .extend(skipped.map(|(relative, reason)| (local_join(&source, &relative).display().to_string(), reason)));
    report.conclude(session, "imported")
}

/// What a local file becomes in the workspace.
#[derive(Clone, Debug, PartialEq)]
enum ImportKind {
    Notebook(WorkspaceLanguage),
    Jupyter,
    File,
}

/// The notebook header of each language's SOURCE export, by file extension (lower case), as the Databricks
/// CLI recognises notebooks.
const NOTEBOOK_HEADERS: [(&str, &str, WorkspaceLanguage); 4] = [
    ("py", "# Databricks notebook source", WorkspaceLanguage::Python),
    ("r", "# Databricks notebook source", WorkspaceLanguage::R),
    ("scala", "// Databricks notebook source", WorkspaceLanguage::Scala),
    ("sql", "-- Databricks notebook source", WorkspaceLanguage::Sql),
];

/// What the file at `path` (`relative` below the imported folder) becomes, and its path relative to the
/// target folder: a notebook loses its extension.
fn classify(path: &Path, relative: &str) -> std::io::Result<(ImportKind, String)> {
    let Some((stem, extension)) = relative
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.ends_with('/') && !stem.is_empty())
    else {
        return Ok((ImportKind::File, relative.to_owned()));
    };
    let extension = extension.to_ascii_lowercase();
    if extension == "ipynb" {
        return Ok((ImportKind::Jupyter, stem.to_owned()));
    }
    let Some((_, header, language)) = NOTEBOOK_HEADERS.iter().find(|(known, ..)| *known == extension) else {
        return Ok((ImportKind::File, relative.to_owned()));
    };
    // The header and a line break, at most.
    let mut start = Vec::with_capacity(header.len() + 2);
    std::fs::File::open(path)?
        .take(header.len() as u64 + 2)
        .read_to_end(&mut start)?;
    let first_line = start.split(|byte| *byte == b'\n').next().unwrap_or_default();
    let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    Ok(if first_line == header.as_bytes() {
        (ImportKind::Notebook(language.clone()), stem.to_owned())
    } else {
        (ImportKind::File, relative.to_owned())
    })
}

/// One local file to import.
struct ImportJob {
    from: PathBuf,
    to: String,
    kind: ImportKind,
    size: u64,
    overwrite: bool,
}

impl Job for ImportJob {
    fn label(&self) -> String {
        format!("{} -> {}", self.from.display(), self.to)
    }

    async fn run(self, client: Client, _: Meter, cancel: CancellationToken) -> Result<Outcome, TransferError> {
        // One `workspace.import` call: stopping it imports the file whole or not at all.
        let cancelled = TransferError::Cancelled { path: self.to.clone() };
        cancel
            .run_until_cancelled(self.import(client))
            .await
            .unwrap_or(Err(cancelled))
    }
}

impl ImportJob {
    async fn import(self, client: Client) -> Result<Outcome, TransferError> {
        let too_large = || Outcome::Skipped {
            reason: format!(
                "its {} are more than the {} the workspace API imports",
                human_size(self.size),
                human_size(WORKSPACE_CONTENT_LIMIT)
            ),
        };
        // Checked before reading, so a large file is never loaded.
        if self.size > WORKSPACE_CONTENT_LIMIT {
            return Ok(too_large());
        }
        let content = tokio::fs::read(&self.from)
            .await
            .map_err(|error| TransferError::io("read", Some(&self.from), error))?;
        let (format, language) = match &self.kind {
            ImportKind::Notebook(language) => (WorkspaceImportFormat::Source, Some(language.clone())),
            ImportKind::Jupyter => (WorkspaceImportFormat::Jupyter, None),
            // AUTO makes a workspace file of anything that is not a notebook.
            ImportKind::File => (WorkspaceImportFormat::Auto, None),
        };
        let options = ImportOptions {
            format: Some(format),
            language,
            overwrite: self.overwrite,
        };
        match import(&client, &self.to, &content, &options).await {
            Ok(()) => Ok(Outcome::Done {
                bytes: content.len() as u64,
            }),
            Err(TransferError::TooLarge { .. }) => Ok(too_large()),
            Err(error) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_paths_are_absolute() {
        assert_eq!(workspace_path("/Users/me/").unwrap(), "/Users/me");
        assert_eq!(workspace_path("/").unwrap(), "/");
        assert!(matches!(workspace_path("Users/me"), Err(CliError::Usage(_))));
        assert_eq!(workspace_join("/", "a/b"), "/a/b");
        assert_eq!(workspace_join("/x", "a"), "/x/a");
        assert_eq!(workspace_join("/x", ""), "/x");
    }

    #[test]
    fn source_notebooks_are_named_by_language() {
        let source = WorkspaceExportFormat::Source;
        assert_eq!(notebook_extension(&source, Some(&WorkspaceLanguage::Python)), ".py");
        assert_eq!(notebook_extension(&source, Some(&WorkspaceLanguage::Scala)), ".scala");
        assert_eq!(notebook_extension(&source, Some(&WorkspaceLanguage::Sql)), ".sql");
        assert_eq!(notebook_extension(&source, Some(&WorkspaceLanguage::R)), ".r");
        assert_eq!(notebook_extension(&source, None), "");
        let jupyter = WorkspaceExportFormat::Jupyter;
        assert_eq!(notebook_extension(&jupyter, Some(&WorkspaceLanguage::Scala)), ".ipynb");
    }

    #[test]
    fn notebooks_are_recognised_by_extension_and_header() {
        let dir = std::env::temp_dir().join(format!("dbr-classify-test-{}", crate::random_suffix()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases: [(&str, &[u8]); 8] = [
            ("nb.py", b"# Databricks notebook source\nprint(1)\n"),
            ("crlf.SQL", b"-- Databricks notebook source\r\nselect 1\n"),
            ("plain.py", b"print(1)\n"),
            ("wrong.scala", b"# Databricks notebook source\n"),
            ("short.r", b"# Databricks"),
            ("book.ipynb", b"{}"),
            ("data.csv", b"# Databricks notebook source\n"),
            (".py", b"# Databricks notebook source\n"),
        ];
        let mut results = Vec::new();
        for (name, content) in cases {
            std::fs::write(dir.join(name), content).unwrap();
            results.push(classify(&dir.join(name), &format!("sub/{name}")).unwrap());
        }
        std::fs::remove_dir_all(&dir).unwrap();
        let expected = [
            (ImportKind::Notebook(WorkspaceLanguage::Python), "sub/nb"),
            (ImportKind::Notebook(WorkspaceLanguage::Sql), "sub/crlf"),
            (ImportKind::File, "sub/plain.py"),
            (ImportKind::File, "sub/wrong.scala"),
            (ImportKind::File, "sub/short.r"),
            (ImportKind::Jupyter, "sub/book"),
            (ImportKind::File, "sub/data.csv"),
            (ImportKind::File, "sub/.py"),
        ];
        let expected: Vec<(ImportKind, String)> = expected
            .into_iter()
            .map(|(kind, path)| (kind, path.to_owned()))
            .collect();
        assert_eq!(results, expected);
    }
}
