//! Unity Catalog functions (`/api/2.1/unity-catalog/functions[/{name}]`).

use super::{Case, EMPTY};

/// The function the cases are about.
pub const FUNCTION: &str = "sales.security.mask_email";

/// A SQL masking function as the workspace returns it, with a SQL data access this spec does not know and
/// `input_params_hash`, a field it does not know either.
pub const MASK_EMAIL: &str = r#"{
  "name": "mask_email",
  "catalog_name": "sales",
  "schema_name": "security",
  "full_name": "sales.security.mask_email",
  "function_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
  "input_params": {"parameters": [
    {"name": "email", "type_text": "string", "type_name": "STRING", "position": 0, "parameter_mode": "IN",
     "parameter_type": "PARAM", "comment": "The address to mask"},
    {"name": "keep", "type_text": "int", "type_name": "INT", "position": 1, "parameter_default": "3"}
  ]},
  "data_type": "STRING",
  "full_data_type": "string",
  "routine_body": "SQL",
  "routine_definition": "CASE WHEN is_account_group_member('pii-readers') THEN email ELSE concat(left(email, keep), '***') END",
  "routine_dependencies": {"dependencies": []},
  "parameter_style": "S",
  "is_deterministic": true,
  "sql_data_access": "MODIFIES_SQL_DATA",
  "is_null_call": false,
  "security_type": "DEFINER",
  "specific_name": "mask_email",
  "sql_path": "spark_catalog.default",
  "properties": "{\"sqlConfig.spark.sql.ansi.enabled\":\"true\"}",
  "comment": "Hides e-mail addresses from readers outside pii-readers",
  "owner": "security-admins",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "jane.doe@example.com",
  "input_params_hash": "9c1b2a"
}"#;

const CREATE: &str = r#"{"function_info": {
  "name": "mask_email",
  "catalog_name": "sales",
  "schema_name": "security",
  "input_params": {"parameters": [
    {"name": "email", "type_text": "string", "type_name": "STRING", "position": 0, "comment": "The address to mask"},
    {"name": "keep", "type_text": "int", "type_name": "INT", "position": 1, "parameter_default": "3"}
  ]},
  "data_type": "STRING",
  "full_data_type": "string",
  "routine_body": "SQL",
  "routine_definition": "CASE WHEN is_account_group_member('pii-readers') THEN email ELSE concat(left(email, keep), '***') END",
  "parameter_style": "S",
  "is_deterministic": true,
  "sql_data_access": "CONTAINS_SQL",
  "is_null_call": false,
  "security_type": "DEFINER",
  "specific_name": "mask_email",
  "comment": "Hides e-mail addresses from readers outside pii-readers"
}}"#;
const ONE: &str = "/api/2.1/unity-catalog/functions/sales.security.mask_email";

pub const CASES: &[Case] = &[
    Case {
        operation: "functions.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/functions",
        query: &[],
        body: Some(CREATE),
        response: MASK_EMAIL,
        cli: &["functions", "create", "--json", CREATE],
    },
    Case {
        operation: "functions.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["functions", "delete", FUNCTION, "--force"],
    },
    Case {
        operation: "functions.get",
        method: "GET",
        path: ONE,
        query: &[("include_browse", "true")],
        body: None,
        response: MASK_EMAIL,
        cli: &["functions", "get", FUNCTION, "--include-browse"],
    },
    Case {
        operation: "functions.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/functions",
        query: &[
            ("catalog_name", "sales"),
            ("schema_name", "security"),
            ("max_results", "100"),
        ],
        body: None,
        // An external Python table function beside the SQL one, in a routine language this spec does not know.
        response: r#"{"functions": [
          {"name": "mask_email", "full_name": "sales.security.mask_email", "data_type": "STRING",
           "routine_body": "SQL", "owner": "security-admins"},
          {"name": "split_address", "full_name": "sales.security.split_address", "data_type": "TABLE_TYPE",
           "full_data_type": "TABLE(street string, city string)", "routine_body": "EXTERNAL",
           "external_language": "Python", "sql_data_access": "NO_SQL",
           "return_params": {"parameters": [
             {"name": "street", "type_text": "string", "type_name": "STRING", "position": 0, "parameter_type": "COLUMN"},
             {"name": "city", "type_text": "string", "type_name": "STRING", "position": 1, "parameter_type": "COLUMN"}
           ]},
           "routine_dependencies": {"dependencies": [{"connection": {"connection_name": "geo-api"}},
             {"credential": {"credential_name": "geo-api-key"}}]}},
          {"name": "score", "full_name": "sales.security.score", "routine_body": "WASM"}
        ]}"#,
        cli: &["functions", "list", "sales", "security", "--max-results", "100"],
    },
    Case {
        operation: "functions.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(r#"{"owner": "security-admins"}"#),
        response: MASK_EMAIL,
        cli: &["functions", "update", FUNCTION, "--owner", "security-admins"],
    },
];
