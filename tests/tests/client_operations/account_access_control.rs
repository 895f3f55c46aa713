//! Account access control: rule sets read and replaced whole, with their etag; required query parameters
//! (an empty etag included) are plain arguments.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_access_control::{GROUP_RULE_SET, RULE_SET_ETAG};

fn managers() -> models::GrantRule {
    models::GrantRule {
        principals: Some(vec![
            "users/jane.doe@example.com".into(),
            "groups/data-platform-admins".into(),
        ]),
        ..models::GrantRule::new("roles/group.manager")
    }
}

#[tokio::test]
async fn account_access_control_get_assignable_roles_for_resource() {
    let t = setup("accountAccessControl.getAssignableRolesForResource").await;
    let roles = ok(
        t.case.operation,
        t.account
            .access_control()
            .get_assignable_roles_for_resource("accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214")
            .await,
    );
    t.verify(&roles).await;
    let roles = roles.roles.expect("roles");
    assert_eq!(roles[0].name, "roles/group.manager");
    assert_eq!(roles[1].unknown_fields["future_field"], future_field());
}

/// An empty etag asks for any version, and is still sent.
#[tokio::test]
async fn account_access_control_get_rule_set() {
    let t = setup("accountAccessControl.getRuleSet").await;
    let rule_set = ok(
        t.case.operation,
        t.account.access_control().get_rule_set(GROUP_RULE_SET, "").await,
    );
    t.verify(&rule_set).await;
    assert_eq!(rule_set.etag, RULE_SET_ETAG);
    let rules = rule_set.grant_rules.as_deref().expect("grant_rules");
    assert_eq!(rules[0].role, "roles/group.manager");
    assert_eq!(rule_set.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_access_control_update_rule_set() {
    let t = setup("accountAccessControl.updateRuleSet").await;
    let rule_set = models::RuleSetUpdateRequest {
        grant_rules: Some(vec![managers()]),
        ..models::RuleSetUpdateRequest::new(GROUP_RULE_SET, RULE_SET_ETAG)
    };
    let body = models::UpdateRuleSetRequest::new(GROUP_RULE_SET, rule_set);
    let updated = ok(
        t.case.operation,
        t.account.access_control().update_rule_set(&body).await,
    );
    t.verify(&updated).await;
    assert_eq!(updated.etag, format!("{RULE_SET_ETAG}.2"));
    assert_eq!(updated.grant_rules, Some(vec![managers()]));
}
