#!/usr/bin/env python3
"""Writes the generated HTML seeds of the `html` fuzz target into seeds/html/gen-*.html.

Each page takes one path through the reader that mutations of plain UTF-8 pages rarely reach:
byte-order marks, legacy charsets declared in each shape (`<meta charset>`, `http-equiv`,
quoted, unquoted, upper case), declarations the bytes contradict, undeclared legacy bytes
left to detection, and every source of metadata (Open Graph, Dublin Core, JSON-LD objects,
graphs and lists, `<time datetime>`, canonical links, language tags). The sentences are ours.
Run from `fuzz/`: python3 make_seeds.py
"""
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds", "html")

FR = ("Le ministre a déclaré à Genève que les négociations reprendraient jeudi. "
      "« Nous sommes prêts », a-t-il ajouté.")
EN = ('The minister said in Geneva that talks would resume on Thursday. '
      '"We are ready," he added.')
RU = "Министр заявил в Женеве, что переговоры возобновятся в четверг."
JA = "外務大臣は木曜日にジュネーブで交渉が再開されると述べた。"
ZH = "外交部长星期四在日内瓦表示谈判将恢复。"
TW = "外交部長星期四在日內瓦表示談判將恢復。"


def page(head, body, lang="fr"):
    return (f'<!doctype html><html lang="{lang}"><head>{head}<title>Négociations</title>'
            f'</head><body><nav><a href="/">Accueil</a></nav><article><h1>Titre</h1>'
            f'<p>{body}</p><p>{body}</p></article><footer>© 2024</footer></body></html>')


def enc(text, codec):
    return text.encode(codec, errors="xmlcharrefreplace")


META = (
    '<meta property="og:title" content="Talks resume in Geneva">'
    '<meta property="og:site_name" content="The Daily Example">'
    '<meta name="article:published_time" content="2024-03-05T08:00:00+01:00">'
    '<meta itemprop="datePublished" content="2024-03-05">'
    '<meta name="dc.date" content="05/03/2024">'
    '<meta http-equiv="content-language" content="en-GB">'
    '<meta property="og:locale" content="en_US">'
    '<link rel="alternate canonical" href="https://example.org/world/2024/03/05/talks">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
    '[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"Talks resume",'
    '"datePublished":"2024-03-05T07:00:00Z","publisher":{"name":"Example"}}]}</script>'
)

SEEDS = {
    "bom-utf8": b"\xef\xbb\xbf" + enc(page('<meta charset="windows-1252">', FR), "utf-8"),
    "bom-utf16le": b"\xff\xfe" + enc(page("", FR), "utf-16-le"),
    "bom-utf16be": b"\xfe\xff" + enc(page("", FR), "utf-16-be"),
    "meta-utf16": enc(page("<meta charset=utf-16>", FR), "utf-8"),
    "latin1-http-equiv": enc(page("<meta http-equiv='Content-Type' "
                                  "content='text/html; charset=ISO-8859-1'>", FR), "latin-1"),
    "cp1252-quoted": enc(page("<meta charset='windows-1252'/>", FR), "cp1252"),
    "cp1252-undeclared": enc(page("", FR), "cp1252"),
    "utf8-declared-over-latin1": enc(page('<meta charset="utf-8">', FR), "latin-1"),
    "latin1-declared-over-utf8": enc(page("<meta charset=iso-8859-15>", FR), "utf-8"),
    "koi8": enc(page("<meta charset=koi8-r>", RU, "ru"), "koi8-r"),
    "cp1251-undeclared": enc(page("", RU, "ru"), "cp1251"),
    "sjis": enc(page('<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=Shift_JIS">',
                     JA, "ja"), "shift_jis"),
    "eucjp-undeclared": enc(page("", JA, "ja"), "euc_jp"),
    "gbk": enc(page('<meta charset = "gb2312" >', ZH, "zh-CN"), "gbk"),
    "big5-undeclared": enc(page("", TW, "zh-TW"), "big5"),
    "unknown-label": enc(page('<meta charset="x-no-such-charset">', FR), "latin-1"),
    "meta-all": enc(page(META, EN, "en-GB"), "utf-8"),
    "meta-time": enc(page("", EN + '<time datetime="2024-03-05T09:30">March 5</time>', "EN"),
                     "utf-8"),
    "meta-jsonld-list": enc(page('<script type="application/ld+json">[{"@type":"NewsArticle",'
                                 '"datePublished":"March 5, 2024","headline":"x"}, 3, null]'
                                 "</script>", EN, "x-default"), "utf-8"),
    "meta-bad-jsonld": enc(page('<script type="application/ld+json">{"@type":"NewsArticle", '
                                '"datePublished": </script>', EN, ""), "utf-8"),
}

for name, data in SEEDS.items():
    with open(os.path.join(OUT, f"gen-{name}.html"), "wb") as f:
        f.write(data)
print(f"{len(SEEDS)} seeds written to {OUT}")
