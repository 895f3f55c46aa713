//! The `*_all` streams of paginated operations against local servers that page: by token (with an empty page
//! that still has a token, and a server that repeats a token), by offset (with items shifting between pages),
//! SCIM (1-based, honouring the caller's start), cluster events (the next request in each answer) and lists
//! that come in one answer.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use databricks_client::{Client, Error, models};
use databricks_runtime::{Method, Operation, Paging, PagingStyle};
use databricks_tests::mock::{client_with_budget, received};
use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    client_with_budget(&server.uri(), Duration::from_secs(2))
}

fn query(request: &Request) -> BTreeMap<String, String> {
    request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A server whose every answer is computed from the request by `answer`.
async fn paging_server(answer: impl Fn(&Request) -> Value + Send + Sync + 'static) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(move |request: &Request| ResponseTemplate::new(200).set_body_json(answer(request)))
        .mount(&server)
        .await;
    server
}

fn job(id: i64) -> Value {
    json!({"job_id": id, "settings": {"name": format!("job-{id}")}})
}

fn job_ids(jobs: &[models::BaseJob]) -> Vec<i64> {
    jobs.iter()
        .map(|job| job.job_id.expect("every job has an id"))
        .collect()
}

#[tokio::test]
async fn token_pages_are_followed_until_the_token_is_absent_even_past_an_empty_page() {
    let server = paging_server(|request| match query(request).get("page_token").map(String::as_str) {
        None => json!({"jobs": [job(1), job(2)], "next_page_token": "p2", "has_more": true}),
        // An empty page that still names a next one is not the end.
        Some("p2") => json!({"jobs": [], "next_page_token": "p3"}),
        Some("p3") => json!({"jobs": [job(3)], "next_page_token": ""}),
        Some(other) => panic!("unexpected token {other}"),
    })
    .await;
    let params = models::JobsListParams {
        limit: Some(2),
        ..Default::default()
    };
    let jobs = client(&server)
        .jobs()
        .list_all(&params)
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(job_ids(&jobs), [1, 2, 3]);

    let requests = received(&server).await;
    let tokens: Vec<Option<&str>> = requests
        .iter()
        .map(|request| {
            request
                .query
                .iter()
                .find(|(k, _)| k == "page_token")
                .map(|(_, v)| v.as_str())
        })
        .collect();
    assert_eq!(tokens, [None, Some("p2"), Some("p3")]);
    // The caller's other parameters go with every page.
    assert!(
        requests
            .iter()
            .all(|request| request.query.contains(&("limit".into(), "2".into())))
    );
}

#[tokio::test]
async fn a_required_query_argument_goes_with_every_page() {
    let server = paging_server(|request| match query(request).get("page_token").map(String::as_str) {
        None => json!({"metrics": [{"key": "loss", "value": 0.9, "step": 1}], "next_page_token": "p2"}),
        Some(_) => json!({"metrics": [{"key": "loss", "value": 0.4, "step": 2}]}),
    })
    .await;
    let params = models::ExperimentsGetHistoryParams {
        run_id: Some("run-1".into()),
        ..Default::default()
    };
    let metrics = client(&server)
        .experiments()
        .get_history_all("loss", &params)
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(
        metrics.iter().map(|metric| metric.step).collect::<Vec<_>>(),
        [Some(1), Some(2)]
    );
    let queries: Vec<BTreeMap<String, String>> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(query)
        .collect();
    assert_eq!(queries.len(), 2);
    for sent in &queries {
        assert_eq!(sent["metric_key"], "loss", "{sent:?}");
        assert_eq!(sent["run_id"], "run-1", "{sent:?}");
    }
}

#[tokio::test]
async fn a_repeated_page_token_ends_the_stream_with_an_error_not_a_loop() {
    let server = paging_server(|request| match query(request).get("page_token").map(String::as_str) {
        None => json!({"jobs": [job(1)], "next_page_token": "a"}),
        Some("a") => json!({"jobs": [job(2)], "next_page_token": "b"}),
        Some(_) => json!({"jobs": [job(3)], "next_page_token": "a"}),
    })
    .await;
    let mut stream = client(&server).jobs().list_all(&Default::default());
    let mut ids = Vec::new();
    let error = loop {
        match stream.next().await {
            Some(Ok(job)) => ids.push(job.job_id.expect("id")),
            Some(Err(error)) => break error,
            None => panic!("the stream ended without reporting the repeated token"),
        }
    };
    assert_eq!(ids, [1, 2, 3], "items before the repeat are delivered");
    assert!(
        matches!(
            error,
            Error::Pagination {
                operation: "jobs.list",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("already returned"), "{error}");
    assert!(stream.next().await.is_none(), "the error ends the stream");
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn pages_are_fetched_only_as_items_are_read() {
    let server = paging_server(|request| match query(request).get("page_token").map(String::as_str) {
        None => json!({"jobs": [job(1), job(2)], "next_page_token": "p2"}),
        _ => json!({"jobs": [job(3)]}),
    })
    .await;
    let client = client(&server);
    let mut stream = client.jobs().list_all(&Default::default());
    assert!(
        received(&server).await.is_empty(),
        "nothing is sent before the first read"
    );
    let first: Vec<_> = (&mut stream).take(2).collect().await;
    assert_eq!(first.len(), 2);
    assert_eq!(
        received(&server).await.len(),
        1,
        "the second page waits until it is needed"
    );
    assert_eq!(stream.next().await.expect("a third job").expect("ok").job_id, Some(3));
    assert!(stream.next().await.is_none());
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn an_error_on_a_later_page_is_reported_after_the_earlier_items() {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::query_param("page_token", "p2"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"error_code": "PERMISSION_DENIED", "message": "no access to the second page"})),
        )
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"jobs": [job(1)], "next_page_token": "p2"})))
        .mount(&server)
        .await;
    let mut stream = client(&server).jobs().list_all(&Default::default());
    assert_eq!(stream.next().await.expect("one job").expect("ok").job_id, Some(1));
    let error = stream
        .next()
        .await
        .expect("the error")
        .expect_err("the second page fails");
    assert_eq!(error.as_api().map(|api| api.status), Some(403));
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn scim_pages_start_where_the_caller_says_and_stop_at_the_total() {
    // Users 1..=7; the server gives at most 3 per page whatever `count` asks.
    let server = paging_server(|request| {
        let query = query(request);
        let start: usize = query
            .get("startIndex")
            .map_or(1, |value| value.parse().expect("a number"));
        let ids: Vec<Value> = (start..=7)
            .take(3)
            .map(|n| json!({"id": n.to_string(), "userName": format!("user{n}@example.com")}))
            .collect();
        json!({"totalResults": 7, "startIndex": start, "itemsPerPage": ids.len(), "Resources": ids})
    })
    .await;
    let params = models::UsersListParams {
        start_index: Some(2),
        count: Some(3),
        ..Default::default()
    };
    let users = client(&server)
        .users()
        .list_all(&params)
        .try_collect()
        .await
        .expect("every page");
    let ids: Vec<&str> = users.iter().filter_map(|user| user.id.as_deref()).collect();
    assert_eq!(ids, ["2", "3", "4", "5", "6", "7"]);
    let starts: Vec<String> = received(&server)
        .await
        .iter()
        .map(|request| {
            request
                .query
                .iter()
                .find(|(k, _)| k == "startIndex")
                .expect("start")
                .1
                .clone()
        })
        .collect();
    assert_eq!(starts, ["2", "5"], "no request past the total");
}

