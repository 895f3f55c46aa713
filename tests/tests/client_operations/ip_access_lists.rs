//! IP access lists.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::ip_access_lists::LIST_ID;

fn office_addresses() -> Vec<String> {
    vec!["192.168.100.0/22".into(), "203.0.113.17".into()]
}

/// Checks the office allow list as create and get return it.
fn assert_office_vpn(list: &models::IpAccessListInfo) {
    assert_eq!(list.list_id.as_deref(), Some(LIST_ID));
    assert_eq!(list.label.as_deref(), Some("Office VPN"));
    assert_eq!(list.list_type, Some(models::IpAccessListType::Allow));
    assert_eq!(list.ip_addresses, Some(office_addresses()));
    assert_eq!(list.address_count, Some(2));
    assert_eq!(list.enabled, Some(true));
    assert_eq!(list.created_at, Some(1_705_311_017_000));
    assert_eq!(list.created_by, Some(4_390_826_917_432_511));
}

#[tokio::test]
async fn ip_access_lists_create() {
    let t = setup("ipAccessLists.create").await;
    let body = models::CreateIpAccessList {
        ip_addresses: Some(office_addresses()),
        ..models::CreateIpAccessList::new("Office VPN", models::IpAccessListType::Allow)
    };
    let created = ok(t.case.operation, t.client.ip_access_lists().create(&body).await);
    t.verify(&created).await;
    assert_office_vpn(created.ip_access_list.as_ref().expect("ip_access_list"));
}

#[tokio::test]
async fn ip_access_lists_delete() {
    let t = setup("ipAccessLists.delete").await;
    let ack = ok(t.case.operation, t.client.ip_access_lists().delete(LIST_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn ip_access_lists_get() {
    let t = setup("ipAccessLists.get").await;
    let got = ok(t.case.operation, t.client.ip_access_lists().get(LIST_ID).await);
    t.verify(&got).await;
    assert_office_vpn(got.ip_access_list.as_ref().expect("ip_access_list"));
}

#[tokio::test]
async fn ip_access_lists_list() {
    let t = setup("ipAccessLists.list").await;
    let listing = ok(t.case.operation, t.client.ip_access_lists().list().await);
    t.verify(&listing).await;

    let lists = listing.ip_access_lists.as_deref().expect("ip_access_lists");
    assert_eq!(lists.len(), 3);
    assert_office_vpn(&lists[0]);
    assert_eq!(lists[1].list_type, Some(models::IpAccessListType::Block));
    assert_eq!(lists[1].enabled, Some(false));
    assert_eq!(
        lists[2].list_type,
        Some(models::IpAccessListType::Unrecognized("AUDIT".into()))
    );
    assert_eq!(lists[2].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn ip_access_lists_replace() {
    let t = setup("ipAccessLists.replace").await;
    let body = models::ReplaceIpAccessList {
        ip_addresses: Some(vec!["192.168.100.0/22".into(), "198.18.0.0/15".into()]),
        ..models::ReplaceIpAccessList::new("Office VPN", models::IpAccessListType::Allow, true)
    };
    let ack = ok(
        t.case.operation,
        t.client.ip_access_lists().replace(LIST_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn ip_access_lists_update() {
    let t = setup("ipAccessLists.update").await;
    let body = models::UpdateIpAccessList {
        enabled: Some(false),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.ip_access_lists().update(LIST_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
