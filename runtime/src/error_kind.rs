//! What kind of failure an API error is, independent of how the server spelled it. The mapping is data, in
//! the three tables below, applied in order: per-operation overrides, then the Databricks `error_code`,
//! then the HTTP status.

use crate::{ApiError, Error};

/// The kind of an API error. Specific kinds refine a canonical one ([`ErrorKind::canonical`]):
/// `ResourceDoesNotExist` is a `NotFound`, so code that asks "was it not found?" need not list both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    BadRequest,
    Unauthenticated,
    PermissionDenied,
    NotFound,
    Conflict,
    TooManyRequests,
    Cancelled,
    Internal,
    NotImplemented,
    Unavailable,
    DeadlineExceeded,
    InvalidParameterValue,
    InvalidState,
    ResourceDoesNotExist,
    ResourceAlreadyExists,
    Aborted,
    AlreadyExists,
    ResourceExhausted,
    RequestLimitExceeded,
    DataLoss,
    Unknown,
}

impl ErrorKind {
    /// The canonical kind this one refines (itself for a canonical kind).
    pub fn canonical(self) -> ErrorKind {
        use ErrorKind::*;
        match self {
            InvalidParameterValue => BadRequest,
            InvalidState => BadRequest,
            ResourceDoesNotExist => NotFound,
            ResourceAlreadyExists | Aborted | AlreadyExists => Conflict,
            ResourceExhausted | RequestLimitExceeded => TooManyRequests,
            DataLoss => Internal,
            other => other,
        }
    }

    /// Whether this kind is `kind` or refines it: `ResourceDoesNotExist.is(NotFound)` holds.
    pub fn is(self, kind: ErrorKind) -> bool {
        self == kind || self.canonical() == kind
    }
}

/// Answers that mean something else than their code says. Databricks reports a missing cluster, job or run
/// from these `get` calls as `400 INVALID_PARAMETER_VALUE` with "... does not exist"; that is a not-found.
/// (operation, HTTP status, error code, text the message contains, kind)
const OVERRIDES: &[(&str, u16, &str, &str, ErrorKind)] = &[
    (
        "clusters.get",
        400,
        "INVALID_PARAMETER_VALUE",
        "does not exist",
        ErrorKind::ResourceDoesNotExist,
    ),
    (
        "jobs.get",
        400,
        "INVALID_PARAMETER_VALUE",
        "does not exist",
        ErrorKind::ResourceDoesNotExist,
    ),
    (
        "jobs.getRun",
        400,
        "INVALID_PARAMETER_VALUE",
        "does not exist",
        ErrorKind::ResourceDoesNotExist,
    ),
    (
        "jobs.getRunOutput",
        400,
        "INVALID_PARAMETER_VALUE",
        "does not exist",
        ErrorKind::ResourceDoesNotExist,
    ),
];

/// Databricks error codes.
const ERROR_CODES: &[(&str, ErrorKind)] = &[
    ("BAD_REQUEST", ErrorKind::BadRequest),
    ("INVALID_PARAMETER_VALUE", ErrorKind::InvalidParameterValue),
    ("MALFORMED_REQUEST", ErrorKind::BadRequest),
    ("INVALID_STATE", ErrorKind::InvalidState),
    ("UNAUTHENTICATED", ErrorKind::Unauthenticated),
    ("PERMISSION_DENIED", ErrorKind::PermissionDenied),
    ("NOT_FOUND", ErrorKind::NotFound),
    ("RESOURCE_DOES_NOT_EXIST", ErrorKind::ResourceDoesNotExist),
    ("FEATURE_DISABLED", ErrorKind::NotFound),
    ("RESOURCE_CONFLICT", ErrorKind::Conflict),
    ("ABORTED", ErrorKind::Aborted),
    ("ALREADY_EXISTS", ErrorKind::AlreadyExists),
    ("RESOURCE_ALREADY_EXISTS", ErrorKind::ResourceAlreadyExists),
    ("TOO_MANY_REQUESTS", ErrorKind::TooManyRequests),
    ("RESOURCE_EXHAUSTED", ErrorKind::ResourceExhausted),
    ("REQUEST_LIMIT_EXCEEDED", ErrorKind::RequestLimitExceeded),
    ("CANCELLED", ErrorKind::Cancelled),
    ("INTERNAL_ERROR", ErrorKind::Internal),
    ("DATA_LOSS", ErrorKind::DataLoss),
    ("UNKNOWN", ErrorKind::Unknown),
    ("NOT_IMPLEMENTED", ErrorKind::NotImplemented),
    ("TEMPORARILY_UNAVAILABLE", ErrorKind::Unavailable),
    ("DEADLINE_EXCEEDED", ErrorKind::DeadlineExceeded),
];

