//! Unity Catalog catalogs.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::catalogs::{CATALOG, METASTORE_ID};

/// Checks the catalog of `SALES`: typed fields, the inherited setting with its unknown source kind, and the
/// unknown field kept.
fn assert_sales(catalog: &models::CatalogInfo) {
    assert_eq!(catalog.name.as_deref(), Some(CATALOG));
    assert_eq!(catalog.catalog_type, Some(models::CatalogType::ManagedCatalog));
    assert_eq!(catalog.metastore_id.as_deref(), Some(METASTORE_ID));
    assert_eq!(catalog.isolation_mode, Some(models::CatalogIsolationMode::Isolated));
    assert_eq!(catalog.securable_type, Some(models::SecurableType::Catalog));
    assert_eq!(catalog.custom_max_retention_hours, Some(168));
    assert_eq!(catalog.created_at, Some(1_764_576_000_000));
    let flag = catalog
        .effective_predictive_optimization_flag
        .as_ref()
        .expect("effective_predictive_optimization_flag");
    assert_eq!(flag.value, models::EnablePredictiveOptimization::Enable);
    assert_eq!(
        flag.inherited_from_type,
        Some(models::EffectivePredictiveOptimizationFlagInheritedFromType::Unrecognized("METASTORE".into()))
    );
    assert_eq!(
        catalog.unknown_fields["serverless_budget_policy_id"],
        "0f3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    );
}

#[tokio::test]
async fn catalogs_create() {
    let t = setup("catalogs.create").await;
    let body = models::CreateCatalog {
        comment: Some("Orders, customers and revenue".into()),
        storage_root: Some("s3://acme-sales/unity-catalog".into()),
        properties: Some([("department".to_owned(), "sales".to_owned())].into()),
        ..models::CreateCatalog::new(CATALOG)
    };
    let created = ok(t.case.operation, t.client.catalogs().create(&body).await);
    t.verify(&created).await;
    assert_sales(&created);
}

#[tokio::test]
async fn catalogs_delete() {
    let t = setup("catalogs.delete").await;
    let params = models::CatalogsDeleteParams { force: Some(true) };
    let ack = ok(t.case.operation, t.client.catalogs().delete(CATALOG, &params).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn catalogs_get() {
    let t = setup("catalogs.get").await;
    let params = models::CatalogsGetParams {
        include_browse: Some(true),
    };
    let catalog = ok(t.case.operation, t.client.catalogs().get(CATALOG, &params).await);
    t.verify(&catalog).await;
    assert_sales(&catalog);
}

#[tokio::test]
async fn catalogs_list() {
    let t = setup("catalogs.list").await;
    let params = models::CatalogsListParams {
        include_browse: Some(true),
        max_results: Some(0),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.catalogs().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None);
    let catalogs = page.catalogs.as_deref().expect("catalogs");
    let types: Vec<_> = catalogs.iter().map(|catalog| catalog.catalog_type.clone()).collect();
    assert_eq!(
        types,
        [
            Some(models::CatalogType::InternalCatalog),
            Some(models::CatalogType::ForeignCatalog),
            Some(models::CatalogType::Unrecognized("LAKEBASE_CATALOG".into())),
        ]
    );
    assert_eq!(catalogs[1].connection_name.as_deref(), Some("orders-postgres"));
    assert_eq!(catalogs[1].browse_only, Some(true));
}

#[tokio::test]
async fn catalogs_update() {
    let t = setup("catalogs.update").await;
    let body = models::UpdateCatalog {
        owner: Some("sales-admins".into()),
        isolation_mode: Some(models::CatalogIsolationMode::Isolated),
        enable_predictive_optimization: Some(models::EnablePredictiveOptimization::Inherit),
        custom_max_retention_hours: Some(168),
        ..Default::default()
    };
    let updated = ok(t.case.operation, t.client.catalogs().update(CATALOG, &body).await);
    t.verify(&updated).await;
    assert_sales(&updated);
    assert_eq!(updated.owner.as_deref(), Some("sales-admins"));
}
