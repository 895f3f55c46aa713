//! Unity Catalog tables.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::tables::TABLE;

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

#[tokio::test]
async fn tables_delete() {
    let t = setup("tables.delete").await;
    let ack = ok(t.case.operation, t.client.tables().delete(TABLE).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn tables_exists() {
    let t = setup("tables.exists").await;
    let answer = ok(t.case.operation, t.client.tables().exists(TABLE).await);
    t.verify(&answer).await;
    assert_eq!(answer.table_exists, Some(true));
}

#[tokio::test]
async fn tables_get() {
    let t = setup("tables.get").await;
    let params = models::TablesGetParams {
        include_delta_metadata: Some(true),
        include_manifest_capabilities: Some(true),
        ..Default::default()
    };
    let table = ok(t.case.operation, t.client.tables().get(TABLE, &params).await);
    t.verify(&table).await;
    assert_eq!(table.full_name.as_deref(), Some(TABLE));
    assert_eq!(table.table_type, Some(models::TableType::Managed));
    assert_eq!(table.data_source_format, Some(models::DataSourceFormat::Delta));

    let columns = table.columns.as_deref().expect("columns");
    let types: Vec<_> = columns.iter().map(|column| column.type_name.clone()).collect();
    assert_eq!(
        types,
        [
            Some(models::ColumnTypeName::Date),
            Some(models::ColumnTypeName::String),
            Some(models::ColumnTypeName::Decimal),
            Some(models::ColumnTypeName::Unrecognized("TIME".into())),
            Some(models::ColumnTypeName::Interval),
        ]
    );
    assert_eq!(columns[0].partition_index, Some(0));
    assert_eq!(columns[0].nullable, Some(false));
    assert_eq!((columns[2].type_precision, columns[2].type_scale), (Some(18), Some(2)));
    assert_eq!(columns[4].type_interval_type.as_deref(), Some("DAY TO SECOND"));
    let mask = columns[2].mask.as_ref().expect("mask");
    assert_eq!(mask.function_name.as_deref(), Some("sales.security.mask_revenue"));
    let arguments = mask.using_arguments.as_deref().expect("using_arguments");
    assert_eq!(arguments[1].constant.as_deref(), Some("'EMEA'"));

    let constraints = table.table_constraints.as_deref().expect("table_constraints");
    let primary = constraints[0].primary_key_constraint.as_ref().expect("primary key");
    assert_eq!(primary.child_columns, strings(&["day", "region"]));
    assert_eq!(primary.rely, Some(true));
    let foreign = constraints[1].foreign_key_constraint.as_ref().expect("foreign key");
    assert_eq!(foreign.parent_table, "sales.reference.regions");
    assert_eq!(
        constraints[2]
            .named_table_constraint
            .as_ref()
            .map(|named| named.name.as_str()),
        Some("revenue_positive")
    );

    let filter = table.row_filter.as_ref().expect("row_filter");
    assert_eq!(filter.input_column_names, strings(&["region"]));
    let encryption = table.encryption_details.as_ref().expect("encryption_details");
    let sse = encryption
        .sse_encryption_details
        .as_ref()
        .expect("sse_encryption_details");
    assert_eq!(sse.algorithm, Some(models::SseEncryptionDetailsAlgorithm::AwsSseKms));
    let delta = table
        .delta_runtime_properties_kvpairs
        .as_ref()
        .expect("delta properties");
    assert_eq!(
        delta.delta_runtime_properties["delta.lastCommitTimestamp"],
        "1764662400000"
    );
    let manifest = table.securable_kind_manifest.as_ref().expect("securable_kind_manifest");
    assert_eq!(manifest.securable_kind, Some(models::SecurableKind::TableDelta));
    let options = manifest.options.as_deref().expect("options");
    assert_eq!(options[0].type_, Some(models::OptionSpecOptionType::OptionBoolean));
    assert_eq!(table.updated_at, Some(1_764_662_400_000));
    assert_eq!(table.unknown_fields["table_tags"][0]["key"], "certified");
}

#[tokio::test]
async fn tables_list() {
    let t = setup("tables.list").await;
    let params = models::TablesListParams {
        max_results: Some(50),
        omit_columns: Some(true),
        omit_properties: Some(true),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.tables().list("sales", "orders", &params).await,
    );
    t.verify(&page).await;
    let tables = page.tables.as_deref().expect("tables");
    assert_eq!(tables[0].table_type, Some(models::TableType::View));
    let dependencies = tables[0]
        .view_dependencies
        .as_ref()
        .and_then(|list| list.dependencies.as_deref())
        .expect("view dependencies");
    assert_eq!(
        dependencies[0]
            .table
            .as_ref()
            .map(|table| table.table_full_name.as_str()),
        Some("sales.orders.raw")
    );
    assert_eq!(
        dependencies[1]
            .function
            .as_ref()
            .map(|function| function.function_full_name.as_str()),
        Some("sales.security.is_big")
    );
    assert_eq!(tables[1].table_type, Some(models::TableType::StreamingTable));
    assert_eq!(
        tables[1].data_source_format,
        Some(models::DataSourceFormat::Unrecognized("DELTA_UNIFORM_PAIMON".into()))
    );
}

#[tokio::test]
async fn tables_list_summaries() {
    let t = setup("tables.listSummaries").await;
    let params = models::TablesListSummariesParams {
        schema_name_pattern: Some("ord%".into()),
        table_name_pattern: Some("%_daily".into()),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.tables().list_summaries("sales", &params).await,
    );
    t.verify(&page).await;
    let tables = page.tables.as_deref().expect("tables");
    assert_eq!(tables[0].table_type, Some(models::TableType::Managed));
    assert_eq!(
        tables[1].table_type,
        Some(models::TableType::Unrecognized("SNAPSHOT_VIEW".into()))
    );
}

#[tokio::test]
async fn tables_update() {
    let t = setup("tables.update").await;
    let body = models::UpdateTableRequest {
        owner: Some("sales-engineers".into()),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.tables().update(TABLE, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
