use databricks_client::{Client, models};

#[tokio::main]
async fn main() -> Result<(), databricks_client::Error> {
    // The environment, then ~/.databrickscfg, then ~/.netrc; or Client::new(Config::new(host, token)?)
    let client = Client::from_env()?;

    let created = client
        .clusters()
        .create(&models::CreateCluster {
            cluster_name: Some("nightly-etl".into()),
            num_workers: Some(2),
            node_type_id: Some("i3.xlarge".into()),
            ..models::CreateCluster::new("13.3.x-scala2.12")
        })
        .await?;

    let details = client
        .clusters()
        .get(&models::ClustersGetParams::new(created.cluster_id))
        .await?;
    println!("{:?} {}", details.state, details.state_message.unwrap_or_default());

    match client
        .dbfs()
        .get_status(&models::DbfsGetStatusParams::new("/tmp/missing"))
        .await
    {
        Err(databricks_client::Error::Api(error)) if error.error_code.as_deref() == Some("RESOURCE_DOES_NOT_EXIST") => {
            println!("not there (request id {:?})", error.request_id);
        }
        other => println!("{other:?}"),
    }
    Ok(())
}
