//! `servers`: the base path every operation's path is under (`https://api.spotify.com/v1` → `/v1`), and the
//! origin a generic client talks to unless told otherwise (`https://api.spotify.com`). The path is part of the
//! API, so it is written into each operation's path. An operation or path item may name servers of its own;
//! one on another host cannot be reached by a client configured with one host, so it is reported rather than
//! sent to the wrong place.

use openapiv3::Server;

use super::Lowerer;
use crate::diagnostic::Diagnostic;
use crate::load::escape_pointer_token;

/// A server URL split into its origin (`https://api.example.com`, empty for a relative URL) and its path
/// (`/v1`, empty for none), server variables replaced by their defaults.
#[derive(Debug, PartialEq, Eq)]
struct ServerUrl {
    origin: String,
    path: String,
}

fn split(server: &Server) -> ServerUrl {
    let mut url = server.url.clone();
    for (name, variable) in server.variables.iter().flatten() {
        url = url.replace(&format!("{{{name}}}"), &variable.default);
    }
    let (origin, path) = match url.split_once("://") {
        Some((scheme, rest)) => match rest.find('/') {
            Some(slash) => (format!("{scheme}://{}", &rest[..slash]), rest[slash..].to_owned()),
            None => (url.clone(), String::new()),
        },
        None => (String::new(), url.clone()),
    };
    let path = path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    let path = if path.is_empty() || path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    ServerUrl {
        origin: origin.to_ascii_lowercase(),
        path,
    }
}

/// The origin of the document's first server (`https://api.example.com`), the client's default base URL;
/// `None` without servers or for a relative server URL.
pub(super) fn base_url(document: &openapiv3::OpenAPI) -> Option<String> {
    let origin = split(document.servers.first()?).origin;
    (!origin.is_empty()).then_some(origin)
}

impl Lowerer<'_> {
    /// The base path of the operation at `path`/`method`: that of the first server the operation, else its
    /// path item, else the document names. A server on another host than the document's is reported.
    pub(super) fn base_path(&mut self, path: &str, method: &str, operation: &openapiv3::Operation) -> String {
        let document = self.document;
        let api_origin = document.servers.first().map(|server| split(server).origin);
        let item_servers = match document.paths.paths.get(path) {
            Some(openapiv3::ReferenceOr::Item(item)) => item.servers.as_slice(),
            _ => &[],
        };
        let escaped = escape_pointer_token(path);
        let (server, at) = if let Some(server) = operation.servers.first() {
            (server, format!("/paths/{escaped}/{method}/servers/0"))
        } else if let Some(server) = item_servers.first() {
            (server, format!("/paths/{escaped}/servers/0"))
        } else if let Some(server) = document.servers.first() {
            (server, "/servers/0".to_owned())
        } else {
            return String::new();
        };
        let url = split(server);
        if let Some(api_origin) = api_origin
            && !url.origin.is_empty()
            && !api_origin.is_empty()
            && url.origin != api_origin
        {
            self.report(
                Diagnostic::at(
                    &at,
                    format!(
                        "`{} {path}` is served from `{}`, not from the API's `{api_origin}`",
                        method.to_uppercase(),
                        url.origin
                    ),
                )
                .with_hint(
                    "a client talks to one host: describe this operation in a spec of its own, or leave it out \
                     with --skip-unsupported",
                ),
            );
        }
        url.path
    }
}

#[cfg(test)]
mod tests {
    use indexmap::IndexMap;
    use openapiv3::{Server, ServerVariable};

    use super::{ServerUrl, split};

    fn server(url: &str, variables: &[(&str, &str)]) -> Server {
        let variables: IndexMap<String, ServerVariable> = variables
            .iter()
            .map(|(name, default)| {
                (
                    (*name).to_owned(),
                    ServerVariable {
                        default: (*default).to_owned(),
                        ..Default::default()
                    },
                )
            })
            .collect();
        Server {
            url: url.to_owned(),
            variables: (!variables.is_empty()).then_some(variables),
            ..Default::default()
        }
    }

    fn parts(origin: &str, path: &str) -> ServerUrl {
        ServerUrl {
            origin: origin.to_owned(),
            path: path.to_owned(),
        }
    }

    #[test]
    fn a_server_url_gives_its_origin_and_base_path() {
        assert_eq!(
            split(&server("https://api.spotify.com/v1", &[])),
            parts("https://api.spotify.com", "/v1")
        );
        assert_eq!(
            split(&server(
                "https://{workspace}",
                &[("workspace", "x.cloud.databricks.com")]
            )),
            parts("https://x.cloud.databricks.com", "")
        );
        assert_eq!(
            split(&server(
                "{scheme}://developer.uspto.gov/ds-api/",
                &[("scheme", "https")]
            )),
            parts("https://developer.uspto.gov", "/ds-api")
        );
        assert_eq!(split(&server("/api/v3", &[])), parts("", "/api/v3"));
        assert_eq!(split(&server("v2", &[])), parts("", "/v2"));
        assert_eq!(
            split(&server("https://h.example.com/", &[])),
            parts("https://h.example.com", "")
        );
    }
}
