//! `file-oidc`: the ID token is the content of the file `oidc_token_filepath` names (a Kubernetes projected
//! service account token, a token a CI step wrote), read again for every exchange since such files are
//! rotated in place.

use std::path::{Path, PathBuf};

use super::{IdTokenSource, credentials};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Secret, Settings, Source};

pub(crate) struct FileOidc;

impl CredentialsProvider for FileOidc {
    fn method(&self) -> AuthMethod {
        AuthMethod::FileOidc
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let Some(path) = settings.get("oidc_token_filepath").map(str::trim) else {
            return Err(missing(&["oidc_token_filepath"]));
        };
        let source = settings
            .source("oidc_token_filepath")
            .cloned()
            .unwrap_or(Source::Explicit);
        let path = PathBuf::from(path);
        read_id_token(&path)
            .map_err(|why| Unavailable::Broken(format!("{why} (oidc_token_filepath from {source})")))?;
        credentials(self.method(), settings, source, FileIdToken { path })
    }
}

/// The trimmed content of the file, or why there is none.
fn read_id_token(path: &Path) -> Result<Secret, String> {
    let text = std::fs::read_to_string(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => format!("the ID token file {} does not exist", path.display()),
        _ => format!("cannot read the ID token file {}: {error}", path.display()),
    })?;
    match text.trim() {
        "" => Err(format!("the ID token file {} is empty", path.display())),
        token => Ok(Secret::new(token)),
    }
}

struct FileIdToken {
    path: PathBuf,
}

impl IdTokenSource for FileIdToken {
    fn id_token<'a>(&'a self, _: &'a reqwest::Client) -> BoxFuture<'a, Result<Secret, AuthError>> {
        let token = read_id_token(&self.path).map_err(AuthError::new);
        Box::pin(async move { token })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{authorizations, call, configure, exchanges, workspace};
    use crate::{AuthMethod, ConfigError};

    #[tokio::test]
    async fn the_file_is_read_again_for_each_exchange() {
        // Valid for less than the refresh margin: every request needs a new exchange.
        let server = workspace(30).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, "file-id-token-1\n").unwrap();
        let config = configure(&server.uri(), &[])
            .set("oidc_token_filepath", file.display().to_string())
            .client_id("sp-1234")
            .auth_type("file-oidc")
            .build()
            .unwrap();
        assert_eq!(config.auth_method(), AuthMethod::FileOidc);
        call(&config).await.unwrap();
        std::fs::write(&file, "file-id-token-2").unwrap();
        call(&config).await.unwrap();
        let sent: Vec<(String, String)> = exchanges(&server)
            .await
            .into_iter()
            .map(|form| (form["subject_token"].clone(), form["client_id"].clone()))
            .collect();
        assert_eq!(
            sent,
            [
                ("file-id-token-1".to_owned(), "sp-1234".to_owned()),
                ("file-id-token-2".to_owned(), "sp-1234".to_owned())
            ]
        );
        assert_eq!(
            authorizations(&server).await,
            ["Bearer exchanged-1", "Bearer exchanged-2"]
        );
    }

    #[test]
    fn a_missing_or_empty_file_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty");
        std::fs::write(&empty, " \n").unwrap();
        let missing = dir.path().join("missing");
        for (path, problem) in [(&missing, "does not exist"), (&empty, "is empty")] {
            let error = configure("https://example.cloud.databricks.com", &[])
                .set("oidc_token_filepath", path.display().to_string())
                .build()
                .unwrap_err();
            let expected = format!(
                "the ID token file {} {problem} (oidc_token_filepath from explicit settings)",
                path.display()
            );
            assert!(
                matches!(&error, ConfigError::AuthMethodUnavailable { method, reason, .. }
                    if method == "file-oidc" && *reason == expected),
                "{error}"
            );
        }
    }
}
