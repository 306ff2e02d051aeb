<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  common.xsl (fo) - shared by every XSL-FO stylesheet of the PDF format:
  the house style taken from the profile (colours, fonts), the A4 page
  masters, the page furniture (running header, footer with the document
  stamp and "Sida x (y)", the UTKAST mark), the PDF/A metadata
  (fo:declarations), table helpers, and the CommonMark prose as blocks
  and inlines.  Imported, never applied on its own.

  Tagged PDF: headings carry role="H1".."H6", tables use fo:table-header
  (column headers, TH with scope Column) and fox:header="true" on the
  first fo:table-column where the first cell of each row names the row
  (TH with scope Row, like th scope="row" in the HTML); page furniture is
  static content, which FOP writes as artifacts.  Only http, https and
  mailto links become link annotations (PDF/A forbids launch actions,
  and relative file links mean nothing inside a PDF); #id links become
  internal links when their target is rendered.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s md c str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/redline.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- ===== House style ===== -->

  <!-- A profile colour, or $default when it is not a #rgb / #rrggbb value. -->
  <xsl:template name="fo-colour">
    <xsl:param name="c"/>
    <xsl:param name="default"/>
    <xsl:variable name="v" select="translate($c, translate($c, '#0123456789abcdefABCDEF', ''), '')"/>
    <xsl:choose>
      <xsl:when test="starts-with($v, '#') and (string-length($v) = 7 or string-length($v) = 4) and not(contains(substring($v, 2), '#'))">
        <xsl:value-of select="$v"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="colours" select="$profile/s:colours"/>
  <xsl:variable name="c-primary"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@primary"/><xsl:with-param name="default" select="'#1f4e79'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-accent"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@accent"/><xsl:with-param name="default" select="'#8a5a00'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-draft"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@draft"/><xsl:with-param name="default" select="'#b00020'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-text"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@text"/><xsl:with-param name="default" select="'#1a1a1a'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-muted"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@muted"/><xsl:with-param name="default" select="'#4d4d4d'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-rule"><xsl:call-template name="fo-colour"><xsl:with-param name="c" select="$colours/@rule"/><xsl:with-param name="default" select="'#c8c8c8'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-tint" select="'#eef3f8'"/>
  <xsl:variable name="c-req" select="'#f4f7fb'"/>
  <xsl:variable name="c-ins" select="'#0b5d1e'"/>
  <xsl:variable name="c-ins-bg" select="'#e6f4ea'"/>
  <xsl:variable name="c-del" select="'#8a1c1c'"/>
  <xsl:variable name="c-del-bg" select="'#fbeaea'"/>

  <!--
    The profile's font list without quotes.  Every name FOP may meet here
    (and the generic families) is mapped to an embedded font in fop.xconf.
  -->
  <xsl:variable name="font-sans">
    <xsl:variable name="f" select="normalize-space(translate($profile/s:font/@family, translate($profile/s:font/@family, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-', ''), ''))"/>
    <xsl:choose>
      <xsl:when test="$f != ''"><xsl:value-of select="$f"/></xsl:when>
      <xsl:otherwise>DejaVu Sans, Liberation Sans, sans-serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="font-body" select="$font-sans"/>
  <xsl:variable name="font-mono" select="'DejaVu Sans Mono, Liberation Mono, monospace'"/>
  <xsl:variable name="size-body" select="'10.5pt'"/>

  <!-- The level of a document's top sections (H2 below the title). -->
  <xsl:variable name="section-base" select="2"/>

  <!-- ===== Page masters ===== -->

  <!--
    styrdok: A4 portrait, first page without running header (the
    masthead is in the flow); styrdok-landscape: A4 landscape for wide
    registers; styrdok-single: one page per sheet, no running header.
  -->
  <xsl:template name="layout-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="styrdok-first" page-height="297mm" page-width="210mm"
          margin-top="10mm" margin-bottom="10mm" margin-left="25mm" margin-right="20mm">
        <fo:region-body margin-top="12mm" margin-bottom="16mm"/>
        <fo:region-before region-name="styrdok-first-before" extent="12mm"/>
        <fo:region-after extent="12mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="styrdok-rest" page-height="297mm" page-width="210mm"
          margin-top="10mm" margin-bottom="10mm" margin-left="25mm" margin-right="20mm">
        <fo:region-body margin-top="18mm" margin-bottom="16mm"/>
        <fo:region-before extent="12mm"/>
        <fo:region-after extent="12mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="styrdok-landscape-page" page-height="210mm" page-width="297mm"
          margin-top="10mm" margin-bottom="10mm" margin-left="18mm" margin-right="18mm">
        <fo:region-body margin-top="18mm" margin-bottom="16mm"/>
        <fo:region-before extent="12mm"/>
        <fo:region-after extent="12mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="styrdok">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="styrdok-first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="styrdok-rest" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:page-sequence-master master-name="styrdok-continued">
        <fo:repeatable-page-master-reference master-reference="styrdok-rest"/>
      </fo:page-sequence-master>
      <fo:simple-page-master master-name="styrdok-landscape-first" page-height="210mm" page-width="297mm"
          margin-top="10mm" margin-bottom="10mm" margin-left="18mm" margin-right="18mm">
        <fo:region-body margin-top="12mm" margin-bottom="16mm"/>
        <fo:region-before region-name="styrdok-first-before" extent="12mm"/>
        <fo:region-after extent="12mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="styrdok-landscape">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="styrdok-landscape-first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="styrdok-landscape-page" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:page-sequence-master master-name="styrdok-single">
        <fo:repeatable-page-master-reference master-reference="styrdok-first"/>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- ===== Metadata ===== -->

  <!--
    XMP for PDF/A and PDF/UA: title, author (the organisation),
    description, keywords and, with $identifier, the source's full
    SHA-256 (the short Dokument-id on every page is its first twelve
    digits).  Each with the XMP type the Dublin Core schema gives it
    (title and description a language alternative, creator an ordered
    list, language a bag): plain text there is what PDF/A validators
    reject.  FOP adds the PDF/A and PDF/UA identification, producer
    and dates (from SOURCE_DATE_EPOCH when set) and copies these to the
    Info dictionary.
  -->
  <xsl:template name="declarations">
    <xsl:param name="title"/>
    <xsl:param name="identifier" select="''"/>
    <xsl:param name="subject"/>
    <xsl:param name="keywords"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="normalize-space($title)"/></rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li><xsl:value-of select="normalize-space($org-name)"/></rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="normalize-space($subject)"/></rdf:li></rdf:Alt></dc:description>
            <xsl:if test="normalize-space($identifier) != ''">
              <dc:identifier><xsl:value-of select="normalize-space($identifier)"/></dc:identifier>
            </xsl:if>
            <dc:language><rdf:Bag><rdf:li>sv</rdf:li></rdf:Bag></dc:language>
          </rdf:Description>
          <xsl:if test="normalize-space($keywords) != ''">
            <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
              <pdf:Keywords><xsl:value-of select="normalize-space($keywords)"/></pdf:Keywords>
            </rdf:Description>
          </xsl:if>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreatorTool>styrdok</xmp:CreatorTool>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
      <xsl:call-template name="destinations"/>
    </fo:declarations>
  </xsl:template>

  <!-- Named destinations of the PDF (fox:destination); none here. -->
  <xsl:template name="destinations"/>

  <!-- ===== Page furniture ===== -->

  <!--
    Static content of a page sequence.  $head-left/$head-right: the
    running header of pages after the first; $stamp: the footer of
    every page (title, version and Dokument-id; what the page names); $seq: the id of the page
    sequence whose last page is "y" in "Sida x (y)" (empty: no page
    numbers); $footer-right: text instead of the page numbers; $draft:
    show the UTKAST mark; $mark: its text.
  -->
  <xsl:template name="furniture">
    <xsl:param name="head-left"/>
    <xsl:param name="head-right"/>
    <xsl:param name="stamp"/>
    <xsl:param name="seq"/>
    <xsl:param name="last-ref" select="$seq"/>
    <xsl:param name="draft" select="false()"/>
    <xsl:param name="mark" select="'UTKAST'"/>
    <xsl:param name="footer-right" select="''"/>
    <xsl:if test="$draft">
      <fo:static-content flow-name="styrdok-first-before" role="artifact">
        <xsl:call-template name="draft-mark"><xsl:with-param name="mark" select="$mark"/></xsl:call-template>
      </fo:static-content>
    </xsl:if>
    <fo:static-content flow-name="xsl-region-before" role="artifact">
      <fo:block font-size="8pt" color="{$c-muted}" text-align-last="justify"
          border-bottom="0.5pt solid {$c-rule}" padding-bottom="1.5mm" margin-top="4mm">
        <xsl:if test="$logo">
          <fo:external-graphic src="url('{$logo-uri}')" content-height="4mm" content-width="scale-to-fit"
              scaling="uniform" alignment-baseline="middle" fox:alt-text="{$logo/@alt}"/>
          <fo:inline>&#160;&#160;</fo:inline>
        </xsl:if>
        <fo:inline font-weight="bold" color="{$c-primary}"><xsl:value-of select="$head-left"/></fo:inline>
        <fo:leader leader-pattern="space"/>
        <xsl:if test="$draft">
          <fo:inline font-weight="bold" color="{$c-draft}" letter-spacing="1pt"><xsl:value-of select="$mark"/></fo:inline>
          <fo:leader leader-pattern="space"/>
        </xsl:if>
        <xsl:value-of select="$head-right"/>
      </fo:block>
      <xsl:if test="$draft">
        <xsl:call-template name="draft-mark"><xsl:with-param name="mark" select="$mark"/></xsl:call-template>
      </xsl:if>
    </fo:static-content>
    <fo:static-content flow-name="xsl-region-after" role="artifact">
      <fo:block font-size="7.5pt" color="{$c-muted}" text-align-last="justify"
          border-top="0.5pt solid {$c-rule}" padding-top="1.5mm">
        <fo:inline><xsl:value-of select="$stamp"/></fo:inline>
        <fo:leader leader-pattern="space"/>
        <xsl:if test="string($footer-right) != ''">
          <fo:inline font-size="8pt"><xsl:copy-of select="$footer-right"/></fo:inline>
        </xsl:if>
        <xsl:if test="$seq != '' and string($footer-right) = ''">
          <fo:inline font-size="8pt">
            <xsl:text>Sida </xsl:text><fo:page-number/>
            <xsl:text> (</xsl:text><fo:page-number-citation-last ref-id="{$last-ref}"/><xsl:text>)</xsl:text>
          </fo:inline>
        </xsl:if>
      </fo:block>
      <xsl:if test="normalize-space($profile/s:footer) != ''">
        <fo:block font-size="7pt" color="{$c-muted}" padding-top="0.8mm">
          <xsl:value-of select="normalize-space($profile/s:footer)"/>
        </fo:block>
      </xsl:if>
    </fo:static-content>
  </xsl:template>

  <!--
    The diagonal UTKAST across the page, in a light tint drawn beneath
    the text (static content is painted before the body), in the body's
    own bold font.  The block's corner is put at the mark's centre, 140 mm
    below the top margin and mid-page; fox:transform (FOP's extension)
    first moves the block's centre onto that corner (in millipoints: half
    of 165 mm by 40 mm), then turns it 35 degrees.  As text rather than
    SVG, the mark needs neither Batik nor a font of its own.
  -->
  <xsl:template name="draft-mark">
    <xsl:param name="mark" select="'UTKAST'"/>
    <fo:block-container absolute-position="absolute" top="140mm" left="82.5mm" width="165mm" height="40mm"
        display-align="center" fox:transform="rotate(-35) translate(-233858,-56693)">
      <fo:block text-align="center" font-family="{$font-body}" font-weight="bold" font-size="34mm"
          line-height="1" letter-spacing="2mm" color="#f6dfe3">
        <xsl:value-of select="$mark"/>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- A full-width masthead: organisation name, kind, and a rule. -->
  <xsl:template name="masthead">
    <xsl:param name="kind"/>
    <xsl:param name="stamp"/>
    <xsl:if test="$logo">
      <fo:block space-after="3mm" line-height="0">
        <fo:external-graphic src="url('{$logo-uri}')" content-height="15mm" content-width="scale-to-fit"
            scaling="uniform" fox:alt-text="{$logo/@alt}"/>
      </fo:block>
    </xsl:if>
    <fo:block text-align-last="justify" border-bottom="2.5pt solid {$c-primary}" padding-bottom="2mm" space-after="3mm">
      <fo:inline font-size="16pt" font-weight="bold" color="{$c-primary}" letter-spacing="0.3pt"><xsl:value-of select="$org-name"/></fo:inline>
      <fo:leader leader-pattern="space"/>
      <!-- No letter-spacing: FOP 2.8 leaves it out of the line's width, so a spaced label ran past the margin. -->
      <fo:inline font-size="9.5pt" color="{$c-muted}"><xsl:value-of select="translate($kind, 'abcdefghijklmnopqrstuvwxyzåäöé', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ')"/></fo:inline>
    </fo:block>
    <xsl:if test="$stamp != ''">
      <fo:block font-family="{$font-mono}" font-size="7.5pt" color="{$c-muted}" space-after="4mm"><xsl:value-of select="$stamp"/></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A banner under the masthead (drafts, examples, internal). -->
  <xsl:template name="banner">
    <xsl:param name="text"/>
    <fo:block font-weight="bold" color="{$c-draft}" font-size="10pt"
        border-top="0.75pt solid {$c-draft}" border-bottom="0.75pt solid {$c-draft}"
        padding-top="1.5mm" padding-bottom="1.5mm" space-after="6mm">
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- ===== Headings ===== -->

  <xsl:template name="title-block">
    <xsl:param name="id" select="''"/>
    <xsl:param name="text"/>
    <fo:block role="H1" font-size="22pt" font-weight="bold" line-height="1.2" color="{$c-primary}"
        space-before="8mm" space-after="6mm" keep-with-next.within-page="always">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:copy-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!--
    A heading of $level (2..6); $num is shown before it in the muted
    colour.  $tag: its structure tag when that is not H$level (a page
    that stands alone, such as a signing sheet, starts at H1 as PDF/UA
    wants, while it looks like a section heading).
  -->
  <xsl:template name="heading">
    <xsl:param name="level" select="2"/>
    <xsl:param name="tag" select="''"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="num" select="''"/>
    <xsl:param name="text"/>
    <xsl:param name="break" select="false()"/>
    <xsl:variable name="l">
      <xsl:choose>
        <xsl:when test="$level > 6">6</xsl:when>
        <xsl:when test="$level &lt; 2">2</xsl:when>
        <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block role="{concat(substring(concat('H', $l), 1, 2 * ($tag = '')), $tag)}" keep-with-next.within-page="always" keep-together.within-page="always"
        line-height="1.25" font-weight="bold">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:if test="$break"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$l = 2">
          <xsl:attribute name="font-size">14.5pt</xsl:attribute>
          <xsl:attribute name="color"><xsl:value-of select="$c-primary"/></xsl:attribute>
          <xsl:attribute name="space-before">9mm</xsl:attribute>
          <xsl:attribute name="space-after">3mm</xsl:attribute>
          <xsl:attribute name="padding-bottom">1mm</xsl:attribute>
          <xsl:attribute name="border-bottom">0.5pt solid <xsl:value-of select="$c-rule"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="$l = 3">
          <xsl:attribute name="font-size">12pt</xsl:attribute>
          <xsl:attribute name="color"><xsl:value-of select="$c-primary"/></xsl:attribute>
          <xsl:attribute name="space-before">6mm</xsl:attribute>
          <xsl:attribute name="space-after">2mm</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-size">10.5pt</xsl:attribute>
          <xsl:attribute name="space-before">4.5mm</xsl:attribute>
          <xsl:attribute name="space-after">1.5mm</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="string($num) != ''">
        <fo:inline color="{$c-muted}"><xsl:value-of select="$num"/></fo:inline>
        <xsl:text>&#x2002;</xsl:text>
      </xsl:if>
      <xsl:copy-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- ===== Text blocks ===== -->

  <xsl:template name="para">
    <xsl:param name="text"/>
    <xsl:param name="muted" select="false()"/>
    <fo:block space-after="2.5mm">
      <xsl:if test="$muted">
        <xsl:attribute name="font-size">8.5pt</xsl:attribute>
        <xsl:attribute name="color"><xsl:value-of select="$c-muted"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- A caption above a table, kept with it. -->
  <xsl:template name="caption">
    <xsl:param name="text"/>
    <fo:block font-weight="bold" font-size="9pt" space-before="3mm" space-after="1.5mm"
        keep-with-next.within-page="always">
      <xsl:copy-of select="$text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="gap-text">
    <xsl:param name="text"/>
    <fo:inline color="{$c-draft}" font-weight="bold"><xsl:copy-of select="$text"/></fo:inline>
  </xsl:template>

  <!-- A bulleted list of $items (a node-set of elements with text). -->
  <xsl:template name="bullets">
    <xsl:param name="items"/>
    <fo:list-block provisional-distance-between-starts="5mm" provisional-label-separation="2mm" space-after="2.5mm">
      <xsl:for-each select="$items">
        <fo:list-item space-after="1mm">
          <fo:list-item-label end-indent="label-end()"><fo:block>•</fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()"><fo:block><xsl:value-of select="normalize-space(.)"/></fo:block></fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!--
    $s with soft hyphens after the common first parts of Swedish
    compounds, so that words like "Informationssäkerhetssamordnare" can
    break in a narrow table column (FOP has no Swedish hyphenation
    patterns here).  A soft hyphen is invisible unless the line breaks.
  -->
  <xsl:template name="soft">
    <xsl:param name="s"/>
    <xsl:variable name="shy" select="'&#xAD;'"/>
    <xsl:variable name="a" select="str:replace(str:replace(string($s), 'nformations', concat('nformations', $shy)), 'säkerhets', concat('säkerhets', $shy))"/>
    <xsl:variable name="b" select="str:replace(str:replace($a, 'lednings', concat('lednings', $shy)), 'förvaltnings', concat('förvaltnings', $shy))"/>
    <xsl:variable name="c" select="str:replace($b, 'behörighets', concat('behörighets', $shy))"/>
    <xsl:variable name="d" select="str:replace(str:replace($c, 'ystemför', concat('ystem', $shy, 'för')), 'ystemäg', concat('ystem', $shy, 'äg'))"/>
    <xsl:variable name="e0" select="str:replace(str:replace($d, 'erksamhets', concat('erksamhets', $shy)), 'utbildnings', concat('utbildnings', $shy))"/>
    <xsl:variable name="e1" select="str:replace(str:replace($e0, 'upportavtal', concat('upport', $shy, 'avtal')), 'ersonalp', concat('ersonal', $shy, 'p'))"/>
    <xsl:variable name="e2" select="str:replace(str:replace($e1, 'centralutr', concat('central', $shy, 'utr')), 'cceptansniv', concat('cceptans', $shy, 'niv'))"/>
    <xsl:variable name="e" select="str:replace(str:replace($e2, 'kontorstid', concat('kontors', $shy, 'tid')), 'dokumenth', concat('dokument', $shy, 'h'))"/>
    <xsl:variable name="f" select="str:replace(str:replace($e, 'arbets', concat('arbets', $shy)), 'altningar', concat('altning', $shy, 'ar'))"/>
    <xsl:variable name="g" select="str:replace(str:replace($f, 'ontinuitets', concat('ontinuitets', $shy)), 'hanterings', concat('hanterings', $shy))"/>
    <xsl:variable name="h" select="str:replace(str:replace($g, 'ystemans', concat('ystem', $shy, 'ans')), 'amordnar', concat('am', $shy, 'ordnar'))"/>
    <xsl:value-of select="str:replace(str:replace(str:replace($h, 'nställnings', concat('nställnings', $shy)), 'vbrotts', concat('vbrotts', $shy)), 'valtningen', concat('valt', $shy, 'ningen'))"/>
  </xsl:template>

  <!-- ===== Tables ===== -->

  <xsl:attribute-set name="table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
    <xsl:attribute name="space-before">1mm</xsl:attribute>
    <xsl:attribute name="space-after">4mm</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="cell">
    <xsl:attribute name="border">0.5pt solid <xsl:value-of select="$c-rule"/></xsl:attribute>
    <xsl:attribute name="padding-top">1.2mm</xsl:attribute>
    <xsl:attribute name="padding-bottom">1.2mm</xsl:attribute>
    <xsl:attribute name="padding-start">1.6mm</xsl:attribute>
    <xsl:attribute name="padding-end">1.6mm</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="head-cell" use-attribute-sets="cell">
    <xsl:attribute name="background-color"><xsl:value-of select="$c-tint"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="row-head" use-attribute-sets="cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="info-head" use-attribute-sets="row-head">
    <xsl:attribute name="background-color">#f5f7fa</xsl:attribute>
  </xsl:attribute-set>

  <!-- A header cell of a column. -->
  <xsl:template name="th">
    <xsl:param name="text"/>
    <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block><xsl:copy-of select="$text"/></fo:block></fo:table-cell>
  </xsl:template>

  <!-- A row of a two-column information table (label, value). -->
  <xsl:template name="info-row">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row keep-together.within-page="always">
      <fo:table-cell xsl:use-attribute-sets="info-head"><fo:block><xsl:copy-of select="$label"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:copy-of select="$value"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ===== Links ===== -->

  <!--
    Ids the current output renders, for #id links: override in a
    stylesheet that renders more than $document.
  -->
  <xsl:variable name="rendered-docs" select="$document"/>

  <xsl:template name="fo-link">
    <xsl:param name="url"/>
    <xsl:param name="content"/>
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lower" select="translate($url, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="frag" select="substring($url, 2)"/>
    <xsl:choose>
      <xsl:when test="$ok = '1' and (starts-with($lower, 'http:') or starts-with($lower, 'https:') or starts-with($lower, 'mailto:'))">
        <fo:basic-link external-destination="{str:replace(normalize-space($url), ' ', '%20')}" color="{$c-primary}"
            fox:alt-text="{normalize-space($url)}">
          <xsl:copy-of select="$content"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:when test="$ok = '1' and starts-with($url, '#') and $rendered-docs//*[@id = $frag][self::s:section or self::s:requirement or self::s:term]">
        <fo:basic-link internal-destination="{$frag}" color="{$c-primary}" fox:alt-text="{$frag}">
          <xsl:copy-of select="$content"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    ===== Redline marks (see common/redline.xsl) =====
    A block added whole is green and underlined, one removed whole red
    and struck through; words inside changed text the same; and a bar in
    the start margin runs beside every block that changed, so neither
    colour nor the bar is the only sign.
  -->

  <!-- Colour and line of a block with a mark of its own (an attribute set). -->
  <xsl:template name="fo-chg-style">
    <xsl:choose>
      <xsl:when test="@c:change = 'inserted'">
        <xsl:attribute name="color"><xsl:value-of select="$c-ins"/></xsl:attribute>
        <xsl:attribute name="text-decoration">underline</xsl:attribute>
      </xsl:when>
      <xsl:when test="@c:change = 'deleted' or @c:change = 'moved-away'">
        <xsl:attribute name="color"><xsl:value-of select="$c-del"/></xsl:attribute>
        <xsl:attribute name="text-decoration">line-through</xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The change bar beside a marked block (only the outermost gets one). -->
  <xsl:template name="fo-bar-begin">
    <xsl:if test="@c:change and not(ancestor::*[@c:change])">
      <fo:change-bar-begin change-bar-class="{generate-id()}" change-bar-color="{$c-accent}"
          change-bar-style="solid" change-bar-width="2.5pt" change-bar-offset="3.5mm" change-bar-placement="start"/>
    </xsl:if>
  </xsl:template>
  <xsl:template name="fo-bar-end">
    <xsl:if test="@c:change and not(ancestor::*[@c:change])">
      <fo:change-bar-end change-bar-class="{generate-id()}"/>
    </xsl:if>
  </xsl:template>

  <!-- "Nytt avsnitt: ", bold in the accent colour, before a marked section or requirement. -->
  <xsl:template name="fo-chg-note">
    <xsl:if test="@c:change and @c:change != 'changed'">
      <fo:inline font-weight="bold" color="{$c-accent}" text-decoration="no-underline no-line-through">
        <xsl:call-template name="change-note"/><xsl:text>: </xsl:text>
      </fo:inline>
    </xsl:if>
  </xsl:template>

  <!--
    Inserted and deleted words say what they are to a screen reader and
    to text extraction, as the HTML's visually hidden labels do: a label
    in 0.1 pt type in the background colour, "[Infogat: " before and "]"
    after, so "dag [Borttaget: bolagsstämman] [Infogat: fullmäktige]"
    reads right.
    Colour and line alone would tell only a sighted reader.
  -->
  <xsl:template name="fo-change-label">
    <xsl:param name="text"/>
    <xsl:param name="bg"/>
    <fo:inline font-size="0.1pt" color="{$bg}" text-decoration="no-underline no-line-through"><xsl:value-of select="$text"/></fo:inline>
  </xsl:template>

  <!--
    $content (FO) as inserted ($kind "ins") or deleted ("del") text;
    $gap: a deletion that an insertion follows at once keeps a space
    between them, so the two words do not read as one.
  -->
  <xsl:template name="fo-changed">
    <xsl:param name="kind"/>
    <xsl:param name="content"/>
    <xsl:param name="gap" select="false()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'ins'">
        <fo:inline color="{$c-ins}" background-color="{$c-ins-bg}" text-decoration="underline">
          <xsl:call-template name="fo-change-label"><xsl:with-param name="text" select="' [Infogat:&#xa0;'"/><xsl:with-param name="bg" select="$c-ins-bg"/></xsl:call-template>
          <xsl:copy-of select="$content"/>
          <xsl:call-template name="fo-change-label"><xsl:with-param name="text" select="']'"/><xsl:with-param name="bg" select="$c-ins-bg"/></xsl:call-template>
        </fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline color="{$c-del}" background-color="{$c-del-bg}" text-decoration="line-through">
          <xsl:call-template name="fo-change-label"><xsl:with-param name="text" select="' [Borttaget:&#xa0;'"/><xsl:with-param name="bg" select="$c-del-bg"/></xsl:call-template>
          <xsl:copy-of select="$content"/>
          <xsl:call-template name="fo-change-label"><xsl:with-param name="text" select="']'"/><xsl:with-param name="bg" select="$c-del-bg"/></xsl:call-template>
        </fo:inline>
        <xsl:if test="$gap"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:ins">
    <xsl:call-template name="fo-changed">
      <xsl:with-param name="kind" select="'ins'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c:del">
    <xsl:call-template name="fo-changed">
      <xsl:with-param name="kind" select="'del'"/>
      <xsl:with-param name="gap" select="boolean(following-sibling::node()[1][self::c:ins])"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A title, statement, name or definition with its word marks. -->
  <xsl:template match="s:title | s:statement | s:name | s:definition" mode="marked">
    <xsl:apply-templates select="node()" mode="marked-text"/>
  </xsl:template>
  <xsl:template match="text()" mode="marked-text">
    <xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/>
  </xsl:template>
  <xsl:template match="c:*" mode="marked-text"><xsl:apply-templates select="."/></xsl:template>

  <!-- ===== CommonMark prose ===== -->

  <xsl:template match="md:document"><xsl:apply-templates/></xsl:template>

  <xsl:template match="md:paragraph">
    <fo:block>
      <xsl:if test="not(parent::md:item/parent::md:list[@tight = 'true'])"><xsl:attribute name="space-after">2.5mm</xsl:attribute></xsl:if>
      <xsl:call-template name="fo-chg-style"/>
      <xsl:call-template name="fo-bar-begin"/>
      <xsl:apply-templates/>
      <xsl:call-template name="fo-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="md:heading">
    <fo:block font-weight="bold" space-before="2mm" space-after="1.5mm" keep-with-next.within-page="always">
      <xsl:call-template name="fo-chg-style"/>
      <xsl:call-template name="fo-bar-begin"/>
      <xsl:apply-templates/>
      <xsl:call-template name="fo-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="md:list">
    <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm" space-after="2.5mm">
      <xsl:if test="@type = 'ordered'">
        <xsl:attribute name="provisional-distance-between-starts">7.5mm</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-chg-style"/>
      <xsl:apply-templates select="md:item"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="md:item">
    <xsl:variable name="list" select=".."/>
    <fo:list-item>
      <xsl:if test="$list/@tight = 'true'"><xsl:attribute name="space-after">1mm</xsl:attribute></xsl:if>
      <xsl:call-template name="fo-chg-style"/>
      <fo:list-item-label end-indent="label-end()">
        <fo:block>
          <xsl:choose>
            <xsl:when test="$list/@type = 'ordered'">
              <xsl:variable name="start">
                <xsl:choose>
                  <xsl:when test="number($list/@start) = number($list/@start)"><xsl:value-of select="number($list/@start)"/></xsl:when>
                  <xsl:otherwise>1</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:value-of select="$start + count(preceding-sibling::md:item)"/>
              <xsl:choose>
                <xsl:when test="$list/@delim = 'paren'">)</xsl:when>
                <xsl:otherwise>.</xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:when test="count(ancestor::md:list) mod 2 = 0">–</xsl:when>
            <xsl:otherwise>•</xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block>
          <xsl:call-template name="fo-bar-begin"/>
          <xsl:apply-templates/>
          <xsl:call-template name="fo-bar-end"/>
        </fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:template match="md:block_quote">
    <fo:block start-indent="from-parent(start-indent) + 4mm" padding-start="3mm"
        border-left="1.5pt solid {$c-rule}" color="{$c-muted}" space-after="2.5mm">
      <xsl:call-template name="fo-chg-style"/>
      <xsl:call-template name="fo-bar-begin"/>
      <xsl:apply-templates/>
      <xsl:call-template name="fo-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="md:code_block">
    <fo:block font-family="{$font-mono}" font-size="8.5pt" background-color="#f5f5f5"
        padding="2mm" space-after="2.5mm" linefeed-treatment="preserve"
        white-space-collapse="false" white-space-treatment="preserve" wrap-option="wrap">
      <xsl:call-template name="fo-chg-style"/>
      <xsl:call-template name="fo-bar-begin"/>
      <xsl:apply-templates/>
      <xsl:call-template name="fo-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="md:thematic_break">
    <fo:block space-after="2.5mm"><fo:leader leader-pattern="rule" leader-length="100%" rule-thickness="0.5pt" color="{$c-rule}"/></fo:block>
  </xsl:template>

  <xsl:template match="md:text"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="md:softbreak"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="md:linebreak"><fo:block/></xsl:template>
  <xsl:template match="md:code"><fo:inline font-family="{$font-mono}" font-size="0.9em"><xsl:value-of select="."/></fo:inline></xsl:template>
  <xsl:template match="md:emph"><fo:inline font-style="italic"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="md:strong"><fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline></xsl:template>

  <xsl:template match="md:link">
    <xsl:call-template name="fo-link">
      <xsl:with-param name="url" select="@destination"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Anything else cmark might produce is shown as text, never as markup. -->
  <xsl:template match="md:*"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
