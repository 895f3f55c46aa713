//! Service principals (`/api/2.0/preview/scim/v2/ServicePrincipals`): the workspace's non-human identities
//! through SCIM 2.0, with camelCase wire names.

use super::{Case, EMPTY};

/// The service principal the cases are about (its workspace id).
pub const SERVICE_PRINCIPAL_ID: &str = "4726353946316155";

/// Its application id, the name it goes by in permissions.
pub const APPLICATION_ID: &str = "6f5ccf28-d83a-4957-9bfb-5bbfac551410";

/// The nightly ETL service principal as `servicePrincipals.get` returns it, with a schema URN and a field
/// this spec does not know.
pub const NIGHTLY_ETL: &str = r#"{
  "id": "4726353946316155",
  "applicationId": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
  "displayName": "nightly-etl",
  "active": true,
  "entitlements": [{"value": "allow-cluster-create"}, {"value": "databricks-sql-access"}],
  "groups": [{"display": "data-engineers", "type": "direct", "value": "7820185474398402", "$ref": "Groups/7820185474398402"}],
  "roles": [{"value": "arn:aws:iam::123456789012:instance-profile/etl-s3-access"}],
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal",
    "urn:ietf:params:scim:schemas:extension:workspace:2.0:ServicePrincipal"
  ],
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "servicePrincipals.create",
        method: "POST",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals",
        query: &[],
        body: Some(
            r#"{
              "applicationId": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
              "displayName": "nightly-etl",
              "active": true,
              "entitlements": [{"value": "allow-cluster-create"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]
            }"#,
        ),
        response: r#"{
          "id": "4726353946316155",
          "applicationId": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
          "displayName": "nightly-etl",
          "active": true,
          "entitlements": [{"value": "allow-cluster-create"}],
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]
        }"#,
        cli: &[
            "service-principals",
            "create",
            "--application-id",
            APPLICATION_ID,
            "--display-name",
            "nightly-etl",
            "--active",
            "--json",
            r#"{"entitlements": [{"value": "allow-cluster-create"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]}"#,
        ],
    },
    Case {
        operation: "servicePrincipals.delete",
        method: "DELETE",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals/4726353946316155",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["service-principals", "delete", SERVICE_PRINCIPAL_ID],
    },
    Case {
        operation: "servicePrincipals.get",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals/4726353946316155",
        query: &[],
        body: None,
        response: NIGHTLY_ETL,
        cli: &["service-principals", "get", SERVICE_PRINCIPAL_ID],
    },
    Case {
        operation: "servicePrincipals.list",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals",
        query: &[
            ("attributes", "id,applicationId,displayName"),
            ("filter", "displayName sw \"nightly\""),
            ("sortOrder", "descending"),
        ],
        body: None,
        response: r#"{
          "totalResults": 2,
          "itemsPerPage": 2,
          "startIndex": 1,
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          "Resources": [
            {
              "id": "4726353946316155",
              "applicationId": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
              "displayName": "nightly-etl"
            },
            {
              "id": "2097731184456302",
              "applicationId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "displayName": "nightly-reports"
            }
          ]
        }"#,
        cli: &[
            "service-principals",
            "list",
            "--attributes",
            "id,applicationId,displayName",
            "--filter",
            "displayName sw \"nightly\"",
            "--sort-order",
            "descending",
        ],
    },
    Case {
        operation: "servicePrincipals.patch",
        method: "PATCH",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals/4726353946316155",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [{"op": "replace", "path": "active", "value": false}]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "service-principals",
            "patch",
            SERVICE_PRINCIPAL_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "active", "value": false}]}"#,
        ],
    },
    Case {
        operation: "servicePrincipals.update",
        method: "PUT",
        path: "/api/2.0/preview/scim/v2/ServicePrincipals/4726353946316155",
        query: &[],
        body: Some(
            r#"{
              "applicationId": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
              "displayName": "nightly-etl-prod",
              "active": true,
              "entitlements": [{"value": "allow-cluster-create"}],
              "roles": [{"value": "arn:aws:iam::123456789012:instance-profile/etl-s3-access"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "service-principals",
            "update",
            SERVICE_PRINCIPAL_ID,
            "--application-id",
            APPLICATION_ID,
            "--display-name",
            "nightly-etl-prod",
            "--active=true",
            "--json",
            r#"{"entitlements": [{"value": "allow-cluster-create"}], "roles": [{"value": "arn:aws:iam::123456789012:instance-profile/etl-s3-access"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]}"#,
        ],
    },
];
