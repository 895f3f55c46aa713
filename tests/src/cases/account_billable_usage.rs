//! Account billable usage: the CSV download.

use super::Case;

/// What the account console sends: CSV, a header line then one row per workspace, SKU and hour.
pub const USAGE_CSV: &str = "workspaceId,timestamp,clusterId,clusterName,clusterNodeType,clusterOwnerUserId,\
clusterCustomTags,sku,dbus,machineHours,clusterOwnerUserName,tags\n\
1234567890123456,2026-11-03T10:00:00.000Z,0303-102345-abc123,etl-nightly,i3.xlarge,4817205396381102,\
\"{\"\"team\"\":\"\"data\"\"}\",STANDARD_ALL_PURPOSE_COMPUTE,1.5,1.0,,\"{}\"\n";

pub const CASES: &[Case] = &[Case {
    operation: "accountBillableUsage.download",
    method: "GET",
    path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/usage/download",
    query: &[
        ("start_month", "2026-09"),
        ("end_month", "2026-11"),
        ("personal_data", "true"),
    ],
    body: None,
    response: USAGE_CSV,
    cli: &[
        "account",
        "billable-usage",
        "download",
        "2026-09",
        "2026-11",
        "--personal-data",
    ],
}];
