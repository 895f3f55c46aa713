//! Files (`/api/2.0/fs/files{path}`, `/api/2.0/fs/directories{path}`): raw bytes both ways, multi-segment
//! paths into a Unity Catalog volume.

use super::{Case, EMPTY};

/// The file every file case names, and its path on the wire.
pub const FILE: &str = "/Volumes/main/default/landing/2024/orders.csv";
/// The directory every directory case names.
pub const DIRECTORY: &str = "/Volumes/main/default/landing/2024";

/// The bytes the upload sends and the download answers: a CSV with a quoted comma and a non-ASCII name.
pub const ORDERS_CSV: &str = "order_id,customer,amount\n1001,\"Müller, Anna\",25.50\n1002,Ng,7.00\n";

pub const CASES: &[Case] = &[
    Case {
        operation: "files.createDirectory",
        method: "PUT",
        path: "/api/2.0/fs/directories/Volumes/main/default/landing/2024",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["files", "create-directory", DIRECTORY],
    },
    Case {
        operation: "files.delete",
        method: "DELETE",
        path: "/api/2.0/fs/files/Volumes/main/default/landing/2024/orders.csv",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["files", "delete", FILE],
    },
    Case {
        operation: "files.deleteDirectory",
        method: "DELETE",
        path: "/api/2.0/fs/directories/Volumes/main/default/landing/2024",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["files", "delete-directory", DIRECTORY],
    },
    Case {
        operation: "files.download",
        method: "GET",
        path: "/api/2.0/fs/files/Volumes/main/default/landing/2024/orders.csv",
        query: &[],
        body: None,
        response: ORDERS_CSV,
        cli: &["files", "download", FILE],
    },
    Case {
        operation: "files.getDirectoryMetadata",
        method: "HEAD",
        path: "/api/2.0/fs/directories/Volumes/main/default/landing/2024",
        query: &[],
        body: None,
        // A `HEAD` answer has no body: the client returns nothing, and `dbr` prints `null`.
        response: "null",
        cli: &["files", "get-directory-metadata", DIRECTORY],
    },
    Case {
        operation: "files.getMetadata",
        method: "HEAD",
        path: "/api/2.0/fs/files/Volumes/main/default/landing/2024/orders.csv",
        query: &[],
        body: None,
        response: "null",
        cli: &["files", "get-metadata", FILE],
    },
    Case {
        operation: "files.listDirectoryContents",
        method: "GET",
        path: "/api/2.0/fs/directories/Volumes/main/default/landing/2024",
        query: &[("page_size", "2"), ("page_token", "AAAAAQ==")],
        body: None,
        response: r#"{
          "contents": [
            {
              "path": "/Volumes/main/default/landing/2024/orders.csv",
              "name": "orders.csv",
              "is_directory": false,
              "file_size": 5368709120,
              "last_modified": 1705310940000,
              "future_field": {"nested": [1, 2]}
            },
            {
              "path": "/Volumes/main/default/landing/2024/q1",
              "name": "q1",
              "is_directory": true
            }
          ],
          "next_page_token": "AAAAAg=="
        }"#,
        cli: &[
            "files",
            "list-directory-contents",
            DIRECTORY,
            "--page-size",
            "2",
            "--page-token",
            "AAAAAQ==",
        ],
    },
    Case {
        operation: "files.upload",
        method: "PUT",
        path: "/api/2.0/fs/files/Volumes/main/default/landing/2024/orders.csv",
        query: &[("overwrite", "false")],
        // Raw bytes: a JSON string here is the exact text sent as `application/octet-stream`.
        body: Some(r#""order_id,customer,amount\n1001,\"Müller, Anna\",25.50\n1002,Ng,7.00\n""#),
        response: EMPTY,
        cli: &["files", "upload", FILE, "--overwrite=false", "--body", ORDERS_CSV],
    },
];
