"""HTML cells of the annex as plain text lines; sanitising for display."""

from hypothesis import given, settings
from hypothesis import strategies as st

from apanalysis.vocabulary.text import fold, html_to_text, sanitize_html


def test_bold_italic_status_and_paragraphs():
    cell = (
        "<p><b><i>Įgyvendinta iš dalies.</i></b>  <i>Kauno miesto savivaldybė. "
        "Įgyvendinta.</i></p> <p>Antra   pastraipa.</p>"
    )
    assert html_to_text(cell) == (
        "Įgyvendinta iš dalies. Kauno miesto savivaldybė. Įgyvendinta.\nAntra pastraipa."
    )


def test_numbered_list_items_keep_their_numbers():
    # line 163: <ol style="list-style-type: none"> with "1." written in the items
    cell = (
        '<ol style="list-style-type: none"> <li>1. Išdalijo 19 810 vnt. kortelių.</li> '
        "<li>2. Paskelbė telefoną.</li> </ol>"
    )
    assert html_to_text(cell) == "1. Išdalijo 19 810 vnt. kortelių.\n2. Paskelbė telefoną."


def test_list_items_without_numbers_get_a_dash():
    assert html_to_text("<ol><li>pirmas</li><li>antras</li></ol>po") == "- pirmas\n- antras\npo"


def test_links_keep_visible_text_and_entities_are_unescaped():
    cell = (
        'Pateikta: <a href="https://vrm.lrv.lt/lt/naujienos">vrm.lrv.lt</a> &amp; '
        "&bdquo;Raktas&ldquo;<br>Kita&nbsp;eilutė"
    )
    assert html_to_text(cell) == "Pateikta: vrm.lrv.lt & „Raktas“\nKita eilutė"


def test_broken_markup():
    assert html_to_text("<p>neuždaryta <b>pastraipa <i>x") == "neuždaryta pastraipa x"
    assert html_to_text("</p></li>tik tekstas<p>") == "tik tekstas"
    assert html_to_text("a < b ir c > d") == "a < b ir c > d"


def test_no_empty_lines_and_stripped():
    assert html_to_text("<p> </p><p>\n</p>  <p>tekstas</p><br><br>") == "tekstas"
    assert html_to_text("") == ""


def test_script_content_dropped():
    assert html_to_text("<script>alert(1)</script>Įgyvendinta.") == "Įgyvendinta."


@given(st.text())
def test_html_to_text_never_raises_on_text(text):
    result = html_to_text(text)
    assert "\n\n" not in result
    assert result == result.strip()


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<li>",
                "<ol>",
                "</b>",
                "<a href='x",
                "&amp",
                "&#",
                "<!--",
                "<br/>",
                "Įgyvendinta.",
                " ",
                "\n",
                "<",
                ">",
            ]
        )
    )
)
def test_html_to_text_never_raises_on_tag_soup(pieces):
    html_to_text("".join(pieces))


def test_sanitize_html_allow_list():
    dirty = (
        '<p onclick="x()">Tekstas <b>b</b><script>alert(1)</script>'
        '<a href="javascript:alert(1)">blogas</a> <a href="https://vrm.lrv.lt">geras</a>'
        '<img src="x.png"><span style="color:red">s</span></p>'
    )
    clean = sanitize_html(dirty)
    assert "<script" not in clean and "alert" not in clean
    assert "onclick" not in clean and "<img" not in clean and "<span" not in clean
    assert "javascript" not in clean
    assert '<a href="https://vrm.lrv.lt" rel="noopener noreferrer">geras</a>' in clean
    assert "<b>b</b>" in clean and clean.startswith("<p>")


def test_fold():
    assert fold("Įgyvendinta ŠMSM žmonėmis") == "igyvendinta smsm zmonemis"


_TAGS = [
    "p",
    "b",
    "i",
    "ol",
    "ul",
    "li",
    "strong",
    "em",
    "sup",
    "span",
    "div",
    "br",
    "a",
    "P",
    "LI",
]
_piece = st.one_of(
    st.sampled_from(["<{t}>", "</{t}>", "<{t}/>", '<{t} class="x">', "<{t} href='a>b'>"]).flatmap(
        lambda form: st.sampled_from(_TAGS).map(lambda tag: form.format(t=tag))
    ),
    st.sampled_from(["1. ", "a) ", "&amp;", "&lt;b&gt;", "&#261;", " \n ", "Įgyvendinta. ", "x"]),
    st.text(alphabet="abcąž .,;:-–\n\t&<>\"'/=", max_size=12),
)


@given(st.lists(_piece, max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_fast_path_gives_what_html_parser_gives(fragment):
    """The regex fast path is used only where it agrees with html.parser exactly."""
    from apanalysis.vocabulary.text import _parsed_html_to_text, _simple_html_to_text

    fast = _simple_html_to_text(fragment)
    if fast is not None:
        assert fast == _parsed_html_to_text(fragment)


def test_abbreviation_dots_end_no_sentence():
    from apanalysis.vocabulary.text import INNER_DOT_MARK as M
    from apanalysis.vocabulary.text import mask_inner_dots

    assert mask_inner_dots("2020 m. Spalio 20 d. posėdis. Kitas") == (
        f"2020 m{M} Spalio 20 d{M} posėdis. Kitas"
    )
    assert mask_inner_dots("10 tūkst. Eur; t. y. Daug. Pvz. X") == (
        f"10 tūkst{M} Eur; t{M} y{M} Daug. Pvz{M} X"
    )
    # a word merely ending like an abbreviation ("darbam.") is a sentence end
    assert mask_inner_dots("darbam. Nr. 5") == f"darbam. Nr{M} 5"
    # a line break always ends a sentence; a dot before a lower-case word never does
    assert mask_inner_dots("Įvyko.\nkitas. tęsinys") == f"Įvyko.\nkitas{M} tęsinys"
