//! DBFS (`/api/2.0/dbfs`).

use super::{Case, EMPTY};

pub const CASES: &[Case] = &[
    Case {
        operation: "dbfs.addBlock",
        method: "POST",
        path: "/api/2.0/dbfs/add-block",
        query: &[],
        body: Some(r#"{"handle": 7340591, "data": "aGVsbG8gd29ybGQK"}"#),
        response: EMPTY,
        cli: &["dbfs", "add-block", "7340591", "aGVsbG8gd29ybGQK"],
    },
    Case {
        operation: "dbfs.close",
        method: "POST",
        path: "/api/2.0/dbfs/close",
        query: &[],
        body: Some(r#"{"handle": 7340591}"#),
        response: EMPTY,
        cli: &["dbfs", "close", "7340591"],
    },
    Case {
        operation: "dbfs.create",
        method: "POST",
        path: "/api/2.0/dbfs/create",
        query: &[],
        body: Some(r#"{"path": "/mnt/raw/events/2024-01-15.json", "overwrite": true}"#),
        response: r#"{"handle": 7340591}"#,
        cli: &["dbfs", "create", "/mnt/raw/events/2024-01-15.json", "--overwrite"],
    },
    Case {
        operation: "dbfs.delete",
        method: "POST",
        path: "/api/2.0/dbfs/delete",
        query: &[],
        body: Some(r#"{"path": "/tmp/scratch/run-42", "recursive": true}"#),
        response: EMPTY,
        cli: &["dbfs", "delete", "/tmp/scratch/run-42", "--recursive"],
    },
    Case {
        operation: "dbfs.getStatus",
        method: "GET",
        path: "/api/2.0/dbfs/get-status",
        query: &[("path", "/mnt/raw/events/2024-01-15.json")],
        body: None,
        response: r#"{
          "path": "/mnt/raw/events/2024-01-15.json",
          "is_dir": false,
          "file_size": 1048576,
          "modification_time": 1705311017000,
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["dbfs", "get-status", "/mnt/raw/events/2024-01-15.json"],
    },
    Case {
        operation: "dbfs.list",
        method: "GET",
        path: "/api/2.0/dbfs/list",
        query: &[("path", "/mnt/raw/events")],
        body: None,
        response: r#"{
          "files": [
            {"path": "/mnt/raw/events/2024-01-15.json", "is_dir": false, "file_size": 1048576, "modification_time": 1705311017000},
            {"path": "/mnt/raw/events/archive", "is_dir": true, "file_size": 0, "modification_time": 1705224617000},
            {
              "path": "/mnt/raw/events/full-dump.parquet",
              "is_dir": false,
              "file_size": 6442450944,
              "modification_time": 1705138217000,
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["dbfs", "list", "/mnt/raw/events"],
    },
    Case {
        operation: "dbfs.mkdirs",
        method: "POST",
        path: "/api/2.0/dbfs/mkdirs",
        query: &[],
        body: Some(r#"{"path": "/mnt/raw/events/2024/01"}"#),
        response: EMPTY,
        cli: &["dbfs", "mkdirs", "/mnt/raw/events/2024/01"],
    },
    Case {
        operation: "dbfs.move",
        method: "POST",
        path: "/api/2.0/dbfs/move",
        query: &[],
        body: Some(
            r#"{"source_path": "/mnt/raw/events/2024-01-15.json", "destination_path": "/mnt/raw/events/archive/2024-01-15.json"}"#,
        ),
        response: EMPTY,
        cli: &[
            "dbfs",
            "move",
            "/mnt/raw/events/2024-01-15.json",
            "/mnt/raw/events/archive/2024-01-15.json",
        ],
    },
    Case {
        operation: "dbfs.put",
        method: "POST",
        path: "/api/2.0/dbfs/put",
        query: &[],
        // `--overwrite=false` must send an explicit false, not leave the field out.
        body: Some(r#"{"path": "/tmp/hello.txt", "contents": "aGVsbG8gd29ybGQK", "overwrite": false}"#),
        response: EMPTY,
        cli: &[
            "dbfs",
            "put",
            "/tmp/hello.txt",
            "--contents",
            "aGVsbG8gd29ybGQK",
            "--overwrite=false",
        ],
    },
    Case {
        operation: "dbfs.read",
        method: "GET",
        path: "/api/2.0/dbfs/read",
        query: &[("path", "/tmp/hello.txt"), ("offset", "0"), ("length", "100")],
        body: None,
        // "hello world\n": the slice stops at the end of the file, before `length`.
        response: r#"{"bytes_read": 12, "data": "aGVsbG8gd29ybGQK"}"#,
        cli: &["dbfs", "read", "/tmp/hello.txt", "--offset", "0", "--length", "100"],
    },
];
