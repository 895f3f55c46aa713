//! Account budgets: create, get, list, replace and delete, under `/api/2.1/accounts/{account_id}/budgets`.

use super::{Case, EMPTY};

/// The budget the cases are about.
pub const BUDGET_ID: &str = "5a1f3c2e-7b9d-4e6f-8a0b-c1d2e3f4a5b6";

/// A budget as the account console returns it, with `owner`, a field this spec does not know, and
/// `QUARTER`, a time period it does not know either.
pub const BUDGET: &str = r#"{
  "budget": {
    "budget_configuration_id": "5a1f3c2e-7b9d-4e6f-8a0b-c1d2e3f4a5b6",
    "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
    "display_name": "Data platform, monthly",
    "resource_type": "BUDGET_RESOURCE_TYPE_ALL_RESOURCES",
    "filter": {
      "workspace_id": {"operator": "IN", "values": [1234567890123456]},
      "tags": [{"key": "team", "value": {"operator": "IN", "values": ["data-platform"]}}]
    },
    "alert_configurations": [
      {
        "alert_configuration_id": "9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
        "time_period": "QUARTER",
        "trigger_type": "CUMULATIVE_SPENDING_EXCEEDED",
        "quantity_type": "LIST_PRICE_DOLLARS_USD",
        "quantity_threshold": "25000",
        "scope_type": "ALERT_CONFIGURATION_SCOPE_TYPE_PER_USER",
        "principal_overrides": [{"principal_id": 4817205396381102, "override_threshold": "500"}],
        "action_configurations": [
          {
            "action_configuration_id": "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
            "action_type": "EMAIL_NOTIFICATION",
            "target": "finops@example.com"
          }
        ]
      }
    ],
    "create_time": 1764576000000,
    "update_time": 1764662400000,
    "owner": "finops@example.com"
  }
}"#;

/// The body of `create`: a budget for one workspace, alerting by email past $25,000 a month.
const NEW_BUDGET: &str = r#"{"budget": {"display_name": "Data platform, monthly",
  "filter": {"workspace_id": {"operator": "IN", "values": [1234567890123456]}},
  "alert_configurations": [{"time_period": "MONTH", "trigger_type": "CUMULATIVE_SPENDING_EXCEEDED",
    "quantity_type": "LIST_PRICE_DOLLARS_USD", "quantity_threshold": "25000",
    "action_configurations": [{"action_type": "EMAIL_NOTIFICATION", "target": "finops@example.com"}]}]}}"#;

/// The body of `update`: the budget renamed, its alert and action kept by id.
const REPLACED_BUDGET: &str = r#"{"budget": {"budget_configuration_id": "5a1f3c2e-7b9d-4e6f-8a0b-c1d2e3f4a5b6",
  "display_name": "Data platform",
  "alert_configurations": [{"alert_configuration_id": "9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
    "time_period": "MONTH", "trigger_type": "CUMULATIVE_SPENDING_EXCEEDED",
    "quantity_type": "LIST_PRICE_DOLLARS_USD", "quantity_threshold": "30000",
    "action_configurations": [{"action_configuration_id": "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
      "action_type": "EMAIL_NOTIFICATION", "target": "finops@example.com"}]}]}}"#;

const BUDGETS: &str = "/api/2.1/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/budgets";
const ONE_BUDGET: &str =
    "/api/2.1/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/budgets/5a1f3c2e-7b9d-4e6f-8a0b-c1d2e3f4a5b6";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountBudgets.create",
        method: "POST",
        path: BUDGETS,
        query: &[],
        body: Some(NEW_BUDGET),
        response: BUDGET,
        cli: &["account", "budgets", "create", "--json", NEW_BUDGET],
    },
    Case {
        operation: "accountBudgets.delete",
        method: "DELETE",
        path: ONE_BUDGET,
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "budgets", "delete", BUDGET_ID],
    },
    Case {
        operation: "accountBudgets.get",
        method: "GET",
        path: ONE_BUDGET,
        query: &[],
        body: None,
        response: BUDGET,
        cli: &["account", "budgets", "get", BUDGET_ID],
    },
    Case {
        operation: "accountBudgets.list",
        method: "GET",
        path: BUDGETS,
        query: &[("page_token", "dG9rZW4tMg")],
        body: None,
        response: r#"{
          "budgets": [
            {
              "budget_configuration_id": "5a1f3c2e-7b9d-4e6f-8a0b-c1d2e3f4a5b6",
              "display_name": "Data platform, monthly",
              "resource_type": "BUDGET_RESOURCE_TYPE_UNITY_AI_GATEWAY",
              "create_time": 1764576000000
            }
          ]
        }"#,
        cli: &["account", "budgets", "list", "--page-token", "dG9rZW4tMg"],
    },
    Case {
        operation: "accountBudgets.update",
        method: "PUT",
        path: ONE_BUDGET,
        query: &[],
        body: Some(REPLACED_BUDGET),
        response: BUDGET,
        cli: &["account", "budgets", "update", BUDGET_ID, "--json", REPLACED_BUDGET],
    },
];
