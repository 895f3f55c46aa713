//! Account service principal secrets: the value appears only in `create`'s answer and never in Debug.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_service_principal_secrets::{SECRET_ID, SECRETS_SERVICE_PRINCIPAL_ID};

#[tokio::test]
async fn account_service_principal_secrets_create() {
    let t = setup("accountServicePrincipalSecrets.create").await;
    let body = models::CreateServicePrincipalSecretRequest {
        lifetime: Some("7776000s".into()),
        ..Default::default()
    };
    let created = ok(
        t.case.operation,
        t.account
            .service_principal_secrets()
            .create(SECRETS_SERVICE_PRINCIPAL_ID, &body)
            .await,
    );
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(SECRET_ID));
    assert_eq!(created.secret.as_deref(), Some("dose5f0a3c1e9b7d2468ace13579bdf02468"));
    assert_eq!(created.expire_time.as_deref(), Some("2025-08-31T08:15:00Z"));
    assert_eq!(created.unknown_fields["future_field"], future_field());
    let shown = format!("{created:?}");
    assert!(!shown.contains("dose5f0a3c1e9b7d2468ace13579bdf02468"), "{shown}");
}

#[tokio::test]
async fn account_service_principal_secrets_delete() {
    let t = setup("accountServicePrincipalSecrets.delete").await;
    let ack = ok(
        t.case.operation,
        t.account
            .service_principal_secrets()
            .delete(SECRETS_SERVICE_PRINCIPAL_ID, SECRET_ID)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_service_principal_secrets_list() {
    let t = setup("accountServicePrincipalSecrets.list").await;
    let params = models::AccountServicePrincipalSecretsListParams {
        page_size: Some(2),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.account
            .service_principal_secrets()
            .list(SECRETS_SERVICE_PRINCIPAL_ID, &params)
            .await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("c2VjcmV0cy1wYWdlLTI="));
    let secrets = page.secrets.as_deref().expect("secrets");
    assert_eq!(secrets[0].status.as_deref(), Some("ACTIVE"));
    assert_eq!(secrets[1].status.as_deref(), Some("EXPIRED"));
    assert_eq!(secrets[1].unknown_fields["future_field"], future_field());
}
