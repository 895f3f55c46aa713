//! Unity Catalog grants (`/api/2.1/unity-catalog/{permissions,effective-permissions}/{securable_type}/{full_name}`).

use super::Case;

/// The table the grants cases are about.
pub const TABLE: &str = "sales.orders.daily_revenue";

/// The direct grants on the table after analysts were given `SELECT`; `APPLY_POLICY` is a privilege this spec
/// does not know.
const GRANTS: &str = r#"{"privilege_assignments": [
  {"principal": "data-analysts", "privileges": ["SELECT"]},
  {"principal": "sales-engineers", "privileges": ["MODIFY", "SELECT", "APPLY_POLICY"]}
]}"#;

const UPDATE: &str = r#"{"changes": [
  {"principal": "data-analysts", "add": ["SELECT"]},
  {"principal": "contractors", "remove": ["SELECT", "MODIFY"]}
]}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "grants.get",
        method: "GET",
        path: "/api/2.1/unity-catalog/permissions/table/sales.orders.daily_revenue",
        query: &[],
        body: None,
        response: GRANTS,
        cli: &["grants", "get", "table", TABLE],
    },
    Case {
        operation: "grants.getEffective",
        method: "GET",
        path: "/api/2.1/unity-catalog/effective-permissions/table/sales.orders.daily_revenue",
        query: &[("max_results", "150"), ("principal", "data-analysts")],
        body: None,
        // `SELECT` granted on the table itself, `USE_SCHEMA` inherited from the schema and `USE_CATALOG` from
        // the catalog, and a securable type this spec does not know.
        response: r#"{"privilege_assignments": [
          {"principal": "data-analysts", "privileges": [
            {"privilege": "SELECT"},
            {"privilege": "USE_SCHEMA", "inherited_from_type": "SCHEMA", "inherited_from_name": "sales.orders"},
            {"privilege": "USE_CATALOG", "inherited_from_type": "CATALOG", "inherited_from_name": "sales"},
            {"privilege": "BROWSE", "inherited_from_type": "WORKSPACE_CATALOG_BINDING", "inherited_from_name": "sales"}
          ]}
        ]}"#,
        cli: &[
            "grants",
            "get-effective",
            "table",
            TABLE,
            "--max-results",
            "150",
            "--principal",
            "data-analysts",
        ],
    },
    Case {
        operation: "grants.update",
        method: "PATCH",
        path: "/api/2.1/unity-catalog/permissions/table/sales.orders.daily_revenue",
        query: &[],
        body: Some(UPDATE),
        response: GRANTS,
        cli: &["grants", "update", "table", TABLE, "--json", UPDATE],
    },
];
