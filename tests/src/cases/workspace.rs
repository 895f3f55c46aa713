//! Workspace objects (`/api/2.0/workspace`).

use super::{Case, EMPTY};

/// "# Databricks notebook source\nprint(\"ingest\")\n", base64-encoded.
pub const NOTEBOOK_SOURCE: &str = "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK";

pub const CASES: &[Case] = &[
    Case {
        operation: "workspace.delete",
        method: "POST",
        path: "/api/2.0/workspace/delete",
        query: &[],
        body: Some(r#"{"path": "/Users/jane.doe@example.com/etl/old", "recursive": true}"#),
        response: EMPTY,
        cli: &[
            "workspace",
            "delete",
            "/Users/jane.doe@example.com/etl/old",
            "--recursive",
        ],
    },
    Case {
        operation: "workspace.export",
        method: "GET",
        path: "/api/2.0/workspace/export",
        query: &[("path", "/Users/jane.doe@example.com/etl/ingest"), ("format", "SOURCE")],
        body: None,
        response: r#"{"content": "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK", "file_type": "py"}"#,
        cli: &[
            "workspace",
            "export",
            "/Users/jane.doe@example.com/etl/ingest",
            "--format",
            "SOURCE",
        ],
    },
    Case {
        operation: "workspace.getStatus",
        method: "GET",
        path: "/api/2.0/workspace/get-status",
        query: &[("path", "/Users/jane.doe@example.com/etl/ingest")],
        body: None,
        response: r#"{
          "object_type": "NOTEBOOK",
          "path": "/Users/jane.doe@example.com/etl/ingest",
          "language": "PYTHON",
          "object_id": 1564852094431762,
          "resource_id": "1564852094431762",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["workspace", "get-status", "/Users/jane.doe@example.com/etl/ingest"],
    },
    Case {
        operation: "workspace.import",
        method: "POST",
        path: "/api/2.0/workspace/import",
        query: &[],
        body: Some(
            r#"{
              "path": "/Users/jane.doe@example.com/etl/ingest",
              "content": "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK",
              "format": "SOURCE",
              "language": "PYTHON",
              "overwrite": true
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "workspace",
            "import",
            "/Users/jane.doe@example.com/etl/ingest",
            "--content",
            NOTEBOOK_SOURCE,
            "--format",
            "SOURCE",
            "--language",
            "PYTHON",
            "--overwrite",
        ],
    },
    Case {
        operation: "workspace.list",
        method: "GET",
        path: "/api/2.0/workspace/list",
        query: &[
            ("path", "/Users/jane.doe@example.com/etl"),
            ("notebooks_modified_after", "1705311017000"),
        ],
        body: None,
        response: r#"{
          "objects": [
            {
              "object_type": "DIRECTORY",
              "path": "/Users/jane.doe@example.com/etl/staging",
              "object_id": 1564852094431760,
              "resource_id": "1564852094431760",
              "directory_info": {"is_git_folder": false}
            },
            {
              "object_type": "NOTEBOOK",
              "path": "/Users/jane.doe@example.com/etl/ingest",
              "language": "PYTHON",
              "object_id": 1564852094431762,
              "resource_id": "1564852094431762"
            },
            {
              "object_type": "FILE",
              "path": "/Users/jane.doe@example.com/etl/events-2024-01.jsonl",
              "object_id": 1564852094431771,
              "resource_id": "1564852094431771",
              "created_at": 1705311017000,
              "modified_at": 1705397417000,
              "size": 3221225472
            },
            {
              "object_type": "MLFLOW_EXPERIMENT",
              "path": "/Users/jane.doe@example.com/etl/ingest-experiment",
              "object_id": 1564852094431790,
              "resource_id": "1564852094431790",
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "workspace",
            "list",
            "/Users/jane.doe@example.com/etl",
            "--notebooks-modified-after",
            "1705311017000",
        ],
    },
    Case {
        operation: "workspace.mkdirs",
        method: "POST",
        path: "/api/2.0/workspace/mkdirs",
        query: &[],
        body: Some(r#"{"path": "/Users/jane.doe@example.com/etl/staging"}"#),
        response: EMPTY,
        cli: &["workspace", "mkdirs", "/Users/jane.doe@example.com/etl/staging"],
    },
];
