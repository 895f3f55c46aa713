//! Secret scopes, secrets and secret ACLs.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::secrets::SECRET_VALUE;

const KEY_VAULT_ID: &str = "/subscriptions/3f2b1c7e-8a4d-4e6f-9b0a-1c2d3e4f5a6b/resourceGroups/data-platform/providers/Microsoft.KeyVault/vaults";

#[tokio::test]
async fn secrets_create_scope() {
    let t = setup("secrets.createScope").await;
    let body = models::CreateSecretScope {
        initial_manage_principal: Some("users".into()),
        scope_backend_type: Some(models::SecretScopeBackendType::AzureKeyvault),
        backend_azure_keyvault: Some(models::AzureKeyVaultSecretScopeMetadata::new(
            format!("{KEY_VAULT_ID}/etl-prod-kv"),
            "https://etl-prod-kv.vault.azure.net/",
        )),
        ..models::CreateSecretScope::new("etl-prod")
    };
    let ack = ok(t.case.operation, t.client.secrets().create_scope(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn secrets_delete_acl() {
    let t = setup("secrets.deleteAcl").await;
    let body = models::DeleteSecretAcl::new("etl-prod", "contractors");
    let ack = ok(t.case.operation, t.client.secrets().delete_acl(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn secrets_delete_scope() {
    let t = setup("secrets.deleteScope").await;
    let body = models::DeleteSecretScope::new("etl-staging");
    let ack = ok(t.case.operation, t.client.secrets().delete_scope(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn secrets_delete_secret() {
    let t = setup("secrets.deleteSecret").await;
    let body = models::DeleteSecret::new("etl-prod", "old-api-token");
    let ack = ok(t.case.operation, t.client.secrets().delete_secret(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn secrets_get_acl() {
    let t = setup("secrets.getAcl").await;
    let acl = ok(
        t.case.operation,
        t.client.secrets().get_acl("etl-prod", "data-engineers").await,
    );
    t.verify(&acl).await;
    assert_eq!(acl.principal, "data-engineers");
    assert_eq!(acl.permission, models::SecretAclPermission::Write);
}

#[tokio::test]
async fn secrets_get_secret() {
    let t = setup("secrets.getSecret").await;
    let secret = ok(
        t.case.operation,
        t.client.secrets().get_secret("etl-prod", "warehouse-password").await,
    );
    t.verify(&secret).await;
    assert_eq!(secret.key.as_deref(), Some("warehouse-password"));
    // The base64 of SECRET_VALUE.
    assert_eq!(secret.value.as_deref(), Some("czNjcjN0LVBhNTV3MHJk"));
    // The value never shows up in debug output.
    let debug = format!("{secret:?}");
    assert!(!debug.contains("czNjcjN0LVBhNTV3MHJk"), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
}

#[tokio::test]
async fn secrets_list_acls() {
    let t = setup("secrets.listAcls").await;
    let acls = ok(t.case.operation, t.client.secrets().list_acls("etl-prod").await);
    t.verify(&acls).await;

    let items = acls.items.as_deref().expect("items");
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].principal, "admins");
    assert_eq!(items[0].permission, models::SecretAclPermission::Manage);
    assert_eq!(items[2].permission, models::SecretAclPermission::Read);
    assert_eq!(
        items[3].permission,
        models::SecretAclPermission::Unrecognized("LIST".into())
    );
    assert_eq!(items[3].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn secrets_list_scopes() {
    let t = setup("secrets.listScopes").await;
    let listing = ok(t.case.operation, t.client.secrets().list_scopes().await);
    t.verify(&listing).await;

    let scopes = listing.scopes.as_deref().expect("scopes");
    assert_eq!(scopes.len(), 3);
    assert_eq!(scopes[0].name.as_deref(), Some("etl-prod"));
    assert_eq!(scopes[0].backend_type, Some(models::SecretScopeBackendType::Databricks));
    assert!(scopes[0].keyvault_metadata.is_none());

    assert_eq!(
        scopes[1].backend_type,
        Some(models::SecretScopeBackendType::AzureKeyvault)
    );
    let vault = scopes[1].keyvault_metadata.as_ref().expect("keyvault_metadata");
    assert_eq!(vault.resource_id, format!("{KEY_VAULT_ID}/shared-kv"));
    assert_eq!(vault.dns_name, "https://shared-kv.vault.azure.net/");

    assert_eq!(
        scopes[2].backend_type,
        Some(models::SecretScopeBackendType::Unrecognized(
            "AWS_SECRETS_MANAGER".into()
        ))
    );
    assert_eq!(scopes[2].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn secrets_list_secrets() {
    let t = setup("secrets.listSecrets").await;
    let listing = ok(t.case.operation, t.client.secrets().list_secrets("etl-prod").await);
    t.verify(&listing).await;

    let secrets = listing.secrets.as_deref().expect("secrets");
    assert_eq!(secrets.len(), 2);
    assert_eq!(secrets[0].key.as_deref(), Some("warehouse-password"));
    assert_eq!(secrets[0].last_updated_timestamp, Some(1_705_311_017_000));
    assert_eq!(secrets[1].last_updated_timestamp, Some(1_704_972_394_000));
    assert_eq!(secrets[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn secrets_put_acl() {
    let t = setup("secrets.putAcl").await;
    let body = models::PutSecretAcl::new("etl-prod", "data-engineers", models::SecretAclPermission::Write);
    let ack = ok(t.case.operation, t.client.secrets().put_acl(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn secrets_put_secret() {
    let t = setup("secrets.putSecret").await;
    let body = models::PutSecret {
        string_value: Some(SECRET_VALUE.into()),
        ..models::PutSecret::new("etl-prod", "warehouse-password")
    };
    // The value never shows up in debug output.
    let debug = format!("{body:?}");
    assert!(!debug.contains(SECRET_VALUE), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");

    let ack = ok(t.case.operation, t.client.secrets().put_secret(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
