//! What the runtime costs, against local servers started here, each figure next to a bare baseline doing the
//! same HTTP and JSON work:
//! - per-request overhead of the client against a bare reqwest loop (same server, same decoding);
//! - DBFS upload (in blocks, and in one multipart put) and download throughput of `databricks-transfer`,
//!   each against a bare loop sending the same requests with the same base64 work; many small files sent
//!   either way;
//! - peak heap while streaming 100,000 listed items, against collecting them all.
//!
//! Run with `cargo bench -p databricks-tests --bench runtime` (add `-- dbfs` for the DBFS part alone). Prints
//! figures and ratios; asserts nothing about time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::{Client, models};
use databricks_tests::TOKEN;
use databricks_tests::fake_workspace::FakeWorkspace;
use databricks_tests::mock::client_with_budget;
use databricks_tests::plain_server::{LISTED_ITEMS, PAGE_SIZE, start_plain_server};
use databricks_transfer::{DBFS_BLOCK_SIZE, DownloadOptions, UploadOptions};
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

const DBFS_SIZE: usize = 64 * 1024 * 1024;
/// Each DBFS figure is the median of this many rounds, the bare loop and the SDK taking turns to go first.
const DBFS_ROUNDS: usize = 5;
/// Many small files, as `dbr fs cp -r` of a folder sends them (one after another here).
const SMALL_FILES: usize = 200;
const SMALL_SIZE: usize = 64 * 1024;

/// Bare reqwest calls to the fake's DBFS API: no checks, no retries, no temporary files.
struct BareDbfs {
    http: reqwest::Client,
    host: String,
}

impl BareDbfs {
    async fn send(&self, request: reqwest::RequestBuilder) -> Vec<u8> {
        let answer = request
            .header("authorization", format!("Bearer {TOKEN}"))
            .send()
            .await
            .expect("sent");
        let status = answer.status();
        let body = answer.bytes().await.expect("an answer").to_vec();
        assert!(status.is_success(), "{status}: {}", String::from_utf8_lossy(&body));
        body
    }

    fn url(&self, endpoint: &str) -> String {
        format!("{}/api/2.0/dbfs/{endpoint}", self.host)
    }

    async fn post(&self, endpoint: &str, body: impl Into<reqwest::Body>) -> Vec<u8> {
        let request = self
            .http
            .post(self.url(endpoint))
            .header("content-type", "application/json")
            .body(body);
        self.send(request).await
    }

    /// The existence check every upload starts with; here the path is always new. (The bench's paths need
    /// no percent-encoding.)
    async fn check_missing(&self, path: &str) {
        let answer = self
            .http
            .get(format!("{}?path={path}", self.url("get-status")))
            .header("authorization", format!("Bearer {TOKEN}"))
            .send()
            .await
            .expect("sent");
        assert_eq!(answer.status(), 404, "{path} is new");
    }

    /// The requests of an upload in blocks: `get-status`, `create`, one `add-block` per block read from the
    /// file and encoded into its JSON body, `close`.
    async fn upload_blocks(&self, local: &Path, path: &str) {
        self.check_missing(path).await;
        let created: Value = serde_json::from_slice(&self.post("create", json!({"path": path}).to_string()).await)
            .expect("a JSON answer");
        let handle = created["handle"].as_i64().expect("a handle");
        let mut file = tokio::fs::File::open(local).await.expect("open");
        let mut block = vec![0; DBFS_BLOCK_SIZE];
        loop {
            let filled = read_full(&mut file, &mut block).await;
            if filled == 0 {
                break;
            }
            let mut body = format!("{{\"handle\":{handle},\"data\":\"");
            BASE64.encode_string(&block[..filled], &mut body);
            body.push_str("\"}");
            self.post("add-block", body).await;
            if filled < block.len() {
                break;
            }
        }
        self.post("close", json!({"handle": handle}).to_string()).await;
    }

    /// The requests of an upload in one piece: `get-status`, then one multipart `put` of the file.
    async fn upload_put(&self, local: &Path, path: &str) {
        self.check_missing(path).await;
        let content = tokio::fs::read(local).await.expect("read");
        let form = reqwest::multipart::Form::new().text("path", path.to_owned()).part(
            "contents",
            reqwest::multipart::Part::bytes(content)
                .file_name("file")
                .mime_str("application/octet-stream")
                .expect("a media type"),
        );
        self.send(self.http.post(self.url("put")).multipart(form)).await;
    }

