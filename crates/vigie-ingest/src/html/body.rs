//! Finding the article body: every run of paragraph text scores the blocks that hold it
//! (more for longer text and more commas, less for link-heavy blocks and furniture-named
//! ones); the best block and its worthy siblings are the article, cleaned of the link lists,
//! galleries and widgets inside it. This is the Readability method, with the class/id
//! vocabulary read from the lexicon. When the result is short the page is tried again with
//! fewer filters, and the longest result wins.

use super::dom::{collapsed_len, Dom, Kind};
use super::lexicon::Role;

/// Below this many characters an extraction is suspect and the next, looser attempt runs.
const ENOUGH_CHARS: usize = 500;
/// Text runs shorter than this are not paragraphs (labels, bylines, buttons).
const MIN_PARAGRAPH: usize = 25;
/// Scores are spread to this many ancestors.
const ANCESTOR_LEVELS: usize = 5;
/// A name's weight on a block's score.
const NAME_WEIGHT: f64 = 25.0;

#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_names: bool,
    clean: bool,
}

/// Per-node sums over the live subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    text: usize,
    link: usize,
    commas: usize,
    paras: usize,
    items: usize,
    headings: usize,
    list_text: usize,
    /// Text not inside a nested block (for blocks: the paragraph runs they hold directly).
    inline: usize,
    inline_commas: usize,
    has_block_child: bool,
}

fn is_blockish(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::Para | Role::Block | Role::Heading | Role::Item)
    )
}

/// The article body of a page as text, one paragraph a line.
pub(super) fn extract(dom: &Dom) -> String {
    if dom.len() == 0 {
        return String::new();
    }
    let attempts = [
        Flags {
            strip_unlikely: true,
            weight_names: true,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weight_names: true,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weight_names: false,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weight_names: false,
            clean: false,
        },
    ];
    let mut best = String::new();
    for flags in attempts {
        let text = Attempt::new(dom, flags).run();
        if text.chars().count() >= ENOUGH_CHARS {
            return text;
        }
        if text.len() > best.len() {
            best = text;
        }
    }
    best
}

struct Attempt<'d> {
    dom: &'d Dom,
    flags: Flags,
    alive: Vec<bool>,
    stats: Vec<Stats>,
    score: Vec<Option<f64>>,
}

impl<'d> Attempt<'d> {
    fn new(dom: &'d Dom, flags: Flags) -> Self {
        let n = dom.len();
        let mut alive = vec![true; n];
        for i in 0..n {
            let parent_alive = !matches!(dom.nodes[i].parent, Some(p) if !alive[p]);
            let unlikely = flags.strip_unlikely
                && dom.nodes[i].element().is_some_and(|e| {
                    e.hidden
                        || (e.names.remove
                            && !e.names.keep
                            && !matches!(&*e.tag, "html" | "body" | "article" | "main"))
                });
            alive[i] = parent_alive && !unlikely;
        }
        let mut a = Self {
            dom,
            flags,
            alive,
            stats: vec![Stats::default(); n],
            score: vec![None; n],
        };
        a.compute_stats();
        a
    }

    fn compute_stats(&mut self) {
        let dom = self.dom;
        for i in (0..dom.len()).rev() {
            if !self.alive[i] {
                continue;
            }
            let node = &dom.nodes[i];
            let mut s = self.stats[i];
            match &node.kind {
                Kind::Text(t) => {
                    s.text = collapsed_len(t);
                    s.commas = count_commas(t);
                    s.inline = s.text;
                    s.inline_commas = s.commas;
                }
                Kind::Element(e) => {
                    match e.role {
                        Role::Link => s.link = s.text,
                        Role::Para => s.paras += 1,
                        Role::Heading => s.headings += s.text,
                        Role::Item if &*e.tag == "li" => s.items += 1,
                        _ => {}
                    }
                    if matches!(&*e.tag, "ul" | "ol") {
                        s.list_text = s.text;
                    }
                }
            }
            self.stats[i] = s;
            if let Some(p) = node.parent {
                let child_block = is_blockish(node.role());
                let own = if child_block {
                    (0, 0)
                } else {
                    (s.inline, s.inline_commas)
                };
                let ps = &mut self.stats[p];
                ps.text += s.text;
                ps.link += s.link;
                ps.commas += s.commas;
                ps.paras += s.paras;
                ps.items += s.items;
                ps.headings += s.headings;
                ps.list_text += s.list_text;
                ps.inline += own.0;
                ps.inline_commas += own.1;
                ps.has_block_child |= child_block;
            }
        }
    }

