//! Credentials for the security schemes an OpenAPI description declares (`components.securitySchemes`):
//! bearer tokens, basic auth, API keys in a header, the query or a cookie, and OAuth 2 (an access token the
//! caller has, or one fetched with the client-credentials grant). Each operation says which schemes it
//! accepts ([`Operation::security`]); a request carries the credentials of the first alternative whose
//! schemes were all given, and fails before it is sent when none was.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, COOKIE, HeaderName};

use crate::auth::{AuthError, Authentication, Authenticator, BoxFuture, Secret, sensitive_header};
use crate::oauth::{ClientAuth, request_token};
use crate::operation::Operation;
use crate::token::{CachedToken, Token, TokenSource};

/// A security scheme of the description, by the name operations refer to it with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecurityScheme {
    pub name: &'static str,
    pub kind: SchemeKind,
}

/// What a scheme sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Bearer <token>` (`type: http, scheme: bearer`).
    Bearer,
    /// `Authorization: Basic <base64 of user:password>` (`type: http, scheme: basic`).
    Basic,
    /// A key under `name` in a header, the query string or a cookie (`type: apiKey`).
    ApiKey {
        location: ApiKeyLocation,
        name: &'static str,
    },
    /// An OAuth 2 access token, sent as a bearer token (`type: oauth2` or `openIdConnect`). With a token URL
    /// (a `clientCredentials` flow), a client id and secret can be exchanged for tokens there.
    OAuth2 {
        token_url: Option<&'static str>,
        scopes: &'static [&'static str],
    },
}

/// Where an API key goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}

/// A credential given for one scheme. `Debug` never shows a secret.
#[derive(Clone)]
pub enum Credential {
    /// A bearer token, or an OAuth 2 access token the caller already has.
    Token(String),
    Basic {
        username: String,
        password: String,
    },
    ApiKey(String),
    /// A client id and secret exchanged at the scheme's token URL (client-credentials grant) for access
    /// tokens, which are cached and replaced before they expire.
    ClientCredentials {
        client_id: String,
        client_secret: String,
    },
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Token(_) => f.write_str("Token(<redacted>)"),
            Credential::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &"<redacted>")
                .finish(),
            Credential::ApiKey(_) => f.write_str("ApiKey(<redacted>)"),
            Credential::ClientCredentials { client_id, .. } => f
                .debug_struct("ClientCredentials")
                .field("client_id", client_id)
                .field("client_secret", &"<redacted>")
                .finish(),
        }
    }
}

/// The credentials of a generic client, by scheme name.
pub(crate) struct SchemeCredentials {
    given: BTreeMap<&'static str, Given>,
}

