use databricks_client::Client;
use databricks_transfer::{DownloadOptions, ProgressFn, UploadOptions, download, upload};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    // One request under 2 GB, 1 MiB blocks above; an existing file is replaced only once the new one is complete.
    let options = UploadOptions {
        overwrite: true,
        progress: Some(ProgressFn::new(|p| eprintln!("{} bytes sent", p.bytes_done))),
        ..UploadOptions::default()
    };
    upload(&client, "model.bin", "/models/model.bin", &options).await?;
    // Written to a temporary file beside the destination, renamed into place when complete.
    download(&client, "/models/model.bin", "copy.bin", &DownloadOptions::default()).await?;
    Ok(())
}
