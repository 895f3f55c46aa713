//! Git credentials (`/api/2.0/git-credentials`).

use super::{Case, EMPTY};

pub const CREDENTIAL_ID: i64 = 94_810_352_917_843;
pub const CREDENTIAL_ID_TEXT: &str = "94810352917843";
/// The service principal whose credentials some cases manage.
pub const PRINCIPAL_ID_TEXT: &str = "7064512379845102";
/// A GitHub fine-grained token; only ever sent, never answered.
pub const TOKEN: &str = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";

/// A credential as the API returns it (never with its token), with a field this spec does not know.
pub const CREDENTIAL: &str = r#"{
  "credential_id": 94810352917843,
  "git_provider": "gitHub",
  "git_username": "jdoe-dev",
  "git_email": "jane.doe@example.com",
  "name": "github-work",
  "is_default_for_provider": true,
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "gitCredentials.create",
        method: "POST",
        path: "/api/2.0/git-credentials",
        query: &[],
        body: Some(
            r#"{
              "git_provider": "gitHub",
              "git_username": "jdoe-dev",
              "git_email": "jane.doe@example.com",
              "personal_access_token": "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
              "name": "github-work",
              "is_default_for_provider": true
            }"#,
        ),
        response: CREDENTIAL,
        cli: &[
            "git-credentials",
            "create",
            "gitHub",
            "--git-username",
            "jdoe-dev",
            "--git-email",
            "jane.doe@example.com",
            "--personal-access-token",
            TOKEN,
            "--name",
            "github-work",
            "--is-default-for-provider",
        ],
    },
    Case {
        operation: "gitCredentials.delete",
        method: "DELETE",
        path: "/api/2.0/git-credentials/94810352917843",
        query: &[("principal_id", "7064512379845102")],
        body: None,
        response: EMPTY,
        cli: &[
            "git-credentials",
            "delete",
            CREDENTIAL_ID_TEXT,
            "--principal-id",
            PRINCIPAL_ID_TEXT,
        ],
    },
    Case {
        operation: "gitCredentials.get",
        method: "GET",
        path: "/api/2.0/git-credentials/94810352917843",
        query: &[],
        body: None,
        response: CREDENTIAL,
        cli: &["git-credentials", "get", CREDENTIAL_ID_TEXT],
    },
    Case {
        operation: "gitCredentials.list",
        method: "GET",
        path: "/api/2.0/git-credentials",
        query: &[("principal_id", "7064512379845102")],
        body: None,
        response: r#"{
          "credentials": [
            {
              "credential_id": 94810352917843,
              "git_provider": "gitHub",
              "git_username": "jdoe-dev",
              "git_email": "jane.doe@example.com",
              "name": "github-work",
              "is_default_for_provider": true
            },
            {
              "credential_id": 31857204619288,
              "git_provider": "awsCodeCommit",
              "git_username": "jdoe-at-123456789012",
              "name": "codecommit",
              "is_default_for_provider": false,
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &["git-credentials", "list", "--principal-id", PRINCIPAL_ID_TEXT],
    },
    Case {
        operation: "gitCredentials.update",
        method: "PATCH",
        path: "/api/2.0/git-credentials/94810352917843",
        query: &[],
        // `--is-default-for-provider=false` must send an explicit false, not leave the field out.
        body: Some(
            r#"{
              "git_provider": "gitHub",
              "personal_access_token": "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
              "is_default_for_provider": false,
              "principal_id": 7064512379845102
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "git-credentials",
            "update",
            CREDENTIAL_ID_TEXT,
            "gitHub",
            "--personal-access-token",
            TOKEN,
            "--is-default-for-provider=false",
            "--principal-id",
            PRINCIPAL_ID_TEXT,
        ],
    },
];
