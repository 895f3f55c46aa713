//! The one error type of the transfer helpers.

use std::fmt;
use std::io;
use std::path::PathBuf;

use databricks_client::{Error, ErrorKind, ErrorKindOf as _};

/// Anything that can go wrong with a transfer. Each message names the path and, where there is one, the
/// next step.
#[derive(Debug)]
#[non_exhaustive]
pub enum TransferError {
    /// An API call failed; `doing` says which step (`"uploading to"`, `"reading"`, ...).
    Api {
        doing: &'static str,
        path: String,
        /// Boxed: the client's error is large, and this one travels through every `Result` of the crate.
        source: Box<Error>,
    },
    /// Reading or writing the local side failed. `path` is `None` for a reader given to
    /// [`upload_reader`](crate::upload_reader).
    Io {
        doing: &'static str,
        path: Option<PathBuf>,
        source: io::Error,
    },
    /// The target exists and overwriting was not asked for. Nothing was sent.
    AlreadyExists { path: String },
    /// Nothing exists at the remote path.
    NotFound { path: String },
    /// The remote path is a directory where a file is needed.
    IsDirectory { path: String },
    /// The remote path cannot name a file (`dbfs:/tmp/`, `relative/path`).
    InvalidPath { path: String, reason: &'static str },
    /// The content is over an API limit. `size` is known for an import (checked before sending) and unknown
    /// for an export (the server refused it).
    TooLarge {
        operation: &'static str,
        path: String,
        size: Option<u64>,
        limit: u64,
    },
    /// The server's answer does not add up (a short or empty read, undecodable data, a size that does not
    /// match the file's). Nothing was written locally.
    BadResponse { path: String, problem: String },
    /// An overwriting upload finished, but moving the new file into place failed (`source`), and so did
    /// moving the old file, set aside at `backup`, back (`restore`): the new content is complete at
    /// `uploaded`, the old file is at `backup`.
    SwapFailed {
        path: String,
        uploaded: String,
        backup: String,
        source: Box<Error>,
        restore: Box<Error>,
    },
    /// The upload replaced the file at `path`, but the old file, moved aside to `backup` meanwhile, could not
    /// be deleted.
    OldFileLeft {
        path: String,
        backup: String,
        source: Box<Error>,
    },
    /// The transfer was cancelled through its options' `cancel` token; what it had written was removed.
    Cancelled { path: String },
    /// `error` happened, and the partial file the transfer had created could not be removed.
    LeftBehind {
        error: Box<TransferError>,
        leftover: String,
    },
}

impl TransferError {
    /// The API error underneath, when an API call failed.
    pub fn api_error(&self) -> Option<&Error> {
        match self {
            TransferError::Api { source, .. }
            | TransferError::SwapFailed { source, .. }
            | TransferError::OldFileLeft { source, .. } => Some(source.as_ref()),
            TransferError::LeftBehind { error, .. } => error.api_error(),
            _ => None,
        }
    }

    pub(crate) fn api(doing: &'static str, path: &str, source: Error) -> TransferError {
        TransferError::Api {
            doing,
            path: path.to_owned(),
            source: Box::new(source),
        }
    }

    pub(crate) fn io(doing: &'static str, path: Option<&std::path::Path>, source: io::Error) -> TransferError {
        TransferError::Io {
            doing,
            path: path.map(ToOwned::to_owned),
            source,
        }
    }

    pub(crate) fn bad_response(path: &str, problem: impl Into<String>) -> TransferError {
        TransferError::BadResponse {
            path: path.to_owned(),
            problem: problem.into(),
        }
    }
}

/// Whether an API error means "nothing there" or "something already there".
pub(crate) fn is_kind(error: &Error, kind: ErrorKind) -> bool {
    error.as_api().is_some_and(|api| api.kind().is(kind))
}

pub(crate) fn has_code(error: &Error, code: &str) -> bool {
    error
        .as_api()
        .is_some_and(|api| api.error_code.as_deref() == Some(code))
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::Api { doing, path, source } => write!(f, "{doing} {path} failed: {source}"),
            TransferError::Io { doing, path, source } => match path {
                Some(path) => write!(f, "cannot {doing} {}: {source}", path.display()),
                None => write!(f, "cannot {doing} the input: {source}"),
            },
            TransferError::AlreadyExists { path } => {
                write!(
                    f,
                    "{path} already exists and was left unchanged; set `overwrite` to replace it"
                )
            }
            TransferError::NotFound { path } => {
                write!(
                    f,
                    "nothing exists at {path}; check the path by listing its parent folder"
                )
            }
            TransferError::IsDirectory { path } => {
                write!(
                    f,
                    "{path} is a directory, not a file; name a file (inside it, for example)"
                )
            }
            TransferError::InvalidPath { path, reason } => write!(f, "`{path}` cannot name a file: {reason}"),
            TransferError::TooLarge {
                operation,
                path,
                size: Some(size),
                limit,
            } => write!(
                f,
                "cannot {operation} {path}: its {size} bytes are more than the {limit} bytes the workspace API \
                 accepts; nothing was sent. Split it, or put large data in DBFS or a volume instead"
            ),
            TransferError::TooLarge {
                operation,
                path,
                size: None,
                limit,
            } => write!(
                f,
                "cannot {operation} {path}: the result is larger than the {limit} bytes the workspace API returns. \
                 Export a smaller folder or object, or another format (SOURCE is the most compact)"
            ),
            TransferError::BadResponse { path, problem } => write!(
                f,
                "the transfer of {path} was stopped: {problem}. Nothing was written; try again, and if it \
                 persists, check whether the file is being changed meanwhile"
            ),
            TransferError::SwapFailed {
                path,
                uploaded,
                backup,
                source,
                restore,
            } => write!(
                f,
                "the upload to {path} finished, but moving it into place failed ({source}), and so did moving \
                 the old file back ({restore}). The new content is complete at {uploaded} and the old file is at \
                 {backup}; put one of them in place with `dbr dbfs move {uploaded} {path}` or \
                 `dbr dbfs move {backup} {path}`"
            ),
            TransferError::OldFileLeft { path, backup, source } => write!(
                f,
                "{path} was replaced, but the old file, moved aside to {backup}, could not be deleted: {source}; \
                 delete it with `dbr dbfs delete {backup}`"
            ),
            TransferError::Cancelled { path } => write!(f, "the transfer of {path} was cancelled"),
            TransferError::LeftBehind { error, leftover } => write!(
                f,
                "{error}; the partial file {leftover} could not be removed: delete it with \
                 `dbr dbfs delete {leftover}`"
            ),
        }
    }
}

impl std::error::Error for TransferError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TransferError::Api { source, .. }
            | TransferError::SwapFailed { source, .. }
            | TransferError::OldFileLeft { source, .. } => Some(source.as_ref()),
            TransferError::Io { source, .. } => Some(source),
            TransferError::LeftBehind { error, .. } => Some(error.as_ref()),
            TransferError::AlreadyExists { .. }
            | TransferError::NotFound { .. }
            | TransferError::IsDirectory { .. }
            | TransferError::InvalidPath { .. }
            | TransferError::TooLarge { .. }
            | TransferError::BadResponse { .. }
            | TransferError::Cancelled { .. } => None,
        }
    }
}