/// A credential checked against its scheme, ready to be sent.
enum Given {
    Header(HeaderName, Secret),
    Query(&'static str, Secret),
    Cookie(&'static str, Secret),
    Fetched(Arc<CachedToken<ClientCredentialsGrant>>),
}

impl SchemeCredentials {
    /// Checks each credential against the scheme it is given for: the scheme must exist and take that kind of
    /// credential.
    pub(crate) fn new(
        schemes: &'static [SecurityScheme],
        credentials: Vec<(&'static str, Credential)>,
    ) -> Result<SchemeCredentials, String> {
        let mut given = BTreeMap::new();
        for (name, credential) in credentials {
            let Some(scheme) = schemes.iter().find(|scheme| scheme.name == name) else {
                let known: Vec<&str> = schemes.iter().map(|scheme| scheme.name).collect();
                return Err(format!(
                    "no security scheme is named `{name}`; the API's are: {}",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ));
            };
            given.insert(name, Given::new(scheme, credential)?);
        }
        Ok(SchemeCredentials { given })
    }
}

impl Given {
    fn new(scheme: &SecurityScheme, credential: Credential) -> Result<Given, String> {
        let name = scheme.name;
        let header = |value: String| -> Result<Given, String> {
            sensitive_header(&value)
                .map(|_| Given::Header(AUTHORIZATION, Secret::new(value)))
                .ok_or_else(|| format!("the credential of `{name}` cannot be sent in an HTTP header"))
        };
        match (scheme.kind, credential) {
            (SchemeKind::Bearer | SchemeKind::OAuth2 { .. }, Credential::Token(token)) => {
                header(format!("Bearer {token}"))
            }
            (SchemeKind::Basic, Credential::Basic { username, password }) => {
                let pair = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
                header(format!("Basic {pair}"))
            }
            (
                SchemeKind::ApiKey {
                    location,
                    name: key_name,
                },
                Credential::ApiKey(key),
            ) => Ok(match location {
                ApiKeyLocation::Header => {
                    let header_name = HeaderName::from_bytes(key_name.as_bytes())
                        .map_err(|_| format!("`{key_name}` of scheme `{name}` is not a valid header name"))?;
                    sensitive_header(&key)
                        .ok_or_else(|| format!("the API key of `{name}` cannot be sent in an HTTP header"))?;
                    Given::Header(header_name, Secret::new(key))
                }
                ApiKeyLocation::Query => Given::Query(key_name, Secret::new(key)),
                ApiKeyLocation::Cookie => Given::Cookie(key_name, Secret::new(key)),
            }),
            (
                SchemeKind::OAuth2 {
                    token_url: Some(token_url),
                    scopes,
                },
                Credential::ClientCredentials {
                    client_id,
                    client_secret,
                },
            ) => Ok(Given::Fetched(Arc::new(CachedToken::new(ClientCredentialsGrant {
                token_url,
                scopes,
                client_id,
                client_secret: Secret::new(client_secret),
            })))),
            (kind, credential) => Err(format!(
                "scheme `{name}` takes {}, not {}",
                takes(kind),
                what(&credential)
            )),
        }
    }
}

fn takes(kind: SchemeKind) -> &'static str {
    match kind {
        SchemeKind::Bearer => "a token",
        SchemeKind::Basic => "a user name and password",
        SchemeKind::ApiKey { .. } => "an API key",
        SchemeKind::OAuth2 { token_url: Some(_), .. } => "an access token or a client id and secret",
        SchemeKind::OAuth2 { token_url: None, .. } => "an access token",
    }
}

fn what(credential: &Credential) -> &'static str {
    match credential {
        Credential::Token(_) => "a token",
        Credential::Basic { .. } => "a user name and password",
        Credential::ApiKey(_) => "an API key",
        Credential::ClientCredentials { .. } => "a client id and secret",
    }
}

impl Authenticator for SchemeCredentials {
    fn authenticate<'a>(
        &'a self,
        http: &'a reqwest::Client,
        operation: &'static Operation,
    ) -> BoxFuture<'a, Result<Authentication, AuthError>> {
        Box::pin(async move {
            let mut authentication = Authentication::default();
            if operation.security.is_empty() {
                return Ok(authentication);
            }
            let Some(chosen) = operation
                .security
                .iter()
                .find(|alternative| alternative.iter().all(|name| self.given.contains_key(name)))
            else {
                let alternatives: Vec<String> = operation
                    .security
                    .iter()
                    .map(|alternative| {
                        alternative
                            .iter()
                            .map(|name| format!("`{name}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    })
                    .collect();
                return Err(AuthError::new(format!(
                    "{} needs credentials for {}; give them to the client builder",
                    operation.id,
                    alternatives.join(" or ")
                )));
            };
            let mut cookies = Vec::new();
            for name in chosen.iter() {
                match &self.given[name] {
                    Given::Header(header, value) => {
                        let value = sensitive_header(value.expose())
                            .ok_or_else(|| AuthError::new(format!("the credential of `{name}` cannot be sent")))?;
                        authentication.headers.insert(header.clone(), value);
                    }
                    Given::Query(key, value) => authentication.query.push(((*key).to_owned(), value.clone())),
                    Given::Cookie(key, value) => cookies.push(format!("{key}={}", value.expose())),
                    Given::Fetched(tokens) => {
                        let token = tokens.token(http).await?;
                        authentication.headers.insert(AUTHORIZATION, token.authorization()?);
                    }
                }
            }
            if !cookies.is_empty() {
                let value = sensitive_header(&cookies.join("; "))
                    .ok_or_else(|| AuthError::new("an API key cannot be sent in a cookie"))?;
                authentication.headers.insert(COOKIE, value);
            }
            Ok(authentication)
        })
    }

    fn invalidate(&self) -> BoxFuture<'_, bool> {
        Box::pin(async move {
            let mut forgot = false;
            for given in self.given.values() {
                if let Given::Fetched(tokens) = given {
                    tokens.forget().await;
                    forgot = true;
                }
            }
            forgot
        })
    }
}

/// The OAuth 2 client-credentials grant: the client id and secret, as HTTP basic auth, for a token.
struct ClientCredentialsGrant {
    token_url: &'static str,
    scopes: &'static [&'static str],
    client_id: String,
    client_secret: Secret,
}

impl TokenSource for ClientCredentialsGrant {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let scope = self.scopes.join(" ");
            let mut form = vec![("grant_type", "client_credentials")];
            if !scope.is_empty() {
                form.push(("scope", scope.as_str()));
            }
            let requested = std::time::SystemTime::now();
            let client = ClientAuth::Basic {
                client_id: &self.client_id,
                secret: &self.client_secret,
            };
            let answer = request_token(
                http,
                self.token_url,
                client,
                &form,
                "OAuth client-credentials token request",
                "check the client id and secret",
            )
            .await?;
            Ok(answer.token(requested))
        })
    }
}

/// Name and value pairs, for a test to compare.
#[cfg(test)]
type Pairs = Vec<(String, String)>;

