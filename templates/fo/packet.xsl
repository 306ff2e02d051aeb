<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  packet.xsl (fo) - the approval packet of an ärende as one PDF: the
  tjänsteskrivelse, the table of contents with page numbers, each bilaga
  from a new page with a bookmark of its own, and the answers to the
  auditors.  The HTML packet builds the page and html.xsl sets it, the
  bilagor's redline marks included.
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
  <xsl:import href="../html/packet.xsl"/>

  <!-- XML; styrdok drops the doctype the HTML stylesheet declares. -->
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="page"><xsl:apply-imports/></xsl:variable>
    <xsl:call-template name="html-page">
      <xsl:with-param name="html" select="exsl:node-set($page)"/>
      <xsl:with-param name="master" select="'styrdok'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