#[tokio::test]
async fn scim_items_repeated_by_a_shifting_page_are_listed_once() {
    // The second page repeats the last user of the first, as if a user had been created meanwhile.
    let server = paging_server(|request| {
        let page = match query(request).get("startIndex").map(String::as_str) {
            None | Some("1") => vec!["a", "b"],
            Some("3") => vec!["b", "c"],
            _ => vec![],
        };
        let resources: Vec<Value> = page.iter().map(|id| json!({"id": id})).collect();
        json!({"Resources": resources})
    })
    .await;
    let users = client(&server)
        .users()
        .list_all(&Default::default())
        .try_collect()
        .await
        .expect("pages");
    let ids: Vec<&str> = users.iter().filter_map(|user| user.id.as_deref()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        received(&server).await.len(),
        3,
        "an empty page ends a list without a total"
    );
}

#[tokio::test]
async fn cluster_events_send_each_answers_next_request() {
    let server = paging_server(|request| {
        let body: Value = serde_json::from_slice(&request.body).expect("a JSON body");
        match body.get("offset").and_then(Value::as_i64) {
            None => json!({
                "events": [{"cluster_id": "c1", "type": "CREATING"}],
                "next_page": {"cluster_id": "c1", "offset": 1, "limit": 1},
                "total_count": 2
            }),
            Some(1) => json!({"events": [{"cluster_id": "c1", "type": "RUNNING"}], "total_count": 2}),
            Some(other) => panic!("unexpected offset {other}"),
        }
    })
    .await;
    let request = models::GetEvents {
        limit: Some(1),
        ..models::GetEvents::new("c1")
    };
    let events = client(&server)
        .clusters()
        .events_all(&request)
        .try_collect()
        .await
        .expect("pages");
    let kinds: Vec<String> = events
        .iter()
        .filter_map(|event| event.type_.as_ref().map(|kind| kind.to_string()))
        .collect();
    assert_eq!(kinds, ["CREATING", "RUNNING"]);
    let bodies: Vec<Value> = received(&server)
        .await
        .into_iter()
        .filter_map(|request| request.body)
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"cluster_id": "c1", "limit": 1}),
            json!({"cluster_id": "c1", "offset": 1, "limit": 1})
        ]
    );
}

