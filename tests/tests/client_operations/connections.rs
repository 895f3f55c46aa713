//! Unity Catalog connections.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::connections::{CONNECTION, PASSWORD};
use std::collections::BTreeMap;

/// The options of the cases' requests, the password among them.
fn options() -> BTreeMap<String, String> {
    [
        ("host", "orders.db.example.com"),
        ("port", "5432"),
        ("user", "databricks_reader"),
        ("password", PASSWORD),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect()
}

/// Checks the connection of `ORDERS_POSTGRES`: typed fields, the unknown credential type and the unknown
/// field kept.
fn assert_orders_postgres(connection: &models::ConnectionInfo) {
    assert_eq!(connection.name.as_deref(), Some(CONNECTION));
    assert_eq!(connection.connection_type, Some(models::ConnectionType::Postgresql));
    assert_eq!(
        connection.credential_type,
        Some(models::CredentialType::Unrecognized("KERBEROS_KEYTAB".into()))
    );
    let options = connection.options.as_ref().expect("options");
    assert_eq!(options["host"], "orders.db.example.com");
    assert!(
        !options.contains_key("password"),
        "the server leaves secret options out"
    );
    let secrets = connection.secrets.as_ref().expect("secrets");
    assert_eq!(secrets["password"], "sales.integrations.orders_db_password");
    let environment = connection.environment_settings.as_ref().expect("environment_settings");
    assert_eq!(environment.java_dependencies.as_ref().map(Vec::len), Some(1));
    assert_eq!(
        connection
            .provisioning_info
            .as_ref()
            .and_then(|info| info.state.clone()),
        Some(models::ProvisioningInfoState::Active)
    );
    assert_eq!(connection.securable_type, Some(models::SecurableType::Connection));
    assert_eq!(connection.unknown_fields["connection_tags"][0]["value"], "gold");
}

#[tokio::test]
async fn connections_create() {
    let t = setup("connections.create").await;
    let body = models::CreateConnection {
        properties: Some([("purpose".to_owned(), "federation".to_owned())].into()),
        read_only: Some(true),
        comment: Some("The orders database".into()),
        ..models::CreateConnection::new(CONNECTION, models::ConnectionType::Postgresql, options())
    };
    assert!(
        !format!("{body:?}").contains(PASSWORD),
        "Debug shows no connection password"
    );
    let created = ok(t.case.operation, t.client.connections().create(&body).await);
    t.verify(&created).await;
    assert_orders_postgres(&created);
}

#[tokio::test]
async fn connections_delete() {
    let t = setup("connections.delete").await;
    let ack = ok(t.case.operation, t.client.connections().delete(CONNECTION).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn connections_get() {
    let t = setup("connections.get").await;
    let connection = ok(t.case.operation, t.client.connections().get(CONNECTION).await);
    t.verify(&connection).await;
    assert_orders_postgres(&connection);
}

#[tokio::test]
async fn connections_list() {
    let t = setup("connections.list").await;
    let params = models::ConnectionsListParams {
        max_results: Some(50),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.connections().list(&params).await);
    t.verify(&page).await;
    let connections = page.connections.as_deref().expect("connections");
    assert_eq!(connections[1].credential_type, Some(models::CredentialType::OauthU2m));
    assert_eq!(
        connections[1]
            .provisioning_info
            .as_ref()
            .and_then(|info| info.state.clone()),
        Some(models::ProvisioningInfoState::Provisioning)
    );
    assert_eq!(
        connections[2].connection_type,
        Some(models::ConnectionType::Unrecognized("SAP_HANA".into()))
    );
}

#[tokio::test]
async fn connections_update() {
    let t = setup("connections.update").await;
    let body = models::UpdateConnection {
        owner: Some("data-platform".into()),
        ..models::UpdateConnection::new(options())
    };
    assert!(
        !format!("{body:?}").contains(PASSWORD),
        "Debug shows no connection password"
    );
    let updated = ok(t.case.operation, t.client.connections().update(CONNECTION, &body).await);
    t.verify(&updated).await;
    assert_orders_postgres(&updated);
}
