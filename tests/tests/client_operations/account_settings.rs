//! Account settings: read with an etag, changed with an update mask, reset where the setting allows it.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_settings::ETAG;

const NEW_ETAG: &str = "MTcwNDA2NzIwMDAwMQ==";

fn read_params() -> models::AccountPersonalComputeGetParams {
    models::AccountPersonalComputeGetParams {
        etag: Some(ETAG.into()),
    }
}

#[tokio::test]
async fn account_personal_compute_get() {
    let t = setup("accountPersonalCompute.get").await;
    let setting = ok(t.case.operation, t.account.personal_compute().get(&read_params()).await);
    t.verify(&setting).await;
    assert_eq!(
        serde_json::to_value(&setting.personal_compute.value).unwrap(),
        serde_json::json!("DISABLED"),
        "a value this SDK does not know is kept"
    );
    assert_eq!(setting.etag.as_deref(), Some(NEW_ETAG));
    assert_eq!(setting.unknown_fields["updated_by"], "admin@example.com");
}

#[tokio::test]
async fn account_personal_compute_update() {
    let t = setup("accountPersonalCompute.update").await;
    let change = models::UpdatePersonalComputeSettingRequest::new(
        true,
        "personal_compute.value",
        models::PersonalComputeSetting {
            etag: Some(ETAG.into()),
            ..models::PersonalComputeSetting::new(models::PersonalComputeValue::new(
                models::PersonalComputeMode::Delegate,
            ))
        },
    );
    let setting = ok(t.case.operation, t.account.personal_compute().update(&change).await);
    t.verify(&setting).await;
}

#[tokio::test]
async fn account_personal_compute_delete() {
    let t = setup("accountPersonalCompute.delete").await;
    let params = models::AccountPersonalComputeDeleteParams {
        etag: Some(ETAG.into()),
    };
    let reset = ok(t.case.operation, t.account.personal_compute().delete(&params).await);
    t.verify(&reset).await;
    assert_eq!(reset.etag, "MTcwNDA2NzIwMDAwMg==");
}

#[tokio::test]
async fn account_enable_ip_access_lists_get_update_delete() {
    let t = setup("accountEnableIpAccessLists.get").await;
    let params = models::AccountEnableIpAccessListsGetParams {
        etag: Some(ETAG.into()),
    };
    let setting = ok(t.case.operation, t.account.enable_ip_access_lists().get(&params).await);
    t.verify(&setting).await;
    assert_eq!(setting.acct_ip_acl_enable.value, Some(true));

    let t = setup("accountEnableIpAccessLists.update").await;
    let change = models::UpdateAccountIpAccessEnableSettingRequest::new(
        true,
        "acct_ip_acl_enable.value",
        models::AccountIpAccessEnableSetting {
            etag: Some(ETAG.into()),
            ..models::AccountIpAccessEnableSetting::new(models::BooleanValue {
                value: Some(true),
                ..Default::default()
            })
        },
    );
    let setting = ok(
        t.case.operation,
        t.account.enable_ip_access_lists().update(&change).await,
    );
    t.verify(&setting).await;

    let t = setup("accountEnableIpAccessLists.delete").await;
    let params = models::AccountEnableIpAccessListsDeleteParams {
        etag: Some(ETAG.into()),
    };
    let reset = ok(
        t.case.operation,
        t.account.enable_ip_access_lists().delete(&params).await,
    );
    t.verify(&reset).await;
}

#[tokio::test]
async fn account_csp_enablement_account_get_update() {
    let t = setup("accountCspEnablementAccount.get").await;
    let params = models::AccountCspEnablementAccountGetParams {
        etag: Some(ETAG.into()),
    };
    let setting = ok(t.case.operation, t.account.csp_enablement_account().get(&params).await);
    t.verify(&setting).await;
    let standards = setting
        .csp_enablement_account
        .compliance_standards
        .as_deref()
        .expect("standards");
    assert_eq!(standards[0], models::ComplianceStandard::Hipaa);
    assert_eq!(
        serde_json::to_value(&standards[1]).unwrap(),
        serde_json::json!("SOC2"),
        "a standard this SDK does not know is kept"
    );

    let t = setup("accountCspEnablementAccount.update").await;
    let change = models::UpdateCspEnablementAccountSettingRequest::new(
        true,
        "csp_enablement_account.is_enforced",
        models::CspEnablementAccountSetting {
            etag: Some(ETAG.into()),
            ..models::CspEnablementAccountSetting::new(models::CspEnablementAccount {
                is_enforced: Some(true),
                compliance_standards: Some(vec![models::ComplianceStandard::Hipaa]),
                ..Default::default()
            })
        },
    );
    let setting = ok(
        t.case.operation,
        t.account.csp_enablement_account().update(&change).await,
    );
    t.verify(&setting).await;
}

#[tokio::test]
async fn account_esm_enablement_account_get_update() {
    let t = setup("accountEsmEnablementAccount.get").await;
    let params = models::AccountEsmEnablementAccountGetParams {
        etag: Some(ETAG.into()),
    };
    let setting = ok(t.case.operation, t.account.esm_enablement_account().get(&params).await);
    t.verify(&setting).await;
    assert_eq!(setting.esm_enablement_account.is_enforced, Some(false));

    let t = setup("accountEsmEnablementAccount.update").await;
    let change = models::UpdateEsmEnablementAccountSettingRequest::new(
        true,
        "esm_enablement_account.is_enforced",
        models::EsmEnablementAccountSetting {
            etag: Some(ETAG.into()),
            ..models::EsmEnablementAccountSetting::new(models::EsmEnablementAccount {
                is_enforced: Some(false),
                ..Default::default()
            })
        },
    );
    let setting = ok(
        t.case.operation,
        t.account.esm_enablement_account().update(&change).await,
    );
    t.verify(&setting).await;
}

#[tokio::test]
async fn account_disable_legacy_features_get_update_delete() {
    let t = setup("accountDisableLegacyFeatures.get").await;
    let params = models::AccountDisableLegacyFeaturesGetParams {
        etag: Some(ETAG.into()),
    };
    let setting = ok(t.case.operation, t.account.disable_legacy_features().get(&params).await);
    t.verify(&setting).await;
    assert_eq!(setting.disable_legacy_features.value, Some(true));

    let t = setup("accountDisableLegacyFeatures.update").await;
    let change = models::UpdateDisableLegacyFeaturesSettingRequest::new(
        true,
        "disable_legacy_features.value",
        models::DisableLegacyFeaturesSetting {
            etag: Some(ETAG.into()),
            ..models::DisableLegacyFeaturesSetting::new(models::BooleanValue {
                value: Some(true),
                ..Default::default()
            })
        },
    );
    let setting = ok(
        t.case.operation,
        t.account.disable_legacy_features().update(&change).await,
    );
    t.verify(&setting).await;

    let t = setup("accountDisableLegacyFeatures.delete").await;
    let params = models::AccountDisableLegacyFeaturesDeleteParams {
        etag: Some(ETAG.into()),
    };
    let reset = ok(
        t.case.operation,
        t.account.disable_legacy_features().delete(&params).await,
    );
    t.verify(&reset).await;
}