    /// `read` calls of one block each, decoded and written to `local`.
    async fn download(&self, path: &str, size: usize, local: &Path) {
        let mut downloaded = Vec::with_capacity(size);
        while downloaded.len() < size {
            let offset = downloaded.len();
            let url = format!(
                "{}?path={path}&offset={offset}&length={DBFS_BLOCK_SIZE}",
                self.url("read")
            );
            let request = self.http.get(url);
            let slice: Value = serde_json::from_slice(&self.send(request).await).expect("a JSON answer");
            downloaded.extend(BASE64.decode(slice["data"].as_str().expect("data")).expect("base64"));
        }
        tokio::fs::write(local, &downloaded).await.expect("write");
    }

    /// Removes everything below `/bench`, between rounds, so the fake holds one round's files at most.
    async fn clear(&self) {
        self.post("delete", json!({"path": "/bench", "recursive": true}).to_string())
            .await;
    }
}

/// Reads until `buffer` is full or the file ends.
async fn read_full(file: &mut tokio::fs::File, buffer: &mut [u8]) -> usize {
    use tokio::io::AsyncReadExt;
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]).await.expect("read") {
            0 => break,
            read => filled += read,
        }
    }
    filled
}

/// Times of one kind of work, round by round: the bare loop's and the SDK's.
#[derive(Default)]
struct Paired {
    bare: Vec<Duration>,
    sdk: Vec<Duration>,
}

impl Paired {
    /// Runs `bare` and `sdk` once each, `bare_first` saying in which order.
    async fn time<B: Future<Output = ()>, S: Future<Output = ()>>(&mut self, bare_first: bool, bare: B, sdk: S) {
        if bare_first {
            self.bare.push(timed(bare).await);
            self.sdk.push(timed(sdk).await);
        } else {
            let sdk_time = timed(sdk).await;
            self.bare.push(timed(bare).await);
            self.sdk.push(sdk_time);
        }
    }

    /// One line: the median of each side, the ratio of the medians, and the lowest and highest per-round
    /// ratio (the spread).
    fn print(&self, what: &str, bytes: usize, bare_name: &str, sdk_name: &str) {
        let (bare, sdk) = (median(&self.bare), median(&self.sdk));
        let mut ratios: Vec<f64> = self
            .sdk
            .iter()
            .zip(&self.bare)
            .map(|(sdk, bare)| sdk.as_secs_f64() / bare.as_secs_f64())
            .collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "  {what:<28} {bare_name} {:7.1} ms ({:6.1} MiB/s), {sdk_name} {:7.1} ms ({:6.1} MiB/s): time ratio {:.2} \
             (rounds {:.2}–{:.2})",
            bare.as_secs_f64() * 1e3,
            mib_per_second(bytes, bare),
            sdk.as_secs_f64() * 1e3,
            mib_per_second(bytes, sdk),
            sdk.as_secs_f64() / bare.as_secs_f64(),
            ratios[0],
            ratios[ratios.len() - 1],
        );
    }
}

