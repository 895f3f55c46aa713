//! Account metastore assignments: every operation through the account client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_metastore_assignments::{METASTORE_ID, WORKSPACE_ID};

#[tokio::test]
async fn account_metastore_assignments_create() {
    let t = setup("accountMetastoreAssignments.create").await;
    let body = models::CreateAccountMetastoreAssignmentRequest {
        metastore_assignment: Some(models::NewMetastoreAssignment::new(METASTORE_ID, "main")),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.account
            .metastore_assignments()
            .create(WORKSPACE_ID, METASTORE_ID, &body)
            .await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn account_metastore_assignments_delete() {
    let t = setup("accountMetastoreAssignments.delete").await;
    let answer = ok(
        t.case.operation,
        t.account
            .metastore_assignments()
            .delete(WORKSPACE_ID, METASTORE_ID)
            .await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn account_metastore_assignments_get() {
    let t = setup("accountMetastoreAssignments.get").await;
    let answer = ok(
        t.case.operation,
        t.account.metastore_assignments().get(WORKSPACE_ID).await,
    );
    t.verify(&answer).await;
    let assignment = answer.metastore_assignment.as_ref().expect("assignment");
    assert_eq!(assignment.metastore_id, METASTORE_ID);
    assert_eq!(assignment.workspace_id, WORKSPACE_ID);
    assert_eq!(assignment.unknown_fields["assigned_by"], "admin@example.com");
}

#[tokio::test]
async fn account_metastore_assignments_list() {
    let t = setup("accountMetastoreAssignments.list").await;
    let answer = ok(
        t.case.operation,
        t.account.metastore_assignments().list(METASTORE_ID).await,
    );
    t.verify(&answer).await;
    assert_eq!(
        answer.workspace_ids.as_deref(),
        Some(&[WORKSPACE_ID, 2_345_678_901_234_567][..])
    );
}

#[tokio::test]
async fn account_metastore_assignments_update() {
    let t = setup("accountMetastoreAssignments.update").await;
    let body = models::UpdateAccountMetastoreAssignmentRequest {
        metastore_assignment: Some(models::ChangedMetastoreAssignment {
            metastore_id: Some(METASTORE_ID.into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.account
            .metastore_assignments()
            .update(WORKSPACE_ID, METASTORE_ID, &body)
            .await,
    );
    t.verify(&answer).await;
}
