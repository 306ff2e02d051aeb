<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  sheets.xsl (fo) - one acknowledgement sheet per person (<signing> in
  the tree), each exactly one page, its own page sequence: the
  document's title, version, decision and content hash, the statement,
  the person's name, unit, title and employee number, and lines for
  place, date, signature and the receiving manager.
  Parameters: doc, the document signed; offset and total as for the
  HTML sheets (styrdok renders the sheets in parts and joins them at the
  comments around the page sequences; the bookmark tree, which must come
  before them, is written only when one part holds everyone).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="document.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="offset" select="0"/>
  <xsl:param name="total" select="count(/s:project/s:signing[@doc = $doc]/s:person)"/>

  <xsl:variable name="ack" select="$document/s:acknowledgement"/>
  <xsl:variable name="people" select="/s:project/s:signing[@doc = $doc]/s:person"/>
  <xsl:variable name="dec" select="$meta/s:decision"/>
  <xsl:variable name="sheet-stamp">
    <xsl:call-template name="only"><xsl:with-param name="s" select="$doc"/></xsl:call-template>
    <xsl:text> · version </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$meta/s:version"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$short-hash"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <fo:root xml:lang="sv" font-family="{$font-body}" font-size="{$size-body}" line-height="1.4"
        color="{$c-text}" hyphenate="false" text-align="start">
      <xsl:call-template name="layout-masters"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="concat('Bekräftelser – ', $meta/s:title, ' version ', $meta/s:version)"/>
        <xsl:with-param name="subject" select="concat($total, ' personliga blanketter för bekräftelse av ', $meta/s:title, ', version ', $meta/s:version)"/>
        <xsl:with-param name="identifier" select="concat('sha256:', $sha256)"/>
      </xsl:call-template>
      <xsl:if test="$offset = 0 and count($people) = $total and $people">
        <fo:bookmark-tree>
          <xsl:for-each select="$people">
            <fo:bookmark internal-destination="sheet-{position()}">
              <fo:bookmark-title><xsl:value-of select="concat(@name, ' (', @employee, ')')"/></fo:bookmark-title>
            </fo:bookmark>
          </xsl:for-each>
        </fo:bookmark-tree>
      </xsl:if>
      <xsl:if test="$total = 0">
        <fo:page-sequence master-reference="styrdok-single">
          <fo:flow flow-name="xsl-region-body"><fo:block>Personallistan är tom.</fo:block></fo:flow>
        </fo:page-sequence>
      </xsl:if>
      <xsl:comment>styrdok:sheets</xsl:comment>
      <xsl:for-each select="$people">
        <xsl:variable name="n" select="position() + $offset"/>
        <fo:page-sequence master-reference="styrdok-single" initial-page-number="{$n}" force-page-count="no-force">
          <xsl:call-template name="furniture">
            <xsl:with-param name="stamp" select="$sheet-stamp"/>
            <xsl:with-param name="draft" select="$is-draft"/>
            <xsl:with-param name="footer-right">Blankett <xsl:value-of select="$n"/> av <xsl:value-of select="$total"/></xsl:with-param>
          </xsl:call-template>
          <fo:flow flow-name="xsl-region-body">
            <xsl:call-template name="sheet"><xsl:with-param name="n" select="$n"/></xsl:call-template>
          </fo:flow>
        </fo:page-sequence>
      </xsl:for-each>
      <xsl:comment>/styrdok:sheets</xsl:comment>
    </fo:root>
  </xsl:template>

  <!-- One person's sheet, kept to one page. -->
  <xsl:template name="sheet">
    <xsl:param name="n"/>
    <fo:block id="sheet-{$n}" keep-together.within-page="always">
      <xsl:call-template name="masthead">
        <xsl:with-param name="kind" select="'Bekräftelse'"/>
        <xsl:with-param name="stamp" select="''"/>
      </xsl:call-template>
      <xsl:if test="$is-draft">
        <xsl:call-template name="banner">
          <xsl:with-param name="text" select="'UTKAST – dokumentet är inte beslutat'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/>
        <xsl:with-param name="tag" select="'H1'"/>
        <xsl:with-param name="text" select="concat($ack/s:title, ': ', @name)"/>
      </xsl:call-template>
      <xsl:call-template name="caption"><xsl:with-param name="text" select="'Dokumentet bekräftelsen gäller'"/></xsl:call-template>
      <!-- The document's data on the left, the sheet's code on the right. -->
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="33mm"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell>
              <fo:table xsl:use-attribute-sets="table" font-size="9.5pt" space-after="0">
                <fo:table-column fox:header="true" column-width="proportional-column-width(34)"/>
                <fo:table-column column-width="proportional-column-width(66)"/>
                <fo:table-body>
                  <xsl:call-template name="info-row">
                    <xsl:with-param name="label" select="'Dokument'"/>
                    <xsl:with-param name="value" select="string($meta/s:title)"/>
                  </xsl:call-template>
                  <xsl:call-template name="info-row">
                    <xsl:with-param name="label" select="'Version'"/>
                    <xsl:with-param name="value"><xsl:value-of select="$meta/s:version"/><xsl:if test="$is-draft"> (utkast)</xsl:if></xsl:with-param>
                  </xsl:call-template>
                  <xsl:call-template name="info-row">
                    <xsl:with-param name="label" select="'Beslut'"/>
                    <xsl:with-param name="value">
                      <xsl:choose>
                        <xsl:when test="$dec/@date"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@organ"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$dec/@date"/> § <xsl:value-of select="$dec/@paragraph"/>, dnr <xsl:value-of select="$dec/@dnr"/></xsl:when>
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
            </fo:table-cell>
            <fo:table-cell display-align="before" padding-left="3mm">
              <xsl:apply-templates select="s:qr"/>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
      <!-- The code as text, on one line where it fits: a line broken at a hyphen reads back without it. -->
      <xsl:for-each select="s:qr">
        <fo:block font-size="8pt" space-before="1mm" hyphenate="false">Kod för registrering: <fo:inline font-family="{$font-mono}"><xsl:value-of select="@payload"/></fo:inline></fo:block>
      </xsl:for-each>
      <fo:block font-weight="bold" space-before="2.5mm" space-after="3mm"><xsl:value-of select="normalize-space($ack/s:statement)"/></fo:block>
      <xsl:call-template name="sign-table">
        <xsl:with-param name="caption" select="'Medarbetaren'"/>
        <xsl:with-param name="person" select="."/>
        <xsl:with-param name="manager" select="true()"/>
      </xsl:call-template>
      <fo:block font-size="9pt"><xsl:value-of select="normalize-space($ack/s:filing)"/></fo:block>
    </fo:block>
  </xsl:template>

  <!--
    The sheet's code: the QR symbol as SVG, which FOP sets as vector
    graphics, drawn from the runs of dark modules styrdok put in the tree (a quiet
    zone of four modules), with its text alternative.  The payload is
    also printed as text, in the table beside it.
  -->
  <xsl:template match="s:qr">
    <xsl:variable name="box" select="@modules + 8"/>
    <fo:block line-height="0">
      <fo:instream-foreign-object content-width="30mm" content-height="30mm"
          fox:alt-text="{concat('QR-kod för registrering av bekräftelsen: ', $doc, ', version ', $meta/s:version, ', kontrollsumma ', $short-hash, ', anställningsnummer ', ../@employee)}">
        <svg:svg width="{$box}" height="{$box}" viewBox="-4 -4 {$box} {$box}">
          <svg:rect x="-4" y="-4" width="{$box}" height="{$box}" fill="#ffffff"/>
          <svg:path fill="#000000" shape-rendering="crispEdges" d="{@path}"/>
        </svg:svg>
      </fo:instream-foreign-object>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
