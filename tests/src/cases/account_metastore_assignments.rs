//! Account metastore assignments: which Unity Catalog metastore each workspace uses.

use super::{Case, EMPTY};

pub const WORKSPACE_ID: i64 = 1_234_567_890_123_456;
pub const METASTORE_ID: &str = "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";

const ASSIGNMENT: &str = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";

const CREATE: &str = r#"{"metastore_assignment": {"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a", "default_catalog_name": "main"}}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountMetastoreAssignments.create",
        method: "POST",
        path: ASSIGNMENT,
        query: &[],
        body: Some(CREATE),
        response: EMPTY,
        cli: &[
            "account",
            "metastore-assignments",
            "create",
            "1234567890123456",
            METASTORE_ID,
            "--json",
            CREATE,
        ],
    },
    Case {
        operation: "accountMetastoreAssignments.delete",
        method: "DELETE",
        path: ASSIGNMENT,
        query: &[],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "metastore-assignments",
            "delete",
            "1234567890123456",
            METASTORE_ID,
        ],
    },
    Case {
        operation: "accountMetastoreAssignments.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456/metastore",
        query: &[],
        body: None,
        // `assigned_by` is a field this spec does not know.
        response: r#"{"metastore_assignment": {"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
          "workspace_id": 1234567890123456, "assigned_by": "admin@example.com"}}"#,
        cli: &["account", "metastore-assignments", "get", "1234567890123456"],
    },
    Case {
        operation: "accountMetastoreAssignments.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a/workspaces",
        query: &[],
        body: None,
        response: r#"{"workspace_ids": [1234567890123456, 2345678901234567]}"#,
        cli: &["account", "metastore-assignments", "list", METASTORE_ID],
    },
    Case {
        operation: "accountMetastoreAssignments.update",
        method: "PUT",
        path: ASSIGNMENT,
        query: &[],
        body: Some(r#"{"metastore_assignment": {"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a"}}"#),
        response: EMPTY,
        cli: &[
            "account",
            "metastore-assignments",
            "update",
            "1234567890123456",
            METASTORE_ID,
            "--json",
            r#"{"metastore_assignment": {"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a"}}"#,
        ],
    },
];
