use databricks_client::{AccountClient, Config};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The profile names the account console host, the account id and a service principal's OAuth secret.
    let account = AccountClient::new(Config::builder().profile("my-account").build()?)?;
    let usage = account
        .billable_usage()
        .download("2026-09", "2026-11", &Default::default())
        .await?;
    // Streamed as it arrives, never held whole.
    let mut file = tokio::fs::File::create("usage.csv").await?;
    usage.write_to(&mut file).await?;
    Ok(())
}
