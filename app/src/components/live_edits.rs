//! What a person was doing in a live region when the server's fresh HTML replaced it: the
//! values typed or chosen in its fields (a search term not yet submitted, a filter being set
//! up), which folds (`<details id=…>`) were open, and the focus. Taken before the swap, put back on the new fields after it; a field
//! the swap kept (inside an unchanged island) still holds its own.

/// How a field is found again after the swap: by its `id`, or by its form's `id` and its
/// `name` (and, for a checkbox or radio button, its `value`). `None`: it cannot be found again.
#[cfg_attr(feature = "ssr", allow(dead_code))]
fn selector_for(
    id: &str,
    form_id: Option<&str>,
    name: Option<&str>,
    choice: Option<&str>,
) -> Option<String> {
    if !id.is_empty() {
        return Some(format!("[id={}]", quoted(id)));
    }
    let mut selector = format!("form[id={}] [name={}]", quoted(form_id?), quoted(name?));
    if let Some(value) = choice {
        selector.push_str(&format!("[value={}]", quoted(value)));
    }
    Some(selector)
}

/// A CSS string: an id, name or value from the server, quoted for an attribute selector.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(not(feature = "ssr"))]
pub use browser::Edits;

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::selector_for;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

    enum Edit {
        Value(String),
        Checked(bool),
    }

    /// The focused field: the element, how to find its replacement, the caret.
    struct Focused {
        element: Element,
        selector: Option<String>,
        caret: Option<(u32, u32)>,
    }

    /// The fields a person changed in a region, the folds' states, and the focused field.
    pub struct Edits {
        changed: Vec<(Element, String, Edit)>,
        folds: Vec<(Element, String, bool)>,
        focus: Option<Focused>,
    }

    fn selector(el: &Element, choice: Option<&str>) -> Option<String> {
        let form_id = el.closest("form[id]").ok().flatten().map(|f| f.id());
        let name = el.get_attribute("name");
        selector_for(&el.id(), form_id.as_deref(), name.as_deref(), choice)
    }

    /// A field's value when it differs from what the server rendered.
    fn edit_of(el: &Element) -> Option<(Option<String>, Edit)> {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            return match input.type_().as_str() {
                "hidden" | "submit" | "button" | "reset" | "image" | "file" => None,
                "checkbox" | "radio" => (input.checked() != input.default_checked())
                    .then(|| (Some(input.value()), Edit::Checked(input.checked()))),
                _ => (input.value() != input.default_value())
                    .then(|| (None, Edit::Value(input.value()))),
            };
        }
        if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            return (Ok(area.value()) != area.default_value())
                .then(|| (None, Edit::Value(area.value())));
        }
        let select = el.dyn_ref::<HtmlSelectElement>()?;
        let rendered = el
            .query_selector("option[selected]")
            .ok()
            .flatten()
            .or_else(|| el.query_selector("option").ok().flatten())
            .map(|o| {
                o.get_attribute("value")
                    .unwrap_or_else(|| o.text_content().unwrap_or_default())
            })
            .unwrap_or_default();
        (select.value() != rendered).then(|| (None, Edit::Value(select.value())))
    }

    impl Edits {
        pub fn take(region: &Element) -> Edits {
            let mut changed = Vec::new();
            if let Ok(fields) = region.query_selector_all("input, select, textarea") {
                for i in 0..fields.length() {
                    let Some(el) = fields.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                        continue;
                    };
                    if let Some((choice, edit)) = edit_of(&el) {
                        if let Some(sel) = selector(&el, choice.as_deref()) {
                            changed.push((el, sel, edit));
                        }
                    }
                }
            }
            let mut folds = Vec::new();
            if let Ok(found) = region.query_selector_all("details[id]") {
                for i in 0..found.length() {
                    if let Some(el) = found.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let open = el.has_attribute("open");
                        folds.push((el.clone(), el.id(), open));
                    }
                }
            }
            let focus = document()
                .active_element()
                .filter(|el| region.contains(Some(el)))
                .map(|el| {
                    let range = el
                        .dyn_ref::<HtmlInputElement>()
                        .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
                    let sel = selector(
                        &el,
                        el.get_attribute("value").as_deref().filter(|_| {
                            matches!(
                                el.get_attribute("type").as_deref(),
                                Some("checkbox" | "radio")
                            )
                        }),
                    );
                    Focused {
                        element: el,
                        selector: sel,
                        caret: range,
                    }
                });
            Edits {
                changed,
                folds,
                focus,
            }
        }

        /// Puts the edits on the fields that replaced them (a field still in the page holds
        /// its own), then the focus.
        pub fn restore(self) {
            let find = |sel: &str| document().query_selector(sel).ok().flatten();
            for (el, sel, edit) in self.changed {
                if el.is_connected() {
                    continue;
                }
                let Some(now) = find(&sel) else { continue };
                match edit {
                    Edit::Checked(on) => {
                        if let Some(input) = now.dyn_ref::<HtmlInputElement>() {
                            input.set_checked(on);
                        }
                    }
                    Edit::Value(v) => {
                        if let Some(input) = now.dyn_ref::<HtmlInputElement>() {
                            input.set_value(&v);
                        } else if let Some(area) = now.dyn_ref::<HtmlTextAreaElement>() {
                            area.set_value(&v);
                        } else if let Some(select) = now.dyn_ref::<HtmlSelectElement>() {
                            select.set_value(&v);
                        }
                    }
                }
            }
            for (el, id, open) in self.folds {
                match document().get_element_by_id(&id) {
                    Some(now) if !el.is_connected() => {
                        let _ = match open {
                            true => now.set_attribute("open", ""),
                            false => now.remove_attribute("open"),
                        };
                    }
                    _ => {}
                }
            }
            let Some(Focused {
                element,
                selector,
                caret,
            }) = self.focus
            else {
                return;
            };
            let target = if element.is_connected() {
                Some(element)
            } else {
                selector.and_then(|s| find(&s))
            };
            if let Some(target) = target {
                if let Some(el) = target.dyn_ref::<HtmlElement>() {
                    let _ = el.focus();
                }
                if let (Some(input), Some((start, end))) =
                    (target.dyn_ref::<HtmlInputElement>(), caret)
                {
                    let _ = input.set_selection_range(start, end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_by_id_or_by_form_and_name() {
        assert_eq!(selector_for("q", None, None, None).unwrap(), r#"[id="q"]"#);
        assert_eq!(
            selector_for("", Some("filters"), Some("state"), None).unwrap(),
            r#"form[id="filters"] [name="state"]"#
        );
        assert_eq!(
            selector_for("", Some("f"), Some("shared"), Some("true")).unwrap(),
            r#"form[id="f"] [name="shared"][value="true"]"#
        );
        assert_eq!(
            selector_for("", None, Some("q"), None),
            None,
            "no form id: not found again"
        );
        assert_eq!(
            selector_for("", Some("f"), None, None),
            None,
            "no name: not found again"
        );
    }

    #[test]
    fn quotes_and_backslashes_stay_inside_the_css_string() {
        assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