async fn timed(work: impl Future<Output = ()>) -> Duration {
    let started = Instant::now();
    work.await;
    started.elapsed()
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// `len` bytes that do not repeat within a block.
fn payload(len: usize, seed: usize) -> Vec<u8> {
    (0..len)
        .map(|index| ((index ^ seed).wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

/// Each upload path of `databricks-transfer` against a bare loop sending the same requests (blocks through
/// `upload_reader`, which always sends blocks; one multipart `put` through `upload` of a file), the download
/// against a bare loop of reads, and many small files sent either way.
async fn dbfs_throughput() {
    let workspace = FakeWorkspace::start().await;
    let sdk = workspace.client(Duration::from_secs(30));
    let bare = BareDbfs {
        http: reqwest::Client::new(),
        host: workspace.uri(),
    };
    let directory = tempfile::tempdir().expect("a scratch directory");
    let local = directory.path().join("payload.bin");
    let content = payload(DBFS_SIZE, 0);
    std::fs::write(&local, &content).expect("payload written");
    let small: Vec<PathBuf> = (0..SMALL_FILES)
        .map(|index| {
            let path = directory.path().join(format!("small-{index}.bin"));
            std::fs::write(&path, payload(SMALL_SIZE, index)).expect("small file written");
            path
        })
        .collect();
    let options = UploadOptions::default();
    let upload_reader = |local: &Path, path: &'static str| {
        let (sdk, options) = (&sdk, &options);
        let local = local.to_owned();
        async move {
            let file = tokio::fs::File::open(local).await.expect("open");
            databricks_transfer::upload_reader(sdk, file, path, options)
                .await
                .expect("upload in blocks");
        }
    };
    // The fake's answers warm up, and the SDK's connection pool with them.
    bare.upload_blocks(&small[0], "/bench/warm-bare.bin").await;
    upload_reader(&small[0], "/bench/warm-sdk.bin").await;
    bare.clear().await;

    let (mut blocks, mut put, mut download) = (Paired::default(), Paired::default(), Paired::default());
    let (mut small_put, mut small_ways) = (Paired::default(), Paired::default());
    let sdk_copy = directory.path().join("sdk-copy.bin");
    let bare_copy = directory.path().join("bare-copy.bin");
    for round in 0..DBFS_ROUNDS {
        let bare_first = round % 2 == 0;
        blocks
            .time(
                bare_first,
                bare.upload_blocks(&local, "/bench/bare-blocks.bin"),
                upload_reader(&local, "/bench/sdk-blocks.bin"),
            )
            .await;
        assert!(workspace.dbfs_file("/bench/sdk-blocks.bin").as_deref() == Some(&content[..]));
        assert!(workspace.dbfs_file("/bench/bare-blocks.bin").as_deref() == Some(&content[..]));
        put.time(bare_first, bare.upload_put(&local, "/bench/bare-put.bin"), async {
            databricks_transfer::upload(&sdk, &local, "/bench/sdk-put.bin", &options)
                .await
                .expect("upload in one put");
        })
        .await;
        assert!(workspace.dbfs_file("/bench/sdk-put.bin").as_deref() == Some(&content[..]));
        download
            .time(
                bare_first,
                bare.download("/bench/sdk-blocks.bin", DBFS_SIZE, &bare_copy),
                async {
                    databricks_transfer::download(
                        &sdk,
                        "/bench/sdk-blocks.bin",
                        &sdk_copy,
                        &DownloadOptions::default(),
                    )
                    .await
                    .expect("download");
                },
            )
            .await;
        assert!(std::fs::read(&sdk_copy).expect("copy") == content);
        bare.clear().await;

        let sdk_puts = async {
            for (index, local) in small.iter().enumerate() {
                let path = format!("/bench/small/sdk-put-{index}.bin");
                databricks_transfer::upload(&sdk, local, &path, &options)
                    .await
                    .expect("upload in one put");
            }
        };
        let bare_puts = async {
            for (index, local) in small.iter().enumerate() {
                bare.upload_put(local, &format!("/bench/small/bare-put-{index}.bin"))
                    .await;
            }
        };
        small_put.time(bare_first, bare_puts, sdk_puts).await;
        bare.clear().await;
        // Against the SDK's puts again: "bare" is the put here, "sdk" the blocks.
        let puts = async {
            for (index, local) in small.iter().enumerate() {
                let path = format!("/bench/small/put-{index}.bin");
                databricks_transfer::upload(&sdk, local, &path, &options)
                    .await
                    .expect("upload in one put");
            }
        };
        let in_blocks = async {
            for (index, local) in small.iter().enumerate() {
                let path = format!("/bench/small/blocks-{index}.bin");
                let file = tokio::fs::File::open(local).await.expect("open");
                databricks_transfer::upload_reader(&sdk, file, &path, &options)
                    .await
                    .expect("upload in blocks");
            }
        };
        small_ways.time(bare_first, puts, in_blocks).await;
        bare.clear().await;
    }

    println!(
        "DBFS transfer of {} MiB against the local fake (1 MiB blocks), median of {DBFS_ROUNDS} interleaved rounds",
        DBFS_SIZE / (1024 * 1024)
    );
    let (bare, sdk) = ("bare", "databricks-transfer");
    blocks.print("upload in blocks:", DBFS_SIZE, bare, sdk);
    put.print("upload in one multipart put:", DBFS_SIZE, bare, sdk);
    download.print("download:", DBFS_SIZE, bare, sdk);
    println!(
        "{SMALL_FILES} files of {} KiB uploaded one after another",
        SMALL_SIZE / 1024
    );
    small_put.print("each in one put:", SMALL_FILES * SMALL_SIZE, bare, sdk);
    small_ways.print("blocks against put (SDK):", SMALL_FILES * SMALL_SIZE, "put", "blocks");
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
    // `cargo bench -p databricks-tests --bench runtime -- dbfs` runs only the parts whose name holds `dbfs`.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|argument| !argument.starts_with("--"))
        .collect();
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|filter| name.contains(filter.as_str()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        // Memory first, while nothing else is being freed in the background.
        if wanted("streaming_memory") {
            streaming_memory().await;
        }
        if wanted("request_overhead") {
            request_overhead().await;
        }
        if wanted("dbfs_throughput") {
            dbfs_throughput().await;
        }
    });
}
