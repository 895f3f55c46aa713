//! Unity Catalog schemas.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::schemas::SCHEMA;

/// Checks the schema of `ORDERS`: typed fields, the unknown catalog type and the unknown field kept.
fn assert_orders(schema: &models::SchemaInfo) {
    assert_eq!(schema.full_name.as_deref(), Some(SCHEMA));
    assert_eq!(schema.catalog_name.as_deref(), Some("sales"));
    assert_eq!(
        schema.catalog_type,
        Some(models::CatalogType::Unrecognized(
            "MANAGED_ONLINE_LAKEHOUSE_CATALOG".into()
        ))
    );
    assert_eq!(
        schema.enable_predictive_optimization,
        Some(models::EnablePredictiveOptimization::Enable)
    );
    let flag = schema
        .effective_predictive_optimization_flag
        .as_ref()
        .expect("effective flag");
    assert_eq!(flag.inherited_from_type, None, "set on the schema itself");
    assert_eq!(schema.custom_max_retention_hours, Some(336));
    assert_eq!(schema.updated_at, Some(1_764_662_400_000));
    assert_eq!(schema.unknown_fields["schema_tags"][0]["key"], "pii");
}

#[tokio::test]
async fn schemas_create() {
    let t = setup("schemas.create").await;
    let body = models::CreateSchema {
        comment: Some("Raw and cleaned orders".into()),
        storage_root: Some("s3://acme-sales/orders".into()),
        properties: Some([("layer".to_owned(), "silver".to_owned())].into()),
        ..models::CreateSchema::new("orders", "sales")
    };
    let created = ok(t.case.operation, t.client.schemas().create(&body).await);
    t.verify(&created).await;
    assert_orders(&created);
}

#[tokio::test]
async fn schemas_delete() {
    let t = setup("schemas.delete").await;
    let params = models::SchemasDeleteParams { force: Some(true) };
    let ack = ok(t.case.operation, t.client.schemas().delete(SCHEMA, &params).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn schemas_get() {
    let t = setup("schemas.get").await;
    let schema = ok(
        t.case.operation,
        t.client.schemas().get(SCHEMA, &Default::default()).await,
    );
    t.verify(&schema).await;
    assert_orders(&schema);
}

#[tokio::test]
async fn schemas_list() {
    let t = setup("schemas.list").await;
    let params = models::SchemasListParams {
        max_results: Some(100),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.schemas().list("sales", &params).await);
    t.verify(&page).await;
    let schemas = page.schemas.as_deref().expect("schemas");
    assert_eq!(schemas.len(), 2);
    assert_eq!(schemas[0].full_name.as_deref(), Some("sales.information_schema"));
    let flag = schemas[1]
        .effective_predictive_optimization_flag
        .as_ref()
        .expect("effective flag");
    assert_eq!(flag.value, models::EnablePredictiveOptimization::Disable);
    assert_eq!(
        flag.inherited_from_type,
        Some(models::EffectivePredictiveOptimizationFlagInheritedFromType::Catalog)
    );
}

#[tokio::test]
async fn schemas_update() {
    let t = setup("schemas.update").await;
    let body = models::UpdateSchema {
        owner: Some("sales-engineers".into()),
        enable_predictive_optimization: Some(models::EnablePredictiveOptimization::Enable),
        custom_max_retention_hours: Some(336),
        ..Default::default()
    };
    let updated = ok(t.case.operation, t.client.schemas().update(SCHEMA, &body).await);
    t.verify(&updated).await;
    assert_orders(&updated);
}
