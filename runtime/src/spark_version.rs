//! Databricks Runtime version keys (a cluster's `spark_version`), and picking the newest one that fits.
//!
//! `GET /api/2.1/clusters/spark-versions` lists `(key, name)` pairs such as
//! `("13.3.x-gpu-ml-scala2.12", "13.3 LTS ML (includes Apache Spark 3.4.1, GPU, Scala 2.12)")`. The key is a
//! version head followed by `-`-separated flavour tokens; the name is prose, and the only place that says
//! "LTS". [`SparkVersion`] reads a key without rejecting unfamiliar ones (new flavours keep appearing) and
//! prints it back unchanged; [`latest`] picks from the list by a [`VersionFilter`].

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

const APACHE_SPARK_PREFIX: &str = "apache-spark-";
const CUSTOM_PREFIX: &str = "custom:";

/// A Databricks Runtime version key such as `13.3.x-photon-scala2.12`.
///
/// The key is kept as it came, so printing gives back exactly the parsed text, whatever its shape; the
/// accessors read what they recognise in it. Besides plain runtime keys there are the old
/// `apache-spark-2.4.x-scala2.11` form and `custom:` image keys, whose flavours are those of the runtime they
/// name. Ordering is by version number (10.4 after 9.1, keys without a number first), then by the whole key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SparkVersion {
    key: String,
    kind: Kind,
    /// Where the runtime part (version head and flavours) lies in `key`.
    runtime: Range<usize>,
    version: Option<Head>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Runtime,
    ApacheSpark,
    Custom,
}

/// The numbers of a version head: `13.3.x` is 13 and 3, `7.x` is 7 with a wildcard minor, `1.2.3` is 1 and 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Head {
    major: u32,
    minor: Option<u32>,
    minor_is_wildcard: bool,
}

impl SparkVersion {
    /// The key, exactly as parsed.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// `13` for `13.3.x-scala2.12`; `None` when the key has no version head.
    pub fn major(&self) -> Option<u32> {
        self.version.map(|head| head.major)
    }

    /// `3` for `13.3.x-scala2.12`; `None` when the key has no version head, no minor, or the `x` wildcard of
    /// [`Self::minor_is_wildcard`].
    pub fn minor(&self) -> Option<u32> {
        self.version.and_then(|head| head.minor)
    }

    /// Whether the minor is `x`, as in `7.x-snapshot-scala2.12`: a key that follows a whole major line. Such a
    /// key sorts below every numbered minor of its major, so it never outranks a release.
    pub fn minor_is_wildcard(&self) -> bool {
        self.version.is_some_and(|head| head.minor_is_wildcard)
    }

    /// The Scala version, `"2.12"` for `13.3.x-scala2.12`.
    pub fn scala(&self) -> Option<&str> {
        self.runtime_tokens().find_map(scala_of)
    }

    /// The tokens after the version head other than the Scala one, in key order: `gpu` and `ml` for
    /// `15.4.x-gpu-ml-scala2.12`, including ones this type has no accessor for (`snapshot`, ...). A key
    /// without a version head is all flavours.
    pub fn flavours(&self) -> impl Iterator<Item = &str> {
        let head = usize::from(self.version.is_some());
        self.runtime_tokens()
            .skip(head)
            .filter(|token| scala_of(token).is_none())
    }

    /// Machine Learning runtime (`-ml-`).
    pub fn is_ml(&self) -> bool {
        self.has_flavour("ml")
    }

    /// GPU runtime (`-gpu-`, an ML runtime for GPU nodes).
    pub fn is_gpu(&self) -> bool {
        self.has_flavour("gpu")
    }

    /// The CPU build of an ML runtime (`-cpu-ml-`).
    pub fn is_cpu(&self) -> bool {
        self.has_flavour("cpu")
    }

    /// Photon runtime (`-photon-`).
    pub fn is_photon(&self) -> bool {
        self.has_flavour("photon")
    }

    /// Extended Support Release (`-esr-`).
    pub fn is_esr(&self) -> bool {
        self.has_flavour("esr")
    }

    /// Genomics runtime (`-hls-`).
    pub fn is_hls(&self) -> bool {
        self.has_flavour("hls")
    }

