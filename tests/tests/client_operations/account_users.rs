//! Account users: SCIM records of the account, reached through the account client with the account id
//! from its configuration.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_users::ACCOUNT_USER_ID;
use databricks_tests::mock::ACCOUNT_ID;
use serde_json::json;

fn name(given: &str, family: &str) -> models::ScimName {
    models::ScimName {
        given_name: Some(given.into()),
        family_name: Some(family.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn account_users_create() {
    let t = setup("accountUsers.create").await;
    let body = models::AccountUser {
        user_name: Some("john.smith@example.com".into()),
        display_name: Some("John Smith".into()),
        name: Some(name("John", "Smith")),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.users().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some("7702958113460837"));
    assert_eq!(created.account_id.as_deref(), Some(ACCOUNT_ID));
    let emails = created.emails.as_deref().expect("emails");
    assert_eq!(emails[0].primary, Some(true));
}

#[tokio::test]
async fn account_users_delete() {
    let t = setup("accountUsers.delete").await;
    let ack = ok(t.case.operation, t.account.users().delete(ACCOUNT_USER_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

/// Attributes the spec does not describe (`schemas`, `meta`) come back unchanged.
#[tokio::test]
async fn account_users_get() {
    let t = setup("accountUsers.get").await;
    let params = models::AccountUsersGetParams {
        attributes: Some("id,userName,displayName,name,emails,roles,active".into()),
        ..Default::default()
    };
    let jane = ok(t.case.operation, t.account.users().get(ACCOUNT_USER_ID, &params).await);
    t.verify(&jane).await;
    assert_eq!(jane.user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(jane.name, Some(name("Jane", "Doe")));
    let roles = jane.roles.as_deref().expect("roles");
    assert_eq!(roles[0].value.as_deref(), Some("account_admin"));
    assert_eq!(
        jane.unknown_fields["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:User"])
    );
    assert_eq!(
        jane.unknown_fields["meta"]["created"],
        json!("2024-03-11T09:12:44.000Z")
    );
}

/// The sort order is an open enum: a value the spec lists is sent as written, and camelCase SCIM names go
/// out under their wire names.
#[tokio::test]
async fn account_users_list() {
    let t = setup("accountUsers.list").await;
    let params = models::AccountUsersListParams {
        count: Some(2),
        excluded_attributes: Some("roles".into()),
        filter: Some("userName sw \"j\"".into()),
        sort_by: Some("userName".into()),
        sort_order: Some(models::ScimListSortOrder::Descending),
        start_index: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.users().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.total_results, Some(5));
    assert_eq!(page.items_per_page, Some(2));
    let users = page.resources.as_deref().expect("Resources");
    assert_eq!(users[0].user_name.as_deref(), Some("john.smith@example.com"));
    assert_eq!(users[1].active, Some(false));
    assert_eq!(users[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        page.unknown_fields["schemas"],
        json!(["urn:ietf:params:scim:api:messages:2.0:ListResponse"])
    );
}

#[tokio::test]
async fn account_users_patch() {
    let t = setup("accountUsers.patch").await;
    let body = models::ScimPatchRequest {
        schemas: Some(vec![models::ScimPatchSchema::UrnIetfParamsScimApiMessages20PatchOp]),
        operations: Some(vec![
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Add),
                path: Some("roles".into()),
                value: Some(json!([{"value": "account_admin"}])),
                ..Default::default()
            },
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Replace),
                path: Some("active".into()),
                value: Some(json!(true)),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.account.users().patch(ACCOUNT_USER_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

/// An empty `roles` list is sent as `[]`: replacing the record clears the user's roles.
#[tokio::test]
async fn account_users_update() {
    let t = setup("accountUsers.update").await;
    let body = models::UpdateAccountUser {
        user_name: Some("jane.doe@example.com".into()),
        display_name: Some("Jane Doe-Martin".into()),
        active: Some(true),
        name: Some(name("Jane", "Doe-Martin")),
        roles: Some(Vec::new()),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.account.users().update(ACCOUNT_USER_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
