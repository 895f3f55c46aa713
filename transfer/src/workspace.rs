//! Workspace objects as bytes: `workspace.export` and `workspace.import`, which carry base64 content in JSON.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::models::{
    WorkspaceExportFormat, WorkspaceExportParams, WorkspaceImportFormat, WorkspaceImportMultipart, WorkspaceLanguage,
};
use databricks_client::{Client, ErrorKind};

use crate::WORKSPACE_CONTENT_LIMIT;
use crate::error::{TransferError, has_code, is_kind};

/// The error code of both calls for content over the limit.
const SIZE_EXCEEDED: &str = "MAX_NOTEBOOK_SIZE_EXCEEDED";

/// How [`import`] creates the object. Build it with `Default` and struct update syntax.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// How the server reads the content; it uses `SOURCE` when this is `None`.
    pub format: Option<WorkspaceImportFormat>,
    /// The notebook language, needed when a single notebook is imported as `SOURCE`.
    pub language: Option<WorkspaceLanguage>,
    /// Replace an object that already exists at the path.
    pub overwrite: bool,
}

/// The object or folder at the workspace `path`, exported in `format`, as bytes.
///
/// An export larger than the API returns ([`WORKSPACE_CONTENT_LIMIT`]) is a
/// [`TooLarge`](TransferError::TooLarge) error; a missing path is [`NotFound`](TransferError::NotFound).
pub async fn export(client: &Client, path: &str, format: WorkspaceExportFormat) -> Result<Vec<u8>, TransferError> {
    let params = WorkspaceExportParams { format: Some(format) };
    let exported = match client.workspace().export(path, &params).await {
        Ok(exported) => exported,
        Err(error) if has_code(&error, SIZE_EXCEEDED) => return Err(too_large("export", path, None)),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {
            return Err(TransferError::NotFound { path: path.to_owned() });
        }
        Err(error) => return Err(TransferError::api("exporting", path, error)),
    };
    BASE64
        .decode(exported.content.as_deref().unwrap_or_default())
        .map_err(|error| {
            TransferError::bad_response(path, format!("the exported content is not valid base64 ({error})"))
        })
}

/// Creates the workspace object at `path` from `content`.
///
/// Content over [`WORKSPACE_CONTENT_LIMIT`] is refused with [`TooLarge`](TransferError::TooLarge) before
/// anything is sent; an existing object without `overwrite` is [`AlreadyExists`](TransferError::AlreadyExists).
pub async fn import(client: &Client, path: &str, content: &[u8], options: &ImportOptions) -> Result<(), TransferError> {
    let size = content.len() as u64;
    if size > WORKSPACE_CONTENT_LIMIT {
        return Err(too_large("import", path, Some(size)));
    }
    // As a multipart upload, as the official SDKs send it: the bytes as they are, a third smaller than base64.
    let fields = WorkspaceImportMultipart {
        format: options.format.clone(),
        language: options.language.clone(),
        overwrite: options.overwrite.then_some(true),
        ..WorkspaceImportMultipart::new(path)
    };
    match client.workspace().import_multipart(&fields, content.to_vec()).await {
        Ok(_) => Ok(()),
        Err(error) if has_code(&error, SIZE_EXCEEDED) => Err(too_large("import", path, Some(size))),
        Err(error) if is_kind(&error, ErrorKind::ResourceAlreadyExists) => {
            Err(TransferError::AlreadyExists { path: path.to_owned() })
        }
        Err(error) => Err(TransferError::api("importing", path, error)),
    }
}

fn too_large(operation: &'static str, path: &str, size: Option<u64>) -> TransferError {
    TransferError::TooLarge {
        operation,
        path: path.to_owned(),
        size,
        limit: WORKSPACE_CONTENT_LIMIT,
    }
}