    /// Runtime for Arm nodes such as AWS Graviton (`-aarch64-`).
    pub fn is_aarch64(&self) -> bool {
        self.has_flavour("aarch64")
    }

    /// The old `apache-spark-2.4.x-scala2.11` form: Apache Spark without the Databricks Runtime.
    pub fn is_apache_spark(&self) -> bool {
        self.kind == Kind::ApacheSpark
    }

    /// A custom image (`custom:...`).
    pub fn is_custom(&self) -> bool {
        self.kind == Kind::Custom
    }

    fn runtime_tokens(&self) -> std::str::Split<'_, char> {
        self.key[self.runtime.clone()].split('-')
    }

    fn has_flavour(&self, flavour: &str) -> bool {
        self.flavours().any(|token| token == flavour)
    }

    fn number(&self) -> (Option<u32>, Option<u32>) {
        (self.major(), self.minor())
    }
}

/// `"2.12"` for the token `scala2.12`.
fn scala_of(token: &str) -> Option<&str> {
    token
        .strip_prefix("scala")
        .filter(|version| version.starts_with(|c: char| c.is_ascii_digit()))
}

/// A custom key names the runtime it was built from between its first two `__`, as in
/// `custom:custom-local__13.x-snapshot-cpu-ml-scala2.12__unknown__head__...`. Without them, the runtime part is
/// whatever follows `custom:`.
fn custom_runtime(key: &str) -> Range<usize> {
    match key.find("__") {
        Some(at) => {
            let start = at + 2;
            let end = key[start..].find("__").map_or(key.len(), |length| start + length);
            start..end
        }
        None => CUSTOM_PREFIX.len()..key.len(),
    }
}

/// A version head is a number followed by dotted numbers or `x` wildcards; anything else is not one.
fn parse_head(head: &str) -> Option<Head> {
    let mut parts = head.split('.');
    let major = parse_number(parts.next()?)?;
    let rest: Vec<&str> = parts.collect();
    if !rest.iter().all(|part| *part == "x" || parse_number(part).is_some()) {
        return None;
    }
    let minor = rest.first().copied();
    Some(Head {
        major,
        minor: minor.and_then(parse_number),
        minor_is_wildcard: minor == Some("x"),
    })
}

/// Digits only: `u32::from_str` would also take a leading `+`.
fn parse_number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl FromStr for SparkVersion {
    type Err = ParseSparkVersionError;

    fn from_str(key: &str) -> Result<Self, Self::Err> {
        if key.is_empty() {
            return Err(ParseSparkVersionError);
        }
        let (kind, runtime) = if key.starts_with(APACHE_SPARK_PREFIX) {
            (Kind::ApacheSpark, APACHE_SPARK_PREFIX.len()..key.len())
        } else if key.starts_with(CUSTOM_PREFIX) {
            (Kind::Custom, custom_runtime(key))
        } else {
            (Kind::Runtime, 0..key.len())
        };
        let head = key[runtime.clone()].split('-').next().unwrap_or_default();
        Ok(SparkVersion {
            key: key.to_owned(),
            kind,
            version: parse_head(head),
            runtime,
        })
    }
}

impl fmt::Display for SparkVersion {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(&self.key)
    }
}

impl Ord for SparkVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.number()
            .cmp(&other.number())
            .then_with(|| self.key.cmp(&other.key))
    }
}

impl PartialOrd for SparkVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for SparkVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key)
    }
}

impl<'de> Deserialize<'de> for SparkVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(de::Error::custom)
    }
}

/// The one key [`SparkVersion`] refuses: the empty string.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseSparkVersionError;

impl fmt::Display for ParseSparkVersionError {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a Databricks Runtime version key (spark_version) cannot be empty")
    }
}

impl std::error::Error for ParseSparkVersionError {}

