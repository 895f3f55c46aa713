//! `-o json` of an answer: the server's JSON text laid out on lines, with nothing else changed. Keys keep their
//! order, numbers their digits (`1.50`, `1e3`, integers past 64 bits) and strings their escapes, which a
//! round trip through typed values or `serde_json::Value` would not all keep.

/// `text`, a valid JSON document, indented by two spaces per level as `serde_json`'s pretty printer lays
/// out values (`"key": value`, empty objects and lists as `{}` and `[]`); every line after the first starts
/// with `base` more spaces, for an item inside a list.
pub(super) fn pretty(text: &str, base: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut depth = base;
    let mut chars = text.char_indices().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some((start, c)) = chars.next() {
        match c {
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                // Skip the whitespace inside, to see whether the value is empty.
                while chars.next_if(|(_, next)| next.is_ascii_whitespace()).is_some() {}
                out.push(c);
                if chars.next_if(|&(_, next)| next == close).is_some() {
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            '"' => {
                // A string, escapes and all, up to its closing quote.
                let mut end = text.len();
                let mut escaped = false;
                for (index, inner) in chars.by_ref() {
                    match inner {
                        _ if escaped => escaped = false,
                        '\\' => escaped = true,
                        '"' => {
                            end = index + 1;
                            break;
                        }
                        _ => {}
                    }
                }
                out.push_str(&text[start..end]);
            }
            c if c.is_ascii_whitespace() => {}
            // A number, `true`, `false` or `null`: copied up to the next delimiter.
            _ => {
                let mut end = start + c.len_utf8();
                while let Some((index, next)) =
                    chars.next_if(|&(_, next)| !matches!(next, ',' | ':' | ']' | '}') && !next.is_ascii_whitespace())
                {
                    end = index + next.len_utf8();
                }
                out.push_str(&text[start..end]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::pretty;

    #[test]
    fn lays_out_as_serde_json_does_for_values_it_would_print_the_same() {
        let documents = [
            r#"{"b":1,"a":[1,2,{"c":null}],"e":{},"f":[],"g":"x\"y\\","h":true,"i":-2.5}"#,
            r#"[]"#,
            r#"{}"#,
            r#""text""#,
            r#"42"#,
            r#"[[],[{}],{"a":{"b":{"c":[false]}}}]"#,
            " { \"spaced\" : [ 1 , 2 ] , \"empty\" : { } , \"list\" : [ ] } ",
            r#"{"unicode":"é ü \u00e9","key with: colon, and comma":"{[]}"}"#,
        ];
        for document in documents {
            let value: Value = serde_json::from_str(document).expect("valid JSON");
            let expected = serde_json::to_string_pretty(&value).expect("prints");
            // serde_json reads `\u00e9` as `é`; compare on the text that differs only in escapes it keeps.
            if document.contains("\\u") {
                assert_eq!(pretty(document, 0).replace("\\u00e9", "é"), expected, "{document}");
            } else {
                assert_eq!(pretty(document, 0), expected, "{document}");
            }
        }
    }

    #[test]
    fn keeps_key_order_number_text_and_escapes() {
        let text = r#"{"zeta":1.50,"alpha":1e3,"big":123456789012345678901234567890,"s":"\u00e9\n","n":-0}"#;
        assert_eq!(
            pretty(text, 0),
            "{\n  \"zeta\": 1.50,\n  \"alpha\": 1e3,\n  \"big\": 123456789012345678901234567890,\n  \
             \"s\": \"\\u00e9\\n\",\n  \"n\": -0\n}"
        );
    }

    #[test]
    fn indents_every_line_after_the_first_by_the_base() {
        assert_eq!(pretty(r#"{"a":[1]}"#, 1), "{\n    \"a\": [\n      1\n    ]\n  }");
        assert_eq!(pretty(r#"{}"#, 1), "{}");
    }
}
