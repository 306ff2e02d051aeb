<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  report.xsl (fo) - the governance report: the auditors' questions answered from the sources, each finding's status, documents due for review, acknowledgements and systems with gaps, as XSL-FO.  The HTML stylesheet of the same kind
  builds the page and html.xsl sets it, so the PDF carries the same
  content as the HTML page.  Parameters as for ../html/report.xsl (doc,
  restricted).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl">

  <xsl:import href="html.xsl"/>
  <xsl:import href="../html/report.xsl"/>

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