/// Which runtimes [`latest`] may pick. The default is a standard runtime: no ML, GPU, Photon, Genomics or Arm
/// flavour, not a beta, not an `apache-spark-` or custom key, any Scala and Spark version, LTS or not.
///
/// The flags are exact, as in the other Databricks SDKs: `true` requires and `false` excludes, so asking for
/// ML alone never returns a GPU ML runtime. Only `long_term_support` narrows one way; `false` allows both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionFilter {
    /// Only long-term support releases: "LTS" in the name, or an Extended Support (`-esr-`) key.
    pub long_term_support: bool,
    /// Machine Learning runtimes (`-ml-`).
    pub ml: bool,
    /// GPU runtimes (`-gpu-`); these are ML runtimes, so set `ml` too.
    pub gpu: bool,
    /// Photon runtimes (`-photon-`).
    pub photon: bool,
    /// Genomics runtimes (`-hls-`), which the other SDKs call `genomics`.
    pub hls: bool,
    /// Arm runtimes (`-aarch64-`), which the other SDKs call `graviton`.
    pub aarch64: bool,
    /// Beta releases ("Beta" in the name).
    pub beta: bool,
    /// The old `apache-spark-` keys.
    pub apache_spark: bool,
    /// Custom images (`custom:` keys).
    pub custom: bool,
    /// The Scala version, such as `"2.12"`; `None` takes any, and then of two keys differing only in Scala the
    /// later in text order (the newer Scala) wins.
    pub scala: Option<String>,
    /// The Apache Spark version the name says it includes, whole or by leading parts: `"3.5"` takes 3.5.0 and
    /// 3.5.2, not 3.50.
    pub spark: Option<String>,
}

impl VersionFilter {
    /// Whether the runtime `version`, listed under `name`, is one this filter takes. A key without a version
    /// number never is: it cannot be compared with the others.
    pub fn matches(&self, version: &SparkVersion, name: &str) -> bool {
        let long_term = name.contains("LTS") || version.is_esr();
        let beta = name.to_ascii_lowercase().contains("beta");
        version.major().is_some()
            && (long_term || !self.long_term_support)
            && version.is_ml() == self.ml
            && version.is_gpu() == self.gpu
            && version.is_photon() == self.photon
            && version.is_hls() == self.hls
            && version.is_aarch64() == self.aarch64
            && beta == self.beta
            && version.is_apache_spark() == self.apache_spark
            && version.is_custom() == self.custom
            && self.scala.as_deref().is_none_or(|scala| version.scala() == Some(scala))
            && self.spark.as_deref().is_none_or(|spark| includes_spark(name, spark))
    }
}

/// Whether a name such as `"12.2 LTS (includes Apache Spark 3.3.2, Scala 2.12)"` includes Spark `wanted`.
fn includes_spark(name: &str, wanted: &str) -> bool {
    name.split("Apache Spark ").skip(1).any(|rest| {
        let included = rest.split([',', ')', ' ']).next().unwrap_or_default();
        included == wanted || included.strip_prefix(wanted).is_some_and(|tail| tail.starts_with('.'))
    })
}

/// The newest key that `filter` takes among `versions`, the `(key, name)` pairs of
/// `GET /api/2.1/clusters/spark-versions`; `None` when it takes none. Newest is the [`SparkVersion`] order.
pub fn latest<'a>(
    versions: impl IntoIterator<Item = (&'a str, &'a str)>,
    filter: &VersionFilter,
) -> Option<SparkVersion> {
    versions
        .into_iter()
        .filter_map(|(key, name)| Some((key.parse::<SparkVersion>().ok()?, name)))
        .filter(|(version, name)| filter.matches(version, name))
        .map(|(version, _)| version)
        .max()
}

#[cfg(test)]
mod tests {
    use super::{SparkVersion, VersionFilter, latest};

    const EXAMPLES: &[&str] = &[
        "7.6.x-gpu-ml-scala2.12",
        "6.4.x-esr-scala2.11",
        "apache-spark-2.4.x-scala2.11",
        "13.3.x-photon-scala2.12",
        "10.4.x-cpu-ml-scala2.12",
        "11.3.x-aarch64-photon-scala2.12",
        "7.3.x-hls-scala2.12",
        "14.3.x-scala2.12",
        "15.4.x-gpu-ml-scala2.12",
        "16.4.x-aarch64-scala2.12",
        "custom:custom-local__13.x-snapshot-cpu-ml-scala2.12__unknown__head__7b2e1a__format-2.lz4",
    ];

