<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  document.xsl - one governing document as an OpenDocument Text package
  (the zip manifest of package.xsl): masthead, the front-page metadata
  block (dokumentinformation), table of contents, numbered sections and
  requirements, the roles the document names, versionshistorik, the
  acknowledgement, and on every page a header with id, version, status
  and the short content hash (and UTKAST for drafts) and a footer with
  "Sida x (y)".  The same content as html/document.xsl.  In a redline
  (diff.xsl) every change is a tracked change: changes.xsl replaces the
  hooks below (tracked-changes, ins-start, ins-end, gone-markers,
  change-id), which write nothing in a document.
  Parameters: doc, the document id; restricted (unused: documents have no
  restricted parts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="s md c exsl str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="../common/redline.xsl"/>
  <xsl:import href="package.xsl"/>
  <xsl:import href="commonmark.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="status-name"><xsl:call-template name="status-name"/></xsl:variable>
  <xsl:variable name="type-name"><xsl:call-template name="type-name"/></xsl:variable>

  <!-- What package.xsl puts in the header, footer and meta.xml. -->
  <xsl:variable name="odt-title" select="string($meta/s:title)"/>
  <xsl:variable name="odt-subject" select="concat($type-name, ': ', $meta/s:title, ', version ', $meta/s:version, ' (', $status-name, ')')"/>
  <xsl:variable name="odt-stamp" select="concat(normalize-space($meta/s:title), ' · version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/>
  <xsl:variable name="odt-draft" select="$is-draft"/>
  <xsl:variable name="odt-keywords" select="string($meta/s:keywords)"/>
  <xsl:variable name="odt-id" select="string($doc)"/>
  <xsl:variable name="odt-version" select="string($meta/s:version)"/>
  <xsl:variable name="odt-status" select="string($meta/s:status)"/>
  <xsl:variable name="odt-sha256" select="string($sha256)"/>

  <!-- Deepest heading level the table of contents lists. -->
  <xsl:variable name="toc-depth" select="3"/>

  <xsl:template match="/">
    <xsl:call-template name="odt-package"/>
  </xsl:template>

  <!-- ===== Automatic styles of content.xml: table geometry, page breaks ===== -->

  <xsl:template name="odt-auto-styles">
    <style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Heading_20_1">
      <style:paragraph-properties fo:break-before="page"/>
    </style:style>
    <style:style style:name="Tab" style:family="table" style:parent-style-name="Tabell">
      <style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
    </style:style>
    <style:style style:name="Cell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid {$c-rule}"/>
    </style:style>
    <style:style style:name="HeadCell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid {$c-rule}" fo:background-color="#eef2f7"/>
    </style:style>
    <style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Table_20_Contents">
      <style:paragraph-properties fo:text-align="center"/>
    </style:style>
    <style:style style:name="PCenterHead" style:family="paragraph" style:parent-style-name="Table_20_Heading">
      <style:paragraph-properties fo:text-align="center"/>
    </style:style>
    <style:style style:name="SignRow" style:family="table-row">
      <style:table-row-properties style:min-row-height="1.1cm"/>
    </style:style>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Info1'"/><xsl:with-param name="width" select="5"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Info2'"/><xsl:with-param name="width" select="11"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Roll1'"/><xsl:with-param name="width" select="5"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Roll2'"/><xsl:with-param name="width" select="4"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Roll3'"/><xsl:with-param name="width" select="4"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Roll4'"/><xsl:with-param name="width" select="3"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Hist1'"/><xsl:with-param name="width" select="1.7"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Hist2'"/><xsl:with-param name="width" select="2.3"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Hist3'"/><xsl:with-param name="width" select="3.2"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Hist4'"/><xsl:with-param name="width" select="2.8"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Hist5'"/><xsl:with-param name="width" select="6"/></xsl:call-template>
    <xsl:call-template name="column-style"><xsl:with-param name="name" select="'Matris1'"/><xsl:with-param name="width" select="4.8"/></xsl:call-template>
    <!-- One party column style per matrix shape (its number of parties). -->
    <xsl:variable name="refs" select="$document//s:matrix-ref"/>
    <xsl:for-each select="$refs">
      <xsl:variable name="p" select="position()"/>
      <xsl:variable name="n" select="count(key('id', @ref)/s:parties/s:party)"/>
      <xsl:if test="$n > 0 and not($refs[position() &lt; $p][count(key('id', @ref)/s:parties/s:party) = $n])">
        <xsl:call-template name="column-style">
          <xsl:with-param name="name" select="concat('Matris', $n, 'p')"/>
          <xsl:with-param name="width" select="format-number(11.2 div $n, '0.###')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="column-style">
    <xsl:param name="name"/>
    <xsl:param name="width"/>
    <style:style style:name="{$name}" style:family="table-column">
      <style:table-column-properties style:column-width="{$width}cm"/>
    </style:style>
  </xsl:template>

  <!-- ===== Body ===== -->

  <xsl:template name="odt-body">
    <xsl:call-template name="tracked-changes"/>
    <xsl:if test="$logo">
      <text:p text:style-name="Standard">
        <xsl:call-template name="odt-logo">
          <xsl:with-param name="height-mm" select="15"/>
          <xsl:with-param name="name" select="'Logotyp'"/>
        </xsl:call-template>
      </text:p>
    </xsl:if>
    <text:p text:style-name="Dokumenthuvud"><xsl:value-of select="$org-name"/></text:p>
    <text:p text:style-name="Subtitle"><xsl:value-of select="$type-name"/></text:p>
    <xsl:if test="$is-draft">
      <text:p text:style-name="Utkastmarkering">UTKAST – <xsl:value-of select="$status-name"/>, inte beslutad</text:p>
    </xsl:if>
    <text:p text:style-name="Title"><xsl:value-of select="$meta/s:title"/></text:p>
    <xsl:call-template name="docinfo"/>
    <xsl:call-template name="redline-summary"/>
    <xsl:call-template name="toc"/>
    <xsl:apply-templates select="$document/s:body/s:section"/>
    <xsl:call-template name="roles"/>
    <xsl:call-template name="history"/>
    <xsl:apply-templates select="$document/s:acknowledgement"/>
    <text:p text:style-name="Dokumentslut_20_first"><xsl:value-of select="$org-name"/> · <xsl:value-of select="$meta/s:title"/> · version <xsl:value-of select="$meta/s:version"/> · <xsl:value-of select="$status-name"/></text:p>
    <text:p text:style-name="Dokumentslut">Dokument-id <xsl:value-of select="$short-hash"/></text:p>
    <xsl:if test="/s:project/@build-date">
      <text:p text:style-name="Dokumentslut">Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</text:p>
    </xsl:if>
  </xsl:template>

  <!-- A level-1 heading of the document's own apparatus, with its bookmark. -->
  <xsl:template name="heading">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="style" select="'Heading_20_1'"/>
    <text:h text:style-name="{$style}" text:outline-level="1">
      <text:bookmark text:name="{$id}"/>
      <!-- Removed blocks with no paragraph after them in the body. -->
      <xsl:if test="$id = 'styrdok-roles' or ($id = 'styrdok-history' and not($doc-roles))"><xsl:call-template name="gone-markers-left"/></xsl:if>
      <xsl:copy-of select="$title"/>
    </text:h>
  </xsl:template>

  <!-- Table pieces. -->
  <xsl:template name="th">
    <xsl:param name="value"/>
    <xsl:param name="style" select="'Table_20_Heading'"/>
    <table:table-cell table:style-name="HeadCell" office:value-type="string">
      <text:p text:style-name="{$style}"><xsl:copy-of select="$value"/></text:p>
    </table:table-cell>
  </xsl:template>

  <xsl:template name="td">
    <xsl:param name="value"/>
    <xsl:param name="style" select="'Table_20_Contents'"/>
    <table:table-cell table:style-name="Cell" office:value-type="string">
      <text:p text:style-name="{$style}"><xsl:copy-of select="$value"/></text:p>
    </table:table-cell>
  </xsl:template>

  <xsl:template name="caption">
    <xsl:param name="value"/>
    <text:p text:style-name="Table"><xsl:value-of select="$value"/></text:p>
  </xsl:template>

  <!-- ===== Front-page metadata block ===== -->

  <xsl:template name="row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <table:table-row>
      <xsl:call-template name="th">
        <xsl:with-param name="value"><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="td"><xsl:with-param name="value" select="$value"/></xsl:call-template>
    </table:table-row>
  </xsl:template>

  <!-- Where a redline puts its summary of changes (see diff.xsl). -->
  <xsl:template name="redline-summary"/>

  <!-- The redline's hooks (see changes.xsl); a document has no changes. -->
  <xsl:template name="tracked-changes"/>
  <xsl:template name="gone-markers-left"/>
  <xsl:template name="ins-start"><xsl:param name="slot"/></xsl:template>
  <xsl:template name="ins-end"><xsl:param name="slot"/></xsl:template>
  <xsl:template name="gone-markers"><xsl:param name="key"/></xsl:template>
  <xsl:template name="change-id"><xsl:param name="slot"/></xsl:template>

  <xsl:template name="docinfo">
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="'styrdok-docinfo'"/>
      <xsl:with-param name="title" select="'Dokumentinformation'"/>
    </xsl:call-template>
    <table:table table:name="Dokumentinformation" table:style-name="Tab">
      <table:table-column table:style-name="Info1"/>
      <table:table-column table:style-name="Info2"/>
      <xsl:for-each select="$docinfo">
        <table:table-row>
          <xsl:call-template name="th"><xsl:with-param name="value" select="string(@label)"/></xsl:call-template>
          <xsl:call-template name="td">
            <xsl:with-param name="value">
              <xsl:if test="old">
                <text:change text:change-id="ctinfo{position()}d"/>
                <text:change-start text:change-id="ctinfo{position()}i"/>
              </xsl:if>
              <xsl:for-each select="v">
                <xsl:if test="position() > 1"><text:line-break/></xsl:if>
                <xsl:apply-templates select="." mode="docinfo"/>
              </xsl:for-each>
              <xsl:if test="old"><text:change-end text:change-id="ctinfo{position()}i"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </table:table-row>
      </xsl:for-each>
      <table:table-row>
        <xsl:call-template name="th"><xsl:with-param name="value" select="'Dokument-id'"/></xsl:call-template>
        <xsl:call-template name="td">
          <xsl:with-param name="value"><xsl:value-of select="$short-hash"/><text:line-break/><xsl:value-of select="$doc-id-meaning"/></xsl:with-param>
        </xsl:call-template>
      </table:table-row>
    </table:table>
  </xsl:template>

  <!--
    A value: text, a gap, or another document linked to its ODT beside
    this one (<id>/<version>/<id>.odt; relative links in a package are
    resolved from the package itself, hence one more "../").
  -->
  <xsl:template match="v" mode="docinfo">
    <xsl:choose>
      <xsl:when test="@gap = 'yes'"><text:span text:style-name="Brist"><xsl:value-of select="."/></text:span></xsl:when>
      <xsl:when test="@doc">
        <text:a xlink:type="simple" xlink:href="../../../{@doc}/{@version}/{@doc}.odt"
            text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">
          <xsl:value-of select="."/>
        </text:a>
        <xsl:text> (version </xsl:text><xsl:value-of select="@version"/><xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:when test="@missing = 'yes'">
        <xsl:value-of select="."/>
        <xsl:text> – </xsl:text><text:span text:style-name="Brist">saknas ännu</text:span>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Table of contents ===== -->

  <!--
    A real LibreOffice index (Verktyg > Uppdatera rebuilds it from the
    headings) with a body generated here: the same entries as the HTML,
    each a link to its heading's bookmark and a page reference field.
  -->
  <xsl:template name="toc">
    <text:table-of-content text:name="Innehåll" text:protected="true">
      <text:table-of-content-source text:outline-level="{$toc-depth}">
        <text:index-title-template text:style-name="Contents_20_Heading">Innehåll</text:index-title-template>
        <xsl:call-template name="toc-template"><xsl:with-param name="level" select="1"/></xsl:call-template>
        <xsl:call-template name="toc-template"><xsl:with-param name="level" select="2"/></xsl:call-template>
        <xsl:call-template name="toc-template"><xsl:with-param name="level" select="3"/></xsl:call-template>
      </text:table-of-content-source>
      <text:index-body>
        <text:index-title text:name="Innehåll_rubrik">
          <text:p text:style-name="Contents_20_Heading">Innehåll</text:p>
        </text:index-title>
        <xsl:apply-templates select="$document/s:body/s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
        <xsl:if test="$doc-roles">
          <xsl:call-template name="toc-entry">
            <xsl:with-param name="id" select="'styrdok-roles'"/>
            <xsl:with-param name="title" select="'Roller i dokumentet'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="id" select="'styrdok-history'"/>
          <xsl:with-param name="title" select="'Versionshistorik'"/>
        </xsl:call-template>
        <xsl:if test="$document/s:acknowledgement">
          <xsl:call-template name="toc-entry">
            <xsl:with-param name="id" select="'styrdok-ack'"/>
            <xsl:with-param name="title" select="concat('Bilaga: ', $document/s:acknowledgement/s:title)"/>
          </xsl:call-template>
        </xsl:if>
      </text:index-body>
    </text:table-of-content>
  </xsl:template>

  <xsl:template name="toc-template">
    <xsl:param name="level"/>
    <text:table-of-content-entry-template text:outline-level="{$level}" text:style-name="Contents_20_{$level}">
      <text:index-entry-link-start text:style-name="Index_20_Link"/>
      <text:index-entry-text/>
      <text:index-entry-tab-stop style:type="right" style:leader-char="."/>
      <text:index-entry-page-number/>
      <text:index-entry-link-end/>
    </text:table-of-content-entry-template>
  </xsl:template>

  <xsl:template name="toc-entry">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="level" select="1"/>
    <text:p text:style-name="Contents_20_{$level}">
      <text:a xlink:type="simple" xlink:href="#{$id}" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link"><xsl:value-of select="$title"/></text:a>
      <text:tab/>
      <text:bookmark-ref text:reference-format="page" text:ref-name="{$id}"/>
    </text:p>
  </xsl:template>

  <xsl:template match="s:section" mode="toc">
    <xsl:variable name="level" select="count(ancestor::s:section) + 1"/>
    <xsl:if test="$level &lt;= $toc-depth">
      <xsl:variable name="title"><xsl:apply-templates select="s:title" mode="plain"/></xsl:variable>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="id" select="@id"/>
        <xsl:with-param name="title" select="concat(@num, ' ', normalize-space($title))"/>
        <xsl:with-param name="level" select="$level"/>
      </xsl:call-template>
      <xsl:apply-templates select="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== Body ===== -->

  <xsl:template match="s:section">
    <xsl:variable name="level" select="count(ancestor::s:section) + 1"/>
    <xsl:variable name="style-level">
      <xsl:choose>
        <xsl:when test="$level > 4">4</xsl:when>
        <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <text:h text:style-name="Heading_20_{$style-level}" text:outline-level="{$level}">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <text:bookmark text:name="{@id}"/>
      <xsl:value-of select="concat(@num, ' ')"/>
      <xsl:apply-templates select="s:title" mode="marked"/>
      <xsl:call-template name="ins-end"/>
    </text:h>
    <xsl:apply-templates select="*[not(self::s:title)]"/>
  </xsl:template>

  <xsl:template match="s:prose"><xsl:apply-templates/></xsl:template>

  <xsl:template match="s:requirement">
    <xsl:variable name="parts"><xsl:call-template name="requirement-parts"/></xsl:variable>
    <xsl:variable name="req" select="."/>
    <text:p text:style-name="Krav_20_rubrik">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <text:bookmark text:name="{@id}"/>
      <text:span text:style-name="Kravnummer"><xsl:call-template name="requirement-label"/></text:span>
      <xsl:call-template name="ins-end"/>
    </text:p>
    <xsl:for-each select="s:statement">
      <text:p text:style-name="Krav">
        <xsl:call-template name="ins-start"/>
        <xsl:apply-templates select="." mode="marked"/>
        <xsl:call-template name="ins-end"/>
      </text:p>
    </xsl:for-each>
    <text:p text:style-name="Krav_20_uppgifter">
      <xsl:call-template name="ins-start"><xsl:with-param name="slot" select="1"/></xsl:call-template>
      <xsl:for-each select="exsl:node-set($parts)/part">
        <xsl:if test="position() > 1"> · </xsl:if>
        <xsl:value-of select="concat(@label, ': ')"/>
        <xsl:if test="old">
          <xsl:for-each select="$req"><text:change><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="2"/></xsl:call-template></xsl:attribute></text:change></xsl:for-each>
          <xsl:for-each select="$req"><text:change-start><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="3"/></xsl:call-template></xsl:attribute></text:change-start></xsl:for-each>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="@ref">
            <text:a xlink:type="simple" xlink:href="#role-{@ref}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link"><xsl:value-of select="v"/></text:a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="v"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="old">
          <xsl:for-each select="$req"><text:change-end><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="3"/></xsl:call-template></xsl:attribute></text:change-end></xsl:for-each>
        </xsl:if>
      </xsl:for-each>
      <xsl:call-template name="ins-end"><xsl:with-param name="slot" select="1"/></xsl:call-template>
    </text:p>
    <xsl:apply-templates select="s:prose"/>
  </xsl:template>

  <xsl:template match="s:definitions">
    <xsl:apply-templates select="s:term"/>
  </xsl:template>

  <xsl:template match="s:term">
    <xsl:for-each select="s:name">
      <text:p text:style-name="Begrepp">
        <xsl:for-each select=".."><xsl:call-template name="gone-markers"/></xsl:for-each>
        <xsl:call-template name="ins-start"/>
        <text:bookmark text:name="{../@id}"/>
        <xsl:apply-templates select="." mode="marked"/>
        <xsl:call-template name="ins-end"/>
      </text:p>
    </xsl:for-each>
    <xsl:for-each select="s:definition">
      <text:p text:style-name="Definition">
        <xsl:call-template name="ins-start"/>
        <xsl:apply-templates select="." mode="marked"/>
        <xsl:call-template name="ins-end"/>
      </text:p>
    </xsl:for-each>
  </xsl:template>

  <!-- The responsibility matrix, written once in its own source. -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <xsl:variable name="n" select="count($m/s:parties/s:party)"/>
    <text:p text:style-name="Table">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <xsl:value-of select="$m/s:title"/>
      <xsl:call-template name="ins-end"/>
    </text:p>
    <table:table table:name="Ansvarsmatris{count(preceding::s:matrix-ref) - count($document/preceding::s:matrix-ref) + 1}" table:style-name="Tab">
      <table:table-column table:style-name="Matris1"/>
      <xsl:if test="$n > 0">
        <table:table-column table:style-name="Matris{$n}p" table:number-columns-repeated="{$n}"/>
      </xsl:if>
      <table:table-header-rows>
        <table:table-row>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Aktivitet'"/></xsl:call-template>
          <xsl:for-each select="$m/s:parties/s:party">
            <xsl:call-template name="th"><xsl:with-param name="value" select="string(.)"/><xsl:with-param name="style" select="'PCenterHead'"/></xsl:call-template>
          </xsl:for-each>
        </table:table-row>
      </table:table-header-rows>
      <xsl:for-each select="$m/s:activity">
        <xsl:variable name="a" select="."/>
        <table:table-row>
          <xsl:call-template name="th"><xsl:with-param name="value" select="string(s:name)"/></xsl:call-template>
          <xsl:for-each select="$m/s:parties/s:party">
            <xsl:call-template name="td">
              <xsl:with-param name="value" select="string($a/s:part[@party = current()/@id]/@role)"/>
              <xsl:with-param name="style" select="'PCenter'"/>
            </xsl:call-template>
          </xsl:for-each>
        </table:table-row>
      </xsl:for-each>
    </table:table>
    <xsl:if test="$m/s:legend">
      <text:p text:style-name="Tabellnot">
        <xsl:call-template name="ins-start"><xsl:with-param name="slot" select="1"/></xsl:call-template>
        <xsl:value-of select="$m/s:legend"/>
        <xsl:call-template name="ins-end"><xsl:with-param name="slot" select="1"/></xsl:call-template>
      </text:p>
    </xsl:if>
  </xsl:template>

  <!-- The acknowledgement staff sign: a page of its own. -->
  <xsl:template match="s:acknowledgement">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="'styrdok-ack'"/>
      <xsl:with-param name="title" select="concat('Bilaga: ', s:title)"/>
      <xsl:with-param name="style" select="'PBreak'"/>
    </xsl:call-template>
    <xsl:call-template name="caption"><xsl:with-param name="value" select="'Dokumentet bekräftelsen gäller'"/></xsl:call-template>
    <table:table table:name="Bekraftelse" table:style-name="Tab">
      <table:table-column table:style-name="Info1"/>
      <table:table-column table:style-name="Info2"/>
      <table:table-row>
        <xsl:call-template name="th"><xsl:with-param name="value" select="'Dokument'"/></xsl:call-template>
        <xsl:call-template name="td"><xsl:with-param name="value" select="string($meta/s:title)"/></xsl:call-template>
      </table:table-row>
      <table:table-row>
        <xsl:call-template name="th"><xsl:with-param name="value" select="'Version'"/></xsl:call-template>
        <xsl:call-template name="td"><xsl:with-param name="value" select="concat($meta/s:version, ' (', $status-name, ')')"/></xsl:call-template>
      </table:table-row>
      <table:table-row>
        <xsl:call-template name="th"><xsl:with-param name="value" select="'Beslut'"/></xsl:call-template>
        <xsl:call-template name="td">
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$dec/@date"><xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$dec"/></xsl:call-template><xsl:if test="$dec/@dnr">, dnr <xsl:value-of select="$dec/@dnr"/></xsl:if></xsl:when>
              <xsl:otherwise>Ej beslutad</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </table:table-row>
      <table:table-row>
        <xsl:call-template name="th"><xsl:with-param name="value" select="'Kontrollsumma'"/></xsl:call-template>
        <xsl:call-template name="td">
          <xsl:with-param name="value"><text:span text:style-name="Kontrollsumma"><xsl:value-of select="$short-hash"/></text:span></xsl:with-param>
        </xsl:call-template>
      </table:table-row>
    </table:table>
    <text:p text:style-name="Bekraftelse"><xsl:value-of select="s:statement"/></text:p>
    <xsl:call-template name="caption"><xsl:with-param name="value" select="'Fylls i av medarbetaren'"/></xsl:call-template>
    <table:table table:name="Underskrift" table:style-name="Tab">
      <table:table-column table:style-name="Info1"/>
      <table:table-column table:style-name="Info2"/>
      <xsl:for-each select="str:split('Namn|Förvaltning och enhet|Befattning|Anställningsnummer|Ort och datum|Underskrift', '|')">
        <table:table-row table:style-name="SignRow">
          <xsl:call-template name="th"><xsl:with-param name="value" select="string(.)"/></xsl:call-template>
          <xsl:call-template name="td"><xsl:with-param name="value" select="''"/></xsl:call-template>
        </table:table-row>
      </xsl:for-each>
    </table:table>
    <text:p text:style-name="Text_20_body"><xsl:value-of select="s:filing"/></text:p>
  </xsl:template>

  <!-- ===== Roles and history ===== -->

  <xsl:template name="roles">
    <xsl:if test="$doc-roles">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'styrdok-roles'"/>
        <xsl:with-param name="title" select="'Roller i dokumentet'"/>
      </xsl:call-template>
      <xsl:call-template name="caption"><xsl:with-param name="value" select="'Roller som dokumentet ger ansvar, med innehavare och krav'"/></xsl:call-template>
      <table:table table:name="Roller" table:style-name="Tab">
        <table:table-column table:style-name="Roll1"/>
        <table:table-column table:style-name="Roll2"/>
        <table:table-column table:style-name="Roll3"/>
        <table:table-column table:style-name="Roll4"/>
        <table:table-header-rows>
          <table:table-row>
            <xsl:call-template name="th"><xsl:with-param name="value" select="'Roll'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="value" select="'Innehas av'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="value" select="'Utses av'"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="value" select="'Ansvarar för krav'"/></xsl:call-template>
          </table:table-row>
        </table:table-header-rows>
        <xsl:for-each select="$doc-roles">
          <xsl:variable name="rid" select="@id"/>
          <table:table-row>
            <xsl:call-template name="th">
              <xsl:with-param name="value"><text:bookmark text:name="role-{@id}"/><xsl:value-of select="s:name"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="td">
              <xsl:with-param name="value">
                <xsl:for-each select="s:holder">
                  <xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="td"><xsl:with-param name="value" select="string(s:appointed-by)"/></xsl:call-template>
            <xsl:call-template name="td">
              <xsl:with-param name="value">
                <xsl:variable name="reqs" select="$document//s:requirement[@role = $rid][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>
                <xsl:for-each select="$reqs">
                  <xsl:if test="position() > 1">, </xsl:if>
                  <text:a xlink:type="simple" xlink:href="#{@id}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link"><xsl:value-of select="@num"/></text:a>
                </xsl:for-each>
                <xsl:if test="not($reqs)">–</xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </table:table-row>
        </xsl:for-each>
      </table:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="history">
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="'styrdok-history'"/>
      <xsl:with-param name="title" select="'Versionshistorik'"/>
    </xsl:call-template>
    <xsl:call-template name="caption"><xsl:with-param name="value" select="'Versioner av dokumentet, äldst först'"/></xsl:call-template>
    <table:table table:name="Versionshistorik" table:style-name="Tab">
      <table:table-column table:style-name="Hist1"/>
      <table:table-column table:style-name="Hist2"/>
      <table:table-column table:style-name="Hist3"/>
      <table:table-column table:style-name="Hist4"/>
      <table:table-column table:style-name="Hist5"/>
      <table:table-header-rows>
        <table:table-row>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Version'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Datum'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Beslut'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Ansvarig'"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="value" select="'Ändring'"/></xsl:call-template>
        </table:table-row>
      </table:table-header-rows>
      <xsl:for-each select="$document/s:history/s:revision">
        <table:table-row>
          <xsl:call-template name="th"><xsl:with-param name="value" select="string(@version)"/></xsl:call-template>
          <xsl:call-template name="td"><xsl:with-param name="value" select="string(@date)"/></xsl:call-template>
          <xsl:call-template name="td">
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="@organ">
                  <xsl:call-template name="decision-ref"><xsl:with-param name="with-date" select="false()"/></xsl:call-template>
                  <xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if>
                </xsl:when>
                <xsl:otherwise>Ej beslutad</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="td">
            <xsl:with-param name="value">
              <xsl:if test="@author"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@author"/></xsl:call-template></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="td">
            <xsl:with-param name="value">
              <xsl:value-of select="."/>
              <xsl:if test="@superseded"> Upphävd genom <xsl:value-of select="@superseded"/>.</xsl:if>
              <xsl:if test="@archived = 'no'"><xsl:text> </xsl:text><text:span text:style-name="Emphasis">(Texten är inte arkiverad.)</text:span></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </table:table-row>
      </xsl:for-each>
    </table:table>
  </xsl:template>
</xsl:stylesheet>
