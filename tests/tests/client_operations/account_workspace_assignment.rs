//! Account workspace assignment: principals' permissions on a workspace, with integer ids in the path.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_workspace_assignment::{ASSIGNED_PRINCIPAL_ID, ASSIGNED_WORKSPACE_ID};

fn id(text: &str) -> i64 {
    text.parse().expect("a numeric id")
}

#[tokio::test]
async fn account_workspace_assignment_delete() {
    let t = setup("accountWorkspaceAssignment.delete").await;
    let ack = ok(
        t.case.operation,
        t.account
            .workspace_assignment()
            .delete(id(ASSIGNED_WORKSPACE_ID), id(ASSIGNED_PRINCIPAL_ID))
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_workspace_assignment_get() {
    let t = setup("accountWorkspaceAssignment.get").await;
    let offered = ok(
        t.case.operation,
        t.account.workspace_assignment().get(id(ASSIGNED_WORKSPACE_ID)).await,
    );
    t.verify(&offered).await;
    let levels: Vec<_> = offered
        .permissions
        .as_deref()
        .expect("permissions")
        .iter()
        .map(|permission| permission.permission_level.clone())
        .collect();
    assert_eq!(
        levels,
        [
            Some(models::WorkspacePermission::User),
            Some(models::WorkspacePermission::Admin),
            Some(models::WorkspacePermission::Unrecognized("AUDITOR".into())),
        ]
    );
    let auditor = &offered.permissions.as_deref().expect("permissions")[2];
    assert_eq!(auditor.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_workspace_assignment_list() {
    let t = setup("accountWorkspaceAssignment.list").await;
    let assignments = ok(
        t.case.operation,
        t.account.workspace_assignment().list(id(ASSIGNED_WORKSPACE_ID)).await,
    );
    t.verify(&assignments).await;
    let assignments = assignments
        .permission_assignments
        .as_deref()
        .expect("permission_assignments");
    assert_eq!(assignments.len(), 3);
    let jane = assignments[0].principal.as_ref().expect("principal");
    assert_eq!(jane.principal_id, Some(id(ASSIGNED_PRINCIPAL_ID)));
    assert_eq!(jane.user_name.as_deref(), Some("jane.doe@example.com"));
    let group = assignments[1].principal.as_ref().expect("principal");
    assert_eq!(group.group_name.as_deref(), Some("data-engineers"));
    assert_eq!(
        assignments[2].permissions,
        Some(vec![models::WorkspacePermission::Unknown])
    );
    assert_eq!(assignments[2].error.as_deref(), Some("Principal is pending deletion"));
    assert_eq!(assignments[2].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_workspace_assignment_update() {
    let t = setup("accountWorkspaceAssignment.update").await;
    let body = models::UpdateWorkspaceAssignments {
        permissions: Some(vec![
            models::WorkspacePermission::User,
            models::WorkspacePermission::Admin,
        ]),
        ..Default::default()
    };
    let assignment = ok(
        t.case.operation,
        t.account
            .workspace_assignment()
            .update(id(ASSIGNED_WORKSPACE_ID), id(ASSIGNED_PRINCIPAL_ID), &body)
            .await,
    );
    t.verify(&assignment).await;
    assert_eq!(
        assignment.permissions,
        Some(vec![
            models::WorkspacePermission::Admin,
            models::WorkspacePermission::Unrecognized("WORKSPACE_OWNER".into()),
        ])
    );
}