    const ODD: &[&str] = &[
        "foo",
        "1.2.3",
        "7.x-snapshot-scala2.12",
        "-",
        "--",
        "13.3.x-",
        "13.3.x--ml",
        " 13.3.x-scala2.12 ",
        "+1.2.x",
        "99999999999.1.x-scala2.12",
        "custom:",
        "custom:my-image",
        "custom:a__",
        "apache-spark-",
        "Ünïcode-ml",
    ];

    fn parse(key: &str) -> SparkVersion {
        key.parse().unwrap()
    }

    #[test]
    fn every_key_prints_back_exactly() {
        for key in EXAMPLES.iter().chain(ODD) {
            let version = parse(key);
            assert_eq!(version.to_string(), *key);
            assert_eq!(version.as_str(), *key);
        }
    }

    #[test]
    fn serde_reads_and_writes_the_key_string() {
        for key in EXAMPLES.iter().chain(ODD) {
            let json = serde_json::to_string(key).unwrap();
            let version: SparkVersion = serde_json::from_str(&json).unwrap();
            assert_eq!(version, parse(key));
            assert_eq!(serde_json::to_string(&version).unwrap(), json);
        }
    }

    #[test]
    fn the_empty_key_is_the_only_error() {
        let error = "".parse::<SparkVersion>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "a Databricks Runtime version key (spark_version) cannot be empty"
        );
        let error = serde_json::from_str::<SparkVersion>(r#""""#).unwrap_err();
        assert!(error.to_string().contains("cannot be empty"), "{error}");
    }

    #[test]
    fn accessors_read_the_version_and_flavours() {
        let gpu_ml = parse("15.4.x-gpu-ml-scala2.12");
        assert_eq!((gpu_ml.major(), gpu_ml.minor()), (Some(15), Some(4)));
        assert!(gpu_ml.is_gpu() && gpu_ml.is_ml() && !gpu_ml.is_cpu() && !gpu_ml.is_photon());
        assert_eq!(gpu_ml.scala(), Some("2.12"));
        assert_eq!(gpu_ml.flavours().collect::<Vec<_>>(), ["gpu", "ml"]);
        assert!(!gpu_ml.minor_is_wildcard());

        let cpu_ml = parse("10.4.x-cpu-ml-scala2.12");
        assert!(cpu_ml.is_cpu() && cpu_ml.is_ml() && !cpu_ml.is_gpu());

        let arm_photon = parse("11.3.x-aarch64-photon-scala2.12");
        assert!(arm_photon.is_aarch64() && arm_photon.is_photon() && !arm_photon.is_ml());

        let esr = parse("6.4.x-esr-scala2.11");
        assert!(esr.is_esr() && !esr.is_hls());
        assert_eq!(esr.scala(), Some("2.11"));

        assert!(parse("7.3.x-hls-scala2.12").is_hls());

        let plain = parse("14.3.x-scala2.12");
        assert_eq!(plain.flavours().count(), 0);
        assert!(!plain.is_apache_spark() && !plain.is_custom());

        let apache = parse("apache-spark-2.4.x-scala2.11");
        assert!(apache.is_apache_spark());
        assert_eq!(
            (apache.major(), apache.minor(), apache.scala()),
            (Some(2), Some(4), Some("2.11"))
        );
    }

    #[test]
    fn wildcards_and_unknown_shapes_are_kept() {
        let snapshot = parse("7.x-snapshot-scala2.12");
        assert_eq!((snapshot.major(), snapshot.minor()), (Some(7), None));
        assert!(snapshot.minor_is_wildcard());
        assert_eq!(snapshot.flavours().collect::<Vec<_>>(), ["snapshot"]);

        let semver = parse("1.2.3");
        assert_eq!(
            (semver.major(), semver.minor(), semver.scala()),
            (Some(1), Some(2), None)
        );

        let word = parse("foo");
        assert_eq!((word.major(), word.minor(), word.scala()), (None, None, None));
        assert_eq!(word.flavours().collect::<Vec<_>>(), ["foo"]);

        assert_eq!(parse("+1.2.x").major(), None);
        assert_eq!(parse("99999999999.1.x-scala2.12").major(), None);
        assert_eq!(parse("13.3foo-ml").major(), None);
    }

