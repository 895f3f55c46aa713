//! Unity Catalog functions.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::functions::FUNCTION;

const BODY: &str =
    "CASE WHEN is_account_group_member('pii-readers') THEN email ELSE concat(left(email, keep), '***') END";

/// Checks the function of `MASK_EMAIL`: its parameters, the unknown data access and the unknown field kept.
fn assert_mask_email(function: &models::FunctionInfo) {
    assert_eq!(function.full_name.as_deref(), Some(FUNCTION));
    assert_eq!(function.data_type, Some(models::ColumnTypeName::String));
    assert_eq!(function.routine_body, Some(models::FunctionInfoRoutineBody::Sql));
    assert_eq!(function.routine_definition.as_deref(), Some(BODY));
    assert_eq!(
        function.sql_data_access,
        Some(models::FunctionInfoSqlDataAccess::Unrecognized(
            "MODIFIES_SQL_DATA".into()
        ))
    );
    let parameters = function
        .input_params
        .as_ref()
        .and_then(|params| params.parameters.as_deref())
        .expect("input parameters");
    assert_eq!(parameters[0].parameter_mode, Some(models::FunctionParameterMode::In));
    assert_eq!(parameters[0].parameter_type, Some(models::FunctionParameterType::Param));
    assert_eq!(parameters[1].position, 1);
    assert_eq!(parameters[1].parameter_default.as_deref(), Some("3"));
    let dependencies = function.routine_dependencies.as_ref().expect("routine_dependencies");
    assert_eq!(
        dependencies.dependencies.as_deref(),
        Some(&[][..]),
        "an empty list, not an unknown one"
    );
    assert_eq!(function.unknown_fields["input_params_hash"], "9c1b2a");
}

#[tokio::test]
async fn functions_create() {
    let t = setup("functions.create").await;
    let email = models::FunctionParameterInfo {
        comment: Some("The address to mask".into()),
        ..models::FunctionParameterInfo::new("email", "string", models::ColumnTypeName::String, 0)
    };
    let keep = models::FunctionParameterInfo {
        parameter_default: Some("3".into()),
        ..models::FunctionParameterInfo::new("keep", "int", models::ColumnTypeName::Int, 1)
    };
    let function = models::CreateFunction {
        comment: Some("Hides e-mail addresses from readers outside pii-readers".into()),
        ..models::CreateFunction::new(
            "mask_email",
            "sales",
            "security",
            models::FunctionParameterInfos {
                parameters: Some(vec![email, keep]),
                ..Default::default()
            },
            models::ColumnTypeName::String,
            "string",
            models::FunctionInfoRoutineBody::Sql,
            BODY,
            models::FunctionInfoParameterStyle::S,
            true,
            models::FunctionInfoSqlDataAccess::ContainsSql,
            false,
            models::FunctionInfoSecurityType::Definer,
            "mask_email",
        )
    };
    let body = models::CreateFunctionRequest::new(function);
    let created = ok(t.case.operation, t.client.functions().create(&body).await);
    t.verify(&created).await;
    assert_mask_email(&created);
}

#[tokio::test]
async fn functions_delete() {
    let t = setup("functions.delete").await;
    let params = models::FunctionsDeleteParams { force: Some(true) };
    let ack = ok(t.case.operation, t.client.functions().delete(FUNCTION, &params).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn functions_get() {
    let t = setup("functions.get").await;
    let params = models::FunctionsGetParams {
        include_browse: Some(true),
    };
    let function = ok(t.case.operation, t.client.functions().get(FUNCTION, &params).await);
    t.verify(&function).await;
    assert_mask_email(&function);
}

#[tokio::test]
async fn functions_list() {
    let t = setup("functions.list").await;
    let params = models::FunctionsListParams {
        max_results: Some(100),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.functions().list("sales", "security", &params).await,
    );
    t.verify(&page).await;
    let functions = page.functions.as_deref().expect("functions");
    let external = &functions[1];
    assert_eq!(external.routine_body, Some(models::FunctionInfoRoutineBody::External));
    assert_eq!(external.data_type, Some(models::ColumnTypeName::TableType));
    let columns = external
        .return_params
        .as_ref()
        .and_then(|params| params.parameters.as_deref())
        .expect("return columns");
    assert_eq!(columns[1].parameter_type, Some(models::FunctionParameterType::Column));
    let dependencies = external
        .routine_dependencies
        .as_ref()
        .and_then(|list| list.dependencies.as_deref())
        .expect("dependencies");
    assert_eq!(
        dependencies[0]
            .connection
            .as_ref()
            .and_then(|c| c.connection_name.as_deref()),
        Some("geo-api")
    );
    assert_eq!(
        dependencies[1]
            .credential
            .as_ref()
            .and_then(|c| c.credential_name.as_deref()),
        Some("geo-api-key")
    );
    assert_eq!(
        functions[2].routine_body,
        Some(models::FunctionInfoRoutineBody::Unrecognized("WASM".into()))
    );
}

#[tokio::test]
async fn functions_update() {
    let t = setup("functions.update").await;
    let body = models::UpdateFunction {
        owner: Some("security-admins".into()),
        ..Default::default()
    };
    let updated = ok(t.case.operation, t.client.functions().update(FUNCTION, &body).await);
    t.verify(&updated).await;
    assert_mask_email(&updated);
}
