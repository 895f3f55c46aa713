//! Workspace objects as bytes: `workspace.export` as the raw file (`direct_download`) and `workspace.import`
//! as a multipart upload, as the official SDKs send them: no base64 either way.

use std::path::Path;

use databricks_client::models::{
    WorkspaceExportFormat, WorkspaceExportParams, WorkspaceImportFormat, WorkspaceImportMultipart, WorkspaceLanguage,
};
use databricks_client::{Client, Error, ErrorKind};
use tokio::io::AsyncWrite;

use crate::WORKSPACE_CONTENT_LIMIT;
use crate::error::{TransferError, has_code, is_kind};
use crate::temp_file::create_temp_beside;

/// The error code of both calls for content over the limit.
const SIZE_EXCEEDED: &str = "MAX_NOTEBOOK_SIZE_EXCEEDED";
/// The error code the official CLI also takes for an export refused for its size.
const READ_SIZE_EXCEEDED: &str = "MAX_READ_SIZE_EXCEEDED";

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

/// The object or folder at the workspace `path`, exported in `format`, as bytes in memory. See
/// [`export_to`].
pub async fn export(client: &Client, path: &str, format: WorkspaceExportFormat) -> Result<Vec<u8>, TransferError> {
    let mut content = Vec::new();
    export_to(client, path, format, &mut content).await?;
    Ok(content)
}

/// Writes the object or folder at the workspace `path`, exported in `format`, to `writer` as it arrives,
/// and returns how many bytes that was. It comes as the raw file (`direct_download`), as the official
/// SDKs' `Download` asks for it, so it is never held whole in memory nor base64-encoded.
///
/// An export the server refuses for its size is a [`TooLarge`](TransferError::TooLarge) error; a missing
/// path is [`NotFound`](TransferError::NotFound). What was written before a failure stays written.
pub async fn export_to<W: AsyncWrite + Unpin + ?Sized>(
    client: &Client,
    path: &str,
    format: WorkspaceExportFormat,
    writer: &mut W,
) -> Result<u64, TransferError> {
    let params = WorkspaceExportParams { format: Some(format) };
    let refused = |error: Error| {
        if has_code(&error, SIZE_EXCEEDED) || has_code(&error, READ_SIZE_EXCEEDED) {
            too_large("export", path, None)
        } else if is_kind(&error, ErrorKind::NotFound) {
            TransferError::NotFound { path: path.to_owned() }
        } else {
            TransferError::api("exporting", path, error)
        }
    };
    let stream = client.workspace().export_bytes(path, &params).await.map_err(refused)?;
    stream.write_to(writer).await.map_err(|error| match error {
        Error::Output { source, .. } => TransferError::io("write", None, source),
        other => TransferError::api("exporting", path, other),
    })
}

/// Exports the object at the workspace `path` in `format` to the local file `destination`, streamed into a
/// temporary file beside it that replaces `destination` only once complete: a failed, cancelled or dropped
/// export leaves no partial file. Without `overwrite`, an existing file is
/// [`AlreadyExists`](TransferError::AlreadyExists) and left unchanged. Returns the number of bytes.
pub async fn export_file(
    client: &Client,
    path: &str,
    format: WorkspaceExportFormat,
    destination: &Path,
    overwrite: bool,
) -> Result<u64, TransferError> {
    // Checked first, as the final rename replaces what is there.
    if !overwrite && tokio::fs::symlink_metadata(destination).await.is_ok() {
        return Err(TransferError::AlreadyExists {
            path: destination.display().to_string(),
        });
    }
    let (mut file, temp) = create_temp_beside(destination, "export").await?;
    let written = export_to(client, path, format, &mut file)
        .await
        .map_err(|error| match error {
            TransferError::Io {
                doing,
                path: None,
                source,
            } => TransferError::io(doing, Some(temp.path()), source),
            other => other,
        })?;
    temp.persist(file, destination).await?;
    Ok(written)
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