/// HTTP statuses, for answers without a known code.
const STATUSES: &[(u16, ErrorKind)] = &[
    (400, ErrorKind::BadRequest),
    (401, ErrorKind::Unauthenticated),
    (403, ErrorKind::PermissionDenied),
    (404, ErrorKind::NotFound),
    (409, ErrorKind::Conflict),
    (429, ErrorKind::TooManyRequests),
    (499, ErrorKind::Cancelled),
    (500, ErrorKind::Internal),
    (501, ErrorKind::NotImplemented),
    (503, ErrorKind::Unavailable),
    (504, ErrorKind::DeadlineExceeded),
];

/// The [`ErrorKind`] of an API error, from the operation, its Databricks error code and its status.
pub trait ErrorKindOf {
    /// What kind of failure this is; [`ErrorKind::Unknown`] for an error that is not an API error.
    fn kind(&self) -> ErrorKind;

    /// Whether the object the call named does not exist (`404`, `RESOURCE_DOES_NOT_EXIST`, or the `400`
    /// that some `get` calls answer for a missing object).
    fn is_not_found(&self) -> bool {
        self.kind().is(ErrorKind::NotFound)
    }
}

impl ErrorKindOf for ApiError {
    fn kind(&self) -> ErrorKind {
        kind_of(self)
    }
}

impl ErrorKindOf for Error {
    fn kind(&self) -> ErrorKind {
        self.as_api().map_or(ErrorKind::Unknown, kind_of)
    }
}

fn kind_of(error: &ApiError) -> ErrorKind {
    let code = error.error_code.as_deref();
    let overridden = OVERRIDES.iter().find(|(operation, status, override_code, text, _)| {
        *operation == error.operation
            && *status == error.status
            && code == Some(*override_code)
            && error.message.contains(text)
    });
    if let Some((.., kind)) = overridden {
        return *kind;
    }
    if let Some((_, kind)) = code.and_then(|code| ERROR_CODES.iter().find(|(known, _)| *known == code)) {
        return *kind;
    }
    STATUSES
        .iter()
        .find(|(status, _)| *status == error.status)
        .map(|(_, kind)| *kind)
        .unwrap_or(ErrorKind::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(operation: &'static str, status: u16, code: Option<&str>, message: &str) -> ApiError {
        let mut error = ApiError::new(operation, status, b"");
        error.error_code = code.map(str::to_owned);
        error.message = message.to_owned();
        error
    }

    #[test]
    fn overrides_then_codes_then_statuses() {
        use ErrorKind::*;
        for (error, kind) in [
            (
                api(
                    "clusters.get",
                    400,
                    Some("INVALID_PARAMETER_VALUE"),
                    "Cluster 0123 does not exist",
                ),
                ResourceDoesNotExist,
            ),
            (
                api(
                    "jobs.getRun",
                    400,
                    Some("INVALID_PARAMETER_VALUE"),
                    "Run 42 does not exist.",
                ),
                ResourceDoesNotExist,
            ),
            (
                api(
                    "clusters.create",
                    400,
                    Some("INVALID_PARAMETER_VALUE"),
                    "Cluster 0123 does not exist",
                ),
                InvalidParameterValue,
            ),
            (
                api(
                    "clusters.get",
                    400,
                    Some("INVALID_PARAMETER_VALUE"),
                    "Invalid spark version",
                ),
                InvalidParameterValue,
            ),
            (
                api("x.y", 404, Some("RESOURCE_DOES_NOT_EXIST"), ""),
                ResourceDoesNotExist,
            ),
            (
                api("x.y", 400, Some("RESOURCE_ALREADY_EXISTS"), ""),
                ResourceAlreadyExists,
            ),
            (api("x.y", 429, Some("SOMETHING_NEW"), ""), TooManyRequests),
            (api("x.y", 418, Some("SOMETHING_NEW"), ""), Unknown),
            (api("x.y", 503, None, ""), Unavailable),
            (api("x.y", 401, None, ""), Unauthenticated),
        ] {
            assert_eq!(kind_of(&error), kind, "{error:?}");
        }
    }

    #[test]
    fn specific_kinds_refine_canonical_ones() {
        assert!(ErrorKind::ResourceDoesNotExist.is(ErrorKind::NotFound));
        assert!(ErrorKind::RequestLimitExceeded.is(ErrorKind::TooManyRequests));
        assert!(ErrorKind::NotFound.is(ErrorKind::NotFound));
        assert!(!ErrorKind::NotFound.is(ErrorKind::ResourceDoesNotExist));
        assert_eq!(ErrorKind::AlreadyExists.canonical(), ErrorKind::Conflict);
    }

    #[test]
    fn every_code_and_status_is_listed_once() {
        let mut codes: Vec<_> = ERROR_CODES.iter().map(|(code, _)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ERROR_CODES.len());
        let mut statuses: Vec<_> = STATUSES.iter().map(|(status, _)| *status).collect();
        statuses.dedup();
        assert_eq!(statuses.len(), STATUSES.len());
    }
}
