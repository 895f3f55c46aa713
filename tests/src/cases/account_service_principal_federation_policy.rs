//! Account service principal federation policies
//! (`/api/2.0/accounts/{account_id}/servicePrincipals/{service_principal_id}/federationPolicies`): which
//! external tokens a service principal's workloads may exchange; run as
//! `dbr account service-principal-federation-policy ...`.

use super::{Case, EMPTY};

/// The service principal the policies belong to (its account SCIM id).
pub const FEDERATED_SERVICE_PRINCIPAL_ID: &str = "2290147733618062";

/// The policy the cases are about.
pub const SERVICE_PRINCIPAL_POLICY_ID: &str = "github-deploy";

/// The GitHub Actions policy as the account returns it, with a field this spec does not know.
pub const GITHUB_DEPLOY: &str = r#"{
  "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies/github-deploy",
  "policy_id": "github-deploy",
  "uid": "a91c7e53-0b2d-4f86-9e14-6d3b08c7f2a5",
  "service_principal_id": 2290147733618062,
  "description": "Production deployments from GitHub Actions",
  "oidc_policy": {
    "issuer": "https://token.actions.githubusercontent.com",
    "audiences": ["https://github.com/example-org"],
    "subject": "repo:example-org/etl:environment:prod"
  },
  "create_time": "2025-05-02T07:30:00Z",
  "update_time": "2025-05-02T07:30:00Z",
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountServicePrincipalFederationPolicy.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies",
        query: &[("policy_id", "github-deploy")],
        body: Some(
            r#"{
              "description": "Production deployments from GitHub Actions",
              "oidc_policy": {
                "issuer": "https://token.actions.githubusercontent.com",
                "audiences": ["https://github.com/example-org"],
                "subject": "repo:example-org/etl:environment:prod"
              }
            }"#,
        ),
        response: GITHUB_DEPLOY,
        cli: &[
            "account",
            "service-principal-federation-policy",
            "create",
            FEDERATED_SERVICE_PRINCIPAL_ID,
            "--policy-id",
            SERVICE_PRINCIPAL_POLICY_ID,
            "--description",
            "Production deployments from GitHub Actions",
            "--json",
            r#"{"oidc_policy": {"issuer": "https://token.actions.githubusercontent.com", "audiences": ["https://github.com/example-org"], "subject": "repo:example-org/etl:environment:prod"}}"#,
        ],
    },
    Case {
        operation: "accountServicePrincipalFederationPolicy.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies/github-deploy",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "service-principal-federation-policy",
            "delete",
            FEDERATED_SERVICE_PRINCIPAL_ID,
            SERVICE_PRINCIPAL_POLICY_ID,
        ],
    },
    Case {
        operation: "accountServicePrincipalFederationPolicy.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies/github-deploy",
        query: &[],
        body: None,
        response: GITHUB_DEPLOY,
        cli: &[
            "account",
            "service-principal-federation-policy",
            "get",
            FEDERATED_SERVICE_PRINCIPAL_ID,
            SERVICE_PRINCIPAL_POLICY_ID,
        ],
    },
    Case {
        operation: "accountServicePrincipalFederationPolicy.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies",
        query: &[],
        body: None,
        // The last page: no token.
        response: r#"{
          "policies": [
            {
              "policy_id": "github-deploy",
              "service_principal_id": 2290147733618062,
              "oidc_policy": {
                "issuer": "https://token.actions.githubusercontent.com",
                "subject": "repo:example-org/etl:environment:prod"
              }
            },
            {
              "policy_id": "gitlab-nightly",
              "service_principal_id": 2290147733618062,
              "oidc_policy": {
                "issuer": "https://gitlab.example.com",
                "subject": "project_path:data/etl:ref_type:branch:ref:main",
                "jwks_uri": "https://gitlab.example.com/oauth/discovery/keys"
              }
            }
          ]
        }"#,
        cli: &[
            "account",
            "service-principal-federation-policy",
            "list",
            FEDERATED_SERVICE_PRINCIPAL_ID,
        ],
    },
    Case {
        operation: "accountServicePrincipalFederationPolicy.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/servicePrincipals/2290147733618062/federationPolicies/github-deploy",
        query: &[("update_mask", "description")],
        body: Some(r#"{"description": "Deployments from GitHub Actions (prod)"}"#),
        response: r#"{
          "policy_id": "github-deploy",
          "service_principal_id": 2290147733618062,
          "description": "Deployments from GitHub Actions (prod)",
          "oidc_policy": {
            "issuer": "https://token.actions.githubusercontent.com",
            "audiences": ["https://github.com/example-org"],
            "subject": "repo:example-org/etl:environment:prod"
          },
          "update_time": "2025-06-11T12:00:00Z"
        }"#,
        cli: &[
            "account",
            "service-principal-federation-policy",
            "update",
            FEDERATED_SERVICE_PRINCIPAL_ID,
            SERVICE_PRINCIPAL_POLICY_ID,
            "--update-mask",
            "description",
            "--description",
            "Deployments from GitHub Actions (prod)",
        ],
    },
];
