//! Service principals.

use super::{future_field, ok, scim_value, setup};
use databricks_client::models;
use databricks_tests::cases::service_principals::{APPLICATION_ID, SERVICE_PRINCIPAL_ID};
use serde_json::json;

const INSTANCE_PROFILE: &str = "arn:aws:iam::123456789012:instance-profile/etl-s3-access";

fn core_schema() -> Option<Vec<models::ServicePrincipalSchema>> {
    Some(vec![
        models::ServicePrincipalSchema::UrnIetfParamsScimSchemasCore20ServicePrincipal,
    ])
}

#[tokio::test]
async fn service_principals_create() {
    let t = setup("servicePrincipals.create").await;
    let body = models::ServicePrincipal {
        application_id: Some(APPLICATION_ID.into()),
        display_name: Some("nightly-etl".into()),
        active: Some(true),
        entitlements: Some(vec![scim_value("allow-cluster-create")]),
        schemas: core_schema(),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.service_principals().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(SERVICE_PRINCIPAL_ID));
    assert_eq!(created.application_id.as_deref(), Some(APPLICATION_ID));
    assert_eq!(created.schemas, core_schema());
}

#[tokio::test]
async fn service_principals_delete() {
    let t = setup("servicePrincipals.delete").await;
    let ack = ok(
        t.case.operation,
        t.client.service_principals().delete(SERVICE_PRINCIPAL_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn service_principals_get() {
    let t = setup("servicePrincipals.get").await;
    let sp = ok(
        t.case.operation,
        t.client.service_principals().get(SERVICE_PRINCIPAL_ID).await,
    );
    t.verify(&sp).await;
    assert_eq!(sp.display_name.as_deref(), Some("nightly-etl"));
    assert_eq!(sp.active, Some(true));
    let roles = sp.roles.as_deref().expect("roles");
    assert_eq!(roles[0].value.as_deref(), Some(INSTANCE_PROFILE));
    let groups = sp.groups.as_deref().expect("groups");
    assert_eq!(groups[0].ref_.as_deref(), Some("Groups/7820185474398402"));
    assert_eq!(
        sp.schemas,
        Some(vec![
            models::ServicePrincipalSchema::UrnIetfParamsScimSchemasCore20ServicePrincipal,
            models::ServicePrincipalSchema::Unrecognized(
                "urn:ietf:params:scim:schemas:extension:workspace:2.0:ServicePrincipal".into()
            ),
        ])
    );
    assert_eq!(sp.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn service_principals_list() {
    let t = setup("servicePrincipals.list").await;
    let params = models::ServicePrincipalsListParams {
        attributes: Some("id,applicationId,displayName".into()),
        filter: Some("displayName sw \"nightly\"".into()),
        sort_order: Some(models::ScimListSortOrder::Descending),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.service_principals().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.total_results, Some(2));
    assert_eq!(page.start_index, Some(1));
    let principals = page.resources.as_deref().expect("Resources");
    assert_eq!(principals.len(), 2);
    assert_eq!(principals[0].application_id.as_deref(), Some(APPLICATION_ID));
    assert_eq!(principals[1].display_name.as_deref(), Some("nightly-reports"));
}

#[tokio::test]
async fn service_principals_patch() {
    let t = setup("servicePrincipals.patch").await;
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
        t.client.service_principals().patch(SERVICE_PRINCIPAL_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn service_principals_update() {
    let t = setup("servicePrincipals.update").await;
    let body = models::UpdateServicePrincipal {
        application_id: Some(APPLICATION_ID.into()),
        display_name: Some("nightly-etl-prod".into()),
        active: Some(true),
        entitlements: Some(vec![scim_value("allow-cluster-create")]),
        roles: Some(vec![scim_value(INSTANCE_PROFILE)]),
        schemas: core_schema(),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.service_principals().update(SERVICE_PRINCIPAL_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
