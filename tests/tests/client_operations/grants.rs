//! Unity Catalog grants.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::grants::TABLE;

/// The privileges of each principal of the cases' `GRANTS`, the unknown privilege kept.
fn assert_grants(assignments: &[models::PrivilegeAssignment]) {
    assert_eq!(assignments[0].principal.as_deref(), Some("data-analysts"));
    assert_eq!(assignments[0].privileges, Some(vec![models::Privilege::Select]));
    assert_eq!(
        assignments[1].privileges,
        Some(vec![
            models::Privilege::Modify,
            models::Privilege::Select,
            models::Privilege::Unrecognized("APPLY_POLICY".into()),
        ])
    );
}

fn change(principal: &str) -> models::PermissionsChange {
    models::PermissionsChange {
        principal: Some(principal.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn grants_get() {
    let t = setup("grants.get").await;
    let page = ok(
        t.case.operation,
        t.client.grants().get("table", TABLE, &Default::default()).await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None);
    assert_grants(page.privilege_assignments.as_deref().expect("privilege_assignments"));
}

#[tokio::test]
async fn grants_get_effective() {
    let t = setup("grants.getEffective").await;
    let params = models::GrantsGetEffectiveParams {
        max_results: Some(150),
        principal: Some("data-analysts".into()),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.grants().get_effective("table", TABLE, &params).await,
    );
    t.verify(&page).await;
    let assignments = page.privilege_assignments.as_deref().expect("privilege_assignments");
    let privileges = assignments[0].privileges.as_deref().expect("privileges");
    assert_eq!(privileges[0].privilege, Some(models::Privilege::Select));
    assert_eq!(privileges[0].inherited_from_type, None, "granted on the table itself");
    assert_eq!(privileges[1].inherited_from_type, Some(models::SecurableType::Schema));
    assert_eq!(privileges[1].inherited_from_name.as_deref(), Some("sales.orders"));
    assert_eq!(privileges[2].privilege, Some(models::Privilege::UseCatalog));
    assert_eq!(
        privileges[3].inherited_from_type,
        Some(models::SecurableType::Unrecognized("WORKSPACE_CATALOG_BINDING".into()))
    );
}

#[tokio::test]
async fn grants_update() {
    let t = setup("grants.update").await;
    let body = models::UpdatePermissions {
        changes: Some(vec![
            models::PermissionsChange {
                add: Some(vec![models::Privilege::Select]),
                ..change("data-analysts")
            },
            models::PermissionsChange {
                remove: Some(vec![models::Privilege::Select, models::Privilege::Modify]),
                ..change("contractors")
            },
        ]),
        ..Default::default()
    };
    let answer = ok(t.case.operation, t.client.grants().update("table", TABLE, &body).await);
    t.verify(&answer).await;
    assert_grants(answer.privilege_assignments.as_deref().expect("privilege_assignments"));
}
