//! A compact copy of the parsed page for extraction: elements with their role from the
//! lexicon and their class/id verdict, text nodes with their collapsed length. Nodes are in
//! document order (a parent before its children), so a reverse walk is a bottom-up walk and
//! no recursion is needed however deep the markup nests.

use scraper::node::Node as HtmlNode;
use scraper::Html;

use super::lexicon::{HtmlLexicon, NameVerdict, Role};

#[derive(Debug, Clone)]
pub(super) struct Node {
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub(super) enum Kind {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone)]
pub(super) struct Element {
    pub tag: Box<str>,
    pub role: Role,
    pub names: NameVerdict,
    /// The class attribute (siblings sharing it with the chosen block get a bonus).
    pub class: Box<str>,
    /// Hidden by `hidden`, `aria-hidden` or an inline style: dropped like page furniture
    /// (a page may wrap its article in a hidden block that scripts reveal, so a looser
    /// attempt keeps it).
    pub hidden: bool,
    /// Images and embedded media directly or deeply inside (they are not kept as nodes).
    pub images: u32,
    pub embeds: u32,
    pub inputs: u32,
}

impl Node {
    pub(super) fn element(&self) -> Option<&Element> {
        match &self.kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }
    pub(super) fn role(&self) -> Option<Role> {
        self.element().map(|e| e.role)
    }
    pub(super) fn tag(&self) -> &str {
        self.element().map_or("", |e| &e.tag)
    }
}

/// The page as a flat tree; node 0 is the root element (`html`).
#[derive(Debug, Clone, Default)]
pub(super) struct Dom {
    pub nodes: Vec<Node>,
}

/// Elements whose absence counts for cleaning (an image-heavy block is a gallery, a block
/// with form controls is a widget): counted on the nearest kept ancestor.
#[derive(Clone, Copy)]
enum Counted {
    Image,
    Embed,
    Input,
}

fn counted(tag: &str) -> Option<Counted> {
    match tag {
        "img" | "picture" => Some(Counted::Image),
        "iframe" | "object" | "embed" | "video" | "audio" => Some(Counted::Embed),
        "input" | "select" | "textarea" | "button" => Some(Counted::Input),
        _ => None,
    }
}

fn hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

impl Dom {
    pub(super) fn build(html: &Html, lex: &HtmlLexicon) -> Self {
        let mut dom = Dom::default();
        let root = html.root_element();
        // (scraper node, parent index in our arena)
        let mut stack = vec![(*root, None::<usize>)];
        while let Some((node, parent)) = stack.pop() {
            let idx = match node.value() {
                HtmlNode::Text(t) => {
                    let Some(p) = parent else { continue };
                    dom.push(Some(p), Kind::Text(t.to_string()));
                    continue;
                }
                HtmlNode::Element(el) => {
                    let tag = el.name();
                    let role = lex.role(tag);
                    if role == Role::Drop {
                        if let (Some(p), Some(c)) = (parent, counted(tag)) {
                            dom.count(p, c);
                        }
                        continue;
                    }
                    let class = el.attr("class").unwrap_or("");
                    let names = lex.judge(&[
                        class,
                        el.attr("id").unwrap_or(""),
                        el.attr("itemprop").unwrap_or(""),
                    ]);
                    dom.push(
                        parent,
                        Kind::Element(Element {
                            tag: tag.into(),
                            role,
                            names,
                            class: class.into(),
                            hidden: hidden(el),
                            images: 0,
                            embeds: 0,
                            inputs: 0,
                        }),
                    )
                }
                _ => continue,
            };
            // push children in reverse so they pop in document order
            let kids: Vec<_> = node.children().collect();
            for k in kids.into_iter().rev() {
                stack.push((k, Some(idx)));
            }
        }
        dom.sum_counts();
        dom
    }

    fn push(&mut self, parent: Option<usize>, kind: Kind) -> usize {
        let idx = self.nodes.len();
        self.nodes.push(Node {
            parent,
            children: Vec::new(),
            kind,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(idx);
        }
        idx
    }

    /// Count a dropped element on its parent only; [`Self::sum_counts`] carries the counts up
    /// once the tree is built (walking every ancestor here was quadratic in the nesting depth:
    /// images under 50,000 nested blocks took billions of steps).
    fn count(&mut self, at: usize, what: Counted) {
        if let Kind::Element(e) = &mut self.nodes[at].kind {
            match what {
                Counted::Image => e.images = e.images.saturating_add(1),
                Counted::Embed => e.embeds = e.embeds.saturating_add(1),
                Counted::Input => e.inputs = e.inputs.saturating_add(1),
            }
        }
    }

    /// Add every element's counts to its parent's, bottom-up (a parent precedes its children
    /// in `nodes`, so a reverse walk sees each subtree complete before its root).
    fn sum_counts(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            let (Some(p), Kind::Element(e)) = (self.nodes[i].parent, &self.nodes[i].kind) else {
                continue;
            };
            let (im, em, inp) = (e.images, e.embeds, e.inputs);
            if let Kind::Element(pe) = &mut self.nodes[p].kind {
                pe.images = pe.images.saturating_add(im);
                pe.embeds = pe.embeds.saturating_add(em);
                pe.inputs = pe.inputs.saturating_add(inp);
            }
        }
    }

    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Ancestors of `i`, nearest first.
    pub(super) fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[i].parent, move |&p| self.nodes[p].parent)
    }
}

/// The number of characters of `s` once whitespace runs count as one.
pub(super) fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_builds_without_recursion() {
        let mut page = String::new();
        for _ in 0..20_000 {
            page.push_str("<div>");
        }
        page.push_str("deep");
        let html = Html::parse_document(&page);
        let dom = Dom::build(&html, HtmlLexicon::builtin().unwrap());
        assert!(dom.len() > 10);
    }

    #[test]
    fn dropped_images_are_counted_on_ancestors() {
        let html = Html::parse_document("<div><p>a<img src=x><img src=y></p></div>");
        let dom = Dom::build(&html, HtmlLexicon::builtin().unwrap());
        let div = dom.nodes.iter().find(|n| n.tag() == "div").unwrap();
        assert_eq!(div.element().unwrap().images, 2);
    }

    #[test]
    fn collapsed_length_counts_whitespace_runs_once() {
        assert_eq!(collapsed_len("a  \n b"), 3);
    }
}
