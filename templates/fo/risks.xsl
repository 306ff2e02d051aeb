<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  risks.xsl (fo) - the risk analyses with their probability x consequence matrices, as XSL-FO.  The HTML stylesheet of the same kind
  builds the page and html.xsl sets it, so the PDF carries the same
  content as the HTML page.  Parameters as for ../html/risks.xsl (doc,
  restricted).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl">

  <xsl:import href="html.xsl"/>
  <xsl:import href="../html/risks.xsl"/>

  <!-- XML; styrdok drops the doctype the HTML stylesheet declares. -->
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- A4 landscape less the margins (see html.xsl). -->
  <xsl:variable name="body-width" select="261"/>

  <xsl:template match="/">
    <xsl:variable name="page"><xsl:apply-imports/></xsl:variable>
    <xsl:call-template name="html-page">
      <xsl:with-param name="html" select="exsl:node-set($page)"/>
      <xsl:with-param name="master" select="'styrdok-landscape'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
