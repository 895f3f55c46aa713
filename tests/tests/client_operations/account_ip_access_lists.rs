//! Account IP access lists: the workspace lists' bodies on the account's paths.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_ip_access_lists::ACCOUNT_LIST_ID;

fn assert_corporate_egress(list: &models::IpAccessListInfo) {
    assert_eq!(list.list_id.as_deref(), Some(ACCOUNT_LIST_ID));
    assert_eq!(list.label.as_deref(), Some("Corporate egress"));
    assert_eq!(list.list_type, Some(models::IpAccessListType::Allow));
    assert_eq!(list.address_count, Some(2));
    assert_eq!(list.created_by, Some(4513127682994021));
}

#[tokio::test]
async fn account_ip_access_lists_create() {
    let t = setup("accountIpAccessLists.create").await;
    let body = models::CreateIpAccessList {
        ip_addresses: Some(vec!["198.51.100.0/24".into(), "203.0.113.40".into()]),
        ..models::CreateIpAccessList::new("Corporate egress", models::IpAccessListType::Allow)
    };
    let created = ok(t.case.operation, t.account.ip_access_lists().create(&body).await);
    t.verify(&created).await;
    assert_corporate_egress(created.ip_access_list.as_ref().expect("ip_access_list"));
}

#[tokio::test]
async fn account_ip_access_lists_delete() {
    let t = setup("accountIpAccessLists.delete").await;
    let ack = ok(
        t.case.operation,
        t.account.ip_access_lists().delete(ACCOUNT_LIST_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_ip_access_lists_get() {
    let t = setup("accountIpAccessLists.get").await;
    let got = ok(t.case.operation, t.account.ip_access_lists().get(ACCOUNT_LIST_ID).await);
    t.verify(&got).await;
    assert_corporate_egress(got.ip_access_list.as_ref().expect("ip_access_list"));
}

#[tokio::test]
async fn account_ip_access_lists_list() {
    let t = setup("accountIpAccessLists.list").await;
    let listing = ok(t.case.operation, t.account.ip_access_lists().list().await);
    t.verify(&listing).await;
    let lists = listing.ip_access_lists.as_deref().expect("ip_access_lists");
    assert_eq!(lists[0].list_type, Some(models::IpAccessListType::Block));
    assert_eq!(
        lists[1].list_type,
        Some(models::IpAccessListType::Unrecognized("AUDIT".into()))
    );
    assert_eq!(lists[1].enabled, Some(false));
    assert_eq!(lists[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_ip_access_lists_replace() {
    let t = setup("accountIpAccessLists.replace").await;
    let body = models::ReplaceIpAccessList {
        ip_addresses: Some(vec!["198.51.100.0/24".into()]),
        ..models::ReplaceIpAccessList::new("Corporate egress", models::IpAccessListType::Allow, true)
    };
    let ack = ok(
        t.case.operation,
        t.account.ip_access_lists().replace(ACCOUNT_LIST_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

/// Switching a list off sends an explicit `false`.
#[tokio::test]
async fn account_ip_access_lists_update() {
    let t = setup("accountIpAccessLists.update").await;
    let body = models::UpdateIpAccessList {
        label: Some("Corporate egress (EU)".into()),
        enabled: Some(false),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account.ip_access_lists().update(ACCOUNT_LIST_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
