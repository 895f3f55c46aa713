//! MLflow experiments: the issues of an experiment (`/api/2.0/mlflow/experiments/<id>/issues/...`), named by
//! paths whose `/` travel as they are.

use super::Case;

/// The experiment the issues belong to, as the issue API names it.
pub const PARENT: &str = "experiments/1234567890";

/// The issue the cases are about.
pub const NAME: &str = "experiments/1234567890/issues/iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// An issue as the server returns it, with `assignee`, a field this spec does not know, and `SNOOZED`, a
/// status it does not know either.
pub const ISSUE: &str = r#"{
  "name": "experiments/1234567890/issues/iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  "issue_id": "iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  "title": "Answers cite retired pricing pages",
  "description": "Several traces quote the 2024 price list.",
  "severity": "HIGH",
  "status": "SNOOZED",
  "categories": ["correctness"],
  "tags": {"team": "support-bot"},
  "metadata": {"detector": "pricing-check"},
  "source_type": "MANUAL",
  "create_time": "2026-11-30T09:15:00Z",
  "update_time": "2026-11-30T09:20:00Z",
  "last_seen_time": "2026-11-30T09:15:00Z",
  "created_by": "jane.doe@example.com",
  "last_updated_by": "jane.doe@example.com",
  "assignee": "sam.lee@example.com"
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "experiments.createIssue",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/1234567890/issues",
        query: &[("issue_id", "iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0")],
        body: Some(r#"{"title": "Answers cite retired pricing pages", "severity": "HIGH"}"#),
        response: ISSUE,
        cli: &[
            "experiments",
            "create-issue",
            PARENT,
            "Answers cite retired pricing pages",
            "HIGH",
            "--issue-id",
            "iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        ],
    },
    Case {
        operation: "experiments.getIssue",
        method: "GET",
        path: "/api/2.0/mlflow/experiments/1234567890/issues/iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        query: &[],
        body: None,
        response: ISSUE,
        cli: &["experiments", "get-issue", NAME],
    },
    Case {
        operation: "experiments.searchIssues",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/1234567890/issues:search",
        query: &[],
        body: Some(r#"{"statuses": ["PENDING"], "sort_key": "LAST_SEEN_TIME", "page_size": 50}"#),
        response: r#"{
          "issues": [
            {
              "name": "experiments/1234567890/issues/iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
              "issue_id": "iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
              "title": "Answers cite retired pricing pages",
              "severity": "HIGH",
              "status": "PENDING",
              "source_type": "MANUAL",
              "create_time": "2026-11-30T09:15:00Z"
            }
          ],
          "total_size": 1
        }"#,
        cli: &[
            "experiments",
            "search-issues",
            PARENT,
            "--json",
            r#"{"statuses": ["PENDING"], "sort_key": "LAST_SEEN_TIME", "page_size": 50}"#,
        ],
    },
    Case {
        operation: "experiments.updateIssue",
        method: "PATCH",
        path: "/api/2.0/mlflow/experiments/1234567890/issues/iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        query: &[("update_mask", "status,severity")],
        body: Some(r#"{"title": "Answers cite retired pricing pages", "severity": "MEDIUM", "status": "RESOLVED"}"#),
        response: ISSUE,
        cli: &[
            "experiments",
            "update-issue",
            NAME,
            "status,severity",
            "Answers cite retired pricing pages",
            "MEDIUM",
            "--status",
            "RESOLVED",
        ],
    },
];
