<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl (Markdown) - the redline: the new version as CommonMark
  (document.xsl) with its changes in CriticMarkup (inserted words
  between {++ and ++}, deleted ones between {- - and - -}, notes between
  {>> and <<}), and after the dokumentinformation a
  list of what changed.  Only that list is made here.
  Parameter: doc, the document id (its last <redline> is shown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="redline-summary">
    <xsl:value-of select="concat('## Ändringar', $nl, $nl)"/>
    <xsl:variable name="compared"><xsl:call-template name="redline-compared"/></xsl:variable>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$compared"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="not($changes)">
        <xsl:value-of select="concat('Texten är densamma i båda versionerna.', $nl, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('Ny text är markerad {++så här++} och borttagen text {--så här--} (CriticMarkup).', $nl, $nl)"/>
        <xsl:for-each select="$changes">
          <xsl:variable name="line">
            <xsl:call-template name="change-label"/>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="change-detail"/>
          </xsl:variable>
          <xsl:text>- </xsl:text>
          <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$line"/></xsl:call-template>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
