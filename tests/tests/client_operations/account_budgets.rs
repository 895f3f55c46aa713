//! Account budgets: every operation through the account client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_budgets::BUDGET_ID;

fn email_action(id: Option<&str>) -> (Option<String>, models::BudgetActionType, String) {
    (
        id.map(str::to_owned),
        models::BudgetActionType::EmailNotification,
        "finops@example.com".to_owned(),
    )
}

/// Checks the budget of `BUDGET`: the filter, the alert with its override and action, the times, and what
/// this spec does not know (the `QUARTER` period, the `owner` field) kept.
fn assert_budget(answer: &models::BudgetResponse) {
    let budget = answer.budget.as_ref().expect("budget");
    assert_eq!(budget.budget_configuration_id.as_deref(), Some(BUDGET_ID));
    assert_eq!(budget.display_name.as_deref(), Some("Data platform, monthly"));
    assert_eq!(
        budget.resource_type,
        Some(models::BudgetResourceType::BudgetResourceTypeAllResources)
    );
    let filter = budget.filter.as_ref().expect("filter");
    assert_eq!(
        filter.workspace_id.as_ref().and_then(|ids| ids.values.clone()),
        Some(vec![1_234_567_890_123_456])
    );
    assert_eq!(filter.tags.as_ref().expect("tags")[0].key.as_deref(), Some("team"));
    let alert = &budget.alert_configurations.as_deref().expect("alerts")[0];
    assert_eq!(
        serde_json::to_value(&alert.time_period).unwrap(),
        serde_json::json!("QUARTER"),
        "a time period this SDK does not know is kept"
    );
    assert_eq!(alert.quantity_threshold.as_deref(), Some("25000"));
    assert_eq!(
        alert.scope_type,
        Some(models::BudgetAlertScopeType::AlertConfigurationScopeTypePerUser)
    );
    let override_ = &alert.principal_overrides.as_deref().expect("overrides")[0];
    assert_eq!(override_.principal_id, Some(4_817_205_396_381_102));
    let action = &alert.action_configurations.as_deref().expect("actions")[0];
    let (id, kind, target) = email_action(Some("1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"));
    assert_eq!(action.action_configuration_id, id);
    assert_eq!(action.action_type, Some(kind));
    assert_eq!(action.target, Some(target));
    assert_eq!(budget.update_time, Some(1_764_662_400_000));
    assert_eq!(budget.unknown_fields["owner"], "finops@example.com");
}

#[tokio::test]
async fn account_budgets_create() {
    let t = setup("accountBudgets.create").await;
    let (_, action_type, target) = email_action(None);
    let body = models::CreateBudgetRequest::new(models::NewBudget {
        display_name: Some("Data platform, monthly".into()),
        filter: Some(models::BudgetFilter {
            workspace_id: Some(models::BudgetWorkspaceFilter {
                operator: Some(models::BudgetFilterOperator::In),
                values: Some(vec![1_234_567_890_123_456]),
                ..Default::default()
            }),
            ..Default::default()
        }),
        alert_configurations: Some(vec![models::NewBudgetAlert {
            time_period: Some(models::BudgetAlertTimePeriod::Month),
            trigger_type: Some(models::BudgetAlertTriggerType::CumulativeSpendingExceeded),
            quantity_type: Some(models::BudgetAlertQuantityType::ListPriceDollarsUsd),
            quantity_threshold: Some("25000".into()),
            action_configurations: Some(vec![models::NewBudgetAction {
                action_type: Some(action_type),
                target: Some(target),
                ..Default::default()
            }]),
            ..Default::default()
        }]),
        ..Default::default()
    });
    let created = ok(t.case.operation, t.account.budgets().create(&body).await);
    t.verify(&created).await;
    assert_budget(&created);
}

#[tokio::test]
async fn account_budgets_delete() {
    let t = setup("accountBudgets.delete").await;
    let deleted = ok(t.case.operation, t.account.budgets().delete(BUDGET_ID).await);
    t.verify(&deleted).await;
}

#[tokio::test]
async fn account_budgets_get() {
    let t = setup("accountBudgets.get").await;
    let budget = ok(t.case.operation, t.account.budgets().get(BUDGET_ID).await);
    t.verify(&budget).await;
    assert_budget(&budget);
}

#[tokio::test]
async fn account_budgets_list() {
    let t = setup("accountBudgets.list").await;
    let params = models::AccountBudgetsListParams {
        page_token: Some("dG9rZW4tMg".into()),
    };
    let page = ok(t.case.operation, t.account.budgets().list(&params).await);
    t.verify(&page).await;
    let budgets = page.budgets.as_deref().expect("budgets");
    assert_eq!(budgets.len(), 1);
    assert_eq!(
        budgets[0].resource_type,
        Some(models::BudgetResourceType::BudgetResourceTypeUnityAiGateway)
    );
    assert_eq!(page.next_page_token, None);
}

#[tokio::test]
async fn account_budgets_update() {
    let t = setup("accountBudgets.update").await;
    let (id, action_type, target) = email_action(Some("1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"));
    let body = models::UpdateBudgetRequest::new(models::ReplacedBudget {
        budget_configuration_id: Some(BUDGET_ID.into()),
        display_name: Some("Data platform".into()),
        alert_configurations: Some(vec![models::BudgetAlert {
            alert_configuration_id: Some("9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d".into()),
            time_period: Some(models::BudgetAlertTimePeriod::Month),
            trigger_type: Some(models::BudgetAlertTriggerType::CumulativeSpendingExceeded),
            quantity_type: Some(models::BudgetAlertQuantityType::ListPriceDollarsUsd),
            quantity_threshold: Some("30000".into()),
            action_configurations: Some(vec![models::BudgetAction {
                action_configuration_id: id,
                action_type: Some(action_type),
                target: Some(target),
                ..Default::default()
            }]),
            ..Default::default()
        }]),
        ..Default::default()
    });
    let updated = ok(t.case.operation, t.account.budgets().update(BUDGET_ID, &body).await);
    t.verify(&updated).await;
    assert_budget(&updated);
}
