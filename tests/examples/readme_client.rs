use std::time::Duration;

use databricks_client::{Client, ErrorKindOf, WaitOptions, models, spark_version};

#[tokio::main]
async fn main() -> Result<(), databricks_client::Error> {
    // The environment, then ~/.databrickscfg, then ~/.netrc; or Client::new(Config::new(host, token)?)
    let client = Client::from_env()?;

    // The newest long-term-support runtime this workspace offers.
    let versions = client.clusters().spark_versions_all().try_collect().await?;
    let runtime = spark_version::latest(
        versions
            .iter()
            .filter_map(|v| Some((v.key.as_deref()?, v.name.as_deref()?))),
        &spark_version::VersionFilter {
            long_term_support: true,
            ..Default::default()
        },
    )
    .expect("an LTS runtime");

    // Create a cluster and wait until it runs, printing each state on the way.
    let wait = WaitOptions::new()
        .timeout(Duration::from_secs(30 * 60))
        .on_progress(|progress| eprintln!("{} {}", progress.state, progress.message.unwrap_or("")));
    let cluster = client
        .clusters()
        .create_and_wait(
            &models::CreateCluster {
                cluster_name: Some("nightly-etl".into()),
                num_workers: Some(2),
                node_type_id: Some("i3.xlarge".into()),
                ..models::CreateCluster::new(runtime.to_string())
            },
            &wait,
        )
        .await?;
    println!("{:?} is {:?}", cluster.cluster_id, cluster.state);

    // Every job, page after page; only one page is held in memory.
    let mut jobs = client.jobs().list_all(&models::JobsListParams::default());
    while let Some(job) = jobs.next().await {
        let job = job?;
        println!("{:?} {:?}", job.job_id, job.settings.and_then(|settings| settings.name));
    }

    // Identifiers are plain arguments, as in `clusters().get(id)`; optional query parameters come in one
    // struct, built from its `Default`.
    let first_kilobyte = models::DbfsReadParams {
        length: Some(1024),
        ..Default::default()
    };
    match client.dbfs().read("/tmp/missing", &first_kilobyte).await {
        Ok(slice) => println!("{:?} bytes read", slice.bytes_read),
        Err(databricks_client::Error::Api(error)) if error.is_not_found() => {
            println!("not there (request id {:?})", error.request_id);
        }
        Err(other) => println!("{other}"),
    }
    Ok(())
}