/// Headers and query pairs, for a test to compare.
#[cfg(test)]
fn sent(authentication: &Authentication) -> (Pairs, Pairs) {
    let headers = authentication
        .headers
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    let query = authentication
        .query
        .iter()
        .map(|(name, value)| (name.clone(), value.expose().to_owned()))
        .collect();
    (headers, query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::Method;

    static SCHEMES: &[SecurityScheme] = &[
        SecurityScheme {
            name: "bearer",
            kind: SchemeKind::Bearer,
        },
        SecurityScheme {
            name: "basic",
            kind: SchemeKind::Basic,
        },
        SecurityScheme {
            name: "header_key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Header,
                name: "X-API-Key",
            },
        },
        SecurityScheme {
            name: "query_key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Query,
                name: "api_key",
            },
        },
        SecurityScheme {
            name: "cookie_key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Cookie,
                name: "session",
            },
        },
    ];

    static BEARER_OR_KEYS: Operation =
        Operation::new("things.get", Method::Get, "/things").security(&[&["bearer"], &["query_key", "cookie_key"]]);
    static ANONYMOUS_ALLOWED: Operation =
        Operation::new("things.list", Method::Get, "/things").security(&[&["header_key"], &[]]);
    static NONE_DECLARED: Operation = Operation::new("health", Method::Get, "/health");

    fn credentials(given: Vec<(&'static str, Credential)>) -> SchemeCredentials {
        SchemeCredentials::new(SCHEMES, given).expect("valid credentials")
    }

    async fn authenticate(
        credentials: &SchemeCredentials,
        operation: &'static Operation,
    ) -> Result<Authentication, AuthError> {
        credentials.authenticate(&reqwest::Client::new(), operation).await
    }

    #[tokio::test]
    async fn the_first_alternative_whose_schemes_were_all_given_is_sent() {
        let both = credentials(vec![
            ("bearer", Credential::Token("t-1".to_owned())),
            ("query_key", Credential::ApiKey("k-1".to_owned())),
            ("cookie_key", Credential::ApiKey("c-1".to_owned())),
        ]);
        let sent_both = sent(&authenticate(&both, &BEARER_OR_KEYS).await.unwrap());
        assert_eq!(
            sent_both,
            (vec![("authorization".to_owned(), "Bearer t-1".to_owned())], vec![])
        );

        let keys = credentials(vec![
            ("query_key", Credential::ApiKey("k-1".to_owned())),
            ("cookie_key", Credential::ApiKey("c-1".to_owned())),
        ]);
        let sent_keys = sent(&authenticate(&keys, &BEARER_OR_KEYS).await.unwrap());
        assert_eq!(
            sent_keys,
            (
                vec![("cookie".to_owned(), "session=c-1".to_owned())],
                vec![("api_key".to_owned(), "k-1".to_owned())]
            )
        );
    }

    #[tokio::test]
    async fn a_missing_credential_fails_before_sending_unless_anonymous_is_allowed() {
        let only_query = credentials(vec![("query_key", Credential::ApiKey("k-1".to_owned()))]);
        let error = authenticate(&only_query, &BEARER_OR_KEYS).await.err().expect("refused");
        assert_eq!(
            error.message,
            "things.get needs credentials for `bearer` or `query_key` and `cookie_key`; give them to the client builder"
        );
        let anonymous = sent(&authenticate(&only_query, &ANONYMOUS_ALLOWED).await.unwrap());
        assert_eq!(anonymous, (vec![], vec![]));
        let none_declared = sent(&authenticate(&only_query, &NONE_DECLARED).await.unwrap());
        assert_eq!(none_declared, (vec![], vec![]));
    }

    #[tokio::test]
    async fn basic_and_header_keys_are_sent_as_their_schemes_say() {
        static BASIC: Operation = Operation::new("b", Method::Get, "/b").security(&[&["basic", "header_key"]]);
        let given = credentials(vec![
            (
                "basic",
                Credential::Basic {
                    username: "ada".to_owned(),
                    password: "pw".to_owned(),
                },
            ),
            ("header_key", Credential::ApiKey("hk".to_owned())),
        ]);
        let authentication = authenticate(&given, &BASIC).await.unwrap();
        assert!(authentication.headers.values().all(|value| value.is_sensitive()));
        let (mut headers, _) = sent(&authentication);
        headers.sort();
        assert_eq!(
            headers,
            vec![
                ("authorization".to_owned(), "Basic YWRhOnB3".to_owned()),
                ("x-api-key".to_owned(), "hk".to_owned())
            ]
        );
    }

    #[test]
    fn a_credential_for_an_unknown_scheme_or_of_the_wrong_kind_is_refused() {
        let unknown = SchemeCredentials::new(SCHEMES, vec![("oauth", Credential::Token("t".to_owned()))]);
        assert_eq!(
            unknown.err().unwrap(),
            "no security scheme is named `oauth`; the API's are: bearer, basic, header_key, query_key, cookie_key"
        );
        let wrong = SchemeCredentials::new(SCHEMES, vec![("basic", Credential::Token("t".to_owned()))]);
        assert_eq!(
            wrong.err().unwrap(),
            "scheme `basic` takes a user name and password, not a token"
        );
        let debug = format!(
            "{:?}",
            Credential::ClientCredentials {
                client_id: "id".to_owned(),
                client_secret: "canary-secret".to_owned()
            }
        );
        assert!(!debug.contains("canary-secret"), "{debug}");
    }
}