#[tokio::test]
async fn a_single_answer_list_is_one_request() {
    let server = paging_server(
        |_| json!({"files": [{"path": "/a", "is_dir": false, "file_size": 1}, {"path": "/b", "is_dir": true}]}),
    )
    .await;
    let files = client(&server)
        .dbfs()
        .list_all("/")
        .try_collect()
        .await
        .expect("one page");
    let paths: Vec<&str> = files.iter().filter_map(|file| file.path.as_deref()).collect();
    assert_eq!(paths, ["/a", "/b"]);
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_list_with_no_items_property_is_empty() {
    // Databricks leaves the property out of an empty answer.
    let server = paging_server(|_| json!({})).await;
    let jobs = client(&server)
        .jobs()
        .list_all(&Default::default())
        .try_collect()
        .await
        .expect("ok");
    assert!(jobs.is_empty());
}

/// Offset paging is not used by any operation of the spec today, so it is exercised on the runtime directly.
const OFFSET_LIST: Operation = Operation::new("things.list", Method::Get, "/api/2.0/things");
const OFFSET_PAGING: Paging = Paging {
    items: "things",
    in_body: false,
    style: PagingStyle::Offset {
        offset: "offset",
        id: Some("id"),
    },
};

#[tokio::test]
async fn offset_pages_advance_by_the_items_received_and_skip_shifted_repeats() {
    // Items shift by one between the first and second page (one was created at the front).
    let server = paging_server(|request| {
        let offset: usize = query(request)
            .get("offset")
            .map_or(0, |value| value.parse().expect("a number"));
        let things: Vec<Value> = match offset {
            0 => vec![json!({"id": 10}), json!({"id": 11})],
            2 => vec![json!({"id": 11}), json!({"id": 12})],
            4 => vec![json!({"id": 13})],
            _ => vec![],
        };
        json!({"things": things})
    })
    .await;
    let client = client(&server);
    let things: Vec<Value> = client
        .runtime()
        .request(&OFFSET_LIST)
        .params(&json!({"limit": 2}))
        .paginate(&OFFSET_PAGING)
        .try_collect()
        .await
        .expect("pages");
    let ids: Vec<i64> = things.iter().filter_map(|thing| thing["id"].as_i64()).collect();
    assert_eq!(ids, [10, 11, 12, 13]);
    let offsets: Vec<Option<String>> = received(&server)
        .await
        .iter()
        .map(|request| {
            request
                .query
                .iter()
                .find(|(k, _)| k == "offset")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert_eq!(offsets, [None, Some("2".into()), Some("4".into()), Some("5".into())]);
}

#[tokio::test]
async fn a_page_whose_items_are_not_a_list_is_an_error() {
    let server = paging_server(|_| json!({"jobs": {"job_id": 1}})).await;
    let error = client(&server)
        .jobs()
        .list_all(&Default::default())
        .try_collect()
        .await
        .expect_err("bad page");
    assert!(error.to_string().contains("`jobs` is an object, not a list"), "{error}");
}

#[tokio::test]
async fn streaming_many_pages_holds_one_page_at_a_time() {
    const PAGES: usize = 200;
    let calls = Arc::new(Mutex::new(0usize));
    let counter = calls.clone();
    let server = paging_server(move |request| {
        *counter.lock().expect("lock") += 1;
        let page: usize = query(request)
            .get("page_token")
            .map_or(0, |token| token.parse().expect("n"));
        let jobs: Vec<Value> = (0..50).map(|n| job((page * 50 + n) as i64)).collect();
        let next = (page + 1 < PAGES).then(|| (page + 1).to_string());
        json!({"jobs": jobs, "next_page_token": next})
    })
    .await;
    let mut stream = client(&server).jobs().list_all(&Default::default());
    let mut count = 0;
    let mut expected = 0;
    while let Some(job) = stream.next().await {
        assert_eq!(job.expect("ok").job_id, Some(expected));
        expected += 1;
        count += 1;
    }
    assert_eq!(count, PAGES * 50);
    assert_eq!(*calls.lock().expect("lock"), PAGES);
}
