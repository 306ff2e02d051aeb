<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  html.xsl (fo) - sets an HTML page of styrdok as XSL-FO.  The register,
  report and packet PDFs are made by running the HTML stylesheet of the
  same kind into a variable and converting the page it builds (mode
  h2f), so the PDF carries exactly the content of the HTML page: the
  masthead's kind and stamp become page furniture, h1..h6 become tagged
  headings and bookmarks, tables keep their header rows on every page,
  links keep to the allow-list of common.xsl, and the visually hidden
  screen-reader words are left out (the PDF is tagged instead).
  Imported by a kind's stylesheet after fo/common.xsl and before the
  HTML stylesheet it converts.  That stylesheet inherits the HTML one's
  xsl:output doctype, which XSLT 1.0 cannot unset; styrdok serialises
  every XSL-FO result itself, without a document type declaration
  (transform.c), since FOP refuses one.

  The HTML this reads is a contract with html/: the classes req,
  req-head, req-text, req-meta, md-heading, signature, draft-mark,
  bilaga, sheet, ack, docinfo, matrix, raci, sign, cell-high, cell-low,
  gap, num, stamp, screen-only and visually-hidden, the attribute
  data-change of a redline's marks, and header/p[@class='doctype'] and
  [@class='stamp'] for the page furniture.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:s="urn:styrdok:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="s exsl str">

  <xsl:import href="common.xsl"/>

  <!--
    The whole PDF from the HTML page $html (a node-set).  $master: the
    page sequence master; $top: extra bookmarks (FO) before the headings'.
  -->
  <xsl:template name="html-page">
    <xsl:param name="html"/>
    <xsl:param name="master" select="'styrdok'"/>
    <xsl:variable name="body" select="$html/html/body"/>
    <xsl:variable name="main" select="$body/main"/>
    <xsl:variable name="h1" select="normalize-space(($main//h1)[1])"/>
    <xsl:variable name="kind" select="normalize-space($body/header/p[@class = 'doctype'])"/>
    <xsl:variable name="stamp" select="normalize-space($body/header/p[@class = 'stamp'])"/>
    <xsl:variable name="draft" select="contains(concat(' ', $body/@class, ' '), ' draft ')"/>
    <fo:root xml:lang="sv" font-family="{$font-body}" font-size="{$size-body}" line-height="1.45"
        color="{$c-text}" hyphenate="false" text-align="start">
      <xsl:call-template name="layout-masters"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="$h1"/>
        <xsl:with-param name="subject" select="concat($kind, ': ', $h1)"/>
        <xsl:with-param name="keywords" select="$html/html/head/meta[@name = 'keywords']/@content"/>
      </xsl:call-template>
      <fo:bookmark-tree>
        <xsl:for-each select="($main//h1)[1]">
          <fo:bookmark><xsl:attribute name="internal-destination"><xsl:call-template name="h-id"/></xsl:attribute>
            <fo:bookmark-title><xsl:value-of select="$h1"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
        <xsl:for-each select="$main//h2">
          <xsl:variable name="me" select="generate-id()"/>
          <fo:bookmark starting-state="hide">
            <xsl:attribute name="internal-destination"><xsl:call-template name="h-id"/></xsl:attribute>
            <fo:bookmark-title><xsl:call-template name="h-text"/></fo:bookmark-title>
            <xsl:for-each select="following::h3[generate-id(preceding::h2[1]) = $me]">
              <fo:bookmark>
                <xsl:attribute name="internal-destination"><xsl:call-template name="h-id"/></xsl:attribute>
                <fo:bookmark-title><xsl:call-template name="h-text"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:for-each>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
      <fo:page-sequence master-reference="{$master}" id="styrdok-page" initial-page-number="1">
        <xsl:call-template name="furniture">
          <xsl:with-param name="head-left" select="$org-name"/>
          <xsl:with-param name="head-right" select="$h1"/>
          <xsl:with-param name="stamp" select="$stamp"/>
          <xsl:with-param name="seq" select="'styrdok-page'"/>
          <xsl:with-param name="draft" select="$draft"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <!-- The stamp is in the footer of every page; no monospace line under the masthead. -->
          <xsl:call-template name="masthead">
            <xsl:with-param name="kind" select="$kind"/>
          </xsl:call-template>
          <xsl:apply-templates select="$body/*[not(self::header[@class = 'masthead'])]" mode="h2f"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- A heading's id: its own, else one made for it. -->
  <xsl:template name="h-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:when test="parent::section[@id] and not(preceding-sibling::*)"><xsl:value-of select="../@id"/></xsl:when>
      <xsl:otherwise>h2f-<xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h-text">
    <xsl:for-each select=".//text()[not(ancestor::*[contains(@class, 'visually-hidden')])]">
      <xsl:value-of select="."/>
      <xsl:if test="ancestor::span[@class = 'num']"><xsl:text> </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- An id attribute for the FO made from an HTML element with one. -->
  <xsl:template name="copy-id">
    <xsl:if test="@id and not(self::section and *[1][self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][not(@id)])">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="has-class">
    <xsl:param name="c"/>
    <xsl:if test="contains(concat(' ', @class, ' '), concat(' ', $c, ' '))">1</xsl:if>
  </xsl:template>

  <!-- ===== Blocks ===== -->

  <xsl:template match="*" mode="h2f">
    <fo:inline><xsl:apply-templates mode="h2f"/></fo:inline>
  </xsl:template>

  <!--
    A block the redline marks (data-change, see html/commonmark.xsl): the
    colour and line of an addition or removal, and a change bar beside
    the outermost marked block, as fo/common.xsl sets them from the tree.
  -->
  <xsl:template name="h2f-chg-style">
    <xsl:choose>
      <xsl:when test="@data-change = 'inserted'">
        <xsl:attribute name="color"><xsl:value-of select="$c-ins"/></xsl:attribute>
        <xsl:attribute name="text-decoration">underline</xsl:attribute>
      </xsl:when>
      <xsl:when test="@data-change = 'deleted' or @data-change = 'moved-away'">
        <xsl:attribute name="color"><xsl:value-of select="$c-del"/></xsl:attribute>
        <xsl:attribute name="text-decoration">line-through</xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="h2f-bar-begin">
    <xsl:if test="@data-change and not(ancestor::*[@data-change])">
      <fo:change-bar-begin change-bar-class="{generate-id()}" change-bar-color="{$c-accent}"
          change-bar-style="solid" change-bar-width="2.5pt" change-bar-offset="3.5mm" change-bar-placement="start"/>
    </xsl:if>
  </xsl:template>
  <xsl:template name="h2f-bar-end">
    <xsl:if test="@data-change and not(ancestor::*[@data-change])">
      <fo:change-bar-end change-bar-class="{generate-id()}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="section | div | nav | main | article | aside | header | figure" mode="h2f">
    <fo:block>
      <xsl:call-template name="copy-id"/>
      <xsl:if test="contains(concat(' ', @class, ' '), ' bilaga ') or contains(concat(' ', @class, ' '), ' sheet ') or contains(concat(' ', @class, ' '), ' ack ')">
        <xsl:attribute name="break-before">page</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="h2f-chg-style"/>
      <xsl:call-template name="h2f-bar-begin"/>
      <xsl:apply-templates mode="h2f"/>
      <xsl:call-template name="h2f-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="*[contains(concat(' ', @class, ' '), ' screen-only ')] | *[contains(concat(' ', @class, ' '), ' visually-hidden ')] | a[@class = 'skip'] | head | style | script" mode="h2f" priority="5"/>

  <xsl:template match="html | body" mode="h2f"><xsl:apply-templates mode="h2f"/></xsl:template>

  <!-- A requirement, as the document PDF sets it. -->
  <xsl:template match="div[contains(concat(' ', @class, ' '), ' req ')]" mode="h2f" priority="2">
    <fo:block border-left="2.5pt solid {$c-primary}" background-color="{$c-req}"
        padding-left="3mm" padding-end="3mm" padding-top="1.8mm" padding-bottom="1mm"
        space-before="2mm" space-after="3.5mm" keep-together.within-page="always">
      <xsl:call-template name="copy-id"/>
      <xsl:call-template name="h2f-chg-style"/>
      <xsl:call-template name="h2f-bar-begin"/>
      <xsl:apply-templates mode="h2f"/>
      <xsl:call-template name="h2f-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="h1" mode="h2f">
    <xsl:call-template name="title-block">
      <xsl:with-param name="id"><xsl:call-template name="h-id"/></xsl:with-param>
      <xsl:with-param name="text"><xsl:apply-templates mode="h2f"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="h2 | h3 | h4 | h5 | h6" mode="h2f">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="substring(local-name(), 2)"/>
      <xsl:with-param name="id"><xsl:call-template name="h-id"/></xsl:with-param>
      <xsl:with-param name="text"><xsl:apply-templates mode="h2f"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    The paragraphs and lists that introduce a risk matrix (the analysis's
    participants, scale and gaps) stay on its page, and so does the
    heading kept with them.
  -->
  <xsl:template name="keep-with-matrix">
    <xsl:if test="following-sibling::*[self::table or contains(concat(' ', @class, ' '), ' wide ')][1][contains(concat(' ', @class, ' '), ' matrix ') or table[contains(concat(' ', @class, ' '), ' matrix ')]]">
      <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="p" mode="h2f">
    <fo:block space-after="2.5mm">
      <xsl:call-template name="copy-id"/>
      <xsl:choose>
        <xsl:when test="@class = 'req-head' or @class = 'req-meta'">
          <xsl:attribute name="font-size">8.5pt</xsl:attribute>
          <xsl:attribute name="color"><xsl:value-of select="$c-muted"/></xsl:attribute>
          <xsl:attribute name="space-after">1mm</xsl:attribute>
        </xsl:when>
        <xsl:when test="@class = 'req-text'">
          <xsl:attribute name="font-weight">bold</xsl:attribute>
          <xsl:attribute name="space-after">1mm</xsl:attribute>
        </xsl:when>
        <xsl:when test="@class = 'md-heading'">
          <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
        </xsl:when>
        <xsl:when test="@class = 'signature'">
          <!-- Never a page holding only the signature: it goes with the text it signs. -->
          <xsl:attribute name="space-before">10mm</xsl:attribute>
          <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
          <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="keep-with-matrix"/>
      <xsl:call-template name="h2f-chg-style"/>
      <xsl:call-template name="h2f-bar-begin"/>
      <xsl:apply-templates mode="h2f"/>
      <xsl:call-template name="h2f-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="p[contains(concat(' ', @class, ' '), ' draft-mark ')]" mode="h2f" priority="2">
    <xsl:call-template name="banner"><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="footer" mode="h2f">
    <fo:block font-size="8pt" color="{$c-muted}" space-before="8mm" border-top="0.5pt solid {$c-rule}"
        padding-top="2mm" keep-together.within-page="always">
      <xsl:for-each select="p"><fo:block><xsl:apply-templates mode="h2f"/></fo:block></xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="ul | ol" mode="h2f">
    <xsl:if test="li">
      <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm" space-after="2.5mm">
        <xsl:if test="self::ol"><xsl:attribute name="provisional-distance-between-starts">7.5mm</xsl:attribute></xsl:if>
        <xsl:call-template name="copy-id"/>
        <xsl:call-template name="keep-with-matrix"/>
        <xsl:for-each select="li">
          <fo:list-item space-after="1mm">
            <xsl:call-template name="copy-id"/>
            <fo:list-item-label end-indent="label-end()">
              <fo:block>
                <xsl:choose>
                  <xsl:when test="parent::ol">
                    <xsl:variable name="start">
                      <xsl:choose>
                        <xsl:when test="number(../@start) = number(../@start)"><xsl:value-of select="number(../@start)"/></xsl:when>
                        <xsl:otherwise>1</xsl:otherwise>
                      </xsl:choose>
                    </xsl:variable>
                    <xsl:value-of select="$start + position() - 1"/>.</xsl:when>
                  <xsl:otherwise>•</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block>
                <xsl:call-template name="h2f-chg-style"/>
                <xsl:call-template name="h2f-bar-begin"/>
                <xsl:apply-templates mode="h2f"/>
                <xsl:call-template name="h2f-bar-end"/>
              </fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <!-- The table of contents: one line per entry, with its page. -->
  <xsl:template match="nav[contains(concat(' ', @class, ' '), ' toc ')]" mode="h2f" priority="2">
    <fo:block>
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates select="h2" mode="h2f"/>
      <fo:block role="TOC" font-size="9.5pt" space-after="4mm">
        <xsl:apply-templates select="ol/li" mode="toc"/>
      </fo:block>
    </fo:block>
  </xsl:template>

  <xsl:template match="li" mode="toc">
    <xsl:variable name="frag" select="substring(a/@href, 2)"/>
    <xsl:variable name="depth" select="count(ancestor::li)"/>
    <xsl:variable name="exists" select="starts-with(a/@href, '#') and (//*[@id = $frag])"/>
    <fo:block role="TOCI" text-align-last="justify" start-indent="{$depth * 8}mm" end-indent="10mm"
        last-line-end-indent="-10mm" space-before="{1.6 - $depth * 0.6}mm">
      <xsl:if test="$depth = 0"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$exists">
          <fo:basic-link internal-destination="{$frag}" fox:alt-text="{normalize-space(a)}">
            <xsl:apply-templates select="a/node()" mode="h2f"/>
            <fo:inline font-weight="normal">
              <xsl:text> </xsl:text>
              <fo:leader leader-pattern="dots" leader-pattern-width="2.5mm" color="{$c-rule}"/>
              <xsl:text> </xsl:text>
              <fo:page-number-citation ref-id="{$frag}"/>
            </fo:inline>
          </fo:basic-link>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="a/node()" mode="h2f"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <xsl:apply-templates select="ol/li" mode="toc"/>
  </xsl:template>

  <xsl:template match="dl" mode="h2f">
    <fo:block space-after="2mm">
      <xsl:call-template name="copy-id"/>
      <xsl:for-each select="dt | dd">
        <xsl:choose>
          <xsl:when test="self::dt">
            <fo:block font-weight="bold" keep-with-next.within-page="always" space-before="1.5mm">
              <xsl:call-template name="copy-id"/>
              <xsl:call-template name="h2f-chg-style"/>
              <xsl:apply-templates mode="h2f"/>
            </fo:block>
          </xsl:when>
          <xsl:otherwise>
            <fo:block start-indent="6mm" space-after="1mm"><xsl:call-template name="h2f-chg-style"/><xsl:apply-templates mode="h2f"/></fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="blockquote" mode="h2f">
    <fo:block start-indent="from-parent(start-indent) + 4mm" padding-left="3mm"
        border-left="1.5pt solid {$c-rule}" color="{$c-muted}" space-after="2.5mm">
      <xsl:apply-templates mode="h2f"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="pre" mode="h2f">
    <fo:block font-family="{$font-mono}" font-size="8.5pt" background-color="#f5f5f5"
        padding="2mm" space-after="2.5mm" linefeed-treatment="preserve"
        white-space-collapse="false" white-space-treatment="preserve" wrap-option="wrap">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="hr" mode="h2f">
    <fo:block space-after="2.5mm"><fo:leader leader-pattern="rule" leader-length="100%" rule-thickness="0.5pt" color="{$c-rule}"/></fo:block>
  </xsl:template>

  <!-- ===== Tables ===== -->

  <!--
    The width of the flow in mm, where a table can be as wide as the
    page (A4 portrait less the margins); a landscape kind overrides it.
  -->
  <xsl:variable name="body-width" select="165"/>

  <!--
    The columns of a table on its own in the flow, in mm: every column
    at least as wide as its longest unbreakable piece (a word, or the
    part of a compound up to a soft hyphen, see "soft"; 2.1 mm a
    character at 9 pt, bold included, plus the padding; a table whose
    pieces do not fit is set in a smaller size), and the width
    left over shared in proportion to how much more each column's
    average text would take on one line.  Proportional widths
    alone made a narrow column of a short text with one long word, and
    FOP set the word across the border (and warned).
  -->
  <xsl:template name="h2f-columns">
    <xsl:param name="rows"/>
    <xsl:param name="row-heads"/>
    <xsl:variable name="cols">
      <xsl:for-each select="$rows[1]/*">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="all">
          <xsl:for-each select="$rows/*[$i]//text()[not(ancestor::*[contains(@class, 'visually-hidden')])]">
            <xsl:value-of select="concat(' ', ., ' ')"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="soft"><xsl:call-template name="soft"><xsl:with-param name="s" select="normalize-space($all)"/></xsl:call-template></xsl:variable>
        <!-- A line breaks at a space or a soft hyphen (FOP keeps "2026-09-30" whole). -->
        <xsl:variable name="word">
          <xsl:for-each select="str:tokenize(translate($soft, '&#xAD;', ' '), ' ')">
            <xsl:sort select="string-length(.)" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="string-length(.) + 1"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <!-- The average text of its cells: what a column's share of the page is for. -->
        <xsl:variable name="cells" select="$rows/*[$i]"/>
        <xsl:variable name="lengths">
          <xsl:for-each select="$cells"><x><xsl:value-of select="string-length(normalize-space(.))"/></x></xsl:for-each>
        </xsl:variable>
        <xsl:variable name="text" select="sum(exsl:node-set($lengths)/x) div count($cells)"/>
        <xsl:variable name="min" select="number(concat('0', $word)) * 2.1 + 4"/>
        <xsl:variable name="pref" select="$text * 2.1 + 4"/>
        <col min="{$min}" more="{($pref > $min) * ($pref - $min)}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="c" select="exsl:node-set($cols)/col"/>
    <xsl:variable name="min-sum" select="sum($c/@min)"/>
    <xsl:variable name="more-sum" select="sum($c/@more)"/>
    <xsl:variable name="left" select="$body-width - $min-sum"/>
    <!--
      Too wide even so: the table is set smaller (down to 7 pt), its
      text scaled to fit, the padding (4 mm a column) kept.
    -->
    <xsl:variable name="pad" select="4 * count($c)"/>
    <xsl:variable name="k">
      <xsl:choose>
        <xsl:when test="$left &lt; 0 and $min-sum > $pad"><xsl:value-of select="($body-width - $pad) div ($min-sum - $pad)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$k &lt; 1">
      <xsl:attribute name="font-size"><xsl:value-of select="format-number(9 * $k - (9 * $k &lt; 7) * (9 * $k - 7), '0.0')"/>pt</xsl:attribute>
    </xsl:if>
    <xsl:for-each select="$c">
      <xsl:variable name="w">
        <xsl:choose>
          <xsl:when test="$k &lt; 1"><xsl:value-of select="4 + (@min - 4) * $k"/></xsl:when>
          <xsl:when test="$more-sum = 0"><xsl:value-of select="@min + $left * @min div $min-sum"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@min + $left * @more div $more-sum"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fo:table-column column-width="{format-number($w, '0.0')}mm">
        <xsl:if test="position() = 1 and $row-heads"><xsl:attribute name="fox:header">true</xsl:attribute></xsl:if>
      </fo:table-column>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="table" mode="h2f">
    <xsl:variable name="rows" select="tr | thead/tr | tbody/tr | tfoot/tr"/>
    <xsl:variable name="body-rows" select="tr | tbody/tr | tfoot/tr"/>
    <xsl:variable name="docinfo" select="contains(concat(' ', @class, ' '), ' docinfo ')"/>
    <xsl:variable name="row-heads" select="$body-rows[1]/*[1][self::th]"/>
    <xsl:if test="$body-rows">
      <xsl:if test="caption[not(contains(concat(' ', @class, ' '), ' visually-hidden '))]">
        <xsl:call-template name="caption"><xsl:with-param name="text"><xsl:apply-templates select="caption/node()" mode="h2f"/></xsl:with-param></xsl:call-template>
      </xsl:if>
      <fo:table xsl:use-attribute-sets="table">
        <xsl:call-template name="copy-id"/>
        <!-- A risk matrix is read as a whole: never split across pages. -->
        <xsl:if test="contains(concat(' ', @class, ' '), ' matrix ')">
          <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
        </xsl:if>
        <xsl:if test="$docinfo"><xsl:attribute name="font-size">9.5pt</xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="$docinfo">
            <xsl:for-each select="$rows[1]/*">
              <fo:table-column column-width="proportional-column-width({30 + 30 * (position() > 1)})">
                <xsl:if test="position() = 1 and $row-heads"><xsl:attribute name="fox:header">true</xsl:attribute></xsl:if>
              </fo:table-column>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="contains(concat(' ', @class, ' '), ' matrix ')">
            <!-- A risk matrix: the consequence labels, then columns of one width. -->
            <xsl:for-each select="$rows[1]/*">
              <fo:table-column column-width="proportional-column-width({2 + (position() = 1)})">
                <xsl:if test="position() = 1 and $row-heads"><xsl:attribute name="fox:header">true</xsl:attribute></xsl:if>
              </fo:table-column>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="ancestor::table or ancestor::li or ancestor::blockquote or ancestor::div[contains(concat(' ', @class, ' '), ' req ')]">
            <xsl:for-each select="$rows[1]/*">
              <fo:table-column column-width="proportional-column-width(1)">
                <xsl:if test="position() = 1 and $row-heads"><xsl:attribute name="fox:header">true</xsl:attribute></xsl:if>
              </fo:table-column>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="h2f-columns">
              <xsl:with-param name="rows" select="$rows"/>
              <xsl:with-param name="row-heads" select="$row-heads"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="thead/tr">
          <fo:table-header>
            <xsl:apply-templates select="thead/tr" mode="h2f"/>
          </fo:table-header>
        </xsl:if>
        <fo:table-body>
          <xsl:apply-templates select="$body-rows" mode="h2f"/>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <!--
    A row's id goes on its first cell: FOP 2.8 leaves every link to an
    id on an fo:table-row outside the structure tree (no StructParent),
    which PDF/UA forbids.
  -->
  <xsl:template match="tr" mode="h2f">
    <fo:table-row keep-together.within-page="always">
      <xsl:apply-templates select="th | td" mode="h2f"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="th | td" mode="h2f">
    <xsl:variable name="in-head" select="ancestor::thead"/>
    <xsl:variable name="table" select="ancestor::table[1]"/>
    <fo:table-cell xsl:use-attribute-sets="cell">
      <xsl:call-template name="copy-id"/>
      <xsl:if test="not(@id) and ../@id and not(preceding-sibling::*)">
        <xsl:attribute name="id"><xsl:value-of select="../@id"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@colspan > 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
      <xsl:if test="@rowspan > 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$in-head">
          <xsl:attribute name="background-color"><xsl:value-of select="$c-tint"/></xsl:attribute>
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:when>
        <xsl:when test="self::th and contains(concat(' ', $table/@class, ' '), ' docinfo ')">
          <xsl:attribute name="background-color">#f5f7fa</xsl:attribute>
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:when>
        <xsl:when test="self::th">
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="contains(concat(' ', $table/@class, ' '), ' matrix ') or contains(concat(' ', $table/@class, ' '), ' raci ')">
        <xsl:if test="self::td"><xsl:attribute name="text-align">center</xsl:attribute></xsl:if>
      </xsl:if>
      <xsl:if test="contains(concat(' ', @class, ' '), ' cell-high ')">
        <xsl:attribute name="background-color">#fde7e9</xsl:attribute>
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:if test="contains(concat(' ', @class, ' '), ' cell-low ')">
        <xsl:attribute name="background-color">#eef6ee</xsl:attribute>
      </xsl:if>
      <xsl:if test="contains(concat(' ', @class, ' '), ' gap ')">
        <xsl:attribute name="color"><xsl:value-of select="$c-draft"/></xsl:attribute>
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:if test="contains(concat(' ', @class, ' '), ' stamp ')">
        <xsl:attribute name="font-family"><xsl:value-of select="$font-mono"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$table/ancestor::table or contains(concat(' ', $table/@class, ' '), ' sign ')">
        <xsl:attribute name="height">11mm</xsl:attribute>
      </xsl:if>
      <fo:block><xsl:apply-templates mode="h2f"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- ===== Inlines ===== -->

  <xsl:template match="text()" mode="h2f">
    <xsl:choose>
      <xsl:when test="ancestor::td or ancestor::th">
        <xsl:call-template name="soft"><xsl:with-param name="s" select="."/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="h2f"/>

  <xsl:template match="strong | b" mode="h2f"><fo:inline font-weight="bold"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:template>
  <xsl:template match="em | i" mode="h2f"><fo:inline font-style="italic"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:template>
  <xsl:template match="code" mode="h2f"><fo:inline font-family="{$font-mono}" font-size="0.9em"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:template>
  <xsl:template match="br" mode="h2f"><fo:block/></xsl:template>

  <xsl:template match="span" mode="h2f">
    <xsl:variable name="c" select="concat(' ', @class, ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($c, ' gap ')"><fo:inline color="{$c-draft}" font-weight="bold"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:when test="contains($c, ' num ')"><fo:inline color="{$c-muted}"><xsl:apply-templates mode="h2f"/></fo:inline><xsl:text>&#x2002;</xsl:text></xsl:when>
      <xsl:when test="contains($c, ' stamp ')"><fo:inline font-family="{$font-mono}" font-size="0.9em"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:when test="contains($c, ' req-num ')"><fo:inline font-weight="bold" color="{$c-primary}" font-size="9pt"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:when test="contains($c, ' change-note ')"><fo:inline font-weight="bold" color="{$c-accent}"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:when test="contains($c, ' cell-value ')"><fo:inline color="{$c-muted}" font-size="7.5pt" font-weight="normal"><xsl:apply-templates mode="h2f"/></fo:inline><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="contains($c, ' ins-sample ')"><fo:inline color="{$c-ins}" background-color="{$c-ins-bg}" text-decoration="underline"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:when test="contains($c, ' del-sample ')"><fo:inline color="{$c-del}" background-color="{$c-del-bg}" text-decoration="line-through"><xsl:apply-templates mode="h2f"/></fo:inline></xsl:when>
      <xsl:otherwise><fo:inline><xsl:apply-templates mode="h2f"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inserted and deleted words with their labels for screen readers (common.xsl). -->
  <xsl:template match="ins" mode="h2f"><xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'ins'"/><xsl:with-param name="content"><xsl:apply-templates mode="h2f"/></xsl:with-param></xsl:call-template></xsl:template>
  <xsl:template match="del" mode="h2f"><xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'del'"/><xsl:with-param name="gap" select="boolean(following-sibling::node()[1][self::ins])"/><xsl:with-param name="content"><xsl:apply-templates mode="h2f"/></xsl:with-param></xsl:call-template></xsl:template>

  <!--
    Links: http, https and mailto (after the allow-list) as link
    annotations; #id as an internal link when the page has that id; a
    link to another file as its text, since a PDF stands alone.
  -->
  <xsl:template match="a" mode="h2f">
    <xsl:variable name="url" select="string(@href)"/>
    <xsl:variable name="frag" select="substring($url, 2)"/>
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lower" select="translate($url, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$ok = '1' and (starts-with($lower, 'http:') or starts-with($lower, 'https:') or starts-with($lower, 'mailto:'))">
        <fo:basic-link external-destination="{str:replace(normalize-space($url), ' ', '%20')}" color="{$c-primary}" fox:alt-text="{normalize-space($url)}">
          <xsl:apply-templates mode="h2f"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:when test="$ok = '1' and starts-with($url, '#') and $frag != '' and //*[@id = $frag]">
        <fo:basic-link internal-destination="{$frag}" color="{$c-primary}" fox:alt-text="{normalize-space(.)}">
          <xsl:apply-templates mode="h2f"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><fo:inline><xsl:apply-templates mode="h2f"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
