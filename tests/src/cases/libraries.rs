//! Libraries (`/api/2.0/libraries`).

use super::{CLUSTER_ID, Case, EMPTY};

pub const CASES: &[Case] = &[
    Case {
        operation: "libraries.allClusterStatuses",
        method: "GET",
        path: "/api/2.0/libraries/all-cluster-statuses",
        query: &[],
        body: None,
        response: r#"{
          "statuses": [
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "library_statuses": [
                {
                  "library": {"pypi": {"package": "requests==2.31.0"}},
                  "status": "INSTALLED",
                  "is_library_for_all_clusters": false
                },
                {
                  "library": {"whl": "/Workspace/Shared/libs/ingest-1.4.0-py3-none-any.whl"},
                  "status": "UNINSTALL_ON_RESTART",
                  "is_library_for_all_clusters": false
                }
              ]
            },
            {
              "cluster_id": "0212-141552-m3vx9q1d",
              "library_statuses": [
                {
                  "library": {"maven": {"coordinates": "com.fasterxml.jackson.core:jackson-databind:2.15.2"}},
                  "status": "WAITING_FOR_CLUSTER",
                  "is_library_for_all_clusters": false,
                  "future_field": {"nested": [1, 2]}
                }
              ],
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &["libraries", "all-cluster-statuses"],
    },
    Case {
        operation: "libraries.clusterStatus",
        method: "GET",
        path: "/api/2.0/libraries/cluster-status",
        query: &[("cluster_id", CLUSTER_ID)],
        body: None,
        response: r#"{
          "cluster_id": "0115-093017-k8rq3x2w",
          "library_statuses": [
            {
              "library": {"jar": "/Volumes/main/default/libs/etl-utils-2.3.1.jar"},
              "status": "INSTALLED",
              "is_library_for_all_clusters": false
            },
            {
              "library": {"pypi": {"package": "great-expectations==0.18.8", "repo": "https://pypi.internal.example.com/simple"}},
              "status": "FAILED",
              "messages": [
                "Library installation attempted on the driver node of cluster 0115-093017-k8rq3x2w and failed. pip could not find a version that satisfies the requirement great-expectations==0.18.8."
              ],
              "is_library_for_all_clusters": false
            },
            {
              "library": {"cran": {"package": "forecast"}},
              "status": "DOWNLOADING",
              "is_library_for_all_clusters": false,
              "future_field": {"nested": [1, 2]}
            },
            {
              "library": {
                "maven": {
                  "coordinates": "com.databricks:spark-xml_2.12:0.17.0",
                  "exclusions": ["org.scala-lang:scala-library", "*:hadoop-client"]
                }
              },
              "status": "UNINSTALL_ON_RESTART",
              "is_library_for_all_clusters": false
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["libraries", "cluster-status", CLUSTER_ID],
    },
    Case {
        operation: "libraries.install",
        method: "POST",
        path: "/api/2.0/libraries/install",
        query: &[],
        body: Some(
            r#"{"cluster_id": "0115-093017-k8rq3x2w", "libraries": [
                {"pypi": {"package": "requests==2.31.0"}},
                {"whl": "/Workspace/Shared/libs/ingest-1.4.0-py3-none-any.whl"},
                {"maven": {"coordinates": "com.databricks:spark-xml_2.12:0.17.0", "exclusions": ["*:hadoop-client"]}},
                {"requirements": "/Workspace/Shared/project/requirements.txt"}
            ]}"#,
        ),
        response: EMPTY,
        cli: &[
            "libraries",
            "install",
            CLUSTER_ID,
            "--json",
            r#"{"libraries": [
                {"pypi": {"package": "requests==2.31.0"}},
                {"whl": "/Workspace/Shared/libs/ingest-1.4.0-py3-none-any.whl"},
                {"maven": {"coordinates": "com.databricks:spark-xml_2.12:0.17.0", "exclusions": ["*:hadoop-client"]}},
                {"requirements": "/Workspace/Shared/project/requirements.txt"}
            ]}"#,
        ],
    },
    Case {
        operation: "libraries.uninstall",
        method: "POST",
        path: "/api/2.0/libraries/uninstall",
        query: &[],
        body: Some(
            r#"{"cluster_id": "0115-093017-k8rq3x2w", "libraries": [
                {"jar": "/Volumes/main/default/libs/etl-utils-2.3.1.jar"},
                {"cran": {"package": "forecast", "repo": "https://cran.r-project.org"}}
            ]}"#,
        ),
        response: EMPTY,
        cli: &[
            "libraries",
            "uninstall",
            CLUSTER_ID,
            "--json",
            r#"{"libraries": [
                {"jar": "/Volumes/main/default/libs/etl-utils-2.3.1.jar"},
                {"cran": {"package": "forecast", "repo": "https://cran.r-project.org"}}
            ]}"#,
        ],
    },
];
