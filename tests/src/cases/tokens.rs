//! Tokens (`/api/2.0/token`): the calling user's own personal access tokens.

use super::{Case, EMPTY};

/// The token the tokens cases are about (a SHA-256 hash, as the API writes token ids).
pub const TOKEN_ID: &str = "d5a8f3c2e1b0497a86c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3";

pub const CASES: &[Case] = &[
    Case {
        operation: "tokens.create",
        method: "POST",
        path: "/api/2.0/token/create",
        query: &[],
        body: Some(
            r#"{
              "comment": "CI deploy pipeline",
              "lifetime_seconds": 7776000,
              "autoscope_enabled": false,
              "scopes": ["clusters", "jobs"]
            }"#,
        ),
        // Created 2024-01-15, valid for 90 days.
        response: r#"{
          "token_value": "dapi3f9c2b7e8a1d4c6f0b5e9a2d7c4f1e8b",
          "token_info": {
            "token_id": "d5a8f3c2e1b0497a86c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
            "creation_time": 1705311017000,
            "expiry_time": 1713087017000,
            "comment": "CI deploy pipeline",
            "scopes": ["clusters", "jobs"]
          }
        }"#,
        cli: &[
            "tokens",
            "create",
            "--comment",
            "CI deploy pipeline",
            "--lifetime-seconds",
            "7776000",
            "--autoscope-enabled=false",
            "--json",
            r#"{"scopes": ["clusters", "jobs"]}"#,
        ],
    },
    Case {
        operation: "tokens.delete",
        method: "POST",
        path: "/api/2.0/token/delete",
        query: &[],
        body: Some(r#"{"token_id": "d5a8f3c2e1b0497a86c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3"}"#),
        response: EMPTY,
        cli: &["tokens", "delete", TOKEN_ID],
    },
    Case {
        operation: "tokens.list",
        method: "GET",
        path: "/api/2.0/token/list",
        query: &[],
        body: None,
        // One token that never expires, one with autoscope in a state this spec does not know, and unknown
        // fields on an entry and on the whole response.
        response: r#"{
          "token_infos": [
            {
              "token_id": "d5a8f3c2e1b0497a86c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
              "creation_time": 1705311017000,
              "expiry_time": 1713087017000,
              "comment": "CI deploy pipeline",
              "scopes": ["clusters", "jobs"]
            },
            {
              "token_id": "0b7e4c1a9d2f48e6b3a5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8",
              "creation_time": 1672531200000,
              "expiry_time": -1,
              "comment": "local notebook sync"
            },
            {
              "token_id": "7c3e9a1f5b2d4068a9e7c5b3d1f9e7a5c3b1d9f7e5a3c1b9d7f5e3a1c9b7d5f3",
              "creation_time": 1704724800000,
              "expiry_time": 1707316800000,
              "comment": "dbt runs",
              "autoscope_state": "AUTOSCOPE_STATE_PAUSED",
              "inferred_scopes": ["sql"],
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["tokens", "list"],
    },
    Case {
        operation: "tokens.update",
        method: "PATCH",
        path: "/api/2.0/token/d5a8f3c2e1b0497a86c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
        query: &[],
        body: Some(
            r#"{
              "token": {"comment": "CI deploy pipeline (prod)", "scopes": ["clusters", "jobs", "workspace"]},
              "update_mask": "comment,scopes"
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "tokens",
            "update",
            TOKEN_ID,
            "comment,scopes",
            "--json",
            r#"{"token": {"comment": "CI deploy pipeline (prod)", "scopes": ["clusters", "jobs", "workspace"]}}"#,
        ],
    },
];
