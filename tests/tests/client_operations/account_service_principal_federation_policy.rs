//! Account service principal federation policies: an integer service principal id and a policy id in the
//! path, the policy as the body.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_service_principal_federation_policy::{
    FEDERATED_SERVICE_PRINCIPAL_ID, SERVICE_PRINCIPAL_POLICY_ID,
};

fn principal() -> i64 {
    FEDERATED_SERVICE_PRINCIPAL_ID.parse().expect("a numeric id")
}

#[tokio::test]
async fn account_service_principal_federation_policy_create() {
    let t = setup("accountServicePrincipalFederationPolicy.create").await;
    let params = models::AccountServicePrincipalFederationPolicyCreateParams {
        policy_id: Some(SERVICE_PRINCIPAL_POLICY_ID.into()),
    };
    let body = models::FederationPolicy {
        description: Some("Production deployments from GitHub Actions".into()),
        oidc_policy: Some(models::OidcFederationPolicy {
            issuer: Some("https://token.actions.githubusercontent.com".into()),
            audiences: Some(vec!["https://github.com/example-org".into()]),
            subject: Some("repo:example-org/etl:environment:prod".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = ok(
        t.case.operation,
        t.account
            .service_principal_federation_policy()
            .create(principal(), &params, &body)
            .await,
    );
    t.verify(&created).await;
    assert_eq!(created.service_principal_id, Some(principal()));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_service_principal_federation_policy_delete() {
    let t = setup("accountServicePrincipalFederationPolicy.delete").await;
    let ack = ok(
        t.case.operation,
        t.account
            .service_principal_federation_policy()
            .delete(principal(), SERVICE_PRINCIPAL_POLICY_ID)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_service_principal_federation_policy_get() {
    let t = setup("accountServicePrincipalFederationPolicy.get").await;
    let policy = ok(
        t.case.operation,
        t.account
            .service_principal_federation_policy()
            .get(principal(), SERVICE_PRINCIPAL_POLICY_ID)
            .await,
    );
    t.verify(&policy).await;
    let rules = policy.oidc_policy.as_ref().expect("oidc_policy");
    assert_eq!(rules.subject.as_deref(), Some("repo:example-org/etl:environment:prod"));
}

#[tokio::test]
async fn account_service_principal_federation_policy_list() {
    let t = setup("accountServicePrincipalFederationPolicy.list").await;
    let page = ok(
        t.case.operation,
        t.account
            .service_principal_federation_policy()
            .list(principal(), &Default::default())
            .await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None);
    let policies = page.policies.as_deref().expect("policies");
    let gitlab = policies[1].oidc_policy.as_ref().expect("oidc_policy");
    assert_eq!(
        gitlab.jwks_uri.as_deref(),
        Some("https://gitlab.example.com/oauth/discovery/keys")
    );
}

#[tokio::test]
async fn account_service_principal_federation_policy_update() {
    let t = setup("accountServicePrincipalFederationPolicy.update").await;
    let params = models::AccountServicePrincipalFederationPolicyUpdateParams {
        update_mask: Some("description".into()),
    };
    let body = models::FederationPolicy {
        description: Some("Deployments from GitHub Actions (prod)".into()),
        ..Default::default()
    };
    let updated = ok(
        t.case.operation,
        t.account
            .service_principal_federation_policy()
            .update(principal(), SERVICE_PRINCIPAL_POLICY_ID, &params, &body)
            .await,
    );
    t.verify(&updated).await;
    assert_eq!(
        updated.description.as_deref(),
        Some("Deployments from GitHub Actions (prod)")
    );
}