    /// The inline text length and commas of a non-block node.
    fn inline_of(&self, i: usize) -> (usize, usize) {
        let s = &self.stats[i];
        (s.inline, s.inline_commas)
    }

    fn link_density(&self, i: usize) -> f64 {
        let s = &self.stats[i];
        if s.text == 0 {
            0.0
        } else {
            s.link as f64 / s.text as f64
        }
    }

    fn name_weight(&self, i: usize) -> f64 {
        if !self.flags.weight_names {
            return 0.0;
        }
        let Some(e) = self.dom.nodes[i].element() else {
            return 0.0;
        };
        let mut w = 0.0;
        if e.names.negative || e.names.remove {
            w -= NAME_WEIGHT;
        }
        if e.names.positive || e.names.keep {
            w += NAME_WEIGHT;
        }
        w
    }

    fn base_score(&self, i: usize) -> f64 {
        let tag_score = match self.dom.nodes[i].tag() {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag_score + self.name_weight(i)
    }

    fn add_score(&mut self, i: usize, amount: f64) {
        if self.dom.nodes[i].parent.is_none() {
            return; // the root element is never the article
        }
        let base = self.base_score(i);
        *self.score[i].get_or_insert(base) += amount;
    }

    fn score_paragraphs(&mut self) {
        let dom = self.dom;
        for i in 0..dom.len() {
            if !self.alive[i] {
                continue;
            }
            let Some(e) = dom.nodes[i].element() else {
                continue;
            };
            let own_run = match e.role {
                Role::Para | Role::Heading => true,
                Role::Item => &*e.tag == "td",
                Role::Block => !self.stats[i].has_block_child,
                _ => continue,
            };
            let (len, commas) = if own_run {
                (self.stats[i].text, self.stats[i].commas)
            } else {
                self.inline_of(i)
            };
            if len < MIN_PARAGRAPH {
                continue;
            }
            let unit = 1.0 + commas as f64 + (len / 100).min(3) as f64;
            // a run held directly by a mixed block scores the block as its parent
            let first = if own_run {
                dom.nodes[i].parent
            } else {
                Some(i)
            };
            let chain = first
                .into_iter()
                .chain(first.into_iter().flat_map(|f| dom.ancestors(f)))
                .take(ANCESTOR_LEVELS);
            let chain: Vec<usize> = chain.collect();
            for (level, a) in chain.into_iter().enumerate() {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                self.add_score(a, unit / divider);
            }
        }
        for i in 0..dom.len() {
            if let Some(s) = self.score[i] {
                self.score[i] = Some(s * (1.0 - self.link_density(i)));
            }
        }
    }

    fn body(&self) -> usize {
        (0..self.dom.len())
            .find(|&i| self.dom.nodes[i].tag() == "body")
            .unwrap_or(0)
    }

    fn top_candidate(&self) -> usize {
        let body = self.body();
        let mut ranked: Vec<(usize, f64)> = self
            .score
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
            .filter(|&(i, _)| self.alive[i])
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(5);
        let Some(&(mut top, top_score)) = ranked.first() else {
            return body;
        };
        if top == body {
            return body;
        }
        // several strong candidates under one ancestor: the ancestor is the article
        let strong: Vec<usize> = ranked[1..]
            .iter()
            .filter(|(_, s)| top_score > 0.0 && s / top_score >= 0.75)
            .map(|&(i, _)| i)
            .collect();
        if strong.len() >= 3 {
            // how many strong candidates each node holds, from one walk up from each (asking
            // every ancestor of `top` in turn was quadratic in the nesting depth)
            let mut holds = vec![0u8; self.dom.len()];
            for &c in &strong {
                for a in self.dom.ancestors(c) {
                    holds[a] += 1;
                }
            }
            let mut cur = self.dom.nodes[top].parent;
            while let Some(p) = cur {
                if p == body {
                    break;
                }
                if holds[p] >= 3 {
                    top = p;
                    break;
                }
                cur = self.dom.nodes[p].parent;
            }
        }
        // climb while the parent scores at least as well (the article split into parts)
        let mut last = self.score[top].unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut cur = self.dom.nodes[top].parent;
        while let Some(p) = cur {
            if p == body {
                break;
            }
            if let Some(ps) = self.score[p] {
                if ps < threshold {
                    break;
                }
                if ps > last {
                    top = p;
                    break;
                }
                last = ps;
            }
            cur = self.dom.nodes[p].parent;
        }
        // a lone child is its parent's whole content
        while let Some(p) = self.dom.nodes[top].parent {
            if p == body {
                break;
            }
            let live_elements = self.dom.nodes[p]
                .children
                .iter()
                .filter(|&&c| self.alive[c] && self.dom.nodes[c].element().is_some())
                .count();
            if live_elements != 1 {
                break;
            }
            top = p;
        }
        top
    }

    /// The top candidate and its siblings that belong to the article.
    fn gather(&self, top: usize) -> Vec<usize> {
        let Some(parent) = self.dom.nodes[top].parent else {
            return vec![top];
        };
        let top_score = self.score[top].unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.dom.nodes[top].element().map_or("", |e| &*e.class);
        let mut out = Vec::new();
        for &s in &self.dom.nodes[parent].children {
            if !self.alive[s] {
                continue;
            }
            if s == top {
                out.push(s);
                continue;
            }
            let Some(e) = self.dom.nodes[s].element() else {
                continue;
            };
            let bonus = if !top_class.is_empty() && *e.class == *top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if self.score[s].is_some_and(|sc| sc + bonus >= threshold) {
                out.push(s);
            } else if e.role == Role::Para {
                let st = &self.stats[s];
                let ld = self.link_density(s);
                if (st.text > 80 && ld < 0.25)
                    || (st.text > 0 && st.text < 80 && ld == 0.0 && self.ends_sentence(s))
                {
                    out.push(s);
                }
            }
        }
        out
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let mut text = String::new();
        self.text_of(i, &mut text);
        let t = text.trim_end();
        t.ends_with('.') || t.ends_with('!') || t.ends_with('?')
    }

    fn text_of(&self, i: usize, out: &mut String) {
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if !self.alive[n] {
                continue;
            }
            match &self.dom.nodes[n].kind {
                Kind::Text(t) => out.push_str(t),
                Kind::Element(_) => stack.extend(self.dom.nodes[n].children.iter().rev()),
            }
        }
    }

