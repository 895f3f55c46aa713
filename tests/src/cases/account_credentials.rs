//! Account credential configurations (`/api/2.0/accounts/{account_id}/credentials`).

use super::Case;

pub const CREDENTIALS_ID: &str = "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36";

const CREDENTIAL: &str = r#"{
  "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
  "credentials_name": "sales-analytics-role",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "aws_credentials": {"sts_role": {"role_arn": "arn:aws:iam::123456789012:role/databricks-cross-account"}},
  "creation_time": 1718031600000,
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountCredentials.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/credentials",
        query: &[],
        body: Some(
            r#"{"credentials_name": "sales-analytics-role",
                "aws_credentials": {"sts_role": {"role_arn": "arn:aws:iam::123456789012:role/databricks-cross-account"}}}"#,
        ),
        response: CREDENTIAL,
        cli: &[
            "account",
            "credentials",
            "create",
            "sales-analytics-role",
            "--json",
            r#"{"aws_credentials": {"sts_role": {"role_arn": "arn:aws:iam::123456789012:role/databricks-cross-account"}}}"#,
        ],
    },
    Case {
        operation: "accountCredentials.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/credentials/c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
        query: &[],
        body: None,
        response: CREDENTIAL,
        cli: &["account", "credentials", "delete", CREDENTIALS_ID],
    },
    Case {
        operation: "accountCredentials.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/credentials/c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
        query: &[],
        body: None,
        response: CREDENTIAL,
        cli: &["account", "credentials", "get", CREDENTIALS_ID],
    },
    Case {
        operation: "accountCredentials.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/credentials",
        query: &[],
        body: None,
        response: r#"[
          {
            "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
            "credentials_name": "sales-analytics-role",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "aws_credentials": {"sts_role": {"role_arn": "arn:aws:iam::123456789012:role/databricks-cross-account"}},
            "creation_time": 1718031600000
          },
          {
            "credentials_id": "1f0e9d8c-7b6a-4594-8372-6150f4e3d2c1",
            "credentials_name": "research-role",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "aws_credentials": {
              "sts_role": {"role_arn": "arn:aws:iam::210987654321:role/databricks-research", "external_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60"}
            },
            "creation_time": 1706745600000,
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "credentials", "list"],
    },
];
