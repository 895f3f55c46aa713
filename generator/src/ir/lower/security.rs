//! `components.securitySchemes` and `security` requirements: which credentials the client can be given, and
//! which of them each operation accepts. A scheme the runtime cannot send (an `http` scheme other than
//! bearer and basic) is a diagnostic at the scheme; with `--skip-unsupported` the operations that can only use
//! it are left out (see `partial.rs`). A requirement naming a scheme that is not defined is a diagnostic at
//! the requirement.

use openapiv3::{ReferenceOr, SecurityRequirement};

use super::Lowerer;
use crate::diagnostic::Diagnostic;
use crate::ir::naming::{self, Scope};
use crate::ir::{ApiKeyLocation, SchemeKind, SecurityScheme};
use crate::load::escape_pointer_token;

/// Methods of the generated client builder that a scheme's method must not take.
const RESERVED_BUILDER_METHODS: &[&str] = &["base_url", "build", "credential", "new"];

impl Lowerer<'_> {
    /// The usable schemes. Every defined name (usable or not) is remembered, so a requirement on an unusable
    /// scheme is reported once, at the scheme, not again at each requirement.
    pub(super) fn lower_security_schemes(&mut self) -> Vec<SecurityScheme> {
        let mut schemes = Vec::new();
        let Some(components) = &self.document.components else {
            return schemes;
        };
        let mut methods = Scope::snake();
        for reserved in RESERVED_BUILDER_METHODS {
            methods.reserve(reserved);
        }
        for (name, scheme) in &components.security_schemes {
            self.defined_schemes.insert(name.clone());
            let at = format!("/components/securitySchemes/{}", escape_pointer_token(name));
            let scheme = match scheme {
                ReferenceOr::Item(scheme) => scheme,
                ReferenceOr::Reference { .. } => {
                    self.report(
                        Diagnostic::at(&at, format!("security scheme `{name}` is a `$ref`"))
                            .with_hint("write the scheme inline under `components.securitySchemes`"),
                    );
                    continue;
                }
            };
            let Some((kind, description)) = self.scheme_kind(name, &at, scheme) else {
                continue;
            };
            let method_name = methods.claim(&naming::field_name(name));
            let client_credentials_method = matches!(kind, SchemeKind::OAuth2 { token_url: Some(_), .. })
                .then(|| methods.claim(&format!("{method_name}_client_credentials")));
            schemes.push(SecurityScheme {
                name: name.clone(),
                method_name,
                client_credentials_method,
                description,
                kind,
            });
        }
        schemes
    }

    fn scheme_kind(
        &mut self,
        name: &str,
        at: &str,
        scheme: &openapiv3::SecurityScheme,
    ) -> Option<(SchemeKind, Option<String>)> {
        use openapiv3::SecurityScheme as Spec;
        Some(match scheme {
            Spec::HTTP {
                scheme, description, ..
            } => {
                let kind = match scheme.to_ascii_lowercase().as_str() {
                    "bearer" => SchemeKind::Bearer,
                    "basic" => SchemeKind::Basic,
                    other => {
                        self.report(
                            Diagnostic::at(
                                &format!("{at}/scheme"),
                                format!("security scheme `{name}` uses HTTP `{other}` authentication, which the client cannot send"),
                            )
                            .with_hint(
                                "the client sends `bearer`, `basic`, API keys and OAuth tokens; describe the API's \
                                 credential as one of these, or leave out the operations needing it with \
                                 --skip-unsupported",
                            ),
                        );
                        return None;
                    }
                };
                (kind, description.clone())
            }
            Spec::APIKey {
                location,
                name: key_name,
                description,
                ..
            } => {
                if key_name.trim().is_empty() {
                    self.report(
                        Diagnostic::at(
                            &format!("{at}/name"),
                            format!("API key scheme `{name}` names no parameter"),
                        )
                        .with_hint(
                            "give the header, query parameter or cookie that carries the key: `name: X-API-Key`",
                        ),
                    );
                    return None;
                }
                let location = match location {
                    openapiv3::APIKeyLocation::Header => ApiKeyLocation::Header,
                    openapiv3::APIKeyLocation::Query => ApiKeyLocation::Query,
                    openapiv3::APIKeyLocation::Cookie => ApiKeyLocation::Cookie,
                };
                (
                    SchemeKind::ApiKey {
                        location,
                        name: key_name.clone(),
                    },
                    description.clone(),
                )
            }
            Spec::OAuth2 { flows, description, .. } => {
                let (token_url, scopes) = match &flows.client_credentials {
                    Some(flow) => (Some(flow.token_url.clone()), flow.scopes.keys().cloned().collect()),
                    None => (None, Vec::new()),
                };
                (SchemeKind::OAuth2 { token_url, scopes }, description.clone())
            }
            Spec::OpenIDConnect {
                open_id_connect_url,
                description,
                ..
            } => (
                SchemeKind::OpenIdConnect {
                    url: open_id_connect_url.clone(),
                },
                description.clone(),
            ),
        })
    }

    /// The alternatives of `requirements` (at `at`), each the names of the schemes it needs; a name the
    /// document does not define is reported.
    pub(super) fn security_requirements(&mut self, requirements: &[SecurityRequirement], at: &str) -> Vec<Vec<String>> {
        let defined = &self.defined_schemes;
        let mut undefined = Vec::new();
        let alternatives = requirements
            .iter()
            .enumerate()
            .map(|(index, requirement)| {
                for name in requirement.keys().filter(|name| !defined.contains(*name)) {
                    undefined.push(
                        Diagnostic::at(
                            &format!("{at}/{index}/{}", escape_pointer_token(name)),
                            format!("security requirement names `{name}`, which `components.securitySchemes` does not define"),
                        )
                        .with_hint(match defined.is_empty() {
                            true => "define the scheme under `components.securitySchemes`".to_owned(),
                            false => format!(
                                "define it under `components.securitySchemes`, or name one of {}",
                                defined.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
                            ),
                        }),
                    );
                }
                requirement.keys().cloned().collect()
            })
            .collect();
        for problem in undefined {
            self.report(problem);
        }
        alternatives
    }
}
