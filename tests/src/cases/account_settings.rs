//! Account settings: each read, changed with an etag and an update mask, and (some) reset to the default.

use super::Case;

/// The etag of the last read, sent back with a change or a reset.
pub const ETAG: &str = "MTcwNDA2NzIwMDAwMA==";

/// Personal Compute as the account console returns it, with `DISABLED`, a value this spec does not know, and
/// `updated_by`, a field it does not know either.
pub const PERSONAL_COMPUTE: &str = r#"{"personal_compute": {"value": "DISABLED"}, "etag": "MTcwNDA2NzIwMDAwMQ==",
  "setting_name": "default", "updated_by": "admin@example.com"}"#;
pub const IP_ACCESS_ENABLE: &str =
    r#"{"acct_ip_acl_enable": {"value": true}, "etag": "MTcwNDA2NzIwMDAwMQ==", "setting_name": "default"}"#;
/// The compliance security profile, with `SOC2`, a standard this spec does not know.
pub const CSP: &str = r#"{"csp_enablement_account": {"is_enforced": true, "compliance_standards": ["HIPAA", "SOC2"]},
  "etag": "MTcwNDA2NzIwMDAwMQ==", "setting_name": "default"}"#;
pub const ESM: &str =
    r#"{"esm_enablement_account": {"is_enforced": false}, "etag": "MTcwNDA2NzIwMDAwMQ==", "setting_name": "default"}"#;
pub const LEGACY: &str =
    r#"{"disable_legacy_features": {"value": true}, "etag": "MTcwNDA2NzIwMDAwMQ==", "setting_name": "default"}"#;
const RESET: &str = r#"{"etag": "MTcwNDA2NzIwMDAwMg=="}"#;

const PERSONAL_COMPUTE_CHANGE: &str = r#"{"allow_missing": true, "field_mask": "personal_compute.value",
  "setting": {"personal_compute": {"value": "DELEGATE"}, "etag": "MTcwNDA2NzIwMDAwMA=="}}"#;
const IP_ACCESS_CHANGE: &str = r#"{"allow_missing": true, "field_mask": "acct_ip_acl_enable.value",
  "setting": {"acct_ip_acl_enable": {"value": true}, "etag": "MTcwNDA2NzIwMDAwMA=="}}"#;
const CSP_CHANGE: &str = r#"{"allow_missing": true, "field_mask": "csp_enablement_account.is_enforced",
  "setting": {"csp_enablement_account": {"is_enforced": true, "compliance_standards": ["HIPAA"]},
  "etag": "MTcwNDA2NzIwMDAwMA=="}}"#;
const ESM_CHANGE: &str = r#"{"allow_missing": true, "field_mask": "esm_enablement_account.is_enforced",
  "setting": {"esm_enablement_account": {"is_enforced": false}, "etag": "MTcwNDA2NzIwMDAwMA=="}}"#;
const LEGACY_CHANGE: &str = r#"{"allow_missing": true, "field_mask": "disable_legacy_features.value",
  "setting": {"disable_legacy_features": {"value": true}, "etag": "MTcwNDA2NzIwMDAwMA=="}}"#;

/// The cases of one setting: get and update, and reset where the setting has one.
macro_rules! setting_cases {
    ($id:literal, $cli:literal, $kind:literal, $answer:expr, $change:expr, $mask:literal) => {
        [
            Case {
                operation: concat!($id, ".get"),
                method: "GET",
                path: concat!(
                    "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/settings/types/",
                    $kind,
                    "/names/default"
                ),
                query: &[("etag", ETAG)],
                body: None,
                response: $answer,
                cli: &["account", $cli, "get", "--etag", ETAG],
            },
            Case {
                operation: concat!($id, ".update"),
                method: "PATCH",
                path: concat!(
                    "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/settings/types/",
                    $kind,
                    "/names/default"
                ),
                query: &[],
                body: Some($change),
                response: $answer,
                cli: &["account", $cli, "update", $mask, "--json", $change],
            },
            Case {
                operation: concat!($id, ".delete"),
                method: "DELETE",
                path: concat!(
                    "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/settings/types/",
                    $kind,
                    "/names/default"
                ),
                query: &[("etag", ETAG)],
                body: None,
                response: RESET,
                cli: &["account", $cli, "delete", "--etag", ETAG],
            },
        ]
    };
}

const PERSONAL: [Case; 3] = setting_cases!(
    "accountPersonalCompute",
    "personal-compute",
    "dcp_acct_enable",
    PERSONAL_COMPUTE,
    PERSONAL_COMPUTE_CHANGE,
    "personal_compute.value"
);
const IP: [Case; 3] = setting_cases!(
    "accountEnableIpAccessLists",
    "enable-ip-access-lists",
    "acct_ip_acl_enable",
    IP_ACCESS_ENABLE,
    IP_ACCESS_CHANGE,
    "acct_ip_acl_enable.value"
);
const CSP_CASES: [Case; 3] = setting_cases!(
    "accountCspEnablementAccount",
    "csp-enablement-account",
    "shield_csp_enablement_ac",
    CSP,
    CSP_CHANGE,
    "csp_enablement_account.is_enforced"
);
const ESM_CASES: [Case; 3] = setting_cases!(
    "accountEsmEnablementAccount",
    "esm-enablement-account",
    "shield_esm_enablement_ac",
    ESM,
    ESM_CHANGE,
    "esm_enablement_account.is_enforced"
);
const LEGACY_CASES: [Case; 3] = setting_cases!(
    "accountDisableLegacyFeatures",
    "disable-legacy-features",
    "disable_legacy_features",
    LEGACY,
    LEGACY_CHANGE,
    "disable_legacy_features.value"
);

/// The compliance security profile and enhanced security monitoring cannot be reset.
pub const CASES: &[Case] = &[
    PERSONAL[0],
    PERSONAL[1],
    PERSONAL[2],
    IP[0],
    IP[1],
    IP[2],
    CSP_CASES[0],
    CSP_CASES[1],
    ESM_CASES[0],
    ESM_CASES[1],
    LEGACY_CASES[0],
    LEGACY_CASES[1],
    LEGACY_CASES[2],
];
