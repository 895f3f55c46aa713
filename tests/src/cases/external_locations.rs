//! External locations (`/api/2.1/unity-catalog/external-locations`): cloud storage URLs paired with the
//! storage credential that reaches them.

use super::{Case, EMPTY};

pub const NAME: &str = "landing-zone-raw";

/// A location as the server returns it, with `ISOLATION_MODE_RESTRICTED`, a mode this spec does not know, an
/// unknown encryption algorithm (`AWS_SSE_KMS_DSSE`) and `file_event_state`, a field it does not know.
pub const LOCATION: &str = r#"{
  "name": "landing-zone-raw",
  "url": "s3://acme-landing-zone/raw",
  "credential_name": "acme-landing-zone",
  "credential_id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "owner": "data-platform",
  "comment": "Raw files from partners",
  "read_only": false,
  "isolation_mode": "ISOLATION_MODE_RESTRICTED",
  "fallback": false,
  "encryption_details": {"sse_encryption_details": {"algorithm": "AWS_SSE_KMS_DSSE",
    "aws_kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"}},
  "enable_file_events": true,
  "file_event_queue": {"managed_sqs": {}},
  "effective_enable_file_events": true,
  "effective_file_event_queue": {"managed_sqs": {"managed_resource_id": "6f7e8d9c-0b1a-4c2d-8e3f-4a5b6c7d8e9f",
    "queue_url": "https://sqs.us-east-1.amazonaws.com/123456789012/csms-6f7e8d9c"}},
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "admin@example.com",
  "updated_at": 1764662400000,
  "updated_by": "admin@example.com",
  "file_event_state": "HEALTHY"
}"#;

const CREATE: &str = r#"{"name": "landing-zone-raw", "url": "s3://acme-landing-zone/raw",
  "credential_name": "acme-landing-zone", "comment": "Raw files from partners", "skip_validation": true,
  "encryption_details": {"sse_encryption_details": {"algorithm": "AWS_SSE_KMS",
    "aws_kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"}},
  "enable_file_events": true, "file_event_queue": {"managed_sqs": {}}}"#;
const UPDATE: &str = r#"{"new_name": "landing-zone-raw-v2", "url": "s3://acme-landing-zone/raw-v2",
  "owner": "data-platform", "read_only": true, "isolation_mode": "ISOLATION_MODE_ISOLATED", "force": true,
  "file_event_queue": {"provided_sqs": {"queue_url": "https://sqs.us-east-1.amazonaws.com/123456789012/raw-events"}}}"#;
const ONE: &str = "/api/2.1/unity-catalog/external-locations/landing-zone-raw";

pub const CASES: &[Case] = &[
    Case {
        operation: "externalLocations.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/external-locations",
        query: &[],
        body: Some(CREATE),
        response: LOCATION,
        cli: &["external-locations", "create", "--json", CREATE],
    },
    Case {
        operation: "externalLocations.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["external-locations", "delete", NAME, "--force"],
    },
    Case {
        operation: "externalLocations.get",
        method: "GET",
        path: ONE,
        query: &[("include_browse", "true")],
        body: None,
        response: LOCATION,
        cli: &["external-locations", "get", NAME, "--include-browse"],
    },
    Case {
        operation: "externalLocations.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/external-locations",
        query: &[
            ("include_browse", "true"),
            ("max_results", "0"),
            ("page_token", "CAEaEGxhbmRpbmctem9uZS1yYXc="),
        ],
        body: None,
        response: r#"{"external_locations": [
          {"name": "partner-exports", "url": "abfss://exports@acmepartners.dfs.core.windows.net/",
           "credential_name": "acme-adls", "owner": "data-platform", "read_only": true,
           "isolation_mode": "ISOLATION_MODE_OPEN",
           "file_event_queue": {"provided_aqs": {"queue_url": "https://acmepartners.queue.core.windows.net/exports",
             "subscription_id": "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", "resource_group": "uc"}},
           "browse_only": true}
        ]}"#,
        cli: &[
            "external-locations",
            "list",
            "--include-browse",
            "--max-results",
            "0",
            "--page-token",
            "CAEaEGxhbmRpbmctem9uZS1yYXc=",
        ],
    },
    Case {
        operation: "externalLocations.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: LOCATION,
        cli: &["external-locations", "update", NAME, "--json", UPDATE],
    },
];
