//! Account service principals: SCIM records of the account's non-human identities.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_service_principals::ACCOUNT_SERVICE_PRINCIPAL_ID;
use serde_json::json;

#[tokio::test]
async fn account_service_principals_create() {
    let t = setup("accountServicePrincipals.create").await;
    let body = models::AccountServicePrincipal {
        display_name: Some("nightly-etl".into()),
        active: Some(true),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.service_principals().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(ACCOUNT_SERVICE_PRINCIPAL_ID));
    assert_eq!(
        created.application_id.as_deref(),
        Some("9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35")
    );
}

#[tokio::test]
async fn account_service_principals_delete() {
    let t = setup("accountServicePrincipals.delete").await;
    let ack = ok(
        t.case.operation,
        t.account
            .service_principals()
            .delete(ACCOUNT_SERVICE_PRINCIPAL_ID)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_service_principals_get() {
    let t = setup("accountServicePrincipals.get").await;
    let principal = ok(
        t.case.operation,
        t.account.service_principals().get(ACCOUNT_SERVICE_PRINCIPAL_ID).await,
    );
    t.verify(&principal).await;
    assert_eq!(principal.display_name.as_deref(), Some("nightly-etl"));
    assert_eq!(principal.active, Some(true));
    assert_eq!(
        principal.unknown_fields["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"])
    );
}

#[tokio::test]
async fn account_service_principals_list() {
    let t = setup("accountServicePrincipals.list").await;
    let params = models::AccountServicePrincipalsListParams {
        filter: Some("displayName sw \"nightly\"".into()),
        sort_by: Some("displayName".into()),
        sort_order: Some(models::ScimListSortOrder::Ascending),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.service_principals().list(&params).await);
    t.verify(&page).await;
    let principals = page.resources.as_deref().expect("Resources");
    assert_eq!(principals.len(), 2);
    assert_eq!(principals[1].active, Some(false));
    let roles = principals[1].roles.as_deref().expect("roles");
    assert_eq!(roles[0].value.as_deref(), Some("account_admin"));
    assert_eq!(principals[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_service_principals_patch() {
    let t = setup("accountServicePrincipals.patch").await;
    let body = models::ScimPatchRequest {
        schemas: Some(vec![models::ScimPatchSchema::UrnIetfParamsScimApiMessages20PatchOp]),
        operations: Some(vec![models::ScimPatch {
            op: Some(models::ScimPatchOp::Replace),
            path: Some("active".into()),
            value: Some(json!(false)),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account
            .service_principals()
            .patch(ACCOUNT_SERVICE_PRINCIPAL_ID, &body)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_service_principals_update() {
    let t = setup("accountServicePrincipals.update").await;
    let body = models::UpdateAccountServicePrincipal {
        application_id: Some("9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35".into()),
        display_name: Some("nightly-etl-prod".into()),
        active: Some(true),
        roles: Some(Vec::new()),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account
            .service_principals()
            .update(ACCOUNT_SERVICE_PRINCIPAL_ID, &body)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
