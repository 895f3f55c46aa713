//! Which cloud a workspace runs on, from its host name (or the `cloud` setting), and the Azure endpoints of
//! each Azure cloud: public, US government and China.

/// A cloud Databricks runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cloud {
    Aws,
    Azure,
    Gcp,
}

impl Cloud {
    pub fn name(self) -> &'static str {
        match self {
            Cloud::Aws => "AWS",
            Cloud::Azure => "Azure",
            Cloud::Gcp => "GCP",
        }
    }

    pub(crate) fn parse(raw: &str) -> Option<Cloud> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "AWS" => Some(Cloud::Aws),
            "AZURE" => Some(Cloud::Azure),
            "GCP" => Some(Cloud::Gcp),
            _ => None,
        }
    }
}

/// An Azure cloud: where Entra ID issues tokens and which resources they are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AzureCloud {
    /// The name `azure_environment` / `ARM_ENVIRONMENT` selects it by.
    pub name: &'static str,
    pub active_directory: &'static str,
    pub service_management: &'static str,
    pub resource_manager: &'static str,
}

pub(crate) const AZURE_PUBLIC: AzureCloud = AzureCloud {
    name: "PUBLIC",
    active_directory: "https://login.microsoftonline.com/",
    service_management: "https://management.core.windows.net/",
    resource_manager: "https://management.azure.com/",
};

pub(crate) const AZURE_US_GOVERNMENT: AzureCloud = AzureCloud {
    name: "USGOVERNMENT",
    active_directory: "https://login.microsoftonline.us/",
    service_management: "https://management.core.usgovcloudapi.net/",
    resource_manager: "https://management.usgovcloudapi.net/",
};

pub(crate) const AZURE_CHINA: AzureCloud = AzureCloud {
    name: "CHINA",
    active_directory: "https://login.chinacloudapi.cn/",
    service_management: "https://management.core.chinacloudapi.cn/",
    resource_manager: "https://management.chinacloudapi.cn/",
};

/// The Entra ID application of Azure Databricks: tokens for workspaces are issued for this resource.
pub(crate) const AZURE_DATABRICKS_APP_ID: &str = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

/// Databricks' own development and staging deployments have applications of their own.
const AZURE_PREPRODUCTION_APP_IDS: &[(&str, &str)] = &[
    (".dev.azuredatabricks.net", "62a912ac-b58e-4c1d-89ea-b2dbfc7358fc"),
    (".staging.azuredatabricks.net", "4a67d088-db5c-48f1-9ff2-0aace800ae68"),
];

/// The Entra ID application whose tokens a workspace on this host accepts.
pub(crate) fn azure_login_app_id(host_name: &str) -> &'static str {
    let host_name = host_name.to_ascii_lowercase();
    AZURE_PREPRODUCTION_APP_IDS
        .iter()
        .find(|(zone, _)| host_name.ends_with(zone))
        .map_or(AZURE_DATABRICKS_APP_ID, |(_, app_id)| app_id)
}

/// DNS zones of Databricks deployments, most specific first.
const ZONES: &[(&str, Cloud, Option<&AzureCloud>)] = &[
    (".dev.azuredatabricks.net", Cloud::Azure, Some(&AZURE_PUBLIC)),
    (".staging.azuredatabricks.net", Cloud::Azure, Some(&AZURE_PUBLIC)),
    (".azuredatabricks.net", Cloud::Azure, Some(&AZURE_PUBLIC)),
    (".databricks.azure.us", Cloud::Azure, Some(&AZURE_US_GOVERNMENT)),
    (".databricks.azure.cn", Cloud::Azure, Some(&AZURE_CHINA)),
    (".gcp.databricks.com", Cloud::Gcp, None),
    (".cloud.databricks.us", Cloud::Aws, None),
    (".cloud.databricks.com", Cloud::Aws, None),
];

/// The cloud of a host name, and its Azure cloud when it is on Azure. Unknown hosts are AWS, as in the
/// official SDKs.
pub(crate) fn of_host(host_name: &str) -> (Cloud, Option<&'static AzureCloud>) {
    let host_name = host_name.to_ascii_lowercase();
    ZONES
        .iter()
        .find(|(zone, _, _)| host_name.ends_with(zone))
        .map_or((Cloud::Aws, None), |(_, cloud, azure)| (*cloud, *azure))
}

/// The Azure cloud named by `azure_environment` (`PUBLIC`, `USGOVERNMENT`, `CHINA`; the older
/// `AzurePublicCloud` spellings too).
pub(crate) fn azure_cloud_named(name: &str) -> Option<&'static AzureCloud> {
    let upper = name.trim().to_ascii_uppercase();
    let upper = upper.strip_prefix("AZURE").unwrap_or(&upper);
    let upper = upper.strip_suffix("CLOUD").unwrap_or(upper);
    [&AZURE_PUBLIC, &AZURE_US_GOVERNMENT, &AZURE_CHINA]
        .into_iter()
        .find(|cloud| cloud.name == upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_tell_their_cloud() {
        assert_eq!(
            of_host("adb-1.2.azuredatabricks.net"),
            (Cloud::Azure, Some(&AZURE_PUBLIC))
        );
        assert_eq!(of_host("ADB-1.2.DATABRICKS.AZURE.US").1, Some(&AZURE_US_GOVERNMENT));
        assert_eq!(of_host("adb-1.2.databricks.azure.cn").1, Some(&AZURE_CHINA));
        assert_eq!(of_host("1.2.gcp.databricks.com").0, Cloud::Gcp);
        assert_eq!(of_host("dbc-1.cloud.databricks.com"), (Cloud::Aws, None));
        assert_eq!(of_host("127.0.0.1"), (Cloud::Aws, None));
    }

    #[test]
    fn preproduction_workspaces_have_their_own_login_app() {
        assert_eq!(
            azure_login_app_id("adb-1.2.azuredatabricks.net"),
            AZURE_DATABRICKS_APP_ID
        );
        assert_eq!(
            azure_login_app_id("adb-1.2.databricks.azure.cn"),
            AZURE_DATABRICKS_APP_ID
        );
        assert_eq!(
            azure_login_app_id("adb-1.2.staging.azuredatabricks.net"),
            "4a67d088-db5c-48f1-9ff2-0aace800ae68"
        );
        assert_eq!(
            azure_login_app_id("ADB-1.DEV.AZUREDATABRICKS.NET"),
            "62a912ac-b58e-4c1d-89ea-b2dbfc7358fc"
        );
    }

    #[test]
    fn azure_clouds_are_named_as_the_official_tools_name_them() {
        assert_eq!(azure_cloud_named("public"), Some(&AZURE_PUBLIC));
        assert_eq!(azure_cloud_named("AzureUSGovernmentCloud"), Some(&AZURE_US_GOVERNMENT));
        assert_eq!(azure_cloud_named("china"), Some(&AZURE_CHINA));
        assert_eq!(azure_cloud_named("germany"), None);
    }
}
