"""Writes the small DOCX fixtures the ingest tests read. Run from this folder:
python3 make_fixtures.py. Each fixture isolates one feature of WordprocessingML."""
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def rels(items, base=REL_BASE):
    body = "".join(
        f'<Relationship Id="rId{i}" Type="{base}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(items, 1)
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            f'"http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>')


def doc(body, ns=W, prefix="w"):
    return (f'<?xml version="1.0" encoding="UTF-8"?><{prefix}:document xmlns:{prefix}="{ns}" '
            f'xmlns:mc="{MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            f'xmlns:v="urn:schemas-microsoft-com:vml"><{prefix}:body>{body}</{prefix}:body></{prefix}:document>')


def write(name, main_xml, parts=None, main="word/document.xml", word_rels=(), ns_base=REL_BASE, core=None):
    parts = dict(parts or {})
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT.format(main=main))
        pkg = [("officeDocument", main)]
        if core is not None:
            pkg.append(("metadata/core-properties", "docProps/core.xml"))
            z.writestr("docProps/core.xml",
                       '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                       f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{core}</dc:title></cp:coreProperties>')
        z.writestr("_rels/.rels", rels(pkg, ns_base if ns_base != REL_BASE else REL_BASE)
                   .replace(f"{REL_BASE}/metadata/core-properties",
                            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"))
        z.writestr(main, main_xml)
        d, f = main.rsplit("/", 1)
        if word_rels:
            z.writestr(f"{d}/_rels/{f}.rels", rels(word_rels, ns_base))
        for k, v in parts.items():
            z.writestr(k, v)


def p(text, ppr="", prefix="w"):
    return f'<{prefix}:p><{prefix}:pPr>{ppr}</{prefix}:pPr><{prefix}:r><{prefix}:t xml:space="preserve">{text}</{prefix}:t></{prefix}:r></{prefix}:p>'


def num(ilvl, num_id):
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


NUMBERING = f"""<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/><w:pStyle w:val="ArticleHeading"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalZero"/><w:isLgl/><w:lvlText w:val="Section %1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SectionText"><w:name w:val="Section Text"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
</w:styles>"""

numbering_body = "".join([
    p("Master Services Agreement", '<w:pStyle w:val="Heading1"/>'),
    p("Definitions", num(0, 1)),
    p("Affiliate means any entity.", num(1, 1)),
    p("first item", num(2, 1)),
    p("second item", num(2, 1)),
    p("sub item", num(3, 1)),
    p("a bullet", num(0, 3)),
    # An empty numbered paragraph (a section break's carrier) must not advance the list.
    f'<w:p><w:pPr>{num(0, 1)}<w:sectPr/></w:pPr></w:p>',
    p("Term", num(0, 1)),
    p("The term is two years.", num(1, 1)),
    p("Not numbered", num(0, 0)),
    p("General", '<w:pStyle w:val="ArticleHeading"/>'),
    p("Notices go to the address above.", '<w:pStyle w:val="SectionText"/>'),
    p("Assignment is not allowed.", '<w:pStyle w:val="SectionText"/>'),
    p("Restarted list", num(0, 4)),
])
write("numbering.docx", doc(numbering_body),
      {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES},
      word_rels=[("numbering", "numbering.xml"), ("styles", "styles.xml")], core="Fixture Title")

tracked_body = (
    '<w:p><w:r><w:t xml:space="preserve">Fees are </w:t></w:r>'
    '<w:del w:id="1" w:author="a"><w:r><w:delText>ten</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="a"><w:r><w:t>twenty</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> dollars.</w:t></w:r>'
    '<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> Old place.</w:t></w:r></w:moveFrom>'
    '</w:p>'
    '<w:p><w:moveTo w:id="4" w:author="a"><w:r><w:t>Old place.</w:t></w:r></w:moveTo></w:p>'
)
write("tracked.docx", doc(tracked_body))

alt_body = (
    '<w:p><w:r><w:t>Before the box.</w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    '<w:p><w:r><w:t>After the box.</w:t></w:r></w:p>'
)
write("alternate.docx", doc(alt_body))

fields_body = (
    '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Section 4.2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'
    '<w:r><w:t xml:space="preserve">, </w:t></w:r>'
    '<w:hyperlink w:anchor="x"><w:r><w:t>the link</w:t></w:r></w:hyperlink>'
    '<w:smartTag w:uri="u" w:element="place"><w:r><w:t xml:space="preserve"> in Paris</w:t></w:r></w:smartTag>'
    '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> (controlled)</w:t></w:r></w:sdtContent></w:sdt>'
    '<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken</w:t><w:noBreakHyphen/><w:t>hyphen</w:t>'
    '<w:sym w:font="Wingdings" w:char="F0A7"/><w:sym w:font="Times" w:char="00A7"/></w:r>'
    '<w:r><w:t xml:space="preserve"> soft\u00adhy\u200bphen\u00a0nbsp \u201cquoted\u201d</w:t></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>'
    '</w:p>'
    '<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    '<w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr>'
    '<w:tr><w:tc><w:p><w:r><w:t>A2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    '<w:p><w:r><w:t>Body end.</w:t></w:r></w:p>'
)
HEADER = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Confidential header</w:t></w:r></w:p></w:hdr>'
FOOTER = f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>'
NOTES = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:id="1"><w:p><w:r><w:t>A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>')
write("fields.docx", doc(fields_body),
      {"word/header1.xml": HEADER, "word/footer1.xml": FOOTER, "word/footnotes.xml": NOTES},
      word_rels=[("header", "header1.xml"), ("footer", "footer1.xml"), ("footnotes", "footnotes.xml")])

# Strict OOXML, a non-`w` prefix, and a main part that is not word/document.xml.
strict_body = p("1. Strict clause text.", prefix="s") + p("Second paragraph.", prefix="s")
write("strict.docx", doc(strict_body, ns=STRICT, prefix="s"), main="content/main.xml",
      ns_base="http://purl.oclc.org/ooxml/officeDocument/relationships")

# document.xml cut off in the middle of an element.
full = doc(p("This will be cut off before the end of the document part."))
write("truncated.docx", full[: len(full) - 40])

# A part that expands enormously: a zip bomb in miniature.
write("bomb.docx", doc(p("x") + "<!--" + " " * (24 * 1024 * 1024) + "-->"))
