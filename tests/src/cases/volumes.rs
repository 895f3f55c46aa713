//! Unity Catalog volumes (`/api/2.1/unity-catalog/volumes[/{name}]`).

use super::{Case, EMPTY};

/// The volume the cases are about.
pub const VOLUME: &str = "sales.orders.landing";

/// An external volume as the workspace returns it, with `volume_tags`, a field this spec does not know.
pub const LANDING: &str = r#"{
  "name": "landing",
  "catalog_name": "sales",
  "schema_name": "orders",
  "full_name": "sales.orders.landing",
  "volume_id": "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6",
  "volume_type": "EXTERNAL",
  "storage_location": "s3://acme-landing/orders",
  "encryption_details": {"sse_encryption_details": {"algorithm": "AWS_SSE_S3"}},
  "comment": "Files dropped by partners",
  "owner": "sales-engineers",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "jane.doe@example.com",
  "volume_tags": [{"key": "retention", "value": "30d"}]
}"#;

const CREATE: &str = r#"{"catalog_name": "sales", "schema_name": "orders", "name": "landing",
  "volume_type": "EXTERNAL", "storage_location": "s3://acme-landing/orders", "comment": "Files dropped by partners"}"#;
const ONE: &str = "/api/2.1/unity-catalog/volumes/sales.orders.landing";

pub const CASES: &[Case] = &[
    Case {
        operation: "volumes.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/volumes",
        query: &[],
        body: Some(CREATE),
        response: LANDING,
        cli: &[
            "volumes",
            "create",
            "sales",
            "orders",
            "landing",
            "EXTERNAL",
            "--storage-location",
            "s3://acme-landing/orders",
            "--comment",
            "Files dropped by partners",
        ],
    },
    Case {
        operation: "volumes.delete",
        method: "DELETE",
        path: ONE,
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["volumes", "delete", VOLUME],
    },
    Case {
        operation: "volumes.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/volumes",
        query: &[
            ("catalog_name", "sales"),
            ("schema_name", "orders"),
            ("include_browse", "true"),
        ],
        body: None,
        // A managed volume beside the external one, and a volume type this spec does not know.
        response: r#"{"volumes": [
          {"name": "landing", "full_name": "sales.orders.landing", "volume_type": "EXTERNAL",
           "storage_location": "s3://acme-landing/orders", "owner": "sales-engineers"},
          {"name": "exports", "full_name": "sales.orders.exports", "volume_type": "MANAGED",
           "storage_location": "s3://acme-sales/orders/__unitystorage/volumes/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
           "owner": "jane.doe@example.com", "browse_only": true},
          {"name": "mirror", "full_name": "sales.orders.mirror", "volume_type": "SHARED"}
        ]}"#,
        cli: &["volumes", "list", "sales", "orders", "--include-browse"],
    },
    Case {
        operation: "volumes.read",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: LANDING,
        cli: &["volumes", "read", VOLUME],
    },
    Case {
        operation: "volumes.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(r#"{"owner": "sales-engineers"}"#),
        response: LANDING,
        cli: &["volumes", "update", VOLUME, "--owner", "sales-engineers"],
    },
];
