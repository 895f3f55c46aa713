//! Current user (`/api/2.0/preview/scim/v2/Me`): who the credentials belong to, as a SCIM user record.

use super::Case;

pub const CASES: &[Case] = &[Case {
    operation: "currentUser.me",
    method: "GET",
    path: "/api/2.0/preview/scim/v2/Me",
    query: &[("attributes", "id,userName,displayName,groups,schemas")],
    body: None,
    // A schema URN and a field this spec does not know.
    response: r#"{
      "id": "6340712365443129",
      "userName": "jane.doe@example.com",
      "displayName": "Jane Doe",
      "groups": [
        {"display": "admins", "type": "direct", "value": "2248561397023561", "$ref": "Groups/2248561397023561"},
        {"display": "data-engineers", "type": "indirect", "value": "7820185474398402", "$ref": "Groups/7820185474398402"}
      ],
      "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
      ],
      "future_field": {"nested": [1, 2]}
    }"#,
    cli: &[
        "current-user",
        "me",
        "--attributes",
        "id,userName,displayName,groups,schemas",
    ],
}];
