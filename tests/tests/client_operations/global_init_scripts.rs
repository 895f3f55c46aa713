//! Global init scripts.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::global_init_scripts::{SCRIPT, SCRIPT_ID, SCRIPT_V2};

#[tokio::test]
async fn global_init_scripts_create() {
    let t = setup("globalInitScripts.create").await;
    let body = models::GlobalInitScriptCreateRequest {
        enabled: Some(true),
        position: Some(0),
        ..models::GlobalInitScriptCreateRequest::new("install-jq", SCRIPT)
    };
    let created = ok(t.case.operation, t.client.global_init_scripts().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.script_id.as_deref(), Some(SCRIPT_ID));
}

#[tokio::test]
async fn global_init_scripts_delete() {
    let t = setup("globalInitScripts.delete").await;
    let ack = ok(t.case.operation, t.client.global_init_scripts().delete(SCRIPT_ID).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn global_init_scripts_get() {
    let t = setup("globalInitScripts.get").await;
    let script = ok(t.case.operation, t.client.global_init_scripts().get(SCRIPT_ID).await);
    t.verify(&script).await;
    assert_eq!(script.script_id.as_deref(), Some(SCRIPT_ID));
    assert_eq!(script.name.as_deref(), Some("install-jq"));
    assert_eq!(script.position, Some(0));
    assert_eq!(script.enabled, Some(true));
    assert_eq!(script.created_at, Some(1_705_311_017_000));
    assert_eq!(script.updated_at, Some(1_705_397_417_000));
    assert_eq!(script.updated_by.as_deref(), Some("ops-admin@example.com"));
    assert_eq!(script.script.as_deref(), Some(SCRIPT));
    assert_eq!(script.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn global_init_scripts_list() {
    let t = setup("globalInitScripts.list").await;
    let listing = ok(t.case.operation, t.client.global_init_scripts().list().await);
    t.verify(&listing).await;

    let scripts = listing.scripts.as_deref().expect("scripts");
    assert_eq!(scripts.len(), 2);
    assert_eq!(scripts[0].script_id.as_deref(), Some(SCRIPT_ID));
    assert_eq!(scripts[1].name.as_deref(), Some("datadog-agent"));
    assert_eq!(scripts[1].position, Some(1));
    assert_eq!(scripts[1].enabled, Some(false));
    assert_eq!(scripts[1].created_at, Some(1_698_825_600_000));
    assert_eq!(scripts[1].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn global_init_scripts_update() {
    let t = setup("globalInitScripts.update").await;
    let body = models::GlobalInitScriptUpdateRequest {
        enabled: Some(false),
        position: Some(2),
        ..models::GlobalInitScriptUpdateRequest::new("install-jq-curl", SCRIPT_V2)
    };
    let ack = ok(
        t.case.operation,
        t.client.global_init_scripts().update(SCRIPT_ID, &body).await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}
