//! MLflow experiments: the issue operations, whose experiment and issue names span path segments.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::experiments_issues::{NAME, PARENT};

/// Checks the issue of `ISSUE`: every field, the unknown status kept as written, the unknown field kept.
fn assert_issue(issue: &models::Issue) {
    assert_eq!(issue.name.as_deref(), Some(NAME));
    assert_eq!(issue.issue_id.as_deref(), Some("iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    assert_eq!(issue.title, "Answers cite retired pricing pages");
    assert_eq!(issue.severity, models::IssueSeverity::High);
    assert_eq!(
        serde_json::to_value(&issue.status).unwrap(),
        serde_json::json!("SNOOZED"),
        "a status this SDK does not know is kept"
    );
    assert_eq!(issue.categories.as_deref(), Some(&["correctness".to_owned()][..]));
    assert_eq!(issue.tags.as_ref().unwrap()["team"], "support-bot");
    assert_eq!(issue.metadata.as_ref().unwrap()["detector"], "pricing-check");
    assert_eq!(issue.source_type, Some(models::IssueSourceType::Manual));
    assert_eq!(issue.create_time.as_deref(), Some("2026-11-30T09:15:00Z"));
    assert_eq!(issue.created_by.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(issue.unknown_fields["assignee"], "sam.lee@example.com");
}

#[tokio::test]
async fn experiments_create_issue() {
    let t = setup("experiments.createIssue").await;
    let params = models::ExperimentsCreateIssueParams {
        issue_id: Some("iss-0f1e2d3c4b5a69788796a5b4c3d2e1f0".into()),
    };
    let issue = models::Issue::new("Answers cite retired pricing pages", models::IssueSeverity::High);
    let created = ok(
        t.case.operation,
        t.client.experiments().create_issue(PARENT, &params, &issue).await,
    );
    t.verify(&created).await;
    assert_issue(&created);
}

#[tokio::test]
async fn experiments_get_issue() {
    let t = setup("experiments.getIssue").await;
    let issue = ok(t.case.operation, t.client.experiments().get_issue(NAME).await);
    t.verify(&issue).await;
    assert_issue(&issue);
}

#[tokio::test]
async fn experiments_search_issues() {
    let t = setup("experiments.searchIssues").await;
    let request = models::SearchIssuesRequest {
        statuses: Some(vec![models::IssueStatus::Pending]),
        sort_key: Some(models::IssueSortKey::LastSeenTime),
        page_size: Some(50),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.experiments().search_issues(PARENT, &request).await,
    );
    t.verify(&page).await;
    let issues = page.issues.as_deref().expect("issues");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].status, Some(models::IssueStatus::Pending));
    assert_eq!(page.total_size, Some(1));
    assert_eq!(page.next_page_token, None);
}

#[tokio::test]
async fn experiments_update_issue() {
    let t = setup("experiments.updateIssue").await;
    let issue = models::Issue {
        status: Some(models::IssueStatus::Resolved),
        ..models::Issue::new("Answers cite retired pricing pages", models::IssueSeverity::Medium)
    };
    let updated = ok(
        t.case.operation,
        t.client
            .experiments()
            .update_issue(NAME, "status,severity", &issue)
            .await,
    );
    t.verify(&updated).await;
    assert_issue(&updated);
}

#[tokio::test]
async fn an_issue_name_with_a_dot_segment_is_refused_before_sending() {
    let t = setup("experiments.getIssue").await;
    let error = t
        .client
        .experiments()
        .get_issue("experiments/1/../../secrets/list")
        .await
        .expect_err("a dot segment");
    assert!(
        matches!(error, databricks_client::Error::InvalidRequest { .. }),
        "{error}"
    );
    assert!(t.server.received_requests().await.unwrap().is_empty());
}