    /// Mark blocks inside the article that are not article text (Readability's conditional
    /// cleaning, plus headings named as furniture and the title heading).
    fn clean(&self, roots: &[usize]) -> Vec<bool> {
        let mut removed = vec![false; self.dom.len()];
        let mut stack: Vec<usize> = roots.to_vec();
        while let Some(i) = stack.pop() {
            if !self.alive[i] {
                continue;
            }
            let Some(e) = self.dom.nodes[i].element() else {
                continue;
            };
            if self.should_remove(i) {
                removed[i] = true;
                continue;
            }
            let _ = e;
            stack.extend(self.dom.nodes[i].children.iter().copied());
        }
        removed
    }

    fn should_remove(&self, i: usize) -> bool {
        let Some(e) = self.dom.nodes[i].element() else {
            return false;
        };
        let weight = self.name_weight(i);
        if e.role == Role::Heading {
            return &*e.tag == "h1" || weight < 0.0;
        }
        if !self.flags.clean {
            return false;
        }
        if !matches!(
            &*e.tag,
            "form" | "fieldset" | "table" | "ul" | "div" | "section"
        ) {
            return false;
        }
        let score = self.score[i].unwrap_or(0.0);
        if weight + score < 0.0 {
            return true;
        }
        let s = &self.stats[i];
        if s.commas >= 10 {
            return false;
        }
        let paras = s.paras as f64;
        let imgs = f64::from(e.images);
        let items = s.items as f64 - 100.0;
        let inputs = f64::from(e.inputs);
        let embeds = e.embeds;
        let ld = self.link_density(i);
        let len = s.text;
        let is_list =
            matches!(&*e.tag, "ul" | "ol") || (len > 0 && s.list_text as f64 / len as f64 >= 0.9);
        let heading_density = if len == 0 {
            0.0
        } else {
            s.headings as f64 / len as f64
        };
        (imgs > 1.0 && paras / imgs < 0.5)
            || (!is_list && items > paras)
            || (inputs > (paras / 3.0).floor())
            || (!is_list
                && heading_density < 0.9
                && len < MIN_PARAGRAPH
                && (imgs == 0.0 || imgs > 2.0))
            || (!is_list && weight < NAME_WEIGHT && ld > 0.2)
            || (weight >= NAME_WEIGHT && ld > 0.5)
            || ((embeds == 1 && len < 75) || embeds > 1)
    }

    fn run(mut self) -> String {
        self.score_paragraphs();
        let top = self.top_candidate();
        let roots = self.gather(top);
        let removed = self.clean(&roots);
        let mut out = Render::default();
        for r in roots {
            self.render(r, &removed, &mut out);
        }
        out.finish()
    }

