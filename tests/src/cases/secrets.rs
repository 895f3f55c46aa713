//! Secret scopes, secrets and secret ACLs (`/api/2.0/secrets`).

use super::{Case, EMPTY};

/// "s3cr3t-Pa55w0rd", the value of `warehouse-password` in these cases.
pub const SECRET_VALUE: &str = "s3cr3t-Pa55w0rd";

pub const CASES: &[Case] = &[
    Case {
        operation: "secrets.createScope",
        method: "POST",
        path: "/api/2.0/secrets/scopes/create",
        query: &[],
        body: Some(
            r#"{
              "scope": "etl-prod",
              "initial_manage_principal": "users",
              "scope_backend_type": "AZURE_KEYVAULT",
              "backend_azure_keyvault": {
                "resource_id": "/subscriptions/3f2b1c7e-8a4d-4e6f-9b0a-1c2d3e4f5a6b/resourceGroups/data-platform/providers/Microsoft.KeyVault/vaults/etl-prod-kv",
                "dns_name": "https://etl-prod-kv.vault.azure.net/"
              }
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "secrets",
            "create-scope",
            "etl-prod",
            "--initial-manage-principal",
            "users",
            "--scope-backend-type",
            "AZURE_KEYVAULT",
            "--json",
            r#"{"backend_azure_keyvault": {
                  "resource_id": "/subscriptions/3f2b1c7e-8a4d-4e6f-9b0a-1c2d3e4f5a6b/resourceGroups/data-platform/providers/Microsoft.KeyVault/vaults/etl-prod-kv",
                  "dns_name": "https://etl-prod-kv.vault.azure.net/"}}"#,
        ],
    },
    Case {
        operation: "secrets.deleteAcl",
        method: "POST",
        path: "/api/2.0/secrets/acls/delete",
        query: &[],
        body: Some(r#"{"scope": "etl-prod", "principal": "contractors"}"#),
        response: EMPTY,
        cli: &["secrets", "delete-acl", "etl-prod", "contractors"],
    },
    Case {
        operation: "secrets.deleteScope",
        method: "POST",
        path: "/api/2.0/secrets/scopes/delete",
        query: &[],
        body: Some(r#"{"scope": "etl-staging"}"#),
        response: EMPTY,
        cli: &["secrets", "delete-scope", "etl-staging"],
    },
    Case {
        operation: "secrets.deleteSecret",
        method: "POST",
        path: "/api/2.0/secrets/delete",
        query: &[],
        body: Some(r#"{"scope": "etl-prod", "key": "old-api-token"}"#),
        response: EMPTY,
        cli: &["secrets", "delete-secret", "etl-prod", "old-api-token"],
    },
    Case {
        operation: "secrets.getAcl",
        method: "GET",
        path: "/api/2.0/secrets/acls/get",
        query: &[("scope", "etl-prod"), ("principal", "data-engineers")],
        body: None,
        response: r#"{"principal": "data-engineers", "permission": "WRITE"}"#,
        cli: &["secrets", "get-acl", "etl-prod", "data-engineers"],
    },
    Case {
        operation: "secrets.getSecret",
        method: "GET",
        path: "/api/2.0/secrets/get",
        query: &[("scope", "etl-prod"), ("key", "warehouse-password")],
        body: None,
        // The value is the base64 of SECRET_VALUE.
        response: r#"{"key": "warehouse-password", "value": "czNjcjN0LVBhNTV3MHJk"}"#,
        cli: &["secrets", "get-secret", "etl-prod", "warehouse-password"],
    },
    Case {
        operation: "secrets.listAcls",
        method: "GET",
        path: "/api/2.0/secrets/acls/list",
        query: &[("scope", "etl-prod")],
        body: None,
        response: r#"{
          "items": [
            {"principal": "admins", "permission": "MANAGE"},
            {"principal": "data-engineers", "permission": "WRITE"},
            {"principal": "analysts", "permission": "READ"},
            {"principal": "auditors", "permission": "LIST", "future_field": {"nested": [1, 2]}}
          ]
        }"#,
        cli: &["secrets", "list-acls", "etl-prod"],
    },
    Case {
        operation: "secrets.listScopes",
        method: "GET",
        path: "/api/2.0/secrets/scopes/list",
        query: &[],
        body: None,
        response: r#"{
          "scopes": [
            {"name": "etl-prod", "backend_type": "DATABRICKS"},
            {
              "name": "shared-kv",
              "backend_type": "AZURE_KEYVAULT",
              "keyvault_metadata": {
                "resource_id": "/subscriptions/3f2b1c7e-8a4d-4e6f-9b0a-1c2d3e4f5a6b/resourceGroups/data-platform/providers/Microsoft.KeyVault/vaults/shared-kv",
                "dns_name": "https://shared-kv.vault.azure.net/"
              }
            },
            {"name": "aws-shared", "backend_type": "AWS_SECRETS_MANAGER", "future_field": {"nested": [1, 2]}}
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["secrets", "list-scopes"],
    },
    Case {
        operation: "secrets.listSecrets",
        method: "GET",
        path: "/api/2.0/secrets/list",
        query: &[("scope", "etl-prod")],
        body: None,
        response: r#"{
          "secrets": [
            {"key": "warehouse-password", "last_updated_timestamp": 1705311017000},
            {"key": "kafka-sasl-jaas", "last_updated_timestamp": 1704972394000, "future_field": {"nested": [1, 2]}}
          ]
        }"#,
        cli: &["secrets", "list-secrets", "etl-prod"],
    },
    Case {
        operation: "secrets.putAcl",
        method: "POST",
        path: "/api/2.0/secrets/acls/put",
        query: &[],
        body: Some(r#"{"scope": "etl-prod", "principal": "data-engineers", "permission": "WRITE"}"#),
        response: EMPTY,
        cli: &["secrets", "put-acl", "etl-prod", "data-engineers", "WRITE"],
    },
    Case {
        operation: "secrets.putSecret",
        method: "POST",
        path: "/api/2.0/secrets/put",
        query: &[],
        body: Some(r#"{"scope": "etl-prod", "key": "warehouse-password", "string_value": "s3cr3t-Pa55w0rd"}"#),
        response: EMPTY,
        cli: &[
            "secrets",
            "put-secret",
            "etl-prod",
            "warehouse-password",
            "--string-value",
            SECRET_VALUE,
        ],
    },
];
