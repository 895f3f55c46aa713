//! What the runtime costs, against local servers started here, each figure next to a bare baseline doing the
//! same HTTP and JSON work:
//! - per-request overhead of the client against a bare reqwest loop (same server, same decoding);
//! - DBFS upload and download throughput of `databricks-transfer` against a bare loop doing the same
//!   base64 and HTTP calls;
//! - peak heap while streaming 100,000 listed items, against collecting them all.
//!
//! Run with `cargo bench -p databricks-tests --bench runtime`. Prints figures and ratios; asserts nothing
//! about time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::{Client, models};
use databricks_tests::TOKEN;
use databricks_tests::fake_workspace::FakeWorkspace;
use databricks_tests::mock::client_with_budget;
use databricks_tests::plain_server::{LISTED_ITEMS, PAGE_SIZE, start_plain_server};
use databricks_transfer::{DownloadOptions, UploadOptions};
use serde_json::{Value, json};

/// Counts live heap bytes and their peak, for the memory figure.
struct CountingAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` came from `alloc` above with this layout.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Resets the peak to the current level and returns that level.
fn reset_peak() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

const REQUESTS: usize = 5000;
const ROUNDS: usize = 10;

/// The default 15 requests/s would measure the limiter, not the client; the shared test client has it off.
fn client(host: &str) -> Client {
    client_with_budget(host, Duration::from_secs(300))
}

fn per_request(elapsed: Duration, count: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / count as f64
}

async fn request_overhead() {
    let host = start_plain_server().await;
    let sdk = client(&host);
    let bare = reqwest::Client::new();
    let cluster_id = "0115-093017-k8rq3x2w";
    let url = format!("{host}/api/2.1/clusters/get?cluster_id={cluster_id}");

    let authorization = reqwest::header::HeaderValue::from_str(&format!("Bearer {TOKEN}")).expect("header");
    let bare_call = || async {
        let bytes = bare
            .get(&url)
            .header("authorization", authorization.clone())
            .send()
            .await
            .expect("sent")
            .bytes()
            .await
            .expect("read");
        serde_json::from_slice::<models::ClusterDetails>(&bytes).expect("decoded")
    };
    // Warm up both connection pools.
    for _ in 0..200 {
        bare_call().await;
        sdk.clusters().get(cluster_id).await.expect("ok");
    }
    // Alternating rounds, so neither side profits from running second.
    let (mut bare_time, mut sdk_time) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        for _ in 0..REQUESTS / ROUNDS {
            bare_call().await;
        }
        bare_time += started.elapsed();
        let started = Instant::now();
        for _ in 0..REQUESTS / ROUNDS {
            sdk.clusters().get(cluster_id).await.expect("ok");
        }
        sdk_time += started.elapsed();
    }
    let (bare_us, sdk_us) = (per_request(bare_time, REQUESTS), per_request(sdk_time, REQUESTS));
    println!("request overhead ({REQUESTS} sequential clusters.get, rate limit off)");
    println!("  bare reqwest + serde: {bare_us:8.1} µs/request");
    println!("  databricks-client:    {sdk_us:8.1} µs/request");
    println!("  ratio client/bare:    {:8.2}", sdk_us / bare_us);
}

fn mib_per_second(bytes: usize, elapsed: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / elapsed.as_secs_f64()
}

async fn dbfs_throughput() {
    const SIZE: usize = 16 * 1024 * 1024;
    let workspace = FakeWorkspace::start().await;
    let sdk = workspace.client(Duration::from_secs(30));
    let bare = reqwest::Client::new();
    let host = workspace.uri();
    let directory = tempfile::tempdir().expect("a scratch directory");
    let local = directory.path().join("payload.bin");
    let content: Vec<u8> = (0..SIZE)
        .map(|index| (index.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&local, &content).expect("payload written");

    let post = |path: &str, body: Value| {
        bare.post(format!("{host}/api/2.0/dbfs/{path}"))
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
    };
    let json = |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).expect("a JSON answer");
    // Bare upload: the same create, base64 blocks of 1 MiB and close, with no checks or temp files.
    let started = Instant::now();
    let created = json(
        &post("create", json!({"path": "/bench/bare.bin", "overwrite": true}))
            .await
            .expect("create")
            .bytes()
            .await
            .expect("handle"),
    );
    let handle = created["handle"].as_i64().expect("a handle");
    let file = tokio::fs::read(&local).await.expect("read");
    for block in file.chunks(1024 * 1024) {
        post("add-block", json!({"handle": handle, "data": BASE64.encode(block)}))
            .await
            .expect("block");
    }
    post("close", json!({"handle": handle})).await.expect("close");
    let bare_up = started.elapsed();

    let started = Instant::now();
    databricks_transfer::upload(&sdk, &local, "/bench/sdk.bin", &UploadOptions::default())
        .await
        .expect("upload");
    let sdk_up = started.elapsed();
    assert_eq!(workspace.dbfs_file("/bench/sdk.bin").as_deref(), Some(&content[..]));

    // Bare download: reads of 1 MiB decoded and written, no temp file or size checks.
    let started = Instant::now();
    let mut downloaded = Vec::with_capacity(SIZE);
    while downloaded.len() < SIZE {
        let offset = downloaded.len();
        let answer = bare
            .get(format!(
                "{host}/api/2.0/dbfs/read?path=%2Fbench%2Fbare.bin&offset={offset}&length=1048576"
            ))
            .header("authorization", format!("Bearer {TOKEN}"))
            .send()
            .await
            .expect("read")
            .bytes()
            .await
            .expect("slice");
        let slice = json(&answer);
        downloaded.extend(BASE64.decode(slice["data"].as_str().expect("data")).expect("base64"));
    }
    tokio::fs::write(directory.path().join("bare-copy.bin"), &downloaded)
        .await
        .expect("write");
    let bare_down = started.elapsed();

    let copy = directory.path().join("sdk-copy.bin");
    let started = Instant::now();
    databricks_transfer::download(&sdk, "/bench/sdk.bin", &copy, &DownloadOptions::default())
        .await
        .expect("download");
    let sdk_down = started.elapsed();
    assert_eq!(std::fs::read(&copy).expect("copy"), content);

    println!(
        "DBFS transfer of {} MiB (1 MiB blocks, base64, local fake)",
        SIZE / (1024 * 1024)
    );
    for (what, bare, sdk) in [("upload", bare_up, sdk_up), ("download", bare_down, sdk_down)] {
        let (bare_rate, sdk_rate) = (mib_per_second(SIZE, bare), mib_per_second(SIZE, sdk));
        println!(
            "  {what:8}: bare {bare_rate:7.1} MiB/s, databricks-transfer {sdk_rate:7.1} MiB/s, ratio {:.2}",
            sdk_rate / bare_rate
        );
    }
}

async fn streaming_memory() {
    let host = start_plain_server().await;
    let sdk = client(&host);

    let baseline = reset_peak();
    let mut stream = sdk.jobs().list_all(&Default::default());
    let mut count = 0;
    while let Some(job) = stream.next().await {
        job.expect("a job");
        count += 1;
    }
    drop(stream);
    let streamed_peak = PEAK.load(Ordering::Relaxed) - baseline;
    assert_eq!(count, LISTED_ITEMS);

    let baseline = reset_peak();
    let all = sdk
        .jobs()
        .list_all(&Default::default())
        .try_collect()
        .await
        .expect("all jobs");
    let collected_peak = PEAK.load(Ordering::Relaxed) - baseline;
    assert_eq!(all.len(), LISTED_ITEMS);
    drop(all);

    println!("memory listing {LISTED_ITEMS} jobs in pages of {PAGE_SIZE}");
    println!(
        "  streaming item by item: peak {:7.1} MiB above the start",
        streamed_peak as f64 / 1048576.0
    );
    println!(
        "  collecting into a Vec:  peak {:7.1} MiB above the start",
        collected_peak as f64 / 1048576.0
    );
    println!(
        "  ratio stream/collect:   {:7.3}",
        streamed_peak as f64 / collected_peak as f64
    );
    println!(
        "  (one models::BaseJob is {} bytes by value)",
        std::mem::size_of::<models::BaseJob>()
    );
}

fn main() {
    // `cargo test --benches` runs bench targets with `--bench`-less arguments; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        // Memory first, while nothing else is being freed in the background.
        streaming_memory().await;
        request_overhead().await;
        dbfs_throughput().await;
    });
}
