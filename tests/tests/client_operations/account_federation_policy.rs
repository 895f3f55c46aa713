//! Account federation policies: the policy is the body itself, its id and update mask go in the query.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_federation_policy::ACCOUNT_POLICY_ID;

fn corporate_idp_rules() -> models::OidcFederationPolicy {
    models::OidcFederationPolicy {
        issuer: Some("https://idp.example.com/oauth2/default".into()),
        audiences: Some(vec!["databricks".into()]),
        subject_claim: Some("email".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn account_federation_policy_create() {
    let t = setup("accountFederationPolicy.create").await;
    let params = models::AccountFederationPolicyCreateParams {
        policy_id: Some(ACCOUNT_POLICY_ID.into()),
    };
    let body = models::FederationPolicy {
        description: Some("Tokens of the corporate identity provider".into()),
        oidc_policy: Some(corporate_idp_rules()),
        ..Default::default()
    };
    let created = ok(
        t.case.operation,
        t.account.federation_policy().create(&params, &body).await,
    );
    t.verify(&created).await;
    assert_eq!(created.policy_id.as_deref(), Some(ACCOUNT_POLICY_ID));
    assert_eq!(created.oidc_policy, Some(corporate_idp_rules()));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_federation_policy_delete() {
    let t = setup("accountFederationPolicy.delete").await;
    let ack = ok(
        t.case.operation,
        t.account.federation_policy().delete(ACCOUNT_POLICY_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_federation_policy_get() {
    let t = setup("accountFederationPolicy.get").await;
    let policy = ok(
        t.case.operation,
        t.account.federation_policy().get(ACCOUNT_POLICY_ID).await,
    );
    t.verify(&policy).await;
    assert_eq!(policy.uid.as_deref(), Some("3e0a5b8c-74f1-4d29-a6c3-bf18e95d2074"));
    assert_eq!(policy.service_principal_id, None);
    assert_eq!(policy.create_time.as_deref(), Some("2025-04-14T10:02:31Z"));
}

#[tokio::test]
async fn account_federation_policy_list() {
    let t = setup("accountFederationPolicy.list").await;
    let params = models::AccountFederationPolicyListParams {
        page_size: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.federation_policy().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("cG9saWNpZXMtcGFnZS0y"));
    let policies = page.policies.as_deref().expect("policies");
    assert_eq!(policies[0].policy_id.as_deref(), Some(ACCOUNT_POLICY_ID));
}

#[tokio::test]
async fn account_federation_policy_update() {
    let t = setup("accountFederationPolicy.update").await;
    let params = models::AccountFederationPolicyUpdateParams {
        update_mask: Some("oidc_policy.audiences".into()),
    };
    let body = models::FederationPolicy {
        oidc_policy: Some(models::OidcFederationPolicy {
            audiences: Some(vec!["databricks".into(), "databricks-eu".into()]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let updated = ok(
        t.case.operation,
        t.account
            .federation_policy()
            .update(ACCOUNT_POLICY_ID, &params, &body)
            .await,
    );
    t.verify(&updated).await;
    let rules = updated.oidc_policy.expect("oidc_policy");
    assert_eq!(rules.audiences.map(|audiences| audiences.len()), Some(2));
    assert_eq!(updated.update_time.as_deref(), Some("2025-05-20T16:45:09Z"));
}