    fn render(&self, root: usize, removed: &[bool], out: &mut Render) {
        // (node, entering) pairs: leaving a block ends its line
        let mut stack = vec![(root, true)];
        while let Some((i, entering)) = stack.pop() {
            if !self.alive[i] || removed[i] {
                continue;
            }
            let node = &self.dom.nodes[i];
            match &node.kind {
                Kind::Text(t) => out.text(t),
                Kind::Element(e) => {
                    let block = is_blockish(Some(e.role));
                    if !entering {
                        if block {
                            out.newline();
                        }
                        continue;
                    }
                    if e.role == Role::Break {
                        out.newline();
                        continue;
                    }
                    if block {
                        out.newline();
                    }
                    stack.push((i, false));
                    for &c in node.children.iter().rev() {
                        stack.push((c, true));
                    }
                }
            }
        }
    }
}

fn count_commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

/// Text output: whitespace collapsed within a line, one block a line, no blank lines.
#[derive(Default)]
struct Render {
    out: String,
    line: String,
    space: bool,
}

impl Render {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            // control characters are never text (the parser drops NUL only)
            if c.is_control() && !c.is_whitespace() {
                continue;
            }
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.space = false;
                self.line.push(c);
            }
        }
    }

    fn newline(&mut self) {
        if !self.line.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            self.out.push_str(&self.line);
            self.line.clear();
        }
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.newline();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_str, HtmlLexicon};

    fn body(page: &str) -> String {
        read_str(page, None, HtmlLexicon::builtin().unwrap()).text
    }

    const PARAS: [&str; 3] = [
        "Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf.",
        "Le maire a salué un vote qui, selon lui, permettra de rénover les écoles, les routes et la piscine.",
        "L'opposition, qui réclamait un report, a annoncé qu'elle déposerait un recours devant le tribunal administratif.",
    ];

    fn article() -> String {
        PARAS.iter().fold(String::new(), |mut s, p| {
            s.push_str("<p>");
            s.push_str(p);
            s.push_str("</p>");
            s
        })
    }

    #[test]
    fn keeps_paragraphs_one_a_line_and_drops_furniture() {
        let page = format!(
            r#"<html><body><nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav>
            <div class="page"><h1>Budget adopté</h1><div class="byline">Par la rédaction</div>
            <div class="article-body">{}<figure><img src="x.jpg"><figcaption>Le conseil réuni lundi.</figcaption></figure></div>
            <div class="related-articles"><ul><li><a href="/a">Un autre article sur le budget de la ville</a></li><li><a href="/b">Les écoles rénovées, le chantier commence</a></li></ul></div>
            <div id="comments"><p>Premier commentaire d'un lecteur mécontent, qui trouve que le débat a été bâclé.</p></div></div>
            <footer>Tous droits réservés</footer><script>var x = "<p>no</p>";</script></body></html>"#,
            article()
        );
        assert_eq!(body(&page), PARAS.join("\n"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_still_has_a_body() {
        let page = format!(
            r#"<html><body><form id="main-form"><input type="hidden" name="state" value="x"><div class="content">{}</div></form></body></html>"#,
            article()
        );
        assert_eq!(body(&page), PARAS.join("\n"));
    }

    #[test]
    fn a_hidden_wrapper_is_read_when_nothing_else_is_there() {
        let page = format!(
            r#"<html><body><div style="display: none"><div>{}</div></div></body></html>"#,
            article()
        );
        assert_eq!(body(&page), PARAS.join("\n"));
    }

    #[test]
    fn subheadings_and_list_items_stay_their_own_lines() {
        let page = format!(
            "<article>{}<h2>Les réactions</h2><p>{}</p><ul><li>Les commerçants, inquiets, demandent des aides.</li><li>Les parents d'élèves, eux, se réjouissent.</li></ul></article>",
            article(),
            PARAS[0]
        );
        let text = body(&page);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], "Les réactions");
        assert_eq!(lines[5], "Les commerçants, inquiets, demandent des aides.");
    }

    #[test]
    fn adversarial_pages_do_not_panic() {
        let long_line = format!("<p>{}</p>", "mot, ".repeat(200_000));
        assert!(body(&long_line).len() > 500_000);
        let deep = format!("{}<p>{}</p>", "<div>".repeat(50_000), PARAS[0]);
        let _ = body(&deep);
        let _ = body("\u{0}\u{1}<<<>>>&&&#;<p <p <a href=");
        let binary: String = (0..5000u32).filter_map(char::from_u32).collect();
        let _ = body(&binary);
        assert_eq!(body(""), "");
    }
}
