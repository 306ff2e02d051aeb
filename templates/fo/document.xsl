<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  document.xsl (fo) - one governing document as XSL-FO for a PDF/A-2a:
  the same content as the HTML page (masthead, dokumentinformation,
  table of contents, numbered sections and requirements, the roles the
  document names, versionshistorik, the acknowledgement as a bilaga),
  set on A4 with bookmarks, "Sida x (y)" with the title, version and
  short Dokument-id on every page and UTKAST on drafts.  In a
  redline (diff.xsl) the same pages show the change marks (common.xsl).
  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s md c exsl">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/model.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="status-name"><xsl:call-template name="status-name"/></xsl:variable>
  <xsl:variable name="type-name"><xsl:call-template name="type-name"/></xsl:variable>

  <!--
    The footer of every page: the title, version and the short
    Dokument-id (the full hash is in the PDF's metadata).  No file id
    and no monospace: the pages are read by politicians.
  -->
  <xsl:variable name="furniture" select="concat(normalize-space($meta/s:title), ' · version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/>

  <xsl:template match="/">
    <fo:root xml:lang="sv" font-family="{$font-body}" font-size="{$size-body}" line-height="1.45"
        color="{$c-text}" hyphenate="false" text-align="start">
      <xsl:call-template name="layout-masters"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="$meta/s:title"/>
        <xsl:with-param name="subject" select="concat($type-name, ': ', $meta/s:title, ', version ', $meta/s:version, ' (', $status-name, ')')"/>
        <xsl:with-param name="keywords" select="$meta/s:keywords"/>
        <xsl:with-param name="identifier" select="concat('sha256:', $sha256)"/>
      </xsl:call-template>
      <xsl:call-template name="bookmarks"/>
      <fo:page-sequence master-reference="styrdok" id="styrdok-doc" initial-page-number="1">
        <xsl:call-template name="furniture">
          <xsl:with-param name="head-left" select="$org-name"/>
          <xsl:with-param name="head-right" select="concat($type-name, ' · ', $meta/s:title)"/>
          <xsl:with-param name="stamp" select="$furniture"/>
          <xsl:with-param name="seq" select="'styrdok-doc'"/>
          <xsl:with-param name="draft" select="$is-draft"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="front"/>
          <xsl:call-template name="toc"/>
          <xsl:call-template name="document-body"/>
          <xsl:call-template name="roles"/>
          <xsl:call-template name="history"/>
          <xsl:call-template name="colophon"/>
          <xsl:apply-templates select="$document/s:acknowledgement"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ===== Bookmarks ===== -->

  <!--
    A named destination for each heading the contents list names: a
    link from outside can open the PDF there, and the build reads the
    page of each from the PDF for the DOCX's contents list (render.c).
  -->
  <xsl:template name="destinations">
    <xsl:for-each select="$document/s:body//s:section[not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]">
      <fox:destination internal-destination="{@id}"/>
    </xsl:for-each>
    <xsl:if test="$doc-roles"><fox:destination internal-destination="styrdok-roles"/></xsl:if>
    <fox:destination internal-destination="styrdok-history"/>
    <xsl:if test="$document/s:acknowledgement"><fox:destination internal-destination="styrdok-ack"/></xsl:if>
  </xsl:template>

  <xsl:template name="bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="styrdok-title">
        <fo:bookmark-title><xsl:value-of select="$meta/s:title"/></fo:bookmark-title>
      </fo:bookmark>
      <fo:bookmark internal-destination="styrdok-docinfo">
        <fo:bookmark-title>Dokumentinformation</fo:bookmark-title>
      </fo:bookmark>
      <xsl:if test="$redline">
        <fo:bookmark internal-destination="styrdok-changes">
          <fo:bookmark-title>Ändringar</fo:bookmark-title>
        </fo:bookmark>
      </xsl:if>
      <fo:bookmark internal-destination="styrdok-toc">
        <fo:bookmark-title>Innehåll</fo:bookmark-title>
      </fo:bookmark>
      <xsl:apply-templates select="$document/s:body/s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="bookmark"/>
      <xsl:if test="$doc-roles">
        <fo:bookmark internal-destination="styrdok-roles"><fo:bookmark-title>Roller i dokumentet</fo:bookmark-title></fo:bookmark>
      </xsl:if>
      <fo:bookmark internal-destination="styrdok-history"><fo:bookmark-title>Versionshistorik</fo:bookmark-title></fo:bookmark>
      <xsl:if test="$document/s:acknowledgement">
        <fo:bookmark internal-destination="styrdok-ack">
          <fo:bookmark-title>Bilaga: <xsl:value-of select="$document/s:acknowledgement/s:title"/></fo:bookmark-title>
        </fo:bookmark>
      </xsl:if>
    </fo:bookmark-tree>
  </xsl:template>

  <xsl:template match="s:section" mode="bookmark">
    <fo:bookmark internal-destination="{@id}" starting-state="hide">
      <xsl:variable name="title"><xsl:apply-templates select="s:title" mode="plain"/></xsl:variable>
      <fo:bookmark-title><xsl:value-of select="concat(@num, ' ', normalize-space($title))"/></fo:bookmark-title>
      <xsl:apply-templates select="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

  <!-- ===== Front page ===== -->

  <xsl:template name="front">
    <xsl:call-template name="masthead">
      <xsl:with-param name="kind" select="$type-name"/>
    </xsl:call-template>
    <xsl:if test="$is-draft">
      <xsl:call-template name="banner">
        <xsl:with-param name="text" select="concat('UTKAST – ', $status-name, ', inte beslutad')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="title-block">
      <xsl:with-param name="id" select="'styrdok-title'"/>
      <xsl:with-param name="text" select="string($meta/s:title)"/>
    </xsl:call-template>
    <xsl:call-template name="docinfo"/>
    <xsl:call-template name="redline-summary"/>
  </xsl:template>

  <!-- Where a redline puts its summary of changes (see diff.xsl). -->
  <xsl:template name="redline-summary"/>

  <xsl:template name="docinfo">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="id" select="'styrdok-docinfo'"/>
      <xsl:with-param name="text" select="'Dokumentinformation'"/>
    </xsl:call-template>
    <fo:table xsl:use-attribute-sets="table" font-size="9.5pt">
      <fo:table-column fox:header="true" column-width="proportional-column-width(34)"/>
      <fo:table-column column-width="proportional-column-width(66)"/>
      <fo:table-body>
        <xsl:for-each select="$docinfo">
          <xsl:call-template name="info-row">
            <xsl:with-param name="label" select="string(@label)"/>
            <xsl:with-param name="value">
              <xsl:if test="old">
                <xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'del'"/><xsl:with-param name="content" select="string(old)"/></xsl:call-template>
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:for-each select="v">
                <xsl:choose>
                  <xsl:when test="count(../v) > 1"><fo:block><xsl:apply-templates select="." mode="docinfo"/></fo:block></xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="." mode="docinfo"/></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="info-row">
          <xsl:with-param name="label" select="'Dokument-id'"/>
          <xsl:with-param name="value">
            <xsl:value-of select="$short-hash"/>
            <fo:block font-size="8pt" color="{$c-muted}" space-before="0.8mm"><xsl:value-of select="$doc-id-meaning"/></fo:block>
          </xsl:with-param>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!--
    A value: text, a gap, another document by title and version.  The
    HTML links to the other page; a PDF stands alone, so it names it.
  -->
  <xsl:template match="v" mode="docinfo">
    <xsl:choose>
      <xsl:when test="../old">
        <xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'ins'"/><xsl:with-param name="content" select="string(.)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@gap = 'yes'"><xsl:call-template name="gap-text"><xsl:with-param name="text" select="string(.)"/></xsl:call-template></xsl:when>
      <xsl:when test="@doc"><xsl:value-of select="concat(., ' (version ', @version, ')')"/></xsl:when>
      <xsl:when test="@missing = 'yes'">
        <xsl:value-of select="."/>
        <xsl:text> – </xsl:text>
        <xsl:call-template name="gap-text"><xsl:with-param name="text" select="'saknas ännu'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Table of contents ===== -->

  <xsl:template name="toc-entry">
    <xsl:param name="ref"/>
    <xsl:param name="num" select="''"/>
    <xsl:param name="text"/>
    <xsl:param name="depth" select="0"/>
    <fo:block role="TOCI" text-align-last="justify" start-indent="{$depth * 8}mm" end-indent="10mm"
        last-line-end-indent="-10mm" space-before="{1.6 - $depth * 0.6}mm">
      <xsl:if test="$depth = 0"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <fo:basic-link internal-destination="{$ref}" fox:alt-text="{normalize-space(concat($num, ' ', $text))}">
        <xsl:if test="string($num) != ''">
          <fo:inline color="{$c-muted}"><xsl:value-of select="$num"/></fo:inline>
          <xsl:text>&#x2002;</xsl:text>
        </xsl:if>
        <xsl:value-of select="$text"/>
        <fo:inline font-weight="normal">
          <xsl:text> </xsl:text>
          <fo:leader leader-pattern="dots" leader-pattern-width="2.5mm" color="{$c-rule}"/>
          <xsl:text> </xsl:text>
          <fo:page-number-citation ref-id="{$ref}"/>
        </fo:inline>
      </fo:basic-link>
    </fo:block>
  </xsl:template>

  <xsl:template name="toc">
    <fo:block break-before="page"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="id" select="'styrdok-toc'"/>
      <xsl:with-param name="text" select="'Innehåll'"/>
    </xsl:call-template>
    <fo:block role="TOC" font-size="9.5pt">
      <xsl:apply-templates select="$document/s:body/s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
      <xsl:if test="$doc-roles">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="ref" select="'styrdok-roles'"/>
          <xsl:with-param name="text" select="'Roller i dokumentet'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="ref" select="'styrdok-history'"/>
        <xsl:with-param name="text" select="'Versionshistorik'"/>
      </xsl:call-template>
      <xsl:if test="$document/s:acknowledgement">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="ref" select="'styrdok-ack'"/>
          <xsl:with-param name="text" select="concat('Bilaga: ', $document/s:acknowledgement/s:title)"/>
        </xsl:call-template>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template match="s:section" mode="toc">
    <xsl:variable name="title"><xsl:apply-templates select="s:title" mode="plain"/></xsl:variable>
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="ref" select="@id"/>
      <xsl:with-param name="num" select="@num"/>
      <xsl:with-param name="text" select="normalize-space($title)"/>
      <xsl:with-param name="depth" select="count(ancestor::s:section)"/>
    </xsl:call-template>
    <xsl:apply-templates select="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
  </xsl:template>

  <!-- ===== Body ===== -->

  <!-- The document's sections, from a new page after the contents. -->
  <xsl:template name="document-body">
    <fo:block break-before="page"/>
    <xsl:apply-templates select="$document/s:body/s:section"/>
  </xsl:template>

  <xsl:template match="s:section">
    <xsl:choose>
      <xsl:when test="@c:change">
        <fo:block>
          <xsl:call-template name="fo-chg-style"/>
          <xsl:call-template name="fo-bar-begin"/>
          <xsl:call-template name="section-content"/>
          <xsl:call-template name="fo-bar-end"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="section-content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="section-content">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="count(ancestor::s:section) + $section-base"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="num" select="@num"/>
      <xsl:with-param name="text">
        <xsl:call-template name="fo-chg-note"/>
        <xsl:for-each select="s:title">
          <xsl:call-template name="fo-bar-begin"/>
          <xsl:apply-templates select="." mode="marked"/>
          <xsl:call-template name="fo-bar-end"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::s:title)]"/>
  </xsl:template>

  <xsl:template match="s:prose"><xsl:apply-templates/></xsl:template>

  <xsl:template match="s:requirement">
    <xsl:variable name="parts"><xsl:call-template name="requirement-parts"/></xsl:variable>
    <fo:block id="{@id}" border-left="2.5pt solid {$c-primary}" background-color="{$c-req}"
        padding-start="3mm" padding-end="3mm" padding-top="1.8mm" padding-bottom="1mm"
        space-before="2mm" space-after="3.5mm" keep-together.within-page="always">
      <xsl:call-template name="fo-chg-style"/>
      <xsl:call-template name="fo-bar-begin"/>
      <fo:block font-size="8.5pt" color="{$c-muted}" space-after="0.8mm">
        <xsl:call-template name="fo-chg-note"/>
        <fo:inline font-weight="bold" color="{$c-primary}" font-size="9pt"><xsl:call-template name="requirement-label"/></fo:inline>
      </fo:block>
      <fo:block font-weight="bold" space-after="1mm">
        <xsl:for-each select="s:statement">
          <xsl:call-template name="fo-bar-begin"/>
          <xsl:apply-templates select="." mode="marked"/>
          <xsl:call-template name="fo-bar-end"/>
        </xsl:for-each>
      </fo:block>
      <fo:block font-size="8.5pt" color="{$c-muted}" space-after="1mm">
        <xsl:for-each select="exsl:node-set($parts)/part">
          <xsl:if test="position() > 1"> · </xsl:if>
          <xsl:value-of select="concat(@label, ': ')"/>
          <xsl:if test="old">
            <xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'del'"/><xsl:with-param name="content" select="string(old)"/></xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="old">
              <xsl:call-template name="fo-changed"><xsl:with-param name="kind" select="'ins'"/><xsl:with-param name="content" select="string(v)"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="@ref and $doc-roles[@id = current()/@ref]">
              <fo:basic-link internal-destination="role-{@ref}" fox:alt-text="Rollen i tabellen Roller i dokumentet">
                <xsl:value-of select="v"/>
              </fo:basic-link>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="v"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </fo:block>
      <xsl:if test="s:prose">
        <fo:block space-before="1mm"><xsl:apply-templates select="s:prose"/></fo:block>
      </xsl:if>
      <xsl:call-template name="fo-bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="s:definitions">
    <fo:block space-after="2mm">
      <xsl:for-each select="s:term">
        <fo:block>
          <xsl:call-template name="fo-chg-style"/>
          <xsl:call-template name="fo-bar-begin"/>
          <fo:block id="{@id}" font-weight="bold" keep-with-next.within-page="always" space-before="1.5mm">
            <xsl:call-template name="fo-chg-note"/>
            <xsl:apply-templates select="s:name" mode="marked"/>
          </fo:block>
          <fo:block start-indent="6mm" space-after="1mm"><xsl:apply-templates select="s:definition" mode="marked"/></fo:block>
          <xsl:call-template name="fo-bar-end"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- The responsibility matrix, written once in its own source. -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <xsl:variable name="n" select="count($m/s:parties/s:party)"/>
    <xsl:call-template name="caption">
      <xsl:with-param name="text"><xsl:call-template name="fo-chg-note"/><xsl:value-of select="$m/s:title"/></xsl:with-param>
    </xsl:call-template>
    <!-- More than four parties take room from the activity column. -->
    <xsl:variable name="act" select="40 - 10 * ($n &gt; 4)"/>
    <fo:table xsl:use-attribute-sets="table" font-size="8.5pt">
      <fo:table-column fox:header="true" column-width="proportional-column-width({$act})"/>
      <xsl:for-each select="$m/s:parties/s:party">
        <fo:table-column column-width="proportional-column-width({(100 - $act) div $n})"/>
      </xsl:for-each>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Aktivitet'"/></xsl:call-template>
          <xsl:for-each select="$m/s:parties/s:party">
            <fo:table-cell xsl:use-attribute-sets="head-cell" text-align="center" font-size="8pt"><fo:block><xsl:call-template name="soft"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template></fo:block></fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$m/s:activity">
          <xsl:variable name="a" select="."/>
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="row-head" font-weight="normal"><fo:block><xsl:call-template name="soft"><xsl:with-param name="s" select="normalize-space(s:name)"/></xsl:call-template></fo:block></fo:table-cell>
            <xsl:for-each select="$m/s:parties/s:party">
              <xsl:variable name="part" select="$a/s:part[@party = current()/@id]"/>
              <fo:table-cell xsl:use-attribute-sets="cell" text-align="center" display-align="center" font-weight="bold" font-size="10pt">
                <xsl:if test="$part/@role = 'A'"><xsl:attribute name="background-color"><xsl:value-of select="$c-tint"/></xsl:attribute></xsl:if>
                <fo:block><xsl:value-of select="$part/@role"/></fo:block>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
    <xsl:if test="$m/s:legend">
      <xsl:call-template name="para">
        <xsl:with-param name="text" select="normalize-space($m/s:legend)"/>
        <xsl:with-param name="muted" select="true()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The acknowledgement staff sign: a page of its own. -->
  <xsl:template match="s:acknowledgement">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="id" select="'styrdok-ack'"/>
      <xsl:with-param name="text" select="concat('Bilaga: ', s:title)"/>
      <xsl:with-param name="break" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="caption"><xsl:with-param name="text" select="'Dokumentet bekräftelsen gäller'"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="table" font-size="9.5pt">
      <fo:table-column fox:header="true" column-width="proportional-column-width(34)"/>
      <fo:table-column column-width="proportional-column-width(66)"/>
      <fo:table-body>
        <xsl:call-template name="info-row">
          <xsl:with-param name="label" select="'Dokument'"/>
          <xsl:with-param name="value" select="string($meta/s:title)"/>
        </xsl:call-template>
        <xsl:call-template name="info-row">
          <xsl:with-param name="label" select="'Version'"/>
          <xsl:with-param name="value" select="concat($meta/s:version, ' (', $status-name, ')')"/>
        </xsl:call-template>
        <xsl:call-template name="info-row">
          <xsl:with-param name="label" select="'Beslut'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$dec/@date"><xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$dec"/></xsl:call-template><xsl:if test="$dec/@dnr">, dnr <xsl:value-of select="$dec/@dnr"/></xsl:if></xsl:when>
              <xsl:otherwise>Ej beslutad</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="info-row">
          <xsl:with-param name="label" select="'Kontrollsumma'"/>
          <xsl:with-param name="value"><fo:inline font-family="{$font-mono}"><xsl:value-of select="$short-hash"/></fo:inline></xsl:with-param>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
    <fo:block font-weight="bold" space-before="4mm" space-after="5mm"><xsl:value-of select="normalize-space(s:statement)"/></fo:block>
    <xsl:call-template name="sign-table">
      <xsl:with-param name="caption" select="'Fylls i av medarbetaren'"/>
    </xsl:call-template>
    <xsl:call-template name="para"><xsl:with-param name="text" select="normalize-space(s:filing)"/></xsl:call-template>
  </xsl:template>

  <!-- The form a person fills in; $person fills the first four lines. -->
  <xsl:template name="sign-table">
    <xsl:param name="caption"/>
    <xsl:param name="person" select="/.."/>
    <xsl:param name="manager" select="false()"/>
    <xsl:call-template name="caption"><xsl:with-param name="text" select="$caption"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="table" font-size="10pt">
      <fo:table-column fox:header="true" column-width="proportional-column-width(34)"/>
      <fo:table-column column-width="proportional-column-width(66)"/>
      <fo:table-body>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Namn'"/><xsl:with-param name="value" select="string($person/@name)"/></xsl:call-template>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Förvaltning och enhet'"/><xsl:with-param name="value" select="string($person/@unit)"/></xsl:call-template>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Befattning'"/><xsl:with-param name="value" select="string($person/@title)"/></xsl:call-template>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Anställningsnummer'"/><xsl:with-param name="value" select="string($person/@employee)"/></xsl:call-template>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Ort och datum'"/></xsl:call-template>
        <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Underskrift'"/><xsl:with-param name="tall" select="true()"/></xsl:call-template>
        <xsl:if test="$manager">
          <xsl:call-template name="sign-row"><xsl:with-param name="label" select="'Mottagen av (chef)'"/><xsl:with-param name="tall" select="true()"/></xsl:call-template>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="sign-row">
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="tall" select="false()"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:attribute name="height"><xsl:choose><xsl:when test="$tall">17mm</xsl:when><xsl:otherwise>11mm</xsl:otherwise></xsl:choose></xsl:attribute>
      <fo:table-cell xsl:use-attribute-sets="info-head" display-align="center"><fo:block><xsl:value-of select="$label"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell" display-align="center" border="0.75pt solid #8c8c8c"><fo:block><xsl:value-of select="$value"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ===== Roles and history ===== -->

  <xsl:template name="roles">
    <xsl:if test="$doc-roles">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/>
        <xsl:with-param name="id" select="'styrdok-roles'"/>
        <xsl:with-param name="text" select="'Roller i dokumentet'"/>
      </xsl:call-template>
      <xsl:call-template name="caption"><xsl:with-param name="text" select="'Roller som dokumentet ger ansvar, med innehavare och krav'"/></xsl:call-template>
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column fox:header="true" column-width="proportional-column-width(27)"/>
        <fo:table-column column-width="proportional-column-width(29)"/>
        <fo:table-column column-width="proportional-column-width(24)"/>
        <fo:table-column column-width="proportional-column-width(20)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text" select="'Roll'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="'Innehas av'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="'Utses av'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="'Ansvarar för krav'"/></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="$doc-roles">
            <xsl:variable name="rid" select="@id"/>
            <fo:table-row keep-together.within-page="always">
              <fo:table-cell xsl:use-attribute-sets="row-head" id="role-{@id}"><fo:block><xsl:call-template name="soft"><xsl:with-param name="s" select="s:name"/></xsl:call-template></fo:block></fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="cell">
                <fo:block>
                  <xsl:for-each select="s:holder">
                    <xsl:if test="position() > 1">, </xsl:if><xsl:call-template name="soft"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
                  </xsl:for-each>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:call-template name="soft"><xsl:with-param name="s" select="normalize-space(s:appointed-by)"/></xsl:call-template></fo:block></fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="cell">
                <fo:block>
                  <xsl:variable name="reqs" select="$document//s:requirement[@role = $rid][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>
                  <xsl:for-each select="$reqs">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <fo:basic-link internal-destination="{@id}" color="{$c-primary}" fox:alt-text="Krav {@num}"><xsl:value-of select="@num"/></fo:basic-link>
                  </xsl:for-each>
                  <xsl:if test="not($reqs)">–</xsl:if>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="history">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="id" select="'styrdok-history'"/>
      <xsl:with-param name="text" select="'Versionshistorik'"/>
    </xsl:call-template>
    <xsl:call-template name="caption"><xsl:with-param name="text" select="'Versioner av dokumentet, äldst först'"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="table">
      <fo:table-column fox:header="true" column-width="proportional-column-width(12)"/>
      <fo:table-column column-width="proportional-column-width(14)"/>
      <fo:table-column column-width="proportional-column-width(17)"/>
      <fo:table-column column-width="proportional-column-width(15)"/>
      <fo:table-column column-width="proportional-column-width(42)"/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Version'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Datum'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Beslut'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Ansvarig'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$document/s:history/s:revision">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="row-head"><fo:block><xsl:value-of select="@version"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="@date"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell">
              <fo:block>
                <xsl:choose>
                  <xsl:when test="@organ">
                    <xsl:call-template name="decision-ref"><xsl:with-param name="with-date" select="false()"/></xsl:call-template>
                    <xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if>
                  </xsl:when>
                  <xsl:otherwise>Ej beslutad</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell">
              <fo:block><xsl:if test="@author"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@author"/></xsl:call-template></xsl:if></fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell">
              <fo:block>
                <xsl:value-of select="normalize-space(.)"/>
                <xsl:if test="@superseded"> Upphävd genom <xsl:value-of select="@superseded"/>.</xsl:if>
                <xsl:if test="@archived = 'no'"><xsl:text> </xsl:text><fo:inline font-style="italic">(Texten är inte arkiverad.)</fo:inline></xsl:if>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- The closing lines, as the HTML footer gives them (the full hash is in the metadata). -->
  <xsl:template name="colophon">
    <fo:block font-size="8pt" color="{$c-muted}" space-before="8mm" border-top="0.5pt solid {$c-rule}"
        padding-top="2mm" keep-together.within-page="always">
      <fo:block><xsl:value-of select="concat($org-name, ' · ', $meta/s:title, ' · version ', $meta/s:version, ' · ', $status-name)"/></fo:block>
      <fo:block>Dokument-id <xsl:value-of select="$short-hash"/></fo:block>
      <xsl:if test="/s:project/@build-date">
        <fo:block>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