    #[test]
    fn custom_keys_read_the_runtime_they_name() {
        let custom = parse(EXAMPLES[10]);
        assert!(custom.is_custom() && !custom.is_apache_spark());
        assert_eq!((custom.major(), custom.minor()), (Some(13), None));
        assert!(custom.minor_is_wildcard());
        assert!(custom.is_cpu() && custom.is_ml() && !custom.is_gpu());
        assert_eq!(custom.scala(), Some("2.12"));

        let opaque = parse("custom:my-image");
        assert!(opaque.is_custom());
        assert_eq!(opaque.major(), None);
        assert_eq!(opaque.flavours().collect::<Vec<_>>(), ["my", "image"]);
    }

    #[test]
    fn versions_order_by_number_not_text() {
        assert!(parse("10.4.x-scala2.12") > parse("9.1.x-scala2.12"));
        assert!(parse("13.10.x-scala2.12") > parse("13.3.x-scala2.12"));
        assert!(parse("7.0.x-scala2.12") > parse("7.x-snapshot-scala2.12"));
        assert!(parse("1.0.x") > parse("foo"));

        let mut keys: Vec<SparkVersion> = ["16.4.x-scala2.13", "9.1.x-scala2.12", "foo", "16.4.x-scala2.12"]
            .into_iter()
            .map(parse)
            .collect();
        keys.sort();
        let sorted: Vec<String> = keys.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            ["foo", "9.1.x-scala2.12", "16.4.x-scala2.12", "16.4.x-scala2.13"]
        );
    }

    /// A workspace's list, trimmed: the shapes and names as the API returns them.
    const LIST: &[(&str, &str)] = &[
        (
            "17.0.x-scala2.13",
            "17.0 Beta (includes Apache Spark 4.0.0, Scala 2.13)",
        ),
        ("16.4.x-scala2.12", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"),
        ("16.4.x-scala2.13", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.13)"),
        (
            "16.4.x-cpu-ml-scala2.12",
            "16.4 LTS ML (includes Apache Spark 3.5.2, Scala 2.12)",
        ),
        (
            "16.4.x-gpu-ml-scala2.12",
            "16.4 LTS ML (includes Apache Spark 3.5.2, GPU, Scala 2.12)",
        ),
        ("16.1.x-scala2.12", "16.1 (includes Apache Spark 3.5.0, Scala 2.12)"),
        ("15.4.x-scala2.12", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"),
        (
            "15.4.x-gpu-ml-scala2.12",
            "15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)",
        ),
        ("13.3.x-scala2.12", "13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"),
        (
            "13.3.x-photon-scala2.12",
            "13.3 LTS Photon (includes Apache Spark 3.4.1, Scala 2.12)",
        ),
        ("12.2.x-scala2.12", "12.2 LTS (includes Apache Spark 3.3.2, Scala 2.12)"),
        (
            "11.3.x-aarch64-photon-scala2.12",
            "11.3 LTS aarch64 Photon (includes Apache Spark 3.3.0, Scala 2.12)",
        ),
        (
            "10.4.x-cpu-ml-scala2.12",
            "10.4 LTS ML (includes Apache Spark 3.2.1, Scala 2.12)",
        ),
        ("9.1.x-scala2.12", "9.1 LTS (includes Apache Spark 3.1.2, Scala 2.12)"),
        (
            "7.3.x-hls-scala2.12",
            "7.3 LTS Genomics (includes Apache Spark 3.0.1, Scala 2.12)",
        ),
        (
            "6.4.x-esr-scala2.11",
            "6.4 Extended Support (includes Apache Spark 2.4.5, Scala 2.11)",
        ),
        (
            "apache-spark-2.4.x-scala2.11",
            "Light 2.4 (includes Apache Spark 2.4, Scala 2.11)",
        ),
        (
            "custom:custom-local__13.x-snapshot-scala2.12__unknown__head__7b2e1a__format-2.lz4",
            "custom-local__13.x-snapshot-scala2.12__unknown__head__7b2e1a__format-2.lz4",
        ),
        ("foo", "Something new"),
    ];

    fn pick(filter: VersionFilter) -> Option<String> {
        latest(LIST.iter().copied(), &filter).map(|version| version.to_string())
    }

    fn scala_2_12() -> Option<String> {
        Some("2.12".to_owned())
    }

    #[test]
    fn latest_lts() {
        let lts = VersionFilter {
            long_term_support: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(lts.clone()).as_deref(), Some("16.4.x-scala2.13"));
        let lts_scala_2_12 = VersionFilter {
            scala: scala_2_12(),
            ..lts
        };
        assert_eq!(pick(lts_scala_2_12).as_deref(), Some("16.4.x-scala2.12"));
    }

    #[test]
    fn latest_lts_ml_excludes_gpu() {
        let filter = VersionFilter {
            long_term_support: true,
            ml: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(filter).as_deref(), Some("16.4.x-cpu-ml-scala2.12"));
    }

    #[test]
    fn latest_gpu_ml() {
        let filter = VersionFilter {
            ml: true,
            gpu: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(filter).as_deref(), Some("16.4.x-gpu-ml-scala2.12"));
    }

    #[test]
    fn latest_photon_excludes_arm_unless_asked() {
        let photon = VersionFilter {
            photon: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(photon.clone()).as_deref(), Some("13.3.x-photon-scala2.12"));
        let arm_photon = VersionFilter {
            aarch64: true,
            ..photon
        };
        assert_eq!(pick(arm_photon).as_deref(), Some("11.3.x-aarch64-photon-scala2.12"));
    }

    #[test]
    fn latest_without_lts_takes_newer_non_lts_but_not_beta() {
        assert_eq!(pick(VersionFilter::default()).as_deref(), Some("16.4.x-scala2.13"));
        let scala_2_12 = VersionFilter {
            scala: scala_2_12(),
            ..VersionFilter::default()
        };
        assert_eq!(pick(scala_2_12).as_deref(), Some("16.4.x-scala2.12"));
        let beta = VersionFilter {
            beta: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(beta).as_deref(), Some("17.0.x-scala2.13"));
    }

    #[test]
    fn latest_by_included_spark_version() {
        let spark = |version: &str| VersionFilter {
            spark: Some(version.to_owned()),
            ..VersionFilter::default()
        };
        assert_eq!(pick(spark("3.5")).as_deref(), Some("16.4.x-scala2.13"));
        assert_eq!(pick(spark("3.5.0")).as_deref(), Some("16.1.x-scala2.12"));
        assert_eq!(pick(spark("3.4")).as_deref(), Some("13.3.x-scala2.12"));
        assert_eq!(pick(spark("3.")), None);
        assert_eq!(pick(spark("3.50")), None);
    }

    #[test]
    fn esr_apache_spark_and_custom_keys_only_when_asked() {
        let scala_2_11 = VersionFilter {
            long_term_support: true,
            scala: Some("2.11".to_owned()),
            ..VersionFilter::default()
        };
        assert_eq!(pick(scala_2_11.clone()).as_deref(), Some("6.4.x-esr-scala2.11"));
        let apache_spark = VersionFilter {
            long_term_support: false,
            apache_spark: true,
            ..scala_2_11
        };
        assert_eq!(pick(apache_spark).as_deref(), Some("apache-spark-2.4.x-scala2.11"));
        let custom = VersionFilter {
            custom: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(custom).as_deref(), Some(LIST[17].0));
    }

    #[test]
    fn latest_is_none_when_nothing_matches() {
        let gpu_genomics = VersionFilter {
            ml: true,
            gpu: true,
            hls: true,
            ..VersionFilter::default()
        };
        assert_eq!(pick(gpu_genomics), None);
        let lts_scala_2_10 = VersionFilter {
            long_term_support: true,
            scala: Some("2.10".to_owned()),
            ..VersionFilter::default()
        };
        assert_eq!(pick(lts_scala_2_10), None);
        assert_eq!(latest([], &VersionFilter::default()), None);
    }
}
