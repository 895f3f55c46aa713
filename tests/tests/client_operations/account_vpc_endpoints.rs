//! Account VPC endpoint configurations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_vpc_endpoints::VPC_ENDPOINT_ID;

#[tokio::test]
async fn account_vpc_endpoints_create() {
    let t = setup("accountVpcEndpoints.create").await;
    let body = models::CreateVpcEndpointRequest {
        vpc_endpoint_name: Some("sales-analytics-rest-api".into()),
        aws_vpc_endpoint_id: Some("vpce-0a1b2c3d4e5f67890".into()),
        region: Some("us-west-2".into()),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.vpc_endpoints().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.vpc_endpoint_id.as_deref(), Some(VPC_ENDPOINT_ID));
    assert_eq!(created.use_case, Some(models::EndpointUseCase::GeneralAccess));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_vpc_endpoints_delete() {
    let t = setup("accountVpcEndpoints.delete").await;
    let deleted = ok(
        t.case.operation,
        t.account.vpc_endpoints().delete(VPC_ENDPOINT_ID).await,
    );
    t.verify(&deleted).await;
    assert_eq!(deleted.state.as_deref(), Some("available"));
}

#[tokio::test]
async fn account_vpc_endpoints_get() {
    let t = setup("accountVpcEndpoints.get").await;
    let endpoint = ok(t.case.operation, t.account.vpc_endpoints().get(VPC_ENDPOINT_ID).await);
    t.verify(&endpoint).await;
    assert_eq!(endpoint.aws_account_id.as_deref(), Some("123456789012"));
    assert_eq!(
        endpoint.aws_endpoint_service_id.as_deref(),
        Some("com.amazonaws.vpce.us-west-2.vpce-svc-0129f463fcfbc46c5")
    );
}

#[tokio::test]
async fn account_vpc_endpoints_list() {
    let t = setup("accountVpcEndpoints.list").await;
    let endpoints = ok(t.case.operation, t.account.vpc_endpoints().list().await);
    t.verify(&endpoints).await;
    assert_eq!(endpoints.len(), 2);
    let psc = endpoints[1]
        .gcp_vpc_endpoint_info
        .as_ref()
        .expect("gcp_vpc_endpoint_info");
    assert_eq!(psc.psc_endpoint_name, "databricks-frontend-psc");
    assert_eq!(psc.psc_connection_id.as_deref(), Some("11223344556677889"));
    assert_eq!(
        endpoints[1].use_case,
        Some(models::EndpointUseCase::Unrecognized("EGRESS_ACCESS".into()))
    );
    assert_eq!(endpoints[1].unknown_fields["future_field"], future_field());
}
