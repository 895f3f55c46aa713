//! Unity Catalog tables (`/api/2.1/unity-catalog/tables[/{full_name}[/exists]]` and
//! `/api/2.1/unity-catalog/table-summaries`).

use super::{Case, EMPTY};

/// The table the cases are about.
pub const TABLE: &str = "sales.orders.daily_revenue";

/// A managed Delta table with every part a table can have: a masked column, a row filter, primary and
/// foreign keys, Delta runtime properties, encryption and the manifest of its kind. `TIME`, a column type
/// this spec does not know, and `table_tags`, a field it does not know either, must survive.
pub const DAILY_REVENUE: &str = r#"{
  "name": "daily_revenue",
  "catalog_name": "sales",
  "schema_name": "orders",
  "full_name": "sales.orders.daily_revenue",
  "table_id": "7b1e4c2a-9d3f-4e5a-8b6c-0d1e2f3a4b5c",
  "table_type": "MANAGED",
  "data_source_format": "DELTA",
  "columns": [
    {"name": "day", "type_text": "date", "type_name": "DATE",
     "type_json": "{\"name\":\"day\",\"type\":\"date\",\"nullable\":false,\"metadata\":{}}",
     "position": 0, "nullable": false, "partition_index": 0},
    {"name": "region", "type_text": "string", "type_name": "STRING", "position": 1, "nullable": true},
    {"name": "revenue", "type_text": "decimal(18,2)", "type_name": "DECIMAL", "type_precision": 18,
     "type_scale": 2, "position": 2, "nullable": true, "comment": "Revenue in USD",
     "mask": {"function_name": "sales.security.mask_revenue", "using_column_names": ["region"],
              "using_arguments": [{"column": "region"}, {"constant": "'EMEA'"}]}},
    {"name": "closed_at", "type_text": "time", "type_name": "TIME", "position": 3, "nullable": true},
    {"name": "delay", "type_text": "interval day to second", "type_name": "INTERVAL",
     "type_interval_type": "DAY TO SECOND", "position": 4, "nullable": true}
  ],
  "comment": "Revenue per day and region",
  "owner": "sales-engineers",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "storage_location": "s3://acme-sales/orders/__unitystorage/tables/7b1e4c2a-9d3f-4e5a-8b6c-0d1e2f3a4b5c",
  "data_access_configuration_id": "00000000-0000-0000-0000-000000000000",
  "encryption_details": {"sse_encryption_details": {"algorithm": "AWS_SSE_KMS",
    "aws_kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}},
  "properties": {"delta.minReaderVersion": "3", "delta.enableRowTracking": "true"},
  "table_constraints": [
    {"primary_key_constraint": {"name": "daily_revenue_pk", "child_columns": ["day", "region"],
                                "timeseries_columns": ["day"], "rely": true}},
    {"foreign_key_constraint": {"name": "daily_revenue_region_fk", "child_columns": ["region"],
                                "parent_table": "sales.reference.regions", "parent_columns": ["code"]}},
    {"named_table_constraint": {"name": "revenue_positive"}}
  ],
  "row_filter": {"function_name": "sales.security.region_filter", "input_column_names": ["region"],
                 "input_arguments": [{"column": "region"}]},
  "delta_runtime_properties_kvpairs": {"delta_runtime_properties": {"delta.lastCommitTimestamp": "1764662400000"}},
  "enable_predictive_optimization": "INHERIT",
  "effective_predictive_optimization_flag": {"value": "ENABLE", "inherited_from_type": "CATALOG",
    "inherited_from_name": "sales"},
  "securable_kind_manifest": {"securable_kind": "TABLE_DELTA", "securable_type": "TABLE",
    "assignable_privileges": ["SELECT", "MODIFY", "MANAGE"], "capabilities": ["SUPPORTS_ROW_FILTERS"],
    "options": [{"name": "delta.appendOnly", "type": "OPTION_BOOLEAN", "default_value": "false",
                 "is_creatable": true, "is_updatable": true, "is_loggable": true}]},
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "nightly-etl",
  "table_tags": [{"key": "certified", "value": "true"}]
}"#;

const ONE: &str = "/api/2.1/unity-catalog/tables/sales.orders.daily_revenue";

pub const CASES: &[Case] = &[
    Case {
        operation: "tables.delete",
        method: "DELETE",
        path: ONE,
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["tables", "delete", TABLE],
    },
    Case {
        operation: "tables.exists",
        method: "GET",
        path: "/api/2.1/unity-catalog/tables/sales.orders.daily_revenue/exists",
        query: &[],
        body: None,
        response: r#"{"table_exists": true}"#,
        cli: &["tables", "exists", TABLE],
    },
    Case {
        operation: "tables.get",
        method: "GET",
        path: ONE,
        query: &[
            ("include_delta_metadata", "true"),
            ("include_manifest_capabilities", "true"),
        ],
        body: None,
        response: DAILY_REVENUE,
        cli: &[
            "tables",
            "get",
            TABLE,
            "--include-delta-metadata",
            "--include-manifest-capabilities",
        ],
    },
    Case {
        operation: "tables.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/tables",
        query: &[
            ("catalog_name", "sales"),
            ("schema_name", "orders"),
            ("max_results", "50"),
            ("omit_columns", "true"),
            ("omit_properties", "true"),
        ],
        body: None,
        // A view with what it depends on, and a streaming table of a pipeline in a format this spec does not
        // know.
        response: r#"{"tables": [
          {"name": "big_orders", "catalog_name": "sales", "schema_name": "orders",
           "full_name": "sales.orders.big_orders", "table_type": "VIEW", "owner": "jane.doe@example.com",
           "view_definition": "SELECT * FROM sales.orders.raw WHERE sales.security.is_big(amount)",
           "sql_path": "spark_catalog.default",
           "view_dependencies": {"dependencies": [
             {"table": {"table_full_name": "sales.orders.raw"}},
             {"function": {"function_full_name": "sales.security.is_big"}}
           ]}},
          {"name": "orders_stream", "catalog_name": "sales", "schema_name": "orders",
           "full_name": "sales.orders.orders_stream", "table_type": "STREAMING_TABLE",
           "data_source_format": "DELTA_UNIFORM_PAIMON", "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b"}
        ]}"#,
        cli: &[
            "tables",
            "list",
            "sales",
            "orders",
            "--max-results",
            "50",
            "--omit-columns",
            "--omit-properties",
        ],
    },
    Case {
        operation: "tables.listSummaries",
        method: "GET",
        path: "/api/2.1/unity-catalog/table-summaries",
        query: &[
            ("catalog_name", "sales"),
            ("schema_name_pattern", "ord%"),
            ("table_name_pattern", "%_daily"),
        ],
        body: None,
        response: r#"{"tables": [
          {"full_name": "sales.orders.revenue_daily", "table_type": "MANAGED"},
          {"full_name": "sales.orders.returns_daily", "table_type": "SNAPSHOT_VIEW"}
        ]}"#,
        cli: &[
            "tables",
            "list-summaries",
            "sales",
            "--schema-name-pattern",
            "ord%",
            "--table-name-pattern",
            "%_daily",
        ],
    },
    Case {
        operation: "tables.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(r#"{"owner": "sales-engineers"}"#),
        response: EMPTY,
        cli: &["tables", "update", TABLE, "--owner", "sales-engineers"],
    },
];
