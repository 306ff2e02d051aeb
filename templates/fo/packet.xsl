<?xml version="1.0" encoding="UTF-8"?>
<!--
  packet.xsl (fo) - the approval packet of an ärende as one PDF: the
  tjänsteskrivelse, the table of contents with page numbers, each bilaga
  from a new page with a bookmark of its own, and the answers to the
  auditors.  The HTML packet builds the page and html.xsl sets it; where
  the HTML points to the separate redline file, the PDF carries the
  redline itself (the <diff> of that document, set as diff.xsl sets it),
  since a PDF/A cannot link to another file.
  Parameter: doc, the case id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:s="urn:styrdok:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s">

  <xsl:import href="html.xsl"/>
  <xsl:import href="diff.xsl"/>
  <xsl:import href="../html/packet.xsl"/>

  <!-- Text: see "serialize" in html.xsl. -->
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="all-diffs" select="/s:project/s:diff"/>

  <xsl:template match="/">
    <xsl:variable name="page"><xsl:apply-imports/></xsl:variable>
    <xsl:variable name="fo">
      <xsl:call-template name="html-page">
        <xsl:with-param name="html" select="exsl:node-set($page)"/>
        <xsl:with-param name="master" select="'styrdok'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="serialize"><xsl:with-param name="fo" select="exsl:node-set($fo)"/></xsl:call-template>
  </xsl:template>

  <!-- "The full comparison is in redline-ID.html": the redline, here. -->
  <xsl:template match="p[a[starts-with(@href, 'redline-')]]" mode="h2f" priority="3">
    <xsl:variable name="id" select="substring-before(substring-after(a/@href, 'redline-'), '.html')"/>
    <xsl:variable name="d" select="$all-diffs[@doc = $id][last()]"/>
    <xsl:choose>
      <xsl:when test="$d">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="3"/>
          <xsl:with-param name="id" select="concat($id, '-styrdok-redline')"/>
          <xsl:with-param name="text" select="'Texten med ändringarna markerade'"/>
        </xsl:call-template>
        <xsl:call-template name="diff-intro"><xsl:with-param name="d" select="$d"/></xsl:call-template>
        <xsl:apply-templates select="$d/s:units/s:unit">
          <xsl:with-param name="prefix" select="concat($id, '-')"/>
          <xsl:with-param name="shift" select="2"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <fo:block space-after="2.5mm"><xsl:value-of select="normalize-space(.)"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
