//! Global init scripts (`/api/2.0/global-init-scripts`).

use super::{Case, EMPTY};

pub const SCRIPT_ID: &str = "C39FD6BAC8088BBC";

/// `#!/bin/bash`, `set -euo pipefail`, `apt-get install -y --no-install-recommends jq`, base64-encoded.
pub const SCRIPT: &str =
    "IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKYXB0LWdldCBpbnN0YWxsIC15IC0tbm8taW5zdGFsbC1yZWNvbW1lbmRzIGpxCg==";

/// The same script installing `curl` as well.
pub const SCRIPT_V2: &str =
    "IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKYXB0LWdldCBpbnN0YWxsIC15IC0tbm8taW5zdGFsbC1yZWNvbW1lbmRzIGpxIGN1cmwK";

pub const CASES: &[Case] = &[
    Case {
        operation: "globalInitScripts.create",
        method: "POST",
        path: "/api/2.0/global-init-scripts",
        query: &[],
        body: Some(
            r#"{"name": "install-jq", "script": "IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKYXB0LWdldCBpbnN0YWxsIC15IC0tbm8taW5zdGFsbC1yZWNvbW1lbmRzIGpxCg==", "enabled": true, "position": 0}"#,
        ),
        response: r#"{"script_id": "C39FD6BAC8088BBC"}"#,
        cli: &[
            "global-init-scripts",
            "create",
            "install-jq",
            SCRIPT,
            "--enabled",
            "--position",
            "0",
        ],
    },
    Case {
        operation: "globalInitScripts.delete",
        method: "DELETE",
        path: "/api/2.0/global-init-scripts/C39FD6BAC8088BBC",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["global-init-scripts", "delete", SCRIPT_ID],
    },
    Case {
        operation: "globalInitScripts.get",
        method: "GET",
        path: "/api/2.0/global-init-scripts/C39FD6BAC8088BBC",
        query: &[],
        body: None,
        response: r#"{
          "script_id": "C39FD6BAC8088BBC",
          "name": "install-jq",
          "position": 0,
          "enabled": true,
          "created_at": 1705311017000,
          "created_by": "jane.doe@example.com",
          "updated_at": 1705397417000,
          "updated_by": "ops-admin@example.com",
          "script": "IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKYXB0LWdldCBpbnN0YWxsIC15IC0tbm8taW5zdGFsbC1yZWNvbW1lbmRzIGpxCg==",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["global-init-scripts", "get", SCRIPT_ID],
    },
    Case {
        operation: "globalInitScripts.list",
        method: "GET",
        path: "/api/2.0/global-init-scripts",
        query: &[],
        body: None,
        response: r#"{
          "scripts": [
            {
              "script_id": "C39FD6BAC8088BBC",
              "name": "install-jq",
              "position": 0,
              "enabled": true,
              "created_at": 1705311017000,
              "created_by": "jane.doe@example.com",
              "updated_at": 1705397417000,
              "updated_by": "ops-admin@example.com"
            },
            {
              "script_id": "0F8A3D5E91B2C476",
              "name": "datadog-agent",
              "position": 1,
              "enabled": false,
              "created_at": 1698825600000,
              "created_by": "ops-admin@example.com",
              "updated_at": 1698825600000,
              "updated_by": "ops-admin@example.com",
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["global-init-scripts", "list"],
    },
    Case {
        operation: "globalInitScripts.update",
        method: "PATCH",
        path: "/api/2.0/global-init-scripts/C39FD6BAC8088BBC",
        query: &[],
        // `--enabled=false` must send an explicit false, not leave the field out.
        body: Some(
            r#"{"name": "install-jq-curl", "script": "IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKYXB0LWdldCBpbnN0YWxsIC15IC0tbm8taW5zdGFsbC1yZWNvbW1lbmRzIGpxIGN1cmwK", "enabled": false, "position": 2}"#,
        ),
        response: EMPTY,
        cli: &[
            "global-init-scripts",
            "update",
            SCRIPT_ID,
            "install-jq-curl",
            SCRIPT_V2,
            "--enabled=false",
            "--position",
            "2",
        ],
    },
];
