//! The Unity Catalog lists page with `max_results` and `page_token`: their `*_all` streams follow
//! `next_page_token` from page to page and read the items from the property the spec names.

use databricks_client::models;
use databricks_tests::mock::{self, received};
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A server answering the first request with `first` and a request carrying `page_token=next` with `last`.
async fn two_pages(first: Value, last: Value) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(move |request: &Request| {
            let token = request.url.query_pairs().find(|(key, _)| key == "page_token");
            match token.as_ref().map(|(_, value)| value.as_ref()) {
                None => ResponseTemplate::new(200).set_body_json(first.clone()),
                Some("next") => ResponseTemplate::new(200).set_body_json(last.clone()),
                Some(other) => ResponseTemplate::new(400).set_body_string(format!("unexpected token {other}")),
            }
        })
        .mount(&server)
        .await;
    server
}

/// The query of every request the server received, in order.
async fn queries(server: &MockServer) -> Vec<Vec<(String, String)>> {
    received(server)
        .await
        .into_iter()
        .map(|request| request.query)
        .collect()
}

fn pairs(values: &[(&str, &str)]) -> Vec<(String, String)> {
    values
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

#[tokio::test]
async fn tables_list_all_follows_the_page_token_keeping_the_filters() {
    let server = two_pages(
        json!({"tables": [{"name": "a"}, {"name": "b"}], "next_page_token": "next"}),
        json!({"tables": [{"name": "c"}]}),
    )
    .await;
    let params = models::TablesListParams {
        max_results: Some(2),
        omit_columns: Some(true),
        ..Default::default()
    };
    let tables = mock::client(&server)
        .tables()
        .list_all("sales", "orders", &params)
        .try_collect()
        .await
        .expect("every page");
    let names: Vec<_> = tables.iter().filter_map(|table| table.name.as_deref()).collect();
    assert_eq!(names, ["a", "b", "c"]);
    let first = [
        ("catalog_name", "sales"),
        ("schema_name", "orders"),
        ("max_results", "2"),
        ("omit_columns", "true"),
    ];
    assert_eq!(queries(&server).await[0], pairs(&first));
    assert!(queries(&server).await[1].contains(&("page_token".to_owned(), "next".to_owned())));
}

#[tokio::test]
async fn grants_get_all_reads_the_privilege_assignments_of_every_page() {
    let server = two_pages(
        json!({"privilege_assignments": [{"principal": "data-analysts", "privileges": ["SELECT"]}],
               "next_page_token": "next"}),
        json!({"privilege_assignments": [{"principal": "sales-engineers", "privileges": ["MODIFY"]}]}),
    )
    .await;
    let params = models::GrantsGetParams {
        max_results: Some(150),
        ..Default::default()
    };
    let assignments = mock::client(&server)
        .grants()
        .get_all("catalog", "sales", &params)
        .try_collect()
        .await
        .expect("every page");
    let principals: Vec<_> = assignments
        .iter()
        .filter_map(|assignment| assignment.principal.as_deref())
        .collect();
    assert_eq!(principals, ["data-analysts", "sales-engineers"]);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert!(
        requests
            .iter()
            .all(|request| request.path == "/api/2.1/unity-catalog/permissions/catalog/sales")
    );
}
