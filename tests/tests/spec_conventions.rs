//! The house rules of `spec/` (spec/README.md), checked on the lowered API so a new service cannot quietly
//! skip one: every operation has a summary, the shared error response and a success body; every list
//! operation says how it pages; every operation is in the service its operationId names.

use databricks_tests::spec_api as api;
use generator::ir::{Api, HttpMethod, Operation, TypeRef};

/// Every operation with the service it belongs to.
fn operations(api: &Api) -> Vec<(&str, &Operation)> {
    api.services
        .iter()
        .flat_map(|service| {
            service
                .operations
                .iter()
                .map(move |operation| (service.tag.as_str(), operation))
        })
        .collect()
}

fn offenders(api: &Api, broken: impl Fn(&str, &Operation) -> bool) -> Vec<String> {
    operations(api)
        .into_iter()
        .filter(|(tag, operation)| broken(tag, operation))
        .map(|(_, operation)| {
            format!(
                "{} ({} {})",
                operation.id,
                operation.http_method.as_str(),
                operation.path
            )
        })
        .collect()
}

#[test]
fn every_operation_has_a_summary() {
    let missing = offenders(&api(), |_, operation| {
        operation
            .summary
            .as_deref()
            .is_none_or(|summary| summary.trim().is_empty())
    });
    assert!(missing.is_empty(), "operations without a summary: {missing:#?}");
}

#[test]
fn every_operation_answers_errors_with_the_databricks_error_body() {
    let error = Some(TypeRef::Named("Error".to_owned()));
    let missing = offenders(&api(), |_, operation| operation.error != error);
    assert!(
        missing.is_empty(),
        "operations without `default: {{$ref: '#/components/responses/Error'}}`: {missing:#?}"
    );
}

#[test]
fn every_operation_has_a_json_success_body() {
    // A download (the billable usage CSV) answers with the file itself; a `HEAD` answer never has a body.
    let missing = offenders(&api(), |_, operation| {
        operation.response.is_none() && operation.raw_response.is_none() && operation.http_method != HttpMethod::Head
    });
    assert!(
        missing.is_empty(),
        "operations without a JSON '200' body (use EmptyResponse for {{}}) or a declared file answer: {missing:#?}"
    );
}

/// A list answered with a bare JSON array (the Account API's) has nowhere to say more: it is everything at
/// once, and the method returns the `Vec` itself.
#[test]
fn every_list_operation_says_how_it_pages() {
    let missing = offenders(&api(), |_, operation| {
        let bare_array = matches!(operation.response, Some(TypeRef::List(_)));
        operation.method_name.starts_with("list") && operation.pagination.is_none() && !bare_array
    });
    assert!(
        missing.is_empty(),
        "list operations without `x-sdk-pagination` (use `style: none` for a single page): {missing:#?}"
    );
}

#[test]
fn operation_ids_name_their_service() {
    let misplaced = offenders(&api(), |tag, operation| {
        let prefix = operation
            .id
            .split_once('.')
            .map(|(prefix, _)| prefix)
            .unwrap_or_default();
        heck::ToKebabCase::to_kebab_case(prefix) != tag
    });
    assert!(
        misplaced.is_empty(),
        "operationIds not of the form `<service>.<method>` for their tag: {misplaced:#?}"
    );
}
