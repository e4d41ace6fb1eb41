//! Reads the settings file into a JSON value, noting every key an object
//! repeats. serde_json keeps a repeated key's last value without a word,
//! and in this file that would let a second `host_origin` or contact
//! `value` hide behind the first one a reviewer reads.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// The file read as JSON, with the path of every repeated key
/// (`contacts[0].label`), each once, in the order found.
pub struct Tree {
    /// The value, a repeated key holding its last value.
    pub value: Value,
    /// Where a key was repeated.
    pub repeated: Vec<String>,
}

/// Reads `text` as one JSON value. The error is serde_json's (with its
/// line and column); its nesting limit of 128 lists and objects keeps a
/// hostile file from exhausting the stack.
pub fn read(text: &str) -> Result<Tree, serde_json::Error> {
    let repeated = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Node {
        path: String::new(),
        repeated: &repeated,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(Tree {
        value,
        repeated: repeated.into_inner(),
    })
}

/// One value being read, and where it sits in the file.
struct Node<'a> {
    path: String,
    repeated: &'a RefCell<Vec<String>>,
}

impl<'a> Node<'a> {
    fn child(&self, path: String) -> Node<'a> {
        Node {
            path,
            repeated: self.repeated,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let child = self.child(format!("{}[{}]", self.path, items.len()));
            match seq.next_element_seed(child)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            let value = map.next_value_seed(self.child(path.clone()))?;
            if members.insert(key, value).is_some() {
                let mut repeated = self.repeated.borrow_mut();
                if !repeated.contains(&path) {
                    repeated.push(path);
                }
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_named_by_their_path() {
        let text = r#"{"a": 1, "b": [{"c": 1, "c": 2}, {"c": 3}], "a": 2, "a": 3, "d": {"e": {}, "e": 1}}"#;
        let Ok(tree) = read(text) else {
            panic!("not read");
        };
        assert_eq!(tree.repeated, ["b[0].c", "a", "d.e"]);
        assert_eq!(tree.value["a"], 3);
        assert_eq!(tree.value["b"][0]["c"], 2);
    }

    #[test]
    fn it_reads_what_serde_json_reads() {
        for text in [
            "null",
            "true",
            "-12",
            "18446744073709551615",
            "1.5e3",
            r#""\u00e9\n""#,
            r#"[1, [2, {"x": [null]}], {}]"#,
        ] {
            let ours = read(text).map(|t| t.value).ok();
            let theirs: Option<Value> = serde_json::from_str(text).ok();
            assert_eq!(ours, theirs, "{text}");
        }
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"\\x\""] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(read(&deep).is_err());
        let deep = "{\"a\":".repeat(100_000);
        assert!(read(&deep).is_err());
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(read(&fine).is_ok());
    }
}
