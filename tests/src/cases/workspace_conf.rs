//! Workspace configuration (`/api/2.0/workspace-conf`): the workspace's advanced settings as key/value pairs.

use super::{Case, EMPTY};

const SET: &str = r#"{"enableIpAccessLists": "true", "maxTokenLifetimeDays": "90"}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "workspaceConf.getStatus",
        method: "GET",
        path: "/api/2.0/workspace-conf",
        // The keys go as one comma-separated value, as the official SDKs send them.
        query: &[("keys", "enableTokensConfig,maxTokenLifetimeDays,enableIpAccessLists")],
        body: None,
        // A key never set comes back as `null`, which must survive as `null`, not as a missing key or "".
        response: r#"{"enableTokensConfig": "true", "maxTokenLifetimeDays": null, "enableIpAccessLists": "false"}"#,
        cli: &[
            "workspace-conf",
            "get-status",
            "--keys",
            "enableTokensConfig",
            "--keys",
            "maxTokenLifetimeDays",
            "--keys",
            "enableIpAccessLists",
        ],
    },
    Case {
        operation: "workspaceConf.setStatus",
        method: "PATCH",
        path: "/api/2.0/workspace-conf",
        query: &[],
        body: Some(SET),
        response: EMPTY,
        cli: &["workspace-conf", "set-status", "--json", SET],
    },
];
